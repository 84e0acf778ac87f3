/* council-minutes.h: the minutes of a meeting as a PDF in the usual Chinese format.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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

G_END_DECLS
