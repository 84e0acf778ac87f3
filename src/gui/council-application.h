/* council-application.h
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-cli.h"
#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_APPLICATION (council_application_get_type ())
G_DECLARE_FINAL_TYPE (CouncilApplication, council_application, COUNCIL, APPLICATION, GtkApplication)

CouncilApplication *council_application_new       (const CouncilCliOptions *options);
CouncilStore       *council_application_get_store (CouncilApplication      *self);
GSettings          *council_application_get_settings (CouncilApplication   *self);
int                 council_application_get_exit_status (CouncilApplication *self);

G_END_DECLS
