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

G_END_DECLS
