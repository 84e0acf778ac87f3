/* council-line-cell.h: one line of text in a cell of a long column view.
 *
 * GTK 4.8's list views keep 200 rows alive whatever their height, so a
 * column view of twelve columns holds 2,400 cells that are created, bound
 * and measured on every page jump and every reload. A GtkLabel lays out its
 * text to measure it; a GtkInscription creates two Pango contexts of its
 * own and asks Pango for the font metrics (which shapes a sample text) each
 * time it is measured. This cell does neither: its height is one line of
 * its column view's font, measured once per view, and its text is laid out
 * only when it is drawn, in the column view's Pango context.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COUNCIL_TYPE_LINE_CELL (council_line_cell_get_type ())
G_DECLARE_FINAL_TYPE (CouncilLineCell, council_line_cell, COUNCIL, LINE_CELL, GtkWidget)

/* @xalign: 0 starts the text at the start of the cell, 1 ends it at its end
 * (numbers); a text too long for the cell is ellipsized at its end. */
GtkWidget  *council_line_cell_new       (float            xalign);
void        council_line_cell_set_text  (CouncilLineCell *self,
                                         const char      *text);
/* As set_text, taking ownership of @text. */
void        council_line_cell_take_text (CouncilLineCell *self,
                                         char            *text);
const char *council_line_cell_get_text  (CouncilLineCell *self);

G_END_DECLS
