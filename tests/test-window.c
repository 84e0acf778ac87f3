/* test-window.c: the application opens its window on a database, or says why it cannot.
 * Runs under Xvfb (build-aux/dev test).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

#include "council-application.h"
#include "council-preferences-dialog.h"
#include "council-test-helpers.h"
#include "council-window.h"
#include "council-window-private.h"

/* ---- main-loop helpers ---- */

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static GtkWidget *
template_child (CouncilWindow *window, const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), COUNCIL_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static gboolean
has_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_is_drawable (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* Toplevel windows of @type, as a person would see them on screen. */
static GList *
visible_toplevels_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
  GList *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w))
        found = g_list_prepend (found, w);
    }
  return found;
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* ---- the window on a fresh database ---- */

typedef struct
{
  CouncilApplication *app;
  CouncilWindow *window;
  char *backup_path;
  gboolean ran;
} WindowTest;

static gboolean
message_starts_with (gpointer data)
{
  WindowTest *t = data;
  GtkWidget *label = template_child (t->window, "message_label");
  GtkWidget *revealer = template_child (t->window, "message_revealer");

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Backup written to ");
}

static gboolean
preferences_shown (gpointer data)
{
  g_autoptr(GList) dialogs = visible_toplevels_of_type (COUNCIL_TYPE_PREFERENCES_DIALOG);
  return dialogs != NULL && gtk_widget_get_mapped (dialogs->data);
}

static void
check_window (WindowTest *t)
{
  CouncilStore *store = council_application_get_store (t->app);
  GtkWidget *undo_button, *sidebar, *stack, *revealer, *label;
  g_autoptr(CouncilOrganization) org = NULL;
  g_autoptr(CouncilOrganization) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) dialogs = NULL;
  const char *tooltip;
  int width, height;
  gint64 id;

  t->window = COUNCIL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (t->app)));
  g_assert_true (COUNCIL_IS_WINDOW (t->window));
  council_test_wait_for (widget_is_mapped, t->window, "the window to be shown");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (t->window)), ==, "Council Desk");
  g_assert_true (council_window_get_store (t->window) == store);
  g_assert_cmpuint (council_store_count_organizations (store, FALSE), ==, 22);

  /* The size remembered from last time. */
  gtk_window_get_default_size (GTK_WINDOW (t->window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);

  /* The sidebar lists the Overview first and the roster; with no view
   * remembered the Overview is shown. */
  sidebar = template_child (t->window, "sidebar");
  stack = template_child (t->window, "stack");
  g_assert_true (has_label (sidebar, "Overview"));
  g_assert_true (has_label (sidebar, "Roster"));
  /* Views are built when first shown (test-lazy-views): not the roster yet. */
  g_assert_null (gtk_stack_get_child_by_name (GTK_STACK (stack), "roster"));
  g_assert_cmpstr (gtk_stack_page_get_name (gtk_stack_get_page (GTK_STACK (stack), gtk_widget_get_first_child (stack))), ==, "overview");
  g_assert_cmpstr (council_window_get_view (t->window), ==, "overview");

  /* Ctrl+Z is the undo key. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (t->app), "win.undo");
    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>z"));
  }

  /* A fresh database has nothing to undo: the seed is not a change to take back. */
  undo_button = template_child (t->window, "undo_button");
  g_assert_false (gtk_widget_is_sensitive (undo_button));

  /* An edit, from anywhere, makes it undoable, and the tooltip says what. */
  id = council_store_find_organization_by_name (store, "九龙坡区总工会", NULL);
  org = council_store_get_organization (store, id, &error);
  g_assert_no_error (error);
  council_organization_set_phone (org, "023-68781234");
  g_assert_true (council_store_save_organization (store, org, &error));
  g_assert_no_error (error);
  council_test_spin ();
  g_assert_true (gtk_widget_is_sensitive (undo_button));
  tooltip = gtk_widget_get_tooltip_text (undo_button);
  g_assert_cmpstr (tooltip, ==, "Undo: Edit organization “Jiulongpo District Federation of Trade Unions”");

  /* Ctrl+Z's action takes it back in the store and says so. */
  revealer = template_child (t->window, "message_revealer");
  label = template_child (t->window, "message_label");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->window), "win.undo", NULL));
  council_test_spin ();
  after = council_store_get_organization (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (council_organization_get_phone (after), ==, "");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "Undone: Edit organization “Jiulongpo District Federation of Trade Unions”");
  g_assert_false (gtk_widget_is_sensitive (undo_button));

  /* The message bar can be closed. */
  g_signal_emit_by_name (template_child (t->window, "message_close_button"), "clicked");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  /* Preferences opens over the window. */
  g_action_group_activate_action (G_ACTION_GROUP (t->app), "preferences", NULL);
  council_test_wait_for (preferences_shown, NULL, "the preferences dialog");
  dialogs = visible_toplevels_of_type (COUNCIL_TYPE_PREFERENCES_DIALOG);
  g_assert_cmpuint (g_list_length (dialogs), ==, 1);
  g_assert_true (gtk_window_get_transient_for (dialogs->data) == GTK_WINDOW (t->window));
  g_assert_cmpstr (gtk_window_get_title (dialogs->data), ==, "Preferences");
  gtk_window_close (dialogs->data);
  council_test_spin ();

  /* Back Up… once a file is chosen: written in the background, then reported. */
  council_window_back_up_to (t->window, t->backup_path);
  council_test_wait_for (message_starts_with, t, "the backup to be reported");
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (label)), t->backup_path));
  g_assert_true (g_file_test (t->backup_path, G_FILE_TEST_EXISTS));

  /* Resized, then closed: the size is kept for next time. */
  gtk_window_set_default_size (GTK_WINDOW (t->window), 1100, 640);
  council_test_spin ();
  gtk_window_close (GTK_WINDOW (t->window));
  t->ran = TRUE;
}

static gboolean
check_window_idle_cb (gpointer data)
{
  check_window (data);
  return G_SOURCE_REMOVE;
}

static void
on_activate_window_test_cb (GApplication *app, WindowTest *t)
{
  g_idle_add (check_window_idle_cb, t);
}

static void
test_window (void)
{
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "council.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CouncilCliOptions options = { 0 };
  WindowTest t = { 0 };
  int status;

  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 700);

  options.database = path;
  t.backup_path = g_build_filename (dir, "council backup 2026-11-29.db", NULL);
  t.app = council_application_new (&options);
  g_signal_connect_after (t.app, "activate", G_CALLBACK (on_activate_window_test_cb), &t);
  status = g_application_run (G_APPLICATION (t.app), 0, NULL);
  g_assert_true (t.ran);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (council_application_get_exit_status (t.app), ==, 0);
  g_clear_object (&t.app);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  {
    g_autofree char *last_view = g_settings_get_string (settings, "last-view");
    g_assert_cmpstr (last_view, ==, "overview");
  }

  /* The database was created where asked, private to the user, and closed
   * cleanly with the window: no -wal file left beside it. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    GStatBuf st;

    /* A daily backup still copying in its worker thread closes its own
     * connection when it finishes; give it that moment. */
    for (int i = 0; i < 200 && g_file_test (wal, G_FILE_TEST_EXISTS); i++)
      {
        while (g_main_context_iteration (NULL, FALSE))
          ;
        g_usleep (50 * 1000);
      }
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* The backup holds the roster as it was. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CouncilStore) copy = council_store_open (t.backup_path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (council_store_count_organizations (copy, TRUE), ==, 22);
  }
  g_free (t.backup_path);
  council_test_rm_rf (dir);
}

/* ---- the daily backup ---- */

typedef struct
{
  CouncilApplication *app;
  char *backup;
  CouncilWindow *window;   /* weak */
} BackupTest;

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
check_backup_idle_cb (gpointer data)
{
  BackupTest *t = data;

  t->window = COUNCIL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (t->app)));
  g_object_add_weak_pointer (G_OBJECT (t->window), (gpointer *) &t->window);
  council_test_wait_for (widget_is_mapped, t->window, "the window to be shown");
  /* Soon after start-up, without anyone asking. */
  council_test_wait_for (file_exists, t->backup, "the daily backup");
  gtk_window_close (GTK_WINDOW (t->window));
  return G_SOURCE_REMOVE;
}

static void
on_activate_backup_test_cb (GApplication *app, BackupTest *t)
{
  g_idle_add (check_backup_idle_cb, t);
}

static void
test_daily_backup (void)
{
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "council.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "council-%Y-%m-%d.db");
  CouncilCliOptions options = { 0 };
  BackupTest t = { 0 };

  t.backup = g_build_filename (dir, "backups", name, NULL);
  options.database = path;
  t.app = council_application_new (&options);
  g_signal_connect_after (t.app, "activate", G_CALLBACK (on_activate_backup_test_cb), &t);
  g_assert_cmpint (g_application_run (G_APPLICATION (t.app), 0, NULL), ==, 0);
  g_clear_object (&t.app);
  /* Let the copy report back, then the window goes and the database is closed. */
  council_test_wait_for (pointer_cleared, &t.window, "the window to be finalized");
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CouncilStore) copy = council_store_open (t.backup, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (council_store_count_organizations (copy, TRUE), ==, 22);
  }
  g_free (t.backup);
  council_test_rm_rf (dir);
}

/* ---- a database the program must not open ---- */

typedef struct
{
  CouncilApplication *app;
  gboolean ran;
} ErrorTest;

static gboolean
error_dialog_shown (gpointer data)
{
  g_autoptr(GList) dialogs = visible_toplevels_of_type (GTK_TYPE_MESSAGE_DIALOG);
  return dialogs != NULL && gtk_widget_get_mapped (dialogs->data);
}

static gboolean
check_error_idle_cb (gpointer data)
{
  ErrorTest *t = data;
  g_autoptr(GList) dialogs = NULL;
  g_autoptr(GList) windows = NULL;
  g_autofree char *text = NULL;
  g_autofree char *secondary = NULL;

  council_test_wait_for (error_dialog_shown, NULL, "the error dialog");
  dialogs = visible_toplevels_of_type (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_cmpuint (g_list_length (dialogs), ==, 1);
  g_object_get (dialogs->data, "text", &text, "secondary-text", &secondary, NULL);
  g_assert_cmpstr (text, ==, "Council Desk cannot open its database");
  g_assert_nonnull (strstr (secondary, "newer version of Council Desk"));
  g_assert_nonnull (strstr (secondary, "left untouched"));

  /* No window on a database it cannot use. */
  windows = visible_toplevels_of_type (COUNCIL_TYPE_WINDOW);
  g_assert_null (windows);
  g_assert_null (council_application_get_store (t->app));

  /* Closing the message ends the program. */
  gtk_dialog_response (GTK_DIALOG (dialogs->data), GTK_RESPONSE_CLOSE);
  t->ran = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_activate_error_test_cb (GApplication *app, ErrorTest *t)
{
  g_idle_add (check_error_idle_cb, t);
}

static void
test_newer_database (void)
{
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "council.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *sql = g_strdup_printf (
    "PRAGMA application_id = %d; PRAGMA user_version = 999; CREATE TABLE future (x);",
    COUNCIL_STORE_APPLICATION_ID);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CouncilCliOptions options = { 0 };
  ErrorTest t = { 0 };
  sqlite3 *db = NULL;
  int status;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_checksum (path);

  options.database = path;
  t.app = council_application_new (&options);
  g_signal_connect_after (t.app, "activate", G_CALLBACK (on_activate_error_test_cb), &t);
  status = g_application_run (G_APPLICATION (t.app), 0, NULL);
  g_assert_true (t.ran);
  /* What main() returns. */
  g_assert_cmpint (status != 0 ? status : council_application_get_exit_status (t.app), ==, 1);
  g_clear_object (&t.app);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  council_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/opens", test_window);
  g_test_add_func ("/window/daily-backup", test_daily_backup);
  g_test_add_func ("/window/newer-database", test_newer_database);

  return g_test_run ();
}
