/* bench-documents-view: the first page of a 300-page document drawn in the
 * viewer — from opening the PDF to the frame that shows the page's texture —
 * against the 300 ms of issue 6. Prints the figures; asserts nothing about
 * time (DESIGN.md §8).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>

#include "core/council-store-documents.h"
#include "council-generate.h"
#include "council-gui-resources.h"
#include "council-pdf-viewer.h"
#include "council-test-helpers.h"

#define N_PAGES 300
#define RUNS 7
#define TARGET_MS 300.0

typedef struct
{
  CouncilPdfViewer *viewer;
  gint64 painted_at;     /* 0 until the first page was in a painted frame */
} Run;

static void
on_after_paint_cb (GdkFrameClock *clock, Run *run)
{
  if (run->painted_at == 0 && council_pdf_viewer_page_is_drawn (run->viewer, 1))
    run->painted_at = g_get_monotonic_time ();
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The longest document of the large council of every benchmark
 * (tests/council-generate.c): 300 pages, a real PDF of its own text. */
static GBytes *
long_document_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CouncilStore) store = council_generate_open_cached (COUNCIL_GENERATE_LARGE, COUNCIL_GENERATE_SEED, &path, &error);
  g_autoptr(GListStore) docs = NULL;
  g_autofree char *dir = NULL;
  GBytes *pdf = NULL;

  if (store == NULL)
    g_error ("could not open the generated council: %s", error->message);
  docs = council_store_list_documents (store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; pdf == NULL && i < g_list_model_get_n_items (G_LIST_MODEL (docs)); i++)
    {
      g_autoptr(CouncilDocument) doc = g_list_model_get_item (G_LIST_MODEL (docs), i);
      if (council_document_get_page_count (doc) == N_PAGES)
        pdf = council_store_get_document_pdf (store, council_document_get_id (doc), &error);
    }
  g_assert_no_error (error);
  if (pdf == NULL)
    g_error ("the generated council has no %d-page document", N_PAGES);
  g_clear_object (&store);
  dir = g_path_get_dirname (path);
  council_test_rm_rf (dir);
  return pdf;
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(GBytes) pdf = NULL;
  GtkWindow *window;
  GtkWidget *viewer;
  double times[RUNS];
  GdkFrameClock *clock;

  gtk_init ();
  dir = council_test_make_tmpdir ();
  pdf = long_document_pdf ();

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 900, 900);
  viewer = council_pdf_viewer_new ();
  gtk_window_set_child (window, viewer);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (viewer))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (viewer);

  for (guint r = 0; r < RUNS; r++)
    {
      Run run = { COUNCIL_PDF_VIEWER (viewer), 0 };
      g_autoptr(GError) error = NULL;
      gint64 start;
      gulong handler;

      /* Empty first, so each run opens and draws from nothing. */
      council_pdf_viewer_load (run.viewer, NULL, NULL, NULL);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &run);
      start = g_get_monotonic_time ();
      if (!council_pdf_viewer_load (run.viewer, pdf, NULL, &error))
        g_error ("%s", error->message);
      while (run.painted_at == 0)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (clock, handler);
      times[r] = (run.painted_at - start) / 1000.0;
      printf ("run %u: first page painted after %.1f ms\n", r + 1, times[r]);
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  printf ("First page of a %d-page document drawn in the viewer: median %.1f ms, best %.1f ms, worst %.1f ms "
          "(target %.0f ms: %.2f× of it)\n",
          N_PAGES, times[RUNS / 2], times[0], times[RUNS - 1], TARGET_MS, times[RUNS / 2] / TARGET_MS);
  gtk_window_destroy (window);
  council_test_rm_rf (dir);
  return 0;
}
