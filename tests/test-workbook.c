/* test-workbook.c: the exported Roster sheet, read back cell by cell with openpyxl.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "council-demo.h"
#include "council-test-helpers.h"
#include "council-workbook.h"

#define PYTHON "/usr/bin/python3"
#define UNION_ZH "九龙坡区总工会"
#define UNION_EN "Jiulongpo District Federation of Trade Unions"

typedef CouncilTestDemo Fixture;

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
  int status;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s is missing; install python3-openpyxl (build-aux/dev test does)", PYTHON);
  status = council_test_spawn (argv, &out, &err);
  if (status != 0)
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

/* The row of the sheet that holds an organization, by its name cell. */
static int
row_named (GHashTable *facts, const char *sheet, const char *name)
{
  int max_row = atoi (fact (facts, sheet, "max_row"));

  for (int r = 2; r <= max_row; r++)
    {
      g_autofree char *ref = g_strdup_printf ("A%d", r);
      if (g_strcmp0 (fact (facts, sheet, ref), name) == 0)
        return r;
    }
  g_error ("no row named %s", name);
  return 0;
}

static const char *
cell (GHashTable *facts, const char *sheet, const char *col, int row, const char *what)
{
  g_autofree char *key = g_strdup_printf ("%s%d%s%s", col, row, what ? ":" : "", what ? what : "");
  return fact (facts, sheet, key);
}

static void
test_roster_sheet_chinese (Fixture *f, gconstpointer data)
{
  g_autofree char *path = export (f, TRUE, "roster-zh.xlsx");
  g_autoptr(GHashTable) facts = read_workbook (path);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  const char *s = "成员单位";
  int r;

  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  /* The Cover comes first, then the roster, then the sheets of later issues. */
  g_assert_true (g_str_has_prefix (fact (facts, "", "sheets"), "封面|成员单位|"));
  g_assert_cmpstr (cell (facts, s, "A", 1, NULL), ==, "单位名称");
  g_assert_cmpstr (cell (facts, s, "F", 1, NULL), ==, "联系电话");
  g_assert_cmpstr (cell (facts, s, "L", 1, NULL), ==, "抽调占比");
  g_assert_cmpstr (cell (facts, s, "O", 1, NULL), ==, "联络员");
  g_assert_cmpstr (cell (facts, s, "P", 1, NULL), ==, "预警");
  g_assert_cmpstr (cell (facts, s, "Q", 1, NULL), ==, "备注");
  g_assert_cmpstr (cell (facts, s, "A", 1, "bold"), ==, "True");
  g_assert_cmpstr (cell (facts, s, "A", 1, "fill"), !=, "");

  /* 22 organizations under the header. */
  g_assert_cmpstr (fact (facts, s, "max_row"), ==, "23");
  g_assert_cmpstr (fact (facts, s, "max_column"), ==, "17");
  g_assert_cmpstr (fact (facts, s, "freeze_panes"), ==, "A2");
  g_assert_cmpstr (fact (facts, s, "autofilter"), ==, "A1:Q23");
  g_assert_cmpstr (fact (facts, s, "orientation"), ==, "landscape");
  g_assert_cmpstr (fact (facts, s, "paper_size"), ==, "9");
  g_assert_cmpstr (fact (facts, s, "fit_to_page"), ==, "True");
  g_assert_cmpstr (fact (facts, s, "fit_to_height"), ==, "0");
  g_assert_cmpstr (fact (facts, s, "print_title_rows"), ==, "$1:$1");
  g_assert_cmpstr (fact (facts, s, "footer"), ==, "&P / &N");
  /* Chinese names count double: the name column is wider than its 4-character header. */
  g_assert_cmpfloat (g_ascii_strtod (fact (facts, s, "A:width"), NULL), >, 20.0);

  r = row_named (facts, s, UNION_ZH);
  g_assert_cmpstr (cell (facts, s, "F", r, NULL), ==, "023-68781234");
  g_assert_cmpstr (cell (facts, s, "F", r, "type"), ==, "s");
  g_assert_cmpstr (cell (facts, s, "C", r, NULL), ==, "枢纽型组织");
  g_assert_cmpstr (cell (facts, s, "D", r, NULL), ==, "理事长单位");
  g_assert_cmpstr (cell (facts, s, "J", r, NULL), ==, "17");
  g_assert_cmpstr (cell (facts, s, "J", r, "type"), ==, "n");
  g_assert_cmpstr (cell (facts, s, "L", r, "number_format"), ==, "0%");
  g_assert_cmpstr (cell (facts, s, "O", r, NULL), ==,
                   "刘晓燕（区人力资源和社会保障局，023-68782210）\n"
                   "陈志强（区司法局，023-68783045）\n"
                   "周丽（区政务服务管理办公室，13883452217）");
  g_assert_cmpstr (cell (facts, s, "O", r, "wrap"), ==, "True");
  /* No alert on the trade union: no highlight. */
  g_assert_cmpstr (cell (facts, s, "P", r, NULL), ==, "");
  g_assert_cmpstr (cell (facts, s, "P", r, "fill"), ==, "");

  /* Several sample organizations have staffing alerts, and their rows stand out. */
  {
    int n_staffing = 0;
    for (r = 2; r <= 23; r++)
      {
        const char *alerts = cell (facts, s, "P", r, NULL);
        if (*alerts == '\0')
          {
            g_assert_cmpstr (cell (facts, s, "A", r, "fill"), ==, "");
            continue;
          }
        g_assert_cmpstr (cell (facts, s, "P", r, "fill"), ==, "FFFFC7CE");
        g_assert_cmpstr (cell (facts, s, "A", r, "fill"), ==, "FFFFC7CE");
        if (strstr (alerts, "抽调≥2/3") != NULL)
          {
            n_staffing++;
            g_assert_cmpfloat (g_ascii_strtod (cell (facts, s, "L", r, NULL), NULL), >=, 2.0 / 3.0 - 1e-9);
          }
      }
    g_assert_cmpint (n_staffing, >=, 2);
  }
}

static void
test_roster_sheet_english (Fixture *f, gconstpointer data)
{
  g_autofree char *path = export (f, FALSE, "roster-en.xlsx");
  g_autoptr(GHashTable) facts = read_workbook (path);
  const char *s = "Roster";
  int r;

  /* The Cover comes first, then the roster, then the sheets of later issues. */
  g_assert_true (g_str_has_prefix (fact (facts, "", "sheets"), "Cover|Roster|"));
  g_assert_cmpstr (cell (facts, s, "A", 1, NULL), ==, "Name");
  g_assert_cmpstr (cell (facts, s, "I", 1, NULL), ==, "Establishment posts");
  g_assert_cmpstr (cell (facts, s, "N", 1, NULL), ==, "Grassroots coverage");
  g_assert_cmpstr (cell (facts, s, "P", 1, NULL), ==, "Alerts");
  g_assert_cmpstr (fact (facts, s, "max_row"), ==, "23");
  r = row_named (facts, s, UNION_EN);
  g_assert_cmpstr (cell (facts, s, "F", r, NULL), ==, "023-68781234");
  g_assert_cmpstr (cell (facts, s, "D", r, NULL), ==, "Chair unit");
  g_assert_cmpstr (cell (facts, s, "N", r, NULL), ==, "Village and community");
  g_assert_true (g_str_has_prefix (cell (facts, s, "O", r, NULL), "刘晓燕 (区人力资源和社会保障局, 023-68782210)\n"));
}

static void
update_notes_directly (const char *db_path, const char *name_zh, const char *notes)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* Older files or other tools may hold longer notes than the editor allows. */
  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE organization SET notes = ?1 WHERE name_zh = ?2", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, notes, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name_zh, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_text_stays_text (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = council_store_find_organization_by_name (f->store, UNION_ZH, &error);
  g_autoptr(CouncilOrganization) org = council_store_get_organization (f->store, id, &error);
  g_autoptr(GString) long_note = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) facts = NULL;
  const char *s = "成员单位";
  const char *value;
  int r;

  g_assert_no_error (error);
  council_organization_set_notes (org, "=1+1");
  council_organization_set_phone (org, "+86 23 6878 1234");
  council_organization_set_contact_person (org, "-");
  council_organization_set_short_name (org, "@x");
  g_assert_true (council_store_save_organization (f->store, org, &error));
  g_assert_no_error (error);

  for (int i = 0; i < 40000; i++)
    g_string_append_unichar (long_note, i % 2 ? 0x5907 /* 备 */ : 'a');
  update_notes_directly (f->db_path, "共青团九龙坡区委员会", long_note->str);

  path = export (f, TRUE, "text.xlsx");
  facts = read_workbook (path);
  r = row_named (facts, s, UNION_ZH);
  g_assert_cmpstr (cell (facts, s, "Q", r, NULL), ==, "=1+1");
  g_assert_cmpstr (cell (facts, s, "Q", r, "type"), ==, "s");
  g_assert_cmpstr (cell (facts, s, "F", r, NULL), ==, "+86 23 6878 1234");
  g_assert_cmpstr (cell (facts, s, "F", r, "type"), ==, "s");
  g_assert_cmpstr (cell (facts, s, "E", r, NULL), ==, "-");
  g_assert_cmpstr (cell (facts, s, "E", r, "type"), ==, "s");
  g_assert_cmpstr (cell (facts, s, "B", r, NULL), ==, "@x");
  g_assert_cmpstr (cell (facts, s, "B", r, "type"), ==, "s");

  r = row_named (facts, s, "共青团九龙坡区委员会");
  value = cell (facts, s, "Q", r, NULL);
  g_assert_cmpint (g_utf8_strlen (value, -1), ==, 32767);
  g_assert_true (g_str_has_suffix (value, "…[truncated]"));
  g_assert_true (g_str_has_prefix (value, "a备a备"));
}

static void
test_retired_excluded (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = council_store_find_organization_by_name (f->store, UNION_ZH, &error);
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) facts = NULL;

  g_assert_true (council_store_set_organization_retired (f->store, id, TRUE, &error));
  g_assert_no_error (error);
  path = export (f, TRUE, "retired.xlsx");
  facts = read_workbook (path);
  g_assert_cmpstr (fact (facts, "成员单位", "max_row"), ==, "22");
  for (int r = 2; r <= 22; r++)
    g_assert_cmpstr (cell (facts, "成员单位", "A", r, NULL), !=, UNION_ZH);
}

static void
on_progress (double fraction, gpointer user_data)
{
  GArray *seen = user_data;
  g_array_append_val (seen, fraction);
}

static void
test_progress_and_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (f->dir, "cancelled.xlsx", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.xlsx", NULL);

  g_assert_true (council_workbook_export (f->store, path, NULL, on_progress, seen, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >=, 2);
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
  g_unlink (path);

  g_cancellable_cancel (cancellable);
  g_assert_false (council_workbook_export (f->store, path, NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (council_workbook_export (f->store, missing, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, missing));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, council_test_demo_setup, func, council_test_demo_teardown)
  ADD ("/workbook/roster/chinese", test_roster_sheet_chinese);
  ADD ("/workbook/roster/english", test_roster_sheet_english);
  ADD ("/workbook/roster/text-stays-text", test_text_stays_text);
  ADD ("/workbook/roster/retired-excluded", test_retired_excluded);
  ADD ("/workbook/progress-and-cancel", test_progress_and_cancel);
#undef ADD
  return g_test_run ();
}
