/* council-project-editor.h: the form of one project.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-draft.h"
#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_PROJECT_EDITOR (council_project_editor_get_type ())
G_DECLARE_FINAL_TYPE (CouncilProjectEditor, council_project_editor, COUNCIL, PROJECT_EDITOR, GtkWidget)

#define COUNCIL_PROJECT_EDITOR_NONE ((gint64) -1)
#define COUNCIL_PROJECT_EDITOR_NEW  ((gint64) 0)

CouncilProjectEditor *council_project_editor_new   (CouncilStore         *store);
gboolean council_project_editor_load               (CouncilProjectEditor *self,
                                                    gint64                id);
gint64   council_project_editor_get_project_id     (CouncilProjectEditor *self);
gboolean council_project_editor_has_unsaved_changes (CouncilProjectEditor *self);
gboolean council_project_editor_save               (CouncilProjectEditor *self);
void     council_project_editor_focus_first_field  (CouncilProjectEditor *self);
/* Unsaved edits are kept as a draft (core/council-draft.h) a second after
 * each change; restoring opens the draft's record with its values (FALSE:
 * the record is gone). Discarding drops the draft this editor wrote. */
gboolean council_project_editor_restore_draft      (CouncilProjectEditor *self,
                                                    CouncilDraft         *draft);
void     council_project_editor_discard_draft      (CouncilProjectEditor *self);

/* For tests: the entry of the budget and the message shown under it. */
GtkEditable *council_project_editor_get_budget_entry (CouncilProjectEditor *self);
GtkEditable *council_project_editor_get_title_entry  (CouncilProjectEditor *self);
/* For tests: the status, the date of its change, and the history of statuses. */
GtkDropDown *council_project_editor_get_status_drop        (CouncilProjectEditor *self);
GtkEditable *council_project_editor_get_status_date_entry  (CouncilProjectEditor *self);
const char  *council_project_editor_get_status_changes_text (CouncilProjectEditor *self);
const char  *council_project_editor_get_field_error  (CouncilProjectEditor *self,
                                                      int                   field);

G_END_DECLS
