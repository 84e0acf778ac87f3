/* council-minutes.h: the minutes of a meeting as a PDF in the usual Chinese format.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "council-store.h"

G_BEGIN_DECLS

/* Writes the minutes of @meeting_id to @path (A4, page numbers "第 N 页 共 M 页"),
 * in Chinese or English labels. Written to "@path.partial" and renamed, so a
 * failure never leaves a half file under @path. */
gboolean council_minutes_write_pdf (CouncilStore *store,
                                    gint64        meeting_id,
                                    const char   *path,
                                    gboolean      chinese,
                                    GError      **error);

/* The title printed on the minutes, e.g. "…2026年第3次联席会议纪要" (newly allocated). */
char    *council_minutes_title     (const char *meeting_title,
                                    const char *kind_name,
                                    const char *starts_at,
                                    int         session_no,
                                    gboolean    chinese);

/* The laid-out minutes, for printing (GtkPrintOperation's draw-page): the
 * pages are A4 in points (595.276 × 841.89), origin at the top left. */
typedef struct _CouncilMinutes CouncilMinutes;

CouncilMinutes *council_minutes_new          (CouncilStore   *store,
                                              gint64          meeting_id,
                                              gboolean        chinese,
                                              GError        **error);
int             council_minutes_get_n_pages  (CouncilMinutes *minutes);
/* Draws page @page (0-based) on @cr, without ending the page. */
void            council_minutes_draw_page    (CouncilMinutes *minutes,
                                              cairo_t        *cr,
                                              int             page);
void            council_minutes_free         (CouncilMinutes *minutes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CouncilMinutes, council_minutes_free)

G_END_DECLS
