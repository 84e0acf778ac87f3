/* test-workbook-cover.c: the whole leaders' workbook of the sample council,
 * read back with openpyxl in both languages: the Cover first with the
 * Overview's figures, links to every sheet and a chart; every sheet set up to
 * print; the year filtering the year-bound sheets.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "council-date.h"
#include "council-demo.h"
#include "council-overview.h"
#include "council-store-assessment.h"
#include "council-test-helpers.h"
#include "council-workbook.h"

#define PYTHON "/usr/bin/python3"

typedef struct
{
  CouncilStore *store;
  char *db_path;
  char *dir;
  int year;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  f->store = council_test_open_store (&f->db_path);
  f->dir = g_path_get_dirname (f->db_path);
  /* The sample council (projects, meetings, documents) is dated in the current year. */
  f->year = g_date_time_get_year (now);
  g_assert_true (council_demo_fill (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  council_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

/* "sheet!key" -> value, from tests/read-xlsx.py. */
static GHashTable *
read_workbook (const char *path)
{
  g_autofree char *script = g_build_filename (g_getenv ("COUNCIL_TEST_SRCDIR"), "read-xlsx.py", NULL);
  const char *argv[] = { PYTHON, script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s is missing; install python3-openpyxl (build-aux/dev test does)", PYTHON);
  if (council_test_spawn (argv, &out, &err) != 0)
    g_error ("read-xlsx.py failed (install python3-openpyxl?): %s", err);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "\t", 3);

      if (g_strv_length (parts) != 3)
        continue;
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
maybe_fact (GHashTable *facts, const char *sheet, const char *key)
{
  g_autofree char *full = g_strdup_printf ("%s!%s", sheet, key);
  return g_hash_table_lookup (facts, full);
}

static GHashTable *
export (Fixture *f, gboolean chinese, int year, const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  CouncilWorkbookOptions options;
  g_autoptr(GError) error = NULL;

  council_workbook_options_init (&options);
  options.chinese = chinese;
  options.year = year;
  g_assert_true (council_workbook_export (f->store, path, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return read_workbook (path);
}

#define COVER_ROWS 150

/* The row of the Cover whose column A reads text; 0 when none. */
static int
cover_row (GHashTable *facts, const char *cover, const char *text)
{
  for (int row = 1; row < COVER_ROWS; row++)
    {
      g_autofree char *a = g_strdup_printf ("A%d", row);
      const char *value = maybe_fact (facts, cover, a);

      if (value != NULL && g_str_equal (value, text))
        return row;
    }
  return 0;
}

static const char *
cell (GHashTable *facts, const char *sheet, char column, int row)
{
  g_autofree char *key = g_strdup_printf ("%c%d", column, row);
  return fact (facts, sheet, key);
}

/* The ranking table of the Cover row by row against the Overview's ranking. */
static void
assert_ranking (GHashTable *facts, const char *cover, const CouncilOverview *o, const char *org_header)
{
  int header = cover_row (facts, cover, org_header);

  g_assert_nonnull (o->ranking);
  g_assert_cmpuint (o->ranking->len, >, 0);
  if (header == 0)
    g_error ("the Cover has no ranking table");
  /* The heading above names the scheme. */
  g_assert_nonnull (strstr (cell (facts, cover, 'A', header - 1), o->ranking_title));
  for (guint k = 0; k < o->ranking->len; k++)
    {
      const CouncilRankingEntry *e = &g_array_index (o->ranking, CouncilRankingEntry, k);
      int row = header + 1 + (int) k;

      g_assert_cmpstr (cell (facts, cover, 'A', row), ==, e->organization);
      g_assert_cmpfloat (g_ascii_strtod (cell (facts, cover, 'B', row), NULL), ==, e->rank);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cell (facts, cover, 'C', row), NULL), e->total, 0.005);
      g_assert_cmpstr (cell (facts, cover, 'D', row), ==, e->grade);
    }
  /* The table ends there. */
  {
    g_autofree char *key = g_strdup_printf ("B%d", header + 1 + o->ranking->len);
    const char *after = maybe_fact (facts, cover, key);
    g_assert_true (after == NULL || *after == '\0' || g_str_equal (after, "None"));
  }
}

/* The value in column B beside the label in column A of the Cover. */
static double
cover_figure (GHashTable *facts, const char *cover, const char *label)
{
  for (int row = 1; row < COVER_ROWS; row++)
    {
      g_autofree char *a = g_strdup_printf ("A%d", row);
      g_autofree char *b = g_strdup_printf ("B%d", row);
      const char *text = maybe_fact (facts, cover, a);

      if (text != NULL && g_str_equal (text, label))
        return g_ascii_strtod (fact (facts, cover, b), NULL);
    }
  g_error ("the Cover has no row “%s”", label);
  return -1;
}

/* The Cover links to every other sheet, in order. */
static void
assert_contents (GHashTable *facts, char **sheets)
{
  guint found = 1;

  for (int row = 1; row < COVER_ROWS && sheets[found] != NULL; row++)
    {
      g_autofree char *key = g_strdup_printf ("A%d:link", row);
      const char *link = maybe_fact (facts, sheets[0], key);
      g_autofree char *want = g_strdup_printf ("'%s'!A1", sheets[found]);

      if (link == NULL)
        continue;
      g_assert_cmpstr (link, ==, want);
      {
        g_autofree char *text_key = g_strdup_printf ("A%d", row);
        g_assert_cmpstr (fact (facts, sheets[0], text_key), ==, sheets[found]);
      }
      found++;
    }
  g_assert_cmpuint (found, ==, g_strv_length (sheets));
}

static void
assert_printable (GHashTable *facts, char **sheets)
{
  for (guint i = 0; sheets[i] != NULL; i++)
    {
      g_assert_cmpstr (fact (facts, sheets[i], "orientation"), ==, "landscape");
      g_assert_cmpstr (fact (facts, sheets[i], "paper_size"), ==, "9");
      g_assert_cmpstr (fact (facts, sheets[i], "footer"), ==, "&P / &N");
      g_assert_cmpstr (fact (facts, sheets[i], "print_title_rows"), !=, "");
      g_assert_cmpstr (fact (facts, sheets[i], "print_title_rows"), !=, "None");
    }
}

static void
test_chinese (Fixture *f, gconstpointer data)
{
  g_autoptr(GHashTable) facts = export (f, TRUE, f->year, "zh.xlsx");
  g_auto(GStrv) sheets = g_strsplit (fact (facts, "", "sheets"), "|", -1);
  g_autofree char *today = council_iso_date_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilOverview) o = council_overview_compute (f->store, f->year, today, TRUE, &error);
  g_autofree char *title = g_strdup_printf ("群团工作理事会 %d年度工作台账", f->year);
  g_autofree char *year = g_strdup_printf ("%d", f->year);

  g_assert_no_error (error);
  g_assert_cmpstr (fact (facts, "", "xml_parts_well_formed"), ==, "yes");
  g_assert_cmpint (atoi (fact (facts, "", "charts")), >=, 1);

  /* The Cover first, then the sheets in the order leaders read them. */
  g_assert_cmpstr (sheets[0], ==, "封面");
  g_assert_cmpstr (sheets[1], ==, "成员单位");
  g_assert_true (g_strv_contains ((const char * const *) sheets, "会议"));
  g_assert_true (g_strv_contains ((const char * const *) sheets, "督办事项"));
  g_assert_cmpstr (fact (facts, "封面", "A1"), ==, title);
  g_assert_cmpstr (fact (facts, "封面", "B4"), ==, year);

  /* The same numbers as the Overview of that year. */
  g_assert_cmpfloat (cover_figure (facts, "封面", "在册成员单位"), ==, o->active_organizations);
  g_assert_cmpfloat (cover_figure (facts, "封面", "年度实施项目"), ==, o->projects);
  g_assert_cmpfloat (o->projects, >, 0);
  g_assert_cmpfloat (cover_figure (facts, "封面", "项目：实施中"), ==, o->projects_by_status[COUNCIL_PROJECT_STATUS_IN_PROGRESS]);
  g_assert_cmpfloat (cover_figure (facts, "封面", "项目：滞后"), ==, o->projects_by_health[COUNCIL_PROJECT_HEALTH_OFF_TRACK]);
  g_assert_cmpfloat (cover_figure (facts, "封面", "筹集资金（元）"), ==, o->raised_fen / 100.0);
  g_assert_cmpfloat (cover_figure (facts, "封面", "支出资金（元）"), ==, o->spent_fen / 100.0);
  g_assert_cmpfloat (cover_figure (facts, "封面", "已召开会议"), ==, o->meetings_held);
  g_assert_cmpfloat (o->meetings_held, >, 0);
  g_assert_cmpfloat (cover_figure (facts, "封面", "未完成督办事项"), ==, o->action_items_open);
  g_assert_cmpfloat (cover_figure (facts, "封面", "逾期督办事项"), ==, o->action_items_overdue);
  g_assert_cmpfloat (cover_figure (facts, "封面", "新增文件"), ==, o->documents_added);
  g_assert_cmpfloat (cover_figure (facts, "封面", "社会募捐"), ==, o->raised_by_source[COUNCIL_FUND_SOURCE_DONATION] / 100.0);
  /* The sample council scores this year's assessment part way: the progress,
   * and last year's finalized ranking, as the Overview shows them. */
  g_assert_true (o->assessment_available);
  g_assert_cmpuint (o->organizations_assessed, >, 0);
  g_assert_cmpfloat (cover_figure (facts, "封面", "考核：已评分单位"), ==, o->organizations_scored);
  g_assert_cmpfloat (cover_figure (facts, "封面", "考核：参评单位"), ==, o->organizations_assessed);
  g_assert_cmpint (o->ranking_year, ==, f->year - 1);
  assert_ranking (facts, "封面", o, "单位名称");

  assert_contents (facts, sheets);
  assert_printable (facts, sheets);
  /* Headers in Chinese on the other sheets. */
  g_assert_cmpstr (fact (facts, "成员单位", "A1:bold"), ==, "True");
  g_assert_false (g_regex_match_simple ("^[A-Za-z ]+$", fact (facts, "会议", "A1"), 0, 0));
}

static void
test_english (Fixture *f, gconstpointer data)
{
  g_autoptr(GHashTable) facts = export (f, FALSE, f->year, "en.xlsx");
  g_auto(GStrv) sheets = g_strsplit (fact (facts, "", "sheets"), "|", -1);
  g_autofree char *today = council_iso_date_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilOverview) o = council_overview_compute (f->store, f->year, today, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sheets[0], ==, "Cover");
  g_assert_cmpstr (sheets[1], ==, "Roster");
  g_assert_true (g_strv_contains ((const char * const *) sheets, "Meetings"));
  g_assert_true (g_strv_contains ((const char * const *) sheets, "Action items"));
  g_assert_true (g_str_has_prefix (fact (facts, "Cover", "A1"), "Mass-Organizations Work Council"));
  g_assert_cmpfloat (cover_figure (facts, "Cover", "Active organizations"), ==, o->active_organizations);
  g_assert_cmpfloat (cover_figure (facts, "Cover", "Funds raised (yuan)"), ==, o->raised_fen / 100.0);
  g_assert_cmpfloat (cover_figure (facts, "Cover", "Overdue action items"), ==, o->action_items_overdue);
  g_assert_cmpfloat (cover_figure (facts, "Cover", "Assessment: organizations scored"), ==, o->organizations_scored);
  g_assert_cmpfloat (cover_figure (facts, "Cover", "Assessment: organizations assessed"), ==, o->organizations_assessed);
  assert_ranking (facts, "Cover", o, "Organization");
  assert_contents (facts, sheets);
  assert_printable (facts, sheets);
  /* Headers in English on every sheet (no CJK in the header row). */
  for (guint i = 1; sheets[i] != NULL; i++)
    g_assert_false (g_regex_match_simple ("[\\x{4e00}-\\x{9fff}]", fact (facts, sheets[i], "A1"), 0, 0));
}

static void
test_year_filters_sheets (Fixture *f, gconstpointer data)
{
  g_autoptr(GHashTable) now = export (f, FALSE, f->year, "now.xlsx");
  g_autoptr(GHashTable) past = export (f, FALSE, f->year - 5, "past.xlsx");

  /* The sample meetings are of this year: five years back has none. */
  g_assert_cmpint (atoi (fact (now, "Meetings", "max_row")), >, 1);
  g_assert_cmpint (atoi (fact (past, "Meetings", "max_row")), ==, 1);
  /* Action items due five years back: none (nothing is pending from before). */
  g_assert_cmpint (atoi (fact (now, "Action items", "max_row")), >, 1);
  g_assert_cmpint (atoi (fact (past, "Action items", "max_row")), ==, 1);
  g_assert_cmpfloat (cover_figure (past, "Cover", "Projects active in the year"), ==, 0);
  g_assert_cmpfloat (cover_figure (past, "Cover", "Meetings held"), ==, 0);
}

/* Without a finalized assessment the Cover says so, and has one chart fewer. */
static void
test_no_finalized_ranking (Fixture *f, gconstpointer data)
{
  g_autoptr(GHashTable) finalized = export (f, FALSE, f->year, "finalized.xlsx");
  g_autoptr(GHashTable) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = council_iso_date_today ();
  g_autoptr(CouncilOverview) o = council_overview_compute (f->store, f->year, today, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (o->ranking);
  g_assert_true (council_store_reopen_assessment_scheme (f->store, o->ranking_scheme_id, &error));
  g_assert_no_error (error);
  reopened = export (f, FALSE, f->year, "reopened.xlsx");
  g_assert_cmpint (cover_row (reopened, "Cover", "Organization"), ==, 0);
  g_assert_cmpint (cover_row (reopened, "Cover", "No assessment has been finalized yet."), >, 0);
  g_assert_cmpint (atoi (fact (finalized, "", "charts")), ==, atoi (fact (reopened, "", "charts")) + 1);
  /* The year five back has no scheme: the Cover says that too. */
  {
    g_autoptr(GHashTable) past = export (f, FALSE, f->year - 5, "past.xlsx");
    g_autofree char *none = g_strdup_printf ("no assessment scheme for %d", f->year - 5);
    int row = cover_row (past, "Cover", "Assessment progress");

    g_assert_cmpint (row, >, 0);
    g_assert_cmpstr (cell (past, "Cover", 'B', row), ==, none);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/workbook-cover/chinese", Fixture, NULL, fixture_setup, test_chinese, fixture_teardown);
  g_test_add ("/workbook-cover/english", Fixture, NULL, fixture_setup, test_english, fixture_teardown);
  g_test_add ("/workbook-cover/year", Fixture, NULL, fixture_setup, test_year_filters_sheets, fixture_teardown);
  g_test_add ("/workbook-cover/no-finalized-ranking", Fixture, NULL, fixture_setup, test_no_finalized_ranking, fixture_teardown);
  return g_test_run ();
}
