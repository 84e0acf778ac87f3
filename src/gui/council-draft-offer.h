/* council-draft-offer.h: offering back the unsaved text that a crash left.
 *
 * Editors keep a draft of their unsaved form (core/council-draft.h). A draft
 * still there when a view is first shown means the program ended without
 * saving or discarding it: the view says so, one record at a time, oldest
 * first, and restores the draft into its editor or throws it away.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-draft.h"
#include "core/council-store.h"

G_BEGIN_DECLS

/* Puts @draft into the view's editor; FALSE when its record is gone. */
typedef gboolean (*CouncilDraftRestoreFunc) (GtkWidget *view, CouncilDraft *draft);

#define COUNCIL_TYPE_DRAFT_OFFER (council_draft_offer_get_type ())
G_DECLARE_FINAL_TYPE (CouncilDraftOffer, council_draft_offer, COUNCIL, DRAFT_OFFER, GObject)

/* Offers the drafts of @kind when @view is first mapped. @unnamed (untranslated,
 * "a new meeting") names a record whose draft has no title. The view owns
 * the offer; it is not referenced. */
CouncilDraftOffer *council_draft_offer_new (GtkWidget              *view,
                                            CouncilStore           *store,
                                            const char             *kind,
                                            const char             *unnamed,
                                            CouncilDraftRestoreFunc restore);
/* The question being shown, or NULL. */
GtkWidget *council_draft_offer_get_dialog (CouncilDraftOffer *self);
/* Closes the question (the view is going away); the drafts stay on disk. */
void       council_draft_offer_detach     (CouncilDraftOffer *self);

/* The window's view ("roster", "meetings", "actions") that offers the
 * oldest draft left for @store's database, or NULL when none is left. */
const char *council_draft_offer_first_view (CouncilStore *store);

G_END_DECLS
