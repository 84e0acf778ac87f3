/* fuzz-document-import.c: libFuzzer target for the document import path
 * (the PDF reader's loop over poppler, metadata guessing, the store import,
 * and the parent's parsing of the reader's answer).
 *
 *   CC=clang meson setup _build-fuzz -Dfuzzing=true -Db_sanitize=address -Db_lundef=false
 *   ninja -C _build-fuzz tests/fuzz/fuzz-document-import
 *   _build-fuzz/tests/fuzz/fuzz-document-import -max_total_time=300 -timeout=20 NEW-DIR tests/fuzz/corpus/document
 *
 * A crash found becomes a file in tests/fuzz/regressions/document/, replayed
 * by test-fuzz-regressions in every `meson test`.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "fuzz-document.h"

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
  council_fuzz_document_one (store, data, size);
  return 0;
}
