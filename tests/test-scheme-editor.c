/* test-scheme-editor: indicators and grade bands edited in the window; what the
 * store refuses is shown at the field it names.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "council-gui-resources.h"
#include "council-scheme-editor-private.h"
#include "core/council-store-assessment.h"
#include "core/council-draft.h"
#include "council-test-helpers.h"

typedef struct
{
  CouncilStore *store;
  char *path;
  GtkWindow *window;
  CouncilSchemeEditor *editor;
  CouncilAssessmentScheme *scheme;
  gint64 category_id, indicator_id;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilIndicator) cat = council_indicator_new (COUNCIL_INDICATOR_CATEGORY, "基础工作", 0);
  g_autoptr(CouncilIndicator) ind = council_indicator_new (COUNCIL_INDICATOR_MANUAL, "班子建设", 60);

  f->store = council_test_open_store (&f->path);
  f->scheme = council_assessment_scheme_new (2026);
  council_store_save_assessment_scheme (f->store, f->scheme, &error);
  g_assert_no_error (error);
  council_store_save_assessment_indicator (f->store, f->scheme->id, cat, &error);
  ind->parent_id = cat->id;
  council_store_save_assessment_indicator (f->store, f->scheme->id, ind, &error);
  g_assert_no_error (error);
  f->category_id = cat->id;
  f->indicator_id = ind->id;

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  f->editor = council_scheme_editor_new ();
  council_scheme_editor_set_store (f->editor, f->store);
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  gtk_window_present (f->window);
  /* The view reloads the editor when the store changes; here the test does. */
  council_scheme_editor_load (f->editor, f->scheme->id);
  spin ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  gtk_window_destroy (f->window);
  spin ();
  g_clear_pointer (&f->scheme, council_assessment_scheme_free);
  g_clear_object (&f->store);
  council_test_rm_rf (dir);
  g_free (f->path);
}

static guint
n_indicators (Fixture *f)
{
  g_autoptr(GPtrArray) list = council_store_list_assessment_indicators (f->store, f->scheme->id, NULL);
  return list->len;
}

static void
test_indicator_form (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) list = NULL;

  /* It opens on the first indicator. */
  g_assert_cmpint (f->editor->selected_id, ==, f->indicator_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->editor->name_zh_entry)), ==, "班子建设");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (f->editor->sum_label), "Max scores add up to 60, not 100"));

  /* A weight of 0 is refused at the weight field. */
  gtk_spin_button_set_value (f->editor->weight_spin, 0);
  g_signal_emit_by_name (f->editor->save_indicator_button, "clicked");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->editor->weight_spin), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->editor->form_error)));
  g_assert_cmpstr (gtk_label_get_text (f->editor->form_error), ==, "The weight of “班子建设” must be more than 0.");

  /* A new rank-based indicator whose points rise is refused at the points. */
  g_signal_emit_by_name (f->editor->add_indicator_button, "clicked");
  g_assert_cmpint (f->editor->selected_id, ==, 0);
  g_assert_cmpint (f->editor->new_parent_id, ==, f->category_id);
  gtk_editable_set_text (GTK_EDITABLE (f->editor->name_zh_entry), "服务人数");
  gtk_drop_down_set_selected (f->editor->kind_dropdown, 1);   /* rank-based */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->editor->points_entry)));
  gtk_spin_button_set_value (f->editor->max_spin, 40);
  gtk_editable_set_text (GTK_EDITABLE (f->editor->points_entry), "10, 9, 9.5");
  g_signal_emit_by_name (f->editor->save_indicator_button, "clicked");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->editor->points_entry), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (f->editor->form_error), "cannot get more points than rank 2"));
  g_assert_cmpuint (n_indicators (f), ==, 2);

  gtk_editable_set_text (GTK_EDITABLE (f->editor->points_entry), "40，38、36");
  g_signal_emit_by_name (f->editor->save_indicator_button, "clicked");
  g_assert_cmpuint (n_indicators (f), ==, 3);
  council_scheme_editor_load (f->editor, f->scheme->id);
  spin ();
  g_assert_true (g_str_has_prefix (gtk_label_get_text (f->editor->sum_label), "Max scores add up to 100 of 100"));
  list = council_store_list_assessment_indicators (f->store, f->scheme->id, NULL);
  {
    CouncilIndicator *added = g_ptr_array_index (list, 2);
    g_assert_cmpstr (added->name_zh, ==, "服务人数");
    g_assert_cmpint (added->kind, ==, COUNCIL_INDICATOR_RANK);
    g_assert_cmpint (added->parent_id, ==, f->category_id);
    g_assert_cmpuint (added->rank_points->len, ==, 3);
    g_assert_cmpfloat (g_array_index (added->rank_points, double, 2), ==, 36);
  }
}

static void
test_bands (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilAssessmentScheme) stored = NULL;

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (f->editor->band_min[1]), 95);
  g_signal_emit_by_name (gtk_widget_get_last_child (f->editor->scheme_box), "clicked");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->editor->band_grid), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (f->editor->scheme_error), "ordered from the highest"));
  stored = council_store_get_assessment_scheme (f->store, f->scheme->id, &error);
  g_assert_cmpfloat (((CouncilGradeBand *) g_ptr_array_index (stored->bands, 1))->min_score, ==, 80);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (f->editor->band_min[1]), 85);
  g_signal_emit_by_name (gtk_widget_get_last_child (f->editor->scheme_box), "clicked");
  g_clear_pointer (&stored, council_assessment_scheme_free);
  stored = council_store_get_assessment_scheme (f->store, f->scheme->id, &error);
  g_assert_cmpfloat (((CouncilGradeBand *) g_ptr_array_index (stored->bands, 1))->min_score, ==, 85);

  /* A finalized scheme cannot be edited here. */
  g_assert_true (council_store_finalize_assessment_scheme (f->store, f->scheme->id, &error));
  council_scheme_editor_load (f->editor, f->scheme->id);
  spin ();
  g_assert_false (gtk_widget_get_sensitive (f->editor->scheme_box));
  g_assert_false (gtk_widget_get_sensitive (f->editor->form));
  g_assert_false (gtk_widget_get_sensitive (f->editor->tree_buttons));
}

static void
click_save_scheme (Fixture *f)
{
  g_signal_emit_by_name (gtk_widget_get_last_child (f->editor->scheme_box), "clicked");
  spin ();
}

/* Someone else saves the scheme while this form holds typed text: the
 * reload keeps the text, the save asks, Overwrite keeps ours. */
static void
test_scheme_conflict_overwrite (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilAssessmentScheme) other = council_store_get_assessment_scheme (f->store, f->scheme->id, &error);
  g_autoptr(CouncilAssessmentScheme) stored = NULL;

  gtk_editable_set_text (GTK_EDITABLE (f->editor->title_entry), "我们的标题");
  g_assert_true (f->editor->scheme_dirty);

  g_free (other->title);
  other->title = g_strdup ("他们的标题");
  other->bonus_cap = 6;
  g_assert_true (council_store_save_assessment_scheme (f->store, other, &error));
  council_scheme_editor_load (f->editor, f->scheme->id);   /* what the view does on "changed" */
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->editor->title_entry)), ==, "我们的标题");

  click_save_scheme (f);
  g_assert_nonnull (f->editor->conflict_dialog);
  stored = council_store_get_assessment_scheme (f->store, f->scheme->id, &error);
  g_assert_cmpstr (stored->title, ==, "他们的标题");
  g_clear_pointer (&stored, council_assessment_scheme_free);

  gtk_dialog_response (GTK_DIALOG (f->editor->conflict_dialog), 2 /* Overwrite */);
  spin ();
  g_assert_null (f->editor->conflict_dialog);
  stored = council_store_get_assessment_scheme (f->store, f->scheme->id, &error);
  g_assert_cmpstr (stored->title, ==, "我们的标题");
  /* Overwrite saves the whole form: their cap goes with it (it stays in the history). */
  g_assert_cmpfloat (stored->bonus_cap, ==, 5);
  g_assert_false (f->editor->scheme_dirty);
}

/* The same for an indicator, settled with Reload: their change is shown. */
static void
test_indicator_conflict_reload (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = council_store_list_assessment_indicators (f->store, f->scheme->id, &error);
  g_autoptr(CouncilIndicator) other = council_indicator_copy (g_ptr_array_index (list, 1));
  g_autoptr(GPtrArray) after = NULL;

  g_assert_cmpint (other->id, ==, f->indicator_id);
  gtk_editable_set_text (GTK_EDITABLE (f->editor->name_zh_entry), "班子建设（我们）");
  g_free (other->name_zh);
  other->name_zh = g_strdup ("班子建设（他们）");
  g_assert_true (council_store_save_assessment_indicator (f->store, f->scheme->id, other, &error));
  council_scheme_editor_load (f->editor, f->scheme->id);
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->editor->name_zh_entry)), ==, "班子建设（我们）");

  g_signal_emit_by_name (f->editor->save_indicator_button, "clicked");
  spin ();
  g_assert_nonnull (f->editor->conflict_dialog);
  gtk_dialog_response (GTK_DIALOG (f->editor->conflict_dialog), 1 /* Reload */);
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->editor->name_zh_entry)), ==, "班子建设（他们）");
  after = council_store_list_assessment_indicators (f->store, f->scheme->id, &error);
  g_assert_cmpstr (((CouncilIndicator *) g_ptr_array_index (after, 1))->name_zh, ==, "班子建设（他们）");

  /* With nobody else saving, a save simply goes through. */
  gtk_spin_button_set_value (f->editor->max_spin, 50);
  g_signal_emit_by_name (f->editor->save_indicator_button, "clicked");
  spin ();
  g_assert_null (f->editor->conflict_dialog);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = council_store_list_assessment_indicators (f->store, f->scheme->id, &error);
  g_assert_cmpfloat (((CouncilIndicator *) g_ptr_array_index (after, 1))->max_score, ==, 50);
}

static gboolean
has_scheme_draft (Fixture *f)
{
  g_autoptr(GPtrArray) drafts = council_draft_list (f->path);

  for (guint i = 0; i < drafts->len; i++)
    if (g_strcmp0 (((CouncilDraft *) g_ptr_array_index (drafts, i))->kind, "assessment-scheme") == 0)
      return TRUE;
  return FALSE;
}

/* Typed text outlives the editor (a crash, a closed window) and is offered
 * when the scheme opens again. */
static void
test_drafts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilAssessmentScheme) stored = NULL;
  gint64 deadline;
  GtkWidget *restore;

  gtk_editable_set_text (GTK_EDITABLE (f->editor->title_entry), "未保存的标题");
  gtk_editable_set_text (GTK_EDITABLE (f->editor->name_zh_entry), "未保存的指标");
  /* Written a moment after the last edit. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!has_scheme_draft (f) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_true (has_scheme_draft (f));

  /* The window goes without a save; a new editor opens the scheme. */
  gtk_window_destroy (f->window);
  spin ();
  f->window = GTK_WINDOW (gtk_window_new ());
  f->editor = council_scheme_editor_new ();
  council_scheme_editor_set_store (f->editor, f->store);
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  gtk_window_present (f->window);
  council_scheme_editor_load (f->editor, f->scheme->id);
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->editor->title_entry)), !=, "未保存的标题");
  g_assert_true (gtk_widget_get_visible (f->editor->draft_bar));
  g_assert_nonnull (strstr (gtk_label_get_text (f->editor->draft_label), "were not saved"));

  restore = g_object_get_data (G_OBJECT (f->editor->draft_bar), "restore-button");
  g_signal_emit_by_name (restore, "clicked");
  spin ();
  g_assert_false (gtk_widget_get_visible (f->editor->draft_bar));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->editor->title_entry)), ==, "未保存的标题");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->editor->name_zh_entry)), ==, "未保存的指标");

  /* Saved: in the store, and the draft is gone. */
  click_save_scheme (f);
  g_assert_null (f->editor->conflict_dialog);
  stored = council_store_get_assessment_scheme (f->store, f->scheme->id, &error);
  g_assert_cmpstr (stored->title, ==, "未保存的标题");
  g_assert_false (has_scheme_draft (f));
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

  g_test_add ("/scheme-editor/indicator-form", Fixture, NULL, fixture_set_up, test_indicator_form, fixture_tear_down);
  g_test_add ("/scheme-editor/bands", Fixture, NULL, fixture_set_up, test_bands, fixture_tear_down);
  g_test_add ("/scheme-editor/scheme-conflict-overwrite", Fixture, NULL, fixture_set_up, test_scheme_conflict_overwrite, fixture_tear_down);
  g_test_add ("/scheme-editor/indicator-conflict-reload", Fixture, NULL, fixture_set_up, test_indicator_conflict_reload, fixture_tear_down);
  g_test_add ("/scheme-editor/drafts", Fixture, NULL, fixture_set_up, test_drafts, fixture_tear_down);
  return g_test_run ();
}
