/* council-assessment-view.h: target-management assessment — the scoring grid,
 * the scheme editor and the ranking.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_ASSESSMENT_VIEW (council_assessment_view_get_type ())
G_DECLARE_FINAL_TYPE (CouncilAssessmentView, council_assessment_view, COUNCIL, ASSESSMENT_VIEW, GtkBox)

CouncilAssessmentView *council_assessment_view_new (CouncilStore *store);
/* Shows the scheme (0: the newest). */
void       council_assessment_view_select_scheme (CouncilAssessmentView *self, gint64 scheme_id);
gint64     council_assessment_view_get_scheme_id (CouncilAssessmentView *self);
/* The scheme editor's unsaved edits, for the window's close guard. */
gboolean   council_assessment_view_has_unsaved_changes (CouncilAssessmentView *self);
gboolean   council_assessment_view_save             (CouncilAssessmentView *self);
void       council_assessment_view_discard_draft    (CouncilAssessmentView *self);
/* The grid's entry for an organization (row, roster order) and scored
 * indicator (column); for tests and keyboard navigation. */
GtkEntry  *council_assessment_view_get_cell      (CouncilAssessmentView *self, guint org, guint indicator);
GtkLabel  *council_assessment_view_get_total_label (CouncilAssessmentView *self, guint org);
GtkLabel  *council_assessment_view_get_rank_label  (CouncilAssessmentView *self, guint org);
/* The message under the grid (the last refused value's reason). */
const char *council_assessment_view_get_grid_message (CouncilAssessmentView *self);
/* The evidence note of the focused cell (Enter saves it). */
GtkEntry  *council_assessment_view_get_evidence_entry (CouncilAssessmentView *self);
/* The ranking page's rows, best first, as "rank|total|grade" (free with g_strfreev). */
GStrv           council_assessment_view_get_ranking_rows     (CouncilAssessmentView *self);
/* The focused cell's linked documents: a box of chips, each with the data
 * "open-button" (action win.show-document) and "unlink-button"; the button
 * that opens the picker, its search entry and its list of the library. */
GtkWidget      *council_assessment_view_get_linked_documents (CouncilAssessmentView *self);
GtkMenuButton  *council_assessment_view_get_link_button      (CouncilAssessmentView *self);
GtkSearchEntry *council_assessment_view_get_document_search  (CouncilAssessmentView *self);
GtkListBox     *council_assessment_view_get_document_picker  (CouncilAssessmentView *self);
/* "scores", "scheme" or "ranking". */
void       council_assessment_view_show_page     (CouncilAssessmentView *self, const char *page);
const char *council_assessment_view_get_page     (CouncilAssessmentView *self);
/* Shows the scheme on the Scheme page with the indicator selected in its
 * tree; FALSE when the scheme has no such indicator. */
gboolean   council_assessment_view_show_indicator (CouncilAssessmentView *self, gint64 scheme_id,
                                                   gint64 indicator_id);

G_END_DECLS
