/* council-scheme-editor-private.h: the scheme editor's parts, for its own
 * file and the tests that drive it.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/council-assessment.h"
#include "council-scheme-editor.h"

G_BEGIN_DECLS

#define MAX_BANDS 6

struct _CouncilSchemeEditor
{
  GtkBox parent_instance;

  CouncilStore *store;
  CouncilAssessmentScheme *scheme;
  /* What the two forms were filled from: a save over a record that changed
   * since then is a conflict (Reload or Overwrite), not a silent overwrite. */
  CouncilAssessmentScheme *scheme_base;
  CouncilIndicator *form_base;   /* NULL: a new indicator */
  gboolean scheme_dirty;         /* the scheme's fields hold unsaved edits */
  gboolean form_dirty;           /* the indicator form holds unsaved edits */
  gboolean loading;              /* filling the forms: not an edit */
  gboolean filling_tree;
  gboolean saving_scheme, saving_indicator;
  GtkWidget *conflict_dialog;    /* "Reload or Overwrite", while it is open */
  gint64 overwrite_version;      /* Overwrite: save the scheme over this version */
  gboolean overwrite_indicator;  /* Overwrite: save the indicator regardless */
  GtkWidget *draft_bar;          /* "unsaved edits were kept": Restore / Discard */
  GtkLabel *draft_label;
  gint64 draft_indicator_id;     /* the indicator draft this editor wrote ... */
  gboolean draft_indicator_written;
  guint draft_timeout_id;        /* writes the draft a moment after an edit */
  GPtrArray *indicators;
  gint64 selected_id;            /* indicator in the form; 0 = a new one */
  gint64 new_parent_id;          /* for a new indicator */
  CouncilIndicatorKind new_kind;

  /* scheme */
  GtkWidget *scheme_box;
  GtkEntry *title_entry;
  GtkSpinButton *year_spin;
  GtkDropDown *period_dropdown;
  GtkSpinButton *total_spin;
  GtkSpinButton *bonus_cap_spin;
  GtkSpinButton *deduction_cap_spin;
  GtkDropDown *applies_dropdown;
  GtkFlowBox *org_flow;
  GtkWidget *org_scroller;
  GtkGrid *band_grid;
  GtkWidget *band_zh[MAX_BANDS];
  GtkWidget *band_en[MAX_BANDS];
  GtkWidget *band_min[MAX_BANDS];
  guint n_bands;
  GtkLabel *scheme_error;

  /* tree */
  GtkListBox *tree;
  GtkLabel *sum_label;
  GtkWidget *tree_buttons;
  GtkWidget *remove_button;
  GtkWidget *up_button;
  GtkWidget *down_button;
  GtkWidget *add_indicator_button;

  /* indicator form */
  GtkWidget *form;
  GtkLabel *form_title;
  GtkEntry *name_zh_entry;
  GtkEntry *name_en_entry;
  GtkDropDown *kind_dropdown;
  GtkDropDown *source_dropdown;
  GtkWidget *source_row_label;
  GtkSpinButton *max_spin;
  GtkSpinButton *weight_spin;
  GtkSpinButton *cap_spin;
  GtkWidget *cap_row_label;
  GtkEntry *points_entry;
  GtkWidget *points_row_label;
  GtkTextView *guide_view;
  GtkLabel *form_error;
  GtkWidget *save_indicator_button;
};

G_END_DECLS
