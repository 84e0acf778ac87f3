/* council-test-helpers.c
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "council-demo.h"
#include "council-test-helpers.h"

void
council_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          council_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

char *
council_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("council-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

CouncilStore *
council_test_open_store (char **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "council.db", NULL);
  CouncilStore *store = council_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (out_path)
    *out_path = g_steal_pointer (&path);
  return store;
}

int
council_test_spawn (const char * const *argv, char **out_stdout, char **out_stderr)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out_stdout, out_stderr, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

/* ---- crash-safety checks ---- */

static sqlite3 *
open_read_only (const char *db_path)
{
  sqlite3 *db = NULL;

  /* Read-write so that a WAL left by a killed writer is recovered, exactly as
   * the program itself would on its next start. */
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("cannot open %s: %s", db_path, sqlite3_errmsg (db));
  sqlite3_busy_timeout (db, 10000);
  return db;
}

static GPtrArray *
string_column (sqlite3 *db, const char *sql)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return out;
}

static gint64
int_query (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Every table that holds records; new features' tables are picked up here
 * without changes. */
static GPtrArray *
record_tables (sqlite3 *db)
{
  return string_column (db,
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('change', 'history') "
    "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' "
    "AND name NOT IN (SELECT s.name || suffix FROM sqlite_schema s, "
    "  (SELECT '_data' AS suffix UNION ALL SELECT '_idx' UNION ALL SELECT '_content' "
    "   UNION ALL SELECT '_docsize' UNION ALL SELECT '_config') WHERE s.sql LIKE 'CREATE VIRTUAL%') "
    "ORDER BY name");
}

static gboolean
table_has_rowid (sqlite3 *db, const char *table)
{
  sqlite3_stmt *stmt = NULL;
  gboolean has_rowid = TRUE;

  if (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
        has_rowid = strstr ((const char *) sqlite3_column_text (stmt, 0), "WITHOUT ROWID") == NULL;
    }
  sqlite3_finalize (stmt);
  return has_rowid;
}

char *
council_test_state_hash (const char *db_path)
{
  sqlite3 *db = open_read_only (db_path);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = NULL;

  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  tables = record_tables (db);
  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      /* A WITHOUT ROWID table is read in primary-key order already. */
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"%s", table,
                                              table_has_rowid (db, table) ? " ORDER BY rowid" : "");
      sqlite3_stmt *stmt = NULL;

      g_checksum_update (sum, (const guchar *) table, -1);
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s: %s", sql, sqlite3_errmsg (db));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const guchar *v = sqlite3_column_text (stmt, c);
              g_checksum_update (sum, (const guchar *) (v ? "\x1f" : "\x1e"), 1);
              if (v)
                g_checksum_update (sum, v, sqlite3_column_bytes (stmt, c));
            }
          g_checksum_update (sum, (const guchar *) "\n", 1);
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (sum));
}

gint64
council_test_last_change (const char *db_path)
{
  sqlite3 *db = open_read_only (db_path);
  gint64 id = int_query (db, "SELECT coalesce(max(id), 0) FROM change");

  sqlite3_close (db);
  return id;
}

static void
check_count (sqlite3 *db, GString *problems, const char *what, const char *sql)
{
  gint64 n = int_query (db, sql);

  if (n != 0)
    g_string_append_printf (problems, "%s: %" G_GINT64_FORMAT "\n", what, n);
}

/* The newest history row of each record must equal the record, and each
 * record whose newest history is not a delete must exist. */
static void
check_history_matches (sqlite3 *db, const char *table, GString *problems)
{
  g_autofree char *columns_sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s')", table);
  g_autoptr(GPtrArray) columns = string_column (db, columns_sql);
  g_autoptr(GString) differs = g_string_new ("0");
  g_autofree char *sql = NULL;
  g_autofree char *missing_sql = NULL;

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (differs, " OR json_extract(h.after, '$.\"%1$s\"') IS NOT t.\"%1$s\"",
                            (char *) g_ptr_array_index (columns, i));
  sql = g_strdup_printf (
    "SELECT count(*) FROM \"%s\" t LEFT JOIN history h ON h.id = "
    "  (SELECT max(id) FROM history WHERE tbl = '%s' AND row_id = t.id) "
    "WHERE h.id IS NULL OR h.op = 'delete' OR %s", table, table, differs->str);
  missing_sql = g_strdup_printf (
    "SELECT count(*) FROM history h WHERE h.tbl = '%s' AND h.op <> 'delete' "
    "AND h.id = (SELECT max(id) FROM history WHERE tbl = h.tbl AND row_id = h.row_id) "
    "AND NOT EXISTS (SELECT 1 FROM \"%s\" WHERE id = h.row_id)", table, table);
  {
    g_autofree char *what = g_strdup_printf ("rows of %s that differ from their newest history", table);
    g_autofree char *what2 = g_strdup_printf ("rows of %s in history but missing", table);
    check_count (db, problems, what, sql);
    check_count (db, problems, what2, missing_sql);
  }
}

char *
council_test_check_consistency (const char *db_path)
{
  sqlite3 *db = open_read_only (db_path);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GPtrArray) integrity = NULL;
  g_autoptr(GPtrArray) tables = NULL;

  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  integrity = string_column (db, "PRAGMA integrity_check");
  if (integrity->len != 1 || g_strcmp0 (g_ptr_array_index (integrity, 0), "ok") != 0)
    g_string_append_printf (problems, "integrity_check: %s\n",
                            integrity->len ? (char *) g_ptr_array_index (integrity, 0) : "(nothing)");
  check_count (db, problems, "foreign key violations", "SELECT count(*) FROM pragma_foreign_key_check");
  check_count (db, problems, "changes without history",
               "SELECT count(*) FROM change c WHERE NOT EXISTS (SELECT 1 FROM history WHERE change_id = c.id)");
  check_count (db, problems, "history without its change",
               "SELECT count(*) FROM history h WHERE NOT EXISTS (SELECT 1 FROM change WHERE id = h.change_id)");
  check_count (db, problems, "undo links that do not match",
               "SELECT count(*) FROM change c WHERE c.undone_by IS NOT NULL AND "
               "(SELECT undoes FROM change WHERE id = c.undone_by) IS NOT c.id");
  tables = string_column (db, "SELECT DISTINCT tbl FROM history ORDER BY tbl");
  for (guint i = 0; i < tables->len; i++)
    check_history_matches (db, g_ptr_array_index (tables, i), problems);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  if (problems->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&problems), FALSE);
}

/* ---- reading workbooks back ---- */

#define PYTHON "/usr/bin/python3"

GHashTable *
council_test_read_workbook (const char *path)
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

const char *
council_test_workbook_fact (GHashTable *facts, const char *sheet, const char *key)
{
  g_autofree char *full = g_strdup_printf ("%s!%s", sheet, key);
  const char *value = g_hash_table_lookup (facts, full);

  if (value == NULL)
    g_error ("the workbook has no %s", full);
  return value;
}

void
council_test_wait_for (gboolean (*cond) (gpointer data), gpointer data, const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("gave up waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

void
council_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
council_test_demo_setup (CouncilTestDemo *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->store = council_test_open_store (&f->db_path);
  f->dir = g_path_get_dirname (f->db_path);
  g_assert_true (council_demo_fill (f->store, &error));
  g_assert_no_error (error);
}

void
council_test_demo_teardown (CouncilTestDemo *f, gconstpointer data)
{
  g_clear_object (&f->store);
  council_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}
