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

#include "core/council-demo.h"
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

static GBytes *
write_long_pdf (const char *dir)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  for (guint i = 1; i <= N_PAGES; i++)
    g_ptr_array_add (pages, g_strdup_printf ("第%u页\n坚持以党建带群建、群建促党建，推动群团组织更好发挥桥梁纽带作用。\n"
                                             "群团组织在人社、司法等政府部门设立联络员，定期沟通工作情况。\n"
                                             "以项目为载体整合资源，推行群团工作项目化运作。", i));
  g_ptr_array_add (pages, NULL);
  if (!council_demo_write_pdf (path, "长文件", (const char * const *) pages->pdata, &error) ||
      !g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  return g_bytes_new_take (contents, length);
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
  pdf = write_long_pdf (dir);

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
