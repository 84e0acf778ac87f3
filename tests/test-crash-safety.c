/* test-crash-safety.c: the store survives SIGKILL at any point.
 *
 * tests/crash-writer runs the real store code writing a stream of changes and
 * reports each commit; it is killed at a random point (deterministic per
 * round: after the k-th commit plus a random delay), and the database is then
 * reopened and checked: integrity, foreign keys, every reported change there,
 * no half change, history equal to the data.
 *
 *   test-crash-safety                 GTest, 20 rounds (meson test)
 *   test-crash-safety --rounds 500    the long run (meson test --benchmark),
 *                                     prints the count of failures
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "council-test-helpers.h"

/* A fresh council every this many rounds keeps the database small enough
 * that rounds stay quick; within a block each round reopens the file the
 * killed writer of the previous round left behind. */
#define ROUNDS_PER_DATABASE 10

typedef struct
{
  guint rounds;
  guint failures;
  guint commits;            /* changes reported committed, over all rounds */
  guint killed_in_change;   /* kills that landed between begin and commit */
  guint in_flight_committed;/* ... of which the change had committed */
  guint imports_interrupted;/* kills inside a roster import left no trace */
  GString *log;
} Tally;

typedef struct
{
  gint64 change_id;
  char *hash;
  gboolean in_change;
  char *in_flight_kind;
  guint n_commits;
} Reported;

static char *program_dir;   /* where this test and tests/crash-writer are built */

static char *
crash_writer_path (void)
{
  const char *dir = g_getenv ("COUNCIL_TEST_BUILDDIR");
  return g_build_filename (dir ? dir : program_dir, "crash-writer", NULL);
}

/* Runs the writer until it has reported `kill_after` commits, waits
 * delay_us, kills it; fills *last with the last commit it reported. */
static gboolean
run_writer_and_kill (const char *db_path, guint32 seed, const char *kind,
                     guint kill_after, gulong delay_us, Reported *last, GString *log)
{
  g_autofree char *exe = crash_writer_path ();
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  const char *argv[] = { exe, db_path, seed_text, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out_fd, status = 0;
  guint commits = 0;
  gboolean killed = FALSE;
  char line[512];
  FILE *out;

  envp = kind ? g_environ_setenv (envp, "CRASH_WRITER_KIND", kind, TRUE)
              : g_environ_unsetenv (envp, "CRASH_WRITER_KIND");
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_string_append_printf (log, "cannot start the writer: %s\n", error->message);
      return FALSE;
    }
  out = fdopen (out_fd, "r");
  while (fgets (line, sizeof line, out) != NULL)
    {
      char **f = g_strsplit (g_strchomp (line), " ", 5);
      gboolean reached = FALSE;

      if (g_str_equal (f[0], "committed") && g_strv_length (f) >= 4)
        {
          last->change_id = g_ascii_strtoll (f[2], NULL, 10);
          g_free (last->hash);
          last->hash = g_strdup (f[3]);
          last->in_change = FALSE;
          commits++;
          last->n_commits++;
          reached = commits >= kill_after && kind == NULL;
        }
      else if (g_str_equal (f[0], "begin") && g_strv_length (f) >= 3)
        {
          last->in_change = TRUE;
          g_free (last->in_flight_kind);
          last->in_flight_kind = g_strdup (f[2]);
          /* The import round kills inside the import, the others after k commits. */
          reached = kind != NULL && g_str_equal (f[2], kind);
        }
      else if (g_str_equal (f[0], "skipped"))
        last->in_change = FALSE;
      else if (g_str_equal (f[0], "ready"))
        reached = kill_after == 0 && kind == NULL;
      g_strfreev (f);
      /* Lines still in the pipe after the kill were written before it:
       * they are read too, so every reported commit counts. */
      if (reached && !killed)
        {
          if (delay_us > 0)
            g_usleep (delay_us);
          kill (pid, SIGKILL);
          killed = TRUE;
        }
    }
  fclose (out);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  if (!killed || !(WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL))
    {
      /* Finished or died before the kill: either is a failure of the writer. */
      if (!(killed && WIFEXITED (status) && WEXITSTATUS (status) == 0))
        {
          g_string_append_printf (log, "the writer ended by itself (status %d) before the kill\n", status);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_after_crash (const char *db_path, const Reported *last, Tally *tally, GString *log)
{
  g_autofree char *problems = council_test_check_consistency (db_path);
  g_autofree char *hash = council_test_state_hash (db_path);
  gint64 in_db = council_test_last_change (db_path);
  gboolean ok = TRUE;

  if (problems != NULL)
    {
      g_string_append (log, problems);
      ok = FALSE;
    }
  if (in_db < last->change_id)
    {
      g_string_append_printf (log, "change %" G_GINT64_FORMAT " was reported committed but the database ends at %" G_GINT64_FORMAT "\n",
                              last->change_id, in_db);
      ok = FALSE;
    }
  else if (in_db == last->change_id)
    {
      if (g_strcmp0 (hash, last->hash) != 0)
        {
          g_string_append_printf (log, "the data differs from what the writer saw after change %" G_GINT64_FORMAT "\n",
                                  last->change_id);
          ok = FALSE;
        }
      if (last->in_change && g_strcmp0 (last->in_flight_kind, "import-roster") == 0)
        tally->imports_interrupted++;
    }
  else if (!last->in_change || in_db != last->change_id + 1)
    {
      /* Only the change in flight may have committed without being reported. */
      g_string_append_printf (log, "the database has changes up to %" G_GINT64_FORMAT ", the writer reported %" G_GINT64_FORMAT "%s\n",
                              in_db, last->change_id, last->in_change ? " with one in flight" : "");
      ok = FALSE;
    }
  else
    tally->in_flight_committed++;
  if (last->in_change)
    tally->killed_in_change++;
  return ok;
}

static void
run_rounds (guint n_rounds, guint32 base_seed, Tally *tally)
{
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *db_path = NULL;
  Reported last = { 0 };

  for (guint r = 0; r < n_rounds; r++)
    {
      guint32 seed = base_seed + r;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      guint kill_after = (guint) g_rand_int_range (rand, 0, 25);
      gulong delay_us = (gulong) g_rand_int_range (rand, 0, 30000);
      /* Every fifth round is killed inside a roster import. */
      const char *kind = r % 5 == 4 ? "import-roster" : NULL;
      g_autoptr(GString) log = g_string_new (NULL);
      gboolean ok;

      if (r % ROUNDS_PER_DATABASE == 0)
        {
          g_autofree char *name = g_strdup_printf ("council-%u.db", r);
          g_free (db_path);
          db_path = g_build_filename (dir, name, NULL);
          last.change_id = 0;
          g_clear_pointer (&last.hash, g_free);
        }
      last.in_change = FALSE;
      ok = run_writer_and_kill (db_path, seed, kind, kill_after, delay_us, &last, log);
      /* Seeding the roster is the first change; a kill before it leaves an
       * empty file, which the next open initialises. */
      if (ok && last.change_id > 0)
        ok = check_after_crash (db_path, &last, tally, log);
      if (ok && last.change_id == 0 && council_test_last_change (db_path) > 1)
        {
          g_string_append (log, "changes in the database that the writer never reported\n");
          ok = FALSE;
        }
      tally->rounds++;
      if (!ok)
        {
          tally->failures++;
          g_string_append_printf (tally->log, "round %u (seed %u, kill after %u commits + %lu µs%s):\n%s",
                                  r, seed, kill_after, delay_us, kind ? ", inside an import" : "", log->str);
        }
    }
  tally->commits += last.n_commits;
  g_free (last.hash);
  g_free (last.in_flight_kind);
  council_test_rm_rf (dir);
}

static void
test_crash_rounds (void)
{
  Tally tally = { .log = g_string_new (NULL) };

  run_rounds (20, 20261129, &tally);
  g_test_message ("%u rounds, %u failures, %u commits, %u killed inside a change, %u interrupted imports",
                  tally.rounds, tally.failures, tally.commits, tally.killed_in_change, tally.imports_interrupted);
  if (tally.failures > 0)
    g_test_message ("%s", tally.log->str);
  g_assert_cmpuint (tally.failures, ==, 0);
  g_string_free (tally.log, TRUE);
}

/* The kill must land inside an import at least once, or the import round
 * tests nothing. The delay is 0, so the import has barely started. */
static void
test_crash_inside_import (void)
{
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *db_path = g_build_filename (dir, "council.db", NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  Tally tally = { .log = log };
  Reported last = { 0 };
  g_autofree char *hash_before = NULL;

  /* First a committed state to compare with. */
  g_assert_true (run_writer_and_kill (db_path, 7, NULL, 3, 0, &last, log));
  g_assert_true (check_after_crash (db_path, &last, &tally, log));
  hash_before = council_test_state_hash (db_path);
  last.in_change = FALSE;
  g_assert_true (run_writer_and_kill (db_path, 8, "import-roster", 0, 0, &last, log));
  g_assert_cmpstr (last.in_flight_kind, ==, "import-roster");
  g_assert_true (check_after_crash (db_path, &last, &tally, log));
  g_assert_cmpstr (log->str, ==, "");
  g_free (last.hash);
  g_free (last.in_flight_kind);
  council_test_rm_rf (dir);
}

/* The checks must see damage, or a passing round proves nothing. */
static void
test_checks_see_damage (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *problems = NULL;
  sqlite3 *db = NULL;

  g_assert_null (council_test_check_consistency (path));
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* A row changed without its history, as a write outside a change would. */
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER organization_history_update;"
                                 "UPDATE organization SET phone = '023-61234567' WHERE id = 1;"
                                 "INSERT INTO change (summary) VALUES ('half')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  problems = council_test_check_consistency (path);
  g_assert_nonnull (problems);
  g_assert_nonnull (strstr (problems, "rows of organization that differ from their newest history: 1"));
  g_assert_nonnull (strstr (problems, "changes without history: 1"));
  council_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  program_dir = g_path_get_dirname (argv[0]);
  if (argc == 3 && g_str_equal (argv[1], "--rounds"))
    {
      Tally tally = { .log = g_string_new (NULL) };
      gint64 start = g_get_monotonic_time ();
      guint n = (guint) g_ascii_strtoull (argv[2], NULL, 10);

      run_rounds (n, 1, &tally);
      printf ("%s", tally.log->str);
      printf ("crash safety: %u rounds, %u failures; %u commits reported, %u kills inside a change "
              "(%u of those changes had committed), %u roster imports interrupted with no trace; %.1f s\n",
              tally.rounds, tally.failures, tally.commits, tally.killed_in_change,
              tally.in_flight_committed, tally.imports_interrupted,
              (g_get_monotonic_time () - start) / 1e6);
      g_string_free (tally.log, TRUE);
      return tally.failures == 0 ? 0 : 1;
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash-safety/checks-see-damage", test_checks_see_damage);
  g_test_add_func ("/crash-safety/rounds", test_crash_rounds);
  g_test_add_func ("/crash-safety/inside-import", test_crash_inside_import);
  return g_test_run ();
}
