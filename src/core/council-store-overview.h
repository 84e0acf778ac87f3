/* council-store-overview.h: the aggregate queries behind the Overview and the
 * global search (council-overview.c assembles them).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-overview.h"

G_BEGIN_DECLS

/* Fills the figures of overview->year on overview->as_of: organizations,
 * projects, funds, meetings held, action items, documents, and the four lists. */
gboolean   council_store_fill_overview        (CouncilStore    *self,
                                               CouncilOverview *overview,
                                               gboolean         chinese,
                                               GError         **error);

/* Search functions, one per kind (CouncilSearchFunc). */
GPtrArray *council_store_search_organizations (CouncilStore *self, const char *query,
                                               gboolean chinese, guint limit, GError **error);
GPtrArray *council_store_search_projects      (CouncilStore *self, const char *query,
                                               gboolean chinese, guint limit, GError **error);
GPtrArray *council_store_search_meetings      (CouncilStore *self, const char *query,
                                               gboolean chinese, guint limit, GError **error);
GPtrArray *council_store_search_action_items  (CouncilStore *self, const char *query,
                                               gboolean chinese, guint limit, GError **error);
GPtrArray *council_store_search_indicators    (CouncilStore *self, const char *query,
                                               gboolean chinese, guint limit, GError **error);
GPtrArray *council_store_search_document_text (CouncilStore *self, const char *query,
                                               gboolean chinese, guint limit, GError **error);

/* The scheme an assessment indicator belongs to; -1 with @error when it is gone. */
gint64     council_store_find_indicator_scheme (CouncilStore *self, gint64 indicator_id, GError **error);

G_END_DECLS
