/* test-store.c: opening, migrating, refusing, backing up and restoring the council file.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "council-store.h"
/* The connection's own pragmas (foreign_keys) are only visible through it. */
#include "council-store-private.h"
#include "council-test-helpers.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = council_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "council.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  council_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* ---- helpers ---- */

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
sql_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
  sqlite3_close (db);
}

static char *
sql_text (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static gint64
sql_int (const char *path, const char *sql)
{
  g_autofree char *text = sql_text (path, sql);
  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static gint64
connection_int (CouncilStore *store, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (council_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static guint
count_hubs (CouncilStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = council_store_list_organizations (store, TRUE, &error);
  guint hubs = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (list), i);
      if (council_organization_get_category (org) == COUNCIL_CATEGORY_HUB)
        hubs++;
    }
  return hubs;
}

static void
assert_seeded_roster (CouncilStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = council_store_list_organizations (store, TRUE, &error);
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 22);
  g_assert_cmpuint (council_store_count_organizations (store, FALSE), ==, 22);
  g_assert_cmpuint (count_hubs (store), ==, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *zh = council_organization_get_name_zh (org);
      const char *en = council_organization_get_name_en (org);

      g_assert_cmpstr (zh, !=, "");
      g_assert_cmpstr (en, !=, "");
      /* The Chinese name is Chinese, the English one is not. */
      g_assert_true (g_utf8_get_char (zh) >= 0x4e00);
      g_assert_true (g_ascii_isalpha (en[0]));
    }
  g_assert_cmpint (council_store_find_organization_by_name (store, "九龙坡区总工会", NULL), >, 0);
  g_assert_cmpint (council_store_find_organization_by_name (store, "Jiulongpo District Women's Federation", NULL), >, 0);
}

/* Changes the phone of the first organization; returns its id. */
static gint64
edit_first_phone (CouncilStore *store, const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = council_store_list_organizations (store, FALSE, &error);
  g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (list), 0);

  g_assert_no_error (error);
  council_organization_set_phone (org, phone);
  g_assert_true (council_store_save_organization (store, org, &error));
  g_assert_no_error (error);
  return council_organization_get_id (org);
}

static char *
phone_of (CouncilStore *store, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilOrganization) org = council_store_get_organization (store, id, &error);

  g_assert_no_error (error);
  return g_strdup (council_organization_get_phone (org));
}

static void
assert_refused_untouched (const char *path, int expected_code, const char *expected_words)
{
  g_autofree char *before = file_checksum (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = NULL;
  GStatBuf st_before, st_after;

  g_assert_cmpint (g_stat (path, &st_before), ==, 0);
  store = council_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, COUNCIL_STORE_ERROR, expected_code);
  /* The message names the file and says it was not changed. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, expected_words));

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mode, ==, st_after.st_mode);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* ---- tests ---- */

static void
test_new_file (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = NULL;
  g_autofree char *journal = NULL;
  GStatBuf st;

  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  store = council_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (council_store_get_latest_schema_version (), >=, 1);
  g_assert_cmpint (council_store_get_schema_version (store), ==, council_store_get_latest_schema_version ());
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, council_store_get_latest_schema_version ());
  g_assert_cmpint (sql_int (f->path, "PRAGMA application_id"), ==, COUNCIL_STORE_APPLICATION_ID);
  g_assert_cmpint (sql_int (f->path, "PRAGMA application_id"), ==, 0x51544344);
  journal = sql_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (connection_int (store, "PRAGMA foreign_keys"), ==, 1);

  assert_seeded_roster (store);
}

static void
test_new_file_in_new_folder (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = NULL;
  g_autofree char *path = g_build_filename (f->dir, "council-desk", "sub", "council.db", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  GStatBuf st;

  store = council_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  assert_seeded_roster (store);
}

static void
test_empty_file (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = NULL;

  g_assert_true (g_file_set_contents (f->path, "", 0, &error));
  g_assert_no_error (error);
  store = council_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (council_store_get_schema_version (store), ==, council_store_get_latest_schema_version ());
  assert_seeded_roster (store);
}

static void
test_refuse_newer (Fixture *f, gconstpointer data)
{
  gboolean wal = GPOINTER_TO_INT (data);
  g_autofree char *sql = g_strdup_printf (
    "%s PRAGMA application_id = %d; PRAGMA user_version = 999;"
    "CREATE TABLE future (x); INSERT INTO future VALUES ('from the future');",
    wal ? "PRAGMA journal_mode = WAL;" : "", COUNCIL_STORE_APPLICATION_ID);

  sql_exec (f->path, sql);
  assert_refused_untouched (f->path, COUNCIL_STORE_ERROR_NEWER_VERSION, "newer version");
}

static void
test_refuse_foreign (Fixture *f, gconstpointer data)
{
  sql_exec (f->path, "PRAGMA application_id = 1234; CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  assert_refused_untouched (f->path, COUNCIL_STORE_ERROR_NOT_COUNCIL, "not a Council Desk database");
}

static void
test_refuse_foreign_no_app_id (Fixture *f, gconstpointer data)
{
  sql_exec (f->path, "CREATE TABLE contacts (name, phone); INSERT INTO contacts VALUES ('Li', '1');");
  assert_refused_untouched (f->path, COUNCIL_STORE_ERROR_NOT_COUNCIL, "not a Council Desk database");
}

static void
test_refuse_text_file (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (f->path, "名称,电话\n九龙坡区总工会,023-68781234\n", -1, &error));
  g_assert_no_error (error);
  assert_refused_untouched (f->path, COUNCIL_STORE_ERROR_NOT_COUNCIL, "not a Council Desk database");
}

static void
test_refuse_short_file (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (f->path, "SQLite", -1, &error));
  g_assert_no_error (error);
  assert_refused_untouched (f->path, COUNCIL_STORE_ERROR_NOT_COUNCIL, "not a Council Desk database");
}

static void
test_refuse_folder (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_store_open (f->dir, &error);

  g_assert_null (store);
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_COUNCIL);
}

/* 0: refused as read-only with the path in the message; 1: anything else. */
static int
open_read_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_store_open (path, &error);

  if (store != NULL || !g_error_matches (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_READ_ONLY))
    return 1;
  if (strstr (error->message, path) == NULL || strstr (error->message, "read-only") == NULL)
    return 1;
  return 0;
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_autoptr(CouncilStore) store = council_store_open (f->path, NULL);
    g_assert_nonnull (store);
  }
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  before = file_checksum (f->path);

  if (geteuid () == 0)
    {
      /* Root may write to any file; an unprivileged child sees what a user sees. */
      int status = 0;
      pid_t pid;

      g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          if (setgid (65534) != 0 || setuid (65534) != 0)
            _exit (77);
          _exit (open_read_only (f->path));
        }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFEXITED (status));
      if (WEXITSTATUS (status) == 77)
        {
          g_test_skip ("running as root and cannot drop privileges");
          return;
        }
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  else
    g_assert_cmpint (open_read_only (f->path), ==, 0);

  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* The store turns SQLite's read-only failure on a write into the same kind of message. */
static void
test_read_only_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);
  g_autoptr(GListStore) list = council_store_list_organizations (store, FALSE, NULL);
  g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_false (council_store_set_sqlite_error (store, SQLITE_READONLY, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* And a real one: a save on a connection SQLite holds read-only. */
  g_assert_cmpint (sqlite3_exec (council_store_get_db (store), "PRAGMA query_only = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  council_organization_set_phone (org, "023-68780000");
  g_assert_false (council_store_save_organization (store, org, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "nothing was saved"));
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (council_store_get_db (store), "PRAGMA query_only = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (council_store_save_organization (store, org, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  council_test_rm_rf (dir);
}

static void
test_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;
  gint64 id, n_changes;

  {
    g_autoptr(CouncilStore) store = council_store_open (f->path, &error);
    g_assert_no_error (error);
    id = edit_first_phone (store, "023-68781234");
  }
  n_changes = sql_int (f->path, "SELECT count(*) FROM change");
  g_assert_cmpint (n_changes, ==, 2);

  {
    g_autoptr(CouncilStore) store = council_store_open (f->path, &error);
    g_assert_no_error (error);
    assert_seeded_roster (store);
    phone = phone_of (store, id);
    g_assert_cmpstr (phone, ==, "023-68781234");
    g_assert_cmpint (council_store_get_schema_version (store), ==, council_store_get_latest_schema_version ());
  }
  /* Not seeded a second time, not migrated again. */
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM change"), ==, n_changes);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM organization"), ==, 22);
}

static void
test_backup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_store_open (f->path, &error);
  g_autofree char *backup = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *partial = g_strconcat (backup, ".partial", NULL);
  g_autofree char *phone = NULL;
  g_autofree char *journal = NULL;
  gint64 id;
  GStatBuf st;

  g_assert_no_error (error);
  id = edit_first_phone (store, "023-68781234");

  g_assert_true (council_store_backup (store, backup, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* One self-contained file. */
  journal = sql_text (backup, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "delete");

  /* The backup cannot be written over the database itself. */
  g_assert_false (council_store_backup (store, f->path, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED);
  g_clear_error (&error);

  {
    g_autoptr(CouncilStore) copy = council_store_open (backup, &error);
    g_assert_no_error (error);
    assert_seeded_roster (copy);
    phone = phone_of (copy, id);
    g_assert_cmpstr (phone, ==, "023-68781234");
  }
}

static void
test_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_store_open (f->path, &error);
  g_autofree char *backup = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *phone = NULL;
  g_autofree char *journal = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = edit_first_phone (store, "023-68781234");
  g_assert_true (council_store_backup (store, backup, &error));
  g_assert_no_error (error);

  /* A change after the backup, and a new organization. */
  edit_first_phone (store, "13983451234");
  {
    g_autoptr(CouncilOrganization) org = council_organization_new ();
    council_organization_set_name_zh (org, "九龙坡区志愿者协会");
    council_organization_set_name_en (org, "Jiulongpo Volunteers Association");
    g_assert_true (council_store_save_organization (store, org, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (council_store_count_organizations (store, TRUE), ==, 23);

  g_assert_true (council_store_restore (store, backup, &error));
  g_assert_no_error (error);
  phone = phone_of (store, id);
  g_assert_cmpstr (phone, ==, "023-68781234");
  g_assert_cmpuint (council_store_count_organizations (store, TRUE), ==, 22);
  g_assert_cmpint (council_store_find_organization_by_name (store, "九龙坡区志愿者协会", NULL), ==, 0);

  /* The restored database is still the live one, in WAL mode, and keeps working. */
  journal = sql_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  edit_first_phone (store, "023-60000000");
  g_clear_object (&store);
  store = council_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&phone, g_free);
  phone = phone_of (store, id);
  g_assert_cmpstr (phone, ==, "023-60000000");
  assert_seeded_roster (store);
}

static void
test_restore_refuses (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_store_open (f->path, &error);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *sql = NULL;
  const char *bad[] = { text, foreign, newer };
  const int codes[] = { COUNCIL_STORE_ERROR_NOT_COUNCIL, COUNCIL_STORE_ERROR_NOT_COUNCIL,
                        COUNCIL_STORE_ERROR_NEWER_VERSION };
  gint64 id;

  g_assert_no_error (error);
  id = edit_first_phone (store, "023-68781234");

  g_assert_true (g_file_set_contents (text, "this is not a database\n", -1, &error));
  sql_exec (foreign, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 999; CREATE TABLE t (x);",
                         COUNCIL_STORE_APPLICATION_ID);
  sql_exec (newer, sql);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *phone = NULL;

      g_assert_false (council_store_restore (store, bad[i], &error));
      g_assert_error (error, COUNCIL_STORE_ERROR, codes[i]);
      g_clear_error (&error);
      phone = phone_of (store, id);
      g_assert_cmpstr (phone, ==, "023-68781234");
      assert_seeded_roster (store);
    }
}

static void
test_rotate_backups (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_store_open (f->path, &error);
  g_autofree char *dir = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "council-%Y-%m-%d.db");
  g_autofree char *today_path = NULL;
  g_autofree char *other = NULL;
  const char *old[] = { "council-2026-01-01.db", "council-2026-01-02.db", "council-2026-01-03.db",
                        "council-2026-01-04.db", "council-2026-01-05.db" };

  g_assert_no_error (error);
  dir = council_store_get_backup_dir (store);
  g_assert_true (g_str_has_prefix (dir, f->dir));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      g_autofree char *p = g_build_filename (dir, old[i], NULL);
      g_assert_true (g_file_set_contents (p, "old", -1, NULL));
    }
  /* A file the user put there that is not one of ours stays. */
  other = g_build_filename (dir, "before-restore-20260101-120000.db", NULL);
  g_assert_true (g_file_set_contents (other, "keep", -1, NULL));

  g_assert_true (council_store_rotate_backups (store, 3, &error));
  g_assert_no_error (error);

  today_path = g_build_filename (dir, today, NULL);
  g_assert_true (g_file_test (today_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      g_autofree char *p = g_build_filename (dir, old[i], NULL);
      /* Today's copy and the two newest old ones remain. */
      g_assert_cmpint (g_file_test (p, G_FILE_TEST_EXISTS), ==, i >= 3);
    }

  /* Today's copy is a usable database. */
  {
    g_autoptr(CouncilStore) copy = council_store_open (today_path, &error);
    g_assert_no_error (error);
    assert_seeded_roster (copy);
  }

  /* A second run the same day keeps today's copy and trims to the new limit. */
  g_assert_true (council_store_rotate_backups (store, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (today_path, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      g_autofree char *p = g_build_filename (dir, old[i], NULL);
      g_assert_false (g_file_test (p, G_FILE_TEST_EXISTS));
    }
}

static void
test_temporary (void)
{
  g_autoptr(GError) error = NULL;
  CouncilStore *store = council_store_open_temporary (&error);
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_assert_no_error (error);
  assert_seeded_roster (store);
  path = g_strdup (council_store_get_path (store));
  dir = g_path_get_dirname (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_object_unref (store);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func, data) \
  g_test_add ("/store/" name, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("new-file", test_new_file, NULL);
  ADD ("new-file-in-new-folder", test_new_file_in_new_folder, NULL);
  ADD ("empty-file", test_empty_file, NULL);
  ADD ("refuse/newer", test_refuse_newer, GINT_TO_POINTER (FALSE));
  ADD ("refuse/newer-wal", test_refuse_newer, GINT_TO_POINTER (TRUE));
  ADD ("refuse/foreign", test_refuse_foreign, NULL);
  ADD ("refuse/foreign-no-app-id", test_refuse_foreign_no_app_id, NULL);
  ADD ("refuse/text-file", test_refuse_text_file, NULL);
  ADD ("refuse/short-file", test_refuse_short_file, NULL);
  ADD ("refuse/folder", test_refuse_folder, NULL);
  ADD ("refuse/read-only", test_read_only, NULL);
  ADD ("reopen", test_reopen, NULL);
  ADD ("backup", test_backup, NULL);
  ADD ("restore", test_restore, NULL);
  ADD ("restore-refuses", test_restore_refuses, NULL);
  ADD ("rotate-backups", test_rotate_backups, NULL);
#undef ADD
  g_test_add_func ("/store/read-only-message", test_read_only_message);
  g_test_add_func ("/store/temporary", test_temporary);

  return g_test_run ();
}
