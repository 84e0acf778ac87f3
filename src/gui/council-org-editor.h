/* council-org-editor.h: the form for one member organization.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-action-item.h"

#include "core/council-draft.h"
#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_ORG_EDITOR (council_org_editor_get_type ())
G_DECLARE_FINAL_TYPE (CouncilOrgEditor, council_org_editor, COUNCIL, ORG_EDITOR, GtkWidget)

/* What the editor shows when it holds no record. */
#define COUNCIL_ORG_EDITOR_NONE ((gint64) -1)
/* Passed to council_org_editor_load() to start a new organization. */
#define COUNCIL_ORG_EDITOR_NEW  ((gint64) 0)

CouncilOrgEditor *council_org_editor_new        (CouncilStore     *store);
/* Loads the organization @id from the store (or NEW / NONE), dropping what the
 * form holds: ask council_org_editor_has_unsaved_changes() first. */
gboolean council_org_editor_load                (CouncilOrgEditor *self,
                                                 gint64            id);
/* The id of the record in the form: 0 for a new one not yet saved, -1 for none. */
gint64   council_org_editor_get_organization_id (CouncilOrgEditor *self);
gboolean council_org_editor_has_unsaved_changes (CouncilOrgEditor *self);
/* Validates and saves; on failure the reasons are shown at the fields (or in
 * the window's message bar) and the form keeps what was typed. Emits "saved". */
gboolean council_org_editor_save                (CouncilOrgEditor *self);
void     council_org_editor_focus_first_field   (CouncilOrgEditor *self);
/* Loads the draft's record and puts the draft's values in the form, unsaved. */
void     council_org_editor_restore_draft       (CouncilOrgEditor *self,
                                                 CouncilDraft     *draft);
/* Forgets the draft of the record in the form (the person discarded it). */
void     council_org_editor_discard_draft       (CouncilOrgEditor *self);

/* One action item as a list row: text, due date, status, days overdue, meeting
 * (also used by the project editor for the items linked to a project). */
GtkWidget *council_action_item_row_new (CouncilActionItem *item,
                                        const char        *today);

G_END_DECLS
