/* test-projects-view: the projects list filters, searches, sorts and shows
 * brands; the editor saves and refuses what a person would see.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "council-demo.h"
#include "council-gui-resources.h"
#include "council-org-editor-private.h"
#include "council-projects-view-private.h"
#include "council-store-projects.h"
#include "council-test-helpers.h"
#include "council-project-table.h"

typedef struct
{
  CouncilStore *store;
  char *path;
  GtkWindow *window;
  CouncilProjectsView *view;
  CouncilProjectEditor *editor;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture, gpointer data);

static gboolean
wait_until (Fixture *fixture, Condition condition, gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!condition (fixture, data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
is_mapped (Fixture *fixture, gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->view));
}

static GListModel *
rows (Fixture *fixture)
{
  return council_projects_view_get_rows (fixture->view);
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (rows (fixture));
}

static gboolean
has_n_rows (Fixture *fixture, gpointer data)
{
  return n_rows (fixture) == GPOINTER_TO_UINT (data);
}

static guint
store_count (Fixture *fixture, const CouncilProjectFilter *filter)
{
  guint n = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (council_store_count_projects (fixture->store, filter, &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = council_test_open_store (&fixture->path);
  g_assert_true (council_demo_fill (fixture->store, &error));
  g_assert_no_error (error);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1300, 800);
  fixture->view = council_projects_view_new (fixture->store);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  g_assert_true (wait_until (fixture, is_mapped, NULL));
  fixture->editor = council_projects_view_get_editor (fixture->view);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);

  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->store);
  council_test_rm_rf (dir);
  g_free (fixture->path);
}

static CouncilProject *
row_project (Fixture *fixture, guint position)
{
  g_autoptr(GObject) item = g_list_model_get_item (rows (fixture), position);

  if (GTK_IS_TREE_LIST_ROW (item))
    return COUNCIL_PROJECT (gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item)));
  return COUNCIL_PROJECT (g_object_ref (item));
}

static void
test_lists_filters_and_searches (Fixture *fixture, gconstpointer data)
{
  CouncilProjectFilter all = COUNCIL_PROJECT_FILTER_INIT;
  CouncilProjectFilter by_category = COUNCIL_PROJECT_FILTER_INIT;
  g_autoptr(GListStore) categories = council_store_list_project_categories (fixture->store, NULL);
  g_autoptr(CouncilProjectCategory) category = g_list_model_get_item (G_LIST_MODEL (categories), 0);
  guint total = store_count (fixture, &all);
  g_autofree char *count = g_strdup_printf ("%u projects", total);
  guint narrowed;

  g_assert_cmpuint (total, >=, 50);
  g_assert_cmpuint (n_rows (fixture), ==, total);
  g_assert_cmpstr (council_projects_view_get_count_text (fixture->view), ==, count);

  by_category.category_id = council_project_category_get_id (category);
  narrowed = store_count (fixture, &by_category);
  g_assert_cmpuint (narrowed, <, total);
  council_projects_view_set_category (fixture->view, council_project_category_get_id (category));
  g_assert_true (wait_until (fixture, has_n_rows, GUINT_TO_POINTER (narrowed)));
  for (guint i = 0; i < narrowed; i++)
    {
      g_autoptr(CouncilProject) p = row_project (fixture, i);
      g_assert_cmpint (council_project_get_category_id (p), ==, council_project_category_get_id (category));
    }
  council_projects_view_set_category (fixture->view, 0);
  g_assert_true (wait_until (fixture, has_n_rows, GUINT_TO_POINTER (total)));

  /* Typing in the search entry narrows the list after its short delay. */
  by_category.category_id = 0;
  by_category.search = "QT-2026-00";
  narrowed = store_count (fixture, &by_category);
  g_assert_cmpuint (narrowed, >, 1);
  g_assert_cmpuint (narrowed, <, 10);
  gtk_editable_set_text (council_projects_view_get_search_entry (fixture->view), "QT-2026-00");
  g_assert_true (wait_until (fixture, has_n_rows, GUINT_TO_POINTER (narrowed)));
  {
    g_autoptr(CouncilProject) p = row_project (fixture, 0);
    g_assert_true (g_str_has_prefix (council_project_get_code (p), "QT-2026-00"));
  }
  council_projects_view_set_search (fixture->view, "no such project anywhere");
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  council_projects_view_set_search (fixture->view, "");
  g_assert_cmpuint (n_rows (fixture), ==, total);
}

static void
test_sorts_by_column_header (Fixture *fixture, gconstpointer data)
{
  GtkColumnView *column_view = council_projects_view_get_column_view (fixture->view);
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) budget = g_list_model_get_item (columns, 9);
  g_autoptr(CouncilProject) first = NULL;
  g_autoptr(CouncilProject) second = NULL;
  g_autoptr(CouncilProject) last = NULL;

  g_assert_cmpstr (gtk_column_view_column_get_title (budget), ==, "Budget");
  gtk_column_view_sort_by_column (column_view, budget, GTK_SORT_DESCENDING);
  first = row_project (fixture, 0);
  second = row_project (fixture, 1);
  last = row_project (fixture, n_rows (fixture) - 1);
  g_assert_cmpint (council_project_get_rolled_budget_fen (first), >=, council_project_get_rolled_budget_fen (second));
  g_assert_cmpint (council_project_get_rolled_budget_fen (first), >, council_project_get_rolled_budget_fen (last));
}

/* The texts of every bound row widget, in all twelve columns. */
static void
collect_cell_texts (GtkWidget *widget, GHashTable *texts)
{
  if (COUNCIL_IS_PROJECT_ROW (widget))
    for (int i = 0; i < COUNCIL_PROJECT_N_COLUMNS; i++)
      {
        char *text = council_project_row_dup_text (COUNCIL_PROJECT_ROW (widget), i);

        if (text != NULL)
          g_hash_table_add (texts, text);
      }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_cell_texts (child, texts);
}

/* The cells show the rows' values, and show the new rows after a search. */
static void
test_cells_show_rows (Fixture *fixture, gconstpointer data)
{
  GtkWidget *column_view = GTK_WIDGET (fixture->view);
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(CouncilProject) first = row_project (fixture, 0);
  g_autoptr(CouncilProject) found = NULL;
  g_autofree char *code = g_strdup (council_project_get_code (first));

  collect_cell_texts (column_view, texts);
  g_assert_true (g_hash_table_contains (texts, council_project_get_code (first)));
  g_assert_true (g_hash_table_contains (texts, council_project_get_title (first)));
  g_assert_true (g_hash_table_contains (texts, council_project_get_lead_name (first)));

  /* A search for the last row's code: its row is bound, the first row's is not. */
  found = row_project (fixture, n_rows (fixture) - 1);
  council_projects_view_set_search (fixture->view, council_project_get_code (found));
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  g_hash_table_remove_all (texts);
  collect_cell_texts (column_view, texts);
  g_assert_true (g_hash_table_contains (texts, council_project_get_code (found)));
  g_assert_false (g_hash_table_contains (texts, code));
}

static CouncilProjectTable *
table (Fixture *fixture)
{
  return COUNCIL_PROJECT_TABLE (gtk_widget_get_parent (GTK_WIDGET (council_projects_view_get_column_view (fixture->view))));
}

static void
count_widgets (GtkWidget *widget, guint *n_widgets, guint *n_rows)
{
  *n_widgets += 1;
  *n_rows += COUNCIL_IS_PROJECT_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count_widgets (child, n_widgets, n_rows);
}

static gboolean
title_at (Fixture *fixture, gpointer data)
{
  int x, width;

  council_project_table_get_column_box (table (fixture), COUNCIL_PROJECT_COLUMN_TITLE, &x, &width);
  return x == GPOINTER_TO_INT (data);
}

/* A row is the list's row widget and one drawn child, not a cell widget
 * and its child per column: GTK 4.8 keeps 200 rows alive, and per-cell
 * widgets made opening the view and every search cost 5,000 widgets. */
static void
test_rows_are_single_widgets (Fixture *fixture, gconstpointer data)
{
  GtkWidget *list_view = GTK_WIDGET (council_project_table_get_list_view (table (fixture)));
  guint n_widgets = 0, n_row_widgets = 0;

  g_assert_true (wait_until (fixture, title_at, GINT_TO_POINTER (150)));   /* drawn once */
  for (GtkWidget *child = gtk_widget_get_first_child (list_view); child; child = gtk_widget_get_next_sibling (child))
    count_widgets (child, &n_widgets, &n_row_widgets);
  g_assert_cmpuint (n_row_widgets, >, 10);
  g_assert_cmpuint (n_row_widgets, <=, n_rows (fixture));
  /* Each row: GTK's row widget and ours; scrollbars and the like aside. */
  g_assert_cmpuint (n_widgets, <=, 2 * n_row_widgets + 8);
}

/* The rows draw each value where the header puts its column, also after a
 * column is resized. */
static void
test_rows_follow_the_header (Fixture *fixture, gconstpointer data)
{
  GtkColumnView *header = council_projects_view_get_column_view (fixture->view);
  g_autoptr(GtkColumnViewColumn) code = g_list_model_get_item (gtk_column_view_get_columns (header), 0);
  int x, width, lead_x, lead_width;

  g_assert_true (wait_until (fixture, title_at, GINT_TO_POINTER (150)));
  council_project_table_get_column_box (table (fixture), COUNCIL_PROJECT_COLUMN_TITLE, &x, &width);
  council_project_table_get_column_box (table (fixture), COUNCIL_PROJECT_COLUMN_LEAD, &lead_x, &lead_width);
  g_assert_cmpint (lead_x, ==, x + width);
  g_assert_cmpint (lead_width, ==, 150);

  gtk_column_view_column_set_fixed_width (code, 260);
  g_assert_true (wait_until (fixture, title_at, GINT_TO_POINTER (260)));
}

static gint64
open_first_row (Fixture *fixture)
{
  g_autoptr(CouncilProject) p = row_project (fixture, 0);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows (fixture)), 0, TRUE);
  g_assert_cmpint (council_project_editor_get_project_id (fixture->editor), ==, council_project_get_id (p));
  return council_project_get_id (p);
}

static void
test_editor_saves (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CouncilProject) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = open_first_row (fixture);

  g_assert_false (council_project_editor_has_unsaved_changes (fixture->editor));
  gtk_editable_set_text (council_project_editor_get_title_entry (fixture->editor), "职工技能提升培训（第二期）");
  gtk_editable_set_text (council_project_editor_get_budget_entry (fixture->editor), "12.5万");
  g_assert_true (council_project_editor_has_unsaved_changes (fixture->editor));
  g_assert_true (council_project_editor_save (fixture->editor));
  g_assert_false (council_project_editor_has_unsaved_changes (fixture->editor));

  saved = council_store_get_project (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (council_project_get_title_zh (saved), ==, "职工技能提升培训（第二期）");
  g_assert_cmpint (council_project_get_budget_fen (saved), ==, 12500000);
}

static void
test_invalid_budget_is_refused_at_the_field (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CouncilProject) before = NULL;
  g_autoptr(CouncilProject) after = NULL;
  gint64 id = open_first_row (fixture);
  const char *message;

  before = council_store_get_project (fixture->store, id, NULL);
  gtk_editable_set_text (council_project_editor_get_title_entry (fixture->editor), "不应保存的标题");
  gtk_editable_set_text (council_project_editor_get_budget_entry (fixture->editor), "12.345");
  g_assert_false (council_project_editor_save (fixture->editor));
  message = council_project_editor_get_field_error (fixture->editor, COUNCIL_PROJECT_FIELD_BUDGET);
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (council_project_editor_get_budget_entry (fixture->editor)), "error"));
  g_assert_true (council_project_editor_has_unsaved_changes (fixture->editor));

  after = council_store_get_project (fixture->store, id, NULL);
  g_assert_cmpint (council_project_get_version (after), ==, council_project_get_version (before));
  g_assert_cmpstr (council_project_get_title_zh (after), ==, council_project_get_title_zh (before));
}

static guint selected_position (Fixture *fixture);

/* The first brand with sources in tree mode, expanded; returns its position. */
static guint
expand_first_brand (Fixture *fixture, CouncilProject **out_brand)
{
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows (fixture), i);
      g_autoptr(CouncilProject) p = COUNCIL_PROJECT (gtk_tree_list_row_get_item (row));

      if (council_project_get_n_sources (p) > 0)
        {
          g_assert_true (gtk_tree_list_row_is_expandable (row));
          gtk_tree_list_row_set_expanded (row, TRUE);
          *out_brand = g_steal_pointer (&p);
          return i;
        }
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_tree_mode_shows_sources_under_brand (Fixture *fixture, gconstpointer data)
{
  CouncilProjectFilter top = COUNCIL_PROJECT_FILTER_INIT;
  g_autoptr(CouncilProject) brand = NULL;
  g_autoptr(GListStore) sources = NULL;
  guint pos, n_sources;

  top.top_level_only = TRUE;
  council_projects_view_set_tree_mode (fixture->view, TRUE);
  g_assert_cmpuint (n_rows (fixture), ==, store_count (fixture, &top));
  pos = expand_first_brand (fixture, &brand);
  sources = council_store_list_integration_sources (fixture->store, council_project_get_id (brand), NULL);
  n_sources = g_list_model_get_n_items (G_LIST_MODEL (sources));
  g_assert_cmpuint (n_sources, >=, 2);
  for (guint i = 1; i <= n_sources; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows (fixture), pos + i);
      g_autoptr(CouncilProject) child = COUNCIL_PROJECT (gtk_tree_list_row_get_item (row));

      g_assert_cmpuint (gtk_tree_list_row_get_depth (row), ==, 1);
      g_assert_cmpint (council_project_get_integrated_into (child), ==, council_project_get_id (brand));
    }
}

/* A change anywhere reloads the list: the expanded brand stays expanded and
 * the project in the editor stays selected. */
static void
test_tree_mode_keeps_expansion_and_selection (Fixture *fixture, gconstpointer data)
{
  CouncilProjectFilter top = COUNCIL_PROJECT_FILTER_INIT;
  g_autoptr(CouncilProject) brand = NULL;
  g_autoptr(CouncilProject) other = NULL;
  g_autoptr(GListStore) sources = NULL;
  g_autoptr(GError) error = NULL;
  guint pos, n_top, n_sources;

  top.top_level_only = TRUE;
  council_projects_view_set_tree_mode (fixture->view, TRUE);
  n_top = store_count (fixture, &top);
  pos = expand_first_brand (fixture, &brand);
  sources = council_store_list_integration_sources (fixture->store, council_project_get_id (brand), NULL);
  n_sources = g_list_model_get_n_items (G_LIST_MODEL (sources));
  g_assert_cmpuint (n_rows (fixture), ==, n_top + n_sources);
  council_projects_view_show_project (fixture->view, council_project_get_id (brand));
  g_assert_cmpuint (selected_position (fixture), ==, pos);

  /* Another project is edited and saved. */
  other = row_project (fixture, pos == 0 ? n_top + n_sources - 1 : 0);
  g_assert_cmpint (council_project_get_id (other), !=, council_project_get_id (brand));
  {
    g_autoptr(CouncilProject) full = council_store_get_project (fixture->store, council_project_get_id (other), &error);
    g_assert_no_error (error);
    council_project_set_title_en (full, "Renamed while a brand is open");
    g_assert_true (council_store_save_project (fixture->store, full, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (n_rows (fixture), ==, n_top + n_sources);
  {
    g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows (fixture), pos);
    g_autoptr(CouncilProject) p = COUNCIL_PROJECT (gtk_tree_list_row_get_item (row));

    g_assert_cmpint (council_project_get_id (p), ==, council_project_get_id (brand));
    g_assert_true (gtk_tree_list_row_get_expanded (row));
  }
  g_assert_cmpuint (selected_position (fixture), ==, pos);

  /* Collapsed by the person, it stays collapsed after the next change. */
  {
    g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows (fixture), pos);
    gtk_tree_list_row_set_expanded (row, FALSE);
  }
  g_assert_true (council_store_undo (fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows (fixture), ==, n_top);
}

static void
test_integrate_then_undo (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) groups = council_store_suggest_integrations (fixture->store, 0, NULL);
  g_autoptr(CouncilProject) brand = council_project_new ();
  g_autoptr(GError) error = NULL;
  CouncilProjectFilter top = COUNCIL_PROJECT_FILTER_INIT;
  GArray *ids;
  guint before;

  g_assert_nonnull (groups);
  g_assert_cmpuint (groups->len, >, 0);
  ids = g_ptr_array_index (groups, 0);
  top.top_level_only = TRUE;
  council_projects_view_set_tree_mode (fixture->view, TRUE);
  before = n_rows (fixture);
  g_assert_cmpuint (before, ==, store_count (fixture, &top));

  council_project_set_code (brand, "QT-2026-900");
  council_project_set_title_zh (brand, "测试一体化品牌");
  council_project_set_is_brand (brand, TRUE);
  {
    g_autoptr(CouncilProject) first = council_store_get_project (fixture->store, g_array_index (ids, gint64, 0), NULL);
    council_project_set_category_id (brand, council_project_get_category_id (first));
    council_project_set_lead_org_id (brand, council_project_get_lead_org_id (first));
  }
  g_assert_true (council_store_integrate_projects (fixture->store, ids, brand, &error));
  g_assert_no_error (error);
  /* The sources leave the top level, the new brand joins it. */
  g_assert_true (wait_until (fixture, has_n_rows, GUINT_TO_POINTER (before - ids->len + 1)));

  g_assert_true (council_store_undo (fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (wait_until (fixture, has_n_rows, GUINT_TO_POINTER (before)));
  g_assert_cmpint (council_store_find_project_by_code (fixture->store, "QT-2026-900", NULL), ==, 0);
}

/* The roster editor's Projects tab lists what an organization leads or partners. */
static void
test_org_editor_lists_projects (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CouncilProject) first = row_project (fixture, 0);
  gint64 org_id = council_project_get_lead_org_id (first);
  g_autoptr(GListStore) expected = council_store_list_projects_of_organization (fixture->store, org_id, NULL);
  CouncilOrgEditor *editor = council_org_editor_new (fixture->store);
  GtkListBox *list;
  guint n = 0;
  gboolean found = FALSE;

  g_object_ref_sink (editor);
  g_assert_true (council_org_editor_load (editor, org_id));
  list = council_org_editor_get_projects_list (editor);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      n++;
      found |= g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), council_project_get_code (first));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (expected)), >=, 1);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (expected)));
  g_assert_true (found);
  g_object_unref (editor);
}

static guint
selected_position (Fixture *fixture)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (rows (fixture)));

  if (gtk_bitset_get_size (set) != 1)
    return GTK_INVALID_LIST_POSITION;
  return gtk_bitset_get_minimum (set);
}

/* Showing a project (Overview, global search: win.show-project) finds its
 * row wherever it stands, not only among the first rows; and one hidden by
 * the search is shown by clearing the filters. */
static void
test_show_project_finds_any_row (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  CouncilProjectFilter all = COUNCIL_PROJECT_FILTER_INIT;
  g_autoptr(GListStore) last_first = NULL;
  g_autoptr(CouncilProject) target = NULL;
  guint total;

  g_assert_true (council_demo_generate_projects (fixture->store, 2600, 0, 7, &error));
  g_assert_no_error (error);
  total = store_count (fixture, &all);
  g_assert_cmpuint (total, >, 2600);
  g_assert_true (wait_until (fixture, has_n_rows, GUINT_TO_POINTER (total)));

  /* The last row of the list sorted by code. */
  last_first = council_store_list_projects (fixture->store, &all, COUNCIL_PROJECT_SORT_CODE, TRUE, 0, 1, &error);
  g_assert_no_error (error);
  target = g_list_model_get_item (G_LIST_MODEL (last_first), 0);
  council_projects_view_show_project (fixture->view, council_project_get_id (target));
  g_assert_cmpint (council_project_editor_get_project_id (fixture->editor), ==, council_project_get_id (target));
  g_assert_cmpuint (selected_position (fixture), ==, total - 1);
  {
    g_autoptr(CouncilProject) shown = row_project (fixture, total - 1);
    g_assert_cmpint (council_project_get_id (shown), ==, council_project_get_id (target));
  }

  /* Hidden by the search: the filters are cleared and the row is found. */
  council_projects_view_set_search (fixture->view, "QT-2026-00");
  g_assert_cmpuint (n_rows (fixture), <, 10);
  council_projects_view_show_project (fixture->view, council_project_get_id (target));
  g_assert_cmpuint (n_rows (fixture), ==, total);
  g_assert_cmpuint (selected_position (fixture), ==, total - 1);
}

/* A change of status is recorded on the date the person gives (today by
 * default) and shown with that date in the history of statuses; a date in
 * the future is refused at the field. */
static void
test_status_change_date (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CouncilProject) p = row_project (fixture, 0);
  gint64 id = council_project_get_id (p);
  CouncilProjectStatus next = (council_project_get_status (p) + 1) % COUNCIL_PROJECT_N_STATUSES;
  g_autoptr(GArray) changes = NULL;
  g_autofree char *today = council_iso_date_today ();
  g_autofree char *shown = NULL;
  CouncilProjectStatusChange *last;

  council_projects_view_show_project (fixture->view, id);
  g_assert_cmpint (council_project_editor_get_project_id (fixture->editor), ==, id);
  g_assert_cmpstr (gtk_editable_get_text (council_project_editor_get_status_date_entry (fixture->editor)), ==, today);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (
    GTK_WIDGET (council_project_editor_get_status_date_entry (fixture->editor)))));
  gtk_drop_down_set_selected (council_project_editor_get_status_drop (fixture->editor), next);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (
    GTK_WIDGET (council_project_editor_get_status_date_entry (fixture->editor)))));

  /* Not in the future. */
  gtk_editable_set_text (council_project_editor_get_status_date_entry (fixture->editor), "2999-01-01");
  g_assert_false (council_project_editor_save (fixture->editor));
  g_assert_nonnull (strstr (council_project_editor_get_field_error (fixture->editor, COUNCIL_PROJECT_FIELD_STATUS),
                            "future"));

  gtk_editable_set_text (council_project_editor_get_status_date_entry (fixture->editor), "2026-03-15");
  g_assert_true (council_project_editor_save (fixture->editor));
  changes = council_store_list_project_status_changes (fixture->store, id, NULL);
  g_assert_nonnull (changes);
  last = &g_array_index (changes, CouncilProjectStatusChange, changes->len - 1);
  g_assert_cmpint (last->status, ==, next);
  g_assert_cmpstr (last->changed_on, ==, "2026-03-15");
  shown = council_format_display_date ("2026-03-15");
  g_assert_nonnull (strstr (council_project_editor_get_status_changes_text (fixture->editor), shown));
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_resources_register (council_gui_get_resource ());

  g_test_add ("/projects-view/filters-and-search", Fixture, NULL, fixture_set_up, test_lists_filters_and_searches, fixture_tear_down);
  g_test_add ("/projects-view/sort", Fixture, NULL, fixture_set_up, test_sorts_by_column_header, fixture_tear_down);
  g_test_add ("/projects-view/rows-are-single-widgets", Fixture, NULL, fixture_set_up, test_rows_are_single_widgets, fixture_tear_down);
  g_test_add ("/projects-view/rows-follow-the-header", Fixture, NULL, fixture_set_up, test_rows_follow_the_header, fixture_tear_down);
  g_test_add ("/projects-view/cells-show-rows", Fixture, NULL, fixture_set_up, test_cells_show_rows, fixture_tear_down);
  g_test_add ("/projects-view/editor-saves", Fixture, NULL, fixture_set_up, test_editor_saves, fixture_tear_down);
  g_test_add ("/projects-view/invalid-budget", Fixture, NULL, fixture_set_up, test_invalid_budget_is_refused_at_the_field, fixture_tear_down);
  g_test_add ("/projects-view/tree-mode", Fixture, NULL, fixture_set_up, test_tree_mode_shows_sources_under_brand, fixture_tear_down);
  g_test_add ("/projects-view/tree-keeps-expansion", Fixture, NULL, fixture_set_up,
              test_tree_mode_keeps_expansion_and_selection, fixture_tear_down);
  g_test_add ("/projects-view/integrate-undo", Fixture, NULL, fixture_set_up, test_integrate_then_undo, fixture_tear_down);
  g_test_add ("/projects-view/show-any-project", Fixture, NULL, fixture_set_up, test_show_project_finds_any_row, fixture_tear_down);
  g_test_add ("/projects-view/status-change-date", Fixture, NULL, fixture_set_up, test_status_change_date, fixture_tear_down);
  g_test_add ("/projects-view/org-editor-projects", Fixture, NULL, fixture_set_up, test_org_editor_lists_projects, fixture_tear_down);
  return g_test_run ();
}
