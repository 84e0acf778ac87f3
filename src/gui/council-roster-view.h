/* council-roster-view.h: the council roster, list + editor.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_ROSTER_VIEW (council_roster_view_get_type ())
G_DECLARE_FINAL_TYPE (CouncilRosterView, council_roster_view, COUNCIL, ROSTER_VIEW, GtkWidget)

CouncilRosterView *council_roster_view_new (CouncilStore *store);

G_END_DECLS
