/* council-view-sidebar.h: the window's list of views.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COUNCIL_TYPE_VIEW_SIDEBAR (council_view_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (CouncilViewSidebar, council_view_sidebar, COUNCIL, VIEW_SIDEBAR, GtkWidget)

/* Lists views by name and title, like a GtkStackSidebar, but for views that
 * need not exist yet: choosing a row emits ::view-chosen with its name, and
 * the window builds the view the first time. */
GtkWidget  *council_view_sidebar_new      (void);
void        council_view_sidebar_append   (CouncilViewSidebar *self,
                                           const char         *name,
                                           const char         *title);
/* Marks the row of the view on screen; no ::view-chosen. */
void        council_view_sidebar_select   (CouncilViewSidebar *self,
                                           const char         *name);
GtkListBox *council_view_sidebar_get_list (CouncilViewSidebar *self);
/* The row of @name, NULL when there is none. */
GtkListBoxRow *council_view_sidebar_get_row (CouncilViewSidebar *self,
                                             const char         *name);

G_END_DECLS
