/* council-import-journal.h: an import under way leaves a note beside the
 * drafts, so that a program killed in the middle of it can say at the next
 * start which files were not imported.
 *
 * Every file of an import is stored in a transaction of its own: a file is
 * either in the database or not at all. The journal lists the files still to
 * be stored; each stored (or refused) file is struck off, and the journal
 * goes when the import ends. A journal whose process is gone was
 * interrupted.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "council-store.h"

G_BEGIN_DECLS

typedef enum
{
  COUNCIL_IMPORT_JOURNAL_DOCUMENTS,
  COUNCIL_IMPORT_JOURNAL_ROSTER,
} CouncilImportJournalKind;

typedef struct _CouncilImportJournal CouncilImportJournal;

/* Begins the journal of an import of @paths into @store's database. Returns
 * NULL (nothing to keep) for a temporary (--demo) database or no files. */
CouncilImportJournal *council_import_journal_begin     (CouncilStore             *store,
                                                        CouncilImportJournalKind  kind,
                                                        const char * const       *paths);
/* @path is in the database now, or was refused with a message. */
void                  council_import_journal_file_done (CouncilImportJournal     *journal,
                                                        const char               *path);
/* The import ended (finished, failed or cancelled, with messages): the
 * journal goes. NULL is ignored. */
void                  council_import_journal_end       (CouncilImportJournal     *journal);

/* Frees @journal and leaves its note on disk (an import that will not end
 * in this process). NULL is ignored. */
void                  council_import_journal_forget    (CouncilImportJournal     *journal);

/* What the imports of earlier processes that never ended left undone, as a
 * message for the person (NULL when nothing), and forgets them. Journals of
 * processes still running are left alone. */
char                 *council_import_journal_take_interrupted (CouncilStore *store);

G_END_DECLS
