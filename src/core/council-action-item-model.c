/* council-action-item-model.c
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-meetings"

#include "config.h"

#include "council-action-item-model.h"

#define PAGE_SIZE 100
/* A view shows part of one page or two; a few more keep a scroll back and
 * forth from reading them again. The rest are dropped, so scrolling through
 * 200,000 items holds a few hundred. */
#define MAX_CACHED_PAGES 6

typedef struct
{
  guint index;
  GPtrArray *items;          /* CouncilActionItem, NULL where one was deleted since its id was read */
} Page;

struct _CouncilActionItemModel
{
  GObject parent_instance;
  CouncilStore *store;
  CouncilActionFilter filter;
  char *as_of;               /* owned copy behind filter.as_of */
  guint n_items;
  /* The ids of the list, in order, read once per filter or change: a page
   * is read by its ids, never by OFFSET (which steps over every earlier
   * row: 16 ms a page at the end of 200,000 items, twice per jump). */
  GArray *ids;
  GQueue pages;              /* of Page*, most recently used first */

  /* While a reload is under way, the rows of the previous query follow the
   * new ones: [n_items, n_items + n_old) are served from old_pages. */
  guint n_old;
  GQueue old_pages;
};

enum { SIGNAL_RELOADING, N_SIGNALS };
static guint signals[N_SIGNALS];

static void council_action_item_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CouncilActionItemModel, council_action_item_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, council_action_item_model_list_model_init))

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

static GType
council_action_item_model_get_item_type (GListModel *model)
{
  return COUNCIL_TYPE_ACTION_ITEM;
}

static guint
council_action_item_model_get_n_items (GListModel *model)
{
  CouncilActionItemModel *self = COUNCIL_ACTION_ITEM_MODEL (model);

  return self->n_items + self->n_old;
}

static Page *
find_page (GQueue *pages, guint index, gboolean touch)
{
  for (GList *l = pages->head; l != NULL; l = l->next)
    {
      Page *page = l->data;

      if (page->index != index)
        continue;
      if (touch)
        {
          g_queue_unlink (pages, l);
          g_queue_push_head_link (pages, l);
        }
      return page;
    }
  return NULL;
}

static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static Page *
fetch_page (CouncilActionItemModel *self, guint index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (unref_item);
  guint first = index * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - first);
  Page *page;

  if (!council_store_get_action_items (self->store, &g_array_index (self->ids, gint64, first), n,
                                       self->filter.as_of, items, &error))
    {
      g_warning ("Could not read the action items: %s", error->message);
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

static gpointer
council_action_item_model_get_item (GListModel *model, guint position)
{
  CouncilActionItemModel *self = COUNCIL_ACTION_ITEM_MODEL (model);
  Page *page;
  gpointer item;

  if (position >= self->n_items && position < self->n_items + self->n_old)
    {
      /* A row of the previous query during a reload: the cached one, or an
       * empty item where it was never read (a view asks only for rows it
       * shows, and it showed these already). */
      position -= self->n_items;
      page = find_page (&self->old_pages, position / PAGE_SIZE, FALSE);
      item = page != NULL && position % PAGE_SIZE < page->items->len
             ? g_ptr_array_index (page->items, position % PAGE_SIZE) : NULL;
      return item != NULL ? g_object_ref (item) : council_action_item_new ();
    }
  if (position >= self->n_items)
    return NULL;
  page = find_page (&self->pages, position / PAGE_SIZE, TRUE);
  if (page == NULL)
    page = fetch_page (self, position / PAGE_SIZE);
  /* Rows deleted by another program since the ids were read: nothing to show. */
  if (page == NULL || position % PAGE_SIZE >= page->items->len)
    return NULL;
  item = g_ptr_array_index (page->items, position % PAGE_SIZE);
  return item != NULL ? g_object_ref (item) : NULL;
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

  g_queue_clear_full (&self->pages, page_free);
  g_queue_clear_full (&self->old_pages, page_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (council_action_item_model_parent_class)->dispose (object);
}

static void
council_action_item_model_finalize (GObject *object)
{
  CouncilActionItemModel *self = COUNCIL_ACTION_ITEM_MODEL (object);

  g_free (self->as_of);
  g_clear_pointer (&self->ids, g_array_unref);
  G_OBJECT_CLASS (council_action_item_model_parent_class)->finalize (object);
}

static void
council_action_item_model_class_init (CouncilActionItemModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = council_action_item_model_dispose;
  object_class->finalize = council_action_item_model_finalize;

  /**
   * CouncilActionItemModel::reloading:
   *
   * Emitted in the middle of a reload whose row count changed, when the new
   * rows stand at the start of the list and the old rows after them, just
   * before the old rows go. A list view that moves to the new rows now
   * rebinds the widgets it has instead of making new ones.
   */
  signals[SIGNAL_RELOADING] = g_signal_new ("reloading", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
council_action_item_model_init (CouncilActionItemModel *self)
{
  g_queue_init (&self->pages);
  g_queue_init (&self->old_pages);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
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

/* Reads the ids of the list afresh; returns their count. */
static guint
read_ids (CouncilActionItemModel *self)
{
  g_autoptr(GError) error = NULL;

  g_array_set_size (self->ids, 0);
  if (!council_store_list_action_item_ids (self->store, &self->filter, self->ids, &error))
    {
      g_warning ("Could not read the action items: %s", error->message);
      g_array_set_size (self->ids, 0);
    }
  return self->ids->len;
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
  self->n_items = read_ids (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  return self;
}

const CouncilActionFilter *
council_action_item_model_get_filter (CouncilActionItemModel *self)
{
  return &self->filter;
}

static gint
compare_indexes (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

static void
reload (CouncilActionItemModel *self, gboolean keep_place)
{
  guint old_n = self->n_items, new_n;

  if (self->n_old != 0)
    return;   /* a reload from a "reloading" handler: the one under way reads the new data */
  new_n = read_ids (self);
  /* GTK 4.8's list views answer an items-changed that both removes and adds
   * rows by asking for every added row: a page query per hundred rows of
   * the whole list. So the whole list is never removed and added in one
   * signal. */
  if (keep_place && new_n == old_n && new_n != 0)
    {
      /* The same query, as many rows as before (a note added, a text
       * edited): the rows a view can have bound are those of the cached
       * pages; they are read again in place, and the view keeps its place.
       * Rows elsewhere are read when asked for. */
      g_autoptr(GArray) indexes = g_array_new (FALSE, FALSE, sizeof (guint));

      for (GList *l = self->pages.head; l != NULL; l = l->next)
        g_array_append_val (indexes, ((Page *) l->data)->index);
      g_array_sort (indexes, compare_indexes);
      g_queue_clear_full (&self->pages, page_free);
      for (guint i = 0; i < indexes->len; i++)
        {
          guint first = g_array_index (indexes, guint, i) * PAGE_SIZE;
          guint n = first < new_n ? MIN (PAGE_SIZE, new_n - first) : 0;

          if (n > 0)
            g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
        }
      return;
    }
  if (old_n == 0 || new_n == 0)
    {
      g_queue_clear_full (&self->pages, page_free);
      self->n_items = 0;
      if (old_n != 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
      self->n_items = new_n;
      if (new_n != 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);
      return;
    }
  /* The new rows go in front of the old ones; "reloading" lets a view move
   * to them, rebinding the widgets it has; then the old rows, by then
   * without widgets, go. */
  self->old_pages = self->pages;
  g_queue_init (&self->pages);
  self->n_old = old_n;
  self->n_items = new_n;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);
  g_signal_emit (self, signals[SIGNAL_RELOADING], 0);
  self->n_old = 0;
  g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n, 0);
  g_queue_clear_full (&self->old_pages, page_free);
}

void
council_action_item_model_reload (CouncilActionItemModel *self)
{
  g_return_if_fail (COUNCIL_IS_ACTION_ITEM_MODEL (self));
  reload (self, TRUE);
}

void
council_action_item_model_set_filter (CouncilActionItemModel *self, const CouncilActionFilter *filter)
{
  g_return_if_fail (COUNCIL_IS_ACTION_ITEM_MODEL (self));
  copy_filter (self, filter);
  reload (self, FALSE);
}
