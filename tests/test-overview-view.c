/* test-overview-view.c: the window on the sample council (--demo) under Xvfb —
 * the database passes PRAGMA integrity_check, every sidebar page opens and
 * lists rows, the Overview's lists and the global search open their records.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

#include "core/council-store-overview.h"
#include "council-application.h"
#include "council-assessment-view.h"
#include "council-global-search.h"
#include "council-overview-view.h"
#include "council-test-helpers.h"
#include "council-view-sidebar.h"
#include "council-window.h"

typedef gboolean (*Condition) (gpointer data);

static void
wait_for (Condition cond, gpointer data, const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("gave up waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found)
        return found;
    }
  return NULL;
}

/* The first list view below @widget that lists rows: a column view's, or
 * the Projects table's (its header is a column view given no rows). */
static GListModel *
find_rows (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget) && gtk_list_view_get_model (GTK_LIST_VIEW (widget)) != NULL)
    return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GListModel *found = find_rows (child);
      if (found)
        return found;
    }
  return NULL;
}

/* The selected row of the scheme editor's indicator tree. */
static GtkListBoxRow *
find_selected_indicator_row (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (widget));
      if (row != NULL && g_object_get_data (G_OBJECT (row), "indicator-id") != NULL)
        return row;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBoxRow *found = find_selected_indicator_row (child);
      if (found)
        return found;
    }
  return NULL;
}

static CouncilGlobalSearch *
find_global_search (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (COUNCIL_IS_GLOBAL_SEARCH (w) && gtk_widget_get_visible (w))
        return COUNCIL_GLOBAL_SEARCH (w);
    }
  return NULL;
}

static gboolean
global_search_shown (gpointer data)
{
  return find_global_search () != NULL;
}

static gboolean
global_search_gone (gpointer data)
{
  return find_global_search () == NULL;
}

static void
assert_integrity (CouncilStore *store)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (council_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static guint
page_rows (GtkWidget *page)
{
  GListModel *rows;

  if (COUNCIL_IS_OVERVIEW_VIEW (page))
    {
      /* The sample council has overdue action items. */
      GtkListBox *list = council_overview_view_get_attention_list (COUNCIL_OVERVIEW_VIEW (page), 0);
      guint n = 0;
      for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c; c = gtk_widget_get_next_sibling (c))
        n += GTK_IS_LIST_BOX_ROW (c);
      return n;
    }
  rows = find_rows (page);
  if (rows == NULL)
    {
      /* The assessment's scoring grid is a GtkGrid of cells, not a column view. */
      GtkWidget *grid = find_descendant (page, GTK_TYPE_GRID);
      guint n = 0;

      g_assert_nonnull (grid);
      for (GtkWidget *c = gtk_widget_get_first_child (grid); c; c = gtk_widget_get_next_sibling (c))
        n++;
      return n;
    }
  return g_list_model_get_n_items (rows);
}

static void
check_window (CouncilWindow *window)
{
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), COUNCIL_TYPE_WINDOW, "stack"));
  CouncilStore *store = council_window_get_store (window);
  GtkWidget *overview = gtk_stack_get_child_by_name (GTK_STACK (stack), "overview");
  GtkListBox *sidebar = council_view_sidebar_get_list (COUNCIL_VIEW_SIDEBAR (
    gtk_widget_get_template_child (GTK_WIDGET (window), COUNCIL_TYPE_WINDOW, "sidebar")));
  const CouncilOverview *figures;
  guint n_pages = 0;

  wait_for (widget_is_mapped, window, "the window to be shown");
  assert_integrity (store);

  /* The Overview opens first and its figures are those of the sample council. */
  g_assert_cmpstr (council_window_get_view (window), ==, "overview");
  figures = council_overview_view_get_overview (COUNCIL_OVERVIEW_VIEW (overview));
  g_assert_nonnull (figures);
  g_assert_cmpuint (figures->active_organizations, ==, 22);
  g_assert_cmpuint (figures->projects, >, 0);
  g_assert_cmpuint (figures->meetings_held, >, 0);

  /* Every page of the sidebar opens and lists rows (each view is built
   * when its row is first chosen). */
  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (sidebar, (int) n_pages)) != NULL;)
    {
      const char *name = g_object_get_data (G_OBJECT (row), "view-name");
      GtkWidget *page;

      g_signal_emit_by_name (sidebar, "row-activated", row);
      page = gtk_stack_get_visible_child (GTK_STACK (stack));
      g_assert_cmpstr (council_window_get_view (window), ==, name);
      wait_for (widget_is_mapped, page, name);
      spin ();
      if (page_rows (page) == 0)
        g_error ("the %s view lists no rows", name);
      n_pages++;
    }
  g_assert_cmpuint (n_pages, >=, 4);

  /* An overdue action item opens in its meeting. */
  gtk_stack_set_visible_child (GTK_STACK (stack), overview);
  spin ();
  {
    GtkListBox *list = council_overview_view_get_attention_list (COUNCIL_OVERVIEW_VIEW (overview), 0);
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
    g_assert_nonnull (row);
    g_signal_emit_by_name (list, "row-activated", row);
    spin ();
    g_assert_cmpstr (council_window_get_view (window), ==, "meetings");
  }

  /* Ctrl+F's window finds an organization by name and opens it in the roster. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search-everything", NULL));
  wait_for (global_search_shown, NULL, "the global search");
  {
    CouncilGlobalSearch *search = find_global_search ();
    GtkListBox *results = council_global_search_get_results (search);
    GtkListBoxRow *row;

    council_global_search_set_query (search, "妇女联合会");
    row = gtk_list_box_get_row_at_index (results, 0);
    g_assert_nonnull (row);
    g_signal_emit_by_name (results, "row-activated", row);
    wait_for (global_search_gone, NULL, "the global search to close");
    g_assert_cmpstr (council_window_get_view (window), ==, "roster");
  }

  /* An indicator found by Ctrl+F opens on the Scheme page of its scheme,
   * selected in the indicator tree. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search-everything", NULL));
  wait_for (global_search_shown, NULL, "the global search");
  {
    CouncilGlobalSearch *search = find_global_search ();
    GtkListBox *results = council_global_search_get_results (search);
    GtkWidget *assessment = gtk_stack_get_child_by_name (GTK_STACK (stack), "assessment");
    GtkListBoxRow *row = NULL;
    CouncilRecordRef *ref = NULL;
    g_autoptr(GError) error = NULL;
    GtkListBoxRow *selected;

    council_global_search_set_query (search, "班子建设");
    for (int i = 0; (row = gtk_list_box_get_row_at_index (results, i)) != NULL; i++)
      {
        ref = g_object_get_data (G_OBJECT (row), "record");
        if (ref != NULL && ref->kind == COUNCIL_RECORD_INDICATOR)
          break;
      }
    g_assert_nonnull (row);
    g_assert_cmpint (ref->kind, ==, COUNCIL_RECORD_INDICATOR);
    {
      gint64 indicator_id = ref->id;
      gint64 scheme_id = council_store_find_indicator_scheme (store, indicator_id, &error);

      g_assert_no_error (error);
      gtk_list_box_select_row (results, row);
      g_signal_emit_by_name (council_global_search_get_entry (search), "activate");
      wait_for (global_search_gone, NULL, "the global search to close");
      spin ();
      g_assert_cmpstr (council_window_get_view (window), ==, "assessment");
      g_assert_cmpint (council_assessment_view_get_scheme_id (COUNCIL_ASSESSMENT_VIEW (assessment)), ==, scheme_id);
      g_assert_cmpstr (council_assessment_view_get_page (COUNCIL_ASSESSMENT_VIEW (assessment)), ==, "scheme");
      selected = find_selected_indicator_row (assessment);
      g_assert_nonnull (selected);
      g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (selected), "indicator-id")), ==, (gint) indicator_id);
    }
  }

  /* An indicator that is gone says so instead of doing nothing. */
  {
    GtkWidget *revealer = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), COUNCIL_TYPE_WINDOW, "message_revealer"));

    council_window_show_record (window, COUNCIL_RECORD_INDICATOR, 999999);
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  }
}

static gboolean
check_window_idle_cb (gpointer data)
{
  GApplication *app = data;
  CouncilWindow *window = COUNCIL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  check_window (window);
  g_object_set_data (G_OBJECT (app), "checked", GINT_TO_POINTER (TRUE));
  gtk_window_close (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
on_activate_cb (GApplication *app, gpointer user_data)
{
  g_idle_add (check_window_idle_cb, app);
}

static void
test_demo_window (void)
{
  CouncilCliOptions options = { 0 };
  g_autoptr(CouncilApplication) app = NULL;

  options.demo = TRUE;
  app = council_application_new (&options);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (app), "checked")));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/overview-view/demo-window", test_demo_window);
  return g_test_run ();
}
