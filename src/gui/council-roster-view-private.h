/* council-roster-view-private.h: what the tests reach inside the roster view.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-org-editor.h"
#include "council-roster-view.h"

G_BEGIN_DECLS

GtkColumnView    *council_roster_view_get_column_view  (CouncilRosterView *self);
GtkEditable      *council_roster_view_get_search_entry (CouncilRosterView *self);
CouncilOrgEditor *council_roster_view_get_editor       (CouncilRosterView *self);
/* The "Your unsaved changes … were not saved" dialog while it is shown. */
GtkWidget        *council_roster_view_get_draft_dialog (CouncilRosterView *self);

G_END_DECLS
