/* council-workbook-meetings.c: the Meetings sheet (one row per meeting, with attendance)
 * and the Action items sheet (open and overdue first, days overdue highlighted).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-workbook"

#include "config.h"

#include <glib/gi18n.h>

#include "council-store-meetings.h"
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

#define ACTION_PAGE 5000

/* Organization names in the export language, by id. */
static GHashTable *
organization_names (CouncilWorkbookWriter *writer, GError **error)
{
  g_autoptr(GListStore) orgs = council_store_list_organizations (writer->store, TRUE, error);
  GHashTable *names;

  if (orgs == NULL)
    return NULL;
  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (orgs)); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);
      gint64 id = council_organization_get_id (org);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                           g_strdup (council_organization_get_name_for_language (org, writer->options->chinese)));
    }
  return names;
}

static char *
co_owner_text (CouncilWorkbookWriter *writer, CouncilActionItem *item, GHashTable *names)
{
  GArray *ids = council_action_item_get_co_owner_ids (item);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *name = g_hash_table_lookup (names, &g_array_index (ids, gint64, i));

      if (name == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, writer->options->chinese ? "、" : ", ");
      g_string_append (out, name);
    }
  if (out->len == 0 && council_action_item_get_co_owner_names (item) != NULL)
    g_string_append (out, council_action_item_get_co_owner_names (item));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
write_action_item (CouncilWorkbookWriter *writer, lxw_worksheet *sheet, lxw_row_t row,
                   CouncilActionItem *item, GHashTable *names, const char *today,
                   double *widths, GError **error)
{
  CouncilWorkbookFormats *f = &writer->formats;
  gint64 owner_id = council_action_item_get_owner_org_id (item);
  const char *owner = g_hash_table_lookup (names, &owner_id);
  g_autofree char *co_owners = co_owner_text (writer, item, names);
  const char *note = council_action_item_get_last_progress_note (item);
  const char *note_date = council_action_item_get_last_progress_date (item);
  g_autofree char *last_note = note && *note ? g_strdup_printf ("%s %s", note_date ? note_date : "", note) : NULL;
  g_autofree char *meeting = g_strdup_printf ("%s %s", council_action_item_get_meeting_date (item),
                                              council_action_item_get_meeting_title (item));
  int days = council_action_item_get_days_overdue (item, today);
  const char *texts[A_N_COLUMNS] = {
    [A_TEXT] = council_action_item_get_text (item),
    [A_OWNER] = owner ? owner : council_action_item_get_owner_name (item),
    [A_CO_OWNERS] = co_owners,
    [A_DUE] = council_action_item_get_due_date (item),
    [A_STATUS] = council_workbook_text (writer, &status_labels[council_action_item_get_status (item)]),
    [A_DONE] = council_action_item_get_done_date (item),
    [A_LAST_NOTE] = last_note ? last_note : "",
    [A_MEETING] = meeting,
  };
  Measure me = { widths, action_max_widths, 1 };

  for (int c = 0; c < A_N_COLUMNS; c++)
    if (texts[c] != NULL)
      measure (&me, c, texts[c]);
  if (!set_row_height (writer, sheet, row, me.lines, error))
    return FALSE;

  for (int c = 0; c < A_N_COLUMNS; c++)
    {
      gboolean wrap = c == A_TEXT || c == A_CO_OWNERS || c == A_LAST_NOTE || c == A_MEETING;
      gboolean ok;

      if (c == A_DAYS_OVERDUE)
        /* Overdue = pending and past due, computed on the day of the export. */
        ok = days <= 0 || council_workbook_write_number (writer, sheet, row, c, days, f->alert_integer, error);
      else if (texts[c] == NULL || *texts[c] == '\0')
        ok = TRUE;
      else
        ok = council_workbook_write_text (writer, sheet, row, c, texts[c], wrap ? f->wrap : f->text, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
council_workbook_write_action_items (CouncilWorkbookWriter *writer, GError **error)
{
  CouncilActionFilter filter;
  g_autoptr(GHashTable) names = NULL;
  g_autofree char *today = council_iso_date_today ();
  lxw_worksheet *sheet;
  double widths[A_N_COLUMNS] = { 0 };
  Measure header = { widths, action_max_widths, 1 };
  guint n, row = 0;

  sheet = council_workbook_add_sheet (writer, &actions_sheet_name, error);
  if (sheet == NULL || !council_workbook_setup_sheet (writer, sheet, action_headers, A_N_COLUMNS, error))
    return FALSE;
  for (int c = 0; c < A_N_COLUMNS; c++)
    measure (&header, c, council_workbook_text (writer, &action_headers[c]));
  names = organization_names (writer, error);
  if (names == NULL)
    return FALSE;

  /* The items due in the export's year and the pending ones carried over
   * into it: the store sorts pending ones first by due date (so the overdue
   * lead), then done and cancelled ones by due date. */
  council_action_filter_init (&filter);
  filter.as_of = today;
  filter.due_year = writer->options->year;
  n = council_store_count_action_items (writer->store, &filter, error);
  while (row < n)
    {
      g_autoptr(GListStore) page = council_store_list_action_items (writer->store, &filter, row, ACTION_PAGE, error);
      guint got;

      if (page == NULL || council_workbook_cancelled (writer, error))
        return FALSE;
      got = g_list_model_get_n_items (G_LIST_MODEL (page));
      if (got == 0)
        break;
      for (guint i = 0; i < got; i++)
        {
          g_autoptr(CouncilActionItem) item = g_list_model_get_item (G_LIST_MODEL (page), i);

          row++;
          if (!write_action_item (writer, sheet, row, item, names, today, widths, error))
            return FALSE;
        }
      council_workbook_progress (writer, (double) row / MAX (n, 1));
    }
  return finish_sheet (writer, sheet, widths, A_N_COLUMNS, row, error);
}
