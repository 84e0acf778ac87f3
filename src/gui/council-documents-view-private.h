/* council-documents-view-private.h: what the tests reach inside the documents view.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-documents-view.h"
#include "council-pdf-viewer.h"

G_BEGIN_DECLS

GtkColumnView    *council_documents_view_get_column_view  (CouncilDocumentsView *self);
GtkListView      *council_documents_view_get_hits_view    (CouncilDocumentsView *self);
GtkEditable      *council_documents_view_get_search_entry (CouncilDocumentsView *self);
CouncilPdfViewer *council_documents_view_get_viewer       (CouncilDocumentsView *self);
GtkEditable      *council_documents_view_get_doc_number_entry (CouncilDocumentsView *self);
GtkLabel         *council_documents_view_get_doc_number_message (CouncilDocumentsView *self);
gint64            council_documents_view_get_document_id  (CouncilDocumentsView *self);
const char       *council_documents_view_get_page_name    (CouncilDocumentsView *self);
/* TRUE while an import batch runs. */
gboolean          council_documents_view_is_importing     (CouncilDocumentsView *self);
/* The outcome of each file of the last batch, one line each. */
char            **council_documents_view_dup_import_messages (CouncilDocumentsView *self);
/* Activates hit @position of the search list, as a double click does. */
void              council_documents_view_activate_hit     (CouncilDocumentsView *self,
                                                           guint                 position);

/* The question offering back details a crash left unsaved, while shown. */
GtkWidget *council_documents_view_get_draft_dialog (CouncilDocumentsView *self);

G_END_DECLS
