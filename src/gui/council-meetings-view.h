/* council-meetings-view.h: the council's meetings, list + editor.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_MEETINGS_VIEW (council_meetings_view_get_type ())
G_DECLARE_FINAL_TYPE (CouncilMeetingsView, council_meetings_view, COUNCIL, MEETINGS_VIEW, GtkWidget)

CouncilMeetingsView *council_meetings_view_new (CouncilStore *store);
/* TRUE while the editor holds typed changes that are not saved. */
gboolean council_meetings_view_has_unsaved_changes (CouncilMeetingsView *self);
/* Saves the editor's changes; on failure the reasons are shown at the fields. */
gboolean council_meetings_view_save (CouncilMeetingsView *self);
/* Shows meeting @id in the editor (asking first about unsaved edits). */
void     council_meetings_view_open_meeting (CouncilMeetingsView *self,
                                             gint64               id);
/* The person closed without saving: no draft of the form is offered again. */
void     council_meetings_view_discard_draft (CouncilMeetingsView *self);

G_END_DECLS
