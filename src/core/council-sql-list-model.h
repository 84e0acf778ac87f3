/* council-sql-list-model.h: a GListModel whose rows stay in SQLite until shown.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "council-store.h"

G_BEGIN_DECLS

/* Counts the rows of the current query. */
typedef gboolean (*CouncilSqlCountFunc) (gpointer   query,
                                         guint     *out_n_rows,
                                         GError   **error);
/* Appends the rows [offset, offset + limit) of the current query to @items
 * as GObjects of the model's item type. */
typedef gboolean (*CouncilSqlFetchFunc) (gpointer   query,
                                         guint      offset,
                                         guint      limit,
                                         GPtrArray *items,
                                         GError   **error);

#define COUNCIL_TYPE_SQL_LIST_MODEL (council_sql_list_model_get_type ())
G_DECLARE_FINAL_TYPE (CouncilSqlListModel, council_sql_list_model, COUNCIL, SQL_LIST_MODEL, GObject)

/* The SQL itself lives in the council-store-*.c file that creates the model
 * and hands over its two callbacks and the query they share (owned by the
 * model, freed with @query_free). The model recounts when the store emits
 * "changed" for one of @tables (NULL-terminated; NULL = any table). */
CouncilSqlListModel *council_sql_list_model_new (GType                item_type,
                                                 CouncilStore        *store,
                                                 const char * const  *tables,
                                                 CouncilSqlCountFunc  count_func,
                                                 CouncilSqlFetchFunc  fetch_func,
                                                 gpointer             query,
                                                 GDestroyNotify       query_free);

gpointer  council_sql_list_model_get_query     (CouncilSqlListModel *self);
/* Drops every cached row and recounts. The new rows are added in front of
 * the old ones, "reloading" is emitted, then the old rows are removed (see
 * the signal). Call after changing the query (filter, sort). */
void      council_sql_list_model_invalidate    (CouncilSqlListModel *self);
/* Rows fetched per query; 200 by default. At least 4 pages and 800 rows
 * stay cached. */
void      council_sql_list_model_set_page_size (CouncilSqlListModel *self,
                                                guint                page_size);
/* The last error of a count or fetch, or NULL. */
const GError *council_sql_list_model_get_error (CouncilSqlListModel *self);

G_END_DECLS
