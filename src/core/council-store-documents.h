/* council-store-documents.h: the policy library in the store.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-document.h"
#include "council-store.h"

G_BEGIN_DECLS

/* Queries of fewer characters than this scan the page text instead of the
 * trigram index, which matches nothing shorter. */
#define COUNCIL_SEARCH_TRIGRAM_MIN_CHARS 3
#define COUNCIL_SEARCH_DEFAULT_LIMIT 200

typedef struct
{
  const char          *issuing_body;  /* NULL or "": any */
  gboolean             any_kind;      /* TRUE: ignore @kind */
  CouncilDocumentKind  kind;
  int                  year;          /* 0: any; the year of the issue date */
} CouncilDocumentFilter;

/* Every document, newest issue date first. */
void          council_document_filter_init           (CouncilDocumentFilter *filter);

GListStore   *council_store_list_documents           (CouncilStore                *self,
                                                      const CouncilDocumentFilter *filter,
                                                      GError                     **error);
guint         council_store_count_documents          (CouncilStore                *self);
CouncilDocument *
              council_store_get_document             (CouncilStore                *self,
                                                      gint64                       id,
                                                      GError                     **error);
/* 0 when no document has these bytes. */
gint64        council_store_find_document_by_sha256  (CouncilStore                *self,
                                                      const char                  *sha256,
                                                      GError                     **error);
/* Distinct issuing bodies and years, for the filter menus. */
char        **council_store_list_document_issuing_bodies (CouncilStore            *self,
                                                      GError                     **error);
GArray       *council_store_list_document_years      (CouncilStore                *self,
                                                      GError                     **error);

/* Saves the metadata of an existing document (validated first: title, 文号,
 * date). Fails with COUNCIL_STORE_ERROR_CONFLICT when it changed since read. */
gboolean      council_store_save_document            (CouncilStore                *self,
                                                      CouncilDocument             *document,
                                                      GError                     **error);
/* The import's one change: the blob (when new), the record and the text of
 * each page with its index entries. Validates @document, sets its id, sha256,
 * size, page count and import time. DUPLICATE when the bytes are already in. */
gint64        council_store_insert_document          (CouncilStore                *self,
                                                      CouncilDocument             *document,
                                                      GBytes                      *pdf,
                                                      GPtrArray                   *page_texts,
                                                      GError                     **error);
/* Removes the record, its pages and links, and the blob when nothing else uses
 * it. Not undoable: the bytes are gone (the window asks first). */
gboolean      council_store_delete_document          (CouncilStore                *self,
                                                      gint64                       id,
                                                      GError                     **error);

/* The PDF for the viewer (council_document_render_*). */
GBytes       *council_store_get_document_pdf         (CouncilStore                *self,
                                                      gint64                       id,
                                                      GError                     **error);
/* The indexed (normalised) text of a page, 1-based. */
char         *council_store_get_document_page_text   (CouncilStore                *self,
                                                      gint64                       id,
                                                      guint                        page_no,
                                                      GError                     **error);

/* Search over the text of every page: @query is a phrase, not FTS syntax.
 * 3+ characters use the trigram index ranked by bm25; 1-2 characters scan the
 * same text ranked by the number of occurrences. Latin letters match
 * case-insensitively. @filter may be NULL. Returns CouncilDocumentHit*s. */
GListStore   *council_store_search_documents         (CouncilStore                *self,
                                                      const char                  *query,
                                                      const CouncilDocumentFilter *filter,
                                                      guint                        limit,
                                                      guint                        offset,
                                                      GError                     **error);

/* Links, shown on both sides. Adding an existing link is not an error. */
gboolean      council_store_add_document_link        (CouncilStore                *self,
                                                      gint64                       document_id,
                                                      CouncilLinkTarget            target,
                                                      gint64                       target_id,
                                                      GError                     **error);
gboolean      council_store_remove_document_link     (CouncilStore                *self,
                                                      gint64                       document_id,
                                                      CouncilLinkTarget            target,
                                                      gint64                       target_id,
                                                      GError                     **error);
/* The records a document is linked to: a GArray of CouncilDocumentLink. */
GArray       *council_store_list_document_links      (CouncilStore                *self,
                                                      gint64                       document_id,
                                                      GError                     **error);
/* The documents linked to a record (CouncilDocument*s). */
GListStore   *council_store_list_linked_documents    (CouncilStore                *self,
                                                      CouncilLinkTarget            target,
                                                      gint64                       target_id,
                                                      GError                     **error);

G_END_DECLS
