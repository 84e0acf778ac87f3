/* council-store-workbook.h: the long sheets of the leaders' workbook read in
 * one ordered pass, row by row, with nothing allocated per row.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-action-item.h"
#include "council-store.h"
#include "council-store-projects.h"

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

/* One project as the Projects and Brands sheets write it: the values the
 * list shows (rolled up for a brand of sources, as in
 * council_project_get_rolled_*() and council_project_get_spent_fen()). The
 * strings belong to the pass and are valid during the callback only. */
typedef struct
{
  gint64               id;
  const char          *code;
  const char          *title_zh;
  const char          *title_en;           /* "" */
  gint64               lead_org_id;
  gint64               category_id;
  const char          *partners;           /* names in the filter's language, joined by "、"; "" */
  const char          *start_date;         /* "" */
  const char          *end_date;           /* "" */
  CouncilProjectStatus status;             /* rolled up */
  CouncilProjectHealth health;             /* rolled up: the worst */
  gint64               budget_fen;         /* rolled up */
  gint64               spent_fen;          /* rolled up */
  gint64               actual_beneficiaries; /* rolled up */
  gint64               integrated_into;    /* 0: none */
  gboolean             under_brand;        /* the Brands pass: a source below its brand */
} CouncilProjectRow;

/* FALSE stops the pass (with the callback's own error). The callback must
 * not use the store: the pass's statement is open. */
typedef gboolean (*CouncilProjectRowFunc) (const CouncilProjectRow *row, gpointer user_data);

/* The rows and order of council_store_foreach_project(), without building a
 * CouncilProject per row or computing roll-ups for projects without sources. */
gboolean council_store_foreach_project_row (CouncilStore              *self,
                                            const CouncilProjectFilter *filter,
                                            CouncilProjectSort          sort,
                                            gboolean                    descending,
                                            CouncilProjectRowFunc       func,
                                            gpointer                    user_data,
                                            GError                    **error);

/* The Brands sheet: each brand with sources (by code), followed by its
 * sources (by code). @names_language: a CouncilNamesLanguage. */
gboolean council_store_foreach_brand_row   (CouncilStore              *self,
                                            int                         names_language,
                                            CouncilProjectRowFunc       func,
                                            gpointer                    user_data,
                                            GError                    **error);

/* One fund entry as the Fund disclosure sheet writes it (strings valid
 * during the callback only). */
typedef struct
{
  const char        *project_code;
  const char        *project_title;   /* in the language asked for */
  CouncilFundSource  source;
  CouncilFundKind    kind;
  gint64             amount_fen;
  const char        *entry_date;
  const char        *counterparty;    /* "" */
  const char        *voucher_no;      /* "" */
  const char        *note;            /* "" */
} CouncilFundEntryRow;

typedef gboolean (*CouncilFundEntryRowFunc) (const CouncilFundEntryRow *row, gpointer user_data);

/* The entries dated in @year (every year when @year <= 0), by date, project
 * code and entry: the rows of council_store_list_fund_entries_for_year(),
 * with the project's title in the language asked for. */
gboolean council_store_foreach_fund_entry_of_year (CouncilStore          *self,
                                                   int                    year,
                                                   gboolean               chinese,
                                                   CouncilFundEntryRowFunc func,
                                                   gpointer               user_data,
                                                   GError               **error);

/* How many entries council_store_foreach_fund_entry_of_year() hands out. */
gboolean council_store_count_fund_entries_of_year (CouncilStore *self,
                                                   int           year,
                                                   guint        *out_n,
                                                   GError      **error);

/* Sets the connection's page cache (PRAGMA cache_size: pages, or KiB when
 * negative) and returns the size it had. The long sheets read their rows in
 * sheet order, not file order: with SQLite's default 2 MB every row of a
 * large council is a read from the file. */
int      council_store_swap_cache_size (CouncilStore *self, int cache_size);

G_END_DECLS
