/* council-csv.h: RFC 4180 CSV as Excel and WPS save it, in UTF-8, GB18030 or UTF-16.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define COUNCIL_CSV_ERROR (council_csv_error_quark ())

typedef enum
{
  COUNCIL_CSV_ERROR_ENCODING,            /* neither UTF-8, UTF-16 nor GB18030 */
  COUNCIL_CSV_ERROR_BINARY,              /* NUL bytes or control characters */
  COUNCIL_CSV_ERROR_UNTERMINATED_QUOTE,
  COUNCIL_CSV_ERROR_EMPTY,
} CouncilCsvError;

typedef struct
{
  guint      line;     /* line in the file where the record starts (first line is 1) */
  GPtrArray *fields;   /* char*, UTF-8 */
} CouncilCsvRecord;

typedef struct
{
  char      *encoding; /* "UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030" */
  GPtrArray *records;  /* CouncilCsvRecord*; blank lines are skipped */
  char       delimiter; /* ',' or, for Excel's "Unicode text", '\t' */
} CouncilCsv;

GQuark      council_csv_error_quark (void);

/* Turns the bytes of a file into UTF-8 text without a byte order mark, and
 * names the encoding it was read in. */
char       *council_csv_decode      (const char  *data,
                                     gsize        length,
                                     const char **encoding,
                                     GError     **error);
/* Decodes and splits a whole file into records. Fields are separated by
 * commas, or by tabs when the header line has more tabs than commas; a leading
 * "sep=X" line (written by Excel) names the separator. */
CouncilCsv *council_csv_parse       (const char  *data,
                                     gsize        length,
                                     GError     **error);
void        council_csv_free        (CouncilCsv  *csv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CouncilCsv, council_csv_free)

G_END_DECLS
