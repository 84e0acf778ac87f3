/* main.c: translations first, then either a command-line verb or the window.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "core/council-cli.h"
#include "gui/council-application.h"

/* Preferences can pin the interface language; it has to be in the environment
 * before gettext or GTK read it, which is why it applies at the next start. */
static void
apply_language_preference (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *language = NULL;

  if (source == NULL || g_getenv ("COUNCIL_DESK_IGNORE_LANGUAGE_SETTING") != NULL)
    return;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return;
  settings = g_settings_new (APP_ID);
  language = g_settings_get_string (settings, "language");
  if (language != NULL && *language != '\0')
    g_setenv ("LANGUAGE", language, TRUE);
}

static const char *
locale_dir (void)
{
  const char *dir = g_getenv ("COUNCIL_DESK_LOCALEDIR");
  return dir && *dir ? dir : LOCALEDIR;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree GOptionEntry *entries = NULL;
  g_autoptr(CouncilApplication) app = NULL;
  CouncilCliOptions options = { 0 };
  char *gui_argv[] = { argv[0], NULL };
  int status;

  setlocale (LC_ALL, "");
  council_choose_renderer ();
  apply_language_preference ();
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  entries = council_cli_option_entries (&options);
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Council Desk — records, projects, meetings, assessment and documents of a mass-organizations work council."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "council-desk: %s\n", error->message);
      council_cli_options_clear (&options);
      return 1;
    }

  if (council_cli_has_verb (&options))
    {
      status = council_cli_run (&options);
      council_cli_options_clear (&options);
      return status;
    }

  app = council_application_new (&options);
  council_cli_options_clear (&options);
  status = g_application_run (G_APPLICATION (app), 1, gui_argv);
  return status != 0 ? status : council_application_get_exit_status (app);
}
