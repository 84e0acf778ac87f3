/* council-workbook-projects.c: the Projects, Brands, Funds and Fund disclosure sheets.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-workbook"

#include "config.h"

#include <glib/gi18n.h>

#include "council-store-projects.h"
#include "council-store-workbook.h"
#include "council-workbook-private.h"

enum
{
  COL_CODE,
  COL_TITLE,
  COL_LEAD,
  COL_PARTNERS,
  COL_CATEGORY,
  COL_STATUS,
  COL_HEALTH,
  COL_START,
  COL_END,
  COL_BUDGET,
  COL_SPENT,
  COL_BENEFICIARIES,
  N_COLUMNS
};

static const CouncilBilingual projects_sheet_name = { "Projects", "项目" };
static const CouncilBilingual brands_sheet_name = { "Brands", "一体化品牌" };
static const CouncilBilingual funds_sheet_name = { "Funds", "资金" };
static const CouncilBilingual disclosure_sheet_name = { "Fund disclosure", "资金公开" };

static const CouncilBilingual headers[N_COLUMNS] = {
  [COL_CODE] = { "Code", "项目编号" },
  [COL_TITLE] = { "Title", "项目名称" },
  [COL_LEAD] = { "Lead organization", "牵头单位" },
  [COL_PARTNERS] = { "Partners", "协作单位" },
  [COL_CATEGORY] = { "Category", "类别" },
  [COL_STATUS] = { "Status", "状态" },
  [COL_HEALTH] = { "Health", "运行状况" },
  [COL_START] = { "Start", "开始日期" },
  [COL_END] = { "End", "结束日期" },
  [COL_BUDGET] = { "Budget (yuan)", "预算（元）" },
  [COL_SPENT] = { "Spent (yuan)", "支出（元）" },
  [COL_BENEFICIARIES] = { "Beneficiaries", "受益人数" },
};

static const double widths[N_COLUMNS] = {
  [COL_CODE] = 16, [COL_TITLE] = 40, [COL_LEAD] = 24, [COL_PARTNERS] = 36, [COL_CATEGORY] = 14,
  [COL_STATUS] = 10, [COL_HEALTH] = 10, [COL_START] = 12, [COL_END] = 12, [COL_BUDGET] = 16,
  [COL_SPENT] = 16, [COL_BENEFICIARIES] = 12,
};

static const CouncilBilingual status_labels[COUNCIL_PROJECT_N_STATUSES] = {
  [COUNCIL_PROJECT_STATUS_PROPOSED] = { "Proposed", "申报" },
  [COUNCIL_PROJECT_STATUS_APPROVED] = { "Approved", "已立项" },
  [COUNCIL_PROJECT_STATUS_IN_PROGRESS] = { "In progress", "实施中" },
  [COUNCIL_PROJECT_STATUS_COMPLETED] = { "Completed", "已完成" },
  [COUNCIL_PROJECT_STATUS_SUSPENDED] = { "Suspended", "暂停" },
  [COUNCIL_PROJECT_STATUS_CANCELLED] = { "Cancelled", "已取消" },
};
static const CouncilBilingual health_labels[COUNCIL_PROJECT_N_HEALTHS] = {
  [COUNCIL_PROJECT_HEALTH_ON_TRACK] = { "On track", "正常" },
  [COUNCIL_PROJECT_HEALTH_AT_RISK] = { "At risk", "有风险" },
  [COUNCIL_PROJECT_HEALTH_OFF_TRACK] = { "Off track", "滞后" },
};
static const CouncilBilingual source_labels[COUNCIL_N_FUND_SOURCES] = {
  [COUNCIL_FUND_SOURCE_GOV_PURCHASE] = { "Government purchase of services", "政府购买服务" },
  [COUNCIL_FUND_SOURCE_FISCAL] = { "Fiscal allocation", "财政拨款" },
  [COUNCIL_FUND_SOURCE_DONATION] = { "Social donations", "社会募捐" },
  [COUNCIL_FUND_SOURCE_CORPORATE] = { "Corporate sponsorship", "企业赞助" },
  [COUNCIL_FUND_SOURCE_OVERSEAS] = { "Overseas donations", "海外捐赠" },
  [COUNCIL_FUND_SOURCE_VENUE] = { "Venue operations", "场馆社会化" },
};
static const CouncilBilingual kind_labels[COUNCIL_N_FUND_KINDS] = {
  [COUNCIL_FUND_KIND_RAISED] = { "Raised", "筹集" },
  [COUNCIL_FUND_KIND_ALLOCATED] = { "Allocated", "拨付" },
  [COUNCIL_FUND_KIND_SPENT] = { "Spent", "支出" },
};

#define MONEY_FORMAT "#,##0.00"

/* Names in the export's language, looked up before rows stream (the row
 * callbacks must not use the store). */
typedef struct
{
  GHashTable *org_names;       /* gint64* -> char* */
  GHashTable *category_names;  /* gint64* -> char* */
} Names;

static void
names_clear (Names *names)
{
  g_clear_pointer (&names->org_names, g_hash_table_unref);
  g_clear_pointer (&names->category_names, g_hash_table_unref);
}

static gboolean
names_load (CouncilWorkbookWriter *writer, Names *names, GError **error)
{
  g_autoptr(GListStore) orgs = council_store_list_organizations (writer->store, TRUE, error);
  g_autoptr(GListStore) categories = NULL;

  if (orgs == NULL)
    return FALSE;
  categories = council_store_list_project_categories (writer->store, error);
  if (categories == NULL)
    return FALSE;
  names->org_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  names->category_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (orgs)); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);
      g_hash_table_insert (names->org_names, g_memdup2 (&(gint64) { council_organization_get_id (org) }, sizeof (gint64)),
                           g_strdup (council_organization_get_name_for_language (org, writer->options->chinese)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (categories)); i++)
    {
      g_autoptr(CouncilProjectCategory) cat = g_list_model_get_item (G_LIST_MODEL (categories), i);
      const char *en = council_project_category_get_name_en (cat);
      const char *name = writer->options->chinese || en == NULL || *en == '\0'
                         ? council_project_category_get_name_zh (cat) : en;
      g_hash_table_insert (names->category_names,
                           g_memdup2 (&(gint64) { council_project_category_get_id (cat) }, sizeof (gint64)),
                           g_strdup (name));
    }
  return TRUE;
}

static int
export_names_language (CouncilWorkbookWriter *writer)
{
  return writer->options->chinese ? COUNCIL_NAMES_CHINESE : COUNCIL_NAMES_ENGLISH;
}

static const char *
name_of (GHashTable *table, gint64 id)
{
  const char *name = g_hash_table_lookup (table, &id);
  return name ? name : "";
}

static const char *
project_title (CouncilWorkbookWriter *writer, const CouncilProjectRow *project)
{
  if (writer->options->chinese || *project->title_en == '\0')
    return project->title_zh;
  return project->title_en;
}

static lxw_format *
money_format (CouncilWorkbookWriter *writer, gboolean indent)
{
  lxw_format *format = workbook_add_format (writer->workbook);

  format_set_num_format (format, MONEY_FORMAT);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (indent)
    format_set_indent (format, 1);
  return format;
}

static gboolean
set_widths (CouncilWorkbookWriter *writer, lxw_worksheet *sheet, const double *w, guint n, GError **error)
{
  for (guint c = 0; c < n; c++)
    if (!council_workbook_check (writer, worksheet_set_column (sheet, c, c, w[c], NULL), error))
      return FALSE;
  return TRUE;
}

/* ---- Projects and Brands: one row per project ---- */

typedef struct
{
  CouncilWorkbookWriter *writer;
  lxw_worksheet *sheet;
  Names *names;
  lxw_format *money;
  lxw_format *indent_text;
  lxw_format *indent_money;
  guint n_expected;
  lxw_row_t row;
  GError *error;
} ProjectPass;

static gboolean
write_project_row (ProjectPass *pass, const CouncilProjectRow *project, gboolean indented)
{
  CouncilWorkbookWriter *writer = pass->writer;
  lxw_format *text = indented ? pass->indent_text : writer->formats.text;
  lxw_format *money = indented ? pass->indent_money : pass->money;
  const char *texts[N_COLUMNS] = {
    [COL_CODE] = project->code,
    [COL_TITLE] = project_title (writer, project),
    [COL_LEAD] = name_of (pass->names->org_names, project->lead_org_id),
    [COL_PARTNERS] = project->partners,
    [COL_CATEGORY] = name_of (pass->names->category_names, project->category_id),
    [COL_STATUS] = council_workbook_text (writer, &status_labels[project->status]),
    [COL_HEALTH] = council_workbook_text (writer, &health_labels[project->health]),
    [COL_START] = project->start_date,
    [COL_END] = project->end_date,
  };
  lxw_row_t row = ++pass->row;

  for (int c = 0; c < N_COLUMNS; c++)
    {
      gboolean ok;

      switch (c)
        {
        case COL_BUDGET:
          ok = council_workbook_write_number (writer, pass->sheet, row, c, project->budget_fen / 100.0,
                                              money, &pass->error);
          break;
        case COL_SPENT:
          ok = council_workbook_write_number (writer, pass->sheet, row, c, project->spent_fen / 100.0,
                                              money, &pass->error);
          break;
        case COL_BENEFICIARIES:
          ok = council_workbook_write_number (writer, pass->sheet, row, c, (double) project->actual_beneficiaries,
                                              writer->formats.integer, &pass->error);
          break;
        default:
          ok = texts[c] == NULL || *texts[c] == '\0' ||
               council_workbook_write_text (writer, pass->sheet, row, c, texts[c],
                                            c == COL_CODE || c == COL_TITLE ? text : writer->formats.text,
                                            &pass->error);
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
on_project_cb (const CouncilProjectRow *project, gpointer user_data)
{
  ProjectPass *pass = user_data;

  if (pass->row % 500 == 0)
    {
      if (council_workbook_cancelled (pass->writer, &pass->error))
        return FALSE;
      council_workbook_progress (pass->writer, (double) pass->row / MAX (pass->n_expected, 1));
    }
  return write_project_row (pass, project, FALSE);
}

static gboolean
begin_project_sheet (CouncilWorkbookWriter *writer, ProjectPass *pass, Names *names,
                     const CouncilBilingual *name, GError **error)
{
  pass->writer = writer;
  pass->names = names;
  pass->sheet = council_workbook_add_sheet (writer, name, error);
  if (pass->sheet == NULL ||
      !council_workbook_setup_sheet (writer, pass->sheet, headers, N_COLUMNS, error) ||
      !set_widths (writer, pass->sheet, widths, N_COLUMNS, error))
    return FALSE;
  pass->money = money_format (writer, FALSE);
  pass->indent_money = money_format (writer, TRUE);
  pass->indent_text = workbook_add_format (writer->workbook);
  format_set_indent (pass->indent_text, 2);
  format_set_align (pass->indent_text, LXW_ALIGN_VERTICAL_TOP);
  return TRUE;
}

static gboolean
finish_pass (ProjectPass *pass, gboolean ok, GError **error)
{
  if (pass->error != NULL)
    {
      g_propagate_error (error, pass->error);
      pass->error = NULL;
      return FALSE;
    }
  if (!ok)
    return FALSE;
  if (!council_workbook_check (pass->writer,
                               worksheet_autofilter (pass->sheet, 0, 0, MAX (pass->row, 1), N_COLUMNS - 1),
                               error))
    return FALSE;
  council_workbook_progress (pass->writer, 1.0);
  return TRUE;
}

gboolean
council_workbook_write_projects (CouncilWorkbookWriter *writer, GError **error)
{
  CouncilProjectFilter all = COUNCIL_PROJECT_FILTER_INIT;
  CouncilProjectFilter shown = writer->project_filter ? *writer->project_filter : all;
  Names names = { NULL, NULL };
  ProjectPass pass = { 0 };
  gboolean ok;

  /* Partner names come with the rows: in the workbook's language. */
  shown.names_language = export_names_language (writer);
  if (!names_load (writer, &names, error))
    return FALSE;
  ok = begin_project_sheet (writer, &pass, &names, &projects_sheet_name, error) &&
       council_store_count_projects (writer->store, &shown, &pass.n_expected, error);
  if (ok)
    ok = finish_pass (&pass, council_store_foreach_project_row (writer->store, &shown, writer->project_sort,
                                                                writer->project_descending, on_project_cb,
                                                                &pass, error), error);
  g_clear_error (&pass.error);
  names_clear (&names);
  return ok;
}

static gboolean
on_brand_row_cb (const CouncilProjectRow *project, gpointer user_data)
{
  return write_project_row (user_data, project, project->under_brand);
}

/* Brands are few (a council integrates a handful a year): each is written
 * with its sources indented below it, in one pass. */
gboolean
council_workbook_write_brands (CouncilWorkbookWriter *writer, GError **error)
{
  Names names = { NULL, NULL };
  ProjectPass pass = { 0 };
  gboolean ok;

  if (!names_load (writer, &names, error))
    return FALSE;
  ok = begin_project_sheet (writer, &pass, &names, &brands_sheet_name, error);
  if (ok)
    ok = finish_pass (&pass, council_store_foreach_brand_row (writer->store, export_names_language (writer),
                                                              on_brand_row_cb, &pass, error), error);
  g_clear_error (&pass.error);
  names_clear (&names);
  return ok;
}

/* ---- Funds: raised amounts by lead organization x source ---- */

static char *
column_name (lxw_col_t col)
{
  char name[8];
  lxw_col_to_name (name, col, FALSE);
  return g_strdup (name);
}

static gboolean
write_funds_chart (CouncilWorkbookWriter *writer, lxw_worksheet *sheet, const char *sheet_title,
                   lxw_row_t total_row, GError **error)
{
  lxw_chart *chart = workbook_add_chart (writer->workbook, LXW_CHART_COLUMN);
  lxw_chart_series *series;
  static const CouncilBilingual chart_title = { "Funds raised by source (yuan)", "各来源筹集资金（元）" };

  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, sheet_title, 0, 1, 0, COUNCIL_N_FUND_SOURCES);
  chart_series_set_values (series, sheet_title, total_row, 1, total_row, COUNCIL_N_FUND_SOURCES);
  chart_series_set_name (series, council_workbook_text (writer, &chart_title));
  chart_title_set_name (chart, council_workbook_text (writer, &chart_title));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  return council_workbook_check (writer,
                                 worksheet_insert_chart (sheet, total_row + 2, 1, chart),
                                 error);
}

gboolean
council_workbook_write_funds (CouncilWorkbookWriter *writer, GError **error)
{
  static const CouncilBilingual org_header = { "Lead organization", "牵头单位" };
  static const CouncilBilingual total_header = { "Total", "合计" };
  CouncilBilingual header_row[COUNCIL_N_FUND_SOURCES + 2];
  g_autoptr(GArray) cells = NULL;
  g_autoptr(GArray) org_order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) amounts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  double column_totals[COUNCIL_N_FUND_SOURCES] = { 0 };
  double grand_total = 0;
  Names names = { NULL, NULL };
  lxw_worksheet *sheet;
  lxw_format *money;
  lxw_format *bold_money;
  lxw_row_t row = 0;
  g_autofree char *last_col = column_name (COUNCIL_N_FUND_SOURCES);
  double w[COUNCIL_N_FUND_SOURCES + 2];
  gboolean ok = FALSE;

  header_row[0] = org_header;
  for (int s = 0; s < COUNCIL_N_FUND_SOURCES; s++)
    header_row[s + 1] = source_labels[s];
  header_row[COUNCIL_N_FUND_SOURCES + 1] = total_header;

  cells = council_store_fund_pivot (writer->store, writer->options->year, COUNCIL_FUND_KIND_RAISED, error);
  if (cells == NULL || !names_load (writer, &names, error))
    return FALSE;
  /* The pivot comes by organization order, then source. */
  for (guint i = 0; i < cells->len; i++)
    {
      CouncilFundPivotCell *cell = &g_array_index (cells, CouncilFundPivotCell, i);
      double *row_amounts = g_hash_table_lookup (amounts, &cell->org_id);

      if (row_amounts == NULL)
        {
          row_amounts = g_new0 (double, COUNCIL_N_FUND_SOURCES);
          g_hash_table_insert (amounts, g_memdup2 (&cell->org_id, sizeof (gint64)), row_amounts);
          g_array_append_val (org_order, cell->org_id);
        }
      row_amounts[cell->source] += cell->amount_fen / 100.0;
    }

  sheet = council_workbook_add_sheet (writer, &funds_sheet_name, error);
  if (sheet == NULL ||
      !council_workbook_setup_sheet (writer, sheet, header_row, G_N_ELEMENTS (header_row), error))
    goto out;
  w[0] = 30;
  for (guint c = 1; c < G_N_ELEMENTS (w); c++)
    w[c] = 16;
  if (!set_widths (writer, sheet, w, G_N_ELEMENTS (w), error))
    goto out;
  money = money_format (writer, FALSE);
  bold_money = money_format (writer, FALSE);
  format_set_bold (bold_money);

  for (guint i = 0; i < org_order->len; i++)
    {
      gint64 org_id = g_array_index (org_order, gint64, i);
      double *row_amounts = g_hash_table_lookup (amounts, &org_id);
      double row_total = 0;
      g_autofree char *formula = NULL;

      row++;
      if (!council_workbook_write_text (writer, sheet, row, 0, name_of (names.org_names, org_id),
                                        writer->formats.text, error))
        goto out;
      for (int s = 0; s < COUNCIL_N_FUND_SOURCES; s++)
        {
          row_total += row_amounts[s];
          column_totals[s] += row_amounts[s];
          if (!council_workbook_write_number (writer, sheet, row, s + 1, row_amounts[s], money, error))
            goto out;
        }
      grand_total += row_total;
      formula = g_strdup_printf ("=SUM(B%u:%s%u)", row + 1, last_col, row + 1);
      if (!council_workbook_check (writer, worksheet_write_formula_num (sheet, row, COUNCIL_N_FUND_SOURCES + 1,
                                                                        formula, bold_money, row_total), error))
        goto out;
    }

  /* The total row: SUM formulas with their values cached, so readers that do
   * not recalculate still see the numbers. */
  row++;
  {
    g_autofree char *grand = NULL;

    if (!council_workbook_write_text (writer, sheet, row, 0, council_workbook_text (writer, &total_header),
                                      writer->formats.header, error))
      goto out;
    for (int s = 0; s <= COUNCIL_N_FUND_SOURCES; s++)
      {
        g_autofree char *col = column_name (s + 1);
        g_autofree char *formula = g_strdup_printf ("=SUM(%s2:%s%u)", col, col, MAX (row, 2));
        double value = s < COUNCIL_N_FUND_SOURCES ? column_totals[s] : grand_total;

        if (row == 1)   /* no organization: an empty sum */
          {
            g_free (formula);
            formula = g_strdup ("=0");
          }
        if (!council_workbook_check (writer, worksheet_write_formula_num (sheet, row, s + 1, formula,
                                                                          bold_money, value), error))
          goto out;
      }
    (void) grand;
  }
  ok = write_funds_chart (writer, sheet, council_workbook_text (writer, &funds_sheet_name), row, error);
  council_workbook_progress (writer, 1.0);
out:
  names_clear (&names);
  return ok;
}

/* ---- Fund disclosure: every entry of the year, for publication ---- */

enum { D_CODE, D_PROJECT, D_SOURCE, D_KIND, D_AMOUNT, D_DATE, D_COUNTERPARTY, D_VOUCHER, D_NOTE, N_D };

typedef struct
{
  CouncilWorkbookWriter *writer;
  lxw_worksheet *sheet;
  lxw_format *money;
  guint n_expected;
  lxw_row_t row;
  GError *error;
} DisclosurePass;

static gboolean
write_fund_entry (const CouncilFundEntryRow *e, gpointer user_data)
{
  DisclosurePass *pass = user_data;
  CouncilWorkbookWriter *writer = pass->writer;
  lxw_row_t row = ++pass->row;
  const char *texts[N_D] = {
    [D_CODE] = e->project_code,
    [D_PROJECT] = e->project_title,
    [D_SOURCE] = council_workbook_text (writer, &source_labels[e->source]),
    [D_KIND] = council_workbook_text (writer, &kind_labels[e->kind]),
    [D_DATE] = e->entry_date,
    [D_COUNTERPARTY] = e->counterparty,
    [D_VOUCHER] = e->voucher_no,
    [D_NOTE] = e->note,
  };

  if (row % 500 == 1)
    {
      if (council_workbook_cancelled (writer, &pass->error))
        return FALSE;
      council_workbook_progress (writer, (double) (row - 1) / MAX (pass->n_expected, 1));
    }
  for (int c = 0; c < N_D; c++)
    {
      gboolean ok = c == D_AMOUNT
        ? council_workbook_write_number (writer, pass->sheet, row, c, e->amount_fen / 100.0, pass->money,
                                         &pass->error)
        : texts[c] == NULL || *texts[c] == '\0' ||
          council_workbook_write_text (writer, pass->sheet, row, c, texts[c], writer->formats.text, &pass->error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
council_workbook_write_fund_disclosure (CouncilWorkbookWriter *writer, GError **error)
{
  static const CouncilBilingual d_headers[N_D] = {
    [D_CODE] = { "Project code", "项目编号" },
    [D_PROJECT] = { "Project", "项目名称" },
    [D_SOURCE] = { "Source", "来源" },
    [D_KIND] = { "Kind", "类型" },
    [D_AMOUNT] = { "Amount (yuan)", "金额（元）" },
    [D_DATE] = { "Date", "日期" },
    [D_COUNTERPARTY] = { "Payer or payee", "收付款方" },
    [D_VOUCHER] = { "Voucher no.", "凭证号" },
    [D_NOTE] = { "Note", "备注" },
  };
  static const double d_widths[N_D] = { 16, 40, 26, 10, 16, 12, 28, 16, 30 };
  DisclosurePass pass = { writer, NULL, NULL, 0, 0, NULL };
  gboolean ok;

  pass.sheet = council_workbook_add_sheet (writer, &disclosure_sheet_name, error);
  if (pass.sheet == NULL ||
      !council_workbook_setup_sheet (writer, pass.sheet, d_headers, N_D, error) ||
      !set_widths (writer, pass.sheet, d_widths, N_D, error) ||
      !council_store_count_fund_entries_of_year (writer->store, writer->options->year, &pass.n_expected, error))
    return FALSE;
  pass.money = money_format (writer, FALSE);
  /* Project titles in the workbook's language, as on the Projects sheet. */
  ok = council_store_foreach_fund_entry_of_year (writer->store, writer->options->year, writer->options->chinese,
                                                 write_fund_entry, &pass, error);
  if (pass.error != NULL)
    {
      g_clear_error (error);
      g_propagate_error (error, pass.error);
      return FALSE;
    }
  if (!ok ||
      !council_workbook_check (writer, worksheet_autofilter (pass.sheet, 0, 0, MAX (pass.row, 1), N_D - 1), error))
    return FALSE;
  council_workbook_progress (writer, 1.0);
  return TRUE;
}
