/* council-scheme-editor.c: the scheme's settings and grade bands on top, the
 * indicator tree on the left (categories and their indicators, indented) and
 * the selected indicator's form on the right. Every save goes through the
 * store, which validates; a refusal is shown at the field it names.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-scheme-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/council-store-assessment.h"
#include "council-scheme-editor-private.h"
#include "core/council-draft.h"
#include "council-window.h"


G_DEFINE_FINAL_TYPE (CouncilSchemeEditor, council_scheme_editor, GTK_TYPE_BOX)

/* Kinds offered for an indicator (not "category"). */
static const CouncilIndicatorKind form_kinds[] = {
  COUNCIL_INDICATOR_MANUAL, COUNCIL_INDICATOR_RANK, COUNCIL_INDICATOR_BONUS,
  COUNCIL_INDICATOR_DEDUCTION, COUNCIL_INDICATOR_COMPUTED,
};

static void load_form (CouncilSchemeEditor *self);
static void fill_form (CouncilSchemeEditor *self, CouncilIndicator *ind, gboolean locked);

static void
show_error (CouncilSchemeEditor *self, const GError *error)
{
  council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
}

static void
clear_field_errors (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_remove_css_class (child, "error");
      clear_field_errors (child);
    }
}

static void
mark_field (GtkWidget *widget, GtkLabel *message_label, const char *message)
{
  if (widget != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_grab_focus (widget);
    }
  gtk_label_set_text (message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (message_label), TRUE);
}

/* ---- unsaved edits ---- */

static void schedule_draft (CouncilSchemeEditor *self);
static void offer_drafts (CouncilSchemeEditor *self);

/* Connected swapped: signals of different signatures share these. */
static void
on_scheme_edited_cb (CouncilSchemeEditor *self)
{
  if (self->loading || self->scheme == NULL)
    return;
  self->scheme_dirty = TRUE;
  schedule_draft (self);
}

static void
on_form_edited_cb (CouncilSchemeEditor *self)
{
  if (self->loading || self->scheme == NULL)
    return;
  self->form_dirty = TRUE;
  schedule_draft (self);
}

/* Every field under root reports its edits (a text, a number, a choice, a tick). */
static void
watch_edits (CouncilSchemeEditor *self, GtkWidget *root, GCallback callback)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_EDITABLE (child))
        {
          g_signal_connect_object (child, "changed", callback, self, G_CONNECT_SWAPPED);
          continue;
        }
      if (GTK_IS_DROP_DOWN (child))
        g_signal_connect_object (child, "notify::selected", callback, self, G_CONNECT_SWAPPED);
      else if (GTK_IS_CHECK_BUTTON (child))
        g_signal_connect_object (child, "toggled", callback, self, G_CONNECT_SWAPPED);
      else if (GTK_IS_TEXT_VIEW (child))
        g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child)), "changed", callback, self,
                                 G_CONNECT_SWAPPED);
      watch_edits (self, child, callback);
    }
}

static GtkWidget *
form_label (const char *mnemonic, GtkWidget *target)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), target);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkSpinButton *
number_spin (double lower, double upper, double step, guint digits)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  return GTK_SPIN_BUTTON (spin);
}

static GtkDropDown *
dropdown_of (const char *const *labels)
{
  return GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));
}

/* ---- the scheme ---- */

static void
set_band_rows (CouncilSchemeEditor *self)
{
  for (guint b = 0; b < MAX_BANDS; b++)
    {
      gboolean shown = b < self->n_bands;
      gtk_widget_set_visible (self->band_zh[b], shown);
      gtk_widget_set_visible (self->band_en[b], shown);
      gtk_widget_set_visible (self->band_min[b], shown);
    }
}

static void
on_applies_changed_cb (GObject *dropdown, GParamSpec *pspec, CouncilSchemeEditor *self)
{
  gtk_widget_set_visible (self->org_scroller,
                          gtk_drop_down_get_selected (self->applies_dropdown) == COUNCIL_APPLIES_TO_LIST);
}

static void
load_scheme_fields (CouncilSchemeEditor *self)
{
  CouncilAssessmentScheme *s = self->scheme;
  g_autoptr(GListStore) orgs = NULL;
  GtkWidget *child;

  gtk_widget_set_visible (GTK_WIDGET (self->scheme_error), FALSE);
  clear_field_errors (self->scheme_box);
  g_clear_pointer (&self->scheme_base, council_assessment_scheme_free);
  self->scheme_dirty = FALSE;
  if (s == NULL)
    return;
  self->scheme_base = council_assessment_scheme_copy (s);
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), s->title);
  gtk_spin_button_set_value (self->year_spin, s->year);
  gtk_drop_down_set_selected (self->period_dropdown, s->period);
  gtk_spin_button_set_value (self->total_spin, s->total_score);
  gtk_spin_button_set_value (self->bonus_cap_spin, s->bonus_cap);
  gtk_spin_button_set_value (self->deduction_cap_spin, s->deduction_cap);
  gtk_drop_down_set_selected (self->applies_dropdown, s->applies_to);
  self->n_bands = MIN (s->bands->len, MAX_BANDS);
  for (guint b = 0; b < self->n_bands; b++)
    {
      CouncilGradeBand *band = g_ptr_array_index (s->bands, b);
      gtk_editable_set_text (GTK_EDITABLE (self->band_zh[b]), band->name_zh);
      gtk_editable_set_text (GTK_EDITABLE (self->band_en[b]), band->name_en);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->band_min[b]), band->min_score);
    }
  set_band_rows (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->org_flow))) != NULL)
    gtk_flow_box_remove (self->org_flow, child);
  orgs = council_store_list_organizations (self->store, FALSE, NULL);
  for (guint i = 0; orgs != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (orgs)); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);
      GtkWidget *check = gtk_check_button_new_with_label (council_organization_get_display_name (org));
      gint64 id = council_organization_get_id (org);
      gboolean on = FALSE;

      for (guint k = 0; k < s->org_ids->len; k++)
        on = on || g_array_index (s->org_ids, gint64, k) == id;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      g_object_set_data_full (G_OBJECT (check), "org-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_scheme_edited_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->org_flow, check);
    }
  on_applies_changed_cb (NULL, NULL, self);
  self->loading = FALSE;
}

/* ---- someone else saved first: Reload or Overwrite ---- */

enum
{
  CONFLICT_RESPONSE_RELOAD = 1,
  CONFLICT_RESPONSE_OVERWRITE = 2,
};

typedef enum
{
  CONFLICT_SCHEME,
  CONFLICT_INDICATOR,
} ConflictPart;

static void on_save_scheme_clicked_cb (GtkButton *button, CouncilSchemeEditor *self);
static void on_save_indicator_clicked_cb (GtkButton *button, CouncilSchemeEditor *self);
static void update_drafts (CouncilSchemeEditor *self);

static void
on_conflict_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilSchemeEditor *self = COUNCIL_SCHEME_EDITOR (user_data);
  ConflictPart part = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "part"));
  gint64 scheme_id = self->scheme ? self->scheme->id : 0;

  self->conflict_dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == CONFLICT_RESPONSE_RELOAD)
    {
      /* Their change is shown; the typed values of that part go. */
      if (part == CONFLICT_SCHEME)
        self->scheme_dirty = FALSE;
      else
        self->form_dirty = FALSE;
      council_scheme_editor_load (self, scheme_id);
      update_drafts (self);
      council_widget_show_message (GTK_WIDGET (self), _("Reloaded with the other change; your edits were discarded."), FALSE);
    }
  else if (response == CONFLICT_RESPONSE_OVERWRITE)
    {
      /* The form's values are saved over the current record, read now. */
      if (part == CONFLICT_SCHEME)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(CouncilAssessmentScheme) current = council_store_get_assessment_scheme (self->store, scheme_id, &error);

          if (current == NULL)
            {
              council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
              return;
            }
          self->overwrite_version = current->version;
          on_save_scheme_clicked_cb (NULL, self);
        }
      else
        {
          self->overwrite_indicator = TRUE;
          on_save_indicator_clicked_cb (NULL, self);
        }
    }
}

/* Another window or program saved the scheme or this indicator since the form
 * was filled: never lose either change silently, ask which one stays. */
static void
ask_reload_or_overwrite (CouncilSchemeEditor *self, ConflictPart part, const char *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->conflict_dialog != NULL)
    return;
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("“%s” was changed by someone else"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    _("Since you opened it, another window or program saved a change to it. Reload shows their change and discards your edits; Overwrite saves your values in place of theirs (their change stays in the history)."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Reload"), CONFLICT_RESPONSE_RELOAD,
                          _("_Overwrite"), CONFLICT_RESPONSE_OVERWRITE,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), CONFLICT_RESPONSE_RELOAD);
  g_object_set_data (G_OBJECT (dialog), "part", GINT_TO_POINTER (part));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response_cb), self, 0);
  self->conflict_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_scheme_clicked_cb (GtkButton *button, CouncilSchemeEditor *self)
{
  g_autoptr(CouncilAssessmentScheme) copy = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *field = NULL;
  gboolean ok;

  if (self->scheme == NULL)
    return;
  clear_field_errors (self->scheme_box);
  gtk_widget_set_visible (GTK_WIDGET (self->scheme_error), FALSE);
  copy = council_assessment_scheme_copy (self->scheme_base ? self->scheme_base : self->scheme);
  if (self->overwrite_version > 0)
    copy->version = self->overwrite_version;
  self->overwrite_version = 0;
  g_free (copy->title);
  copy->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  copy->year = gtk_spin_button_get_value_as_int (self->year_spin);
  copy->period = gtk_drop_down_get_selected (self->period_dropdown);
  copy->total_score = gtk_spin_button_get_value (self->total_spin);
  copy->bonus_cap = gtk_spin_button_get_value (self->bonus_cap_spin);
  copy->deduction_cap = gtk_spin_button_get_value (self->deduction_cap_spin);
  copy->applies_to = gtk_drop_down_get_selected (self->applies_dropdown);
  g_ptr_array_set_size (copy->bands, 0);
  for (guint b = 0; b < self->n_bands; b++)
    g_ptr_array_add (copy->bands,
                     council_grade_band_new (gtk_editable_get_text (GTK_EDITABLE (self->band_zh[b])),
                                             gtk_editable_get_text (GTK_EDITABLE (self->band_en[b])),
                                             gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->band_min[b]))));
  g_array_set_size (copy->org_ids, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->org_flow)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_array_append_val (copy->org_ids, *(gint64 *) g_object_get_data (G_OBJECT (check), "org-id"));
    }

  self->saving_scheme = TRUE;
  ok = council_store_save_assessment_scheme (self->store, copy, &error);
  self->saving_scheme = FALSE;
  if (ok)
    {
      /* The store's "changed" reloaded the view; without a view, the base moves on. */
      if (self->scheme_dirty)
        {
          g_clear_pointer (&self->scheme_base, council_assessment_scheme_free);
          self->scheme_base = g_steal_pointer (&copy);
          self->scheme_dirty = FALSE;
        }
      update_drafts (self);
      return;
    }
  if (g_error_matches (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT))
    {
      ask_reload_or_overwrite (self, CONFLICT_SCHEME, copy->title);
      return;
    }
  if (error->domain == COUNCIL_VALIDATION_ERROR)
    switch (error->code)
      {
      case COUNCIL_ASSESSMENT_FIELD_TITLE: field = GTK_WIDGET (self->title_entry); break;
      case COUNCIL_ASSESSMENT_FIELD_YEAR: field = GTK_WIDGET (self->year_spin); break;
      case COUNCIL_ASSESSMENT_FIELD_TOTAL: field = GTK_WIDGET (self->total_spin); break;
      case COUNCIL_ASSESSMENT_FIELD_CAPS: field = GTK_WIDGET (self->bonus_cap_spin); break;
      case COUNCIL_ASSESSMENT_FIELD_BANDS: field = GTK_WIDGET (self->band_grid); break;
      case COUNCIL_ASSESSMENT_FIELD_ORGANIZATIONS: field = GTK_WIDGET (self->applies_dropdown); break;
      default: break;
      }
  mark_field (field, self->scheme_error, error->message);
}

static void
on_add_band_clicked_cb (GtkButton *button, CouncilSchemeEditor *self)
{
  if (self->n_bands >= MAX_BANDS)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->band_zh[self->n_bands]), "");
  gtk_editable_set_text (GTK_EDITABLE (self->band_en[self->n_bands]), "");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->band_min[self->n_bands]), 0);
  self->n_bands++;
  set_band_rows (self);
  on_scheme_edited_cb (self);
}

static void
on_remove_band_clicked_cb (GtkButton *button, CouncilSchemeEditor *self)
{
  if (self->n_bands > 1)
    self->n_bands--;
  set_band_rows (self);
  on_scheme_edited_cb (self);
}

/* ---- the tree ---- */

static CouncilIndicator *
find_indicator (CouncilSchemeEditor *self, gint64 id)
{
  for (guint j = 0; self->indicators && j < self->indicators->len; j++)
    {
      CouncilIndicator *ind = g_ptr_array_index (self->indicators, j);
      if (ind->id == id)
        return ind;
    }
  return NULL;
}

static void
update_sum (CouncilSchemeEditor *self)
{
  double sum = self->indicators ? council_assessment_sum_of_max (self->indicators) : 0;
  g_autofree char *sum_text = council_assessment_format_score (sum);
  g_autofree char *total_text = council_assessment_format_score (self->scheme ? self->scheme->total_score : 100);
  g_autofree char *text = NULL;

  if (self->scheme != NULL && council_assessment_totals_tie (sum, self->scheme->total_score))
    {
      text = g_strdup_printf (_("Max scores add up to %s of %s."), sum_text, total_text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->sum_label), "field-error");
    }
  else
    {
      text = g_strdup_printf (_("Max scores add up to %s, not %s: adjust the indicators or the total."), sum_text, total_text);
      gtk_widget_add_css_class (GTK_WIDGET (self->sum_label), "field-error");
    }
  gtk_label_set_text (self->sum_label, text);
}

static void
fill_tree (CouncilSchemeEditor *self)
{
  GtkWidget *child;
  GtkListBoxRow *select = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tree))) != NULL)
    gtk_list_box_remove (self->tree, child);
  for (guint j = 0; self->indicators && j < self->indicators->len; j++)
    {
      CouncilIndicator *ind = g_ptr_array_index (self->indicators, j);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *name = gtk_label_new (council_indicator_label (ind));
      GtkWidget *row;

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_box_append (GTK_BOX (box), name);
      if (ind->kind == COUNCIL_INDICATOR_CATEGORY)
        gtk_widget_add_css_class (name, "heading");
      else
        {
          g_autofree char *limit = council_assessment_format_score (council_indicator_limit (ind));
          g_autofree char *detail = g_strdup_printf ("%s · %s", council_indicator_kind_label (ind->kind), limit);
          GtkWidget *meta = gtk_label_new (detail);
          gtk_widget_add_css_class (meta, "dim-label");
          gtk_box_append (GTK_BOX (box), meta);
          gtk_widget_set_margin_start (box, 24);
        }
      gtk_widget_set_margin_top (box, 3);
      gtk_widget_set_margin_bottom (box, 3);
      gtk_widget_set_margin_end (box, 6);
      gtk_list_box_append (self->tree, box);
      row = gtk_widget_get_parent (box);
      g_object_set_data (G_OBJECT (row), "indicator-id", GINT_TO_POINTER ((gint) ind->id));
      if (ind->id == self->selected_id)
        select = GTK_LIST_BOX_ROW (row);
    }
  self->filling_tree = TRUE;
  if (select != NULL)
    gtk_list_box_select_row (self->tree, select);
  self->filling_tree = FALSE;
  update_sum (self);
}

static void
on_tree_row_selected_cb (GtkListBox *box, GtkListBoxRow *row, CouncilSchemeEditor *self)
{
  if (row == NULL)
    return;
  self->selected_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "indicator-id"));
  /* A refill only shows the selection again; the load decides about the form. */
  if (!self->filling_tree)
    load_form (self);
}

static void
start_new (CouncilSchemeEditor *self, CouncilIndicatorKind kind)
{
  CouncilIndicator *selected = find_indicator (self, self->selected_id);

  self->new_kind = kind;
  self->new_parent_id = 0;
  if (kind != COUNCIL_INDICATOR_CATEGORY)
    {
      if (selected == NULL)
        {
          for (guint j = 0; self->indicators && j < self->indicators->len; j++)
            if (((CouncilIndicator *) g_ptr_array_index (self->indicators, j))->kind == COUNCIL_INDICATOR_CATEGORY)
              selected = g_ptr_array_index (self->indicators, j);
        }
      if (selected == NULL)
        {
          council_widget_show_message (GTK_WIDGET (self), _("Add a category first; indicators go under a category."), TRUE);
          return;
        }
      self->new_parent_id = selected->kind == COUNCIL_INDICATOR_CATEGORY ? selected->id : selected->parent_id;
    }
  self->selected_id = 0;
  gtk_list_box_unselect_all (self->tree);
  load_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_zh_entry));
}

static void
on_add_category_clicked_cb (GtkButton *button, CouncilSchemeEditor *self)
{
  start_new (self, COUNCIL_INDICATOR_CATEGORY);
}

static void
on_add_indicator_clicked_cb (GtkButton *button, CouncilSchemeEditor *self)
{
  start_new (self, COUNCIL_INDICATOR_MANUAL);
}

static void
on_remove_clicked_cb (GtkButton *button, CouncilSchemeEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->selected_id;

  if (id == 0)
    return;
  self->selected_id = 0;
  if (!council_store_delete_assessment_indicator (self->store, id, &error))
    {
      self->selected_id = id;
      show_error (self, error);
    }
}

static void
move (CouncilSchemeEditor *self, int delta)
{
  g_autoptr(GError) error = NULL;

  if (self->selected_id != 0 && !council_store_move_assessment_indicator (self->store, self->selected_id, delta, &error))
    show_error (self, error);
}

static void
on_up_clicked_cb (GtkButton *button, CouncilSchemeEditor *self)
{
  move (self, -1);
}

static void
on_down_clicked_cb (GtkButton *button, CouncilSchemeEditor *self)
{
  move (self, +1);
}

/* ---- the indicator form ---- */

static CouncilIndicatorKind
form_kind (CouncilSchemeEditor *self)
{
  guint k = gtk_drop_down_get_selected (self->kind_dropdown);
  return k < G_N_ELEMENTS (form_kinds) ? form_kinds[k] : COUNCIL_INDICATOR_MANUAL;
}

static gboolean
form_is_category (CouncilSchemeEditor *self)
{
  CouncilIndicator *ind = find_indicator (self, self->selected_id);
  return ind ? ind->kind == COUNCIL_INDICATOR_CATEGORY : self->new_kind == COUNCIL_INDICATOR_CATEGORY;
}

static void
update_form_rows (CouncilSchemeEditor *self)
{
  gboolean category = form_is_category (self);
  CouncilIndicatorKind kind = form_kind (self);
  gboolean bonus = kind == COUNCIL_INDICATOR_BONUS || kind == COUNCIL_INDICATOR_DEDUCTION;

  gtk_widget_set_visible (GTK_WIDGET (self->kind_dropdown), !category);
  gtk_widget_set_visible (gtk_widget_get_prev_sibling (GTK_WIDGET (self->kind_dropdown)), !category);
  gtk_widget_set_visible (GTK_WIDGET (self->source_dropdown), !category && kind == COUNCIL_INDICATOR_COMPUTED);
  gtk_widget_set_visible (self->source_row_label, !category && kind == COUNCIL_INDICATOR_COMPUTED);
  gtk_widget_set_visible (GTK_WIDGET (self->max_spin), !category && !bonus);
  gtk_widget_set_visible (gtk_widget_get_prev_sibling (GTK_WIDGET (self->max_spin)), !category && !bonus);
  gtk_widget_set_visible (GTK_WIDGET (self->weight_spin), !category && !bonus);
  gtk_widget_set_visible (gtk_widget_get_prev_sibling (GTK_WIDGET (self->weight_spin)), !category && !bonus);
  gtk_widget_set_visible (GTK_WIDGET (self->cap_spin), !category && bonus);
  gtk_widget_set_visible (self->cap_row_label, !category && bonus);
  gtk_widget_set_visible (GTK_WIDGET (self->points_entry), !category && kind == COUNCIL_INDICATOR_RANK);
  gtk_widget_set_visible (self->points_row_label, !category && kind == COUNCIL_INDICATOR_RANK);
}

static void
on_kind_changed_cb (GObject *dropdown, GParamSpec *pspec, CouncilSchemeEditor *self)
{
  update_form_rows (self);
}

static void
load_form (CouncilSchemeEditor *self)
{
  CouncilIndicator *ind = find_indicator (self, self->selected_id);
  gboolean locked = self->scheme == NULL || self->scheme->finalized;

  clear_field_errors (self->form);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  g_clear_pointer (&self->form_base, council_indicator_free);
  self->form_base = ind ? council_indicator_copy (ind) : NULL;
  self->form_dirty = FALSE;
  self->loading = TRUE;
  fill_form (self, ind, locked);
  self->loading = FALSE;
}

static void
fill_form (CouncilSchemeEditor *self, CouncilIndicator *ind, gboolean locked)
{
  g_autoptr(GString) points = g_string_new (NULL);

  gtk_widget_set_sensitive (self->form, !locked && (ind != NULL || self->selected_id == 0));
  gtk_widget_set_sensitive (self->remove_button, !locked && ind != NULL);
  gtk_widget_set_sensitive (self->up_button, !locked && ind != NULL);
  gtk_widget_set_sensitive (self->down_button, !locked && ind != NULL);
  if (ind == NULL)
    {
      gtk_label_set_text (self->form_title, self->new_kind == COUNCIL_INDICATOR_CATEGORY ? _("New category")
                                                                                         : _("New indicator"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_zh_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->name_en_entry), "");
      gtk_drop_down_set_selected (self->kind_dropdown, 0);
      gtk_drop_down_set_selected (self->source_dropdown, 0);
      gtk_spin_button_set_value (self->max_spin, 10);
      gtk_spin_button_set_value (self->weight_spin, 1);
      gtk_spin_button_set_value (self->cap_spin, 2);
      gtk_editable_set_text (GTK_EDITABLE (self->points_entry), "10, 9.5, 9, 8.5, 8");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->guide_view), "", -1);
      update_form_rows (self);
      return;
    }
  gtk_label_set_text (self->form_title, ind->kind == COUNCIL_INDICATOR_CATEGORY ? _("Category") : _("Indicator"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_zh_entry), ind->name_zh);
  gtk_editable_set_text (GTK_EDITABLE (self->name_en_entry), ind->name_en);
  for (guint k = 0; k < G_N_ELEMENTS (form_kinds); k++)
    if (form_kinds[k] == ind->kind)
      gtk_drop_down_set_selected (self->kind_dropdown, k);
  gtk_drop_down_set_selected (self->source_dropdown, ind->source > 0 ? ind->source - 1 : 0);
  gtk_spin_button_set_value (self->max_spin, ind->max_score);
  gtk_spin_button_set_value (self->weight_spin, ind->weight);
  gtk_spin_button_set_value (self->cap_spin, ind->cap);
  for (guint r = 0; r < ind->rank_points->len; r++)
    {
      g_autofree char *p = council_assessment_format_score (g_array_index (ind->rank_points, double, r));
      g_string_append_printf (points, "%s%s", r ? ", " : "", p);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->points_entry), points->str);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->guide_view), ind->guide, -1);
  update_form_rows (self);
}

static gboolean
parse_points (const char *text, GArray *out, GError **error)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,，、\\s]+", text, 0, 0);

  g_array_set_size (out, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      double v;
      if (*parts[i] == '\0')
        continue;
      if (!council_assessment_parse_score (parts[i], &v, error))
        return FALSE;
      g_array_append_val (out, v);
    }
  return TRUE;
}

static void
on_save_indicator_clicked_cb (GtkButton *button, CouncilSchemeEditor *self)
{
  CouncilIndicator *existing = find_indicator (self, self->selected_id);
  g_autoptr(CouncilIndicator) ind = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  GtkWidget *field = NULL;
  gboolean category, ok;

  if (self->scheme == NULL)
    return;
  clear_field_errors (self->form);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  category = form_is_category (self);
  /* The form edits what it was filled from, not what a reload brought in. */
  if (self->form_base != NULL)
    ind = council_indicator_copy (self->form_base);
  else if (existing != NULL)
    ind = council_indicator_copy (existing);
  else
    {
      ind = council_indicator_new (category ? COUNCIL_INDICATOR_CATEGORY : COUNCIL_INDICATOR_MANUAL, "", 0);
      ind->parent_id = self->new_parent_id;
    }
  g_free (ind->name_zh);
  ind->name_zh = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_zh_entry)));
  g_free (ind->name_en);
  ind->name_en = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_en_entry)));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->guide_view), &start, &end);
  g_free (ind->guide);
  ind->guide = gtk_text_buffer_get_text (gtk_text_view_get_buffer (self->guide_view), &start, &end, FALSE);
  if (!category)
    {
      ind->kind = form_kind (self);
      ind->source = ind->kind == COUNCIL_INDICATOR_COMPUTED
                    ? (CouncilComputedSource) (gtk_drop_down_get_selected (self->source_dropdown) + 1)
                    : COUNCIL_COMPUTED_NONE;
      ind->max_score = ind->kind == COUNCIL_INDICATOR_BONUS || ind->kind == COUNCIL_INDICATOR_DEDUCTION
                       ? 0 : gtk_spin_button_get_value (self->max_spin);
      ind->weight = gtk_spin_button_get_value (self->weight_spin);
      ind->cap = gtk_spin_button_get_value (self->cap_spin);
      if (ind->kind == COUNCIL_INDICATOR_RANK &&
          !parse_points (gtk_editable_get_text (GTK_EDITABLE (self->points_entry)), ind->rank_points, &error))
        {
          mark_field (GTK_WIDGET (self->points_entry), self->form_error, error->message);
          return;
        }
    }
  self->saving_indicator = TRUE;
  ok = council_store_save_assessment_indicator_over (self->store, self->scheme->id, ind,
                                                     self->overwrite_indicator ? NULL : self->form_base, &error);
  self->saving_indicator = FALSE;
  self->overwrite_indicator = FALSE;
  if (ok)
    {
      self->selected_id = ind->id;
      /* The store's "changed" reloaded the view; without a view, the base moves on. */
      if (self->form_dirty)
        {
          g_clear_pointer (&self->form_base, council_indicator_free);
          self->form_base = council_indicator_copy (ind);
          self->form_dirty = FALSE;
        }
      update_drafts (self);
      return;
    }
  if (g_error_matches (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT))
    {
      ask_reload_or_overwrite (self, CONFLICT_INDICATOR, ind->name_zh);
      return;
    }
  if (error->domain == COUNCIL_VALIDATION_ERROR)
    switch (error->code)
      {
      case COUNCIL_ASSESSMENT_FIELD_INDICATOR_NAME: field = GTK_WIDGET (self->name_zh_entry); break;
      case COUNCIL_ASSESSMENT_FIELD_MAX_SCORE: field = GTK_WIDGET (self->max_spin); break;
      case COUNCIL_ASSESSMENT_FIELD_WEIGHT: field = GTK_WIDGET (self->weight_spin); break;
      case COUNCIL_ASSESSMENT_FIELD_CAP: field = GTK_WIDGET (self->cap_spin); break;
      case COUNCIL_ASSESSMENT_FIELD_RANK_POINTS: field = GTK_WIDGET (self->points_entry); break;
      default: break;
      }
  mark_field (field, self->form_error, error->message);
}

/* ---- drafts: typed text survives a crash or a switch to another scheme ---- */

#define DRAFT_DELAY_MS 1000
#define SCHEME_DRAFT "assessment-scheme"
#define INDICATOR_DRAFT "assessment-indicator"

static gboolean
drafts_enabled (CouncilSchemeEditor *self)
{
  /* A --demo database lives only as long as the process. */
  return self->store != NULL && !council_store_is_temporary (self->store);
}

static gint64
form_record_id (CouncilSchemeEditor *self)
{
  return self->form_base ? self->form_base->id : 0;
}

static void
scheme_form_to_draft (CouncilSchemeEditor *self, GKeyFile *k)
{
  g_autoptr(GString) orgs = g_string_new (NULL);

  g_key_file_set_string (k, "fields", "title", gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  g_key_file_set_integer (k, "fields", "year", gtk_spin_button_get_value_as_int (self->year_spin));
  g_key_file_set_integer (k, "fields", "period", (int) gtk_drop_down_get_selected (self->period_dropdown));
  g_key_file_set_double (k, "fields", "total", gtk_spin_button_get_value (self->total_spin));
  g_key_file_set_double (k, "fields", "bonus-cap", gtk_spin_button_get_value (self->bonus_cap_spin));
  g_key_file_set_double (k, "fields", "deduction-cap", gtk_spin_button_get_value (self->deduction_cap_spin));
  g_key_file_set_integer (k, "fields", "applies", (int) gtk_drop_down_get_selected (self->applies_dropdown));
  g_key_file_set_integer (k, "fields", "bands", (int) self->n_bands);
  for (guint b = 0; b < self->n_bands; b++)
    {
      g_autofree char *zh = g_strdup_printf ("band-%u-zh", b);
      g_autofree char *en = g_strdup_printf ("band-%u-en", b);
      g_autofree char *min = g_strdup_printf ("band-%u-min", b);
      g_key_file_set_string (k, "fields", zh, gtk_editable_get_text (GTK_EDITABLE (self->band_zh[b])));
      g_key_file_set_string (k, "fields", en, gtk_editable_get_text (GTK_EDITABLE (self->band_en[b])));
      g_key_file_set_double (k, "fields", min, gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->band_min[b])));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->org_flow)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_string_append_printf (orgs, "%" G_GINT64_FORMAT ",", *(gint64 *) g_object_get_data (G_OBJECT (check), "org-id"));
    }
  g_key_file_set_string (k, "fields", "organizations", orgs->str);
}

static void
scheme_draft_to_form (CouncilSchemeEditor *self, GKeyFile *k)
{
  g_autofree char *title = g_key_file_get_string (k, "fields", "title", NULL);
  g_autofree char *orgs = g_key_file_get_string (k, "fields", "organizations", NULL);
  g_auto(GStrv) org_ids = g_strsplit (orgs ? orgs : "", ",", -1);

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title ? title : "");
  gtk_spin_button_set_value (self->year_spin, g_key_file_get_integer (k, "fields", "year", NULL));
  gtk_drop_down_set_selected (self->period_dropdown, (guint) g_key_file_get_integer (k, "fields", "period", NULL));
  gtk_spin_button_set_value (self->total_spin, g_key_file_get_double (k, "fields", "total", NULL));
  gtk_spin_button_set_value (self->bonus_cap_spin, g_key_file_get_double (k, "fields", "bonus-cap", NULL));
  gtk_spin_button_set_value (self->deduction_cap_spin, g_key_file_get_double (k, "fields", "deduction-cap", NULL));
  gtk_drop_down_set_selected (self->applies_dropdown, (guint) g_key_file_get_integer (k, "fields", "applies", NULL));
  self->n_bands = CLAMP (g_key_file_get_integer (k, "fields", "bands", NULL), 1, MAX_BANDS);
  for (guint b = 0; b < self->n_bands; b++)
    {
      g_autofree char *zh = g_strdup_printf ("band-%u-zh", b);
      g_autofree char *en = g_strdup_printf ("band-%u-en", b);
      g_autofree char *min = g_strdup_printf ("band-%u-min", b);
      g_autofree char *zh_text = g_key_file_get_string (k, "fields", zh, NULL);
      g_autofree char *en_text = g_key_file_get_string (k, "fields", en, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->band_zh[b]), zh_text ? zh_text : "");
      gtk_editable_set_text (GTK_EDITABLE (self->band_en[b]), en_text ? en_text : "");
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->band_min[b]), g_key_file_get_double (k, "fields", min, NULL));
    }
  set_band_rows (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->org_flow)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, *(gint64 *) g_object_get_data (G_OBJECT (check), "org-id"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strv_contains ((const char * const *) org_ids, id));
    }
  on_applies_changed_cb (NULL, NULL, self);
}

static void
indicator_form_to_draft (CouncilSchemeEditor *self, GKeyFile *k)
{
  GtkTextIter start, end;
  g_autofree char *guide = NULL;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->guide_view), &start, &end);
  guide = gtk_text_buffer_get_text (gtk_text_view_get_buffer (self->guide_view), &start, &end, FALSE);
  g_key_file_set_int64 (k, "fields", "scheme-id", self->scheme->id);
  g_key_file_set_int64 (k, "fields", "parent-id", self->new_parent_id);
  g_key_file_set_integer (k, "fields", "new-kind", (int) self->new_kind);
  g_key_file_set_string (k, "fields", "name-zh", gtk_editable_get_text (GTK_EDITABLE (self->name_zh_entry)));
  g_key_file_set_string (k, "fields", "name-en", gtk_editable_get_text (GTK_EDITABLE (self->name_en_entry)));
  g_key_file_set_integer (k, "fields", "kind", (int) gtk_drop_down_get_selected (self->kind_dropdown));
  g_key_file_set_integer (k, "fields", "source", (int) gtk_drop_down_get_selected (self->source_dropdown));
  g_key_file_set_double (k, "fields", "max", gtk_spin_button_get_value (self->max_spin));
  g_key_file_set_double (k, "fields", "weight", gtk_spin_button_get_value (self->weight_spin));
  g_key_file_set_double (k, "fields", "cap", gtk_spin_button_get_value (self->cap_spin));
  g_key_file_set_string (k, "fields", "points", gtk_editable_get_text (GTK_EDITABLE (self->points_entry)));
  g_key_file_set_string (k, "fields", "guide", guide);
}

static void
indicator_draft_to_form (CouncilSchemeEditor *self, GKeyFile *k)
{
  g_autofree char *zh = g_key_file_get_string (k, "fields", "name-zh", NULL);
  g_autofree char *en = g_key_file_get_string (k, "fields", "name-en", NULL);
  g_autofree char *points = g_key_file_get_string (k, "fields", "points", NULL);
  g_autofree char *guide = g_key_file_get_string (k, "fields", "guide", NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->name_zh_entry), zh ? zh : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_en_entry), en ? en : "");
  gtk_drop_down_set_selected (self->kind_dropdown, (guint) g_key_file_get_integer (k, "fields", "kind", NULL));
  gtk_drop_down_set_selected (self->source_dropdown, (guint) g_key_file_get_integer (k, "fields", "source", NULL));
  gtk_spin_button_set_value (self->max_spin, g_key_file_get_double (k, "fields", "max", NULL));
  gtk_spin_button_set_value (self->weight_spin, g_key_file_get_double (k, "fields", "weight", NULL));
  gtk_spin_button_set_value (self->cap_spin, g_key_file_get_double (k, "fields", "cap", NULL));
  gtk_editable_set_text (GTK_EDITABLE (self->points_entry), points ? points : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->guide_view), guide ? guide : "", -1);
  update_form_rows (self);
}

/* Dirty parts are written, clean ones removed: the files on disk always say
 * what is typed and not saved. */
static void
update_drafts (CouncilSchemeEditor *self)
{
  const char *db;

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  if (!drafts_enabled (self) || self->scheme_base == NULL)
    return;
  db = council_store_get_path (self->store);
  if (self->scheme_dirty)
    {
      g_autoptr(CouncilDraft) draft = g_new0 (CouncilDraft, 1);
      g_autoptr(GError) error = NULL;

      draft->kind = g_strdup (SCHEME_DRAFT);
      draft->record_id = self->scheme_base->id;
      draft->version = self->scheme_base->version;
      draft->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
      draft->fields = g_key_file_new ();
      scheme_form_to_draft (self, draft->fields);
      if (!council_draft_save (db, draft, &error))
        g_warning ("Could not keep a draft of the unsaved changes: %s", error->message);
    }
  else
    council_draft_discard (db, SCHEME_DRAFT, self->scheme_base->id);
  if (self->form_dirty && self->scheme != NULL)
    {
      g_autoptr(CouncilDraft) draft = g_new0 (CouncilDraft, 1);
      g_autoptr(GError) error = NULL;

      draft->kind = g_strdup (INDICATOR_DRAFT);
      draft->record_id = form_record_id (self);
      draft->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_zh_entry)));
      draft->fields = g_key_file_new ();
      indicator_form_to_draft (self, draft->fields);
      if (!council_draft_save (db, draft, &error))
        g_warning ("Could not keep a draft of the unsaved changes: %s", error->message);
      self->draft_indicator_id = draft->record_id;
      self->draft_indicator_written = TRUE;
    }
  else if (self->draft_indicator_written)
    {
      council_draft_discard (db, INDICATOR_DRAFT, self->draft_indicator_id);
      self->draft_indicator_written = FALSE;
    }
}

static gboolean
on_draft_timeout_cb (gpointer user_data)
{
  CouncilSchemeEditor *self = user_data;

  self->draft_timeout_id = 0;
  update_drafts (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_draft (CouncilSchemeEditor *self)
{
  if (!drafts_enabled (self))
    return;
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  self->draft_timeout_id = g_timeout_add (DRAFT_DELAY_MS, on_draft_timeout_cb, self);
}

/* The drafts of the shown scheme: its settings and at most one indicator. */
static void
find_drafts (CouncilSchemeEditor *self, CouncilDraft **scheme_draft, CouncilDraft **indicator_draft, GPtrArray *all)
{
  *scheme_draft = *indicator_draft = NULL;
  for (guint i = 0; self->scheme != NULL && i < all->len; i++)
    {
      CouncilDraft *d = g_ptr_array_index (all, i);

      if (g_strcmp0 (d->kind, SCHEME_DRAFT) == 0 && d->record_id == self->scheme->id)
        *scheme_draft = d;
      else if (g_strcmp0 (d->kind, INDICATOR_DRAFT) == 0 &&
               g_key_file_get_int64 (d->fields, "fields", "scheme-id", NULL) == self->scheme->id)
        *indicator_draft = d;
    }
}

static void
offer_drafts (CouncilSchemeEditor *self)
{
  g_autoptr(GPtrArray) all = NULL;
  CouncilDraft *scheme_draft, *indicator_draft, *newest;
  g_autofree char *when = NULL, *text = NULL;

  gtk_widget_set_visible (self->draft_bar, FALSE);
  if (!drafts_enabled (self) || self->scheme == NULL || self->scheme->finalized)
    return;
  all = council_draft_list (council_store_get_path (self->store));
  find_drafts (self, &scheme_draft, &indicator_draft, all);
  if (scheme_draft == NULL && indicator_draft == NULL)
    return;
  newest = indicator_draft != NULL && (scheme_draft == NULL ||
                                       g_date_time_compare (indicator_draft->saved_at, scheme_draft->saved_at) > 0)
           ? indicator_draft : scheme_draft;
  /* Translators: date and time of an unsaved draft, e.g. 2026-11-29 14:05 */
  when = g_date_time_format (newest->saved_at, _("%Y-%m-%d %H:%M"));
  text = g_strdup_printf (_("Edits to this scheme that were not saved were kept (last typed %s)."), when);
  gtk_label_set_text (self->draft_label, text);
  gtk_widget_set_visible (self->draft_bar, TRUE);
}

static void
on_restore_draft_clicked_cb (GtkButton *button, CouncilSchemeEditor *self)
{
  g_autoptr(GPtrArray) all = council_draft_list (council_store_get_path (self->store));
  CouncilDraft *scheme_draft, *indicator_draft;

  gtk_widget_set_visible (self->draft_bar, FALSE);
  find_drafts (self, &scheme_draft, &indicator_draft, all);
  if (scheme_draft != NULL && self->scheme_base != NULL)
    {
      self->loading = TRUE;
      scheme_draft_to_form (self, scheme_draft->fields);
      self->loading = FALSE;
      /* Saved over the version the edit began from: a change made since
       * then is a conflict to settle, not something to overwrite unseen. */
      self->scheme_base->version = scheme_draft->version;
      self->scheme_dirty = TRUE;
    }
  if (indicator_draft != NULL)
    {
      if (indicator_draft->record_id > 0 && find_indicator (self, indicator_draft->record_id) != NULL)
        self->selected_id = indicator_draft->record_id;
      else
        {
          self->selected_id = 0;
          self->new_parent_id = g_key_file_get_int64 (indicator_draft->fields, "fields", "parent-id", NULL);
          self->new_kind = (CouncilIndicatorKind) g_key_file_get_integer (indicator_draft->fields, "fields", "new-kind", NULL);
          gtk_list_box_unselect_all (self->tree);
        }
      self->filling_tree = TRUE;
      fill_tree (self);
      self->filling_tree = FALSE;
      load_form (self);
      self->loading = TRUE;
      indicator_draft_to_form (self, indicator_draft->fields);
      self->loading = FALSE;
      self->form_dirty = TRUE;
      self->draft_indicator_id = indicator_draft->record_id;
      self->draft_indicator_written = TRUE;
    }
}

static void
on_discard_draft_clicked_cb (GtkButton *button, CouncilSchemeEditor *self)
{
  g_autoptr(GPtrArray) all = council_draft_list (council_store_get_path (self->store));
  CouncilDraft *scheme_draft, *indicator_draft;

  gtk_widget_set_visible (self->draft_bar, FALSE);
  find_drafts (self, &scheme_draft, &indicator_draft, all);
  if (scheme_draft != NULL)
    council_draft_discard (council_store_get_path (self->store), SCHEME_DRAFT, scheme_draft->record_id);
  if (indicator_draft != NULL)
    council_draft_discard (council_store_get_path (self->store), INDICATOR_DRAFT, indicator_draft->record_id);
}

static GtkWidget *
build_draft_bar (CouncilSchemeEditor *self)
{
  GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));
  GtkWidget *discard = gtk_button_new_with_mnemonic (_("_Discard"));

  self->draft_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->draft_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->draft_label, TRUE);
  gtk_label_set_xalign (self->draft_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->draft_label), TRUE);
  gtk_widget_add_css_class (restore, "suggested-action");
  g_signal_connect_object (restore, "clicked", G_CALLBACK (on_restore_draft_clicked_cb), self, 0);
  g_signal_connect_object (discard, "clicked", G_CALLBACK (on_discard_draft_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (self->draft_bar), gtk_image_new_from_icon_name ("document-edit-symbolic"));
  gtk_box_append (GTK_BOX (self->draft_bar), GTK_WIDGET (self->draft_label));
  gtk_box_append (GTK_BOX (self->draft_bar), restore);
  gtk_box_append (GTK_BOX (self->draft_bar), discard);
  gtk_widget_add_css_class (self->draft_bar, "assessment-banner");
  gtk_widget_set_margin_start (self->draft_bar, 12);
  gtk_widget_set_margin_end (self->draft_bar, 12);
  gtk_widget_set_margin_top (self->draft_bar, 6);
  gtk_widget_set_visible (self->draft_bar, FALSE);
  g_object_set_data (G_OBJECT (self->draft_bar), "restore-button", restore);
  g_object_set_data (G_OBJECT (self->draft_bar), "discard-button", discard);
  return self->draft_bar;
}

/* ---- construction ---- */

static GtkWidget *
build_scheme_box (CouncilSchemeEditor *self)
{
  GtkWidget *grid = gtk_grid_new ();
  const char *periods[COUNCIL_PERIOD_N + 1] = { NULL };
  const char *applies[COUNCIL_APPLIES_TO_N + 1] = { NULL };
  GtkWidget *save = gtk_button_new_with_mnemonic (_("Save _scheme"));
  GtkWidget *bands_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *band_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *add_band = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *remove_band = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  for (guint p = 0; p < COUNCIL_PERIOD_N; p++)
    periods[p] = council_period_label (p);
  for (guint a = 0; a < COUNCIL_APPLIES_TO_N; a++)
    applies[a] = council_applies_to_label (a);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  self->title_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_entry), TRUE);
  self->year_spin = number_spin (2000, 2100, 1, 0);
  self->period_dropdown = dropdown_of (periods);
  self->total_spin = number_spin (1, 1000, 1, 1);
  self->bonus_cap_spin = number_spin (0, 100, 0.5, 1);
  self->deduction_cap_spin = number_spin (0, 100, 0.5, 1);
  self->applies_dropdown = dropdown_of (applies);
  g_signal_connect_object (self->applies_dropdown, "notify::selected", G_CALLBACK (on_applies_changed_cb), self, 0);

  gtk_grid_attach (GTK_GRID (grid), form_label (_("_Title"), GTK_WIDGET (self->title_entry)), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->title_entry), 1, 0, 3, 1);
  gtk_grid_attach (GTK_GRID (grid), form_label (_("_Year"), GTK_WIDGET (self->year_spin)), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->year_spin), 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), form_label (_("_Period"), GTK_WIDGET (self->period_dropdown)), 2, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->period_dropdown), 3, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), form_label (_("_Total score"), GTK_WIDGET (self->total_spin)), 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->total_spin), 1, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), form_label (_("Applies _to"), GTK_WIDGET (self->applies_dropdown)), 2, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->applies_dropdown), 3, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), form_label (_("_Bonus cap per organization"), GTK_WIDGET (self->bonus_cap_spin)), 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->bonus_cap_spin), 1, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), form_label (_("_Deduction cap per organization"), GTK_WIDGET (self->deduction_cap_spin)), 2, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->deduction_cap_spin), 3, 3, 1, 1);

  self->org_flow = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->org_flow, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->org_flow, 4);
  self->org_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->org_scroller), GTK_WIDGET (self->org_flow));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->org_scroller), 90);
  gtk_grid_attach (GTK_GRID (grid), self->org_scroller, 0, 4, 4, 1);

  /* Grade bands: Chinese name, English name, lowest score. */
  self->band_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->band_grid, 4);
  gtk_grid_set_column_spacing (self->band_grid, 6);
  {
    const char *heads[] = { _("Grade (Chinese)"), _("Grade (English)"), _("From score") };
    for (guint c = 0; c < 3; c++)
      {
        GtkWidget *h = gtk_label_new (heads[c]);
        gtk_label_set_xalign (GTK_LABEL (h), 0);
        gtk_widget_add_css_class (h, "dim-label");
        gtk_grid_attach (self->band_grid, h, (int) c, 0, 1, 1);
      }
  }
  for (guint b = 0; b < MAX_BANDS; b++)
    {
      g_autofree char *a11y_zh = g_strdup_printf (_("Grade band %u, Chinese name"), b + 1);
      g_autofree char *a11y_en = g_strdup_printf (_("Grade band %u, English name"), b + 1);
      g_autofree char *a11y_min = g_strdup_printf (_("Grade band %u, lowest score"), b + 1);

      self->band_zh[b] = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (self->band_zh[b]), 8);
      self->band_en[b] = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (self->band_en[b]), 10);
      self->band_min[b] = GTK_WIDGET (number_spin (0, 1000, 1, 1));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->band_zh[b]), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y_zh, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->band_en[b]), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y_en, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->band_min[b]), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y_min, -1);
      gtk_grid_attach (self->band_grid, self->band_zh[b], 0, (int) b + 1, 1, 1);
      gtk_grid_attach (self->band_grid, self->band_en[b], 1, (int) b + 1, 1, 1);
      gtk_grid_attach (self->band_grid, self->band_min[b], 2, (int) b + 1, 1, 1);
    }
  gtk_widget_set_tooltip_text (add_band, _("Add a grade band"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add_band), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a grade band"), -1);
  gtk_widget_set_tooltip_text (remove_band, _("Remove the last grade band"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_band), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the last grade band"), -1);
  g_signal_connect_object (add_band, "clicked", G_CALLBACK (on_add_band_clicked_cb), self, 0);
  g_signal_connect_object (remove_band, "clicked", G_CALLBACK (on_remove_band_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (band_buttons), add_band);
  gtk_box_append (GTK_BOX (band_buttons), remove_band);
  {
    GtkWidget *bands_title = gtk_label_new (_("Grade bands, highest first"));
    gtk_label_set_xalign (GTK_LABEL (bands_title), 0);
    gtk_widget_add_css_class (bands_title, "heading");
    gtk_box_append (GTK_BOX (bands_box), bands_title);
  }
  gtk_box_append (GTK_BOX (bands_box), GTK_WIDGET (self->band_grid));
  gtk_box_append (GTK_BOX (bands_box), band_buttons);

  gtk_box_append (GTK_BOX (columns), grid);
  gtk_box_append (GTK_BOX (columns), bands_box);
  gtk_box_append (GTK_BOX (box), columns);

  self->scheme_error = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->scheme_error, 0);
  gtk_label_set_wrap (self->scheme_error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->scheme_error), "field-error");
  gtk_widget_set_visible (GTK_WIDGET (self->scheme_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scheme_error));
  gtk_widget_set_halign (save, GTK_ALIGN_START);
  g_signal_connect_object (save, "clicked", G_CALLBACK (on_save_scheme_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), save);
  return box;
}

static GtkWidget *
icon_button (const char *icon, const char *label, GCallback callback, CouncilSchemeEditor *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
build_indicator_form (CouncilSchemeEditor *self)
{
  GtkWidget *grid = gtk_grid_new ();
  const char *kinds[G_N_ELEMENTS (form_kinds) + 1] = { NULL };
  const char *sources[COUNCIL_COMPUTED_N_SOURCES] = { NULL };
  GtkWidget *guide_scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  for (guint k = 0; k < G_N_ELEMENTS (form_kinds); k++)
    kinds[k] = council_indicator_kind_label (form_kinds[k]);
  for (guint s = 1; s < COUNCIL_COMPUTED_N_SOURCES; s++)
    sources[s - 1] = council_computed_source_label (s);

  self->form_title = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->form_title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->form_title), "title-4");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->form_title));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  self->name_zh_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_zh_entry), TRUE);
  self->name_en_entry = GTK_ENTRY (gtk_entry_new ());
  self->kind_dropdown = dropdown_of (kinds);
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_changed_cb), self, 0);
  self->source_dropdown = dropdown_of (sources);
  self->max_spin = number_spin (0, 1000, 0.5, 1);
  self->weight_spin = number_spin (0, 100, 0.1, 2);
  self->cap_spin = number_spin (0, 100, 0.5, 1);
  self->points_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->points_entry),
                               _("Points of the 1st, 2nd, 3rd … rank, separated by commas; ranks past the list get 0"));
  self->guide_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->guide_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->guide_view, 6);
  gtk_text_view_set_right_margin (self->guide_view, 6);
  gtk_text_view_set_top_margin (self->guide_view, 4);
  gtk_text_view_set_bottom_margin (self->guide_view, 4);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (guide_scroller), GTK_WIDGET (self->guide_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (guide_scroller), 80);
  gtk_widget_add_css_class (guide_scroller, "frame");

  self->source_row_label = form_label (_("Computed _from"), GTK_WIDGET (self->source_dropdown));
  self->cap_row_label = form_label (_("C_ap"), GTK_WIDGET (self->cap_spin));
  self->points_row_label = form_label (_("_Points by rank"), GTK_WIDGET (self->points_entry));
  gtk_grid_attach (GTK_GRID (grid), form_label (_("_Name (Chinese)"), GTK_WIDGET (self->name_zh_entry)), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->name_zh_entry), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), form_label (_("Name (_English)"), GTK_WIDGET (self->name_en_entry)), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->name_en_entry), 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), form_label (_("_Kind"), GTK_WIDGET (self->kind_dropdown)), 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->kind_dropdown), 1, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->source_row_label, 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->source_dropdown), 1, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), form_label (_("_Max score"), GTK_WIDGET (self->max_spin)), 0, 4, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->max_spin), 1, 4, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), form_label (_("_Weight"), GTK_WIDGET (self->weight_spin)), 0, 5, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->weight_spin), 1, 5, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->cap_row_label, 0, 6, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->cap_spin), 1, 6, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->points_row_label, 0, 7, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->points_entry), 1, 7, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), form_label (_("Scoring _guide"), GTK_WIDGET (self->guide_view)), 0, 8, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), guide_scroller, 1, 8, 1, 1);
  gtk_box_append (GTK_BOX (box), grid);

  self->form_error = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->form_error, 0);
  gtk_label_set_wrap (self->form_error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->form_error), "field-error");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->form_error));
  self->save_indicator_button = gtk_button_new_with_mnemonic (_("Save _indicator"));
  gtk_widget_set_halign (self->save_indicator_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->save_indicator_button, "suggested-action");
  g_signal_connect_object (self->save_indicator_button, "clicked", G_CALLBACK (on_save_indicator_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), self->save_indicator_button);
  self->form = box;
  return box;
}

static void
council_scheme_editor_dispose (GObject *object)
{
  CouncilSchemeEditor *self = COUNCIL_SCHEME_EDITOR (object);

  /* What is typed and not saved stays on disk, offered when the scheme opens again. */
  if (self->store != NULL && (self->scheme_dirty || self->form_dirty))
    update_drafts (self);
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  if (self->conflict_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->conflict_dialog)));
  g_clear_pointer (&self->scheme_base, council_assessment_scheme_free);
  g_clear_pointer (&self->form_base, council_indicator_free);
  g_clear_pointer (&self->scheme, council_assessment_scheme_free);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (council_scheme_editor_parent_class)->dispose (object);
}

static void
council_scheme_editor_class_init (CouncilSchemeEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = council_scheme_editor_dispose;
}

static void
council_scheme_editor_init (CouncilSchemeEditor *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *lower = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *tree_scroller = gtk_scrolled_window_new ();
  GtkWidget *tree_title = gtk_label_new (_("Indicators"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_append (GTK_BOX (self), build_draft_bar (self));
  self->scheme_box = build_scheme_box (self);
  watch_edits (self, self->scheme_box, G_CALLBACK (on_scheme_edited_cb));
  gtk_box_append (GTK_BOX (content), self->scheme_box);
  gtk_box_append (GTK_BOX (content), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  gtk_label_set_xalign (GTK_LABEL (tree_title), 0);
  gtk_widget_add_css_class (tree_title, "title-4");
  gtk_box_append (GTK_BOX (left), tree_title);
  self->tree = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->tree), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tree), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Indicators"), -1);
  g_signal_connect_object (self->tree, "row-selected", G_CALLBACK (on_tree_row_selected_cb), self, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (tree_scroller), GTK_WIDGET (self->tree));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (tree_scroller), 360);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (tree_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (tree_scroller, 380, -1);
  gtk_box_append (GTK_BOX (left), tree_scroller);
  self->sum_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->sum_label, 0);
  gtk_label_set_wrap (self->sum_label, TRUE);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->sum_label));

  self->tree_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  {
    GtkWidget *add_cat = gtk_button_new_with_mnemonic (_("Add _category"));
    g_signal_connect_object (add_cat, "clicked", G_CALLBACK (on_add_category_clicked_cb), self, 0);
    self->add_indicator_button = gtk_button_new_with_mnemonic (_("_Add indicator"));
    g_signal_connect_object (self->add_indicator_button, "clicked", G_CALLBACK (on_add_indicator_clicked_cb), self, 0);
    self->remove_button = icon_button ("list-remove-symbolic", _("Remove the selected indicator or category"),
                                       G_CALLBACK (on_remove_clicked_cb), self);
    self->up_button = icon_button ("go-up-symbolic", _("Move up"), G_CALLBACK (on_up_clicked_cb), self);
    self->down_button = icon_button ("go-down-symbolic", _("Move down"), G_CALLBACK (on_down_clicked_cb), self);
    gtk_box_append (GTK_BOX (self->tree_buttons), add_cat);
    gtk_box_append (GTK_BOX (self->tree_buttons), self->add_indicator_button);
    gtk_box_append (GTK_BOX (self->tree_buttons), self->remove_button);
    gtk_box_append (GTK_BOX (self->tree_buttons), self->up_button);
    gtk_box_append (GTK_BOX (self->tree_buttons), self->down_button);
  }
  gtk_box_append (GTK_BOX (left), self->tree_buttons);

  gtk_box_append (GTK_BOX (lower), left);
  gtk_box_append (GTK_BOX (lower), build_indicator_form (self));
  watch_edits (self, self->form, G_CALLBACK (on_form_edited_cb));
  gtk_widget_set_hexpand (self->form, TRUE);
  gtk_box_append (GTK_BOX (content), lower);

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 6);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self), scroller);
}

CouncilSchemeEditor *
council_scheme_editor_new (void)
{
  return g_object_new (COUNCIL_TYPE_SCHEME_EDITOR, NULL);
}

void
council_scheme_editor_set_store (CouncilSchemeEditor *self, CouncilStore *store)
{
  g_set_object (&self->store, store);
}

void
council_scheme_editor_load (CouncilSchemeEditor *self, gint64 scheme_id)
{
  g_autoptr(GError) error = NULL;
  gboolean same = self->scheme_base != NULL && self->scheme_base->id == scheme_id;
  /* A reload of the same scheme (another window's change, an undo) keeps a
   * form with unsaved edits as typed, and what it was filled from: saving
   * it then asks Reload or Overwrite. Our own save reloads that part. */
  gboolean keep_scheme = same && self->scheme_dirty && !self->saving_scheme;
  gboolean keep_form = same && self->form_dirty && !self->saving_indicator;
  gboolean locked;

  if (!same)
    {
      update_drafts (self);   /* the edits of the scheme we leave are kept on disk */
      self->scheme_dirty = self->form_dirty = FALSE;
      g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
    }
  g_clear_pointer (&self->scheme, council_assessment_scheme_free);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  if (scheme_id > 0 && self->store != NULL)
    {
      self->scheme = council_store_get_assessment_scheme (self->store, scheme_id, &error);
      if (self->scheme != NULL)
        self->indicators = council_store_list_assessment_indicators (self->store, scheme_id, &error);
      if (error != NULL)
        show_error (self, error);
    }
  if (!keep_form && find_indicator (self, self->selected_id) == NULL)
    self->selected_id = 0;
  /* Open on the first indicator rather than on an empty "new" form. */
  for (guint j = 0; !keep_form && self->selected_id == 0 && self->indicators && j < self->indicators->len; j++)
    if (council_indicator_is_scored (g_ptr_array_index (self->indicators, j)))
      self->selected_id = ((CouncilIndicator *) g_ptr_array_index (self->indicators, j))->id;
  locked = self->scheme == NULL || self->scheme->finalized;
  gtk_widget_set_sensitive (self->scheme_box, !locked);
  gtk_widget_set_sensitive (self->tree_buttons, !locked);
  if (!keep_scheme)
    load_scheme_fields (self);
  fill_tree (self);
  if (!keep_form)
    load_form (self);
  if (!same)
    offer_drafts (self);
}

gboolean
council_scheme_editor_add_indicator (CouncilSchemeEditor *self)
{
  if (self->scheme == NULL || self->scheme->finalized)
    return FALSE;
  start_new (self, COUNCIL_INDICATOR_MANUAL);
  return TRUE;
}

gboolean
council_scheme_editor_has_unsaved_changes (CouncilSchemeEditor *self)
{
  g_return_val_if_fail (COUNCIL_IS_SCHEME_EDITOR (self), FALSE);
  return self->scheme != NULL && (self->scheme_dirty || self->form_dirty);
}

gboolean
council_scheme_editor_save (CouncilSchemeEditor *self)
{
  g_return_val_if_fail (COUNCIL_IS_SCHEME_EDITOR (self), FALSE);
  if (self->scheme != NULL && self->scheme_dirty)
    on_save_scheme_clicked_cb (NULL, self);
  if (self->scheme != NULL && self->form_dirty && !self->scheme_dirty)
    on_save_indicator_clicked_cb (NULL, self);
  return !council_scheme_editor_has_unsaved_changes (self);
}

void
council_scheme_editor_discard_draft (CouncilSchemeEditor *self)
{
  g_return_if_fail (COUNCIL_IS_SCHEME_EDITOR (self));
  self->scheme_dirty = self->form_dirty = FALSE;
  update_drafts (self);
}
