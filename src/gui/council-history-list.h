/* council-history-list.h: the change log of one record (who, when, what).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_HISTORY_LIST (council_history_list_get_type ())
G_DECLARE_FINAL_TYPE (CouncilHistoryList, council_history_list, COUNCIL, HISTORY_LIST, GtkWidget)

GtkWidget *council_history_list_new        (void);
/* Shows the history of one row, newest first; row_id 0 (or a NULL store)
 * empties the list. Call again to refresh. */
void       council_history_list_set_record (CouncilHistoryList *self,
                                            CouncilStore       *store,
                                            const char         *table,
                                            gint64              row_id);
guint      council_history_list_get_n_entries (CouncilHistoryList *self);

/* "2026-11-29T10:22:01" as the UI language writes a date and time. */
char      *council_format_timestamp        (const char *iso);

G_END_DECLS
