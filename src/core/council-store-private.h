/* council-store-private.h: what the store files of src/core share.
 * Only files named council-store*.c and the store's own helpers may include this.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "council-store.h"

G_BEGIN_DECLS

sqlite3      *council_store_get_db       (CouncilStore *self);

/* Prepared statements are cached by SQL text; the returned statement is reset
 * and its bindings cleared. Do not finalize it. */
sqlite3_stmt *council_store_prepare      (CouncilStore *self,
                                          const char   *sql,
                                          GError      **error);

/* One user-visible change = one IMMEDIATE transaction + one row in `change`,
 * which the history triggers attach their rows to. */
gboolean      council_store_begin_change (CouncilStore *self,
                                          const char   *summary,
                                          GError      **error);
gboolean      council_store_commit_change (CouncilStore *self,
                                          GError      **error);
void          council_store_rollback_change (CouncilStore *self);
gboolean      council_store_in_change    (CouncilStore *self);

/* Runs a statement that returns no rows; the error says what failed. */
gboolean      council_store_exec         (CouncilStore *self,
                                          const char   *sql,
                                          GError      **error);
/* Sets *error from the connection's last error, mapping constraint, busy,
 * read-only and full-disk failures to messages a person understands. */
gboolean      council_store_set_sqlite_error (CouncilStore *self,
                                          int           rc,
                                          GError      **error);

/* Emits CouncilStore::changed for the tables touched. */
void          council_store_emit_changed (CouncilStore *self,
                                          const char   *table);

/* Steps @stmt, whose rows are (id, name) in order of id, into a table of
 * gint64* id -> the names of that id joined by @separator (NULL names are
 * skipped, as group_concat does). The statement is reset; NULL with @error
 * set when a step fails. */
GHashTable   *council_store_join_names_by_id (CouncilStore *self,
                                              sqlite3_stmt *stmt,
                                              const char   *separator,
                                              GError      **error);
/* Copies a text column ("" for NULL). */
char         *council_store_column_text  (sqlite3_stmt *stmt,
                                          int           column);

/* The projects list answers year, organization, category and status
 * filters from memory; FALSE makes it ask SQL, as tests do to compare. */
void          council_store_projects_set_filters_in_memory (gboolean enabled);

G_END_DECLS
