/* council-org-editor-private.h: what the tests reach inside the editor.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-org-editor.h"

G_BEGIN_DECLS

/* The input widget of a field (GtkEntry, GtkSpinButton, GtkDropDown, …). */
GtkWidget *council_org_editor_get_field_widget      (CouncilOrgEditor *self,
                                                     CouncilOrgField   field);
/* The small label under a field that shows why its value is refused. */
GtkWidget *council_org_editor_get_field_error_label (CouncilOrgEditor *self,
                                                     CouncilOrgField   field);
GtkWidget *council_org_editor_get_save_button       (CouncilOrgEditor *self);
/* The open "Reload or Overwrite" GtkMessageDialog after a conflicting save, or NULL. */
GtkWidget *council_org_editor_get_conflict_dialog   (CouncilOrgEditor *self);
/* The Projects tab's list: one row per project the organization leads or partners. */
GtkListBox *council_org_editor_get_projects_list    (CouncilOrgEditor *self);

G_END_DECLS
