/* test-drafts.c: the window killed while the editor holds unsaved text.
 *
 * The editor keeps a draft of the form a second after each edit. A window
 * that never closes cleanly (destroyed here without saving or the close
 * dialog, as SIGKILL would leave it) leaves the draft; the next window on the
 * same database says what was not saved and restores it, or discards it.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "council-gui-resources.h"
#include "council-org-editor-private.h"
#include "council-roster-view-private.h"
#include "council-test-helpers.h"

typedef struct
{
  GtkWindow *window;
  CouncilRosterView *view;
  CouncilOrgEditor *editor;
} Window;

typedef struct
{
  CouncilStore *store;
  char *path;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition condition, gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (((Window *) data)->view));
}

static gboolean
has_draft (gpointer data)
{
  g_autoptr(GPtrArray) drafts = council_draft_list (data);
  return drafts->len == 1;
}

static gboolean
has_draft_dialog (gpointer data)
{
  return council_roster_view_get_draft_dialog (((Window *) data)->view) != NULL;
}

static void
open_window (Window *w, CouncilStore *store)
{
  w->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (w->window, 1200, 780);
  w->view = council_roster_view_new (store);
  w->editor = council_roster_view_get_editor (w->view);
  gtk_window_set_child (w->window, GTK_WIDGET (w->view));
  gtk_window_present (w->window);
  g_assert_true (wait_until (is_mapped, w));
}

static void
destroy_window (Window *w)
{
  gtk_window_destroy (w->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->store = council_test_open_store (&f->path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_clear_object (&f->store);
  council_test_rm_rf (dir);
  g_free (f->path);
}

static const char *
field_text (Window *w, CouncilOrgField field)
{
  return gtk_editable_get_text (GTK_EDITABLE (council_org_editor_get_field_widget (w->editor, field)));
}

/* Types into the first organization, waits for the draft, then the window
 * goes away without any of the clean ways of closing. Returns its id. */
static gint64
type_and_crash (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  Window first = { 0 };
  GListModel *rows;
  g_autoptr(CouncilOrganization) org = NULL;
  GtkWidget *notes;
  gint64 id;

  open_window (&first, f->store);
  rows = G_LIST_MODEL (gtk_column_view_get_model (council_roster_view_get_column_view (first.view)));
  org = g_list_model_get_item (rows, 0);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), 0, TRUE);
  g_assert_cmpint (council_org_editor_get_organization_id (first.editor), ==, council_organization_get_id (org));

  gtk_editable_set_text (GTK_EDITABLE (council_org_editor_get_field_widget (first.editor, COUNCIL_ORG_FIELD_PHONE)),
                         "023-69999999");
  notes = council_org_editor_get_field_widget (first.editor, COUNCIL_ORG_FIELD_NOTES);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)), "草稿：第三季度台账\n第二行 𠀀", -1);
  g_assert_true (council_org_editor_has_unsaved_changes (first.editor));
  g_assert_true (wait_until (has_draft, f->path));

  id = council_organization_get_id (org);
  destroy_window (&first);
  /* Nothing reached the database. */
  g_clear_object (&org);
  org = council_store_get_organization (f->store, id, &error);
  g_assert_cmpstr (council_organization_get_phone (org), !=, "023-69999999");
  return id;
}

static void
test_restore_after_crash (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) reopened = NULL;
  g_autoptr(CouncilOrganization) before = NULL;
  g_autoptr(CouncilOrganization) saved = NULL;
  g_autoptr(GPtrArray) left = NULL;
  Window second = { 0 };
  GtkWidget *dialog;
  const char *text;
  gint64 id = type_and_crash (f);

  before = council_store_get_organization (f->store, id, &error);
  g_clear_object (&f->store);
  /* The next start: a new store and window on the same file. */
  reopened = council_store_open (f->path, &error);
  g_assert_no_error (error);
  open_window (&second, reopened);
  g_assert_true (wait_until (has_draft_dialog, &second));
  dialog = council_roster_view_get_draft_dialog (second.view);
  g_object_get (dialog, "text", &text, NULL);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Your unsaved changes to “"));
  g_assert_nonnull (strstr (text, council_organization_get_display_name (before)));
  g_assert_nonnull (strstr (text, "were not saved"));
  g_free ((char *) text);

  gtk_dialog_response (GTK_DIALOG (dialog), 2 /* Restore */);
  g_assert_null (council_roster_view_get_draft_dialog (second.view));
  g_assert_cmpint (council_org_editor_get_organization_id (second.editor), ==, id);
  g_assert_true (council_org_editor_has_unsaved_changes (second.editor));
  g_assert_cmpstr (field_text (&second, COUNCIL_ORG_FIELD_PHONE), ==, "023-69999999");

  g_assert_true (council_org_editor_save (second.editor));
  saved = council_store_get_organization (reopened, id, &error);
  g_assert_cmpstr (council_organization_get_phone (saved), ==, "023-69999999");
  g_assert_cmpstr (council_organization_get_notes (saved), ==, "草稿：第三季度台账\n第二行 𠀀");
  /* Saved: the draft is gone. */
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_window (&second);
}

static void
test_discard_after_crash (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) reopened = NULL;
  g_autoptr(GPtrArray) left = NULL;
  Window second = { 0 };
  gint64 id = type_and_crash (f);

  g_clear_object (&f->store);
  reopened = council_store_open (f->path, &error);
  open_window (&second, reopened);
  g_assert_true (wait_until (has_draft_dialog, &second));
  gtk_dialog_response (GTK_DIALOG (council_roster_view_get_draft_dialog (second.view)), 1 /* Discard */);
  g_assert_false (council_org_editor_has_unsaved_changes (second.editor));
  g_assert_cmpint (council_org_editor_get_organization_id (second.editor), !=, id);
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_window (&second);
}

/* Typing the old value back makes the form clean: no draft is left. */
static void
test_clean_form_leaves_no_draft (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) left = NULL;
  Window w = { 0 };
  GListModel *rows;
  g_autofree char *old_phone = NULL;

  open_window (&w, f->store);
  rows = G_LIST_MODEL (gtk_column_view_get_model (council_roster_view_get_column_view (w.view)));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), 0, TRUE);
  old_phone = g_strdup (field_text (&w, COUNCIL_ORG_FIELD_PHONE));
  gtk_editable_set_text (GTK_EDITABLE (council_org_editor_get_field_widget (w.editor, COUNCIL_ORG_FIELD_PHONE)), "023-68888888");
  g_assert_true (wait_until (has_draft, f->path));
  gtk_editable_set_text (GTK_EDITABLE (council_org_editor_get_field_widget (w.editor, COUNCIL_ORG_FIELD_PHONE)), old_phone);
  g_assert_false (council_org_editor_has_unsaved_changes (w.editor));
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_window (&w);
}

int
main (int argc, char **argv)
{
  g_autofree char *cache = NULL;
  int status;

  /* Drafts live in the user's cache folder: a private one for this run, set
   * before GLib first reads it. (G_TEST_OPTION_ISOLATE_DIRS would do it per
   * test, but GLib keeps the replaced folder names, which the sanitizer run
   * reports as leaks.) */
  cache = g_dir_make_tmp ("council-drafts-XXXXXX", NULL);
  g_assert_nonnull (cache);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  g_resources_register (council_gui_get_resource ());

  g_test_add ("/drafts/restore-after-crash", Fixture, NULL, fixture_set_up, test_restore_after_crash, fixture_tear_down);
  g_test_add ("/drafts/discard-after-crash", Fixture, NULL, fixture_set_up, test_discard_after_crash, fixture_tear_down);
  g_test_add ("/drafts/clean-form-leaves-no-draft", Fixture, NULL, fixture_set_up, test_clean_form_leaves_no_draft, fixture_tear_down);
  status = g_test_run ();
  council_test_rm_rf (cache);
  return status;
}
