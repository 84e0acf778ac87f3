/* council-pdf-viewer.h: the pages of one PDF, continuous, zoomable, searchable.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COUNCIL_TYPE_PDF_VIEWER (council_pdf_viewer_get_type ())
G_DECLARE_FINAL_TYPE (CouncilPdfViewer, council_pdf_viewer, COUNCIL, PDF_VIEWER, GtkWidget)

typedef enum
{
  COUNCIL_PDF_ZOOM_FIT_WIDTH,
  COUNCIL_PDF_ZOOM_FIT_PAGE,
  COUNCIL_PDF_ZOOM_FREE,
} CouncilPdfZoomMode;

GtkWidget *council_pdf_viewer_new          (void);
/* Shows @pdf (NULL empties the viewer). Errors are COUNCIL_DOCUMENT_ERROR:
 * ENCRYPTED / BAD_PASSWORD (ask and call again with the password, which is
 * kept in memory only) or DAMAGED. */
gboolean   council_pdf_viewer_load         (CouncilPdfViewer *self,
                                            GBytes           *pdf,
                                            const char       *password,
                                            GError          **error);
guint      council_pdf_viewer_get_n_pages  (CouncilPdfViewer *self);
/* The page at the top of the view, 1-based (0 when empty). */
guint      council_pdf_viewer_get_page     (CouncilPdfViewer *self);
void       council_pdf_viewer_go_to_page   (CouncilPdfViewer *self,
                                            guint             page_no);
/* Finds @text on every page, highlights each hit and goes to the first hit
 * on or after @from_page (1-based; 0: the current page). */
guint      council_pdf_viewer_find         (CouncilPdfViewer *self,
                                            const char       *text,
                                            guint             from_page);
double     council_pdf_viewer_get_zoom     (CouncilPdfViewer *self);
void       council_pdf_viewer_set_zoom_mode (CouncilPdfViewer  *self,
                                             CouncilPdfZoomMode mode);

/* For the tests and the benchmark. */
/* Pages that have a texture at the current zoom. */
gboolean   council_pdf_viewer_page_is_drawn (CouncilPdfViewer *self,
                                             guint             page_no);
/* The current find hit: its page (0 when none). */
guint      council_pdf_viewer_get_current_hit_page (CouncilPdfViewer *self);
guint      council_pdf_viewer_get_n_hits   (CouncilPdfViewer *self);
/* The text inside a rectangle of page @page_no, in points from the top left:
 * what a drag selection copies. */
char      *council_pdf_viewer_get_text_in_area (CouncilPdfViewer *self,
                                                guint             page_no,
                                                double            x,
                                                double            y,
                                                double            width,
                                                double            height);

G_END_DECLS
