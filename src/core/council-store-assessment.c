/* council-store-assessment.c: assessment schemes, indicators and scores.
 *
 * The lock of a finalized scheme lives in the triggers of 005-assessment.sql;
 * this file maps their message to one that names the scheme and says how to
 * reopen it.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "council-store-assessment.h"
#include "council-store-private.h"

/* The RAISE message of the lock triggers. */
#define ASSESSMENT_LOCKED_SQL "The assessment scheme is finalized and locked."

#define SCHEME_COLUMNS \
  "id, year, period, title, total_score, bonus_cap, deduction_cap, applies_to, finalized, " \
  "coalesce(finalized_at, ''), version"

static char *
scheme_title (CouncilStore *self, gint64 scheme_id)
{
  sqlite3_stmt *stmt = council_store_prepare (self, "SELECT title FROM assessment_scheme WHERE id = ?", NULL);
  char *title = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, scheme_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    title = council_store_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return title ? title : g_strdup ("");
}

static gboolean
set_locked_error (CouncilStore *self, gint64 scheme_id, GError **error)
{
  g_autofree char *title = scheme_title (self, scheme_id);

  g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_LOCKED,
               _("The assessment scheme “%s” is finalized and locked. Reopen it first (Assessment → Reopen) to change its scores, indicators or grade bands."),
               title);
  return FALSE;
}

/* Maps a failed step; the lock triggers' message names the scheme. */
static gboolean
set_error (CouncilStore *self, int rc, gint64 scheme_id, GError **error)
{
  const char *msg = sqlite3_errmsg (council_store_get_db (self));

  if (msg != NULL && strstr (msg, ASSESSMENT_LOCKED_SQL) != NULL)
    return set_locked_error (self, scheme_id, error);
  return council_store_set_sqlite_error (self, rc, error);
}

static gboolean
step_done (CouncilStore *self, sqlite3_stmt *stmt, gint64 scheme_id, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_error (self, rc, scheme_id, error);
  return TRUE;
}

static gboolean
finish_change (CouncilStore *self, gboolean ok, GError **error)
{
  if (!ok)
    {
      council_store_rollback_change (self);
      return FALSE;
    }
  if (!council_store_commit_change (self, error))
    return FALSE;
  council_store_emit_changed (self, "assessment");
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt, int col, const char *text)
{
  sqlite3_bind_text (stmt, col, text ? text : "", -1, SQLITE_TRANSIENT);
}

static double
column_double_or_nan (sqlite3_stmt *stmt, int col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, col);
}

/* ---- schemes ---- */

static CouncilAssessmentScheme *
scheme_from_row (sqlite3_stmt *stmt)
{
  CouncilAssessmentScheme *scheme = council_assessment_scheme_new (sqlite3_column_int (stmt, 1));
  g_autofree char *period = council_store_column_text (stmt, 2);
  g_autofree char *applies = council_store_column_text (stmt, 7);

  scheme->id = sqlite3_column_int64 (stmt, 0);
  council_period_from_string (period, &scheme->period);
  g_free (scheme->title);
  scheme->title = council_store_column_text (stmt, 3);
  scheme->total_score = sqlite3_column_double (stmt, 4);
  scheme->bonus_cap = sqlite3_column_double (stmt, 5);
  scheme->deduction_cap = sqlite3_column_double (stmt, 6);
  council_applies_to_from_string (applies, &scheme->applies_to);
  scheme->finalized = sqlite3_column_int (stmt, 8) != 0;
  g_free (scheme->finalized_at);
  scheme->finalized_at = council_store_column_text (stmt, 9);
  scheme->version = sqlite3_column_int64 (stmt, 10);
  g_ptr_array_set_size (scheme->bands, 0);
  return scheme;
}

static gboolean
load_scheme_details (CouncilStore *self, CouncilAssessmentScheme *scheme, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT name_zh, name_en, min_score FROM assessment_band WHERE scheme_id = ? ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scheme->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (scheme->bands,
                     council_grade_band_new ((const char *) sqlite3_column_text (stmt, 0),
                                             (const char *) sqlite3_column_text (stmt, 1),
                                             sqlite3_column_double (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error);

  stmt = council_store_prepare (self,
    "SELECT org_id FROM assessment_scheme_org WHERE scheme_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scheme->id);
  g_array_set_size (scheme->org_ids, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (scheme->org_ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

GPtrArray *
council_store_list_assessment_schemes (CouncilStore *self, GError **error)
{
  g_autoptr(GPtrArray) schemes = g_ptr_array_new_with_free_func ((GDestroyNotify) council_assessment_scheme_free);
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT " SCHEME_COLUMNS " FROM assessment_scheme ORDER BY year DESC, "
    "CASE period WHEN 'year' THEN 0 ELSE 1 END, period", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (schemes, scheme_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  for (guint i = 0; i < schemes->len; i++)
    if (!load_scheme_details (self, g_ptr_array_index (schemes, i), error))
      return NULL;
  return g_steal_pointer (&schemes);
}

CouncilAssessmentScheme *
council_store_get_assessment_scheme (CouncilStore *self, gint64 id, GError **error)
{
  g_autoptr(CouncilAssessmentScheme) scheme = NULL;
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT " SCHEME_COLUMNS " FROM assessment_scheme WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    scheme = scheme_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND,
                     _("The assessment scheme no longer exists."));
      else
        council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (!load_scheme_details (self, scheme, error))
    return NULL;
  return g_steal_pointer (&scheme);
}

gint64
council_store_find_assessment_scheme (CouncilStore *self, int year, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT id FROM assessment_scheme WHERE year = ? "
    "ORDER BY CASE period WHEN 'year' THEN 0 ELSE 1 END, period LIMIT 1", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int (stmt, 1, year);
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

static gboolean
write_scheme_details (CouncilStore *self, CouncilAssessmentScheme *scheme, GError **error)
{
  sqlite3_stmt *stmt;

  /* Bands and list are replaced only when they differ, so the history of a
   * title edit does not fill with band rows. */
  {
    g_autoptr(CouncilAssessmentScheme) stored = council_assessment_scheme_new (scheme->year);
    gboolean same = TRUE;

    stored->id = scheme->id;
    g_ptr_array_set_size (stored->bands, 0);
    if (!load_scheme_details (self, stored, error))
      return FALSE;
    if (stored->bands->len != scheme->bands->len || stored->org_ids->len != scheme->org_ids->len)
      same = FALSE;
    for (guint i = 0; same && i < scheme->bands->len; i++)
      {
        CouncilGradeBand *a = g_ptr_array_index (stored->bands, i), *b = g_ptr_array_index (scheme->bands, i);
        same = g_strcmp0 (a->name_zh, b->name_zh) == 0 && g_strcmp0 (a->name_en, b->name_en) == 0 &&
               a->min_score == b->min_score;
      }
    for (guint i = 0; same && i < scheme->org_ids->len; i++)
      same = g_array_index (stored->org_ids, gint64, i) == g_array_index (scheme->org_ids, gint64, i);
    if (same)
      return TRUE;
  }

  stmt = council_store_prepare (self, "DELETE FROM assessment_band WHERE scheme_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scheme->id);
  if (!step_done (self, stmt, scheme->id, error))
    return FALSE;
  for (guint i = 0; i < scheme->bands->len; i++)
    {
      CouncilGradeBand *band = g_ptr_array_index (scheme->bands, i);

      stmt = council_store_prepare (self,
        "INSERT INTO assessment_band (scheme_id, position, name_zh, name_en, min_score) VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, scheme->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_text (stmt, 3, g_strstrip (band->name_zh));
      bind_text (stmt, 4, g_strstrip (band->name_en));
      sqlite3_bind_double (stmt, 5, band->min_score);
      if (!step_done (self, stmt, scheme->id, error))
        return FALSE;
    }

  stmt = council_store_prepare (self, "DELETE FROM assessment_scheme_org WHERE scheme_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scheme->id);
  if (!step_done (self, stmt, scheme->id, error))
    return FALSE;
  for (guint i = 0; i < scheme->org_ids->len; i++)
    {
      stmt = council_store_prepare (self,
        "INSERT OR IGNORE INTO assessment_scheme_org (scheme_id, org_id) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, scheme->id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (scheme->org_ids, gint64, i));
      if (!step_done (self, stmt, scheme->id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_period_free (CouncilStore *self, CouncilAssessmentScheme *scheme, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT title FROM assessment_scheme WHERE year = ? AND period = ? AND id <> ?", error);
  g_autofree char *other = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, scheme->year);
  bind_text (stmt, 2, council_period_to_string (scheme->period));
  sqlite3_bind_int64 (stmt, 3, scheme->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    other = council_store_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (other != NULL)
    {
      g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_YEAR,
                   _("There is already a scheme for %d (%s): “%s”."), scheme->year,
                   council_period_label (scheme->period), other);
      return FALSE;
    }
  return TRUE;
}

static char *org_label (CouncilStore *self, gint64 org_id);

/* A lower cap on an organization's bonus (or deduction) total must not leave
 * an organization above it: the message names the cap, the organization and
 * what it already has. */
static gboolean
check_org_totals_within (CouncilStore *self, CouncilAssessmentScheme *scheme, CouncilIndicatorKind kind,
                         double cap, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT s.org_id, sum(s.value) AS total FROM assessment_score s JOIN assessment_indicator i ON i.id = s.indicator_id "
    "WHERE s.scheme_id = ? AND i.kind = ? GROUP BY s.org_id HAVING total > ? + 1e-9 ORDER BY total DESC LIMIT 1", error);
  gint64 org_id = 0;
  double total = 0;
  g_autofree char *org = NULL, *cap_text = NULL, *total_text = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scheme->id);
  bind_text (stmt, 2, council_indicator_kind_to_string (kind));
  sqlite3_bind_double (stmt, 3, cap);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      org_id = sqlite3_column_int64 (stmt, 0);
      total = sqlite3_column_double (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (org_id == 0)
    return TRUE;
  org = org_label (self, org_id);
  cap_text = council_assessment_format_score (cap);
  total_text = council_assessment_format_score (total);
  g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_CAPS,
               kind == COUNCIL_INDICATOR_BONUS
               ? _("The bonus cap cannot be lowered to %s: %s already has %s in bonus items; change those scores first.")
               : _("The deduction cap cannot be lowered to %s: %s already has %s in deductions; change those scores first."),
               cap_text, org, total_text);
  return FALSE;
}

static gboolean
write_scheme (CouncilStore *self, CouncilAssessmentScheme *scheme, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean insert = scheme->id == 0;

  if (insert)
    stmt = council_store_prepare (self,
      "INSERT INTO assessment_scheme (year, period, title, total_score, bonus_cap, deduction_cap, applies_to) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  else
    stmt = council_store_prepare (self,
      "UPDATE assessment_scheme SET year = ?1, period = ?2, title = ?3, total_score = ?4, bonus_cap = ?5, "
      "deduction_cap = ?6, applies_to = ?7, version = version + 1 WHERE id = ?8 AND version = ?9", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, scheme->year);
  bind_text (stmt, 2, council_period_to_string (scheme->period));
  bind_text (stmt, 3, g_strstrip (scheme->title));
  sqlite3_bind_double (stmt, 4, scheme->total_score);
  sqlite3_bind_double (stmt, 5, scheme->bonus_cap);
  sqlite3_bind_double (stmt, 6, scheme->deduction_cap);
  bind_text (stmt, 7, council_applies_to_to_string (scheme->applies_to));
  if (!insert)
    {
      sqlite3_bind_int64 (stmt, 8, scheme->id);
      sqlite3_bind_int64 (stmt, 9, scheme->version);
    }
  if (!step_done (self, stmt, scheme->id, error))
    return FALSE;
  if (insert)
    {
      scheme->id = sqlite3_last_insert_rowid (council_store_get_db (self));
      scheme->version = 1;
    }
  else if (sqlite3_changes (council_store_get_db (self)) == 0)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT,
                   _("The scheme “%s” was changed elsewhere since it was opened; reload it and try again."),
                   scheme->title);
      return FALSE;
    }
  else
    {
      scheme->version++;
      if (!check_org_totals_within (self, scheme, COUNCIL_INDICATOR_BONUS, scheme->bonus_cap, error) ||
          !check_org_totals_within (self, scheme, COUNCIL_INDICATOR_DEDUCTION, scheme->deduction_cap, error))
        return FALSE;
    }
  return write_scheme_details (self, scheme, error);
}

gboolean
council_store_save_assessment_scheme (CouncilStore *self, CouncilAssessmentScheme *scheme, GError **error)
{
  gboolean insert = scheme->id == 0;
  g_autofree char *summary = NULL;
  gint64 old_version = scheme->version;
  gboolean ok;

  if (!council_assessment_scheme_validate (scheme, error))
    return FALSE;
  summary = g_strdup_printf (insert ? _("Add the assessment scheme “%s”") : _("Edit the assessment scheme “%s”"),
                             scheme->title);
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  ok = check_period_free (self, scheme, error) && write_scheme (self, scheme, error);
  if (!ok)
    {
      if (insert)
        scheme->id = 0;
      scheme->version = old_version;
    }
  return finish_change (self, ok, error);
}

gboolean
council_store_delete_assessment_scheme (CouncilStore *self, gint64 id, GError **error)
{
  g_autofree char *title = scheme_title (self, id);
  g_autofree char *summary = g_strdup_printf (_("Delete the assessment scheme “%s”"), title);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  /* Children first, so the history records each row and undo restores them. */
  ok = council_store_exec (self, "SAVEPOINT del", error);
  {
    static const char *const deletes[] = {
      "DELETE FROM assessment_score_document WHERE score_id IN (SELECT id FROM assessment_score WHERE scheme_id = ?)",
      "DELETE FROM assessment_score WHERE scheme_id = ?",
      "DELETE FROM assessment_rank_points WHERE indicator_id IN (SELECT id FROM assessment_indicator WHERE scheme_id = ?)",
      "DELETE FROM assessment_indicator WHERE scheme_id = ? AND parent_id IS NOT NULL",
      "DELETE FROM assessment_indicator WHERE scheme_id = ?",
      "DELETE FROM assessment_band WHERE scheme_id = ?",
      "DELETE FROM assessment_scheme_org WHERE scheme_id = ?",
      "DELETE FROM assessment_scheme WHERE id = ?",
    };
    for (guint i = 0; ok && i < G_N_ELEMENTS (deletes); i++)
      {
        stmt = council_store_prepare (self, deletes[i], error);
        ok = stmt != NULL;
        if (ok)
          {
            sqlite3_bind_int64 (stmt, 1, id);
            ok = step_done (self, stmt, id, error);
          }
      }
  }
  if (ok)
    ok = council_store_exec (self, "RELEASE del", error);
  return finish_change (self, ok, error);
}

static gboolean
set_finalized (CouncilStore *self, gint64 id, gboolean finalized, GError **error)
{
  g_autofree char *title = scheme_title (self, id);
  g_autofree char *summary = g_strdup_printf (finalized ? _("Finalize the assessment scheme “%s”")
                                                        : _("Reopen the assessment scheme “%s”"), title);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  stmt = council_store_prepare (self,
    "UPDATE assessment_scheme SET finalized = ?2, "
    "finalized_at = CASE WHEN ?2 THEN strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') END, "
    "version = version + 1 WHERE id = ?1 AND finalized <> ?2", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, finalized ? 1 : 0);
      ok = step_done (self, stmt, id, error);
    }
  if (ok && sqlite3_changes (council_store_get_db (self)) == 0)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT,
                   finalized ? _("The scheme “%s” is already finalized.") : _("The scheme “%s” is not finalized."),
                   title);
      ok = FALSE;
    }
  return finish_change (self, ok, error);
}

gboolean
council_store_finalize_assessment_scheme (CouncilStore *self, gint64 id, GError **error)
{
  return set_finalized (self, id, TRUE, error);
}

gboolean
council_store_reopen_assessment_scheme (CouncilStore *self, gint64 id, GError **error)
{
  return set_finalized (self, id, FALSE, error);
}

/* ---- indicators ---- */

static gboolean
load_rank_points (CouncilStore *self, CouncilIndicator *ind, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT points FROM assessment_rank_points WHERE indicator_id = ? ORDER BY rank", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ind->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double p = sqlite3_column_double (stmt, 0);
      g_array_append_val (ind->rank_points, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

GPtrArray *
council_store_list_assessment_indicators (CouncilStore *self, gint64 scheme_id, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) council_indicator_free);
  /* Depth-first: a category sorts by its own position, its children right after it. */
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT i.id, coalesce(i.parent_id, 0), i.position, i.name_zh, i.name_en, i.max_score, i.weight, "
    "i.guide, i.kind, coalesce(i.computed_source, ''), i.cap "
    "FROM assessment_indicator i LEFT JOIN assessment_indicator p ON p.id = i.parent_id "
    "WHERE i.scheme_id = ? "
    "ORDER BY coalesce(p.position, i.position), coalesce(p.id, i.id), i.parent_id IS NOT NULL, i.position, i.id",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scheme_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CouncilIndicatorKind kind = COUNCIL_INDICATOR_MANUAL;
      CouncilIndicator *ind;

      council_indicator_kind_from_string ((const char *) sqlite3_column_text (stmt, 8), &kind);
      ind = council_indicator_new (kind, (const char *) sqlite3_column_text (stmt, 3),
                                   sqlite3_column_double (stmt, 5));
      ind->id = sqlite3_column_int64 (stmt, 0);
      ind->parent_id = sqlite3_column_int64 (stmt, 1);
      ind->position = sqlite3_column_int (stmt, 2);
      g_free (ind->name_en);
      ind->name_en = council_store_column_text (stmt, 4);
      ind->weight = sqlite3_column_double (stmt, 6);
      g_free (ind->guide);
      ind->guide = council_store_column_text (stmt, 7);
      council_computed_source_from_string ((const char *) sqlite3_column_text (stmt, 9), &ind->source);
      ind->cap = sqlite3_column_double (stmt, 10);
      g_ptr_array_add (list, ind);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  for (guint i = 0; i < list->len; i++)
    {
      CouncilIndicator *ind = g_ptr_array_index (list, i);
      if (ind->kind == COUNCIL_INDICATOR_RANK && !load_rank_points (self, ind, error))
        return NULL;
    }
  return g_steal_pointer (&list);
}

static gint64
indicator_scheme (CouncilStore *self, gint64 indicator_id)
{
  sqlite3_stmt *stmt = council_store_prepare (self, "SELECT scheme_id FROM assessment_indicator WHERE id = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static CouncilIndicator *
get_indicator (CouncilStore *self, gint64 id, GError **error)
{
  g_autoptr(GPtrArray) list = NULL;
  gint64 scheme_id = indicator_scheme (self, id);

  if (scheme_id == 0)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND, _("The indicator no longer exists."));
      return NULL;
    }
  list = council_store_list_assessment_indicators (self, scheme_id, error);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      CouncilIndicator *ind = g_ptr_array_index (list, i);
      if (ind->id == id)
        return council_indicator_copy (ind);
    }
  g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND, _("The indicator no longer exists."));
  return NULL;
}

/* A lower max score or cap must not leave scores above it. */
static gboolean
check_scores_within (CouncilStore *self, CouncilIndicator *ind, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT count(*), max(value) FROM assessment_score WHERE indicator_id = ? AND value > ? + 1e-9", error);
  int n = 0;
  double highest = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ind->id);
  sqlite3_bind_double (stmt, 2, council_indicator_limit (ind));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      n = sqlite3_column_int (stmt, 0);
      highest = sqlite3_column_double (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (n > 0)
    {
      g_autofree char *shown = council_assessment_format_score (highest);
      g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_MAX_SCORE,
                   g_dngettext (GETTEXT_PACKAGE, "%d organization already has a score above the new limit of “%s” (up to %s); change that score first.",
                                "%d organizations already have scores above the new limit of “%s” (up to %s); change those scores first.", n),
                   n, ind->name_zh, shown);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_indicator (CouncilStore *self, gint64 scheme_id, CouncilIndicator *ind, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean insert = ind->id == 0;
  const char *source = council_computed_source_to_string (ind->source);

  if (insert)
    {
      stmt = council_store_prepare (self,
        "SELECT coalesce(max(position) + 1, 0) FROM assessment_indicator WHERE scheme_id = ? AND parent_id IS ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, scheme_id);
      if (ind->parent_id > 0)
        sqlite3_bind_int64 (stmt, 2, ind->parent_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        ind->position = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      stmt = council_store_prepare (self,
        "INSERT INTO assessment_indicator (scheme_id, parent_id, position, name_zh, name_en, max_score, weight, "
        "guide, kind, computed_source, cap) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
    }
  else
    stmt = council_store_prepare (self,
      "UPDATE assessment_indicator SET scheme_id = ?1, parent_id = ?2, position = ?3, name_zh = ?4, name_en = ?5, "
      "max_score = ?6, weight = ?7, guide = ?8, kind = ?9, computed_source = ?10, cap = ?11 WHERE id = ?12", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scheme_id);
  if (ind->parent_id > 0)
    sqlite3_bind_int64 (stmt, 2, ind->parent_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int (stmt, 3, ind->position);
  bind_text (stmt, 4, g_strstrip (ind->name_zh));
  bind_text (stmt, 5, g_strstrip (ind->name_en));
  sqlite3_bind_double (stmt, 6, ind->max_score);
  sqlite3_bind_double (stmt, 7, ind->weight);
  bind_text (stmt, 8, ind->guide);
  bind_text (stmt, 9, council_indicator_kind_to_string (ind->kind));
  if (ind->kind == COUNCIL_INDICATOR_COMPUTED)
    bind_text (stmt, 10, source);
  else
    sqlite3_bind_null (stmt, 10);
  sqlite3_bind_double (stmt, 11, ind->cap);
  if (!insert)
    sqlite3_bind_int64 (stmt, 12, ind->id);
  if (!step_done (self, stmt, scheme_id, error))
    return FALSE;
  if (insert)
    ind->id = sqlite3_last_insert_rowid (council_store_get_db (self));
  else if (!check_scores_within (self, ind, error))
    return FALSE;

  stmt = council_store_prepare (self, "DELETE FROM assessment_rank_points WHERE indicator_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ind->id);
  if (!step_done (self, stmt, scheme_id, error))
    return FALSE;
  if (ind->kind != COUNCIL_INDICATOR_RANK)
    return TRUE;
  for (guint r = 0; r < ind->rank_points->len; r++)
    {
      stmt = council_store_prepare (self,
        "INSERT INTO assessment_rank_points (indicator_id, rank, points) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ind->id);
      sqlite3_bind_int (stmt, 2, (int) r + 1);
      sqlite3_bind_double (stmt, 3, g_array_index (ind->rank_points, double, r));
      if (!step_done (self, stmt, scheme_id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
council_store_save_assessment_indicator (CouncilStore *self, gint64 scheme_id, CouncilIndicator *ind, GError **error)
{
  return council_store_save_assessment_indicator_over (self, scheme_id, ind, NULL, error);
}

/* Indicators carry no version number: "changed since read" is the stored
 * record differing from what the editor read, checked inside the change. */
static gboolean
check_indicator_unchanged (CouncilStore *self, const CouncilIndicator *base, CouncilIndicator *ind, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(CouncilIndicator) now = get_indicator (self, base->id, &local);

  if (now == NULL)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND,
                   _("The indicator “%s” was removed elsewhere since it was opened."), base->name_zh);
      return FALSE;
    }
  /* A move made meanwhile stays: saving the form is not moving. */
  ind->position = now->position;
  if (council_indicator_equal (now, base))
    return TRUE;
  g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT,
               _("The indicator “%s” was changed elsewhere since it was opened."), base->name_zh);
  return FALSE;
}

gboolean
council_store_save_assessment_indicator_over (CouncilStore *self, gint64 scheme_id, CouncilIndicator *ind,
                                              const CouncilIndicator *base, GError **error)
{
  g_autofree char *summary = NULL;
  gboolean insert = ind->id == 0;
  gboolean ok;

  if (!council_indicator_validate (ind, error))
    return FALSE;
  summary = g_strdup_printf (insert ? _("Add the indicator “%s”") : _("Edit the indicator “%s”"), ind->name_zh);
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  ok = (insert || base == NULL || check_indicator_unchanged (self, base, ind, error)) &&
       write_indicator (self, scheme_id, ind, error);
  if (!ok && insert)
    ind->id = 0;
  return finish_change (self, ok, error);
}

gboolean
council_store_delete_assessment_indicator (CouncilStore *self, gint64 id, GError **error)
{
  g_autoptr(CouncilIndicator) ind = get_indicator (self, id, error);
  g_autofree char *summary = NULL;
  static const char *const deletes[] = {
    "DELETE FROM assessment_score_document WHERE score_id IN (SELECT s.id FROM assessment_score s "
    "  JOIN assessment_indicator i ON i.id = s.indicator_id WHERE i.id = ?1 OR i.parent_id = ?1)",
    "DELETE FROM assessment_score WHERE indicator_id IN (SELECT id FROM assessment_indicator WHERE id = ?1 OR parent_id = ?1)",
    "DELETE FROM assessment_rank_points WHERE indicator_id IN (SELECT id FROM assessment_indicator WHERE id = ?1 OR parent_id = ?1)",
    "DELETE FROM assessment_indicator WHERE parent_id = ?1",
    "DELETE FROM assessment_indicator WHERE id = ?1",
  };
  gint64 scheme_id;
  gboolean ok = TRUE;

  if (ind == NULL)
    return FALSE;
  scheme_id = indicator_scheme (self, id);
  summary = g_strdup_printf (_("Remove the indicator “%s”"), ind->name_zh);
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (deletes); i++)
    {
      sqlite3_stmt *stmt = council_store_prepare (self, deletes[i], error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          ok = step_done (self, stmt, scheme_id, error);
        }
    }
  return finish_change (self, ok, error);
}

gboolean
council_store_move_assessment_indicator (CouncilStore *self, gint64 id, int delta, GError **error)
{
  g_autoptr(CouncilIndicator) ind = get_indicator (self, id, error);
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;
  gint64 scheme_id, other_id = 0;
  int other_pos = 0;
  gboolean ok;

  if (ind == NULL)
    return FALSE;
  scheme_id = indicator_scheme (self, id);
  stmt = council_store_prepare (self, delta < 0
    ? "SELECT id, position FROM assessment_indicator WHERE scheme_id = ?1 AND parent_id IS ?2 "
      "AND (position < ?3 OR (position = ?3 AND id < ?4)) ORDER BY position DESC, id DESC LIMIT 1"
    : "SELECT id, position FROM assessment_indicator WHERE scheme_id = ?1 AND parent_id IS ?2 "
      "AND (position > ?3 OR (position = ?3 AND id > ?4)) ORDER BY position, id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scheme_id);
  if (ind->parent_id > 0)
    sqlite3_bind_int64 (stmt, 2, ind->parent_id);
  sqlite3_bind_int (stmt, 3, ind->position);
  sqlite3_bind_int64 (stmt, 4, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      other_id = sqlite3_column_int64 (stmt, 0);
      other_pos = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (other_id == 0)
    return TRUE;   /* already first or last */

  summary = g_strdup_printf (_("Move the indicator “%s”"), ind->name_zh);
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  stmt = council_store_prepare (self, "UPDATE assessment_indicator SET position = ? WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      /* Equal positions (older rows) still swap by giving distinct ones. */
      int a = other_pos, b = ind->position;
      if (a == b)
        {
          if (delta < 0)
            b = a + 1;
          else
            a = b + 1;
        }
      sqlite3_bind_int (stmt, 1, a);
      sqlite3_bind_int64 (stmt, 2, id);
      ok = step_done (self, stmt, scheme_id, error);
      if (ok)
        {
          stmt = council_store_prepare (self, "UPDATE assessment_indicator SET position = ? WHERE id = ?", error);
          ok = stmt != NULL;
          if (ok)
            {
              sqlite3_bind_int (stmt, 1, b);
              sqlite3_bind_int64 (stmt, 2, other_id);
              ok = step_done (self, stmt, scheme_id, error);
            }
        }
    }
  return finish_change (self, ok, error);
}

gint64
council_store_copy_assessment_scheme (CouncilStore *self, gint64 from_id, int year, GError **error)
{
  g_autoptr(CouncilAssessmentScheme) from = council_store_get_assessment_scheme (self, from_id, error);
  g_autoptr(CouncilAssessmentScheme) copy = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GHashTable) new_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *summary = NULL;
  g_autofree char *old_year = NULL, *new_year = NULL;
  gboolean ok;

  if (from == NULL)
    return 0;
  indicators = council_store_list_assessment_indicators (self, from_id, error);
  if (indicators == NULL)
    return 0;
  copy = council_assessment_scheme_copy (from);
  copy->id = 0;
  copy->version = 0;
  copy->year = year;
  copy->finalized = FALSE;
  /* "2025年度目标管理考核方案" becomes "2026年度…". */
  old_year = g_strdup_printf ("%d", from->year);
  new_year = g_strdup_printf ("%d", year);
  {
    g_auto(GStrv) parts = g_strsplit (from->title, old_year, -1);
    g_free (copy->title);
    copy->title = g_strjoinv (new_year, parts);
  }
  if (g_strcmp0 (copy->title, from->title) == 0)
    {
      g_free (copy->title);
      copy->title = g_strdup_printf ("%s (%d)", from->title, year);
    }
  if (!council_assessment_scheme_validate (copy, error))
    return 0;

  summary = g_strdup_printf (_("Copy the assessment scheme “%s” to %d"), from->title, year);
  if (!council_store_begin_change (self, summary, error))
    return 0;
  ok = check_period_free (self, copy, error) && write_scheme (self, copy, error);
  for (guint i = 0; ok && i < indicators->len; i++)
    {
      CouncilIndicator *ind = g_ptr_array_index (indicators, i);
      gint64 old_id = ind->id;

      ind->id = 0;
      if (ind->parent_id > 0)
        {
          gint64 *parent = g_hash_table_lookup (new_ids, &ind->parent_id);
          ind->parent_id = parent ? *parent : 0;
        }
      ok = write_indicator (self, copy->id, ind, error);
      if (ok)
        g_hash_table_insert (new_ids, g_memdup2 (&old_id, sizeof old_id), g_memdup2 (&ind->id, sizeof ind->id));
    }
  if (!finish_change (self, ok, error))
    return 0;
  return copy->id;
}

/* ---- organizations ---- */

GPtrArray *
council_store_list_assessment_organizations (CouncilStore *self, const CouncilAssessmentScheme *scheme,
                                             GError **error)
{
  g_autoptr(GListStore) all = council_store_list_organizations (self, FALSE, error);
  GPtrArray *orgs;

  if (all == NULL)
    return NULL;
  orgs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (all), i);
      gboolean applies = FALSE;

      switch (scheme->applies_to)
        {
        case COUNCIL_APPLIES_TO_HUB:
          applies = council_organization_get_category (org) == COUNCIL_CATEGORY_HUB;
          break;
        case COUNCIL_APPLIES_TO_OTHER:
          applies = council_organization_get_category (org) == COUNCIL_CATEGORY_OTHER;
          break;
        case COUNCIL_APPLIES_TO_LIST:
          for (guint k = 0; k < scheme->org_ids->len && !applies; k++)
            applies = g_array_index (scheme->org_ids, gint64, k) == council_organization_get_id (org);
          break;
        case COUNCIL_APPLIES_TO_ALL:
        case COUNCIL_APPLIES_TO_N:
        default:
          applies = TRUE;
        }
      if (applies)
        g_ptr_array_add (orgs, g_steal_pointer (&org));
    }
  return orgs;
}

/* ---- scores ---- */

void
council_assessment_score_clear (CouncilAssessmentScore *score)
{
  g_clear_pointer (&score->evidence, g_free);
  g_clear_pointer (&score->scored_by, g_free);
  g_clear_pointer (&score->scored_at, g_free);
  memset (score, 0, sizeof *score);
}

gboolean
council_store_get_assessment_score (CouncilStore *self, gint64 indicator_id, gint64 org_id,
                                    CouncilAssessmentScore *out, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT value, measured_value, evidence, scored_by, scored_at FROM assessment_score "
    "WHERE indicator_id = ? AND org_id = ?", error);
  int rc;

  memset (out, 0, sizeof *out);
  out->value = NAN;
  out->measured = NAN;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  sqlite3_bind_int64 (stmt, 2, org_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->exists = TRUE;
      out->value = sqlite3_column_double (stmt, 0);
      out->measured = column_double_or_nan (stmt, 1);
      out->evidence = council_store_column_text (stmt, 2);
      out->scored_by = council_store_column_text (stmt, 3);
      out->scored_at = council_store_column_text (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error);
  if (out->evidence == NULL)
    {
      out->evidence = g_strdup ("");
      out->scored_by = g_strdup ("");
      out->scored_at = g_strdup ("");
    }
  return TRUE;
}

static char *
org_label (CouncilStore *self, gint64 org_id)
{
  g_autoptr(CouncilOrganization) org = council_store_get_organization (self, org_id, NULL);
  return g_strdup (org ? council_organization_get_display_name (org) : "");
}

/* Bonus and deduction: the organization's other items of the same kind plus
 * this one stay within the scheme's cap. */
static gboolean
check_org_cap (CouncilStore *self, const CouncilAssessmentScheme *scheme, const CouncilIndicator *ind,
               gint64 org_id, double value, GError **error)
{
  sqlite3_stmt *stmt;
  double others = 0, cap;
  g_autofree char *org = NULL, *cap_text = NULL, *others_text = NULL;

  if (ind->kind != COUNCIL_INDICATOR_BONUS && ind->kind != COUNCIL_INDICATOR_DEDUCTION)
    return TRUE;
  stmt = council_store_prepare (self,
    "SELECT coalesce(sum(s.value), 0) FROM assessment_score s JOIN assessment_indicator i ON i.id = s.indicator_id "
    "WHERE s.scheme_id = ? AND s.org_id = ? AND i.kind = ? AND s.indicator_id <> ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scheme->id);
  sqlite3_bind_int64 (stmt, 2, org_id);
  bind_text (stmt, 3, council_indicator_kind_to_string (ind->kind));
  sqlite3_bind_int64 (stmt, 4, ind->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    others = sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);
  cap = ind->kind == COUNCIL_INDICATOR_BONUS ? scheme->bonus_cap : scheme->deduction_cap;
  if (others + value <= cap + 1e-9)
    return TRUE;
  org = org_label (self, org_id);
  cap_text = council_assessment_format_score (cap);
  others_text = council_assessment_format_score (others);
  g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_SCORE,
               ind->kind == COUNCIL_INDICATOR_BONUS
               ? _("%s’s bonus items together may not exceed %s; it already has %s from other items.")
               : _("%s’s deductions together may not exceed %s; it already has %s from other items."),
               org, cap_text, others_text);
  return FALSE;
}

static gboolean
write_score (CouncilStore *self, gint64 scheme_id, gint64 indicator_id, gint64 org_id,
             double value, double measured, gboolean set_measured, const char *evidence, GError **error)
{
  sqlite3_stmt *stmt;

  if (isnan (value) && !set_measured)
    {
      stmt = council_store_prepare (self,
        "DELETE FROM assessment_score WHERE indicator_id = ? AND org_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, indicator_id);
      sqlite3_bind_int64 (stmt, 2, org_id);
      return step_done (self, stmt, scheme_id, error);
    }
  stmt = council_store_prepare (self,
    "INSERT INTO assessment_score (scheme_id, indicator_id, org_id, value, measured_value, evidence, scored_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, coalesce(?6, ''), (SELECT who FROM change ORDER BY id DESC LIMIT 1)) "
    "ON CONFLICT (indicator_id, org_id) DO UPDATE SET value = excluded.value, "
    "measured_value = CASE WHEN ?7 THEN excluded.measured_value ELSE measured_value END, "
    "evidence = coalesce(?6, evidence), scored_by = excluded.scored_by, "
    "scored_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') "
    "WHERE value IS NOT excluded.value OR (?7 AND measured_value IS NOT excluded.measured_value) "
    "OR (?6 IS NOT NULL AND evidence IS NOT ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scheme_id);
  sqlite3_bind_int64 (stmt, 2, indicator_id);
  sqlite3_bind_int64 (stmt, 3, org_id);
  sqlite3_bind_double (stmt, 4, isnan (value) ? 0.0 : round (value * 100.0) / 100.0);
  if (isnan (measured))
    sqlite3_bind_null (stmt, 5);
  else
    sqlite3_bind_double (stmt, 5, measured);
  if (evidence != NULL)
    bind_text (stmt, 6, evidence);
  sqlite3_bind_int (stmt, 7, set_measured);
  return step_done (self, stmt, scheme_id, error);
}

gboolean
council_store_set_assessment_score (CouncilStore *self, gint64 indicator_id, gint64 org_id,
                                    double value, const char *evidence, GError **error)
{
  return council_store_set_assessment_score_over (self, indicator_id, org_id, value, evidence, NULL, error);
}

/* The score there is (NAN for none) must still be what the caller read. */
static gboolean
check_score_unchanged (CouncilStore *self, const CouncilIndicator *ind, gint64 org_id, double expected, GError **error)
{
  CouncilAssessmentScore now;
  gboolean same;
  g_autofree char *org = NULL, *shown = NULL;

  if (!council_store_get_assessment_score (self, ind->id, org_id, &now, error))
    return FALSE;
  same = now.exists ? !isnan (expected) && fabs (now.value - expected) < 0.005 : isnan (expected);
  if (!same)
    {
      org = org_label (self, org_id);
      shown = now.exists ? council_assessment_format_score (now.value) : g_strdup ("—");
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT,
                   _("The score of %s for “%s” was changed elsewhere to %s since the grid was loaded."),
                   org, council_indicator_label (ind), shown);
    }
  council_assessment_score_clear (&now);
  return same;
}

gboolean
council_store_set_assessment_score_over (CouncilStore *self, gint64 indicator_id, gint64 org_id,
                                         double value, const char *evidence, const double *expected,
                                         GError **error)
{
  g_autoptr(CouncilIndicator) ind = get_indicator (self, indicator_id, error);
  g_autoptr(CouncilAssessmentScheme) scheme = NULL;
  g_autofree char *summary = NULL, *org = NULL;
  gboolean ok;

  if (ind == NULL)
    return FALSE;
  scheme = council_store_get_assessment_scheme (self, indicator_scheme (self, indicator_id), error);
  if (scheme == NULL)
    return FALSE;
  if (!isnan (value) && (!council_indicator_check_score (ind, value, error) ||
                         !check_org_cap (self, scheme, ind, org_id, value, error)))
    return FALSE;
  org = org_label (self, org_id);
  summary = g_strdup_printf (isnan (value) ? _("Clear the score of %s for “%s”") : _("Score %s for “%s”"),
                             org, council_indicator_label (ind));
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  ok = (expected == NULL || check_score_unchanged (self, ind, org_id, *expected, error)) &&
       write_score (self, scheme->id, indicator_id, org_id, value, NAN, FALSE, evidence, error);
  return finish_change (self, ok, error);
}

gboolean
council_store_set_assessment_scores (CouncilStore *self, gint64 scheme_id, const CouncilAssessmentEntry *entries,
                                     guint n_entries, const char *summary, GError **error)
{
  g_autoptr(CouncilAssessmentScheme) scheme = council_store_get_assessment_scheme (self, scheme_id, error);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean ok = TRUE;

  if (scheme == NULL)
    return FALSE;
  indicators = council_store_list_assessment_indicators (self, scheme_id, error);
  if (indicators == NULL)
    return FALSE;
  for (guint j = 0; j < indicators->len; j++)
    {
      CouncilIndicator *ind = g_ptr_array_index (indicators, j);
      g_hash_table_insert (by_id, &ind->id, ind);
    }
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  for (guint k = 0; ok && k < n_entries; k++)
    {
      const CouncilAssessmentEntry *e = &entries[k];
      CouncilIndicator *ind = g_hash_table_lookup (by_id, &e->indicator_id);

      if (ind == NULL)
        {
          g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND,
                       _("The indicator no longer exists."));
          ok = FALSE;
          break;
        }
      /* In order, so the caps see the entries written before them. */
      ok = (isnan (e->value) || (council_indicator_check_score (ind, e->value, error) &&
                                 check_org_cap (self, scheme, ind, e->org_id, e->value, error))) &&
           write_score (self, scheme_id, e->indicator_id, e->org_id, e->value, NAN, FALSE, e->evidence, error);
    }
  return finish_change (self, ok, error);
}

gboolean
council_store_set_assessment_measured (CouncilStore *self, gint64 indicator_id, gint64 org_id,
                                       double measured, GError **error)
{
  g_autoptr(CouncilIndicator) ind = get_indicator (self, indicator_id, error);
  g_autoptr(GArray) org_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *summary = NULL, *org = NULL;
  gint64 scheme_id;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  if (ind == NULL)
    return FALSE;
  if (ind->kind != COUNCIL_INDICATOR_RANK)
    {
      g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_SCORE,
                   _("“%s” is not rank-based; type its score instead."), council_indicator_label (ind));
      return FALSE;
    }
  if (!isnan (measured) && !isfinite (measured))
    {
      g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_SCORE, _("Type a number."));
      return FALSE;
    }
  scheme_id = indicator_scheme (self, indicator_id);
  org = org_label (self, org_id);
  summary = g_strdup_printf (_("Measure %s for “%s”"), org, council_indicator_label (ind));
  if (!council_store_begin_change (self, summary, error))
    return FALSE;

  /* This organization's measured value, then every measured one re-ranked. */
  ok = write_score (self, scheme_id, indicator_id, org_id, isnan (measured) ? NAN : 0.0, measured,
                    !isnan (measured), NULL, error);
  if (ok)
    {
      stmt = council_store_prepare (self,
        "SELECT org_id, measured_value FROM assessment_score WHERE indicator_id = ? AND measured_value IS NOT NULL", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, indicator_id);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              gint64 id = sqlite3_column_int64 (stmt, 0);
              double v = sqlite3_column_double (stmt, 1);
              g_array_append_val (org_ids, id);
              g_array_append_val (values, v);
            }
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            ok = council_store_set_sqlite_error (self, rc, error);
        }
    }
  if (ok)
    {
      g_autofree gboolean *has = g_new (gboolean, MAX (values->len, 1));
      g_autofree double *points = g_new (double, MAX (values->len, 1));

      for (guint i = 0; i < values->len; i++)
        has[i] = TRUE;
      council_assessment_rank_points ((double *) (gpointer) values->data, has, values->len,
                                      ind->rank_points, points, NULL);
      for (guint i = 0; ok && i < values->len; i++)
        {
          stmt = council_store_prepare (self,
            "UPDATE assessment_score SET value = ?, scored_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') "
            "WHERE indicator_id = ? AND org_id = ? AND value IS NOT ?1", error);
          ok = stmt != NULL;
          if (ok)
            {
              sqlite3_bind_double (stmt, 1, MIN (points[i], ind->max_score));
              sqlite3_bind_int64 (stmt, 2, indicator_id);
              sqlite3_bind_int64 (stmt, 3, g_array_index (org_ids, gint64, i));
              ok = step_done (self, stmt, scheme_id, error);
            }
        }
    }
  return finish_change (self, ok, error);
}

static gboolean
change_document_link (CouncilStore *self, gint64 indicator_id, gint64 org_id, gint64 document_id,
                      gboolean link, GError **error)
{
  gint64 scheme_id = indicator_scheme (self, indicator_id);
  g_autofree char *summary = NULL, *org = org_label (self, org_id);
  sqlite3_stmt *stmt;
  gboolean ok;

  summary = g_strdup_printf (link ? _("Link a document to the score of %s") : _("Unlink a document from the score of %s"), org);
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  stmt = council_store_prepare (self, link
    ? "INSERT OR IGNORE INTO assessment_score_document (score_id, document_id) "
      "SELECT id, ?3 FROM assessment_score WHERE indicator_id = ?1 AND org_id = ?2"
    : "DELETE FROM assessment_score_document WHERE document_id = ?3 AND score_id = "
      "(SELECT id FROM assessment_score WHERE indicator_id = ?1 AND org_id = ?2)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, indicator_id);
      sqlite3_bind_int64 (stmt, 2, org_id);
      sqlite3_bind_int64 (stmt, 3, document_id);
      ok = step_done (self, stmt, scheme_id, error);
    }
  if (ok && link && sqlite3_changes (council_store_get_db (self)) == 0)
    {
      CouncilAssessmentScore score;
      gboolean exists = council_store_get_assessment_score (self, indicator_id, org_id, &score, NULL) && score.exists;
      council_assessment_score_clear (&score);
      if (!exists)
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ASSESSMENT_FIELD_SCORE,
                       _("Enter the score first; the evidence note belongs to a score."));
          ok = FALSE;
        }
    }
  return finish_change (self, ok, error);
}

gboolean
council_store_link_assessment_document (CouncilStore *self, gint64 indicator_id, gint64 org_id,
                                        gint64 document_id, GError **error)
{
  return change_document_link (self, indicator_id, org_id, document_id, TRUE, error);
}

gboolean
council_store_unlink_assessment_document (CouncilStore *self, gint64 indicator_id, gint64 org_id,
                                          gint64 document_id, GError **error)
{
  return change_document_link (self, indicator_id, org_id, document_id, FALSE, error);
}

GArray *
council_store_list_assessment_documents (CouncilStore *self, gint64 indicator_id, gint64 org_id, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT d.document_id FROM assessment_score_document d JOIN assessment_score s ON s.id = d.score_id "
    "WHERE s.indicator_id = ? AND s.org_id = ? ORDER BY d.id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  sqlite3_bind_int64 (stmt, 2, org_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

CouncilAssessmentMatrix *
council_store_load_assessment_matrix (CouncilStore *self, const CouncilAssessmentScheme *scheme,
                                      GPtrArray *indicators, GPtrArray *orgs, GError **error)
{
  g_autoptr(CouncilAssessmentMatrix) m = NULL;
  g_autoptr(GHashTable) org_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) ind_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_scored = 0;
  sqlite3_stmt *stmt;
  int rc;

  for (guint j = 0; j < indicators->len; j++)
    if (council_indicator_is_scored (g_ptr_array_index (indicators, j)))
      n_scored++;
  m = council_assessment_matrix_new (orgs->len, n_scored);
  m->bonus_cap = scheme->bonus_cap;
  m->deduction_cap = scheme->deduction_cap;
  for (guint i = 0; i < orgs->len; i++)
    {
      m->org_ids[i] = council_organization_get_id (g_ptr_array_index (orgs, i));
      g_hash_table_insert (org_index, &m->org_ids[i], GUINT_TO_POINTER (i + 1));
    }
  for (guint j = 0, c = 0; j < indicators->len; j++)
    {
      CouncilIndicator *ind = g_ptr_array_index (indicators, j);
      if (!council_indicator_is_scored (ind))
        continue;
      m->indicator_ids[c] = ind->id;
      m->kinds[c] = ind->kind;
      m->weights[c] = ind->weight;
      g_hash_table_insert (ind_index, &m->indicator_ids[c], GUINT_TO_POINTER (c + 1));
      c++;
    }

  stmt = council_store_prepare (self,
    "SELECT org_id, indicator_id, value FROM assessment_score WHERE scheme_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scheme->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 org_id = sqlite3_column_int64 (stmt, 0), ind_id = sqlite3_column_int64 (stmt, 1);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (org_index, &org_id));
      guint j = GPOINTER_TO_UINT (g_hash_table_lookup (ind_index, &ind_id));

      if (i > 0 && j > 0)
        m->values[(gsize) (i - 1) * m->n_indicators + (j - 1)] = sqlite3_column_double (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  council_assessment_matrix_recompute (m);
  return g_steal_pointer (&m);
}

/* ---- computed indicators ---- */

static void
period_bounds (const CouncilAssessmentScheme *scheme, char from[16], char to[16])
{
  int y = scheme->year;
  int m0 = 1, m1 = 13;

  switch (scheme->period)
    {
    case COUNCIL_PERIOD_H1: m0 = 1; m1 = 7; break;
    case COUNCIL_PERIOD_H2: m0 = 7; m1 = 13; break;
    case COUNCIL_PERIOD_Q1: m0 = 1; m1 = 4; break;
    case COUNCIL_PERIOD_Q2: m0 = 4; m1 = 7; break;
    case COUNCIL_PERIOD_Q3: m0 = 7; m1 = 10; break;
    case COUNCIL_PERIOD_Q4: m0 = 10; m1 = 13; break;
    case COUNCIL_PERIOD_YEAR:
    case COUNCIL_PERIOD_N:
    default: break;
    }
  g_snprintf (from, 16, "%04d-%02d-01", y, m0);
  if (m1 == 13)
    g_snprintf (to, 16, "%04d-01-01", y + 1);
  else
    g_snprintf (to, 16, "%04d-%02d-01", y, m1);
}

GArray *
council_store_compute_assessment_suggestions (CouncilStore *self, const CouncilAssessmentScheme *scheme,
                                              const CouncilIndicator *ind, GError **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (CouncilAssessmentSuggestion));
  const char *sql;
  sqlite3_stmt *stmt;
  char from[16], to[16];
  int rc;

  switch (ind->source)
    {
    case COUNCIL_COMPUTED_PROJECTS_ON_TIME:
      /* Projects due in the period (not cancelled); on time = completed, with
       * the status change to completed dated on or before the end date. */
      sql = "SELECT p.lead_org_id, count(*), "
            "sum(p.status = 'completed' AND EXISTS (SELECT 1 FROM project_status_change s "
            "  WHERE s.project_id = p.id AND s.status = 'completed' AND s.changed_on <= p.end_date)) "
            "FROM project p WHERE p.end_date >= ?1 AND p.end_date < ?2 AND p.status <> 'cancelled' "
            "GROUP BY p.lead_org_id";
      break;
    case COUNCIL_COMPUTED_ACTIONS_ON_TIME:
      sql = "SELECT owner_org_id, count(*), "
            "sum(status = 'done' AND done_date IS NOT NULL AND done_date <= due_date) "
            "FROM action_item WHERE due_date >= ?1 AND due_date < ?2 AND status <> 'cancelled' "
            "GROUP BY owner_org_id";
      break;
    case COUNCIL_COMPUTED_ATTENDANCE_RATE:
      /* The same rate as the meetings view: present or delegated over recorded. */
      sql = "SELECT a.org_id, count(*), sum(a.status IN ('present', 'delegated')) "
            "FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
            "WHERE m.state IN ('held', 'approved') AND m.starts_at >= ?1 AND m.starts_at < ?2 "
            "GROUP BY a.org_id";
      break;
    case COUNCIL_COMPUTED_NONE:
    case COUNCIL_COMPUTED_N_SOURCES:
    default:
      return g_steal_pointer (&out);
    }
  stmt = council_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  period_bounds (scheme, from, to);
  bind_text (stmt, 1, from);
  bind_text (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CouncilAssessmentSuggestion s = { 0 };

      s.org_id = sqlite3_column_int64 (stmt, 0);
      s.counted = (guint) sqlite3_column_int (stmt, 1);
      s.achieved = (guint) sqlite3_column_int (stmt, 2);
      if (s.counted == 0)
        continue;
      s.rate = (double) s.achieved / s.counted;
      s.suggestion = round (s.rate * ind->max_score * 10.0) / 10.0;
      g_array_append_val (out, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

int
council_store_accept_assessment_suggestions (CouncilStore *self, const CouncilAssessmentScheme *scheme,
                                             const CouncilIndicator *ind, GError **error)
{
  g_autoptr(GArray) suggestions = council_store_compute_assessment_suggestions (self, scheme, ind, error);
  g_autoptr(GPtrArray) orgs = NULL;
  g_autofree char *summary = NULL;
  gboolean ok = TRUE;
  int accepted = 0;

  if (suggestions == NULL)
    return -1;
  orgs = council_store_list_assessment_organizations (self, scheme, error);
  if (orgs == NULL)
    return -1;
  summary = g_strdup_printf (_("Accept the computed scores of “%s”"), council_indicator_label (ind));
  if (!council_store_begin_change (self, summary, error))
    return -1;
  for (guint k = 0; ok && k < suggestions->len; k++)
    {
      CouncilAssessmentSuggestion *s = &g_array_index (suggestions, CouncilAssessmentSuggestion, k);
      CouncilAssessmentScore existing;
      gboolean applies = FALSE;
      g_autofree char *evidence = NULL;

      for (guint i = 0; i < orgs->len && !applies; i++)
        applies = council_organization_get_id (g_ptr_array_index (orgs, i)) == s->org_id;
      if (!applies)
        continue;
      ok = council_store_get_assessment_score (self, ind->id, s->org_id, &existing, error);
      if (!ok)
        break;
      if (!existing.exists)
        {
          evidence = g_strdup_printf (_("Computed: %u of %u (%.0f%%)"), s->achieved, s->counted, s->rate * 100.0);
          ok = write_score (self, scheme->id, ind->id, s->org_id, MIN (s->suggestion, ind->max_score), NAN,
                            FALSE, evidence, error);
          accepted++;
        }
      council_assessment_score_clear (&existing);
    }
  if (!finish_change (self, ok, error))
    return -1;
  return accepted;
}

/* ---- year over year ---- */

GArray *
council_store_assessment_years_of_org (CouncilStore *self, gint64 org_id, GError **error)
{
  g_autoptr(GPtrArray) schemes = council_store_list_assessment_schemes (self, error);
  GArray *years;

  if (schemes == NULL)
    return NULL;
  years = g_array_new (FALSE, TRUE, sizeof (CouncilAssessmentYear));
  g_array_set_clear_func (years, NULL);
  for (guint k = schemes->len; k-- > 0;)
    {
      CouncilAssessmentScheme *scheme = g_ptr_array_index (schemes, k);
      g_autoptr(GPtrArray) indicators = NULL;
      g_autoptr(GPtrArray) orgs = NULL;
      g_autoptr(CouncilAssessmentMatrix) m = NULL;
      CouncilAssessmentYear y = { 0 };
      int i;

      if (scheme->period != COUNCIL_PERIOD_YEAR)
        continue;
      indicators = council_store_list_assessment_indicators (self, scheme->id, error);
      orgs = indicators ? council_store_list_assessment_organizations (self, scheme, error) : NULL;
      m = orgs ? council_store_load_assessment_matrix (self, scheme, indicators, orgs, error) : NULL;
      if (m == NULL)
        {
          g_array_unref (years);
          return NULL;
        }
      i = council_assessment_matrix_find_org (m, org_id);
      if (i < 0 || m->scored[i] == 0)
        continue;
      y.year = scheme->year;
      y.scheme_id = scheme->id;
      y.total = m->totals[i];
      y.rank = m->ranks[i];
      y.n_ranked = m->n_orgs;
      y.band = council_assessment_scheme_grade (scheme, y.total);
      g_array_append_val (years, y);
    }
  return years;
}
