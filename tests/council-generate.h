/* council-generate.h: councils of realistic and of large size, deterministic
 * by seed, for benchmarks and long-running tests.
 *
 * The data is written through the store's own functions, so it has history
 * and passes validation like data a person entered. Generation is a table of
 * steps (council-generate.c); each feature adds its step there: projects and
 * fund entries, meetings and action items, document pages.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-store.h"

G_BEGIN_DECLS

typedef enum
{
  COUNCIL_GENERATE_REALISTIC,  /* a district council: ~22 units, a few years of edits */
  COUNCIL_GENERATE_LARGE,      /* far beyond any district, for scaling */
} CouncilGenerateSize;

typedef struct
{
  guint organizations;
  guint liaison_officers;   /* over all organizations */
  guint history_edits;      /* single-record edits, each its own change */
  /* Filled in by the steps of later features: */
  guint projects;           /* large: 100,000 */
  guint fund_entries;       /* large: 300,000 */
  guint meetings;           /* large: 20,000 */
  guint action_items;       /* large: 200,000 */
  guint document_pages;     /* large: 20,000 */
} CouncilGenerateCounts;

void     council_generate_counts (CouncilGenerateSize     size,
                                  CouncilGenerateCounts  *counts);

/* Adds a generated council to store (normally a freshly created one). The
 * same seed and counts give the same records. */
gboolean council_generate        (CouncilStore                *store,
                                  const CouncilGenerateCounts *counts,
                                  guint32                      seed,
                                  GError                     **error);

G_END_DECLS
