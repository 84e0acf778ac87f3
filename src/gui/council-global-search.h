/* council-global-search.h: one field that finds every kind of record (Ctrl+F).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-store.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_GLOBAL_SEARCH (council_global_search_get_type ())
G_DECLARE_FINAL_TYPE (CouncilGlobalSearch, council_global_search, COUNCIL, GLOBAL_SEARCH, GtkWindow)

CouncilGlobalSearch *council_global_search_new         (GtkWindow           *parent,
                                                        CouncilStore        *store);
/* Runs the search at once (the entry waits for typing to pause). */
void                 council_global_search_set_query   (CouncilGlobalSearch *self,
                                                        const char          *query);
GtkListBox          *council_global_search_get_results (CouncilGlobalSearch *self);
/* The field; Enter opens the selected result (the first when none is). */
GtkSearchEntry      *council_global_search_get_entry   (CouncilGlobalSearch *self);

G_END_DECLS
