/* council-meeting-editor-private.h: what the tests reach inside the meeting editor.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-meeting-editor.h"

G_BEGIN_DECLS

/* The input of a meeting field (GtkEntry, GtkSpinButton, GtkDropDown). For
 * STARTS_AT it is the date entry; council_meeting_editor_get_time_entry()
 * gives the time. */
GtkWidget *council_meeting_editor_get_field_widget  (CouncilMeetingEditor *self,
                                                     CouncilMeetingField   field);
GtkWidget *council_meeting_editor_get_field_error   (CouncilMeetingEditor *self,
                                                     CouncilMeetingField   field);
GtkWidget *council_meeting_editor_get_time_entry    (CouncilMeetingEditor *self);
/* The meeting as the form holds it (attendance, guests, agenda are edited in place). */
CouncilMeeting *council_meeting_editor_get_draft    (CouncilMeetingEditor *self);
/* Attendance row of organization @org_id: its status drop-down and who attended. */
GtkWidget *council_meeting_editor_get_attendance_status (CouncilMeetingEditor *self,
                                                         gint64                org_id);
GtkWidget *council_meeting_editor_get_attendance_who    (CouncilMeetingEditor *self,
                                                         gint64                org_id);
GtkLabel  *council_meeting_editor_get_rate_label    (CouncilMeetingEditor *self);
/* Adds an agenda item through the form, as the "Add agenda item" button does. */
void       council_meeting_editor_add_agenda_item   (CouncilMeetingEditor *self);
/* Widgets of agenda item @item (0-based): "title", "presenter", "add-outcome";
 * of its outcome @outcome: "kind", "text", "owner", "owner-error", "due",
 * "due-error", "text-error", "project". */
GtkWidget *council_meeting_editor_get_agenda_widget (CouncilMeetingEditor *self,
                                                     guint                 item,
                                                     int                   outcome,
                                                     const char           *name);
/* The banner over a locked meeting (or the last refused save). */
GtkWidget *council_meeting_editor_get_lock_banner   (CouncilMeetingEditor *self);
GtkLabel  *council_meeting_editor_get_lock_label    (CouncilMeetingEditor *self);

/* The "Reload or Overwrite" question after a conflicting save, while it is open. */
GtkWidget *council_meeting_editor_get_conflict_dialog (CouncilMeetingEditor *self);

/* Writes the saved minutes to @path in a thread, as "Export minutes (PDF)…" does. */
void       council_meeting_editor_export_pdf_to     (CouncilMeetingEditor *self,
                                                     const char           *path);

G_END_DECLS
