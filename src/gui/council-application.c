/* council-application.c: owns the store, the settings and the app actions.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-application"

#include "config.h"

#include <glib/gi18n.h>

#include "council-application.h"
#include "council-gui-resources.h"
#include "council-preferences-dialog.h"
#include "council-window.h"

struct _CouncilApplication
{
  GtkApplication parent_instance;

  CouncilCliOptions options;
  CouncilStore *store;
  GSettings *settings;
  int exit_status;
};

G_DEFINE_FINAL_TYPE (CouncilApplication, council_application, GTK_TYPE_APPLICATION)

static void
council_application_dispose (GObject *object)
{
  CouncilApplication *self = COUNCIL_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  council_cli_options_clear (&self->options);

  G_OBJECT_CLASS (council_application_parent_class)->dispose (object);
}

static void
on_error_dialog_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  GApplication *app = G_APPLICATION (user_data);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_application_release (app);
}

/* Without a store there is nothing to show: say why, then quit with status 1. */
static void
show_fatal_error (CouncilApplication *self, const char *message)
{
  GtkWidget *dialog = gtk_message_dialog_new (NULL, GTK_DIALOG_MODAL, GTK_MESSAGE_ERROR,
                                              GTK_BUTTONS_CLOSE, "%s",
                                              _("Council Desk cannot open its database"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Council Desk"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_dialog_response_cb), self);
  g_application_hold (G_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
  self->exit_status = 1;
  g_printerr ("council-desk: %s\n", message);
}

static void
load_settings (CouncilApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  /* Running uninstalled without the compiled schema: the window keeps its
   * defaults and Preferences is unavailable. */
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_warning ("GSettings schema %s is not installed; settings will not be kept", APP_ID);
}

static void
council_application_startup (GApplication *app)
{
  CouncilApplication *self = COUNCIL_APPLICATION (app);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(GError) error = NULL;
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *find_accels[] = { "<Control><Shift>f", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", "<Control>question", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (council_application_parent_class)->startup (app);

  g_resources_register (council_gui_get_resource ());
  gtk_css_provider_load_from_resource (css, "/org/qunjian/CouncilDesk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (APP_ID);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.find", find_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search-everything", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export-workbook", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);

  load_settings (self);
  self->store = council_cli_open_store (&self->options, &error);
  if (self->store == NULL)
    show_fatal_error (self, error->message);
}

static void
council_application_activate (GApplication *app)
{
  CouncilApplication *self = COUNCIL_APPLICATION (app);
  GtkWindow *window;

  if (self->store == NULL)
    return;
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (council_window_new (self));
      council_window_set_view (COUNCIL_WINDOW (window), self->options.view);
    }
  gtk_window_present (window);
}

static void
council_application_class_init (CouncilApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = council_application_dispose;
  app_class->startup = council_application_startup;
  app_class->activate = council_application_activate;
}

static void
on_quit_activate_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  CouncilApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing through the window lets it keep its size and check unsaved edits. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
on_about_activate_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  CouncilApplication *self = user_data;
  static const char *authors[] = { "Council Desk developers", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "program-name", _("Council Desk"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("The workbench of a mass-organizations work council’s secretariat: roster, projects, meetings, assessment and policy documents in one file."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 Council Desk developers",
                         NULL);
}

static void
on_preferences_activate_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  CouncilApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  if (self->settings == NULL)
    return;
  dialog = council_preferences_dialog_new (parent, self->settings);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit_activate_cb },
  { "about", on_about_activate_cb },
  { "preferences", on_preferences_activate_cb },
};

static void
council_application_init (CouncilApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
}

CouncilApplication *
council_application_new (const CouncilCliOptions *options)
{
  CouncilApplication *self = g_object_new (COUNCIL_TYPE_APPLICATION,
                                           "application-id", APP_ID,
                                           "flags", G_APPLICATION_NON_UNIQUE,
                                           "resource-base-path", "/org/qunjian/CouncilDesk",
                                           NULL);
  self->options.database = g_strdup (options->database);
  self->options.demo = options->demo;
  self->options.view = g_strdup (options->view);
  return self;
}

CouncilStore *
council_application_get_store (CouncilApplication *self)
{
  return self->store;
}

GSettings *
council_application_get_settings (CouncilApplication *self)
{
  return self->settings;
}

/* GTK 4.8 draws with OpenGL. Without a GPU render node (a virtual machine, a
 * remote desktop, Xvfb) that OpenGL is Mesa's software rasterizer, which spends
 * about 100 ms of CPU on each frame of the full window and some 130 MB more
 * memory; GTK's cairo renderer draws the same frame in about 12 ms
 * (bench-scroll). A GSK_RENDERER the person set wins. */
void
council_choose_renderer (void)
{
  g_autoptr(GDir) dri = NULL;
  const char *name;

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  dri = g_dir_open ("/dev/dri", 0, NULL);
  while (dri != NULL && (name = g_dir_read_name (dri)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return;
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
}

int
council_application_get_exit_status (CouncilApplication *self)
{
  return self->exit_status;
}
