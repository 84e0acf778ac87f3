/* council-demo.h: a realistic sample council for newcomers and screenshots.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-store.h"

G_BEGIN_DECLS

/* Fills a freshly opened (seeded) store with the sample council. */
gboolean council_demo_fill (CouncilStore *store,
                            GError      **error);

/* Adds the sample portfolio: about 60 projects of this year and last, four
 * integrated brands, milestones and a year of fund entries (deterministic). */
gboolean council_demo_fill_projects (CouncilStore *store,
                                     GError      **error);

/* Bulk synthetic projects for benchmarks and tests, in one non-undoable
 * change, bypassing the record validation (the schema's CHECKs still hold). */
gboolean council_demo_generate_projects (CouncilStore *store,
                                         guint         n_projects,
                                         guint         n_fund_entries,
                                         guint32       seed,
                                         GError      **error);

/* Adds about a dozen meetings of the current year (attendance, minutes,
 * decisions, action items, some overdue, progress notes). Deterministic; does
 * nothing when the store already holds meetings. Meeting 1 always exists. */
gboolean council_demo_fill_meetings (CouncilStore *store,
                                     GError      **error);
/* Adds a few generated policy PDFs (Chinese text, several pages) to the
 * store, indexed and linked to hub organizations. */
gboolean council_demo_fill_documents (CouncilStore *store,
                                      GError      **error);

/* Writes an A4 PDF with one page per string of @pages (Chinese text through a
 * CJK font; "\n" starts a new line), and @title as its metadata title when
 * not NULL. Used by the demo, the tests and the benchmarks. */
gboolean council_demo_write_pdf      (const char         *path,
                                      const char         *title,
                                      const char * const *pages,
                                      GError            **error);

/* Adds last year's assessment scheme, scored for every organization and
 * finalized, and this year's copied from it and partly scored. Deterministic;
 * does nothing when the store already holds schemes. */
gboolean council_demo_fill_assessment (CouncilStore *store,
                                       GError      **error);

G_END_DECLS
