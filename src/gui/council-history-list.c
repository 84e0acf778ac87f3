/* council-history-list.c
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-history-list"

#include "config.h"

#include <glib/gi18n.h>

#include "core/council-history-entry.h"
#include "council-history-list.h"

struct _CouncilHistoryList
{
  GtkWidget parent_instance;

  GListStore *entries;

  /* template widgets */
  GtkStack *stack;
  GtkListView *list_view;
  GtkLabel *empty_label;
};

G_DEFINE_FINAL_TYPE (CouncilHistoryList, council_history_list, GTK_TYPE_WIDGET)

char *
council_format_timestamp (const char *iso)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  /* The store writes local time without a zone. */
  dt = g_date_time_new_from_iso8601 (iso, local);
  if (dt == NULL)
    return g_strdup (iso);
  /* Translators: date and time of a recorded change, in g_date_time_format()
   * syntax; Chinese writes e.g. "%Y年%-m月%-d日 %H:%M" */
  return g_date_time_format (dt, _("%-d %b %Y %H:%M"));
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  for (GtkWidget *label = meta; label != NULL;
       label = label == meta ? summary : label == summary ? details : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (summary, "heading");
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  CouncilHistoryEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *meta = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *summary = gtk_widget_get_next_sibling (meta);
  GtkWidget *details = gtk_widget_get_next_sibling (summary);
  g_autofree char *when = council_format_timestamp (council_history_entry_get_at (entry));
  g_autofree char *description = council_history_entry_describe (entry);
  const char *who = council_history_entry_get_who (entry);
  g_autofree char *meta_text = NULL;

  if (who != NULL && *who != '\0')
    /* Translators: "<date and time> · <user name>" above a recorded change */
    meta_text = g_strdup_printf (_("%s · %s"), when, who);
  else
    meta_text = g_strdup (when);
  gtk_label_set_text (GTK_LABEL (meta), meta_text);
  gtk_label_set_text (GTK_LABEL (summary), council_history_entry_get_summary (entry));
  gtk_label_set_text (GTK_LABEL (details), description);
  gtk_widget_set_visible (details, *description != '\0');
}

void
council_history_list_set_record (CouncilHistoryList *self,
                                 CouncilStore       *store,
                                 const char         *table,
                                 gint64              row_id)
{
  g_autoptr(GListStore) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (COUNCIL_IS_HISTORY_LIST (self));

  g_list_store_remove_all (self->entries);
  if (store != NULL && row_id > 0)
    entries = council_store_list_history (store, table, row_id, &error);
  if (error != NULL)
    {
      gtk_label_set_text (self->empty_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_label_set_text (self->empty_label, _("No changes recorded yet."));
  if (entries != NULL)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (entries)); i++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (entries), i));
      /* One items-changed for the whole list, however long the history. */
      g_list_store_splice (self->entries, 0, 0, items->pdata, items->len);
    }
  gtk_stack_set_visible_child_name (self->stack,
                                    council_history_list_get_n_entries (self) > 0 ? "list" : "empty");
}

guint
council_history_list_get_n_entries (CouncilHistoryList *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->entries));
}

static void
council_history_list_dispose (GObject *object)
{
  CouncilHistoryList *self = COUNCIL_HISTORY_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COUNCIL_TYPE_HISTORY_LIST);
  g_clear_object (&self->entries);
  G_OBJECT_CLASS (council_history_list_parent_class)->dispose (object);
}

static void
council_history_list_class_init (CouncilHistoryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_history_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qunjian/CouncilDesk/ui/council-history-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CouncilHistoryList, stack);
  gtk_widget_class_bind_template_child (widget_class, CouncilHistoryList, list_view);
  gtk_widget_class_bind_template_child (widget_class, CouncilHistoryList, empty_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "historylist");
}

static void
council_history_list_init (CouncilHistoryList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_list_store_new (COUNCIL_TYPE_HISTORY_ENTRY);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

GtkWidget *
council_history_list_new (void)
{
  return g_object_new (COUNCIL_TYPE_HISTORY_LIST, NULL);
}
