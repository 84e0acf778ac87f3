/* test-assessment-view: scores typed into the grid reach the store, a refused
 * value shows its reason at the cell, totals and ranks follow, and a finalized
 * scheme is read-only.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>
#include <math.h>

#include "council-assessment-view.h"
#include "council-gui-resources.h"
#include "core/council-store-assessment.h"
#include "core/council-store-documents.h"
#include "council-test-helpers.h"

typedef struct
{
  CouncilStore *store;
  char *path;
  GtkWindow *window;
  CouncilAssessmentView *view;
  CouncilAssessmentScheme *scheme;
  gint64 first_id, second_id, bonus_id;
} Fixture;

static gboolean
wait_mapped (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (GTK_WIDGET (f->view)))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return TRUE;
}

static gint64
add_indicator (Fixture *f, gint64 parent, CouncilIndicatorKind kind, const char *name, double max)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilIndicator) ind = council_indicator_new (kind, name, max);

  ind->parent_id = parent;
  council_store_save_assessment_indicator (f->store, f->scheme->id, ind, &error);
  g_assert_no_error (error);
  return ind->id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 cat;

  f->store = council_test_open_store (&f->path);
  f->scheme = council_assessment_scheme_new (2026);
  g_free (f->scheme->title);
  f->scheme->title = g_strdup ("2026 scheme");
  council_store_save_assessment_scheme (f->store, f->scheme, &error);
  g_assert_no_error (error);
  cat = add_indicator (f, 0, COUNCIL_INDICATOR_CATEGORY, "基础", 0);
  f->first_id = add_indicator (f, cat, COUNCIL_INDICATOR_MANUAL, "班子建设", 10);
  f->second_id = add_indicator (f, cat, COUNCIL_INDICATOR_MANUAL, "信息报送", 20);
  f->bonus_id = add_indicator (f, cat, COUNCIL_INDICATOR_BONUS, "上级表彰", 2);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 780);
  f->view = council_assessment_view_new (f->store);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  g_assert_true (wait_mapped (f));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
  g_object_add_weak_pointer (G_OBJECT (f->store), (gpointer *) &f->store);
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* The view lets go of itself and of the store (the store closes with its last reference). */
  g_assert_null (f->view);
  g_clear_pointer (&f->scheme, council_assessment_scheme_free);
  g_object_unref (f->store);
  g_assert_null (f->store);
  council_test_rm_rf (dir);
  g_free (f->path);
}

/* Types text into a cell and presses Enter. */
static void
type_into (Fixture *f, guint org, guint col, const char *text)
{
  GtkEntry *entry = council_assessment_view_get_cell (f->view, org, col);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
spin_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
has_focus_within (Fixture *f, GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static double
stored (Fixture *f, gint64 indicator, guint org_index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = council_store_list_assessment_organizations (f->store, f->scheme, &error);
  CouncilAssessmentScore score;
  double value;

  g_assert_true (council_store_get_assessment_score (f->store, indicator,
                                                     council_organization_get_id (g_ptr_array_index (orgs, org_index)),
                                                     &score, &error));
  value = score.exists ? score.value : NAN;
  council_assessment_score_clear (&score);
  return value;
}

static void
test_enter_scores (Fixture *f, gconstpointer data)
{
  type_into (f, 0, 0, "8");
  g_assert_cmpfloat (stored (f, f->first_id, 0), ==, 8);
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_total_label (f->view, 0)), ==, "8");
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_rank_label (f->view, 0)), ==, "1");
  /* Enter moved down, like a spreadsheet. */
  g_assert_true (has_focus_within (f, GTK_WIDGET (council_assessment_view_get_cell (f->view, 1, 0))));

  type_into (f, 1, 0, "9");
  type_into (f, 1, 1, "１５");            /* full-width digits from an input method */
  g_assert_cmpfloat (stored (f, f->second_id, 1), ==, 15);
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_total_label (f->view, 1)), ==, "24");
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_rank_label (f->view, 1)), ==, "1");
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_rank_label (f->view, 0)), ==, "2");

  /* A tie: same rank, the next one skipped. */
  type_into (f, 2, 0, "8");
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_rank_label (f->view, 0)), ==, "2");
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_rank_label (f->view, 2)), ==, "2");

  /* A bonus adds to the total. */
  type_into (f, 0, 2, "1.5");
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_total_label (f->view, 0)), ==, "9.5");
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_rank_label (f->view, 2)), ==, "3");

  /* The evidence note of the focused cell. */
  {
    GtkEntry *cell = council_assessment_view_get_cell (f->view, 1, 1);
    GtkWidget *evidence;
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) orgs = council_store_list_assessment_organizations (f->store, f->scheme, &error);
    CouncilAssessmentScore score;

    gtk_widget_grab_focus (GTK_WIDGET (cell));
    while (g_main_context_iteration (NULL, FALSE))
      ;
    evidence = GTK_WIDGET (council_assessment_view_get_evidence_entry (f->view));
    g_assert_true (gtk_widget_is_sensitive (evidence));
    gtk_editable_set_text (GTK_EDITABLE (evidence), "2026年信息报送台账");
    g_signal_emit_by_name (evidence, "activate");
    g_assert_true (council_store_get_assessment_score (f->store, f->second_id,
                                                       council_organization_get_id (g_ptr_array_index (orgs, 1)),
                                                       &score, &error));
    g_assert_cmpstr (score.evidence, ==, "2026年信息报送台账");
    g_assert_cmpfloat (score.value, ==, 15);
    council_assessment_score_clear (&score);
  }

  /* Emptying a cell clears the score. */
  type_into (f, 2, 0, "");
  g_assert_true (isnan (stored (f, f->first_id, 2)));
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_total_label (f->view, 2)), ==, "—");
}

static void
test_refused_value (Fixture *f, gconstpointer data)
{
  GtkEntry *cell = council_assessment_view_get_cell (f->view, 0, 0);

  type_into (f, 0, 0, "7");
  type_into (f, 0, 0, "12");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
  g_assert_cmpstr (council_assessment_view_get_grid_message (f->view), ==,
                   "The score for “班子建设” must be between 0 and 10.");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)), ==,
                   "The score for “班子建设” must be between 0 and 10.");
  /* Nothing saved; the focus stays on the cell; the total is unchanged. */
  g_assert_cmpfloat (stored (f, f->first_id, 0), ==, 7);
  g_assert_true (has_focus_within (f, GTK_WIDGET (cell)));
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_total_label (f->view, 0)), ==, "7");

  type_into (f, 0, 0, "abc");
  g_assert_true (g_str_has_prefix (council_assessment_view_get_grid_message (f->view), "“abc” is not a score"));

  /* Bonus over its cap. */
  type_into (f, 1, 2, "3");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (council_assessment_view_get_cell (f->view, 1, 2)), "error"));
  g_assert_true (g_str_has_prefix (council_assessment_view_get_grid_message (f->view), "The bonus for “上级表彰”"));

  /* A good value clears the mark. */
  type_into (f, 0, 0, "10");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
  g_assert_cmpstr (council_assessment_view_get_grid_message (f->view), ==, "");
  g_assert_cmpfloat (stored (f, f->first_id, 0), ==, 10);
}

static void
test_finalized_is_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GtkEntry *cell;

  type_into (f, 0, 0, "6");
  g_assert_true (council_store_finalize_assessment_scheme (f->store, f->scheme->id, &error));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  cell = council_assessment_view_get_cell (f->view, 0, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "6");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (cell)));

  /* Even if a value gets into a cell, the store refuses it and says how to reopen. */
  gtk_editable_set_editable (GTK_EDITABLE (cell), TRUE);
  type_into (f, 0, 0, "7");
  g_assert_true (g_strrstr (council_assessment_view_get_grid_message (f->view), "Reopen") != NULL);
  g_assert_cmpfloat (stored (f, f->first_id, 0), ==, 6);

  g_assert_true (council_store_reopen_assessment_scheme (f->store, f->scheme->id, &error));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (council_assessment_view_get_cell (f->view, 0, 0))));
}

static void
test_shortcuts (Fixture *f, gconstpointer data)
{
  /* Ctrl+F goes to the first cell without a score. */
  council_assessment_view_show_page (f->view, "ranking");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "view.find", NULL));
  spin_until_idle ();
  g_assert_true (has_focus_within (f, GTK_WIDGET (council_assessment_view_get_cell (f->view, 0, 0))));
  type_into (f, 0, 0, "5");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "view.find", NULL));
  spin_until_idle ();
  g_assert_true (has_focus_within (f, GTK_WIDGET (council_assessment_view_get_cell (f->view, 0, 1))));
  /* Ctrl+N starts a new indicator in the scheme editor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "view.new", NULL));
  spin_until_idle ();
  g_assert_cmpstr (council_assessment_view_get_page (f->view), ==, "scheme");
}

static gint64
add_document (Fixture *f, const char *title, const char *number, const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilDocument) doc = council_document_new ();
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *bytes = g_strdup_printf ("%%PDF-1.5 stand-in %s", number);
  g_autoptr(GBytes) pdf = g_bytes_new (bytes, strlen (bytes));
  gint64 id;

  g_ptr_array_add (pages, g_strdup (title));
  council_document_set_title (doc, title);
  council_document_set_doc_number (doc, number);
  council_document_set_issuing_body (doc, body);
  council_document_set_issue_date (doc, "2026-03-05");
  id = council_store_insert_document (f->store, doc, pdf, pages, &error);
  g_assert_no_error (error);
  return id;
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

/* The rows of the picker that the search leaves visible. */
static guint
n_visible_rows (GtkListBox *list, GtkListBoxRow **first)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c) && gtk_widget_get_child_visible (c))
      {
        if (n++ == 0 && first != NULL)
          *first = GTK_LIST_BOX_ROW (c);
      }
  return n;
}

static gint64 shown_document;

static void
record_show_document (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  shown_document = g_variant_get_int64 (param);
}

static GArray *
linked (Fixture *f, gint64 indicator, guint org_index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = council_store_list_assessment_organizations (f->store, f->scheme, &error);
  GArray *ids = council_store_list_assessment_documents (f->store, indicator,
                                                         council_organization_get_id (g_ptr_array_index (orgs, org_index)),
                                                         &error);
  g_assert_no_error (error);
  return ids;
}

static void
test_link_documents (Fixture *f, gconstpointer data)
{
  static const GActionEntry entries[] = { { .name = "show-document", .activate = record_show_document, .parameter_type = "x" } };
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  gint64 ledger = add_document (f, "信息报送工作台账", "九龙坡群发〔2026〕3号", "区总工会");
  gint64 notice = add_document (f, "关于表彰先进集体的通知", "九龙坡委办发〔2026〕12号", "区委办公室");
  GtkMenuButton *link_button = council_assessment_view_get_link_button (f->view);
  GtkWidget *chips = council_assessment_view_get_linked_documents (f->view);
  GtkListBox *picker = council_assessment_view_get_document_picker (f->view);
  GtkSearchEntry *search = council_assessment_view_get_document_search (f->view);
  GtkListBoxRow *row = NULL;
  GtkWidget *open, *unlink;
  g_autoptr(GArray) ids = NULL;

  g_action_map_add_action_entries (G_ACTION_MAP (win), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (win));

  /* No score yet: nothing to link to, and the button says why. */
  gtk_widget_grab_focus (GTK_WIDGET (council_assessment_view_get_cell (f->view, 1, 1)));
  spin_until_idle ();
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (link_button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (link_button)), ==,
                   "Enter the score first; the evidence note belongs to a score.");

  type_into (f, 1, 1, "15");
  gtk_widget_grab_focus (GTK_WIDGET (council_assessment_view_get_cell (f->view, 1, 1)));
  spin_until_idle ();
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (link_button)));
  g_assert_cmpuint (n_children (chips), ==, 0);

  /* The picker lists the library; the search narrows it by number or body. */
  gtk_menu_button_popup (link_button);
  spin_until_idle ();
  g_assert_cmpuint (n_visible_rows (picker, NULL), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (search), "区总工会");
  g_signal_emit_by_name (search, "search-changed");
  spin_until_idle ();
  g_assert_cmpuint (n_visible_rows (picker, &row), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "委办发");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_visible_rows (picker, &row), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "no such paper");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_visible_rows (picker, NULL), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "委办发");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_visible_rows (picker, &row), ==, 1);
  g_signal_emit_by_name (picker, "row-activated", row);
  spin_until_idle ();

  ids = linked (f, f->second_id, 1);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, notice);
  g_clear_pointer (&ids, g_array_unref);
  g_assert_cmpuint (n_children (chips), ==, 1);

  /* A linked document is not offered again; the other one is. */
  gtk_menu_button_popup (link_button);
  spin_until_idle ();
  g_assert_cmpuint (n_visible_rows (picker, &row), ==, 1);
  g_assert_cmpint (*(gint64 *) g_object_get_data (G_OBJECT (row), "document-id"), ==, ledger);
  g_signal_emit_by_name (search, "activate");   /* Enter links the first match */
  spin_until_idle ();
  ids = linked (f, f->second_id, 1);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);
  g_assert_cmpuint (n_children (chips), ==, 2);

  /* Open shows the document in the window. */
  open = g_object_get_data (G_OBJECT (gtk_widget_get_first_child (chips)), "open-button");
  shown_document = 0;
  g_signal_emit_by_name (open, "clicked");
  spin_until_idle ();
  g_assert_cmpint (shown_document, ==, notice);

  /* Another cell has its own documents. */
  type_into (f, 0, 1, "12");
  gtk_widget_grab_focus (GTK_WIDGET (council_assessment_view_get_cell (f->view, 0, 1)));
  spin_until_idle ();
  g_assert_cmpuint (n_children (chips), ==, 0);

  /* Back on the first cell, remove one link. */
  gtk_widget_grab_focus (GTK_WIDGET (council_assessment_view_get_cell (f->view, 1, 1)));
  spin_until_idle ();
  g_assert_cmpuint (n_children (chips), ==, 2);
  unlink = g_object_get_data (G_OBJECT (gtk_widget_get_first_child (chips)), "unlink-button");
  g_signal_emit_by_name (unlink, "clicked");
  spin_until_idle ();
  ids = linked (f, f->second_id, 1);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, ledger);
  g_clear_pointer (&ids, g_array_unref);
  g_assert_cmpuint (n_children (chips), ==, 1);

  /* Finalized: the evidence can still be opened, not changed. */
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (council_store_finalize_assessment_scheme (f->store, f->scheme->id, &error));
  }
  spin_until_idle ();
  gtk_widget_grab_focus (GTK_WIDGET (council_assessment_view_get_cell (f->view, 1, 1)));
  spin_until_idle ();
  g_assert_cmpuint (n_children (chips), ==, 1);
  open = g_object_get_data (G_OBJECT (gtk_widget_get_first_child (chips)), "open-button");
  unlink = g_object_get_data (G_OBJECT (gtk_widget_get_first_child (chips)), "unlink-button");
  g_assert_true (gtk_widget_is_sensitive (open));
  g_assert_false (gtk_widget_is_sensitive (unlink));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (link_button)));
}

/* Tab moves right along the row, as in a spreadsheet. */
static void
test_tab_moves_right (Fixture *f, gconstpointer data)
{
  gtk_widget_grab_focus (GTK_WIDGET (council_assessment_view_get_cell (f->view, 0, 0)));
  spin_until_idle ();
  gtk_editable_set_text (GTK_EDITABLE (council_assessment_view_get_cell (f->view, 0, 0)), "6");
  /* What the Tab key does: move the focus forward from the focused widget. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  spin_until_idle ();
  g_assert_true (has_focus_within (f, GTK_WIDGET (council_assessment_view_get_cell (f->view, 0, 1))));
  /* Leaving the cell saved it; total and rank follow at once. */
  g_assert_cmpfloat (stored (f, f->first_id, 0), ==, 6);
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_total_label (f->view, 0)), ==, "6");
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_rank_label (f->view, 0)), ==, "1");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  spin_until_idle ();
  g_assert_true (has_focus_within (f, GTK_WIDGET (council_assessment_view_get_cell (f->view, 0, 2))));
}

static GtkDialog *
conflict_dialog (void)
{
  GList *tops = gtk_window_list_toplevels ();
  GtkDialog *found = NULL;

  for (GList *l = tops; l; l = l->next)
    if (GTK_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (tops);
  return found;
}

static void
set_elsewhere (Fixture *f, gint64 indicator, guint org_index, double value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = council_store_list_assessment_organizations (f->store, f->scheme, &error);

  g_assert_true (council_store_set_assessment_score (f->store, indicator,
                                                     council_organization_get_id (g_ptr_array_index (orgs, org_index)),
                                                     value, NULL, &error));
}

/* Another window scores the cell being typed in: the typing is not swept
 * away, and the save asks Reload or Overwrite. */
static void
test_score_conflict (Fixture *f, gconstpointer data)
{
  GtkEntry *cell;
  GtkDialog *dialog;

  type_into (f, 0, 0, "7");
  cell = council_assessment_view_get_cell (f->view, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (cell));
  gtk_editable_set_text (GTK_EDITABLE (cell), "8");
  set_elsewhere (f, f->first_id, 0, 9);
  spin_until_idle ();
  /* Still the same cell, with what was typed. */
  g_assert_true (council_assessment_view_get_cell (f->view, 0, 0) == cell);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "8");

  g_signal_emit_by_name (cell, "activate");
  spin_until_idle ();
  dialog = conflict_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpfloat (stored (f, f->first_id, 0), ==, 9);
  g_assert_nonnull (strstr (council_assessment_view_get_grid_message (f->view), "was changed elsewhere to 9"));
  gtk_dialog_response (dialog, 2 /* Overwrite */);
  spin_until_idle ();
  g_assert_null (conflict_dialog ());
  g_assert_cmpfloat (stored (f, f->first_id, 0), ==, 8);
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_total_label (f->view, 0)), ==, "8");

  /* Reload: their score is shown, ours is dropped. */
  cell = council_assessment_view_get_cell (f->view, 0, 1);
  gtk_widget_grab_focus (GTK_WIDGET (cell));
  gtk_editable_set_text (GTK_EDITABLE (cell), "11");
  set_elsewhere (f, f->second_id, 0, 12);
  spin_until_idle ();
  g_signal_emit_by_name (cell, "activate");
  spin_until_idle ();
  dialog = conflict_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (dialog, 1 /* Reload */);
  spin_until_idle ();
  g_assert_cmpfloat (stored (f, f->second_id, 0), ==, 12);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (council_assessment_view_get_cell (f->view, 0, 1))), ==, "12");
  g_assert_cmpstr (gtk_label_get_text (council_assessment_view_get_total_label (f->view, 0)), ==, "20");

  /* A change elsewhere while no cell is typed in shows at once. */
  set_elsewhere (f, f->first_id, 1, 4);
  spin_until_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (council_assessment_view_get_cell (f->view, 1, 0))), ==, "4");
}

static char *
stored_evidence (Fixture *f, gint64 indicator, guint org_index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = council_store_list_assessment_organizations (f->store, f->scheme, &error);
  CouncilAssessmentScore score;
  char *text;

  g_assert_true (council_store_get_assessment_score (f->store, indicator,
                                                     council_organization_get_id (g_ptr_array_index (orgs, org_index)),
                                                     &score, &error));
  text = g_strdup (score.exists ? score.evidence : "");
  council_assessment_score_clear (&score);
  return text;
}

/* An evidence note being typed is neither swept away by a change made
 * elsewhere nor lost when the focus moves to another cell; saving it keeps
 * the score another window gave the cell meanwhile. */
static void
test_evidence_typing_survives (Fixture *f, gconstpointer data)
{
  GtkWidget *evidence = GTK_WIDGET (council_assessment_view_get_evidence_entry (f->view));
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  type_into (f, 0, 0, "7");
  gtk_widget_grab_focus (GTK_WIDGET (council_assessment_view_get_cell (f->view, 0, 0)));
  spin_until_idle ();
  gtk_editable_set_text (GTK_EDITABLE (evidence), "会议纪要第3期");

  /* Another window scores another cell, then this one. */
  set_elsewhere (f, f->second_id, 1, 5);
  spin_until_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (evidence)), ==, "会议纪要第3期");
  set_elsewhere (f, f->first_id, 0, 9);
  spin_until_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (evidence)), ==, "会议纪要第3期");

  g_signal_emit_by_name (evidence, "activate");
  spin_until_idle ();
  first = stored_evidence (f, f->first_id, 0);
  g_assert_cmpstr (first, ==, "会议纪要第3期");
  g_assert_cmpfloat (stored (f, f->first_id, 0), ==, 9);
  /* The changes held back while typing show now. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (council_assessment_view_get_cell (f->view, 0, 0))), ==, "9");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (council_assessment_view_get_cell (f->view, 1, 1))), ==, "5");

  /* Typed, then the focus moves on: the note is saved, not dropped. */
  gtk_widget_grab_focus (GTK_WIDGET (council_assessment_view_get_cell (f->view, 0, 0)));
  spin_until_idle ();
  gtk_editable_set_text (GTK_EDITABLE (evidence), "补充：活动照片");
  gtk_widget_grab_focus (GTK_WIDGET (council_assessment_view_get_cell (f->view, 1, 1)));
  spin_until_idle ();
  second = stored_evidence (f, f->first_id, 0);
  g_assert_cmpstr (second, ==, "补充：活动照片");
  g_assert_cmpfloat (stored (f, f->first_id, 0), ==, 9);
}

/* The ranking says what is known: no rank for an organization without a
 * score, no grade before every ordinary indicator is scored. */
static void
test_ranking_page (Fixture *f, gconstpointer data)
{
  g_auto(GStrv) rows = NULL;
  guint n;

  type_into (f, 0, 0, "9");
  type_into (f, 1, 0, "9");
  type_into (f, 1, 1, "18");
  rows = council_assessment_view_get_ranking_rows (f->view);
  n = g_strv_length (rows);
  g_assert_cmpuint (n, >, 3);
  /* Both ordinary indicators scored: a grade (27 is under 60 of the 100 the scheme counts to). */
  g_assert_cmpstr (rows[0], ==, "1|27|Fail");
  /* One of two scored: a total and a rank, the grade waits. */
  g_assert_cmpstr (rows[1], ==, "2|9|1/2");
  /* Nothing scored: no rank, no total, no grade (and no 并列 with the others). */
  g_assert_cmpstr (rows[2], ==, "—|—|");
  g_assert_cmpstr (rows[n - 1], ==, "—|—|");
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  /* Under Xvfb without a window manager GtkText sometimes warns that it "did
   * not receive a focus-out event" when focus moves programmatically; that
   * GTK warning is not what these tests check, criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_resources_register (council_gui_get_resource ());

#define ADD(path, func) \
  g_test_add ("/assessment-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("enter-scores", test_enter_scores);
  ADD ("refused-value", test_refused_value);
  ADD ("finalized-is-read-only", test_finalized_is_read_only);
  ADD ("shortcuts", test_shortcuts);
  ADD ("link-documents", test_link_documents);
  ADD ("tab-moves-right", test_tab_moves_right);
  ADD ("score-conflict", test_score_conflict);
  ADD ("evidence-typing-survives", test_evidence_typing_survives);
  ADD ("ranking-page", test_ranking_page);
#undef ADD
  return g_test_run ();
}
