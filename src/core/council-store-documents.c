/* council-store-documents.c: policy documents, their page text and index,
 * search, and links to the records they govern.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "council-pdf-extract.h"
#include "council-store-documents.h"
#include "council-store-private.h"

#define DOC_COLUMNS \
  "d.id, d.version, d.title, d.issuing_body, d.doc_number, d.issue_date, d.kind, d.tags, " \
  "d.page_count, d.sha256, b.size, d.imported_at, d.imported_by"
#define DOC_FROM " FROM document d JOIN pdf_blob b ON b.sha256 = d.sha256 "
/* ?1 issuing body, ?2 kind, ?3 year; NULL / 0 for any. */
#define DOC_FILTER \
  " (?1 IS NULL OR d.issuing_body = ?1) AND (?2 IS NULL OR d.kind = ?2) " \
  " AND (?3 = 0 OR substr(d.issue_date, 1, 4) = printf('%04d', ?3)) "

/* Snippet: this many characters of context before the first hit, and in all. */
#define SNIPPET_BEFORE 24
#define SNIPPET_CHARS 90

static gboolean ensure_document_setup (CouncilStore *self, GError **error);

void
council_document_filter_init (CouncilDocumentFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  filter->any_kind = TRUE;
  filter->kind = COUNCIL_DOCUMENT_KIND_OTHER;
}

static void
bind_filter (sqlite3_stmt *stmt, const CouncilDocumentFilter *filter)
{
  if (filter != NULL && filter->issuing_body != NULL && *filter->issuing_body != '\0')
    sqlite3_bind_text (stmt, 1, filter->issuing_body, -1, SQLITE_TRANSIENT);
  if (filter != NULL && !filter->any_kind)
    sqlite3_bind_text (stmt, 2, council_document_kind_to_string (filter->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, filter ? filter->year : 0);
}

static CouncilDocument *
document_from_row (sqlite3_stmt *stmt)
{
  CouncilDocument *doc = council_document_new ();
  CouncilDocumentKind kind = COUNCIL_DOCUMENT_KIND_OTHER;

  council_document_set_id (doc, sqlite3_column_int64 (stmt, 0));
  council_document_set_version (doc, sqlite3_column_int64 (stmt, 1));
  council_document_set_title (doc, (const char *) sqlite3_column_text (stmt, 2));
  council_document_set_issuing_body (doc, (const char *) sqlite3_column_text (stmt, 3));
  council_document_set_doc_number (doc, (const char *) sqlite3_column_text (stmt, 4));
  council_document_set_issue_date (doc, (const char *) sqlite3_column_text (stmt, 5));
  council_document_kind_from_string ((const char *) sqlite3_column_text (stmt, 6), &kind);
  council_document_set_kind (doc, kind);
  council_document_set_tags (doc, (const char *) sqlite3_column_text (stmt, 7));
  council_document_set_page_count (doc, (guint) sqlite3_column_int (stmt, 8));
  council_document_set_sha256 (doc, (const char *) sqlite3_column_text (stmt, 9));
  council_document_set_size (doc, sqlite3_column_int64 (stmt, 10));
  council_document_set_imported_at (doc, (const char *) sqlite3_column_text (stmt, 11));
  council_document_set_imported_by (doc, (const char *) sqlite3_column_text (stmt, 12));
  return doc;
}

/* Runs @stmt (bound) and appends a CouncilDocument per row. */
static GListStore *
collect_documents (CouncilStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr(GListStore) list = g_list_store_new (COUNCIL_TYPE_DOCUMENT);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CouncilDocument) doc = document_from_row (stmt);
      g_list_store_append (list, doc);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GListStore *
council_store_list_documents (CouncilStore *self, const CouncilDocumentFilter *filter, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COUNCIL_IS_STORE (self), NULL);
  stmt = council_store_prepare (self,
    "SELECT " DOC_COLUMNS DOC_FROM "WHERE " DOC_FILTER
    "ORDER BY d.issue_date DESC, d.id DESC", error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  return collect_documents (self, stmt, error);
}

guint
council_store_count_documents (CouncilStore *self)
{
  sqlite3_stmt *stmt = council_store_prepare (self, "SELECT count(*) FROM document", NULL);
  guint n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

static gboolean
set_not_found (GError **error)
{
  g_set_error_literal (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND,
                       _("The document no longer exists."));
  return FALSE;
}

CouncilDocument *
council_store_get_document (CouncilStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT " DOC_COLUMNS DOC_FROM "WHERE d.id = ?", error);
  g_autoptr(GListStore) list = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  list = collect_documents (self, stmt, error);
  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    return set_not_found (error), NULL;
  return g_list_model_get_item (G_LIST_MODEL (list), 0);
}

/* Looks up the document holding @sha256; *title (optional) gets its title. */
static gint64
find_by_sha256 (CouncilStore *self, const char *sha256, char **title, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT id, title FROM document WHERE sha256 = ?", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (title)
        *title = council_store_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return -1;
    }
  return id;
}

gint64
council_store_find_document_by_sha256 (CouncilStore *self, const char *sha256, GError **error)
{
  return MAX (find_by_sha256 (self, sha256, NULL, error), 0);
}

char **
council_store_list_document_issuing_bodies (CouncilStore *self, GError **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT DISTINCT issuing_body FROM document WHERE issuing_body <> '' ORDER BY issuing_body", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error), NULL;
  return g_strv_builder_end (builder);
}

GArray *
council_store_list_document_years (CouncilStore *self, GError **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT DISTINCT CAST(substr(issue_date, 1, 4) AS INTEGER) AS y FROM document "
    "WHERE issue_date <> '' ORDER BY y DESC", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);
      g_array_append_val (years, year);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error), NULL;
  return g_steal_pointer (&years);
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

static gboolean
step_done (CouncilStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
set_duplicate_error (gint64 id, const char *title, GError **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DUPLICATE,
               /* Translators: the title, then the document's number in the library */
               _("This file is already in the library as “%s” (document %s)."), title, id_text);
  return FALSE;
}

static gboolean
insert_pages (CouncilStore *self, gint64 id, GPtrArray *page_texts, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "INSERT INTO document_page (document_id, page_no, text) VALUES (?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < page_texts->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      sqlite3_bind_text (stmt, 3, g_ptr_array_index (page_texts, i), -1, SQLITE_STATIC);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
insert_document_rows (CouncilStore *self, CouncilDocument *doc, GBytes *pdf,
                      GPtrArray *page_texts, GError **error)
{
  g_autofree char *who = current_user_name ();
  g_autofree char *existing_title = NULL;
  const char *sha256 = council_document_get_sha256 (doc);
  gint64 existing, id;
  sqlite3_stmt *stmt;

  existing = find_by_sha256 (self, sha256, &existing_title, error);
  if (existing < 0)
    return 0;
  if (existing > 0)
    return set_duplicate_error (existing, existing_title, error), 0;

  stmt = council_store_prepare (self,
    "INSERT OR IGNORE INTO pdf_blob (sha256, size, bytes) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) g_bytes_get_size (pdf));
  sqlite3_bind_blob64 (stmt, 3, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return 0;

  stmt = council_store_prepare (self,
    "INSERT INTO document (title, issuing_body, doc_number, issue_date, kind, tags, page_count, "
    "sha256, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, council_document_get_title (doc), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, council_document_get_issuing_body (doc), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, council_document_get_doc_number (doc), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, council_document_get_issue_date (doc), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, council_document_kind_to_string (council_document_get_kind (doc)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, council_document_get_tags (doc), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, (int) page_texts->len);
  sqlite3_bind_text (stmt, 8, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, who, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (council_store_get_db (self));
  if (!insert_pages (self, id, page_texts, error))
    return 0;
  return id;
}

gint64
council_store_insert_document (CouncilStore *self, CouncilDocument *doc, GBytes *pdf,
                               GPtrArray *page_texts, GError **error)
{
  g_autofree char *summary = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(CouncilDocument) stored = NULL;
  gint64 id;

  g_return_val_if_fail (COUNCIL_IS_STORE (self), 0);
  g_return_val_if_fail (COUNCIL_IS_DOCUMENT (doc), 0);
  g_return_val_if_fail (pdf != NULL && page_texts != NULL, 0);
  if (!ensure_document_setup (self, error))
    return 0;

  if (g_bytes_get_size (pdf) == 0)
    {
      g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_EMPTY,
                           _("The file is empty (0 bytes)."));
      return 0;
    }
  if (!council_document_validate (doc, error))
    return 0;
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  council_document_set_sha256 (doc, sha256);

  summary = g_strdup_printf (_("Import document “%s”"), council_document_get_title (doc));
  if (!council_store_begin_change (self, summary, error))
    return 0;
  id = insert_document_rows (self, doc, pdf, page_texts, error);
  if (id == 0)
    {
      council_store_rollback_change (self);
      return 0;
    }
  if (!council_store_commit_change (self, error))
    return 0;

  stored = council_store_get_document (self, id, NULL);
  council_document_set_id (doc, id);
  council_document_set_version (doc, 1);
  council_document_set_size (doc, (gint64) g_bytes_get_size (pdf));
  council_document_set_page_count (doc, page_texts->len);
  if (stored != NULL)
    {
      council_document_set_imported_at (doc, council_document_get_imported_at (stored));
      council_document_set_imported_by (doc, council_document_get_imported_by (stored));
    }
  council_store_emit_changed (self, "document");
  return id;
}

gboolean
council_store_save_document (CouncilStore *self, CouncilDocument *doc, GError **error)
{
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COUNCIL_IS_DOCUMENT (doc), FALSE);
  if (!council_document_validate (doc, error))
    return FALSE;
  summary = g_strdup_printf (_("Edit document “%s”"), council_document_get_title (doc));
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  stmt = council_store_prepare (self,
    "UPDATE document SET title = ?, issuing_body = ?, doc_number = ?, issue_date = ?, kind = ?, "
    "tags = ?, version = version + 1 WHERE id = ? AND version = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, council_document_get_title (doc), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, council_document_get_issuing_body (doc), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, council_document_get_doc_number (doc), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, council_document_get_issue_date (doc), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, council_document_kind_to_string (council_document_get_kind (doc)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, council_document_get_tags (doc), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, council_document_get_id (doc));
  sqlite3_bind_int64 (stmt, 8, council_document_get_version (doc));
  if (!step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (council_store_get_db (self)) == 0)
    {
      g_autoptr(GError) missing = NULL;
      g_autoptr(CouncilDocument) current = council_store_get_document (self, council_document_get_id (doc), &missing);

      if (current == NULL)
        set_not_found (error);
      else
        g_set_error_literal (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT,
                             _("Someone else changed this document since it was opened; reload it and make the change again."));
      goto fail;
    }
  if (!council_store_commit_change (self, error))
    return FALSE;
  council_document_set_version (doc, council_document_get_version (doc) + 1);
  council_store_emit_changed (self, "document");
  return TRUE;

fail:
  council_store_rollback_change (self);
  return FALSE;
}

gboolean
council_store_delete_document (CouncilStore *self, gint64 id, GError **error)
{
  g_autoptr(CouncilDocument) doc = council_store_get_document (self, id, error);
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  if (doc == NULL)
    return FALSE;
  summary = g_strdup_printf (_("Delete document “%s”"), council_document_get_title (doc));
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  /* The page text and the bytes have no history, so undo could not bring them back. */
  if (!council_store_exec (self, "UPDATE change SET undoable = 0 WHERE id = (SELECT max(id) FROM change)", error))
    goto fail;
  stmt = council_store_prepare (self, "DELETE FROM document WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error))
    goto fail;
  if (!council_store_commit_change (self, error))
    return FALSE;
  council_store_emit_changed (self, "document");
  return TRUE;

fail:
  council_store_rollback_change (self);
  return FALSE;
}

GBytes *
council_store_get_document_pdf (CouncilStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT b.bytes FROM document d JOIN pdf_blob b ON b.sha256 = d.sha256 WHERE d.id = ?", error);
  GBytes *bytes = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    set_not_found (error);
  else if (rc != SQLITE_ROW)
    council_store_set_sqlite_error (self, rc, error);
  return bytes;
}

char *
council_store_get_document_page_text (CouncilStore *self, gint64 id, guint page_no, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT text FROM document_page WHERE document_id = ? AND page_no = ?", error);
  char *text = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, (int) page_no);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = council_store_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND,
                 _("The document has no page %u."), page_no);
  else if (rc != SQLITE_ROW)
    council_store_set_sqlite_error (self, rc, error);
  return text;
}

/* ---- search ---- */

static gboolean
has_ascii_letter (const char *text)
{
  for (const char *p = text; *p; p++)
    if (g_ascii_isalpha (*p))
      return TRUE;
  return FALSE;
}

/* The next occurrence of @needle in @hay (Latin letters folded when @fold). */
static const char *
find_occurrence (const char *hay, gsize hay_len, const char *needle, gsize needle_len, gboolean fold)
{
  if (needle_len == 0 || hay_len < needle_len)
    return NULL;
  if (!fold)
    return memmem (hay, hay_len, needle, needle_len);
  for (gsize i = 0; i + needle_len <= hay_len; i++)
    if (g_ascii_strncasecmp (hay + i, needle, needle_len) == 0)
      return hay + i;
  return NULL;
}

/* council_occurrences(text, needle, fold): how often the phrase is on the page. */
static void
sql_occurrences (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *hay = (const char *) sqlite3_value_text (argv[0]);
  gsize hay_len = (gsize) sqlite3_value_bytes (argv[0]);
  const char *needle = (const char *) sqlite3_value_text (argv[1]);
  gsize needle_len = (gsize) sqlite3_value_bytes (argv[1]);
  gboolean fold = sqlite3_value_int (argv[2]) != 0;
  const char *end, *p;
  sqlite3_int64 n = 0;

  if (hay == NULL || needle == NULL || needle_len == 0)
    {
      sqlite3_result_int (ctx, 0);
      return;
    }
  end = hay + hay_len;
  for (p = hay; (p = find_occurrence (p, (gsize) (end - p), needle, needle_len, fold)) != NULL; p += needle_len)
    n++;
  sqlite3_result_int64 (ctx, n);
}

static gboolean
ensure_document_setup (CouncilStore *self, GError **error)
{
  int rc;

  if (g_object_get_data (G_OBJECT (self), "council-document-setup") != NULL)
    return TRUE;
  /* The trigram index of a 100-page file is built in the page cache; the
   * default 2 MB makes it spill and costs a quarter of the indexing time. */
  if (!council_store_exec (self, "PRAGMA cache_size = -32768", error))
    return FALSE;
  rc = sqlite3_create_function_v2 (council_store_get_db (self), "council_occurrences", 3,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, sql_occurrences, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return council_store_set_sqlite_error (self, rc, error);
  g_object_set_data (G_OBJECT (self), "council-document-setup", GINT_TO_POINTER (1));
  return TRUE;
}

/* Moves @p back or forward by up to @n characters within [start, end). */
static const char *
skip_chars (const char *p, const char *start, const char *end, int n)
{
  for (; n < 0 && p > start; n++)
    p = g_utf8_find_prev_char (start, p);
  for (; n > 0 && p < end; n--)
    p = g_utf8_next_char (p);
  return p ? p : start;
}

/* A window of the page around the first occurrence, every occurrence in it
 * marked «…». */
static char *
make_snippet (const char *text, const char *query, gboolean fold)
{
  gsize len = strlen (text), qlen = strlen (query);
  const char *end = text + len;
  const char *hit = find_occurrence (text, len, query, qlen, fold);
  const char *from, *to, *p;
  GString *out = g_string_new (NULL);

  if (hit == NULL)
    hit = text;
  from = skip_chars (hit, text, end, -SNIPPET_BEFORE);
  to = skip_chars (from, text, end, SNIPPET_CHARS);
  if (to < hit + qlen && hit + qlen <= end)
    to = hit + qlen;
  if (from > text)
    g_string_append (out, "…");
  p = from;
  while (p < to)
    {
      const char *next = find_occurrence (p, (gsize) (to - p), query, qlen, fold);
      if (next == NULL)
        {
          g_string_append_len (out, p, to - p);
          break;
        }
      g_string_append_len (out, p, next - p);
      g_string_append (out, COUNCIL_HIT_MARK_START);
      g_string_append_len (out, next, (gssize) qlen);
      g_string_append (out, COUNCIL_HIT_MARK_END);
      p = next + qlen;
    }
  if (to < end)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* A query is a phrase: FTS5 sees one double-quoted string, quotes doubled. */
static char *
fts_phrase (const char *query)
{
  GString *phrase = g_string_new ("\"");

  for (const char *p = query; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');
  return g_string_free (phrase, FALSE);
}

static gboolean
filter_is_empty (const CouncilDocumentFilter *filter)
{
  return filter == NULL || ((filter->issuing_body == NULL || *filter->issuing_body == '\0') &&
                            filter->any_kind && filter->year == 0);
}

GListStore *
council_store_search_documents (CouncilStore *self, const char *query,
                                const CouncilDocumentFilter *filter,
                                guint limit, guint offset, GError **error)
{
  g_autoptr(GListStore) hits = g_list_store_new (COUNCIL_TYPE_DOCUMENT_HIT);
  g_autofree char *phrase = council_document_normalize_text (query);
  g_autofree char *match = NULL;
  gboolean fold = has_ascii_letter (phrase);
  gboolean trigram = g_utf8_strlen (phrase, -1) >= COUNCIL_SEARCH_TRIGRAM_MIN_CHARS;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (COUNCIL_IS_STORE (self), NULL);
  if (*phrase == '\0')
    return g_steal_pointer (&hits);
  if (!ensure_document_setup (self, error))
    return NULL;
  if (limit == 0)
    limit = COUNCIL_SEARCH_DEFAULT_LIMIT;

  if (trigram && filter_is_empty (filter))
    /* Ranked and cut to one screen inside the index first, then joined: a
     * common phrase matches thousands of pages, and joining them all before
     * the LIMIT costs more than the ranking. */
    stmt = council_store_prepare (self,
      "SELECT p.document_id, d.title, p.page_no, p.text, f.r FROM "
      "  (SELECT rowid, bm25(document_page_fts) AS r FROM document_page_fts "
      "   WHERE document_page_fts MATCH ?4 ORDER BY r, rowid LIMIT ?5 OFFSET ?6) f "
      "JOIN document_page p ON p.id = f.rowid JOIN document d ON d.id = p.document_id "
      "WHERE ?1 IS NULL AND ?2 IS NULL AND ?3 = 0 "
      "ORDER BY f.r, f.rowid", error);
  else if (trigram)
    stmt = council_store_prepare (self,
      "SELECT p.document_id, d.title, p.page_no, p.text, bm25(document_page_fts) AS r "
      "FROM document_page_fts JOIN document_page p ON p.id = document_page_fts.rowid "
      "JOIN document d ON d.id = p.document_id "
      "WHERE document_page_fts MATCH ?4 AND " DOC_FILTER
      "ORDER BY r, p.id LIMIT ?5 OFFSET ?6", error);
  else
    /* The trigram index matches nothing shorter than 3 characters: scan the
     * same text, once, counting occurrences as it goes (no LIKE: nothing to
     * escape, and no second pass to rank); pages that mention the term most
     * come first. The CTE is materialised so that the count is not computed
     * again for the ORDER BY. */
    stmt = council_store_prepare (self,
      "WITH counted AS MATERIALIZED ("
      "  SELECT p.id, p.document_id, p.page_no, d.title, d.issue_date, "
      "         council_occurrences(p.text, ?4, ?7) AS n "
      "  FROM document d JOIN document_page p ON p.document_id = d.id "
      "  WHERE " DOC_FILTER ") "
      "SELECT c.document_id, c.title, c.page_no, p.text, -c.n AS r "
      "FROM (SELECT * FROM counted WHERE n > 0 "
      "      ORDER BY n DESC, issue_date DESC, document_id, page_no LIMIT ?5 OFFSET ?6) c "
      "JOIN document_page p ON p.id = c.id "
      "ORDER BY r, c.issue_date DESC, c.document_id, c.page_no", error);
  if (stmt == NULL)
    return NULL;

  bind_filter (stmt, filter);
  match = trigram ? fts_phrase (phrase) : g_strdup (phrase);
  sqlite3_bind_text (stmt, 4, match, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, (int) MIN (limit, G_MAXINT));
  sqlite3_bind_int (stmt, 6, (int) MIN (offset, G_MAXINT));
  if (!trigram)
    sqlite3_bind_int (stmt, 7, fold);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *snippet = make_snippet ((const char *) sqlite3_column_text (stmt, 3), phrase, fold);
      g_autoptr(CouncilDocumentHit) hit =
        council_document_hit_new (sqlite3_column_int64 (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 1),
                                  (guint) sqlite3_column_int (stmt, 2), snippet,
                                  sqlite3_column_double (stmt, 4));
      g_list_store_append (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error), NULL;
  return g_steal_pointer (&hits);
}

/* ---- links ---- */

static gboolean
target_exists (CouncilStore *self, CouncilLinkTarget target, gint64 target_id, GError **error)
{
  const char *table = council_link_target_to_string (target);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean exists;

  /* Projects, meetings and indicators come with later migrations: where the
   * table is not there yet, there is nothing to check against. */
  stmt = council_store_prepare (self, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!exists)
    return TRUE;

  /* The table name comes from the fixed list in council-document.c. */
  sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?", table);
  stmt = council_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target_id);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!exists)
    g_set_error_literal (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND,
                         _("The record to link the document to no longer exists."));
  return exists;
}

static gboolean
change_link (CouncilStore *self, gboolean add, gint64 document_id, CouncilLinkTarget target,
             gint64 target_id, GError **error)
{
  g_autoptr(CouncilDocument) doc = council_store_get_document (self, document_id, error);
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (target < COUNCIL_LINK_N_TARGETS, FALSE);
  if (doc == NULL || (add && !target_exists (self, target, target_id, error)))
    return FALSE;
  summary = g_strdup_printf (add ? _("Link document “%s”") : _("Unlink document “%s”"),
                             council_document_get_title (doc));
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  stmt = council_store_prepare (self, add
    ? "INSERT OR IGNORE INTO document_link (document_id, target_table, target_id, organization_id) "
      "VALUES (?1, ?2, ?3, CASE WHEN ?2 = 'organization' THEN ?3 END)"
    : "DELETE FROM document_link WHERE document_id = ?1 AND target_table = ?2 AND target_id = ?3",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_text (stmt, 2, council_link_target_to_string (target), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, target_id);
  if (!step_done (self, stmt, error))
    goto fail;
  if (!council_store_commit_change (self, error))
    return FALSE;
  council_store_emit_changed (self, "document_link");
  return TRUE;

fail:
  council_store_rollback_change (self);
  return FALSE;
}

gboolean
council_store_add_document_link (CouncilStore *self, gint64 document_id, CouncilLinkTarget target,
                                 gint64 target_id, GError **error)
{
  return change_link (self, TRUE, document_id, target, target_id, error);
}

gboolean
council_store_remove_document_link (CouncilStore *self, gint64 document_id, CouncilLinkTarget target,
                                    gint64 target_id, GError **error)
{
  return change_link (self, FALSE, document_id, target, target_id, error);
}

GArray *
council_store_list_document_links (CouncilStore *self, gint64 document_id, GError **error)
{
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (CouncilDocumentLink));
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT target_table, target_id FROM document_link WHERE document_id = ? "
    "ORDER BY target_table, target_id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CouncilDocumentLink link = { document_id, COUNCIL_LINK_ORGANIZATION, sqlite3_column_int64 (stmt, 1) };

      if (council_link_target_from_string ((const char *) sqlite3_column_text (stmt, 0), &link.target))
        g_array_append_val (links, link);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error), NULL;
  return g_steal_pointer (&links);
}

GListStore *
council_store_list_linked_documents (CouncilStore *self, CouncilLinkTarget target, gint64 target_id,
                                     GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT " DOC_COLUMNS DOC_FROM
    "WHERE d.id IN (SELECT document_id FROM document_link WHERE target_table = ? AND target_id = ?) "
    "ORDER BY d.issue_date DESC, d.id DESC", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, council_link_target_to_string (target), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, target_id);
  return collect_documents (self, stmt, error);
}
