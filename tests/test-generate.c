/* test-generate.c: the generator is deterministic by seed, its counts are
 * exact and its data is sound (integrity, history, locks).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "council-generate.h"
#include "council-test-helpers.h"

static gint64
count (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* The realistic counts, smaller where the test would only wait longer. */
static void
test_counts (CouncilGenerateCounts *counts)
{
  council_generate_counts (COUNCIL_GENERATE_REALISTIC, counts);
  counts->history_edits = 300;
}

/* Generates into a fresh store; returns the database path. */
static char *
generate (guint32 seed, const CouncilGenerateCounts *counts)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);

  if (!council_generate (store, counts, seed, &error))
    g_error ("generate: %s", error->message);
  return path;
}

static char *
generate_hash (guint32 seed)
{
  CouncilGenerateCounts counts;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  char *problems, *hash;

  test_counts (&counts);
  path = generate (seed, &counts);
  dir = g_path_get_dirname (path);
  problems = council_test_check_consistency (path);
  if (problems != NULL)
    g_error ("seed %u: %s", seed, problems);
  hash = council_test_state_hash (path);
  council_test_rm_rf (dir);
  return hash;
}

static void
test_deterministic (void)
{
  g_autofree char *a = generate_hash (42);
  g_autofree char *b = generate_hash (42);
  g_autofree char *c = generate_hash (43);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
}

static void
test_exact_counts (void)
{
  CouncilGenerateCounts counts;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  sqlite3 *db = NULL;

  test_counts (&counts);
  path = generate (7, &counts);
  dir = g_path_get_dirname (path);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  g_assert_cmpint (count (db, "SELECT count(*) FROM organization WHERE retired = 0"), ==, counts.organizations);
  g_assert_cmpint (count (db, "SELECT count(*) FROM liaison_officer"), ==, counts.liaison_officers);
  /* One change per history edit, each with its one history row. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM change c WHERE summary LIKE 'Edit organization:%' "
                              "AND (SELECT count(*) FROM history h WHERE h.change_id = c.id) = 1"), ==, counts.history_edits);
  g_assert_cmpint (count (db, "SELECT count(*) FROM project WHERE code LIKE 'GEN-%'"), ==, counts.projects);
  g_assert_cmpint (count (db, "SELECT count(*) FROM fund_entry"), ==, counts.fund_entries);
  g_assert_cmpint (count (db, "SELECT count(*) FROM milestone"), ==, counts.milestones);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT integrated_into) FROM project WHERE integrated_into IS NOT NULL"), ==, counts.brands);
  /* Brands integrate projects of different organizations only. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM (SELECT integrated_into FROM project WHERE integrated_into IS NOT NULL "
                              "GROUP BY integrated_into HAVING count(DISTINCT lead_org_id) < 2 OR count(*) > 3)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM meeting"), ==, counts.meetings);
  g_assert_cmpint (count (db, "SELECT count(*) FROM action_item"), ==, counts.action_items);
  /* Every action item comes from an action outcome of its own meeting's agenda. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM action_item a JOIN outcome o ON o.id = a.outcome_id "
                              "JOIN agenda_item g ON g.id = o.agenda_item_id "
                              "WHERE o.kind = 'action' AND g.id = a.agenda_item_id AND g.meeting_id = a.meeting_id"), ==, counts.action_items);
  g_assert_cmpint (count (db, "SELECT count(*) FROM action_item a JOIN meeting m ON m.id = a.meeting_id "
                              "WHERE a.due_date < substr(m.starts_at, 1, 10) OR m.state = 'planned'"), ==, 0);
  /* Plenary and joint meetings held: every member's attendance recorded. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM meeting m JOIN meeting_kind k ON k.id = m.kind_id "
                              "WHERE m.state <> 'planned' AND k.code <> 'special' "
                              "AND (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id) <> 22"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM meeting WHERE state = 'approved'"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM action_item WHERE status IN ('open', 'in_progress') AND due_date < '2026-11-29'"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM assessment_scheme WHERE finalized = 1"), ==, counts.assessment_years);
  g_assert_cmpint (count (db, "SELECT max(year) FROM assessment_scheme"), ==, 2025);
  /* Every scored indicator (not bonus or deduction) scored for every organization. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM assessment_score s JOIN assessment_indicator i ON i.id = s.indicator_id "
                              "WHERE i.kind IN ('manual', 'computed', 'rank')"), ==, counts.assessment_years * 22 * 9);
  g_assert_cmpint (count (db, "SELECT count(*) FROM document_page"), ==, counts.document_pages);
  g_assert_cmpint (count (db, "SELECT sum(page_count) FROM document"), ==, counts.document_pages);
  g_assert_cmpint (count (db, "SELECT page_count FROM document ORDER BY id LIMIT 1"), ==, counts.long_document_pages);
  /* The page index follows its content: every page has the header line. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM document_page_fts WHERE document_page_fts MATCH '\"号文件\"'"), ==, counts.document_pages);
  /* Nothing the generator wrote can be undone with Ctrl+Z but the history edits. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM change WHERE who = 'generator' AND undoable = 1"), ==, 0);
  sqlite3_close (db);
  council_test_rm_rf (dir);
}

/* The cache hands out copies: a change to one is not seen by the next. */
static void
test_cached_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *builddir = g_build_filename (dir, "build", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *hash = NULL;

  g_setenv ("COUNCIL_TEST_BUILDDIR", builddir, TRUE);
  first = council_generate_cached_copy (COUNCIL_GENERATE_REALISTIC, 5, dir, &error);
  g_assert_no_error (error);
  hash = council_test_state_hash (first);
  {
    g_autoptr(CouncilStore) store = council_store_open (first, &error);
    g_autoptr(CouncilOrganization) org = council_store_get_organization (store, 1, &error);

    g_assert_no_error (error);
    council_organization_set_notes (org, "changed in the copy");
    g_assert_true (council_store_save_organization (store, org, &error));
  }
  {
    g_autofree char *changed = council_test_state_hash (first);
    g_assert_cmpstr (changed, !=, hash);
  }
  second = council_generate_cached_copy (COUNCIL_GENERATE_REALISTIC, 5, dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);   /* the same name, copied over */
  {
    g_autofree char *again = council_test_state_hash (second);
    g_assert_cmpstr (again, ==, hash);
  }
  council_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/generate/deterministic", test_deterministic);
  g_test_add_func ("/generate/exact-counts", test_exact_counts);
  g_test_add_func ("/generate/cached-copy", test_cached_copy);
  return g_test_run ();
}
