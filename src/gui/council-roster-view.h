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
/* TRUE while the editor holds typed changes that are not saved. */
gboolean council_roster_view_has_unsaved_changes (CouncilRosterView *self);
/* Saves the editor's changes; on failure the reasons are shown at the fields. */
gboolean council_roster_view_save (CouncilRosterView *self);
/* Clears the search and filters so that the organization is listed, and
 * opens it (asking first about unsaved edits). */
void     council_roster_view_show_organization (CouncilRosterView *self,
                                                gint64             id);

G_END_DECLS
