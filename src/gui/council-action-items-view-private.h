/* council-action-items-view-private.h: what the tests reach inside the action items view.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-action-items-view.h"

G_BEGIN_DECLS

GtkColumnView *council_action_items_view_get_column_view   (CouncilActionItemsView *self);
GtkDropDown   *council_action_items_view_get_owner_filter  (CouncilActionItemsView *self);
GtkDropDown   *council_action_items_view_get_status_filter (CouncilActionItemsView *self);
GtkCheckButton *council_action_items_view_get_overdue_check (CouncilActionItemsView *self);
GtkCheckButton *council_action_items_view_get_week_check   (CouncilActionItemsView *self);
GtkDropDown   *council_action_items_view_get_meeting_filter (CouncilActionItemsView *self);
/* The follow-up panel: the note's date and text, the new status, the buttons. */
GtkEditable   *council_action_items_view_get_note_date     (CouncilActionItemsView *self);
GtkTextView   *council_action_items_view_get_note_text     (CouncilActionItemsView *self);
GtkDropDown   *council_action_items_view_get_note_status   (CouncilActionItemsView *self);
GtkButton     *council_action_items_view_get_add_note_button (CouncilActionItemsView *self);
GtkButton     *council_action_items_view_get_done_button   (CouncilActionItemsView *self);
GtkLabel      *council_action_items_view_get_note_error    (CouncilActionItemsView *self);
/* Shows action item @id in the follow-up panel. */
void           council_action_items_view_open_item         (CouncilActionItemsView *self,
                                                            gint64                  id);
gint64         council_action_items_view_get_open_item     (CouncilActionItemsView *self);
/* "Reload or Overwrite" after a conflicting note, and the offer of a draft
 * left by a crash, while they are shown. */
GtkWidget     *council_action_items_view_get_conflict_dialog (CouncilActionItemsView *self);
GtkWidget     *council_action_items_view_get_draft_dialog  (CouncilActionItemsView *self);

G_END_DECLS
