/* bench-assessment: a scheme of 60 indicators over 22 organizations —
 * recompute of totals and ranks after one cell edit (in memory, and with the
 * store write the grid does) — and the computed indicators over 100,000
 * projects. Prints figures and targets; asserts nothing about time.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "council-generate.h"
#include "council-store-assessment.h"
#include "council-test-helpers.h"

#define N_PROJECTS 100000   /* the large generated council's */
#define N_INDICATORS 60
#define RUNS 101

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *times, guint n)
{
  qsort (times, n, sizeof times[0], compare_double);
  return times[n / 2];
}

static CouncilAssessmentScheme *
make_scheme (CouncilStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* This year: the sample meetings and action items are this year's. */
  CouncilAssessmentScheme *scheme = council_assessment_scheme_new (g_date_time_get_year (now));
  gint64 category = 0;

  council_store_save_assessment_scheme (store, scheme, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < N_INDICATORS; k++)
    {
      g_autofree char *name = g_strdup_printf ("指标%02u", k + 1);
      CouncilIndicatorKind kind = k < 54 ? COUNCIL_INDICATOR_MANUAL : k < 57 ? COUNCIL_INDICATOR_BONUS
                                                                              : COUNCIL_INDICATOR_DEDUCTION;
      g_autoptr(CouncilIndicator) ind = council_indicator_new (kind, name, kind == COUNCIL_INDICATOR_MANUAL ? 100.0 / 54 : 0);

      if (k % 10 == 0)
        {
          g_autofree char *cat_name = g_strdup_printf ("类别%u", k / 10 + 1);
          g_autoptr(CouncilIndicator) cat = council_indicator_new (COUNCIL_INDICATOR_CATEGORY, cat_name, 0);
          council_store_save_assessment_indicator (store, scheme->id, cat, &error);
          g_assert_no_error (error);
          category = cat->id;
        }
      ind->parent_id = category;
      ind->cap = kind == COUNCIL_INDICATOR_MANUAL ? 0 : 1;
      if (kind == COUNCIL_INDICATOR_MANUAL && k < 3)
        {
          ind->kind = COUNCIL_INDICATOR_COMPUTED;
          ind->source = (CouncilComputedSource) (k + 1);
        }
      council_store_save_assessment_indicator (store, scheme->id, ind, &error);
      g_assert_no_error (error);
    }
  return scheme;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  /* The large council of every benchmark (tests/council-generate.c): its 22
   * organizations, 100,000 projects (completed ones with their status
   * change), 20,000 meetings with attendance and 200,000 action items. */
  g_autoptr(CouncilStore) store = council_generate_open_cached (COUNCIL_GENERATE_LARGE, COUNCIL_GENERATE_SEED, &db, &error);
  g_autoptr(CouncilAssessmentScheme) scheme = NULL;
  g_autoptr(GPtrArray) indicators = NULL, orgs = NULL;
  g_autoptr(CouncilAssessmentMatrix) m = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (CouncilAssessmentEntry));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  double times[RUNS], store_times[RUNS], reload_times[RUNS];
  double computed_ms[3], empty_ms;
  guint n_ind;

  g_assert_no_error (error);
  g_setenv ("LANGUAGE", "C", TRUE);
  scheme = make_scheme (store);
  indicators = council_store_list_assessment_indicators (store, scheme->id, &error);
  orgs = council_store_list_assessment_organizations (store, scheme, &error);
  g_assert_no_error (error);

  /* Every cell scored. */
  for (guint i = 0; i < orgs->len; i++)
    for (guint j = 0; j < indicators->len; j++)
      {
        CouncilIndicator *ind = g_ptr_array_index (indicators, j);
        CouncilAssessmentEntry e = { ind->id, council_organization_get_id (g_ptr_array_index (orgs, i)), NAN, NULL };
        if (!council_indicator_is_scored (ind))
          continue;
        e.value = floor (g_rand_double_range (rand, 0, council_indicator_limit (ind) / 3.0) * 10) / 10;
        g_array_append_val (entries, e);
      }
  council_store_set_assessment_scores (store, scheme->id, (CouncilAssessmentEntry *) (gpointer) entries->data,
                                       entries->len, "bench", &error);
  g_assert_no_error (error);
  m = council_store_load_assessment_matrix (store, scheme, indicators, orgs, &error);
  g_assert_no_error (error);
  n_ind = m->n_indicators;

  /* 1. In memory: what the grid does after a cell is saved. */
  for (int r = 0; r < RUNS; r++)
    {
      guint org = (guint) r % m->n_orgs, ind = (guint) (r * 7) % n_ind;
      gint64 start = g_get_monotonic_time ();
      council_assessment_matrix_set (m, org, ind, 0.5 * (r % 3));
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  /* 2. The whole edit: validated store write (one transaction, history) plus the recompute. */
  for (int r = 0; r < RUNS; r++)
    {
      guint org = (guint) r % m->n_orgs, ind = (guint) (r * 7) % n_ind;
      double v = 0.5 * (r % 3);
      gint64 start = g_get_monotonic_time ();
      if (m->kinds[ind] != COUNCIL_INDICATOR_MANUAL && m->kinds[ind] != COUNCIL_INDICATOR_COMPUTED)
        v = 0;
      council_store_set_assessment_score (store, m->indicator_ids[ind], m->org_ids[org], v, NULL, &error);
      g_assert_no_error (error);
      council_assessment_matrix_set (m, org, ind, v);
      store_times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  /* 3. Reference: reloading the whole matrix from the store. */
  for (int r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CouncilAssessmentMatrix) again = council_store_load_assessment_matrix (store, scheme, indicators, orgs, &error);
      reload_times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  printf ("assessment grid: %u organizations x %u indicators\n", m->n_orgs, n_ind);
  printf ("  recompute totals and ranks after one cell edit: median %.4f ms (target < 10 ms)\n", median (times, RUNS));
  printf ("  store write + recompute of one cell:            median %.3f ms\n", median (store_times, RUNS));
  printf ("  reference, reload of the whole matrix:          median %.3f ms\n", median (reload_times, RUNS));

  /* Computed indicators over N projects (with a completed status change for
   * every completed project) and the sample meetings. */
  {
    CouncilIndicator *computed[3] = { 0 };
    guint found = 0;

    for (guint j = 0; j < indicators->len; j++)
      {
        CouncilIndicator *ind = g_ptr_array_index (indicators, j);
        if (ind->kind == COUNCIL_INDICATOR_COMPUTED)
          computed[found++] = ind;
      }
    g_assert_cmpuint (found, ==, 3);

    /* Empty database as the reference: the same scheme on a freshly seeded store. */
    {
      g_autofree char *empty_db = NULL;
      g_autoptr(CouncilStore) empty = council_test_open_store (&empty_db);
      g_autoptr(CouncilAssessmentScheme) empty_scheme = make_scheme (empty);
      g_autoptr(GPtrArray) empty_indicators = council_store_list_assessment_indicators (empty, empty_scheme->id, &error);
      g_autofree char *empty_dir = g_path_get_dirname (empty_db);
      g_autoptr(GArray) s = NULL;
      CouncilIndicator *same = NULL;
      gint64 t;

      for (guint j = 0; j < empty_indicators->len; j++)
        {
          CouncilIndicator *ind = g_ptr_array_index (empty_indicators, j);
          if (ind->kind == COUNCIL_INDICATOR_COMPUTED && ind->source == computed[0]->source)
            same = ind;
        }
      g_assert_nonnull (same);
      t = g_get_monotonic_time ();
      s = council_store_compute_assessment_suggestions (empty, empty_scheme, same, &error);
      empty_ms = (g_get_monotonic_time () - t) / 1000.0;
      g_assert_no_error (error);
      g_clear_object (&empty);
      council_test_rm_rf (empty_dir);
    }
    printf ("  large council: %d projects (generated once, cached in the build directory)\n", N_PROJECTS);

    for (guint k = 0; k < 3; k++)
      {
        double t[9];
        guint n = 0;
        for (int r = 0; r < 9; r++)
          {
            gint64 s0 = g_get_monotonic_time ();
            g_autoptr(GArray) s = council_store_compute_assessment_suggestions (store, scheme, computed[k], &error);
            g_assert_no_error (error);
            n = s->len;
            t[r] = (g_get_monotonic_time () - s0) / 1000.0;
          }
        computed_ms[k] = median (t, 9);
        printf ("  computed indicator “%s” (%s): median %.2f ms for %u organizations (target < 200 ms)\n",
                computed[k]->name_zh, council_computed_source_to_string (computed[k]->source), computed_ms[k], n);
      }
    printf ("  reference, the same query on an empty database: %.3f ms\n", empty_ms);
  }
  {
    g_autofree char *dir = g_path_get_dirname (db);
    g_clear_object (&store);
    council_test_rm_rf (dir);
  }
  return 0;
}
