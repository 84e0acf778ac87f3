/* council-store-overview.c: the aggregate queries behind the Overview.
 *
 * Every figure is one indexed aggregate (no rows are loaded into objects), so
 * the Overview of a council with 100,000 projects stays quick.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-store"

#include "config.h"

#include <glib/gi18n.h>

#include "council-store-overview.h"
#include "council-store-private.h"

typedef struct
{
  char first_day[11];      /* YYYY-01-01 */
  char last_day[11];       /* YYYY-12-31 */
  char next_year[11];      /* (YYYY+1)-01-01: the bound for date-times */
} YearBounds;

static void
year_bounds (int year, YearBounds *b)
{
  g_snprintf (b->first_day, sizeof b->first_day, "%04d-01-01", year);
  g_snprintf (b->last_day, sizeof b->last_day, "%04d-12-31", year);
  g_snprintf (b->next_year, sizeof b->next_year, "%04d-01-01", year + 1);
}

static const char *
column_text (sqlite3_stmt *stmt, int col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  return text ? text : "";
}

/* The English name when asked for and present, else the Chinese one. */
static const char *
pick_name (sqlite3_stmt *stmt, int zh_col, int en_col, gboolean chinese)
{
  const char *en = column_text (stmt, en_col);
  return chinese || *en == '\0' ? column_text (stmt, zh_col) : en;
}

static gboolean
finish (CouncilStore *self, int rc, GError **error)
{
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return council_store_set_sqlite_error (self, rc, error);
}

/* One row of integers from a query that returns exactly one. */
static gboolean
query_counts (CouncilStore *self, sqlite3_stmt *stmt, gint64 *out, int n, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    return finish (self, rc, error);
  for (int i = 0; i < n; i++)
    out[i] = sqlite3_column_int64 (stmt, i);
  return TRUE;
}

/* A project belongs to the years from its start to its end (the same rule as
 * the project list in council-store-projects.c). The project queries name
 * their indexes (007-overview-by-end.sql), which cover them and range on the
 * end date: few projects end after a year began, nearly all started before
 * it ended. Without INDEXED BY the planner, with statistics, would skip-scan
 * project_by_category and read every row. */
#define PROJECT_IN_YEAR \
  "coalesce(p.end_date, '9999-12-31') >= ?1 AND p.start_date <= ?2"
#define PROJECT_OFF_TRACK \
  "p.health = 'off_track' AND p.status IN ('approved', 'in_progress')"

static gboolean
fill_projects (CouncilStore *self, CouncilOverview *o, const YearBounds *b, gboolean chinese,
               GError **error)
{
  g_autoptr(GHashTable) by_category = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = council_store_prepare (self,
    "SELECT id, name_zh, name_en FROM project_category ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CouncilCategoryCount c = { sqlite3_column_int64 (stmt, 0),
                                 g_strdup (pick_name (stmt, 1, 2, chinese)), 0 };
      g_array_append_val (o->projects_by_category, c);
    }
  if (!finish (self, rc, error))
    return FALSE;
  for (guint i = 0; i < o->projects_by_category->len; i++)
    {
      CouncilCategoryCount *c = &g_array_index (o->projects_by_category, CouncilCategoryCount, i);
      g_hash_table_insert (by_category, &c->category_id, c);
    }

  /* The rows of the index range are counted here rather than grouped by
   * SQLite: GROUP BY sorted the year's projects (17,000 in the benchmark's
   * council) in a temporary b-tree, four times the time of reading them. */
  stmt = council_store_prepare (self,
    "SELECT p.category_id, p.status, p.health FROM project p INDEXED BY project_overview_by_end "
    "WHERE " PROJECT_IN_YEAR, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, b->first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, b->last_day, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 category_id = sqlite3_column_int64 (stmt, 0);
      CouncilCategoryCount *c = g_hash_table_lookup (by_category, &category_id);
      CouncilProjectStatus status = COUNCIL_PROJECT_STATUS_PROPOSED;
      CouncilProjectHealth health = COUNCIL_PROJECT_HEALTH_ON_TRACK;

      o->projects++;
      if (c != NULL)
        c->n_projects++;
      if (council_project_status_from_string (column_text (stmt, 1), &status))
        o->projects_by_status[status]++;
      if (council_project_health_from_string (column_text (stmt, 2), &health))
        o->projects_by_health[health]++;
      /* The same pass counts the list of running projects off track. */
      if (health == COUNCIL_PROJECT_HEALTH_OFF_TRACK &&
          (status == COUNCIL_PROJECT_STATUS_APPROVED || status == COUNCIL_PROJECT_STATUS_IN_PROGRESS))
        o->n_off_track_projects++;
    }
  return finish (self, rc, error);
}

static gboolean
fill_funds (CouncilStore *self, CouncilOverview *o, const YearBounds *b, GError **error)
{
  static const CouncilFundKind kinds[] = { COUNCIL_FUND_KIND_RAISED, COUNCIL_FUND_KIND_SPENT };
  sqlite3_stmt *stmt;

  /* One range of fund_entry_by_kind_source (007-overview-by-end.sql) per
   * kind and source, summed from the index: no row is read, nothing grouped. */
  stmt = council_store_prepare (self,
    "SELECT coalesce(sum(amount_fen), 0) FROM fund_entry INDEXED BY fund_entry_by_kind_source "
    "WHERE kind = ?1 AND source = ?2 AND entry_date BETWEEN ?3 AND ?4", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 3, b->first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, b->last_day, -1, SQLITE_TRANSIENT);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (int source = 0; source < COUNCIL_N_FUND_SOURCES; source++)
      {
        gint64 amount = 0;

        sqlite3_bind_text (stmt, 1, council_fund_kind_to_string (kinds[k]), -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 2, council_fund_source_to_string ((CouncilFundSource) source), -1, SQLITE_STATIC);
        if (!query_counts (self, stmt, &amount, 1, error))
          return FALSE;
        sqlite3_reset (stmt);
        if (kinds[k] == COUNCIL_FUND_KIND_RAISED)
          {
            o->raised_by_source[source] = amount;
            o->raised_fen += amount;
          }
        else
          {
            o->spent_by_source[source] = amount;
            o->spent_fen += amount;
          }
      }
  return TRUE;
}

static gboolean
fill_counts (CouncilStore *self, CouncilOverview *o, const YearBounds *b, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 v[2] = { 0, 0 };

  stmt = council_store_prepare (self, "SELECT count(*) FROM organization WHERE retired = 0", error);
  if (stmt == NULL || !query_counts (self, stmt, v, 1, error))
    return FALSE;
  o->active_organizations = (guint) v[0];

  stmt = council_store_prepare (self,
    "SELECT count(*) FROM meeting WHERE state IN ('held', 'approved') "
    "AND starts_at >= ?1 AND starts_at < ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, b->first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, b->next_year, -1, SQLITE_TRANSIENT);
  if (!query_counts (self, stmt, v, 1, error))
    return FALSE;
  o->meetings_held = (guint) v[0];

  /* Two ranges of action_item_by_status_due counted from the index: overdue
   * and not yet due (due_date is never NULL). Summing a comparison over all
   * open items instead evaluated it for every row, twice the time. */
  stmt = council_store_prepare (self,
    "SELECT (SELECT count(*) FROM action_item WHERE status IN ('open', 'in_progress') AND due_date < ?1), "
    "(SELECT count(*) FROM action_item WHERE status IN ('open', 'in_progress') AND due_date >= ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, o->as_of, -1, SQLITE_TRANSIENT);
  if (!query_counts (self, stmt, v, 2, error))
    return FALSE;
  o->action_items_overdue = (guint) v[0];
  o->n_overdue_action_items = (guint) v[0];
  o->action_items_open = (guint) (v[0] + v[1]);

  stmt = council_store_prepare (self,
    "SELECT count(*) FROM document WHERE imported_at >= ?1 AND imported_at < ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, b->first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, b->next_year, -1, SQLITE_TRANSIENT);
  if (!query_counts (self, stmt, v, 1, error))
    return FALSE;
  o->documents_added = (guint) v[0];
  return TRUE;
}

static gboolean
fill_overdue_action_items (CouncilStore *self, CouncilOverview *o, gboolean chinese, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = council_store_prepare (self,
    "SELECT a.id, a.text, a.due_date, o.name_zh, o.name_en FROM action_item a "
    "JOIN organization o ON o.id = a.owner_org_id "
    "WHERE a.status IN ('open', 'in_progress') AND a.due_date < ?1 "
    "ORDER BY a.due_date, a.id LIMIT ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, o->as_of, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, COUNCIL_OVERVIEW_LIST_LIMIT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (o->overdue_action_items,
                     council_record_ref_new (COUNCIL_RECORD_ACTION_ITEM, sqlite3_column_int64 (stmt, 0),
                                             column_text (stmt, 1), pick_name (stmt, 3, 4, chinese),
                                             column_text (stmt, 2)));
  return finish (self, rc, error);
}

static gboolean
fill_off_track_projects (CouncilStore *self, CouncilOverview *o, const YearBounds *b,
                         gboolean chinese, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Counted by fill_projects; the first of the list come in the order of
   * project_off_track_by_end (007-overview-by-end.sql), without a sort. */
  stmt = council_store_prepare (self,
    "SELECT p.id, p.code, p.title_zh, p.title_en, o.name_zh, o.name_en, coalesce(p.end_date, '') "
    "FROM project p INDEXED BY project_off_track_by_end JOIN organization o ON o.id = p.lead_org_id "
    "WHERE " PROJECT_OFF_TRACK " AND " PROJECT_IN_YEAR
    " ORDER BY coalesce(p.end_date, '9999-12-31'), p.code LIMIT ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, b->first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, b->last_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, COUNCIL_OVERVIEW_LIST_LIMIT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *detail = g_strdup_printf ("%s · %s", column_text (stmt, 1),
                                                 pick_name (stmt, 4, 5, chinese));
      g_ptr_array_add (o->off_track_projects,
                       council_record_ref_new (COUNCIL_RECORD_PROJECT, sqlite3_column_int64 (stmt, 0),
                                               pick_name (stmt, 2, 3, chinese), detail,
                                               column_text (stmt, 6)));
    }
  return finish (self, rc, error);
}

static gboolean
fill_milestones_due (CouncilStore *self, CouncilOverview *o, gboolean chinese, GError **error)
{
  g_autofree char *days = g_strdup_printf ("+%d days", COUNCIL_OVERVIEW_DUE_DAYS);
  sqlite3_stmt *stmt;
  gint64 n = 0;
  int rc;

  /* milestone_open_by_due serves both. */
#define DUE_SOON "m.done_date IS NULL AND m.due_date BETWEEN ?1 AND date(?1, ?2)"
  stmt = council_store_prepare (self, "SELECT count(*) FROM milestone m WHERE " DUE_SOON, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, o->as_of, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, days, -1, SQLITE_TRANSIENT);
  if (!query_counts (self, stmt, &n, 1, error))
    return FALSE;
  o->n_milestones_due = (guint) n;

  stmt = council_store_prepare (self,
    "SELECT p.id, m.title, p.code, p.title_zh, p.title_en, m.due_date "
    "FROM milestone m JOIN project p ON p.id = m.project_id WHERE " DUE_SOON
    " ORDER BY m.due_date, m.id LIMIT ?3", error);
#undef DUE_SOON
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, o->as_of, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, days, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, COUNCIL_OVERVIEW_LIST_LIMIT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *detail = g_strdup_printf ("%s · %s", column_text (stmt, 2),
                                                 pick_name (stmt, 3, 4, chinese));
      g_ptr_array_add (o->milestones_due,
                       council_record_ref_new (COUNCIL_RECORD_PROJECT, sqlite3_column_int64 (stmt, 0),
                                               column_text (stmt, 1), detail, column_text (stmt, 5)));
    }
  return finish (self, rc, error);
}

static gboolean
fill_staffing_alerts (CouncilStore *self, CouncilOverview *o, gboolean chinese, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* The rule of council_organization_has_staffing_alert, in integers. */
  stmt = council_store_prepare (self,
    "SELECT id, name_zh, name_en, staff_in_post, seconded_out FROM organization "
    "WHERE retired = 0 AND staff_in_post > 0 AND seconded_out * ?1 >= staff_in_post * ?2 "
    "ORDER BY sort_order, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, COUNCIL_SECONDED_ALERT_DENOMINATOR);
  sqlite3_bind_int (stmt, 2, COUNCIL_SECONDED_ALERT_NUMERATOR);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int in_post = sqlite3_column_int (stmt, 3), seconded = sqlite3_column_int (stmt, 4);
      g_autofree char *detail =
        chinese ? g_strdup_printf ("在岗%d人，抽调%d人", in_post, seconded)
                : g_strdup_printf ("%d of %d staff seconded out", seconded, in_post);

      o->n_staffing_alerts++;
      if (o->staffing_alerts->len < COUNCIL_OVERVIEW_LIST_LIMIT)
        g_ptr_array_add (o->staffing_alerts,
                         council_record_ref_new (COUNCIL_RECORD_ORGANIZATION, sqlite3_column_int64 (stmt, 0),
                                                 pick_name (stmt, 1, 2, chinese), detail, ""));
    }
  return finish (self, rc, error);
}

gboolean
council_store_fill_overview (CouncilStore *self, CouncilOverview *overview, gboolean chinese,
                             GError **error)
{
  YearBounds bounds;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (COUNCIL_IS_STORE (self), FALSE);

  year_bounds (overview->year, &bounds);
  /* One read transaction: the figures agree with each other. */
  own_transaction = sqlite3_get_autocommit (council_store_get_db (self)) != 0;
  if (own_transaction && !council_store_exec (self, "BEGIN", error))
    return FALSE;
  ok = fill_counts (self, overview, &bounds, error) &&
       fill_projects (self, overview, &bounds, chinese, error) &&
       fill_funds (self, overview, &bounds, error) &&
       fill_overdue_action_items (self, overview, chinese, error) &&
       fill_off_track_projects (self, overview, &bounds, chinese, error) &&
       fill_milestones_due (self, overview, chinese, error) &&
       fill_staffing_alerts (self, overview, chinese, error);
  if (own_transaction)
    council_store_exec (self, "COMMIT", NULL);
  return ok;
}
