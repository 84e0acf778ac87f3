/* council-workbook.c: the workbook for leaders, written sheet by sheet.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-workbook"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "council-store-workbook.h"
#include "council-workbook-private.h"

/* Later issues add their sheets here, in the order leaders read them; the
 * Cover (council-workbook-cover.c) comes before them and lists them. Awaiting
 * their branches: Projects, Brands, Funds, Fund disclosure (projects GUI)
 * after the roster; Ranking, Scores (assessment) after the action items. */
static const CouncilSheetWriteFunc sheet_writers[] = {
  council_workbook_write_roster,
  council_workbook_write_projects,
  council_workbook_write_brands,
  council_workbook_write_funds,
  council_workbook_write_fund_disclosure,
  council_workbook_write_meetings,
  council_workbook_write_action_items,
  council_workbook_write_assessment_ranking,
  council_workbook_write_assessment_scores,
};

static const CouncilSheetWriteFunc project_sheet_writers[] = {
  council_workbook_write_projects,
};

static const CouncilSheetWriteFunc projects_and_funds_writers[] = {
  council_workbook_write_projects,
  council_workbook_write_funds,
};

#define EXPORT_CACHE_SIZE (-32 * 1024)

#define HEADER_FILL   0xDCE6F1
#define ALERT_FILL    0xFFC7CE
#define ALERT_FONT    0x9C0006

void
council_workbook_options_init (CouncilWorkbookOptions *options)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  options->chinese = council_ui_prefers_chinese ();
  options->year = g_date_time_get_year (now);
}

const char *
council_workbook_text (CouncilWorkbookWriter *writer, const CouncilBilingual *text)
{
  return writer->options->chinese ? text->zh : text->en;
}

gboolean
council_workbook_check (CouncilWorkbookWriter *writer, lxw_error result, GError **error)
{
  if (result == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write the workbook %s: %s"), writer->path, lxw_strerror (result));
  return FALSE;
}

lxw_worksheet *
council_workbook_add_sheet (CouncilWorkbookWriter *writer, const CouncilBilingual *name, GError **error)
{
  const char *sheet_name = council_workbook_text (writer, name);
  lxw_error result = workbook_validate_sheet_name (writer->workbook, sheet_name);
  lxw_worksheet *sheet;

  if (result != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The sheet name “%s” cannot be used: %s"), sheet_name, lxw_strerror (result));
      return NULL;
    }
  sheet = workbook_add_worksheet (writer->workbook, sheet_name);
  if (sheet == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Could not add the sheet “%s” to the workbook."), sheet_name);
  else if (writer->sheet_names != NULL)
    g_ptr_array_add (writer->sheet_names, g_strdup (sheet_name));
  return sheet;
}

gboolean
council_workbook_write_text (CouncilWorkbookWriter *writer, lxw_worksheet *sheet, lxw_row_t row,
                             lxw_col_t col, const char *text, lxw_format *format, GError **error)
{
  g_autofree char *cut = NULL;

  if (text == NULL || *text == '\0')
    return council_workbook_check (writer, worksheet_write_blank (sheet, row, col, format), error);
  /* Byte length bounds the character count, so most cells skip the count. */
  if (strlen (text) > COUNCIL_XLSX_MAX_CELL_CHARS &&
      g_utf8_strlen (text, -1) > COUNCIL_XLSX_MAX_CELL_CHARS)
    {
      glong keep = COUNCIL_XLSX_MAX_CELL_CHARS - g_utf8_strlen (COUNCIL_XLSX_TRUNCATED_MARKER, -1);
      const char *end = g_utf8_offset_to_pointer (text, keep);

      cut = g_malloc (end - text + sizeof COUNCIL_XLSX_TRUNCATED_MARKER);
      memcpy (cut, text, end - text);
      memcpy (cut + (end - text), COUNCIL_XLSX_TRUNCATED_MARKER, sizeof COUNCIL_XLSX_TRUNCATED_MARKER);
      text = cut;
    }
  /* worksheet_write_string, never worksheet_write_formula: "=1+1" typed by a
   * person stays the text "=1+1". */
  return council_workbook_check (writer, worksheet_write_string (sheet, row, col, text, format), error);
}

gboolean
council_workbook_write_number (CouncilWorkbookWriter *writer, lxw_worksheet *sheet, lxw_row_t row,
                               lxw_col_t col, double number, lxw_format *format, GError **error)
{
  return council_workbook_check (writer, worksheet_write_number (sheet, row, col, number, format), error);
}

/* East Asian wide characters: the common CJK blocks are answered without
 * GLib's table lookups, which matter on sheets of thousands of rows. */
static inline double
char_width (gunichar c)
{
  if (c < 0x1100)
    return 1.0;
  if ((c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) ||
      (c >= 0xFFE0 && c <= 0xFFE6))
    return 2.0;
  return g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2.0 : 1.0;
}

double
council_workbook_text_width (const char *text)
{
  double width = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    width += (guchar) *p < 0x80 ? 1.0 : char_width (g_utf8_get_char (p));
  return width;
}

double
council_workbook_measure_lines (const char *text, double wrap_width, guint *n_lines)
{
  double widest = 0, width = 0;
  guint lines = 0;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      if (*p == '\n' || *p == '\0')
        {
          widest = MAX (widest, width);
          /* A line wider than its column wraps onto several. */
          lines += width > wrap_width ? (guint) (width / wrap_width) + 1 : 1;
          width = 0;
          if (*p == '\0')
            break;
          continue;
        }
      width += (guchar) *p < 0x80 ? 1.0 : char_width (g_utf8_get_char (p));
    }
  if (n_lines != NULL)
    *n_lines = lines;
  return widest;
}

gboolean
council_workbook_setup_sheet (CouncilWorkbookWriter *writer, lxw_worksheet *sheet,
                              const CouncilBilingual *headers, guint n_headers, GError **error)
{
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_freeze_panes (sheet, 1, 0);
  if (!council_workbook_check (writer, worksheet_repeat_rows (sheet, 0, 0), error) ||
      !council_workbook_check (writer, worksheet_set_footer (sheet, "&C&P / &N"), error))
    return FALSE;
  if (!council_workbook_check (writer, worksheet_set_row (sheet, 0, 20, NULL), error))
    return FALSE;
  for (guint c = 0; c < n_headers; c++)
    if (!council_workbook_write_text (writer, sheet, 0, (lxw_col_t) c,
                                      council_workbook_text (writer, &headers[c]),
                                      writer->formats.header, error))
      return FALSE;
  return TRUE;
}

void
council_workbook_progress (CouncilWorkbookWriter *writer, double fraction)
{
  if (writer->progress != NULL)
    writer->progress (writer->progress_start + writer->progress_span * CLAMP (fraction, 0.0, 1.0),
                      writer->progress_data);
}

gboolean
council_workbook_cancelled (CouncilWorkbookWriter *writer, GError **error)
{
  return g_cancellable_set_error_if_cancelled (writer->cancellable, error);
}

static lxw_format *
new_format (lxw_workbook *workbook, gboolean alert, gboolean wrap, const char *num_format)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (wrap)
    format_set_text_wrap (format);
  if (num_format != NULL)
    format_set_num_format (format, num_format);
  if (alert)
    {
      format_set_pattern (format, LXW_PATTERN_SOLID);
      format_set_bg_color (format, ALERT_FILL);
      format_set_font_color (format, ALERT_FONT);
    }
  return format;
}

static void
add_formats (CouncilWorkbookWriter *writer)
{
  CouncilWorkbookFormats *f = &writer->formats;

  f->header = workbook_add_format (writer->workbook);
  format_set_bold (f->header);
  format_set_pattern (f->header, LXW_PATTERN_SOLID);
  format_set_bg_color (f->header, HEADER_FILL);
  format_set_bottom (f->header, LXW_BORDER_THIN);
  format_set_align (f->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (f->header);

  f->text = new_format (writer->workbook, FALSE, FALSE, NULL);
  f->wrap = new_format (writer->workbook, FALSE, TRUE, NULL);
  f->integer = new_format (writer->workbook, FALSE, FALSE, "0");
  f->percent = new_format (writer->workbook, FALSE, FALSE, "0%");
  f->alert_text = new_format (writer->workbook, TRUE, FALSE, NULL);
  f->alert_wrap = new_format (writer->workbook, TRUE, TRUE, NULL);
  f->alert_integer = new_format (writer->workbook, TRUE, FALSE, "0");
  f->alert_percent = new_format (writer->workbook, TRUE, FALSE, "0%");

  f->title = workbook_add_format (writer->workbook);
  format_set_bold (f->title);
  format_set_font_size (f->title, 16);
  f->link = workbook_add_format (writer->workbook);
  format_set_underline (f->link, LXW_UNDERLINE_SINGLE);
  format_set_font_color (f->link, LXW_COLOR_BLUE);
  f->money = new_format (writer->workbook, FALSE, FALSE, "#,##0.00");
}

static gboolean
check_destination (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not write the workbook %s: the folder %s does not exist."), path, dir);
      return FALSE;
    }
  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Could not write the workbook %s: the folder %s is not writable."), path, dir);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Could not write the workbook %s: it is a folder."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
export_sheets (CouncilStore                 *store,
               const char                   *path,
               const CouncilWorkbookOptions *options,
               const CouncilSheetWriteFunc  *writers,
               guint                         n_writers,
               gboolean                      with_cover,
               const CouncilProjectFilter   *project_filter,
               CouncilProjectSort            project_sort,
               gboolean                      project_descending,
               CouncilProgressFunc           progress,
               gpointer                      user_data,
               GCancellable                 *cancellable,
               GError                      **error)
{
  CouncilWorkbookOptions defaults;
  CouncilWorkbookWriter writer = { 0 };
  lxw_workbook_options lxw_options = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  g_autofree char *partial = NULL;
  lxw_error result;
  int previous_cache;

  g_return_val_if_fail (COUNCIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options == NULL)
    {
      council_workbook_options_init (&defaults);
      options = &defaults;
    }
  if (!check_destination (path, error))
    return FALSE;

  /* Written beside the target and renamed into place: a failed or cancelled
   * export never leaves a broken file under the chosen name. */
  partial = g_strconcat (path, ".partial", NULL);
  g_unlink (partial);
  writer.workbook = workbook_new_opt (partial, &lxw_options);
  if (writer.workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not start the workbook %s (out of memory or no temporary folder)."), path);
      return FALSE;
    }
  writer.store = store;
  writer.options = options;
  writer.path = path;
  writer.cancellable = cancellable;
  writer.progress = progress;
  writer.progress_data = user_data;
  writer.project_filter = project_filter;
  writer.project_sort = project_sort;
  writer.project_descending = project_descending;
  add_formats (&writer);
  /* 32 MB of page cache while the sheets read (the export stays far below
   * its 200 MB budget); the store gets its own size back afterwards. */
  previous_cache = council_store_swap_cache_size (store, EXPORT_CACHE_SIZE);

  /* The leaders' workbook opens on a Cover whose contents list the sheets
   * that follow; a view's own export (a few sheets) has none. */
  if (with_cover && !council_workbook_add_cover (&writer, error))
    goto failed;
  writer.sheet_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_writers; i++)
    {
      /* The last few percent are for the cover and zipping the file. */
      writer.progress_start = 0.95 * i / n_writers;
      writer.progress_span = 0.95 / n_writers;
      if (council_workbook_cancelled (&writer, error) || !writers[i] (&writer, error))
        goto failed;
    }
  if (with_cover && !council_workbook_write_cover (&writer, error))
    goto failed;
  g_clear_pointer (&writer.sheet_names, g_ptr_array_unref);
  council_store_swap_cache_size (store, previous_cache);

  result = workbook_close (writer.workbook);
  if (result != LXW_NO_ERROR)
    {
      g_unlink (partial);
      return council_workbook_check (&writer, result, error);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write the workbook %s: %s"), path, g_strerror (saved));
      g_unlink (partial);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;

failed:
  council_store_swap_cache_size (store, previous_cache);
  g_clear_pointer (&writer.sheet_names, g_ptr_array_unref);
  lxw_workbook_free (writer.workbook);
  g_unlink (partial);
  return FALSE;
}

gboolean
council_workbook_export (CouncilStore                 *store,
                         const char                   *path,
                         const CouncilWorkbookOptions *options,
                         CouncilProgressFunc           progress,
                         gpointer                      user_data,
                         GCancellable                 *cancellable,
                         GError                      **error)
{
  return export_sheets (store, path, options, sheet_writers, G_N_ELEMENTS (sheet_writers), TRUE,
                        NULL, COUNCIL_PROJECT_SORT_CODE, FALSE,
                        progress, user_data, cancellable, error);
}

gboolean
council_workbook_export_projects (CouncilStore                 *store,
                                  const char                   *path,
                                  const CouncilWorkbookOptions *options,
                                  const CouncilProjectFilter   *filter,
                                  CouncilProjectSort            sort,
                                  gboolean                      descending,
                                  CouncilProgressFunc           progress,
                                  gpointer                      user_data,
                                  GCancellable                 *cancellable,
                                  GError                      **error)
{
  return export_sheets (store, path, options, project_sheet_writers, G_N_ELEMENTS (project_sheet_writers), FALSE,
                        filter, sort, descending, progress, user_data, cancellable, error);
}

gboolean
council_workbook_export_projects_and_funds (CouncilStore                 *store,
                                            const char                   *path,
                                            const CouncilWorkbookOptions *options,
                                            GError                      **error)
{
  return export_sheets (store, path, options, projects_and_funds_writers,
                        G_N_ELEMENTS (projects_and_funds_writers), FALSE, NULL, COUNCIL_PROJECT_SORT_CODE, FALSE,
                        NULL, NULL, NULL, error);
}
