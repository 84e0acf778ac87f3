/* council-liaison-row.h: one liaison officer in the organization editor.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-organization.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_LIAISON_ROW (council_liaison_row_get_type ())
G_DECLARE_FINAL_TYPE (CouncilLiaisonRow, council_liaison_row, COUNCIL, LIAISON_ROW, GtkWidget)

/* Emits "changed" when any entry changes and "remove" when its button is clicked. */
CouncilLiaisonRow     *council_liaison_row_new        (CouncilLiaisonOfficer *officer);
CouncilLiaisonOfficer *council_liaison_row_to_officer (CouncilLiaisonRow     *self);
/* Marks the name and phone entries that the core would refuse. */
void                   council_liaison_row_mark_errors (CouncilLiaisonRow    *self,
                                                        gboolean              show);
void                   council_liaison_row_focus_name (CouncilLiaisonRow     *self);

G_END_DECLS
