/* council-pdf-viewer.c: pages drawn by poppler in worker threads, shown as textures.
 *
 * Each worker thread keeps its own PopplerDocument (DESIGN.md §6: one is never
 * used from two threads); the main thread has one more for page sizes, find,
 * text selection and printing. Only the pages near the visible area are drawn,
 * and textures far from it are dropped.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-pdf-viewer"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "core/council-document-render.h"
#include "council-pdf-viewer.h"
#include "council-window.h"

#define PAGE_SPACING 12
#define PAGE_MARGIN  12
#define ZOOM_MIN 0.25
#define ZOOM_MAX 4.0
#define ZOOM_STEP 1.2

/* ---- one PopplerDocument per worker thread ---- */

typedef struct
{
  guint64 serial;
  PopplerDocument *document;
} ThreadDocument;

static void
thread_document_free (gpointer data)
{
  ThreadDocument *td = data;

  g_clear_object (&td->document);
  g_free (td);
}

static GPrivate thread_document = G_PRIVATE_INIT (thread_document_free);

/* The thread's document for viewer load @serial; opened on first use. */
static PopplerDocument *
thread_document_get (guint64 serial, GBytes *pdf, const char *password, GError **error)
{
  ThreadDocument *td = g_private_get (&thread_document);

  if (td != NULL && td->serial == serial && td->document != NULL)
    return td->document;
  if (td == NULL)
    {
      td = g_new0 (ThreadDocument, 1);
      g_private_set (&thread_document, td);
    }
  g_clear_object (&td->document);
  td->document = council_document_render_open (pdf, password, error);
  td->serial = td->document != NULL ? serial : 0;
  return td->document;
}

typedef struct
{
  guint64 serial;
  GBytes *pdf;
  char *password;
  guint page_no;
  double zoom;       /* the zoom asked for */
  double scale;      /* zoom × the screen's scale factor */
} RenderJob;

static void
render_job_free (gpointer data)
{
  RenderJob *job = data;

  g_bytes_unref (job->pdf);
  g_free (job->password);
  g_free (job);
}

static void
render_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RenderJob *job = task_data;
  GError *error = NULL;
  PopplerDocument *document;
  cairo_surface_t *surface;
  GBytes *bytes;
  GdkTexture *texture;

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return;
    }
  document = thread_document_get (job->serial, job->pdf, job->password, &error);
  surface = document ? council_document_render_page (document, job->page_no, job->scale, &error) : NULL;
  if (surface == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  cairo_surface_flush (surface);
  /* The texture keeps the surface's pixels: no copy. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) *
                                      cairo_image_surface_get_height (surface),
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                    cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  g_bytes_unref (bytes);
  g_task_return_pointer (task, texture, g_object_unref);
}

/* ---- one page on screen ---- */

#define COUNCIL_TYPE_PDF_PAGE (council_pdf_page_get_type ())
G_DECLARE_FINAL_TYPE (CouncilPdfPage, council_pdf_page, COUNCIL, PDF_PAGE, GtkWidget)

struct _CouncilPdfPage
{
  GtkWidget parent_instance;

  CouncilPdfViewer *viewer;     /* not a reference: the viewer owns the page */
  guint page_no;
  double width_pt, height_pt;
  GdkTexture *texture;
  double texture_zoom;
  double pending_zoom;          /* a render at this zoom is under way; 0: none */
  GPtrArray *hits;              /* PopplerRectangle*, points, top-left origin */
  int current_hit;              /* index in hits, or -1 */
  gboolean has_selection;
  graphene_rect_t selection;    /* points */
  double drag_x, drag_y;        /* where the drag began, points */
};

G_DEFINE_FINAL_TYPE (CouncilPdfPage, council_pdf_page, GTK_TYPE_WIDGET)

struct _CouncilPdfViewer
{
  GtkWidget parent_instance;

  GBytes *pdf;
  char *password;
  PopplerDocument *document;     /* the main thread's */
  guint64 serial;
  GCancellable *cancellable;
  GPtrArray *pages;              /* CouncilPdfPage*, owned by pages_box */
  double zoom;
  CouncilPdfZoomMode zoom_mode;
  double pending_y;              /* scroll here once the layout allows; <0: none */
  guint visible_idle_id;
  guint zoom_idle_id;
  GArray *hit_index;             /* HitRef, every hit of the find in order */
  int current_hit;
  char *selected_text;
  char *find_text;               /* what the hits are of */

  GtkWidget *toolbar;
  GtkWidget *page_entry;
  GtkWidget *of_label;
  GtkWidget *zoom_label;
  GtkWidget *fit_width_button;
  GtkWidget *fit_page_button;
  GtkWidget *find_entry;
  GtkWidget *hits_label;
  GtkWidget *scrolled;
  GtkWidget *pages_box;
};

typedef struct
{
  guint page_no;
  guint index;
} HitRef;

G_DEFINE_FINAL_TYPE (CouncilPdfViewer, council_pdf_viewer, GTK_TYPE_WIDGET)

static void request_visible_pages (CouncilPdfViewer *self);

static void
council_pdf_page_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                          int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  CouncilPdfPage *page = COUNCIL_PDF_PAGE (widget);
  double zoom = page->viewer ? page->viewer->zoom : 1.0;
  double pt = orientation == GTK_ORIENTATION_HORIZONTAL ? page->width_pt : page->height_pt;

  *minimum = *natural = MAX (1, (int) (pt * zoom + 0.5));
}

static void
append_rect (GtkSnapshot *snapshot, double zoom, double x, double y, double w, double h,
             float r, float g, float b, float a)
{
  GdkRGBA color = { r, g, b, a };
  graphene_rect_t rect = GRAPHENE_RECT_INIT (x * zoom, y * zoom, w * zoom, h * zoom);

  gtk_snapshot_append_color (snapshot, &color, &rect);
}

static void
council_pdf_page_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CouncilPdfPage *page = COUNCIL_PDF_PAGE (widget);
  double zoom = page->viewer ? page->viewer->zoom : 1.0;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  GdkRGBA white = { 1, 1, 1, 1 };

  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (0, 0, w, h));
  /* A texture of another zoom is stretched until the new one arrives. */
  if (page->texture != NULL)
    gtk_snapshot_append_texture (snapshot, page->texture, &GRAPHENE_RECT_INIT (0, 0, w, h));
  for (guint i = 0; page->hits != NULL && i < page->hits->len; i++)
    {
      PopplerRectangle *r = g_ptr_array_index (page->hits, i);
      gboolean current = (int) i == page->current_hit;

      append_rect (snapshot, zoom, r->x1, r->y1, r->x2 - r->x1, r->y2 - r->y1,
                   1.0f, current ? 0.45f : 0.85f, 0.0f, current ? 0.55f : 0.35f);
    }
  if (page->has_selection)
    append_rect (snapshot, zoom, page->selection.origin.x, page->selection.origin.y,
                 page->selection.size.width, page->selection.size.height, 0.2f, 0.45f, 1.0f, 0.3f);
}

static void
on_page_drag_begin_cb (GtkGestureDrag *gesture, double x, double y, CouncilPdfPage *page)
{
  double zoom = page->viewer->zoom;

  page->drag_x = x / zoom;
  page->drag_y = y / zoom;
  page->has_selection = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (page));
}

static void
on_page_drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, CouncilPdfPage *page)
{
  double zoom = page->viewer->zoom;
  double x1 = page->drag_x, y1 = page->drag_y;
  double x2 = CLAMP (x1 + dx / zoom, 0, page->width_pt), y2 = CLAMP (y1 + dy / zoom, 0, page->height_pt);

  graphene_rect_init (&page->selection, MIN (x1, x2), MIN (y1, y2), ABS (x2 - x1), ABS (y2 - y1));
  page->has_selection = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (page));
}

static void council_pdf_viewer_copy_selection (CouncilPdfViewer *self, CouncilPdfPage *page);

static void
on_page_drag_end_cb (GtkGestureDrag *gesture, double dx, double dy, CouncilPdfPage *page)
{
  /* A click is not a selection. */
  if (!page->has_selection || page->selection.size.width < 2 || page->selection.size.height < 2)
    {
      page->has_selection = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (page));
      return;
    }
  council_pdf_viewer_copy_selection (page->viewer, page);
}

static void
council_pdf_page_finalize (GObject *object)
{
  CouncilPdfPage *page = COUNCIL_PDF_PAGE (object);

  g_clear_object (&page->texture);
  g_clear_pointer (&page->hits, g_ptr_array_unref);
  G_OBJECT_CLASS (council_pdf_page_parent_class)->finalize (object);
}

static void
council_pdf_page_class_init (CouncilPdfPageClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = council_pdf_page_measure;
  GTK_WIDGET_CLASS (klass)->snapshot = council_pdf_page_snapshot;
  G_OBJECT_CLASS (klass)->finalize = council_pdf_page_finalize;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "pdfpage");
}

static void
council_pdf_page_init (CouncilPdfPage *page)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  page->current_hit = -1;
  gtk_widget_set_halign (GTK_WIDGET (page), GTK_ALIGN_CENTER);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (page), "crosshair");
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_page_drag_begin_cb), page);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_page_drag_update_cb), page);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_page_drag_end_cb), page);
  gtk_widget_add_controller (GTK_WIDGET (page), GTK_EVENT_CONTROLLER (drag));
}

/* ---- geometry ---- */

static CouncilPdfPage *
get_page (CouncilPdfViewer *self, guint page_no)
{
  if (self->pages == NULL || page_no < 1 || page_no > self->pages->len)
    return NULL;
  return g_ptr_array_index (self->pages, page_no - 1);
}

/* Where page @page_no starts inside the scrolled box, in pixels: the layout is
 * a plain column, so this needs no allocation (and works right after a zoom). */
static double
page_top (CouncilPdfViewer *self, guint page_no)
{
  double y = PAGE_MARGIN;

  for (guint i = 1; i < page_no && i <= self->pages->len; i++)
    y += (int) (get_page (self, i)->height_pt * self->zoom + 0.5) + PAGE_SPACING;
  return y;
}

static GtkAdjustment *
vadjustment (CouncilPdfViewer *self)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
}

static void
apply_pending_scroll (CouncilPdfViewer *self)
{
  GtkAdjustment *adj = vadjustment (self);
  double target, max;

  if (self->pending_y < 0)
    return;
  max = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
  target = MIN (self->pending_y, MAX (0, max));
  gtk_adjustment_set_value (adj, target);
  /* Reached, or the layout is already as tall as it will get. */
  if (target >= self->pending_y - 0.5 && gtk_adjustment_get_upper (adj) >= page_top (self, self->pages->len + 1) - 1)
    self->pending_y = -1;
  else if (gtk_adjustment_get_upper (adj) >= page_top (self, self->pages->len + 1) - 1)
    self->pending_y = -1;
}

static void
scroll_to (CouncilPdfViewer *self, double y)
{
  self->pending_y = MAX (0, y);
  apply_pending_scroll (self);
  request_visible_pages (self);
}

guint
council_pdf_viewer_get_page (CouncilPdfViewer *self)
{
  double y;

  g_return_val_if_fail (COUNCIL_IS_PDF_VIEWER (self), 0);
  if (self->pages == NULL || self->pages->len == 0)
    return 0;
  y = self->pending_y >= 0 ? self->pending_y : gtk_adjustment_get_value (vadjustment (self));
  /* The page that fills the upper part of the view. */
  y += MIN (gtk_adjustment_get_page_size (vadjustment (self)) / 3, 100);
  for (guint i = 1; i <= self->pages->len; i++)
    if (page_top (self, i + 1) > y)
      return i;
  return self->pages->len;
}

static void
update_page_entry (CouncilPdfViewer *self)
{
  g_autofree char *text = g_strdup_printf ("%u", council_pdf_viewer_get_page (self));

  if (!gtk_widget_has_focus (self->page_entry) &&
      !gtk_widget_is_focus (gtk_widget_get_first_child (self->page_entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->page_entry), self->pages && self->pages->len ? text : "");
}

/* ---- rendering ---- */

static void
on_render_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CouncilPdfViewer *self = COUNCIL_PDF_VIEWER (source);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);
  CouncilPdfPage *page;

  if (job->serial != self->serial || (page = get_page (self, job->page_no)) == NULL)
    return;
  if (page->pending_zoom == job->zoom)
    page->pending_zoom = 0;
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Page %u could not be drawn: %s", job->page_no, error->message);
      return;
    }
  g_set_object (&page->texture, texture);
  page->texture_zoom = job->zoom;
  gtk_widget_queue_draw (GTK_WIDGET (page));
  if (job->zoom != self->zoom)
    request_visible_pages (self);
}

static void
render_page (CouncilPdfViewer *self, CouncilPdfPage *page)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;

  if ((page->texture != NULL && page->texture_zoom == self->zoom) || page->pending_zoom == self->zoom)
    return;
  job = g_new0 (RenderJob, 1);
  job->serial = self->serial;
  job->pdf = g_bytes_ref (self->pdf);
  job->password = g_strdup (self->password);
  job->page_no = page->page_no;
  job->zoom = self->zoom;
  job->scale = self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  page->pending_zoom = self->zoom;
  task = g_task_new (self, self->cancellable, on_render_done_cb, NULL);
  g_task_set_task_data (task, job, render_job_free);
  g_task_set_priority (task, G_PRIORITY_DEFAULT);
  g_task_run_in_thread (task, render_thread);
}

static gboolean
visible_idle_cb (gpointer user_data)
{
  CouncilPdfViewer *self = user_data;
  GtkAdjustment *adj = vadjustment (self);
  double top, bottom, screen;

  self->visible_idle_id = 0;
  if (self->pages == NULL || self->pages->len == 0)
    return G_SOURCE_REMOVE;
  screen = MAX (gtk_adjustment_get_page_size (adj), 400);
  top = self->pending_y >= 0 ? self->pending_y : gtk_adjustment_get_value (adj);
  bottom = top + screen;
  for (guint i = 1; i <= self->pages->len; i++)
    {
      CouncilPdfPage *page = get_page (self, i);
      double y1 = page_top (self, i), y2 = y1 + page->height_pt * self->zoom;

      /* The visible pages and half a screen around them are drawn; textures
       * three screens away are let go. */
      if (y2 >= top - screen / 2 && y1 <= bottom + screen / 2)
        render_page (self, page);
      else if (page->texture != NULL && (y2 < top - 3 * screen || y1 > bottom + 3 * screen))
        g_clear_object (&page->texture);
    }
  update_page_entry (self);
  return G_SOURCE_REMOVE;
}

static void
request_visible_pages (CouncilPdfViewer *self)
{
  if (self->visible_idle_id == 0)
    self->visible_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, visible_idle_cb, self, NULL);
}

/* ---- zoom ---- */

static void
update_zoom_label (CouncilPdfViewer *self)
{
  g_autofree char *text = g_strdup_printf ("%d %%", (int) (self->zoom * 100 + 0.5));

  gtk_label_set_text (GTK_LABEL (self->zoom_label), text);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->fit_width_button),
                                self->zoom_mode == COUNCIL_PDF_ZOOM_FIT_WIDTH);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->fit_page_button),
                                self->zoom_mode == COUNCIL_PDF_ZOOM_FIT_PAGE);
}

static void
set_zoom (CouncilPdfViewer *self, double zoom)
{
  guint page_no = council_pdf_viewer_get_page (self);
  double old_top = page_no ? page_top (self, page_no) : 0;
  double offset = page_no ? gtk_adjustment_get_value (vadjustment (self)) - old_top : 0;
  double old_zoom = self->zoom;

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (ABS (zoom - self->zoom) < 0.001)
    {
      update_zoom_label (self);
      return;
    }
  self->zoom = zoom;
  for (guint i = 0; self->pages != NULL && i < self->pages->len; i++)
    gtk_widget_queue_resize (g_ptr_array_index (self->pages, i));
  update_zoom_label (self);
  /* The same place of the same page stays at the top. */
  if (page_no > 0)
    scroll_to (self, page_top (self, page_no) + offset * zoom / old_zoom);
  request_visible_pages (self);
}

/* The zoom that fits the widest page (or the tallest whole page) into the view. */
static double
fitting_zoom (CouncilPdfViewer *self, CouncilPdfZoomMode mode)
{
  double width = gtk_widget_get_width (self->scrolled) - 2 * PAGE_MARGIN - 16;
  double height = gtk_widget_get_height (self->scrolled) - 2 * PAGE_MARGIN;
  double max_w = 1, max_h = 1;

  for (guint i = 1; self->pages != NULL && i <= self->pages->len; i++)
    {
      max_w = MAX (max_w, get_page (self, i)->width_pt);
      max_h = MAX (max_h, get_page (self, i)->height_pt);
    }
  if (width <= 0 || height <= 0)
    return self->zoom;
  if (mode == COUNCIL_PDF_ZOOM_FIT_PAGE)
    return MIN (width / max_w, height / max_h);
  return width / max_w;
}

static gboolean
zoom_idle_cb (gpointer user_data)
{
  CouncilPdfViewer *self = user_data;

  self->zoom_idle_id = 0;
  if (self->zoom_mode != COUNCIL_PDF_ZOOM_FREE)
    set_zoom (self, fitting_zoom (self, self->zoom_mode));
  return G_SOURCE_REMOVE;
}

static void
on_hadjustment_changed_cb (GtkAdjustment *adj, CouncilPdfViewer *self)
{
  /* The view's width changed: a fitting zoom follows it (after this layout). */
  if (self->zoom_mode != COUNCIL_PDF_ZOOM_FREE && self->zoom_idle_id == 0)
    self->zoom_idle_id = g_idle_add (zoom_idle_cb, self);
}

void
council_pdf_viewer_set_zoom_mode (CouncilPdfViewer *self, CouncilPdfZoomMode mode)
{
  g_return_if_fail (COUNCIL_IS_PDF_VIEWER (self));
  self->zoom_mode = mode;
  if (mode != COUNCIL_PDF_ZOOM_FREE)
    set_zoom (self, fitting_zoom (self, mode));
  update_zoom_label (self);
}

double
council_pdf_viewer_get_zoom (CouncilPdfViewer *self)
{
  return self->zoom;
}

static void
zoom_in_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CouncilPdfViewer *self = COUNCIL_PDF_VIEWER (widget);

  self->zoom_mode = COUNCIL_PDF_ZOOM_FREE;
  set_zoom (self, self->zoom * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CouncilPdfViewer *self = COUNCIL_PDF_VIEWER (widget);

  self->zoom_mode = COUNCIL_PDF_ZOOM_FREE;
  set_zoom (self, self->zoom / ZOOM_STEP);
}

static void
on_fit_toggled_cb (GtkToggleButton *button, CouncilPdfViewer *self)
{
  CouncilPdfZoomMode mode = GTK_WIDGET (button) == self->fit_width_button
                            ? COUNCIL_PDF_ZOOM_FIT_WIDTH : COUNCIL_PDF_ZOOM_FIT_PAGE;

  if (gtk_toggle_button_get_active (button) && self->zoom_mode != mode)
    council_pdf_viewer_set_zoom_mode (self, mode);
  else if (!gtk_toggle_button_get_active (button) && self->zoom_mode == mode)
    update_zoom_label (self);  /* stays pressed: leave it by zooming */
}

/* ---- pages ---- */

void
council_pdf_viewer_go_to_page (CouncilPdfViewer *self, guint page_no)
{
  g_return_if_fail (COUNCIL_IS_PDF_VIEWER (self));
  if (self->pages == NULL || self->pages->len == 0)
    return;
  page_no = CLAMP (page_no, 1, self->pages->len);
  scroll_to (self, page_top (self, page_no) - PAGE_SPACING / 2);
  update_page_entry (self);
}

static void
on_page_entry_activate_cb (GtkEntry *entry, CouncilPdfViewer *self)
{
  guint64 page_no = g_ascii_strtoull (gtk_editable_get_text (GTK_EDITABLE (entry)), NULL, 10);

  if (page_no >= 1 && self->pages != NULL && page_no <= self->pages->len)
    council_pdf_viewer_go_to_page (self, (guint) page_no);
  else
    gtk_widget_error_bell (GTK_WIDGET (entry));
  gtk_widget_grab_focus (self->scrolled);
  update_page_entry (self);
}

static void
on_vadjustment_value_changed_cb (GtkAdjustment *adj, CouncilPdfViewer *self)
{
  request_visible_pages (self);
}

static void
on_vadjustment_changed_cb (GtkAdjustment *adj, CouncilPdfViewer *self)
{
  apply_pending_scroll (self);
  request_visible_pages (self);
}

guint
council_pdf_viewer_get_n_pages (CouncilPdfViewer *self)
{
  return self->pages ? self->pages->len : 0;
}

gboolean
council_pdf_viewer_page_is_drawn (CouncilPdfViewer *self, guint page_no)
{
  CouncilPdfPage *page = get_page (self, page_no);

  return page != NULL && page->texture != NULL && page->texture_zoom == self->zoom;
}

/* ---- find ---- */

static void
clear_hits (CouncilPdfViewer *self)
{
  for (guint i = 1; self->pages != NULL && i <= self->pages->len; i++)
    {
      CouncilPdfPage *page = get_page (self, i);

      g_clear_pointer (&page->hits, g_ptr_array_unref);
      page->current_hit = -1;
      gtk_widget_queue_draw (GTK_WIDGET (page));
    }
  g_array_set_size (self->hit_index, 0);
  self->current_hit = -1;
}

static void
show_current_hit (CouncilPdfViewer *self)
{
  g_autofree char *text = NULL;

  for (guint i = 1; self->pages != NULL && i <= self->pages->len; i++)
    {
      CouncilPdfPage *page = get_page (self, i);

      if (page->current_hit != -1)
        {
          page->current_hit = -1;
          gtk_widget_queue_draw (GTK_WIDGET (page));
        }
    }
  if (self->current_hit >= 0)
    {
      HitRef *ref = &g_array_index (self->hit_index, HitRef, self->current_hit);
      CouncilPdfPage *page = get_page (self, ref->page_no);
      PopplerRectangle *r = g_ptr_array_index (page->hits, ref->index);
      double view = gtk_adjustment_get_page_size (vadjustment (self));

      page->current_hit = (int) ref->index;
      gtk_widget_queue_draw (GTK_WIDGET (page));
      scroll_to (self, page_top (self, ref->page_no) + r->y1 * self->zoom - view / 3);
      /* Translators: the current hit of a find and the number of hits, e.g. "3 of 12" */
      text = g_strdup_printf (_("%d of %u"), self->current_hit + 1, self->hit_index->len);
    }
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->find_entry)) != '\0')
    text = g_strdup (_("Not found"));
  gtk_label_set_text (GTK_LABEL (self->hits_label), text ? text : "");
  update_page_entry (self);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

guint
council_pdf_viewer_find (CouncilPdfViewer *self, const char *text, guint from_page)
{
  g_return_val_if_fail (COUNCIL_IS_PDF_VIEWER (self), 0);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->find_entry))) != 0)
    {
      /* The entry's own handler would search again: block it by setting first. */
      g_signal_handlers_block_matched (self->find_entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text ? text : "");
      g_signal_handlers_unblock_matched (self->find_entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }
  clear_hits (self);
  g_free (self->find_text);
  self->find_text = g_strdup (text ? text : "");
  if (from_page == 0)
    from_page = council_pdf_viewer_get_page (self);
  if (text != NULL && !is_blank (text) && self->document != NULL)
    {
      for (guint i = 1; i <= self->pages->len; i++)
        {
          GList *boxes = council_document_find_on_page (self->document, i, text);
          CouncilPdfPage *page = get_page (self, i);

          if (boxes == NULL)
            continue;
          page->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) poppler_rectangle_free);
          for (GList *l = boxes; l != NULL; l = l->next)
            {
              HitRef ref = { i, page->hits->len };

              g_ptr_array_add (page->hits, l->data);
              g_array_append_val (self->hit_index, ref);
              if (self->current_hit < 0 && i >= from_page)
                self->current_hit = (int) self->hit_index->len - 1;
            }
          g_list_free (boxes);
          gtk_widget_queue_draw (GTK_WIDGET (page));
        }
      if (self->current_hit < 0 && self->hit_index->len > 0)
        self->current_hit = 0;
    }
  show_current_hit (self);
  return self->hit_index->len;
}

static void
find_step (CouncilPdfViewer *self, int step)
{
  guint n = self->hit_index->len;

  if (n == 0)
    {
      council_pdf_viewer_find (self, gtk_editable_get_text (GTK_EDITABLE (self->find_entry)), 0);
      return;
    }
  self->current_hit = (int) ((self->current_hit + step + (int) n) % (int) n);
  show_current_hit (self);
}

static void
find_next_action (GtkWidget *widget, const char *name, GVariant *param)
{
  find_step (COUNCIL_PDF_VIEWER (widget), 1);
}

static void
find_previous_action (GtkWidget *widget, const char *name, GVariant *param)
{
  find_step (COUNCIL_PDF_VIEWER (widget), -1);
}

static void
find_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_widget_grab_focus (COUNCIL_PDF_VIEWER (widget)->find_entry);
}

static void
on_find_changed_cb (GtkSearchEntry *entry, CouncilPdfViewer *self)
{
  /* The entry reports text set by the program too, a moment later. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), self->find_text) == 0)
    return;
  council_pdf_viewer_find (self, gtk_editable_get_text (GTK_EDITABLE (entry)), 0);
}

static void
on_find_activate_cb (GtkSearchEntry *entry, CouncilPdfViewer *self)
{
  find_step (self, 1);
}

guint
council_pdf_viewer_get_current_hit_page (CouncilPdfViewer *self)
{
  if (self->current_hit < 0)
    return 0;
  return g_array_index (self->hit_index, HitRef, self->current_hit).page_no;
}

guint
council_pdf_viewer_get_n_hits (CouncilPdfViewer *self)
{
  return self->hit_index->len;
}

/* ---- selection and copy ---- */

char *
council_pdf_viewer_get_text_in_area (CouncilPdfViewer *self, guint page_no,
                                     double x, double y, double width, double height)
{
  PopplerPage *page;
  PopplerRectangle area = { x, y, x + width, y + height };
  char *text;

  g_return_val_if_fail (COUNCIL_IS_PDF_VIEWER (self), NULL);
  if (self->document == NULL || page_no < 1 || page_no > self->pages->len)
    return NULL;
  page = poppler_document_get_page (self->document, (int) page_no - 1);
  /* Glyphs inside the rectangle (the selection coordinates are the page's,
   * top-left origin, as drawn). */
  if (page == NULL)
    return NULL;
  text = poppler_page_get_selected_text (page, POPPLER_SELECTION_GLYPH, &area);
  g_object_unref (page);
  return text;
}

static void
copy_to_clipboard (CouncilPdfViewer *self)
{
  g_autofree char *message = NULL;
  glong n;

  if (self->selected_text == NULL || *self->selected_text == '\0')
    {
      council_widget_show_message (GTK_WIDGET (self),
                                   _("Drag over the text on a page to select it, then copy."), FALSE);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->selected_text);
  n = g_utf8_strlen (self->selected_text, -1);
  message = g_strdup_printf (ngettext ("Copied %ld character.", "Copied %ld characters.", n), n);
  council_widget_show_message (GTK_WIDGET (self), message, FALSE);
}

static void
council_pdf_viewer_copy_selection (CouncilPdfViewer *self, CouncilPdfPage *selected)
{
  /* One selection at a time, on one page. */
  for (guint i = 1; i <= self->pages->len; i++)
    {
      CouncilPdfPage *page = get_page (self, i);

      if (page != selected && page->has_selection)
        {
          page->has_selection = FALSE;
          gtk_widget_queue_draw (GTK_WIDGET (page));
        }
    }
  g_free (self->selected_text);
  self->selected_text = council_pdf_viewer_get_text_in_area (self, selected->page_no,
                                                             selected->selection.origin.x,
                                                             selected->selection.origin.y,
                                                             selected->selection.size.width,
                                                             selected->selection.size.height);
  if (self->selected_text != NULL)
    g_strstrip (self->selected_text);
  copy_to_clipboard (self);
}

static void
copy_action (GtkWidget *widget, const char *name, GVariant *param)
{
  copy_to_clipboard (COUNCIL_PDF_VIEWER (widget));
}

/* ---- print ---- */

static void
on_draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr, CouncilPdfViewer *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double pw = gtk_print_context_get_width (context), ph = gtk_print_context_get_height (context);
  PopplerPage *page = poppler_document_get_page (self->document, page_nr);
  double w, h, scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &w, &h);
  scale = MIN (pw / w, ph / h);
  cairo_save (cr);
  cairo_translate (cr, (pw - w * scale) / 2, (ph - h * scale) / 2);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
  g_object_unref (page);
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CouncilPdfViewer *self = COUNCIL_PDF_VIEWER (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, (int) self->pages->len);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    council_widget_show_message (widget, error->message, TRUE);
}

/* ---- loading ---- */

static void
update_actions (CouncilPdfViewer *self)
{
  gboolean loaded = self->document != NULL;

  gtk_widget_set_sensitive (self->toolbar, loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.print", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.copy", loaded);
}

static void
unload (CouncilPdfViewer *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_hits (self);
  while (self->pages_box != NULL && (child = gtk_widget_get_first_child (self->pages_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->pages_box), child);
  g_ptr_array_set_size (self->pages, 0);
  g_clear_object (&self->document);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->selected_text, g_free);
}

gboolean
council_pdf_viewer_load (CouncilPdfViewer *self, GBytes *pdf, const char *password, GError **error)
{
  static guint64 serials;
  PopplerDocument *document = NULL;
  g_autofree char *of = NULL;
  int n_pages;

  g_return_val_if_fail (COUNCIL_IS_PDF_VIEWER (self), FALSE);

  if (pdf != NULL && (document = council_document_render_open (pdf, password, error)) == NULL)
    return FALSE;
  unload (self);
  self->serial = ++serials;
  self->cancellable = g_cancellable_new ();
  self->pending_y = -1;
  g_free (self->find_text);
  self->find_text = g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), "");
  gtk_label_set_text (GTK_LABEL (self->hits_label), "");
  if (document != NULL)
    {
      self->document = document;
      self->pdf = g_bytes_ref (pdf);
      self->password = g_strdup (password);
      n_pages = poppler_document_get_n_pages (document);
      for (int i = 1; i <= n_pages; i++)
        {
          CouncilPdfPage *page = g_object_new (COUNCIL_TYPE_PDF_PAGE, NULL);

          page->viewer = self;
          page->page_no = (guint) i;
          if (!council_document_page_size (document, (guint) i, &page->width_pt, &page->height_pt))
            page->width_pt = 595, page->height_pt = 842;
          g_ptr_array_add (self->pages, page);
          gtk_box_append (GTK_BOX (self->pages_box), GTK_WIDGET (page));
        }
      /* Translators: after the page number entry: "of 12" pages */
      of = g_strdup_printf (_("of %d"), n_pages);
      if (self->zoom_mode != COUNCIL_PDF_ZOOM_FREE)
        self->zoom = fitting_zoom (self, self->zoom_mode);
    }
  gtk_label_set_text (GTK_LABEL (self->of_label), of ? of : "");
  gtk_adjustment_set_value (vadjustment (self), 0);
  update_zoom_label (self);
  update_actions (self);
  update_page_entry (self);
  request_visible_pages (self);
  return TRUE;
}

/* ---- life cycle ---- */

static GtkWidget *
icon_button (const char *icon, const char *action, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void
build_toolbar (CouncilPdfViewer *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *find_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *find_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->toolbar = box;
  gtk_widget_add_css_class (box, "viewer-toolbar");
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  /* Pages and zoom on the first row, find on the second: the viewer stays
   * narrow enough to share the window with the list. */
  self->page_entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->page_entry), 4);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->page_entry), 5);
  gtk_entry_set_alignment (GTK_ENTRY (self->page_entry), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->page_entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_set_tooltip_text (self->page_entry, _("Go to page"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page"), -1);
  g_signal_connect (self->page_entry, "activate", G_CALLBACK (on_page_entry_activate_cb), self);
  gtk_box_append (GTK_BOX (row), self->page_entry);
  self->of_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->of_label, "dim-label");
  gtk_box_append (GTK_BOX (row), self->of_label);

  gtk_widget_add_css_class (zoom_box, "linked");
  gtk_box_append (GTK_BOX (zoom_box), icon_button ("zoom-out-symbolic", "viewer.zoom-out", _("Zoom out (Ctrl+−)")));
  self->zoom_label = gtk_label_new ("100 %");
  gtk_label_set_width_chars (GTK_LABEL (self->zoom_label), 6);
  gtk_widget_set_tooltip_text (self->zoom_label, _("Zoom"));
  gtk_box_append (GTK_BOX (zoom_box), self->zoom_label);
  gtk_box_append (GTK_BOX (zoom_box), icon_button ("zoom-in-symbolic", "viewer.zoom-in", _("Zoom in (Ctrl+plus)")));
  gtk_widget_set_margin_start (zoom_box, 6);
  gtk_box_append (GTK_BOX (row), zoom_box);
  self->fit_width_button = gtk_toggle_button_new_with_label (_("Fit Width"));
  self->fit_page_button = gtk_toggle_button_new_with_label (_("Fit Page"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->fit_page_button), GTK_TOGGLE_BUTTON (self->fit_width_button));
  g_signal_connect (self->fit_width_button, "toggled", G_CALLBACK (on_fit_toggled_cb), self);
  g_signal_connect (self->fit_page_button, "toggled", G_CALLBACK (on_fit_toggled_cb), self);
  gtk_box_append (GTK_BOX (row), self->fit_width_button);
  gtk_box_append (GTK_BOX (row), self->fit_page_button);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (row), spacer);

  self->find_entry = gtk_search_entry_new ();
  gtk_widget_set_hexpand (self->find_entry, TRUE);
  g_object_set (self->find_entry, "placeholder-text", _("Find in document"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->find_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find in document"), -1);
  g_signal_connect (self->find_entry, "search-changed", G_CALLBACK (on_find_changed_cb), self);
  g_signal_connect (self->find_entry, "activate", G_CALLBACK (on_find_activate_cb), self);
  gtk_box_append (GTK_BOX (find_row), self->find_entry);
  gtk_widget_add_css_class (find_box, "linked");
  gtk_box_append (GTK_BOX (find_box), icon_button ("go-up-symbolic", "viewer.find-previous", _("Previous (Shift+Ctrl+G)")));
  gtk_box_append (GTK_BOX (find_box), icon_button ("go-down-symbolic", "viewer.find-next", _("Next (Ctrl+G)")));
  gtk_box_append (GTK_BOX (find_row), find_box);
  self->hits_label = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (self->hits_label), 9);
  gtk_widget_add_css_class (self->hits_label, "dim-label");
  gtk_box_append (GTK_BOX (find_row), self->hits_label);
  gtk_box_append (GTK_BOX (find_row), icon_button ("edit-copy-symbolic", "viewer.copy", _("Copy the selected text (Ctrl+C)")));
  gtk_box_append (GTK_BOX (find_row), icon_button ("document-print-symbolic", "viewer.print", _("Print…")));

  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), find_row);
  gtk_widget_set_parent (box, GTK_WIDGET (self));
}

static void
council_pdf_viewer_dispose (GObject *object)
{
  CouncilPdfViewer *self = COUNCIL_PDF_VIEWER (object);
  GtkWidget *child;

  g_clear_handle_id (&self->visible_idle_id, g_source_remove);
  g_clear_handle_id (&self->zoom_idle_id, g_source_remove);
  if (self->pages != NULL)
    unload (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->pages_box = NULL;
  G_OBJECT_CLASS (council_pdf_viewer_parent_class)->dispose (object);
}

static void
council_pdf_viewer_finalize (GObject *object)
{
  CouncilPdfViewer *self = COUNCIL_PDF_VIEWER (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->hit_index, g_array_unref);
  g_clear_pointer (&self->find_text, g_free);
  G_OBJECT_CLASS (council_pdf_viewer_parent_class)->finalize (object);
}

static void
council_pdf_viewer_class_init (CouncilPdfViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_pdf_viewer_dispose;
  object_class->finalize = council_pdf_viewer_finalize;

  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "viewer.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "viewer.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "viewer.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "viewer.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "viewer.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "viewer.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "viewer.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "viewer.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "viewer.print", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pdfviewer");
}

static void
council_pdf_viewer_init (CouncilPdfViewer *self)
{
  GtkAdjustment *hadj, *vadj;

  self->zoom = 1.0;
  self->zoom_mode = COUNCIL_PDF_ZOOM_FIT_WIDTH;
  self->pending_y = -1;
  self->current_hit = -1;
  self->pages = g_ptr_array_new ();
  self->hit_index = g_array_new (FALSE, FALSE, sizeof (HitRef));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  build_toolbar (self);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  gtk_widget_set_hexpand (self->scrolled, TRUE);
  gtk_widget_set_focusable (self->scrolled, TRUE);
  gtk_widget_add_css_class (self->scrolled, "pdf-pages");
  self->pages_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, PAGE_SPACING);
  gtk_widget_set_margin_top (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_bottom (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_start (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_end (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_halign (self->pages_box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->pages_box, GTK_ALIGN_START);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->pages_box);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  vadj = vadjustment (self);
  g_signal_connect_object (hadj, "changed", G_CALLBACK (on_hadjustment_changed_cb), self, 0);
  g_signal_connect_object (vadj, "value-changed", G_CALLBACK (on_vadjustment_value_changed_cb), self, 0);
  g_signal_connect_object (vadj, "changed", G_CALLBACK (on_vadjustment_changed_cb), self, 0);
  update_zoom_label (self);
  update_actions (self);
}

GtkWidget *
council_pdf_viewer_new (void)
{
  return g_object_new (COUNCIL_TYPE_PDF_VIEWER, NULL);
}
