/* council-projects-view-private.h: what the tests and benchmarks reach inside the view.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-project-editor.h"
#include "council-projects-view.h"

G_BEGIN_DECLS

GtkColumnView        *council_projects_view_get_column_view  (CouncilProjectsView *self);
GtkEditable          *council_projects_view_get_search_entry (CouncilProjectsView *self);
CouncilProjectEditor *council_projects_view_get_editor       (CouncilProjectsView *self);
/* The rows shown (CouncilProject, or GtkTreeListRow in tree mode). */
GListModel           *council_projects_view_get_rows         (CouncilProjectsView *self);
/* Applies the search now, as the entry does after its typing delay. */
void                  council_projects_view_set_search       (CouncilProjectsView *self,
                                                              const char          *text);
void                  council_projects_view_set_category     (CouncilProjectsView *self,
                                                              gint64               category_id);
void                  council_projects_view_set_tree_mode    (CouncilProjectsView *self,
                                                              gboolean             tree);
const char           *council_projects_view_get_count_text   (CouncilProjectsView *self);
/* The question offering back a draft a crash left, while it is shown. */
GtkWidget            *council_projects_view_get_draft_dialog (CouncilProjectsView *self);

G_END_DECLS
