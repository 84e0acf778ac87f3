/* council-document-import.h: bringing PDFs into the policy library.
 *
 * Poppler runs in a child process ("council-desk --pdf-worker") under a time
 * limit (DESIGN.md §6): a damaged, hostile or hanging file costs that file an
 * error message, never the window. A file is imported whole, in one store
 * change, or not at all.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "council-document.h"
#include "council-pdf-extract.h"
#include "council-store.h"

G_BEGIN_DECLS

#define COUNCIL_DOCUMENT_IMPORT_DEFAULT_TIME_LIMIT_MS 30000

/* The program started as the PDF reader. Default: $COUNCIL_DESK_BIN, else this
 * program when it is council-desk. NULL restores the default. */
void      council_document_import_set_worker_path (const char *path);
/* NULL when no reader is known (a test binary without COUNCIL_DESK_BIN). */
char     *council_document_import_dup_worker_path (void);
/* How long the reader may take for one file before it is stopped. */
void      council_document_import_set_time_limit  (guint       milliseconds);
guint     council_document_import_get_time_limit  (void);

/* A file read, hashed and extracted, not yet in the store. Built by
 * council_document_prepare() in any thread; imported in the store's thread. */
typedef struct
{
  char              *path;        /* as given, for messages */
  GBytes            *pdf;
  char              *sha256;
  CouncilPdfExtract *extract;
  CouncilDocument   *document;    /* metadata guessed from the PDF, to review */
} CouncilPreparedDocument;

void      council_prepared_document_free (CouncilPreparedDocument *prepared);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CouncilPreparedDocument, council_prepared_document_free)

/* Runs the reader on @pdf. Thread-safe; touches no store. Errors:
 * COUNCIL_DOCUMENT_ERROR (ENCRYPTED, BAD_PASSWORD, DAMAGED, TIMEOUT, EMPTY,
 * FAILED) or G_IO_ERROR_CANCELLED. */
CouncilPdfExtract *
          council_document_extract        (GBytes       *pdf,
                                           const char   *password,
                                           GCancellable *cancellable,
                                           GError      **error);

/* Title, issuing body, 文号, date and kind prefilled from the PDF's metadata
 * and first page; @filename is the last resort for the title. */
CouncilDocument *
          council_document_guess_metadata (CouncilPdfExtract *extract,
                                           const char        *filename);

/* Reads @path, hashes it and runs the reader. Thread-safe; touches no store. */
CouncilPreparedDocument *
          council_document_prepare        (const char   *path,
                                           const char   *password,
                                           GCancellable *cancellable,
                                           GError      **error);

/* Inserts a prepared file (with its reviewed metadata) in one change; returns
 * the new document id, or 0 and DUPLICATE (naming the existing record) or a
 * validation / store error. */
gint64    council_document_import_prepared (CouncilStore            *store,
                                            CouncilPreparedDocument *prepared,
                                            GError                 **error);

/* prepare + import for one file, checking for a duplicate before running the
 * reader. Returns the new document id, or 0 and an error. */
gint64    council_document_import_file    (CouncilStore *store,
                                           const char   *path,
                                           const char   *password,
                                           GCancellable *cancellable,
                                           GError      **error);

typedef struct
{
  char   *path;
  gint64  document_id;   /* 0 when this file was not imported */
  GError *error;         /* why not; NULL on success */
  gint64  existing_id;   /* DUPLICATE: the record that has these bytes already */
} CouncilDocumentImportResult;

/* Called before each file (@done files finished so far) and once at the end
 * with @done == @total and @path NULL. */
typedef void (*CouncilDocumentImportProgress) (guint       done,
                                               guint       total,
                                               const char *path,
                                               gpointer    user_data);

/* Imports each file on its own: a failure is reported for that file and the
 * batch goes on. After cancellation the remaining files are reported as
 * cancelled. The readers of several files run side by side in a thread pool;
 * the store is only used from the calling thread, which blocks until the
 * batch is done. Returns a GPtrArray of CouncilDocumentImportResult*, in order. */
GPtrArray *council_document_import_files  (CouncilStore                 *store,
                                           const char * const           *paths,
                                           const char                   *password,
                                           CouncilDocumentImportProgress progress,
                                           gpointer                      user_data,
                                           GCancellable                 *cancellable);

/* The same without blocking: the readers run in threads, the store is used
 * only from the thread-default main context of the caller, between other
 * events. @progress is called there too. The callback gets the results with
 * council_document_import_files_finish() (a GPtrArray as above). */
void       council_document_import_files_async  (CouncilStore                 *store,
                                                 const char * const           *paths,
                                                 const char                   *password,
                                                 CouncilDocumentImportProgress progress,
                                                 gpointer                      progress_data,
                                                 GDestroyNotify                progress_notify,
                                                 GCancellable                 *cancellable,
                                                 GAsyncReadyCallback           callback,
                                                 gpointer                      user_data);
GPtrArray *council_document_import_files_finish (CouncilStore                 *store,
                                                 GAsyncResult                 *result,
                                                 GError                      **error);

G_END_DECLS
