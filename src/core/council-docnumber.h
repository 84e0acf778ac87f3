/* council-docnumber.h: the document number (文号) of a policy document.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define COUNCIL_DOC_NUMBER_MIN_YEAR 1949
#define COUNCIL_DOC_NUMBER_MAX_YEAR 2100

/* Returns the canonical form of a 文号, "<issuer code>〔<year>〕<serial>号",
 * e.g. "九龙坡委办发〔2026〕12号", from any of the ways people type it:
 * brackets 〔〕 [] ［］ () （） 【】 ﹝﹞, full-width digits, spaces anywhere,
 * leading zeros in the serial. An empty or all-blank input gives "" (the
 * document has no number). Anything else that cannot be read gives NULL and
 * an error (COUNCIL_VALIDATION_ERROR, code @error_code) saying what is wrong.
 * Safe on any byte string, including invalid UTF-8. */
char     *council_doc_number_normalize (const char *text,
                                        int         error_code,
                                        GError    **error);

/* Finds the first 文号 inside running text (a first page) and returns its
 * canonical form, or NULL when there is none. */
char     *council_doc_number_find      (const char *text);

G_END_DECLS
