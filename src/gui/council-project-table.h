/* council-project-table.h: the projects list, one drawn widget per row.
 *
 * GTK 4.8's list views keep 200 rows alive whatever the window shows, and a
 * GtkColumnView gives each row a cell widget per column (with its own click
 * gesture, focus controller and CSS node) plus the cell's child: twelve
 * columns are 5,000 widgets, built when the view opens and rebound on every
 * search. This table keeps a GtkColumnView for its header only (titles,
 * sort indicators, resizing) and lists the rows in a GtkListView whose row
 * is one widget that draws its twelve values at the header's column
 * positions, laying out only the rows on screen.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-store-projects.h"

G_BEGIN_DECLS

typedef enum
{
  COUNCIL_PROJECT_COLUMN_CODE,
  COUNCIL_PROJECT_COLUMN_TITLE,
  COUNCIL_PROJECT_COLUMN_LEAD,
  COUNCIL_PROJECT_COLUMN_PARTNERS,
  COUNCIL_PROJECT_COLUMN_CATEGORY,
  COUNCIL_PROJECT_COLUMN_STATUS,
  COUNCIL_PROJECT_COLUMN_HEALTH,
  COUNCIL_PROJECT_COLUMN_START,
  COUNCIL_PROJECT_COLUMN_END,
  COUNCIL_PROJECT_COLUMN_BUDGET,
  COUNCIL_PROJECT_COLUMN_SPENT,
  COUNCIL_PROJECT_COLUMN_BENEFICIARIES,
  COUNCIL_PROJECT_N_COLUMNS
} CouncilProjectColumn;

#define COUNCIL_TYPE_PROJECT_TABLE (council_project_table_get_type ())
G_DECLARE_FINAL_TYPE (CouncilProjectTable, council_project_table, COUNCIL, PROJECT_TABLE, GtkWidget)

#define COUNCIL_TYPE_PROJECT_ROW (council_project_row_get_type ())
G_DECLARE_FINAL_TYPE (CouncilProjectRow, council_project_row, COUNCIL, PROJECT_ROW, GtkWidget)

GtkWidget     *council_project_table_new            (void);
/* Rows are CouncilProject items, or GtkTreeListRow items of them (tree
 * mode: the code column then carries the expander). */
void           council_project_table_set_model      (CouncilProjectTable *self,
                                                     GtkSelectionModel   *model);
GtkColumnView *council_project_table_get_header     (CouncilProjectTable *self);
GtkListView   *council_project_table_get_list_view  (CouncilProjectTable *self);
/* The order the header's sort indicator asks for (the primary column). */
void           council_project_table_get_sort       (CouncilProjectTable *self,
                                                     CouncilProjectSort  *sort,
                                                     gboolean            *descending);
/* Where the rows draw @column (from the header's titles): its left edge and
 * width, in the rows' coordinates. */
void           council_project_table_get_column_box (CouncilProjectTable *self,
                                                     CouncilProjectColumn column,
                                                     int                 *x,
                                                     int                 *width);

/* The text a row shows in @column, or NULL for a row with no project. */
char          *council_project_row_dup_text         (CouncilProjectRow   *self,
                                                     CouncilProjectColumn column);

G_END_DECLS
