/* council-generate.h: councils of realistic and of large size, deterministic
 * by seed, for the benchmarks and long-running tests — every benchmark
 * measures the same data.
 *
 * Steps, in order (council-generate.c): organizations and liaison officers
 * (through the store's own functions), years of history edits, projects and
 * fund entries (council_demo_generate_projects(), as the projects benchmarks
 * use), milestones and integrated brands, meetings with attendance and action
 * items, assessment schemes with scores, policy documents with indexed pages.
 * The bulk steps live in src/core/council-store-generate-council.c.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-store.h"

G_BEGIN_DECLS

/* Bump when the generated data changes: cached councils of another version
 * are not reused. */
#define COUNCIL_GENERATOR_VERSION 1
/* The seed the benchmarks use; the projects benchmarks generate with it too. */
#define COUNCIL_GENERATE_SEED 42

typedef enum
{
  COUNCIL_GENERATE_REALISTIC,  /* a district council: 22 units, a few hundred projects */
  COUNCIL_GENERATE_LARGE,      /* far beyond any district, for scaling */
} CouncilGenerateSize;

typedef struct
{
  guint organizations;        /* the 22 of the seeded roster, more added when asked */
  guint liaison_officers;     /* over all organizations */
  guint history_edits;        /* single-record edits, each its own change */
  guint projects;             /* large: 100,000 (brands come on top) */
  guint fund_entries;         /* large: 300,000 */
  guint milestones;
  guint brands;               /* council-level brands integrating 2-3 brand projects */
  guint meetings;             /* large: 20,000 */
  guint action_items;         /* large: 200,000 */
  guint assessment_years;     /* finalized schemes, the last for 2025 */
  guint document_pages;       /* large: 20,000 */
  guint long_document_pages;  /* the first document, a real PDF; part of document_pages */
} CouncilGenerateCounts;

void     council_generate_counts  (CouncilGenerateSize          size,
                                   CouncilGenerateCounts       *counts);

/* Adds a generated council to store (a freshly created, seeded one). The
 * same seed and counts give the same records. */
gboolean council_generate         (CouncilStore                *store,
                                   const CouncilGenerateCounts *counts,
                                   guint32                      seed,
                                   GError                     **error);
gboolean council_generate_council (CouncilStore                *store,
                                   CouncilGenerateSize          size,
                                   guint32                      seed,
                                   GError                     **error);

/* The generated council as a database file of its own in dir (a copy the
 * caller may change), from a cache in the build directory keyed by
 * generator version, size and seed; generated there on first use. Returns
 * the path of the copy. */
char    *council_generate_cached_copy (CouncilGenerateSize    size,
                                       guint32                seed,
                                       const char            *dir,
                                       GError               **error);

/* The same, in a fresh temporary directory, opened; *out_path names the copy
 * (remove its directory when done). */
CouncilStore *council_generate_open_cached (CouncilGenerateSize size,
                                            guint32             seed,
                                            char              **out_path,
                                            GError            **error);

G_END_DECLS
