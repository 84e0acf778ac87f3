/* fuzz-docnumber.h: one input through the 文号 normaliser, shared by the
 * libFuzzer target and the regression test. Built only where
 * src/core/council-docnumber.h exists (the documents work).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* Normalises and searches the input; aborts when a result is not valid
 * UTF-8, a failure has no message, or normalising is not idempotent. */
void council_fuzz_docnumber_one (const guint8 *data,
                                 gsize         size);
