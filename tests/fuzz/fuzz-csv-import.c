/* fuzz-csv-import.c: libFuzzer target for the roster CSV import.
 *
 *   CC=clang meson setup _build-fuzz -Dfuzzing=true -Db_sanitize=address
 *   ninja -C _build-fuzz tests/fuzz/fuzz-csv-import
 *   _build-fuzz/tests/fuzz/fuzz-csv-import -max_total_time=300 NEW-DIR tests/fuzz/corpus/csv
 *
 * A crash found becomes a file in tests/fuzz/regressions/csv/, replayed by
 * test-fuzz-regressions in every `meson test`.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "fuzz-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static CouncilStore *store;

static void
close_store (void)
{
  g_clear_object (&store);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;

      store = council_store_open_temporary (&error);
      g_assert_no_error (error);
      atexit (close_store);
    }
  council_fuzz_csv_import_one (store, data, size);
  return 0;
}
