/* council-import-dialog.h: Roster → Import…: choose a CSV, preview, apply.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-store.h"

G_BEGIN_DECLS

/* Asks for a CSV file, shows what the import would add, change and reject,
 * and writes it only when the person confirms and no row is rejected. */
void council_import_dialog_run (GtkWindow    *parent,
                                CouncilStore *store);

G_END_DECLS
