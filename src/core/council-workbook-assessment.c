/* council-workbook-assessment.c: the Ranking and Scores sheets of the year's
 * assessment scheme (the workbook options' year).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-workbook"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "council-store-assessment.h"
#include "council-workbook-private.h"

typedef struct
{
  CouncilAssessmentScheme *scheme;
  GPtrArray               *indicators;
  GPtrArray               *orgs;
  CouncilAssessmentMatrix *matrix;
} Assessment;

static void
assessment_clear (Assessment *a)
{
  g_clear_pointer (&a->scheme, council_assessment_scheme_free);
  g_clear_pointer (&a->indicators, g_ptr_array_unref);
  g_clear_pointer (&a->orgs, g_ptr_array_unref);
  g_clear_pointer (&a->matrix, council_assessment_matrix_free);
}

/* FALSE with *error on failure; TRUE with a->scheme NULL when the year has no scheme. */
static gboolean
load_assessment (CouncilWorkbookWriter *writer, Assessment *a, GError **error)
{
  gint64 id = council_store_find_assessment_scheme (writer->store, writer->options->year, error);

  if (id < 0)
    return FALSE;
  if (id == 0)
    return TRUE;
  a->scheme = council_store_get_assessment_scheme (writer->store, id, error);
  if (a->scheme == NULL)
    return FALSE;
  a->indicators = council_store_list_assessment_indicators (writer->store, id, error);
  if (a->indicators == NULL)
    return FALSE;
  a->orgs = council_store_list_assessment_organizations (writer->store, a->scheme, error);
  if (a->orgs == NULL)
    return FALSE;
  a->matrix = council_store_load_assessment_matrix (writer->store, a->scheme, a->indicators, a->orgs, error);
  return a->matrix != NULL;
}

static const char *
org_name (CouncilWorkbookWriter *writer, Assessment *a, guint i)
{
  return council_organization_get_name_for_language (g_ptr_array_index (a->orgs, i), writer->options->chinese);
}

static const char *
band_name (CouncilWorkbookWriter *writer, const CouncilGradeBand *band)
{
  if (!writer->options->chinese && band->name_en[0] != '\0')
    return band->name_en;
  return band->name_zh;
}

static gboolean
write_no_scheme (CouncilWorkbookWriter *writer, lxw_worksheet *sheet, GError **error)
{
  g_autofree char *note = g_strdup_printf (writer->options->chinese ? "%d年没有考核方案。"
                                                                    : "There is no assessment scheme for %d.",
                                           writer->options->year);
  return council_workbook_write_text (writer, sheet, 1, 0, note, writer->formats.text, error);
}

/* ---- Ranking ---- */

enum { RANK_COL_RANK, RANK_COL_ORG, RANK_COL_TOTAL, RANK_COL_GRADE, RANK_COL_TIE, RANK_N_COLUMNS };

static const CouncilBilingual ranking_name = { "Ranking", "考核排名" };
static const CouncilBilingual ranking_headers[RANK_N_COLUMNS] = {
  [RANK_COL_RANK] = { "Rank", "名次" },
  [RANK_COL_ORG] = { "Organization", "单位名称" },
  [RANK_COL_TOTAL] = { "Total", "总分" },
  [RANK_COL_GRADE] = { "Grade", "等次" },
  [RANK_COL_TIE] = { "Tie", "并列" },
};

/* Grade colours, the same as the window's: best green, then blue, amber, red. */
static const struct { lxw_color_t fill; lxw_color_t font; } grade_colours[] = {
  { 0xC6EFCE, 0x006100 },
  { 0xDDEBF7, 0x1F4E78 },
  { 0xFFEB9C, 0x9C5700 },
  { 0xFFC7CE, 0x9C0006 },
};

static gboolean
add_grade_formats (CouncilWorkbookWriter *writer, lxw_worksheet *sheet, Assessment *a, lxw_row_t last_row,
                   GError **error)
{
  for (guint b = 0; b < a->scheme->bands->len; b++)
    {
      const CouncilGradeBand *band = g_ptr_array_index (a->scheme->bands, b);
      guint colour = MIN (b, G_N_ELEMENTS (grade_colours) - 1);
      lxw_format *format = workbook_add_format (writer->workbook);
      lxw_conditional_format cf = { 0 };
      g_autofree char *quoted = NULL;
      g_autoptr(GString) escaped = g_string_new (band_name (writer, band));

      /* The last band is the lowest; with fewer than four bands it is still red. */
      if (b == a->scheme->bands->len - 1 && b > 0)
        colour = G_N_ELEMENTS (grade_colours) - 1;
      format_set_bg_color (format, grade_colours[colour].fill);
      format_set_font_color (format, grade_colours[colour].font);
      g_string_replace (escaped, "\"", "\"\"", 0);
      quoted = g_strdup_printf ("\"%s\"", escaped->str);
      cf.type = LXW_CONDITIONAL_TYPE_CELL;
      cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
      cf.value_string = quoted;
      cf.format = format;
      if (!council_workbook_check (writer, worksheet_conditional_format_range (sheet, 1, RANK_COL_GRADE, last_row,
                                                                               RANK_COL_GRADE, &cf), error))
        return FALSE;
    }
  {
    lxw_conditional_format bar = { 0 };
    bar.type = LXW_CONDITIONAL_DATA_BAR;
    bar.bar_color = 0x5B9BD5;
    return council_workbook_check (writer, worksheet_conditional_format_range (sheet, 1, RANK_COL_TOTAL, last_row,
                                                                               RANK_COL_TOTAL, &bar), error);
  }
}

static gboolean
add_ranking_chart (CouncilWorkbookWriter *writer, lxw_worksheet *sheet, const char *sheet_name,
                   lxw_row_t last_row, GError **error)
{
  lxw_chart *chart = workbook_add_chart (writer->workbook, LXW_CHART_BAR);
  lxw_chart_series *series;
  lxw_chart_options options = { .x_offset = 10, .y_offset = 10, .x_scale = 1.4,
                                .y_scale = MAX (1.0, (double) last_row / 12.0) };

  if (chart == NULL)
    return council_workbook_check (writer, LXW_ERROR_MEMORY_MALLOC_FAILED, error);
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, sheet_name, 1, RANK_COL_ORG, last_row, RANK_COL_ORG);
  chart_series_set_values (series, sheet_name, 1, RANK_COL_TOTAL, last_row, RANK_COL_TOTAL);
  chart_series_set_name (series, council_workbook_text (writer, &ranking_headers[RANK_COL_TOTAL]));
  chart_title_set_name (chart, council_workbook_text (writer, &ranking_name));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  /* Rank 1 at the top: a bar chart draws its first category at the bottom. */
  chart_axis_set_reverse (chart->x_axis);
  return council_workbook_check (writer, worksheet_insert_chart_opt (sheet, 0, RANK_N_COLUMNS + 1, chart, &options),
                                 error);
}

gboolean
council_workbook_write_assessment_ranking (CouncilWorkbookWriter *writer, GError **error)
{
  Assessment a = { 0 };
  lxw_worksheet *sheet = council_workbook_add_sheet (writer, &ranking_name, error);
  const char *sheet_name = council_workbook_text (writer, &ranking_name);
  lxw_format *score = workbook_add_format (writer->workbook);
  gboolean ok = sheet != NULL;
  double org_width = 16;

  format_set_num_format (score, "0.00");
  if (ok)
    ok = council_workbook_setup_sheet (writer, sheet, ranking_headers, RANK_N_COLUMNS, error) &&
         load_assessment (writer, &a, error);
  if (ok && a.scheme == NULL)
    ok = write_no_scheme (writer, sheet, error);
  else if (ok)
    {
      CouncilAssessmentMatrix *m = a.matrix;

      for (guint k = 0; ok && k < m->n_orgs; k++)
        {
          guint i = m->order[k];
          lxw_row_t row = (lxw_row_t) k + 1;
          gboolean tie = (k > 0 && m->ranks[m->order[k - 1]] == m->ranks[i]) ||
                         (k + 1 < m->n_orgs && m->ranks[m->order[k + 1]] == m->ranks[i]);
          /* The Assessment view's rules: no score, no rank or total; not
           * every ordinary indicator scored, no grade yet. */
          gboolean any = m->scored[i] > 0;
          int band = council_assessment_matrix_org_complete (m, i, NULL, NULL)
                       ? council_assessment_scheme_grade (a.scheme, m->totals[i]) : -1;

          tie = tie && any;
          org_width = MAX (org_width, council_workbook_text_width (org_name (writer, &a, i)) + 2);
          ok = (!any || council_workbook_write_number (writer, sheet, row, RANK_COL_RANK, m->ranks[i], writer->formats.integer, error)) &&
               council_workbook_write_text (writer, sheet, row, RANK_COL_ORG, org_name (writer, &a, i), writer->formats.text, error) &&
               (!any || council_workbook_write_number (writer, sheet, row, RANK_COL_TOTAL, round (m->totals[i] * 100) / 100, score, error)) &&
               council_workbook_write_text (writer, sheet, row, RANK_COL_GRADE,
                                            band >= 0 ? band_name (writer, g_ptr_array_index (a.scheme->bands, band)) : "",
                                            writer->formats.text, error) &&
               council_workbook_write_text (writer, sheet, row, RANK_COL_TIE,
                                            tie ? council_workbook_text (writer, &ranking_headers[RANK_COL_TIE]) : "",
                                            writer->formats.text, error);
          council_workbook_progress (writer, (double) (k + 1) / m->n_orgs);
        }
      if (ok && m->n_orgs > 0)
        ok = add_grade_formats (writer, sheet, &a, m->n_orgs, error) &&
             add_ranking_chart (writer, sheet, sheet_name, m->n_orgs, error) &&
             council_workbook_check (writer, worksheet_autofilter (sheet, 0, 0, m->n_orgs, RANK_N_COLUMNS - 1), error);
    }
  if (ok)
    {
      worksheet_set_column (sheet, RANK_COL_RANK, RANK_COL_RANK, 8, NULL);
      worksheet_set_column (sheet, RANK_COL_ORG, RANK_COL_ORG, MIN (org_width, 40), NULL);
      worksheet_set_column (sheet, RANK_COL_TOTAL, RANK_COL_TIE, 10, NULL);
    }
  assessment_clear (&a);
  return ok;
}

/* ---- Scores ---- */

static const CouncilBilingual scores_name = { "Scores", "考核得分" };
static const CouncilBilingual scores_first_header[] = { { "Organization", "单位名称" } };
static const CouncilBilingual bonus_prefix = { "Bonus: ", "加分：" };
static const CouncilBilingual deduction_prefix = { "Deduction: ", "减分：" };
static const CouncilBilingual total_header = { "Total", "总分" };
static const CouncilBilingual max_row_label = { "Max score", "分值" };

static char *
column_range (lxw_row_t row, lxw_col_t first, lxw_col_t last)
{
  char a[16], b[16];

  lxw_rowcol_to_cell (a, row, first);
  lxw_rowcol_to_cell (b, row, last);
  return g_strdup_printf ("%s:%s", a, b);
}

/* The total of one row as a formula leaders can follow:
 * =SUM(ordinary)+MIN(SUM(bonus),cap)-MIN(SUM(deductions),cap). */
static char *
total_formula (lxw_row_t row, guint n_base, guint n_bonus, guint n_deduction, double bonus_cap, double deduction_cap)
{
  GString *f = g_string_new ("=");
  char cap[G_ASCII_DTOSTR_BUF_SIZE];

  if (n_base > 0)
    {
      g_autofree char *r = column_range (row, 1, n_base);
      g_string_append_printf (f, "SUM(%s)", r);
    }
  else
    g_string_append (f, "0");
  if (n_bonus > 0)
    {
      g_autofree char *r = column_range (row, 1 + n_base, n_base + n_bonus);
      g_string_append_printf (f, "+MIN(SUM(%s),%s)", r, g_ascii_formatd (cap, sizeof cap, "%g", bonus_cap));
    }
  if (n_deduction > 0)
    {
      g_autofree char *r = column_range (row, 1 + n_base + n_bonus, n_base + n_bonus + n_deduction);
      g_string_append_printf (f, "-MIN(SUM(%s),%s)", r, g_ascii_formatd (cap, sizeof cap, "%g", deduction_cap));
    }
  return g_string_free (f, FALSE);
}

gboolean
council_workbook_write_assessment_scores (CouncilWorkbookWriter *writer, GError **error)
{
  Assessment a = { 0 };
  lxw_worksheet *sheet = council_workbook_add_sheet (writer, &scores_name, error);
  lxw_format *score = workbook_add_format (writer->workbook);
  lxw_format *total = workbook_add_format (writer->workbook);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));  /* matrix column per sheet column */
  guint n_base = 0, n_bonus = 0, n_deduction = 0;
  gboolean ok = sheet != NULL;
  double org_width = 16;

  format_set_num_format (score, "0.##");
  format_set_num_format (total, "0.00");
  format_set_bold (total);
  if (ok)
    ok = council_workbook_setup_sheet (writer, sheet, scores_first_header, 1, error) &&
         load_assessment (writer, &a, error);
  if (ok && a.scheme == NULL)
    ok = write_no_scheme (writer, sheet, error);
  else if (ok)
    {
      CouncilAssessmentMatrix *m = a.matrix;
      g_autoptr(GPtrArray) scored = g_ptr_array_new ();
      const CouncilIndicatorKind order[] = { COUNCIL_INDICATOR_MANUAL, COUNCIL_INDICATOR_BONUS, COUNCIL_INDICATOR_DEDUCTION };
      lxw_col_t total_col;

      for (guint j = 0; j < a.indicators->len; j++)
        if (council_indicator_is_scored (g_ptr_array_index (a.indicators, j)))
          g_ptr_array_add (scored, g_ptr_array_index (a.indicators, j));
      /* Ordinary indicators (manual, rank-based, computed), then bonus, then deductions. */
      for (guint o = 0; o < G_N_ELEMENTS (order); o++)
        for (guint c = 0; c < m->n_indicators; c++)
          {
            CouncilIndicatorKind k = m->kinds[c];
            gboolean ordinary = k == COUNCIL_INDICATOR_MANUAL || k == COUNCIL_INDICATOR_RANK || k == COUNCIL_INDICATOR_COMPUTED;
            if ((order[o] == COUNCIL_INDICATOR_MANUAL && ordinary) || (order[o] != COUNCIL_INDICATOR_MANUAL && k == order[o]))
              {
                g_array_append_val (columns, c);
                n_base += ordinary;
                n_bonus += k == COUNCIL_INDICATOR_BONUS;
                n_deduction += k == COUNCIL_INDICATOR_DEDUCTION;
              }
          }
      total_col = (lxw_col_t) columns->len + 1;
      /* Indicator names wrap in a taller header row. */
      ok = council_workbook_check (writer, worksheet_set_row (sheet, 0, 48, writer->formats.header), error);

      for (guint s = 0; ok && s < columns->len; s++)
        {
          CouncilIndicator *ind = g_ptr_array_index (scored, g_array_index (columns, guint, s));
          const char *name = writer->options->chinese || ind->name_en[0] == '\0' ? ind->name_zh : ind->name_en;
          g_autofree char *header = NULL;

          if (ind->kind == COUNCIL_INDICATOR_BONUS)
            header = g_strconcat (council_workbook_text (writer, &bonus_prefix), name, NULL);
          else if (ind->kind == COUNCIL_INDICATOR_DEDUCTION)
            header = g_strconcat (council_workbook_text (writer, &deduction_prefix), name, NULL);
          else if (ind->weight != 1.0)
            header = g_strdup_printf ("%s (×%g)", name, ind->weight);
          else
            header = g_strdup (name);
          ok = council_workbook_write_text (writer, sheet, 0, (lxw_col_t) s + 1, header, writer->formats.header, error);
        }
      if (ok)
        ok = council_workbook_write_text (writer, sheet, 0, total_col, council_workbook_text (writer, &total_header),
                                          writer->formats.header, error);

      /* Row 1: the max score (or cap) of each column, so a reader sees the scale. */
      if (ok)
        ok = council_workbook_write_text (writer, sheet, 1, 0, council_workbook_text (writer, &max_row_label),
                                          writer->formats.header, error);
      for (guint s = 0; ok && s < columns->len; s++)
        {
          CouncilIndicator *ind = g_ptr_array_index (scored, g_array_index (columns, guint, s));
          ok = council_workbook_write_number (writer, sheet, 1, (lxw_col_t) s + 1,
                                             council_indicator_limit (ind) * (ind->kind == COUNCIL_INDICATOR_BONUS ||
                                                                              ind->kind == COUNCIL_INDICATOR_DEDUCTION ? 1 : ind->weight),
                                             score, error);
        }
      if (ok)
        ok = council_workbook_write_number (writer, sheet, 1, total_col, a.scheme->total_score, total, error);

      for (guint i = 0; ok && i < m->n_orgs; i++)
        {
          lxw_row_t row = (lxw_row_t) i + 2;
          g_autofree char *formula = total_formula (row, n_base, n_bonus, n_deduction,
                                                    a.scheme->bonus_cap, a.scheme->deduction_cap);

          org_width = MAX (org_width, council_workbook_text_width (org_name (writer, &a, i)) + 2);
          ok = council_workbook_write_text (writer, sheet, row, 0, org_name (writer, &a, i), writer->formats.text, error);
          for (guint s = 0; ok && s < columns->len; s++)
            {
              guint c = g_array_index (columns, guint, s);
              double v = council_assessment_matrix_get (m, i, c);
              gboolean ordinary = m->kinds[c] != COUNCIL_INDICATOR_BONUS && m->kinds[c] != COUNCIL_INDICATOR_DEDUCTION;

              if (isnan (v))
                continue;
              ok = council_workbook_write_number (writer, sheet, row, (lxw_col_t) s + 1,
                                                 ordinary ? v * m->weights[c] : v, score, error);
            }
          /* The cached result lets readers that do not recalculate show the total. */
          if (ok)
            ok = council_workbook_check (writer, worksheet_write_formula_num (sheet, row, total_col, formula, total,
                                                                               round (m->totals[i] * 100) / 100), error);
          council_workbook_progress (writer, (double) (i + 1) / m->n_orgs);
        }
      if (ok)
        {
          worksheet_freeze_panes (sheet, 2, 1);
          worksheet_set_column (sheet, 1, total_col, 12, NULL);
        }
    }
  if (ok)
    worksheet_set_column (sheet, 0, 0, MIN (org_width, 40), NULL);
  assessment_clear (&a);
  return ok;
}
