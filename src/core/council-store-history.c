/* council-store-history.c: the change log of a record, and undo.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-store"

#include "config.h"

#include <glib/gi18n.h>

#include "council-history-entry.h"
#include "council-store-private.h"

/* The editor shows the most recent changes of a record; older ones stay in the
 * database (and in the audit trail) but are not loaded. */
#define COUNCIL_HISTORY_LIST_LIMIT 500

/* One row per changed column of each history row; json_each does the diffing,
 * so no JSON parser is needed here. Liaison officers belong to their
 * organization's history; partners, liaisons, status changes, milestones and
 * fund entries to their project's. */
GListStore *
council_store_list_history (CouncilStore *self, const char *table, gint64 row_id, GError **error)
{
  g_autoptr(GListStore) list = g_list_store_new (COUNCIL_TYPE_HISTORY_ENTRY);
  CouncilHistoryEntry *current = NULL;
  gint64 current_id = -1;
  sqlite3_stmt *stmt;
  int rc;

  stmt = council_store_prepare (self,
    "WITH rows AS (SELECT * FROM ("
    "  SELECT h.* FROM history h WHERE h.tbl = ?1 AND h.row_id = ?2"
    "  UNION ALL"
    "  SELECT h.* FROM history h WHERE ?1 = 'organization' AND h.tbl = 'liaison_officer'"
    "    AND json_extract(coalesce(h.after, h.before), '$.organization_id') = ?2"
    "  UNION ALL"
    "  SELECT h.* FROM history h WHERE ?1 = 'project' AND h.tbl IN ('project_partner',"
    "    'project_liaison', 'project_status_change', 'milestone', 'fund_entry')"
    "    AND json_extract(coalesce(h.after, h.before), '$.project_id') = ?2"  /* history_by_project */
    ") ORDER BY id DESC LIMIT ?3) "
    "SELECT r.id, c.id, c.at, c.who, c.summary, r.tbl, r.row_id, r.op, j.key, "
    "       json_extract(r.before, '$.\"' || j.key || '\"'), json_extract(r.after, '$.\"' || j.key || '\"') "
    "FROM rows r JOIN change c ON c.id = r.change_id "
    "JOIN json_each(coalesce(r.after, r.before)) j "
    "WHERE r.op <> 'update' OR json_extract(r.before, '$.\"' || j.key || '\"') IS NOT "
    "                           json_extract(r.after, '$.\"' || j.key || '\"') "
    "ORDER BY r.id DESC, j.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row_id);
  sqlite3_bind_int (stmt, 3, COUNCIL_HISTORY_LIST_LIMIT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 hid = sqlite3_column_int64 (stmt, 0);

      if (hid != current_id)
        {
          current = council_history_entry_new (sqlite3_column_int64 (stmt, 1),
                                               (const char *) sqlite3_column_text (stmt, 2),
                                               (const char *) sqlite3_column_text (stmt, 3),
                                               (const char *) sqlite3_column_text (stmt, 4),
                                               (const char *) sqlite3_column_text (stmt, 5),
                                               sqlite3_column_int64 (stmt, 6),
                                               (const char *) sqlite3_column_text (stmt, 7));
          g_list_store_append (list, current);
          g_object_unref (current);
          current_id = hid;
        }
      council_history_entry_add_field (current,
                                       (const char *) sqlite3_column_text (stmt, 8),
                                       (const char *) sqlite3_column_text (stmt, 9),
                                       (const char *) sqlite3_column_text (stmt, 10));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gint64
last_undoable_change (CouncilStore *self, char **summary)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT id, summary FROM change WHERE undone_by IS NULL AND undoes IS NULL AND undoable = 1 "
    "AND EXISTS (SELECT 1 FROM history WHERE change_id = change.id) "
    "ORDER BY id DESC LIMIT 1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (summary)
        *summary = council_store_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  return id;
}

char *
council_store_peek_undo (CouncilStore *self)
{
  char *summary = NULL;

  if (last_undoable_change (self, &summary) == 0)
    return NULL;
  return summary;
}

/* Column names come from the schema itself, never from stored text. */
static GPtrArray *
table_columns (CouncilStore *self, const char *table, GError **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT name FROM pragma_table_info(?) ORDER BY cid", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (columns, council_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE || columns->len == 0)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                   _("The history names a table “%s” that this database does not have."), table);
      return NULL;
    }
  return g_steal_pointer (&columns);
}

static gboolean
run_with_json (CouncilStore *self, const char *sql, const char *json, gint64 row_id, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
revert_history_row (CouncilStore *self, const char *table, gint64 row_id,
                    const char *op, const char *before, GError **error)
{
  g_autoptr(GPtrArray) columns = table_columns (self, table, error);
  g_autoptr(GString) sql = g_string_new (NULL);
  gboolean has_version = FALSE;

  if (columns == NULL)
    return FALSE;
  for (guint i = 0; i < columns->len; i++)
    has_version |= g_str_equal (g_ptr_array_index (columns, i), "version");

  if (g_str_equal (op, "insert"))
    {
      g_string_printf (sql, "DELETE FROM \"%s\" WHERE id = ?2 AND ?1 IS NULL", table);
      return run_with_json (self, sql->str, NULL, row_id, error);
    }
  if (g_str_equal (op, "delete"))
    {
      g_string_printf (sql, "INSERT INTO \"%s\" (", table);
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", (char *) g_ptr_array_index (columns, i));
      g_string_append (sql, ") SELECT ");
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, "%sjson_extract(?1, '$.\"%s\"')", i ? ", " : "",
                                (char *) g_ptr_array_index (columns, i));
      g_string_append (sql, " WHERE ?2 IS NOT NULL");
      return run_with_json (self, sql->str, before, row_id, error);
    }

  /* update: back to the values before; the version moves forward so that an
   * editor holding the undone state notices. */
  g_string_printf (sql, "UPDATE \"%s\" SET ", table);
  for (guint i = 0, n = 0; i < columns->len; i++)
    {
      const char *col = g_ptr_array_index (columns, i);
      if (g_str_equal (col, "id") || g_str_equal (col, "version"))
        continue;
      g_string_append_printf (sql, "%s\"%s\" = json_extract(?1, '$.\"%s\"')", n++ ? ", " : "", col, col);
    }
  if (has_version)
    g_string_append (sql, ", version = version + 1");
  g_string_append (sql, " WHERE id = ?2");
  return run_with_json (self, sql->str, before, row_id, error);
}

gboolean
council_store_undo (CouncilStore *self, char **undone_summary, GError **error)
{
  g_autofree char *summary = NULL;
  g_autofree char *undo_summary = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gint64 change_id = last_undoable_change (self, &summary);
  gint64 undo_id;
  sqlite3_stmt *stmt;
  int rc;

  if (change_id == 0)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOTHING_TO_UNDO,
                   _("There is nothing to undo."));
      return FALSE;
    }

  undo_summary = g_strdup_printf (_("Undo: %s"), summary);
  if (!council_store_begin_change (self, undo_summary, error))
    return FALSE;
  undo_id = sqlite3_last_insert_rowid (council_store_get_db (self));

  stmt = council_store_prepare (self,
    "SELECT tbl, row_id, op, before FROM history WHERE change_id = ? ORDER BY id DESC", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, change_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 5);
      for (int i = 0; i < 4; i++)
        row[i] = sqlite3_column_type (stmt, i) == SQLITE_NULL ? NULL : council_store_column_text (stmt, i);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      goto fail;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      if (!revert_history_row (self, row[0], g_ascii_strtoll (row[1], NULL, 10), row[2], row[3], error))
        goto fail;
    }

  stmt = council_store_prepare (self,
    "UPDATE change SET undone_by = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, undo_id);
  sqlite3_bind_int64 (stmt, 2, change_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      stmt = council_store_prepare (self, "UPDATE change SET undoes = ?1 WHERE id = ?2", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, change_id);
      sqlite3_bind_int64 (stmt, 2, undo_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      goto fail;
    }
  if (!council_store_commit_change (self, error))
    return FALSE;
  if (undone_summary)
    *undone_summary = g_steal_pointer (&summary);
  council_store_emit_changed (self, NULL);
  return TRUE;

fail:
  council_store_rollback_change (self);
  return FALSE;
}

gboolean
council_store_set_undo_baseline (CouncilStore *self, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "UPDATE change SET undoable = 0 WHERE undoable = 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error);
  council_store_emit_changed (self, NULL);
  return TRUE;
}
