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

#include "council-document.h"
#include "council-document-render.h"

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

cairo_surface_t *
council_document_render_page_from_bytes (GBytes *pdf, guint page_no, double scale, GError **error)
{
  g_autoptr(GObject) doc = (GObject *) council_document_render_open (pdf, NULL, error);

  return doc ? council_document_render_page (POPPLER_DOCUMENT (doc), page_no, scale, error) : NULL;
}
