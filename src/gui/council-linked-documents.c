/* council-linked-documents.c: the other side of a document's links, shown in
 * the organization and meeting editors; Open shows the document.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-linked-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "core/council-store-documents.h"
#include "council-linked-documents.h"
#include "council-meeting-editor.h"

struct _CouncilLinkedDocuments
{
  GtkWidget parent_instance;

  CouncilStore *store;
  CouncilLinkTarget target;
  gint64 id;
  guint n_documents;
  gulong changed_id;

  GtkWidget *placeholder;
  GtkWidget *list;
};

G_DEFINE_FINAL_TYPE (CouncilLinkedDocuments, council_linked_documents, GTK_TYPE_WIDGET)

static GtkWidget *
document_row (CouncilDocument *doc)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (council_document_get_title (doc));
  g_autofree char *date = council_format_date (council_document_get_issue_date (doc));
  g_autofree char *facts = g_strdup_printf ("%s  %s  %s", council_document_get_issuing_body (doc),
                                            council_document_get_doc_number (doc), date);
  GtkWidget *sub = gtk_label_new (facts);
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 8);
  gtk_widget_set_margin_end (row, 8);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (title, council_document_get_title (doc));
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), sub);
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (open, _("Show this document in the Documents view"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x", council_document_get_id (doc));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.show-document");
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), open);
  return row;
}

static void
refresh (CouncilLinkedDocuments *self)
{
  g_autoptr(GListStore) docs = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  self->n_documents = 0;
  if (self->store != NULL && self->id > 0)
    docs = council_store_list_linked_documents (self->store, self->target, self->id, NULL);
  for (guint i = 0; docs != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (docs)); i++)
    {
      g_autoptr(CouncilDocument) doc = g_list_model_get_item (G_LIST_MODEL (docs), i);

      gtk_list_box_append (GTK_LIST_BOX (self->list), document_row (doc));
      self->n_documents++;
    }
  gtk_widget_set_visible (self->list, self->n_documents > 0);
  gtk_widget_set_visible (self->placeholder, self->n_documents == 0);
}

static void
on_store_changed_cb (CouncilStore *store, const char *table, CouncilLinkedDocuments *self)
{
  if (table == NULL || g_str_has_prefix (table, "document"))
    refresh (self);
}

void
council_linked_documents_set_record (CouncilLinkedDocuments *self, CouncilStore *store,
                                     CouncilLinkTarget target, gint64 id)
{
  g_return_if_fail (COUNCIL_IS_LINKED_DOCUMENTS (self));

  if (store != self->store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
    }
  self->target = target;
  self->id = id;
  refresh (self);
}

guint
council_linked_documents_get_n_documents (CouncilLinkedDocuments *self)
{
  return self->n_documents;
}

static void
council_linked_documents_dispose (GObject *object)
{
  CouncilLinkedDocuments *self = COUNCIL_LINKED_DOCUMENTS (object);
  GtkWidget *child;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (council_linked_documents_parent_class)->dispose (object);
}

static void
council_linked_documents_class_init (CouncilLinkedDocumentsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = council_linked_documents_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
council_linked_documents_init (CouncilLinkedDocuments *self)
{
  GtkWidget *heading = gtk_label_new (_("Linked policy documents"));
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  self->placeholder = gtk_label_new (_("No policy documents are linked to this record. Link them from the Documents view."));
  gtk_label_set_wrap (GTK_LABEL (self->placeholder), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->placeholder), 0);
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Linked policy documents"), -1);
  gtk_widget_set_parent (heading, GTK_WIDGET (self));
  gtk_widget_set_parent (self->placeholder, GTK_WIDGET (self));
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));
  refresh (self);
}

GtkWidget *
council_linked_documents_new (void)
{
  return g_object_new (COUNCIL_TYPE_LINKED_DOCUMENTS, NULL);
}
