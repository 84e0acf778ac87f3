/* council-meeting-editor.h: the form for one meeting: details, attendance, agenda.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-draft.h"
#include "core/council-store-meetings.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_MEETING_EDITOR (council_meeting_editor_get_type ())
G_DECLARE_FINAL_TYPE (CouncilMeetingEditor, council_meeting_editor, COUNCIL, MEETING_EDITOR, GtkWidget)

/* What the editor shows when it holds no record. */
#define COUNCIL_MEETING_EDITOR_NONE ((gint64) -1)
/* Passed to council_meeting_editor_load() to start a new meeting. */
#define COUNCIL_MEETING_EDITOR_NEW  ((gint64) 0)

CouncilMeetingEditor *council_meeting_editor_new  (CouncilStore *store);
/* Loads meeting @id (or NEW / NONE), dropping what the form holds. */
gboolean council_meeting_editor_load              (CouncilMeetingEditor *self,
                                                   gint64                id);
gint64   council_meeting_editor_get_meeting_id    (CouncilMeetingEditor *self);
gboolean council_meeting_editor_has_unsaved_changes (CouncilMeetingEditor *self);
/* Validates and saves; on failure the reasons are shown at the fields. */
gboolean council_meeting_editor_save              (CouncilMeetingEditor *self);
void     council_meeting_editor_focus_first_field (CouncilMeetingEditor *self);
/* Loads the draft's meeting (or a new one) and puts the draft's values in the
 * form, unsaved. FALSE when its meeting is gone. */
gboolean council_meeting_editor_restore_draft     (CouncilMeetingEditor *self,
                                                   CouncilDraft         *draft);
/* Forgets the draft of the meeting in the form (the person discarded it). */
void     council_meeting_editor_discard_draft     (CouncilMeetingEditor *self);

/* "2026-11-29" as the interface language writes a date ("29 Nov 2026",
 * "2026年11月29日"); other text is returned as it is. */
char    *council_format_date                      (const char *iso);

G_END_DECLS
