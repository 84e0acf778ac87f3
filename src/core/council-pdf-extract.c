/* council-pdf-extract.c: poppler in a child process, and the frames it writes.
 *
 * The protocol is a sequence of frames "<tag> <length>\n<length bytes>\n":
 *   title, created, first-page, pages (the count), page (one per page, in
 *   order), then either "end" or "error" (payload "<code> <message>").
 * A stream without "end" or "error" is a crash and is reported as such.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-pdf"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <poppler.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "council-document.h"
#include "council-document-render.h"
#include "council-pdf-extract.h"

/* The title guess needs the top of page 1 only. */
#define FIRST_PAGE_MAX_BYTES 8192
/* A hostile file must not take the machine's memory with it. */
#define WORKER_MEMORY_LIMIT (G_GUINT64_CONSTANT (3) << 30)

void
council_pdf_extract_free (CouncilPdfExtract *extract)
{
  if (extract == NULL)
    return;
  g_free (extract->title);
  g_free (extract->creation_date);
  g_free (extract->first_page_raw);
  g_clear_pointer (&extract->pages, g_ptr_array_unref);
  g_free (extract);
}

static CouncilPdfExtract *
extract_new (void)
{
  CouncilPdfExtract *extract = g_new0 (CouncilPdfExtract, 1);

  extract->title = g_strdup ("");
  extract->creation_date = g_strdup ("");
  extract->first_page_raw = g_strdup ("");
  extract->pages = g_ptr_array_new_with_free_func (g_free);
  return extract;
}

/* ---- whitespace ---- */

static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x2E80 && c <= 0x9FFF) ||    /* radicals, CJK punctuation, kana, ideographs */
         (c >= 0xF900 && c <= 0xFAFF) ||    /* compatibility ideographs */
         (c >= 0xFE30 && c <= 0xFE4F) ||    /* compatibility forms (﹝﹞) */
         (c >= 0xFF00 && c <= 0xFFEF) ||    /* full-width forms */
         (c >= 0x20000 && c <= 0x3FFFF);    /* extension ideographs */
}

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

char *
council_document_normalize_text (const char *raw)
{
  return council_document_normalize_text_mapped (raw, NULL);
}

char *
council_document_normalize_text_mapped (const char *raw, GArray *sources)
{
  g_autofree char *valid = g_utf8_make_valid (raw ? raw : "", -1);
  GString *out = g_string_sized_new (strlen (valid));
  gboolean pending_space = FALSE, pending_break = FALSE;
  gunichar prev = 0;
  guint index = 0, space_index = 0;

  for (const char *p = valid; *p; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || is_line_break (c))
        {
          if (!pending_space)
            space_index = index;
          pending_space = TRUE;
          pending_break |= is_line_break (c);
          continue;
        }
      if (g_unichar_iscntrl (c) || c == 0xFEFF || c == 0x200B)
        continue;
      /* A line break in Chinese text is layout, not a word boundary; between
       * Latin words it is a space. */
      if (pending_space && out->len > 0 && !(pending_break && (is_cjk (prev) || is_cjk (c))))
        {
          g_string_append_c (out, ' ');
          if (sources)
            g_array_append_val (sources, space_index);
        }
      pending_space = pending_break = FALSE;
      g_string_append_unichar (out, c);
      if (sources)
        g_array_append_val (sources, index);
      prev = c;
    }
  return g_string_free (out, FALSE);
}

/* ---- poppler ---- */

static gboolean
set_poppler_error (GError *poppler_error, const char *password, GError **error)
{
  if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (password != NULL && *password != '\0')
        g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_BAD_PASSWORD,
                             _("The password is not right for this encrypted PDF."));
      else
        g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_ENCRYPTED,
                             _("This PDF is encrypted; enter its password to import it."));
    }
  else if (poppler_error != NULL && poppler_error->domain == POPPLER_ERROR &&
           poppler_error->code != POPPLER_ERROR_OPEN_FILE)
    /* DAMAGED, INVALID, BAD_CATALOG and the rest: what a person can do is the same. */
    g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DAMAGED,
                         _("This file is damaged or is not a PDF."));
  else
    g_set_error (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_FAILED,
                 _("The PDF could not be read: %s"),
                 poppler_error ? poppler_error->message : _("unknown error"));
  return FALSE;
}

static char *
creation_date_of (PopplerDocument *doc)
{
  g_autoptr(GDateTime) created = poppler_document_get_creation_date_time (doc);
  return created ? g_date_time_format (created, "%Y-%m-%d") : g_strdup ("");
}

/* @meta is filled before the first call (n_pages set); first_page_raw before the second. */
typedef gboolean (*PageSink) (CouncilPdfExtract *meta, guint n_pages, guint page_no,
                              const char *normalised, gpointer data);

/* Calls @sink for each page; the one loop both the child and the in-process
 * reader use. */
static gboolean
read_document (GBytes *pdf, const char *password, CouncilPdfExtract *meta,
               PageSink sink, gpointer data, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GObject) doc_ref = NULL;
  PopplerDocument *doc;
  g_autofree char *title = NULL;
  int n_pages;

  if (g_bytes_get_size (pdf) == 0)
    {
      g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_EMPTY,
                           _("The file is empty (0 bytes)."));
      return FALSE;
    }
  doc = council_poppler_document_new (pdf, password, &local);
  if (doc == NULL)
    return set_poppler_error (local, password, error);
  doc_ref = (GObject *) doc;
  n_pages = poppler_document_get_n_pages (doc);
  if (n_pages <= 0)
    {
      g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DAMAGED,
                           _("This file is damaged or is not a PDF."));
      return FALSE;
    }
  title = poppler_document_get_title (doc);
  g_free (meta->title);
  meta->title = council_document_normalize_text (title);
  g_free (meta->creation_date);
  meta->creation_date = creation_date_of (doc);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(GObject) page = (GObject *) poppler_document_get_page (doc, i);
      g_autofree char *raw = page ? poppler_page_get_text (POPPLER_PAGE (page)) : NULL;
      g_autofree char *text = council_document_normalize_text (raw);

      if (i == 0 && raw != NULL)
        {
          g_free (meta->first_page_raw);
          meta->first_page_raw = g_utf8_make_valid (raw, MIN (strlen (raw), FIRST_PAGE_MAX_BYTES));
        }
      if (!sink (meta, (guint) n_pages, (guint) i + 1, text, data))
        break;
    }
  return TRUE;
}

static gboolean
collect_page (CouncilPdfExtract *meta, guint n_pages, guint page_no, const char *text, gpointer data)
{
  g_ptr_array_add (((CouncilPdfExtract *) data)->pages, g_strdup (text));
  return TRUE;
}

CouncilPdfExtract *
council_pdf_extract_bytes (GBytes *pdf, const char *password, GError **error)
{
  g_autoptr(CouncilPdfExtract) extract = extract_new ();

  if (!read_document (pdf, password, extract, collect_page, extract, error))
    return NULL;
  return g_steal_pointer (&extract);
}

/* ---- the child ---- */

static void
write_frame (const char *tag, const char *data, gsize len)
{
  fprintf (stdout, "%s %" G_GSIZE_FORMAT "\n", tag, len);
  fwrite (data, 1, len, stdout);
  fputc ('\n', stdout);
}

static void
write_text_frame (const char *tag, const char *text)
{
  write_frame (tag, text, strlen (text));
}

static gboolean
write_page (CouncilPdfExtract *meta, guint n_pages, guint page_no, const char *text, gpointer data)
{
  if (page_no == 1)
    {
      g_autofree char *count = g_strdup_printf ("%u", n_pages);

      write_text_frame ("title", meta->title);
      write_text_frame ("created", meta->creation_date);
      write_text_frame ("pages", count);
    }
  write_text_frame ("page", text);
  if (page_no == 1)
    write_text_frame ("first-page", meta->first_page_raw);
  return !ferror (stdout);
}

/* Reads "<tag> <length>\n<length bytes>\n"; FALSE at a clean end of input
 * (*eof set) or on a malformed frame. */
static gboolean
read_request_frame (FILE *in, const char *tag, guint64 max_len, guint8 **data, gsize *len, gboolean *eof)
{
  char line[64];
  g_autofree char *prefix = g_strconcat (tag, " ", NULL);
  guint64 n;
  char *end = NULL;

  *eof = FALSE;
  if (fgets (line, sizeof line, in) == NULL)
    {
      *eof = feof (in) != 0;
      return FALSE;
    }
  if (!g_str_has_prefix (line, prefix))
    return FALSE;
  n = g_ascii_strtoull (line + strlen (prefix), &end, 10);
  if (end == NULL || *end != '\n' || n > max_len)
    return FALSE;
  *data = g_malloc (n + 1);
  if (fread (*data, 1, n, in) != n || fgetc (in) != '\n')
    {
      g_clear_pointer (data, g_free);
      return FALSE;
    }
  (*data)[n] = '\0';
  *len = (gsize) n;
  return TRUE;
}

static void
limit_memory (void)
{
  struct rlimit limit;

#if defined(__SANITIZE_ADDRESS__)
  /* AddressSanitizer reserves terabytes of address space for its shadow
   * memory; an address-space limit would stop the reader before it starts. */
  return;
#endif
  if (getrlimit (RLIMIT_AS, &limit) == 0 &&
      (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > WORKER_MEMORY_LIMIT))
    {
      limit.rlim_cur = WORKER_MEMORY_LIMIT;
      setrlimit (RLIMIT_AS, &limit);
    }
}

static const char *
error_code_name (GError *error)
{
  if (error->domain == COUNCIL_DOCUMENT_ERROR)
    switch (error->code)
      {
      case COUNCIL_DOCUMENT_ERROR_ENCRYPTED: return "encrypted";
      case COUNCIL_DOCUMENT_ERROR_BAD_PASSWORD: return "bad-password";
      case COUNCIL_DOCUMENT_ERROR_DAMAGED: return "damaged";
      case COUNCIL_DOCUMENT_ERROR_EMPTY: return "empty";
      default: break;
      }
  return "failed";
}

static int
answer_request (GBytes *pdf, const char *password)
{
  g_autoptr(CouncilPdfExtract) meta = extract_new ();
  g_autoptr(GError) error = NULL;

  if (!read_document (pdf, password, meta, write_page, NULL, &error))
    {
      g_autofree char *payload = g_strdup_printf ("%s %s", error_code_name (error), error->message);
      write_text_frame ("error", payload);
      return fflush (stdout) == 0 ? 1 : 2;
    }
  write_frame ("end", "", 0);
  return fflush (stdout) == 0 ? 0 : 2;
}

int
council_pdf_worker_main (const char *path)
{
  static char buffer[1 << 16];

  limit_memory ();
  setvbuf (stdout, buffer, _IOFBF, sizeof buffer);

  /* By hand: "council-desk --pdf-worker FILE", the password (if any) in
   * $COUNCIL_DESK_PDF_PASSWORD, never on the command line. */
  if (path != NULL && g_strcmp0 (path, "-") != 0)
    {
      g_autoptr(GError) error = NULL;
      char *contents = NULL;
      gsize len = 0;
      g_autoptr(GBytes) pdf = NULL;

      if (!g_file_get_contents (path, &contents, &len, &error))
        {
          g_autofree char *payload = g_strdup_printf ("failed %s", error->message);
          write_text_frame ("error", payload);
          fflush (stdout);
          return 1;
        }
      pdf = g_bytes_new_take (contents, len);
      return answer_request (pdf, g_getenv ("COUNCIL_DESK_PDF_PASSWORD"));
    }

  /* From the parent: one request after another on stdin, each answered in
   * full before the next is read, until stdin closes. */
  for (;;)
    {
      guint8 *password = NULL, *data = NULL;
      gsize password_len = 0, len = 0;
      gboolean eof = FALSE;
      g_autoptr(GBytes) pdf = NULL;

      if (!read_request_frame (stdin, "password", 4096, &password, &password_len, &eof))
        {
          if (eof)
            return 0;
          write_text_frame ("error", "failed malformed request");
          fflush (stdout);
          return 2;
        }
      if (!read_request_frame (stdin, "pdf", G_MAXUINT32, &data, &len, &eof))
        {
          g_free (password);
          write_text_frame ("error", "failed malformed request");
          fflush (stdout);
          return 2;
        }
      pdf = g_bytes_new_take (data, len);
      if (answer_request (pdf, (const char *) password) == 2)
        {
          g_free (password);
          return 2;
        }
      g_free (password);
    }
}

GBytes *
council_pdf_worker_request (const char *password, GBytes *pdf)
{
  GByteArray *buf = g_byte_array_new ();
  gsize pdf_len = pdf ? g_bytes_get_size (pdf) : 0;
  g_autofree char *header = g_strdup_printf ("password %" G_GSIZE_FORMAT "\n", password ? strlen (password) : 0);
  g_autofree char *pdf_header = g_strdup_printf ("pdf %" G_GSIZE_FORMAT "\n", pdf_len);

  g_byte_array_append (buf, (const guint8 *) header, (guint) strlen (header));
  if (password)
    g_byte_array_append (buf, (const guint8 *) password, (guint) strlen (password));
  g_byte_array_append (buf, (const guint8 *) "\n", 1);
  g_byte_array_append (buf, (const guint8 *) pdf_header, (guint) strlen (pdf_header));
  if (pdf_len > 0)
    g_byte_array_append (buf, g_bytes_get_data (pdf, NULL), (guint) pdf_len);
  g_byte_array_append (buf, (const guint8 *) "\n", 1);
  return g_byte_array_free_to_bytes (buf);
}

/* ---- the parent ---- */

static gboolean
worker_error (const char *payload, gsize len, const char *password, GError **error)
{
  g_autofree char *text = g_utf8_make_valid (payload, (gssize) len);
  const char *space = strchr (text, ' ');
  g_autofree char *code = g_strndup (text, space ? (gsize) (space - text) : strlen (text));
  const char *message = space ? space + 1 : "";

  if (g_str_equal (code, "encrypted"))
    g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR,
                         password && *password ? COUNCIL_DOCUMENT_ERROR_BAD_PASSWORD
                                               : COUNCIL_DOCUMENT_ERROR_ENCRYPTED,
                         password && *password ? _("The password is not right for this encrypted PDF.")
                                               : _("This PDF is encrypted; enter its password to import it."));
  else if (g_str_equal (code, "bad-password"))
    g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_BAD_PASSWORD,
                         _("The password is not right for this encrypted PDF."));
  else if (g_str_equal (code, "damaged"))
    g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DAMAGED,
                         _("This file is damaged or is not a PDF."));
  else if (g_str_equal (code, "empty"))
    g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_EMPTY,
                         _("The file is empty (0 bytes)."));
  else
    g_set_error (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_FAILED,
                 _("The PDF could not be read: %s"), message);
  return FALSE;
}

gssize
council_pdf_extract_response_length (const guint8 *data, gsize size)
{
  gsize pos = 0;

  while (pos < size)
    {
      const char *line = (const char *) data + pos;
      const char *nl = memchr (line, '\n', MIN (size - pos, 64));
      const char *space;
      guint64 len;
      char *end = NULL;
      gsize tag_len;

      if (nl == NULL)
        return size - pos >= 64 ? -2 : -1;
      space = memchr (line, ' ', (gsize) (nl - line));
      if (space == NULL)
        return -2;
      tag_len = (gsize) (space - line);
      len = g_ascii_strtoull (space + 1, &end, 10);
      if (end != nl)
        return -2;
      if (len > size - pos - (gsize) (nl + 1 - line) || size - pos - (gsize) (nl + 1 - line) - len < 1)
        return -1;
      pos += (gsize) (nl + 1 - line) + len + 1;
      if ((tag_len == 3 && memcmp (line, "end", 3) == 0) || (tag_len == 5 && memcmp (line, "error", 5) == 0))
        return (gssize) pos;
    }
  return -1;
}

static char *
frame_text (const char *data, gsize len)
{
  return g_utf8_make_valid (data, (gssize) len);
}

CouncilPdfExtract *
council_pdf_extract_parse (GBytes *output, const char *password, GError **error)
{
  g_autoptr(CouncilPdfExtract) extract = extract_new ();
  gsize size = 0;
  const char *data = output ? g_bytes_get_data (output, &size) : NULL;
  gsize pos = 0;
  gint64 expected_pages = -1;

  while (data != NULL && pos < size)
    {
      const char *line = data + pos;
      const char *nl = memchr (line, '\n', MIN (size - pos, 64));
      const char *space = nl ? memchr (line, ' ', (gsize) (nl - line)) : NULL;
      g_autofree char *tag = NULL;
      guint64 len;
      char *end = NULL;
      const char *payload;

      if (space == NULL)
        break;
      tag = g_strndup (line, (gsize) (space - line));
      len = g_ascii_strtoull (space + 1, &end, 10);
      if (end != nl || len > size - pos - (gsize) (nl + 1 - line) - 1)
        break;
      payload = nl + 1;
      pos += (gsize) (nl + 1 - line) + len + 1;

      if (g_str_equal (tag, "error"))
        return worker_error (payload, len, password, error), NULL;
      else if (g_str_equal (tag, "title"))
        g_free (extract->title), extract->title = frame_text (payload, len);
      else if (g_str_equal (tag, "created"))
        g_free (extract->creation_date), extract->creation_date = frame_text (payload, len);
      else if (g_str_equal (tag, "first-page"))
        g_free (extract->first_page_raw), extract->first_page_raw = frame_text (payload, len);
      else if (g_str_equal (tag, "pages"))
        {
          g_autofree char *count = frame_text (payload, len);
          expected_pages = g_ascii_strtoll (count, NULL, 10);
        }
      else if (g_str_equal (tag, "page"))
        g_ptr_array_add (extract->pages, frame_text (payload, len));
      else if (g_str_equal (tag, "end"))
        {
          if (expected_pages != (gint64) extract->pages->len || expected_pages <= 0)
            break;
          return g_steal_pointer (&extract);
        }
    }
  g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DAMAGED,
                       _("The PDF reader stopped before the end of the file; the file is probably damaged."));
  return NULL;
}
