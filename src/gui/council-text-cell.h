/* council-text-cell.h: list cells that bind without asking for layout or the X server.
 *
 * A row of a long list is bound again each time it scrolls into view. A
 * GtkLabel whose text changes is measured again (Pango lays out its text for
 * the column view's size request), and setting a tooltip text on a shown
 * widget asks the X server where the pointer is, a round trip per cell. A
 * cell of this factory is a GtkInscription, whose size comes from its
 * settings rather than its text, and its tooltip is computed only when the
 * pointer rests on it (query-tooltip).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The text of a cell (or of its tooltip) for @item; newly allocated, or NULL
 * for none. @data is what was given to council_text_cell_factory_new(). */
typedef char *(*CouncilCellTextFunc) (gpointer item, gconstpointer data);
/* Sets the style classes of a cell after its text: @cell is the inscription. */
typedef void  (*CouncilCellStyleFunc) (GtkWidget *cell, gpointer item, gconstpointer data);

/* A factory of inscriptions ellipsized at the end and aligned by @xalign;
 * @tooltip and @style may be NULL; @css_class (or NULL) is added to every
 * cell once, when made. */
GtkListItemFactory *council_text_cell_factory_new (CouncilCellTextFunc  text,
                                                   CouncilCellTextFunc  tooltip,
                                                   CouncilCellStyleFunc style,
                                                   float                xalign,
                                                   const char          *css_class,
                                                   gconstpointer        data);

/* The text a cell made by such a factory shows. */
const char *council_text_cell_get_text    (GtkWidget *cell);
/* The tooltip it shows on hover (what query-tooltip sets), or NULL. */
char       *council_text_cell_dup_tooltip (GtkWidget *cell);

/* Adds @css_class to @widget when @on, removes it otherwise; nothing when
 * it already is as asked (a style change restyles the cell). */
void council_text_cell_set_class (GtkWidget  *widget,
                                  const char *css_class,
                                  gboolean    on);

G_END_DECLS
