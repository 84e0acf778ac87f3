/* council-docnumber.c: reading 文号 the many ways they are typed.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-docnumber"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "council-docnumber.h"
#include "council-organization.h"

/* A number longer than this is not a 文号 but a pasted paragraph. */
#define MAX_DOC_NUMBER_CHARS 60
#define MAX_SERIAL 99999

static gboolean
is_open_bracket (gunichar c)
{
  return c == 0x3014 /* 〔 */ || c == '[' || c == 0xFF3B /* ［ */ || c == '(' ||
         c == 0xFF08 /* （ */ || c == 0x3010 /* 【 */ || c == 0xFE5D /* ﹝ */ ||
         c == 0x3016 /* 〖 */;
}

static gboolean
is_close_bracket (gunichar c)
{
  return c == 0x3015 || c == ']' || c == 0xFF3D || c == ')' || c == 0xFF09 ||
         c == 0x3011 || c == 0xFE5E || c == 0x3017;
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0;
}

/* ASCII and full-width digits; -1 for anything else. */
static int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)
    return (int) (c - 0xFF10);
  return -1;
}

static gboolean
fail (GError **error, int code, const char *message)
{
  g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, code, message);
  return FALSE;
}

/* Splits the blank-free characters into issuer, year and serial. */
static gboolean
parse_parts (const gunichar *c, glong n, GString *issuer, int *year, int *serial,
             int code, GError **error)
{
  glong i = 0, year_digits = 0;
  long value = 0;

  while (i < n && !is_open_bracket (c[i]))
    {
      if (is_close_bracket (c[i]))
        return fail (error, code, _("The document number has a closing bracket without an opening one."));
      g_string_append_unichar (issuer, c[i++]);
    }
  if (i == n)
    return fail (error, code, _("The document number needs the year in brackets, e.g. 九龙坡委办发〔2026〕12号."));
  if (issuer->len == 0)
    return fail (error, code, _("The document number must start with the issuer’s code, e.g. 九龙坡委办发〔2026〕12号."));
  for (i++; i < n && digit_value (c[i]) >= 0; i++, year_digits++)
    value = value * 10 + digit_value (c[i]);
  if (i == n || !is_close_bracket (c[i]))
    return fail (error, code, _("The year in the document number should be four digits in brackets, e.g. 〔2026〕."));
  if (year_digits != 4)
    return fail (error, code, _("The year in the document number should have four digits, e.g. 〔2026〕."));
  if (value < COUNCIL_DOC_NUMBER_MIN_YEAR || value > COUNCIL_DOC_NUMBER_MAX_YEAR)
    {
      g_set_error (error, COUNCIL_VALIDATION_ERROR, code,
                   _("The year %ld in the document number is out of range (%d to %d)."),
                   value, COUNCIL_DOC_NUMBER_MIN_YEAR, COUNCIL_DOC_NUMBER_MAX_YEAR);
      return FALSE;
    }
  *year = (int) value;

  value = 0;
  i++;
  if (i == n || digit_value (c[i]) < 0)
    return fail (error, code, _("The document number needs a serial number after the year, e.g. 〔2026〕12号."));
  for (; i < n && digit_value (c[i]) >= 0; i++)
    {
      value = value * 10 + digit_value (c[i]);
      if (value > MAX_SERIAL)
        return fail (error, code, _("The serial number in the document number is too large."));
    }
  if (value == 0)
    return fail (error, code, _("The serial number in the document number cannot be 0."));
  if (i < n && c[i] == 0x53F7 /* 号 */)
    i++;
  if (i != n)
    return fail (error, code, _("The document number should end with the serial number and 号, e.g. 〔2026〕12号."));
  *serial = (int) value;
  return TRUE;
}

char *
council_doc_number_normalize (const char *text, int error_code, GError **error)
{
  g_autofree char *valid = NULL;
  g_autofree gunichar *chars = NULL;
  g_autoptr(GString) issuer = g_string_new (NULL);
  glong n = 0, kept = 0;
  int year = 0, serial = 0;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    {
      fail (error, error_code, _("The document number contains characters that are not text."));
      return NULL;
    }
  valid = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  chars = g_utf8_to_ucs4_fast (valid, -1, &n);
  for (glong i = 0; i < n; i++)
    if (!is_blank (chars[i]))
      chars[kept++] = chars[i];
  if (kept == 0)
    return g_strdup ("");
  if (kept > MAX_DOC_NUMBER_CHARS)
    {
      fail (error, error_code, _("The document number is too long (at most 60 characters)."));
      return NULL;
    }
  for (glong i = 0; i < kept; i++)
    if (g_unichar_iscntrl (chars[i]))
      {
        fail (error, error_code, _("The document number contains characters that are not text."));
        return NULL;
      }
  if (!parse_parts (chars, kept, issuer, &year, &serial, error_code, error))
    return NULL;
  return g_strdup_printf ("%s〔%d〕%d号", issuer->str, year, serial);
}

char *
council_doc_number_find (const char *text)
{
  static gsize regex_once = 0;
  static GRegex *regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  char *found = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  if (g_once_init_enter (&regex_once))
    {
      regex = g_regex_new ("\\p{Han}{2,20}\\s*[〔\\[［(（【﹝〖]\\s*[0-9０-９]{4}\\s*[〕\\]］)）】﹞〗]"
                   "\\s*[0-9０-９]{1,5}\\s*号", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex_once, 1);
    }
  if (regex == NULL || !g_regex_match (regex, text, 0, &match))
    return NULL;
  while (found == NULL && g_match_info_matches (match))
    {
      g_autofree char *candidate = g_match_info_fetch (match, 0);
      found = council_doc_number_normalize (candidate, 0, NULL);
      if (found != NULL && *found == '\0')
        g_clear_pointer (&found, g_free);
      g_match_info_next (match, NULL);
    }
  return found;
}
