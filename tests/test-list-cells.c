/* test-list-cells: the cells of the Meetings, Action items and Documents
 * lists show their record's text and styles, and answer their tooltips on
 * hover instead of setting a tooltip text at each bind (which asks the X
 * server where the pointer is, a round trip per bound cell).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <math.h>

#include "core/council-document.h"
#include "core/council-store-generate-council.h"
#include "core/council-store-meetings.h"
#include "council-action-items-view-private.h"
#include "council-documents-view-private.h"
#include "council-gui-resources.h"
#include "council-meetings-view-private.h"
#include "council-test-helpers.h"
#include "council-text-cell.h"

typedef struct
{
  CouncilStore *store;
  char *path;
  GtkWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->store = council_test_open_store (&f->path);
  if (!council_store_generate_meetings (f->store, 40, 600, 11, &error) ||
      !council_store_generate_documents (f->store, 60, 0, 11, &error))
    g_error ("generate: %s", error->message);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1300, 800);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->store);
  council_test_rm_rf (dir);
  g_free (f->path);
}

/* A few frames of the window: rows bound, cells laid out. */
static void
show (Fixture *f, GtkWidget *view)
{
  gint64 deadline;

  gtk_window_set_child (f->window, view);
  gtk_window_present (f->window);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!gtk_widget_get_mapped (view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (view));
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gpointer
cell_item (GtkWidget *cell)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (cell), "council-list-item");

  return list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;
}

/* The cells (inscriptions) of the column view's bound rows. */
static void
collect_cells (GtkWidget *widget, GPtrArray *cells)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) && cell_item (widget) != NULL)
    g_ptr_array_add (cells, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_cells (child, cells);
}

/* The cells of the row showing @item, in column order. */
static GPtrArray *
row_cells (GPtrArray *cells, GtkWidget *first_cell)
{
  GPtrArray *row = g_ptr_array_new ();
  GtkWidget *row_widget = gtk_widget_get_parent (gtk_widget_get_parent (first_cell));

  for (guint i = 0; i < cells->len; i++)
    if (gtk_widget_get_parent (gtk_widget_get_parent (cells->pdata[i])) == row_widget)
      g_ptr_array_add (row, cells->pdata[i]);
  return row;
}

/* No cell carries a tooltip text of its own. */
static void
assert_no_tooltip_texts (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    g_assert_null (gtk_widget_get_tooltip_text (cells->pdata[i]));
}

static void
test_meetings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilMeeting) planned_meeting = council_meeting_new ();
  CouncilMeetingsView *view;
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint rows = 0, planned = 0;

  /* A planned meeting, the newest: at the top of the list. */
  council_meeting_set_kind (planned_meeting, council_store_find_meeting_kind (f->store, "joint", NULL), "", "");
  council_meeting_set_title (planned_meeting, "计划中的联席会议");
  council_meeting_set_session_no (planned_meeting, 9);
  council_meeting_set_starts_at (planned_meeting, "2099-01-05T09:00");
  g_assert_true (council_store_save_meeting (f->store, planned_meeting, &error));
  g_assert_no_error (error);
  view = council_meetings_view_new (f->store);

  show (f, GTK_WIDGET (view));
  collect_cells (GTK_WIDGET (council_meetings_view_get_column_view (view)), cells);
  g_assert_cmpuint (cells->len, >=, 6 * 10);
  assert_no_tooltip_texts (cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = cells->pdata[i];
      CouncilMeeting *m = cell_item (cell);
      g_autoptr(GPtrArray) row = NULL;
      g_autofree char *title = NULL;
      g_autofree char *tooltip = NULL;
      gboolean is_planned;

      g_assert_true (COUNCIL_IS_MEETING (m));
      if (gtk_widget_get_prev_sibling (gtk_widget_get_parent (cell)) != NULL)
        continue;      /* one row at a time: from its first cell */
      rows++;
      row = row_cells (cells, cell);
      g_assert_cmpuint (row->len, ==, 6);
      /* Title, then its tooltip: the same text, with the session number. */
      title = council_meeting_get_session_no (m) > 0
              ? g_strdup_printf (_("%s (No. %d)"), council_meeting_get_title (m), council_meeting_get_session_no (m))
              : g_strdup (council_meeting_get_title (m));
      g_assert_cmpstr (council_text_cell_get_text (row->pdata[2]), ==, title);
      tooltip = council_text_cell_dup_tooltip (row->pdata[2]);
      g_assert_cmpstr (tooltip, ==, title);
      g_assert_null (council_text_cell_dup_tooltip (row->pdata[0]));
      g_assert_cmpstr (council_text_cell_get_text (row->pdata[3]), ==,
                       council_meeting_state_label (council_meeting_get_state (m)));
      /* A planned meeting's row reads dimmed, all of it. */
      is_planned = council_meeting_get_state (m) == COUNCIL_MEETING_STATE_PLANNED;
      planned += is_planned;
      for (guint c = 0; c < row->len; c++)
        g_assert_true (gtk_widget_has_css_class (row->pdata[c], "dim-label") == is_planned);
    }
  g_assert_cmpuint (rows, >=, 10);
  g_assert_cmpuint (planned, >, 0);
}

static void
test_action_items (Fixture *f, gconstpointer data)
{
  CouncilActionItemsView *view = council_action_items_view_new (f->store);
  GtkColumnView *column_view = council_action_items_view_get_column_view (view);
  guint overdue = 0, co_owned = 0, rows = 0;

  show (f, GTK_WIDGET (view));
  /* Nothing opened, so no row shows as selected. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view))),
                    ==, GTK_INVALID_LIST_POSITION);
  /* Every status, then the bottom of the list: rows bound again. */
  gtk_drop_down_set_selected (council_action_items_view_get_status_filter (view), 1);
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();

      if (pass == 1)
        {
          GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (
            GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (column_view))));
          gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
        }
      show (f, GTK_WIDGET (view));
      collect_cells (GTK_WIDGET (column_view), cells);
      g_assert_cmpuint (cells->len, >=, 7 * 10);
      assert_no_tooltip_texts (cells);
      for (guint i = 0; i < cells->len; i++)
        {
          GtkWidget *cell = cells->pdata[i];
          CouncilActionItem *item = cell_item (cell);
          g_autoptr(GPtrArray) row = NULL;
          g_autofree char *owner_tip = NULL;
          g_autofree char *text_tip = NULL;
          const char *co;
          int days;

          g_assert_true (COUNCIL_IS_ACTION_ITEM (item));
          if (gtk_widget_get_prev_sibling (gtk_widget_get_parent (cell)) != NULL)
            continue;
          rows++;
          row = row_cells (cells, cell);
          g_assert_cmpuint (row->len, ==, 7);
          g_assert_cmpstr (council_text_cell_get_text (row->pdata[0]), ==, council_action_item_get_text (item));
          text_tip = council_text_cell_dup_tooltip (row->pdata[0]);
          g_assert_cmpstr (text_tip, ==, council_action_item_get_text (item));
          /* The owner's tooltip names the co-owners. */
          g_assert_cmpstr (council_text_cell_get_text (row->pdata[1]), ==, council_action_item_get_owner_name (item));
          owner_tip = council_text_cell_dup_tooltip (row->pdata[1]);
          co = council_action_item_get_co_owner_names (item);
          if (co != NULL && *co)
            {
              co_owned++;
              g_assert_nonnull (strstr (owner_tip, co));
            }
          else
            g_assert_cmpstr (owner_tip, ==, council_action_item_get_owner_name (item));
          /* Overdue: the whole row red, the days counted right-aligned. */
          days = council_action_item_get_days_overdue (item, council_action_item_get_as_of (item));
          overdue += days > 0;
          for (guint c = 0; c < row->len; c++)
            g_assert_true (gtk_widget_has_css_class (row->pdata[c], "overdue") == (days > 0));
          g_assert_true (gtk_widget_has_css_class (row->pdata[4], "days-overdue"));
          g_assert_cmpfloat (gtk_inscription_get_xalign (GTK_INSCRIPTION (row->pdata[4])), ==, 1.0f);
          if (days > 0)
            {
              g_autofree char *text = g_strdup_printf (ngettext ("%d day", "%d days", days), days);
              g_assert_cmpstr (council_text_cell_get_text (row->pdata[4]), ==, text);
            }
          else
            g_assert_null (council_text_cell_get_text (row->pdata[4]));
        }
    }
  g_assert_cmpuint (rows, >=, 20);
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (co_owned, >, 0);
}

/* Following up an item deep in the pending list: the list stays where it
 * is when the item is done and leaves it, and when a note leaves it there. */
static void
test_action_items_keep_place (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  CouncilActionItemsView *view = council_action_items_view_new (f->store);
  GtkColumnView *column_view = council_action_items_view_get_column_view (view);
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  guint n = 0;
  double value;

  show (f, GTK_WIDGET (view));
  n = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n, >, 100);
  gtk_adjustment_set_value (adj, (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj)) / 2);
  show (f, GTK_WIDGET (view));
  value = gtk_adjustment_get_value (adj);
  g_assert_cmpfloat (value, >, gtk_adjustment_get_page_size (adj));

  for (guint step = 0; step < 2; step++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();
      CouncilActionItem *item;

      collect_cells (GTK_WIDGET (column_view), cells);
      g_assert_cmpuint (cells->len, >, 0);
      item = cell_item (cells->pdata[cells->len / 2]);
      g_assert_true (council_store_add_progress_note (f->store, council_action_item_get_id (item), "2026-11-20",
                                                      step == 0 ? "已督办" : "已办结",
                                                      step == 0 ? COUNCIL_ACTION_STATUS_IN_PROGRESS
                                                                : COUNCIL_ACTION_STATUS_DONE,
                                                      step == 0 ? NULL : "2026-11-20", &error));
      g_assert_no_error (error);
      show (f, GTK_WIDGET (view));
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, step == 0 ? n : n - 1);
      g_test_message ("step %u: %.0f -> %.0f (upper %.0f)", step, value, gtk_adjustment_get_value (adj), gtk_adjustment_get_upper (adj));
      /* Within a row or so of where it was. */
      g_assert_cmpfloat (fabs (gtk_adjustment_get_value (adj) - value), <, 60);
    }
}

static void
test_documents (Fixture *f, gconstpointer data)
{
  CouncilDocumentsView *view = council_documents_view_new (f->store);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint rows = 0;

  show (f, GTK_WIDGET (view));
  collect_cells (GTK_WIDGET (council_documents_view_get_column_view (view)), cells);
  g_assert_cmpuint (cells->len, >=, 6);
  assert_no_tooltip_texts (cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = cells->pdata[i];
      CouncilDocument *doc = cell_item (cell);
      g_autoptr(GPtrArray) row = NULL;
      g_autofree char *title_tip = NULL;
      g_autofree char *pages = NULL;

      g_assert_true (COUNCIL_IS_DOCUMENT (doc));
      if (gtk_widget_get_prev_sibling (gtk_widget_get_parent (cell)) != NULL)
        continue;
      rows++;
      row = row_cells (cells, cell);
      g_assert_cmpuint (row->len, ==, 6);
      g_assert_cmpstr (council_text_cell_get_text (row->pdata[0]), ==, council_document_get_title (doc));
      title_tip = council_text_cell_dup_tooltip (row->pdata[0]);
      g_assert_cmpstr (title_tip, ==, council_document_get_title (doc));
      pages = g_strdup_printf ("%u", council_document_get_page_count (doc));
      g_assert_cmpstr (council_text_cell_get_text (row->pdata[5]), ==, pages);
    }
  g_assert_cmpuint (rows, >=, 1);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_resources_register (council_gui_get_resource ());
  g_test_add ("/list-cells/meetings", Fixture, NULL, fixture_set_up, test_meetings, fixture_tear_down);
  g_test_add ("/list-cells/action-items", Fixture, NULL, fixture_set_up, test_action_items, fixture_tear_down);
  g_test_add ("/list-cells/action-items-keep-place", Fixture, NULL, fixture_set_up, test_action_items_keep_place, fixture_tear_down);
  g_test_add ("/list-cells/documents", Fixture, NULL, fixture_set_up, test_documents, fixture_tear_down);
  return g_test_run ();
}
