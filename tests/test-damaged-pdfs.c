/* test-damaged-pdfs.c: damaged PDFs through the real import path.
 *
 * Three PDFs are made with cairo (the demo writer: Chinese and English text
 * on a few pages); from them 300 damaged variants are derived,
 * deterministically: truncated at many offsets, bytes flipped, the xref table
 * broken or removed, startxref pointing elsewhere, a page tree claiming
 * 1,000,000 pages (in place and as a well-formed incremental update), arrays
 * and dictionaries nested thousands deep, a zero-length file, content streams
 * replaced by garbage, a header alone, random bytes. Each goes through
 * council_document_import_file(), which reads the PDF in the worker process
 * (council-desk --pdf-worker). For each:
 *   - this process carries on (it is the importing process: it never dies);
 *   - a failure is a GError with a message, and the database files (main
 *     file and WAL) are byte for byte what they were, the row counts of
 *     documents, pages, full-text index, blobs, changes and history too;
 *   - a success is a real document: one change, its pages in the page table
 *     and the full-text index, the blob the file's bytes, and the store
 *     consistent (history equal to the data).
 *
 * COUNCIL_DAMAGED_PDF_COUNT lowers the count (the sanitizer run uses it);
 * the default is 300.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "council-demo.h"
#include "council-document-import.h"
#include "council-store-documents.h"
#include "council-test-helpers.h"

#define DEFAULT_VARIANTS 300
#define VARIANTS_PER_DATABASE 50

static const char * const pages_a[] = {
  "关于开展2026年度职工技能提升培训的通知\n渝群发〔2026〕12号\n各区县总工会：为贯彻落实……",
  "Notice on the 2026 workers' skills training programme.\n第二页 培训安排 Training schedule",
  "附件：报名表 Annex: registration form\n联系人 张三 023-61234567",
  NULL,
};
static const char * const pages_b[] = {
  "共青团重庆市委 妇联 残联联合工作方案\nJoint work plan of the mass organizations",
  "一、工作目标 Objectives\n二、工作措施 Measures\n三、保障措施",
  NULL,
};
static const char * const pages_c[] = {
  "会议纪要 Minutes of the council meeting\n出席：各成员单位负责同志",
  "议定事项 Decisions: 1. 2. 3.\n𠀀𪚥 rare characters and emoji 🎉",
  "下一步工作 Next steps\n督办事项 Action items",
  "抄送：市委办公厅 Copied to the general office",
  NULL,
};

typedef struct
{
  char *name;
  GBytes *bytes;
} Variant;

static void
variant_free (gpointer data)
{
  Variant *v = data;

  g_free (v->name);
  g_bytes_unref (v->bytes);
  g_free (v);
}

static void
add_variant (GPtrArray *out, char *name, GByteArray *bytes)
{
  Variant *v = g_new0 (Variant, 1);

  v->name = name;
  v->bytes = g_byte_array_free_to_bytes (bytes);
  g_ptr_array_add (out, v);
}

static GByteArray *
copy_of (GBytes *base)
{
  GByteArray *a = g_byte_array_new ();
  gsize len;
  const guint8 *data = g_bytes_get_data (base, &len);

  g_byte_array_append (a, data, (guint) len);
  return a;
}

/* The offset of the last occurrence of @needle, or -1. */
static gssize
find_last (const GByteArray *a, const char *needle)
{
  gsize n = strlen (needle);

  for (gssize i = (gssize) a->len - (gssize) n; i >= 0; i--)
    if (memcmp (a->data + i, needle, n) == 0)
      return i;
  return -1;
}

static gssize
find_first (const GByteArray *a, gsize from, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = from; i + n <= a->len; i++)
    if (memcmp (a->data + i, needle, n) == 0)
      return (gssize) i;
  return -1;
}

static void
replace_range (GByteArray *a, gsize at, gsize len, const char *with)
{
  g_byte_array_remove_range (a, (guint) at, (guint) len);
  g_array_insert_vals ((GArray *) a, (guint) at, with, (guint) strlen (with));
}

/* The object number and text ("N 0 obj … endobj") of the first object whose
 * dictionary contains @key; FALSE when there is none. */
static gboolean
find_object (const GByteArray *a, const char *key, guint *number, char **text)
{
  gssize at = find_first (a, 0, key);
  gssize start, end;

  if (at < 0)
    return FALSE;
  for (start = at; start > 0; start--)
    if (memcmp (a->data + start, " 0 obj", 6) == 0)
      break;
  if (start == 0)
    return FALSE;
  while (start > 0 && g_ascii_isdigit (a->data[start - 1]))
    start--;
  end = find_first (a, (gsize) at, "endobj");
  if (end < 0)
    return FALSE;
  *number = (guint) g_ascii_strtoull ((const char *) a->data + start, NULL, 10);
  *text = g_strndup ((const char *) a->data + start, (gsize) (end - start) + strlen ("endobj"));
  return TRUE;
}

/* A trailer value ("/Size 12", "/Root 1 0 R") of the file's last trailer. */
static char *
trailer_value (const GByteArray *a, const char *key)
{
  gssize trailer = find_last (a, "trailer");
  gssize at = trailer >= 0 ? find_first (a, (gsize) trailer, key) : -1;
  const char *p;
  gsize n = 0;

  if (at < 0)
    return NULL;
  p = (const char *) a->data + at + strlen (key);
  while (*p == ' ')
    p++;
  while (p[n] != '/' && p[n] != '>' && p[n] != '\n' && p[n] != '\r')
    n++;
  return g_strstrip (g_strndup (p, n));
}

/* Appends a well-formed incremental update that replaces object @number with
 * @object_body ("<< … >>"): new xref section, trailer with /Prev, startxref. */
static void
append_update (GByteArray *a, guint number, const char *object_body)
{
  g_autofree char *size = trailer_value (a, "/Size");
  g_autofree char *root = trailer_value (a, "/Root");
  gssize startxref = find_last (a, "startxref");
  guint64 prev = startxref >= 0 ? g_ascii_strtoull ((const char *) a->data + startxref + 10, NULL, 10) : 0;
  g_autoptr(GString) update = g_string_new ("\n");
  gsize object_at;

  g_assert_nonnull (size);
  g_assert_nonnull (root);
  object_at = a->len + 1;
  g_string_append_printf (update, "%u 0 obj\n%s\nendobj\n", number, object_body);
  {
    gsize xref_at = a->len + update->len;

    g_string_append_printf (update, "xref\n0 1\n0000000000 65535 f \n%u 1\n%010" G_GSIZE_FORMAT " 00000 n \n"
                            "trailer\n<< /Size %s /Root %s /Prev %" G_GUINT64_FORMAT " >>\nstartxref\n%"
                            G_GSIZE_FORMAT "\n%%%%EOF\n",
                            number, object_at, size, root, prev, xref_at);
  }
  g_byte_array_append (a, (const guint8 *) update->str, (guint) update->len);
}

static char *
nested (const char *open, const char *close, guint depth, const char *inner)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (s, open);
  g_string_append (s, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (s, close);
  return g_string_free (s, FALSE);
}

/* ---- the damage ---- */

static void
truncated (GPtrArray *out, GBytes *base, GRand *rand, const char *base_name)
{
  g_autoptr(GByteArray) a = copy_of (base);
  /* Short prefixes, the middle, and just before the end (the trailer). */
  guint mode = (guint) g_rand_int_range (rand, 0, 3);
  gsize at = mode == 0 ? (gsize) g_rand_int_range (rand, 1, 200)
           : mode == 1 ? (gsize) g_rand_int_range (rand, 200, (gint32) a->len - 200)
                       : a->len - (gsize) g_rand_int_range (rand, 1, 200);

  g_byte_array_set_size (a, (guint) at);
  add_variant (out, g_strdup_printf ("%s truncated at %" G_GSIZE_FORMAT, base_name, at), g_steal_pointer (&a));
}

static void
flipped (GPtrArray *out, GBytes *base, GRand *rand, const char *base_name)
{
  g_autoptr(GByteArray) a = copy_of (base);
  guint n = (guint) g_rand_int_range (rand, 1, 64);

  for (guint i = 0; i < n; i++)
    a->data[g_rand_int_range (rand, 0, (gint32) a->len)] ^= (guint8) g_rand_int_range (rand, 1, 256);
  add_variant (out, g_strdup_printf ("%s with %u bytes flipped", base_name, n), g_steal_pointer (&a));
}

static void
xref_broken (GPtrArray *out, GBytes *base, GRand *rand, const char *base_name)
{
  g_autoptr(GByteArray) a = copy_of (base);
  gssize xref = find_last (a, "\nxref\n") + 1;   /* not the one in "startxref" */
  gssize trailer = find_last (a, "trailer");
  guint mode = (guint) g_rand_int_range (rand, 0, 3);

  g_assert_cmpint (xref, >, 0);
  g_assert_cmpint (trailer, >, xref);
  if (mode == 0)
    {
      /* Entries pointing to the wrong places (digits changed, lengths kept). */
      for (gssize i = xref + 5; i < trailer; i++)
        if (g_ascii_isdigit (a->data[i]) && g_rand_int_range (rand, 0, 4) == 0)
          a->data[i] = (guint8) ('0' + g_rand_int_range (rand, 0, 10));
      add_variant (out, g_strdup_printf ("%s with xref offsets scrambled", base_name), g_steal_pointer (&a));
    }
  else if (mode == 1)
    {
      g_byte_array_remove_range (a, (guint) xref, (guint) (trailer - xref));
      add_variant (out, g_strdup_printf ("%s with the xref table removed", base_name), g_steal_pointer (&a));
    }
  else
    {
      /* Garbage in the table: its subsection header claims a million entries. */
      gssize header = xref + 5;
      gssize nl = find_first (a, (gsize) header, "\n");

      replace_range (a, (gsize) header, (gsize) (nl - header), "0 1000000");
      add_variant (out, g_strdup_printf ("%s with an xref claiming 1000000 entries", base_name), g_steal_pointer (&a));
    }
}

static void
startxref_wrong (GPtrArray *out, GBytes *base, GRand *rand, const char *base_name)
{
  g_autoptr(GByteArray) a = copy_of (base);
  gssize at = find_last (a, "startxref\n");
  gssize nl;
  static const char * const values[] = { "0", "1", "99999999999", "-5", "abc", "" };
  g_autofree char *value = NULL;
  guint pick = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (values) + 1);

  g_assert_cmpint (at, >, 0);
  nl = find_first (a, (gsize) at + 10, "\n");
  value = pick < G_N_ELEMENTS (values) ? g_strdup (values[pick])
                                      : g_strdup_printf ("%d", g_rand_int_range (rand, 0, (gint32) a->len));
  replace_range (a, (gsize) at + 10, (gsize) (nl - at - 10), value);
  add_variant (out, g_strdup_printf ("%s with startxref “%s”", base_name, value), g_steal_pointer (&a));
}

static void
huge_page_count (GPtrArray *out, GBytes *base, GRand *rand, const char *base_name)
{
  g_autoptr(GByteArray) a = copy_of (base);
  g_autofree char *text = NULL;
  guint number;

  g_assert_true (find_object (a, "/Type /Pages", &number, &text));
  if (g_rand_boolean (rand))
    {
      /* In place: the offsets after it shift, so the reader must rebuild the xref. */
      gssize count = find_first (a, 0, "/Count ");
      gssize end = count;

      g_assert_cmpint (count, >, 0);
      end += 7;
      while (g_ascii_isdigit (a->data[end]))
        end++;
      replace_range (a, (gsize) count, (gsize) (end - count), "/Count 1000000");
      add_variant (out, g_strdup_printf ("%s claiming 1000000 pages in place", base_name), g_steal_pointer (&a));
    }
  else
    {
      /* A well-formed update that changes only the count. */
      g_autoptr(GRegex) re = g_regex_new ("/Count\\s+\\d+", 0, 0, NULL);
      g_autofree char *body_start = strstr (text, "<<") ? g_strdup (strstr (text, "<<")) : NULL;
      g_autofree char *body = NULL;
      char *end;

      g_assert_nonnull (body_start);
      end = g_strrstr (body_start, "endobj");
      *end = '\0';
      body = g_regex_replace_literal (re, body_start, -1, 0, "/Count 1000000", 0, NULL);
      append_update (a, number, g_strstrip (body));
      add_variant (out, g_strdup_printf ("%s claiming 1000000 pages by an update", base_name), g_steal_pointer (&a));
    }
}

static void
deeply_nested (GPtrArray *out, GBytes *base, GRand *rand, const char *base_name)
{
  g_autoptr(GByteArray) a = copy_of (base);
  static const guint depths[] = { 600, 5000, 100000 };
  guint depth = depths[g_rand_int_range (rand, 0, G_N_ELEMENTS (depths))];
  guint mode = (guint) g_rand_int_range (rand, 0, 3);
  g_autofree char *text = NULL;
  guint number;

  if (mode == 0)
    {
      /* The page tree's kids wrapped in arrays, by an update. */
      g_autofree char *kids = NULL;
      g_autofree char *body = NULL;
      const char *k;

      g_assert_true (find_object (a, "/Type /Pages", &number, &text));
      k = strstr (text, "/Kids");
      g_assert_nonnull (k);
      kids = nested ("[", "]", depth, "");
      body = g_strdup_printf ("<< /Type /Pages /Kids %s /Count 1 >>", kids);
      append_update (a, number, body);
      add_variant (out, g_strdup_printf ("%s with the page tree nested %u arrays deep", base_name, depth),
                   g_steal_pointer (&a));
    }
  else if (mode == 1)
    {
      /* The document information dictionary (title …) nested in dictionaries. */
      g_autofree char *title = nested ("<< /A ", " >>", depth, "(x)");
      g_autofree char *body = NULL;

      if (!find_object (a, "/Producer", &number, &text))
        g_assert_true (find_object (a, "/Type /Catalog", &number, &text));
      body = g_strdup_printf ("<< /Producer (cairo) /Title %s >>", title);
      append_update (a, number, body);
      add_variant (out, g_strdup_printf ("%s with a title nested %u dictionaries deep", base_name, depth),
                   g_steal_pointer (&a));
    }
  else
    {
      /* Inserted in place in front of the first page's dictionary. */
      gssize at = find_first (a, 0, "/Type /Page\n");
      g_autofree char *arrays = nested ("[", "", depth, "");

      if (at < 0)
        at = find_first (a, 0, "/Type /Page");
      g_assert_cmpint (at, >, 0);
      g_array_insert_vals ((GArray *) a, (guint) at, arrays, (guint) strlen (arrays));
      add_variant (out, g_strdup_printf ("%s with %u unclosed arrays in a page", base_name, depth),
                   g_steal_pointer (&a));
    }
}

static void
garbage_streams (GPtrArray *out, GBytes *base, GRand *rand, const char *base_name)
{
  g_autoptr(GByteArray) a = copy_of (base);
  guint n = 0;
  gsize from = 0;
  gboolean keep_zlib_header = g_rand_boolean (rand);

  /* Every stream's data replaced by random bytes of the same length, so the
   * xref stays right and only the decoding fails. */
  for (;;)
    {
      gssize s = find_first (a, from, "stream\n");
      gssize e = s >= 0 ? find_first (a, (gsize) s + 7, "endstream") : -1;

      if (s < 0 || e < 0)
        break;
      if (s > 0 && a->data[s - 1] == 'd')   /* "endstream\n" matched as "stream\n" */
        {
          from = (gsize) s + 7;
          continue;
        }
      for (gssize i = s + 7 + (keep_zlib_header ? 2 : 0); i < e - 1; i++)
        a->data[i] = (guint8) g_rand_int_range (rand, 0, 256);
      n++;
      from = (gsize) e + 9;
    }
  g_assert_cmpuint (n, >, 0);
  add_variant (out, g_strdup_printf ("%s with %u streams of garbage%s", base_name, n,
                                     keep_zlib_header ? " behind a zlib header" : ""),
               g_steal_pointer (&a));
}

static void
odd_files (GPtrArray *out, GBytes *base, GRand *rand, const char *base_name)
{
  GByteArray *a = g_byte_array_new ();
  guint mode = (guint) g_rand_int_range (rand, 0, 4);

  if (mode == 0)
    add_variant (out, g_strdup ("a zero-length file"), a);
  else if (mode == 1)
    {
      g_byte_array_append (a, (const guint8 *) "%PDF-1.7\n", 9);
      add_variant (out, g_strdup ("a PDF header alone"), a);
    }
  else if (mode == 2)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 20000);

      g_byte_array_append (a, (const guint8 *) "%PDF-1.5\n", 9);
      for (guint i = 0; i < n; i++)
        {
          guint8 b = (guint8) g_rand_int_range (rand, 0, 256);
          g_byte_array_append (a, &b, 1);
        }
      add_variant (out, g_strdup_printf ("a PDF header and %u random bytes", n), a);
    }
  else
    {
      /* The header cut away: the rest of a real PDF. */
      gsize len;
      const guint8 *data = g_bytes_get_data (base, &len);

      g_byte_array_append (a, data + 9, (guint) len - 9);
      add_variant (out, g_strdup_printf ("%s without its header", base_name), a);
    }
}

typedef void (*Damage) (GPtrArray *out, GBytes *base, GRand *rand, const char *base_name);

static const Damage damages[] = {
  truncated, truncated, flipped, flipped, xref_broken, startxref_wrong,
  huge_page_count, deeply_nested, garbage_streams, odd_files,
};

static GPtrArray *
make_variants (GBytes **bases, const char * const *base_names, guint n_bases, guint count)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (variant_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261129);

  for (guint i = 0; out->len < count; i++)
    {
      guint b = i % n_bases;

      damages[(i / n_bases) % G_N_ELEMENTS (damages)] (out, bases[b], rand, base_names[b]);
    }
  return out;
}

/* ---- the database seen from outside ---- */

static char *
file_digest (const char *path)
{
  char *contents = NULL;
  gsize len = 0;
  char *sum;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return g_strdup ("(absent)");
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  g_free (contents);
  return sum;
}

/* Digests of the database file and its WAL, then the row counts. */
static char *
database_snapshot (const char *db_path)
{
  static const char * const counts[] = {
    "document", "document_page", "document_page_fts", "pdf_blob", "change", "history",
  };
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *main_sum = file_digest (db_path);
  g_autofree char *wal_sum = file_digest (wal_path);
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_string_append_printf (out, "db %s wal %s", main_sum, wal_sum);
  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", counts[i]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (out, " %s=%d", counts[i], sqlite3_column_int (stmt, 0));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static gint64
query_int (const char *db_path, const char *sql, gint64 id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

/* A success must be a document like any other. */
static void
check_document (CouncilStore *store, const char *db_path, gint64 id, GBytes *bytes, const char *name,
                GString *problems)
{
  g_autoptr(CouncilDocument) doc = council_store_get_document (store, id, NULL);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  gint64 pages = query_int (db_path, "SELECT count(*) FROM document_page WHERE document_id = ?", id);
  gint64 fts = query_int (db_path, "SELECT count(*) FROM document_page_fts f JOIN document_page p "
                                   "ON p.id = f.rowid WHERE p.document_id = ?", id);
  gint64 found = council_store_find_document_by_sha256 (store, sha, NULL);

  if (doc == NULL)
    g_string_append_printf (problems, "%s: imported as %" G_GINT64_FORMAT " but not in the store\n", name, id);
  if (pages < 1 || pages > 100)
    g_string_append_printf (problems, "%s: imported with %" G_GINT64_FORMAT " pages\n", name, pages);
  if (fts != pages)
    g_string_append_printf (problems, "%s: %" G_GINT64_FORMAT " pages but %" G_GINT64_FORMAT " in the index\n",
                            name, pages, fts);
  if (found != id)
    g_string_append_printf (problems, "%s: its bytes are not found again by their digest\n", name);
}

static void
close_council (CouncilStore **store, char **db_path, GString *problems)
{
  g_autofree char *consistency = council_test_check_consistency (*db_path);
  g_autofree char *db_dir = g_path_get_dirname (*db_path);

  if (consistency != NULL)
    g_string_append_printf (problems, "after the imports: %s", consistency);
  g_clear_object (store);
  council_test_rm_rf (db_dir);
  g_clear_pointer (db_path, g_free);
}

static void
test_damaged_pdfs (void)
{
  g_autofree char *db_path = NULL;
  g_autoptr(CouncilStore) store = NULL;
  g_autofree char *dir = council_test_make_tmpdir ();
  const char * const *page_sets[] = { pages_a, pages_b, pages_c };
  const char * const names[] = { "notice", "plan", "minutes" };
  GBytes *bases[3];
  g_autoptr(GPtrArray) variants = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GHashTable) by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *count_env = g_getenv ("COUNCIL_DAMAGED_PDF_COUNT");
  guint count = count_env ? (guint) g_ascii_strtoull (count_env, NULL, 10) : DEFAULT_VARIANTS;
  guint imported = 0, failed = 0;
  gint64 start = g_get_monotonic_time (), slowest = 0;
  g_autofree char *slowest_name = NULL;

  g_assert_cmpuint (count, >, 0);
  council_document_import_set_worker_path (NULL);
  council_document_import_set_time_limit (COUNCIL_DOCUMENT_IMPORT_DEFAULT_TIME_LIMIT_MS);
  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.pdf", dir, names[i]);
      g_autoptr(GError) error = NULL;
      char *contents = NULL;
      gsize len = 0;

      g_assert_true (council_demo_write_pdf (path, names[i], page_sets[i], &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      bases[i] = g_bytes_new_take (contents, len);
    }
  variants = make_variants (bases, names, G_N_ELEMENTS (bases), count);
  g_assert_cmpuint (variants->len, ==, count);

  for (guint i = 0; i < variants->len; i++)
    {
      Variant *v = g_ptr_array_index (variants, i);
      g_autofree char *path = g_strdup_printf ("%s/variant-%03u.pdf", dir, i);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      gint64 t0, last_change;
      gsize len;
      const guint8 *data = g_bytes_get_data (v->bytes, &len);
      gint64 id;

      /* A fresh council every so often keeps the files that are compared
       * byte for byte small; the one it replaces is checked first. */
      if (i % VARIANTS_PER_DATABASE == 0)
        {
          if (store != NULL)
            close_council (&store, &db_path, problems);
          store = council_test_open_store (&db_path);
        }
      before = database_snapshot (db_path);
      last_change = council_test_last_change (db_path);
      t0 = g_get_monotonic_time ();
      g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) len, NULL));
      id = council_document_import_file (store, path, NULL, NULL, &error);
      if (g_get_monotonic_time () - t0 > slowest)
        {
          slowest = g_get_monotonic_time () - t0;
          g_free (slowest_name);
          slowest_name = g_strdup (v->name);
        }
      after = database_snapshot (db_path);
      if (id > 0)
        {
          imported++;
          if (error != NULL)
            g_string_append_printf (problems, "%s: imported with an error set: %s\n", v->name, error->message);
          if (council_test_last_change (db_path) != last_change + 1)
            g_string_append_printf (problems, "%s: imported in %" G_GINT64_FORMAT " changes\n", v->name,
                                    council_test_last_change (db_path) - last_change);
          check_document (store, db_path, id, v->bytes, v->name, problems);
        }
      else
        {
          failed++;
          if (error == NULL || error->message == NULL || *error->message == '\0')
            g_string_append_printf (problems, "%s: failed without a message\n", v->name);
          else
            {
              char *code = g_strdup_printf ("%s %d", g_quark_to_string (error->domain), error->code);
              guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (by_code, code));

              g_hash_table_replace (by_code, code, GUINT_TO_POINTER (seen + 1));
            }
          if (g_strcmp0 (before, after) != 0)
            g_string_append_printf (problems, "%s: a failed import changed the database:\n  %s\n  %s\n",
                                    v->name, before, after);
        }
      g_remove (path);
    }

  close_council (&store, &db_path, problems);
  {
    GHashTableIter iter;
    gpointer key, value;
    g_autoptr(GString) codes = g_string_new (NULL);

    g_hash_table_iter_init (&iter, by_code);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_string_append_printf (codes, " [%s] x%u", (char *) key, GPOINTER_TO_UINT (value));
    g_test_message ("%u damaged PDFs: %u imported, %u refused (%s); %.1f s, slowest %.2f s (%s)",
                    variants->len, imported, failed, codes->str, (g_get_monotonic_time () - start) / 1e6,
                    slowest / 1e6, slowest_name);
  }
  if (problems->len > 0)
    g_test_message ("%s", problems->str);
  g_assert_cmpstr (problems->str, ==, "");
  /* Damage that imports nothing proves nothing about successes, and the
   * reverse: both must happen. */
  g_assert_cmpuint (failed, >, variants->len / 4);
  g_assert_cmpuint (imported, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    g_bytes_unref (bases[i]);
  council_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/damaged-pdfs/import", test_damaged_pdfs);
  return g_test_run ();
}
