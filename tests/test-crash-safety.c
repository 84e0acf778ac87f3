/* test-crash-safety.c: the store survives SIGKILL at any point.
 *
 * tests/crash-writer runs the real store code writing a stream of changes and
 * reports each commit; it is killed at a random point (deterministic per
 * round: after the k-th commit plus a random delay), and the database is then
 * reopened and checked: integrity, foreign keys, every reported change there,
 * no half change, history equal to the data. Integrations of brand projects
 * and score entries are checked by their content too: an integration is
 * complete (a new brand holding every source) or absent (no brand, no source
 * integrated), never half; a score is there with its value once reported
 * committed.
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
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "council-store-assessment.h"
#include "council-store-projects.h"
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
  guint integrations_killed;/* kills while an integration was being written */
  guint integrations_committed;/* ... of which the integration had committed */
  guint scores_killed;      /* the same for score entries and score sheets */
  guint scores_committed;
  GString *log;
} Tally;

typedef struct
{
  gint64 change_id;
  char *hash;
  gboolean in_change;
  char *in_flight_kind;
  char *in_flight_detail;   /* "KIND WHAT" of the change in flight, see crash-writer.c */
  char *committed_detail;   /* the same of the last committed change, or NULL */
  guint n_commits;
} Reported;

static void
reported_clear (Reported *last)
{
  g_clear_pointer (&last->hash, g_free);
  g_clear_pointer (&last->in_flight_kind, g_free);
  g_clear_pointer (&last->in_flight_detail, g_free);
  g_clear_pointer (&last->committed_detail, g_free);
}

/* The kinds whose rounds are forced (every change of that kind) and killed
 * at their "begin"; the others are killed once their "detail" line shows
 * their write has started. */
static gboolean
kind_is_forced (const char *kind)
{
  return g_strcmp0 (kind, "import-roster") == 0;
}

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
  char *line = NULL;
  size_t line_size = 0;
  FILE *out;

  envp = kind_is_forced (kind) ? g_environ_setenv (envp, "CRASH_WRITER_KIND", kind, TRUE)
                                : g_environ_unsetenv (envp, "CRASH_WRITER_KIND");
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_string_append_printf (log, "cannot start the writer: %s\n", error->message);
      return FALSE;
    }
  out = fdopen (out_fd, "r");
  /* A score sheet's detail line holds every organization: no line limit. */
  while (getline (&line, &line_size, out) != -1)
    {
      char **f = g_strsplit (g_strchomp (line), " ", 5);
      gboolean reached = FALSE;

      if (g_str_equal (f[0], "committed") && g_strv_length (f) >= 4)
        {
          last->change_id = g_ascii_strtoll (f[2], NULL, 10);
          g_free (last->hash);
          last->hash = g_strdup (f[3]);
          last->in_change = FALSE;
          g_clear_pointer (&last->committed_detail, g_free);
          if (g_strv_length (f) >= 5 && last->in_flight_detail != NULL &&
              g_str_has_prefix (last->in_flight_detail, f[4]) &&
              last->in_flight_detail[strlen (f[4])] == ' ')
            last->committed_detail = g_steal_pointer (&last->in_flight_detail);
          g_clear_pointer (&last->in_flight_detail, g_free);
          commits++;
          last->n_commits++;
          reached = commits >= kill_after && kind == NULL;
        }
      else if (g_str_equal (f[0], "begin") && g_strv_length (f) >= 3)
        {
          last->in_change = TRUE;
          g_free (last->in_flight_kind);
          last->in_flight_kind = g_strdup (f[2]);
          g_clear_pointer (&last->in_flight_detail, g_free);
          /* The import round kills inside the import, the others after k commits. */
          reached = kind_is_forced (kind) && g_str_equal (f[2], kind);
        }
      else if (g_str_equal (f[0], "detail") && g_strv_length (f) >= 4)
        {
          g_free (last->in_flight_detail);
          last->in_flight_detail = g_strjoinv (" ", f + 2);
          reached = kind != NULL && !kind_is_forced (kind) && g_str_equal (f[2], kind);
        }
      else if (g_str_equal (f[0], "skipped"))
        {
          last->in_change = FALSE;
          g_clear_pointer (&last->in_flight_detail, g_free);
        }
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
  free (line);
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

static gint64
query_int (sqlite3 *db, const char *sql, const char *text, gint64 a, gint64 b, gboolean *found)
{
  sqlite3_stmt *stmt = NULL;
  gint64 v = 0;

  *found = FALSE;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    {
      sqlite3_bind_int64 (stmt, 1, a);
      sqlite3_bind_int64 (stmt, 2, b);
    }
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      *found = TRUE;
      v = sqlite3_column_type (stmt, 0) == SQLITE_FLOAT ? (gint64) (sqlite3_column_double (stmt, 0) * 2)
                                                         : sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return v;
}

/* Checks what a detail line ("integrate CODE ID,ID…", "score I:O:V",
 * "score-sheet I:O:V,…") says against the database: all of it there
 * (@present) or none of it. Scores are compared in half points, the unit the
 * writer scores in. */
static void
check_detail (sqlite3 *db, const char *detail, gboolean present, GString *log)
{
  g_auto(GStrv) f = g_strsplit (detail, " ", 3);
  gboolean found;

  if (g_str_equal (f[0], "integrate") && g_strv_length (f) == 3)
    {
      g_auto(GStrv) sources = g_strsplit (f[2], ",", -1);
      gint64 brand = query_int (db, "SELECT id FROM project WHERE code = ?", f[1], 0, 0, &found);
      guint in_brand = 0, integrated = 0;

      for (guint i = 0; sources[i] != NULL; i++)
        {
          gboolean has_row;
          gint64 id = g_ascii_strtoll (sources[i], NULL, 10);
          gint64 into = query_int (db, "SELECT integrated_into FROM project WHERE id = ?1 AND ?2 = ?2",
                                   NULL, id, 0, &has_row);

          if (has_row)
            {
              integrated++;
              in_brand += found && into == brand;
            }
        }
      if (present && (!found || in_brand != g_strv_length (sources)))
        g_string_append_printf (log, "integration %s reported committed: brand %s, %u of %u sources in it\n",
                                f[1], found ? "there" : "missing", in_brand, g_strv_length (sources));
      else if (!present && (found || integrated > 0))
        g_string_append_printf (log, "integration %s not committed, yet brand %s and %u of %u sources integrated\n",
                                f[1], found ? "there" : "absent", integrated, g_strv_length (sources));
    }
  else if ((g_str_equal (f[0], "score") || g_str_equal (f[0], "score-sheet")) && g_strv_length (f) == 2)
    {
      g_auto(GStrv) scores = g_strsplit (f[1], ",", -1);
      guint matching = 0;

      for (guint i = 0; scores[i] != NULL; i++)
        {
          g_auto(GStrv) iov = g_strsplit (scores[i], ":", 3);
          gint64 half_points = (gint64) (g_ascii_strtod (iov[2], NULL) * 2);
          gint64 in_db = query_int (db, "SELECT value FROM assessment_score WHERE indicator_id = ?1 AND org_id = ?2",
                                    NULL, g_ascii_strtoll (iov[0], NULL, 10), g_ascii_strtoll (iov[1], NULL, 10),
                                    &found);

          matching += found && in_db == half_points;
        }
      /* Not committed: the state hash (equal to the last committed state)
       * proves the scores are the old ones, which may equal the new by chance. */
      if (present && matching != g_strv_length (scores))
        g_string_append_printf (log, "%s reported committed, but %u of %u scores have the value written\n",
                                f[0], matching, g_strv_length (scores));
    }
  else
    g_string_append_printf (log, "unreadable detail line from the writer: %s\n", detail);
}

/* Everywhere, not only for the last change: each brand the writer made by
 * integration holds sources of at least two organizations. */
static void
check_integrations_whole (sqlite3 *db, GString *log)
{
  gboolean found;
  gint64 half = query_int (db,
    "SELECT count(*) FROM project b WHERE b.code LIKE 'CWI-%' AND ?1 = ?1 AND ?2 = ?2 AND "
    "(SELECT count(DISTINCT s.lead_org_id) FROM project s WHERE s.integrated_into = b.id) < 2",
    NULL, 0, 0, &found);

  if (half != 0)
    g_string_append_printf (log, "integrated brands without sources of two organizations: %" G_GINT64_FORMAT "\n", half);
}

static void
check_details (const char *db_path, const Reported *last, gint64 in_db, Tally *tally, GString *log)
{
  sqlite3 *db = NULL;
  gboolean in_flight_committed = in_db == last->change_id + 1;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_string_append_printf (log, "cannot open %s: %s\n", db_path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return;
    }
  check_integrations_whole (db, log);
  /* The last reported change is there as written unless the change in
   * flight committed after it (an undo may take it back, a score may
   * overwrite one of a sheet's). */
  if (last->committed_detail != NULL && in_db == last->change_id)
    check_detail (db, last->committed_detail, TRUE, log);
  if (last->in_change && last->in_flight_detail != NULL)
    {
      check_detail (db, last->in_flight_detail, in_flight_committed, log);
      if (g_str_has_prefix (last->in_flight_detail, "integrate "))
        {
          tally->integrations_killed++;
          tally->integrations_committed += in_flight_committed;
        }
      else
        {
          tally->scores_killed++;
          tally->scores_committed += in_flight_committed;
        }
    }
  sqlite3_close (db);
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
  if (ok)
    {
      gsize before = log->len;

      check_details (db_path, last, in_db, tally, log);
      ok = log->len == before;
    }
  return ok;
}

/* The next round's writer starts from the file as the kill left it: a
 * change in flight that committed unreported is now the last one. */
static void
resync (const char *db_path, Reported *last)
{
  gint64 in_db = council_test_last_change (db_path);

  if (in_db == last->change_id)
    return;
  if (last->in_change && in_db == last->change_id + 1 && last->in_flight_detail != NULL)
    {
      g_free (last->committed_detail);
      last->committed_detail = g_steal_pointer (&last->in_flight_detail);
    }
  else
    g_clear_pointer (&last->committed_detail, g_free);
  last->change_id = in_db;
  g_free (last->hash);
  last->hash = council_test_state_hash (db_path);
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
      /* Of every five rounds one is killed inside a roster import, one while
       * an integration is written and one inside a score sheet; their kills
       * come within 2 ms, to land inside the change or just after its commit. */
      const char *kind = r % 5 == 4 ? "import-roster" : r % 5 == 2 ? "integrate"
                       : r % 5 == 3 ? "score-sheet" : NULL;
      g_autoptr(GString) log = g_string_new (NULL);
      gboolean ok;

      if (r % ROUNDS_PER_DATABASE == 0)
        {
          g_autofree char *name = g_strdup_printf ("council-%u.db", r);
          g_free (db_path);
          db_path = g_build_filename (dir, name, NULL);
          last.change_id = 0;
          g_clear_pointer (&last.hash, g_free);
          g_clear_pointer (&last.committed_detail, g_free);
        }
      if (kind != NULL && !kind_is_forced (kind))
        delay_us %= 2000;
      last.in_change = FALSE;
      g_clear_pointer (&last.in_flight_detail, g_free);
      ok = run_writer_and_kill (db_path, seed, kind, kill_after, delay_us, &last, log);
      /* Seeding the roster is the first change (made at open, before
       * "ready"); a kill before it leaves an empty file, which the next open
       * initialises. Beyond it only the change in flight may be there
       * unreported. */
      if (ok && last.change_id > 0)
        ok = check_after_crash (db_path, &last, tally, log);
      if (ok && last.change_id == 0 && council_test_last_change (db_path) > 1 + (last.in_change ? 1 : 0))
        {
          g_string_append (log, "changes in the database that the writer never reported\n");
          ok = FALSE;
        }
      resync (db_path, &last);
      tally->rounds++;
      if (!ok)
        {
          tally->failures++;
          g_string_append_printf (tally->log, "round %u (seed %u, kill after %u commits + %lu µs%s%s):\n%s",
                                  r, seed, kill_after, delay_us, kind ? ", at " : "", kind ? kind : "", log->str);
        }
    }
  tally->commits += last.n_commits;
  reported_clear (&last);
  council_test_rm_rf (dir);
}

static void
test_crash_rounds (void)
{
  Tally tally = { .log = g_string_new (NULL) };

  run_rounds (20, 20261129, &tally);
  g_test_message ("%u rounds, %u failures, %u commits, %u killed inside a change, %u interrupted imports, "
                  "%u kills while an integration was written (%u had committed), %u while scores were (%u)",
                  tally.rounds, tally.failures, tally.commits, tally.killed_in_change, tally.imports_interrupted,
                  tally.integrations_killed, tally.integrations_committed, tally.scores_killed, tally.scores_committed);
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
  reported_clear (&last);
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

static gint64
save_brand (CouncilStore *store, const char *code, gint64 lead, gint64 category)
{
  g_autoptr(CouncilProject) p = council_project_new ();
  g_autoptr(GError) error = NULL;

  council_project_set_code (p, code);
  council_project_set_title_zh (p, "职工技能提升培训");
  council_project_set_lead_org_id (p, lead);
  council_project_set_category_id (p, category);
  council_project_set_start_date (p, "2026-03-01");
  council_project_set_end_date (p, "2026-10-31");
  council_project_set_budget_fen (p, 100000);
  council_project_set_target_group (p, "产业工人");
  council_project_set_is_brand (p, TRUE);
  council_store_save_project (store, p, &error);
  g_assert_no_error (error);
  return council_project_get_id (p);
}

/* The integration and score checks must see a half integration and a score
 * that is not what was reported. */
static void
test_detail_checks_see_damage (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GListStore) orgs = council_store_list_organizations (store, FALSE, NULL);
  g_autoptr(GListStore) cats = council_store_list_project_categories (store, NULL);
  g_autoptr(CouncilOrganization) o1 = g_list_model_get_item (G_LIST_MODEL (orgs), 0);
  g_autoptr(CouncilOrganization) o2 = g_list_model_get_item (G_LIST_MODEL (orgs), 1);
  g_autoptr(CouncilProjectCategory) cat = g_list_model_get_item (G_LIST_MODEL (cats), 0);
  gint64 category = council_project_category_get_id (cat);
  gint64 s1 = save_brand (store, "CW-1-1", council_organization_get_id (o1), category);
  gint64 s2 = save_brand (store, "CW-1-2", council_organization_get_id (o2), category);
  g_autoptr(CouncilProject) brand = council_project_new ();
  g_autoptr(GArray) sources = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CouncilAssessmentScheme) scheme = council_assessment_scheme_new (2026);
  g_autoptr(CouncilIndicator) category_ind = council_indicator_new (COUNCIL_INDICATOR_CATEGORY, "基础工作", 0);
  g_autoptr(CouncilIndicator) ind = council_indicator_new (COUNCIL_INDICATOR_MANUAL, "班子建设", 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *integrate = g_strdup_printf ("integrate CWI-1-3 %" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, s1, s2);
  g_autofree char *score = NULL;
  g_autofree char *wrong_score = NULL;
  sqlite3 *db = NULL;

  g_array_append_val (sources, s1);
  g_array_append_val (sources, s2);
  council_project_set_code (brand, "CWI-1-3");
  council_project_set_title_zh (brand, "群团就业创业一体化服务");
  council_project_set_lead_org_id (brand, council_organization_get_id (o1));
  council_project_set_category_id (brand, category);
  council_project_set_start_date (brand, "2026-03-01");
  council_project_set_end_date (brand, "2026-10-31");
  council_project_set_target_group (brand, "产业工人");
  council_project_set_is_brand (brand, TRUE);
  g_assert_true (council_store_integrate_projects (store, sources, brand, &error));
  g_assert_no_error (error);
  g_assert_true (council_store_save_assessment_scheme (store, scheme, &error));
  g_assert_true (council_store_save_assessment_indicator (store, scheme->id, category_ind, &error));
  ind->parent_id = category_ind->id;
  g_assert_true (council_store_save_assessment_indicator (store, scheme->id, ind, &error));
  g_assert_true (council_store_set_assessment_score (store, ind->id, council_organization_get_id (o2), 7.5, NULL, &error));
  g_assert_no_error (error);
  score = g_strdup_printf ("score %" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":7.5", ind->id, council_organization_get_id (o2));
  wrong_score = g_strdup_printf ("score-sheet %" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":7.5,%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":8",
                                 ind->id, council_organization_get_id (o2), ind->id, council_organization_get_id (o1));
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  check_integrations_whole (db, log);
  check_detail (db, integrate, TRUE, log);
  check_detail (db, score, TRUE, log);
  g_assert_cmpstr (log->str, ==, "");
  check_detail (db, integrate, FALSE, log);
  g_assert_nonnull (strstr (log->str, "integration CWI-1-3 not committed, yet brand there and 2 of 2 sources integrated"));
  g_string_truncate (log, 0);
  check_detail (db, wrong_score, TRUE, log);
  g_assert_nonnull (strstr (log->str, "score-sheet reported committed, but 1 of 2 scores have the value written"));
  g_string_truncate (log, 0);
  /* Half an integration: one source let go outside any change. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF; DROP TRIGGER project_history_update;", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE project SET integrated_into = NULL WHERE id = %" G_GINT64_FORMAT, s2);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  check_integrations_whole (db, log);
  check_detail (db, integrate, TRUE, log);
  g_assert_nonnull (strstr (log->str, "integrated brands without sources of two organizations: 1"));
  g_assert_nonnull (strstr (log->str, "integration CWI-1-3 reported committed: brand there, 1 of 2 sources in it"));
  sqlite3_close (db);
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
              "(%u of those changes had committed), %u roster imports interrupted with no trace, "
              "%u kills while an integration was written (%u had committed), %u while scores were (%u); %.1f s\n",
              tally.rounds, tally.failures, tally.commits, tally.killed_in_change,
              tally.in_flight_committed, tally.imports_interrupted,
              tally.integrations_killed, tally.integrations_committed, tally.scores_killed, tally.scores_committed,
              (g_get_monotonic_time () - start) / 1e6);
      g_string_free (tally.log, TRUE);
      return tally.failures == 0 ? 0 : 1;
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash-safety/checks-see-damage", test_checks_see_damage);
  g_test_add_func ("/crash-safety/detail-checks-see-damage", test_detail_checks_see_damage);
  g_test_add_func ("/crash-safety/rounds", test_crash_rounds);
  g_test_add_func ("/crash-safety/inside-import", test_crash_inside_import);
  return g_test_run ();
}
