/* test-action-item-model.c: the lazy follow-up list keeps few rows in memory
 * and never makes GTK 4.8 read the whole list.
 *
 * GTK 4.8's list views answer an items-changed that both removes and adds
 * rows by asking for every added row; on 200,000 action items that was a
 * page query per hundred rows. These tests record every items-changed and
 * check its shape, check that the rows read are those of the store's own
 * query, and that rows scrolled past are let go.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "council-action-item-model.h"
#include "council-store-generate-council.h"
#include "council-test-helpers.h"

#define N_MEETINGS 30
#define N_ITEMS 1200

typedef struct
{
  guint position, removed, added;
} Change;

typedef struct
{
  CouncilStore *store;
  char *path;
  GArray *changes;            /* Change, in order */
  guint reloading;            /* "reloading" emissions */
  guint n_at_reloading;       /* the model's length during the last one */
} Fixture;

static void
on_items_changed_cb (GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  Change change = { position, removed, added };

  g_array_append_val (f->changes, change);
}

static void
on_reloading_cb (CouncilActionItemModel *model, Fixture *f)
{
  f->reloading++;
  f->n_at_reloading = g_list_model_get_n_items (G_LIST_MODEL (model));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->store = council_test_open_store (&f->path);
  if (!council_store_generate_meetings (f->store, N_MEETINGS, N_ITEMS, 7, &error))
    g_error ("generate: %s", error->message);
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_clear_object (&f->store);
  council_test_rm_rf (dir);
  g_free (f->path);
  g_array_unref (f->changes);
}

static CouncilActionItemModel *
watched_model (Fixture *f, const CouncilActionFilter *filter)
{
  CouncilActionItemModel *model = council_action_item_model_new (f->store, filter);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  g_signal_connect (model, "reloading", G_CALLBACK (on_reloading_cb), f);
  return model;
}

/* No items-changed both removes and adds more than a page of rows. */
static void
assert_no_bulk_replace (Fixture *f)
{
  for (guint i = 0; i < f->changes->len; i++)
    {
      const Change *c = &g_array_index (f->changes, Change, i);

      if (c->removed > 0 && c->added > 0)
        g_assert_cmpuint (MAX (c->removed, c->added), <=, 100);
    }
}

/* Every row of the model is the row of the store's own query there. */
static void
assert_rows_match_store (Fixture *f, CouncilActionItemModel *model)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) all = council_store_list_action_items (f->store, council_action_item_model_get_filter (model),
                                                               0, 0, &error);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (all)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilActionItem) got = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(CouncilActionItem) want = g_list_model_get_item (G_LIST_MODEL (all), i);

      g_assert_nonnull (got);
      g_assert_cmpint (council_action_item_get_id (got), ==, council_action_item_get_id (want));
      g_assert_cmpstr (council_action_item_get_last_progress_note (got), ==,
                       council_action_item_get_last_progress_note (want));
    }
}

static void
test_rows_and_memory (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilActionItemModel) model = NULL;
  CouncilActionFilter filter;
  CouncilActionItem *first_page[10];

  council_action_filter_init (&filter);
  model = watched_model (f, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_ITEMS);
  assert_rows_match_store (f, model);

  /* The rows of the first page, read again, then every other row: the first
   * page is dropped from the cache, and its rows go with it. */
  for (guint i = 0; i < G_N_ELEMENTS (first_page); i++)
    {
      first_page[i] = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_object_add_weak_pointer (G_OBJECT (first_page[i]), (gpointer *) &first_page[i]);
      g_object_unref (first_page[i]);
      g_assert_nonnull (first_page[i]);      /* still held by the cache */
    }
  for (guint i = 100; i < N_ITEMS; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  for (guint i = 0; i < G_N_ELEMENTS (first_page); i++)
    g_assert_null (first_page[i]);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_ITEMS));
}

static void
test_filter_change (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilActionItemModel) model = NULL;
  CouncilActionFilter filter;
  guint pending;

  council_action_filter_init (&filter);
  model = watched_model (f, &filter);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 0));

  filter.pending_only = TRUE;
  council_action_item_model_set_filter (model, &filter);
  pending = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (pending, >, 0);
  g_assert_cmpuint (pending, <, N_ITEMS);
  /* New rows in front, "reloading" with both there, then the old rows out. */
  g_assert_cmpuint (f->changes->len, ==, 2);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).position, ==, 0);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).removed, ==, 0);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).added, ==, pending);
  g_assert_cmpuint (g_array_index (f->changes, Change, 1).position, ==, pending);
  g_assert_cmpuint (g_array_index (f->changes, Change, 1).removed, ==, N_ITEMS);
  g_assert_cmpuint (g_array_index (f->changes, Change, 1).added, ==, 0);
  g_assert_cmpuint (f->reloading, ==, 1);
  g_assert_cmpuint (f->n_at_reloading, ==, pending + N_ITEMS);
  assert_rows_match_store (f, model);

  /* A filter nothing matches, and back. */
  g_array_set_size (f->changes, 0);
  filter.owner_org_id = G_MAXINT32;
  council_action_item_model_set_filter (model, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  filter.owner_org_id = 0;
  council_action_item_model_set_filter (model, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, pending);
  assert_no_bulk_replace (f);
  assert_rows_match_store (f, model);
}

static gint64
first_pending_id (Fixture *f, guint position)
{
  g_autoptr(GError) error = NULL;
  CouncilActionFilter filter;
  g_autoptr(GListStore) page = NULL;
  g_autoptr(CouncilActionItem) item = NULL;

  council_action_filter_init (&filter);
  filter.pending_only = TRUE;
  page = council_store_list_action_items (f->store, &filter, position, 1, &error);
  g_assert_no_error (error);
  item = g_list_model_get_item (G_LIST_MODEL (page), 0);
  return council_action_item_get_id (item);
}

static void
test_store_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilActionItemModel) model = NULL;
  CouncilActionFilter filter;
  guint pending;
  gint64 id;

  council_action_filter_init (&filter);
  filter.pending_only = TRUE;
  model = watched_model (f, &filter);
  pending = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (pending, >, 250);
  /* A view showing rows 200-230. */
  for (guint i = 200; i < 230; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));

  /* A note that keeps the item pending: the same rows, the shown page read
   * again in place. */
  id = first_pending_id (f, 210);
  g_assert_true (council_store_add_progress_note (f->store, id, "2026-11-01", "已电话督办",
                                                  COUNCIL_ACTION_STATUS_IN_PROGRESS, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes->len, >=, 1);
  for (guint i = 0; i < f->changes->len; i++)
    {
      const Change *c = &g_array_index (f->changes, Change, i);
      g_assert_cmpuint (c->removed, ==, c->added);
      g_assert_cmpuint (c->added, <=, 100);
    }
  g_assert_cmpuint (f->reloading, ==, 0);
  {
    gboolean seen = FALSE;
    for (guint i = 200; i < MIN (300, pending); i++)
      {
        g_autoptr(CouncilActionItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
        if (council_action_item_get_id (item) == id)
          {
            g_assert_cmpstr (council_action_item_get_last_progress_note (item), ==, "已电话督办");
            seen = TRUE;
          }
      }
    g_assert_true (seen);
  }
  assert_rows_match_store (f, model);

  /* Done: one row fewer, never a bulk replace. */
  g_array_set_size (f->changes, 0);
  g_assert_true (council_store_add_progress_note (f->store, id, "2026-11-02", "已办结",
                                                  COUNCIL_ACTION_STATUS_DONE, "2026-11-02", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, pending - 1);
  g_assert_cmpuint (f->reloading, ==, 1);
  assert_no_bulk_replace (f);
  assert_rows_match_store (f, model);
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Items read by id come in the ids' order, with a gap where one is gone. */
static void
test_by_ids (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (unref_if_set);
  g_autoptr(GListStore) page = NULL;
  CouncilActionFilter filter;
  gint64 asked[5];

  council_action_filter_init (&filter);
  filter.pending_only = TRUE;
  g_assert_true (council_store_list_action_item_ids (f->store, &filter, ids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, council_store_count_action_items (f->store, &filter, NULL));
  page = council_store_list_action_items (f->store, &filter, 0, 0, &error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CouncilActionItem) item = g_list_model_get_item (G_LIST_MODEL (page), i);
      g_assert_cmpint (g_array_index (ids, gint64, i), ==, council_action_item_get_id (item));
    }

  asked[0] = g_array_index (ids, gint64, 5);
  asked[1] = G_MAXINT32;                      /* no such item */
  asked[2] = g_array_index (ids, gint64, 2);
  asked[3] = g_array_index (ids, gint64, 9);
  asked[4] = G_MAXINT32 - 1;
  g_assert_true (council_store_get_action_items (f->store, asked, G_N_ELEMENTS (asked), NULL, items, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (asked));
  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    {
      if (i == 1 || i == 4)
        g_assert_null (items->pdata[i]);
      else
        g_assert_cmpint (council_action_item_get_id (items->pdata[i]), ==, asked[i]);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/action-item-model/rows-and-memory", Fixture, NULL, fixture_set_up, test_rows_and_memory, fixture_tear_down);
  g_test_add ("/action-item-model/filter-change", Fixture, NULL, fixture_set_up, test_filter_change, fixture_tear_down);
  g_test_add ("/action-item-model/by-ids", Fixture, NULL, fixture_set_up, test_by_ids, fixture_tear_down);
  g_test_add ("/action-item-model/store-changes", Fixture, NULL, fixture_set_up, test_store_changes, fixture_tear_down);
  return g_test_run ();
}
