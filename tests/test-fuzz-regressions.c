/* test-fuzz-regressions.c: replays the fuzz corpus and every input a fuzzer
 * ever crashed on (tests/fuzz/corpus/, tests/fuzz/regressions/) through the
 * same code as the fuzz targets, in the ordinary build.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "council-test-helpers.h"
#include "fuzz/fuzz-csv.h"
#include "fuzz/fuzz-document.h"
#ifdef COUNCIL_HAVE_DOCNUMBER
#include "fuzz/fuzz-docnumber.h"
#endif

typedef void (*ReplayFunc) (const guint8 *data, gsize size, gpointer user_data);

static guint
replay_dir (const char *subdir, const char *target, ReplayFunc func, gpointer user_data)
{
  g_autofree char *dir = g_build_filename (g_getenv ("COUNCIL_TEST_SRCDIR"), "fuzz", subdir, target, NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      gsize size = 0;

      g_assert_true (g_file_get_contents (path, &data, &size, NULL));
      g_test_message ("%s/%s/%s", subdir, target, name);
      func ((const guint8 *) data, size, user_data);
      n++;
    }
  return n;
}

static void
replay_csv (const guint8 *data, gsize size, gpointer store)
{
  council_fuzz_csv_import_one (store, data, size);
}

static void
test_csv_inputs (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = council_test_state_hash (path);
  g_autofree char *after = NULL;

  g_assert_cmpuint (replay_dir ("corpus", "csv", replay_csv, store), >=, 8);
  replay_dir ("regressions", "csv", replay_csv, store);
  /* Each input was undone: the records are what they were. */
  after = council_test_state_hash (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (council_test_check_consistency (path));
  g_clear_object (&store);
  council_test_rm_rf (dir);
}

static CouncilStore *document_store;
static guint documents_imported;

static void
replay_document (const guint8 *data, gsize size, gpointer user_data)
{
  documents_imported += council_fuzz_document_one (document_store, data, size);
}

static void
test_document_inputs (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = council_test_state_hash (path);
  g_autofree char *after = NULL;

  document_store = store;
  g_assert_cmpuint (replay_dir ("corpus", "document", replay_document, NULL), >=, 8);
  /* The well-formed seeds (one page, two pages, a UTF-16 title, Chinese
   * through a ToUnicode map) and some damaged ones import. */
  g_test_message ("%u document seeds imported", documents_imported);
  g_assert_cmpuint (documents_imported, >=, 4);
  replay_dir ("regressions", "document", replay_document, NULL);
  /* Each import was undone: the records are what they were. */
  after = council_test_state_hash (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (council_test_check_consistency (path));
  g_clear_object (&store);
  council_test_rm_rf (dir);
}

#ifdef COUNCIL_HAVE_DOCNUMBER
static void
replay_docnumber (const guint8 *data, gsize size, gpointer user_data)
{
  council_fuzz_docnumber_one (data, size);
}

static void
test_docnumber_inputs (void)
{
  g_assert_cmpuint (replay_dir ("corpus", "docnumber", replay_docnumber, NULL), >=, 8);
  replay_dir ("regressions", "docnumber", replay_docnumber, NULL);
}
#endif

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fuzz-regressions/csv", test_csv_inputs);
  g_test_add_func ("/fuzz-regressions/document", test_document_inputs);
#ifdef COUNCIL_HAVE_DOCNUMBER
  g_test_add_func ("/fuzz-regressions/docnumber", test_docnumber_inputs);
#endif
  return g_test_run ();
}
