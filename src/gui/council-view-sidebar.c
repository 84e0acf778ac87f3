/* council-view-sidebar.c: the window's list of views.
 *
 * Drawn as GTK's stack sidebar is (the same CSS node "stacksidebar", a
 * scrolled list of class navigation-sidebar, a start-aligned label a row), so
 * the theme's rules for it apply unchanged; unlike it, the rows do not come
 * from the pages of a GtkStack, so a view appears in the sidebar before it is
 * built.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-view-sidebar"

#include "config.h"

#include "council-view-sidebar.h"

struct _CouncilViewSidebar
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkListBox *list;
  gboolean selecting;   /* council_view_sidebar_select() at work */
};

G_DEFINE_FINAL_TYPE (CouncilViewSidebar, council_view_sidebar, GTK_TYPE_WIDGET)

enum { VIEW_CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
row_name (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "view-name") : NULL;
}

static void
on_row_selected_cb (GtkListBox *list, GtkListBoxRow *row, CouncilViewSidebar *self)
{
  if (row != NULL && !self->selecting)
    g_signal_emit (self, signals[VIEW_CHOSEN], 0, row_name (row));
}

static void
on_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, CouncilViewSidebar *self)
{
  g_signal_emit (self, signals[VIEW_CHOSEN], 0, row_name (row));
}

static void
council_view_sidebar_dispose (GObject *object)
{
  CouncilViewSidebar *self = COUNCIL_VIEW_SIDEBAR (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  self->list = NULL;
  G_OBJECT_CLASS (council_view_sidebar_parent_class)->dispose (object);
}

static void
council_view_sidebar_class_init (CouncilViewSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_view_sidebar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stacksidebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /**
   * CouncilViewSidebar::view-chosen:
   * @name: the name of the view whose row was chosen
   */
  signals[VIEW_CHOSEN] = g_signal_new ("view-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
council_view_sidebar_init (CouncilViewSidebar *self)
{
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  g_signal_connect (self->list, "row-selected", G_CALLBACK (on_row_selected_cb), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
}

GtkWidget *
council_view_sidebar_new (void)
{
  return g_object_new (COUNCIL_TYPE_VIEW_SIDEBAR, NULL);
}

void
council_view_sidebar_append (CouncilViewSidebar *self, const char *name, const char *title)
{
  GtkWidget *row, *label;

  g_return_if_fail (COUNCIL_IS_VIEW_SIDEBAR (self));
  g_return_if_fail (name != NULL && title != NULL);

  label = gtk_label_new (title);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "view-name", g_strdup (name), g_free);
  gtk_list_box_append (self->list, row);
}

GtkListBoxRow *
council_view_sidebar_get_row (CouncilViewSidebar *self, const char *name)
{
  g_return_val_if_fail (COUNCIL_IS_VIEW_SIDEBAR (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (row_name (GTK_LIST_BOX_ROW (row)), name) == 0)
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

void
council_view_sidebar_select (CouncilViewSidebar *self, const char *name)
{
  GtkListBoxRow *row;

  g_return_if_fail (COUNCIL_IS_VIEW_SIDEBAR (self));
  row = council_view_sidebar_get_row (self, name);
  self->selecting = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
  else
    gtk_list_box_unselect_all (self->list);
  self->selecting = FALSE;
}

GtkListBox *
council_view_sidebar_get_list (CouncilViewSidebar *self)
{
  g_return_val_if_fail (COUNCIL_IS_VIEW_SIDEBAR (self), NULL);
  return self->list;
}
