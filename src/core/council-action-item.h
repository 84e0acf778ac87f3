/* council-action-item.h: a decision's action item, followed up (督办) until done.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Validation error codes (domain COUNCIL_VALIDATION_ERROR) of an action item. */
typedef enum
{
  COUNCIL_ACTION_FIELD_NONE,
  COUNCIL_ACTION_FIELD_TEXT,
  COUNCIL_ACTION_FIELD_OWNER,
  COUNCIL_ACTION_FIELD_CO_OWNERS,
  COUNCIL_ACTION_FIELD_DUE_DATE,
  COUNCIL_ACTION_FIELD_STATUS,
  COUNCIL_ACTION_FIELD_DONE_DATE,
  COUNCIL_ACTION_FIELD_PROGRESS_NOTE,
  COUNCIL_ACTION_N_FIELDS
} CouncilActionField;

typedef enum
{
  COUNCIL_ACTION_STATUS_OPEN,
  COUNCIL_ACTION_STATUS_IN_PROGRESS,
  COUNCIL_ACTION_STATUS_DONE,
  COUNCIL_ACTION_STATUS_CANCELLED,
} CouncilActionStatus;

const char *council_action_status_to_string   (CouncilActionStatus  status);
gboolean    council_action_status_from_string (const char          *text,
                                               CouncilActionStatus *out);
const char *council_action_status_label       (CouncilActionStatus  status);
/* Open or in progress: still to be chased. */
gboolean    council_action_status_is_pending  (CouncilActionStatus  status);

/* ---- dates: ISO 8601 text, as stored ---- */

/* Parses "YYYY-MM-DD", optionally followed by "THH:MM[:SS]" or " HH:MM". */
gboolean    council_iso_date_parse    (const char *text,
                                       GDate      *out);
gboolean    council_iso_date_is_valid (const char *text);
/* Today in local time as "YYYY-MM-DD" (newly allocated). */
char       *council_iso_date_today    (void);
/* "YYYY-MM-DD" of @date (newly allocated). */
char       *council_iso_date_format   (const GDate *date);

/* Overdue = pending and the due date is before @as_of (NULL: today). Computed,
 * never stored. Returns the days overdue, 0 when not overdue. */
int         council_action_days_overdue (CouncilActionStatus  status,
                                         const char          *due_date,
                                         const char          *as_of);

/* ---- progress note (督办记录) ---- */

#define COUNCIL_TYPE_PROGRESS_NOTE (council_progress_note_get_type ())
G_DECLARE_FINAL_TYPE (CouncilProgressNote, council_progress_note, COUNCIL, PROGRESS_NOTE, GObject)

CouncilProgressNote *council_progress_note_new (gint64      id,
                                                const char *noted_on,
                                                const char *text);
gint64      council_progress_note_get_id       (CouncilProgressNote *self);
const char *council_progress_note_get_noted_on (CouncilProgressNote *self);
const char *council_progress_note_get_text     (CouncilProgressNote *self);

/* ---- action item ---- */

#define COUNCIL_TYPE_ACTION_ITEM (council_action_item_get_type ())
G_DECLARE_FINAL_TYPE (CouncilActionItem, council_action_item, COUNCIL, ACTION_ITEM, GObject)

/* Properties for list columns (read-only): "text", "owner-name", "co-owner-names",
 * "due-date", "status-label", "is-overdue", "days-overdue", "last-progress-note",
 * "meeting-title", "meeting-date". Overdue is computed against the item's
 * reference date ("as-of", set by the store from the list filter). */
CouncilActionItem *council_action_item_new  (void);
CouncilActionItem *council_action_item_copy (CouncilActionItem *self);

gint64      council_action_item_get_id             (CouncilActionItem *self);
gint64      council_action_item_get_version        (CouncilActionItem *self);
gint64      council_action_item_get_meeting_id     (CouncilActionItem *self);
const char *council_action_item_get_meeting_title  (CouncilActionItem *self);
const char *council_action_item_get_meeting_date   (CouncilActionItem *self);
gint64      council_action_item_get_agenda_item_id (CouncilActionItem *self);
gint64      council_action_item_get_outcome_id     (CouncilActionItem *self);
const char *council_action_item_get_text           (CouncilActionItem *self);
gint64      council_action_item_get_owner_org_id   (CouncilActionItem *self);
const char *council_action_item_get_owner_name     (CouncilActionItem *self);
/* Organization ids of the co-owners (协办单位); owned by the item. */
GArray     *council_action_item_get_co_owner_ids   (CouncilActionItem *self);
const char *council_action_item_get_co_owner_names (CouncilActionItem *self);
const char *council_action_item_get_due_date       (CouncilActionItem *self);
CouncilActionStatus council_action_item_get_status (CouncilActionItem *self);
const char *council_action_item_get_status_label   (CouncilActionItem *self);
const char *council_action_item_get_done_date      (CouncilActionItem *self);
gint64      council_action_item_get_project_id     (CouncilActionItem *self);
const char *council_action_item_get_last_progress_note (CouncilActionItem *self);
const char *council_action_item_get_last_progress_date (CouncilActionItem *self);
const char *council_action_item_get_as_of          (CouncilActionItem *self);
gboolean    council_action_item_is_overdue         (CouncilActionItem *self,
                                                    const char        *as_of);
int         council_action_item_get_days_overdue   (CouncilActionItem *self,
                                                    const char        *as_of);

void        council_action_item_set_id             (CouncilActionItem *self, gint64 v);
void        council_action_item_set_version        (CouncilActionItem *self, gint64 v);
void        council_action_item_set_meeting        (CouncilActionItem *self, gint64 meeting_id,
                                                    const char *title, const char *date);
void        council_action_item_set_agenda_item_id (CouncilActionItem *self, gint64 v);
void        council_action_item_set_outcome_id     (CouncilActionItem *self, gint64 v);
void        council_action_item_set_text           (CouncilActionItem *self, const char *v);
void        council_action_item_set_owner          (CouncilActionItem *self, gint64 org_id,
                                                    const char *name);
void        council_action_item_set_co_owner_names (CouncilActionItem *self, const char *v);
void        council_action_item_add_co_owner       (CouncilActionItem *self, gint64 org_id);
void        council_action_item_clear_co_owners    (CouncilActionItem *self);
void        council_action_item_set_due_date       (CouncilActionItem *self, const char *v);
void        council_action_item_set_status         (CouncilActionItem *self, CouncilActionStatus v);
void        council_action_item_set_done_date      (CouncilActionItem *self, const char *v);
void        council_action_item_set_project_id     (CouncilActionItem *self, gint64 v);
void        council_action_item_set_last_progress  (CouncilActionItem *self, const char *noted_on,
                                                    const char *text);
void        council_action_item_set_as_of          (CouncilActionItem *self, const char *as_of);

/* Checks one field against the rules a person can act on: text, owner and
 * due date are required; the due date is not before the meeting date (when
 * known); a done item has a done date that is a real date. */
gboolean    council_action_item_check_field (CouncilActionItem  *self,
                                             CouncilActionField  field,
                                             GError            **error);
gboolean    council_action_item_validate    (CouncilActionItem  *self,
                                             GError            **error);

G_END_DECLS
