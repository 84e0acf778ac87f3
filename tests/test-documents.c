/* test-documents: the policy library — import through the child process,
 * dedupe, refusals that leave the database unchanged, search, links, render.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "council-demo.h"
#include "council-docnumber.h"
#include "council-document-import.h"
#include "council-document-render.h"
#include "council-store-documents.h"
#include "council-import-journal.h"
#include "council-test-helpers.h"

/* Page 1: a red-header 公文; "联络员" is broken across two lines on page 2;
 * English words on page 3. */
static const char * const policy_pages[] = {
  "中共九龙坡区委办公室文件\n\n九龙坡委办发〔2026〕12号\n\n"
  "关于进一步加强党建带群建工作的\n实施意见\n\n"
  "各镇党委、街道党工委，区级各部门：\n"
  "　　为推动群团组织更好发挥桥梁纽带作用，现就进一步加强党建带群建工作提出如下意见。"
  "发挥枢纽型组织作用，推行群团工作项目化。",
  "　　二、健全联络员制度。群团组织在人社、司法等政府部门设立联络\n员，每季度报告一次工作。"
  "名册由秘书处保管。推动群团工作与部门工作同部\n署、同落实。群团群团群团。",
  "　　三、Liaison Officers report to the COUNCIL secretariat every quarter.\n"
  "　　各级党组织要把党建带群建工作列入重要议事日程。\n\n中共九龙坡区委办公室\n2026年3月5日",
  NULL
};

typedef struct
{
  CouncilStore *store;
  char *db_path;
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->store = council_test_open_store (&f->db_path);
  f->dir = council_test_make_tmpdir ();
  council_document_import_set_worker_path (NULL);
  council_document_import_set_time_limit (COUNCIL_DOCUMENT_IMPORT_DEFAULT_TIME_LIMIT_MS);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *db_dir = g_path_get_dirname (f->db_path);

  g_clear_object (&f->store);
  council_test_rm_rf (db_dir);
  council_test_rm_rf (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static char *
write_pdf (Fixture *f, const char *name, const char * const *pages)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  council_demo_write_pdf (path, NULL, pages, &error);
  g_assert_no_error (error);
  return path;
}

static char *
write_file (Fixture *f, const char *name, const void *data, gsize len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
  return path;
}

/* Row counts read through a connection of its own, as another program would. */
static char *
table_counts (Fixture *f)
{
  static const char * const tables[] = {
    "document", "document_page", "pdf_blob", "document_link", "history", "change",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (out, "%s=%d ", tables[i], sqlite3_column_int (stmt, 0));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static gint64
import_ok (Fixture *f, const char *path, const char *password)
{
  g_autoptr(GError) error = NULL;
  gint64 id = council_document_import_file (f->store, path, password, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* "title:page" of each hit, in order, e.g. "关于…:2 关于…:3". */
static char *
search_pages (Fixture *f, const char *query, const CouncilDocumentFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) hits = council_store_search_documents (f->store, query, filter, 0, 0, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (hits)); i++)
    {
      g_autoptr(CouncilDocumentHit) hit = g_list_model_get_item (G_LIST_MODEL (hits), i);
      g_string_append_printf (out, "%s%u", i ? " " : "", council_document_hit_get_page_no (hit));
    }
  return g_string_free (out, FALSE);
}

static void
test_doc_number (void)
{
  static const struct { const char *in; const char *out; } good[] = {
    { "九龙坡委办发〔2026〕12号", "九龙坡委办发〔2026〕12号" },
    { "九龙坡委办发[2026]12号", "九龙坡委办发〔2026〕12号" },
    { "九龙坡委办发（2026）12号", "九龙坡委办发〔2026〕12号" },
    { "九龙坡委办发(2026)12号", "九龙坡委办发〔2026〕12号" },
    { "九龙坡委办发［2026］12号", "九龙坡委办发〔2026〕12号" },
    { "九龙坡委办发【2026】12号", "九龙坡委办发〔2026〕12号" },
    { "九龙坡委办发 〔２０２６〕 12 号", "九龙坡委办发〔2026〕12号" },
    { "  九龙坡委办发〔2026〕012号 ", "九龙坡委办发〔2026〕12号" },
    { "渝府办发〔2025〕3", "渝府办发〔2025〕3号" },
    { "", "" },
    { " 　 ", "" },
  };
  static const char * const bad[] = {
    "九龙坡委办发", "〔2026〕12号", "九龙坡委办发〔26〕12号", "九龙坡委办发〔1948〕1号",
    "九龙坡委办发〔2101〕1号", "九龙坡委办发〔2026〕号", "九龙坡委办发〔2026〕0号",
    "九龙坡委办发〔2026〕12号附件", "九龙坡委办发〔2026 12号", "九龙坡〕委办发〔2026〕1号",
    "九龙坡委办发〔2026〕999999号", "\xff\xfe九龙坡", "九龙坡\x01委办发〔2026〕1号",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = council_doc_number_normalize (good[i].in, COUNCIL_DOCUMENT_FIELD_DOC_NUMBER, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, good[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = council_doc_number_normalize (bad[i], COUNCIL_DOCUMENT_FIELD_DOC_NUMBER, &error);
      g_assert_null (out);
      g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_DOCUMENT_FIELD_DOC_NUMBER);
      g_assert_cmpuint (strlen (error->message), >, 10);
    }
  /* Any byte string: an answer or an error, never a crash. */
  for (guint i = 0; i < 20000; i++)
    {
      char buf[48];
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      guint len = (guint) g_rand_int_range (rand, 0, sizeof buf - 1);

      for (guint j = 0; j < len; j++)
        buf[j] = (char) (g_rand_boolean (rand) ? g_rand_int_range (rand, 1, 256)
                                               : "九龙〔〕[]()12 号"[g_rand_int_range (rand, 0, 20)]);
      buf[len] = '\0';
      out = council_doc_number_normalize (buf, 1, &error);
      g_assert_true ((out == NULL) == (error != NULL));
      g_free (council_doc_number_find (buf));
    }
  {
    g_autofree char *found = council_doc_number_find ("中共九龙坡区委办公室文件\n九龙坡委办发［2026］ 012号\n关于");
    g_assert_cmpstr (found, ==, "九龙坡委办发〔2026〕12号");
  }
}

static void
test_normalize_text (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "联络\n员", "联络员" },
    { "联络 \r\n　员", "联络员" },
    { "liaison\nofficer", "liaison officer" },
    { "  a \t\t b  ", "a b" },
    { "工作。\n二、健全", "工作。二、健全" },
    { "群团 组织", "群团 组织" },
    { "a\x01" "b", "ab" },
    { "", "" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = council_document_normalize_text (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
  {
    g_autofree char *out = council_document_normalize_text ("a\xff\xfe" "b");
    g_assert_true (g_utf8_validate (out, -1, NULL));
  }
}

static void
test_import_and_search (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_pdf (f, "policy.pdf", policy_pages);
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilDocument) doc = NULL;
  CouncilDocumentFilter filter;
  gint64 id = import_ok (f, path, NULL);
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p6 = NULL, *en = NULL;

  doc = council_store_get_document (f->store, id, &error);
  g_assert_no_error (error);
  /* Prefilled from the first page. */
  g_assert_cmpstr (council_document_get_title (doc), ==, "关于进一步加强党建带群建工作的实施意见");
  g_assert_cmpstr (council_document_get_issuing_body (doc), ==, "中共九龙坡区委办公室");
  g_assert_cmpstr (council_document_get_doc_number (doc), ==, "九龙坡委办发〔2026〕12号");
  g_assert_cmpint (council_document_get_kind (doc), ==, COUNCIL_DOCUMENT_KIND_OPINION);
  g_assert_cmpuint (council_document_get_page_count (doc), ==, 3);
  g_assert_cmpuint (strlen (council_document_get_sha256 (doc)), ==, 64);
  g_assert_cmpstr (council_document_get_imported_by (doc), !=, "");

  /* 1 and 2 characters scan the text; the page with most occurrences first. */
  p1 = search_pages (f, "员", NULL);
  g_assert_cmpstr (p1, ==, "2");
  p2 = search_pages (f, "群团", NULL);
  g_assert_cmpstr (p2, ==, "2 1");
  /* 3 characters: the trigram index; page 2 has it broken across two lines. */
  p3 = search_pages (f, "联络员", NULL);
  g_assert_cmpstr (p3, ==, "2");
  {
    g_autofree char *broken = search_pages (f, "同部署", NULL);
    g_autofree char *broken2 = search_pages (f, "部署", NULL);
    g_assert_cmpstr (broken, ==, "2");
    g_assert_cmpstr (broken2, ==, "2");
  }
  p6 = search_pages (f, "党建带群建工", NULL);
  g_assert_cmpstr (p6, ==, "1 3");
  en = search_pages (f, "liaison officers", NULL);
  g_assert_cmpstr (en, ==, "3");
  {
    g_autofree char *upper = search_pages (f, "council", NULL);
    g_autofree char *two = search_pages (f, "CO", NULL);
    g_autofree char *none = search_pages (f, "联络员制度改革", NULL);
    g_autofree char *quote = search_pages (f, "联络\"员 OR 群", NULL);
    g_autofree char *percent = search_pages (f, "%", NULL);
    g_autofree char *blank = search_pages (f, "  ", NULL);
    g_assert_cmpstr (upper, ==, "3");
    g_assert_cmpstr (two, ==, "3");
    g_assert_cmpstr (none, ==, "");
    g_assert_cmpstr (quote, ==, "");
    g_assert_cmpstr (percent, ==, "");
    g_assert_cmpstr (blank, ==, "");
  }
  /* The snippet marks the phrase. */
  {
    g_autoptr(GListStore) hits = council_store_search_documents (f->store, "联络员", NULL, 10, 0, &error);
    g_autoptr(CouncilDocumentHit) hit = g_list_model_get_item (G_LIST_MODEL (hits), 0);
    g_autofree char *markup = council_document_hit_dup_snippet_markup (hit);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (council_document_hit_get_snippet (hit), "«联络员»"));
    g_assert_nonnull (strstr (markup, "<b>联络员</b>"));
    g_assert_cmpstr (council_document_hit_get_title (hit), ==, "关于进一步加强党建带群建工作的实施意见");
    g_assert_cmpint (council_document_hit_get_document_id (hit), ==, id);
  }
  /* Filters. */
  council_document_filter_init (&filter);
  filter.year = 2025;
  {
    g_autofree char *y = search_pages (f, "联络员", &filter);
    g_assert_cmpstr (y, ==, "");
  }
  filter.year = 2026;
  filter.issuing_body = "中共九龙坡区委办公室";
  filter.any_kind = FALSE;
  filter.kind = COUNCIL_DOCUMENT_KIND_OPINION;
  {
    g_autofree char *y = search_pages (f, "联络员", &filter);
    g_autofree char *y2 = search_pages (f, "员", &filter);
    g_autoptr(GListStore) list = council_store_list_documents (f->store, &filter, &error);
    g_assert_cmpstr (y, ==, "2");
    g_assert_cmpstr (y2, ==, "2");
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  }
  filter.kind = COUNCIL_DOCUMENT_KIND_NOTICE;
  {
    g_autofree char *y = search_pages (f, "联络员", &filter);
    g_assert_cmpstr (y, ==, "");
  }
  /* The indexed text of a page. */
  {
    g_autofree char *text = council_store_get_document_page_text (f->store, id, 2, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "设立联络员"));
  }
}

static void
test_duplicate (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_pdf (f, "policy.pdf", policy_pages);
  g_autofree char *copy = g_build_filename (f->dir, "copy of policy.pdf", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = import_ok (f, path, NULL);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_file_set_contents (copy, contents, (gssize) len, NULL);
  g_free (contents);

  before = table_counts (f);
  g_assert_cmpint (council_document_import_file (f->store, copy, NULL, NULL, &error), ==, 0);
  g_assert_error (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "关于进一步加强党建带群建工作的实施意见"));
  g_assert_nonnull (strstr (error->message, id_text));
  after = table_counts (f);
  g_assert_cmpstr (before, ==, after);
}

static void
assert_refused (Fixture *f, const char *path, int code)
{
  g_autofree char *before = table_counts (f);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (council_document_import_file (f->store, path, NULL, NULL, &error), ==, 0);
  g_assert_error (error, COUNCIL_DOCUMENT_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 10);
  after = table_counts (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *good = write_pdf (f, "policy.pdf", policy_pages);
  g_autofree char *empty = write_file (f, "empty.pdf", "", 0);
  g_autofree char *text = write_file (f, "notes.pdf", "会议纪要：这不是PDF文件。\n", strlen ("会议纪要：这不是PDF文件。\n"));
  g_autofree char *fake = write_file (f, "fake.pdf", "%PDF-1.5\ngarbage garbage\n%%EOF\n", 32);
  g_autofree char *truncated = NULL, *flipped = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (good, &contents, &len, NULL));
  /* cairo writes the page tree and catalog at the end: cut them off. */
  truncated = write_file (f, "truncated.pdf", contents, len / 3);
  /* Every byte of the structure after the header scrambled. */
  for (gsize i = 16; i < len; i++)
    if (i % 3 == 0)
      contents[i] = (char) (contents[i] ^ 0x5a);
  flipped = write_file (f, "flipped.pdf", contents, len);
  g_free (contents);

  assert_refused (f, empty, COUNCIL_DOCUMENT_ERROR_EMPTY);
  assert_refused (f, text, COUNCIL_DOCUMENT_ERROR_DAMAGED);
  assert_refused (f, fake, COUNCIL_DOCUMENT_ERROR_DAMAGED);
  assert_refused (f, truncated, COUNCIL_DOCUMENT_ERROR_DAMAGED);
  assert_refused (f, flipped, COUNCIL_DOCUMENT_ERROR_DAMAGED);
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);
    assert_refused (f, missing, COUNCIL_DOCUMENT_ERROR_FAILED);
  }
  /* The good file still goes in afterwards. */
  import_ok (f, good, NULL);
}

static void
test_encrypted (Fixture *f, gconstpointer data)
{
  g_autofree char *plain = write_pdf (f, "plain.pdf", policy_pages);
  g_autofree char *locked = g_build_filename (f->dir, "locked.pdf", NULL);
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *pages = NULL;
  int status;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed (build-aux/dev installs it)");
      return;
    }
  {
    const char *argv[] = { qpdf, "--encrypt", "秘书处2026", "owner-pw", "256", "--", plain, locked, NULL };
    status = council_test_spawn (argv, NULL, NULL);
    g_assert_cmpint (status, ==, 0);
  }
  before = table_counts (f);
  g_assert_cmpint (council_document_import_file (f->store, locked, NULL, NULL, &error), ==, 0);
  g_assert_error (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_ENCRYPTED);
  g_clear_error (&error);
  g_assert_cmpint (council_document_import_file (f->store, locked, "wrong", NULL, &error), ==, 0);
  g_assert_error (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_BAD_PASSWORD);
  g_clear_error (&error);
  after = table_counts (f);
  g_assert_cmpstr (before, ==, after);

  import_ok (f, locked, "秘书处2026");
  pages = search_pages (f, "联络员", NULL);
  g_assert_cmpstr (pages, ==, "2");
}

static char *
write_worker_script (Fixture *f, const char *name, const char *body)
{
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\n%s\n", body);
  char *path = write_file (f, name, script, strlen (script));

  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
  return path;
}

static void
test_worker_failures (Fixture *f, gconstpointer data)
{
  g_autofree char *good = write_pdf (f, "policy.pdf", policy_pages);
  g_autofree char *hang = write_worker_script (f, "hang.sh", "exec sleep 60");
  g_autofree char *crash = write_worker_script (f, "crash.sh", "head -c 100 >/dev/null; kill -SEGV $$");
  g_autofree char *garbage = write_worker_script (f, "garbage.sh", "echo 'page 5'; echo hello");
  gint64 start;

  /* A reader that hangs (reads nothing, writes nothing) is killed at the
   * time limit, and the file refused. */
  council_document_import_set_worker_path (hang);
  council_document_import_set_time_limit (1000);
  start = g_get_monotonic_time ();
  assert_refused (f, good, COUNCIL_DOCUMENT_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);

  council_document_import_set_worker_path (crash);
  assert_refused (f, good, COUNCIL_DOCUMENT_ERROR_DAMAGED);
  council_document_import_set_worker_path (garbage);
  assert_refused (f, good, COUNCIL_DOCUMENT_ERROR_DAMAGED);

  council_document_import_set_worker_path (NULL);
  council_document_import_set_time_limit (COUNCIL_DOCUMENT_IMPORT_DEFAULT_TIME_LIMIT_MS);
  import_ok (f, good, NULL);
}

static void
on_progress (guint done, guint total, const char *path, gpointer data)
{
  g_string_append_printf (data, "%u/%u ", done, total);
}

static void
test_batch (Fixture *f, gconstpointer data)
{
  const char * const other_pages[] = { "九龙坡区群团工作理事会文件\n关于召开联席会议的通知\n请各成员单位派员参加。", NULL };
  g_autofree char *a = write_pdf (f, "a.pdf", policy_pages);
  g_autofree char *bad = write_file (f, "bad.pdf", "not a pdf", 9);
  g_autofree char *b = write_pdf (f, "b.pdf", other_pages);
  const char *paths[] = { a, bad, b, a, NULL };
  g_autoptr(GString) progress = g_string_new (NULL);
  g_autoptr(GPtrArray) results = council_document_import_files (f->store, paths, NULL, on_progress, progress, NULL);
  CouncilDocumentImportResult *r;

  g_assert_cmpuint (results->len, ==, 4);
  r = g_ptr_array_index (results, 0);
  g_assert_no_error (r->error);
  g_assert_cmpint (r->document_id, >, 0);
  r = g_ptr_array_index (results, 1);
  g_assert_error (r->error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DAMAGED);
  r = g_ptr_array_index (results, 2);
  g_assert_no_error (r->error);
  r = g_ptr_array_index (results, 3);
  g_assert_error (r->error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DUPLICATE);
  g_assert_cmpint (r->existing_id, ==, ((CouncilDocumentImportResult *) g_ptr_array_index (results, 0))->document_id);
  g_assert_cmpstr (progress->str, ==, "0/4 1/4 2/4 3/4 4/4 ");
  g_assert_cmpuint (council_store_count_documents (f->store), ==, 2);

  /* Cancelled: nothing more is imported, every file says so. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *c = write_pdf (f, "c.pdf", (const char * const[]) { "第三份文件", NULL });
    const char *more[] = { c, NULL };
    g_autoptr(GPtrArray) cancelled = NULL;

    g_cancellable_cancel (cancellable);
    cancelled = council_document_import_files (f->store, more, NULL, NULL, NULL, cancellable);
    r = g_ptr_array_index (cancelled, 0);
    g_assert_error (r->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (council_store_count_documents (f->store), ==, 2);
  }
}

typedef struct
{
  GMainLoop *loop;
  GPtrArray *results;
  guint ticks;
} AsyncRun;

static void
on_import_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  AsyncRun *run = data;
  g_autoptr(GError) error = NULL;

  run->results = council_document_import_files_finish (COUNCIL_STORE (source), result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (run->loop);
}

static gboolean
on_tick_cb (gpointer data)
{
  ((AsyncRun *) data)->ticks++;
  return G_SOURCE_CONTINUE;
}

/* The window's way: the main loop keeps turning while files are read. */
static void
test_batch_async (Fixture *f, gconstpointer data)
{
  g_autofree char *a = write_pdf (f, "a.pdf", policy_pages);
  g_autofree char *bad = write_file (f, "bad.pdf", "", 0);
  g_autofree char *b = write_pdf (f, "b.pdf", (const char * const[]) { "关于召开联席会议的通知\n请派员参加。", NULL });
  const char *paths[] = { a, bad, b, NULL };
  g_autoptr(GString) progress = g_string_new (NULL);
  AsyncRun run = { g_main_loop_new (NULL, FALSE), NULL, 0 };
  guint tick = g_timeout_add (5, on_tick_cb, &run);
  CouncilDocumentImportResult *r;

  council_document_import_files_async (f->store, paths, NULL, on_progress, progress, NULL, NULL,
                                       on_import_done_cb, &run);
  g_assert_null (run.results);           /* nothing happens inside the call */
  g_main_loop_run (run.loop);
  g_source_remove (tick);
  g_assert_cmpuint (run.results->len, ==, 3);
  r = g_ptr_array_index (run.results, 0);
  g_assert_no_error (r->error);
  r = g_ptr_array_index (run.results, 1);
  g_assert_error (r->error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_EMPTY);
  r = g_ptr_array_index (run.results, 2);
  g_assert_no_error (r->error);
  g_assert_cmpstr (progress->str, ==, "0/3 1/3 2/3 3/3 ");
  g_assert_cmpuint (run.ticks, >, 0);
  g_assert_cmpuint (council_store_count_documents (f->store), ==, 2);
  g_ptr_array_unref (run.results);
  g_main_loop_unref (run.loop);
}

static void
test_edit_links_delete (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_pdf (f, "policy.pdf", policy_pages);
  gint64 id = import_ok (f, path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilDocument) doc = council_store_get_document (f->store, id, &error);
  g_autoptr(GListStore) orgs = council_store_list_organizations (f->store, FALSE, &error);
  g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), 0);
  gint64 org_id = council_organization_get_id (org);
  g_autoptr(GArray) links = NULL;
  g_autoptr(GListStore) linked = NULL;
  g_autofree char *counts = NULL;

  /* Validation names the field. */
  council_document_set_doc_number (doc, "九龙坡委办发〔26〕12号");
  g_assert_false (council_store_save_document (f->store, doc, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_DOCUMENT_FIELD_DOC_NUMBER);
  g_clear_error (&error);
  council_document_set_doc_number (doc, "九龙坡委办发[2026]12号");
  council_document_set_issue_date (doc, "2026-02-30");
  g_assert_false (council_store_save_document (f->store, doc, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_DOCUMENT_FIELD_ISSUE_DATE);
  g_clear_error (&error);
  council_document_set_issue_date (doc, "2026-03-06");
  council_document_set_title (doc, "   ");
  g_assert_false (council_store_save_document (f->store, doc, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_DOCUMENT_FIELD_TITLE);
  g_clear_error (&error);
  council_document_set_title (doc, "关于进一步加强党建带群建工作的实施意见");
  council_document_set_tags (doc, "党建， 群建,党建 ,联络员");
  g_assert_true (council_store_save_document (f->store, doc, &error));
  g_assert_no_error (error);
  g_clear_object (&doc);
  doc = council_store_get_document (f->store, id, &error);
  g_assert_cmpstr (council_document_get_doc_number (doc), ==, "九龙坡委办发〔2026〕12号");
  g_assert_cmpstr (council_document_get_tags (doc), ==, "党建,群建,联络员");
  g_assert_cmpstr (council_document_get_issue_date (doc), ==, "2026-03-06");

  /* Links, both directions, to records that exist. */
  g_assert_true (council_demo_generate_projects (f->store, 10, 0, 7, &error));
  g_assert_no_error (error);
  g_assert_false (council_store_add_document_link (f->store, id, COUNCIL_LINK_PROJECT, 99999, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (council_store_add_document_link (f->store, id, COUNCIL_LINK_ORGANIZATION, org_id, &error));
  g_assert_true (council_store_add_document_link (f->store, id, COUNCIL_LINK_ORGANIZATION, org_id, &error));
  g_assert_true (council_store_add_document_link (f->store, id, COUNCIL_LINK_PROJECT, 7, &error));
  g_assert_no_error (error);
  g_assert_false (council_store_add_document_link (f->store, id, COUNCIL_LINK_ORGANIZATION, 99999, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  links = council_store_list_document_links (f->store, id, &error);
  g_assert_cmpuint (links->len, ==, 2);
  linked = council_store_list_linked_documents (f->store, COUNCIL_LINK_ORGANIZATION, org_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (linked)), ==, 1);
  g_assert_true (council_store_remove_document_link (f->store, id, COUNCIL_LINK_PROJECT, 7, &error));
  g_clear_pointer (&links, g_array_unref);
  links = council_store_list_document_links (f->store, id, &error);
  g_assert_cmpuint (links->len, ==, 1);
  /* Undo brings the removed link back; the history lists the link. */
  g_assert_true (council_store_undo (f->store, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&links, g_array_unref);
  links = council_store_list_document_links (f->store, id, &error);
  g_assert_cmpuint (links->len, ==, 2);
  {
    g_autoptr(GListStore) history = council_store_list_history (f->store, "document", id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), >=, 2);
  }

  /* Delete: record, pages, index, links and the blob go; not undoable. */
  {
    g_autoptr(GBytes) pdf = council_store_get_document_pdf (f->store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
  }
  g_assert_true (council_store_delete_document (f->store, id, &error));
  g_assert_no_error (error);
  counts = table_counts (f);
  g_assert_true (g_str_has_prefix (counts, "document=0 document_page=0 pdf_blob=0 document_link=0 "));
  {
    g_autofree char *hits = search_pages (f, "联络员", NULL);
    g_autofree char *hits2 = search_pages (f, "员", NULL);
    g_autofree char *peek = council_store_peek_undo (f->store);
    g_assert_cmpstr (hits, ==, "");
    g_assert_cmpstr (hits2, ==, "");
    g_assert_false (g_strcmp0 (peek, "Delete document “关于进一步加强党建带群建工作的实施意见”") == 0);
  }
  g_assert_null (council_store_get_document_pdf (f->store, id, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND);
}

static void
test_undo_import (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_pdf (f, "policy.pdf", policy_pages);
  g_autofree char *before = table_counts (f);
  g_autofree char *counts = NULL;
  g_autoptr(GError) error = NULL;

  import_ok (f, path, NULL);
  g_assert_true (council_store_undo (f->store, NULL, &error));
  g_assert_no_error (error);
  counts = table_counts (f);
  g_assert_true (g_str_has_prefix (counts, "document=0 document_page=0 pdf_blob=0 "));
  {
    g_autofree char *hits = search_pages (f, "联络员", NULL);
    g_assert_cmpstr (hits, ==, "");
  }
  /* And it can be imported again. */
  import_ok (f, path, NULL);
}

/* A viewer thread: its own PopplerDocument over the shared bytes. */
static gpointer
render_in_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) doc = (GObject *) council_document_render_open (data, NULL, &error);
  guint drawn = 0;

  g_assert_no_error (error);
  for (guint round = 0; round < 3; round++)
    for (guint page = 1; page <= 3; page++)
      {
        cairo_surface_t *surface = council_document_render_page (POPPLER_DOCUMENT (doc), page, 0.5, &error);
        g_assert_no_error (error);
        drawn += cairo_image_surface_get_width (surface) > 0;
        cairo_surface_destroy (surface);
      }
  return GUINT_TO_POINTER (drawn);
}

static void
test_render (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_pdf (f, "policy.pdf", policy_pages);
  gint64 id = import_ok (f, path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = council_store_get_document_pdf (f->store, id, &error);
  cairo_surface_t *surface = council_document_render_page_from_bytes (pdf, 1, 1.5, &error);
  const guint32 *pixels;
  int w, h, stride, dark = 0;

  g_assert_no_error (error);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  g_assert_cmpint (w, ==, 893);
  g_assert_cmpint (h, ==, 1263);
  stride = cairo_image_surface_get_stride (surface);
  pixels = (const guint32 *) (gpointer) cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      dark += (pixels[y * (stride / 4) + x] & 0xff) < 0x80;
  g_assert_cmpint (dark, >, 1000);   /* text was drawn */
  cairo_surface_destroy (surface);

  g_assert_null (council_document_render_page_from_bytes (pdf, 4, 1.0, &error));
  g_assert_error (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_FAILED);
  g_clear_error (&error);
  /* Find in the document: a phrase broken across lines is highlighted too. */
  {
    g_autoptr(GObject) doc = (GObject *) council_document_render_open (pdf, NULL, &error);
    GList *hits;

    g_assert_no_error (error);
    hits = council_document_find_on_page (POPPLER_DOCUMENT (doc), 2, "联络员");
    g_assert_cmpuint (g_list_length (hits), >=, 1);
    for (GList *l = hits; l; l = l->next)
      {
        PopplerRectangle *r = l->data;
        g_assert_cmpfloat (r->y1, <, r->y2);
        g_assert_cmpfloat (r->y1, >=, 0);
      }
    g_list_free_full (hits, (GDestroyNotify) poppler_rectangle_free);
    /* "设立联络\n员" and "健全联络员": two hits, the first over two lines. */
    hits = council_document_find_on_page (POPPLER_DOCUMENT (doc), 2, "联络员");
    g_assert_cmpuint (g_list_length (hits), ==, 3);
    g_list_free_full (hits, (GDestroyNotify) poppler_rectangle_free);
    hits = council_document_find_on_page (POPPLER_DOCUMENT (doc), 2, "同部署");
    g_assert_cmpuint (g_list_length (hits), ==, 2);
    {
      PopplerRectangle *a = hits->data, *b = hits->next->data;
      g_assert_cmpfloat (a->y2, <=, b->y1 + 1);   /* the end of one line, then the next */
      g_assert_cmpfloat (a->y1, >, 72 - 1);         /* below the top margin */
    }
    g_list_free_full (hits, (GDestroyNotify) poppler_rectangle_free);
    hits = council_document_find_on_page (POPPLER_DOCUMENT (doc), 3, "liaison OFFICERS");
    g_assert_cmpuint (g_list_length (hits), ==, 1);
    g_list_free_full (hits, (GDestroyNotify) poppler_rectangle_free);
  }
  {
    GThread *one = g_thread_new ("render-1", render_in_thread, pdf);
    GThread *two = g_thread_new ("render-2", render_in_thread, pdf);
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (one)), ==, 9);
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (two)), ==, 9);
  }
}

static void
test_cli (Fixture *f, gconstpointer data)
{
  const char *bin = g_getenv ("COUNCIL_DESK_BIN");
  g_autofree char *path = write_pdf (f, "policy.pdf", policy_pages);
  g_autofree char *bad = write_file (f, "bad.pdf", "not a pdf", 9);
  g_autofree char *db = g_build_filename (f->dir, "cli.db", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  int status;

  g_assert_nonnull (bin);
  {
    const char *argv[] = { bin, "--database", db, "--import-document", path, "--import-document", bad, NULL };
    status = council_test_spawn (argv, &out, &err);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (out, "policy.pdf"));
    g_assert_nonnull (strstr (err, "bad.pdf"));
    {
      g_auto(GStrv) err_lines = g_strsplit (g_strstrip (err), "\n", -1);
      g_assert_cmpuint (g_strv_length (err_lines), ==, 1);
    }
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { bin, "--database", db, "--search-documents", "联络员", NULL };
    status = council_test_spawn (argv, &out, &err);
    g_assert_cmpint (status, ==, 0);
  }
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 3);
  g_assert_cmpstr (fields[0], ==, "关于进一步加强党建带群建工作的实施意见");
  g_assert_cmpstr (fields[1], ==, "2");
  g_assert_nonnull (strstr (fields[2], "«联络员»"));
}

static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) docs = NULL;
  g_autofree char *pages = NULL;

  g_assert_true (council_demo_fill_documents (f->store, &error));
  g_assert_no_error (error);
  docs = council_store_list_documents (f->store, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (docs)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CouncilDocument) doc = g_list_model_get_item (G_LIST_MODEL (docs), i);
      g_autoptr(GArray) links = council_store_list_document_links (f->store, council_document_get_id (doc), &error);
      g_assert_cmpuint (links->len, >, 0);
      g_assert_cmpstr (council_document_get_doc_number (doc), !=, "");
      g_assert_cmpstr (council_document_get_issue_date (doc), !=, "");
      g_assert_cmpuint (council_document_get_page_count (doc), >=, 3);
    }
  pages = search_pages (f, "枢纽型", NULL);
  g_assert_cmpstr (pages, !=, "");
}

/* ---- an import killed half way ---- */

static void
exit_at_second_file (guint done, guint total, const char *path, gpointer data)
{
  /* The first file is stored and struck off the journal; the process dies
   * as a killed one would, without any clean-up. */
  if (done == 1)
    _exit (0);
}

static void
test_interrupted_import (void)
{
  const char *db = g_getenv ("COUNCIL_TEST_JOURNAL_DB");

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CouncilStore) store = council_store_open (db, &error);
      g_auto(GStrv) paths = g_strsplit (g_getenv ("COUNCIL_TEST_JOURNAL_FILES"), "\n", -1);

      g_assert_no_error (error);
      g_ptr_array_unref (council_document_import_files (store, (const char * const *) paths, NULL,
                                                        exit_at_second_file, NULL, NULL));
      g_assert_not_reached ();
    }
  else
    {
      Fixture f = { 0 };
      const char * const second[] = { "九龙坡区群团工作理事会文件\n关于召开联席会议的通知", NULL };
      const char * const third[] = { "第三份文件：年度考核方案", NULL };
      g_autofree char *a = NULL, *b = NULL, *c = NULL, *files = NULL, *message = NULL, *again = NULL;
      g_autoptr(CouncilStore) reopened = NULL;
      g_autoptr(GError) error = NULL;

      fixture_set_up (&f, NULL);
      a = write_pdf (&f, "一号文件.pdf", policy_pages);
      b = write_pdf (&f, "二号文件.pdf", second);
      c = write_pdf (&f, "三号文件.pdf", third);
      files = g_strjoin ("\n", a, b, c, NULL);
      g_setenv ("COUNCIL_TEST_JOURNAL_DB", f.db_path, TRUE);
      g_setenv ("COUNCIL_TEST_JOURNAL_FILES", files, TRUE);
      g_clear_object (&f.store);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();

      f.store = council_store_open (f.db_path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (council_store_count_documents (f.store), ==, 1);
      message = council_import_journal_take_interrupted (f.store);
      g_assert_nonnull (message);
      g_test_message ("%s", message);
      g_assert_null (strstr (message, "一号文件.pdf"));
      g_assert_nonnull (strstr (message, "二号文件.pdf"));
      g_assert_nonnull (strstr (message, "三号文件.pdf"));
      g_assert_nonnull (strstr (message, "2 of 3"));
      /* Said once. */
      again = council_import_journal_take_interrupted (f.store);
      g_assert_null (again);
      /* An import that ends leaves nothing to say. */
      {
        const char *one[] = { b, NULL };
        g_autoptr(GPtrArray) results = council_document_import_files (f.store, one, NULL, NULL, NULL, NULL);
        g_autofree char *none = council_import_journal_take_interrupted (f.store);

        g_assert_no_error (((CouncilDocumentImportResult *) g_ptr_array_index (results, 0))->error);
        g_assert_null (none);
      }
      fixture_tear_down (&f, NULL);
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *cache = NULL;
  int status;

  /* Import journals live in the user's cache folder: a private one here. */
  if (g_getenv ("COUNCIL_TEST_JOURNAL_DB") == NULL)
    {
      cache = g_dir_make_tmp ("council-journal-XXXXXX", NULL);
      g_assert_nonnull (cache);
      g_setenv ("XDG_CACHE_HOME", cache, TRUE);
    }
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/documents/doc-number", test_doc_number);
  g_test_add_func ("/documents/normalize-text", test_normalize_text);
#define ADD(path, fn) g_test_add ("/documents/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("import-and-search", test_import_and_search);
  ADD ("duplicate", test_duplicate);
  ADD ("refused", test_refused);
  ADD ("encrypted", test_encrypted);
  ADD ("worker-failures", test_worker_failures);
  ADD ("batch", test_batch);
  ADD ("batch-async", test_batch_async);
  ADD ("edit-links-delete", test_edit_links_delete);
  ADD ("undo-import", test_undo_import);
  ADD ("render", test_render);
  ADD ("cli", test_cli);
  ADD ("demo", test_demo);
#undef ADD
  g_test_add_func ("/documents/interrupted-import", test_interrupted_import);
  status = g_test_run ();
  if (cache != NULL)
    council_test_rm_rf (cache);
  return status;
}
