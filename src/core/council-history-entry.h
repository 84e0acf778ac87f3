/* council-history-entry.h: one recorded insert, update or delete of a row.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define COUNCIL_TYPE_HISTORY_ENTRY (council_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (CouncilHistoryEntry, council_history_entry, COUNCIL, HISTORY_ENTRY, GObject)

CouncilHistoryEntry *council_history_entry_new (gint64      change_id,
                                                const char *at,
                                                const char *who,
                                                const char *summary,
                                                const char *table,
                                                gint64      row_id,
                                                const char *op);
void        council_history_entry_add_field     (CouncilHistoryEntry *self,
                                                 const char          *column,
                                                 const char          *before,
                                                 const char          *after);
gint64      council_history_entry_get_change_id (CouncilHistoryEntry *self);
const char *council_history_entry_get_at        (CouncilHistoryEntry *self);
const char *council_history_entry_get_who       (CouncilHistoryEntry *self);
const char *council_history_entry_get_summary   (CouncilHistoryEntry *self);
const char *council_history_entry_get_table     (CouncilHistoryEntry *self);
gint64      council_history_entry_get_row_id    (CouncilHistoryEntry *self);
const char *council_history_entry_get_op        (CouncilHistoryEntry *self);
guint       council_history_entry_get_n_fields  (CouncilHistoryEntry *self);
/* "Phone: 023-1 → 023-2" lines, translated; for inserts the values set. */
char       *council_history_entry_describe      (CouncilHistoryEntry *self);

/* The translated label of a stored column ("staff_in_post" → "Staff in post"). */
const char *council_column_label                (const char *table,
                                                 const char *column);

G_END_DECLS
