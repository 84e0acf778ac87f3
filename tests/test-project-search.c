/* test-project-search: the projects list's search-as-you-type (answered from
 * a casefolded text block kept beside the database) agrees with SQL's LIKE
 * over the code, titles and target group, in every order and with the other
 * filters; it follows edits made here and by another connection.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "council-demo.h"
#include "council-store-private.h"
#include "council-store-projects.h"
#include "council-test-helpers.h"

/* More projects than the store orders by SQL (2,000 matches): both of its
 * ways of putting matches in order are used. */
#define N_PROJECTS 2600

typedef struct
{
  CouncilStore *store;
  char *path;
  sqlite3 *reader;   /* the test's own connection: the expected answers */
  gint64 lead;
  gint64 category;
} Fixture;

static gint64
save_project (Fixture *f, const char *code, const char *title_zh, const char *title_en, const char *target)
{
  g_autoptr(CouncilProject) p = council_project_new ();
  g_autoptr(GError) error = NULL;

  council_project_set_code (p, code);
  council_project_set_title_zh (p, title_zh);
  council_project_set_title_en (p, title_en);
  council_project_set_target_group (p, target);
  council_project_set_lead_org_id (p, f->lead);
  council_project_set_category_id (p, f->category);
  council_project_set_start_date (p, "2026-03-01");
  council_project_set_end_date (p, "2026-10-31");
  council_store_save_project (f->store, p, &error);
  g_assert_no_error (error);
  return council_project_get_id (p);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) orgs = NULL;
  g_autoptr(GListStore) cats = NULL;
  g_autoptr(CouncilOrganization) org = NULL;
  g_autoptr(CouncilProjectCategory) cat = NULL;

  f->store = council_test_open_store (&f->path);
  g_assert_true (council_demo_generate_projects (f->store, N_PROJECTS, N_PROJECTS, 11, &error));
  g_assert_no_error (error);
  orgs = council_store_list_organizations (f->store, FALSE, NULL);
  org = g_list_model_get_item (G_LIST_MODEL (orgs), 0);
  cats = council_store_list_project_categories (f->store, NULL);
  cat = g_list_model_get_item (G_LIST_MODEL (cats), 0);
  f->lead = council_organization_get_id (org);
  f->category = council_project_category_get_id (cat);
  save_project (f, "QT-2026-901", "青年创业培训营", "Youth Start-up CAMP", "高校毕业生");
  save_project (f, "QT-2026-902", "百分之百_关爱%行动", "Care 100% action", "留守儿童");
  save_project (f, "QT-2026-903", "国际交流", "Straße festival", "侨胞");
  {
    /* Open-ended: no end date yet. */
    g_autoptr(CouncilProject) p = council_store_get_project (f->store, save_project (f, "QT-2025-904", "长期志愿服务", "", "居民"), NULL);

    council_project_set_start_date (p, "2025-02-01");
    council_project_set_end_date (p, "");
    council_store_save_project (f->store, p, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  sqlite3_close (f->reader);
  g_clear_object (&f->store);
  council_test_rm_rf (dir);
  g_free (f->path);
}

static char *
like_pattern (const char *text)
{
  GString *out = g_string_new ("%");

  for (const char *c = text; *c; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

/* The ids SQL's LIKE finds, in the order of @order_by. */
static GArray *
expected_ids (Fixture *f, const char *search, const char *extra_where, const char *order_by)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM project WHERE (code LIKE ?1 ESCAPE '\\' "
                                          "OR title_zh LIKE ?1 ESCAPE '\\' OR title_en LIKE ?1 ESCAPE '\\' "
                                          "OR target_group LIKE ?1 ESCAPE '\\') %s ORDER BY %s",
                                          extra_where, order_by);
  g_autofree char *pattern = like_pattern (search);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (f->reader, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

static void
assert_model_rows (CouncilSqlListModel *model, GArray *expected, const char *search)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  if (n != expected->len)
    g_error ("search “%s”: %u rows, SQL finds %u", search, n, expected->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (council_project_get_id (p) != g_array_index (expected, gint64, i))
        g_error ("search “%s”: row %u is project %" G_GINT64_FORMAT ", SQL says %" G_GINT64_FORMAT,
                 search, i, council_project_get_id (p), g_array_index (expected, gint64, i));
    }
}

static void
test_search_agrees_with_sql (Fixture *f, gconstpointer data)
{
  /* One and two characters, Chinese and ASCII (in either case), longer
   * phrases, LIKE's own wildcards as plain text, and nothing at all. */
  static const char *searches[] = { "培", "培训", "g", "Ge", "gen-20", "GEN-2025-00", "camp", "youth start",
                                    "%", "_关", "100%", "高校毕业生", "no such project", "\"", "儿童" };
  g_autoptr(CouncilSqlListModel) model = council_store_new_project_list (f->store, NULL, COUNCIL_PROJECT_SORT_CODE, FALSE);
  gboolean big_seen = FALSE, small_seen = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      CouncilProjectFilter filter = COUNCIL_PROJECT_FILTER_INIT;
      g_autoptr(GArray) by_code = expected_ids (f, searches[i], "", "code");
      g_autoptr(GArray) by_code_desc = expected_ids (f, searches[i], "", "code DESC");
      g_autoptr(GArray) by_start = expected_ids (f, searches[i], "", "start_date, code");
      g_autoptr(GArray) in_2025 = expected_ids (f, searches[i],
                                                "AND start_date <= '2025-12-31' AND coalesce(end_date, '9999-12-31') >= '2025-01-01'",
                                                "code");
      guint n = 0;

      big_seen |= by_code->len > 2000;
      small_seen |= by_code->len > 0 && by_code->len <= 2000;
      filter.search = searches[i];
      council_project_list_set_sort (model, COUNCIL_PROJECT_SORT_CODE, FALSE);
      council_project_list_set_filter (model, &filter);
      assert_model_rows (model, by_code, searches[i]);
      council_project_list_set_sort (model, COUNCIL_PROJECT_SORT_CODE, TRUE);
      assert_model_rows (model, by_code_desc, searches[i]);
      council_project_list_set_sort (model, COUNCIL_PROJECT_SORT_START_DATE, FALSE);
      assert_model_rows (model, by_start, searches[i]);
      council_project_list_set_sort (model, COUNCIL_PROJECT_SORT_CODE, FALSE);
      filter.year = 2025;
      council_project_list_set_filter (model, &filter);
      assert_model_rows (model, in_2025, searches[i]);
      g_assert_true (council_store_count_projects (f->store, &filter, &n, NULL));
      g_assert_cmpuint (n, ==, in_2025->len);
      /* The position of a match is where the list shows it. */
      if (in_2025->len > 0)
        {
          guint last = in_2025->len - 1;
          g_assert_cmpuint (council_project_list_find_position (model, g_array_index (in_2025, gint64, last), NULL), ==, last);
        }
    }
  /* Both ways of ordering the matches were taken. */
  g_assert_true (big_seen);
  g_assert_true (small_seen);
}

/* A narrowed list without a search is sorted like SQL sorts it, NULL
 * dates included (first ascending, last descending). */
static void
test_narrowed_order (Fixture *f, gconstpointer data)
{
  static const char *year_2025 = "AND start_date <= '2025-12-31' AND coalesce(end_date, '9999-12-31') >= '2025-01-01'";
  g_autoptr(CouncilSqlListModel) model = council_store_new_project_list (f->store, NULL, COUNCIL_PROJECT_SORT_CODE, FALSE);
  CouncilProjectFilter filter = COUNCIL_PROJECT_FILTER_INIT;
  g_autoptr(GArray) open_ended = NULL;
  g_autoptr(GArray) end_desc = expected_ids (f, "", year_2025, "end_date DESC, code DESC");
  g_autoptr(GArray) end_asc = expected_ids (f, "", year_2025, "end_date, code");
  g_autoptr(GArray) budget = expected_ids (f, "", year_2025, "budget_fen DESC, code DESC");

  g_assert_cmpuint (end_asc->len, >, 100);
  /* The open-ended project (no end date) of the fixture sorts first. */
  open_ended = expected_ids (f, "QT-2025-904", "", "code");
  g_assert_cmpuint (open_ended->len, ==, 1);
  g_assert_cmpint (g_array_index (end_asc, gint64, 0), ==, g_array_index (open_ended, gint64, 0));
  filter.year = 2025;
  council_project_list_set_filter (model, &filter);
  council_project_list_set_sort (model, COUNCIL_PROJECT_SORT_END_DATE, TRUE);
  assert_model_rows (model, end_desc, "(year, end date descending)");
  council_project_list_set_sort (model, COUNCIL_PROJECT_SORT_END_DATE, FALSE);
  assert_model_rows (model, end_asc, "(year, end date)");
  /* No brands here: the rolled-up budget is the project's own. */
  council_project_list_set_sort (model, COUNCIL_PROJECT_SORT_BUDGET, TRUE);
  assert_model_rows (model, budget, "(year, budget descending)");
}

/* Beyond LIKE: letters outside ASCII match in either case. */
static void
test_search_folds_case (Fixture *f, gconstpointer data)
{
  CouncilProjectFilter filter = COUNCIL_PROJECT_FILTER_INIT;
  g_autoptr(GListStore) found = NULL;
  g_autoptr(CouncilProject) p = NULL;

  filter.search = "STRASSE";
  found = council_store_list_projects (f->store, &filter, COUNCIL_PROJECT_SORT_CODE, FALSE, 0, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  p = g_list_model_get_item (G_LIST_MODEL (found), 0);
  g_assert_cmpstr (council_project_get_code (p), ==, "QT-2026-903");
}

static guint
count_search (CouncilStore *store, const char *search)
{
  CouncilProjectFilter filter = COUNCIL_PROJECT_FILTER_INIT;
  guint n = 0;

  filter.search = search;
  g_assert_true (council_store_count_projects (store, &filter, &n, NULL));
  return n;
}

/* The text searched is the database's, after edits here, undo, and saves
 * by another connection. */
static void
test_search_follows_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilSqlListModel) model = NULL;
  CouncilProjectFilter filter = COUNCIL_PROJECT_FILTER_INIT;
  gint64 id;

  g_assert_cmpuint (count_search (f->store, "冰雪运动"), ==, 0);
  filter.search = "冰雪运动";
  model = council_store_new_project_list (f->store, &filter, COUNCIL_PROJECT_SORT_CODE, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  id = save_project (f, "QT-2026-950", "冰雪运动进社区", "", "居民");
  g_assert_cmpuint (count_search (f->store, "冰雪运动"), ==, 1);
  /* The list reloads by itself on the store's change. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  {
    g_autoptr(CouncilProject) p = council_store_get_project (f->store, id, &error);

    g_assert_no_error (error);
    council_project_set_title_zh (p, "夏季游泳进社区");
    council_store_save_project (f->store, p, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_search (f->store, "冰雪运动"), ==, 0);
  g_assert_cmpuint (count_search (f->store, "夏季游泳"), ==, 1);
  g_assert_true (council_store_undo (f->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_search (f->store, "冰雪运动"), ==, 1);
  g_assert_cmpuint (count_search (f->store, "夏季游泳"), ==, 0);

  /* Another connection (another window or a command-line import). */
  {
    g_autoptr(CouncilStore) other = council_store_open (f->path, &error);
    g_autoptr(CouncilProject) p = NULL;

    g_assert_no_error (error);
    p = council_store_get_project (other, id, &error);
    g_assert_no_error (error);
    council_project_set_target_group (p, "滑雪爱好者");
    council_store_save_project (other, p, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_search (f->store, "滑雪爱好"), ==, 1);
}

/* Small pages read ahead when rows are asked for one after another, and
 * alone otherwise: every row is the one the sorted list has there. */
static void
test_small_pages (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilSqlListModel) model = council_store_new_project_list (f->store, NULL, COUNCIL_PROJECT_SORT_TITLE, TRUE);
  g_autoptr(GListStore) all = council_store_list_projects (f->store, NULL, COUNCIL_PROJECT_SORT_TITLE, TRUE, 0, 0, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (all));
  static const guint jumps[] = { 2000, 7, 1999, 2590, 0, 1250, 49, 50, 51, 2602 };

  council_sql_list_model_set_page_size (model, 50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  for (guint j = 0; j < G_N_ELEMENTS (jumps); j++)
    for (guint i = jumps[j]; i < MIN (n, jumps[j] + 230); i++)
      {
        g_autoptr(CouncilProject) got = g_list_model_get_item (G_LIST_MODEL (model), i);
        g_autoptr(CouncilProject) want = g_list_model_get_item (G_LIST_MODEL (all), i);

        g_assert_nonnull (got);
        g_assert_cmpint (council_project_get_id (got), ==, council_project_get_id (want));
      }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));
}

#define N_SORTS (COUNCIL_PROJECT_SORT_BENEFICIARIES + 1)

/* The ids a list shows, in order. */
static GArray *
list_ids (CouncilStore *store, const CouncilProjectFilter *filter, CouncilProjectSort sort, gboolean descending)
{
  g_autoptr(CouncilSqlListModel) model = council_store_new_project_list (store, filter, sort, descending);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

  g_assert_null (council_sql_list_model_get_error (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (model), i);
      gint64 id = council_project_get_id (p);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
assert_same_ids (GArray *memory, GArray *sql, const char *what)
{
  if (memory->len != sql->len)
    g_error ("%s: %u rows from memory, %u from SQL", what, memory->len, sql->len);
  for (guint i = 0; i < memory->len; i++)
    if (g_array_index (memory, gint64, i) != g_array_index (sql, gint64, i))
      g_error ("%s: row %u is project %" G_GINT64_FORMAT " from memory, %" G_GINT64_FORMAT " from SQL", what, i,
               g_array_index (memory, gint64, i), g_array_index (sql, gint64, i));
}

/* Year, organization (lead or partner), category and status filters, with
 * and without a search and in tree mode, answered from memory, give the
 * rows SQL gives, in every order; also after a change to a brand's
 * sources (its rolled-up status) and its undo. */
static void
test_filters_agree_with_sql (void)
{
  static const char *searches[] = { NULL, "培训", "gen-2", "服务" };
  static const int statuses[] = { -1, COUNCIL_PROJECT_STATUS_IN_PROGRESS, COUNCIL_PROJECT_STATUS_COMPLETED,
                                  COUNCIL_PROJECT_STATUS_PROPOSED };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);
  g_autoptr(GListStore) orgs = NULL;
  g_autoptr(GListStore) cats = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 org_ids[4] = { 0 }, cat_ids[3] = { 0 };
  guint n_nonempty = 0, n_brand_rows = 0;

  g_assert_true (council_demo_fill (store, &error));
  g_assert_no_error (error);
  g_assert_true (council_demo_generate_projects (store, 1500, 1500, 5, &error));
  g_assert_no_error (error);
  orgs = council_store_list_organizations (store, FALSE, NULL);
  cats = council_store_list_project_categories (store, NULL);
  for (guint i = 1; i < G_N_ELEMENTS (org_ids); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i * 3);
      org_ids[i] = council_organization_get_id (org);
    }
  for (guint i = 1; i < G_N_ELEMENTS (cat_ids); i++)
    {
      g_autoptr(CouncilProjectCategory) cat = g_list_model_get_item (G_LIST_MODEL (cats), i);
      cat_ids[i] = council_project_category_get_id (cat);
    }

  for (guint round = 0; round < 144; round++)
    {
      CouncilProjectFilter filter = COUNCIL_PROJECT_FILTER_INIT;
      CouncilProjectSort sort = (CouncilProjectSort) (round % N_SORTS);
      gboolean descending = (round / N_SORTS) % 2 == 1;
      g_autoptr(GArray) memory = NULL;
      g_autoptr(GArray) sql = NULL;
      g_autofree char *what = NULL;

      if (round == 72)
        {
          /* A source of a brand changes status: the brand's rolled-up
           * status follows, in memory as in SQL. */
          g_autoptr(GListStore) sources = NULL;
          g_autoptr(GListStore) brands = NULL;
          CouncilProjectFilter only_brands = COUNCIL_PROJECT_FILTER_INIT;
          g_autoptr(CouncilProject) brand = NULL;
          g_autoptr(CouncilProject) source = NULL;

          only_brands.integrated_only = TRUE;
          brands = council_store_list_projects (store, &only_brands, COUNCIL_PROJECT_SORT_CODE, FALSE, 0, 0, NULL);
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (brands)), >, 0);
          brand = g_list_model_get_item (G_LIST_MODEL (brands), 0);
          sources = council_store_list_integration_sources (store, council_project_get_id (brand), NULL);
          source = g_list_model_get_item (G_LIST_MODEL (sources), 0);
          council_project_set_status (source, council_project_get_status (source) == COUNCIL_PROJECT_STATUS_IN_PROGRESS
                                      ? COUNCIL_PROJECT_STATUS_SUSPENDED : COUNCIL_PROJECT_STATUS_IN_PROGRESS);
          council_store_save_project (store, source, &error);
          g_assert_no_error (error);
          /* The brand's own status is not what its sources roll up to. */
          council_project_set_status (brand, council_project_get_status (brand) == COUNCIL_PROJECT_STATUS_PROPOSED
                                      ? COUNCIL_PROJECT_STATUS_CANCELLED : COUNCIL_PROJECT_STATUS_PROPOSED);
          council_store_save_project (store, brand, &error);
          g_assert_no_error (error);
          for (int status = 0; status < COUNCIL_PROJECT_N_STATUSES; status++)
            {
              CouncilProjectFilter by_status = COUNCIL_PROJECT_FILTER_INIT;
              g_autoptr(GArray) in_memory = NULL;
              g_autoptr(GArray) in_sql = NULL;

              by_status.status = status;
              in_memory = list_ids (store, &by_status, COUNCIL_PROJECT_SORT_CODE, FALSE);
              council_store_projects_set_filters_in_memory (FALSE);
              in_sql = list_ids (store, &by_status, COUNCIL_PROJECT_SORT_CODE, FALSE);
              council_store_projects_set_filters_in_memory (TRUE);
              assert_same_ids (in_memory, in_sql, "status after a brand's change");
            }
        }
      if (round == 108)
        {
          g_assert_true (council_store_undo (store, NULL, &error));
          g_assert_no_error (error);
        }
      filter.year = (int) g_rand_int_range (rand, 0, 3) == 0 ? 0 : 2024 + g_rand_int_range (rand, 0, 3);
      filter.org_id = org_ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (org_ids))];
      filter.category_id = cat_ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (cat_ids))];
      filter.status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];
      filter.search = searches[g_rand_int_range (rand, 0, G_N_ELEMENTS (searches))];
      filter.top_level_only = g_rand_boolean (rand);
      if (filter.year == 0 && filter.org_id == 0 && filter.category_id == 0 && filter.status < 0)
        filter.status = COUNCIL_PROJECT_STATUS_IN_PROGRESS;   /* always a filter memory answers */
      what = g_strdup_printf ("year %d, org %" G_GINT64_FORMAT ", category %" G_GINT64_FORMAT ", status %d, "
                              "search “%s”, %s, sort %d%s", filter.year, filter.org_id, filter.category_id,
                              filter.status, filter.search ? filter.search : "", filter.top_level_only ? "tree" : "flat",
                              sort, descending ? " descending" : "");
      memory = list_ids (store, &filter, sort, descending);
      council_store_projects_set_filters_in_memory (FALSE);
      sql = list_ids (store, &filter, sort, descending);
      council_store_projects_set_filters_in_memory (TRUE);
      assert_same_ids (memory, sql, what);
      n_nonempty += memory->len > 0;
      n_brand_rows += memory->len > 0 && filter.status >= 0 && filter.top_level_only;
    }
  /* The rounds were not all empty lists. */
  g_assert_cmpuint (n_nonempty, >, 60);
  g_assert_cmpuint (n_brand_rows, >, 5);
  dir = g_path_get_dirname (path);
  g_clear_object (&store);
  council_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/project-search/agrees-with-sql", test_search_agrees_with_sql);
  ADD ("/project-search/folds-case", test_search_folds_case);
  ADD ("/project-search/narrowed-order", test_narrowed_order);
  ADD ("/project-search/follows-changes", test_search_follows_changes);
  ADD ("/project-search/small-pages", test_small_pages);
#undef ADD
  g_test_add_func ("/project-search/filters-agree-with-sql", test_filters_agree_with_sql);
  return g_test_run ();
}
