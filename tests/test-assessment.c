/* test-assessment.c: schemes, scores, totals, ranks with ties, rank points,
 * caps, computed indicators, the lock and the reopen, and the exported sheets.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "council-demo.h"
#include "council-store-assessment.h"
#include "council-test-helpers.h"
#include "council-workbook.h"

#define PYTHON "/usr/bin/python3"

typedef struct
{
  CouncilStore *store;
  char *path;
  CouncilAssessmentScheme *scheme;
  GPtrArray *orgs;
  gint64 manual_id, manual2_id, rank_id, bonus1_id, bonus2_id, deduction_id, computed_id;
} Fixture;

static gint64
add_indicator (Fixture *f, gint64 parent, CouncilIndicatorKind kind, const char *name, double max, double cap)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilIndicator) ind = council_indicator_new (kind, name, max);

  ind->parent_id = parent;
  ind->cap = cap;
  if (kind == COUNCIL_INDICATOR_RANK)
    {
      const double points[] = { 10, 9.5, 9 };
      g_array_append_vals (ind->rank_points, points, G_N_ELEMENTS (points));
    }
  if (kind == COUNCIL_INDICATOR_COMPUTED)
    ind->source = COUNCIL_COMPUTED_PROJECTS_ON_TIME;
  council_store_save_assessment_indicator (f->store, f->scheme->id, ind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ind->id, >, 0);
  return ind->id;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 cat;

  f->store = council_test_open_store (&f->path);
  f->scheme = council_assessment_scheme_new (2025);
  g_free (f->scheme->title);
  f->scheme->title = g_strdup ("2025年度考核方案");
  f->scheme->bonus_cap = 4;
  f->scheme->deduction_cap = 2;
  council_store_save_assessment_scheme (f->store, f->scheme, &error);
  g_assert_no_error (error);
  cat = add_indicator (f, 0, COUNCIL_INDICATOR_CATEGORY, "基础工作", 0, 0);
  f->manual_id = add_indicator (f, cat, COUNCIL_INDICATOR_MANUAL, "班子建设", 10, 0);
  f->manual2_id = add_indicator (f, cat, COUNCIL_INDICATOR_MANUAL, "信息报送", 60, 0);
  f->rank_id = add_indicator (f, cat, COUNCIL_INDICATOR_RANK, "服务人数", 10, 0);
  f->computed_id = add_indicator (f, cat, COUNCIL_INDICATOR_COMPUTED, "项目按期完成率", 20, 0);
  cat = add_indicator (f, 0, COUNCIL_INDICATOR_CATEGORY, "加减分", 0, 0);
  f->bonus1_id = add_indicator (f, cat, COUNCIL_INDICATOR_BONUS, "上级表彰", 0, 3);
  f->bonus2_id = add_indicator (f, cat, COUNCIL_INDICATOR_BONUS, "创新工作", 0, 3);
  f->deduction_id = add_indicator (f, cat, COUNCIL_INDICATOR_DEDUCTION, "工作失误", 0, 5);
  f->orgs = council_store_list_assessment_organizations (f->store, f->scheme, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->orgs->len, >=, 5);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_clear_pointer (&f->orgs, g_ptr_array_unref);
  g_clear_pointer (&f->scheme, council_assessment_scheme_free);
  g_clear_object (&f->store);
  council_test_rm_rf (dir);
  g_free (f->path);
}

static gint64
org (Fixture *f, guint i)
{
  return council_organization_get_id (g_ptr_array_index (f->orgs, i));
}

static void
set_score (Fixture *f, gint64 indicator, guint i, double value)
{
  g_autoptr(GError) error = NULL;
  council_store_set_assessment_score (f->store, indicator, org (f, i), value, NULL, &error);
  g_assert_no_error (error);
}

static void
sql_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
  sqlite3_close (db);
}

/* The error of a statement run on a second connection, or NULL. */
static char *
sql_error (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    result = g_strdup (errmsg);
  sqlite3_free (errmsg);
  sqlite3_close (db);
  return result;
}

/* ---- pure arithmetic ---- */

static void
test_matrix_ties (void)
{
  g_autoptr(CouncilAssessmentMatrix) m = council_assessment_matrix_new (5, 3);
  const double base[] = { 90, 85, 90, 70, 85 };

  m->kinds[1] = COUNCIL_INDICATOR_BONUS;
  m->kinds[2] = COUNCIL_INDICATOR_DEDUCTION;
  m->bonus_cap = 3;
  m->deduction_cap = 2;
  for (guint i = 0; i < 5; i++)
    council_assessment_matrix_set (m, i, 0, base[i]);
  /* 90, 85, 90, 70, 85 -> 1, 3, 1, 5, 3 (并列: same rank, next skipped) */
  g_assert_cmpuint (m->ranks[0], ==, 1);
  g_assert_cmpuint (m->ranks[2], ==, 1);
  g_assert_cmpuint (m->ranks[1], ==, 3);
  g_assert_cmpuint (m->ranks[4], ==, 3);
  g_assert_cmpuint (m->ranks[3], ==, 5);
  g_assert_cmpuint (m->order[0], ==, 0);
  g_assert_cmpuint (m->order[1], ==, 2);

  /* A bonus breaks the tie; deductions count against. */
  council_assessment_matrix_set (m, 2, 1, 1.5);
  g_assert_cmpfloat_with_epsilon (m->totals[2], 91.5, 1e-9);
  g_assert_cmpuint (m->ranks[2], ==, 1);
  g_assert_cmpuint (m->ranks[0], ==, 2);
  council_assessment_matrix_set (m, 4, 2, 0.5);
  g_assert_cmpfloat_with_epsilon (m->totals[4], 84.5, 1e-9);
  g_assert_cmpuint (m->ranks[1], ==, 3);
  g_assert_cmpuint (m->ranks[4], ==, 4);
  /* Clearing a cell takes it out of the total. */
  council_assessment_matrix_set (m, 4, 2, NAN);
  g_assert_cmpuint (m->ranks[4], ==, 3);
  /* Weights multiply. */
  m->weights[0] = 0.5;
  council_assessment_matrix_recompute (m);
  g_assert_cmpfloat_with_epsilon (m->totals[3], 35, 1e-9);
}

static void
test_rank_points (void)
{
  const double measured[] = { 100, 80, 100, 50, 0, 80.001 };
  const gboolean has[] = { TRUE, TRUE, TRUE, TRUE, FALSE, TRUE };
  const double table_values[] = { 10, 9.5, 9, 8.5 };
  g_autoptr(GArray) table = g_array_new (FALSE, FALSE, sizeof (double));
  double points[6];
  guint ranks[6];

  g_array_append_vals (table, table_values, G_N_ELEMENTS (table_values));
  council_assessment_rank_points (measured, has, 6, table, points, ranks);
  g_assert_cmpuint (ranks[0], ==, 1);
  g_assert_cmpuint (ranks[2], ==, 1);
  g_assert_cmpfloat (points[0], ==, 10);
  g_assert_cmpfloat (points[2], ==, 10);
  /* 80 and 80.001 tie to the hundredth: both rank 3, 9 points */
  g_assert_cmpuint (ranks[1], ==, 3);
  g_assert_cmpuint (ranks[5], ==, 3);
  g_assert_cmpfloat (points[1], ==, 9);
  g_assert_cmpuint (ranks[3], ==, 5);
  g_assert_cmpfloat (points[3], ==, 0);     /* past the table */
  g_assert_true (isnan (points[4]));
  g_assert_cmpuint (ranks[4], ==, 0);
}

static void
test_validation (void)
{
  g_autoptr(CouncilAssessmentScheme) scheme = council_assessment_scheme_new (2026);
  g_autoptr(CouncilIndicator) ind = council_indicator_new (COUNCIL_INDICATOR_MANUAL, "指标", 10);
  g_autoptr(GError) error = NULL;
  CouncilGradeBand *good;
  double v = 0;

  g_assert_true (council_assessment_scheme_validate (scheme, &error));
  g_assert_cmpstr (council_assessment_scheme_grade_label (scheme, 90), ==, "Excellent");
  g_assert_cmpstr (council_assessment_scheme_grade_label (scheme, 89.99), ==, "Good");
  g_assert_cmpstr (council_assessment_scheme_grade_label (scheme, 59), ==, "Fail");
  good = g_ptr_array_index (scheme->bands, 1);
  good->min_score = 95;
  g_assert_false (council_assessment_scheme_validate (scheme, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_BANDS);
  g_assert_nonnull (strstr (error->message, "ordered from the highest"));
  g_clear_error (&error);

  ind->weight = 0;
  g_assert_false (council_indicator_validate (ind, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_WEIGHT);
  g_assert_nonnull (strstr (error->message, "more than 0"));
  g_clear_error (&error);
  ind->weight = 1;

  g_assert_false (council_indicator_check_score (ind, 10.5, &error));
  g_assert_cmpstr (error->message, ==, "The score for “指标” must be between 0 and 10.");
  g_clear_error (&error);
  g_assert_false (council_indicator_check_score (ind, -1, &error));
  g_clear_error (&error);
  g_assert_true (council_indicator_check_score (ind, 10, &error));

  g_assert_true (council_assessment_parse_score ("８．５", &v, &error));
  g_assert_cmpfloat (v, ==, 8.5);
  g_assert_false (council_assessment_parse_score ("八", &v, &error));
  g_assert_nonnull (strstr (error->message, "is not a score"));
}

/* ---- the store ---- */

static void
test_scores_and_caps (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) indicators = council_store_list_assessment_indicators (f->store, f->scheme->id, &error);
  g_autoptr(CouncilAssessmentMatrix) m = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, ==, 9);
  /* the tree: category, its indicators, category, its indicators */
  g_assert_cmpint (((CouncilIndicator *) g_ptr_array_index (indicators, 0))->kind, ==, COUNCIL_INDICATOR_CATEGORY);
  g_assert_cmpint (((CouncilIndicator *) g_ptr_array_index (indicators, 5))->kind, ==, COUNCIL_INDICATOR_CATEGORY);
  g_assert_cmpfloat (council_assessment_sum_of_max (indicators), ==, 100);

  council_store_set_assessment_score (f->store, f->manual_id, org (f, 0), 10.5, NULL, &error);
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_SCORE);
  g_assert_cmpstr (error->message, ==, "The score for “班子建设” must be between 0 and 10.");
  g_clear_error (&error);

  /* Per indicator: the bonus item's cap 3. */
  council_store_set_assessment_score (f->store, f->bonus1_id, org (f, 0), 3.5, NULL, &error);
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_SCORE);
  g_assert_nonnull (strstr (error->message, "its cap 3"));
  g_clear_error (&error);
  /* Per organization: the scheme's bonus cap 4 over both items. */
  set_score (f, f->bonus1_id, 0, 3);
  council_store_set_assessment_score (f->store, f->bonus2_id, org (f, 0), 1.5, NULL, &error);
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_SCORE);
  g_assert_nonnull (strstr (error->message, "may not exceed 4"));
  g_assert_nonnull (strstr (error->message, "already has 3"));
  g_clear_error (&error);
  set_score (f, f->bonus2_id, 0, 1);

  /* A cap cannot be lowered under what an organization already has: the
   * scheme's bonus cap (org 0 has 3 + 1) and the item's own cap (3). */
  {
    g_autoptr(CouncilAssessmentScheme) lower = council_store_get_assessment_scheme (f->store, f->scheme->id, &error);
    g_autoptr(CouncilAssessmentScheme) check = NULL;
    g_autoptr(CouncilIndicator) item = NULL;
    g_autoptr(GPtrArray) now = NULL;

    g_assert_no_error (error);
    lower->bonus_cap = 3.5;
    g_assert_false (council_store_save_assessment_scheme (f->store, lower, &error));
    g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_CAPS);
    g_assert_nonnull (strstr (error->message, "cannot be lowered to 3.5"));
    g_assert_nonnull (strstr (error->message, "already has 4 in bonus items"));
    g_clear_error (&error);
    check = council_store_get_assessment_scheme (f->store, f->scheme->id, &error);
    g_assert_cmpfloat (check->bonus_cap, ==, 4);
    g_clear_pointer (&lower, council_assessment_scheme_free);
    /* The deduction cap may go down to what is used (nothing yet). */
    lower = council_store_get_assessment_scheme (f->store, f->scheme->id, &error);
    lower->deduction_cap = 3;
    g_assert_true (council_store_save_assessment_scheme (f->store, lower, &error));
    g_assert_no_error (error);
    lower->deduction_cap = 2;
    g_assert_true (council_store_save_assessment_scheme (f->store, lower, &error));
    g_assert_no_error (error);

    now = council_store_list_assessment_indicators (f->store, f->scheme->id, &error);
    for (guint i = 0; i < now->len; i++)
      if (((CouncilIndicator *) g_ptr_array_index (now, i))->id == f->bonus1_id)
        item = council_indicator_copy (g_ptr_array_index (now, i));
    g_assert_nonnull (item);
    item->cap = 2;
    g_assert_false (council_store_save_assessment_indicator (f->store, f->scheme->id, item, &error));
    g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_MAX_SCORE);
    g_assert_nonnull (strstr (error->message, "(up to 3)"));
    g_clear_error (&error);
  }

  /* Several cells in one change: the caps see the entries before them. */
  {
    CouncilAssessmentEntry entries[] = {
      { .indicator_id = f->bonus1_id, .org_id = org (f, 2), .value = 3 },
      { .indicator_id = f->bonus2_id, .org_id = org (f, 2), .value = 2 },
    };
    g_assert_false (council_store_set_assessment_scores (f->store, f->scheme->id, entries, 2, "two bonuses", &error));
    g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_SCORE);
    g_assert_nonnull (strstr (error->message, "may not exceed 4"));
    g_clear_error (&error);
    /* Nothing of the refused change was kept. */
    {
      CouncilAssessmentScore score;
      g_assert_true (council_store_get_assessment_score (f->store, f->bonus1_id, org (f, 2), &score, &error));
      g_assert_false (score.exists);
      council_assessment_score_clear (&score);
    }
  }
  council_store_set_assessment_score (f->store, f->deduction_id, org (f, 1), 2.5, NULL, &error);
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_SCORE);
  g_clear_error (&error);

  set_score (f, f->manual_id, 0, 8);
  set_score (f, f->manual2_id, 0, 50);
  set_score (f, f->manual_id, 1, 10);
  set_score (f, f->manual2_id, 1, 55);
  set_score (f, f->deduction_id, 1, 2);
  set_score (f, f->manual_id, 2, 9);
  set_score (f, f->manual2_id, 2, 53);

  m = council_store_load_assessment_matrix (f->store, f->scheme, indicators, f->orgs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m->n_indicators, ==, 7);
  g_assert_cmpfloat_with_epsilon (m->totals[0], 62, 1e-9);   /* 8 + 50 + 3 + 1 */
  g_assert_cmpfloat_with_epsilon (m->totals[1], 63, 1e-9);   /* 10 + 55 - 2 */
  g_assert_cmpfloat_with_epsilon (m->totals[2], 62, 1e-9);
  g_assert_cmpuint (m->ranks[1], ==, 1);
  g_assert_cmpuint (m->ranks[0], ==, 2);
  g_assert_cmpuint (m->ranks[2], ==, 2);   /* 并列 */
  g_assert_cmpuint (m->ranks[3], ==, 4);
  g_assert_cmpstr (council_assessment_scheme_grade_label (f->scheme, m->totals[1]), ==, "Pass");

  /* A lower max score is refused while a score is above it. */
  {
    g_autoptr(CouncilIndicator) ind = council_indicator_copy (g_ptr_array_index (indicators, 2));
    ind->max_score = 40;
    g_assert_false (council_store_save_assessment_indicator (f->store, f->scheme->id, ind, &error));
    g_assert_nonnull (strstr (error->message, "above the new limit"));
  }
}

static void
test_rank_based (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  CouncilAssessmentScore score;
  const double measured[] = { 1200, 800, 1200, 500 };

  for (guint i = 0; i < G_N_ELEMENTS (measured); i++)
    {
      council_store_set_assessment_measured (f->store, f->rank_id, org (f, i), measured[i], &error);
      g_assert_no_error (error);
    }
  /* 1200, 1200 share rank 1 (10); 800 is third (9); 500 is fourth, past the table (0). */
  {
    const double expected[] = { 10, 9, 10, 0 };
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_assert_true (council_store_get_assessment_score (f->store, f->rank_id, org (f, i), &score, &error));
        g_assert_true (score.exists);
        g_assert_cmpfloat (score.value, ==, expected[i]);
        g_assert_cmpfloat (score.measured, ==, measured[i]);
        council_assessment_score_clear (&score);
      }
  }
  /* One more measure re-ranks everyone. */
  council_store_set_assessment_measured (f->store, f->rank_id, org (f, 4), 5000, &error);
  g_assert_no_error (error);
  g_assert_true (council_store_get_assessment_score (f->store, f->rank_id, org (f, 0), &score, &error));
  g_assert_cmpfloat (score.value, ==, 9.5);
  council_assessment_score_clear (&score);
}

static void
test_computed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) suggestions = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autofree char *sql = NULL;
  gint64 a = org (f, 0), b = org (f, 1);
  CouncilIndicator *computed = NULL;
  CouncilAssessmentSuggestion *sa = NULL, *sb = NULL;

  /* Org A: four projects due in 2025 — two completed on time, one completed
   * late, one still running; one due in 2026 (not counted). Org B: one on time. */
  sql = g_strdup_printf (
    "INSERT INTO project (id, code, title_zh, category_id, lead_org_id, start_date, end_date, status) VALUES "
    " (9001, 'T-1', '项目1', 1, %1$" G_GINT64_FORMAT ", '2025-01-01', '2025-06-30', 'completed'),"
    " (9002, 'T-2', '项目2', 1, %1$" G_GINT64_FORMAT ", '2025-01-01', '2025-09-30', 'completed'),"
    " (9003, 'T-3', '项目3', 1, %1$" G_GINT64_FORMAT ", '2025-01-01', '2025-03-31', 'completed'),"
    " (9004, 'T-4', '项目4', 1, %1$" G_GINT64_FORMAT ", '2025-01-01', '2025-12-31', 'in_progress'),"
    " (9005, 'T-5', '项目5', 1, %1$" G_GINT64_FORMAT ", '2025-01-01', '2026-03-31', 'completed'),"
    " (9006, 'T-6', '项目6', 1, %2$" G_GINT64_FORMAT ", '2025-01-01', '2025-05-31', 'completed');"
    "INSERT INTO project_status_change (project_id, status, changed_on) VALUES"
    " (9001, 'completed', '2025-06-30'), (9002, 'completed', '2025-09-01'),"
    " (9003, 'completed', '2025-04-15'), (9005, 'completed', '2025-12-01'),"
    " (9006, 'completed', '2025-05-20');"
    "INSERT INTO meeting (id, kind_id, title, starts_at, state) VALUES"
    " (9101, (SELECT min(id) FROM meeting_kind), '全体会议', '2025-03-01T09:00', 'held'),"
    " (9102, (SELECT min(id) FROM meeting_kind), '联席会议', '2025-09-01T09:00', 'held'),"
    " (9103, (SELECT min(id) FROM meeting_kind), '计划会议', '2025-12-20T09:00', 'planned');"
    "INSERT INTO attendance (meeting_id, org_id, status) VALUES"
    " (9101, %1$" G_GINT64_FORMAT ", 'present'), (9102, %1$" G_GINT64_FORMAT ", 'absent'),"
    " (9103, %1$" G_GINT64_FORMAT ", 'present'),"
    " (9101, %2$" G_GINT64_FORMAT ", 'delegated'), (9102, %2$" G_GINT64_FORMAT ", 'present');"
    "INSERT INTO action_item (meeting_id, text, owner_org_id, due_date, status, done_date) VALUES"
    " (9101, '落实一', %1$" G_GINT64_FORMAT ", '2025-04-30', 'done', '2025-04-30'),"
    " (9101, '落实二', %1$" G_GINT64_FORMAT ", '2025-05-31', 'done', '2025-05-02'),"
    " (9101, '落实三', %1$" G_GINT64_FORMAT ", '2025-06-30', 'done', '2025-07-15'),"
    " (9101, '落实四', %1$" G_GINT64_FORMAT ", '2025-06-30', 'cancelled', NULL),"
    " (9102, '落实五', %2$" G_GINT64_FORMAT ", '2025-10-31', 'open', NULL);"
    "UPDATE meeting SET state = 'approved' WHERE id = 9101;",
    a, b);
  sql_exec (f->path, sql);

  indicators = council_store_list_assessment_indicators (f->store, f->scheme->id, &error);
  g_assert_no_error (error);
  for (guint j = 0; j < indicators->len; j++)
    if (((CouncilIndicator *) g_ptr_array_index (indicators, j))->id == f->computed_id)
      computed = g_ptr_array_index (indicators, j);
  g_assert_nonnull (computed);

  suggestions = council_store_compute_assessment_suggestions (f->store, f->scheme, computed, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < suggestions->len; k++)
    {
      CouncilAssessmentSuggestion *s = &g_array_index (suggestions, CouncilAssessmentSuggestion, k);
      if (s->org_id == a) sa = s;
      if (s->org_id == b) sb = s;
    }
  g_assert_nonnull (sa);
  g_assert_cmpuint (sa->counted, ==, 4);
  g_assert_cmpuint (sa->achieved, ==, 2);
  g_assert_cmpfloat (sa->suggestion, ==, 10);    /* 2/4 of 20 */
  g_assert_nonnull (sb);
  g_assert_cmpfloat (sb->suggestion, ==, 20);
  g_clear_pointer (&suggestions, g_array_unref);

  computed->source = COUNCIL_COMPUTED_ACTIONS_ON_TIME;
  suggestions = council_store_compute_assessment_suggestions (f->store, f->scheme, computed, &error);
  g_assert_no_error (error);
  sa = sb = NULL;
  for (guint k = 0; k < suggestions->len; k++)
    {
      CouncilAssessmentSuggestion *s = &g_array_index (suggestions, CouncilAssessmentSuggestion, k);
      if (s->org_id == a) sa = s;
      if (s->org_id == b) sb = s;
    }
  g_assert_nonnull (sa);
  g_assert_cmpuint (sa->counted, ==, 3);         /* the cancelled one does not count */
  g_assert_cmpuint (sa->achieved, ==, 2);
  g_assert_cmpfloat (sa->suggestion, ==, 13.3);
  g_assert_nonnull (sb);
  g_assert_cmpfloat (sb->suggestion, ==, 0);
  g_clear_pointer (&suggestions, g_array_unref);

  computed->source = COUNCIL_COMPUTED_ATTENDANCE_RATE;
  suggestions = council_store_compute_assessment_suggestions (f->store, f->scheme, computed, &error);
  g_assert_no_error (error);
  sa = sb = NULL;
  for (guint k = 0; k < suggestions->len; k++)
    {
      CouncilAssessmentSuggestion *s = &g_array_index (suggestions, CouncilAssessmentSuggestion, k);
      if (s->org_id == a) sa = s;
      if (s->org_id == b) sb = s;
    }
  g_assert_nonnull (sa);
  g_assert_cmpuint (sa->counted, ==, 2);         /* the planned meeting does not count */
  g_assert_cmpfloat (sa->suggestion, ==, 10);
  g_assert_nonnull (sb);
  g_assert_cmpfloat (sb->suggestion, ==, 20);    /* delegated counts as attended */

  /* Accepting fills the empty cells; an override stays. */
  set_score (f, f->computed_id, 1, 15);
  computed->source = COUNCIL_COMPUTED_PROJECTS_ON_TIME;
  g_assert_cmpint (council_store_accept_assessment_suggestions (f->store, f->scheme, computed, &error), ==, 1);
  g_assert_no_error (error);
  {
    CouncilAssessmentScore score;
    g_assert_true (council_store_get_assessment_score (f->store, f->computed_id, a, &score, &error));
    g_assert_cmpfloat (score.value, ==, 10);
    g_assert_nonnull (strstr (score.evidence, "2 of 4"));
    council_assessment_score_clear (&score);
    g_assert_true (council_store_get_assessment_score (f->store, f->computed_id, b, &score, &error));
    g_assert_cmpfloat (score.value, ==, 15);
    council_assessment_score_clear (&score);
  }
}

static void
test_lock_and_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) history = NULL;
  g_autoptr(CouncilAssessmentScheme) reloaded = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *raw_error = NULL;
  g_autofree char *sql = NULL;

  set_score (f, f->manual_id, 0, 7);
  /* Evidence documents link to a score (and only to one that exists). */
  g_assert_true (council_store_link_assessment_document (f->store, f->manual_id, org (f, 0), 42, &error));
  g_assert_false (council_store_link_assessment_document (f->store, f->manual_id, org (f, 1), 42, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_SCORE);
  g_clear_error (&error);
  {
    g_autoptr(GArray) docs = council_store_list_assessment_documents (f->store, f->manual_id, org (f, 0), &error);
    g_assert_cmpuint (docs->len, ==, 1);
    g_assert_cmpint (g_array_index (docs, gint64, 0), ==, 42);
  }
  g_assert_true (council_store_finalize_assessment_scheme (f->store, f->scheme->id, &error));
  g_assert_no_error (error);

  council_store_set_assessment_score (f->store, f->manual_id, org (f, 0), 8, NULL, &error);
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "2025年度考核方案"));
  g_assert_nonnull (strstr (error->message, "Reopen"));
  g_clear_error (&error);
  council_store_set_assessment_score (f->store, f->manual_id, org (f, 3), 8, NULL, &error);
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (council_store_unlink_assessment_document (f->store, f->manual_id, org (f, 0), 42, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  {
    g_autoptr(CouncilIndicator) ind = council_indicator_new (COUNCIL_INDICATOR_MANUAL, "新指标", 5);
    g_assert_false (council_store_save_assessment_indicator (f->store, f->scheme->id, ind, &error));
    g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_LOCKED);
    g_clear_error (&error);
  }
  reloaded = council_store_get_assessment_scheme (f->store, f->scheme->id, &error);
  g_assert_true (reloaded->finalized);
  ((CouncilGradeBand *) g_ptr_array_index (reloaded->bands, 0))->min_score = 95;
  g_assert_false (council_store_save_assessment_scheme (f->store, reloaded, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (council_store_delete_assessment_scheme (f->store, f->scheme->id, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* The lock holds for any program writing to the file, not only ours. */
  sql = g_strdup_printf ("UPDATE assessment_score SET value = 1 WHERE indicator_id = %" G_GINT64_FORMAT, f->manual_id);
  raw_error = sql_error (f->path, sql);
  g_assert_nonnull (raw_error);
  g_assert_nonnull (strstr (raw_error, "finalized and locked"));
  g_free (raw_error);
  raw_error = sql_error (f->path, "UPDATE assessment_band SET min_score = 1");
  g_assert_nonnull (raw_error);
  g_free (raw_error);
  raw_error = sql_error (f->path, "DELETE FROM assessment_rank_points");
  g_assert_nonnull (raw_error);

  /* Reopening is explicit and recorded. */
  g_assert_true (council_store_reopen_assessment_scheme (f->store, f->scheme->id, &error));
  g_assert_no_error (error);
  history = council_store_list_history (f->store, "assessment_scheme", f->scheme->id, &error);
  g_assert_no_error (error);
  {
    gboolean found = FALSE;
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (history)); i++)
      {
        g_autoptr(GObject) entry = g_list_model_get_item (G_LIST_MODEL (history), i);
        g_autofree char *summary = NULL;
        g_object_get (entry, "summary", &summary, NULL);
        if (summary != NULL && strstr (summary, "Reopen the assessment scheme") != NULL)
          found = TRUE;
      }
    g_assert_true (found);
  }
  set_score (f, f->manual_id, 0, 8);

  /* Undo the score, then undo the reopen: locked again. */
  g_assert_true (council_store_undo (f->store, NULL, &error));
  g_assert_true (council_store_undo (f->store, &undone, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (undone, "Reopen"));
  council_store_set_assessment_score (f->store, f->manual_id, org (f, 0), 9, NULL, &error);
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_LOCKED);
}

static void
test_copy_scheme (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) from = council_store_list_assessment_indicators (f->store, f->scheme->id, &error);
  g_autoptr(GPtrArray) to = NULL;
  g_autoptr(CouncilAssessmentScheme) copy = NULL;
  gint64 id = council_store_copy_assessment_scheme (f->store, f->scheme->id, 2026, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  copy = council_store_get_assessment_scheme (f->store, id, &error);
  g_assert_cmpstr (copy->title, ==, "2026年度考核方案");
  g_assert_false (copy->finalized);
  g_assert_cmpuint (copy->bands->len, ==, 4);
  to = council_store_list_assessment_indicators (f->store, id, &error);
  g_assert_cmpuint (to->len, ==, from->len);
  for (guint j = 0; j < to->len; j++)
    {
      CouncilIndicator *a = g_ptr_array_index (from, j), *b = g_ptr_array_index (to, j);
      g_assert_cmpstr (a->name_zh, ==, b->name_zh);
      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpuint (a->rank_points->len, ==, b->rank_points->len);
      g_assert_cmpint (a->parent_id == 0, ==, b->parent_id == 0);
    }
  g_assert_cmpint (council_store_find_assessment_scheme (f->store, 2026, &error), ==, id);

  /* Moving an indicator up swaps it with the one before it, in its category. */
  {
    CouncilIndicator *second = g_ptr_array_index (to, 2);
    g_autoptr(GPtrArray) moved = NULL;
    gint64 second_id = second->id;

    g_assert_true (council_store_move_assessment_indicator (f->store, second_id, -1, &error));
    g_assert_no_error (error);
    moved = council_store_list_assessment_indicators (f->store, id, &error);
    g_assert_cmpint (((CouncilIndicator *) g_ptr_array_index (moved, 1))->id, ==, second_id);
    g_assert_cmpstr (((CouncilIndicator *) g_ptr_array_index (moved, 2))->name_zh, ==, "班子建设");
    /* First already: nothing moves. */
    g_assert_true (council_store_move_assessment_indicator (f->store, second_id, -1, &error));
  }
  /* A second scheme for the same period is refused. */
  g_assert_cmpint (council_store_copy_assessment_scheme (f->store, f->scheme->id, 2026, &error), ==, 0);
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_YEAR);
}

/* ---- export ---- */

static GHashTable *
read_workbook (const char *path)
{
  g_autofree char *script = g_build_filename (g_getenv ("COUNCIL_TEST_SRCDIR"), "read-xlsx.py", NULL);
  const char *argv[] = { PYTHON, script, path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (council_test_spawn (argv, &out, &err) != 0)
    g_error ("read-xlsx.py failed: %s", err);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (parts) == 3)
        g_hash_table_insert (facts, g_strdup_printf ("%s!%s", parts[0], parts[1]), g_strcompress (parts[2]));
    }
  return facts;
}

static const char *
fact (GHashTable *facts, const char *sheet, const char *key)
{
  g_autofree char *full = g_strdup_printf ("%s!%s", sheet, key);
  return g_hash_table_lookup (facts, full);
}

static gboolean
blank (const char *value)
{
  return value == NULL || *value == '\0';
}

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *xlsx = g_build_filename (dir, "assessment.xlsx", NULL);
  g_autoptr(GHashTable) facts = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(CouncilAssessmentScheme) scheme = NULL;
  g_autoptr(GPtrArray) indicators = NULL, orgs = NULL;
  g_autoptr(CouncilAssessmentMatrix) m = NULL;
  CouncilWorkbookOptions options;
  int year = g_date_time_get_year (now) - 1;
  guint n_cols = 0;
  char total_col[8];

  g_assert_true (council_demo_fill (store, &error));
  g_assert_no_error (error);
  scheme = council_store_get_assessment_scheme (store, council_store_find_assessment_scheme (store, year, NULL), &error);
  g_assert_no_error (error);
  g_assert_true (scheme->finalized);
  indicators = council_store_list_assessment_indicators (store, scheme->id, &error);
  orgs = council_store_list_assessment_organizations (store, scheme, &error);
  m = council_store_load_assessment_matrix (store, scheme, indicators, orgs, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < m->n_orgs; i++)
    g_assert_cmpuint (m->scored[i], >=, 10);   /* every organization scored */

  council_workbook_options_init (&options);
  options.chinese = TRUE;
  options.year = year;
  g_assert_true (council_workbook_export (store, xlsx, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  facts = read_workbook (xlsx);

  g_assert_nonnull (strstr (fact (facts, "", "sheets"), "考核排名|考核得分"));
  g_assert_nonnull (fact (facts, "", "zip:xl/charts/chart1.xml"));
  g_assert_cmpint (atoi (fact (facts, "考核排名", "conditional_formats")), >=, 1);
  g_assert_cmpstr (fact (facts, "考核排名", "A1"), ==, "名次");
  g_assert_cmpstr (fact (facts, "考核排名", "A2"), ==, "1");
  {
    guint best = m->order[0];
    g_autofree char *total = g_strdup_printf ("%.2f", round (m->totals[best] * 100) / 100);
    g_assert_cmpstr (fact (facts, "考核排名", "B2"), ==,
                     council_organization_get_name_zh (g_ptr_array_index (orgs, best)));
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (fact (facts, "考核排名", "C2"), NULL), g_ascii_strtod (total, NULL), 1e-6);
    g_assert_cmpstr (fact (facts, "考核排名", "D2"), ==,
                     ((CouncilGradeBand *) g_ptr_array_index (scheme->bands,
                       council_assessment_scheme_grade (scheme, m->totals[best])))->name_zh);
  }

  /* Scores: the total column holds SUM formulas with the right cached values. */
  n_cols = m->n_indicators;
  g_assert_cmpuint (n_cols + 1, <, 26);
  g_snprintf (total_col, sizeof total_col, "%c", 'A' + n_cols + 1);
  g_assert_cmpstr (fact (facts, "考核得分", "A1"), ==, "单位名称");
  for (guint i = 0; i < m->n_orgs; i++)
    {
      g_autofree char *ref = g_strdup_printf ("%s%u", total_col, i + 3);
      g_autofree char *cached_key = g_strdup_printf ("%s:cached", ref);
      g_autofree char *name_ref = g_strdup_printf ("A%u", i + 3);
      const char *formula = fact (facts, "考核得分", ref);

      g_assert_nonnull (formula);
      g_assert_true (g_str_has_prefix (formula, "=SUM("));
      g_assert_nonnull (strstr (formula, "+MIN(SUM("));
      g_assert_nonnull (strstr (formula, "-MIN(SUM("));
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (fact (facts, "考核得分", cached_key), NULL),
                                      round (m->totals[i] * 100) / 100, 1e-6);
      g_assert_cmpstr (fact (facts, "考核得分", name_ref), ==,
                       council_organization_get_name_zh (g_ptr_array_index (orgs, i)));
    }
  {
    g_autofree char *last_header = g_strdup_printf ("%c1", 'A' + n_cols);
    g_assert_nonnull (strstr (fact (facts, "考核得分", last_header), "减分："));
  }

  /* This year's scheme is still being scored: an organization without any
   * score has no rank or total, one partly scored no grade (the view's rules). */
  {
    g_autoptr(CouncilAssessmentScheme) now_scheme = NULL;
    g_autoptr(GPtrArray) now_indicators = NULL, now_orgs = NULL;
    g_autoptr(CouncilAssessmentMatrix) nm = NULL;
    g_autoptr(GHashTable) now_facts = NULL;
    guint unscored = 0, partly = 0;

    now_scheme = council_store_get_assessment_scheme (store, council_store_find_assessment_scheme (store, year + 1, NULL), &error);
    g_assert_no_error (error);
    g_assert_false (now_scheme->finalized);
    now_indicators = council_store_list_assessment_indicators (store, now_scheme->id, &error);
    now_orgs = council_store_list_assessment_organizations (store, now_scheme, &error);
    nm = council_store_load_assessment_matrix (store, now_scheme, now_indicators, now_orgs, &error);
    g_assert_no_error (error);
    options.year = year + 1;
    g_assert_true (council_workbook_export (store, xlsx, &options, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    now_facts = read_workbook (xlsx);
    for (guint k = 0; k < nm->n_orgs; k++)
      {
        guint i = nm->order[k];
        g_autofree char *rank_ref = g_strdup_printf ("A%u", k + 2);
        g_autofree char *name_ref = g_strdup_printf ("B%u", k + 2);
        g_autofree char *total_ref = g_strdup_printf ("C%u", k + 2);
        g_autofree char *grade_ref = g_strdup_printf ("D%u", k + 2);
        const char *grade = fact (now_facts, "考核排名", grade_ref);

        g_assert_cmpstr (fact (now_facts, "考核排名", name_ref), ==,
                         council_organization_get_name_zh (g_ptr_array_index (now_orgs, i)));
        if (nm->scored[i] == 0)
          {
            unscored++;
            g_assert_true (blank (fact (now_facts, "考核排名", rank_ref)));
            g_assert_true (blank (fact (now_facts, "考核排名", total_ref)));
          }
        else
          g_assert_false (blank (fact (now_facts, "考核排名", rank_ref)));
        if (!council_assessment_matrix_org_complete (nm, i, NULL, NULL))
          {
            partly += nm->scored[i] > 0;
            g_assert_true (blank (grade));
          }
      }
    g_assert_cmpuint (unscored, >, 0);   /* the demo's year in progress has both kinds */
    g_assert_cmpuint (partly, >, 0);
  }
  council_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_add_func ("/assessment/matrix-ties", test_matrix_ties);
  g_test_add_func ("/assessment/rank-points", test_rank_points);
  g_test_add_func ("/assessment/validation", test_validation);
  g_test_add ("/assessment/scores-and-caps", Fixture, NULL, fixture_setup, test_scores_and_caps, fixture_teardown);
  g_test_add ("/assessment/rank-based", Fixture, NULL, fixture_setup, test_rank_based, fixture_teardown);
  g_test_add ("/assessment/computed", Fixture, NULL, fixture_setup, test_computed, fixture_teardown);
  g_test_add ("/assessment/lock-and-reopen", Fixture, NULL, fixture_setup, test_lock_and_reopen, fixture_teardown);
  g_test_add ("/assessment/copy-scheme", Fixture, NULL, fixture_setup, test_copy_scheme, fixture_teardown);
  g_test_add_func ("/assessment/export", test_export);
  return g_test_run ();
}
