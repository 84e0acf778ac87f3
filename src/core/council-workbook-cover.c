/* council-workbook-cover.c: the Cover sheet — title, council, year, export
 * date, the Overview's figures, funds by source and the ranking of the last
 * finalized assessment with native charts, and the contents with a link to
 * each sheet.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-workbook"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "council-date.h"
#include "council-overview.h"
#include "council-workbook-private.h"

static const CouncilBilingual cover_sheet_name = { "Cover", "封面" };

static const CouncilBilingual status_labels[COUNCIL_PROJECT_N_STATUSES] = {
  [COUNCIL_PROJECT_STATUS_PROPOSED] = { "Projects proposed", "项目：申报中" },
  [COUNCIL_PROJECT_STATUS_APPROVED] = { "Projects approved", "项目：已立项" },
  [COUNCIL_PROJECT_STATUS_IN_PROGRESS] = { "Projects in progress", "项目：实施中" },
  [COUNCIL_PROJECT_STATUS_COMPLETED] = { "Projects completed", "项目：已结项" },
  [COUNCIL_PROJECT_STATUS_SUSPENDED] = { "Projects suspended", "项目：已暂停" },
  [COUNCIL_PROJECT_STATUS_CANCELLED] = { "Projects cancelled", "项目：已取消" },
};

static const CouncilBilingual health_labels[COUNCIL_PROJECT_N_HEALTHS] = {
  [COUNCIL_PROJECT_HEALTH_ON_TRACK] = { "Projects on track", "项目：进展正常" },
  [COUNCIL_PROJECT_HEALTH_AT_RISK] = { "Projects at risk", "项目：存在风险" },
  [COUNCIL_PROJECT_HEALTH_OFF_TRACK] = { "Projects off track", "项目：滞后" },
};

static const CouncilBilingual source_labels[COUNCIL_N_FUND_SOURCES] = {
  [COUNCIL_FUND_SOURCE_GOV_PURCHASE] = { "Government purchase of services", "政府购买服务" },
  [COUNCIL_FUND_SOURCE_FISCAL] = { "Fiscal allocation", "财政拨款" },
  [COUNCIL_FUND_SOURCE_DONATION] = { "Social donations", "社会募捐" },
  [COUNCIL_FUND_SOURCE_CORPORATE] = { "Corporate sponsorship", "企业赞助" },
  [COUNCIL_FUND_SOURCE_OVERSEAS] = { "Overseas donations", "海外捐赠" },
  [COUNCIL_FUND_SOURCE_VENUE] = { "Venue operations", "场馆社会化运营" },
};

static const CouncilBilingual label_council = { "Council", "理事会" };
static const CouncilBilingual label_council_name = { "Mass-Organizations Work Council", "群团工作理事会" };
static const CouncilBilingual label_chair = { "Chair unit", "理事长单位" };
static const CouncilBilingual label_year = { "Year", "年度" };
static const CouncilBilingual label_exported = { "Exported on", "导出日期" };
static const CouncilBilingual label_figures = { "Figures", "数据" };
static const CouncilBilingual label_value = { "Value", "数值" };
static const CouncilBilingual label_active_orgs = { "Active organizations", "在册成员单位" };
static const CouncilBilingual label_projects = { "Projects active in the year", "年度实施项目" };
static const CouncilBilingual label_raised = { "Funds raised (yuan)", "筹集资金（元）" };
static const CouncilBilingual label_spent = { "Funds spent (yuan)", "支出资金（元）" };
static const CouncilBilingual label_meetings = { "Meetings held", "已召开会议" };
static const CouncilBilingual label_next_meeting = { "Next meeting due", "下次会议" };
static const CouncilBilingual label_open = { "Open action items", "未完成督办事项" };
static const CouncilBilingual label_overdue = { "Overdue action items", "逾期督办事项" };
static const CouncilBilingual label_assessment = { "Assessment progress", "考核进度" };
static const CouncilBilingual label_scored = { "Assessment: organizations scored", "考核：已评分单位" };
static const CouncilBilingual label_assessed = { "Assessment: organizations assessed", "考核：参评单位" };
static const CouncilBilingual label_ranking = { "Ranking of the last finalized assessment", "最近定稿考核排名" };
static const CouncilBilingual label_no_ranking = { "No assessment has been finalized yet.", "尚无已定稿的考核。" };
static const CouncilBilingual label_organization = { "Organization", "单位名称" };
static const CouncilBilingual label_rank = { "Rank", "名次" };
static const CouncilBilingual label_total = { "Total", "总分" };
static const CouncilBilingual label_grade = { "Grade", "等次" };
static const CouncilBilingual label_documents = { "Documents added", "新增文件" };
static const CouncilBilingual label_milestones = { "Milestones due in 14 days", "14天内到期的里程碑" };
static const CouncilBilingual label_staffing = { "Organizations with staffing alerts", "人员预警单位" };
static const CouncilBilingual label_source = { "Source of funds", "资金来源" };
static const CouncilBilingual label_funds_chart = { "Funds by source", "资金来源构成" };
static const CouncilBilingual label_contents = { "Contents", "目录" };
static const CouncilBilingual label_none = { "none scheduled", "未设定" };

#define COL_LABEL 0
#define COL_VALUE 1
#define COL_SPENT 2
#define COL_GRADE 3
#define CHART_COL 4

gboolean
council_workbook_add_cover (CouncilWorkbookWriter *writer, GError **error)
{
  writer->cover = council_workbook_add_sheet (writer, &cover_sheet_name, error);
  return writer->cover != NULL;
}

static char *
format_date (const char *iso, gboolean chinese)
{
  GDate date;
  char text[64];

  if (!council_iso_date_parse (iso, &date))
    return g_strdup (iso);
  if (chinese)
    return g_strdup_printf ("%d年%d月%d日", g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date));
  /* %b would follow the process locale, not the export's language. */
  {
    static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    g_snprintf (text, sizeof text, "%d %s %d", g_date_get_day (&date),
                months[g_date_get_month (&date) - 1], g_date_get_year (&date));
  }
  return g_strdup (text);
}

typedef struct
{
  CouncilWorkbookWriter *writer;
  lxw_worksheet *sheet;
  lxw_row_t row;
} Cover;

static gboolean
label_text (Cover *c, const CouncilBilingual *label, const char *value, GError **error)
{
  CouncilWorkbookWriter *w = c->writer;
  lxw_row_t row = c->row++;

  return council_workbook_write_text (w, c->sheet, row, COL_LABEL, council_workbook_text (w, label),
                                      w->formats.text, error) &&
         council_workbook_write_text (w, c->sheet, row, COL_VALUE, value, w->formats.text, error);
}

static gboolean
label_number (Cover *c, const CouncilBilingual *label, double value, lxw_format *format, GError **error)
{
  CouncilWorkbookWriter *w = c->writer;
  lxw_row_t row = c->row++;

  return council_workbook_write_text (w, c->sheet, row, COL_LABEL, council_workbook_text (w, label),
                                      w->formats.text, error) &&
         council_workbook_write_number (w, c->sheet, row, COL_VALUE, value, format, error);
}

static gboolean
write_heading (Cover *c, const CouncilBilingual *first, const CouncilBilingual *second,
               const CouncilBilingual *third, GError **error)
{
  CouncilWorkbookWriter *w = c->writer;
  lxw_row_t row = c->row++;

  return council_workbook_write_text (w, c->sheet, row, COL_LABEL, council_workbook_text (w, first), w->formats.header, error) &&
         (second == NULL || council_workbook_write_text (w, c->sheet, row, COL_VALUE, council_workbook_text (w, second), w->formats.header, error)) &&
         (third == NULL || council_workbook_write_text (w, c->sheet, row, COL_SPENT, council_workbook_text (w, third), w->formats.header, error));
}

static char *
find_chair (CouncilWorkbookWriter *writer, GError **error)
{
  g_autoptr(GListStore) orgs = council_store_list_organizations (writer->store, FALSE, error);
  guint n;

  if (orgs == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (orgs));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);

      if (council_organization_get_council_role (org) == COUNCIL_ROLE_CHAIR)
        return g_strdup (council_organization_get_name_for_language (org, writer->options->chinese));
    }
  return g_strdup ("");
}

static gboolean
write_figures (Cover *c, const CouncilOverview *o, GError **error)
{
  CouncilWorkbookWriter *w = c->writer;
  gboolean zh = w->options->chinese;
  g_autofree char *next = NULL;

  if (o->next_meeting_due != NULL)
    {
      g_autofree char *date = format_date (o->next_meeting_due, zh);
      next = g_strdup_printf ("%s（%s）", date, o->next_meeting_kind);
      if (!zh)
        {
          g_free (next);
          next = g_strdup_printf ("%s (%s)", date, o->next_meeting_kind);
        }
    }
  if (!write_heading (c, &label_figures, &label_value, NULL, error) ||
      !label_number (c, &label_active_orgs, o->active_organizations, w->formats.integer, error) ||
      !label_number (c, &label_projects, o->projects, w->formats.integer, error))
    return FALSE;
  for (int s = 0; s < COUNCIL_PROJECT_N_STATUSES; s++)
    if (!label_number (c, &status_labels[s], o->projects_by_status[s], w->formats.integer, error))
      return FALSE;
  for (int h = 0; h < COUNCIL_PROJECT_N_HEALTHS; h++)
    if (!label_number (c, &health_labels[h], o->projects_by_health[h], w->formats.integer, error))
      return FALSE;
  if (!label_number (c, &label_raised, o->raised_fen / 100.0, w->formats.money, error) ||
      !label_number (c, &label_spent, o->spent_fen / 100.0, w->formats.money, error) ||
      !label_number (c, &label_meetings, o->meetings_held, w->formats.integer, error) ||
      !label_text (c, &label_next_meeting, next ? next : council_workbook_text (w, &label_none), error) ||
      !label_number (c, &label_open, o->action_items_open, w->formats.integer, error) ||
      !label_number (c, &label_overdue, o->action_items_overdue, w->formats.integer, error) ||
      !label_number (c, &label_milestones, o->n_milestones_due, w->formats.integer, error) ||
      !label_number (c, &label_staffing, o->n_staffing_alerts, w->formats.integer, error))
    return FALSE;
  if (o->assessment_available)
    {
      if (!label_number (c, &label_scored, o->organizations_scored, w->formats.integer, error) ||
          !label_number (c, &label_assessed, o->organizations_assessed, w->formats.integer, error))
        return FALSE;
    }
  else
    {
      g_autofree char *none = g_strdup_printf (zh ? "%d年没有考核方案" : "no assessment scheme for %d", o->year);
      if (!label_text (c, &label_assessment, none, error))
        return FALSE;
    }
  return label_number (c, &label_documents, o->documents_added, w->formats.integer, error);
}

/* The table the chart reads, and the chart beside the figures. */
static gboolean
write_funds (Cover *c, const CouncilOverview *o, GError **error)
{
  CouncilWorkbookWriter *w = c->writer;
  const char *sheet_name = council_workbook_text (w, &cover_sheet_name);
  lxw_row_t first;
  lxw_chart *chart;
  lxw_chart_series *series;

  c->row++;
  if (!write_heading (c, &label_source, &label_raised, &label_spent, error))
    return FALSE;
  first = c->row;
  for (int s = 0; s < COUNCIL_N_FUND_SOURCES; s++)
    {
      lxw_row_t row = c->row++;
      if (!council_workbook_write_text (w, c->sheet, row, COL_LABEL, council_workbook_text (w, &source_labels[s]), w->formats.text, error) ||
          !council_workbook_write_number (w, c->sheet, row, COL_VALUE, o->raised_by_source[s] / 100.0, w->formats.money, error) ||
          !council_workbook_write_number (w, c->sheet, row, COL_SPENT, o->spent_by_source[s] / 100.0, w->formats.money, error))
        return FALSE;
    }

  chart = workbook_add_chart (w->workbook, LXW_CHART_BAR);
  if (chart == NULL)
    return council_workbook_check (w, LXW_ERROR_MEMORY_MALLOC_FAILED, error);
  chart_title_set_name (chart, council_workbook_text (w, &label_funds_chart));
  for (int col = COL_VALUE; col <= COL_SPENT; col++)
    {
      series = chart_add_series (chart, NULL, NULL);
      chart_series_set_categories (series, sheet_name, first, COL_LABEL, c->row - 1, COL_LABEL);
      chart_series_set_values (series, sheet_name, first, col, c->row - 1, col);
      chart_series_set_name (series, council_workbook_text (w, col == COL_VALUE ? &label_raised : &label_spent));
    }
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  {
    lxw_chart_options place = { .x_scale = 1.4, .y_scale = 1.5 };
    return council_workbook_check (w, worksheet_insert_chart_opt (c->sheet, 5, CHART_COL, chart, &place), error);
  }
}

/* The Overview's third chart: the last finalized ranking, as a table and a
 * native bar chart beside it. */
static gboolean
write_ranking (Cover *c, const CouncilOverview *o, GError **error)
{
  CouncilWorkbookWriter *w = c->writer;
  const char *sheet_name = council_workbook_text (w, &cover_sheet_name);
  g_autofree char *heading = NULL;
  lxw_format *score = w->formats.money;
  lxw_row_t first;
  lxw_chart *chart;
  lxw_chart_series *series;

  c->row++;
  if (o->ranking == NULL)
    return council_workbook_write_text (w, c->sheet, c->row++, COL_LABEL, council_workbook_text (w, &label_ranking),
                                        w->formats.header, error) &&
           council_workbook_write_text (w, c->sheet, c->row++, COL_LABEL, council_workbook_text (w, &label_no_ranking),
                                        w->formats.text, error);

  heading = g_strdup_printf (w->options->chinese ? "%s：%s" : "%s: %s",
                             council_workbook_text (w, &label_ranking), o->ranking_title);
  if (!council_workbook_write_text (w, c->sheet, c->row++, COL_LABEL, heading, w->formats.text, error) ||
      !write_heading (c, &label_organization, &label_rank, &label_total, error) ||
      !council_workbook_write_text (w, c->sheet, c->row - 1, COL_GRADE, council_workbook_text (w, &label_grade),
                                    w->formats.header, error))
    return FALSE;
  first = c->row;
  for (guint k = 0; k < o->ranking->len; k++)
    {
      const CouncilRankingEntry *e = &g_array_index (o->ranking, CouncilRankingEntry, k);
      lxw_row_t row = c->row++;

      if (!council_workbook_write_text (w, c->sheet, row, COL_LABEL, e->organization, w->formats.text, error) ||
          !council_workbook_write_number (w, c->sheet, row, COL_VALUE, e->rank, w->formats.integer, error) ||
          !council_workbook_write_number (w, c->sheet, row, COL_SPENT, round (e->total * 100) / 100, score, error) ||
          !council_workbook_write_text (w, c->sheet, row, COL_GRADE, e->grade, w->formats.text, error))
        return FALSE;
    }
  if (o->ranking->len == 0)
    return TRUE;

  chart = workbook_add_chart (w->workbook, LXW_CHART_BAR);
  if (chart == NULL)
    return council_workbook_check (w, LXW_ERROR_MEMORY_MALLOC_FAILED, error);
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, sheet_name, first, COL_LABEL, c->row - 1, COL_LABEL);
  chart_series_set_values (series, sheet_name, first, COL_SPENT, c->row - 1, COL_SPENT);
  chart_series_set_name (series, council_workbook_text (w, &label_total));
  chart_title_set_name (chart, o->ranking_title);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  /* Rank 1 at the top: a bar chart draws its first category at the bottom. */
  chart_axis_set_reverse (chart->x_axis);
  {
    lxw_chart_options place = { .x_scale = 1.4, .y_scale = MAX (1.0, o->ranking->len / 12.0) };
    return council_workbook_check (w, worksheet_insert_chart_opt (c->sheet, first - 1, CHART_COL, chart, &place), error);
  }
}

static gboolean
write_contents (Cover *c, GError **error)
{
  CouncilWorkbookWriter *w = c->writer;

  c->row++;
  if (!write_heading (c, &label_contents, NULL, NULL, error))
    return FALSE;
  for (guint i = 0; i < w->sheet_names->len; i++)
    {
      const char *name = g_ptr_array_index (w->sheet_names, i);
      g_auto(GStrv) parts = g_strsplit (name, "'", -1);
      g_autofree char *quoted = g_strjoinv ("''", parts);
      g_autofree char *url = g_strdup_printf ("internal:'%s'!A1", quoted);
      lxw_row_t row = c->row++;

      if (!council_workbook_check (w, worksheet_write_url_opt (c->sheet, row, COL_LABEL, url, w->formats.link,
                                                              name, NULL), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
council_workbook_write_cover (CouncilWorkbookWriter *writer, GError **error)
{
  Cover c = { writer, writer->cover, 0 };
  gboolean zh = writer->options->chinese;
  g_autofree char *today = council_iso_date_today ();
  g_autofree char *exported = format_date (today, zh);
  g_autofree char *year = g_strdup_printf ("%d", writer->options->year);
  g_autofree char *title = NULL;
  g_autofree char *chair = NULL;
  g_autoptr(CouncilOverview) overview = NULL;

  /* The same computation as the Overview view, on the day of the export. */
  overview = council_overview_compute (writer->store, writer->options->year, today, zh, error);
  chair = find_chair (writer, error);
  if (overview == NULL || chair == NULL)
    return FALSE;

  title = zh ? g_strdup_printf ("群团工作理事会 %d年度工作台账", writer->options->year)
             : g_strdup_printf ("Mass-Organizations Work Council — %d Workbook", writer->options->year);

  worksheet_set_paper (c.sheet, 9);   /* A4 */
  worksheet_set_landscape (c.sheet);
  worksheet_fit_to_pages (c.sheet, 1, 0);
  if (!council_workbook_check (writer, worksheet_repeat_rows (c.sheet, 0, 0), error) ||
      !council_workbook_check (writer, worksheet_set_footer (c.sheet, "&C&P / &N"), error) ||
      !council_workbook_check (writer, worksheet_set_column (c.sheet, COL_LABEL, COL_LABEL, zh ? 30 : 42, NULL), error) ||
      !council_workbook_check (writer, worksheet_set_column (c.sheet, COL_VALUE, COL_SPENT, 22, NULL), error) ||
      !council_workbook_check (writer, worksheet_set_column (c.sheet, COL_GRADE, COL_GRADE, 12, NULL), error) ||
      !council_workbook_check (writer, worksheet_set_row (c.sheet, 0, 26, NULL), error))
    return FALSE;

  if (!council_workbook_write_text (writer, c.sheet, c.row++, COL_LABEL, title, writer->formats.title, error) ||
      !label_text (&c, &label_council, council_workbook_text (writer, &label_council_name), error) ||
      !label_text (&c, &label_chair, chair, error) ||
      !label_text (&c, &label_year, year, error) ||
      !label_text (&c, &label_exported, exported, error))
    return FALSE;
  c.row++;
  return write_figures (&c, overview, error) &&
         write_funds (&c, overview, error) &&
         write_ranking (&c, overview, error) &&
         write_contents (&c, error);
}
