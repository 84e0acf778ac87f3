/* council-workbook-meetings.c: the Meetings sheet (one row per meeting, with attendance)
 * and the Action items sheet (open and overdue first, days overdue highlighted).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-workbook"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "council-store-meetings.h"
#include "council-store-workbook.h"
#include "council-workbook-private.h"

/* ---- shared ---- */

static const CouncilBilingual state_labels[] = {
  [COUNCIL_MEETING_STATE_PLANNED] = { "Planned", "计划中" },
  [COUNCIL_MEETING_STATE_HELD] = { "Held", "已召开" },
  [COUNCIL_MEETING_STATE_APPROVED] = { "Minutes approved", "纪要已审定" },
};

static const CouncilBilingual status_labels[] = {
  [COUNCIL_ACTION_STATUS_OPEN] = { "Open", "未开始" },
  [COUNCIL_ACTION_STATUS_IN_PROGRESS] = { "In progress", "推进中" },
  [COUNCIL_ACTION_STATUS_DONE] = { "Done", "已完成" },
  [COUNCIL_ACTION_STATUS_CANCELLED] = { "Cancelled", "已取消" },
};

typedef struct
{
  double *widths;
  const double *max_widths;
  guint lines;
} Measure;

static void
measure (Measure *m, int col, const char *text)
{
  guint n_lines = 1;
  double width = council_workbook_measure_lines (text ? text : "", m->max_widths[col], &n_lines);

  m->widths[col] = MAX (m->widths[col], MIN (width, m->max_widths[col]));
  m->lines = MAX (m->lines, n_lines);
}

static gboolean
finish_sheet (CouncilWorkbookWriter *writer, lxw_worksheet *sheet, const double *widths,
              int n_columns, lxw_row_t last_row, GError **error)
{
  for (int c = 0; c < n_columns; c++)
    if (!council_workbook_check (writer, worksheet_set_column (sheet, c, c, MAX (widths[c] + 2, 8), NULL), error))
      return FALSE;
  if (!council_workbook_check (writer, worksheet_autofilter (sheet, 0, 0, MAX (last_row, 1), n_columns - 1), error))
    return FALSE;
  council_workbook_progress (writer, 1.0);
  return TRUE;
}

/* Row heights must be set before the cells in constant-memory mode. */
static gboolean
set_row_height (CouncilWorkbookWriter *writer, lxw_worksheet *sheet, lxw_row_t row, guint lines,
                GError **error)
{
  if (lines <= 1)
    return TRUE;
  return council_workbook_check (writer, worksheet_set_row (sheet, row, MIN (15.0 * lines, 409.0), NULL), error);
}

/* ---- Meetings ---- */

enum
{
  M_DATE,
  M_KIND,
  M_SESSION,
  M_TITLE,
  M_PLACE,
  M_CHAIR,
  M_STATE,
  M_PRESENT,
  M_ABSENT,
  M_EXCUSED,
  M_DELEGATED,
  M_RATE,
  M_OPEN_ITEMS,
  M_N_COLUMNS
};

static const CouncilBilingual meetings_sheet_name = { "Meetings", "会议" };

static const CouncilBilingual meeting_headers[M_N_COLUMNS] = {
  [M_DATE] = { "Date", "日期" },
  [M_KIND] = { "Kind", "会议类型" },
  [M_SESSION] = { "Session", "次序" },
  [M_TITLE] = { "Title", "会议名称" },
  [M_PLACE] = { "Place", "地点" },
  [M_CHAIR] = { "Chair", "主持人" },
  [M_STATE] = { "State", "状态" },
  [M_PRESENT] = { "Present", "出席" },
  [M_ABSENT] = { "Absent", "缺席" },
  [M_EXCUSED] = { "Excused", "请假" },
  [M_DELEGATED] = { "Delegated", "委托出席" },
  [M_RATE] = { "Attendance rate", "出席率" },
  [M_OPEN_ITEMS] = { "Open action items", "未完成督办事项" },
};

static const double meeting_max_widths[M_N_COLUMNS] = {
  [M_DATE] = 18, [M_KIND] = 16, [M_SESSION] = 8, [M_TITLE] = 50, [M_PLACE] = 24, [M_CHAIR] = 24,
  [M_STATE] = 14, [M_PRESENT] = 8, [M_ABSENT] = 8, [M_EXCUSED] = 8, [M_DELEGATED] = 10,
  [M_RATE] = 10, [M_OPEN_ITEMS] = 12,
};

static const char *
kind_name (CouncilWorkbookWriter *writer, GListModel *kinds, CouncilMeeting *m)
{
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(CouncilMeetingKind) kind = g_list_model_get_item (kinds, i);

      if (council_meeting_kind_get_id (kind) == council_meeting_get_kind_id (m))
        return writer->options->chinese ? council_meeting_kind_get_name_zh (kind)
                                        : council_meeting_kind_get_name_en (kind);
    }
  return council_meeting_get_kind_label (m);
}

static gboolean
write_meeting (CouncilWorkbookWriter *writer, lxw_worksheet *sheet, lxw_row_t row,
               CouncilMeeting *m, GListModel *kinds, double *widths, GError **error)
{
  CouncilWorkbookFormats *f = &writer->formats;
  const CouncilAttendanceRate *rate = council_meeting_get_attendance_rate (m);
  g_autofree char *starts_at = g_strdup (council_meeting_get_starts_at (m));
  const char *texts[M_N_COLUMNS] = { NULL };
  const double numbers[M_N_COLUMNS] = {
    [M_SESSION] = council_meeting_get_session_no (m),
    [M_PRESENT] = rate->present,
    [M_ABSENT] = rate->absent,
    [M_EXCUSED] = rate->excused,
    [M_DELEGATED] = rate->delegated,
    [M_RATE] = rate->rate,
    [M_OPEN_ITEMS] = council_meeting_get_open_items (m),
  };
  Measure me = { widths, meeting_max_widths, 1 };

  /* "2026-11-29T14:30" reads better as "2026-11-29 14:30". */
  g_strdelimit (starts_at, "T", ' ');
  texts[M_DATE] = starts_at;
  texts[M_KIND] = kind_name (writer, kinds, m);
  texts[M_TITLE] = council_meeting_get_title (m);
  texts[M_PLACE] = council_meeting_get_place (m);
  texts[M_CHAIR] = council_meeting_get_chair (m);
  texts[M_STATE] = council_workbook_text (writer, &state_labels[council_meeting_get_state (m)]);
  for (int c = 0; c < M_N_COLUMNS; c++)
    if (texts[c] != NULL)
      measure (&me, c, texts[c]);
  if (!set_row_height (writer, sheet, row, me.lines, error))
    return FALSE;

  for (int c = 0; c < M_N_COLUMNS; c++)
    {
      gboolean ok;

      if (texts[c] != NULL)
        ok = council_workbook_write_text (writer, sheet, row, c, texts[c],
                                          c == M_TITLE || c == M_PLACE ? f->wrap : f->text, error);
      else if (c == M_SESSION && numbers[c] <= 0)
        ok = TRUE;
      else if (c == M_RATE && rate->recorded == 0)
        ok = TRUE;   /* nothing recorded: no rate, rather than 0 % */
      else
        ok = council_workbook_write_number (writer, sheet, row, c, numbers[c],
                                            c == M_RATE ? f->percent : f->integer, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
council_workbook_write_meetings (CouncilWorkbookWriter *writer, GError **error)
{
  CouncilMeetingFilter filter;
  g_autoptr(GListStore) meetings = NULL;
  g_autoptr(GListStore) kinds = NULL;
  lxw_worksheet *sheet;
  double widths[M_N_COLUMNS] = { 0 };
  Measure header = { widths, meeting_max_widths, 1 };
  guint n;

  sheet = council_workbook_add_sheet (writer, &meetings_sheet_name, error);
  if (sheet == NULL || !council_workbook_setup_sheet (writer, sheet, meeting_headers, M_N_COLUMNS, error))
    return FALSE;
  for (int c = 0; c < M_N_COLUMNS; c++)
    measure (&header, c, council_workbook_text (writer, &meeting_headers[c]));

  council_meeting_filter_init (&filter);
  filter.year = writer->options->year;
  meetings = council_store_list_meetings (writer->store, &filter, error);
  kinds = council_store_list_meeting_kinds (writer->store, error);
  if (meetings == NULL || kinds == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (meetings));
  /* The store lists the newest first; a year's record reads from January. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilMeeting) m = g_list_model_get_item (G_LIST_MODEL (meetings), n - 1 - i);

      if (i % 100 == 0)
        {
          if (council_workbook_cancelled (writer, error))
            return FALSE;
          council_workbook_progress (writer, (double) i / MAX (n, 1));
        }
      if (!write_meeting (writer, sheet, i + 1, m, G_LIST_MODEL (kinds), widths, error))
        return FALSE;
    }
  return finish_sheet (writer, sheet, widths, M_N_COLUMNS, n, error);
}

/* ---- Action items ---- */

enum
{
  A_TEXT,
  A_OWNER,
  A_CO_OWNERS,
  A_DUE,
  A_STATUS,
  A_DONE,
  A_DAYS_OVERDUE,
  A_LAST_NOTE,
  A_MEETING,
  A_N_COLUMNS
};

static const CouncilBilingual actions_sheet_name = { "Action items", "督办事项" };

static const CouncilBilingual action_headers[A_N_COLUMNS] = {
  [A_TEXT] = { "Action item", "督办事项" },
  [A_OWNER] = { "Owner", "责任单位" },
  [A_CO_OWNERS] = { "Co-owners", "协办单位" },
  [A_DUE] = { "Due date", "完成时限" },
  [A_STATUS] = { "Status", "状态" },
  [A_DONE] = { "Done on", "完成日期" },
  [A_DAYS_OVERDUE] = { "Days overdue", "逾期天数" },
  [A_LAST_NOTE] = { "Last progress note", "最近督办记录" },
  [A_MEETING] = { "Meeting", "会议" },
};

static const double action_max_widths[A_N_COLUMNS] = {
  [A_TEXT] = 50, [A_OWNER] = 30, [A_CO_OWNERS] = 36, [A_DUE] = 12, [A_STATUS] = 10,
  [A_DONE] = 12, [A_DAYS_OVERDUE] = 10, [A_LAST_NOTE] = 50, [A_MEETING] = 40,
};

/* One pass over the store's rows; the two composed cells reuse their buffers. */
typedef struct
{
  CouncilWorkbookWriter *writer;
  lxw_worksheet *sheet;
  double *widths;
  GString *last_note;
  GString *meeting;
  /* Owners, meetings and texts repeat from row to row: each column keeps its
   * last text and how many lines it took, and measures only a new one. */
  GString *last_text[A_N_COLUMNS];
  guint last_lines[A_N_COLUMNS];
  guint n_expected;
  lxw_row_t row;
  GError *error;
} ActionPass;

static gboolean
write_action_item (const CouncilActionItemRow *item, gpointer user_data)
{
  ActionPass *pass = user_data;
  CouncilWorkbookWriter *writer = pass->writer;
  CouncilWorkbookFormats *f = &writer->formats;
  lxw_row_t row = ++pass->row;
  const char *texts[A_N_COLUMNS];
  Measure me = { pass->widths, action_max_widths, 1 };

  if (row % 2000 == 0)
    {
      if (council_workbook_cancelled (writer, &pass->error))
        return FALSE;
      council_workbook_progress (writer, (double) row / MAX (pass->n_expected, 1));
    }
  g_string_truncate (pass->last_note, 0);
  if (*item->last_note != '\0')
    {
      g_string_append (pass->last_note, item->last_note_date);
      g_string_append_c (pass->last_note, ' ');
      g_string_append (pass->last_note, item->last_note);
    }
  g_string_assign (pass->meeting, item->meeting_date);
  g_string_append_c (pass->meeting, ' ');
  g_string_append (pass->meeting, item->meeting_title);

  texts[A_TEXT] = item->text;
  texts[A_OWNER] = item->owner;
  texts[A_CO_OWNERS] = item->co_owners;
  texts[A_DUE] = item->due_date;
  texts[A_STATUS] = council_workbook_text (writer, &status_labels[item->status]);
  texts[A_DONE] = item->done_date;
  texts[A_DAYS_OVERDUE] = NULL;
  texts[A_LAST_NOTE] = pass->last_note->str;
  texts[A_MEETING] = pass->meeting->str;

  for (int c = 0; c < A_N_COLUMNS; c++)
    {
      if (texts[c] == NULL || *texts[c] == '\0')
        continue;
      if (strcmp (pass->last_text[c]->str, texts[c]) != 0)
        {
          Measure one = { pass->widths, action_max_widths, 1 };

          measure (&one, c, texts[c]);
          g_string_assign (pass->last_text[c], texts[c]);
          pass->last_lines[c] = one.lines;
        }
      me.lines = MAX (me.lines, pass->last_lines[c]);
    }
  if (!set_row_height (writer, pass->sheet, row, me.lines, &pass->error))
    return FALSE;

  for (int c = 0; c < A_N_COLUMNS; c++)
    {
      gboolean wrap = c == A_TEXT || c == A_CO_OWNERS || c == A_LAST_NOTE || c == A_MEETING;
      gboolean ok;

      if (c == A_DAYS_OVERDUE)
        /* Overdue = pending and past due, computed on the day of the export. */
        ok = item->days_overdue <= 0 ||
             council_workbook_write_number (writer, pass->sheet, row, c, item->days_overdue, f->alert_integer,
                                            &pass->error);
      else if (*texts[c] == '\0')
        ok = TRUE;
      else
        ok = council_workbook_write_text (writer, pass->sheet, row, c, texts[c], wrap ? f->wrap : f->text,
                                          &pass->error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
council_workbook_write_action_items (CouncilWorkbookWriter *writer, GError **error)
{
  CouncilActionFilter filter;
  g_autofree char *today = council_iso_date_today ();
  double widths[A_N_COLUMNS] = { 0 };
  Measure header = { widths, action_max_widths, 1 };
  ActionPass pass = { 0 };
  gboolean ok;

  pass.writer = writer;
  pass.widths = widths;
  pass.sheet = council_workbook_add_sheet (writer, &actions_sheet_name, error);
  if (pass.sheet == NULL || !council_workbook_setup_sheet (writer, pass.sheet, action_headers, A_N_COLUMNS, error))
    return FALSE;
  for (int c = 0; c < A_N_COLUMNS; c++)
    measure (&header, c, council_workbook_text (writer, &action_headers[c]));

  /* The items due in the export's year and the pending ones carried over
   * into it, pending first by due date (so the overdue lead), then done and
   * cancelled ones by due date. The count is for the progress bar only. */
  council_action_filter_init (&filter);
  filter.as_of = today;
  filter.due_year = writer->options->year;
  pass.n_expected = council_store_count_action_items (writer->store, &filter, error);
  if (error != NULL && *error != NULL)
    return FALSE;
  pass.last_note = g_string_sized_new (256);
  pass.meeting = g_string_sized_new (128);
  for (int c = 0; c < A_N_COLUMNS; c++)
    pass.last_text[c] = g_string_new (NULL);
  ok = council_store_foreach_action_item_of_year (writer->store, writer->options->year, today,
                                                  writer->options->chinese, write_action_item, &pass, error);
  g_string_free (pass.last_note, TRUE);
  g_string_free (pass.meeting, TRUE);
  for (int c = 0; c < A_N_COLUMNS; c++)
    g_string_free (pass.last_text[c], TRUE);
  if (pass.error != NULL)
    {
      g_propagate_error (error, pass.error);
      return FALSE;
    }
  return ok && finish_sheet (writer, pass.sheet, widths, A_N_COLUMNS, pass.row, error);
}
