/* fuzz-csv.h: one input through the roster CSV import, shared by the
 * libFuzzer target and the regression test that replays the corpus.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-store.h"

/* Prepares the import, reads every row's verdict, applies it and undoes it,
 * so the store is the same after every input. Aborts when an invariant
 * breaks (a row count that disagrees, a change that does not undo). */
void council_fuzz_csv_import_one (CouncilStore *store,
                                  const guint8 *data,
                                  gsize         size);
