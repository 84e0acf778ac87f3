/* council-csv.c
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "council-csv.h"

G_DEFINE_QUARK (council-csv-error-quark, council_csv_error)

static void
record_free (gpointer data)
{
  CouncilCsvRecord *record = data;

  g_ptr_array_unref (record->fields);
  g_free (record);
}

void
council_csv_free (CouncilCsv *csv)
{
  if (csv == NULL)
    return;
  g_free (csv->encoding);
  g_ptr_array_unref (csv->records);
  g_free (csv);
}

static gboolean
has_prefix (const char *data, gsize length, const char *prefix, gsize prefix_length)
{
  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

/* Text files hold tabs and line breaks, never other control characters. */
static gboolean
check_text (const char *text, gsize length, GError **error)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        {
          g_set_error_literal (error, COUNCIL_CSV_ERROR, COUNCIL_CSV_ERROR_BINARY,
                               _("This is not a text file (it contains binary data). Save the roster from Excel or WPS as “CSV”."));
          return FALSE;
        }
    }
  return TRUE;
}

static char *
convert_utf16 (const char *data, gsize length, const char *encoding, GError **error)
{
  g_autoptr(GError) local = NULL;
  char *text = g_convert (data, (gssize) length, "UTF-8", encoding, NULL, NULL, &local);

  if (text == NULL)
    g_set_error (error, COUNCIL_CSV_ERROR, COUNCIL_CSV_ERROR_ENCODING,
                 _("The file starts like %s text but cannot be read as such: %s"),
                 encoding, local->message);
  return text;
}

char *
council_csv_decode (const char *data, gsize length, const char **encoding, GError **error)
{
  g_autofree char *text = NULL;
  const char *found;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* Excel's "Unicode text" is UTF-16 with a byte order mark; its NUL bytes are
   * part of the encoding, so this comes before the binary check. */
  if (has_prefix (data, length, "\xff\xfe", 2))
    {
      found = "UTF-16LE";
      text = convert_utf16 (data + 2, length - 2, found, error);
    }
  else if (has_prefix (data, length, "\xfe\xff", 2))
    {
      found = "UTF-16BE";
      text = convert_utf16 (data + 2, length - 2, found, error);
    }
  else
    {
      if (has_prefix (data, length, "\xef\xbb\xbf", 3))
        {
          data += 3;
          length -= 3;
        }
      if (memchr (data, '\0', length) != NULL)
        {
          g_set_error_literal (error, COUNCIL_CSV_ERROR, COUNCIL_CSV_ERROR_BINARY,
                               _("This is not a text file (it contains binary data). Save the roster from Excel or WPS as “CSV”."));
          return NULL;
        }
      if (g_utf8_validate_len (data, length, NULL))
        {
          found = "UTF-8";
          text = g_strndup (data, length);
        }
      else
        {
          /* Excel and WPS on Chinese Windows save "CSV" in the ANSI code page,
           * GBK; GB18030 is its superset and decodes it unchanged. */
          found = "GB18030";
          text = g_convert (data, (gssize) length, "UTF-8", "GB18030", NULL, NULL, NULL);
          if (text == NULL)
            {
              g_set_error_literal (error, COUNCIL_CSV_ERROR, COUNCIL_CSV_ERROR_ENCODING,
                                   _("The file is neither UTF-8 nor GB18030/GBK text. Save it from Excel or WPS as “CSV UTF-8” and try again."));
              return NULL;
            }
        }
    }
  if (text == NULL)
    return NULL;
  if (!check_text (text, strlen (text), error))
    return NULL;
  if (encoding != NULL)
    *encoding = found;
  return g_steal_pointer (&text);
}

static gboolean
record_is_blank (CouncilCsvRecord *record)
{
  return record->fields->len == 1 && *(const char *) g_ptr_array_index (record->fields, 0) == '\0';
}

static void
end_record (CouncilCsv *csv, CouncilCsvRecord **record)
{
  if (record_is_blank (*record))
    record_free (*record);
  else
    g_ptr_array_add (csv->records, *record);
  *record = NULL;
}

static CouncilCsvRecord *
record_new (guint line)
{
  CouncilCsvRecord *record = g_new0 (CouncilCsvRecord, 1);

  record->line = line;
  record->fields = g_ptr_array_new_with_free_func (g_free);
  return record;
}

/* Excel's "Unicode text" separates with tabs; everything else here with
 * commas. The header line decides. */
static char
guess_delimiter (const char *text)
{
  guint commas = 0, tabs = 0;

  for (const char *p = text; *p != '\0' && *p != '\n' && *p != '\r'; p++)
    {
      if (*p == ',')
        commas++;
      else if (*p == '\t')
        tabs++;
    }
  return tabs > commas ? '\t' : ',';
}

/* Excel writes a "sep=," line before the header when asked to. */
static const char *
skip_separator_line (const char *text, char *delimiter)
{
  if (g_ascii_strncasecmp (text, "sep=", 4) == 0 && text[4] != '\0' &&
      (text[5] == '\n' || text[5] == '\r' || text[5] == '\0'))
    {
      *delimiter = text[4];
      return text + 5;
    }
  return NULL;
}

CouncilCsv *
council_csv_parse (const char *data, gsize length, GError **error)
{
  g_autoptr(CouncilCsv) csv = g_new0 (CouncilCsv, 1);
  g_autoptr(GString) field = g_string_new (NULL);
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  CouncilCsvRecord *record = NULL;
  gboolean quoted = FALSE;
  gboolean field_started = FALSE;
  guint line = 1;
  guint quote_line = 0;
  const char *start;
  char delimiter = ',';

  csv->records = g_ptr_array_new_with_free_func (record_free);
  text = council_csv_decode (data, length, &encoding, error);
  if (text == NULL)
    return NULL;
  csv->encoding = g_strdup (encoding);

  start = skip_separator_line (text, &delimiter);
  if (start == NULL)
    {
      start = text;
      delimiter = guess_delimiter (text);
    }
  csv->delimiter = delimiter;

  for (const char *p = start; *p != '\0'; p++)
    {
      char c = *p;

      if (record == NULL)
        record = record_new (line);

      if (quoted)
        {
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\r' && p[1] == '\n')
                {
                  p++;
                  c = '\n';
                }
              if (c == '\n' || c == '\r')
                {
                  line++;
                  c = '\n';
                }
              g_string_append_c (field, c);
            }
          continue;
        }

      if (c == '"' && !field_started)
        {
          quoted = TRUE;
          field_started = TRUE;
          quote_line = line;
        }
      else if (c == delimiter)
        {
          g_ptr_array_add (record->fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          field_started = FALSE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && p[1] == '\n')
            p++;
          g_ptr_array_add (record->fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          field_started = FALSE;
          end_record (csv, &record);
          line++;
        }
      else
        {
          /* Text after a closing quote (`"a"b`) is kept, as spreadsheets do. */
          g_string_append_c (field, c);
          field_started = TRUE;
        }
    }

  if (quoted)
    {
      if (record != NULL)
        record_free (record);
      g_set_error (error, COUNCIL_CSV_ERROR, COUNCIL_CSV_ERROR_UNTERMINATED_QUOTE,
                   _("Line %u: a quoted field is never closed (a “\"” is missing)."), quote_line);
      return NULL;
    }
  if (record != NULL)
    {
      g_ptr_array_add (record->fields, g_strndup (field->str, field->len));
      end_record (csv, &record);
    }
  if (csv->records->len == 0)
    {
      g_set_error_literal (error, COUNCIL_CSV_ERROR, COUNCIL_CSV_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }
  return g_steal_pointer (&csv);
}
