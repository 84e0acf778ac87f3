/* council-documents-view.h: the policy library, list + search + details + viewer.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_DOCUMENTS_VIEW (council_documents_view_get_type ())
G_DECLARE_FINAL_TYPE (CouncilDocumentsView, council_documents_view, COUNCIL, DOCUMENTS_VIEW, GtkWidget)

CouncilDocumentsView *council_documents_view_new (CouncilStore *store);
/* TRUE while the details form holds typed changes that are not saved. */
gboolean council_documents_view_has_unsaved_changes (CouncilDocumentsView *self);
/* Saves the form; on failure the reasons are shown at the fields. */
gboolean council_documents_view_save (CouncilDocumentsView *self);
/* Drops the draft of the unsaved details ("Close without Saving"). */
void     council_documents_view_discard_draft (CouncilDocumentsView *self);
/* Shows document @id; with @page_no > 0 in the viewer at that page, with
 * @phrase (may be NULL) highlighted. */
void     council_documents_view_open_document (CouncilDocumentsView *self,
                                               gint64                id,
                                               guint                 page_no,
                                               const char           *phrase);
/* What Import… and a drop do: imports @files (GFile*) as one batch with the
 * window's progress bar; each file's outcome is listed in the view. */
void     council_documents_view_import_files (CouncilDocumentsView *self,
                                              GPtrArray            *files);

G_END_DECLS
