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

G_END_DECLS
