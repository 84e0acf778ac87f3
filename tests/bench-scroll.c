/* bench-scroll: every view of the real window opened on the large generated
 * council and its main list scrolled from top to bottom, with the frame
 * clock timing each frame. Targets (issue 8): no frame longer than 100 ms
 * while scrolling, and the program under 300 MB. Prints the figures; asserts
 * nothing about time (DESIGN.md §8).
 *
 * The window runs in this process (CouncilApplication on a copy of the
 * cached large council), so the peak resident size read from /proc/self is
 * the program's, data and all. The reference, measured in the same run, is
 * the frame interval of the window drawing every widget again each frame on
 * the Overview, with no data to read and no rows to bind: what the renderer
 * costs on this display. Frame times are also given as process CPU time per
 * frame, since the machine may be shared.
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

#include "council-action-items-view-private.h"
#include "council-application.h"
#include "council-generate.h"
#include "council-test-helpers.h"
#include "council-window.h"

#define STEPS 100              /* adjustment steps from top to bottom; COUNCIL_BENCH_STEPS=N for others */
#define TARGET_FRAME_MS 100.0
#define TARGET_RSS_MB 300.0
#define WAIT_SECONDS 60

static const struct
{
  const char *name;
  const char *label;
} views[] = {
  { "overview", "Overview" },
  { "roster", "Roster" },
  { "projects", "Projects" },
  { "meetings", "Meetings" },
  { "actions", "Action items" },
  { "assessment", "Assessment" },
  { "documents", "Documents" },
};

typedef struct
{
  CouncilApplication *app;
  GtkWidget *window;
  GdkFrameClock *clock;
  guint frames;              /* after-paint signals seen */
  GArray *intervals;         /* double ms between consecutive frames, while recording */
  GArray *cpu_intervals;     /* double ms of process CPU time between the same frames */
  gint64 last_frame_time;    /* gdk_frame_clock_get_frame_time of the previous frame */
  double last_frame_cpu;     /* cpu_ms () at the previous frame */
  gboolean recording;
  gboolean failed;
} Bench;

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line ? strtol (line + strlen (field), NULL, 10) : -1;
}

/* CPU time of the process: the machine may be shared, and a frame that waited
 * for the processor is not a frame the program took long over. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
on_after_paint_cb (GdkFrameClock *clock, Bench *b)
{
  gint64 t = gdk_frame_clock_get_frame_time (clock);
  double cpu = cpu_ms ();

  if (b->recording && b->last_frame_time != 0)
    {
      double ms = (t - b->last_frame_time) / 1000.0;
      double cpu_ms_used = cpu - b->last_frame_cpu;

      g_array_append_val (b->intervals, ms);
      g_array_append_val (b->cpu_intervals, cpu_ms_used);
    }
  b->last_frame_time = t;
  b->last_frame_cpu = cpu;
  b->frames++;
}

/* Runs the main loop until n more frames were painted; FALSE on a hang. */
static gboolean
wait_frames (Bench *b, guint n)
{
  guint target = b->frames + n;
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  guint queued = b->frames;

  /* A frame even when nothing changed (the list already at the bottom). */
  gtk_widget_queue_draw (b->window);
  while (b->frames < target)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (b->frames != queued)
        {
          queued = b->frames;
          gtk_widget_queue_draw (b->window);
        }
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

/* The main list of a view: of its mapped scrolled windows, the one with the
 * most to scroll. */
static void
find_scrolled (GtkWidget *widget, GtkScrolledWindow **best, double *best_range)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
      double range = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

      if (*best == NULL || range > *best_range)
        {
          *best = GTK_SCROLLED_WINDOW (widget);
          *best_range = range;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_scrolled (child, best, best_range);
}

static double
median_of (GArray *values)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
max_of (GArray *values)
{
  double m = 0;

  for (guint i = 0; i < values->len; i++)
    m = MAX (m, g_array_index (values, double, i));
  return m;
}

static void
queue_draw_all (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    queue_draw_all (child);
}

/* Frames of the window with nothing else to do: when full, every widget is
 * drawn again each frame (the renderer's own cost of a whole window, no data
 * read, no rows bound); else only the frame clock ticks. */
static double
reference_interval (Bench *b, gboolean full, double *cpu_per_frame)
{
  double cpu_start = cpu_ms ();

  g_array_set_size (b->intervals, 0);
  g_array_set_size (b->cpu_intervals, 0);
  b->last_frame_time = 0;
  b->recording = TRUE;
  for (guint i = 0; i < 40; i++)
    {
      if (full)
        queue_draw_all (b->window);
      if (!wait_frames (b, 1))
        b->failed = TRUE;
    }
  b->recording = FALSE;
  *cpu_per_frame = b->intervals->len ? (cpu_ms () - cpu_start) / b->intervals->len : 0;
  return median_of (b->intervals);
}

static void
measure_view (Bench *b, guint v, double reference)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (b->window, COUNCIL_TYPE_WINDOW, "stack"));
  GtkScrolledWindow *scrolled = NULL;
  GtkAdjustment *adj;
  GtkWidget *child;
  double range = 0, open_ms, open_cpu, max_ms, median_ms, slow = 0, cpu_start, cpu_per_frame, max_cpu;
  gint64 start;
  guint steps;

  start = g_get_monotonic_time ();
  open_cpu = cpu_ms ();
  council_window_set_view (COUNCIL_WINDOW (b->window), views[v].name);
  if (g_strcmp0 (council_window_get_view (COUNCIL_WINDOW (b->window)), views[v].name) != 0)
    g_error ("the window has no view “%s”", views[v].name);
  /* Open: until the first frame with the view on screen. */
  if (!wait_frames (b, 1))
    g_error ("%s: no frame within %d s", views[v].label, WAIT_SECONDS);
  open_ms = (g_get_monotonic_time () - start) / 1000.0;
  open_cpu = cpu_ms () - open_cpu;
  /* The crossfade ends, and lists that fill in after their first frame settle. */
  while (gtk_stack_get_transition_running (stack))
    wait_frames (b, 1);
  wait_frames (b, 3);

  find_scrolled (gtk_stack_get_visible_child (stack), &scrolled, &range);
  if (scrolled == NULL)
    {
      printf ("%-13s open %7.1f ms (CPU %.1f ms); nothing to scroll\n", views[v].label, open_ms, open_cpu);
      return;
    }
  adj = gtk_scrolled_window_get_vadjustment (scrolled);
  child = gtk_scrolled_window_get_child (scrolled);
  steps = range > 0 ? (g_getenv ("COUNCIL_BENCH_STEPS") ? (guint) atoi (g_getenv ("COUNCIL_BENCH_STEPS")) : STEPS) : 0;

  /* Top to bottom in equal jumps (a scrollbar dragged: every step shows
   * rows not seen before), then from the top again in wheel-sized steps of
   * an eighth of a page (a row or two new each frame). */
  for (guint mode = 0; mode < 2; mode++)
    {
      g_array_set_size (b->intervals, 0);
      g_array_set_size (b->cpu_intervals, 0);
      b->last_frame_time = 0;
      if (mode == 1)
        {
          gtk_adjustment_set_value (adj, 0);
          wait_frames (b, 2);
        }
      b->recording = TRUE;
      cpu_start = cpu_ms ();
      for (guint s = 1; s <= steps; s++)
        {
          /* Upper may grow while the list learns its row heights: aim at the
           * current bottom each time. */
          double bottom = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
          double value = mode == 0 ? bottom * s / steps : MIN (bottom, s * gtk_adjustment_get_page_size (adj) / 8);

          gtk_adjustment_set_value (adj, value);
          if (!wait_frames (b, 1))
            {
              printf ("%-13s no frame within %d s at step %u\n", views[v].label, WAIT_SECONDS, s);
              b->failed = TRUE;
              break;
            }
        }
      b->recording = FALSE;
      cpu_per_frame = b->intervals->len ? (cpu_ms () - cpu_start) / b->intervals->len : 0;
      slow = 0;
      for (guint i = 0; i < b->intervals->len; i++)
        if (g_array_index (b->intervals, double, i) > TARGET_FRAME_MS)
          slow++;
      max_ms = max_of (b->intervals);
      median_ms = median_of (b->intervals);
      /* The most CPU time the program spent between two frames: a frame
       * interval far above it waited for the processor, not for the program. */
      max_cpu = max_of (b->cpu_intervals);
      if (mode == 0)
        printf ("%-13s open %7.1f ms (CPU %.1f ms); scrolled %s (%s, %.0f px) top to bottom in %u jumps: frame interval median %.1f ms "
                "(%.2fx the whole-window redraw), max %.1f ms (target < %.0f ms: %s, %.0f frames over), CPU %.1f ms per frame "
                "(most %.1f ms), at bottom: %s; VmHWM %.1f MB\n",
                views[v].label, open_ms, open_cpu, G_OBJECT_TYPE_NAME (scrolled), child ? G_OBJECT_TYPE_NAME (child) : "-",
                range, steps, median_ms, reference > 0 ? median_ms / reference : 0, max_ms, TARGET_FRAME_MS,
                max_ms < TARGET_FRAME_MS ? "met" : "NOT met", slow, cpu_per_frame, max_cpu,
                gtk_adjustment_get_value (adj) >= gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) - 1 ? "yes" : "no",
                status_kb ("VmHWM:") / 1024.0);
      else
        printf ("%-13s   wheel steps of 1/8 page, %u frames: median %.1f ms, max %.1f ms (target < %.0f ms: %s, %.0f frames over), "
                "CPU %.1f ms per frame (most %.1f ms)\n", views[v].label, steps, median_ms, max_ms, TARGET_FRAME_MS,
                max_ms < TARGET_FRAME_MS ? "met" : "NOT met", slow, cpu_per_frame, max_cpu);
      fflush (stdout);
    }
  fflush (stdout);
}

/* The Action items view's status filter switched to "any status" (every item
 * of the council) and back to "pending": the frame after each switch, and a
 * jump to the bottom of the longer list. */
static void
measure_action_filter (Bench *b)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (b->window, COUNCIL_TYPE_WINDOW, "stack"));
  GtkWidget *view = gtk_stack_get_child_by_name (stack, "actions");
  GtkDropDown *status = council_action_items_view_get_status_filter (COUNCIL_ACTION_ITEMS_VIEW (view));
  GtkColumnView *column_view = council_action_items_view_get_column_view (COUNCIL_ACTION_ITEMS_VIEW (view));
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (column_view)));
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scrolled);
  const char *steps[] = { "any status", "bottom", "pending" };
  double cpu, ms;
  gint64 start;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      if (i == 0)
        gtk_drop_down_set_selected (status, 1);
      else if (i == 1)
        gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
      else
        gtk_drop_down_set_selected (status, 0);
      if (!wait_frames (b, 1))
        b->failed = TRUE;
      ms = (g_get_monotonic_time () - start) / 1000.0;
      printf ("Action items    filter: %-10s until the next frame %.1f ms (CPU %.1f ms), %u rows; VmHWM %.1f MB\n",
              steps[i], ms, cpu_ms () - cpu, g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))),
              status_kb ("VmHWM:") / 1024.0);
    }
  fflush (stdout);
}

static gboolean
run_cb (gpointer data)
{
  Bench *b = data;
  double reference;

  b->window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (b->app)));
  if (b->window == NULL)
    g_error ("the application opened no window");
  while (!gtk_widget_get_mapped (b->window))
    g_main_context_iteration (NULL, TRUE);
  b->clock = gtk_widget_get_frame_clock (b->window);
  g_signal_connect (b->clock, "after-paint", G_CALLBACK (on_after_paint_cb), b);
  if (!wait_frames (b, 3))
    g_error ("the window drew no frames");
  printf ("window %d x %d, %s; VmHWM after the first frames %.1f MB\n", gtk_widget_get_width (b->window),
          gtk_widget_get_height (b->window), G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (b->window))),
          status_kb ("VmHWM:") / 1024.0);

  {
    double idle_cpu, full_cpu, idle = reference_interval (b, FALSE, &idle_cpu);

    reference = reference_interval (b, TRUE, &full_cpu);
    printf ("reference, the Overview with nothing to do: frame interval median %.1f ms (CPU %.1f ms per frame); "
            "every widget drawn again each frame: median %.1f ms (CPU %.1f ms per frame)\n",
            idle, idle_cpu, reference, full_cpu);
  }
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      /* COUNCIL_BENCH_VIEWS=meetings,actions: those views only. */
      const char *only = g_getenv ("COUNCIL_BENCH_VIEWS");
      g_auto(GStrv) names = only != NULL ? g_strsplit (only, ",", -1) : NULL;

      if (names != NULL && !g_strv_contains ((const char * const *) names, views[v].name))
        continue;
      measure_view (b, v, reference);
      if (g_str_equal (views[v].name, "actions"))
        measure_action_filter (b);
    }

  {
    double hwm = status_kb ("VmHWM:") / 1024.0;
    printf ("peak resident size of the program (VmHWM): %.1f MB (target < %.0f MB: %s); now (VmRSS) %.1f MB\n",
            hwm, TARGET_RSS_MB, hwm < TARGET_RSS_MB ? "met" : "NOT met", status_kb ("VmRSS:") / 1024.0);
  }
  g_signal_handlers_disconnect_by_func (b->clock, on_after_paint_cb, b);
  gtk_window_close (GTK_WINDOW (b->window));
  return G_SOURCE_REMOVE;
}

static void
on_activate_cb (GApplication *app, Bench *b)
{
  g_idle_add (run_cb, b);
}

/* One run of the window on db, in this process. */
static int
run_window (const char *db)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.qunjian.CouncilDesk");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *db_dir = g_path_get_dirname (db);
  g_autofree char *backups = g_build_filename (db_dir, "backups", NULL);
  g_autofree char *today_name = g_date_time_format (now, "council-%Y-%m-%d.db");
  g_autofree char *today = g_build_filename (backups, today_name, NULL);
  CouncilCliOptions options = { 0 };
  Bench b = { 0 };
  int status;

  g_settings_set_int (settings, "window-width", 1400);
  g_settings_set_int (settings, "window-height", 900);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_settings_set_string (settings, "last-view", "overview");
  /* Today's backup counts as made: the daily copy of the whole file (once a
   * day, in a worker thread, 2 s after start) would otherwise be measured
   * along with the scrolling. */
  g_mkdir_with_parents (backups, 0700);
  g_file_set_contents (today, "", 0, NULL);

  options.database = (char *) db;
  b.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  b.cpu_intervals = g_array_new (FALSE, FALSE, sizeof (double));
  b.app = council_application_new (&options);
  g_signal_connect_after (b.app, "activate", G_CALLBACK (on_activate_cb), &b);
  status = g_application_run (G_APPLICATION (b.app), 0, NULL);
  g_clear_object (&b.app);
  g_array_unref (b.intervals);
  g_array_unref (b.cpu_intervals);
  return status != 0 || b.failed;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  CouncilGenerateSize size = COUNCIL_GENERATE_LARGE;
  /* The renderer GTK picks on this display (under Xvfb: GL through Mesa's
   * software rasterizer), then the cairo renderer, each in a process of its
   * own so that each peak resident size is its own. */
  const char *renderers[] = { NULL, "cairo" };
  gint64 start = g_get_monotonic_time ();
  int failed = 0;

  if (g_getenv ("COUNCIL_BENCH_SCROLL_DB") != NULL)
    return run_window (g_getenv ("COUNCIL_BENCH_SCROLL_DB"));

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    g_error ("No display: run under xvfb-run (xvfb-run -a meson test --benchmark bench-scroll)");
  dir = council_test_make_tmpdir ();
  /* COUNCIL_BENCH_SIZE=realistic: the same on the realistic council. */
  if (g_strcmp0 (g_getenv ("COUNCIL_BENCH_SIZE"), "realistic") == 0)
    size = COUNCIL_GENERATE_REALISTIC;
  db = council_generate_cached_copy (size, COUNCIL_GENERATE_SEED, dir, &error);
  if (db == NULL)
    g_error ("could not generate the council: %s", error->message);
  printf ("%s council (generator v%d, seed %d) ready in %.1f s: %s\n",
          size == COUNCIL_GENERATE_LARGE ? "large" : "realistic", COUNCIL_GENERATOR_VERSION,
          COUNCIL_GENERATE_SEED, (g_get_monotonic_time () - start) / 1e6, db);
  fflush (stdout);

  for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
      g_autoptr(GSubprocess) child = NULL;

      if (g_getenv ("GSK_RENDERER") != NULL && r > 0)
        break;   /* a renderer named from outside: that one only */
      g_subprocess_launcher_setenv (launcher, "COUNCIL_BENCH_SCROLL_DB", db, TRUE);
      if (renderers[r] != NULL)
        g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", renderers[r], TRUE);
      printf ("\n== renderer: %s ==\n", renderers[r] ? renderers[r] : g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "GTK's choice");
      fflush (stdout);
      child = g_subprocess_launcher_spawn (launcher, &error, argv[0], NULL);
      if (child == NULL || !g_subprocess_wait (child, NULL, &error))
        g_error ("%s", error->message);
      if (!g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0)
        {
          printf ("the run with this renderer failed\n");
          failed = 1;
        }
    }
  council_test_rm_rf (dir);
  return failed;
}
