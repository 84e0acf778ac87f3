/* fuzz-docnumber.c: libFuzzer target for the 文号 normaliser.
 *
 *   _build-fuzz/tests/fuzz/fuzz-docnumber -max_total_time=300 NEW-DIR tests/fuzz/corpus/docnumber
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "fuzz-docnumber.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  council_fuzz_docnumber_one (data, size);
  return 0;
}
