/* council-window-private.h: what the window offers its own tests.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-window.h"

G_BEGIN_DECLS

/* What Back Up… does once a file is chosen: copies the database in a thread
 * and reports in the message bar. */
void council_window_back_up_to (CouncilWindow *self,
                                const char    *path);

/* The text of the message bar while it is shown, or NULL. */
const char *council_window_get_message (CouncilWindow *self);

G_END_DECLS
