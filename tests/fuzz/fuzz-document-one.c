/* fuzz-document-one.c: see fuzz-document.h.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "council-document-import.h"
#include "council-pdf-extract.h"
#include "council-store-documents.h"
#include "fuzz-document.h"

static void
check_error (GError *error, const char *what)
{
  if (error == NULL || error->message == NULL || *error->message == '\0')
    g_error ("%s failed without a message", what);
}

static gboolean
fuzz_as_pdf (CouncilStore *store, GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilPreparedDocument) prepared = NULL;
  CouncilPdfExtract *extract = council_pdf_extract_bytes (bytes, NULL, &error);
  g_autoptr(GError) undo_error = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(CouncilDocument) stored = NULL;
  gint64 id;

  if (extract == NULL)
    {
      check_error (error, "reading the PDF");
      return FALSE;
    }
  if (extract->pages->len == 0)
    g_error ("a PDF read with no pages");
  prepared = g_new0 (CouncilPreparedDocument, 1);
  prepared->path = g_strdup ("fuzz.pdf");
  prepared->pdf = g_bytes_ref (bytes);
  prepared->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  prepared->extract = extract;
  prepared->document = council_document_guess_metadata (extract, "fuzz.pdf");
  if (prepared->document == NULL)
    g_error ("no metadata guessed");
  id = council_document_import_prepared (store, prepared, &error);
  if (id <= 0)
    {
      check_error (error, "importing the PDF");
      return FALSE;
    }
  stored = council_store_get_document (store, id, &error);
  if (stored == NULL)
    g_error ("imported document %" G_GINT64_FORMAT " is not there: %s", id, error ? error->message : "");
  if (council_document_get_page_count (stored) != extract->pages->len)
    g_error ("%u pages read, %u stored", extract->pages->len, council_document_get_page_count (stored));
  g_clear_object (&stored);
  /* The store is the same after every input. */
  if (!council_store_undo (store, &summary, &undo_error))
    g_error ("the import does not undo: %s", undo_error->message);
  if (council_store_find_document_by_sha256 (store, prepared->sha256, NULL) > 0)
    g_error ("the document is still there after undo");
  return TRUE;
}

static void
fuzz_as_answer (GBytes *bytes, const guint8 *data, gsize size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilPdfExtract) extract = NULL;
  gssize length = council_pdf_extract_response_length (data, size);

  if (length == 0 || length < -2 || length > (gssize) size)
    g_error ("response length %" G_GSSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes", length, size);
  extract = council_pdf_extract_parse (bytes, NULL, &error);
  if (extract == NULL)
    check_error (error, "parsing the reader's answer");
  else if (extract->pages->len == 0 || extract->title == NULL || extract->first_page_raw == NULL)
    g_error ("an answer accepted with no pages or no title");
}

gboolean
council_fuzz_document_one (CouncilStore *store, const guint8 *data, gsize size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  gboolean imported = fuzz_as_pdf (store, bytes);

  fuzz_as_answer (bytes, data, size);
  return imported;
}
