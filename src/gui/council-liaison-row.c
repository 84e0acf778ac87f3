/* council-liaison-row.c
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-liaison-row"

#include "config.h"

#include <glib/gi18n.h>

#include "council-liaison-row.h"

struct _CouncilLiaisonRow
{
  GtkWidget parent_instance;

  GtkEntry *name_entry;
  GtkEntry *department_entry;
  GtkEntry *phone_entry;
  GtkButton *remove_button;
  gint64 officer_id;   /* kept so that the store recognises the officer */
};

G_DEFINE_FINAL_TYPE (CouncilLiaisonRow, council_liaison_row, GTK_TYPE_WIDGET)

enum { SIGNAL_CHANGED, SIGNAL_REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_entry_changed_cb (GtkEditable *editable, CouncilLiaisonRow *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_remove_clicked_cb (GtkButton *button, CouncilLiaisonRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static GtkEntry *
add_entry (CouncilLiaisonRow *self, const char *placeholder, int width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_widget_set_parent (entry, GTK_WIDGET (self));
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  return GTK_ENTRY (entry);
}

void
council_liaison_row_mark_errors (CouncilLiaisonRow *self, gboolean show)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  g_autofree char *phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_entry))));
  g_autofree char *stripped_name = g_strstrip (g_strdup (name));

  if (show && *stripped_name == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->name_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_entry), "error");
  if (show && !council_phone_is_valid (phone))
    gtk_widget_add_css_class (GTK_WIDGET (self->phone_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->phone_entry), "error");
}

CouncilLiaisonOfficer *
council_liaison_row_to_officer (CouncilLiaisonRow *self)
{
  CouncilLiaisonOfficer *officer =
    council_liaison_officer_new (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->department_entry)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->phone_entry)));

  council_liaison_officer_set_id (officer, self->officer_id);
  return officer;
}

void
council_liaison_row_focus_name (CouncilLiaisonRow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
council_liaison_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (council_liaison_row_parent_class)->dispose (object);
}

static void
council_liaison_row_class_init (CouncilLiaisonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_liaison_row_dispose;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "liaisonrow");
}

static void
council_liaison_row_init (CouncilLiaisonRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->name_entry = add_entry (self, _("Full name"), 6);
  self->department_entry = add_entry (self, _("Department placed in"), 10);
  self->phone_entry = add_entry (self, _("Phone"), 8);

  gtk_widget_set_tooltip_text (remove, _("Remove this liaison officer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove liaison officer"), -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (remove, GTK_WIDGET (self));
  self->remove_button = GTK_BUTTON (remove);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
}

CouncilLiaisonRow *
council_liaison_row_new (CouncilLiaisonOfficer *officer)
{
  CouncilLiaisonRow *self = g_object_new (COUNCIL_TYPE_LIAISON_ROW, NULL);

  if (officer != NULL)
    {
      self->officer_id = council_liaison_officer_get_id (officer);
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), council_liaison_officer_get_name (officer));
      gtk_editable_set_text (GTK_EDITABLE (self->department_entry),
                             council_liaison_officer_get_department (officer));
      gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), council_liaison_officer_get_phone (officer));
    }
  return self;
}
