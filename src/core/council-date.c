/* council-date.c
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "council-date.h"

gboolean
council_iso_date_parse (const char *text, GDate *out)
{
  guint y, m, d;
  const char *rest;

  if (text == NULL || strlen (text) < 10)
    return FALSE;
  for (int i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  rest = text + 10;
  if (*rest != '\0')
    {
      guint hh, mm;
      if ((*rest != 'T' && *rest != ' ') || strlen (rest) < 6 || rest[3] != ':' ||
          !g_ascii_isdigit (rest[1]) || !g_ascii_isdigit (rest[2]) ||
          !g_ascii_isdigit (rest[4]) || !g_ascii_isdigit (rest[5]))
        return FALSE;
      hh = (guint) g_ascii_strtoull (rest + 1, NULL, 10);
      mm = (guint) g_ascii_strtoull (rest + 4, NULL, 10);
      if (hh > 23 || mm > 59)
        return FALSE;
    }
  if (out != NULL)
    g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

gboolean
council_iso_datetime_is_valid (const char *text)
{
  return council_iso_date_parse (text, NULL);
}

char *
council_iso_date_format (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          (guint) g_date_get_month (date), g_date_get_day (date));
}

char *
council_iso_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
council_iso_date_is_valid (const char *text)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  return y >= 1900 && y <= 2999 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

char *
council_iso_date_from_ymd (int year, int month, int day)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, (GDateYear) year);
  char buf[16];

  /* Months past December run into the next year. */
  g_date_add_months (date, (guint) MAX (month - 1, 0));
  g_date_add_days (date, (guint) MAX (day - 1, 0));
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  return g_strdup (buf);
}
