/* council-draft.h: unsaved editor text kept outside the database, so that a
 * crash or a killed window does not lose what a person typed.
 *
 * A draft is a small key file in the user's cache folder, under a folder
 * named after the database, one file per record ("organization-12.draft",
 * "organization-new.draft"). Editors write it about a second after each edit
 * and remove it on save or revert; the window offers what is left at start.
 * Other record kinds (projects, meetings …) use the same functions with their
 * own kind name and fields.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "council-document.h"
#include "council-meeting.h"
#include "council-organization.h"
#include "council-project.h"

G_BEGIN_DECLS

typedef struct
{
  char      *kind;        /* "organization" */
  gint64     record_id;   /* 0: a record not yet saved */
  gint64     version;     /* the version the edit started from */
  char      *title;       /* what the person calls the record */
  GDateTime *saved_at;
  GKeyFile  *fields;      /* group "fields" */
} CouncilDraft;

void          council_draft_free    (CouncilDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CouncilDraft, council_draft_free)

/* Writes (atomically) the draft of one record of the database at db_path. */
gboolean      council_draft_save    (const char   *db_path,
                                     CouncilDraft *draft,
                                     GError      **error);
/* The drafts left for this database, oldest first (CouncilDraft*). */
GPtrArray    *council_draft_list    (const char   *db_path);
void          council_draft_discard (const char   *db_path,
                                     const char   *kind,
                                     gint64        record_id);

/* The fields of an organization form, in and out of a draft. */
CouncilDraft *council_draft_new_for_organization (CouncilOrganization *form,
                                                  gint64               base_version,
                                                  const char          *title);
void          council_draft_apply_to_organization (CouncilDraft        *draft,
                                                   CouncilOrganization *org);

/* The whole meeting form (details, attendance, guests, agenda with outcomes
 * and action items) in and out of a draft. The draft keeps the version the
 * edit started from, and the versions of the action items it holds. */
CouncilDraft *council_draft_new_for_meeting   (CouncilMeeting *form,
                                               const char     *title);
/* Puts the draft's values into @meeting, the record as read now (or a new
 * one): agenda items and outcomes that still exist keep what the form does
 * not edit (an action item's status and done date). */
void          council_draft_apply_to_meeting  (CouncilDraft   *draft,
                                               CouncilMeeting *meeting);

/* A progress note being written in the follow-up panel of an action item. */
CouncilDraft *council_draft_new_for_progress_note (gint64      action_item_id,
                                                   gint64      base_version,
                                                   const char *title,
                                                   const char *noted_on,
                                                   const char *text,
                                                   int         status);
/* The note's date, text and status (-1: keep) from a draft. */
void          council_draft_get_progress_note     (CouncilDraft *draft,
                                                   char        **noted_on,
                                                   char        **text,
                                                   int          *status);

/* The whole project form (details, partners, liaison officers, milestones,
 * fund entries) in and out of a draft. Amounts are kept as typed
 * (@budget_text, @fund_amount_texts: one per fund entry, in order), so that
 * an amount that cannot be read yet is not lost; the project's own amounts
 * are used where a text is NULL. */
CouncilDraft *council_draft_new_for_project   (CouncilProject     *form,
                                               gint64              base_version,
                                               const char         *title,
                                               const char         *budget_text,
                                               const char * const *fund_amount_texts);
/* Puts the draft's values into @project (the record as read now, or a new
 * one); its partners, milestones and fund entries are replaced by the
 * draft's, which keep their stored ids. @budget_text and @fund_amount_texts
 * (may be NULL) receive the amounts as typed. */
void          council_draft_apply_to_project  (CouncilDraft       *draft,
                                               CouncilProject     *project,
                                               char              **budget_text,
                                               GStrv              *fund_amount_texts);

/* The details form of a policy document (title, issuing body, 文号, issue
 * date, kind, tags), in and out of a draft. */
CouncilDraft *council_draft_new_for_document   (CouncilDocument *form,
                                                gint64           base_version,
                                                const char      *title);
void          council_draft_apply_to_document  (CouncilDraft    *draft,
                                                CouncilDocument *document);

G_END_DECLS
