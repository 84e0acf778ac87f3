/* council-store-workbook.c: the long sheets of the leaders' workbook read in
 * one ordered pass.
 *
 * A council has 200,000 action items; reading them a page at a time into
 * GObjects cost more than writing them. Here one statement walks the index
 * in the sheet's order and hands each row to the writer as it comes.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-store"

#include "config.h"

#include <glib/gi18n.h>

#include "council-store-private.h"
#include "council-store-workbook.h"

static const char *
column_text (sqlite3_stmt *stmt, int col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  return text ? text : "";
}

/* Names as council_organization_get_name_for_language() picks them (?3: Chinese). */
#define ORG_NAME(t) \
  "CASE WHEN ?3 THEN coalesce(nullif(" t ".name_zh, ''), " t ".name_en) " \
  "ELSE coalesce(nullif(" t ".name_en, ''), " t ".name_zh) END"

/* action item id -> its co-owners' names joined (by organization, as the
 * unique index keeps them), read in one pass rather than probed per row. */
static GHashTable *
load_co_owner_names (CouncilStore *self, gboolean chinese, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT c.action_item_id, " ORG_NAME ("co") " FROM action_item_co_owner c "
    "JOIN organization co ON co.id = c.org_id ORDER BY c.action_item_id, c.org_id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 3, chinese ? 1 : 0);
  return council_store_join_names_by_id (self, stmt, chinese ? "、" : ", ", error);
}

/* A meeting as the Action items sheet names it. */
typedef struct
{
  char *date;    /* YYYY-MM-DD */
  char *title;
} MeetingName;

static void
meeting_name_free (gpointer data)
{
  MeetingName *name = data;

  g_free (name->date);
  g_free (name->title);
  g_free (name);
}

/* meeting id -> MeetingName, in one pass over the meetings (a council has
 * tens of thousands), rather than a lookup for every action item. */
static GHashTable *
load_meeting_names (CouncilStore *self, GError **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, meeting_name_free);
  sqlite3_stmt *stmt = council_store_prepare (self, "SELECT id, substr(starts_at, 1, 10), title FROM meeting", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MeetingName *name = g_new (MeetingName, 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      name->date = g_strdup (column_text (stmt, 1));
      name->title = g_strdup (column_text (stmt, 2));
      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), name);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

/* The columns of an action item row; ?1..?2 the year, ?3 Chinese, ?4 as of.
 * The latest progress note is one index probe, joined for both columns. */
#define ACTION_ITEM_ROW_SELECT \
  "SELECT x.id, x.text, " ORG_NAME ("o") ", x.due_date, x.status, coalesce(x.done_date, ''), " \
  "coalesce(n.noted_on, ''), coalesce(n.text, ''), x.meeting_id, " \
  "CASE WHEN x.status IN ('open', 'in_progress') AND x.due_date < ?4 " \
  "  THEN CAST(julianday(?4) - julianday(x.due_date) AS INTEGER) ELSE 0 END " \
  "FROM action_item x INDEXED BY action_item_followup JOIN organization o ON o.id = x.owner_org_id " \
  "LEFT JOIN progress_note n ON n.id = (SELECT p.id FROM progress_note p WHERE p.action_item_id = x.id " \
  "                                     ORDER BY p.noted_on DESC, p.id DESC LIMIT 1) "

gboolean
council_store_foreach_action_item_of_year (CouncilStore *self, int year, const char *as_of, gboolean chinese,
                                           CouncilActionItemRowFunc func, gpointer user_data, GError **error)
{
  /* The year's rule of council_store_list_action_items (due_year): the
   * pending items due by the end of the year (those before it carried
   * over), then the done and cancelled ones due in it, each by due date —
   * two ranges of action_item_followup, read in its order, so no sort. */
  static const char *const passes[] = {
    ACTION_ITEM_ROW_SELECT
    "WHERE (x.status IN ('done', 'cancelled')) = 0 AND x.due_date <= ?2 "
    "ORDER BY x.due_date, x.id",
    ACTION_ITEM_ROW_SELECT
    "WHERE (x.status IN ('done', 'cancelled')) = 1 AND x.due_date BETWEEN ?1 AND ?2 "
    "ORDER BY x.due_date, x.id",
  };
  g_autoptr(GHashTable) co_owners = NULL;
  g_autoptr(GHashTable) meetings = NULL;
  char first[11], last[11];

  g_return_val_if_fail (COUNCIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (as_of != NULL, FALSE);

  g_snprintf (first, sizeof first, "%04d-01-01", year);
  g_snprintf (last, sizeof last, "%04d-12-31", year);
  co_owners = load_co_owner_names (self, chinese, error);
  if (co_owners == NULL)
    return FALSE;
  meetings = load_meeting_names (self, error);
  if (meetings == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (passes); i++)
    {
      sqlite3_stmt *stmt = council_store_prepare (self, passes[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, chinese ? 1 : 0);
      sqlite3_bind_text (stmt, 4, as_of, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          gint64 meeting_id = sqlite3_column_int64 (stmt, 8);
          const char *co = g_hash_table_lookup (co_owners, &id);
          const MeetingName *meeting = g_hash_table_lookup (meetings, &meeting_id);
          CouncilActionItemRow row = {
            .id = id,
            .text = column_text (stmt, 1),
            .owner = column_text (stmt, 2),
            .co_owners = co ? co : "",
            .due_date = column_text (stmt, 3),
            .status = COUNCIL_ACTION_STATUS_OPEN,
            .done_date = column_text (stmt, 5),
            .last_note_date = column_text (stmt, 6),
            .last_note = column_text (stmt, 7),
            .meeting_date = meeting ? meeting->date : "",
            .meeting_title = meeting ? meeting->title : "",
            .days_overdue = sqlite3_column_int (stmt, 9),
          };

          if (meeting == NULL)   /* as the join with meeting had it */
            continue;
          council_action_status_from_string (column_text (stmt, 4), &row.status);
          if (!func (&row, user_data))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return council_store_set_sqlite_error (self, rc, error);
    }
  return TRUE;
}

static void
year_bounds (int year, char first[11], char last[11])
{
  g_snprintf (first, 11, "%04d-01-01", year > 0 ? year : 1);
  g_snprintf (last, 11, "%04d-12-31", year > 0 ? year : 9999);
}

gboolean
council_store_count_fund_entries_of_year (CouncilStore *self, int year, guint *out_n, GError **error)
{
  char first[11], last[11];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (COUNCIL_IS_STORE (self), FALSE);
  year_bounds (year, first, last);
  stmt = council_store_prepare (self, "SELECT count(*) FROM fund_entry WHERE entry_date BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && out_n != NULL)
    *out_n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return council_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

gboolean
council_store_foreach_fund_entry_of_year (CouncilStore *self, int year, gboolean chinese,
                                          CouncilFundEntryRowFunc func, gpointer user_data, GError **error)
{
  char first[11], last[11];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (COUNCIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  year_bounds (year, first, last);
  /* council_store_list_fund_entries_for_year()'s rows and order. */
  stmt = council_store_prepare (self,
    "SELECT p.code, CASE WHEN ?3 OR p.title_en = '' THEN p.title_zh ELSE p.title_en END, "
    "f.source, f.kind, f.amount_fen, f.entry_date, f.counterparty, f.voucher_no, f.note "
    "FROM fund_entry f JOIN project p ON p.id = f.project_id "
    "WHERE f.entry_date BETWEEN ?1 AND ?2 ORDER BY f.entry_date, p.code, f.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, chinese ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CouncilFundEntryRow row = {
        .project_code = column_text (stmt, 0),
        .project_title = column_text (stmt, 1),
        .source = COUNCIL_FUND_SOURCE_GOV_PURCHASE,
        .kind = COUNCIL_FUND_KIND_RAISED,
        .amount_fen = sqlite3_column_int64 (stmt, 4),
        .entry_date = column_text (stmt, 5),
        .counterparty = column_text (stmt, 6),
        .voucher_no = column_text (stmt, 7),
        .note = column_text (stmt, 8),
      };

      council_fund_source_from_string (column_text (stmt, 2), &row.source);
      council_fund_kind_from_string (column_text (stmt, 3), &row.kind);
      if (!func (&row, user_data))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

int
council_store_swap_cache_size (CouncilStore *self, int cache_size)
{
  sqlite3_stmt *stmt;
  g_autofree char *set = NULL;
  int previous = 0;

  g_return_val_if_fail (COUNCIL_IS_STORE (self), 0);
  stmt = council_store_prepare (self, "PRAGMA cache_size", NULL);
  if (stmt != NULL)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        previous = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  /* A pragma takes no bound parameter. */
  set = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);
  council_store_exec (self, set, NULL);
  return previous;
}
