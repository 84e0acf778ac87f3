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
/* Before GTK starts: the cairo renderer where OpenGL would be software
 * rendering (no GPU render node), unless GSK_RENDERER is set. The
 * benchmarks call it too, so that they draw as the program does. */
void                council_choose_renderer (void);

G_END_DECLS
