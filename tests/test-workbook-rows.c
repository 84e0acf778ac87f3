/* test-workbook-rows.c: the workbook's lean readers (council-store-workbook.h)
 * give the values the per-project reader gives, row for row, in the same
 * order: every filter and sort of the view's Export…, both languages, the
 * Brands pass against brands and their sources read one by one, and the
 * Fund disclosure rows against council_store_list_fund_entries_for_year(),
 * on the demo council, after edits, an un-integration and its undo.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "council-date.h"
#include "council-demo.h"
#include "council-store-meetings.h"
#include "council-store-private.h"
#include "council-store-projects.h"
#include "council-store-workbook.h"
#include "council-test-helpers.h"

#define DEMO_YEAR 2026

typedef CouncilTestDemo Fixture;

/* A lean row, copied out of its pass. */
typedef struct
{
  CouncilProjectRow row;
  char *code, *title_zh, *title_en, *partners, *start_date, *end_date;
} SavedRow;

static void
saved_row_free (gpointer data)
{
  SavedRow *s = data;

  g_free (s->code);
  g_free (s->title_zh);
  g_free (s->title_en);
  g_free (s->partners);
  g_free (s->start_date);
  g_free (s->end_date);
  g_free (s);
}

static gboolean
save_row_cb (const CouncilProjectRow *row, gpointer user_data)
{
  SavedRow *s = g_new0 (SavedRow, 1);

  s->row = *row;
  s->code = g_strdup (row->code);
  s->title_zh = g_strdup (row->title_zh);
  s->title_en = g_strdup (row->title_en);
  s->partners = g_strdup (row->partners);
  s->start_date = g_strdup (row->start_date);
  s->end_date = g_strdup (row->end_date);
  g_ptr_array_add (user_data, s);
  return TRUE;
}

static gboolean
save_project_cb (CouncilProject *project, gpointer user_data)
{
  g_ptr_array_add (user_data, g_object_ref (project));
  return TRUE;
}

static gboolean
stop_cb (const CouncilProjectRow *row, gpointer user_data)
{
  (*(guint *) user_data)++;
  return FALSE;
}

/* Every value the Projects sheet writes, as the per-project reader has it. */
static void
assert_same_row (CouncilProject *p, const SavedRow *s, const char *what)
{
  if (council_project_get_id (p) != s->row.id)
    g_error ("%s: row of project %" G_GINT64_FORMAT " where %" G_GINT64_FORMAT " (%s) is expected",
             what, s->row.id, council_project_get_id (p), council_project_get_code (p));
  g_assert_cmpstr (s->code, ==, council_project_get_code (p));
  g_assert_cmpstr (s->title_zh, ==, council_project_get_title_zh (p));
  g_assert_cmpstr (s->title_en, ==, council_project_get_title_en (p));
  g_assert_cmpint (s->row.lead_org_id, ==, council_project_get_lead_org_id (p));
  g_assert_cmpint (s->row.category_id, ==, council_project_get_category_id (p));
  g_assert_cmpstr (s->partners, ==, council_project_get_partners_text (p));
  g_assert_cmpstr (s->start_date, ==, council_project_get_start_date (p));
  g_assert_cmpstr (s->end_date, ==, council_project_get_end_date (p));
  g_assert_cmpint (s->row.status, ==, council_project_get_rolled_status (p));
  g_assert_cmpint (s->row.health, ==, council_project_get_rolled_health (p));
  g_assert_cmpint (s->row.budget_fen, ==, council_project_get_rolled_budget_fen (p));
  g_assert_cmpint (s->row.spent_fen, ==, council_project_get_spent_fen (p));
  g_assert_cmpint (s->row.actual_beneficiaries, ==, council_project_get_rolled_actual_beneficiaries (p));
  g_assert_cmpint (s->row.integrated_into, ==, council_project_get_integrated_into (p));
  g_assert_false (s->row.under_brand);
}

/* Compares both readers over one filter and sort; returns the rows compared
 * and, in *n_rolled, how many of them are brands whose roll-up differs from
 * their own values (so the roll-ups were really compared). */
static guint
compare_readers (CouncilStore *store, const CouncilProjectFilter *filter, CouncilProjectSort sort,
                 gboolean descending, guint *n_rolled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lean = g_ptr_array_new_with_free_func (saved_row_free);
  g_autoptr(GPtrArray) full = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *what = g_strdup_printf ("sort %d%s, language %d", sort, descending ? " descending" : "",
                                           filter->names_language);

  g_assert_true (council_store_foreach_project_row (store, filter, sort, descending, save_row_cb, lean, &error));
  g_assert_no_error (error);
  g_assert_true (council_store_foreach_project (store, filter, sort, descending, save_project_cb, full, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lean->len, ==, full->len);
  for (guint i = 0; i < lean->len; i++)
    {
      CouncilProject *p = g_ptr_array_index (full, i);

      assert_same_row (p, g_ptr_array_index (lean, i), what);
      if (n_rolled != NULL && (council_project_get_rolled_budget_fen (p) != council_project_get_budget_fen (p) ||
                               council_project_get_rolled_status (p) != council_project_get_status (p)))
        (*n_rolled)++;
    }
  return lean->len;
}

static void
compare_everything (CouncilStore *store)
{
  g_autoptr(GListStore) categories = council_store_list_project_categories (store, NULL);
  g_autoptr(CouncilProjectCategory) first = g_list_model_get_item (G_LIST_MODEL (categories), 0);
  guint n_all = 0, n_rolled = 0, n_partners = 0;

  for (int language = COUNCIL_NAMES_CHINESE; language <= COUNCIL_NAMES_ENGLISH; language++)
    {
      CouncilProjectFilter all = COUNCIL_PROJECT_FILTER_INIT;
      CouncilProjectFilter filters[6];

      all.names_language = language;
      for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
        filters[i] = all;
      filters[0].category_id = council_project_category_get_id (first);
      filters[1].year = DEMO_YEAR;
      filters[2].status = COUNCIL_PROJECT_STATUS_IN_PROGRESS;
      filters[3].brands_only = TRUE;
      filters[4].integrated_only = TRUE;
      filters[5].search = "服务";

      /* Every sort, both ways, of every project. */
      for (int sort = COUNCIL_PROJECT_SORT_CODE; sort <= COUNCIL_PROJECT_SORT_BENEFICIARIES; sort++)
        for (int descending = 0; descending <= 1; descending++)
          n_all = compare_readers (store, &all, (CouncilProjectSort) sort, descending, &n_rolled);
      /* The view's filters. */
      for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
        {
          guint n = compare_readers (store, &filters[i], COUNCIL_PROJECT_SORT_BUDGET, TRUE, NULL);
          g_assert_cmpuint (n, >, 0);
          g_assert_cmpuint (n, <, n_all);
        }
    }
  /* The demo has brands of sources and projects with partners: the
   * comparisons above covered roll-ups and partner names. */
  g_assert_cmpuint (n_rolled, >, 0);
  {
    CouncilProjectFilter all = COUNCIL_PROJECT_FILTER_INIT;
    g_autoptr(GPtrArray) lean = g_ptr_array_new_with_free_func (saved_row_free);

    all.names_language = COUNCIL_NAMES_CHINESE;
    g_assert_true (council_store_foreach_project_row (store, &all, COUNCIL_PROJECT_SORT_CODE, FALSE,
                                                      save_row_cb, lean, NULL));
    for (guint i = 0; i < lean->len; i++)
      n_partners += *((SavedRow *) g_ptr_array_index (lean, i))->partners != '\0';
    g_assert_cmpuint (n_partners, >, 0);
  }
}

/* The Brands pass: each brand, then its sources, as read one by one. */
static void
compare_brands (CouncilStore *store, int language)
{
  g_autoptr(GError) error = NULL;
  CouncilProjectFilter brands_filter = COUNCIL_PROJECT_FILTER_INIT;
  g_autoptr(GPtrArray) brands = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) expected_under = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GPtrArray) lean = g_ptr_array_new_with_free_func (saved_row_free);

  brands_filter.integrated_only = TRUE;
  brands_filter.names_language = language;
  g_assert_true (council_store_foreach_project (store, &brands_filter, COUNCIL_PROJECT_SORT_CODE, FALSE,
                                                save_project_cb, brands, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (brands->len, >, 0);
  for (guint i = 0; i < brands->len; i++)
    {
      CouncilProject *brand = g_ptr_array_index (brands, i);
      CouncilProjectFilter of_brand = COUNCIL_PROJECT_FILTER_INIT;
      g_autoptr(GListStore) sources = NULL;
      gboolean no = FALSE, yes = TRUE;

      of_brand.integrated_into = council_project_get_id (brand);
      of_brand.names_language = language;
      sources = council_store_list_projects (store, &of_brand, COUNCIL_PROJECT_SORT_CODE, FALSE, 0, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sources)), >, 0);
      g_ptr_array_add (expected, g_object_ref (brand));
      g_array_append_val (expected_under, no);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (sources)); j++)
        {
          g_ptr_array_add (expected, g_list_model_get_item (G_LIST_MODEL (sources), j));
          g_array_append_val (expected_under, yes);
        }
    }

  g_assert_true (council_store_foreach_brand_row (store, language, save_row_cb, lean, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lean->len, ==, expected->len);
  for (guint i = 0; i < lean->len; i++)
    {
      SavedRow *s = g_ptr_array_index (lean, i);
      gboolean under = g_array_index (expected_under, gboolean, i);

      g_assert_cmpint (s->row.under_brand, ==, under);
      s->row.under_brand = FALSE;
      assert_same_row (g_ptr_array_index (expected, i), s, "brands");
    }
}

typedef struct
{
  GListModel *expected;
  GHashTable *zh_titles;   /* project code -> Chinese title */
  gboolean chinese;
  guint n;
} FundCompare;

static gboolean
save_zh_title_cb (CouncilProject *project, gpointer user_data)
{
  g_hash_table_insert (user_data, g_strdup (council_project_get_code (project)),
                       g_strdup (council_project_get_title_zh (project)));
  return TRUE;
}

static gboolean
compare_fund_entry_cb (const CouncilFundEntryRow *row, gpointer user_data)
{
  FundCompare *c = user_data;
  g_autoptr(CouncilFundEntry) e = NULL;

  g_assert_cmpuint (c->n, <, g_list_model_get_n_items (c->expected));
  e = g_list_model_get_item (c->expected, c->n++);
  g_assert_cmpstr (row->project_code, ==, council_fund_entry_get_project_code (e));
  if (c->chinese)
    /* The list speaks the UI's language (English here); the sheet the export's. */
    g_assert_cmpstr (row->project_title, ==, g_hash_table_lookup (c->zh_titles, row->project_code));
  else
    g_assert_cmpstr (row->project_title, ==, council_fund_entry_get_project_title (e));
  g_assert_cmpint (row->source, ==, council_fund_entry_get_source (e));
  g_assert_cmpint (row->kind, ==, council_fund_entry_get_kind (e));
  g_assert_cmpint (row->amount_fen, ==, council_fund_entry_get_amount_fen (e));
  g_assert_cmpstr (row->entry_date, ==, council_fund_entry_get_entry_date (e));
  g_assert_cmpstr (row->counterparty, ==, council_fund_entry_get_counterparty (e));
  g_assert_cmpstr (row->voucher_no, ==, council_fund_entry_get_voucher_no (e));
  g_assert_cmpstr (row->note, ==, council_fund_entry_get_note (e));
  return TRUE;
}

static void
compare_fund_entries (CouncilStore *store, int year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) entries = council_store_list_fund_entries_for_year (store, year, &error);
  g_autoptr(GHashTable) zh_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  CouncilProjectFilter all = COUNCIL_PROJECT_FILTER_INIT;
  FundCompare c = { G_LIST_MODEL (entries), zh_titles, FALSE, 0 };
  guint counted = 0, n_english = 0;

  g_assert_no_error (error);
  g_assert_false (council_ui_prefers_chinese ());
  g_assert_cmpuint (g_list_model_get_n_items (c.expected), >, 0);
  g_assert_true (council_store_foreach_project (store, &all, COUNCIL_PROJECT_SORT_CODE, FALSE, save_zh_title_cb,
                                                zh_titles, &error));
  g_assert_no_error (error);
  for (c.chinese = FALSE; c.chinese <= TRUE; c.chinese++)
    {
      c.n = 0;
      g_assert_true (council_store_foreach_fund_entry_of_year (store, year, c.chinese, compare_fund_entry_cb, &c,
                                                               &error));
      g_assert_no_error (error);
      g_assert_cmpuint (c.n, ==, g_list_model_get_n_items (c.expected));
    }
  /* The demo's projects have English titles: the two languages differed. */
  for (guint i = 0; i < c.n; i++)
    {
      g_autoptr(CouncilFundEntry) e = g_list_model_get_item (c.expected, i);
      n_english += g_strcmp0 (council_fund_entry_get_project_title (e),
                              g_hash_table_lookup (zh_titles, council_fund_entry_get_project_code (e))) != 0;
    }
  g_assert_cmpuint (n_english, >, 0);
  g_assert_true (council_store_count_fund_entries_of_year (store, year, &counted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counted, ==, c.n);
}

static void
test_projects_and_brands (Fixture *f, gconstpointer data)
{
  compare_everything (f->store);
  compare_brands (f->store, COUNCIL_NAMES_CHINESE);
  compare_brands (f->store, COUNCIL_NAMES_ENGLISH);
}

/* Spending booked on a source changes its brand's spent; un-integrating a
 * source and undoing it changes the roll-ups: the readers agree throughout. */
static void
test_after_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  CouncilProjectFilter sources_filter = COUNCIL_PROJECT_FILTER_INIT;
  g_autoptr(GListStore) sources = NULL;
  g_autoptr(CouncilProject) source = NULL;
  g_autoptr(CouncilProject) loaded = NULL;
  g_autoptr(CouncilFundEntry) spent = NULL;
  gint64 brand_id;
  CouncilProjectRollup before, after;

  /* The demo's first brand of sources and its first source. */
  sources_filter.integrated_only = TRUE;
  {
    g_autoptr(GListStore) brands = council_store_list_projects (f->store, &sources_filter, COUNCIL_PROJECT_SORT_CODE,
                                                                FALSE, 0, 1, &error);
    g_autoptr(CouncilProject) brand = NULL;

    g_assert_no_error (error);
    brand = g_list_model_get_item (G_LIST_MODEL (brands), 0);
    brand_id = council_project_get_id (brand);
  }
  sources = council_store_list_integration_sources (f->store, brand_id, &error);
  g_assert_no_error (error);
  source = g_list_model_get_item (G_LIST_MODEL (sources), 0);
  g_assert_true (council_store_get_project_rollup (f->store, brand_id, &before, &error));
  g_assert_no_error (error);

  loaded = council_store_get_project (f->store, council_project_get_id (source), &error);
  g_assert_no_error (error);
  spent = council_fund_entry_new (COUNCIL_FUND_SOURCE_FISCAL, COUNCIL_FUND_KIND_SPENT, 123456,
                                  council_project_get_start_date (loaded));
  g_list_store_append (council_project_get_fund_entries (loaded), spent);
  /* And partners up to three, so that names are joined. */
  {
    g_autoptr(GListStore) orgs = council_store_list_organizations (f->store, FALSE, &error);
    GListModel *partners = G_LIST_MODEL (council_project_get_partners (loaded));

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (orgs)) && g_list_model_get_n_items (partners) < 3; i++)
      {
        g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);
        gint64 org_id = council_organization_get_id (org);
        gboolean taken = org_id == council_project_get_lead_org_id (loaded);

        for (guint j = 0; j < g_list_model_get_n_items (partners); j++)
          {
            g_autoptr(CouncilProjectPartner) pp = g_list_model_get_item (partners, j);
            taken |= council_project_partner_get_org_id (pp) == org_id;
          }
        if (!taken)
          council_project_add_partner (loaded, org_id, COUNCIL_PARTNER_ROLE_SUPPORTER);
      }
    g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 3);
  }
  g_assert_true (council_store_save_project (f->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_true (council_store_get_project_rollup (f->store, brand_id, &after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (after.spent_fen, ==, before.spent_fen + 123456);
  compare_everything (f->store);
  compare_brands (f->store, COUNCIL_NAMES_CHINESE);
  compare_fund_entries (f->store, 0);
  {
    CouncilProjectFilter one = COUNCIL_PROJECT_FILTER_INIT;
    g_autoptr(GPtrArray) lean = g_ptr_array_new_with_free_func (saved_row_free);

    one.integrated_into = brand_id;
    one.names_language = COUNCIL_NAMES_CHINESE;
    g_assert_true (council_store_foreach_project_row (f->store, &one, COUNCIL_PROJECT_SORT_CODE, FALSE,
                                                      save_row_cb, lean, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < lean->len; i++)
      {
        SavedRow *row = g_ptr_array_index (lean, i);
        g_auto(GStrv) names = g_strsplit (row->partners, "、", -1);

        if (row->row.id == council_project_get_id (source))
          g_assert_cmpuint (g_strv_length (names), ==, 3);
      }
  }

  g_assert_true (council_store_unintegrate_project (f->store, council_project_get_id (source), &error));
  g_assert_no_error (error);
  compare_everything (f->store);
  compare_brands (f->store, COUNCIL_NAMES_ENGLISH);

  g_assert_true (council_store_undo (f->store, NULL, &error));
  g_assert_no_error (error);
  compare_everything (f->store);
  compare_brands (f->store, COUNCIL_NAMES_CHINESE);
}

static void
test_fund_entries (Fixture *f, gconstpointer data)
{
  compare_fund_entries (f->store, DEMO_YEAR);
  compare_fund_entries (f->store, 0);
}

/* ---- Funds: the pivot against the grouped query it replaced ---- */

static void
compare_pivot (CouncilStore *store, int year, CouncilFundKind kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cells = council_store_fund_pivot (store, year, kind, &error);
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year > 0 ? year : 1);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year > 0 ? year : 9999);
  sqlite3_stmt *stmt = council_store_prepare (store,
    "SELECT p.lead_org_id, f.source, sum(f.amount_fen) FROM fund_entry f "
    "JOIN project p ON p.id = f.project_id JOIN organization o ON o.id = p.lead_org_id "
    "WHERE f.kind = ?1 AND f.entry_date BETWEEN ?2 AND ?3 GROUP BY p.lead_org_id, f.source "
    "ORDER BY min(o.sort_order), p.lead_org_id, (CASE f.source WHEN 'gov_purchase' THEN 0 WHEN 'fiscal' THEN 1 "
    "WHEN 'donation' THEN 2 WHEN 'corporate' THEN 3 WHEN 'overseas' THEN 4 ELSE 5 END)", &error);
  guint n = 0;

  g_assert_no_error (error);
  g_assert_nonnull (cells);
  sqlite3_bind_text (stmt, 1, council_fund_kind_to_string (kind), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CouncilFundPivotCell *cell;

      g_assert_cmpuint (n, <, cells->len);
      cell = &g_array_index (cells, CouncilFundPivotCell, n++);
      g_assert_cmpint (cell->org_id, ==, sqlite3_column_int64 (stmt, 0));
      g_assert_cmpstr (council_fund_source_to_string (cell->source), ==, (const char *) sqlite3_column_text (stmt, 1));
      g_assert_cmpint (cell->amount_fen, ==, sqlite3_column_int64 (stmt, 2));
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (n, ==, cells->len);
  if (year == 0 || year == DEMO_YEAR)
    g_assert_cmpuint (n, >, 1);
}

static void
test_fund_pivot (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  for (int round = 0; round < 2; round++)
    {
      for (int kind = COUNCIL_FUND_KIND_RAISED; kind <= COUNCIL_FUND_KIND_SPENT; kind++)
        {
          compare_pivot (f->store, DEMO_YEAR, (CouncilFundKind) kind);
          compare_pivot (f->store, DEMO_YEAR - 1, (CouncilFundKind) kind);
          compare_pivot (f->store, 0, (CouncilFundKind) kind);
        }
      /* Then with the roster's order against the ids, and ties in it. */
      g_assert_true (council_store_exec (f->store, "UPDATE organization SET sort_order = (1000 - id) / 2", &error));
      g_assert_no_error (error);
    }
}

/* ---- Action items: against the list of the Action items view ---- */

typedef struct
{
  GListModel *expected;
  const char *as_of;
  guint n;
  guint n_joined;     /* rows with several co-owners */
  guint n_notes;
} ActionCompare;

static gboolean
compare_action_item_cb (const CouncilActionItemRow *row, gpointer user_data)
{
  ActionCompare *c = user_data;
  g_autoptr(CouncilActionItem) item = NULL;
  g_autofree char *meeting = NULL;

  g_assert_cmpuint (c->n, <, g_list_model_get_n_items (c->expected));
  item = g_list_model_get_item (c->expected, c->n++);
  g_assert_cmpint (row->id, ==, council_action_item_get_id (item));
  g_assert_cmpstr (row->text, ==, council_action_item_get_text (item));
  g_assert_cmpstr (row->co_owners, ==, council_action_item_get_co_owner_names (item));
  g_assert_cmpstr (row->due_date, ==, council_action_item_get_due_date (item));
  g_assert_cmpint (row->status, ==, council_action_item_get_status (item));
  g_assert_cmpstr (row->done_date, ==, council_action_item_get_done_date (item));
  g_assert_cmpstr (row->last_note, ==, council_action_item_get_last_progress_note (item));
  g_assert_cmpstr (row->last_note_date, ==, council_action_item_get_last_progress_date (item));
  g_assert_cmpstr (row->meeting_title, ==, council_action_item_get_meeting_title (item));
  meeting = g_strndup (council_action_item_get_meeting_date (item), 10);
  g_assert_cmpstr (row->meeting_date, ==, meeting);
  g_assert_cmpint (row->days_overdue, ==, MAX (council_action_item_get_days_overdue (item, c->as_of), 0));
  c->n_joined += strstr (row->co_owners, ", ") != NULL;
  c->n_notes += *row->last_note != '\0';
  return TRUE;
}

static gint64
pick_organization (CouncilStore *store, guint index)
{
  g_autoptr(GListStore) orgs = council_store_list_organizations (store, FALSE, NULL);
  g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), index);

  return council_organization_get_id (org);
}

static void
test_action_items (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilMeeting) m = council_meeting_new ();
  g_autoptr(GListStore) kinds = council_store_list_meeting_kinds (f->store, &error);
  g_autoptr(CouncilMeetingKind) kind = g_list_model_get_item (G_LIST_MODEL (kinds), 0);
  CouncilAgendaItem *agenda;
  CouncilActionItem *action;
  CouncilActionFilter filter;
  const char *as_of = "2026-11-29";

  /* An item with three co-owners, added last organization first: they are
   * listed by organization, as the view lists them. */
  council_meeting_set_kind (m, council_meeting_kind_get_id (kind), council_meeting_kind_get_name_zh (kind),
                            council_meeting_kind_get_name_en (kind));
  council_meeting_set_title (m, "联席会议（测试）");
  council_meeting_set_starts_at (m, "2026-05-06T09:30");
  agenda = council_meeting_add_agenda_item (m, "研究阵地建设");
  action = council_outcome_get_action_item (council_agenda_item_add_outcome (agenda, COUNCIL_OUTCOME_ACTION,
                                                                             "制定阵地建设方案。"));
  council_action_item_set_owner (action, pick_organization (f->store, 0), NULL);
  council_action_item_set_due_date (action, "2026-06-30");
  for (guint i = 3; i >= 1; i--)
    council_action_item_add_co_owner (action, pick_organization (f->store, i));
  g_assert_true (council_store_save_meeting (f->store, m, &error));
  g_assert_no_error (error);

  g_assert_false (council_ui_prefers_chinese ());
  council_action_filter_init (&filter);
  filter.due_year = DEMO_YEAR;
  filter.as_of = as_of;
  /* The demo's year, and the next one (the pending items carried over). */
  for (int year = DEMO_YEAR; year <= DEMO_YEAR + 1; year++)
    {
      g_autoptr(GListStore) items = NULL;
      ActionCompare c = { NULL, as_of, 0, 0, 0 };

      filter.due_year = year;
      items = council_store_list_action_items (f->store, &filter, 0, G_MAXINT, &error);
      g_assert_no_error (error);
      c.expected = G_LIST_MODEL (items);
      g_assert_cmpuint (g_list_model_get_n_items (c.expected), >, year == DEMO_YEAR ? 10 : 0);
      g_assert_true (council_store_foreach_action_item_of_year (f->store, year, as_of, FALSE,
                                                                compare_action_item_cb, &c, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (c.n, ==, g_list_model_get_n_items (c.expected));
      if (year == DEMO_YEAR)
        {
          g_assert_cmpuint (c.n_joined, >, 0);
          g_assert_cmpuint (c.n_notes, >, 0);
        }
    }
}

/* A callback's FALSE stops the pass after that row. */
static void
test_stop (Fixture *f, gconstpointer data)
{
  CouncilProjectFilter all = COUNCIL_PROJECT_FILTER_INIT;
  guint n = 0;

  g_assert_false (council_store_foreach_project_row (f->store, &all, COUNCIL_PROJECT_SORT_CODE, FALSE, stop_cb, &n, NULL));
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (council_store_foreach_brand_row (f->store, COUNCIL_NAMES_CHINESE, stop_cb, &n, NULL));
  g_assert_cmpuint (n, ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/workbook-rows/projects-and-brands", Fixture, NULL, council_test_demo_setup, test_projects_and_brands,
              council_test_demo_teardown);
  g_test_add ("/workbook-rows/after-changes", Fixture, NULL, council_test_demo_setup, test_after_changes, council_test_demo_teardown);
  g_test_add ("/workbook-rows/fund-entries", Fixture, NULL, council_test_demo_setup, test_fund_entries, council_test_demo_teardown);
  g_test_add ("/workbook-rows/fund-pivot", Fixture, NULL, council_test_demo_setup, test_fund_pivot, council_test_demo_teardown);
  g_test_add ("/workbook-rows/action-items", Fixture, NULL, council_test_demo_setup, test_action_items, council_test_demo_teardown);
  g_test_add ("/workbook-rows/stop", Fixture, NULL, council_test_demo_setup, test_stop, council_test_demo_teardown);
  return g_test_run ();
}
