/* council-action-item-model.c
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-meetings"

#include "config.h"

#include "council-action-item-model.h"

#define PAGE_SIZE 100

struct _CouncilActionItemModel
{
  GObject parent_instance;
  CouncilStore *store;
  CouncilActionFilter filter;
  char *as_of;               /* owned copy behind filter.as_of */
  guint n_items;
  GHashTable *pages;         /* page number -> GListStore */
};

static void council_action_item_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CouncilActionItemModel, council_action_item_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, council_action_item_model_list_model_init))

static GType
council_action_item_model_get_item_type (GListModel *model)
{
  return COUNCIL_TYPE_ACTION_ITEM;
}

static guint
council_action_item_model_get_n_items (GListModel *model)
{
  return COUNCIL_ACTION_ITEM_MODEL (model)->n_items;
}

static gpointer
council_action_item_model_get_item (GListModel *model, guint position)
{
  CouncilActionItemModel *self = COUNCIL_ACTION_ITEM_MODEL (model);
  guint page = position / PAGE_SIZE;
  GListStore *items;

  if (position >= self->n_items)
    return NULL;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      g_autoptr(GError) error = NULL;
      items = council_store_list_action_items (self->store, &self->filter, page * PAGE_SIZE, PAGE_SIZE, &error);
      if (items == NULL)
        {
          g_warning ("Could not read the action items: %s", error->message);
          return NULL;
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
    }
  return g_list_model_get_item (G_LIST_MODEL (items), position % PAGE_SIZE);
}

static void
council_action_item_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = council_action_item_model_get_item_type;
  iface->get_n_items = council_action_item_model_get_n_items;
  iface->get_item = council_action_item_model_get_item;
}

static void
on_store_changed_cb (CouncilStore *store, const char *table, CouncilActionItemModel *self)
{
  if (table == NULL || g_str_has_prefix (table, "action_item") || g_str_equal (table, "meeting") ||
      g_str_equal (table, "organization") || g_str_equal (table, "progress_note"))
    council_action_item_model_reload (self);
}

static void
council_action_item_model_dispose (GObject *object)
{
  CouncilActionItemModel *self = COUNCIL_ACTION_ITEM_MODEL (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (council_action_item_model_parent_class)->dispose (object);
}

static void
council_action_item_model_finalize (GObject *object)
{
  CouncilActionItemModel *self = COUNCIL_ACTION_ITEM_MODEL (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_free (self->as_of);
  G_OBJECT_CLASS (council_action_item_model_parent_class)->finalize (object);
}

static void
council_action_item_model_class_init (CouncilActionItemModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = council_action_item_model_dispose;
  object_class->finalize = council_action_item_model_finalize;
}

static void
council_action_item_model_init (CouncilActionItemModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  council_action_filter_init (&self->filter);
}

static void
copy_filter (CouncilActionItemModel *self, const CouncilActionFilter *filter)
{
  g_free (self->as_of);
  self->filter = *filter;
  self->as_of = g_strdup (filter->as_of);
  self->filter.as_of = self->as_of;
}

static guint
count (CouncilActionItemModel *self)
{
  g_autoptr(GError) error = NULL;
  guint n = council_store_count_action_items (self->store, &self->filter, &error);

  if (error != NULL)
    g_warning ("Could not count the action items: %s", error->message);
  return n;
}

CouncilActionItemModel *
council_action_item_model_new (CouncilStore *store, const CouncilActionFilter *filter)
{
  CouncilActionItemModel *self = g_object_new (COUNCIL_TYPE_ACTION_ITEM_MODEL, NULL);
  CouncilActionFilter all;

  if (filter == NULL)
    {
      council_action_filter_init (&all);
      filter = &all;
    }
  self->store = g_object_ref (store);
  copy_filter (self, filter);
  self->n_items = count (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  return self;
}

const CouncilActionFilter *
council_action_item_model_get_filter (CouncilActionItemModel *self)
{
  return &self->filter;
}

void
council_action_item_model_reload (CouncilActionItemModel *self)
{
  guint old = self->n_items;

  g_hash_table_remove_all (self->pages);
  self->n_items = count (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

void
council_action_item_model_set_filter (CouncilActionItemModel *self, const CouncilActionFilter *filter)
{
  copy_filter (self, filter);
  council_action_item_model_reload (self);
}
