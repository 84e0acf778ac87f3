/* council-projects-view.h: the council's projects, brands and funds.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_PROJECTS_VIEW (council_projects_view_get_type ())
G_DECLARE_FINAL_TYPE (CouncilProjectsView, council_projects_view, COUNCIL, PROJECTS_VIEW, GtkWidget)

CouncilProjectsView *council_projects_view_new         (CouncilStore        *store);
/* Opens project @id in the editor and selects its row when it is listed
 * (the filters are cleared when they hide it). */
void     council_projects_view_show_project            (CouncilProjectsView *self,
                                                        gint64               id);
gboolean council_projects_view_has_unsaved_changes     (CouncilProjectsView *self);
gboolean council_projects_view_save                    (CouncilProjectsView *self);

G_END_DECLS

G_BEGIN_DECLS
/* "2026年11月29日" / "29 Nov 2026" for YYYY-MM-DD; "" stays "". */
char    *council_format_display_date (const char *iso);
G_END_DECLS
