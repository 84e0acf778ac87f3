/* council-scheme-editor.h: an assessment scheme — its settings, grade bands
 * and the indicator tree (category → indicator).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_SCHEME_EDITOR (council_scheme_editor_get_type ())
G_DECLARE_FINAL_TYPE (CouncilSchemeEditor, council_scheme_editor, COUNCIL, SCHEME_EDITOR, GtkBox)

CouncilSchemeEditor *council_scheme_editor_new       (void);
void                 council_scheme_editor_set_store (CouncilSchemeEditor *self, CouncilStore *store);
/* Loads the scheme (0: none), keeping the selected indicator when it still exists. */
void                 council_scheme_editor_load      (CouncilSchemeEditor *self, gint64 scheme_id);

/* Starts a new indicator under the selected category (Ctrl+N); FALSE when the scheme is locked. */
gboolean             council_scheme_editor_add_indicator (CouncilSchemeEditor *self);

/* Unsaved edits of the scheme's settings or of the indicator form. */
gboolean             council_scheme_editor_has_unsaved_changes (CouncilSchemeEditor *self);
/* Saves both; FALSE when a save was refused (its reason is at the field) or
 * waits for Reload or Overwrite. */
gboolean             council_scheme_editor_save      (CouncilSchemeEditor *self);
/* Closing without saving: the edits are dropped and no draft is offered later. */
void                 council_scheme_editor_discard_draft (CouncilSchemeEditor *self);

G_END_DECLS
