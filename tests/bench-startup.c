/* bench-startup.c: start-up to the first drawn frame, on the seeded database and on
 * the large generated council (over a million history rows, 100,000 projects,
 * 200,000 action items). Start-up must not read what it does not show,
 * so the ratio of the two medians should stay under 1.2.
 *
 * Each run starts $COUNCIL_DESK_BIN --database FILE with
 * COUNCIL_DESK_EXIT_AFTER_FIRST_FRAME=1 and times, from the parent, the span
 * from spawning to the child's "first frame drawn" line. Without a display an
 * Xvfb server is started for the duration (its own start-up is not timed).
 * The machine may be shared: the CPU time of each run until its first frame
 * (user and system, as the child reports it on that line) is compared too.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "council-generate.h"
#include "council-store.h"
#include "council-test-helpers.h"

#define N_RUNS 7
#define TARGET_RATIO 1.2

static GSubprocess *xvfb;

/* A DISPLAY left over from another session may name no server. */
static gboolean
have_display (void)
{
  const char *display = g_getenv ("DISPLAY");
  g_autofree char *socket = NULL;

  if (g_getenv ("WAYLAND_DISPLAY") != NULL)
    return TRUE;
  if (display == NULL || *display == '\0')
    return FALSE;
  if (display[0] != ':')
    return TRUE;   /* host:n, assume it answers */
  socket = g_strdup_printf ("/tmp/.X11-unix/X%d", atoi (display + 1));
  return g_file_test (socket, G_FILE_TEST_EXISTS);
}

static void
ensure_display (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  char buf[32] = { 0 };
  gssize n;
  int fds[2];

  if (have_display ())
    return;
  g_unsetenv ("WAYLAND_DISPLAY");
  if (g_find_program_in_path ("Xvfb") == NULL)
    g_error ("No display and no Xvfb: run under xvfb-run or install xvfb");
  g_assert_cmpint (pipe (fds), ==, 0);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_take_fd (launcher, fds[1], 3);
  xvfb = g_subprocess_launcher_spawn (launcher, &error, "Xvfb", "-displayfd", "3", "-screen", "0",
                                      "1400x900x24", "-nolisten", "tcp", NULL);
  g_assert_no_error (error);
  g_clear_object (&launcher);   /* closes our copy of the write end */
  n = read (fds[0], buf, sizeof buf - 1);
  close (fds[0]);
  if (n <= 0)
    g_error ("Xvfb did not report a display number");
  g_strstrip (buf);
  {
    g_autofree char *display = g_strdup_printf (":%s", buf);
    g_setenv ("DISPLAY", display, TRUE);
    g_print ("# started Xvfb on %s\n", display);
  }
}

static gint64
sql_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
create_seeded (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
}

/* Microseconds from spawning to the first drawn frame; @cpu, the CPU time
 * the child spent until then. */
static double
time_start_up (const char *bin, const char *db, double *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  gboolean seen = FALSE;
  gint64 start, end = 0;
  char *line;

  g_subprocess_launcher_setenv (launcher, "COUNCIL_DESK_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  start = g_get_monotonic_time ();
  child = g_subprocess_launcher_spawn (launcher, &error, bin, "--database", db, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
    {
      const char *report = strstr (line, "first frame drawn");

      if (!seen && report != NULL)
        {
          const char *cpu_text = strstr (report, "(CPU ");

          end = g_get_monotonic_time ();
          seen = TRUE;
          if (cpu != NULL)
            *cpu = cpu_text != NULL ? g_ascii_strtod (cpu_text + 5, NULL) * 1000.0 : -1;
        }
      g_free (line);
    }
  g_assert_no_error (error);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  if (!seen || !g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0)
    g_error ("%s --database %s did not report its first frame and exit cleanly", bin, db);
  if (cpu != NULL && *cpu < 0)
    g_error ("%s did not report its CPU time with its first frame", bin);
  return (double) (end - start);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
print_runs (const char *label, const double *values, guint n)
{
  g_print ("%-28s", label);
  for (guint i = 0; i < n; i++)
    g_print (" %6.1f", values[i] / 1000.0);
  g_print ("  ms\n");
}

int
main (int argc, char *argv[])
{
  const char *bin = g_getenv ("COUNCIL_DESK_BIN");
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *seeded = g_build_filename (dir, "seeded.db", NULL);
  g_autofree char *large = NULL;
  g_autoptr(GError) error = NULL;
  double t_seeded[N_RUNS], t_large[N_RUNS], c_seeded[N_RUNS], c_large[N_RUNS];
  double m_seeded, m_large, ratio, mc_seeded, mc_large;
  gint64 n_history;
  gint64 t0;

  if (bin == NULL)
    g_error ("COUNCIL_DESK_BIN is not set; run through meson test --benchmark");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  ensure_display ();

  create_seeded (seeded);
  /* The large council of every benchmark (tests/council-generate.c): 50,000
   * history edits and the history of every generated record. */
  t0 = g_get_monotonic_time ();
  large = council_generate_cached_copy (COUNCIL_GENERATE_LARGE, COUNCIL_GENERATE_SEED, dir, &error);
  if (large == NULL)
    g_error ("could not generate the large council: %s", error->message);
  n_history = sql_int (large, "SELECT count(*) FROM history");
  g_print ("# large council with %" G_GINT64_FORMAT " history rows ready in %.1f s (%.1f MB)\n", n_history,
           (g_get_monotonic_time () - t0) / 1e6,
           sql_int (large, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size") / 1e6);
  g_assert_cmpint (n_history, >=, 100000);

  /* Warm the page cache and the font caches once for each. */
  time_start_up (bin, seeded, NULL);
  time_start_up (bin, large, NULL);

  for (guint i = 0; i < N_RUNS; i++)
    {
      /* Alternating, so drift on the machine affects both alike. */
      t_seeded[i] = time_start_up (bin, seeded, &c_seeded[i]);
      t_large[i] = time_start_up (bin, large, &c_large[i]);
    }
  print_runs ("seeded database:", t_seeded, N_RUNS);
  print_runs ("large council:", t_large, N_RUNS);
  print_runs ("seeded database, CPU:", c_seeded, N_RUNS);
  print_runs ("large council, CPU:", c_large, N_RUNS);
  m_seeded = median (t_seeded, N_RUNS);
  m_large = median (t_large, N_RUNS);
  ratio = m_large / m_seeded;
  mc_seeded = median (c_seeded, N_RUNS);
  mc_large = median (c_large, N_RUNS);

  g_print ("\nStart-up to first drawn frame (median of %d runs)\n", N_RUNS);
  g_print ("  seeded database (22 organizations): %7.1f ms\n", m_seeded / 1000.0);
  g_print ("  large council, %7" G_GINT64_FORMAT " history rows: %7.1f ms\n", n_history, m_large / 1000.0);
  g_print ("  ratio: %.2f (target < %.1f: %s)\n", ratio, TARGET_RATIO,
           ratio < TARGET_RATIO ? "met" : "NOT met");
  g_print ("  CPU time until the first frame (median): seeded %.1f ms, large %.1f ms, ratio %.2f\n",
           mc_seeded / 1000.0, mc_large / 1000.0, mc_large / mc_seeded);

  council_test_rm_rf (dir);
  if (xvfb != NULL)
    {
      g_subprocess_send_signal (xvfb, SIGTERM);
      g_subprocess_wait (xvfb, NULL, NULL);
      g_clear_object (&xvfb);
    }
  return 0;
}
