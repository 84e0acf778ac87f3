/* council-workbook.h: the Excel workbook for leaders.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-store.h"
#include "council-store-projects.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean chinese;         /* language of sheet names, headers and names */
  int      year;            /* 0 = the current year */
} CouncilWorkbookOptions;

/* fraction in 0..1; called from the exporting thread. */
typedef void (*CouncilProgressFunc) (double fraction, gpointer user_data);

void     council_workbook_options_init (CouncilWorkbookOptions *options);

/* Writes the whole workbook to path (through a temporary file renamed into
 * place, so a failed export never leaves a broken file under that name). */
gboolean council_workbook_export       (CouncilStore                 *store,
                                        const char                   *path,
                                        const CouncilWorkbookOptions *options,
                                        CouncilProgressFunc           progress,
                                        gpointer                      user_data,
                                        GCancellable                 *cancellable,
                                        GError                      **error);

/* Only the Projects sheet, with the rows a view shows: @filter and @sort
 * as in council_store_foreach_project(). */
gboolean council_workbook_export_projects (CouncilStore                 *store,
                                           const char                   *path,
                                           const CouncilWorkbookOptions *options,
                                           const CouncilProjectFilter   *filter,
                                           CouncilProjectSort            sort,
                                           gboolean                      descending,
                                           CouncilProgressFunc           progress,
                                           gpointer                      user_data,
                                           GCancellable                 *cancellable,
                                           GError                      **error);

/* The Projects (every project, by code) and Funds sheets only: what the
 * export benchmark measures against a bare libxlsxwriter loop. */
gboolean council_workbook_export_projects_and_funds (CouncilStore                 *store,
                                                     const char                   *path,
                                                     const CouncilWorkbookOptions *options,
                                                     GError                      **error);

G_END_DECLS
