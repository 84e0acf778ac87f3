/* council-projects-view.c: the projects list (served by SQL), its filters, brands and editor.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-projects-view"

#include "config.h"

#include <glib/gi18n.h>

#include "core/council-store-projects.h"
#include "council-draft-offer.h"
#include "council-project-editor.h"
#include "council-projects-view-private.h"
#include "council-project-table.h"
#include "council-window.h"

#define YEARS_BACK 6

struct _CouncilProjectsView
{
  GtkWidget parent_instance;

  CouncilStore *store;
  CouncilSqlListModel *list;      /* the rows, a page at a time from SQL */
  GtkTreeListModel *tree;         /* brands with their sources (tree mode) */
  GtkMultiSelection *selection;
  CouncilProjectEditor *editor;
  CouncilDraftOffer *drafts;      /* unsaved edits a crash left, offered back */
  GArray *org_ids;                /* org_filter position -> id (0 = all) */
  GArray *category_ids;           /* category_filter position -> id */
  GHashTable *expanded_ids;       /* gint64* of brands expanded in tree mode */
  char *search;
  char *count_text;
  CouncilProjectSort sort;
  gboolean descending;
  gboolean tree_mode;
  gboolean syncing_selection;
  gboolean filling_filters;
  gboolean list_reloading;        /* between "reloading" and the old rows' removal */
  gint64 pending_target;

  /* template widgets */
  GtkPaned *paned;
  GtkSearchEntry *search_entry;
  GtkToggleButton *brands_toggle;
  GtkDropDown *year_filter;
  GtkDropDown *org_filter;
  GtkDropDown *category_filter;
  GtkDropDown *status_filter;
  GtkLabel *count_label;
  CouncilProjectTable *table;
};

G_DEFINE_FINAL_TYPE (CouncilProjectsView, council_projects_view, GTK_TYPE_WIDGET)

/* ---- display formats ---- */

char *
council_format_display_date (const char *iso)
{
  static const char *months[] = { N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
                                  N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec") };
  GDate date;

  if (iso == NULL || *iso == '\0' || !council_iso_date_parse (iso, &date))
    return g_strdup (iso ? iso : "");
  if (council_ui_prefers_chinese ())
    return g_strdup_printf ("%d年%d月%d日", g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date));
  return g_strdup_printf ("%d %s %d", g_date_get_day (&date), months[g_date_get_month (&date) - 1],
                          g_date_get_year (&date));
}

static CouncilProject *
item_project (gpointer item)
{
  if (GTK_IS_TREE_LIST_ROW (item))
    {
      /* The row's item is owned by the row; a borrowed pointer is enough. */
      g_autoptr(GObject) inner = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item));
      return COUNCIL_PROJECT (inner);
    }
  return COUNCIL_PROJECT (item);
}

static void set_rows_model (CouncilProjectsView *self);

/* ---- tree mode: expanded brands survive reloads ---- */

/* A brand's sources appear right below it when it is expanded and go when
 * it is collapsed. Reloads replace every row: those are not a person's
 * doing and are not recorded. */
static void
on_tree_items_changed_cb (GListModel *tree, guint position, guint removed, guint added,
                          CouncilProjectsView *self)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(GObject) item = NULL;
  gint64 id;

  if (self->list_reloading || position == 0 || (added == 0) == (removed == 0))
    return;
  row = gtk_tree_list_model_get_row (GTK_TREE_LIST_MODEL (tree), position - 1);
  if (row == NULL || gtk_tree_list_row_get_depth (row) != 0)
    return;
  item = gtk_tree_list_row_get_item (row);
  id = council_project_get_id (COUNCIL_PROJECT (item));
  if (added > 0 && gtk_tree_list_row_get_expanded (row))
    g_hash_table_add (self->expanded_ids, g_memdup2 (&id, sizeof id));
  else if (removed > 0 && !gtk_tree_list_row_get_expanded (row))
    g_hash_table_remove (self->expanded_ids, &id);
}

/* Runs after the tree and the selection have followed the list. */
static void
on_list_items_changed_after_cb (GListModel *list, guint position, guint removed, guint added,
                                CouncilProjectsView *self)
{
  if (removed > 0)
    self->list_reloading = FALSE;
}

/* After a reload the brands are new rows: the ones expanded before are
 * found again by SQL and expanded. */
static void
restore_expansions (CouncilProjectsView *self)
{
  g_autoptr(GList) ids = NULL;

  if (!self->tree_mode || self->tree == NULL)
    return;
  ids = g_hash_table_get_keys (self->expanded_ids);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      guint root = council_project_list_find_position (self->list, *(gint64 *) l->data, NULL);
      g_autoptr(GtkTreeListRow) row = root != G_MAXUINT ? gtk_tree_list_model_get_child_row (self->tree, root) : NULL;

      if (row != NULL)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

/* ---- sorting: the header's sort indicator chooses the SQL ORDER BY ---- */

static void
on_sorter_changed_cb (GtkSorter *sorter, GtkSorterChange change, CouncilProjectsView *self)
{
  council_project_table_get_sort (self->table, &self->sort, &self->descending);
  council_project_list_set_sort (self->list, self->sort, self->descending);
}

/* ---- filters ---- */

static void
current_filter (CouncilProjectsView *self, CouncilProjectFilter *filter)
{
  guint year_pos = gtk_drop_down_get_selected (self->year_filter);
  guint org_pos = gtk_drop_down_get_selected (self->org_filter);
  guint cat_pos = gtk_drop_down_get_selected (self->category_filter);
  guint status_pos = gtk_drop_down_get_selected (self->status_filter);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  *filter = (CouncilProjectFilter) COUNCIL_PROJECT_FILTER_INIT;
  if (year_pos != GTK_INVALID_LIST_POSITION && year_pos > 0)
    filter->year = g_date_time_get_year (now) + 2 - (int) year_pos;
  if (org_pos != GTK_INVALID_LIST_POSITION && org_pos < self->org_ids->len)
    filter->org_id = g_array_index (self->org_ids, gint64, org_pos);
  if (cat_pos != GTK_INVALID_LIST_POSITION && cat_pos < self->category_ids->len)
    filter->category_id = g_array_index (self->category_ids, gint64, cat_pos);
  if (status_pos != GTK_INVALID_LIST_POSITION && status_pos > 0)
    filter->status = (int) status_pos - 1;
  filter->search = self->search;
  filter->top_level_only = self->tree_mode;
}

static void
update_count (CouncilProjectsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  g_free (self->count_text);
  self->count_text = self->tree_mode
    ? g_strdup_printf (ngettext ("%u top-level project", "%u top-level projects", n), n)
    : g_strdup_printf (ngettext ("%u project", "%u projects", n), n);
  gtk_label_set_text (self->count_label, self->count_text);
  if (council_sql_list_model_get_error (self->list) != NULL)
    council_widget_show_message (GTK_WIDGET (self), council_sql_list_model_get_error (self->list)->message, TRUE);
}

static void
apply_filter (CouncilProjectsView *self)
{
  CouncilProjectFilter filter;

  if (self->filling_filters)
    return;
  current_filter (self, &filter);
  self->syncing_selection = TRUE;
  council_project_list_set_filter (self->list, &filter);
  restore_expansions (self);
  self->syncing_selection = FALSE;
}

static void
fill_filters (CouncilProjectsView *self)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) orgs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GListStore) org_list = council_store_list_organizations (self->store, TRUE, NULL);
  g_autoptr(GListStore) cat_list = council_store_list_project_categories (self->store, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 all = 0;
  guint old_org = gtk_drop_down_get_selected (self->org_filter);
  guint old_cat = gtk_drop_down_get_selected (self->category_filter);
  gint64 old_org_id = old_org < self->org_ids->len ? g_array_index (self->org_ids, gint64, old_org) : 0;
  gint64 old_cat_id = old_cat < self->category_ids->len ? g_array_index (self->category_ids, gint64, old_cat) : 0;
  guint new_org = 0, new_cat = 0;

  self->filling_filters = TRUE;
  if (g_list_model_get_n_items (gtk_drop_down_get_model (self->year_filter) ? gtk_drop_down_get_model (self->year_filter) : G_LIST_MODEL (years)) == 0)
    {
      gtk_string_list_append (years, _("All years"));
      for (int y = g_date_time_get_year (now) + 1; y > g_date_time_get_year (now) + 1 - YEARS_BACK; y--)
        {
          g_autofree char *text = g_strdup_printf ("%d", y);
          gtk_string_list_append (years, text);
        }
      gtk_drop_down_set_model (self->year_filter, G_LIST_MODEL (years));
      gtk_string_list_append (statuses, _("All statuses"));
      for (int s = 0; s < COUNCIL_PROJECT_N_STATUSES; s++)
        gtk_string_list_append (statuses, council_project_status_label (s));
      gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
    }

  g_array_set_size (self->org_ids, 0);
  g_array_append_val (self->org_ids, all);
  gtk_string_list_append (orgs, _("All organizations"));
  for (guint i = 0; org_list && i < g_list_model_get_n_items (G_LIST_MODEL (org_list)); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (org_list), i);
      gint64 id = council_organization_get_id (org);
      if (id == old_org_id)
        new_org = self->org_ids->len;
      g_array_append_val (self->org_ids, id);
      gtk_string_list_append (orgs, council_organization_get_display_name (org));
    }
  gtk_drop_down_set_model (self->org_filter, G_LIST_MODEL (orgs));
  gtk_drop_down_set_selected (self->org_filter, new_org);

  g_array_set_size (self->category_ids, 0);
  g_array_append_val (self->category_ids, all);
  gtk_string_list_append (categories, _("All categories"));
  for (guint i = 0; cat_list && i < g_list_model_get_n_items (G_LIST_MODEL (cat_list)); i++)
    {
      g_autoptr(CouncilProjectCategory) cat = g_list_model_get_item (G_LIST_MODEL (cat_list), i);
      gint64 id = council_project_category_get_id (cat);
      if (id == old_cat_id)
        new_cat = self->category_ids->len;
      g_array_append_val (self->category_ids, id);
      gtk_string_list_append (categories, council_project_category_get_label (cat));
    }
  gtk_drop_down_set_model (self->category_filter, G_LIST_MODEL (categories));
  gtk_drop_down_set_selected (self->category_filter, new_cat);
  self->filling_filters = FALSE;
}

static void
on_filter_selected_cb (GObject *object, GParamSpec *pspec, CouncilProjectsView *self)
{
  apply_filter (self);
}

static void
on_search_changed_cb (GtkSearchEntry *entry, CouncilProjectsView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (g_strcmp0 (text, self->search ? self->search : "") == 0)
    return;
  g_free (self->search);
  self->search = *text ? g_steal_pointer (&text) : NULL;
  apply_filter (self);
}

/* ---- tree mode ---- */

static GListModel *
create_children_cb (gpointer item, gpointer user_data)
{
  CouncilProjectsView *self = user_data;
  CouncilProject *project = COUNCIL_PROJECT (item);

  if (council_project_get_n_sources (project) == 0)
    return NULL;
  return G_LIST_MODEL (council_store_list_integration_sources (self->store, council_project_get_id (project), NULL));
}

static void on_selection_changed_cb (GtkSelectionModel *model, guint position, guint n, CouncilProjectsView *self);

static void
set_rows_model (CouncilProjectsView *self)
{
  GListModel *rows;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  if (self->tree != NULL)
    g_signal_handlers_disconnect_by_data (self->tree, self);
  g_clear_object (&self->tree);
  if (self->tree_mode)
    {
      self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->list)), FALSE, FALSE,
                                            create_children_cb, self, NULL);
      g_signal_connect (self->tree, "items-changed", G_CALLBACK (on_tree_items_changed_cb), self);
      rows = g_object_ref (G_LIST_MODEL (self->tree));
    }
  else
    rows = g_object_ref (G_LIST_MODEL (self->list));
  self->selection = gtk_multi_selection_new (rows);
  council_project_table_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);
}

static void
on_brands_toggled_cb (GtkToggleButton *button, CouncilProjectsView *self)
{
  gboolean tree = gtk_toggle_button_get_active (button);

  if (tree == self->tree_mode)
    return;
  self->tree_mode = tree;
  apply_filter (self);
  set_rows_model (self);
  update_count (self);
}

/* ---- selection and the editor ---- */

/* The table's list (GTK 4.8 has no scroll API on list views but an action). */
static GtkWidget *
inner_list_view (CouncilProjectsView *self)
{
  return GTK_WIDGET (council_project_table_get_list_view (self->table));
}

/* The row of a project in the tree: its brand's row expanded when it is
 * one of the brand's sources. */
static guint
find_tree_position (CouncilProjectsView *self, gint64 id, guint root)
{
  GtkTreeListRow *row = gtk_tree_list_model_get_child_row (self->tree, root);
  guint found = GTK_INVALID_LIST_POSITION;

  if (row == NULL)
    return GTK_INVALID_LIST_POSITION;
  {
    g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

    if (council_project_get_id (COUNCIL_PROJECT (item)) == id)
      found = gtk_tree_list_row_get_position (row);
    else
      {
        gtk_tree_list_row_set_expanded (row, TRUE);
        for (guint i = 0; found == GTK_INVALID_LIST_POSITION; i++)
          {
            g_autoptr(GtkTreeListRow) child = gtk_tree_list_row_get_child_row (row, i);
            g_autoptr(GObject) child_item = NULL;

            if (child == NULL)
              break;
            child_item = gtk_tree_list_row_get_item (child);
            if (council_project_get_id (COUNCIL_PROJECT (child_item)) == id)
              found = gtk_tree_list_row_get_position (child);
          }
      }
  }
  g_object_unref (row);
  return found;
}

/* Any row of the list: SQL says where the project stands under the filter
 * and sort (in tree mode, where it or its brand stands among the roots). */
static guint
find_position (CouncilProjectsView *self, gint64 id)
{
  g_autoptr(GError) error = NULL;
  gint64 root_id = id;
  guint position;

  if (id <= 0)
    return GTK_INVALID_LIST_POSITION;
  if (self->tree_mode)
    {
      g_autoptr(CouncilProject) project = council_store_get_project (self->store, id, NULL);

      if (project != NULL && council_project_get_integrated_into (project) > 0)
        root_id = council_project_get_integrated_into (project);
    }
  position = council_project_list_find_position (self->list, root_id, &error);
  if (error != NULL)
    council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
  if (position == G_MAXUINT)
    return GTK_INVALID_LIST_POSITION;
  if (self->tree_mode)
    return find_tree_position (self, id, position);
  return position;
}

static void
scroll_to_position (CouncilProjectsView *self, guint position)
{
  GtkWidget *list_view = inner_list_view (self);

  if (list_view != NULL && position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

static void
sync_selection (CouncilProjectsView *self)
{
  gint64 id = council_project_editor_get_project_id (self->editor);
  guint pos = find_position (self, id);

  self->syncing_selection = TRUE;
  if (pos == GTK_INVALID_LIST_POSITION)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  else
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), pos, TRUE);
  self->syncing_selection = FALSE;
}

static void
open_target (CouncilProjectsView *self, gint64 target)
{
  council_project_editor_load (self->editor, target);
  if (target == COUNCIL_PROJECT_EDITOR_NEW)
    council_project_editor_focus_first_field (self->editor);
}

static void
on_unsaved_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilProjectsView *self = COUNCIL_PROJECTS_VIEW (user_data);

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    {
      if (council_project_editor_save (self->editor))
        open_target (self, self->pending_target);
    }
  else if (response == GTK_RESPONSE_REJECT)
    open_target (self, self->pending_target);
}

static void
request_switch (CouncilProjectsView *self, gint64 target)
{
  GtkWidget *dialog;

  if (!council_project_editor_has_unsaved_changes (self->editor))
    {
      open_target (self, target);
      return;
    }
  self->pending_target = target;
  dialog = gtk_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                   _("Save the changes to this project?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    _("The form holds changes that are not saved yet. If you discard them, they are lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT,
                          _("_Cancel"), GTK_RESPONSE_CANCEL, _("_Save"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT),
                            "destructive-action");
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "suggested-action");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The ids of the selected rows, in list order. */
static GArray *
selected_ids (CouncilProjectsView *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint pos;

  if (gtk_bitset_iter_init_first (&iter, set, &pos))
    do
      {
        g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), pos);
        gint64 id = council_project_get_id (item_project (item));
        g_array_append_val (ids, id);
      }
    while (ids->len < 200 && gtk_bitset_iter_next (&iter, &pos));
  return ids;
}

static void
on_selection_changed_cb (GtkSelectionModel *model, guint position, guint n, CouncilProjectsView *self)
{
  g_autoptr(GtkBitset) set = NULL;
  g_autoptr(GObject) item = NULL;
  gint64 id;

  if (self->syncing_selection)
    return;
  set = gtk_selection_model_get_selection (model);
  if (gtk_bitset_get_size (set) != 1)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (model), gtk_bitset_get_minimum (set));
  id = council_project_get_id (item_project (item));
  if (id != council_project_editor_get_project_id (self->editor))
    request_switch (self, id);
}

static void
on_row_activate_cb (GtkListView *list_view, guint position, CouncilProjectsView *self)
{
  council_project_editor_focus_first_field (self->editor);
}

static void
on_list_items_changed_cb (GListModel *model, guint position, guint removed, guint added,
                          CouncilProjectsView *self)
{
  update_count (self);
}

/* The new rows stand in front of the old ones: moving the view to them
 * makes GTK rebind the row widgets it has rather than build new ones. */
static void
on_list_reloading_cb (CouncilSqlListModel *list, CouncilProjectsView *self)
{
  GtkWidget *list_view = inner_list_view (self);

  self->list_reloading = TRUE;
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", 0);
}

static void
on_store_changed_cb (CouncilStore *store, const char *table, CouncilProjectsView *self)
{
  if (table == NULL || g_str_equal (table, "organization") || g_str_equal (table, "project_category"))
    fill_filters (self);
  /* The list has reloaded (it heard the change first): its rows are new
   * objects, so expanded brands list their sources afresh. */
  if (table == NULL || g_str_equal (table, "project") || g_str_equal (table, "organization")
      || g_str_equal (table, "project_category"))
    {
      restore_expansions (self);
      sync_selection (self);
    }
}

static void
on_editor_saved_cb (CouncilProjectEditor *editor, gint64 id, CouncilProjectsView *self)
{
  sync_selection (self);
}

/* ---- integration ---- */

typedef struct
{
  CouncilProjectsView *view;
  GArray *source_ids;
  GtkCheckButton *new_check;
  GtkEntry *code_entry;
  GtkEntry *title_entry;
  GtkDropDown *brand_drop;
  GArray *brand_ids;
  GtkLabel *error_label;
} IntegrateDialog;

static void
integrate_dialog_free (gpointer data)
{
  IntegrateDialog *d = data;
  g_array_unref (d->source_ids);
  g_array_unref (d->brand_ids);
  g_object_unref (d->view);
  g_free (d);
}

static char *
describe_projects (CouncilStore *store, GArray *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CouncilProject) p = council_store_get_project (store, g_array_index (ids, gint64, i), NULL);
      if (p == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: one project in a list: code, title, lead organization */
      g_string_append_printf (text, _("%s  %s"), council_project_get_code (p), council_project_get_title (p));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_integrate_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  IntegrateDialog *d = user_data;
  CouncilProjectsView *self = d->view;
  g_autoptr(CouncilProject) integrated = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  if (gtk_check_button_get_active (d->new_check))
    {
      g_autoptr(CouncilProject) first = council_store_get_project (self->store, g_array_index (d->source_ids, gint64, 0), NULL);

      integrated = council_project_new ();
      council_project_set_code (integrated, gtk_editable_get_text (GTK_EDITABLE (d->code_entry)));
      council_project_set_title_zh (integrated, gtk_editable_get_text (GTK_EDITABLE (d->title_entry)));
      council_project_set_is_brand (integrated, TRUE);
      if (first != NULL)
        {
          /* The brand starts in the category of its sources, led by the first one's lead. */
          council_project_set_category_id (integrated, council_project_get_category_id (first));
          council_project_set_lead_org_id (integrated, council_project_get_lead_org_id (first));
          council_project_set_start_date (integrated, council_project_get_start_date (first));
          council_project_set_end_date (integrated, council_project_get_end_date (first));
        }
    }
  else
    {
      guint pos = gtk_drop_down_get_selected (d->brand_drop);

      if (pos == GTK_INVALID_LIST_POSITION || pos >= d->brand_ids->len)
        {
          gtk_label_set_text (d->error_label, _("Choose the brand to integrate into."));
          gtk_widget_set_visible (GTK_WIDGET (d->error_label), TRUE);
          return;
        }
      integrated = council_store_get_project (self->store, g_array_index (d->brand_ids, gint64, pos), &error);
    }
  if (integrated == NULL ||
      !council_store_integrate_projects (self->store, d->source_ids, integrated, &error))
    {
      gtk_label_set_text (d->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (d->error_label), TRUE);
      return;
    }
  council_widget_show_message (GTK_WIDGET (self), _("Projects integrated. Press Ctrl+Z to undo."), FALSE);
  council_projects_view_show_project (self, council_project_get_id (integrated));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_new_check_toggled_cb (GtkCheckButton *check, IntegrateDialog *d)
{
  gboolean new_brand = gtk_check_button_get_active (check);

  gtk_widget_set_sensitive (GTK_WIDGET (d->code_entry), new_brand);
  gtk_widget_set_sensitive (GTK_WIDGET (d->title_entry), new_brand);
  gtk_widget_set_sensitive (GTK_WIDGET (d->brand_drop), !new_brand);
}

static void
run_integrate_dialog (CouncilProjectsView *self, GArray *source_ids)
{
  IntegrateDialog *d = g_new0 (IntegrateDialog, 1);
  GtkWidget *dialog = gtk_dialog_new_with_buttons (_("Integrate Brand Projects"),
                                                   GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT | GTK_DIALOG_USE_HEADER_BAR,
                                                   _("_Cancel"), GTK_RESPONSE_CANCEL,
                                                   _("_Integrate"), GTK_RESPONSE_ACCEPT, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *existing_check;
  g_autofree char *sources = describe_projects (self->store, source_ids);
  g_autoptr(GtkStringList) brand_names = gtk_string_list_new (NULL);
  CouncilProjectFilter filter = COUNCIL_PROJECT_FILTER_INIT;
  g_autoptr(GListStore) brands = NULL;
  GtkWidget *label;

  d->view = g_object_ref (self);
  d->source_ids = g_array_ref (source_ids);
  d->brand_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  filter.brands_only = TRUE;
  filter.top_level_only = TRUE;
  brands = council_store_list_projects (self->store, &filter, COUNCIL_PROJECT_SORT_CODE, FALSE, 0, 1000, NULL);
  for (guint i = 0; brands && i < g_list_model_get_n_items (G_LIST_MODEL (brands)); i++)
    {
      g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (brands), i);
      gint64 id = council_project_get_id (p);
      g_autofree char *text = NULL;
      gboolean is_source = FALSE;

      for (guint j = 0; j < source_ids->len; j++)
        is_source |= g_array_index (source_ids, gint64, j) == id;
      if (is_source)
        continue;
      text = g_strdup_printf ("%s  %s", council_project_get_code (p), council_project_get_title (p));
      g_array_append_val (d->brand_ids, id);
      gtk_string_list_append (brand_names, text);
    }

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  label = gtk_label_new (_("These brand projects become the sources of one council-level brand:"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (sources);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_box_append (GTK_BOX (box), label);

  d->new_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("A _new integrated brand")));
  existing_check = gtk_check_button_new_with_mnemonic (_("An _existing brand"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (existing_check), d->new_check);
  gtk_check_button_set_active (d->new_check, TRUE);
  d->code_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (d->code_entry, "QT-2026-101");
  d->title_entry = GTK_ENTRY (gtk_entry_new ());
  d->brand_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (brand_names)), NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (d->title_entry), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (d->new_check), 0, 0, 2, 1);
  label = gtk_label_new_with_mnemonic (_("C_ode"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (d->code_entry));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (d->code_entry), 1, 1, 1, 1);
  label = gtk_label_new_with_mnemonic (_("_Title"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (d->title_entry));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (d->title_entry), 1, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), existing_check, 0, 3, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (d->brand_drop), 1, 4, 1, 1);
  gtk_widget_set_sensitive (existing_check, d->brand_ids->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (d->brand_drop), FALSE);
  gtk_box_append (GTK_BOX (box), grid);
  d->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (d->error_label, TRUE);
  gtk_label_set_xalign (d->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (d->error_label), "field-error");
  gtk_widget_set_visible (GTK_WIDGET (d->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->error_label));
  gtk_box_append (GTK_BOX (gtk_dialog_get_content_area (GTK_DIALOG (dialog))), box);

  g_signal_connect (d->new_check, "toggled", G_CALLBACK (on_new_check_toggled_cb), d);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_integrate_response_cb), d,
                         (GClosureNotify) (void (*) (void)) integrate_dialog_free, 0);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "suggested-action");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
integrate_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilProjectsView *self = COUNCIL_PROJECTS_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);

  if (ids->len < 2)
    {
      council_widget_show_message (widget, _("Select two or more brand projects of different organizations first (Ctrl+click)."), FALSE);
      return;
    }
  run_integrate_dialog (self, ids);
}

static void
unintegrate_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilProjectsView *self = COUNCIL_PROJECTS_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  guint done = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GListStore) sources = council_store_list_integration_sources (self->store, id, NULL);
      g_autoptr(CouncilProject) p = council_store_get_project (self->store, id, NULL);

      /* On a brand: all its sources go free; on a source: that one. */
      if (sources != NULL && g_list_model_get_n_items (G_LIST_MODEL (sources)) > 0)
        {
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (sources)); j++)
            {
              g_autoptr(CouncilProject) s = g_list_model_get_item (G_LIST_MODEL (sources), j);
              if (!council_store_unintegrate_project (self->store, council_project_get_id (s), &error))
                break;
              done++;
            }
        }
      else if (p != NULL && council_project_get_integrated_into (p) != 0)
        {
          if (council_store_unintegrate_project (self->store, id, &error))
            done++;
        }
      if (error != NULL)
        break;
    }
  if (error != NULL)
    council_widget_show_message (widget, error->message, TRUE);
  else if (done == 0)
    council_widget_show_message (widget, _("Select an integrated brand or one of its sources first."), FALSE);
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u source project was taken out of its brand.",
                                                         "%u source projects were taken out of their brand.", done), done);
      council_widget_show_message (widget, text, FALSE);
    }
}

typedef struct
{
  CouncilProjectsView *view;
  GArray *ids;
} SuggestionRow;

static void
on_suggestion_integrate_clicked_cb (GtkButton *button, SuggestionRow *row)
{
  GtkWidget *dialog = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (button)));

  run_integrate_dialog (row->view, row->ids);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
suggestion_row_free (gpointer data, GClosure *closure)
{
  SuggestionRow *row = data;
  g_array_unref (row->ids);
  g_free (row);
}

static void
suggest_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilProjectsView *self = COUNCIL_PROJECTS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = council_store_suggest_integrations (self->store, 0, &error);
  GtkWidget *dialog;
  GtkWidget *scrolled, *list;

  if (groups == NULL)
    {
      council_widget_show_message (widget, error->message, TRUE);
      return;
    }
  dialog = gtk_dialog_new_with_buttons (_("Integration Suggestions"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT | GTK_DIALOG_USE_HEADER_BAR,
                                        _("_Close"), GTK_RESPONSE_CLOSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 480);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_top (list, 12);
  gtk_widget_set_margin_bottom (list, 12);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  if (groups->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No brand projects to suggest: none of different organizations share a category with overlapping dates or target group."));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 12);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  for (guint i = 0; i < groups->len; i++)
    {
      GArray *ids = g_ptr_array_index (groups, i);
      g_autofree char *text = describe_projects (self->store, ids);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Integrate…"));
      SuggestionRow *data = g_new0 (SuggestionRow, 1);

      data->view = self;
      data->ids = g_array_ref (ids);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_top (row, 6);
      gtk_widget_set_margin_bottom (row, 6);
      gtk_widget_set_margin_start (row, 6);
      gtk_widget_set_margin_end (row, 6);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), button);
      g_signal_connect_data (button, "clicked", G_CALLBACK (on_suggestion_integrate_clicked_cb), data,
                             suggestion_row_free, 0);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (gtk_dialog_get_content_area (GTK_DIALOG (dialog))), scrolled);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- export ---- */

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser, int response, CouncilProjectsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (response == GTK_RESPONSE_ACCEPT && COUNCIL_IS_WINDOW (root))
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *xlsx = g_str_has_suffix (path, ".xlsx") ? g_strdup (path) : g_strconcat (path, ".xlsx", NULL);
      CouncilProjectFilter filter;

      current_filter (self, &filter);
      filter.top_level_only = FALSE;   /* a sheet is flat: sources are listed too */
      council_window_export_projects (COUNCIL_WINDOW (root), xlsx, &filter, self->sort, self->descending);
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilProjectsView *self = COUNCIL_PROJECTS_VIEW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: default file name of the exported projects; %Y-%m-%d is the date */
  g_autofree char *name = g_date_time_format (now, _("Projects %Y-%m-%d.xlsx"));
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Export Projects"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- actions ---- */

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  request_switch (COUNCIL_PROJECTS_VIEW (widget), COUNCIL_PROJECT_EDITOR_NEW);
}

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (COUNCIL_PROJECTS_VIEW (widget)->search_entry));
}

/* ---- public ---- */

void
council_projects_view_show_project (CouncilProjectsView *self, gint64 id)
{
  g_return_if_fail (COUNCIL_IS_PROJECTS_VIEW (self));

  if (find_position (self, id) == GTK_INVALID_LIST_POSITION)
    {
      /* Hidden by the filters: show everything, then look again. */
      self->filling_filters = TRUE;
      gtk_drop_down_set_selected (self->year_filter, 0);
      gtk_drop_down_set_selected (self->org_filter, 0);
      gtk_drop_down_set_selected (self->category_filter, 0);
      gtk_drop_down_set_selected (self->status_filter, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->search, g_free);
      self->filling_filters = FALSE;
      apply_filter (self);
    }
  request_switch (self, id);
  sync_selection (self);
  scroll_to_position (self, find_position (self, id));
}

gboolean
council_projects_view_has_unsaved_changes (CouncilProjectsView *self)
{
  return council_project_editor_has_unsaved_changes (self->editor);
}

gboolean
council_projects_view_save (CouncilProjectsView *self)
{
  return council_project_editor_save (self->editor);
}

/* ---- drafts left by a crash ---- */

static gboolean
restore_draft (GtkWidget *view, CouncilDraft *draft)
{
  CouncilProjectsView *self = COUNCIL_PROJECTS_VIEW (view);

  if (!council_project_editor_restore_draft (self->editor, draft))
    return FALSE;
  if (draft->record_id > 0)
    {
      sync_selection (self);
      scroll_to_position (self, find_position (self, draft->record_id));
    }
  return TRUE;
}

GtkWidget *
council_projects_view_get_draft_dialog (CouncilProjectsView *self)
{
  g_return_val_if_fail (COUNCIL_IS_PROJECTS_VIEW (self), NULL);
  return self->drafts ? council_draft_offer_get_dialog (self->drafts) : NULL;
}

GtkColumnView *council_projects_view_get_column_view (CouncilProjectsView *self) { return council_project_table_get_header (self->table); }
GtkEditable *council_projects_view_get_search_entry (CouncilProjectsView *self) { return GTK_EDITABLE (self->search_entry); }
CouncilProjectEditor *council_projects_view_get_editor (CouncilProjectsView *self) { return self->editor; }
GListModel *council_projects_view_get_rows (CouncilProjectsView *self) { return G_LIST_MODEL (self->selection); }
const char *council_projects_view_get_count_text (CouncilProjectsView *self) { return self->count_text; }

void
council_projects_view_set_search (CouncilProjectsView *self, const char *text)
{
  /* Setting the text clears it first, which the entry reports at once as a
   * search for nothing: the list is queried once, for the new text. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed_cb, self);
  on_search_changed_cb (self->search_entry, self);
}

void
council_projects_view_set_category (CouncilProjectsView *self, gint64 category_id)
{
  for (guint i = 0; i < self->category_ids->len; i++)
    if (g_array_index (self->category_ids, gint64, i) == category_id)
      gtk_drop_down_set_selected (self->category_filter, i);
}

void
council_projects_view_set_tree_mode (CouncilProjectsView *self, gboolean tree)
{
  gtk_toggle_button_set_active (self->brands_toggle, tree);
}

/* ---- life cycle ---- */

static void
council_projects_view_dispose (GObject *object)
{
  CouncilProjectsView *self = COUNCIL_PROJECTS_VIEW (object);

  if (self->drafts != NULL)
    council_draft_offer_detach (self->drafts);
  g_clear_object (&self->drafts);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->tree != NULL)
    g_signal_handlers_disconnect_by_data (self->tree, self);
  if (self->table != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (council_project_table_get_header (self->table)), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COUNCIL_TYPE_PROJECTS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (council_projects_view_parent_class)->dispose (object);
}

static void
council_projects_view_finalize (GObject *object)
{
  CouncilProjectsView *self = COUNCIL_PROJECTS_VIEW (object);

  g_clear_pointer (&self->org_ids, g_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->expanded_ids, g_hash_table_unref);
  g_free (self->search);
  g_free (self->count_text);
  G_OBJECT_CLASS (council_projects_view_parent_class)->finalize (object);
}

static void
council_projects_view_class_init (CouncilProjectsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_projects_view_dispose;
  object_class->finalize = council_projects_view_finalize;

  g_type_ensure (COUNCIL_TYPE_PROJECT_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qunjian/CouncilDesk/ui/council-projects-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CouncilProjectsView, paned);
  gtk_widget_class_bind_template_child (widget_class, CouncilProjectsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CouncilProjectsView, brands_toggle);
  gtk_widget_class_bind_template_child (widget_class, CouncilProjectsView, year_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilProjectsView, org_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilProjectsView, category_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilProjectsView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilProjectsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilProjectsView, table);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_brands_toggled_cb);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "view.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "view.integrate", NULL, integrate_action);
  gtk_widget_class_install_action (widget_class, "view.unintegrate", NULL, unintegrate_action);
  gtk_widget_class_install_action (widget_class, "view.suggest", NULL, suggest_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "projectsview");
}

static void
on_filter_name_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_filter_name_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* A chosen organization's long name must not widen the filter row. */
static void
shorten_org_filter (CouncilProjectsView *self)
{
  g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (button_factory, "setup", G_CALLBACK (on_filter_name_setup_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (button_factory, "bind", G_CALLBACK (on_filter_name_bind_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (on_filter_name_setup_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (on_filter_name_bind_cb), NULL);
  gtk_drop_down_set_factory (self->org_filter, button_factory);
  gtk_drop_down_set_list_factory (self->org_filter, list_factory);
  {
    /* The drop-down keeps its own reference. */
    g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
    gtk_drop_down_set_expression (self->org_filter, expression);
  }
}

static void
council_projects_view_init (CouncilProjectsView *self)
{
  self->org_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->expanded_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Typing is answered 150 ms after the last key, not on every key. */
  gtk_search_entry_set_search_delay (self->search_entry, 150);
  shorten_org_filter (self);
  g_signal_connect (council_project_table_get_list_view (self->table), "activate",
                    G_CALLBACK (on_row_activate_cb), self);
}

CouncilProjectsView *
council_projects_view_new (CouncilStore *store)
{
  CouncilProjectsView *self;
  CouncilProjectFilter filter = COUNCIL_PROJECT_FILTER_INIT;

  g_return_val_if_fail (COUNCIL_IS_STORE (store), NULL);

  self = g_object_new (COUNCIL_TYPE_PROJECTS_VIEW, NULL);
  self->store = g_object_ref (store);
  fill_filters (self);
  self->list = council_store_new_project_list (store, &filter, COUNCIL_PROJECT_SORT_CODE, FALSE);
  /* During a reload GTK 4.8 asks for the two last rows of the new query
   * (they stand just before the old first row for a moment): small pages
   * keep that from reading 200 rows. */
  council_sql_list_model_set_page_size (self->list, 50);
  g_signal_connect (self->list, "items-changed", G_CALLBACK (on_list_items_changed_cb), self);
  g_signal_connect (self->list, "reloading", G_CALLBACK (on_list_reloading_cb), self);
  g_signal_connect_after (self->list, "items-changed", G_CALLBACK (on_list_items_changed_after_cb), self);
  set_rows_model (self);
  g_signal_connect (gtk_column_view_get_sorter (council_project_table_get_header (self->table)), "changed",
                    G_CALLBACK (on_sorter_changed_cb), self);
  self->editor = council_project_editor_new (store);
  gtk_paned_set_end_child (self->paned, GTK_WIDGET (self->editor));
  g_signal_connect_object (self->editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  council_project_editor_load (self->editor, COUNCIL_PROJECT_EDITOR_NONE);
  update_count (self);
  self->drafts = council_draft_offer_new (GTK_WIDGET (self), store, "project", N_("a new project"), restore_draft);
  return self;
}
