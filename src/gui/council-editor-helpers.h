/* council-editor-helpers.h: what the editors share about unsaved text.
 *
 * CouncilDraftKeeper writes the draft of an editor's unsaved form a second
 * after the last edit (core/council-draft.h) and removes it when the form is
 * saved or let go; the question "Reload or Overwrite" comes up when a save
 * meets a record that another window or program changed meanwhile.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-draft.h"
#include "core/council-store.h"

G_BEGIN_DECLS

/* The draft of the form as it is now, or NULL when there is nothing to keep. */
typedef CouncilDraft *(*CouncilDraftBuildFunc) (gpointer owner);

typedef struct
{
  CouncilStore *store;            /* not referenced: the owner's */
  const char *kind;               /* "meeting" */
  CouncilDraftBuildFunc build;
  gpointer owner;
  guint timeout_id;
  gboolean written;               /* a draft of ... */
  gint64 record_id;               /* ... this record (0: a new one) is on disk */
} CouncilDraftKeeper;

void     council_draft_keeper_init     (CouncilDraftKeeper    *keeper,
                                        CouncilStore          *store,
                                        const char            *kind,
                                        CouncilDraftBuildFunc  build,
                                        gpointer               owner);
/* The form changed: (re)writes the draft a second from now. */
void     council_draft_keeper_schedule (CouncilDraftKeeper    *keeper);
/* The form was saved or let go: removes the draft this keeper wrote. */
void     council_draft_keeper_discard  (CouncilDraftKeeper    *keeper);
/* A draft restored into the form is this keeper's to rewrite or remove. */
void     council_draft_keeper_adopt    (CouncilDraftKeeper    *keeper,
                                        gint64                 record_id);
/* The owner goes away: no more writing; a draft on disk stays for the next start. */
void     council_draft_keeper_stop     (CouncilDraftKeeper    *keeper);

enum
{
  COUNCIL_CONFLICT_RESPONSE_RELOAD = 1,
  COUNCIL_CONFLICT_RESPONSE_OVERWRITE = 2,
};

/* Asks, over @widget's window, whether the other change (@reason, the store's
 * message) is reloaded into the form or overwritten by it. The dialog is
 * shown; connect to its "response" (COUNCIL_CONFLICT_RESPONSE_*). */
GtkWidget *council_conflict_dialog_new (GtkWidget  *widget,
                                        const char *title,
                                        const char *reason);

G_END_DECLS
