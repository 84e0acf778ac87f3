/* bench-projects-view: the Projects view on the large generated council
 * (100,200 projects with Chinese and English titles, partners, brands and
 * 300,000 fund entries; tests/council-generate.c). Prints the median time to open the view (construct until the
 * first frame is drawn), the median time from a search keystroke and from a
 * filter choice (through the view's own code paths) to the next drawn frame,
 * and the resident memory (VmRSS) with the view open, against the targets
 * (200 ms, 50 ms, 150 MB) and against references measured in the same run:
 * an empty GtkColumnView window for opening, and the process before the view.
 * Never asserts on time.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "council-application.h"
#include "council-generate.h"
#include "council-gui-resources.h"
#include "council-projects-view-private.h"
#include "council-store-projects.h"
#include "council-test-helpers.h"

#define OPEN_RUNS 5
#define KEY_RUNS 12
#define FILTER_RUNS 14

static gboolean painted;

static long
status_kb (const char *key)
{
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL) || (line = strstr (text, key)) == NULL)
    return -1;
  return atol (line + strlen (key) + 1);
}

/* CPU time of this process (GTK's renderer threads included): the machine
 * may be shared, and time spent waiting for a processor is not the view's. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
on_after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  painted = TRUE;
}

static void
wait_for_paint (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_map_cb (GtkWidget *window, gpointer data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
}

/* Construct, present, wait for the first drawn frame; returns ms. */
static double last_open_cpu_ms;

static double
open_window (GtkWidget *(*make) (CouncilStore *), CouncilStore *store, GtkWindow **out)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  painted = FALSE;
  gtk_window_set_default_size (window, 1300, 800);
  gtk_window_set_child (window, make (store));
  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), NULL);
  gtk_window_present (window);
  wait_for_paint ();
  *out = window;
  last_open_cpu_ms = cpu_ms () - cpu_start;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
make_view (CouncilStore *store)
{
  return GTK_WIDGET (council_projects_view_new (store));
}

/* The reference: an empty column view with the same twelve columns. */
static GtkWidget *
make_reference (CouncilStore *store)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (
    gtk_multi_selection_new (G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT))))));

  for (int i = 0; i < 12; i++)
    {
      g_autoptr(GtkColumnViewColumn) c = gtk_column_view_column_new ("Column", gtk_signal_list_item_factory_new ());
      gtk_column_view_append_column (view, c);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  return scrolled;
}

/* The large council, copied from the build directory's cache (generated
 * there on first use: minutes). BENCH_DB names another database to copy. */
static CouncilStore *
open_large_store (char **out_path)
{
  g_autoptr(GError) error = NULL;
  const char *reuse = g_getenv ("BENCH_DB");
  CouncilStore *store;

  if (reuse != NULL)
    {
      g_autofree char *dir = council_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "council.db", NULL);
      g_autoptr(GFile) from = g_file_new_for_path (reuse);
      g_autoptr(GFile) to = g_file_new_for_path (path);

      /* Copied as a stream: the large council is a gigabyte. */
      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      store = council_store_open (path, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      *out_path = g_steal_pointer (&path);
      return store;
    }
  store = council_generate_open_cached (COUNCIL_GENERATE_LARGE, COUNCIL_GENERATE_SEED, out_path, &error);
  if (store == NULL)
    g_error ("could not generate the council: %s", error->message);
  return store;
}

typedef struct
{
  long rss_kb;
  long hwm_kb;
} ProgramMemory;

static long
status_kb_of (const char *status, const char *key)
{
  const char *line = strstr (status, key);
  return line != NULL ? atol (line + strlen (key) + 1) : -1;
}

/* The real program on @db_path with the Projects view shown: started with
 * COUNCIL_DESK_EXIT_AFTER_FIRST_FRAME, its memory is read from /proc when it
 * reports its first drawn frame (it then closes itself). */
static ProgramMemory
measure_program (const char *db_path)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("COUNCIL_DESK_BIN");
  ProgramMemory memory = { -1, -1 };
  char *line;

  if (bin == NULL)
    g_error ("COUNCIL_DESK_BIN is not set (meson benchmark sets it)");
  g_subprocess_launcher_setenv (launcher, "COUNCIL_DESK_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, bin, "--database", db_path, "--view", "projects", NULL);
  if (child == NULL)
    g_error ("%s", error->message);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  while ((line = g_data_input_stream_read_line (out, NULL, NULL, NULL)) != NULL)
    {
      gboolean first_frame = strstr (line, "first frame drawn") != NULL;

      g_free (line);
      if (first_frame)
        {
          g_autofree char *path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (child));
          g_autofree char *status = NULL;

          if (g_file_get_contents (path, &status, NULL, NULL))
            {
              memory.rss_kb = status_kb_of (status, "VmRSS:");
              memory.hwm_kb = status_kb_of (status, "VmHWM:");
            }
        }
    }
  g_subprocess_wait (child, NULL, NULL);
  return memory;
}

static double
median (double *values, int n)
{
  qsort (values, n, sizeof (double), compare_double);
  return values[n / 2];
}

int
main (int argc, char **argv)
{
  static const char *searches[] = { "GEN-2026", "GEN-2025-0001", "培训", "round 7", "GEN-2024-00", "" };
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *dir = NULL;
  CouncilStore *store;
  GtkWindow *window = NULL;
  double open_ms[OPEN_RUNS], ref_ms[OPEN_RUNS], key_ms[KEY_RUNS], ref_key_ms[KEY_RUNS];
  double open_cpu[OPEN_RUNS], ref_cpu[OPEN_RUNS], key_cpu[KEY_RUNS];
  double filter_ms[FILTER_RUNS], filter_cpu[FILTER_RUNS];
  long rss_before, rss_open;
  ProgramMemory program_empty, program_large;
  CouncilProjectsView *view;
  const char *renderer_name = "?";
  guint n_projects = 0;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  /* The renderer the program would use on this machine (main.c). */
  council_choose_renderer ();
  gtk_init ();
  g_resources_register (council_gui_get_resource ());
  store = open_large_store (&db_path);
  dir = g_path_get_dirname (db_path);

  /* Warm both paths once (fonts, CSS, SQLite pages), then measure. */
  open_window (make_reference, store, &window);
  close_window (window);
  open_window (make_view, store, &window);
  close_window (window);
  {
    CouncilProjectFilter all = COUNCIL_PROJECT_FILTER_INIT;

    if (!council_store_count_projects (store, &all, &n_projects, &error))
      g_error ("%s", error->message);
  }
  rss_before = status_kb ("VmRSS:");
  for (int r = 0; r < OPEN_RUNS; r++)
    {
      ref_ms[r] = open_window (make_reference, store, &window);
      ref_cpu[r] = last_open_cpu_ms;
      close_window (window);
      open_ms[r] = open_window (make_view, store, &window);
      open_cpu[r] = last_open_cpu_ms;
      if (r < OPEN_RUNS - 1)
        close_window (window);
    }

  /* Keystrokes on the open view: the search the entry applies after its delay. */
  view = COUNCIL_PROJECTS_VIEW (gtk_window_get_child (window));
  renderer_name = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
  for (int r = 0; r < KEY_RUNS; r++)
    {
      gint64 start;
      double cpu_start;

      painted = FALSE;
      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      council_projects_view_set_search (view, searches[r % G_N_ELEMENTS (searches)]);
      ref_key_ms[r] = (g_get_monotonic_time () - start) / 1000.0;   /* list updated, not yet drawn */
      gtk_widget_queue_draw (GTK_WIDGET (view));
      wait_for_paint ();
      key_ms[r] = (g_get_monotonic_time () - start) / 1000.0;
      key_cpu[r] = cpu_ms () - cpu_start;
    }
  /* Filter choices on the open view: year, status, category and
   * organization, each picked in its drop-down and set back to "all". */
  {
    static const struct { const char *filter; guint position; } choices[FILTER_RUNS] = {
      { "year_filter", 2 }, { "year_filter", 3 }, { "year_filter", 4 }, { "year_filter", 0 },
      { "status_filter", 3 }, { "status_filter", 4 }, { "status_filter", 0 },
      { "category_filter", 1 }, { "category_filter", 2 }, { "category_filter", 0 },
      { "org_filter", 1 }, { "org_filter", 2 }, { "org_filter", 3 }, { "org_filter", 0 },
    };

    for (int r = 0; r < FILTER_RUNS; r++)
      {
        GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (view), COUNCIL_TYPE_PROJECTS_VIEW,
                                                                               choices[r].filter));
        gint64 start;
        double cpu_start;

        painted = FALSE;
        start = g_get_monotonic_time ();
        cpu_start = cpu_ms ();
        gtk_drop_down_set_selected (drop_down, choices[r].position);
        gtk_widget_queue_draw (GTK_WIDGET (view));
        wait_for_paint ();
        filter_ms[r] = (g_get_monotonic_time () - start) / 1000.0;
        filter_cpu[r] = cpu_ms () - cpu_start;
      }
  }
  rss_open = status_kb ("VmRSS:");
  close_window (window);
  window = NULL;
  {
    g_autofree char *empty_path = g_build_filename (dir, "empty.db", NULL);
    CouncilStore *empty = council_store_open (empty_path, &error);

    if (empty == NULL)
      g_error ("%s", error->message);
    g_object_unref (empty);
    program_empty = measure_program (empty_path);
    program_large = measure_program (db_path);
  }

  printf ("Projects view, large council: %u projects (renderer %s, GSK_RENDERER=%s)\n", n_projects,
          renderer_name,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "unset");
  printf ("  open (construct to first frame), median of %d: %7.1f ms  (target 200 ms; empty column view window: %.1f ms, ratio %.2fx)\n",
          OPEN_RUNS, median (open_ms, OPEN_RUNS), median (ref_ms, OPEN_RUNS),
          median (open_ms, OPEN_RUNS) / median (ref_ms, OPEN_RUNS));
  printf ("    CPU time of opening, median: %.1f ms (empty column view window: %.1f ms, ratio %.2fx)\n",
          median (open_cpu, OPEN_RUNS), median (ref_cpu, OPEN_RUNS),
          median (open_cpu, OPEN_RUNS) / median (ref_cpu, OPEN_RUNS));
  printf ("  search keystroke to drawn frame, median of %d: %7.1f ms  (target 50 ms; list updated before drawing: %.1f ms)\n",
          KEY_RUNS, median (key_ms, KEY_RUNS), median (ref_key_ms, KEY_RUNS));
  printf ("    CPU time of a keystroke, median: %.1f ms\n", median (key_cpu, KEY_RUNS));
  {
    double filter_median = median (filter_ms, FILTER_RUNS);   /* sorts: the slowest is last */

    printf ("  filter choice (year, status, category, organization) to drawn frame, median of %d: %7.1f ms  (target 50 ms; "
            "CPU %.1f ms; slowest %.1f ms)\n", FILTER_RUNS, filter_median, median (filter_cpu, FILTER_RUNS),
            filter_ms[FILTER_RUNS - 1]);
  }
  printf ("  VmRSS of this benchmark (it also opened the data): %.1f MB with the view open, %.1f MB before\n",
          rss_open / 1024.0, rss_before / 1024.0);
  printf ("  council-desk --view projects, at its first frame: VmRSS %.1f MB, VmHWM %.1f MB  (target 150 MB: ratio %.2fx)\n",
          program_large.rss_kb / 1024.0, program_large.hwm_kb / 1024.0, program_large.rss_kb / 1024.0 / 150.0);
  printf ("    same program on an empty database: VmRSS %.1f MB, VmHWM %.1f MB; the large council adds %.1f MB (ratio %.2fx)\n",
          program_empty.rss_kb / 1024.0, program_empty.hwm_kb / 1024.0,
          (program_large.rss_kb - program_empty.rss_kb) / 1024.0,
          (double) program_large.rss_kb / (double) program_empty.rss_kb);
  printf ("  ratios to target: open %.2fx of 200 ms, keystroke %.2fx of 50 ms, filter choice %.2fx of 50 ms\n",
          median (open_ms, OPEN_RUNS) / 200.0, median (key_ms, KEY_RUNS) / 50.0, median (filter_ms, FILTER_RUNS) / 50.0);
  g_object_unref (store);
  council_test_rm_rf (dir);
  return 0;
}
