/* council-overview-view.h: the first screen — the year's figures, charts and
 * what needs attention.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-overview.h"
#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_OVERVIEW_VIEW (council_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (CouncilOverviewView, council_overview_view, COUNCIL, OVERVIEW_VIEW, GtkWidget)

CouncilOverviewView   *council_overview_view_new          (CouncilStore        *store);
void                   council_overview_view_set_year     (CouncilOverviewView *self,
                                                           int                  year);
/* The figures on screen (NULL before the first computation or after an error). */
int                    council_overview_view_get_year     (CouncilOverviewView *self);
const CouncilOverview *council_overview_view_get_overview (CouncilOverviewView *self);
/* The list box of one attention list, 0..3: overdue action items, off-track
 * projects, milestones due, staffing alerts (for tests). */
GtkListBox            *council_overview_view_get_attention_list (CouncilOverviewView *self,
                                                           guint                list);

G_END_DECLS
