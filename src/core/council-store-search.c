/* council-store-search.c: the global search, one function per kind of record.
 *
 * Each returns at most @limit CouncilRecordRef*s. Projects and document text
 * go through their own indexes (FTS5 trigram, with the short-query fallback);
 * the other kinds are small enough, or short enough text, for LIKE.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-store"

#include "config.h"

#include <glib/gi18n.h>

#include "council-document.h"
#include "council-store-documents.h"
#include "council-store-overview.h"
#include "council-store-private.h"
#include "council-store-projects.h"

static char *
like_pattern (const char *text)
{
  GString *out = g_string_new ("%");

  for (const char *c = text; *c; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

static const char *
column_text (sqlite3_stmt *stmt, int col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  return text ? text : "";
}

static const char *
pick_name (sqlite3_stmt *stmt, int zh_col, int en_col, gboolean chinese)
{
  const char *en = column_text (stmt, en_col);
  return chinese || *en == '\0' ? column_text (stmt, zh_col) : en;
}

/* Runs a prepared LIKE query (?1 pattern, ?2 limit) whose rows are
 * id, title_zh, title_en, detail_zh, detail_en, date. */
static GPtrArray *
collect (CouncilStore *self, sqlite3_stmt *stmt, CouncilRecordKind kind, const char *query,
         gboolean chinese, guint limit, GError **error)
{
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func ((GDestroyNotify) council_record_ref_free);
  g_autofree char *pattern = like_pattern (query);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (refs, council_record_ref_new (kind, sqlite3_column_int64 (stmt, 0),
                                                   pick_name (stmt, 1, 2, chinese),
                                                   pick_name (stmt, 3, 4, chinese),
                                                   column_text (stmt, 5)));
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&refs);
}

GPtrArray *
council_store_search_organizations (CouncilStore *self, const char *query, gboolean chinese,
                                    guint limit, GError **error)
{
  return collect (self, council_store_prepare (self,
    "SELECT id, name_zh, name_en, contact_person, contact_person, '' FROM organization "
    "WHERE name_zh LIKE ?1 ESCAPE '\\' OR name_en LIKE ?1 ESCAPE '\\' "
    "OR short_name LIKE ?1 ESCAPE '\\' OR contact_person LIKE ?1 ESCAPE '\\' "
    "OR phone LIKE ?1 ESCAPE '\\' OR email LIKE ?1 ESCAPE '\\' "
    "ORDER BY retired, sort_order, id LIMIT ?2", error),
    COUNCIL_RECORD_ORGANIZATION, query, chinese, limit, error);
}

GPtrArray *
council_store_search_meetings (CouncilStore *self, const char *query, gboolean chinese,
                               guint limit, GError **error)
{
  /* A meeting without its own title is known by its kind. */
  return collect (self, council_store_prepare (self,
    "SELECT m.id, CASE WHEN m.title = '' THEN k.name_zh ELSE m.title END, "
    "CASE WHEN m.title = '' THEN k.name_en ELSE m.title END, m.place, m.place, "
    "substr(m.starts_at, 1, 10) FROM meeting m JOIN meeting_kind k ON k.id = m.kind_id "
    "WHERE m.title LIKE ?1 ESCAPE '\\' OR m.place LIKE ?1 ESCAPE '\\' "
    "ORDER BY m.starts_at DESC, m.id DESC LIMIT ?2", error),
    COUNCIL_RECORD_MEETING, query, chinese, limit, error);
}

GPtrArray *
council_store_search_action_items (CouncilStore *self, const char *query, gboolean chinese,
                                   guint limit, GError **error)
{
  /* Pending items first: those are the ones people look for. */
  return collect (self, council_store_prepare (self,
    "SELECT a.id, a.text, a.text, o.name_zh, o.name_en, a.due_date FROM action_item a "
    "JOIN organization o ON o.id = a.owner_org_id WHERE a.text LIKE ?1 ESCAPE '\\' "
    "ORDER BY a.status IN ('done', 'cancelled'), a.due_date, a.id LIMIT ?2", error),
    COUNCIL_RECORD_ACTION_ITEM, query, chinese, limit, error);
}

GPtrArray *
council_store_search_indicators (CouncilStore *self, const char *query, gboolean chinese,
                                 guint limit, GError **error)
{
  /* Names and scoring guides; the newest scheme first, then the tree order.
   * The second line names the scheme and the category. */
  return collect (self, council_store_prepare (self,
    "SELECT i.id, i.name_zh, i.name_en, "
    "s.title || coalesce(' · ' || c.name_zh, ''), "
    "s.title || coalesce(' · ' || CASE WHEN c.name_en = '' THEN c.name_zh ELSE c.name_en END, ''), '' "
    "FROM assessment_indicator i JOIN assessment_scheme s ON s.id = i.scheme_id "
    "LEFT JOIN assessment_indicator c ON c.id = i.parent_id "
    "WHERE i.name_zh LIKE ?1 ESCAPE '\\' OR i.name_en LIKE ?1 ESCAPE '\\' OR i.guide LIKE ?1 ESCAPE '\\' "
    "ORDER BY s.year DESC, s.period, coalesce(c.position, i.position), coalesce(c.id, i.id), "
    "i.parent_id IS NOT NULL, i.position, i.id LIMIT ?2", error),
    COUNCIL_RECORD_INDICATOR, query, chinese, limit, error);
}

gint64
council_store_find_indicator_scheme (CouncilStore *self, gint64 indicator_id, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT scheme_id FROM assessment_indicator WHERE id = ?", error);
  gint64 scheme_id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    scheme_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return scheme_id;
  if (rc == SQLITE_DONE)
    g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND,
                 _("The assessment indicator no longer exists."));
  else
    council_store_set_sqlite_error (self, rc, error);
  return -1;
}

GPtrArray *
council_store_search_projects (CouncilStore *self, const char *query, gboolean chinese,
                               guint limit, GError **error)
{
  CouncilProjectFilter filter = COUNCIL_PROJECT_FILTER_INIT;
  g_autoptr(GListStore) projects = NULL;
  GPtrArray *refs;
  guint n;

  filter.search = query;
  projects = council_store_list_projects (self, &filter, COUNCIL_PROJECT_SORT_CODE, FALSE, 0, limit, error);
  if (projects == NULL)
    return NULL;
  refs = g_ptr_array_new_with_free_func ((GDestroyNotify) council_record_ref_free);
  n = g_list_model_get_n_items (G_LIST_MODEL (projects));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (projects), i);
      const char *en = council_project_get_title_en (p);
      const char *title = chinese || en == NULL || *en == '\0' ? council_project_get_title_zh (p) : en;

      g_ptr_array_add (refs, council_record_ref_new (COUNCIL_RECORD_PROJECT, council_project_get_id (p),
                                                     title, council_project_get_code (p), ""));
    }
  return refs;
}

GPtrArray *
council_store_search_document_text (CouncilStore *self, const char *query, gboolean chinese,
                                    guint limit, GError **error)
{
  g_autoptr(GListStore) hits = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *refs;
  guint n;

  /* Hits are pages: a few more than asked for, one entry per document. */
  hits = council_store_search_documents (self, query, NULL, limit * 4, 0, error);
  if (hits == NULL)
    return NULL;
  refs = g_ptr_array_new_with_free_func ((GDestroyNotify) council_record_ref_free);
  n = g_list_model_get_n_items (G_LIST_MODEL (hits));
  for (guint i = 0; i < n && refs->len < limit; i++)
    {
      g_autoptr(CouncilDocumentHit) hit = g_list_model_get_item (G_LIST_MODEL (hits), i);
      CouncilRecordRef *ref;

      if (g_hash_table_contains (seen, &(gint64) { council_document_hit_get_document_id (hit) }))
        continue;
      ref = council_record_ref_new (COUNCIL_RECORD_DOCUMENT, council_document_hit_get_document_id (hit),
                                    council_document_hit_get_title (hit),
                                    council_document_hit_get_snippet (hit), "");
      g_hash_table_add (seen, &ref->id);
      g_ptr_array_add (refs, ref);
    }
  return refs;
}
