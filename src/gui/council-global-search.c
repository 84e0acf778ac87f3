/* council-global-search.c: a small window with one search field and the
 * results grouped by kind; Enter or a click opens the record in its view.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-global-search"

#include "config.h"

#include <glib/gi18n.h>

#include "core/council-overview.h"
#include "council-global-search.h"
#include "council-window.h"

struct _CouncilGlobalSearch
{
  GtkWindow parent_instance;

  CouncilStore *store;
  GtkWindow *main_window;     /* weak: where records open */
  GtkSearchEntry *entry;
  GtkListBox *results;
  GtkLabel *status_label;
};

G_DEFINE_FINAL_TYPE (CouncilGlobalSearch, council_global_search, GTK_TYPE_WINDOW)

static const char *
kind_heading (CouncilRecordKind kind)
{
  switch (kind)
    {
    case COUNCIL_RECORD_ORGANIZATION: return _("Organizations");
    case COUNCIL_RECORD_PROJECT:      return _("Projects");
    case COUNCIL_RECORD_MEETING:      return _("Meetings");
    case COUNCIL_RECORD_ACTION_ITEM:  return _("Action items");
    case COUNCIL_RECORD_INDICATOR:    return _("Indicators");
    case COUNCIL_RECORD_DOCUMENT:     return _("Document text");
    default:                          return "";
    }
}

static CouncilRecordRef *
row_record (GtkListBoxRow *row)
{
  return row ? g_object_get_data (G_OBJECT (row), "record") : NULL;
}

static void
update_header_cb (GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
  CouncilRecordRef *ref = row_record (row);
  CouncilRecordRef *prev = row_record (before);
  GtkWidget *header;

  if (ref == NULL || (prev != NULL && prev->kind == ref->kind))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (kind_heading (ref->kind));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_start (header, 8);
  gtk_widget_set_margin_top (header, 8);
  gtk_widget_set_margin_bottom (header, 2);
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
new_result_row (const CouncilRecordRef *ref)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (ref->title);
  g_autofree char *second = *ref->date ? g_strdup_printf ("%s · %s", ref->detail, ref->date)
                                       : g_strdup (ref->detail);
  GtkWidget *detail = gtk_label_new (second);

  gtk_widget_set_margin_start (box, 16);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "record",
                          council_record_ref_new (ref->kind, ref->id, ref->title, ref->detail, ref->date),
                          (GDestroyNotify) council_record_ref_free);
  return row;
}

static void
run_search (CouncilGlobalSearch *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  GPtrArray *results[COUNCIL_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint total = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  if (!council_search_everything (self->store, query, council_ui_prefers_chinese (),
                                  COUNCIL_SEARCH_LIMIT_PER_KIND, results, &error))
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  for (int k = 0; k < COUNCIL_N_RECORD_KINDS; k++)
    {
      for (guint i = 0; i < results[k]->len; i++)
        gtk_list_box_append (self->results, new_result_row (g_ptr_array_index (results[k], i)));
      total += results[k]->len;
      g_ptr_array_unref (results[k]);
    }
  if (*query == '\0')
    gtk_label_set_text (self->status_label,
                        _("Organizations, projects, meetings, action items, assessment indicators and document text"));
  else if (total == 0)
    gtk_label_set_text (self->status_label, _("Nothing found"));
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u result", "%u results", total), total);
      gtk_label_set_text (self->status_label, text);
    }
  gtk_list_box_select_row (self->results, gtk_list_box_get_row_at_index (self->results, 0));
}

static void
open_row (CouncilGlobalSearch *self, GtkListBoxRow *row)
{
  CouncilRecordRef *ref = row_record (row);

  if (ref == NULL || self->main_window == NULL)
    return;
  /* The window goes first, so the opened record has the focus. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  council_widget_show_record (GTK_WIDGET (self->main_window), ref->kind, ref->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_search_changed_cb (GtkSearchEntry *entry, CouncilGlobalSearch *self)
{
  run_search (self);
}

static void
on_entry_activate_cb (GtkSearchEntry *entry, CouncilGlobalSearch *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results);

  open_row (self, row ? row : gtk_list_box_get_row_at_index (self->results, 0));
}

static void
on_stop_search_cb (GtkSearchEntry *entry, CouncilGlobalSearch *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_row_activated_cb (GtkListBox *box, GtkListBoxRow *row, CouncilGlobalSearch *self)
{
  open_row (self, row);
}

/* Down from the field moves into the results, as in a browser's address bar. */
static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                         GdkModifierType state, CouncilGlobalSearch *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  row = gtk_list_box_get_selected_row (self->results);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->results, 0);
  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static void
council_global_search_dispose (GObject *object)
{
  CouncilGlobalSearch *self = COUNCIL_GLOBAL_SEARCH (object);

  g_clear_weak_pointer (&self->main_window);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (council_global_search_parent_class)->dispose (object);
}

static void
council_global_search_class_init (CouncilGlobalSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_global_search_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
council_global_search_init (CouncilGlobalSearch *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Search Everything"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 520);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_key_capture_widget (self->entry, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search everything"), -1);
  gtk_widget_set_margin_start (GTK_WIDGET (self->entry), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->entry), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->entry), 12);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->status_label), 14);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_header_func (self->results, update_header_cb, NULL, NULL);
  gtk_list_box_set_activate_on_single_click (self->results, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->results));
  gtk_widget_set_vexpand (scroller, TRUE);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_window_set_child (GTK_WINDOW (self), box);

  g_signal_connect (self->entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  g_signal_connect (self->entry, "stop-search", G_CALLBACK (on_stop_search_cb), self);
  g_signal_connect (self->results, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
}

CouncilGlobalSearch *
council_global_search_new (GtkWindow *parent, CouncilStore *store)
{
  CouncilGlobalSearch *self = g_object_new (COUNCIL_TYPE_GLOBAL_SEARCH, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  g_set_weak_pointer (&self->main_window, parent);
  run_search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return self;
}

void
council_global_search_set_query (CouncilGlobalSearch *self, const char *query)
{
  g_return_if_fail (COUNCIL_IS_GLOBAL_SEARCH (self));
  g_signal_handlers_block_by_func (self->entry, on_search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), query);
  g_signal_handlers_unblock_by_func (self->entry, on_search_changed_cb, self);
  run_search (self);
}

GtkListBox *
council_global_search_get_results (CouncilGlobalSearch *self)
{
  g_return_val_if_fail (COUNCIL_IS_GLOBAL_SEARCH (self), NULL);
  return self->results;
}

GtkSearchEntry *
council_global_search_get_entry (CouncilGlobalSearch *self)
{
  g_return_val_if_fail (COUNCIL_IS_GLOBAL_SEARCH (self), NULL);
  return self->entry;
}
