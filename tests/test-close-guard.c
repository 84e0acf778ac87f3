/* test-close-guard: the application opens its window on a temporary database, shows
 * the roster, and never closes over unsaved edits without asking.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "council-application.h"
#include "council-org-editor-private.h"
#include "council-roster-view-private.h"
#include "council-meetings-view-private.h"
#include "council-meeting-editor-private.h"
#include "core/council-store-meetings.h"
#include "core/council-store-assessment.h"
#include "core/council-store-projects.h"
#include "core/council-draft.h"
#include "core/council-import-journal.h"
#include "council-projects-view-private.h"
#include "council-window-private.h"
#include "council-scheme-editor-private.h"
#include "council-test-helpers.h"
#include "council-window.h"

typedef struct
{
  CouncilApplication *app;
  CouncilWindow *window;
  gboolean checked;
} TestState;

static GtkWidget *
find_widget_of_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      if (GTK_IS_MESSAGE_DIALOG (toplevel))
        return GTK_DIALOG (toplevel);
    }
  return NULL;
}

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
check_window (TestState *state)
{
  CouncilRosterView *view;
  GListModel *rows;
  CouncilOrgEditor *editor;
  GtkWidget *phone;
  GtkDialog *dialog;
  g_autoptr(CouncilOrganization) first = NULL;

  g_assert_true (COUNCIL_IS_WINDOW (state->window));
  g_assert_cmpstr (council_window_get_view (state->window), ==, "roster");
  view = COUNCIL_ROSTER_VIEW (find_widget_of_type (GTK_WIDGET (state->window), COUNCIL_TYPE_ROSTER_VIEW));
  g_assert_nonnull (view);
  rows = G_LIST_MODEL (gtk_column_view_get_model (council_roster_view_get_column_view (view)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 22);

  /* "Show retired" follows the setting, so it is remembered. */
  {
    CouncilStore *store = council_application_get_store (state->app);
    GSettings *settings = council_application_get_settings (state->app);
    g_autoptr(CouncilOrganization) last = g_list_model_get_item (rows, 21);

    g_assert_nonnull (settings);
    g_assert_true (council_store_set_organization_retired (store, council_organization_get_id (last), TRUE, NULL));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 21);
    g_settings_set_boolean (settings, "show-retired", TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 22);
    g_settings_set_boolean (settings, "show-retired", FALSE);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 21);
  }

  /* Type into the editor, then try to close: the window asks first. */
  first = g_list_model_get_item (rows, 0);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), 0, TRUE);
  editor = council_roster_view_get_editor (view);
  phone = council_org_editor_get_field_widget (editor, COUNCIL_ORG_FIELD_PHONE);
  gtk_editable_set_text (GTK_EDITABLE (phone), "023-68780000");
  g_assert_true (council_roster_view_has_unsaved_changes (view));

  gtk_window_close (GTK_WINDOW (state->window));
  spin (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (state->window)));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  /* "Save" writes the change, then the window closes and the app quits. */
  gtk_dialog_response (dialog, GTK_RESPONSE_ACCEPT);
  {
    g_autoptr(CouncilOrganization) org =
      council_store_get_organization (council_application_get_store (state->app),
                                      council_organization_get_id (first), NULL);
    g_assert_cmpstr (council_organization_get_phone (org), ==, "023-68780000");
  }
  state->checked = TRUE;
}

static guint
count_meetings (CouncilStore *store)
{
  CouncilMeetingFilter filter;
  g_autoptr(GListStore) all = NULL;

  council_meeting_filter_init (&filter);
  all = council_store_list_meetings (store, &filter, NULL);
  return g_list_model_get_n_items (G_LIST_MODEL (all));
}

/* Opened with --view meetings; Ctrl+N starts a meeting; closing asks, and
 * "Close without saving" drops it. */
static void
check_meetings_window (TestState *state)
{
  CouncilStore *store = council_application_get_store (state->app);
  CouncilMeetingsView *view;
  CouncilMeetingEditor *editor;
  GtkDialog *dialog;

  g_assert_cmpstr (council_window_get_view (state->window), ==, "meetings");
  view = COUNCIL_MEETINGS_VIEW (find_widget_of_type (GTK_WIDGET (state->window), COUNCIL_TYPE_MEETINGS_VIEW));
  g_assert_nonnull (view);
  editor = council_meetings_view_get_editor (view);

  /* The Action Items view's "Open the meeting" goes through win.show-meeting. */
  {
    g_autoptr(CouncilMeeting) m = council_meeting_new ();
    g_autoptr(GError) error = NULL;

    council_meeting_set_kind (m, council_store_find_meeting_kind (store, "joint", NULL), "Joint meeting", "联席会议");
    council_meeting_set_title (m, "第一次联席会议");
    council_meeting_set_starts_at (m, "2026-02-10");
    g_assert_true (council_store_save_meeting (store, m, &error));
    g_assert_no_error (error);
    council_window_set_view (state->window, "roster");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (state->window), "win.show-meeting", "x",
                                               council_meeting_get_id (m)));
    g_assert_cmpstr (council_window_get_view (state->window), ==, "meetings");
    g_assert_cmpint (council_meeting_editor_get_meeting_id (editor), ==, council_meeting_get_id (m));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (state->window), "win.new", NULL));
  g_assert_cmpint (council_meeting_editor_get_meeting_id (editor), ==, COUNCIL_MEETING_EDITOR_NEW);
  gtk_editable_set_text (GTK_EDITABLE (council_meeting_editor_get_field_widget (editor, COUNCIL_MEETING_FIELD_TITLE)),
                         "未保存的会议");
  g_assert_true (council_meetings_view_has_unsaved_changes (view));

  gtk_window_close (GTK_WINDOW (state->window));
  spin (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (state->window)));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (dialog, GTK_RESPONSE_REJECT);
  g_assert_cmpuint (count_meetings (store), ==, 1);
  state->checked = TRUE;
}

/* The scheme editor's unsaved settings: closing asks, and Save stores them. */
static void
check_assessment_window (TestState *state)
{
  CouncilStore *store = council_application_get_store (state->app);
  g_autoptr(CouncilAssessmentScheme) scheme = council_assessment_scheme_new (2026);
  g_autoptr(CouncilAssessmentScheme) stored = NULL;
  g_autoptr(GError) error = NULL;
  CouncilSchemeEditor *editor;
  GtkDialog *dialog;

  g_assert_true (council_store_save_assessment_scheme (store, scheme, &error));
  g_assert_no_error (error);
  spin (100);
  editor = COUNCIL_SCHEME_EDITOR (find_widget_of_type (GTK_WIDGET (state->window), COUNCIL_TYPE_SCHEME_EDITOR));
  g_assert_nonnull (editor);
  g_assert_nonnull (editor->scheme);
  g_assert_cmpint (editor->scheme->id, ==, scheme->id);
  gtk_editable_set_text (GTK_EDITABLE (editor->title_entry), "2026年度考核方案（未保存）");
  g_assert_true (council_scheme_editor_has_unsaved_changes (editor));

  gtk_window_close (GTK_WINDOW (state->window));
  spin (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (state->window)));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (dialog, GTK_RESPONSE_ACCEPT);
  stored = council_store_get_assessment_scheme (store, scheme->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "2026年度考核方案（未保存）");
  state->checked = TRUE;
}

static guint
count_project_drafts (CouncilStore *store)
{
  g_autoptr(GPtrArray) drafts = council_draft_list (council_store_get_path (store));
  guint n = 0;

  for (guint i = 0; i < drafts->len; i++)
    n += g_strcmp0 (((CouncilDraft *) g_ptr_array_index (drafts, i))->kind, "project") == 0;
  return n;
}

/* Opened with --view projects after a killed import: the message bar names
 * the files that were not imported. A project typed into, then "Close
 * without saving": nothing saved, and no draft offered at the next start. */
static void
check_projects_window (TestState *state)
{
  CouncilStore *store = council_application_get_store (state->app);
  const char *message = council_window_get_message (state->window);
  CouncilProjectsView *view;
  CouncilProjectEditor *editor;
  GtkDialog *dialog;
  g_autoptr(CouncilProject) p = NULL;
  g_autoptr(CouncilProject) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "第二季度通知.pdf"));
  g_assert_nonnull (strstr (message, "1 of 2"));
  g_assert_null (strstr (message, "第一季度通知.pdf"));

  g_assert_cmpstr (council_window_get_view (state->window), ==, "projects");
  view = COUNCIL_PROJECTS_VIEW (find_widget_of_type (GTK_WIDGET (state->window), COUNCIL_TYPE_PROJECTS_VIEW));
  g_assert_nonnull (view);
  editor = council_projects_view_get_editor (view);
  p = council_project_new ();
  council_project_set_code (p, "QT-2026-201");
  council_project_set_title_zh (p, "职工书屋");
  council_project_set_category_id (p, council_store_find_project_category (store, "culture"));
  council_project_set_lead_org_id (p, council_store_find_organization_by_name (store, "九龙坡区总工会", NULL));
  council_project_set_start_date (p, "2026-01-01");
  council_project_set_has_details (p, TRUE);
  g_assert_true (council_store_save_project (store, p, &error));
  g_assert_no_error (error);
  council_projects_view_show_project (view, council_project_get_id (p));
  gtk_editable_set_text (council_project_editor_get_title_entry (editor), "不会保存的标题");
  g_assert_true (council_projects_view_has_unsaved_changes (view));
  /* The draft is written a second after the typing. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (count_project_drafts (store) == 0 && g_get_monotonic_time () < deadline)
    spin (50);
  g_assert_cmpuint (count_project_drafts (store), ==, 1);

  gtk_window_close (GTK_WINDOW (state->window));
  spin (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (dialog, GTK_RESPONSE_REJECT);
  stored = council_store_get_project (store, council_project_get_id (p), &error);
  g_assert_cmpstr (council_project_get_title_zh (stored), ==, "职工书屋");
  g_assert_cmpuint (count_project_drafts (store), ==, 0);
  state->checked = TRUE;
}

static gboolean
check_window_idle_cb (gpointer data)
{
  TestState *state = data;

  if (g_strcmp0 (council_window_get_view (state->window), "projects") == 0)
    check_projects_window (state);
  else if (g_strcmp0 (council_window_get_view (state->window), "meetings") == 0)
    check_meetings_window (state);
  else if (g_strcmp0 (council_window_get_view (state->window), "assessment") == 0)
    check_assessment_window (state);
  else
    check_window (state);
  return G_SOURCE_REMOVE;
}

static void
on_window_added_cb (GtkApplication *app, GtkWindow *window, TestState *state)
{
  if (!COUNCIL_IS_WINDOW (window) || state->window != NULL)
    return;
  state->window = COUNCIL_WINDOW (window);
  g_timeout_add (300, check_window_idle_cb, state);
}

/* Runs the application on @path with --view @view; the check for that view
 * runs from "window-added" and closes the window. */
static void
run_window_on (const char *path, const char *view)
{
  CouncilCliOptions options = { 0 };
  TestState state = { 0 };
  char *argv[] = { (char *) "council-desk", NULL };
  int status;

  options.database = (char *) path;
  options.view = (char *) view;
  state.app = council_application_new (&options);
  g_signal_connect (state.app, "window-added", G_CALLBACK (on_window_added_cb), &state);
  status = g_application_run (G_APPLICATION (state.app), 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (state.checked);
  g_object_unref (state.app);
}

/* The view opened on a new database in a directory of its own. */
static void
run_window (gconstpointer view)
{
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "council.db", NULL);

  run_window_on (path, view);
  council_test_rm_rf (dir);
}

static void
test_window_reports_interrupted_import_and_drops_project_draft (void)
{
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "council.db", NULL);

  /* An earlier run stored the first file of two and was killed. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CouncilStore) store = council_store_open (path, &error);
    const char *files[] = { "/home/secretariat/第一季度通知.pdf", "/home/secretariat/第二季度通知.pdf", NULL };
    CouncilImportJournal *journal;

    g_assert_no_error (error);
    journal = council_import_journal_begin (store, COUNCIL_IMPORT_JOURNAL_DOCUMENTS, files);
    g_assert_nonnull (journal);
    council_import_journal_file_done (journal, files[0]);
    council_import_journal_forget (journal);
  }
  run_window_on (path, "projects");
  council_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *cache = g_dir_make_tmp ("council-close-guard-XXXXXX", NULL);
  int status;

  /* Drafts and import journals go to a private cache folder. */
  g_assert_nonnull (cache);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/reports-interrupted-import-and-drops-project-draft",
                   test_window_reports_interrupted_import_and_drops_project_draft);
  /* The Overview is the default page; each view is asked for, as --view does. */
  g_test_add_data_func ("/window/opens-roster-and-guards-unsaved-edits", "roster", run_window);
  g_test_add_data_func ("/window/opens-meetings-and-guards-unsaved-edits", "meetings", run_window);
  g_test_add_data_func ("/window/opens-assessment-and-guards-unsaved-edits", "assessment", run_window);
  status = g_test_run ();
  council_test_rm_rf (cache);
  return status;
}
