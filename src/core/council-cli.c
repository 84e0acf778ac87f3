/* council-cli.c
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "council-cli.h"
#include "council-demo.h"
#include "council-minutes.h"
#include "council-document-import.h"
#include "council-pdf-extract.h"
#include "council-store-documents.h"
#include "council-roster-import.h"
#include "council-store.h"
#include "council-workbook.h"

GOptionEntry *
council_cli_option_entries (CouncilCliOptions *o)
{
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &o->database,
      N_("Use the council database FILE instead of the default one"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &o->demo,
      N_("Open a temporary database filled with a sample council"), NULL },
    { "backup", 0, 0, G_OPTION_ARG_FILENAME, &o->backup,
      N_("Write a backup copy of the database to FILE and exit"), N_("FILE") },
    { "restore", 0, 0, G_OPTION_ARG_FILENAME, &o->restore,
      N_("Replace the database with the backup FILE and exit"), N_("FILE") },
    { "import-roster", 0, 0, G_OPTION_ARG_FILENAME, &o->import_roster,
      N_("Import organizations from the CSV FILE and exit"), N_("FILE") },
    { "export-workbook", 0, 0, G_OPTION_ARG_FILENAME, &o->export_workbook,
      N_("Write the leaders’ Excel workbook to FILE and exit"), N_("FILE") },
    { "export-minutes", 0, 0, G_OPTION_ARG_STRING, &o->export_minutes,
      N_("Write the minutes of meeting ID as a PDF to FILE and exit (also ID:FILE)"), N_("ID FILE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &o->year,
      N_("The year an export covers (default: this year)"), N_("YYYY") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &o->language,
      N_("Language of exports: zh_CN or en (default: the user interface language)"), N_("LANG") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &o->view,
      N_("Open the window on view NAME: roster, meetings, actions or documents"), N_("NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o->version,
      N_("Print the version and exit"), NULL },
    /* Collects the FILE of "--export-minutes ID FILE". */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->remaining, NULL, NULL },
    { "import-document", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->import_documents,
      N_("Import the PDF policy document FILE (may be repeated) and exit"), N_("FILE") },
    { "password", 0, 0, G_OPTION_ARG_STRING, &o->password,
      N_("Password of an encrypted PDF to import"), N_("PASSWORD") },
    { "search-documents", 0, 0, G_OPTION_ARG_STRING, &o->search_documents,
      N_("Print the pages of documents that contain QUERY (title, page, snippet) and exit"), N_("QUERY") },
    /* The child process that reads a PDF for the parent (DESIGN.md §6). */
    { "pdf-worker", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &o->pdf_worker,
      NULL, NULL },
    { NULL }
  };
  return g_memdup2 (entries, sizeof entries);
}

void
council_cli_options_clear (CouncilCliOptions *o)
{
  g_clear_pointer (&o->database, g_free);
  g_clear_pointer (&o->backup, g_free);
  g_clear_pointer (&o->restore, g_free);
  g_clear_pointer (&o->import_roster, g_free);
  g_clear_pointer (&o->export_workbook, g_free);
  g_clear_pointer (&o->export_minutes, g_free);
  g_clear_pointer (&o->remaining, g_strfreev);
  g_clear_pointer (&o->language, g_free);
  g_clear_pointer (&o->import_documents, g_strfreev);
  g_clear_pointer (&o->password, g_free);
  g_clear_pointer (&o->search_documents, g_free);
  g_clear_pointer (&o->pdf_worker, g_free);
  g_clear_pointer (&o->view, g_free);
}

gboolean
council_cli_has_verb (const CouncilCliOptions *o)
{
  return o->version || o->backup || o->restore || o->import_roster || o->export_workbook ||
         o->export_minutes || o->import_documents || o->search_documents || o->pdf_worker;
}

gpointer
council_cli_open_store (const CouncilCliOptions *o, GError **error)
{
  g_autoptr(CouncilStore) store = NULL;
  g_autofree char *path = NULL;

  if (o->demo)
    {
      store = council_store_open_temporary (error);
      if (store == NULL || !council_demo_fill (store, error))
        return NULL;
      return g_steal_pointer (&store);
    }
  path = o->database ? g_strdup (o->database) : council_store_default_path ();
  return council_store_open (path, error);
}

static int
fail (const char *what, GError *error)
{
  /* One line a person can act on. */
  g_autofree char *line = g_strdup (error ? error->message : _("unknown error"));
  g_strdelimit (line, "\n", ' ');
  /* Messages that already name the file need no prefix naming it again. */
  if (what != NULL && strstr (line, what) != NULL)
    what = NULL;
  fprintf (stderr, "council-desk: %s%s%s\n", what ? what : "", what ? ": " : "", line);
  return 1;
}

static gboolean
language_is_chinese (const char *language, GError **error)
{
  if (language == NULL)
    return council_ui_prefers_chinese ();
  if (g_str_has_prefix (language, "zh"))
    return TRUE;
  if (g_str_has_prefix (language, "en"))
    return FALSE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Unknown language “%s”; use zh_CN or en."), language);
  return FALSE;
}

/* "--export-minutes ID FILE" or "--export-minutes ID:FILE". */
static gboolean
export_minutes (CouncilStore *store, const CouncilCliOptions *o, GError **error)
{
  g_autofree char *id_text = g_strdup (o->export_minutes);
  const char *path = NULL;
  char *colon = strchr (id_text, ':');
  guint64 id = 0;
  gboolean chinese;

  if (colon != NULL)
    {
      *colon = '\0';
      path = colon + 1;
    }
  else if (o->remaining != NULL && o->remaining[0] != NULL)
    path = o->remaining[0];
  if (!g_ascii_string_to_unsigned (id_text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a meeting number; use --export-minutes ID FILE.pdf"), id_text);
      return FALSE;
    }
  if (path == NULL || *path == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Name the PDF file to write: --export-minutes ID FILE.pdf"));
      return FALSE;
    }
  chinese = language_is_chinese (o->language, error);
  if (error != NULL && *error != NULL)
    return FALSE;
  return council_minutes_write_pdf (store, (gint64) id, path, chinese, error);
}

/* One line per file on stdout; a failed file gets its line on stderr and the
 * others go on. */
static int
import_documents (CouncilStore *store, const CouncilCliOptions *o)
{
  g_autoptr(GPtrArray) results = council_document_import_files (store, (const char * const *) o->import_documents,
                                                                o->password, NULL, NULL, NULL);
  int status = 0;

  for (guint i = 0; i < results->len; i++)
    {
      CouncilDocumentImportResult *result = g_ptr_array_index (results, i);
      g_autofree char *display = g_filename_display_name (result->path);

      if (result->error != NULL)
        {
          status = fail (display, result->error);
          continue;
        }
      {
        g_autoptr(CouncilDocument) doc = council_store_get_document (store, result->document_id, NULL);
        guint pages = doc ? council_document_get_page_count (doc) : 0;

        printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s: “%s”, %u page.\n",
                             "Imported %s: “%s”, %u pages.\n", pages),
                display, doc ? council_document_get_title (doc) : "", pages);
      }
    }
  return status;
}

static void
print_field (const char *text)
{
  g_autofree char *clean = g_strdup (text);

  g_strdelimit (clean, "\t\n\r", ' ');
  fputs (clean, stdout);
}

static int
search_documents (CouncilStore *store, const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) hits = council_store_search_documents (store, query, NULL, 0, 0, &error);

  if (hits == NULL)
    return fail ("--search-documents", error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (hits)); i++)
    {
      g_autoptr(CouncilDocumentHit) hit = g_list_model_get_item (G_LIST_MODEL (hits), i);

      print_field (council_document_hit_get_title (hit));
      printf ("\t%u\t", council_document_hit_get_page_no (hit));
      print_field (council_document_hit_get_snippet (hit));
      putchar ('\n');
    }
  return 0;
}

int
council_cli_run (const CouncilCliOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = NULL;
  int status = 0;

  if (o->pdf_worker)
    return council_pdf_worker_main (o->pdf_worker);
  if (o->version)
    {
      printf ("council-desk %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (o->year != 0 && (o->year < 1949 || o->year > 2200))
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The year %d is out of range."), o->year);
      return fail ("--year", error);
    }

  store = council_cli_open_store (o, &error);
  if (store == NULL)
    return fail (NULL, error);

  if (o->restore && !council_store_restore (store, o->restore, &error))
    return fail ("--restore", error);

  if (o->import_roster)
    {
      g_autoptr(CouncilRosterImport) import = council_roster_import_prepare (store, o->import_roster, &error);
      if (import == NULL || !council_roster_import_apply (import, store, &error))
        return fail (o->import_roster, error);
      printf (_("Imported %s: %u added, %u changed, %u unchanged.\n"), o->import_roster,
              council_roster_import_count (import, COUNCIL_IMPORT_ROW_ADDED),
              council_roster_import_count (import, COUNCIL_IMPORT_ROW_CHANGED),
              council_roster_import_count (import, COUNCIL_IMPORT_ROW_UNCHANGED));
    }

  if (o->backup && !council_store_backup (store, o->backup, &error))
    return fail ("--backup", error);

  if (o->export_workbook)
    {
      CouncilWorkbookOptions options;
      gboolean chinese;

      council_workbook_options_init (&options);
      chinese = language_is_chinese (o->language, &error);
      if (error != NULL)
        return fail ("--language", error);
      options.chinese = chinese;
      if (o->year != 0)
        options.year = o->year;
      if (!council_workbook_export (store, o->export_workbook, &options, NULL, NULL, NULL, &error))
        return fail (o->export_workbook, error);
    }
  if (o->export_minutes && !export_minutes (store, o, &error))
    return fail ("--export-minutes", error);

  if (o->import_documents)
    status = import_documents (store, o);
  if (o->search_documents && search_documents (store, o->search_documents) != 0)
    status = 1;
  return status;
}
