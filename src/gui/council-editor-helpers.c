/* council-editor-helpers.c: what the editors share about unsaved text.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-editor-helpers"

#include "config.h"

#include <glib/gi18n.h>

#include "council-editor-helpers.h"

#define DRAFT_DELAY_MS 1000

void
council_draft_keeper_init (CouncilDraftKeeper *keeper, CouncilStore *store, const char *kind,
                           CouncilDraftBuildFunc build, gpointer owner)
{
  *keeper = (CouncilDraftKeeper) { store, kind, build, owner, 0, FALSE, 0 };
}

static gboolean
keeper_enabled (CouncilDraftKeeper *keeper)
{
  /* A --demo database lives only as long as the process. */
  return keeper->store != NULL && !council_store_is_temporary (keeper->store);
}

static gboolean
on_draft_timeout_cb (gpointer user_data)
{
  CouncilDraftKeeper *keeper = user_data;
  g_autoptr(CouncilDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  keeper->timeout_id = 0;
  if (!keeper_enabled (keeper) || (draft = keeper->build (keeper->owner)) == NULL)
    return G_SOURCE_REMOVE;
  if (!council_draft_save (council_store_get_path (keeper->store), draft, &error))
    g_warning ("Could not keep a draft of the unsaved changes: %s", error->message);
  else
    council_draft_keeper_adopt (keeper, draft->record_id);
  return G_SOURCE_REMOVE;
}

void
council_draft_keeper_schedule (CouncilDraftKeeper *keeper)
{
  g_clear_handle_id (&keeper->timeout_id, g_source_remove);
  keeper->timeout_id = g_timeout_add (DRAFT_DELAY_MS, on_draft_timeout_cb, keeper);
}

void
council_draft_keeper_discard (CouncilDraftKeeper *keeper)
{
  g_clear_handle_id (&keeper->timeout_id, g_source_remove);
  if (keeper->written && keeper_enabled (keeper))
    council_draft_discard (council_store_get_path (keeper->store), keeper->kind, keeper->record_id);
  keeper->written = FALSE;
}

void
council_draft_keeper_adopt (CouncilDraftKeeper *keeper, gint64 record_id)
{
  keeper->written = TRUE;
  keeper->record_id = MAX (record_id, 0);
}

void
council_draft_keeper_stop (CouncilDraftKeeper *keeper)
{
  g_clear_handle_id (&keeper->timeout_id, g_source_remove);
  keeper->store = NULL;
}

GtkWidget *
council_conflict_dialog_new (GtkWidget *widget, const char *title, const char *reason)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog =
    gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                            GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                            _("“%s” was changed by someone else"), title ? title : "");

  /* The store says what changed (the record, or one of its action items). */
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s\n\n%s", reason,
    _("Reload shows their change and discards your edits; Overwrite saves your values in place of theirs (their change stays in the history)."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Reload"), COUNCIL_CONFLICT_RESPONSE_RELOAD,
                          _("_Overwrite"), COUNCIL_CONFLICT_RESPONSE_OVERWRITE,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), COUNCIL_CONFLICT_RESPONSE_RELOAD);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
