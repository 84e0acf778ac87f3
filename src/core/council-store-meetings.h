/* council-store-meetings.h: meetings, minutes and the follow-up of action items.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-action-item.h"
#include "council-meeting.h"
#include "council-store.h"

G_BEGIN_DECLS

/* Meeting list filter; zero-initialise with council_meeting_filter_init(). */
typedef struct
{
  int    year;       /* 0: any year */
  gint64 kind_id;    /* 0: any kind */
  int    state;      /* -1: any state, else a CouncilMeetingState */
} CouncilMeetingFilter;

void council_meeting_filter_init (CouncilMeetingFilter *filter);

/* Action item list filter. Sorted pending first by due date (so overdue items
 * come first), then done and cancelled items by due date. */
typedef struct
{
  gint64      owner_org_id;     /* 0: any owner (co-owners do not match) */
  gint64      meeting_id;       /* 0: any meeting */
  gint64      project_id;       /* 0: any, or linked to this project */
  int         status;           /* -1: any, else a CouncilActionStatus */
  gboolean    pending_only;     /* open or in progress */
  gboolean    overdue_only;     /* pending and due before as_of */
  int         due_within_days;  /* -1: no limit; N: pending and due before as_of + N days (inclusive), e.g. 7 = this week */
  const char *as_of;            /* reference date "YYYY-MM-DD"; NULL: today */
  int         due_year;         /* 0: any; else due in that year, or pending and due
                                   before it (carried over into it) */
} CouncilActionFilter;

void council_action_filter_init (CouncilActionFilter *filter);

/* Meeting kinds (GListStore of CouncilMeetingKind) */
GListStore *council_store_list_meeting_kinds (CouncilStore *self, GError **error);
gint64      council_store_add_meeting_kind   (CouncilStore *self, const char *code,
                                              const char *name_zh, const char *name_en,
                                              GError **error);
gint64      council_store_find_meeting_kind  (CouncilStore *self, const char *code,
                                              GError **error);

/* Meetings */
/* The years that have meetings, newest first (one index step per year). */
GArray     *council_store_list_meeting_years (CouncilStore *self, GError **error);
GListStore *council_store_list_meetings   (CouncilStore *self, const CouncilMeetingFilter *filter,
                                           GError **error);
/* Every meeting as a choice for a picker, newest first: its id appended to
 * @ids (gint64) and "date title" to @labels (char *, owned by the array),
 * from the meeting rows alone (no attendance or action items are counted). */
gboolean    council_store_list_meeting_choices (CouncilStore *self, GArray *ids, GPtrArray *labels,
                                                GError **error);
/* With details: attendance for every active organization (not recorded when
 * there is no row), guests, agenda items with outcomes and action items. */
CouncilMeeting *council_store_get_meeting (CouncilStore *self, gint64 id, GError **error);
/* The same with organization and kind names in the given language (exports). */
CouncilMeeting *council_store_get_meeting_in_language (CouncilStore *self, gint64 id,
                                                       gboolean chinese, GError **error);
/* One change: validates, checks the version read, and writes only the rows
 * that differ (attendance rows, guests, agenda items, outcomes, action items).
 * Refused with COUNCIL_STORE_ERROR_LOCKED once the minutes are approved. */
gboolean    council_store_save_meeting    (CouncilStore *self, CouncilMeeting *meeting,
                                           GError **error);
/* Only planned meetings can be deleted; held ones keep their record. */
gboolean    council_store_delete_meeting  (CouncilStore *self, gint64 id, GError **error);
/* planned -> held */
gboolean    council_store_hold_meeting    (CouncilStore *self, gint64 id, GError **error);
/* held -> approved: locks the minutes */
gboolean    council_store_approve_minutes (CouncilStore *self, gint64 id, GError **error);
/* approved -> held: the explicit correction, recorded in history */
gboolean    council_store_reopen_minutes  (CouncilStore *self, gint64 id, GError **error);

/* TRUE when the council has recorded any meeting (TRUE also on error: callers
 * use it to avoid adding sample meetings twice). */
gboolean    council_store_has_meetings (CouncilStore *self);

/* Attendance: present + delegated count as attended, excused as not. */
gboolean    council_store_meeting_attendance_rate (CouncilStore *self, gint64 meeting_id,
                                                   CouncilAttendanceRate *out, GError **error);
/* Over the held and approved meetings of @year (0: all years). */
gboolean    council_store_organization_attendance_rate (CouncilStore *self, gint64 org_id,
                                                        int year, CouncilAttendanceRate *out,
                                                        GError **error);

/* Action items, served by SQL one page at a time. */
guint       council_store_count_action_items (CouncilStore *self, const CouncilActionFilter *filter,
                                              GError **error);
GListStore *council_store_list_action_items  (CouncilStore *self, const CouncilActionFilter *filter,
                                              guint offset, guint limit, GError **error);
/* The ids of every item of @filter, in the list's order, appended to @ids
 * (gint64): read from the indexes alone, so a long list can be paged by id
 * instead of stepping over every earlier row (OFFSET). */
gboolean    council_store_list_action_item_ids (CouncilStore *self, const CouncilActionFilter *filter,
                                                GArray *ids, GError **error);
/* The items of @ids, in that order, into @items (CouncilActionItem, one per
 * id; NULL where an item is gone), read as of @as_of (NULL: today). */
gboolean    council_store_get_action_items (CouncilStore *self, const gint64 *ids, guint n_ids,
                                            const char *as_of, GPtrArray *items, GError **error);
CouncilActionItem *council_store_get_action_item (CouncilStore *self, gint64 id, GError **error);
/* Adds a 督办 note dated @noted_on (NULL: today); with @status >= 0 also sets
 * the status (done: done date = @done_date, or the note's date). Allowed after
 * the minutes are approved. */
gboolean    council_store_add_progress_note  (CouncilStore *self, gint64 action_item_id,
                                              const char *noted_on, const char *text,
                                              int status, const char *done_date,
                                              GError **error);
/* The same, refused with COUNCIL_STORE_ERROR_CONFLICT when the item is no
 * longer at @expected_version (another window or program changed it). */
gboolean    council_store_add_progress_note_at_version (CouncilStore *self, gint64 action_item_id,
                                                        gint64 expected_version,
                                                        const char *noted_on, const char *text,
                                                        int status, const char *done_date,
                                                        GError **error);
GListStore *council_store_list_progress_notes (CouncilStore *self, gint64 action_item_id,
                                               GError **error);
/* Links an action item to a project (0: unlink); follow-up, allowed when locked. */
gboolean    council_store_set_action_item_project (CouncilStore *self, gint64 action_item_id,
                                                   gint64 project_id, GError **error);
/* Pending items owned (or co-owned) by an organization, for the roster editor. */
GListStore *council_store_list_open_action_items_for_organization (CouncilStore *self,
                                                                   gint64 org_id,
                                                                   const char *as_of,
                                                                   GError **error);
/* All items linked to a project, for the project editor. */
GListStore *council_store_list_action_items_for_project (CouncilStore *self, gint64 project_id,
                                                         const char *as_of, GError **error);

/* Schedule: the rhythm of a kind of meeting ("monthly", "quarterly",
 * "half-yearly", "yearly"; NULL or "" removes it). */
gboolean    council_store_set_meeting_schedule (CouncilStore *self, gint64 kind_id,
                                                const char *rhythm, GError **error);
/* The kind's rhythm (newly allocated) or NULL when it has none. */
char       *council_store_get_meeting_schedule (CouncilStore *self, gint64 kind_id,
                                                GError **error);
/* The date the next meeting of @kind_id is due: the last held (or approved)
 * meeting plus the rhythm, or @as_of when none was held yet; NULL without a
 * schedule. A planned meeting on or after that date satisfies it: its date is
 * returned then. */
char       *council_store_next_meeting_due (CouncilStore *self, gint64 kind_id,
                                            const char *as_of, GError **error);

G_END_DECLS
