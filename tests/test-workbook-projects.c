/* test-workbook-projects.c: the Projects, Brands, Funds and Fund disclosure
 * sheets, read back with openpyxl: values, formulas, the chart, and the
 * Projects sheet of a view's Export… with its filter and order.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "council-demo.h"
#include "council-store-projects.h"
#include "council-test-helpers.h"
#include "council-workbook.h"

#define PYTHON "/usr/bin/python3"
#define DEMO_YEAR 2026

typedef CouncilTestDemo Fixture;

static GHashTable *
read_workbook (const char *path)
{
  g_autofree char *script = g_build_filename (g_getenv ("COUNCIL_TEST_SRCDIR"), "read-xlsx.py", NULL);
  const char *argv[] = { PYTHON, script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (council_test_spawn (argv, &out, &err) != 0)
    g_error ("read-xlsx.py failed (install python3-openpyxl?): %s", err);
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
  const char *value = g_hash_table_lookup (facts, full);

  if (value == NULL)
    g_error ("the workbook has no %s", full);
  return value;
}

static const char *
cell (GHashTable *facts, const char *sheet, char col, guint row, const char *what)
{
  g_autofree char *key = what ? g_strdup_printf ("%c%u:%s", col, row, what) : g_strdup_printf ("%c%u", col, row);
  return fact (facts, sheet, key);
}

static CouncilWorkbookOptions
options (gboolean chinese)
{
  CouncilWorkbookOptions o;

  council_workbook_options_init (&o);
  o.chinese = chinese;
  o.year = DEMO_YEAR;
  return o;
}

static void
test_all_sheets (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "council.xlsx", NULL);
  CouncilWorkbookOptions o = options (TRUE);
  CouncilProjectFilter all = COUNCIL_PROJECT_FILTER_INIT;
  g_autoptr(GListStore) entries = NULL;
  g_autoptr(GArray) pivot = NULL;
  g_autoptr(GHashTable) facts = NULL;
  guint n_projects = 0, max_row, n_entries;
  gint64 pivot_total = 0;
  gboolean saw_indented = FALSE;

  g_assert_true (council_workbook_export (f->store, path, &o, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  facts = read_workbook (path);

  g_assert_nonnull (strstr (fact (facts, "", "sheets"), "项目|一体化品牌|资金|资金公开"));

  /* Projects: one row per project, money as numbers in yuan. */
  g_assert_true (council_store_count_projects (f->store, &all, &n_projects, NULL));
  g_assert_cmpuint (n_projects, >=, 50);
  g_assert_cmpstr (cell (facts, "项目", 'A', 1, NULL), ==, "项目编号");
  g_assert_cmpstr (cell (facts, "项目", 'J', 1, NULL), ==, "预算（元）");
  g_assert_cmpuint (atoi (fact (facts, "项目", "max_row")), ==, n_projects + 1);
  g_assert_cmpstr (cell (facts, "项目", 'J', 2, "type"), ==, "n");
  g_assert_cmpstr (cell (facts, "项目", 'J', 2, "number_format"), ==, "#,##0.00");
  g_assert_cmpstr (cell (facts, "项目", 'A', 2, "type"), ==, "s");
  g_assert_cmpstr (fact (facts, "项目", "freeze_panes"), ==, "A2");
  g_assert_cmpstr (fact (facts, "项目", "orientation"), ==, "landscape");

  /* Brands: the four integrated brands, their sources indented below them. */
  max_row = atoi (fact (facts, "一体化品牌", "max_row"));
  g_assert_cmpuint (max_row, >=, 4 + 8 + 1);
  g_assert_cmpstr (cell (facts, "一体化品牌", 'A', 2, "indent"), ==, "0");
  for (guint r = 3; r <= max_row; r++)
    saw_indented |= g_strcmp0 (cell (facts, "一体化品牌", 'A', r, "indent"), "0") != 0;
  g_assert_true (saw_indented);

  /* Funds: SUM formulas with cached values, and a native column chart. */
  pivot = council_store_fund_pivot (f->store, DEMO_YEAR, COUNCIL_FUND_KIND_RAISED, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pivot->len; i++)
    pivot_total += g_array_index (pivot, CouncilFundPivotCell, i).amount_fen;
  g_assert_cmpint (pivot_total, >, 0);
  max_row = atoi (fact (facts, "资金", "max_row"));
  g_assert_cmpstr (cell (facts, "资金", 'A', max_row, NULL), ==, "合计");
  g_assert_true (g_str_has_prefix (cell (facts, "资金", 'H', 2, NULL), "=SUM(B2:G2)"));
  g_assert_true (g_str_has_prefix (cell (facts, "资金", 'B', max_row, NULL), "=SUM(B2:B"));
  g_assert_true (g_str_has_prefix (cell (facts, "资金", 'H', max_row, NULL), "=SUM(H2:H"));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cell (facts, "资金", 'H', max_row, "cached"), NULL),
                                  pivot_total / 100.0, 0.005);
  g_assert_cmpstr (cell (facts, "资金", 'B', 1, NULL), ==, "政府购买服务");
  /* The Funds chart is the workbook's first (Ranking adds its own later). */
  g_assert_cmpint (atoi (fact (facts, "", "charts")), >=, 1);
  g_assert_cmpstr (fact (facts, "", "xl/charts/chart1.xml:bar"), ==, "True");

  /* Fund disclosure: every entry of the year. */
  entries = council_store_list_fund_entries_for_year (f->store, DEMO_YEAR, &error);
  g_assert_no_error (error);
  n_entries = g_list_model_get_n_items (G_LIST_MODEL (entries));
  g_assert_cmpuint (n_entries, >, 0);
  g_assert_cmpuint (atoi (fact (facts, "资金公开", "max_row")), ==, n_entries + 1);
  g_assert_cmpstr (cell (facts, "资金公开", 'G', 1, NULL), ==, "收付款方");
  g_assert_cmpstr (cell (facts, "资金公开", 'E', 2, "type"), ==, "n");
  g_assert_true (g_str_has_prefix (cell (facts, "资金公开", 'F', 2, NULL), "2026-"));
}

static void
test_english_headers (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "council-en.xlsx", NULL);
  CouncilWorkbookOptions o = options (FALSE);
  g_autoptr(GHashTable) facts = NULL;

  g_assert_true (council_workbook_export (f->store, path, &o, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  facts = read_workbook (path);
  g_assert_nonnull (strstr (fact (facts, "", "sheets"), "Projects|Brands|Funds|Fund disclosure"));
  g_assert_cmpstr (cell (facts, "Projects", 'B', 1, NULL), ==, "Title");
  g_assert_cmpstr (cell (facts, "Funds", 'A', 1, NULL), ==, "Lead organization");
}

/* The view's Export…: only the rows of its filter, in its order. */
static void
test_view_export (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "view.xlsx", NULL);
  CouncilWorkbookOptions o = options (FALSE);
  CouncilProjectFilter filter = COUNCIL_PROJECT_FILTER_INIT;
  g_autoptr(GListStore) categories = council_store_list_project_categories (f->store, NULL);
  g_autoptr(CouncilProjectCategory) first = g_list_model_get_item (G_LIST_MODEL (categories), 0);
  g_autoptr(GHashTable) facts = NULL;
  guint n = 0, all_n = 0;
  CouncilProjectFilter all = COUNCIL_PROJECT_FILTER_INIT;
  double previous = G_MAXDOUBLE;

  filter.category_id = council_project_category_get_id (first);
  g_assert_true (council_store_count_projects (f->store, &filter, &n, NULL));
  g_assert_true (council_store_count_projects (f->store, &all, &all_n, NULL));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, all_n);
  g_assert_true (council_workbook_export_projects (f->store, path, &o, &filter, COUNCIL_PROJECT_SORT_BUDGET, TRUE,
                                                   NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  facts = read_workbook (path);
  g_assert_cmpstr (fact (facts, "", "sheets"), ==, "Projects");
  g_assert_cmpuint (atoi (fact (facts, "Projects", "max_row")), ==, n + 1);
  for (guint r = 2; r <= n + 1; r++)
    {
      double budget = g_ascii_strtod (cell (facts, "Projects", 'J', r, NULL), NULL);

      g_assert_cmpstr (cell (facts, "Projects", 'E', r, NULL), ==, council_project_category_get_name_en (first));
      g_assert_cmpfloat (budget, <=, previous);
      previous = budget;
    }
}

/* The Partners column speaks the workbook's language (--language), whatever
 * the UI's: here the tests run in English and export in Chinese, then the
 * other way round is checked against the English names. */
static void
test_partners_in_export_language (Fixture *f, gconstpointer data)
{
  g_autoptr(GListStore) orgs = council_store_list_organizations (f->store, TRUE, NULL);
  g_autoptr(GHashTable) zh_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) en_names = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_false (council_ui_prefers_chinese ());
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (orgs)); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);
      g_hash_table_add (zh_names, (gpointer) g_intern_string (council_organization_get_name_for_language (org, TRUE)));
      g_hash_table_add (en_names, (gpointer) g_intern_string (council_organization_get_name_for_language (org, FALSE)));
    }
  for (int chinese = 0; chinese <= 1; chinese++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (f->dir, chinese ? "partners-zh.xlsx" : "partners-en.xlsx", NULL);
      CouncilWorkbookOptions o = options (chinese);
      const char *sheet = chinese ? "项目" : "Projects";
      g_autoptr(GHashTable) facts = NULL;
      guint max_row, checked = 0;

      g_assert_true (council_workbook_export_projects (f->store, path, &o, NULL, COUNCIL_PROJECT_SORT_CODE, FALSE,
                                                       NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      facts = read_workbook (path);
      max_row = atoi (fact (facts, sheet, "max_row"));
      for (guint r = 2; r <= max_row; r++)
        {
          g_autofree char *key = g_strdup_printf ("%s!D%u", sheet, r);
          const char *partners = g_hash_table_lookup (facts, key);
          g_auto(GStrv) names = NULL;

          if (partners == NULL || *partners == '\0')
            continue;
          names = g_strsplit (partners, "、", -1);
          for (guint i = 0; names[i] != NULL; i++)
            {
              gboolean in_language = g_hash_table_contains (chinese ? zh_names : en_names, g_intern_string (names[i]));

              if (!in_language)
                g_error ("row %u of %s: partner \"%s\" is not a name in the export's language", r, sheet, names[i]);
              /* Names that read the same in both languages prove nothing. */
              if (!g_hash_table_contains (chinese ? en_names : zh_names, g_intern_string (names[i])))
                checked++;
            }
        }
      g_assert_cmpuint (checked, >, 0);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/workbook-projects/all-sheets", Fixture, NULL, council_test_demo_setup, test_all_sheets, council_test_demo_teardown);
  g_test_add ("/workbook-projects/english", Fixture, NULL, council_test_demo_setup, test_english_headers, council_test_demo_teardown);
  g_test_add ("/workbook-projects/view-export", Fixture, NULL, council_test_demo_setup, test_view_export, council_test_demo_teardown);
  g_test_add ("/workbook-projects/partners-language", Fixture, NULL, council_test_demo_setup, test_partners_in_export_language,
              council_test_demo_teardown);
  return g_test_run ();
}
