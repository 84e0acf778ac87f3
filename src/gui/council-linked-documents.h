/* council-linked-documents.h: the policy documents linked to one record.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-document.h"
#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_LINKED_DOCUMENTS (council_linked_documents_get_type ())
G_DECLARE_FINAL_TYPE (CouncilLinkedDocuments, council_linked_documents, COUNCIL, LINKED_DOCUMENTS, GtkWidget)

GtkWidget *council_linked_documents_new        (void);
/* Lists the documents linked to one record; id 0 (or a NULL store) empties it.
 * Follows the store's changes to links. */
void       council_linked_documents_set_record (CouncilLinkedDocuments *self,
                                                CouncilStore           *store,
                                                CouncilLinkTarget       target,
                                                gint64                  id);
guint      council_linked_documents_get_n_documents (CouncilLinkedDocuments *self);

G_END_DECLS
