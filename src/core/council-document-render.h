/* council-document-render.h: drawing PDF pages for the viewer.
 *
 * A PopplerDocument is never used from two threads at once (DESIGN.md §6):
 * each rendering thread opens its own from the same GBytes (the bytes are
 * shared, read-only) and keeps it for as long as it renders pages.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <poppler.h>

G_BEGIN_DECLS

/* poppler_document_new_from_bytes() with the errors of the poppler domain,
 * safe with a password (see the .c file). */
PopplerDocument *council_poppler_document_new  (GBytes          *pdf,
                                                const char      *password,
                                                GError         **error);

/* Opens a PDF already in the library (council_store_get_document_pdf()).
 * Errors are COUNCIL_DOCUMENT_ERROR (ENCRYPTED, BAD_PASSWORD, DAMAGED). */
PopplerDocument *council_document_render_open  (GBytes          *pdf,
                                                const char      *password,
                                                GError         **error);

/* Size of page @page_no (1-based) in points (1/72 inch). */
gboolean         council_document_page_size    (PopplerDocument *document,
                                                guint            page_no,
                                                double          *width,
                                                double          *height);

/* Draws page @page_no (1-based) at @scale (1.0 = 72 dpi) on white into a new
 * CAIRO_FORMAT_ARGB32 image surface, ready for gdk_memory_texture_new().
 * Returns NULL and an error for a page that does not exist or a size that
 * cairo cannot allocate. */
cairo_surface_t *council_document_render_page  (PopplerDocument *document,
                                                guint            page_no,
                                                double           scale,
                                                GError         **error);

/* Every place @text is on page @page_no (1-based), as PopplerRectangle*s in
 * points with the origin at the top left (multiply by the zoom to draw):
 * one rectangle per line a hit covers, in reading order. Matching follows
 * the index (council_document_normalize_text()): Latin letters match
 * case-insensitively and a phrase broken across lines is found. Free with
 * g_list_free_full (list, (GDestroyNotify) poppler_rectangle_free). */
GList           *council_document_find_on_page (PopplerDocument *document,
                                                guint            page_no,
                                                const char      *text);

/* Convenience for one-off pages (thumbnails, tests): opens, draws, closes. */
cairo_surface_t *council_document_render_page_from_bytes (GBytes  *pdf,
                                                guint            page_no,
                                                double           scale,
                                                GError         **error);

G_END_DECLS
