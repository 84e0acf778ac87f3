/* council-test-helpers.h: shared set-up for the tests.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "council-store.h"

G_BEGIN_DECLS

/* A fresh directory under the test's temporary dir, removed at exit. */
char         *council_test_make_tmpdir  (void);
/* A freshly seeded store in a temporary file; the path is under a temp dir. */
CouncilStore *council_test_open_store   (char **out_path);
/* Removes a directory tree (test fixture clean-up). */
void          council_test_rm_rf        (const char *path);
/* Runs a command line, captures stdout and stderr; returns the exit status. */
int           council_test_spawn        (const char * const *argv,
                                         char              **out_stdout,
                                         char              **out_stderr);
/* Iterates the main context until @cond (data) holds; aborts with a message
 * naming @what after 20 seconds. */
void          council_test_wait_for     (gboolean (*cond) (gpointer data),
                                         gpointer            data,
                                         const char         *what);
/* Runs what is pending in the main context, without waiting. */
void          council_test_spin         (void);

/* A g_test_add() fixture: the sample council (council_demo_fill) in a fresh
 * store; dir is the store's directory, for files a test writes beside it. */
typedef struct
{
  CouncilStore *store;
  char *db_path;
  char *dir;
} CouncilTestDemo;

void          council_test_demo_setup    (CouncilTestDemo *f,
                                          gconstpointer    data);
void          council_test_demo_teardown (CouncilTestDemo *f,
                                          gconstpointer    data);

G_END_DECLS

G_BEGIN_DECLS

/* Crash-safety checks, shared by test-crash-safety and the crash writer.
 *
 * A hex SHA-256 of every record table (all tables except the change log,
 * history and SQLite's own), read through a separate read-only connection. */
char         *council_test_state_hash   (const char *db_path);
/* The id of the newest row in `change`, 0 when there is none. */
gint64        council_test_last_change  (const char *db_path);
/* Checks integrity, foreign keys, that every change has its history and
 * every history row its change, and that the newest history of each row of
 * each recorded table equals the row. Returns NULL when all holds, else one
 * line per problem. */
char         *council_test_check_consistency (const char *db_path);

G_END_DECLS

G_BEGIN_DECLS

/* "sheet!cell" -> text of every cell of an .xlsx, read back with openpyxl
 * (tests/read-xlsx.py): a real reader, not ours. */
GHashTable   *council_test_read_workbook (const char *path);
/* The text of one cell; aborts when the workbook has no such cell. */
const char   *council_test_workbook_fact (GHashTable *facts,
                                          const char *sheet,
                                          const char *key);

G_END_DECLS
