/* council-cli.h: the command-line verbs, which need no display and no session bus.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char    *database;
  gboolean demo;
  char    *backup;
  char    *restore;
  char    *import_roster;
  char    *export_workbook;
  char    *export_minutes;     /* "ID" (FILE is the next argument) or "ID:FILE" */
  char   **remaining;          /* arguments after the options */
  int      year;
  char    *language;
  gboolean version;
  char   **import_documents;   /* --import-document, repeatable */
  char    *password;           /* --password, for encrypted PDFs */
  char    *search_documents;   /* --search-documents QUERY */
  char    *pdf_worker;         /* hidden: run as the PDF reader child process */
  char    *view;               /* the view the window opens on */
} CouncilCliOptions;

GOptionEntry *council_cli_option_entries (CouncilCliOptions *options);
void          council_cli_options_clear  (CouncilCliOptions *options);
/* TRUE when the options ask for a verb, so the window is not started. */
gboolean      council_cli_has_verb       (const CouncilCliOptions *options);
/* Runs the verbs in order (restore, import, backup, export); returns the exit
 * status and prints one line on stderr on failure. */
int           council_cli_run            (const CouncilCliOptions *options);
/* Opens the store the options name: --demo, --database or the default. */
gpointer      council_cli_open_store     (const CouncilCliOptions *options,
                                          GError                 **error);

G_END_DECLS
