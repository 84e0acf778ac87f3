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

/* Adds about a dozen meetings of the current year (attendance, minutes,
 * decisions, action items, some overdue, progress notes). Deterministic; does
 * nothing when the store already holds meetings. Meeting 1 always exists. */
gboolean council_demo_fill_meetings (CouncilStore *store,
                                     GError      **error);

G_END_DECLS
