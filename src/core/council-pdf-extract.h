/* council-pdf-extract.h: the text of a PDF, read by poppler in a child process.
 *
 * The child ("council-desk --pdf-worker FILE") and the parent share this
 * file: the child calls council_pdf_worker_main(), which writes frames to
 * stdout; the parent reads them with council_pdf_extract_parse().
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char      *title;            /* the PDF's Title metadata, "" when none */
  char      *creation_date;    /* ISO 8601 date from the metadata, "" when none */
  char      *first_page_raw;   /* page 1 as extracted, lines kept (title guess) */
  GPtrArray *pages;            /* char*, normalised text of each page, in order */
} CouncilPdfExtract;

void               council_pdf_extract_free  (CouncilPdfExtract *extract);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CouncilPdfExtract, council_pdf_extract_free)

/* Collapses runs of whitespace into one space, and drops a line break next to
 * a CJK character, so that "联络\n员" is indexed as "联络员". Control
 * characters go; invalid UTF-8 is repaired. */
char              *council_document_normalize_text (const char *raw);
/* The same; @sources (guint) gets, for each character of the result, the
 * index of the character of @raw it came from (so a hit in the indexed text
 * can be found on the page). */
char              *council_document_normalize_text_mapped (const char *raw,
                                                           GArray     *sources);

/* Reads the PDF in this process (trusted input only: generated files).
 * Errors are COUNCIL_DOCUMENT_ERROR. */
CouncilPdfExtract *council_pdf_extract_bytes (GBytes     *pdf,
                                              const char *password,
                                              GError    **error);

/* The child's side. With @path "-": answers requests (council_pdf_worker_request())
 * read from stdin one after another until stdin closes; otherwise reads the
 * file @path (password in $COUNCIL_DESK_PDF_PASSWORD). Returns the exit status. */
int                council_pdf_worker_main   (const char *path);

/* The parent's side: the child's whole stdout. A truncated stream (the child
 * crashed or was killed) is an error, never a partial result. */
CouncilPdfExtract *council_pdf_extract_parse (GBytes     *output,
                                              const char *password,
                                              GError    **error);

/* One request for the child: "password <n>\n<password>\n" "pdf <n>\n<bytes>\n". */
GBytes            *council_pdf_worker_request (const char *password,
                                               GBytes     *pdf);

/* The length of the child's answer at the start of @data (up to and including
 * its "end" or "error" frame); -1 when more is to come, -2 when it is not an
 * answer at all. */
gssize             council_pdf_extract_response_length (const guint8 *data,
                                                        gsize         size);

G_END_DECLS
