/* council-meetings-view-private.h: what the tests reach inside the meetings view.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-meeting-editor.h"
#include "council-meetings-view.h"

G_BEGIN_DECLS

GtkColumnView        *council_meetings_view_get_column_view  (CouncilMeetingsView *self);
GtkEditable          *council_meetings_view_get_search_entry (CouncilMeetingsView *self);
CouncilMeetingEditor *council_meetings_view_get_editor       (CouncilMeetingsView *self);
GtkLabel             *council_meetings_view_get_next_due_label (CouncilMeetingsView *self);
GtkDropDown          *council_meetings_view_get_rhythm_dropdown (CouncilMeetingsView *self);
GtkDropDown          *council_meetings_view_get_state_filter (CouncilMeetingsView *self);
/* The offer of a draft left by a crash, while it is shown. */
GtkWidget            *council_meetings_view_get_draft_dialog (CouncilMeetingsView *self);

G_END_DECLS
