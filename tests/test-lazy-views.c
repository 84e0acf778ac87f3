/* test-lazy-views.c: the window builds a view the first time it is shown.
 *
 * Building all seven views at start-up cost seconds on a large council
 * (bench-startup); these tests fail if a view is built before it is shown
 * again, and check every way a view is first shown: its sidebar row, --view,
 * and a record opened in it (Overview lists, global search, links).
 * Runs under Xvfb (build-aux/dev test).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <sqlite3.h>

#include "core/council-demo.h"
#include "council-action-items-view.h"
#include "council-application.h"
#include "council-generate.h"
#include "council-assessment-view.h"
#include "council-documents-view-private.h"
#include "council-meeting-editor.h"
#include "council-meetings-view-private.h"
#include "council-overview-view.h"
#include "council-project-editor.h"
#include "council-projects-view-private.h"
#include "council-roster-view-private.h"
#include "council-test-helpers.h"
#include "council-view-sidebar.h"
#include "council-window.h"

/* ---- helpers ---- */

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

static guint
count_widgets_of_type (GtkWidget *widget, GType type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_widgets_of_type (child, type);
  return n;
}

static gint64
sql_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (value, >, 0);
  return value;
}

/* The names of the views built so far, in the order they were built. */
static char *
built_views (CouncilWindow *window)
{
  GtkStack *stack = GTK_STACK (template_child (window, "stack"));
  GString *names = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (names->len > 0)
        g_string_append_c (names, ',');
      g_string_append (names, gtk_stack_page_get_name (gtk_stack_get_page (stack, child)));
    }
  return g_string_free (names, FALSE);
}

static void
assert_built (CouncilWindow *window, const char *expected)
{
  g_autofree char *names = built_views (window);

  g_assert_cmpstr (names, ==, expected);
}

static const char *
selected_sidebar_view (CouncilWindow *window)
{
  CouncilViewSidebar *sidebar = COUNCIL_VIEW_SIDEBAR (template_child (window, "sidebar"));
  GtkListBoxRow *row = gtk_list_box_get_selected_row (council_view_sidebar_get_list (sidebar));

  g_assert_nonnull (row);
  return g_object_get_data (G_OBJECT (row), "view-name");
}

static GtkWidget *
visible_view (CouncilWindow *window)
{
  return gtk_stack_get_visible_child (GTK_STACK (template_child (window, "stack")));
}

static gboolean
overview_unmapped (gpointer view)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (view));
}

static gboolean
n_items_positive (gpointer model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static char *
make_demo_database (const char *dir)
{
  char *path = g_build_filename (dir, "council.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (council_demo_fill (store, &error));
  g_assert_no_error (error);
  return path;
}

typedef struct
{
  CouncilApplication *app;
  CouncilWindow *window;
  const char *path;
  gboolean checked;
} LazyTest;

static void
run_app (LazyTest *t, const char *view, GSourceFunc check)
{
  CouncilCliOptions options = { 0 };

  options.database = (char *) t->path;
  options.view = (char *) view;
  t->app = council_application_new (&options);
  g_idle_add (check, t);
  g_assert_cmpint (g_application_run (G_APPLICATION (t->app), 0, NULL), ==, 0);
  g_assert_true (t->checked);
  g_clear_object (&t->app);
}

/* ---- start-up builds the Overview alone; the rest as they are shown ---- */

static gboolean
check_default_start_cb (gpointer data)
{
  LazyTest *t = data;
  CouncilWindow *window = COUNCIL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (t->app)));
  CouncilViewSidebar *sidebar;
  GtkListBox *list;
  GtkWidget *overview, *roster;
  guint n_rows = 0;

  if (window == NULL)
    return G_SOURCE_CONTINUE;
  t->window = window;
  council_test_wait_for (widget_is_mapped, window, "the window to be shown");
  council_test_spin ();

  /* Only the Overview exists: no other view anywhere in the window. */
  g_assert_cmpstr (council_window_get_view (window), ==, "overview");
  assert_built (window, "overview");
  g_assert_cmpuint (count_widgets_of_type (GTK_WIDGET (window), COUNCIL_TYPE_ROSTER_VIEW), ==, 0);
  g_assert_cmpuint (count_widgets_of_type (GTK_WIDGET (window), COUNCIL_TYPE_PROJECTS_VIEW), ==, 0);
  g_assert_cmpuint (count_widgets_of_type (GTK_WIDGET (window), COUNCIL_TYPE_MEETINGS_VIEW), ==, 0);
  g_assert_cmpuint (count_widgets_of_type (GTK_WIDGET (window), COUNCIL_TYPE_ACTION_ITEMS_VIEW), ==, 0);
  g_assert_cmpuint (count_widgets_of_type (GTK_WIDGET (window), COUNCIL_TYPE_ASSESSMENT_VIEW), ==, 0);
  g_assert_cmpuint (count_widgets_of_type (GTK_WIDGET (window), COUNCIL_TYPE_DOCUMENTS_VIEW), ==, 0);
  overview = visible_view (window);
  g_assert_true (COUNCIL_IS_OVERVIEW_VIEW (overview));
  g_assert_nonnull (council_overview_view_get_overview (COUNCIL_OVERVIEW_VIEW (overview)));
  /* The keyboard is in the view, not on the sidebar's row. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), overview));

  /* Yet the sidebar lists every view, the Overview's row chosen. */
  sidebar = COUNCIL_VIEW_SIDEBAR (template_child (window, "sidebar"));
  list = council_view_sidebar_get_list (sidebar);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    n_rows += GTK_IS_LIST_BOX_ROW (row);
  g_assert_cmpuint (n_rows, ==, 7);
  g_assert_cmpstr (selected_sidebar_view (window), ==, "overview");

  /* Choosing the roster's row (arrow keys, a click) builds it, shows it and
   * fills it. */
  gtk_list_box_select_row (list, council_view_sidebar_get_row (sidebar, "roster"));
  assert_built (window, "overview,roster");
  roster = visible_view (window);
  g_assert_true (COUNCIL_IS_ROSTER_VIEW (roster));
  g_assert_cmpstr (council_window_get_view (window), ==, "roster");
  council_test_wait_for (widget_is_mapped, roster, "the roster");
  {
    GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (council_roster_view_get_column_view (COUNCIL_ROSTER_VIEW (roster))));
    council_test_wait_for (n_items_positive, rows, "the roster's rows");
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 22);
  }

  /* A change while the Overview is hidden: it reads nothing then, and is up
   * to date when shown again. */
  {
    CouncilStore *store = council_window_get_store (window);
    guint before = council_overview_view_get_overview (COUNCIL_OVERVIEW_VIEW (overview))->active_organizations;
    gint64 id = sql_int (t->path, "SELECT max(id) FROM organization WHERE retired = 0");

    /* Once the crossfade is over the Overview is off screen. */
    council_test_wait_for (overview_unmapped, overview, "the Overview to leave the screen");
    g_assert_true (council_store_set_organization_retired (store, id, TRUE, NULL));
    council_test_spin ();
    g_usleep (300 * 1000);   /* longer than the Overview's 200 ms of gathering changes */
    council_test_spin ();
    g_assert_cmpuint (council_overview_view_get_overview (COUNCIL_OVERVIEW_VIEW (overview))->active_organizations, ==, before);

    /* Back to the Overview: the same one, not a second, with the change. */
    g_signal_emit_by_name (list, "row-activated", council_view_sidebar_get_row (sidebar, "overview"));
    g_assert_true (visible_view (window) == overview);
    g_assert_cmpuint (council_overview_view_get_overview (COUNCIL_OVERVIEW_VIEW (overview))->active_organizations, ==, before - 1);
  }
  g_assert_cmpstr (selected_sidebar_view (window), ==, "overview");
  assert_built (window, "overview,roster");

  /* A meeting opened from the Overview's lists or the global search, its
   * view never shown: built, shown, and the meeting open in it. */
  {
    gint64 id = sql_int (t->path, "SELECT max(id) FROM meeting");
    CouncilMeetingsView *view;

    g_assert_true (council_window_show_record (window, COUNCIL_RECORD_MEETING, id));
    assert_built (window, "overview,roster,meetings");
    view = COUNCIL_MEETINGS_VIEW (visible_view (window));
    g_assert_cmpstr (selected_sidebar_view (window), ==, "meetings");
    g_assert_cmpint (council_meeting_editor_get_meeting_id (council_meetings_view_get_editor (view)), ==, id);
  }

  /* A project, through the window action other views' links use. */
  {
    gint64 id = sql_int (t->path, "SELECT max(id) FROM project");
    CouncilProjectsView *view;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-project", "x", id));
    assert_built (window, "overview,roster,meetings,projects");
    view = COUNCIL_PROJECTS_VIEW (visible_view (window));
    g_assert_cmpstr (council_window_get_view (window), ==, "projects");
    g_assert_cmpint (council_project_editor_get_project_id (council_projects_view_get_editor (view)), ==, id);
  }

  /* A document. */
  {
    gint64 id = sql_int (t->path, "SELECT max(id) FROM document");
    CouncilDocumentsView *view;

    g_assert_true (council_window_show_record (window, COUNCIL_RECORD_DOCUMENT, id));
    assert_built (window, "overview,roster,meetings,projects,documents");
    view = COUNCIL_DOCUMENTS_VIEW (visible_view (window));
    g_assert_cmpstr (selected_sidebar_view (window), ==, "documents");
    g_assert_cmpint (council_documents_view_get_document_id (view), ==, id);
  }

  /* An indicator: on the Scheme page of its scheme. */
  {
    gint64 id = sql_int (t->path, "SELECT max(id) FROM assessment_indicator");
    gint64 scheme_id = sql_int (t->path, "SELECT scheme_id FROM assessment_indicator WHERE id = (SELECT max(id) FROM assessment_indicator)");
    CouncilAssessmentView *view;

    g_assert_true (council_window_show_record (window, COUNCIL_RECORD_INDICATOR, id));
    assert_built (window, "overview,roster,meetings,projects,documents,assessment");
    view = COUNCIL_ASSESSMENT_VIEW (visible_view (window));
    g_assert_cmpint (council_assessment_view_get_scheme_id (view), ==, scheme_id);
    g_assert_cmpstr (council_assessment_view_get_page (view), ==, "scheme");
  }

  /* The action items were never shown, so never built; closing asks nothing
   * of them and remembers the view on screen. */
  g_assert_cmpuint (count_widgets_of_type (GTK_WIDGET (window), COUNCIL_TYPE_ACTION_ITEMS_VIEW), ==, 0);
  t->checked = TRUE;
  gtk_window_close (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
test_default_start (void)
{
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *path = make_demo_database (dir);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LazyTest t = { 0 };

  g_settings_set_string (settings, "last-view", "overview");
  t.path = path;
  run_app (&t, NULL, check_default_start_cb);
  {
    g_autofree char *last_view = g_settings_get_string (settings, "last-view");
    g_assert_cmpstr (last_view, ==, "assessment");
  }
  council_test_rm_rf (dir);
}

/* ---- --view builds its view alone, not the remembered one as well ---- */

static gboolean
check_view_option_cb (gpointer data)
{
  LazyTest *t = data;
  CouncilWindow *window = COUNCIL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (t->app)));

  if (window == NULL)
    return G_SOURCE_CONTINUE;
  council_test_wait_for (widget_is_mapped, window, "the window to be shown");
  council_test_spin ();
  g_assert_cmpstr (council_window_get_view (window), ==, "actions");
  g_assert_cmpstr (selected_sidebar_view (window), ==, "actions");
  assert_built (window, "actions");
  g_assert_true (COUNCIL_IS_ACTION_ITEMS_VIEW (visible_view (window)));
  g_assert_cmpuint (count_widgets_of_type (GTK_WIDGET (window), COUNCIL_TYPE_OVERVIEW_VIEW), ==, 0);
  g_assert_cmpuint (count_widgets_of_type (GTK_WIDGET (window), COUNCIL_TYPE_PROJECTS_VIEW), ==, 0);

  /* An action item opens in its meeting, whose view is built for it. */
  {
    gint64 id = sql_int (t->path, "SELECT max(id) FROM action_item");
    gint64 meeting_id = sql_int (t->path, "SELECT meeting_id FROM action_item WHERE id = (SELECT max(id) FROM action_item)");

    g_assert_true (council_window_show_record (window, COUNCIL_RECORD_ACTION_ITEM, id));
    assert_built (window, "actions,meetings");
    g_assert_cmpint (council_meeting_editor_get_meeting_id (council_meetings_view_get_editor (COUNCIL_MEETINGS_VIEW (visible_view (window)))),
                     ==, meeting_id);
  }
  t->checked = TRUE;
  gtk_window_close (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
test_view_option (void)
{
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *path = make_demo_database (dir);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LazyTest t = { 0 };

  /* Remembered from last time, but --view asks for another. */
  g_settings_set_string (settings, "last-view", "projects");
  t.path = path;
  run_app (&t, "actions", check_view_option_cb);
  council_test_rm_rf (dir);
}

/* ---- the Overview's lists: what fits before the first frame, the rest after ---- */

static guint
list_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c; c = gtk_widget_get_next_sibling (c))
    n += GTK_IS_LIST_BOX_ROW (c);
  return n;
}

typedef struct
{
  GtkListBox *list;
  guint expected;
} RowsWait;

static gboolean
rows_reached (gpointer data)
{
  RowsWait *w = data;
  return list_rows (w->list) >= w->expected;
}

static void
test_attention_rows (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  CouncilGenerateCounts counts;
  CouncilOverviewView *view;
  const CouncilOverview *o;
  GtkWidget *window;
  GtkListBox *list;
  RowsWait w;

  /* Enough open action items, due in the past, for a full list of overdue ones. */
  council_generate_counts (COUNCIL_GENERATE_REALISTIC, &counts);
  counts.history_edits = 0;
  counts.document_pages = 0;
  counts.long_document_pages = 0;
  g_assert_true (council_generate (store, &counts, 7, &error));
  g_assert_no_error (error);

  view = g_object_ref_sink (council_overview_view_new (store));
  o = council_overview_view_get_overview (view);
  g_assert_cmpuint (o->overdue_action_items->len, ==, 20);
  list = council_overview_view_get_attention_list (view, 0);
  /* Built, not yet on screen: the rows its scrolled window shows. */
  g_assert_cmpuint (list_rows (list), ==, 6);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  /* Once drawn, all twenty, in the order of the figures. */
  w.list = list;
  w.expected = 20;
  council_test_wait_for (rows_reached, &w, "the rest of the overdue action items");
  g_assert_cmpuint (list_rows (list), ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      CouncilRecordRef *ref = g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, (int) i)), "record");
      g_assert_cmpint (ref->id, ==, ((CouncilRecordRef *) g_ptr_array_index (o->overdue_action_items, i))->id);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (view);
  council_test_spin ();
  g_clear_object (&store);
  council_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/lazy-views/default-start", test_default_start);
  g_test_add_func ("/window/lazy-views/view-option", test_view_option);
  g_test_add_func ("/overview/attention-rows-after-first-frame", test_attention_rows);
  return g_test_run ();
}
