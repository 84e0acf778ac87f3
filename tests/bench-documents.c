/* bench-documents: indexing speed against pdftotext, search over 20,000
 * pages, drawing the first page of a 300-page document. Prints figures and
 * ratios; asserts nothing about time (DESIGN.md §8).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "council-demo.h"
#include "council-generate.h"
#include "council-document-import.h"
#include "council-document-render.h"
#include "council-store-documents.h"
#include "council-store-generate-council.h"
#include "council-test-helpers.h"

#define CORPUS_FILES 20
#define CORPUS_PAGES_PER_FILE 100
#define SEARCH_PAGES 20000          /* the large generated council's */
#define LONG_DOCUMENT_PAGES 300
#define SEARCH_REPEATS 5

static char *
make_page_text (GRand *rand, guint doc, guint page)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "第%u号文件 第%u页\n", doc + 1, page + 1);
  for (guint i = 0; i < 24; i++)
    {
      g_string_append (text, council_generate_doc_sentences[g_rand_int_range (rand, 0, (gint32) council_generate_n_doc_sentences)]);
      if (g_rand_int_range (rand, 0, 4) == 0)
        g_string_append (text, "\n　　");
    }
  return g_string_free (text, FALSE);
}

/* The corpus is written once into the build directory and reused. */
static char *
ensure_pdf (const char *dir, const char *name, guint doc, guint n_pages)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  rand = g_rand_new_with_seed (doc + 1);
  pages = g_ptr_array_new_with_free_func (g_free);
  for (guint p = 0; p < n_pages; p++)
    g_ptr_array_add (pages, make_page_text (rand, doc, p));
  g_ptr_array_add (pages, NULL);
  {
    g_autofree char *tmp = g_strconcat (path, ".partial", NULL);
    council_demo_write_pdf (tmp, NULL, (const char * const *) pages->pdata, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_rename (tmp, path), ==, 0);
  }
  return path;
}

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
bench_pdftotext (char **paths, const char *out_dir)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  gint64 start;

  if (pdftotext == NULL)
    return 0;
  start = g_get_monotonic_time ();
  for (guint i = 0; paths[i]; i++)
    {
      g_autofree char *out = g_build_filename (out_dir, "out.txt", NULL);
      const char *argv[] = { pdftotext, "-enc", "UTF-8", paths[i], out, NULL };
      g_assert_cmpint (council_test_spawn (argv, NULL, NULL), ==, 0);
    }
  return seconds_since (start);
}

static double
bench_import (char **paths)
{
  g_autofree char *db_path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&db_path);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *db_dir = g_path_get_dirname (db_path);
  gint64 start = g_get_monotonic_time ();
  double elapsed;

  results = council_document_import_files (store, (const char * const *) paths, NULL, NULL, NULL, NULL);
  elapsed = seconds_since (start);
  for (guint i = 0; i < results->len; i++)
    {
      CouncilDocumentImportResult *r = g_ptr_array_index (results, i);
      g_assert_no_error (r->error);
    }
  g_clear_object (&store);
  council_test_rm_rf (db_dir);
  return elapsed;
}

/* The longest document of the council, a real PDF of its own text. */
static GBytes *
long_document (CouncilStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) docs = council_store_list_documents (store, NULL, &error);
  CouncilDocument *longest = NULL;
  GBytes *pdf;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (docs)); i++)
    {
      g_autoptr(CouncilDocument) doc = g_list_model_get_item (G_LIST_MODEL (docs), i);
      if (longest == NULL || council_document_get_page_count (doc) > council_document_get_page_count (longest))
        g_set_object (&longest, doc);
    }
  g_assert_nonnull (longest);
  g_assert_cmpuint (council_document_get_page_count (longest), ==, LONG_DOCUMENT_PAGES);
  pdf = council_store_get_document_pdf (store, council_document_get_id (longest), &error);
  g_assert_no_error (error);
  g_object_unref (longest);
  return pdf;
}

static guint
count_pages (CouncilStore *store, const char *query)
{
  g_autoptr(GListStore) hits = council_store_search_documents (store, query, NULL, G_MAXINT, 0, NULL);
  return hits ? g_list_model_get_n_items (G_LIST_MODEL (hits)) : 0;
}

static double
bench_queries (CouncilStore *store, const char * const *queries, guint *n_hits)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  *n_hits = 0;
  for (guint q = 0; queries[q]; q++)
    printf ("  %s: on %u pages\n", queries[q], count_pages (store, queries[q]));
  for (guint q = 0; queries[q]; q++)
    for (guint r = 0; r < SEARCH_REPEATS; r++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GListStore) hits = NULL;
        gint64 start = g_get_monotonic_time ();
        double ms;

        hits = council_store_search_documents (store, queries[q], NULL, 50, 0, &error);
        ms = seconds_since (start) * 1000;
        g_assert_no_error (error);
        g_array_append_val (times, ms);
        if (r == 0)
          *n_hits += g_list_model_get_n_items (G_LIST_MODEL (hits));
      }
  return median (times);
}

int
main (int argc, char **argv)
{
  const char *builddir = g_getenv ("COUNCIL_TEST_BUILDDIR");
  g_autofree char *corpus = g_build_filename (builddir ? builddir : ".", "bench-documents-corpus", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *scratch = council_test_make_tmpdir ();
  guint total_pages = CORPUS_FILES * CORPUS_PAGES_PER_FILE;
  double t_pdftotext, t_import;
  g_autoptr(GError) open_error = NULL;
  GBytes *long_pdf = NULL;
  gint64 start;

  g_mkdir_with_parents (corpus, 0755);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < CORPUS_FILES; i++)
    {
      g_autofree char *name = g_strdup_printf ("policy-%02u.pdf", i + 1);
      g_ptr_array_add (paths, ensure_pdf (corpus, name, i, CORPUS_PAGES_PER_FILE));
    }
  g_ptr_array_add (paths, NULL);
  printf ("corpus: %u PDFs x %u pages in %s (ready in %.1f s)\n", CORPUS_FILES, CORPUS_PAGES_PER_FILE,
          corpus, seconds_since (start));

  /* Indexing against pdftotext, same files, same run, taking turns; the best
   * of three of each, as the machine may be busy with other work. */
  bench_pdftotext ((char **) paths->pdata, scratch);
  t_pdftotext = t_import = G_MAXDOUBLE;
  for (guint r = 0; r < 3; r++)
    {
      t_pdftotext = MIN (t_pdftotext, bench_pdftotext ((char **) paths->pdata, scratch));
      t_import = MIN (t_import, bench_import ((char **) paths->pdata));
    }
  if (t_pdftotext > 0)
    printf ("indexing: %u pages in %.2f s = %.0f pages/s; pdftotext %.2f s = %.0f pages/s; ratio %.2fx (target >= 0.8x)\n",
            total_pages, t_import, total_pages / t_import, t_pdftotext, total_pages / t_pdftotext,
            t_pdftotext / t_import);
  printf ("  (the import runs %u PDF readers side by side; pdftotext reads one file at a time)\n",
          MIN (g_get_num_processors (), 4));
  if (t_pdftotext <= 0)
    printf ("indexing: %u pages in %.2f s = %.0f pages/s; pdftotext not installed\n",
            total_pages, t_import, total_pages / t_import);

  /* Search over 20,000 pages. */
  {
    static const char * const long_queries[] = {
      "联络员", "枢纽型组织", "政府购买服务", "党建带群建", "项目化运作", "目标管理考核",
      "全过程公开", "secretariat", "品牌项目一体化", "不存在的短语", "的一是", "发展工作",
      NULL,
    };
    static const char * const short_queries[] = {
      "员", "群团", "考核", "赞", "捐赠", "的", "哈", "AI", "发展", NULL,
    };
    static const char * const every_page[] = { "号文件", NULL };
    g_autofree char *db_path = NULL;
    g_autoptr(CouncilStore) store = NULL;
    g_autofree char *db_dir = NULL;
    guint hits_long, hits_short;
    double m_long, m_short;

    /* The large council of every benchmark (tests/council-generate.c). */
    start = g_get_monotonic_time ();
    store = council_generate_open_cached (COUNCIL_GENERATE_LARGE, COUNCIL_GENERATE_SEED, &db_path, &open_error);
    if (store == NULL)
      g_error ("could not open the generated council: %s", open_error->message);
    db_dir = g_path_get_dirname (db_path);
    printf ("search corpus: the large council's %u documents, %d pages, ready in %.1f s\n",
            council_store_count_documents (store), SEARCH_PAGES, seconds_since (start));
    long_pdf = long_document (store);
    m_long = bench_queries (store, long_queries, &hits_long);
    m_short = bench_queries (store, short_queries, &hits_short);
    {
      guint n;
      double m_every = bench_queries (store, every_page, &n);
      printf ("search, a phrase on every page (worst case): median %.2f ms\n", m_every);
    }
    printf ("search, 3+ characters (trigram index): median %.2f ms over %u queries (target < 20 ms)\n",
            m_long, (guint) (G_N_ELEMENTS (long_queries) - 1));
    printf ("search, 1-2 characters (scan): median %.2f ms over %u queries (target < 200 ms)\n",
            m_short, (guint) (G_N_ELEMENTS (short_queries) - 1));
    g_clear_object (&store);
    council_test_rm_rf (db_dir);
  }

  /* First page of a 300-page document: open + draw at 1.5x (a page at fit width). */
  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
    GBytes *pdf = long_pdf;
    gsize len = g_bytes_get_size (pdf);
    for (guint r = 0; r < 7; r++)
      {
        g_autoptr(GError) error = NULL;
        cairo_surface_t *surface;
        double ms;

        start = g_get_monotonic_time ();
        surface = council_document_render_page_from_bytes (pdf, 1, 1.5, &error);
        ms = seconds_since (start) * 1000;
        g_assert_no_error (error);
        cairo_surface_destroy (surface);
        if (r == 0)
          printf ("first page of a %u-page document (%.1f MB): first draw %.1f ms\n",
                  LONG_DOCUMENT_PAGES, len / 1e6, ms);
        g_array_append_val (times, ms);
      }
    printf ("first page of a %u-page document: median %.1f ms (target < 300 ms)\n",
            LONG_DOCUMENT_PAGES, median (times));
  }

  g_bytes_unref (long_pdf);
  council_test_rm_rf (scratch);
  return 0;
}
