/* council-store-workbook.h: the long sheets of the leaders' workbook read in
 * one ordered pass, row by row, with nothing allocated per row.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-action-item.h"
#include "council-store.h"

G_BEGIN_DECLS

/* One action item as the Action items sheet writes it. The strings belong to
 * the pass and are valid during the callback only. */
typedef struct
{
  gint64               id;
  const char          *text;
  const char          *owner;           /* in the language asked for */
  const char          *co_owners;       /* names in that language, joined; "" without */
  const char          *due_date;
  CouncilActionStatus  status;
  const char          *done_date;       /* "" */
  const char          *last_note_date;  /* "" */
  const char          *last_note;       /* the latest progress note; "" */
  const char          *meeting_date;    /* YYYY-MM-DD */
  const char          *meeting_title;
  int                  days_overdue;    /* pending and past due on as_of; else 0 */
} CouncilActionItemRow;

/* FALSE stops the pass (with the callback's own error). */
typedef gboolean (*CouncilActionItemRowFunc) (const CouncilActionItemRow *row, gpointer user_data);

/* The action items due in @year and the pending ones carried over into it:
 * pending first by due date (the overdue lead), then done and cancelled ones
 * by due date — one pass over action_item_followup. */
gboolean council_store_foreach_action_item_of_year (CouncilStore            *self,
                                                    int                      year,
                                                    const char              *as_of,
                                                    gboolean                 chinese,
                                                    CouncilActionItemRowFunc func,
                                                    gpointer                 user_data,
                                                    GError                 **error);

/* Sets the connection's page cache (PRAGMA cache_size: pages, or KiB when
 * negative) and returns the size it had. The long sheets read their rows in
 * sheet order, not file order: with SQLite's default 2 MB every row of a
 * large council is a read from the file. */
int      council_store_swap_cache_size (CouncilStore *self, int cache_size);

G_END_DECLS
