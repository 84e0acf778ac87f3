/* test-workbook-meetings.c: the Meetings and Action items sheets of the demo council,
 * read back cell by cell with openpyxl.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "council-demo.h"
#include "council-store-meetings.h"
#include "council-test-helpers.h"
#include "council-workbook.h"

#define PYTHON "/usr/bin/python3"
#define ALERT_FILL "FFFFC7CE"

typedef CouncilTestDemo Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  council_test_demo_setup (f, data);
  g_assert_true (council_demo_fill_meetings (f->store, &error));
  g_assert_no_error (error);
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
cell (GHashTable *facts, const char *sheet, const char *col, int row, const char *what)
{
  g_autofree char *key = g_strdup_printf ("%s!%s%d%s%s", sheet, col, row, what ? ":" : "", what ? what : "");
  const char *value = g_hash_table_lookup (facts, key);

  if (value == NULL)
    g_error ("the workbook has no %s", key);
  return value;
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

static char *
export (Fixture *f, gboolean chinese, const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  CouncilWorkbookOptions options;

  council_workbook_options_init (&options);
  options.chinese = chinese;
  g_assert_true (council_workbook_export (f->store, path, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static int
current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_get_year (now);
}

static int
days_between (const char *from, const char *to)
{
  GDate a, b;

  g_assert_true (council_iso_date_parse (from, &a));
  g_assert_true (council_iso_date_parse (to, &b));
  return g_date_days_between (&a, &b);
}

static void
test_meetings_sheet (Fixture *f, gconstpointer data)
{
  g_autofree char *path = export (f, TRUE, "meetings-zh.xlsx");
  g_autoptr(GHashTable) facts = read_workbook (path);
  CouncilMeetingFilter filter;
  g_autoptr(GListStore) meetings = NULL;
  const char *s = "会议";
  guint n;
  int approved = 0;

  council_meeting_filter_init (&filter);
  /* The sheet holds the export's year: by default the current one. */
  filter.year = current_year ();
  meetings = council_store_list_meetings (f->store, &filter, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (meetings));
  g_assert_cmpuint (n, >=, 10);

  /* Meetings and action items follow the roster; other issues add their sheets around them. */
  g_assert_nonnull (strstr (fact (facts, "", "sheets"), "|会议|督办事项"));
  g_assert_cmpstr (cell (facts, s, "A", 1, NULL), ==, "日期");
  g_assert_cmpstr (cell (facts, s, "B", 1, NULL), ==, "会议类型");
  g_assert_cmpstr (cell (facts, s, "D", 1, NULL), ==, "会议名称");
  g_assert_cmpstr (cell (facts, s, "F", 1, NULL), ==, "主持人");
  g_assert_cmpstr (cell (facts, s, "H", 1, NULL), ==, "出席");
  g_assert_cmpstr (cell (facts, s, "K", 1, NULL), ==, "委托出席");
  g_assert_cmpstr (cell (facts, s, "L", 1, NULL), ==, "出席率");
  g_assert_cmpstr (cell (facts, s, "M", 1, NULL), ==, "未完成督办事项");
  g_assert_cmpstr (cell (facts, s, "A", 1, "bold"), ==, "True");
  g_assert_cmpint (atoi (fact (facts, s, "max_row")), ==, (int) n + 1);
  g_assert_cmpstr (fact (facts, s, "max_column"), ==, "13");
  g_assert_cmpstr (fact (facts, s, "freeze_panes"), ==, "A2");
  g_assert_cmpstr (fact (facts, s, "orientation"), ==, "landscape");
  g_assert_cmpstr (fact (facts, s, "print_title_rows"), ==, "$1:$1");

  /* Oldest first; every held meeting has its attendance and rate. */
  for (guint r = 2; r <= n + 1; r++)
    {
      g_autoptr(CouncilMeeting) m = g_list_model_get_item (G_LIST_MODEL (meetings), n + 1 - r);
      const CouncilAttendanceRate *rate = council_meeting_get_attendance_rate (m);
      g_autofree char *date = council_meeting_dup_date (m);

      g_assert_true (g_str_has_prefix (cell (facts, s, "A", r, NULL), date));
      g_assert_cmpstr (cell (facts, s, "D", r, NULL), ==, council_meeting_get_title (m));
      if (r > 2)
        g_assert_cmpstr (cell (facts, s, "A", r - 1, NULL), <=, cell (facts, s, "A", r, NULL));
      if (council_meeting_get_state (m) == COUNCIL_MEETING_STATE_APPROVED)
        {
          approved++;
          g_assert_cmpstr (cell (facts, s, "G", r, NULL), ==, "纪要已审定");
        }
      if (rate->recorded == 0)
        continue;
      g_assert_cmpint (atoi (cell (facts, s, "H", r, NULL)), ==, (int) rate->present);
      g_assert_cmpint (atoi (cell (facts, s, "I", r, NULL)), ==, (int) rate->absent);
      g_assert_cmpint (atoi (cell (facts, s, "J", r, NULL)), ==, (int) rate->excused);
      g_assert_cmpint (atoi (cell (facts, s, "K", r, NULL)), ==, (int) rate->delegated);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cell (facts, s, "L", r, NULL), NULL), rate->rate, 1e-9);
      g_assert_cmpstr (cell (facts, s, "L", r, "number_format"), ==, "0%");
      g_assert_cmpint (atoi (cell (facts, s, "M", r, NULL)), ==, (int) council_meeting_get_open_items (m));
    }
  g_assert_cmpint (approved, >, 0);
}

static void
test_action_items_sheet (Fixture *f, gconstpointer data)
{
  g_autofree char *path = export (f, FALSE, "actions-en.xlsx");
  g_autoptr(GHashTable) facts = read_workbook (path);
  g_autofree char *today = council_iso_date_today ();
  CouncilActionFilter filter;
  const char *s = "Action items";
  guint n;
  int overdue = 0, done = 0;
  gboolean pending_part = TRUE;

  council_action_filter_init (&filter);
  /* Due in the export's year, or pending from before. */
  filter.due_year = current_year ();
  n = council_store_count_action_items (f->store, &filter, NULL);
  g_assert_cmpuint (n, >=, 10);

  g_assert_nonnull (strstr (fact (facts, "", "sheets"), "|Meetings|Action items"));
  g_assert_cmpstr (cell (facts, "Meetings", "A", 1, NULL), ==, "Date");
  g_assert_cmpstr (cell (facts, s, "A", 1, NULL), ==, "Action item");
  g_assert_cmpstr (cell (facts, s, "B", 1, NULL), ==, "Owner");
  g_assert_cmpstr (cell (facts, s, "C", 1, NULL), ==, "Co-owners");
  g_assert_cmpstr (cell (facts, s, "D", 1, NULL), ==, "Due date");
  g_assert_cmpstr (cell (facts, s, "G", 1, NULL), ==, "Days overdue");
  g_assert_cmpstr (cell (facts, s, "H", 1, NULL), ==, "Last progress note");
  g_assert_cmpstr (cell (facts, s, "I", 1, NULL), ==, "Meeting");
  g_assert_cmpint (atoi (fact (facts, s, "max_row")), ==, (int) n + 1);
  g_assert_cmpstr (fact (facts, s, "max_column"), ==, "9");
  g_assert_cmpstr (fact (facts, s, "freeze_panes"), ==, "A2");

  for (guint r = 2; r <= n + 1; r++)
    {
      const char *status = cell (facts, s, "E", r, NULL);
      const char *due = cell (facts, s, "D", r, NULL);
      const char *days = cell (facts, s, "G", r, NULL);
      gboolean pending = g_str_equal (status, "Open") || g_str_equal (status, "In progress");
      int expected = pending ? days_between (due, today) : 0;

      /* Pending items first (overdue ones lead), each part by due date. */
      if (!pending)
        pending_part = FALSE;
      else
        g_assert_true (pending_part);
      if (r > 2)
        {
          const char *before = cell (facts, s, "E", r - 1, NULL);
          gboolean before_pending = g_str_equal (before, "Open") || g_str_equal (before, "In progress");
          if (before_pending == pending)
            g_assert_cmpstr (cell (facts, s, "D", r - 1, NULL), <=, due);
        }
      g_assert_cmpstr (cell (facts, s, "B", r, NULL), !=, "");
      if (expected > 0)
        {
          /* Days overdue on the demo's dates, relative to today, on a red fill. */
          overdue++;
          g_assert_cmpint (atoi (days), ==, expected);
          g_assert_cmpstr (cell (facts, s, "G", r, "fill"), ==, ALERT_FILL);
          g_assert_cmpstr (cell (facts, s, "G", r, "type"), ==, "n");
        }
      else
        {
          g_assert_cmpstr (days, ==, "");
          g_assert_cmpstr (cell (facts, s, "G", r, "fill"), ==, "");
        }
      if (g_str_equal (status, "Done"))
        {
          done++;
          g_assert_true (council_iso_date_is_valid (cell (facts, s, "F", r, NULL)));
        }
    }
  g_assert_cmpint (overdue, >, 0);
  g_assert_cmpint (done, >, 0);
  /* The first row is the most overdue item. */
  g_assert_cmpstr (cell (facts, s, "G", 2, "fill"), ==, ALERT_FILL);
}

static void
test_action_items_sheet_chinese (Fixture *f, gconstpointer data)
{
  g_autofree char *path = export (f, TRUE, "actions-zh.xlsx");
  g_autoptr(GHashTable) facts = read_workbook (path);
  const char *s = "督办事项";
  int max_row = atoi (fact (facts, s, "max_row"));
  gboolean seen_co_owner = FALSE;

  g_assert_cmpstr (cell (facts, s, "A", 1, NULL), ==, "督办事项");
  g_assert_cmpstr (cell (facts, s, "B", 1, NULL), ==, "责任单位");
  g_assert_cmpstr (cell (facts, s, "C", 1, NULL), ==, "协办单位");
  g_assert_cmpstr (cell (facts, s, "D", 1, NULL), ==, "完成时限");
  g_assert_cmpstr (cell (facts, s, "G", 1, NULL), ==, "逾期天数");
  g_assert_cmpstr (cell (facts, s, "H", 1, NULL), ==, "最近督办记录");
  for (int r = 2; r <= max_row; r++)
    {
      const char *status = cell (facts, s, "E", r, NULL);

      g_assert_true (g_str_equal (status, "未开始") || g_str_equal (status, "推进中") ||
                     g_str_equal (status, "已完成") || g_str_equal (status, "已取消"));
      /* Owners in Chinese: every organization of the district names 九龙坡区. */
      g_assert_nonnull (strstr (cell (facts, s, "B", r, NULL), "九龙坡区"));
      seen_co_owner |= strstr (cell (facts, s, "C", r, NULL), "九龙坡区") != NULL;
    }
  g_assert_true (seen_co_owner);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, council_test_demo_teardown)
  ADD ("/workbook/meetings/sheet", test_meetings_sheet);
  ADD ("/workbook/action-items/english", test_action_items_sheet);
  ADD ("/workbook/action-items/chinese", test_action_items_sheet_chinese);
#undef ADD
  return g_test_run ();
}
