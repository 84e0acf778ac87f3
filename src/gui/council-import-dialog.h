/* council-import-dialog.h: Roster → Import…: choose a CSV, preview, apply.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-roster-import.h"
#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_IMPORT_DIALOG (council_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CouncilImportDialog, council_import_dialog, COUNCIL, IMPORT_DIALOG, GtkWindow)

/* Asks for a CSV file, shows what the import would add, change and reject,
 * and writes it only when the person confirms and no row is rejected. */
void                 council_import_dialog_run (GtkWindow           *parent,
                                                CouncilStore        *store);
/* The preview window for an import already prepared from file_name. */
CouncilImportDialog *council_import_dialog_new (GtkWindow           *parent,
                                                CouncilStore        *store,
                                                CouncilRosterImport *import,
                                                const char          *file_name);

G_END_DECLS
