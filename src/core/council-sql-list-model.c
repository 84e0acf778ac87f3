/* council-sql-list-model.c: rows fetched a page at a time, a few pages cached.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-sql-list-model"

#include "config.h"

#include "council-sql-list-model.h"

#define DEFAULT_PAGE_SIZE 200
/* A column view shows one page and scrolls into the next; four pages keep a
 * scroll back and forth from refetching. */
#define MAX_CACHED_PAGES 4

typedef struct
{
  guint index;
  GPtrArray *items;
} Page;

struct _CouncilSqlListModel
{
  GObject parent_instance;

  GType item_type;
  CouncilStore *store;        /* weak: the store outlives its views */
  char **tables;
  CouncilSqlCountFunc count_func;
  CouncilSqlFetchFunc fetch_func;
  gpointer query;
  GDestroyNotify query_free;

  guint n_items;
  guint page_size;
  GQueue pages;               /* of Page*, most recently used first */
  GError *error;
};

static void council_sql_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CouncilSqlListModel, council_sql_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, council_sql_list_model_iface_init))

static void
page_free (gpointer data)
{
  Page *page = data;
  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
drop_pages (CouncilSqlListModel *self)
{
  g_queue_clear_full (&self->pages, page_free);
}

static void
remember_error (CouncilSqlListModel *self, GError *error)
{
  g_warning ("Could not read the list: %s", error->message);
  g_clear_error (&self->error);
  self->error = error;
}

static guint
count_rows (CouncilSqlListModel *self)
{
  GError *error = NULL;
  guint n = 0;

  if (!self->count_func (self->query, &n, &error))
    {
      remember_error (self, error);
      return 0;
    }
  return n;
}

static Page *
find_page (CouncilSqlListModel *self, guint index)
{
  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;
      if (page->index == index)
        {
          /* Most recently used goes first. */
          g_queue_unlink (&self->pages, l);
          g_queue_push_head_link (&self->pages, l);
          return page;
        }
    }
  return NULL;
}

static Page *
fetch_page (CouncilSqlListModel *self, guint index)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GError *error = NULL;
  Page *page;

  if (!self->fetch_func (self->query, index * self->page_size, self->page_size, items, &error))
    {
      remember_error (self, error);
      return NULL;
    }
  page = g_new0 (Page, 1);
  page->index = index;
  page->items = g_steal_pointer (&items);
  g_queue_push_head (&self->pages, page);
  while (self->pages.length > MAX_CACHED_PAGES)
    page_free (g_queue_pop_tail (&self->pages));
  return page;
}

static GType
council_sql_list_model_get_item_type (GListModel *model)
{
  return COUNCIL_SQL_LIST_MODEL (model)->item_type;
}

static guint
council_sql_list_model_get_n_items (GListModel *model)
{
  return COUNCIL_SQL_LIST_MODEL (model)->n_items;
}

static gpointer
council_sql_list_model_get_item (GListModel *model, guint position)
{
  CouncilSqlListModel *self = COUNCIL_SQL_LIST_MODEL (model);
  guint index;
  Page *page;

  if (position >= self->n_items)
    return NULL;
  index = position / self->page_size;
  page = find_page (self, index);
  if (page == NULL)
    page = fetch_page (self, index);
  /* Rows deleted by another program since the count: nothing to show. */
  if (page == NULL || position % self->page_size >= page->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (page->items, position % self->page_size));
}

static void
council_sql_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = council_sql_list_model_get_item_type;
  iface->get_n_items = council_sql_list_model_get_n_items;
  iface->get_item = council_sql_list_model_get_item;
}

static void
council_sql_list_model_dispose (GObject *object)
{
  CouncilSqlListModel *self = COUNCIL_SQL_LIST_MODEL (object);

  drop_pages (self);
  g_clear_weak_pointer (&self->store);
  G_OBJECT_CLASS (council_sql_list_model_parent_class)->dispose (object);
}

static void
council_sql_list_model_finalize (GObject *object)
{
  CouncilSqlListModel *self = COUNCIL_SQL_LIST_MODEL (object);

  if (self->query_free != NULL && self->query != NULL)
    self->query_free (self->query);
  g_strfreev (self->tables);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (council_sql_list_model_parent_class)->finalize (object);
}

static void
council_sql_list_model_class_init (CouncilSqlListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = council_sql_list_model_dispose;
  object_class->finalize = council_sql_list_model_finalize;
}

static void
council_sql_list_model_init (CouncilSqlListModel *self)
{
  self->page_size = DEFAULT_PAGE_SIZE;
  g_queue_init (&self->pages);
}

static void
on_store_changed_cb (CouncilStore        *store,
                     const char          *table,
                     CouncilSqlListModel *self)
{
  if (table != NULL && self->tables != NULL && !g_strv_contains ((const char * const *) self->tables, table))
    return;
  council_sql_list_model_invalidate (self);
}

CouncilSqlListModel *
council_sql_list_model_new (GType item_type, CouncilStore *store, const char * const *tables,
                            CouncilSqlCountFunc count_func, CouncilSqlFetchFunc fetch_func,
                            gpointer query, GDestroyNotify query_free)
{
  CouncilSqlListModel *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (COUNCIL_IS_STORE (store), NULL);
  g_return_val_if_fail (count_func != NULL && fetch_func != NULL, NULL);

  self = g_object_new (COUNCIL_TYPE_SQL_LIST_MODEL, NULL);
  self->item_type = item_type;
  g_set_weak_pointer (&self->store, store);
  self->tables = g_strdupv ((char **) tables);
  self->count_func = count_func;
  self->fetch_func = fetch_func;
  self->query = query;
  self->query_free = query_free;
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  self->n_items = count_rows (self);
  return self;
}

gpointer
council_sql_list_model_get_query (CouncilSqlListModel *self)
{
  g_return_val_if_fail (COUNCIL_IS_SQL_LIST_MODEL (self), NULL);
  return self->query;
}

void
council_sql_list_model_invalidate (CouncilSqlListModel *self)
{
  guint old_n;

  g_return_if_fail (COUNCIL_IS_SQL_LIST_MODEL (self));
  old_n = self->n_items;
  drop_pages (self);
  g_clear_error (&self->error);
  /* Rows are not tracked by identity: every row may have moved. They go in
   * two steps, all out then all in: GTK 4.8's list views answer one
   * "removed n, added m" by asking for every added row to find widgets to
   * reuse, which would fetch the whole result a page at a time. */
  self->n_items = 0;
  if (old_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
  self->n_items = count_rows (self);
  if (self->n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
}

void
council_sql_list_model_set_page_size (CouncilSqlListModel *self, guint page_size)
{
  g_return_if_fail (COUNCIL_IS_SQL_LIST_MODEL (self));
  g_return_if_fail (page_size > 0);
  self->page_size = page_size;
  drop_pages (self);
}

const GError *
council_sql_list_model_get_error (CouncilSqlListModel *self)
{
  g_return_val_if_fail (COUNCIL_IS_SQL_LIST_MODEL (self), NULL);
  return self->error;
}
