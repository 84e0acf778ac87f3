/* fuzz-document.h: one input through the document import path, shared by the
 * libFuzzer target and the regression test that replays the corpus.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-store.h"

/* The input is taken as both things the importing side reads:
 *   - a PDF: read by the reader's own loop (the one the worker process runs,
 *     here in this process, so the fuzzer sees into poppler), its metadata
 *     guessed, imported into @store in one change and undone again;
 *   - the reader's answer: the frames the parent parses (the parent must
 *     survive whatever a broken worker writes).
 * Aborts when an invariant breaks: a failure without a message, an import
 * that is not one change or does not undo, pages that are not all stored, a
 * frame length past the input. Returns whether the input was imported as a
 * PDF (and undone). */
gboolean council_fuzz_document_one (CouncilStore *store,
                                const guint8 *data,
                                gsize         size);
