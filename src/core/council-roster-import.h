/* council-roster-import.h: the roster from a CSV file, previewed before it is written.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-store.h"

G_BEGIN_DECLS

typedef enum
{
  COUNCIL_IMPORT_ROW_ADDED,
  COUNCIL_IMPORT_ROW_CHANGED,
  COUNCIL_IMPORT_ROW_UNCHANGED,
  COUNCIL_IMPORT_ROW_REJECTED,
} CouncilImportRowKind;

#define COUNCIL_TYPE_ROSTER_IMPORT (council_roster_import_get_type ())
G_DECLARE_FINAL_TYPE (CouncilRosterImport, council_roster_import, COUNCIL, ROSTER_IMPORT, GObject)

/* Reads and plans the import without writing anything. Fails only when the file
 * cannot be read or is not a roster CSV (the message says why); problems of
 * single rows are reported as rejected rows. */
CouncilRosterImport *council_roster_import_prepare      (CouncilStore  *store,
                                                         const char    *path,
                                                         GError       **error);
CouncilRosterImport *council_roster_import_prepare_data (CouncilStore  *store,
                                                         const char    *data,
                                                         gsize          length,
                                                         GError       **error);
/* The encoding the file was read in ("UTF-8", "GB18030", "UTF-16LE" or "UTF-16BE"). */
const char          *council_roster_import_get_encoding (CouncilRosterImport *self);
guint                council_roster_import_get_n_rows   (CouncilRosterImport *self);
guint                council_roster_import_count        (CouncilRosterImport *self,
                                                         CouncilImportRowKind kind);
CouncilImportRowKind council_roster_import_get_row_kind (CouncilRosterImport *self,
                                                         guint                row);
/* The line number in the file (the header is line 1). */
guint                council_roster_import_get_row_line (CouncilRosterImport *self,
                                                         guint                row);
const char          *council_roster_import_get_row_name (CouncilRosterImport *self,
                                                         guint                row);
/* Why a row is rejected, or what an import changes ("Phone: a → b"). */
const char          *council_roster_import_get_row_message (CouncilRosterImport *self,
                                                         guint                row);
/* Writes every added and changed row in one change; refuses (writing nothing)
 * when any row is rejected, naming the first such row and its reason. */
gboolean             council_roster_import_apply        (CouncilRosterImport *self,
                                                         CouncilStore        *store,
                                                         GError             **error);

G_END_DECLS
