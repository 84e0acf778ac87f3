/* council-window.h
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/council-store-projects.h"
#include "core/council-overview.h"
#include "council-application.h"

G_BEGIN_DECLS

#define COUNCIL_TYPE_WINDOW (council_window_get_type ())
G_DECLARE_FINAL_TYPE (CouncilWindow, council_window, COUNCIL, WINDOW, GtkApplicationWindow)

CouncilWindow *council_window_new          (CouncilApplication *application);
CouncilStore  *council_window_get_store    (CouncilWindow      *self);
/* Shows a short message in the window's message bar (errors stay until closed). */
void           council_window_show_message (CouncilWindow      *self,
                                            const char         *message,
                                            gboolean            is_error);
/* The same from any widget inside a window. */
void           council_widget_show_message (GtkWidget          *widget,
                                            const char         *message,
                                            gboolean            is_error);
void           council_window_set_view     (CouncilWindow      *self,
                                            const char         *name);
const char    *council_window_get_view     (CouncilWindow      *self);
/* Writes a workbook of one Projects sheet (rows as @filter and @sort select)
 * in a thread, with the window's progress bar and Cancel button. */
void           council_window_export_projects (CouncilWindow              *self,
                                               const char                 *path,
                                               const CouncilProjectFilter *filter,
                                               CouncilProjectSort          sort,
                                               gboolean                    descending);
/* Switches to the Projects view and opens project @id there. */
void           council_window_show_project (CouncilWindow      *self,
                                            gint64              id);
/* Long work of a view (an import batch): the window's progress bar with its
 * Cancel button. Returns the cancellable that Cancel cancels (owned by the
 * window until council_window_end_task()), or NULL while another task runs. */
GCancellable  *council_window_begin_task   (CouncilWindow      *self,
                                            const char         *label);
/* From the main thread; @label NULL keeps the current one. */
void           council_window_set_task_progress (CouncilWindow *self,
                                            double              fraction,
                                            const char         *label);
void           council_window_end_task     (CouncilWindow      *self);
/* Shows document @id in the documents view (the window action
 * win.show-document does the same for links in other views). */
void           council_window_show_document (CouncilWindow     *self,
                                            gint64              id);
/* Opens a record in its view (the Overview's lists, the global search).
 * FALSE, with a message, when its view is not part of this build. */
gboolean       council_window_show_record  (CouncilWindow      *self,
                                            CouncilRecordKind   kind,
                                            gint64              id);
gboolean       council_widget_show_record  (GtkWidget          *widget,
                                            CouncilRecordKind   kind,
                                            gint64              id);

G_END_DECLS
