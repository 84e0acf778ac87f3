/* council-list-helpers.c: what the list + editor views share about their column view.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-list-helpers"

#include "config.h"

#include <glib/gi18n.h>

#include "council-list-helpers.h"

/* ---- columns ---- */

typedef struct
{
  CouncilLabelBindFunc bind;
  gconstpointer data;
} LabelCell;

static void
on_label_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_label_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  const LabelCell *cell = user_data;
  gpointer record = gtk_list_item_get_item (item);

  if (record != NULL)
    cell->bind (GTK_LABEL (gtk_list_item_get_child (item)), record, cell->data);
}

GtkListItemFactory *
council_label_factory_new (CouncilLabelBindFunc bind, gconstpointer data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  LabelCell *cell = g_new (LabelCell, 1);

  cell->bind = bind;
  cell->data = data;
  g_signal_connect (factory, "setup", G_CALLBACK (on_label_setup_cb), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (on_label_bind_cb), cell,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  return factory;
}

void
council_column_view_append_sorted (GtkColumnView *column_view, GType item_type, const char *title,
                                   const char *sort_property, gboolean numeric, int fixed_width,
                                   GtkListItemFactory *factory)
{
  GtkExpression *expression = gtk_property_expression_new (item_type, NULL, sort_property);
  g_autoptr(GtkSorter) sorter = numeric ? GTK_SORTER (gtk_numeric_sorter_new (expression))
                                        : GTK_SORTER (gtk_string_sorter_new (expression));
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  else
    gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_append_column (column_view, column);
}

void
council_list_store_replace_all (GListStore *store, GListModel *fresh)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (fresh); i++)
    g_ptr_array_add (items, g_list_model_get_item (fresh, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

/* ---- the row the editor holds ---- */

struct _CouncilListController
{
  GObject parent_instance;

  GtkWidget *view;                /* not referenced: it owns us */
  GtkSingleSelection *selection;
  const CouncilListControllerFuncs *funcs;
  guint frozen;                   /* the view moves the selection itself */
  gint64 pending_target;          /* where to go once unsaved edits are settled */
};

G_DEFINE_FINAL_TYPE (CouncilListController, council_list_controller, G_TYPE_OBJECT)

guint
council_list_controller_find_position (CouncilListController *self, gint64 id)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  if (self->funcs->find_position != NULL)
    return self->view != NULL && id > 0 ? self->funcs->find_position (self->view, id) : GTK_INVALID_LIST_POSITION;
  for (guint i = 0; id > 0 && model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      if (self->funcs->item_id (item) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
council_list_controller_sync_selection (CouncilListController *self)
{
  g_return_if_fail (COUNCIL_IS_LIST_CONTROLLER (self));
  if (self->view == NULL)
    return;
  self->frozen++;
  gtk_single_selection_set_selected (self->selection,
                                     council_list_controller_find_position (self, self->funcs->editor_id (self->view)));
  self->frozen--;
}

void
council_list_controller_freeze (CouncilListController *self)
{
  g_return_if_fail (COUNCIL_IS_LIST_CONTROLLER (self));
  self->frozen++;
}

void
council_list_controller_thaw (CouncilListController *self)
{
  g_return_if_fail (COUNCIL_IS_LIST_CONTROLLER (self));
  g_return_if_fail (self->frozen > 0);
  self->frozen--;
  council_list_controller_sync_selection (self);
}

static void
on_unsaved_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilListController *self = COUNCIL_LIST_CONTROLLER (user_data);

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (self->view == NULL)
    return;
  if (response == GTK_RESPONSE_ACCEPT)
    {
      if (self->funcs->save (self->view))
        self->funcs->open (self->view, self->pending_target);
    }
  else if (response == GTK_RESPONSE_REJECT)
    self->funcs->open (self->view, self->pending_target);
}

static void
ask_about_unsaved_changes (CouncilListController *self)
{
  GtkRoot *root = gtk_widget_get_root (self->view);
  GtkWidget *dialog =
    gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                            GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                            _(self->funcs->question));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    _("The form holds changes that are not saved yet. If you discard them, they are lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Discard"), GTK_RESPONSE_REJECT,
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Save"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT),
                            "destructive-action");
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "suggested-action");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Never drops typed text: with unsaved edits the person decides first. */
void
council_list_controller_request_switch (CouncilListController *self, gint64 target)
{
  g_return_if_fail (COUNCIL_IS_LIST_CONTROLLER (self));
  if (self->view == NULL)
    return;
  if (!self->funcs->has_unsaved (self->view))
    {
      self->funcs->open (self->view, target);
      return;
    }
  council_list_controller_sync_selection (self);
  self->pending_target = target;
  ask_about_unsaved_changes (self);
}

static void
on_selected_item_changed_cb (GtkSingleSelection *selection, GParamSpec *pspec, CouncilListController *self)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);
  gint64 id;

  if (self->frozen > 0 || item == NULL || self->view == NULL)
    return;
  id = self->funcs->item_id (item);
  if (id == self->funcs->editor_id (self->view))
    return;
  council_list_controller_request_switch (self, id);
}

void
council_list_controller_detach (CouncilListController *self)
{
  g_return_if_fail (COUNCIL_IS_LIST_CONTROLLER (self));
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  self->view = NULL;
}

static void
council_list_controller_dispose (GObject *object)
{
  council_list_controller_detach (COUNCIL_LIST_CONTROLLER (object));
  G_OBJECT_CLASS (council_list_controller_parent_class)->dispose (object);
}

static void
council_list_controller_class_init (CouncilListControllerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = council_list_controller_dispose;
}

static void
council_list_controller_init (CouncilListController *self)
{
}

CouncilListController *
council_list_controller_new (GtkWidget *view, GtkSingleSelection *selection,
                             const CouncilListControllerFuncs *funcs)
{
  CouncilListController *self;

  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);
  g_return_val_if_fail (GTK_IS_SINGLE_SELECTION (selection), NULL);
  g_return_val_if_fail (funcs != NULL, NULL);

  self = g_object_new (COUNCIL_TYPE_LIST_CONTROLLER, NULL);
  self->view = view;
  self->selection = g_object_ref (selection);
  self->funcs = funcs;
  g_signal_connect (selection, "notify::selected-item", G_CALLBACK (on_selected_item_changed_cb), self);
  return self;
}
