/* council-import-journal.c: which files of an interrupted import were not stored.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-import"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <unistd.h>

#include "council-draft.h"
#include "council-import-journal.h"

#define JOURNAL_KIND "import"

struct _CouncilImportJournal
{
  char *db_path;
  CouncilDraft *draft;
  GPtrArray *pending;      /* of char*: paths not yet done, in order */
};

static void
journal_write (CouncilImportJournal *journal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) files = g_string_new (NULL);

  for (guint i = 0; i < journal->pending->len; i++)
    g_string_append_printf (files, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (journal->pending, i));
  g_key_file_set_string (journal->draft->fields, "fields", "pending", files->str);
  g_key_file_set_integer (journal->draft->fields, "fields", "pending_count", (int) journal->pending->len);
  /* A journal that cannot be written costs only the message after a crash. */
  if (!council_draft_save (journal->db_path, journal->draft, &error))
    g_warning ("Could not note the import under way: %s", error->message);
}

CouncilImportJournal *
council_import_journal_begin (CouncilStore *store, CouncilImportJournalKind kind, const char * const *paths)
{
  static gint64 last_id;
  CouncilImportJournal *journal;
  gint64 id;

  g_return_val_if_fail (COUNCIL_IS_STORE (store), NULL);
  if (council_store_is_temporary (store) || paths == NULL || paths[0] == NULL)
    return NULL;
  /* Unique among the imports of this process and of the others. */
  id = MAX (g_get_real_time (), last_id + 1);
  last_id = id;
  journal = g_new0 (CouncilImportJournal, 1);
  journal->db_path = g_strdup (council_store_get_path (store));
  journal->pending = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (journal->pending, g_strdup (paths[i]));
  journal->draft = g_new0 (CouncilDraft, 1);
  journal->draft->kind = g_strdup (JOURNAL_KIND);
  journal->draft->record_id = id;
  journal->draft->title = g_strdup (kind == COUNCIL_IMPORT_JOURNAL_ROSTER ? "roster" : "documents");
  journal->draft->fields = g_key_file_new ();
  g_key_file_set_int64 (journal->draft->fields, "fields", "pid", (gint64) getpid ());
  g_key_file_set_string (journal->draft->fields, "fields", "host", g_get_host_name ());
  g_key_file_set_integer (journal->draft->fields, "fields", "total", (int) journal->pending->len);
  journal_write (journal);
  return journal;
}

void
council_import_journal_file_done (CouncilImportJournal *journal, const char *path)
{
  if (journal == NULL || path == NULL)
    return;
  for (guint i = 0; i < journal->pending->len; i++)
    if (g_strcmp0 (g_ptr_array_index (journal->pending, i), path) == 0)
      {
        g_ptr_array_remove_index (journal->pending, i);
        journal_write (journal);
        return;
      }
}

void
council_import_journal_forget (CouncilImportJournal *journal)
{
  if (journal == NULL)
    return;
  council_draft_free (journal->draft);
  g_ptr_array_unref (journal->pending);
  g_free (journal->db_path);
  g_free (journal);
}

void
council_import_journal_end (CouncilImportJournal *journal)
{
  if (journal == NULL)
    return;
  council_draft_discard (journal->db_path, JOURNAL_KIND, journal->draft->record_id);
  council_import_journal_forget (journal);
}

static gboolean
process_is_running (CouncilDraft *draft)
{
  g_autofree char *host = g_key_file_get_string (draft->fields, "fields", "host", NULL);
  gint64 pid = g_key_file_get_int64 (draft->fields, "fields", "pid", NULL);

  if (pid <= 0 || pid == (gint64) getpid () || g_strcmp0 (host, g_get_host_name ()) != 0)
    return FALSE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

char *
council_import_journal_take_interrupted (CouncilStore *store)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GString) message = g_string_new (NULL);

  g_return_val_if_fail (COUNCIL_IS_STORE (store), NULL);
  if (council_store_is_temporary (store))
    return NULL;
  drafts = council_draft_list (council_store_get_path (store));
  for (guint i = 0; i < drafts->len; i++)
    {
      CouncilDraft *draft = g_ptr_array_index (drafts, i);
      g_autofree char *pending = NULL;
      g_auto(GStrv) paths = NULL;
      g_autoptr(GString) names = g_string_new (NULL);
      int total, n;

      if (g_strcmp0 (draft->kind, JOURNAL_KIND) != 0 || process_is_running (draft))
        continue;
      pending = g_key_file_get_string (draft->fields, "fields", "pending", NULL);
      total = g_key_file_get_integer (draft->fields, "fields", "total", NULL);
      paths = g_strsplit (pending ? pending : "", "\n", -1);
      n = 0;
      for (guint k = 0; paths[k] != NULL; k++)
        {
          g_autofree char *base = NULL;

          if (*paths[k] == '\0')
            continue;
          base = g_path_get_basename (paths[k]);
          if (n < 5)
            /* Translators: a file name in a list of files, with its separator */
            g_string_append_printf (names, n ? _(", “%s”") : _("“%s”"), base);
          n++;
        }
      if (n > 5)
        /* Translators: after the first five names of a longer list of files */
        g_string_append_printf (names, _(" and %d more"), n - 5);
      if (n > 0)
        {
          if (message->len > 0)
            g_string_append_c (message, '\n');
          if (g_strcmp0 (draft->title, "roster") == 0)
            g_string_append_printf (message,
                                    _("The roster import from %s was interrupted when Council Desk stopped. Nothing from it was saved; import the file again."),
                                    names->str);
          else
            /* Translators: %s is a list of file names, then how many of how many files */
            g_string_append_printf (message,
                                    _("A document import was interrupted when Council Desk stopped. Not imported: %s (%d of %d). The files before them are saved; import these again."),
                                    names->str, n, MAX (total, n));
        }
      council_draft_discard (council_store_get_path (store), JOURNAL_KIND, draft->record_id);
    }
  return message->len > 0 ? g_string_free (g_steal_pointer (&message), FALSE) : NULL;
}
