/* council-text-cell.c: list cells that bind without asking for layout or the X server.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-text-cell"

#include "config.h"

#include "council-text-cell.h"

typedef struct
{
  CouncilCellTextFunc text;
  CouncilCellTextFunc tooltip;
  CouncilCellStyleFunc style;
  float xalign;
  char *css_class;
  gconstpointer data;
} TextCell;

static void
text_cell_free (gpointer data, GClosure *closure)
{
  TextCell *cell = data;

  g_free (cell->css_class);
  g_free (cell);
}

char *
council_text_cell_dup_tooltip (GtkWidget *widget)
{
  /* The list item owns the inscription: while the pointer is on it, the
   * list item is there. */
  GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "council-list-item");
  TextCell *cell = g_object_get_data (G_OBJECT (widget), "council-text-cell");
  gpointer item = list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;
  char *text;

  if (item == NULL || cell == NULL || cell->tooltip == NULL)
    return NULL;
  text = cell->tooltip (item, cell->data);
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    data)
{
  g_autofree char *text = council_text_cell_dup_tooltip (widget);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TextCell *cell)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), cell->xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (cell->css_class != NULL)
    gtk_widget_add_css_class (inscription, cell->css_class);
  g_object_set_data (G_OBJECT (inscription), "council-list-item", list_item);
  g_object_set_data (G_OBJECT (inscription), "council-text-cell", cell);
  if (cell->tooltip != NULL)
    {
      gtk_widget_set_has_tooltip (inscription, TRUE);
      g_signal_connect (inscription, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
    }
  gtk_list_item_set_child (list_item, inscription);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TextCell *cell)
{
  gpointer item = gtk_list_item_get_item (list_item);
  GtkWidget *inscription = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;

  if (item == NULL)
    return;
  text = cell->text (item, cell->data);
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  if (cell->style != NULL)
    cell->style (inscription, item, cell->data);
}

GtkListItemFactory *
council_text_cell_factory_new (CouncilCellTextFunc text, CouncilCellTextFunc tooltip, CouncilCellStyleFunc style,
                               float xalign, const char *css_class, gconstpointer data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  TextCell *cell = g_new0 (TextCell, 1);

  g_return_val_if_fail (text != NULL, NULL);
  cell->text = text;
  cell->tooltip = tooltip;
  cell->style = style;
  cell->xalign = xalign;
  cell->css_class = g_strdup (css_class);
  cell->data = data;
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), cell);
  /* The bind handler owns the cell's settings. */
  g_signal_connect_data (factory, "bind", G_CALLBACK (on_bind_cb), cell, text_cell_free, 0);
  return factory;
}

const char *
council_text_cell_get_text (GtkWidget *cell)
{
  g_return_val_if_fail (GTK_IS_INSCRIPTION (cell), NULL);
  return gtk_inscription_get_text (GTK_INSCRIPTION (cell));
}

void
council_text_cell_set_class (GtkWidget *widget, const char *css_class, gboolean on)
{
  if (gtk_widget_has_css_class (widget, css_class) == on)
    return;
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}
