/* council-action-item-model.h: the follow-up list as a lazy GListModel.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-store-meetings.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_ACTION_ITEM_MODEL (council_action_item_model_get_type ())
G_DECLARE_FINAL_TYPE (CouncilActionItemModel, council_action_item_model, COUNCIL, ACTION_ITEM_MODEL, GObject)

/* A GListModel of CouncilActionItem matching @filter (copied). The ids of
 * the matching items are read up front, in order (from the indexes alone);
 * items are read a page at a time by their ids as a view asks for them, and
 * only a few pages are kept, so 200,000 items cost 1.6 MB of ids and a few
 * hundred items. The model follows the store's "changed" signal. */
CouncilActionItemModel *council_action_item_model_new        (CouncilStore              *store,
                                                              const CouncilActionFilter *filter);
/* Replaces the filter. The rows are replaced in two steps, never by one
 * items-changed that removes and adds (GTK 4.8 would ask for every added
 * row): the new rows are added in front of the old ones, "reloading" is
 * emitted (a view moves to the new rows there, reusing its widgets), then
 * the old rows are removed. The same when a change in the store changes
 * the count. */
void                    council_action_item_model_set_filter (CouncilActionItemModel    *self,
                                                              const CouncilActionFilter *filter);
const CouncilActionFilter *
                        council_action_item_model_get_filter (CouncilActionItemModel    *self);
/* Re-reads the ids and drops the cached pages; with the count unchanged,
 * only the rows of the pages a view may show are reported changed, so the
 * view keeps its place. Called on the store's "changed". */
void                    council_action_item_model_reload     (CouncilActionItemModel    *self);

G_END_DECLS
