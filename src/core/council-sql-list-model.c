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
 * scroll back and forth from refetching. With smaller pages, as many as
 * hold 800 rows: GTK 4.8 keeps 204 rows of a list view alive. */
#define MIN_CACHED_PAGES 4
#define MIN_CACHED_ROWS 800
#define READ_AHEAD_ROWS 200

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
  guint last_position;        /* the row asked for last */
  GError *error;

  /* While a reload is under way, the rows of the previous query follow the
   * new ones: [n_items, n_items + n_old) are served from old_pages. */
  guint n_old;
  guint old_page_size;
  GQueue old_pages;
};

enum { SIGNAL_RELOADING, N_SIGNALS };
static guint signals[N_SIGNALS];

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

static gboolean
page_is_cached (CouncilSqlListModel *self, guint index)
{
  for (GList *l = self->pages.head; l != NULL; l = l->next)
    if (((Page *) l->data)->index == index)
      return TRUE;
  return FALSE;
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

static guint
max_cached_pages (CouncilSqlListModel *self)
{
  return MAX (MIN_CACHED_PAGES, (MIN_CACHED_ROWS + self->page_size - 1) / self->page_size);
}

static void
cache_page (CouncilSqlListModel *self, guint index, GPtrArray *items)
{
  Page *page = g_new0 (Page, 1);

  page->index = index;
  page->items = items;
  g_queue_push_head (&self->pages, page);
  while (self->pages.length > max_cached_pages (self))
    page_free (g_queue_pop_tail (&self->pages));
}

/* Fetches page @index and, when @ahead, the pages after it that are not
 * cached, up to READ_AHEAD_ROWS rows in all, in one query: a list view
 * that asks for row after row (it binds 200 of them at once) costs one
 * query per READ_AHEAD_ROWS rows whatever the page size, while a lone row
 * (a reload's last rows) costs one small page. */
static Page *
fetch_page (CouncilSqlListModel *self, guint index, gboolean ahead)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GError *error = NULL;
  guint n_pages = 1;

  if (ahead)
    while (n_pages * self->page_size < READ_AHEAD_ROWS &&
           (guint64) (index + n_pages) * self->page_size < self->n_items &&
           !page_is_cached (self, index + n_pages))
      n_pages++;
  if (!self->fetch_func (self->query, index * self->page_size, n_pages * self->page_size, items, &error))
    {
      remember_error (self, error);
      return NULL;
    }
  /* The later pages first: the one asked for ends up most recently used. */
  for (guint i = n_pages; i-- > 0;)
    {
      guint start = i * self->page_size;
      GPtrArray *part;

      if (i > 0 && start >= items->len)
        continue;
      part = g_ptr_array_new_full (self->page_size, g_object_unref);
      for (guint j = start; j < MIN (items->len, start + self->page_size); j++)
        g_ptr_array_add (part, g_object_ref (g_ptr_array_index (items, j)));
      cache_page (self, index + i, part);
    }
  return self->pages.head->data;
}

static GType
council_sql_list_model_get_item_type (GListModel *model)
{
  return COUNCIL_SQL_LIST_MODEL (model)->item_type;
}

static guint
council_sql_list_model_get_n_items (GListModel *model)
{
  CouncilSqlListModel *self = COUNCIL_SQL_LIST_MODEL (model);
  return self->n_items + self->n_old;
}

/* A row of the previous query during a reload: the cached one, or an empty
 * record of the item type where it was never fetched (a list view asks only
 * for rows it shows, and it showed these already). */
static gpointer
get_old_item (CouncilSqlListModel *self, guint position)
{
  guint index = position / self->old_page_size;

  for (GList *l = self->old_pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;
      if (page->index == index && position % self->old_page_size < page->items->len)
        return g_object_ref (g_ptr_array_index (page->items, position % self->old_page_size));
    }
  return g_object_new (self->item_type, NULL);
}

static gpointer
council_sql_list_model_get_item (GListModel *model, guint position)
{
  CouncilSqlListModel *self = COUNCIL_SQL_LIST_MODEL (model);
  guint index;
  Page *page;

  if (position >= self->n_items && position < self->n_items + self->n_old)
    return get_old_item (self, position - self->n_items);
  if (position >= self->n_items)
    return NULL;
  index = position / self->page_size;
  page = find_page (self, index);
  if (page == NULL)
    page = fetch_page (self, index, position == self->last_position + 1);
  self->last_position = position;
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
  g_queue_clear_full (&self->old_pages, page_free);
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

  /**
   * CouncilSqlListModel::reloading:
   *
   * Emitted in the middle of a reload, when the new rows stand at the start
   * of the list and the old rows after them, just before the old rows go.
   * A list view that moves its view to the new rows now reuses the widgets
   * of the old ones instead of destroying and creating them.
   */
  signals[SIGNAL_RELOADING] = g_signal_new ("reloading", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
council_sql_list_model_init (CouncilSqlListModel *self)
{
  self->page_size = DEFAULT_PAGE_SIZE;
  g_queue_init (&self->pages);
  g_queue_init (&self->old_pages);
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
  guint old_n, new_n;

  g_return_if_fail (COUNCIL_IS_SQL_LIST_MODEL (self));
  if (self->n_old != 0)
    return;   /* a reload from a "reloading" handler: the one under way reads the new data */
  old_n = self->n_items;
  g_clear_error (&self->error);
  /* Rows are not tracked by identity: every row may have moved. GTK 4.8's
   * list views answer one "removed n, added m" by asking for every added
   * row (fetching the whole result a page at a time), and they destroy the
   * widgets of removed rows. So the new rows go in first, in front of the
   * old ones; "reloading" lets the view move to them, which rebinds the
   * widgets it has; then the old rows, by then without widgets, go. */
  new_n = count_rows (self);
  if (old_n == 0 || new_n == 0)
    {
      drop_pages (self);
      self->n_items = 0;
      if (old_n != 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
      self->n_items = new_n;
      if (new_n != 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);
      return;
    }
  g_queue_clear_full (&self->old_pages, page_free);
  self->old_pages = self->pages;
  g_queue_init (&self->pages);
  self->old_page_size = self->page_size;
  self->n_old = old_n;
  self->n_items = new_n;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);
  g_signal_emit (self, signals[SIGNAL_RELOADING], 0);
  self->n_old = 0;
  g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n, 0);
  g_queue_clear_full (&self->old_pages, page_free);
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
