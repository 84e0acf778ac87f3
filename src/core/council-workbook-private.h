/* council-workbook-private.h: what the sheet writers of the workbook share.
 * One file per sheet (council-workbook-roster.c, …); council-workbook.c lists them.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "council-store-projects.h"
#include "council-workbook.h"

G_BEGIN_DECLS

/* Excel refuses longer cells; longer text is cut and ends with this marker. */
#define COUNCIL_XLSX_MAX_CELL_CHARS 32767
#define COUNCIL_XLSX_TRUNCATED_MARKER "…[truncated]"

/* Sheet text in both languages: the export language is chosen per export and
 * may differ from the interface language, and the export runs in a thread,
 * so gettext cannot be switched for it. */
typedef struct
{
  const char *en;
  const char *zh;
} CouncilBilingual;

typedef struct
{
  lxw_format *header;
  lxw_format *text;
  lxw_format *wrap;           /* text over several lines */
  lxw_format *integer;
  lxw_format *percent;
  lxw_format *alert_text;     /* the same on a light red fill */
  lxw_format *alert_wrap;
  lxw_format *alert_integer;
  lxw_format *alert_percent;
  lxw_format *title;          /* the Cover's heading */
  lxw_format *link;           /* a hyperlink in the contents */
  lxw_format *money;          /* yuan with two decimals */
} CouncilWorkbookFormats;

typedef struct
{
  lxw_workbook                 *workbook;
  CouncilStore                 *store;
  const CouncilWorkbookOptions *options;
  const char                   *path;          /* the final file, for messages */
  CouncilWorkbookFormats        formats;
  GCancellable                 *cancellable;
  CouncilProgressFunc           progress;
  gpointer                      progress_data;
  double                        progress_start; /* this sheet's share of the bar */
  double                        progress_span;
  /* The Projects sheet writes these rows (NULL: every project, by code). */
  const CouncilProjectFilter   *project_filter;
  CouncilProjectSort            project_sort;
  gboolean                      project_descending;
  GPtrArray                    *sheet_names;   /* after the Cover, in order: its contents */
  lxw_worksheet                *cover;
} CouncilWorkbookWriter;

typedef gboolean (*CouncilSheetWriteFunc) (CouncilWorkbookWriter *writer,
                                           GError               **error);

const char    *council_workbook_text        (CouncilWorkbookWriter  *writer,
                                             const CouncilBilingual *text);
/* Adds a worksheet whose name is checked with workbook_validate_sheet_name. */
lxw_worksheet *council_workbook_add_sheet   (CouncilWorkbookWriter  *writer,
                                             const CouncilBilingual *name,
                                             GError                **error);
/* Sets *error from a libxlsxwriter error; TRUE for LXW_NO_ERROR. */
gboolean       council_workbook_check       (CouncilWorkbookWriter  *writer,
                                             lxw_error               result,
                                             GError                **error);
/* Always a string cell, whatever the text starts with; cut over 32,767 characters. */
gboolean       council_workbook_write_text  (CouncilWorkbookWriter  *writer,
                                             lxw_worksheet          *sheet,
                                             lxw_row_t               row,
                                             lxw_col_t               col,
                                             const char             *text,
                                             lxw_format             *format,
                                             GError                **error);
gboolean       council_workbook_write_number (CouncilWorkbookWriter *writer,
                                             lxw_worksheet          *sheet,
                                             lxw_row_t               row,
                                             lxw_col_t               col,
                                             double                  number,
                                             lxw_format             *format,
                                             GError                **error);
/* The header row, bold on a fill, frozen, repeated on every printed page; A4
 * landscape one page wide, "page / pages" in the footer. */
gboolean       council_workbook_setup_sheet (CouncilWorkbookWriter  *writer,
                                             lxw_worksheet          *sheet,
                                             const CouncilBilingual *headers,
                                             guint                   n_headers,
                                             GError                **error);
/* Width of text in Excel character units: CJK characters count double. */
double         council_workbook_text_width  (const char             *text);
/* Widest line of text (same units) and, in *n_lines, how many lines it takes
 * in a column wrap_width wide. */
double         council_workbook_measure_lines (const char          *text,
                                             double                  wrap_width,
                                             guint                  *n_lines);
/* fraction of the current sheet, 0..1. */
void           council_workbook_progress    (CouncilWorkbookWriter  *writer,
                                             double                  fraction);
gboolean       council_workbook_cancelled   (CouncilWorkbookWriter  *writer,
                                             GError                **error);

/* Sheets */
/* The Cover is added first and filled last, when the contents are known. */
gboolean       council_workbook_add_cover    (CouncilWorkbookWriter *writer,
                                             GError               **error);
gboolean       council_workbook_write_cover  (CouncilWorkbookWriter *writer,
                                             GError               **error);
gboolean       council_workbook_write_roster (CouncilWorkbookWriter *writer,
                                             GError               **error);
gboolean       council_workbook_write_meetings (CouncilWorkbookWriter *writer,
                                             GError               **error);
gboolean       council_workbook_write_action_items (CouncilWorkbookWriter *writer,
                                             GError               **error);
gboolean       council_workbook_write_assessment_ranking (CouncilWorkbookWriter *writer,
                                             GError               **error);
gboolean       council_workbook_write_assessment_scores (CouncilWorkbookWriter *writer,
                                             GError               **error);
gboolean       council_workbook_write_projects (CouncilWorkbookWriter *writer,
                                             GError               **error);
gboolean       council_workbook_write_brands (CouncilWorkbookWriter *writer,
                                             GError               **error);
gboolean       council_workbook_write_funds (CouncilWorkbookWriter *writer,
                                             GError               **error);
gboolean       council_workbook_write_fund_disclosure (CouncilWorkbookWriter *writer,
                                             GError               **error);

G_END_DECLS
