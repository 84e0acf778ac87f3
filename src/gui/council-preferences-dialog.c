/* council-preferences-dialog.c: interface language and automatic backups.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "council-preferences-dialog.h"

struct _CouncilPreferencesDialog
{
  GtkWindow parent_instance;

  GSettings *settings;
  GtkDropDown *language_dropdown;
  GtkSpinButton *backup_days_spin;
  GtkLabel *restart_label;
};

G_DEFINE_FINAL_TYPE (CouncilPreferencesDialog, council_preferences_dialog, GTK_TYPE_WINDOW)

/* Order of the drop-down entries. */
static const char *language_codes[] = { "", "zh_CN", "en" };

static void
on_language_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, CouncilPreferencesDialog *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autofree char *current = g_settings_get_string (self->settings, "language");

  if (selected >= G_N_ELEMENTS (language_codes) || g_strcmp0 (current, language_codes[selected]) == 0)
    return;
  g_settings_set_string (self->settings, "language", language_codes[selected]);
  gtk_widget_set_visible (GTK_WIDGET (self->restart_label), TRUE);
}

static void
council_preferences_dialog_dispose (GObject *object)
{
  CouncilPreferencesDialog *self = COUNCIL_PREFERENCES_DIALOG (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (council_preferences_dialog_parent_class)->dispose (object);
}

static void
council_preferences_dialog_class_init (CouncilPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_preferences_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
row_label (const char *text, GtkWidget *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  return label;
}

static void
council_preferences_dialog_init (CouncilPreferencesDialog *self)
{
  const char *languages[] = { _("Same as the system"), "中文", "English", NULL };
  GtkWidget *grid = gtk_grid_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_widget_set_margin_top (grid, 24);
  gtk_widget_set_margin_bottom (grid, 24);
  gtk_widget_set_margin_start (grid, 24);
  gtk_widget_set_margin_end (grid, 24);

  self->language_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (languages));
  gtk_grid_attach (GTK_GRID (grid), row_label (_("Interface _language"), GTK_WIDGET (self->language_dropdown)), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->language_dropdown), 1, 0, 1, 1);

  self->restart_label = GTK_LABEL (gtk_label_new (_("The new language applies the next time Council Desk starts.")));
  gtk_label_set_xalign (self->restart_label, 0);
  gtk_label_set_wrap (self->restart_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->restart_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->restart_label), FALSE);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->restart_label), 0, 1, 2, 1);

  self->backup_days_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 60, 1));
  gtk_grid_attach (GTK_GRID (grid), row_label (_("Daily _backups kept (days)"), GTK_WIDGET (self->backup_days_spin)), 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->backup_days_spin), 1, 2, 1, 1);

  gtk_window_set_child (GTK_WINDOW (self), grid);
}

GtkWidget *
council_preferences_dialog_new (GtkWindow *parent, GSettings *settings)
{
  CouncilPreferencesDialog *self = g_object_new (COUNCIL_TYPE_PREFERENCES_DIALOG,
                                                 "transient-for", parent,
                                                 "modal", TRUE,
                                                 "destroy-with-parent", TRUE,
                                                 NULL);
  g_autofree char *language = g_settings_get_string (settings, "language");

  self->settings = g_object_ref (settings);
  for (guint i = 0; i < G_N_ELEMENTS (language_codes); i++)
    if (g_strcmp0 (language, language_codes[i]) == 0)
      gtk_drop_down_set_selected (self->language_dropdown, i);
  g_signal_connect (self->language_dropdown, "notify::selected", G_CALLBACK (on_language_selected_cb), self);
  g_settings_bind (settings, "backup-days", self->backup_days_spin, "value", G_SETTINGS_BIND_DEFAULT);
  return GTK_WIDGET (self);
}
