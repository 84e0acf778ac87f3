/* council-document-render.c: PDF pages into cairo image surfaces.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-document"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include <string.h>

#include "council-document.h"
#include "council-document-render.h"
#include "council-pdf-extract.h"

/* Beyond this a page would not fit in a texture anyway (and cairo's limit is 32767). */
#define MAX_SURFACE_SIDE 16384

PopplerDocument *
council_poppler_document_new (GBytes *pdf, const char *password, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  PopplerDocument *doc;
  int fd;

  if (password == NULL || *password == '\0')
    return poppler_document_new_from_bytes (pdf, NULL, error);
  /* poppler-glib 22.12 retries a failed password (as UTF-8 after Latin-1) on
   * the stream the first attempt has already freed, and crashes; opening by
   * file name makes a fresh stream for each attempt. */
  fd = g_file_open_tmp ("council-pdf-XXXXXX.pdf", &path, error);
  if (fd < 0)
    return NULL;
  if (!g_file_set_contents_full (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf),
                                 G_FILE_SET_CONTENTS_NONE, 0600, error))
    {
      close (fd);
      g_unlink (path);
      return NULL;
    }
  close (fd);
  uri = g_filename_to_uri (path, NULL, error);
  doc = uri ? poppler_document_new_from_file (uri, password, error) : NULL;
  /* The document keeps the file open; the name is not needed any more. */
  g_unlink (path);
  return doc;
}

PopplerDocument *
council_document_render_open (GBytes *pdf, const char *password, GError **error)
{
  g_autoptr(GError) local = NULL;
  PopplerDocument *doc = council_poppler_document_new (pdf, password, &local);

  if (doc != NULL)
    return doc;
  if (g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR,
                         password && *password ? COUNCIL_DOCUMENT_ERROR_BAD_PASSWORD
                                               : COUNCIL_DOCUMENT_ERROR_ENCRYPTED,
                         password && *password ? _("The password is not right for this encrypted PDF.")
                                               : _("This PDF is encrypted; enter its password to import it."));
  else
    g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DAMAGED,
                         _("This file is damaged or is not a PDF."));
  return NULL;
}

/* poppler-glib 22.12 defines no g_autoptr cleanup for its types. */
static PopplerPage *
get_page (PopplerDocument *document, guint page_no)
{
  if (page_no < 1 || (int) page_no > poppler_document_get_n_pages (document))
    return NULL;
  return poppler_document_get_page (document, (int) page_no - 1);
}

gboolean
council_document_page_size (PopplerDocument *document, guint page_no, double *width, double *height)
{
  PopplerPage *page = get_page (document, page_no);

  if (page == NULL)
    return FALSE;
  poppler_page_get_size (page, width, height);
  g_object_unref (page);
  return TRUE;
}

cairo_surface_t *
council_document_render_page (PopplerDocument *document, guint page_no, double scale, GError **error)
{
  g_autoptr(GObject) page_ref = NULL;
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width = 0, height = 0;
  int w, h;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);
  page = get_page (document, page_no);
  page_ref = (GObject *) page;
  if (page == NULL)
    {
      g_set_error (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_FAILED,
                   _("The document has no page %u."), page_no);
      return NULL;
    }
  poppler_page_get_size (page, &width, &height);
  w = (int) ceil (width * scale);
  h = (int) ceil (height * scale);
  if (scale <= 0 || w < 1 || h < 1 || w > MAX_SURFACE_SIDE || h > MAX_SURFACE_SIDE)
    {
      g_set_error (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_FAILED,
                   _("Page %u cannot be drawn at this zoom."), page_no);
      return NULL;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_FAILED,
                   _("Not enough memory to draw page %u."), page_no);
      cairo_surface_destroy (surface);
      return NULL;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The next occurrence of @needle in @hay at or after @from, Latin letters folded. */
static const char *
find_folded (const char *hay, const char *from, const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = from; *p; p++)
    if (g_ascii_strncasecmp (p, needle, n) == 0)
      return p;
  return NULL;
}

/* Adds the box of one character, joining it to the previous box when both
 * are on the same line. */
static GList *
add_char_box (GList *boxes, const PopplerRectangle *c)
{
  PopplerRectangle *last = boxes ? boxes->data : NULL;

  if (last != NULL && fabs (last->y1 - c->y1) < 1.0 && fabs (last->y2 - c->y2) < 1.0 &&
      c->x1 >= last->x1 - 1.0)
    {
      last->x2 = MAX (last->x2, c->x2);
      return boxes;
    }
  last = poppler_rectangle_new ();
  *last = *c;
  return g_list_prepend (boxes, last);
}

GList *
council_document_find_on_page (PopplerDocument *document, guint page_no, const char *text)
{
  g_autoptr(GObject) page_ref = NULL;
  g_autoptr(GArray) sources = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *raw = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *needle = council_document_normalize_text (text);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  PopplerPage *page;
  GList *found = NULL;

  if (*needle == '\0' || (page = get_page (document, page_no)) == NULL)
    return NULL;
  page_ref = (GObject *) page;
  /* The same text and the same whitespace rules as the index, with the box
   * of every character, so that what search found is what is highlighted. */
  raw = poppler_page_get_text (page);
  if (raw == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
    return NULL;
  normal = council_document_normalize_text_mapped (raw, sources);
  for (const char *hit = find_folded (normal, normal, needle); hit != NULL;
       hit = find_folded (normal, hit + strlen (needle), needle))
    {
      glong first = g_utf8_pointer_to_offset (normal, hit);
      glong count = g_utf8_strlen (hit, (gssize) strlen (needle));
      GList *boxes = NULL;

      for (glong i = first; i < first + count && i < (glong) sources->len; i++)
        {
          guint source = g_array_index (sources, guint, i);
          if (source < n_rects && !g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (raw, source))))
            boxes = add_char_box (boxes, &rects[source]);
        }
      found = g_list_concat (found, g_list_reverse (boxes));
    }
  return found;
}

cairo_surface_t *
council_document_render_page_from_bytes (GBytes *pdf, guint page_no, double scale, GError **error)
{
  g_autoptr(GObject) doc = (GObject *) council_document_render_open (pdf, NULL, error);

  return doc ? council_document_render_page (POPPLER_DOCUMENT (doc), page_no, scale, error) : NULL;
}
