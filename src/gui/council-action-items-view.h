/* council-action-items-view.h: the follow-up (督办) of action items across all meetings.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_ACTION_ITEMS_VIEW (council_action_items_view_get_type ())
G_DECLARE_FINAL_TYPE (CouncilActionItemsView, council_action_items_view, COUNCIL, ACTION_ITEMS_VIEW, GtkWidget)

CouncilActionItemsView *council_action_items_view_new (CouncilStore *store);
/* TRUE while the follow-up panel holds a progress note not recorded yet. */
gboolean council_action_items_view_has_unsaved_changes (CouncilActionItemsView *self);
/* Records the note; on failure the reason is shown (or Reload / Overwrite asked). */
gboolean council_action_items_view_save (CouncilActionItemsView *self);
/* The person closed without saving: no draft of the note is offered again. */
void     council_action_items_view_discard_draft (CouncilActionItemsView *self);

G_END_DECLS
