/* council-preferences-dialog.h
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COUNCIL_TYPE_PREFERENCES_DIALOG (council_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CouncilPreferencesDialog, council_preferences_dialog, COUNCIL, PREFERENCES_DIALOG, GtkWindow)

GtkWidget *council_preferences_dialog_new (GtkWindow *parent,
                                           GSettings *settings);

G_END_DECLS
