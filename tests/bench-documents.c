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
#include "council-document-import.h"
#include "council-document-render.h"
#include "council-store-documents.h"
#include "council-test-helpers.h"

#define CORPUS_FILES 20
#define CORPUS_PAGES_PER_FILE 100
#define SEARCH_DOCUMENTS 200
#define SEARCH_PAGES_PER_DOCUMENT 100
#define LONG_DOCUMENT_PAGES 300
#define SEARCH_REPEATS 5

static const char * const sentences[] = {
  "坚持以党建带群建、群建促党建，推动群团组织更好发挥桥梁纽带作用。",
  "发挥总工会、共青团、妇联等枢纽型组织的联系服务作用。",
  "群团组织在人社、司法等政府部门设立联络员，定期沟通工作情况。",
  "以项目为载体整合资源，推行群团工作项目化运作。",
  "围绕维权服务、就业创业、困难帮扶等领域打造群团品牌项目。",
  "项目资金主要来源于政府购买服务、财政专项拨款和社会募捐。",
  "资金使用情况实行全过程公开，接受社会监督。",
  "区群团工作理事会每年开展目标管理考核，评定优秀、良好、合格、不合格等次。",
  "联席会议由理事会秘书处召集，成员单位分管领导参加。",
  "基层群团组织覆盖镇街、村社区，延伸工作手臂。",
  "对多个群团组织的同类品牌项目实施一体化整合。",
  "各级党组织要把群团工作列入重要议事日程，每年至少专题研究一次。",
  "加强群团干部队伍建设，防止人员长期抽调影响正常工作。",
  "鼓励企业赞助、海外捐赠等多元渠道参与群团公益项目。",
  "The council secretariat reviews project budgets every quarter.",
  "志愿服务、文化活动、科普宣传等项目纳入年度计划。",
};

/* Running text is mostly ordinary vocabulary; the council's own phrases turn
 * up on some pages, not all (each sentence of the bank on about 1 page in 8). */
static const char common_chars[] =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";

static void
append_common_words (GString *text, GRand *rand, guint n)
{
  static gunichar *chars = NULL;
  static glong n_chars = 0;

  if (chars == NULL)
    chars = g_utf8_to_ucs4_fast (common_chars, -1, &n_chars);
  for (guint i = 0; i < n; i++)
    {
      guint len = (guint) g_rand_int_range (rand, 2, 5);
      for (guint j = 0; j < len; j++)
        g_string_append_unichar (text, chars[g_rand_int_range (rand, 0, (gint32) n_chars)]);
      if (g_rand_int_range (rand, 0, 8) == 0)
        g_string_append (text, "，");
    }
  g_string_append (text, "。");
}

static char *
make_library_page_text (GRand *rand, guint doc, guint page)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "第%u号文件 第%u页\n", doc + 1, page + 1);
  for (guint i = 0; i < 6; i++)
    {
      append_common_words (text, rand, 40);
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_string_append (text, sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentences))]);
      if (g_rand_int_range (rand, 0, 4) == 0)
        g_string_append (text, "\n　　");
    }
  return g_string_free (text, FALSE);
}

static char *
make_page_text (GRand *rand, guint doc, guint page)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "第%u号文件 第%u页\n", doc + 1, page + 1);
  for (guint i = 0; i < 24; i++)
    {
      g_string_append (text, sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentences))]);
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

static void
fill_search_store (CouncilStore *store)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);

  for (guint d = 0; d < SEARCH_DOCUMENTS; d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CouncilDocument) doc = council_document_new ();
      g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *title = g_strdup_printf ("关于群团工作的第%u号文件", d + 1);
      g_autofree char *fake = g_strdup_printf ("%%PDF-1.5 stand-in %u", d);
      g_autoptr(GBytes) pdf = g_bytes_new (fake, strlen (fake));

      for (guint p = 0; p < SEARCH_PAGES_PER_DOCUMENT; p++)
        {
          g_autofree char *raw = make_library_page_text (rand, d, p);
          g_ptr_array_add (pages, council_document_normalize_text (raw));
        }
      council_document_set_title (doc, title);
      council_document_set_issue_date (doc, d % 2 ? "2025-06-01" : "2026-03-05");
      g_assert_cmpint (council_store_insert_document (store, doc, pdf, pages, &error), >, 0);
      g_assert_no_error (error);
    }
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
    g_autoptr(CouncilStore) store = council_test_open_store (&db_path);
    g_autofree char *db_dir = g_path_get_dirname (db_path);
    guint hits_long, hits_short;
    double m_long, m_short;

    start = g_get_monotonic_time ();
    fill_search_store (store);
    printf ("search corpus: %u pages inserted in %.1f s\n", SEARCH_DOCUMENTS * SEARCH_PAGES_PER_DOCUMENT,
            seconds_since (start));
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
    g_autofree char *path = ensure_pdf (corpus, "long-300.pdf", 99, LONG_DOCUMENT_PAGES);
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
    char *contents = NULL;
    gsize len = 0;
    g_autoptr(GBytes) pdf = NULL;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    pdf = g_bytes_new_take (contents, len);
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

  council_test_rm_rf (scratch);
  return 0;
}
