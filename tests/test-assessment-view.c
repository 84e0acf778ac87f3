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
#undef ADD
  return g_test_run ();
}
