/* council-store.c: opening, migrating, changing and backing up the council file.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "council-core-resources.h"
#include "council-store-private.h"

#define SQL_RESOURCE_DIR "/org/qunjian/CouncilDesk/core/sql"
#define ROSTER_RESOURCE "/org/qunjian/CouncilDesk/core/roster.json"
#define BUSY_TIMEOUT_MS 10000

struct _CouncilStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  gboolean temporary;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt* */
  gboolean in_change;
  gint64 data_version;      /* PRAGMA data_version when last looked */
  gint64 opened_at;         /* g_get_real_time() when this connection was made */
};

G_DEFINE_FINAL_TYPE (CouncilStore, council_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (council-store-error-quark, council_store_error)

enum {
  CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
council_store_finalize (GObject *object)
{
  CouncilStore *self = COUNCIL_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  if (self->temporary && self->path != NULL)
    {
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
      g_autofree char *dir = g_path_get_dirname (self->path);
      g_unlink (self->path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  g_free (self->path);

  G_OBJECT_CLASS (council_store_parent_class)->finalize (object);
}

static void
council_store_class_init (CouncilStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = council_store_finalize;

  /**
   * CouncilStore::changed:
   * @table: (nullable): the table that changed, or %NULL for "anything"
   *
   * Emitted after a change has been committed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
council_store_init (CouncilStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->opened_at = g_get_real_time ();
}

/* ---- low level ---- */

sqlite3 *
council_store_get_db (CouncilStore *self)
{
  return self->db;
}

gboolean
council_store_set_sqlite_error (CouncilStore *self, int rc, GError **error)
{
  const char *msg = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_BUSY,
                   _("The database is busy with another program; please try again in a moment."));
      break;
    case SQLITE_READONLY:
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_READ_ONLY,
                   _("The database file %s is read-only; nothing was saved."), self->path);
      break;
    case SQLITE_FULL:
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                   _("The disk holding %s is full; nothing was saved. Free some space and try again."),
                   self->path);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                   _("Could not write to %s (%s); nothing was saved."), self->path, msg);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_COUNCIL,
                   _("%s is damaged or is not a Council Desk database."), self->path);
      break;
    default:
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                   _("Database error: %s"), msg);
    }
  return FALSE;
}

sqlite3_stmt *
council_store_prepare (CouncilStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
council_store_exec (CouncilStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return council_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

char *
council_store_column_text (sqlite3_stmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return g_strdup (text ? (const char *) text : "");
}

static char *
current_user_name (void)
{
  const char *real = g_get_real_name ();
  const char *user = g_get_user_name ();

  if (real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0 && g_strcmp0 (real, user) != 0)
    return g_strdup_printf ("%s (%s)", real, user);
  return g_strdup (user);
}

gboolean
council_store_begin_change (CouncilStore *self, const char *summary, GError **error)
{
  g_autofree char *who = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (!self->in_change, FALSE);

  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return council_store_set_sqlite_error (self, rc, error);
  self->in_change = TRUE;

  stmt = council_store_prepare (self, "INSERT INTO change (who, summary) VALUES (?, ?)", error);
  if (stmt == NULL)
    goto fail;
  who = current_user_name ();
  sqlite3_bind_text (stmt, 1, who, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, summary ? summary : "", -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      goto fail;
    }
  return TRUE;

fail:
  council_store_rollback_change (self);
  return FALSE;
}

gboolean
council_store_commit_change (CouncilStore *self, GError **error)
{
  int rc;

  g_return_val_if_fail (self->in_change, FALSE);
  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      council_store_set_sqlite_error (self, rc, error);
      council_store_rollback_change (self);
      return FALSE;
    }
  self->in_change = FALSE;
  return TRUE;
}

void
council_store_rollback_change (CouncilStore *self)
{
  if (sqlite3_get_autocommit (self->db) == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_change = FALSE;
}

gboolean
council_store_in_change (CouncilStore *self)
{
  return self->in_change;
}

static int query_int (sqlite3 *db, const char *sql, int fallback);

gboolean
council_store_check_external_changes (CouncilStore *self)
{
  gint64 version;

  g_return_val_if_fail (COUNCIL_IS_STORE (self), FALSE);
  /* Inside our own transaction nothing of another process can be seen. */
  if (self->db == NULL || self->in_change)
    return FALSE;
  /* data_version changes only when another connection commits. */
  version = query_int (self->db, "PRAGMA data_version", 0);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  council_store_emit_changed (self, NULL);
  return TRUE;
}

void
council_store_emit_changed (CouncilStore *self, const char *table)
{
  g_signal_emit (self, signals[CHANGED], 0, table);
}

/* ---- opening and migrating ---- */

static int
query_int (sqlite3 *db, const char *sql, int fallback)
{
  sqlite3_stmt *stmt = NULL;
  int value = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* g_ptr_array_sort() passes pointers to the elements, not the strings. */
static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char **
list_migrations (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (SQL_RESOURCE_DIR, 0, NULL);
  GPtrArray *sorted = g_ptr_array_new ();

  for (guint i = 0; names && names[i]; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (sorted, g_strdup (names[i]));
  g_ptr_array_sort (sorted, compare_names);
  g_ptr_array_add (sorted, NULL);
  return (char **) g_ptr_array_free (sorted, FALSE);
}

int
council_store_get_latest_schema_version (void)
{
  g_auto(GStrv) migrations = list_migrations ();
  int latest = 0;

  for (guint i = 0; migrations[i]; i++)
    latest = MAX (latest, atoi (migrations[i]));
  return latest;
}

int
council_store_get_schema_version (CouncilStore *self)
{
  return query_int (self->db, "PRAGMA user_version", 0);
}

static gboolean
apply_migrations (CouncilStore *self, int from_version, GError **error)
{
  g_auto(GStrv) migrations = list_migrations ();

  for (guint i = 0; migrations[i]; i++)
    {
      int version = atoi (migrations[i]);
      g_autofree char *resource = NULL;
      g_autofree char *pragmas = NULL;
      g_autoptr(GBytes) sql = NULL;
      char *errmsg = NULL;
      int rc;

      if (version <= from_version)
        continue;

      resource = g_build_path ("/", SQL_RESOURCE_DIR, migrations[i], NULL);
      sql = g_resources_lookup_data (resource, 0, error);
      if (sql == NULL)
        return FALSE;

      pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                 version, COUNCIL_STORE_APPLICATION_ID);
      rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, g_bytes_get_data (sql, NULL), NULL, NULL, &errmsg);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, pragmas, NULL, NULL, &errmsg);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, &errmsg);
      if (rc != SQLITE_OK)
        {
          if (sqlite3_get_autocommit (self->db) == 0)
            sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                       _("Could not update the database to version %d: %s"), version,
                       errmsg ? errmsg : sqlite3_errstr (rc));
          sqlite3_free (errmsg);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
seed_roster (CouncilStore *self, GError **error)
{
  g_autoptr(GBytes) json = g_resources_lookup_data (ROSTER_RESOURCE, 0, error);
  sqlite3_stmt *stmt;
  int rc;

  if (json == NULL)
    return FALSE;
  if (!council_store_begin_change (self, _("Seed the council roster"), error))
    return FALSE;
  if (!council_store_exec (self, "UPDATE change SET undoable = 0 WHERE id = (SELECT max(id) FROM change)", error))
    goto fail;
  stmt = council_store_prepare (self,
    "INSERT INTO organization (name_zh, name_en, short_name, category, council_role, coverage, sort_order) "
    "SELECT json_extract(value, '$.name_zh'), json_extract(value, '$.name_en'), "
    "       coalesce(json_extract(value, '$.short_name'), ''), "
    "       coalesce(json_extract(value, '$.category'), 'other'), "
    "       coalesce(json_extract(value, '$.council_role'), 'member'), "
    "       coalesce(json_extract(value, '$.coverage'), 'district'), key + 1 "
    "FROM json_each(?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, g_bytes_get_data (json, NULL), (int) g_bytes_get_size (json), SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      goto fail;
    }
  return council_store_commit_change (self, error);

fail:
  council_store_rollback_change (self);
  return FALSE;
}

static gboolean
file_has_sqlite_header (const char *path, gboolean *is_empty, GError **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16] = { 0 };
  gssize n;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not open %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);
  *is_empty = (n == 0);
  if (n == 0)
    return TRUE;
  if (n != sizeof header || memcmp (header, magic, sizeof header) != 0)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_COUNCIL,
                   _("%s is not a Council Desk database; it was left untouched."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_private_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

/* Refuses files that are not ours or are newer, before anything writes to them. */
static gboolean
check_existing_database (CouncilStore *self, int *user_version, GError **error)
{
  int app_id = query_int (self->db, "PRAGMA application_id", -1);
  int n_tables;

  *user_version = query_int (self->db, "PRAGMA user_version", -1);
  if (app_id == -1 || *user_version == -1)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_COUNCIL,
                   _("%s is damaged or is not a Council Desk database; it was left untouched."),
                   self->path);
      return FALSE;
    }
  n_tables = query_int (self->db, "SELECT count(*) FROM sqlite_schema", -1);
  if (app_id == 0 && *user_version == 0 && n_tables == 0)
    return TRUE;  /* an empty SQLite file: ours to initialise */
  if (app_id != COUNCIL_STORE_APPLICATION_ID)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_COUNCIL,
                   _("%s is an SQLite database of another program, not a Council Desk database; it was left untouched."),
                   self->path);
      return FALSE;
    }
  if (*user_version > council_store_get_latest_schema_version ())
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NEWER_VERSION,
                   _("%s was written by a newer version of Council Desk (schema %d; this version knows up to %d). Please update Council Desk; the file was left untouched."),
                   self->path, *user_version, council_store_get_latest_schema_version ());
      return FALSE;
    }
  return TRUE;
}

static void
register_resources_once (void)
{
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      g_resources_register (council_core_get_resource ());
      g_once_init_leave (&once, 1);
    }
}

CouncilStore *
council_store_open (const char *path, GError **error)
{
  g_autoptr(CouncilStore) self = NULL;
  gboolean is_empty = TRUE;
  int user_version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  register_resources_once ();

  self = g_object_new (COUNCIL_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);

  if (g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_COUNCIL,
                       _("%s is a folder, not a Council Desk database."), self->path);
          return NULL;
        }
      if (!file_has_sqlite_header (self->path, &is_empty, error))
        return NULL;
      if (g_access (self->path, W_OK) != 0)
        {
          g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_READ_ONLY,
                       _("The database file %s is read-only. Council Desk needs to write to it: change its permissions or copy it to a writable folder."),
                       self->path);
          return NULL;
        }
    }
  else if (!create_private_file (self->path, error))
    return NULL;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!check_existing_database (self, &user_version, error))
    return NULL;

  if (!council_store_exec (self,
                           "PRAGMA journal_mode = WAL;"
                           "PRAGMA synchronous = NORMAL;"
                           "PRAGMA foreign_keys = ON;", error))
    return NULL;

  if (!apply_migrations (self, user_version, error))
    return NULL;

  /* A database that has never recorded a change gets the seed roster. */
  if (query_int (self->db, "SELECT NOT EXISTS (SELECT 1 FROM change)", 0) && !seed_roster (self, error))
    return NULL;

  self->data_version = query_int (self->db, "PRAGMA data_version", 0);
  return g_steal_pointer (&self);
}

CouncilStore *
council_store_open_temporary (GError **error)
{
  g_autofree char *dir = g_dir_make_tmp ("council-desk-XXXXXX", error);
  g_autofree char *path = NULL;
  CouncilStore *self;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "council.db", NULL);
  self = council_store_open (path, error);
  if (self == NULL)
    {
      g_rmdir (dir);
      return NULL;
    }
  self->temporary = TRUE;
  return self;
}

char *
council_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "council-desk", "council.db", NULL);
}

const char *
council_store_get_path (CouncilStore *self)
{
  return self->path;
}

GHashTable *
council_store_join_names_by_id (CouncilStore *self, sqlite3_stmt *stmt, const char *separator, GError **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GString *joined = NULL;
  gint64 current = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (joined != NULL && id != current)
        {
          g_hash_table_insert (names, g_memdup2 (&current, sizeof current), g_string_free (joined, FALSE));
          joined = NULL;
        }
      if (name == NULL)
        continue;
      current = id;
      if (joined == NULL)
        joined = g_string_new (name);
      else
        {
          g_string_append (joined, separator);
          g_string_append (joined, name);
        }
    }
  sqlite3_reset (stmt);
  if (joined != NULL)
    g_hash_table_insert (names, g_memdup2 (&current, sizeof current), g_string_free (joined, FALSE));
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

gint64
council_store_get_opened_at (CouncilStore *self)
{
  g_return_val_if_fail (COUNCIL_IS_STORE (self), 0);
  return self->opened_at;
}

gboolean
council_store_is_temporary (CouncilStore *self)
{
  g_return_val_if_fail (COUNCIL_IS_STORE (self), FALSE);
  return self->temporary;
}

/* ---- backups ---- */

static gboolean
copy_database (sqlite3 *from, sqlite3 *to, GError **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int rc;

  if (backup == NULL)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                   _("Could not start the copy: %s"), sqlite3_errmsg (to));
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                   _("The copy failed: %s"), sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

gboolean
council_store_backup (CouncilStore *self, const char *dest_path, GError **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *dest = NULL;
  sqlite3 *out = NULL;
  gboolean ok;
  int rc;

  dest = g_canonicalize_filename (dest_path, NULL);
  if (g_strcmp0 (dest, self->path) == 0)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                   _("A backup cannot replace the database it copies; choose another file."));
      return FALSE;
    }
  /* Written beside the target and renamed into place, so an interrupted backup
   * never leaves a half file under the chosen name. */
  tmp = g_strconcat (dest, ".partial", NULL);
  g_unlink (tmp);
  if (!create_private_file (tmp, error))
    return FALSE;
  rc = sqlite3_open_v2 (tmp, &out, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                   _("Could not create the backup %s: %s"), dest, sqlite3_errstr (rc));
      sqlite3_close (out);
      g_unlink (tmp);
      return FALSE;
    }
  ok = copy_database (self->db, out, error);
  /* A backup is one self-contained file, without a -wal beside it. */
  if (ok)
    sqlite3_exec (out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (out);
  if (ok && g_rename (tmp, dest) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write the backup %s: %s"), dest, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

gboolean
council_store_restore (CouncilStore *self, const char *backup_path, GError **error)
{
  g_autoptr(CouncilStore) probe = NULL;
  gboolean is_empty = FALSE;
  int version = 0;
  int rc;

  if (!file_has_sqlite_header (backup_path, &is_empty, error))
    return FALSE;
  if (is_empty)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_COUNCIL,
                   _("%s is empty, not a Council Desk backup."), backup_path);
      return FALSE;
    }
  probe = g_object_new (COUNCIL_TYPE_STORE, NULL);
  probe->path = g_strdup (backup_path);
  rc = sqlite3_open_v2 (backup_path, &probe->db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    return council_store_set_sqlite_error (probe, rc, error);
  if (!check_existing_database (probe, &version, error))
    return FALSE;
  if (version == 0)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_COUNCIL,
                   _("%s is empty, not a Council Desk backup."), backup_path);
      return FALSE;
    }

  g_hash_table_remove_all (self->statements);
  if (!copy_database (probe->db, self->db, error))
    return FALSE;
  if (!apply_migrations (self, version, error))
    return FALSE;
  council_store_emit_changed (self, NULL);
  return TRUE;
}

char *
council_store_get_backup_dir (CouncilStore *self)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  return g_build_filename (dir, "backups", NULL);
}

gboolean
council_store_rotate_backups (CouncilStore *self, guint keep_days, GError **error)
{
  g_autofree char *dir = council_store_get_backup_dir (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "council-%Y-%m-%d.db");
  g_autofree char *today_path = g_build_filename (dir, today, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  /* A --demo database lives only as long as the process: nothing to keep. */
  if (self->temporary)
    return TRUE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the backup folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  if (!g_file_test (today_path, G_FILE_TEST_EXISTS) &&
      !council_store_backup (self, today_path, error))
    return FALSE;

  listing = g_dir_open (dir, 0, error);
  if (listing == NULL)
    return FALSE;
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "council-") && g_str_has_suffix (name, ".db") &&
        strlen (name) == strlen ("council-YYYY-MM-DD.db"))
      g_ptr_array_add (found, g_strdup (name));
  /* ISO dates sort by name; the newest keep_days stay. */
  g_ptr_array_sort (found, compare_names);
  for (guint i = 0; i + MAX (keep_days, 1) < found->len; i++)
    {
      g_autofree char *old = g_build_filename (dir, g_ptr_array_index (found, i), NULL);
      g_unlink (old);
    }
  return TRUE;
}
