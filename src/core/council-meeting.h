/* council-meeting.h: a council meeting, its attendance, agenda and outcomes.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "council-action-item.h"

G_BEGIN_DECLS

/* Validation error codes (domain COUNCIL_VALIDATION_ERROR) of a meeting. */
typedef enum
{
  COUNCIL_MEETING_FIELD_NONE,
  COUNCIL_MEETING_FIELD_KIND,
  COUNCIL_MEETING_FIELD_TITLE,
  COUNCIL_MEETING_FIELD_SESSION_NO,
  COUNCIL_MEETING_FIELD_STARTS_AT,
  COUNCIL_MEETING_FIELD_PLACE,
  COUNCIL_MEETING_FIELD_CHAIR,
  COUNCIL_MEETING_FIELD_RECORDER,
  COUNCIL_MEETING_FIELD_ATTENDANCE,
  COUNCIL_MEETING_FIELD_GUESTS,
  COUNCIL_MEETING_FIELD_AGENDA,
  COUNCIL_MEETING_N_FIELDS
} CouncilMeetingField;

typedef enum
{
  COUNCIL_MEETING_STATE_PLANNED,
  COUNCIL_MEETING_STATE_HELD,
  COUNCIL_MEETING_STATE_APPROVED,   /* minutes approved: locked in the store */
} CouncilMeetingState;

typedef enum
{
  COUNCIL_ATTENDANCE_NOT_RECORDED,  /* no row in the store */
  COUNCIL_ATTENDANCE_PRESENT,
  COUNCIL_ATTENDANCE_ABSENT,
  COUNCIL_ATTENDANCE_EXCUSED,
  COUNCIL_ATTENDANCE_DELEGATED,
} CouncilAttendanceStatus;

typedef enum
{
  COUNCIL_OUTCOME_INFORMATION,
  COUNCIL_OUTCOME_DECISION,
  COUNCIL_OUTCOME_ACTION,
} CouncilOutcomeKind;

const char *council_meeting_state_to_string      (CouncilMeetingState state);
gboolean    council_meeting_state_from_string    (const char *text, CouncilMeetingState *out);
const char *council_meeting_state_label          (CouncilMeetingState state);
const char *council_attendance_status_to_string  (CouncilAttendanceStatus status);
gboolean    council_attendance_status_from_string (const char *text, CouncilAttendanceStatus *out);
const char *council_attendance_status_label      (CouncilAttendanceStatus status);
/* Present and delegated count as attended. */
gboolean    council_attendance_status_attended   (CouncilAttendanceStatus status);
const char *council_outcome_kind_to_string       (CouncilOutcomeKind kind);
gboolean    council_outcome_kind_from_string     (const char *text, CouncilOutcomeKind *out);
const char *council_outcome_kind_label           (CouncilOutcomeKind kind);

/* Attendance counts; the rate is attended / recorded, where excused counts as
 * not attended but is reported separately. */
typedef struct
{
  guint  recorded;
  guint  present;
  guint  delegated;
  guint  excused;
  guint  absent;
  guint  not_recorded;
  double rate;        /* 0..1; 0 when nothing is recorded */
} CouncilAttendanceRate;

void        council_attendance_rate_finish (CouncilAttendanceRate *rate);

/* ---- meeting kind (extensible list) ---- */

#define COUNCIL_TYPE_MEETING_KIND (council_meeting_kind_get_type ())
G_DECLARE_FINAL_TYPE (CouncilMeetingKind, council_meeting_kind, COUNCIL, MEETING_KIND, GObject)

CouncilMeetingKind *council_meeting_kind_new (gint64 id, const char *code, const char *name_zh,
                                              const char *name_en, gboolean builtin);
gint64      council_meeting_kind_get_id      (CouncilMeetingKind *self);
const char *council_meeting_kind_get_code    (CouncilMeetingKind *self);
const char *council_meeting_kind_get_name_zh (CouncilMeetingKind *self);
const char *council_meeting_kind_get_name_en (CouncilMeetingKind *self);
gboolean    council_meeting_kind_get_builtin (CouncilMeetingKind *self);
/* Property "label": the name in the user interface language. */
const char *council_meeting_kind_get_label   (CouncilMeetingKind *self);

/* ---- attendance of one organization ---- */

#define COUNCIL_TYPE_ATTENDANCE (council_attendance_get_type ())
G_DECLARE_FINAL_TYPE (CouncilAttendance, council_attendance, COUNCIL, ATTENDANCE, GObject)

/* Properties: "organization-name", "status" (int), "status-label", "attendees". */
CouncilAttendance *council_attendance_new (gint64 org_id, const char *org_name,
                                           CouncilAttendanceStatus status, const char *attendees);
gint64      council_attendance_get_org_id    (CouncilAttendance *self);
const char *council_attendance_get_org_name  (CouncilAttendance *self);
CouncilAttendanceStatus council_attendance_get_status (CouncilAttendance *self);
const char *council_attendance_get_attendees (CouncilAttendance *self);
void        council_attendance_set_status    (CouncilAttendance *self, CouncilAttendanceStatus v);
void        council_attendance_set_attendees (CouncilAttendance *self, const char *v);

/* ---- guest (列席) ---- */

#define COUNCIL_TYPE_GUEST (council_guest_get_type ())
G_DECLARE_FINAL_TYPE (CouncilGuest, council_guest, COUNCIL, GUEST, GObject)

CouncilGuest *council_guest_new      (const char *name, const char *unit);
const char   *council_guest_get_name (CouncilGuest *self);
const char   *council_guest_get_unit (CouncilGuest *self);

/* ---- outcome of an agenda item ---- */

#define COUNCIL_TYPE_OUTCOME (council_outcome_get_type ())
G_DECLARE_FINAL_TYPE (CouncilOutcome, council_outcome, COUNCIL, OUTCOME, GObject)

/* An action outcome owns its CouncilActionItem, whose text is the outcome's. */
CouncilOutcome *council_outcome_new        (CouncilOutcomeKind kind, const char *text);
gint64          council_outcome_get_id     (CouncilOutcome *self);
CouncilOutcomeKind council_outcome_get_kind (CouncilOutcome *self);
const char     *council_outcome_get_text   (CouncilOutcome *self);
/* NULL unless the kind is action; created on demand by set_kind. */
CouncilActionItem *council_outcome_get_action_item (CouncilOutcome *self);
void            council_outcome_set_id     (CouncilOutcome *self, gint64 v);
void            council_outcome_set_kind   (CouncilOutcome *self, CouncilOutcomeKind v);
void            council_outcome_set_text   (CouncilOutcome *self, const char *v);
void            council_outcome_set_action_item (CouncilOutcome *self, CouncilActionItem *item);

/* ---- agenda item (议题) ---- */

#define COUNCIL_TYPE_AGENDA_ITEM (council_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (CouncilAgendaItem, council_agenda_item, COUNCIL, AGENDA_ITEM, GObject)

/* Properties: "title", "presenter-name", "notes". */
CouncilAgendaItem *council_agenda_item_new (const char *title);
gint64      council_agenda_item_get_id             (CouncilAgendaItem *self);
const char *council_agenda_item_get_title          (CouncilAgendaItem *self);
gint64      council_agenda_item_get_presenter_org_id (CouncilAgendaItem *self);
const char *council_agenda_item_get_presenter_name (CouncilAgendaItem *self);
const char *council_agenda_item_get_notes          (CouncilAgendaItem *self);
/* GListModel of CouncilOutcome in order, owned by the item. */
GListStore *council_agenda_item_get_outcomes       (CouncilAgendaItem *self);
void        council_agenda_item_set_id             (CouncilAgendaItem *self, gint64 v);
void        council_agenda_item_set_title          (CouncilAgendaItem *self, const char *v);
void        council_agenda_item_set_presenter      (CouncilAgendaItem *self, gint64 org_id,
                                                    const char *name);
void        council_agenda_item_set_notes          (CouncilAgendaItem *self, const char *v);
/* Appends an outcome and returns it (owned by the item). */
CouncilOutcome *council_agenda_item_add_outcome    (CouncilAgendaItem *self,
                                                    CouncilOutcomeKind kind,
                                                    const char        *text);

/* ---- meeting ---- */

#define COUNCIL_TYPE_MEETING (council_meeting_get_type ())
G_DECLARE_FINAL_TYPE (CouncilMeeting, council_meeting, COUNCIL, MEETING, GObject)

/* List-column properties (read-only): "date" (YYYY-MM-DD), "starts-at",
 * "kind-label", "title", "session-no", "state-label", "attendance-rate"
 * (double, -1 when nothing recorded), "attendance-text" ("18/22"),
 * "open-items" (pending action items). */
CouncilMeeting *council_meeting_new  (void);

gint64      council_meeting_get_id         (CouncilMeeting *self);
gint64      council_meeting_get_version    (CouncilMeeting *self);
gint64      council_meeting_get_kind_id    (CouncilMeeting *self);
const char *council_meeting_get_kind_label (CouncilMeeting *self);
const char *council_meeting_get_kind_name_zh (CouncilMeeting *self);
const char *council_meeting_get_title      (CouncilMeeting *self);
int         council_meeting_get_session_no (CouncilMeeting *self);
/* "YYYY-MM-DDTHH:MM" or "YYYY-MM-DD". */
const char *council_meeting_get_starts_at  (CouncilMeeting *self);
/* The date part of starts_at (newly allocated, "" when unset). */
char       *council_meeting_dup_date       (CouncilMeeting *self);
const char *council_meeting_get_place      (CouncilMeeting *self);
const char *council_meeting_get_chair      (CouncilMeeting *self);
const char *council_meeting_get_recorder   (CouncilMeeting *self);
CouncilMeetingState council_meeting_get_state (CouncilMeeting *self);
gboolean    council_meeting_is_locked      (CouncilMeeting *self);
const CouncilAttendanceRate *council_meeting_get_attendance_rate (CouncilMeeting *self);
guint       council_meeting_get_open_items (CouncilMeeting *self);
/* Details, filled by council_store_get_meeting(): one CouncilAttendance per
 * active organization (and any retired one with a recorded row), guests, and
 * agenda items in order. Owned by the meeting. */
GListStore *council_meeting_get_attendance (CouncilMeeting *self);
GListStore *council_meeting_get_guests     (CouncilMeeting *self);
GListStore *council_meeting_get_agenda     (CouncilMeeting *self);
/* The attendance row of @org_id, or NULL. */
CouncilAttendance *council_meeting_find_attendance (CouncilMeeting *self, gint64 org_id);

void        council_meeting_set_id         (CouncilMeeting *self, gint64 v);
void        council_meeting_set_version    (CouncilMeeting *self, gint64 v);
void        council_meeting_set_kind       (CouncilMeeting *self, gint64 kind_id,
                                            const char *label, const char *name_zh);
void        council_meeting_set_title      (CouncilMeeting *self, const char *v);
void        council_meeting_set_session_no (CouncilMeeting *self, int v);
void        council_meeting_set_starts_at  (CouncilMeeting *self, const char *v);
void        council_meeting_set_place      (CouncilMeeting *self, const char *v);
void        council_meeting_set_chair      (CouncilMeeting *self, const char *v);
void        council_meeting_set_recorder   (CouncilMeeting *self, const char *v);
void        council_meeting_set_state      (CouncilMeeting *self, CouncilMeetingState v);
void        council_meeting_set_attendance_rate (CouncilMeeting *self,
                                                 const CouncilAttendanceRate *rate);
void        council_meeting_set_open_items (CouncilMeeting *self, guint v);
/* Sets (or adds) the attendance of an organization. */
void        council_meeting_set_attendance (CouncilMeeting *self, gint64 org_id,
                                            CouncilAttendanceStatus status,
                                            const char *attendees);
void        council_meeting_add_guest      (CouncilMeeting *self, const char *name,
                                            const char *unit);
/* Appends an agenda item and returns it (owned by the meeting). */
CouncilAgendaItem *council_meeting_add_agenda_item (CouncilMeeting *self, const char *title);
/* Moves the agenda item at @position one place up (-1) or down (+1). */
gboolean    council_meeting_move_agenda_item (CouncilMeeting *self, guint position, int delta);
/* Recomputes the attendance rate from the attendance rows (editor preview). */
void        council_meeting_update_attendance_rate (CouncilMeeting *self);

gboolean    council_meeting_check_field (CouncilMeeting       *self,
                                         CouncilMeetingField   field,
                                         GError              **error);
/* Checks every field and child (attendance, guests, agenda, action items). */
gboolean    council_meeting_validate    (CouncilMeeting       *self,
                                         GError              **error);

G_END_DECLS
