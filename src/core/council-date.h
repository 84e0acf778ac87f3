/* council-date.h: dates as stored (ISO 8601 text) and parsed.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses "YYYY-MM-DD", optionally followed by "THH:MM[:SS]" or " HH:MM". */
gboolean    council_iso_date_parse          (const char  *text,
                                             GDate       *out);
/* Exactly "YYYY-MM-DD", a real day between 1900 and 2999. */
gboolean    council_iso_date_is_valid       (const char  *text);
/* A date, optionally with a time of day (see council_iso_date_parse). */
gboolean    council_iso_datetime_is_valid   (const char  *text);
/* Today in local time as "YYYY-MM-DD" (newly allocated). */
char       *council_iso_date_today          (void);
/* "YYYY-MM-DD" of @date (newly allocated). */
char       *council_iso_date_format         (const GDate *date);

/* "YYYY-MM-DD" of day @day of month @month of @year; months past December
 * run into the next year (newly allocated). */
char       *council_iso_date_from_ymd       (int          year,
                                             int          month,
                                             int          day);

G_END_DECLS
