/* council-assessment-view.c: the assessment view — a scheme picker, the
 * scoring grid (organizations × indicators, typed like a spreadsheet), the
 * scheme editor, and the ranking with its chart and year-over-year comparison.
 *
 * The grid is a GtkGrid of GtkEntry cells: Tab moves right, Enter saves and
 * moves down, Escape takes the typing back. Each cell is saved on its own
 * through the store (which validates and records history); totals and ranks
 * are recomputed in memory after the save.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-assessment-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "core/council-store-assessment.h"
#include "core/council-store-documents.h"
#include "council-assessment-view.h"
#include "council-meeting-editor.h"
#include "council-scheme-editor.h"
#include "council-window.h"

struct _CouncilAssessmentView
{
  GtkBox parent_instance;

  CouncilStore *store;
  gboolean stale;                  /* changes came while hidden: reload when shown */
  gboolean saving;                 /* our own change: no reload */

  /* toolbar */
  GtkDropDown *scheme_dropdown;
  GArray *scheme_ids;              /* gint64, in the drop-down's order */
  GtkButton *new_button;
  GtkButton *finalize_button;
  GtkButton *reopen_button;
  GtkWidget *banner;
  GtkLabel *banner_label;
  GtkStack *stack;

  /* the loaded scheme */
  CouncilAssessmentScheme *scheme;
  GPtrArray *indicators;           /* all, tree order */
  GPtrArray *scored;               /* the grid's columns (borrowed from indicators) */
  GPtrArray *orgs;
  CouncilAssessmentMatrix *matrix;
  GHashTable *suggestions;         /* "col:org_id" -> CouncilAssessmentSuggestion* */

  /* scores page */
  GtkScrolledWindow *grid_scroller;
  GtkGrid *grid;
  GtkWidget **cells;               /* n_orgs × n_columns entries */
  GtkLabel **total_labels;
  GtkLabel **rank_labels;
  GtkLabel **grade_labels;
  GtkLabel *grid_message;
  GtkLabel *sum_label;
  GtkWidget *evidence_bar;         /* the focused cell's evidence note */
  GtkLabel *evidence_label;
  GtkEntry *evidence_entry;
  GtkLabel *scored_by_label;
  int evidence_org, evidence_col;  /* -1: no cell */
  gint64 evidence_indicator_id;    /* the same cell by id: the grid may be rebuilt under it */
  gint64 evidence_org_id;
  GtkWidget *documents_row;        /* the focused cell's linked documents */
  GtkWidget *documents_box;        /* one chip per linked document */
  GtkLabel *documents_placeholder;
  GtkMenuButton *link_button;      /* opens the picker */
  GtkSearchEntry *picker_search;
  GtkListBox *picker_list;         /* the policy library, filtered by the search */
  GtkLabel *picker_placeholder;
  GtkWidget *conflict_dialog;      /* "Reload or Overwrite" for a cell */
  gboolean overwrite_cell;         /* the next commit skips the check */
  gboolean reload_pending;         /* a change came in while a cell was being typed */
  guint reload_idle_id;

  /* scheme page */
  CouncilSchemeEditor *editor;

  /* ranking page */
  GtkListBox *ranking_list;
  GtkDrawingArea *chart;
  GtkDropDown *yoy_dropdown;
  GtkGrid *yoy_table;
  GtkDrawingArea *yoy_chart;
  GArray *yoy;                     /* CouncilAssessmentYear */
};

G_DEFINE_FINAL_TYPE (CouncilAssessmentView, council_assessment_view, GTK_TYPE_BOX)

#define GRADE_CLASSES 4
/* Organization, total, rank and grade stay at the left, in sight while the
 * indicators scroll. */
#define FIRST_SCORE_COLUMN 4

static void reload (CouncilAssessmentView *self);
static void refresh_totals (CouncilAssessmentView *self);
static void show_evidence (CouncilAssessmentView *self, int org, int col);
static void show_documents (CouncilAssessmentView *self, gboolean scored);
static GtkWidget *editing_cell (CouncilAssessmentView *self);
static gboolean evidence_is_dirty (CouncilAssessmentView *self);
static void on_evidence_save_cb (GtkWidget *widget, CouncilAssessmentView *self);
static void focus_cell (CouncilAssessmentView *self, guint org, guint col);

/* ---- helpers ---- */

static guint
n_columns (CouncilAssessmentView *self)
{
  return self->scored ? self->scored->len : 0;
}

static guint
n_orgs (CouncilAssessmentView *self)
{
  return self->orgs ? self->orgs->len : 0;
}

static CouncilIndicator *
column_indicator (CouncilAssessmentView *self, guint col)
{
  return g_ptr_array_index (self->scored, col);
}

/* The colour class of a band: best, second, third, and the last one always "fail". */
static const char *
grade_class (CouncilAssessmentView *self, int band)
{
  static const char *classes[GRADE_CLASSES] = { "grade-0", "grade-1", "grade-2", "grade-3" };

  if (band < 0)
    return NULL;
  if ((guint) band == self->scheme->bands->len - 1 && band > 0)
    return classes[GRADE_CLASSES - 1];
  return classes[MIN (band, GRADE_CLASSES - 1)];
}

static void
set_grade_class (CouncilAssessmentView *self, GtkWidget *widget, int band)
{
  for (guint i = 0; i < GRADE_CLASSES; i++)
    {
      g_autofree char *name = g_strdup_printf ("grade-%u", i);
      gtk_widget_remove_css_class (widget, name);
    }
  if (grade_class (self, band) != NULL)
    gtk_widget_add_css_class (widget, grade_class (self, band));
}

static void
grade_rgb (CouncilAssessmentView *self, int band, double rgb[3])
{
  static const double colours[GRADE_CLASSES][3] = {
    { 0.15, 0.64, 0.41 }, { 0.21, 0.52, 0.89 }, { 0.90, 0.65, 0.04 }, { 0.88, 0.11, 0.14 },
  };
  const char *cls = grade_class (self, band);
  guint k = cls ? (guint) (cls[6] - '0') : 1;

  rgb[0] = colours[k][0];
  rgb[1] = colours[k][1];
  rgb[2] = colours[k][2];
}

static const char *
org_name (CouncilAssessmentView *self, guint i)
{
  return council_organization_get_display_name (g_ptr_array_index (self->orgs, i));
}

/* The grid is wide: in Chinese the short name (区总工会) fits its first column. */
static const char *
org_grid_name (CouncilAssessmentView *self, guint i)
{
  CouncilOrganization *org = g_ptr_array_index (self->orgs, i);
  const char *short_name = council_organization_get_short_name (org);

  if (council_ui_prefers_chinese () && short_name != NULL && *short_name != '\0')
    return short_name;
  return council_organization_get_display_name (org);
}

/* "2026-11-29T09:30:00" as the history list shows times. */
static char *
format_when (const char *iso)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) at = iso && *iso ? g_date_time_new_from_iso8601 (iso, tz) : NULL;

  /* Translators: the same date format as the history list. */
  return at ? g_date_time_format (at, _("%-d %b %Y %H:%M")) : g_strdup (iso ? iso : "");
}

static CouncilAssessmentSuggestion *
find_suggestion (CouncilAssessmentView *self, guint col, gint64 org_id)
{
  g_autofree char *key = NULL;

  if (self->suggestions == NULL)
    return NULL;
  key = g_strdup_printf ("%u:%" G_GINT64_FORMAT, col, org_id);
  return g_hash_table_lookup (self->suggestions, key);
}

static void
free_grid_arrays (CouncilAssessmentView *self)
{
  g_clear_pointer (&self->cells, g_free);
  g_clear_pointer (&self->total_labels, g_free);
  g_clear_pointer (&self->rank_labels, g_free);
  g_clear_pointer (&self->grade_labels, g_free);
}

static void
clear_scheme (CouncilAssessmentView *self)
{
  free_grid_arrays (self);
  g_clear_pointer (&self->scheme, council_assessment_scheme_free);
  g_clear_pointer (&self->scored, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->orgs, g_ptr_array_unref);
  g_clear_pointer (&self->matrix, council_assessment_matrix_free);
  g_clear_pointer (&self->suggestions, g_hash_table_unref);
}

static void
show_error (CouncilAssessmentView *self, const GError *error)
{
  council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
}

/* ---- cells ---- */

static char *
cell_text (CouncilAssessmentView *self, guint org, guint col)
{
  CouncilIndicator *ind = column_indicator (self, col);

  if (ind->kind == COUNCIL_INDICATOR_RANK)
    {
      CouncilAssessmentScore score;
      char *text = NULL;

      if (council_store_get_assessment_score (self->store, ind->id, self->matrix->org_ids[org], &score, NULL) &&
          score.exists && !isnan (score.measured))
        text = council_assessment_format_score (score.measured);
      council_assessment_score_clear (&score);
      return text ? text : g_strdup ("");
    }
  return council_assessment_format_score (council_assessment_matrix_get (self->matrix, org, col));
}

static void
set_cell_tooltip (CouncilAssessmentView *self, guint org, guint col)
{
  GtkWidget *entry = self->cells[org * n_columns (self) + col];
  CouncilIndicator *ind = column_indicator (self, col);
  double value = council_assessment_matrix_get (self->matrix, org, col);
  g_autofree char *limit = council_assessment_format_score (council_indicator_limit (ind));
  g_autofree char *shown = council_assessment_format_score (value);
  g_autoptr(GString) tip = g_string_new (NULL);
  CouncilAssessmentScore score;

  g_string_append_printf (tip, "%s — %s\n", org_name (self, org), council_indicator_label (ind));
  if (ind->kind == COUNCIL_INDICATOR_RANK)
    g_string_append_printf (tip, _("Type the measured value; the points follow from the rank (now %s of %s)."),
                            isnan (value) ? "—" : shown, limit);
  else
    g_string_append_printf (tip, _("Score between 0 and %s."), limit);
  if (ind->kind == COUNCIL_INDICATOR_COMPUTED)
    {
      CouncilAssessmentSuggestion *s = find_suggestion (self, col, self->matrix->org_ids[org]);
      if (s != NULL)
        {
          g_autofree char *sug = council_assessment_format_score (s->suggestion);
          g_string_append_c (tip, '\n');
          g_string_append_printf (tip, _("Suggested from the records: %u of %u (%.0f%%) gives %s. Click the tick to accept it."),
                                  s->achieved, s->counted, s->rate * 100.0, sug);
        }
      else
        {
          g_string_append_c (tip, '\n');
          g_string_append (tip, _("No records in this period to suggest a score from."));
        }
    }
  if (council_store_get_assessment_score (self->store, ind->id, self->matrix->org_ids[org], &score, NULL) && score.exists)
    {
      g_autofree char *when = format_when (score.scored_at);

      if (score.evidence[0] != '\0')
        {
          g_string_append_c (tip, '\n');
          g_string_append_printf (tip, _("Evidence: %s"), score.evidence);
        }
      g_string_append_c (tip, '\n');
      g_string_append_printf (tip, _("Scored by %s at %s"), score.scored_by, when);
    }
  council_assessment_score_clear (&score);
  if (ind->guide[0] != '\0')
    {
      g_string_append_c (tip, '\n');
      g_string_append_printf (tip, _("Scoring guide: %s"), ind->guide);
    }
  gtk_widget_set_tooltip_text (entry, tip->str);
}

static void
update_suggestion_icon (CouncilAssessmentView *self, guint org, guint col)
{
  GtkEntry *entry = GTK_ENTRY (self->cells[org * n_columns (self) + col]);
  CouncilIndicator *ind = column_indicator (self, col);
  CouncilAssessmentSuggestion *s;
  g_autofree char *sug = NULL;
  g_autofree char *tip = NULL;

  if (ind->kind != COUNCIL_INDICATOR_COMPUTED)
    return;
  s = find_suggestion (self, col, self->matrix->org_ids[org]);
  if (s == NULL || self->scheme->finalized ||
      council_assessment_totals_tie (s->suggestion, council_assessment_matrix_get (self->matrix, org, col)))
    {
      gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY, NULL);
      if (s != NULL)
        {
          sug = council_assessment_format_score (s->suggestion);
          gtk_entry_set_placeholder_text (entry, sug);
        }
      return;
    }
  sug = council_assessment_format_score (s->suggestion);
  tip = g_strdup_printf (_("Accept the suggestion %s"), sug);
  gtk_entry_set_placeholder_text (entry, sug);
  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY, "object-select-symbolic");
  gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY, tip);
}

static void
mark_cell (GtkWidget *entry, const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_widget_set_tooltip_text (entry, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
set_grid_message (CouncilAssessmentView *self, const char *message)
{
  gtk_label_set_text (self->grid_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->grid_message), message != NULL);
}

/* ---- another window or program scored the same cell ---- */

enum
{
  CONFLICT_RESPONSE_RELOAD = 1,
  CONFLICT_RESPONSE_OVERWRITE = 2,
};

static gboolean commit_cell (CouncilAssessmentView *self, GtkWidget *entry);

static void
on_conflict_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilAssessmentView *self = COUNCIL_ASSESSMENT_VIEW (user_data);
  guint org = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "org"));
  guint col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "col"));
  g_autofree char *typed = g_strdup (g_object_get_data (G_OBJECT (dialog), "typed"));

  self->conflict_dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == CONFLICT_RESPONSE_OVERWRITE && org < n_orgs (self) && col < n_columns (self))
    {
      GtkWidget *entry = self->cells[org * n_columns (self) + col];

      self->overwrite_cell = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (entry), typed);
      if (commit_cell (self, entry))
        council_widget_show_message (GTK_WIDGET (self), _("Your score was saved in place of the other one (which stays in the history)."), FALSE);
      return;
    }
  /* Reload (or the dialog closed): the grid shows what is stored now. */
  reload (self);
  council_widget_show_message (GTK_WIDGET (self), _("Reloaded with the other change; your edits were discarded."), FALSE);
}

static void
ask_reload_or_overwrite (CouncilAssessmentView *self, GtkWidget *entry, const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->conflict_dialog != NULL)
    return;
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE, "%s", message);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    _("Reload shows their score and discards what you typed; Overwrite saves your score in place of theirs (their change stays in the history)."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Reload"), CONFLICT_RESPONSE_RELOAD,
                          _("_Overwrite"), CONFLICT_RESPONSE_OVERWRITE,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), CONFLICT_RESPONSE_RELOAD);
  g_object_set_data (G_OBJECT (dialog), "org", g_object_get_data (G_OBJECT (entry), "org"));
  g_object_set_data (G_OBJECT (dialog), "col", g_object_get_data (G_OBJECT (entry), "col"));
  g_object_set_data_full (G_OBJECT (dialog), "typed", g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response_cb), self, 0);
  self->conflict_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_pending_reload_cb (gpointer user_data)
{
  CouncilAssessmentView *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  int org = -1, col = -1;

  self->reload_idle_id = 0;
  if (!self->reload_pending)
    return G_SOURCE_REMOVE;
  if (editing_cell (self) != NULL || evidence_is_dirty (self))
    return G_SOURCE_REMOVE;   /* typing again: after that commit */
  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (GTK_IS_ENTRY (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (self->grid))
      {
        org = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (focus), "org"));
        col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (focus), "col"));
        break;
      }
  reload (self);
  /* The focus stays where the person was. */
  if (org >= 0 && col >= 0)
    focus_cell (self, (guint) org, (guint) col);
  return G_SOURCE_REMOVE;
}

/* A change that came in while a cell was typed is shown once it is settled,
 * from an idle: the cell whose handler runs now is not destroyed under it. */
static void
schedule_pending_reload (CouncilAssessmentView *self)
{
  if (self->reload_pending && self->reload_idle_id == 0)
    self->reload_idle_id = g_idle_add (on_pending_reload_cb, self);
}

/* Saves one cell; FALSE (and the cell marked with the reason) when refused. */
static gboolean
commit_cell (CouncilAssessmentView *self, GtkWidget *entry)
{
  guint org = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "org"));
  guint col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "col"));
  const char *committed = g_object_get_data (G_OBJECT (entry), "committed");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  CouncilIndicator *ind;
  g_autoptr(GError) error = NULL;
  double value = NAN;
  gboolean ok;

  if (self->matrix == NULL || g_strcmp0 (text, committed) == 0)
    {
      if (g_strcmp0 (text, committed) == 0)
        mark_cell (entry, NULL);
      schedule_pending_reload (self);
      return TRUE;
    }
  ind = column_indicator (self, col);
  if (*text != '\0' && !council_assessment_parse_score (text, &value, &error))
    {
      mark_cell (entry, error->message);
      set_grid_message (self, error->message);
      return FALSE;
    }

  self->saving = TRUE;
  if (ind->kind == COUNCIL_INDICATOR_RANK)
    ok = council_store_set_assessment_measured (self->store, ind->id, self->matrix->org_ids[org], value, &error);
  else
    {
      /* Saved over the score this grid shows, and nothing newer. */
      double shown = council_assessment_matrix_get (self->matrix, org, col);
      ok = council_store_set_assessment_score_over (self->store, ind->id, self->matrix->org_ids[org], value, NULL,
                                                    self->overwrite_cell ? NULL : &shown, &error);
    }
  self->saving = FALSE;
  self->overwrite_cell = FALSE;
  if (!ok && g_error_matches (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT))
    {
      mark_cell (entry, error->message);
      set_grid_message (self, error->message);
      ask_reload_or_overwrite (self, entry, error->message);
      return FALSE;
    }
  if (!ok)
    {
      mark_cell (entry, error->message);
      set_grid_message (self, error->message);
      if (!g_error_matches (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_SCORE))
        show_error (self, error);
      return FALSE;
    }

  mark_cell (entry, NULL);
  set_grid_message (self, NULL);
  g_object_set_data_full (G_OBJECT (entry), "committed", g_strdup (text), g_free);
  if (ind->kind == COUNCIL_INDICATOR_RANK)
    {
      /* Every measured organization's points may change: read the column back. */
      g_autoptr(GError) load_error = NULL;
      CouncilAssessmentMatrix *m = council_store_load_assessment_matrix (self->store, self->scheme, self->indicators,
                                                                         self->orgs, &load_error);
      if (m != NULL)
        {
          council_assessment_matrix_free (self->matrix);
          self->matrix = m;
        }
      for (guint i = 0; i < n_orgs (self); i++)
        set_cell_tooltip (self, i, col);
    }
  else
    {
      council_assessment_matrix_set (self->matrix, org, col, isnan (value) ? NAN : round (value * 100.0) / 100.0);
      set_cell_tooltip (self, org, col);
      update_suggestion_icon (self, org, col);
    }
  refresh_totals (self);
  if (self->evidence_org == (int) org && self->evidence_col == (int) col)
    show_evidence (self, (int) org, (int) col);
  schedule_pending_reload (self);
  return TRUE;
}

static void
focus_cell (CouncilAssessmentView *self, guint org, guint col)
{
  if (org < n_orgs (self) && col < n_columns (self))
    gtk_widget_grab_focus (self->cells[org * n_columns (self) + col]);
}

static void
on_cell_activate_cb (GtkEntry *entry, CouncilAssessmentView *self)
{
  guint org = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "org"));
  guint col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "col"));

  /* Enter saves and moves down, like a spreadsheet; a refused value keeps the focus. */
  if (commit_cell (self, GTK_WIDGET (entry)))
    focus_cell (self, org + 1 < n_orgs (self) ? org + 1 : 0, org + 1 < n_orgs (self) ? col : col + 1);
}

static void
show_evidence (CouncilAssessmentView *self, int org, int col)
{
  CouncilAssessmentScore score;
  g_autofree char *title = NULL;
  g_autofree char *by = NULL;

  /* A note typed for another cell is saved before the bar moves on, as a
   * cell's score is when the focus leaves it. */
  if ((org != self->evidence_org || col != self->evidence_col) && evidence_is_dirty (self))
    on_evidence_save_cb (NULL, self);
  self->evidence_org = org;
  self->evidence_col = col;
  self->evidence_indicator_id = self->evidence_org_id = 0;
  g_object_set_data (G_OBJECT (self->evidence_entry), "committed", NULL);
  if (org < 0 || col < 0 || self->matrix == NULL)
    {
      gtk_widget_set_sensitive (self->evidence_bar, FALSE);
      gtk_label_set_text (self->evidence_label, _("Evidence"));
      gtk_editable_set_text (GTK_EDITABLE (self->evidence_entry), "");
      gtk_label_set_text (self->scored_by_label, "");
      show_documents (self, FALSE);
      return;
    }
  self->evidence_indicator_id = column_indicator (self, (guint) col)->id;
  self->evidence_org_id = self->matrix->org_ids[org];
  title = g_strdup_printf (_("Evidence for %s — %s"), org_grid_name (self, (guint) org),
                           council_indicator_label (column_indicator (self, (guint) col)));
  gtk_label_set_text (self->evidence_label, title);
  if (council_store_get_assessment_score (self->store, column_indicator (self, (guint) col)->id,
                                          self->matrix->org_ids[org], &score, NULL) && score.exists)
    {
      g_autofree char *when = format_when (score.scored_at);

      gtk_editable_set_text (GTK_EDITABLE (self->evidence_entry), score.evidence);
      g_object_set_data_full (G_OBJECT (self->evidence_entry), "committed", g_strdup (score.evidence), g_free);
      by = g_strdup_printf (_("Scored by %s at %s"), score.scored_by, when);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->evidence_entry), "");
  gtk_label_set_text (self->scored_by_label, by ? by : _("Not scored yet"));
  gtk_widget_set_sensitive (self->evidence_bar, !self->scheme->finalized);
  /* A note belongs to a score: nothing can be typed that could not be saved. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_entry), score.exists);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->evidence_entry),
                               score.exists ? NULL : _("Enter the score first; the evidence note belongs to a score."));
  show_documents (self, score.exists);
  council_assessment_score_clear (&score);
}

/* ---- documents linked to the focused score (佐证材料) ---- */

static void
on_unlink_document_clicked_cb (GtkButton *button, CouncilAssessmentView *self)
{
  gint64 document_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "document-id");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->evidence_org < 0 || self->evidence_col < 0 || self->matrix == NULL)
    return;
  self->saving = TRUE;
  ok = council_store_unlink_assessment_document (self->store, column_indicator (self, (guint) self->evidence_col)->id,
                                                 self->matrix->org_ids[self->evidence_org], document_id, &error);
  self->saving = FALSE;
  if (!ok)
    show_error (self, error);
  else
    show_documents (self, TRUE);
}

static GtkWidget *
document_chip (CouncilAssessmentView *self, CouncilDocument *doc)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *open = gtk_button_new ();
  GtkWidget *title = gtk_label_new (council_document_get_title (doc));
  GtkWidget *unlink = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *open_tip = NULL, *unlink_tip = NULL;
  const char *number = council_document_get_doc_number (doc);
  gint64 *id = g_new (gint64, 1);

  *id = council_document_get_id (doc);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_button_set_child (GTK_BUTTON (open), title);
  open_tip = number && *number
             ? g_strdup_printf (_("Open “%s” (%s)"), council_document_get_title (doc), number)
             : g_strdup_printf (_("Open “%s”"), council_document_get_title (doc));
  gtk_widget_set_tooltip_text (open, open_tip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.show-document");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x", *id);
  unlink_tip = g_strdup_printf (_("Unlink “%s” from this score"), council_document_get_title (doc));
  gtk_widget_set_tooltip_text (unlink, unlink_tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL, unlink_tip, -1);
  g_object_set_data_full (G_OBJECT (unlink), "document-id", id, g_free);
  g_signal_connect_object (unlink, "clicked", G_CALLBACK (on_unlink_document_clicked_cb), self, 0);
  /* A finalized scheme keeps its evidence: it can be opened, not changed. */
  gtk_widget_set_sensitive (unlink, !self->scheme->finalized);
  g_object_set_data (G_OBJECT (chip), "open-button", open);
  g_object_set_data (G_OBJECT (chip), "unlink-button", unlink);
  gtk_widget_add_css_class (chip, "linked");
  gtk_box_append (GTK_BOX (chip), open);
  gtk_box_append (GTK_BOX (chip), unlink);
  return chip;
}

/* The linked documents of the focused cell; linking needs a saved score. */
static void
show_documents (CouncilAssessmentView *self, gboolean scored)
{
  g_autoptr(GArray) ids = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (self->documents_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->documents_box), child);
  if (self->evidence_org >= 0 && self->evidence_col >= 0 && self->matrix != NULL)
    ids = council_store_list_assessment_documents (self->store, column_indicator (self, (guint) self->evidence_col)->id,
                                                   self->matrix->org_ids[self->evidence_org], NULL);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(CouncilDocument) doc = council_store_get_document (self->store, g_array_index (ids, gint64, i), NULL);

      /* A document deleted from the library leaves no chip. */
      if (doc == NULL)
        continue;
      gtk_box_append (GTK_BOX (self->documents_box), document_chip (self, doc));
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->documents_placeholder), shown == 0);
  gtk_widget_set_sensitive (self->documents_row, self->evidence_org >= 0 && self->matrix != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_button), scored && self->scheme != NULL && !self->scheme->finalized);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_button),
                               self->scheme != NULL && self->scheme->finalized
                               ? _("The scheme is finalized; reopen it to change the evidence.")
                               : scored ? _("Link a document of the policy library to this score")
                                        : _("Enter the score first; the evidence note belongs to a score."));
}

static gboolean
is_linked (CouncilAssessmentView *self, gint64 document_id)
{
  for (GtkWidget *chip = gtk_widget_get_first_child (self->documents_box); chip; chip = gtk_widget_get_next_sibling (chip))
    {
      GtkWidget *unlink = g_object_get_data (G_OBJECT (chip), "unlink-button");
      if (*(gint64 *) g_object_get_data (G_OBJECT (unlink), "document-id") == document_id)
        return TRUE;
    }
  return FALSE;
}

/* Title, 文号 and issuing body, folded, so the search ignores case. */
static char *
document_search_text (CouncilDocument *doc)
{
  const char *parts[] = { council_document_get_title (doc), council_document_get_doc_number (doc),
                          council_document_get_issuing_body (doc), council_document_get_tags (doc) };
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_string_append_printf (all, "%s\n", parts[i] ? parts[i] : "");
  return g_utf8_casefold (all->str, -1);
}

static GtkWidget *
picker_row (CouncilDocument *doc)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (council_document_get_title (doc));
  g_autofree char *date = council_format_date (council_document_get_issue_date (doc));
  g_autofree char *facts = g_strdup_printf ("%s  %s  %s", council_document_get_issuing_body (doc),
                                            council_document_get_doc_number (doc), date);
  GtkWidget *sub = gtk_label_new (facts);
  gint64 *id = g_new (gint64, 1);

  *id = council_document_get_id (doc);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "document-id", id, g_free);
  g_object_set_data_full (G_OBJECT (row), "search-text", document_search_text (doc), g_free);
  gtk_widget_set_tooltip_text (row, council_document_get_title (doc));
  return row;
}

static gboolean
picker_filter (GtkListBoxRow *row, gpointer user_data)
{
  CouncilAssessmentView *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->picker_search));
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  const char *text = g_object_get_data (G_OBJECT (row), "search-text");

  if (is_linked (self, *(gint64 *) g_object_get_data (G_OBJECT (row), "document-id")))
    return FALSE;
  if (query == NULL || *query == '\0')
    return TRUE;
  folded = g_utf8_casefold (query, -1);
  words = g_strsplit_set (folded, " \t　", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (text, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
update_picker_placeholder (CouncilAssessmentView *self)
{
  gboolean any = FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->picker_list)); row && !any;
       row = gtk_widget_get_next_sibling (row))
    any = GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row);
  gtk_widget_set_visible (GTK_WIDGET (self->picker_placeholder), !any);
  gtk_label_set_text (self->picker_placeholder,
                      gtk_widget_get_first_child (GTK_WIDGET (self->picker_list)) == NULL
                      ? _("The policy library has no documents yet; import PDF files in the Documents view.")
                      : _("No document matches."));
}

static void
on_picker_search_changed_cb (GtkSearchEntry *entry, CouncilAssessmentView *self)
{
  gtk_list_box_invalidate_filter (self->picker_list);
  update_picker_placeholder (self);
}

/* The library is read when the picker opens, so it is never stale. */
static void
on_picker_show_cb (GtkWidget *popover, CouncilAssessmentView *self)
{
  g_autoptr(GListStore) docs = NULL;
  CouncilDocumentFilter filter;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->picker_list))) != NULL)
    gtk_list_box_remove (self->picker_list, child);
  council_document_filter_init (&filter);
  docs = council_store_list_documents (self->store, &filter, NULL);
  for (guint i = 0; docs != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (docs)); i++)
    {
      g_autoptr(CouncilDocument) doc = g_list_model_get_item (G_LIST_MODEL (docs), i);
      gtk_list_box_append (self->picker_list, picker_row (doc));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->picker_search), "");
  gtk_list_box_invalidate_filter (self->picker_list);
  update_picker_placeholder (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->picker_search));
}

static void
on_picker_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, CouncilAssessmentView *self)
{
  gint64 document_id = *(gint64 *) g_object_get_data (G_OBJECT (row), "document-id");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->evidence_org < 0 || self->evidence_col < 0 || self->matrix == NULL)
    return;
  self->saving = TRUE;
  ok = council_store_link_assessment_document (self->store, column_indicator (self, (guint) self->evidence_col)->id,
                                               self->matrix->org_ids[self->evidence_org], document_id, &error);
  self->saving = FALSE;
  gtk_menu_button_popdown (self->link_button);
  if (!ok)
    {
      show_error (self, error);
      return;
    }
  show_documents (self, TRUE);
  set_cell_tooltip (self, (guint) self->evidence_org, (guint) self->evidence_col);
}

/* Enter in the search links the first document still shown. */
static void
on_picker_search_activate_cb (GtkSearchEntry *entry, CouncilAssessmentView *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->picker_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      {
        on_picker_row_activated_cb (self->picker_list, GTK_LIST_BOX_ROW (row), self);
        return;
      }
}

static GtkWidget *
build_documents_row (CouncilAssessmentView *self)
{
  GtkWidget *label = gtk_label_new (_("Evidence documents"));
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->documents_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (label, "dim-label");
  self->documents_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->documents_placeholder = GTK_LABEL (gtk_label_new (_("No linked documents")));
  gtk_widget_add_css_class (GTK_WIDGET (self->documents_placeholder), "dim-label");

  self->picker_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->picker_search, "placeholder-text", _("Title, document number or issuing body"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picker_search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the policy library"), -1);
  g_signal_connect_object (self->picker_search, "search-changed", G_CALLBACK (on_picker_search_changed_cb), self, 0);
  g_signal_connect_object (self->picker_search, "activate", G_CALLBACK (on_picker_search_activate_cb), self, 0);
  self->picker_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_activate_on_single_click (self->picker_list, TRUE);
  gtk_list_box_set_filter_func (self->picker_list, picker_filter, self, NULL);
  g_signal_connect_object (self->picker_list, "row-activated", G_CALLBACK (on_picker_row_activated_cb), self, 0);
  self->picker_placeholder = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->picker_placeholder, TRUE);
  gtk_label_set_max_width_chars (self->picker_placeholder, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->picker_placeholder), "dim-label");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->picker_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, 440, 260);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->picker_search));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->picker_placeholder));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_picker_show_cb), self, 0);

  self->link_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->link_button, _("_Link a document…"));
  gtk_menu_button_set_use_underline (self->link_button, TRUE);
  gtk_menu_button_set_popover (self->link_button, popover);

  gtk_box_append (GTK_BOX (self->documents_row), label);
  gtk_box_append (GTK_BOX (self->documents_row), self->documents_box);
  gtk_box_append (GTK_BOX (self->documents_row), GTK_WIDGET (self->documents_placeholder));
  gtk_box_append (GTK_BOX (self->documents_row), GTK_WIDGET (self->link_button));
  gtk_widget_set_margin_start (self->documents_row, 12);
  gtk_widget_set_margin_end (self->documents_row, 12);
  gtk_widget_set_margin_bottom (self->documents_row, 8);
  gtk_widget_set_sensitive (self->documents_row, FALSE);
  return self->documents_row;
}

/* The evidence note differs from the stored one (typed, not saved yet). */
static gboolean
evidence_is_dirty (CouncilAssessmentView *self)
{
  const char *committed;

  if (self->evidence_indicator_id <= 0 || self->evidence_org_id <= 0 || self->evidence_entry == NULL)
    return FALSE;
  committed = g_object_get_data (G_OBJECT (self->evidence_entry), "committed");
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->evidence_entry)), committed ? committed : "") != 0;
}

static void
on_evidence_save_cb (GtkWidget *widget, CouncilAssessmentView *self)
{
  g_autoptr(GError) error = NULL;
  CouncilAssessmentScore stored = { 0 };
  gint64 indicator_id = self->evidence_indicator_id;
  gint64 org_id = self->evidence_org_id;
  double value;
  gboolean ok;

  if (indicator_id <= 0 || org_id <= 0)
    return;
  /* The note goes with the score as stored now: a score another window
   * changed meanwhile is kept, not put back to the one shown here. */
  if (!council_store_get_assessment_score (self->store, indicator_id, org_id, &stored, &error))
    {
      show_error (self, error);
      return;
    }
  value = stored.exists ? stored.value : NAN;
  council_assessment_score_clear (&stored);
  if (isnan (value))
    {
      council_widget_show_message (GTK_WIDGET (self), _("Enter the score first; the evidence note belongs to a score."), TRUE);
      return;
    }
  self->saving = TRUE;
  ok = council_store_set_assessment_score (self->store, indicator_id, org_id, value,
                                           gtk_editable_get_text (GTK_EDITABLE (self->evidence_entry)), &error);
  self->saving = FALSE;
  if (!ok)
    show_error (self, error);
  else
    {
      g_object_set_data_full (G_OBJECT (self->evidence_entry), "committed",
                              g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->evidence_entry))), g_free);
      if (self->matrix != NULL && self->cells != NULL && self->evidence_org >= 0 && self->evidence_col >= 0 &&
          (guint) self->evidence_org < n_orgs (self) && (guint) self->evidence_col < n_columns (self) &&
          self->matrix->org_ids[self->evidence_org] == org_id &&
          column_indicator (self, (guint) self->evidence_col)->id == indicator_id)
        {
          set_cell_tooltip (self, (guint) self->evidence_org, (guint) self->evidence_col);
          if (widget != NULL)
            show_evidence (self, self->evidence_org, self->evidence_col);
        }
      council_widget_show_message (GTK_WIDGET (self), _("Evidence saved."), FALSE);
      schedule_pending_reload (self);
    }
}

static void
on_cell_focus_enter_cb (GtkEventControllerFocus *controller, CouncilAssessmentView *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  show_evidence (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "org")),
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "col")));
}

static void
on_cell_focus_leave_cb (GtkEventControllerFocus *controller, CouncilAssessmentView *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (self->cells != NULL && gtk_widget_get_root (entry) != NULL)
    commit_cell (self, entry);
}

static gboolean
on_cell_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                        GdkModifierType state, CouncilAssessmentView *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint org = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "org"));
  guint col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "col"));

  switch (keyval)
    {
    case GDK_KEY_Escape:
      {
        const char *committed = g_object_get_data (G_OBJECT (entry), "committed");
        gtk_editable_set_text (GTK_EDITABLE (entry), committed ? committed : "");
        mark_cell (entry, NULL);
        set_grid_message (self, NULL);
        set_cell_tooltip (self, org, col);
        schedule_pending_reload (self);
        return TRUE;
      }
    case GDK_KEY_Up:
      if (org > 0 && commit_cell (self, entry))
        focus_cell (self, org - 1, col);
      return TRUE;
    case GDK_KEY_Down:
      if (commit_cell (self, entry))
        focus_cell (self, org + 1, col);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_cell_icon_press_cb (GtkEntry *entry, GtkEntryIconPosition pos, CouncilAssessmentView *self)
{
  guint org = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "org"));
  guint col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "col"));
  CouncilAssessmentSuggestion *s = find_suggestion (self, col, self->matrix->org_ids[org]);
  g_autofree char *text = NULL;

  if (s == NULL)
    return;
  text = council_assessment_format_score (s->suggestion);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  commit_cell (self, GTK_WIDGET (entry));
}

static void
on_accept_column_clicked_cb (GtkButton *button, CouncilAssessmentView *self)
{
  guint col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "col"));
  g_autoptr(GError) error = NULL;
  int n;

  n = council_store_accept_assessment_suggestions (self->store, self->scheme, column_indicator (self, col), &error);
  if (n < 0)
    show_error (self, error);
  else
    {
      g_autofree char *msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accepted %d suggested score.",
                                                           "Accepted %d suggested scores.", n), n);
      council_widget_show_message (GTK_WIDGET (self), msg, FALSE);
    }
}

/* ---- totals, ranks and the ranking page ---- */

static gboolean
org_grade_ready (CouncilAssessmentView *self, guint org, guint *scored, guint *of)
{
  return council_assessment_matrix_org_complete (self->matrix, org, scored, of);
}

static void
refresh_ranking (CouncilAssessmentView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ranking_list))) != NULL)
    gtk_list_box_remove (self->ranking_list, child);
  if (self->matrix != NULL)
    for (guint k = 0; k < self->matrix->n_orgs; k++)
      {
        guint i = self->matrix->order[k];
        GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
        GtkWidget *rank, *name, *total, *grade;
        int band = council_assessment_scheme_grade (self->scheme, self->matrix->totals[i]);
        gboolean tie = (k > 0 && self->matrix->ranks[self->matrix->order[k - 1]] == self->matrix->ranks[i]) ||
                       (k + 1 < self->matrix->n_orgs && self->matrix->ranks[self->matrix->order[k + 1]] == self->matrix->ranks[i]);
        gboolean any = self->matrix->scored[i] > 0;
        guint done = 0, of = 0;
        gboolean ready = org_grade_ready (self, i, &done, &of);
        g_autofree char *rank_text = any ? g_strdup_printf ("%u", self->matrix->ranks[i]) : g_strdup ("—");
        /* Translators: shown beside a rank shared with another organization (并列). */
        GtkWidget *tie_label = gtk_label_new (tie && any ? C_("rank", "tie") : "");
        g_autofree char *total_text = any ? council_assessment_format_score (self->matrix->totals[i]) : g_strdup ("—");
        g_autofree char *progress = g_strdup_printf ("%u/%u", done, of);

        rank = gtk_label_new (rank_text);
        gtk_label_set_width_chars (GTK_LABEL (rank), 3);
        gtk_label_set_xalign (GTK_LABEL (rank), 1);
        gtk_widget_add_css_class (rank, "heading");
        gtk_label_set_width_chars (GTK_LABEL (tie_label), 4);
        gtk_label_set_xalign (GTK_LABEL (tie_label), 0);
        gtk_widget_add_css_class (tie_label, "dim-label");
        name = gtk_label_new (org_name (self, i));
        gtk_label_set_xalign (GTK_LABEL (name), 0);
        gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
        gtk_widget_set_hexpand (name, TRUE);
        total = gtk_label_new (total_text);
        gtk_label_set_width_chars (GTK_LABEL (total), 6);
        gtk_label_set_xalign (GTK_LABEL (total), 1);
        /* No grade on a partial score, as in the grid: it says how far scoring is. */
        grade = gtk_label_new (ready && band >= 0 ? council_grade_band_label (g_ptr_array_index (self->scheme->bands, band))
                               : any ? progress : "");
        gtk_label_set_width_chars (GTK_LABEL (grade), 5);
        gtk_widget_add_css_class (grade, ready ? "grade-label" : "dim-label");
        set_grade_class (self, grade, ready ? band : -1);
        if (!ready && any)
          {
            g_autofree char *tip = g_strdup_printf (_("%u of %u indicators scored; the grade follows when all are."), done, of);
            gtk_widget_set_tooltip_text (grade, tip);
          }
        gtk_box_append (GTK_BOX (row), rank);
        gtk_box_append (GTK_BOX (row), tie_label);
        gtk_box_append (GTK_BOX (row), name);
        gtk_box_append (GTK_BOX (row), total);
        gtk_box_append (GTK_BOX (row), grade);
        gtk_widget_set_margin_start (row, 6);
        gtk_widget_set_margin_end (row, 6);
        gtk_widget_set_margin_top (row, 3);
        gtk_widget_set_margin_bottom (row, 3);
        gtk_list_box_append (self->ranking_list, row);
      }
  gtk_drawing_area_set_content_height (self->chart, (int) (n_orgs (self) * 24 + 56));
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
refresh_totals (CouncilAssessmentView *self)
{
  CouncilAssessmentMatrix *m = self->matrix;

  if (m == NULL || self->total_labels == NULL)
    return;
  for (guint i = 0; i < m->n_orgs; i++)
    {
      g_autofree char *total = council_assessment_format_score (m->totals[i]);
      g_autofree char *rank = g_strdup_printf ("%u", m->ranks[i]);
      int band = council_assessment_scheme_grade (self->scheme, m->totals[i]);
      guint ordinary = 0, ordinary_scored = 0;
      gboolean complete = org_grade_ready (self, i, &ordinary_scored, &ordinary);

      gtk_label_set_text (self->total_labels[i], m->scored[i] > 0 ? total : "—");
      gtk_label_set_text (self->rank_labels[i], m->scored[i] > 0 ? rank : "—");
      if (complete && band >= 0)
        {
          gtk_label_set_text (self->grade_labels[i], council_grade_band_label (g_ptr_array_index (self->scheme->bands, band)));
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->grade_labels[i]), NULL);
        }
      else
        {
          g_autofree char *progress = g_strdup_printf ("%u/%u", ordinary_scored, ordinary);
          g_autofree char *tip = g_strdup_printf (_("%u of %u indicators scored; the grade follows when all are."),
                                                  ordinary_scored, ordinary);
          gtk_label_set_text (self->grade_labels[i], m->scored[i] > 0 ? progress : "");
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->grade_labels[i]), tip);
        }
      set_grade_class (self, GTK_WIDGET (self->grade_labels[i]), complete ? band : -1);
      if (!complete)
        gtk_widget_add_css_class (GTK_WIDGET (self->grade_labels[i]), "dim-label");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->grade_labels[i]), "dim-label");
    }
  refresh_ranking (self);
}

static void
draw_chart_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  CouncilAssessmentView *self = data;
  CouncilAssessmentMatrix *m = self->matrix;
  PangoLayout *layout;
  int label_width = 0;
  double max_total, bar_h = 18, gap = 6, top = 40;
  double left_edge[2] = { G_MAXDOUBLE, G_MAXDOUBLE };   /* of the band names drawn on each line */
  GdkRGBA fg;

  if (m == NULL || m->n_orgs == 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  for (guint i = 0; i < m->n_orgs; i++)
    {
      int w;
      pango_layout_set_text (layout, org_name (self, i), -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      label_width = MAX (label_width, w);
    }
  label_width = MIN (label_width + 12, width * 2 / 5);
  max_total = self->scheme->total_score + self->scheme->bonus_cap;
  for (guint k = 0; k < m->n_orgs; k++)
    {
      guint i = m->order[k];
      double y = top + k * (bar_h + gap);
      double avail = MAX (width - label_width - 56, 10);
      gboolean any = m->scored[i] > 0;
      double w = any ? avail * CLAMP (m->totals[i] / max_total, 0, 1) : 0;
      double rgb[3];
      g_autofree char *value = any ? council_assessment_format_score (m->totals[i]) : g_strdup ("—");
      int th;

      gdk_cairo_set_source_rgba (cr, &fg);
      pango_layout_set_text (layout, org_name (self, i), -1);
      pango_layout_set_width (layout, (label_width - 8) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, NULL, &th);
      cairo_move_to (cr, 4, y + (bar_h - th) / 2);
      pango_cairo_show_layout (cr, layout);

      /* Grade colours once the grade is given; a partial total is grey. */
      if (org_grade_ready (self, i, NULL, NULL))
        {
          grade_rgb (self, council_assessment_scheme_grade (self->scheme, m->totals[i]), rgb);
          cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.85);
        }
      else
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.3);
      cairo_rectangle (cr, label_width, y, w, bar_h);
      cairo_fill (cr);

      gdk_cairo_set_source_rgba (cr, &fg);
      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, value, -1);
      cairo_move_to (cr, label_width + w + 6, y + (bar_h - th) / 2);
      pango_cairo_show_layout (cr, layout);
    }
  /* The grade thresholds as dashed lines. */
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  for (guint b = 0; b + 1 < self->scheme->bands->len; b++)
    {
      const CouncilGradeBand *band = g_ptr_array_index (self->scheme->bands, b);
      double avail = MAX (width - label_width - 56, 10);
      double x = label_width + avail * band->min_score / max_total;
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
      cairo_move_to (cr, x + 0.5, top - 4);
      cairo_line_to (cr, x + 0.5, MIN (height, top + m->n_orgs * (bar_h + gap)));
      cairo_stroke (cr);
    }
  /* Each band's name over its stretch of the axis, so the chart reads
   * without a legend; a name that would overlap the one before it (narrow
   * bands, long English names) takes the second line. */
  cairo_set_dash (cr, NULL, 0, 0);
  pango_layout_set_width (layout, -1);
  for (guint b = 0; b < self->scheme->bands->len; b++)
    {
      const CouncilGradeBand *band = g_ptr_array_index (self->scheme->bands, b);
      double avail = MAX (width - label_width - 56, 10);
      double hi = b == 0 ? max_total : ((CouncilGradeBand *) g_ptr_array_index (self->scheme->bands, b - 1))->min_score;
      double x0 = label_width + avail * band->min_score / max_total;
      double x1 = label_width + avail * MIN (hi, max_total) / max_total;
      double rgb[3];
      int tw;

      double lx;
      int line;

      pango_layout_set_text (layout, council_grade_band_label (band), -1);
      pango_layout_get_pixel_size (layout, &tw, NULL);
      lx = CLAMP (x0 + (x1 - x0 - tw) / 2, label_width, width - tw);
      /* Bands go from the highest (right) to the lowest (left). */
      line = b > 0 && lx + tw + 6 > left_edge[0] ? 1 : 0;
      if (line == 1 && lx + tw + 6 > left_edge[1])
        lx = MAX (label_width, left_edge[1] - tw - 6);
      left_edge[line] = lx;
      grade_rgb (self, (int) b, rgb);
      cairo_set_source_rgb (cr, rgb[0] * 0.8, rgb[1] * 0.8, rgb[2] * 0.8);
      cairo_move_to (cr, lx, 1 + line * 16);
      pango_cairo_show_layout (cr, layout);
    }
  g_object_unref (layout);
}

/* ---- year over year ---- */

static void
refresh_yoy (CouncilAssessmentView *self)
{
  guint selected = gtk_drop_down_get_selected (self->yoy_dropdown);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schemes = NULL;
  GtkWidget *child;
  const char *headers[] = { _("Year"), _("Total"), _("Rank"), _("Grade") };

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->yoy_table))) != NULL)
    gtk_grid_remove (self->yoy_table, child);
  g_clear_pointer (&self->yoy, g_array_unref);
  if (self->orgs == NULL || selected >= n_orgs (self))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self->yoy_chart));
      return;
    }
  self->yoy = council_store_assessment_years_of_org (self->store,
                                                     council_organization_get_id (g_ptr_array_index (self->orgs, selected)),
                                                     &error);
  schemes = council_store_list_assessment_schemes (self->store, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      GtkWidget *h = gtk_label_new (headers[c]);
      gtk_widget_add_css_class (h, "heading");
      gtk_label_set_xalign (GTK_LABEL (h), c == 0 ? 0 : 1);
      gtk_grid_attach (self->yoy_table, h, (int) c, 0, 1, 1);
    }
  for (guint k = 0; self->yoy != NULL && k < self->yoy->len; k++)
    {
      CouncilAssessmentYear *y = &g_array_index (self->yoy, CouncilAssessmentYear, k);
      g_autofree char *year = g_strdup_printf ("%d", y->year);
      g_autofree char *total = council_assessment_format_score (y->total);
      g_autofree char *rank = g_strdup_printf (_("%u of %u"), y->rank, y->n_ranked);
      const char *grade = "";
      GtkWidget *cells[4];

      for (guint s = 0; schemes != NULL && s < schemes->len; s++)
        {
          CouncilAssessmentScheme *scheme = g_ptr_array_index (schemes, s);
          if (scheme->id == y->scheme_id && y->band >= 0)
            grade = council_grade_band_label (g_ptr_array_index (scheme->bands, y->band));
          if (scheme->id == y->scheme_id && !scheme->finalized)
            {
              g_free (year);
              year = g_strdup_printf (_("%d (in progress)"), y->year);
              /* As in the grid: no grade until every ordinary indicator is scored. */
              if (self->scheme == NULL || self->scheme->id != scheme->id || self->matrix == NULL ||
                  !org_grade_ready (self, selected, NULL, NULL))
                grade = "—";
            }
        }
      cells[0] = gtk_label_new (year);
      cells[1] = gtk_label_new (total);
      cells[2] = gtk_label_new (rank);
      cells[3] = gtk_label_new (grade);
      for (guint c = 0; c < 4; c++)
        {
          gtk_label_set_xalign (GTK_LABEL (cells[c]), c == 0 ? 0 : 1);
          gtk_grid_attach (self->yoy_table, cells[c], (int) c, (int) k + 1, 1, 1);
        }
    }
  if (self->yoy == NULL || self->yoy->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No scored years yet."));
      gtk_widget_add_css_class (none, "dim-label");
      gtk_grid_attach (self->yoy_table, none, 0, 1, 4, 1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->yoy_chart));
}

static void
draw_yoy_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  CouncilAssessmentView *self = data;
  PangoLayout *layout;
  GdkRGBA fg;
  double slot, base = height - 22, top = 20, scale = 100;

  if (self->yoy == NULL || self->yoy->len == 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  slot = (double) width / MAX (self->yoy->len, 3);
  for (guint k = 0; k < self->yoy->len; k++)
    scale = MAX (scale, g_array_index (self->yoy, CouncilAssessmentYear, k).total);
  for (guint k = 0; k < self->yoy->len; k++)
    {
      CouncilAssessmentYear *y = &g_array_index (self->yoy, CouncilAssessmentYear, k);
      double h = (base - top) * CLAMP (y->total / scale, 0, 1);
      double x = k * slot + slot * 0.25;
      g_autofree char *year = g_strdup_printf ("%d", y->year);
      g_autofree char *label = g_strdup_printf (_("No. %u"), y->rank);
      int tw;

      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.85);
      cairo_rectangle (cr, x, base - h, slot * 0.5, h);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &fg);
      pango_layout_set_text (layout, year, -1);
      pango_layout_get_pixel_size (layout, &tw, NULL);
      cairo_move_to (cr, x + slot * 0.25 - tw / 2.0, base + 3);
      pango_cairo_show_layout (cr, layout);
      pango_layout_set_text (layout, label, -1);
      pango_layout_get_pixel_size (layout, &tw, NULL);
      cairo_move_to (cr, x + slot * 0.25 - tw / 2.0, base - h - 18);
      pango_cairo_show_layout (cr, layout);
    }
  g_object_unref (layout);
}

static void
on_yoy_selected_cb (GObject *dropdown, GParamSpec *pspec, CouncilAssessmentView *self)
{
  refresh_yoy (self);
}

/* ---- building the grid ---- */

static GtkWidget *
header_label (const char *text, const char *tooltip)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Word breaks: English names wrap between words, Chinese between characters. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_max_width_chars (GTK_LABEL (label), council_ui_prefers_chinese () ? 7 : 10);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "heading");
  if (tooltip)
    gtk_widget_set_tooltip_text (label, tooltip);
  return label;
}

static char *
column_tooltip (CouncilIndicator *ind, CouncilIndicator *category)
{
  g_autofree char *limit = council_assessment_format_score (council_indicator_limit (ind));
  GString *tip = g_string_new (NULL);

  if (category != NULL)
    g_string_append_printf (tip, "%s › ", council_indicator_label (category));
  g_string_append_printf (tip, "%s\n%s", council_indicator_label (ind), council_indicator_kind_label (ind->kind));
  if (ind->kind == COUNCIL_INDICATOR_BONUS || ind->kind == COUNCIL_INDICATOR_DEDUCTION)
    g_string_append_printf (tip, " · %s %s", _("cap"), limit);
  else
    g_string_append_printf (tip, " · %s %s", _("max score"), limit);
  if (ind->weight != 1.0)
    g_string_append_printf (tip, " · %s %g", _("weight"), ind->weight);
  if (ind->kind == COUNCIL_INDICATOR_COMPUTED)
    g_string_append_printf (tip, "\n%s", council_computed_source_label (ind->source));
  if (ind->guide[0] != '\0')
    g_string_append_printf (tip, "\n%s", ind->guide);
  return g_string_free (tip, FALSE);
}

static void
build_grid (CouncilAssessmentView *self)
{
  GtkWidget *child;
  guint cols = n_columns (self), rows = n_orgs (self);
  CouncilIndicator *category = NULL;

  free_grid_arrays (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  show_evidence (self, -1, -1);
  if (self->matrix == NULL)
    return;

  self->cells = g_new0 (GtkWidget *, MAX (rows * cols, 1));
  self->total_labels = g_new0 (GtkLabel *, MAX (rows, 1));
  self->rank_labels = g_new0 (GtkLabel *, MAX (rows, 1));
  self->grade_labels = g_new0 (GtkLabel *, MAX (rows, 1));

  {
    GtkWidget *h = header_label (_("Organization"), NULL);
    gtk_label_set_wrap (GTK_LABEL (h), FALSE);
    gtk_label_set_xalign (GTK_LABEL (h), 0);
    gtk_grid_attach (self->grid, h, 0, 0, 1, 1);
  }
  for (guint c = 0, j = 0; j < self->indicators->len; j++)
    {
      CouncilIndicator *ind = g_ptr_array_index (self->indicators, j);
      g_autofree char *tip = NULL;
      g_autofree char *limit = NULL;
      g_autofree char *sub = NULL;
      GtkWidget *under;

      if (ind->kind == COUNCIL_INDICATOR_CATEGORY)
        {
          category = ind;
          continue;
        }
      tip = column_tooltip (ind, category);
      gtk_grid_attach (self->grid, header_label (council_indicator_label (ind), tip), (int) c + FIRST_SCORE_COLUMN, 0, 1, 1);
      limit = council_assessment_format_score (council_indicator_limit (ind));
      if (ind->kind == COUNCIL_INDICATOR_COMPUTED && !self->scheme->finalized)
        {
          under = gtk_button_new_with_label (_("Accept"));
          gtk_widget_add_css_class (under, "flat");
          gtk_widget_set_tooltip_text (under, _("Accept the suggested scores for the organizations without a score"));
          g_object_set_data (G_OBJECT (under), "col", GUINT_TO_POINTER (c));
          g_signal_connect_object (under, "clicked", G_CALLBACK (on_accept_column_clicked_cb), self, 0);
        }
      else
        {
          if (ind->kind == COUNCIL_INDICATOR_BONUS)
            sub = g_strdup_printf ("+≤%s", limit);
          else if (ind->kind == COUNCIL_INDICATOR_DEDUCTION)
            sub = g_strdup_printf ("−≤%s", limit);
          else if (ind->kind == COUNCIL_INDICATOR_RANK)
            sub = g_strdup_printf (_("rank ≤%s"), limit);
          else
            sub = g_strdup_printf ("/%s", limit);
          under = gtk_label_new (sub);
          gtk_widget_add_css_class (under, "dim-label");
        }
      gtk_grid_attach (self->grid, under, (int) c + FIRST_SCORE_COLUMN, 1, 1, 1);
      c++;
    }
  for (guint k = 0; k < 3; k++)
    {
      const char *titles[] = { _("Total"), _("Rank"), _("Grade") };
      GtkWidget *h = header_label (titles[k], NULL);
      gtk_label_set_wrap (GTK_LABEL (h), FALSE);
      gtk_label_set_max_width_chars (GTK_LABEL (h), -1);
      gtk_grid_attach (self->grid, h, 1 + (int) k, 0, 1, 1);
    }

  for (guint i = 0; i < rows; i++)
    {
      GtkWidget *name = gtk_label_new (org_grid_name (self, i));
      GtkWidget *total = gtk_label_new ("");
      GtkWidget *rank = gtk_label_new ("");
      GtkWidget *grade = gtk_label_new ("");

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      /* Its minimum: a scrolled grid is given the viewport's width, not its natural one.
       * Long English names take two lines. */
      gtk_label_set_width_chars (GTK_LABEL (name), council_ui_prefers_chinese () ? 6 : 20);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 24);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_lines (GTK_LABEL (name), 2);
      gtk_widget_set_tooltip_text (name, org_name (self, i));
      gtk_grid_attach (self->grid, name, 0, (int) i + 2, 1, 1);
      for (guint c = 0; c < cols; c++)
        {
          GtkWidget *entry = gtk_entry_new ();
          GtkEventController *focus = gtk_event_controller_focus_new ();
          GtkEventController *keys = gtk_event_controller_key_new ();
          g_autofree char *text = cell_text (self, i, c);
          g_autofree char *a11y = g_strdup_printf ("%s — %s", org_name (self, i),
                                                   council_indicator_label (column_indicator (self, c)));

          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 3);
          gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 5);
          gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
          gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
          gtk_editable_set_text (GTK_EDITABLE (entry), text);
          gtk_editable_set_editable (GTK_EDITABLE (entry), !self->scheme->finalized);
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
          g_object_set_data_full (G_OBJECT (entry), "committed", g_strdup (text), g_free);
          g_object_set_data (G_OBJECT (entry), "org", GUINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (entry), "col", GUINT_TO_POINTER (c));
          gtk_widget_add_css_class (entry, "score-cell");
          if (column_indicator (self, c)->kind == COUNCIL_INDICATOR_COMPUTED)
            gtk_widget_add_css_class (entry, "computed-cell");
          g_signal_connect_object (entry, "activate", G_CALLBACK (on_cell_activate_cb), self, 0);
          g_signal_connect_object (entry, "icon-press", G_CALLBACK (on_cell_icon_press_cb), self, 0);
          g_signal_connect_object (focus, "leave", G_CALLBACK (on_cell_focus_leave_cb), self, 0);
          g_signal_connect_object (focus, "enter", G_CALLBACK (on_cell_focus_enter_cb), self, 0);
          g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_cell_key_pressed_cb), self, 0);
          gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
          gtk_widget_add_controller (entry, focus);
          gtk_widget_add_controller (entry, keys);
          self->cells[i * cols + c] = entry;
          gtk_grid_attach (self->grid, entry, (int) c + FIRST_SCORE_COLUMN, (int) i + 2, 1, 1);
          set_cell_tooltip (self, i, c);
          update_suggestion_icon (self, i, c);
        }
      gtk_widget_add_css_class (total, "numeric");
      gtk_widget_add_css_class (total, "heading");
      gtk_label_set_xalign (GTK_LABEL (total), 1);
      gtk_label_set_width_chars (GTK_LABEL (total), 6);
      gtk_label_set_width_chars (GTK_LABEL (rank), 4);
      gtk_label_set_width_chars (GTK_LABEL (grade), 6);
      gtk_widget_add_css_class (grade, "grade-label");
      self->total_labels[i] = GTK_LABEL (total);
      self->rank_labels[i] = GTK_LABEL (rank);
      self->grade_labels[i] = GTK_LABEL (grade);
      gtk_grid_attach (self->grid, total, 1, (int) i + 2, 1, 1);
      gtk_grid_attach (self->grid, rank, 2, (int) i + 2, 1, 1);
      gtk_grid_attach (self->grid, grade, 3, (int) i + 2, 1, 1);
    }
  refresh_totals (self);
}

/* ---- loading ---- */

static void
load_suggestions (CouncilAssessmentView *self)
{
  g_autoptr(GError) error = NULL;

  self->suggestions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint c = 0; c < n_columns (self); c++)
    {
      CouncilIndicator *ind = column_indicator (self, c);
      g_autoptr(GArray) list = NULL;

      if (ind->kind != COUNCIL_INDICATOR_COMPUTED)
        continue;
      list = council_store_compute_assessment_suggestions (self->store, self->scheme, ind, &error);
      if (list == NULL)
        {
          g_warning ("%s", error->message);
          g_clear_error (&error);
          continue;
        }
      for (guint k = 0; k < list->len; k++)
        {
          CouncilAssessmentSuggestion *s = &g_array_index (list, CouncilAssessmentSuggestion, k);
          g_hash_table_insert (self->suggestions, g_strdup_printf ("%u:%" G_GINT64_FORMAT, c, s->org_id),
                               g_memdup2 (s, sizeof *s));
        }
    }
}

static void
update_header (CouncilAssessmentView *self)
{
  gboolean have = self->scheme != NULL;
  gboolean finalized = have && self->scheme->finalized;

  gtk_widget_set_visible (GTK_WIDGET (self->finalize_button), have && !finalized);
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_button), finalized);
  gtk_widget_set_visible (self->banner, finalized);
  if (finalized)
    {
      g_autofree char *when = format_when (self->scheme->finalized_at);
      g_autofree char *text = g_strdup_printf (_("“%s” was finalized on %s and is read-only. Reopen it to change scores, indicators or grade bands."),
                                               self->scheme->title, when);
      gtk_label_set_text (self->banner_label, text);
    }
  if (have && self->indicators != NULL)
    {
      double sum = council_assessment_sum_of_max (self->indicators);
      g_autofree char *sum_text = council_assessment_format_score (sum);
      g_autofree char *total_text = council_assessment_format_score (self->scheme->total_score);
      g_autofree char *bonus_text = council_assessment_format_score (self->scheme->bonus_cap);
      g_autofree char *deduction_text = council_assessment_format_score (self->scheme->deduction_cap);
      g_autofree char *counts = g_strdup_printf (_("%u organizations · %u indicators · max scores add up to %s of %s"),
                                                 n_orgs (self), n_columns (self), sum_text, total_text);
      /* The per-organization caps over all bonus items and all deductions;
       * each item's own cap is in its column header. */
      g_autofree char *label = g_strdup_printf (_("%s · bonus at most %s, deductions at most %s per organization"),
                                                counts, bonus_text, deduction_text);
      gtk_label_set_text (self->sum_label, label);
      if (council_assessment_totals_tie (sum, self->scheme->total_score))
        gtk_widget_remove_css_class (GTK_WIDGET (self->sum_label), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->sum_label), "error");
    }
  else
    gtk_label_set_text (self->sum_label, have ? "" : _("No assessment scheme yet. Create one with “New scheme”."));
}

static void
load_scheme (CouncilAssessmentView *self, gint64 scheme_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  clear_scheme (self);
  if (scheme_id > 0)
    {
      self->scheme = council_store_get_assessment_scheme (self->store, scheme_id, &error);
      if (self->scheme != NULL)
        self->indicators = council_store_list_assessment_indicators (self->store, scheme_id, &error);
      if (self->indicators != NULL)
        self->orgs = council_store_list_assessment_organizations (self->store, self->scheme, &error);
      if (self->orgs != NULL)
        self->matrix = council_store_load_assessment_matrix (self->store, self->scheme, self->indicators, self->orgs, &error);
      if (self->matrix == NULL)
        {
          show_error (self, error);
          clear_scheme (self);
        }
    }
  if (self->indicators != NULL)
    {
      self->scored = g_ptr_array_new ();
      for (guint j = 0; j < self->indicators->len; j++)
        if (council_indicator_is_scored (g_ptr_array_index (self->indicators, j)))
          g_ptr_array_add (self->scored, g_ptr_array_index (self->indicators, j));
      load_suggestions (self);
    }
  build_grid (self);
  set_grid_message (self, NULL);
  update_header (self);
  council_scheme_editor_load (self->editor, self->scheme ? self->scheme->id : 0);

  for (guint i = 0; i < n_orgs (self); i++)
    gtk_string_list_append (names, org_name (self, i));
  {
    guint keep = gtk_drop_down_get_selected (self->yoy_dropdown);
    gtk_drop_down_set_model (self->yoy_dropdown, G_LIST_MODEL (names));
    gtk_drop_down_set_selected (self->yoy_dropdown, keep < n_orgs (self) ? keep : 0);
  }
  refresh_ranking (self);
  refresh_yoy (self);
}

static void
on_scheme_selected_cb (GObject *dropdown, GParamSpec *pspec, CouncilAssessmentView *self)
{
  guint selected = gtk_drop_down_get_selected (self->scheme_dropdown);

  if (self->scheme_ids == NULL || selected >= self->scheme_ids->len)
    return;
  if (self->scheme != NULL && self->scheme->id == g_array_index (self->scheme_ids, gint64, selected))
    return;
  load_scheme (self, g_array_index (self->scheme_ids, gint64, selected));
}

static void
fill_scheme_list (CouncilAssessmentView *self, gint64 select_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schemes = council_store_list_assessment_schemes (self->store, &error);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->scheme_ids, 0);
  if (schemes == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint k = 0; k < schemes->len; k++)
    {
      CouncilAssessmentScheme *scheme = g_ptr_array_index (schemes, k);
      g_autofree char *title = scheme->finalized ? g_strdup_printf (_("%s (finalized)"), scheme->title)
                                                 : g_strdup (scheme->title);
      gtk_string_list_append (titles, title);
      g_array_append_val (self->scheme_ids, scheme->id);
      if (scheme->id == select_id)
        selected = k;
    }
  g_signal_handlers_block_by_func (self->scheme_dropdown, on_scheme_selected_cb, self);
  gtk_drop_down_set_model (self->scheme_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->scheme_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->scheme_dropdown, on_scheme_selected_cb, self);
}

static void
reload (CouncilAssessmentView *self)
{
  gint64 current = self->scheme ? self->scheme->id : 0;
  gint64 id;

  self->reload_pending = FALSE;
  fill_scheme_list (self, current);
  id = self->scheme_ids->len > 0
       ? g_array_index (self->scheme_ids, gint64, gtk_drop_down_get_selected (self->scheme_dropdown))
       : 0;
  load_scheme (self, id);
}

/* The focused cell when its text differs from what was saved. */
static GtkWidget *
editing_cell (CouncilAssessmentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (GTK_IS_ENTRY (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (self->grid))
      {
        const char *committed = g_object_get_data (G_OBJECT (focus), "committed");
        g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (focus))));
        return g_strcmp0 (text, committed ? committed : "") != 0 ? focus : NULL;
      }
  return NULL;
}

static void
on_store_changed_cb (CouncilStore *store, const char *table, CouncilAssessmentView *self)
{
  if (self->saving)
    return;
  /* A cell being typed in is not swept away: the grid reloads once it is
   * committed (and a save over a changed score asks first). */
  if (editing_cell (self) != NULL || evidence_is_dirty (self))
    {
      self->reload_pending = TRUE;
      return;
    }
  /* Undo, the scheme editor, the roster and the records behind computed
   * indicators. Hidden, the view reloads when next shown: a large council's
   * computed indicators are not recomputed for every change made elsewhere. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  reload (self);
}

static void
ensure_loaded (CouncilAssessmentView *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      reload (self);
    }
}

static void
on_map_cb (GtkWidget *widget, CouncilAssessmentView *self)
{
  ensure_loaded (self);
}

/* ---- toolbar actions ---- */

static void
on_new_clicked_cb (GtkButton *button, CouncilAssessmentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schemes = council_store_list_assessment_schemes (self->store, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  gint64 id = 0;

  if (schemes == NULL)
    {
      show_error (self, error);
      return;
    }
  if (schemes->len > 0)
    {
      /* Copy the newest whole-year scheme to the year after it (or this year). */
      CouncilAssessmentScheme *newest = NULL;
      for (guint k = 0; k < schemes->len && newest == NULL; k++)
        if (((CouncilAssessmentScheme *) g_ptr_array_index (schemes, k))->period == COUNCIL_PERIOD_YEAR)
          newest = g_ptr_array_index (schemes, k);
      if (newest == NULL)
        newest = g_ptr_array_index (schemes, 0);
      self->saving = TRUE;
      id = council_store_copy_assessment_scheme (self->store, newest->id, MAX (year, newest->year + 1), &error);
      self->saving = FALSE;
    }
  else
    {
      g_autoptr(CouncilAssessmentScheme) scheme = council_assessment_scheme_new (year);
      self->saving = TRUE;
      if (council_store_save_assessment_scheme (self->store, scheme, &error))
        id = scheme->id;
      self->saving = FALSE;
    }
  if (id == 0)
    {
      show_error (self, error);
      return;
    }
  fill_scheme_list (self, id);
  load_scheme (self, id);
  council_assessment_view_show_page (self, "scheme");
}

static void
on_finalize_clicked_cb (GtkButton *button, CouncilAssessmentView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->scheme == NULL)
    return;
  if (!council_store_finalize_assessment_scheme (self->store, self->scheme->id, &error))
    show_error (self, error);
}

static void
on_reopen_response_cb (GtkDialog *dialog, int response, CouncilAssessmentView *self)
{
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT || self->scheme == NULL)
    return;
  if (!council_store_reopen_assessment_scheme (self->store, self->scheme->id, &error))
    show_error (self, error);
}

static void
on_reopen_clicked_cb (GtkButton *button, CouncilAssessmentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->scheme == NULL)
    return;
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Reopen “%s”?"), self->scheme->title);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The ranking may already have been signed off. Reopening lets scores, indicators and grade bands change again; the reopening is recorded in the history."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Reopen"), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reopen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- construction ---- */

static GtkWidget *
build_scores_page (CouncilAssessmentView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->sum_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->sum_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->sum_label), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->sum_label), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->sum_label));

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 2);
  gtk_grid_set_column_spacing (self->grid, 4);
  gtk_widget_add_css_class (GTK_WIDGET (self->grid), "assessment-grid");
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 12);
  self->grid_scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (self->grid_scroller, GTK_WIDGET (self->grid));
  gtk_widget_set_vexpand (GTK_WIDGET (self->grid_scroller), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->grid_scroller));

  self->grid_message = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->grid_message, 0);
  gtk_label_set_wrap (self->grid_message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->grid_message), "field-error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid_message), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid_message), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->grid_message), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid_message), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why the value was refused"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->grid_message));

  /* The focused cell's evidence note (佐证材料), who scored it and when. */
  self->evidence_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->evidence_label = GTK_LABEL (gtk_label_new (_("Evidence")));
  gtk_label_set_ellipsize (self->evidence_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->evidence_label, 36);
  self->evidence_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->evidence_entry), TRUE);
  gtk_entry_set_placeholder_text (self->evidence_entry, _("What the score rests on: reports, records, documents"));
  gtk_label_set_mnemonic_widget (self->evidence_label, GTK_WIDGET (self->evidence_entry));
  g_signal_connect_object (self->evidence_entry, "activate", G_CALLBACK (on_evidence_save_cb), self, 0);
  self->scored_by_label = GTK_LABEL (gtk_label_new (""));
  gtk_widget_add_css_class (GTK_WIDGET (self->scored_by_label), "dim-label");
  {
    GtkWidget *save = gtk_button_new_with_mnemonic (_("Save e_vidence"));
    g_signal_connect_object (save, "clicked", G_CALLBACK (on_evidence_save_cb), self, 0);
    gtk_box_append (GTK_BOX (self->evidence_bar), GTK_WIDGET (self->evidence_label));
    gtk_box_append (GTK_BOX (self->evidence_bar), GTK_WIDGET (self->evidence_entry));
    gtk_box_append (GTK_BOX (self->evidence_bar), GTK_WIDGET (self->scored_by_label));
    gtk_box_append (GTK_BOX (self->evidence_bar), save);
  }
  gtk_widget_set_margin_start (self->evidence_bar, 12);
  gtk_widget_set_margin_end (self->evidence_bar, 12);
  gtk_widget_set_margin_bottom (self->evidence_bar, 8);
  gtk_widget_set_sensitive (self->evidence_bar, FALSE);
  gtk_box_append (GTK_BOX (box), self->evidence_bar);
  gtk_box_append (GTK_BOX (box), build_documents_row (self));
  return box;
}

static GtkWidget *
titled (const char *title, GtkWidget *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), child);
  return box;
}

static GtkWidget *
build_ranking_page (CouncilAssessmentView *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *left_scroll = gtk_scrolled_window_new ();
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *right_scroll = gtk_scrolled_window_new ();
  GtkWidget *yoy_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->ranking_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->ranking_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->ranking_list), "boxed-list");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (left_scroll),
                                 titled (_("Ranking"), GTK_WIDGET (self->ranking_list)));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (left_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (left_scroll, 470, -1);
  gtk_widget_set_margin_start (left_scroll, 12);

  self->chart = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_content_width (self->chart, 420);
  gtk_drawing_area_set_draw_func (self->chart, draw_chart_cb, self, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Bar chart of the totals by rank"), -1);
  gtk_box_append (GTK_BOX (right), titled (_("Totals"), GTK_WIDGET (self->chart)));

  self->yoy_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_enable_search (self->yoy_dropdown, FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->yoy_dropdown), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->yoy_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Organization to compare across years"), -1);
  g_signal_connect_object (self->yoy_dropdown, "notify::selected", G_CALLBACK (on_yoy_selected_cb), self, 0);
  self->yoy_table = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->yoy_table, 24);
  gtk_grid_set_row_spacing (self->yoy_table, 4);
  self->yoy_chart = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_content_height (self->yoy_chart, 140);
  gtk_drawing_area_set_content_width (self->yoy_chart, 280);
  gtk_drawing_area_set_draw_func (self->yoy_chart, draw_yoy_cb, self, NULL);
  gtk_widget_set_halign (GTK_WIDGET (self->yoy_chart), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (yoy_box), GTK_WIDGET (self->yoy_dropdown));
  gtk_box_append (GTK_BOX (yoy_box), GTK_WIDGET (self->yoy_table));
  gtk_box_append (GTK_BOX (yoy_box), GTK_WIDGET (self->yoy_chart));
  gtk_box_append (GTK_BOX (right), titled (_("Year over year"), yoy_box));
  gtk_widget_set_margin_start (right, 12);
  gtk_widget_set_margin_end (right, 12);
  gtk_widget_set_margin_bottom (right, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (right_scroll), right);

  gtk_paned_set_start_child (GTK_PANED (paned), left_scroll);
  gtk_paned_set_end_child (GTK_PANED (paned), right_scroll);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  return paned;
}

static void
council_assessment_view_dispose (GObject *object)
{
  CouncilAssessmentView *self = COUNCIL_ASSESSMENT_VIEW (object);

  g_clear_handle_id (&self->reload_idle_id, g_source_remove);
  if (self->conflict_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->conflict_dialog)));
  clear_scheme (self);
  g_clear_pointer (&self->yoy, g_array_unref);
  g_clear_pointer (&self->scheme_ids, g_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (council_assessment_view_parent_class)->dispose (object);
}

/* Ctrl+N: a new indicator in the scheme editor (an open scheme only). */
static void
new_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilAssessmentView *self = COUNCIL_ASSESSMENT_VIEW (widget);

  if (self->scheme == NULL)
    {
      on_new_clicked_cb (NULL, self);
      return;
    }
  council_assessment_view_show_page (self, "scheme");
  if (!council_scheme_editor_add_indicator (self->editor))
    council_widget_show_message (widget, _("The scheme is finalized; reopen it to add indicators."), TRUE);
}

/* Ctrl+F: to the grid, on the first cell without a score. */
static void
find_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilAssessmentView *self = COUNCIL_ASSESSMENT_VIEW (widget);

  council_assessment_view_show_page (self, "scores");
  for (guint i = 0; i < n_orgs (self); i++)
    for (guint c = 0; c < n_columns (self); c++)
      if (gtk_editable_get_text (GTK_EDITABLE (self->cells[i * n_columns (self) + c]))[0] == '\0')
        {
          focus_cell (self, i, c);
          return;
        }
  if (n_orgs (self) > 0 && n_columns (self) > 0)
    focus_cell (self, 0, 0);
}

static void
council_assessment_view_class_init (CouncilAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_assessment_view_dispose;
  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.find", NULL, find_action);
}

static void
council_assessment_view_init (CouncilAssessmentView *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Scheme"));
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *banner_icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->scheme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->evidence_org = self->evidence_col = -1;

  self->scheme_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->scheme_dropdown));
  g_signal_connect_object (self->scheme_dropdown, "notify::selected", G_CALLBACK (on_scheme_selected_cb), self, 0);
  self->new_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_New scheme")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_button),
                               _("Copy the newest scheme to the next year (or start one with the usual grade bands)"));
  g_signal_connect_object (self->new_button, "clicked", G_CALLBACK (on_new_clicked_cb), self, 0);
  self->finalize_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Finalize")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->finalize_button),
                               _("Lock the scheme: no score, indicator or band changes until it is reopened"));
  gtk_widget_add_css_class (GTK_WIDGET (self->finalize_button), "suggested-action");
  g_signal_connect_object (self->finalize_button, "clicked", G_CALLBACK (on_finalize_clicked_cb), self, 0);
  self->reopen_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Reopen")));
  g_signal_connect_object (self->reopen_button, "clicked", G_CALLBACK (on_reopen_clicked_cb), self, 0);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->stack);
  gtk_widget_set_hexpand (spacer, TRUE);

  gtk_box_append (GTK_BOX (toolbar), label);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->scheme_dropdown));
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->new_button));
  gtk_box_append (GTK_BOX (toolbar), spacer);
  gtk_box_append (GTK_BOX (toolbar), switcher);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->finalize_button));
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->reopen_button));
  gtk_widget_set_margin_start (toolbar, 12);
  gtk_widget_set_margin_end (toolbar, 12);
  gtk_widget_set_margin_top (toolbar, 8);
  gtk_widget_set_margin_bottom (toolbar, 6);
  gtk_box_append (GTK_BOX (self), toolbar);

  self->banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->banner_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->banner_label, TRUE);
  gtk_label_set_xalign (self->banner_label, 0);
  gtk_box_append (GTK_BOX (self->banner), banner_icon);
  gtk_box_append (GTK_BOX (self->banner), GTK_WIDGET (self->banner_label));
  gtk_widget_add_css_class (self->banner, "assessment-banner");
  gtk_widget_set_visible (self->banner, FALSE);
  gtk_box_append (GTK_BOX (self), self->banner);

  self->editor = council_scheme_editor_new ();
  gtk_stack_add_titled (self->stack, build_scores_page (self), "scores", _("Scores"));
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->editor), "scheme", _("Scheme"));
  gtk_stack_add_titled (self->stack, build_ranking_page (self), "ranking", _("Ranking"));
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));
}

CouncilAssessmentView *
council_assessment_view_new (CouncilStore *store)
{
  CouncilAssessmentView *self;

  g_return_val_if_fail (COUNCIL_IS_STORE (store), NULL);
  self = g_object_new (COUNCIL_TYPE_ASSESSMENT_VIEW, NULL);
  self->store = g_object_ref (store);
  council_scheme_editor_set_store (self->editor, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  /* Read when first shown, not at start-up; until then its empty state. */
  load_scheme (self, 0);
  self->stale = TRUE;
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
  return self;
}

void
council_assessment_view_select_scheme (CouncilAssessmentView *self, gint64 scheme_id)
{
  self->stale = FALSE;            /* what follows is a whole reload */
  self->reload_pending = FALSE;
  fill_scheme_list (self, scheme_id);
  if (self->scheme_ids->len > 0)
    load_scheme (self, g_array_index (self->scheme_ids, gint64, gtk_drop_down_get_selected (self->scheme_dropdown)));
}

gboolean
council_assessment_view_has_unsaved_changes (CouncilAssessmentView *self)
{
  g_return_val_if_fail (COUNCIL_IS_ASSESSMENT_VIEW (self), FALSE);
  return council_scheme_editor_has_unsaved_changes (self->editor);
}

gboolean
council_assessment_view_save (CouncilAssessmentView *self)
{
  g_return_val_if_fail (COUNCIL_IS_ASSESSMENT_VIEW (self), FALSE);
  return council_scheme_editor_save (self->editor);
}

void
council_assessment_view_discard_draft (CouncilAssessmentView *self)
{
  g_return_if_fail (COUNCIL_IS_ASSESSMENT_VIEW (self));
  council_scheme_editor_discard_draft (self->editor);
}

gint64
council_assessment_view_get_scheme_id (CouncilAssessmentView *self)
{
  ensure_loaded (self);
  return self->scheme ? self->scheme->id : 0;
}

GtkEntry *
council_assessment_view_get_cell (CouncilAssessmentView *self, guint org, guint indicator)
{
  ensure_loaded (self);
  g_return_val_if_fail (org < n_orgs (self) && indicator < n_columns (self), NULL);
  return GTK_ENTRY (self->cells[org * n_columns (self) + indicator]);
}

GtkLabel *
council_assessment_view_get_total_label (CouncilAssessmentView *self, guint org)
{
  g_return_val_if_fail (org < n_orgs (self), NULL);
  return self->total_labels[org];
}

GtkLabel *
council_assessment_view_get_rank_label (CouncilAssessmentView *self, guint org)
{
  g_return_val_if_fail (org < n_orgs (self), NULL);
  return self->rank_labels[org];
}

const char *
council_assessment_view_get_grid_message (CouncilAssessmentView *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->grid_message)) ? gtk_label_get_text (self->grid_message) : "";
}

void
council_assessment_view_show_page (CouncilAssessmentView *self, const char *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
}

GtkEntry *
council_assessment_view_get_evidence_entry (CouncilAssessmentView *self)
{
  return self->evidence_entry;
}

/* The ranking page's rows as text, best first: "rank|total|grade" each. */
GStrv
council_assessment_view_get_ranking_rows (CouncilAssessmentView *self)
{
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->ranking_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *rank = gtk_widget_get_first_child (box);
      GtkWidget *total = gtk_widget_get_prev_sibling (gtk_widget_get_last_child (box));
      GtkWidget *grade = gtk_widget_get_last_child (box);
      g_autofree char *text = g_strdup_printf ("%s|%s|%s", gtk_label_get_text (GTK_LABEL (rank)),
                                               gtk_label_get_text (GTK_LABEL (total)),
                                               gtk_label_get_text (GTK_LABEL (grade)));
      g_strv_builder_add (rows, text);
    }
  return g_strv_builder_end (rows);
}

GtkWidget *
council_assessment_view_get_linked_documents (CouncilAssessmentView *self)
{
  return self->documents_box;
}

GtkMenuButton *
council_assessment_view_get_link_button (CouncilAssessmentView *self)
{
  return self->link_button;
}

GtkSearchEntry *
council_assessment_view_get_document_search (CouncilAssessmentView *self)
{
  return self->picker_search;
}

GtkListBox *
council_assessment_view_get_document_picker (CouncilAssessmentView *self)
{
  return self->picker_list;
}

const char *
council_assessment_view_get_page (CouncilAssessmentView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

/* ---- opening an indicator (the global search's Enter) ---- */

/* The scheme editor's tree row of the indicator: its rows carry "indicator-id". */
static GtkListBoxRow *
find_indicator_row (GtkWidget *widget, gint64 indicator_id)
{
  if (GTK_IS_LIST_BOX_ROW (widget) &&
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "indicator-id")) == (gint) indicator_id)
    return GTK_LIST_BOX_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBoxRow *row = find_indicator_row (child, indicator_id);
      if (row != NULL)
        return row;
    }
  return NULL;
}

gboolean
council_assessment_view_show_indicator (CouncilAssessmentView *self, gint64 scheme_id, gint64 indicator_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (COUNCIL_IS_ASSESSMENT_VIEW (self), FALSE);
  council_assessment_view_select_scheme (self, scheme_id);
  gtk_stack_set_visible_child_name (self->stack, "scheme");
  row = find_indicator_row (GTK_WIDGET (self->editor), indicator_id);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row))), row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}
