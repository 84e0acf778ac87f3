/* council-store-meetings.c: meetings, minutes and the follow-up of action items.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "council-store-meetings.h"
#include "council-store-private.h"

/* The RAISE message of the lock triggers in 003-meetings.sql. */
#define COUNCIL_MINUTES_LOCKED_SQL "The minutes are approved and locked."

#define PENDING_SQL "x.status IN ('open', 'in_progress')"

void
council_meeting_filter_init (CouncilMeetingFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  filter->state = -1;
}

void
council_action_filter_init (CouncilActionFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  filter->status = -1;
  filter->due_within_days = -1;
}

/* ---- helpers ---- */

static const char *
pick_name (sqlite3_stmt *stmt, int zh_col, gboolean chinese)
{
  const char *zh = (const char *) sqlite3_column_text (stmt, zh_col);
  const char *en = (const char *) sqlite3_column_text (stmt, zh_col + 1);

  if (chinese || en == NULL || *en == '\0')
    return zh ? zh : "";
  return en;
}

static const char *
column_or_empty (sqlite3_stmt *stmt, int col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  return text ? text : "";
}

static void
bind_text_or_null (sqlite3_stmt *stmt, int col, const char *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
}

static void
bind_id_or_null (sqlite3_stmt *stmt, int col, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, col, id);
  else
    sqlite3_bind_null (stmt, col);
}

static void
set_locked_error (const char *title, GError **error)
{
  g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_LOCKED,
               _("The minutes of “%s” are approved and locked. Reopen them first (Meeting → Reopen minutes) to change them."),
               title && *title ? title : _("this meeting"));
}

/* Maps a failed step; the lock triggers' message becomes the one that says
 * how to reopen. */
static gboolean
set_error (CouncilStore *self, int rc, const char *title, GError **error)
{
  const char *msg = sqlite3_errmsg (council_store_get_db (self));

  if (msg != NULL && strstr (msg, COUNCIL_MINUTES_LOCKED_SQL) != NULL)
    {
      set_locked_error (title, error);
      return FALSE;
    }
  return council_store_set_sqlite_error (self, rc, error);
}

static gboolean
step_done (CouncilStore *self, sqlite3_stmt *stmt, const char *title, GError **error)
{
  int rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_error (self, rc, title, error);
  return TRUE;
}

/* Runs SQL with up to two integer parameters. */
static gboolean
exec_ids (CouncilStore *self, const char *sql, gint64 a, gint64 b, const char *title, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  return step_done (self, stmt, title, error);
}

static gboolean
finish_rows (CouncilStore *self, sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static void
set_no_meeting_error (gint64 id, GError **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND,
               _("There is no meeting number %s."), number);
}

static char *
meeting_display_title (const char *title, const char *kind, const char *starts_at)
{
  if (title != NULL && *title != '\0')
    return g_strdup (title);
  /* Translators: an untitled meeting: "Joint meeting of 2026-03-18" */
  return g_strdup_printf (_("%s of %.10s"), kind ? kind : "", starts_at ? starts_at : "");
}

/* ---- meeting kinds ---- */

GListStore *
council_store_list_meeting_kinds (CouncilStore *self, GError **error)
{
  g_autoptr(GListStore) list = g_list_store_new (COUNCIL_TYPE_MEETING_KIND);
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT id, code, name_zh, name_en, builtin FROM meeting_kind ORDER BY sort_order, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CouncilMeetingKind) kind =
        council_meeting_kind_new (sqlite3_column_int64 (stmt, 0), column_or_empty (stmt, 1),
                                  column_or_empty (stmt, 2), column_or_empty (stmt, 3),
                                  sqlite3_column_int (stmt, 4) != 0);
      g_list_store_append (list, kind);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

gint64
council_store_find_meeting_kind (CouncilStore *self, const char *code, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self, "SELECT id FROM meeting_kind WHERE code = ?", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return -1;
    }
  return id;
}

gint64
council_store_add_meeting_kind (CouncilStore *self, const char *code, const char *name_zh,
                                const char *name_en, GError **error)
{
  g_autofree char *c = g_strstrip (g_strdup (code ? code : ""));
  g_autofree char *zh = g_strstrip (g_strdup (name_zh ? name_zh : ""));
  g_autofree char *en = g_strstrip (g_strdup (name_en ? name_en : ""));
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (*zh == '\0')
    {
      g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, COUNCIL_MEETING_FIELD_KIND,
                           _("A kind of meeting needs a Chinese name."));
      return 0;
    }
  if (*c == '\0')
    {
      g_free (c);
      c = g_strdup_printf ("kind-%" G_GINT64_FORMAT, g_get_real_time ());
    }
  if ((id = council_store_find_meeting_kind (self, c, error)) != 0)
    {
      if (id > 0)
        g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_MEETING_FIELD_KIND,
                     _("A kind of meeting with the code “%s” already exists."), c);
      return 0;
    }
  summary = g_strdup_printf (_("Add meeting kind “%s”"), zh);
  if (!council_store_begin_change (self, summary, error))
    return 0;
  stmt = council_store_prepare (self,
    "INSERT INTO meeting_kind (code, name_zh, name_en, sort_order) "
    "VALUES (?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM meeting_kind))", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, c, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, zh, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, en, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, NULL, error))
    goto fail;
  id = sqlite3_last_insert_rowid (council_store_get_db (self));
  if (!council_store_commit_change (self, error))
    return 0;
  council_store_emit_changed (self, "meeting_kind");
  return id;

fail:
  council_store_rollback_change (self);
  return 0;
}

/* ---- action items: reading ---- */

#define ACTION_COLUMNS \
  "x.id, x.version, x.meeting_id, m.title, m.starts_at, x.agenda_item_id, x.outcome_id, x.text, " \
  "x.owner_org_id, o.name_zh, o.name_en, x.due_date, x.status, x.done_date, x.project_id, " \
  "(SELECT p.noted_on FROM progress_note p WHERE p.action_item_id = x.id ORDER BY p.noted_on DESC, p.id DESC LIMIT 1), " \
  "(SELECT p.text FROM progress_note p WHERE p.action_item_id = x.id ORDER BY p.noted_on DESC, p.id DESC LIMIT 1), " \
  "(SELECT group_concat(c.org_id) FROM action_item_co_owner c WHERE c.action_item_id = x.id), " \
  "(SELECT group_concat(co.name_zh, '、') FROM action_item_co_owner c JOIN organization co ON co.id = c.org_id WHERE c.action_item_id = x.id), " \
  "(SELECT group_concat(coalesce(nullif(co.name_en, ''), co.name_zh), ', ') FROM action_item_co_owner c JOIN organization co ON co.id = c.org_id WHERE c.action_item_id = x.id) "
#define ACTION_FROM \
  "FROM action_item x JOIN meeting m ON m.id = x.meeting_id JOIN organization o ON o.id = x.owner_org_id "

static CouncilActionItem *
action_from_row (sqlite3_stmt *stmt, gboolean chinese, const char *as_of)
{
  CouncilActionItem *item = council_action_item_new ();
  CouncilActionStatus status = COUNCIL_ACTION_STATUS_OPEN;
  const char *co_ids = column_or_empty (stmt, 17);

  council_action_item_set_id (item, sqlite3_column_int64 (stmt, 0));
  council_action_item_set_version (item, sqlite3_column_int64 (stmt, 1));
  {
    /* The meeting date, not its time, bounds the due date. */
    g_autofree char *date = g_strndup (column_or_empty (stmt, 4), 10);
    council_action_item_set_meeting (item, sqlite3_column_int64 (stmt, 2), column_or_empty (stmt, 3), date);
  }
  council_action_item_set_agenda_item_id (item, sqlite3_column_int64 (stmt, 5));
  council_action_item_set_outcome_id (item, sqlite3_column_int64 (stmt, 6));
  council_action_item_set_text (item, column_or_empty (stmt, 7));
  council_action_item_set_owner (item, sqlite3_column_int64 (stmt, 8), pick_name (stmt, 9, chinese));
  council_action_item_set_due_date (item, column_or_empty (stmt, 11));
  council_action_status_from_string (column_or_empty (stmt, 12), &status);
  council_action_item_set_status (item, status);
  council_action_item_set_done_date (item, column_or_empty (stmt, 13));
  council_action_item_set_project_id (item, sqlite3_column_int64 (stmt, 14));
  council_action_item_set_last_progress (item, column_or_empty (stmt, 15), column_or_empty (stmt, 16));
  if (*co_ids != '\0')
    {
      g_auto(GStrv) ids = g_strsplit (co_ids, ",", -1);
      for (guint i = 0; ids[i]; i++)
        council_action_item_add_co_owner (item, g_ascii_strtoll (ids[i], NULL, 10));
    }
  council_action_item_set_co_owner_names (item, chinese || sqlite3_column_type (stmt, 19) == SQLITE_NULL
                                                ? column_or_empty (stmt, 18) : column_or_empty (stmt, 19));
  council_action_item_set_as_of (item, as_of);
  return item;
}

/* Builds the WHERE clause of a filter; parameters keep fixed numbers
 * (?1 owner, ?2 meeting, ?3 project, ?4 status, ?5 as_of, ?6 due limit,
 * ?9 ?10 first and last day of the due year; ?7 ?8 are the page's LIMIT and OFFSET) so
 * each combination is one cached statement. */
static void
append_action_where (GString *sql, const CouncilActionFilter *f)
{
  const char *sep = " WHERE ";

#define ADD(cond) G_STMT_START { g_string_append (sql, sep); g_string_append (sql, cond); sep = " AND "; } G_STMT_END
  if (f->owner_org_id > 0)
    ADD ("x.owner_org_id = ?1");
  if (f->meeting_id > 0)
    ADD ("x.meeting_id = ?2");
  if (f->project_id > 0)
    ADD ("x.project_id = ?3");
  if (f->status >= 0)
    ADD ("x.status = ?4");
  if (f->pending_only || f->overdue_only || f->due_within_days >= 0)
    ADD (PENDING_SQL);
  if (f->overdue_only)
    ADD ("x.due_date < ?5");
  if (f->due_within_days >= 0)
    ADD ("x.due_date <= ?6");
  /* "Pending" spelt as the expression of action_item_followup (the CHECK
   * allows only the four statuses), so the whole-list order is served from
   * that index alone: the workbook pages through 100,000 items. */
  if (f->due_year > 0)
    ADD ("(x.due_date BETWEEN ?9 AND ?10 OR ((x.status IN ('done', 'cancelled')) = 0 AND x.due_date < ?9))");
#undef ADD
}

static gboolean
filter_is_pending (const CouncilActionFilter *f)
{
  return f->pending_only || f->overdue_only || f->due_within_days >= 0 ||
         (f->status >= 0 && council_action_status_is_pending ((CouncilActionStatus) f->status));
}

static void
bind_action_filter (sqlite3_stmt *stmt, const CouncilActionFilter *f, const char *as_of)
{
  int n = sqlite3_bind_parameter_count (stmt);

  if (n >= 1)
    sqlite3_bind_int64 (stmt, 1, f->owner_org_id);
  if (n >= 2)
    sqlite3_bind_int64 (stmt, 2, f->meeting_id);
  if (n >= 3)
    sqlite3_bind_int64 (stmt, 3, f->project_id);
  if (n >= 4 && f->status >= 0)
    sqlite3_bind_text (stmt, 4, council_action_status_to_string ((CouncilActionStatus) f->status), -1, SQLITE_STATIC);
  if (n >= 5)
    sqlite3_bind_text (stmt, 5, as_of, -1, SQLITE_TRANSIENT);
  if (n >= 6 && f->due_within_days >= 0)
    {
      GDate limit;
      g_autofree char *text = NULL;

      if (!council_iso_date_parse (as_of, &limit))
        g_date_set_dmy (&limit, 1, 1, 2000);
      g_date_add_days (&limit, (guint) f->due_within_days);
      text = council_iso_date_format (&limit);
      sqlite3_bind_text (stmt, 6, text, -1, SQLITE_TRANSIENT);
    }
  if (n >= 10 && f->due_year > 0)
    {
      g_autofree char *first = g_strdup_printf ("%04d-01-01", f->due_year);
      g_autofree char *last = g_strdup_printf ("%04d-12-31", f->due_year);

      sqlite3_bind_text (stmt, 9, first, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 10, last, -1, SQLITE_TRANSIENT);
    }
}

guint
council_store_count_action_items (CouncilStore *self, const CouncilActionFilter *filter, GError **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM action_item x");
  g_autofree char *today = NULL;
  const char *as_of = filter->as_of;
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  if (as_of == NULL)
    as_of = today = council_iso_date_today ();
  append_action_where (sql, filter);
  stmt = council_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return 0;
  bind_action_filter (stmt, filter, as_of);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    council_store_set_sqlite_error (self, rc, error);
  return n;
}

GListStore *
council_store_list_action_items (CouncilStore *self, const CouncilActionFilter *filter,
                                 guint offset, guint limit, GError **error)
{
  g_autoptr(GListStore) list = g_list_store_new (COUNCIL_TYPE_ACTION_ITEM);
  g_autoptr(GString) sql = g_string_new ("SELECT " ACTION_COLUMNS "FROM (SELECT x.id FROM action_item x");
  g_autofree char *today = NULL;
  const char *as_of = filter->as_of;
  /* Pending items first, by due date: the overdue ones lead. */
  const char *order = filter_is_pending (filter) ? " ORDER BY x.due_date, x.id"
                      : " ORDER BY x.status IN ('done', 'cancelled'), x.due_date, x.id";
  gboolean chinese = council_ui_prefers_chinese ();
  sqlite3_stmt *stmt;
  int rc;

  if (as_of == NULL)
    as_of = today = council_iso_date_today ();
  /* The page's ids first, from the indexes alone; names, notes and co-owners
   * are then looked up for those rows only, never for the whole match. */
  append_action_where (sql, filter);
  g_string_append (sql, order);
  g_string_append (sql, " LIMIT ?7 OFFSET ?8) page JOIN action_item x ON x.id = page.id "
                        "JOIN meeting m ON m.id = x.meeting_id JOIN organization o ON o.id = x.owner_org_id");
  g_string_append (sql, order);
  stmt = council_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_action_filter (stmt, filter, as_of);
  sqlite3_bind_int64 (stmt, 7, limit == 0 ? -1 : (gint64) limit);
  sqlite3_bind_int64 (stmt, 8, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CouncilActionItem) item = action_from_row (stmt, chinese, as_of);
      g_list_store_append (list, item);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
council_store_list_action_item_ids (CouncilStore *self, const CouncilActionFilter *filter, GArray *ids,
                                    GError **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT x.id FROM action_item x");
  g_autofree char *today = NULL;
  const char *as_of = filter->as_of;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ids != NULL, FALSE);
  if (as_of == NULL)
    as_of = today = council_iso_date_today ();
  append_action_where (sql, filter);
  /* The same order as council_store_list_action_items(). */
  g_string_append (sql, filter_is_pending (filter) ? " ORDER BY x.due_date, x.id"
                                                   : " ORDER BY x.status IN ('done', 'cancelled'), x.due_date, x.id");
  stmt = council_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_action_filter (stmt, filter, as_of);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return finish_rows (self, stmt, rc, error);
}

gboolean
council_store_get_action_items (CouncilStore *self, const gint64 *ids, guint n_ids, const char *as_of,
                                GPtrArray *items, GError **error)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autofree char *today = NULL;
  gboolean chinese = council_ui_prefers_chinese ();
  sqlite3_stmt *stmt;
  guint next = 0;
  int rc;

  g_return_val_if_fail (items != NULL, FALSE);
  if (as_of == NULL)
    as_of = today = council_iso_date_today ();
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, i ? ",%" G_GINT64_FORMAT : "%" G_GINT64_FORMAT, ids[i]);
  g_string_append_c (json, ']');
  /* The ids' order is the list's: json_each keeps it in its key. */
  stmt = council_store_prepare (self,
    "SELECT " ACTION_COLUMNS "FROM json_each(?1) j JOIN action_item x ON x.id = j.value "
    "JOIN meeting m ON m.id = x.meeting_id JOIN organization o ON o.id = x.owner_org_id ORDER BY j.key", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json->str, (int) json->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CouncilActionItem *item = action_from_row (stmt, chinese, as_of);
      gint64 id = council_action_item_get_id (item);

      /* An item deleted since its id was read leaves a gap. */
      while (next < n_ids && ids[next] != id)
        {
          g_ptr_array_add (items, NULL);
          next++;
        }
      g_ptr_array_add (items, item);
      next++;
    }
  while (next++ < n_ids)
    g_ptr_array_add (items, NULL);
  return finish_rows (self, stmt, rc, error);
}

CouncilActionItem *
council_store_get_action_item (CouncilStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT " ACTION_COLUMNS ACTION_FROM "WHERE x.id = ?", error);
  CouncilActionItem *item = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = action_from_row (stmt, council_ui_prefers_chinese (), NULL);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (item == NULL)
    g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND,
                 _("The action item no longer exists."));
  return item;
}

static GListStore *
list_actions_sql (CouncilStore *self, const char *sql, gint64 id, const char *as_of, GError **error)
{
  g_autoptr(GListStore) list = g_list_store_new (COUNCIL_TYPE_ACTION_ITEM);
  g_autofree char *today = NULL;
  gboolean chinese = council_ui_prefers_chinese ();
  sqlite3_stmt *stmt = council_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (as_of == NULL)
    as_of = today = council_iso_date_today ();
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CouncilActionItem) item = action_from_row (stmt, chinese, as_of);
      g_list_store_append (list, item);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

GListStore *
council_store_list_open_action_items_for_organization (CouncilStore *self, gint64 org_id,
                                                       const char *as_of, GError **error)
{
  return list_actions_sql (self,
    "SELECT " ACTION_COLUMNS ACTION_FROM "WHERE " PENDING_SQL " AND (x.owner_org_id = ?1 OR x.id IN "
    "(SELECT action_item_id FROM action_item_co_owner WHERE org_id = ?1)) ORDER BY x.due_date, x.id",
    org_id, as_of, error);
}

GListStore *
council_store_list_action_items_for_project (CouncilStore *self, gint64 project_id,
                                             const char *as_of, GError **error)
{
  return list_actions_sql (self,
    "SELECT " ACTION_COLUMNS ACTION_FROM "WHERE x.project_id = ?1 "
    "ORDER BY x.status IN ('done', 'cancelled'), x.due_date, x.id",
    project_id, as_of, error);
}

GListStore *
council_store_list_progress_notes (CouncilStore *self, gint64 action_item_id, GError **error)
{
  g_autoptr(GListStore) list = g_list_store_new (COUNCIL_TYPE_PROGRESS_NOTE);
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT id, noted_on, text FROM progress_note WHERE action_item_id = ? ORDER BY noted_on, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, action_item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CouncilProgressNote) note =
        council_progress_note_new (sqlite3_column_int64 (stmt, 0), column_or_empty (stmt, 1),
                                   column_or_empty (stmt, 2));
      g_list_store_append (list, note);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* ---- action items: follow-up ---- */

static gboolean add_progress_note (CouncilStore *self, gint64 action_item_id, gint64 expected_version,
                                   const char *noted_on, const char *text, int status,
                                   const char *done_date, GError **error);

gboolean
council_store_add_progress_note (CouncilStore *self, gint64 action_item_id, const char *noted_on,
                                 const char *text, int status, const char *done_date, GError **error)
{
  return add_progress_note (self, action_item_id, 0, noted_on, text, status, done_date, error);
}

gboolean
council_store_add_progress_note_at_version (CouncilStore *self, gint64 action_item_id,
                                            gint64 expected_version, const char *noted_on,
                                            const char *text, int status, const char *done_date,
                                            GError **error)
{
  g_return_val_if_fail (expected_version > 0, FALSE);
  return add_progress_note (self, action_item_id, expected_version, noted_on, text, status, done_date, error);
}

/* With @expected_version > 0 the item must still be at that version when the
 * change begins (checked inside the write transaction). */
static gboolean
add_progress_note (CouncilStore *self, gint64 action_item_id, gint64 expected_version, const char *noted_on,
                   const char *text, int status, const char *done_date, GError **error)
{
  g_autoptr(CouncilActionItem) item = council_store_get_action_item (self, action_item_id, error);
  g_autofree char *today = council_iso_date_today ();
  g_autofree char *note = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  if (item == NULL)
    return FALSE;
  if (noted_on == NULL || *noted_on == '\0')
    noted_on = today;
  if (!council_iso_date_is_valid (noted_on) || strlen (noted_on) != 10)
    {
      g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ACTION_FIELD_PROGRESS_NOTE,
                   _("“%s” is not a date; write it as YYYY-MM-DD."), noted_on);
      return FALSE;
    }
  if (*note == '\0' && status < 0)
    {
      g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ACTION_FIELD_PROGRESS_NOTE,
                           _("Write what was done, or change the status."));
      return FALSE;
    }
  if (status > COUNCIL_ACTION_STATUS_CANCELLED)
    {
      g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ACTION_FIELD_STATUS,
                           _("Unknown status."));
      return FALSE;
    }
  if (status == COUNCIL_ACTION_STATUS_DONE)
    {
      if (done_date == NULL || *done_date == '\0')
        done_date = noted_on;
      if (!council_iso_date_is_valid (done_date) || strlen (done_date) != 10)
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ACTION_FIELD_DONE_DATE,
                       _("“%s” is not a date; write it as YYYY-MM-DD."), done_date);
          return FALSE;
        }
    }

  summary = status == COUNCIL_ACTION_STATUS_DONE
    ? g_strdup_printf (_("Mark action item “%s” done"), council_action_item_get_text (item))
    : g_strdup_printf (_("Follow up action item “%s”"), council_action_item_get_text (item));
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  if (expected_version > 0)
    {
      int rc;

      stmt = council_store_prepare (self, "SELECT version FROM action_item WHERE id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, action_item_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) != expected_version)
        {
          sqlite3_reset (stmt);
          g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT,
                       _("The action item “%s” was changed by someone else since you opened it."),
                       council_action_item_get_text (item));
          goto fail;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          council_store_set_sqlite_error (self, rc, error);
          goto fail;
        }
    }
  if (*note != '\0')
    {
      stmt = council_store_prepare (self,
        "INSERT INTO progress_note (action_item_id, noted_on, text) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, action_item_id);
      sqlite3_bind_text (stmt, 2, noted_on, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, note, -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, NULL, error))
        goto fail;
    }
  if (status >= 0)
    {
      stmt = council_store_prepare (self,
        "UPDATE action_item SET status = ?1, done_date = ?2, version = version + 1 "
        "WHERE id = ?3 AND (status IS NOT ?1 OR done_date IS NOT ?2)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, council_action_status_to_string ((CouncilActionStatus) status), -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 2, status == COUNCIL_ACTION_STATUS_DONE ? done_date : NULL);
      sqlite3_bind_int64 (stmt, 3, action_item_id);
      if (!step_done (self, stmt, NULL, error))
        goto fail;
    }
  if (!council_store_commit_change (self, error))
    return FALSE;
  council_store_emit_changed (self, "action_item");
  return TRUE;

fail:
  council_store_rollback_change (self);
  return FALSE;
}

gboolean
council_store_set_action_item_project (CouncilStore *self, gint64 action_item_id, gint64 project_id,
                                       GError **error)
{
  g_autoptr(CouncilActionItem) item = council_store_get_action_item (self, action_item_id, error);
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  if (item == NULL)
    return FALSE;
  if (council_action_item_get_project_id (item) == project_id)
    return TRUE;
  summary = g_strdup_printf (_("Link action item “%s” to a project"), council_action_item_get_text (item));
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  stmt = council_store_prepare (self,
    "UPDATE action_item SET project_id = ?, version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_id_or_null (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, action_item_id);
  if (!step_done (self, stmt, NULL, error))
    goto fail;
  if (!council_store_commit_change (self, error))
    return FALSE;
  council_store_emit_changed (self, "action_item");
  return TRUE;

fail:
  council_store_rollback_change (self);
  return FALSE;
}

/* ---- attendance rates ---- */

static void
rate_from_row (sqlite3_stmt *stmt, CouncilAttendanceRate *out)
{
  out->present = (guint) sqlite3_column_int (stmt, 0);
  out->delegated = (guint) sqlite3_column_int (stmt, 1);
  out->excused = (guint) sqlite3_column_int (stmt, 2);
  out->absent = (guint) sqlite3_column_int (stmt, 3);
  council_attendance_rate_finish (out);
}

gboolean
council_store_meeting_attendance_rate (CouncilStore *self, gint64 meeting_id,
                                       CouncilAttendanceRate *out, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT coalesce(sum(status = 'present'), 0), coalesce(sum(status = 'delegated'), 0), "
    "coalesce(sum(status = 'excused'), 0), coalesce(sum(status = 'absent'), 0), "
    "(SELECT count(*) FROM organization WHERE retired = 0 AND id NOT IN "
    "  (SELECT org_id FROM attendance WHERE meeting_id = ?1)) "
    "FROM attendance WHERE meeting_id = ?1", error);
  int rc;

  memset (out, 0, sizeof *out);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      rate_from_row (stmt, out);
      out->not_recorded = (guint) sqlite3_column_int (stmt, 4);
      rc = SQLITE_DONE;
    }
  return finish_rows (self, stmt, rc, error);
}

static void
year_bounds (int year, char from[16], char to[16])
{
  if (year <= 0)
    {
      g_strlcpy (from, "0000", 16);
      g_strlcpy (to, "9999", 16);
      return;
    }
  g_snprintf (from, 16, "%04d", year);
  g_snprintf (to, 16, "%04d", year + 1);
}

gboolean
council_store_organization_attendance_rate (CouncilStore *self, gint64 org_id, int year,
                                            CouncilAttendanceRate *out, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT coalesce(sum(a.status = 'present'), 0), coalesce(sum(a.status = 'delegated'), 0), "
    "coalesce(sum(a.status = 'excused'), 0), coalesce(sum(a.status = 'absent'), 0), "
    "count(m.id) - count(a.id) "
    "FROM meeting m LEFT JOIN attendance a ON a.meeting_id = m.id AND a.org_id = ?1 "
    "WHERE m.state IN ('held', 'approved') AND m.starts_at >= ?2 AND m.starts_at < ?3", error);
  char from[16], to[16];
  int rc;

  memset (out, 0, sizeof *out);
  if (stmt == NULL)
    return FALSE;
  year_bounds (year, from, to);
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      rate_from_row (stmt, out);
      out->not_recorded = (guint) sqlite3_column_int (stmt, 4);
      rc = SQLITE_DONE;
    }
  return finish_rows (self, stmt, rc, error);
}

/* ---- meetings: reading ---- */

#define MEETING_COLUMNS \
  "m.id, m.version, m.kind_id, k.name_zh, k.name_en, m.title, m.session_no, m.starts_at, " \
  "m.place, m.chair, m.recorder, m.state, " \
  "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'present'), " \
  "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'delegated'), " \
  "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'excused'), " \
  "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'absent'), " \
  "(SELECT count(*) FROM action_item x WHERE x.meeting_id = m.id AND " PENDING_SQL ") "

static CouncilMeeting *
meeting_from_row (sqlite3_stmt *stmt, gboolean chinese)
{
  CouncilMeeting *meeting = council_meeting_new ();
  CouncilMeetingState state = COUNCIL_MEETING_STATE_PLANNED;
  CouncilAttendanceRate rate = { 0 };

  council_meeting_set_id (meeting, sqlite3_column_int64 (stmt, 0));
  council_meeting_set_version (meeting, sqlite3_column_int64 (stmt, 1));
  council_meeting_set_kind (meeting, sqlite3_column_int64 (stmt, 2), pick_name (stmt, 3, chinese),
                            column_or_empty (stmt, 3));
  council_meeting_set_title (meeting, column_or_empty (stmt, 5));
  council_meeting_set_session_no (meeting, sqlite3_column_int (stmt, 6));
  council_meeting_set_starts_at (meeting, column_or_empty (stmt, 7));
  council_meeting_set_place (meeting, column_or_empty (stmt, 8));
  council_meeting_set_chair (meeting, column_or_empty (stmt, 9));
  council_meeting_set_recorder (meeting, column_or_empty (stmt, 10));
  council_meeting_state_from_string (column_or_empty (stmt, 11), &state);
  council_meeting_set_state (meeting, state);
  rate.present = (guint) sqlite3_column_int (stmt, 12);
  rate.delegated = (guint) sqlite3_column_int (stmt, 13);
  rate.excused = (guint) sqlite3_column_int (stmt, 14);
  rate.absent = (guint) sqlite3_column_int (stmt, 15);
  council_meeting_set_attendance_rate (meeting, &rate);
  council_meeting_set_open_items (meeting, (guint) sqlite3_column_int (stmt, 16));
  return meeting;
}

GListStore *
council_store_list_meetings (CouncilStore *self, const CouncilMeetingFilter *filter, GError **error)
{
  g_autoptr(GListStore) list = g_list_store_new (COUNCIL_TYPE_MEETING);
  CouncilMeetingFilter all;
  gboolean chinese = council_ui_prefers_chinese ();
  char from[16], to[16];
  sqlite3_stmt *stmt;
  int rc;

  if (filter == NULL)
    {
      council_meeting_filter_init (&all);
      filter = &all;
    }
  stmt = council_store_prepare (self,
    "SELECT " MEETING_COLUMNS "FROM meeting m JOIN meeting_kind k ON k.id = m.kind_id "
    "WHERE m.starts_at >= ?1 AND m.starts_at < ?2 AND (?3 = 0 OR m.kind_id = ?3) "
    "AND (?4 IS NULL OR m.state = ?4) ORDER BY m.starts_at DESC, m.id DESC", error);
  if (stmt == NULL)
    return NULL;
  year_bounds (filter->year, from, to);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, filter->kind_id);
  if (filter->state >= 0)
    sqlite3_bind_text (stmt, 4, council_meeting_state_to_string ((CouncilMeetingState) filter->state), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CouncilMeeting) meeting = meeting_from_row (stmt, chinese);
      g_list_store_append (list, meeting);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
council_store_list_meeting_choices (CouncilStore *self, GArray *ids, GPtrArray *labels, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT id, substr(starts_at, 1, 10) || ' ' || title FROM meeting ORDER BY starts_at DESC, id DESC", error);
  int rc;

  g_return_val_if_fail (ids != NULL && labels != NULL, FALSE);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (labels, g_strdup (column_or_empty (stmt, 1)));
    }
  return finish_rows (self, stmt, rc, error);
}

GArray *
council_store_list_meeting_years (CouncilStore *self, GError **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  /* One step of the date index per year: skip to the first meeting after the year found. */
  sqlite3_stmt *stmt = council_store_prepare (self,
    "WITH RECURSIVE y(year) AS ("
    "  SELECT CAST(substr(max(starts_at), 1, 4) AS INTEGER) FROM meeting "
    "  UNION ALL "
    "  SELECT (SELECT CAST(substr(max(starts_at), 1, 4) AS INTEGER) FROM meeting "
    "          WHERE starts_at < printf('%04d', y.year)) FROM y WHERE y.year IS NOT NULL) "
    "SELECT year FROM y WHERE year IS NOT NULL", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);
      g_array_append_val (years, year);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&years);
}

static gboolean
load_attendance (CouncilStore *self, CouncilMeeting *meeting, gboolean chinese, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT o.id, o.name_zh, o.name_en, a.status, a.attendees FROM organization o "
    "LEFT JOIN attendance a ON a.org_id = o.id AND a.meeting_id = ?1 "
    "WHERE o.retired = 0 OR a.id IS NOT NULL ORDER BY o.sort_order, o.id", error);
  GListStore *attendance = council_meeting_get_attendance (meeting);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, council_meeting_get_id (meeting));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CouncilAttendanceStatus status = COUNCIL_ATTENDANCE_NOT_RECORDED;
      g_autoptr(CouncilAttendance) a = NULL;

      council_attendance_status_from_string (column_or_empty (stmt, 3), &status);
      a = council_attendance_new (sqlite3_column_int64 (stmt, 0), pick_name (stmt, 1, chinese),
                                  status, column_or_empty (stmt, 4));
      g_list_store_append (attendance, a);
    }
  return finish_rows (self, stmt, rc, error);
}

static gboolean
load_guests (CouncilStore *self, CouncilMeeting *meeting, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT name, unit FROM guest WHERE meeting_id = ? ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, council_meeting_get_id (meeting));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    council_meeting_add_guest (meeting, column_or_empty (stmt, 0), column_or_empty (stmt, 1));
  return finish_rows (self, stmt, rc, error);
}

static gboolean
load_agenda (CouncilStore *self, CouncilMeeting *meeting, gboolean chinese, GError **error)
{
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  gint64 meeting_id = council_meeting_get_id (meeting);
  sqlite3_stmt *stmt;
  int rc;

  stmt = council_store_prepare (self,
    "SELECT a.id, a.title, a.presenter_org_id, o.name_zh, o.name_en, a.notes FROM agenda_item a "
    "LEFT JOIN organization o ON o.id = a.presenter_org_id WHERE a.meeting_id = ? ORDER BY a.position, a.id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CouncilAgendaItem *item = council_meeting_add_agenda_item (meeting, column_or_empty (stmt, 1));
      gint64 id = sqlite3_column_int64 (stmt, 0);

      council_agenda_item_set_id (item, id);
      council_agenda_item_set_presenter (item, sqlite3_column_int64 (stmt, 2),
                                         sqlite3_column_type (stmt, 2) == SQLITE_NULL ? "" : pick_name (stmt, 3, chinese));
      council_agenda_item_set_notes (item, column_or_empty (stmt, 5));
      g_hash_table_insert (items, g_memdup2 (&id, sizeof id), item);
    }
  if (!finish_rows (self, stmt, rc, error))
    return FALSE;

  stmt = council_store_prepare (self,
    "SELECT " ACTION_COLUMNS ACTION_FROM "WHERE x.meeting_id = ?1 ORDER BY x.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CouncilActionItem *action = action_from_row (stmt, chinese, NULL);
      gint64 outcome_id = council_action_item_get_outcome_id (action);
      g_hash_table_insert (actions, g_memdup2 (&outcome_id, sizeof outcome_id), action);
    }
  if (!finish_rows (self, stmt, rc, error))
    return FALSE;

  stmt = council_store_prepare (self,
    "SELECT oc.id, oc.agenda_item_id, oc.kind, oc.text FROM outcome oc "
    "JOIN agenda_item a ON a.id = oc.agenda_item_id WHERE a.meeting_id = ? "
    "ORDER BY oc.agenda_item_id, oc.position, oc.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 item_id = sqlite3_column_int64 (stmt, 1);
      CouncilAgendaItem *item = g_hash_table_lookup (items, &item_id);
      CouncilOutcomeKind kind = COUNCIL_OUTCOME_INFORMATION;
      CouncilOutcome *outcome;
      CouncilActionItem *action;

      if (item == NULL)
        continue;
      council_outcome_kind_from_string (column_or_empty (stmt, 2), &kind);
      outcome = council_agenda_item_add_outcome (item, COUNCIL_OUTCOME_INFORMATION, column_or_empty (stmt, 3));
      council_outcome_set_id (outcome, id);
      action = g_hash_table_lookup (actions, &id);
      if (kind == COUNCIL_OUTCOME_ACTION && action != NULL)
        council_outcome_set_action_item (outcome, action);
      else
        council_outcome_set_kind (outcome, kind);
    }
  return finish_rows (self, stmt, rc, error);
}

CouncilMeeting *
council_store_get_meeting_in_language (CouncilStore *self, gint64 id, gboolean chinese, GError **error)
{
  g_autoptr(CouncilMeeting) meeting = NULL;
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT " MEETING_COLUMNS "FROM meeting m JOIN meeting_kind k ON k.id = m.kind_id WHERE m.id = ?",
    error);
  CouncilAttendanceRate rate;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    meeting = meeting_from_row (stmt, chinese);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (meeting == NULL)
    {
      set_no_meeting_error (id, error);
      return NULL;
    }
  if (!load_attendance (self, meeting, chinese, error) ||
      !load_guests (self, meeting, error) ||
      !load_agenda (self, meeting, chinese, error))
    return NULL;
  if (!council_store_meeting_attendance_rate (self, id, &rate, error))
    return NULL;
  council_meeting_set_attendance_rate (meeting, &rate);
  return g_steal_pointer (&meeting);
}

CouncilMeeting *
council_store_get_meeting (CouncilStore *self, gint64 id, GError **error)
{
  return council_store_get_meeting_in_language (self, id, council_ui_prefers_chinese (), error);
}

/* ---- meetings: saving ---- */

/* Ids and versions are handed to the records only once the change is
 * committed, so a failed save leaves the editor's records as they were. */
typedef struct
{
  GObject *record;
  gint64 id;
  gint64 version;
} Assignment;

typedef struct
{
  CouncilStore *store;
  const char *title;
  gint64 meeting_id;
  char *meeting_date;
  GArray *assignments;
} SaveContext;

static void
assign_later (SaveContext *ctx, gpointer record, gint64 id, gint64 version)
{
  Assignment a = { g_object_ref (record), id, version };
  g_array_append_val (ctx->assignments, a);
}

static void
assignment_clear (gpointer data)
{
  Assignment *a = data;
  g_clear_object (&a->record);
}

static void
apply_assignments (SaveContext *ctx)
{
  for (guint i = 0; i < ctx->assignments->len; i++)
    {
      Assignment *a = &g_array_index (ctx->assignments, Assignment, i);
      if (COUNCIL_IS_MEETING (a->record))
        {
          council_meeting_set_id (COUNCIL_MEETING (a->record), a->id);
          council_meeting_set_version (COUNCIL_MEETING (a->record), a->version);
        }
      else if (COUNCIL_IS_AGENDA_ITEM (a->record))
        council_agenda_item_set_id (COUNCIL_AGENDA_ITEM (a->record), a->id);
      else if (COUNCIL_IS_OUTCOME (a->record))
        council_outcome_set_id (COUNCIL_OUTCOME (a->record), a->id);
      else if (COUNCIL_IS_ACTION_ITEM (a->record))
        {
          CouncilActionItem *item = COUNCIL_ACTION_ITEM (a->record);
          council_action_item_set_id (item, a->id);
          council_action_item_set_version (item, a->version);
        }
    }
}

static gboolean
save_meeting_row (SaveContext *ctx, CouncilMeeting *meeting, gint64 *version, GError **error)
{
  CouncilStore *self = ctx->store;
  sqlite3_stmt *stmt;

  if (ctx->meeting_id == 0)
    stmt = council_store_prepare (self,
      "INSERT INTO meeting (kind_id, title, session_no, starts_at, place, chair, recorder, state) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  else
    stmt = council_store_prepare (self,
      "UPDATE meeting SET kind_id = ?1, title = ?2, session_no = ?3, starts_at = ?4, place = ?5, "
      "chair = ?6, recorder = ?7, version = version + 1 WHERE id = ?9 AND (kind_id IS NOT ?1 OR "
      "title IS NOT ?2 OR session_no IS NOT ?3 OR starts_at IS NOT ?4 OR place IS NOT ?5 OR "
      "chair IS NOT ?6 OR recorder IS NOT ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, council_meeting_get_kind_id (meeting));
  sqlite3_bind_text (stmt, 2, council_meeting_get_title (meeting), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, council_meeting_get_session_no (meeting));
  sqlite3_bind_text (stmt, 4, council_meeting_get_starts_at (meeting), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, council_meeting_get_place (meeting), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, council_meeting_get_chair (meeting), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, council_meeting_get_recorder (meeting), -1, SQLITE_TRANSIENT);
  if (ctx->meeting_id == 0)
    /* The state moves only by hold / approve / reopen; a new meeting may be
     * recorded after the fact as held. */
    sqlite3_bind_text (stmt, 8, council_meeting_get_state (meeting) == COUNCIL_MEETING_STATE_HELD ? "held" : "planned",
                       -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 9, ctx->meeting_id);
  if (!step_done (self, stmt, ctx->title, error))
    return FALSE;
  if (ctx->meeting_id == 0)
    {
      ctx->meeting_id = sqlite3_last_insert_rowid (council_store_get_db (self));
      *version = 1;
    }
  else if (sqlite3_changes (council_store_get_db (self)) > 0)
    (*version)++;
  return TRUE;
}

static gboolean
save_attendance (SaveContext *ctx, CouncilMeeting *meeting, GError **error)
{
  GListModel *model = G_LIST_MODEL (council_meeting_get_attendance (meeting));
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GString) keep = g_string_new ("");
  sqlite3_stmt *stmt;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilAttendance) a = g_list_model_get_item (model, i);
      CouncilAttendanceStatus status = council_attendance_get_status (a);

      if (status == COUNCIL_ATTENDANCE_NOT_RECORDED)
        continue;
      g_string_append_printf (keep, "%s%" G_GINT64_FORMAT, keep->len ? "," : "", council_attendance_get_org_id (a));
      stmt = council_store_prepare (ctx->store,
        "INSERT INTO attendance (meeting_id, org_id, status, attendees) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (meeting_id, org_id) DO UPDATE SET status = ?3, attendees = ?4 "
        "WHERE status IS NOT ?3 OR attendees IS NOT ?4", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ctx->meeting_id);
      sqlite3_bind_int64 (stmt, 2, council_attendance_get_org_id (a));
      sqlite3_bind_text (stmt, 3, council_attendance_status_to_string (status), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, council_attendance_get_attendees (a), -1, SQLITE_TRANSIENT);
      if (!step_done (ctx->store, stmt, ctx->title, error))
        return FALSE;
    }
  /* Rows of organizations now "not recorded" go. */
  stmt = council_store_prepare (ctx->store,
    "DELETE FROM attendance WHERE meeting_id = ?1 AND org_id NOT IN "
    "(SELECT value FROM json_each('[' || ?2 || ']'))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ctx->meeting_id);
  sqlite3_bind_text (stmt, 2, keep->str, -1, SQLITE_TRANSIENT);
  return step_done (ctx->store, stmt, ctx->title, error);
}

static gboolean
save_guests (SaveContext *ctx, CouncilMeeting *meeting, GError **error)
{
  GListModel *model = G_LIST_MODEL (council_meeting_get_guests (meeting));
  guint n = g_list_model_get_n_items (model);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilGuest) g = g_list_model_get_item (model, i);

      /* Matched by position: the first UPDATE touches the row at that place,
       * if any and if different; otherwise a row is added. */
      stmt = council_store_prepare (ctx->store,
        "UPDATE guest SET name = ?3, unit = ?4 WHERE id = (SELECT id FROM guest WHERE meeting_id = ?1 "
        "ORDER BY position, id LIMIT 1 OFFSET ?2) AND (name IS NOT ?3 OR unit IS NOT ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ctx->meeting_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, council_guest_get_name (g), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, council_guest_get_unit (g), -1, SQLITE_TRANSIENT);
      if (!step_done (ctx->store, stmt, ctx->title, error))
        return FALSE;
      stmt = council_store_prepare (ctx->store,
        "INSERT INTO guest (meeting_id, name, unit, position) SELECT ?1, ?3, ?4, ?2 "
        "WHERE (SELECT count(*) FROM guest WHERE meeting_id = ?1) <= ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ctx->meeting_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, council_guest_get_name (g), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, council_guest_get_unit (g), -1, SQLITE_TRANSIENT);
      if (!step_done (ctx->store, stmt, ctx->title, error))
        return FALSE;
    }
  stmt = council_store_prepare (ctx->store,
    "DELETE FROM guest WHERE id IN (SELECT id FROM guest WHERE meeting_id = ?1 "
    "ORDER BY position, id LIMIT -1 OFFSET ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ctx->meeting_id);
  sqlite3_bind_int (stmt, 2, (int) n);
  return step_done (ctx->store, stmt, ctx->title, error);
}

/* Removes action items (with their co-owners and progress notes) chosen by
 * @where_sql over "action_item x" with ?1 and ?2; children first so that
 * undo re-creates parents first. */
static gboolean
delete_action_items (SaveContext *ctx, const char *sel_sql, gint64 a, gint64 b, GError **error)
{
  g_autofree char *notes = g_strdup_printf ("DELETE FROM progress_note WHERE action_item_id IN (%s)", sel_sql);
  g_autofree char *co = g_strdup_printf ("DELETE FROM action_item_co_owner WHERE action_item_id IN (%s)", sel_sql);
  g_autofree char *items = g_strdup_printf ("DELETE FROM action_item WHERE id IN (%s)", sel_sql);

  return exec_ids (ctx->store, notes, a, b, ctx->title, error) &&
         exec_ids (ctx->store, co, a, b, ctx->title, error) &&
         exec_ids (ctx->store, items, a, b, ctx->title, error);
}

static gboolean
save_co_owners (SaveContext *ctx, gint64 action_id, CouncilActionItem *item, GError **error)
{
  GArray *ids = council_action_item_get_co_owner_ids (item);
  g_autoptr(GString) list = g_string_new ("");
  sqlite3_stmt *stmt;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 org = g_array_index (ids, gint64, i);
      g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? "," : "", org);
      stmt = council_store_prepare (ctx->store,
        "INSERT INTO action_item_co_owner (action_item_id, org_id) VALUES (?1, ?2) "
        "ON CONFLICT (action_item_id, org_id) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, action_id);
      sqlite3_bind_int64 (stmt, 2, org);
      if (!step_done (ctx->store, stmt, ctx->title, error))
        return FALSE;
    }
  stmt = council_store_prepare (ctx->store,
    "DELETE FROM action_item_co_owner WHERE action_item_id = ?1 AND org_id NOT IN "
    "(SELECT value FROM json_each('[' || ?2 || ']'))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_text (stmt, 2, list->str, -1, SQLITE_TRANSIENT);
  return step_done (ctx->store, stmt, ctx->title, error);
}

static gboolean
action_conflict (SaveContext *ctx, CouncilActionItem *item, GError **error)
{
  g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT,
               _("The action item “%s” was changed by someone else since you opened the meeting. Reload the meeting to see their change."),
               council_action_item_get_text (item));
  return FALSE;
}

static gboolean
save_action_item (SaveContext *ctx, gint64 agenda_item_id, gint64 outcome_id,
                  CouncilActionItem *item, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0, version = 0;
  const char *done = council_action_item_get_status (item) == COUNCIL_ACTION_STATUS_DONE
                     ? council_action_item_get_done_date (item) : NULL;
  int rc;

  stmt = council_store_prepare (ctx->store, "SELECT id, version FROM action_item WHERE outcome_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outcome_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      version = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return council_store_set_sqlite_error (ctx->store, rc, error);
  if (id != 0 && council_action_item_get_id (item) == id && council_action_item_get_version (item) != version)
    return action_conflict (ctx, item, error);

  if (id == 0)
    stmt = council_store_prepare (ctx->store,
      "INSERT INTO action_item (meeting_id, agenda_item_id, outcome_id, text, owner_org_id, due_date, "
      "status, done_date, project_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  else
    stmt = council_store_prepare (ctx->store,
      "UPDATE action_item SET meeting_id = ?1, agenda_item_id = ?2, text = ?4, owner_org_id = ?5, "
      "due_date = ?6, status = ?7, done_date = ?8, project_id = ?9, version = version + 1 "
      "WHERE outcome_id = ?3 AND (meeting_id IS NOT ?1 OR agenda_item_id IS NOT ?2 OR text IS NOT ?4 "
      "OR owner_org_id IS NOT ?5 OR due_date IS NOT ?6 OR status IS NOT ?7 OR done_date IS NOT ?8 "
      "OR project_id IS NOT ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ctx->meeting_id);
  sqlite3_bind_int64 (stmt, 2, agenda_item_id);
  sqlite3_bind_int64 (stmt, 3, outcome_id);
  sqlite3_bind_text (stmt, 4, council_action_item_get_text (item), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, council_action_item_get_owner_org_id (item));
  sqlite3_bind_text (stmt, 6, council_action_item_get_due_date (item), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, council_action_status_to_string (council_action_item_get_status (item)), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 8, done);
  bind_id_or_null (stmt, 9, council_action_item_get_project_id (item));
  if (!step_done (ctx->store, stmt, ctx->title, error))
    return FALSE;
  if (id == 0)
    {
      id = sqlite3_last_insert_rowid (council_store_get_db (ctx->store));
      version = 1;
    }
  else if (sqlite3_changes (council_store_get_db (ctx->store)) > 0)
    version++;
  assign_later (ctx, item, id, version);
  return save_co_owners (ctx, id, item, error);
}

static gboolean
save_outcomes (SaveContext *ctx, gint64 agenda_item_id, CouncilAgendaItem *item, GError **error)
{
  GListModel *model = G_LIST_MODEL (council_agenda_item_get_outcomes (item));
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GString) keep = g_string_new ("");
  g_autofree char *gone = NULL;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilOutcome) outcome = g_list_model_get_item (model, i);
      gint64 id = council_outcome_get_id (outcome);
      CouncilActionItem *action = council_outcome_get_action_item (outcome);

      if (id > 0)
        stmt = council_store_prepare (ctx->store,
          "UPDATE outcome SET agenda_item_id = ?1, kind = ?2, text = ?3, position = ?4 WHERE id = ?5 "
          "AND agenda_item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?6) "
          "AND (agenda_item_id IS NOT ?1 OR kind IS NOT ?2 OR text IS NOT ?3 OR position IS NOT ?4)", error);
      else
        stmt = council_store_prepare (ctx->store,
          "INSERT INTO outcome (agenda_item_id, kind, text, position) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, agenda_item_id);
      sqlite3_bind_text (stmt, 2, council_outcome_kind_to_string (council_outcome_get_kind (outcome)), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, council_outcome_get_text (outcome), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, (int) i);
      if (id > 0)
        {
          sqlite3_bind_int64 (stmt, 5, id);
          sqlite3_bind_int64 (stmt, 6, ctx->meeting_id);
        }
      if (!step_done (ctx->store, stmt, ctx->title, error))
        return FALSE;
      if (id <= 0)
        {
          id = sqlite3_last_insert_rowid (council_store_get_db (ctx->store));
          assign_later (ctx, outcome, id, 0);
        }
      g_string_append_printf (keep, "%s%" G_GINT64_FORMAT, keep->len ? "," : "", id);

      if (action != NULL)
        {
          if (!save_action_item (ctx, agenda_item_id, id, action, error))
            return FALSE;
        }
      else if (!delete_action_items (ctx, "SELECT id FROM action_item WHERE outcome_id = ?1 AND ?2 = ?2", id, 0, error))
        return FALSE;
    }

  /* Outcomes no longer listed go, with their action items. */
  gone = g_strdup_printf ("SELECT id FROM outcome WHERE agenda_item_id = ?1 AND id NOT IN (%s)",
                          keep->len ? keep->str : "0");
  {
    g_autofree char *actions = g_strdup_printf ("SELECT id FROM action_item WHERE outcome_id IN (%s) AND ?2 = ?2", gone);
    g_autofree char *del = g_strdup_printf ("DELETE FROM outcome WHERE id IN (%s) AND ?2 = ?2", gone);
    return delete_action_items (ctx, actions, agenda_item_id, 0, error) &&
           exec_ids (ctx->store, del, agenda_item_id, 0, ctx->title, error);
  }
}

static gboolean
save_agenda (SaveContext *ctx, CouncilMeeting *meeting, GError **error)
{
  GListModel *model = G_LIST_MODEL (council_meeting_get_agenda (meeting));
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GString) keep = g_string_new ("");
  g_autofree char *gone = NULL;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilAgendaItem) item = g_list_model_get_item (model, i);
      gint64 id = council_agenda_item_get_id (item);

      if (id > 0)
        stmt = council_store_prepare (ctx->store,
          "UPDATE agenda_item SET position = ?2, title = ?3, presenter_org_id = ?4, notes = ?5 "
          "WHERE id = ?6 AND meeting_id = ?1 AND (position IS NOT ?2 OR title IS NOT ?3 OR "
          "presenter_org_id IS NOT ?4 OR notes IS NOT ?5)", error);
      else
        stmt = council_store_prepare (ctx->store,
          "INSERT INTO agenda_item (meeting_id, position, title, presenter_org_id, notes) "
          "VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ctx->meeting_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, council_agenda_item_get_title (item), -1, SQLITE_TRANSIENT);
      bind_id_or_null (stmt, 4, council_agenda_item_get_presenter_org_id (item));
      sqlite3_bind_text (stmt, 5, council_agenda_item_get_notes (item), -1, SQLITE_TRANSIENT);
      if (id > 0)
        sqlite3_bind_int64 (stmt, 6, id);
      if (!step_done (ctx->store, stmt, ctx->title, error))
        return FALSE;
      if (id <= 0)
        {
          id = sqlite3_last_insert_rowid (council_store_get_db (ctx->store));
          assign_later (ctx, item, id, 0);
        }
      g_string_append_printf (keep, "%s%" G_GINT64_FORMAT, keep->len ? "," : "", id);
      if (!save_outcomes (ctx, id, item, error))
        return FALSE;
    }

  gone = g_strdup_printf ("SELECT id FROM agenda_item WHERE meeting_id = ?1 AND id NOT IN (%s)",
                          keep->len ? keep->str : "0");
  {
    g_autofree char *actions = g_strdup_printf ("SELECT id FROM action_item WHERE agenda_item_id IN (%s) AND ?2 = ?2", gone);
    g_autofree char *outcomes = g_strdup_printf ("DELETE FROM outcome WHERE agenda_item_id IN (%s) AND ?2 = ?2", gone);
    g_autofree char *items = g_strdup_printf ("DELETE FROM agenda_item WHERE id IN (%s) AND ?2 = ?2", gone);
    return delete_action_items (ctx, actions, ctx->meeting_id, 0, error) &&
           exec_ids (ctx->store, outcomes, ctx->meeting_id, 0, ctx->title, error) &&
           exec_ids (ctx->store, items, ctx->meeting_id, 0, ctx->title, error);
  }
}

/* Reads the stored state and version of a meeting; FALSE with NOT_FOUND. */
static gboolean
read_meeting_head (CouncilStore *self, gint64 id, CouncilMeetingState *state, gint64 *version,
                   char **title, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT m.state, m.version, m.title, k.name_zh, k.name_en, m.starts_at FROM meeting m "
    "JOIN meeting_kind k ON k.id = m.kind_id WHERE m.id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      council_meeting_state_from_string (column_or_empty (stmt, 0), state);
      *version = sqlite3_column_int64 (stmt, 1);
      if (title)
        *title = meeting_display_title (column_or_empty (stmt, 2), pick_name (stmt, 3, council_ui_prefers_chinese ()),
                                        column_or_empty (stmt, 5));
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error);
  set_no_meeting_error (id, error);
  return FALSE;
}

gboolean
council_store_save_meeting (CouncilStore *self, CouncilMeeting *meeting, GError **error)
{
  g_autofree char *title = meeting_display_title (council_meeting_get_title (meeting),
                                                  council_meeting_get_kind_label (meeting),
                                                  council_meeting_get_starts_at (meeting));
  g_autofree char *summary = NULL;
  g_autoptr(GArray) assignments = g_array_new (FALSE, TRUE, sizeof (Assignment));
  SaveContext ctx = { self, title, council_meeting_get_id (meeting), NULL, assignments };
  gint64 version = council_meeting_get_version (meeting);
  int changes_before;

  g_return_val_if_fail (COUNCIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (COUNCIL_IS_MEETING (meeting), FALSE);
  g_array_set_clear_func (assignments, assignment_clear);

  if (!council_meeting_validate (meeting, error))
    return FALSE;
  if (ctx.meeting_id != 0)
    {
      CouncilMeetingState state = COUNCIL_MEETING_STATE_PLANNED;
      gint64 stored_version = 0;

      if (!read_meeting_head (self, ctx.meeting_id, &state, &stored_version, NULL, error))
        return FALSE;
      if (state == COUNCIL_MEETING_STATE_APPROVED)
        {
          set_locked_error (title, error);
          return FALSE;
        }
      if (stored_version != version)
        {
          g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT,
                       _("“%s” was changed by someone else since you opened it. Reload it to see their change."),
                       title);
          return FALSE;
        }
    }

  summary = ctx.meeting_id == 0
    ? g_strdup_printf (_("Add meeting “%s”"), title)
    : g_strdup_printf (_("Edit meeting “%s”"), title);
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  changes_before = sqlite3_total_changes (council_store_get_db (self));

  if (!save_meeting_row (&ctx, meeting, &version, error) ||
      !save_attendance (&ctx, meeting, error) ||
      !save_guests (&ctx, meeting, error) ||
      !save_agenda (&ctx, meeting, error))
    {
      council_store_rollback_change (self);
      return FALSE;
    }
  if (sqlite3_total_changes (council_store_get_db (self)) == changes_before)
    {
      council_store_rollback_change (self);
      return TRUE;
    }
  /* Children changed but not the meeting row: the meeting still moves to a
   * new version, so another editor of it notices. */
  if (council_meeting_get_id (meeting) != 0 && version == council_meeting_get_version (meeting))
    {
      if (!exec_ids (self, "UPDATE meeting SET version = version + 1 WHERE id = ?1 AND ?2 = ?2",
                     ctx.meeting_id, 0, title, error))
        {
          council_store_rollback_change (self);
          return FALSE;
        }
      version++;
    }
  if (!council_store_commit_change (self, error))
    return FALSE;
  assign_later (&ctx, meeting, ctx.meeting_id, version);
  apply_assignments (&ctx);
  council_meeting_update_attendance_rate (meeting);
  council_store_emit_changed (self, "meeting");
  return TRUE;
}

gboolean
council_store_delete_meeting (CouncilStore *self, gint64 id, GError **error)
{
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  CouncilMeetingState state = COUNCIL_MEETING_STATE_PLANNED;
  gint64 version = 0;
  SaveContext ctx = { self, NULL, id, NULL, NULL };

  if (!read_meeting_head (self, id, &state, &version, &title, error))
    return FALSE;
  ctx.title = title;
  if (state != COUNCIL_MEETING_STATE_PLANNED)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_LOCKED,
                   _("“%s” has been held, so it stays on record; only planned meetings can be deleted."),
                   title);
      return FALSE;
    }
  summary = g_strdup_printf (_("Delete meeting “%s”"), title);
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  if (!delete_action_items (&ctx, "SELECT id FROM action_item WHERE meeting_id = ?1 AND ?2 = ?2", id, 0, error) ||
      !exec_ids (self, "DELETE FROM outcome WHERE agenda_item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?1) AND ?2 = ?2", id, 0, title, error) ||
      !exec_ids (self, "DELETE FROM agenda_item WHERE meeting_id = ?1 AND ?2 = ?2", id, 0, title, error) ||
      !exec_ids (self, "DELETE FROM guest WHERE meeting_id = ?1 AND ?2 = ?2", id, 0, title, error) ||
      !exec_ids (self, "DELETE FROM attendance WHERE meeting_id = ?1 AND ?2 = ?2", id, 0, title, error) ||
      !exec_ids (self, "DELETE FROM meeting WHERE id = ?1 AND ?2 = ?2", id, 0, title, error))
    {
      council_store_rollback_change (self);
      return FALSE;
    }
  if (!council_store_commit_change (self, error))
    return FALSE;
  council_store_emit_changed (self, "meeting");
  return TRUE;
}

static gboolean
move_state (CouncilStore *self, gint64 id, CouncilMeetingState from, CouncilMeetingState to,
            GError **error)
{
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  CouncilMeetingState state = COUNCIL_MEETING_STATE_PLANNED;
  gint64 version = 0;
  sqlite3_stmt *stmt;

  if (!read_meeting_head (self, id, &state, &version, &title, error))
    return FALSE;
  if (state == to)
    return TRUE;
  if (state != from)
    {
      switch (to)
        {
        case COUNCIL_MEETING_STATE_HELD:
          g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                       _("“%s” is not planned, so it cannot be marked as held."), title);
          break;
        case COUNCIL_MEETING_STATE_APPROVED:
          g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                       _("The minutes of “%s” can be approved only after the meeting is held."), title);
          break;
        case COUNCIL_MEETING_STATE_PLANNED:
        default:
          g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                       _("The minutes of “%s” are not approved, so there is nothing to reopen."), title);
        }
      return FALSE;
    }
  if (to == COUNCIL_MEETING_STATE_HELD && from == COUNCIL_MEETING_STATE_PLANNED)
    summary = g_strdup_printf (_("Mark meeting “%s” as held"), title);
  else if (to == COUNCIL_MEETING_STATE_APPROVED)
    summary = g_strdup_printf (_("Approve the minutes of “%s”"), title);
  else
    summary = g_strdup_printf (_("Reopen the minutes of “%s”"), title);
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  stmt = council_store_prepare (self,
    "UPDATE meeting SET state = ?1, version = version + 1 WHERE id = ?2 AND state = ?3", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, council_meeting_state_to_string (to), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_text (stmt, 3, council_meeting_state_to_string (from), -1, SQLITE_STATIC);
  if (!step_done (self, stmt, title, error))
    goto fail;
  if (!council_store_commit_change (self, error))
    return FALSE;
  council_store_emit_changed (self, "meeting");
  return TRUE;

fail:
  council_store_rollback_change (self);
  return FALSE;
}

gboolean
council_store_hold_meeting (CouncilStore *self, gint64 id, GError **error)
{
  return move_state (self, id, COUNCIL_MEETING_STATE_PLANNED, COUNCIL_MEETING_STATE_HELD, error);
}

gboolean
council_store_approve_minutes (CouncilStore *self, gint64 id, GError **error)
{
  return move_state (self, id, COUNCIL_MEETING_STATE_HELD, COUNCIL_MEETING_STATE_APPROVED, error);
}

gboolean
council_store_reopen_minutes (CouncilStore *self, gint64 id, GError **error)
{
  return move_state (self, id, COUNCIL_MEETING_STATE_APPROVED, COUNCIL_MEETING_STATE_HELD, error);
}

/* ---- schedule ---- */

static int
rhythm_months (const char *rhythm)
{
  if (g_strcmp0 (rhythm, "monthly") == 0)
    return 1;
  if (g_strcmp0 (rhythm, "quarterly") == 0)
    return 3;
  if (g_strcmp0 (rhythm, "half-yearly") == 0)
    return 6;
  if (g_strcmp0 (rhythm, "yearly") == 0)
    return 12;
  return 0;
}

gboolean
council_store_set_meeting_schedule (CouncilStore *self, gint64 kind_id, const char *rhythm, GError **error)
{
  sqlite3_stmt *stmt;

  if (rhythm != NULL && *rhythm != '\0' && rhythm_months (rhythm) == 0)
    {
      g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_MEETING_FIELD_KIND,
                   _("Unknown rhythm “%s”; use monthly, quarterly, half-yearly or yearly."), rhythm);
      return FALSE;
    }
  if (!council_store_begin_change (self, _("Change the meeting schedule"), error))
    return FALSE;
  if (rhythm == NULL || *rhythm == '\0')
    stmt = council_store_prepare (self, "DELETE FROM meeting_schedule WHERE kind_id = ?1 AND ?2 IS NULL", error);
  else
    stmt = council_store_prepare (self,
      "INSERT INTO meeting_schedule (kind_id, rhythm) VALUES (?1, ?2) "
      "ON CONFLICT (kind_id) DO UPDATE SET rhythm = ?2 WHERE rhythm IS NOT ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, kind_id);
  bind_text_or_null (stmt, 2, rhythm);
  if (!step_done (self, stmt, NULL, error))
    goto fail;
  if (!council_store_commit_change (self, error))
    return FALSE;
  council_store_emit_changed (self, "meeting_schedule");
  return TRUE;

fail:
  council_store_rollback_change (self);
  return FALSE;
}

char *
council_store_get_meeting_schedule (CouncilStore *self, gint64 kind_id, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self, "SELECT rhythm FROM meeting_schedule WHERE kind_id = ?", error);
  char *rhythm = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, kind_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rhythm = council_store_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    council_store_set_sqlite_error (self, rc, error);
  return rhythm;
}

char *
council_store_next_meeting_due (CouncilStore *self, gint64 kind_id, const char *as_of, GError **error)
{
  g_autofree char *rhythm = council_store_get_meeting_schedule (self, kind_id, error);
  g_autofree char *last = NULL;
  g_autofree char *planned = NULL;
  sqlite3_stmt *stmt;
  GDate due;
  int rc;

  if (rhythm == NULL)
    return NULL;
  stmt = council_store_prepare (self,
    "SELECT (SELECT substr(max(starts_at), 1, 10) FROM meeting WHERE kind_id = ?1 AND state IN ('held', 'approved')), "
    "(SELECT substr(min(starts_at), 1, 10) FROM meeting WHERE kind_id = ?1 AND state = 'planned' AND "
    " starts_at > coalesce((SELECT max(starts_at) FROM meeting WHERE kind_id = ?1 AND state IN ('held', 'approved')), ''))",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, kind_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        last = council_store_column_text (stmt, 0);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        planned = council_store_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (planned != NULL)
    return g_steal_pointer (&planned);
  if (last == NULL || !council_iso_date_parse (last, &due))
    return as_of ? g_strdup (as_of) : council_iso_date_today ();
  g_date_add_months (&due, (guint) rhythm_months (rhythm));
  return council_iso_date_format (&due);
}

gboolean
council_store_has_meetings (CouncilStore *self)
{
  sqlite3_stmt *stmt = council_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM meeting)", NULL);
  gboolean any = TRUE;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    any = sqlite3_column_int (stmt, 0) != 0;
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return any;
}
