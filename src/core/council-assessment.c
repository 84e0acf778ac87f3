/* council-assessment.c: assessment records, their validation, and the
 * arithmetic of totals, ranks (并列) and grades.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-assessment"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "council-assessment.h"

/* ---- enums ---- */

static const char *kind_names[] = { "category", "manual", "rank", "bonus", "deduction", "computed" };
static const char *source_names[] = { "", "projects_on_time", "actions_on_time", "attendance_rate" };
static const char *applies_names[] = { "all", "hub", "other", "list" };
static const char *period_names[] = { "year", "h1", "h2", "q1", "q2", "q3", "q4" };

static gboolean
lookup (const char *const *names, guint n, const char *text, int *out)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i], text) == 0)
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

const char *
council_indicator_kind_to_string (CouncilIndicatorKind kind)
{
  g_return_val_if_fail (kind < COUNCIL_INDICATOR_N_KINDS, "manual");
  return kind_names[kind];
}

gboolean
council_indicator_kind_from_string (const char *text, CouncilIndicatorKind *out)
{
  int v;
  if (!lookup (kind_names, G_N_ELEMENTS (kind_names), text, &v))
    return FALSE;
  *out = (CouncilIndicatorKind) v;
  return TRUE;
}

const char *
council_indicator_kind_label (CouncilIndicatorKind kind)
{
  switch (kind)
    {
    case COUNCIL_INDICATOR_CATEGORY: return _("Category");
    case COUNCIL_INDICATOR_MANUAL: return _("Manual");
    case COUNCIL_INDICATOR_RANK: return _("Rank-based");
    case COUNCIL_INDICATOR_BONUS: return _("Bonus");
    case COUNCIL_INDICATOR_DEDUCTION: return _("Deduction");
    case COUNCIL_INDICATOR_COMPUTED: return _("Computed");
    case COUNCIL_INDICATOR_N_KINDS:
    default: return "";
    }
}

const char *
council_computed_source_to_string (CouncilComputedSource source)
{
  g_return_val_if_fail (source < COUNCIL_COMPUTED_N_SOURCES, "");
  return source_names[source];
}

gboolean
council_computed_source_from_string (const char *text, CouncilComputedSource *out)
{
  int v;
  if (text == NULL || *text == '\0')
    {
      *out = COUNCIL_COMPUTED_NONE;
      return TRUE;
    }
  if (!lookup (source_names, G_N_ELEMENTS (source_names), text, &v))
    return FALSE;
  *out = (CouncilComputedSource) v;
  return TRUE;
}

const char *
council_computed_source_label (CouncilComputedSource source)
{
  switch (source)
    {
    case COUNCIL_COMPUTED_PROJECTS_ON_TIME: return _("Projects completed on time");
    case COUNCIL_COMPUTED_ACTIONS_ON_TIME: return _("Action items done by their due date");
    case COUNCIL_COMPUTED_ATTENDANCE_RATE: return _("Meeting attendance rate");
    case COUNCIL_COMPUTED_NONE:
    case COUNCIL_COMPUTED_N_SOURCES:
    default: return "";
    }
}

const char *
council_applies_to_to_string (CouncilAppliesTo applies)
{
  g_return_val_if_fail (applies < COUNCIL_APPLIES_TO_N, "all");
  return applies_names[applies];
}

gboolean
council_applies_to_from_string (const char *text, CouncilAppliesTo *out)
{
  int v;
  if (!lookup (applies_names, G_N_ELEMENTS (applies_names), text, &v))
    return FALSE;
  *out = (CouncilAppliesTo) v;
  return TRUE;
}

const char *
council_applies_to_label (CouncilAppliesTo applies)
{
  switch (applies)
    {
    case COUNCIL_APPLIES_TO_ALL: return _("All member organizations");
    case COUNCIL_APPLIES_TO_HUB: return _("Hub organizations only");
    case COUNCIL_APPLIES_TO_OTHER: return _("Other organizations only");
    case COUNCIL_APPLIES_TO_LIST: return _("A chosen list");
    case COUNCIL_APPLIES_TO_N:
    default: return "";
    }
}

const char *
council_period_to_string (CouncilPeriod period)
{
  g_return_val_if_fail (period < COUNCIL_PERIOD_N, "year");
  return period_names[period];
}

gboolean
council_period_from_string (const char *text, CouncilPeriod *out)
{
  int v;
  if (!lookup (period_names, G_N_ELEMENTS (period_names), text, &v))
    return FALSE;
  *out = (CouncilPeriod) v;
  return TRUE;
}

const char *
council_period_label (CouncilPeriod period)
{
  switch (period)
    {
    case COUNCIL_PERIOD_YEAR: return _("Whole year");
    case COUNCIL_PERIOD_H1: return _("First half");
    case COUNCIL_PERIOD_H2: return _("Second half");
    case COUNCIL_PERIOD_Q1: return _("First quarter");
    case COUNCIL_PERIOD_Q2: return _("Second quarter");
    case COUNCIL_PERIOD_Q3: return _("Third quarter");
    case COUNCIL_PERIOD_Q4: return _("Fourth quarter");
    case COUNCIL_PERIOD_N:
    default: return "";
    }
}

/* ---- bands ---- */

CouncilGradeBand *
council_grade_band_new (const char *name_zh, const char *name_en, double min_score)
{
  CouncilGradeBand *band = g_new0 (CouncilGradeBand, 1);

  band->name_zh = g_strdup (name_zh ? name_zh : "");
  band->name_en = g_strdup (name_en ? name_en : "");
  band->min_score = min_score;
  return band;
}

void
council_grade_band_free (CouncilGradeBand *band)
{
  if (band == NULL)
    return;
  g_free (band->name_zh);
  g_free (band->name_en);
  g_free (band);
}

const char *
council_grade_band_label (const CouncilGradeBand *band)
{
  if (!council_ui_prefers_chinese () && band->name_en[0] != '\0')
    return band->name_en;
  return band->name_zh;
}

/* ---- scheme ---- */

CouncilAssessmentScheme *
council_assessment_scheme_new (int year)
{
  CouncilAssessmentScheme *scheme = g_new0 (CouncilAssessmentScheme, 1);

  scheme->year = year;
  scheme->period = COUNCIL_PERIOD_YEAR;
  scheme->title = g_strdup_printf (_("%d target-management assessment"), year);
  scheme->total_score = 100;
  scheme->bonus_cap = 5;
  scheme->deduction_cap = 10;
  scheme->applies_to = COUNCIL_APPLIES_TO_ALL;
  scheme->org_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  scheme->bands = g_ptr_array_new_with_free_func ((GDestroyNotify) council_grade_band_free);
  g_ptr_array_add (scheme->bands, council_grade_band_new ("优秀", "Excellent", 90));
  g_ptr_array_add (scheme->bands, council_grade_band_new ("良好", "Good", 80));
  g_ptr_array_add (scheme->bands, council_grade_band_new ("合格", "Pass", 60));
  g_ptr_array_add (scheme->bands, council_grade_band_new ("不合格", "Fail", 0));
  scheme->finalized_at = g_strdup ("");
  return scheme;
}

void
council_assessment_scheme_free (CouncilAssessmentScheme *scheme)
{
  if (scheme == NULL)
    return;
  g_free (scheme->title);
  g_free (scheme->finalized_at);
  g_array_unref (scheme->org_ids);
  g_ptr_array_unref (scheme->bands);
  g_free (scheme);
}

CouncilAssessmentScheme *
council_assessment_scheme_copy (const CouncilAssessmentScheme *scheme)
{
  CouncilAssessmentScheme *copy = g_new0 (CouncilAssessmentScheme, 1);

  *copy = *scheme;
  copy->title = g_strdup (scheme->title);
  copy->finalized_at = g_strdup (scheme->finalized_at);
  copy->org_ids = g_array_copy (scheme->org_ids);
  copy->bands = g_ptr_array_new_with_free_func ((GDestroyNotify) council_grade_band_free);
  for (guint i = 0; i < scheme->bands->len; i++)
    {
      const CouncilGradeBand *b = g_ptr_array_index (scheme->bands, i);
      g_ptr_array_add (copy->bands, council_grade_band_new (b->name_zh, b->name_en, b->min_score));
    }
  return copy;
}

static gboolean
invalid (GError **error, CouncilAssessmentField field, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError **error, CouncilAssessmentField field, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (COUNCIL_VALIDATION_ERROR, field, format, args);
  va_end (args);
  return FALSE;
}

gboolean
council_assessment_scheme_validate (const CouncilAssessmentScheme *scheme, GError **error)
{
  g_autofree char *title = g_strstrip (g_strdup (scheme->title ? scheme->title : ""));

  if (*title == '\0')
    return invalid (error, COUNCIL_ASSESSMENT_FIELD_TITLE, _("The scheme needs a title."));
  if (scheme->year < 2000 || scheme->year > 2100)
    return invalid (error, COUNCIL_ASSESSMENT_FIELD_YEAR,
                    _("The year %d is not a year between 2000 and 2100."), scheme->year);
  if (!(scheme->total_score > 0))
    return invalid (error, COUNCIL_ASSESSMENT_FIELD_TOTAL, _("The total score must be more than 0."));
  if (!(scheme->bonus_cap >= 0) || !(scheme->deduction_cap >= 0))
    return invalid (error, COUNCIL_ASSESSMENT_FIELD_CAPS,
                    _("The caps of bonus and deduction items cannot be negative."));
  if (scheme->applies_to == COUNCIL_APPLIES_TO_LIST && scheme->org_ids->len == 0)
    return invalid (error, COUNCIL_ASSESSMENT_FIELD_ORGANIZATIONS,
                    _("Choose at least one organization for the scheme to apply to."));
  if (scheme->bands->len == 0)
    return invalid (error, COUNCIL_ASSESSMENT_FIELD_BANDS, _("The scheme needs at least one grade band."));

  for (guint i = 0; i < scheme->bands->len; i++)
    {
      const CouncilGradeBand *band = g_ptr_array_index (scheme->bands, i);
      g_autofree char *name = g_strstrip (g_strdup (band->name_zh));

      if (*name == '\0')
        return invalid (error, COUNCIL_ASSESSMENT_FIELD_BANDS,
                        _("Grade band %u needs a Chinese name."), i + 1);
      if (!(band->min_score >= 0) || band->min_score > scheme->total_score)
        return invalid (error, COUNCIL_ASSESSMENT_FIELD_BANDS,
                        _("The lowest score of “%s” must be between 0 and the total score %g."),
                        band->name_zh, scheme->total_score);
      if (i > 0)
        {
          const CouncilGradeBand *above = g_ptr_array_index (scheme->bands, i - 1);
          if (!(band->min_score < above->min_score))
            return invalid (error, COUNCIL_ASSESSMENT_FIELD_BANDS,
                            _("Grade bands must be ordered from the highest: “%s” (from %g) must start below “%s” (from %g)."),
                            band->name_zh, band->min_score, above->name_zh, above->min_score);
        }
    }
  return TRUE;
}

int
council_assessment_scheme_grade (const CouncilAssessmentScheme *scheme, double total)
{
  for (guint i = 0; i < scheme->bands->len; i++)
    {
      const CouncilGradeBand *band = g_ptr_array_index (scheme->bands, i);
      if (total + 1e-9 >= band->min_score)
        return (int) i;
    }
  return scheme->bands->len > 0 ? (int) scheme->bands->len - 1 : -1;
}

const char *
council_assessment_scheme_grade_label (const CouncilAssessmentScheme *scheme, double total)
{
  int i = council_assessment_scheme_grade (scheme, total);
  return i < 0 ? "" : council_grade_band_label (g_ptr_array_index (scheme->bands, i));
}

/* ---- indicator ---- */

CouncilIndicator *
council_indicator_new (CouncilIndicatorKind kind, const char *name_zh, double max_score)
{
  CouncilIndicator *ind = g_new0 (CouncilIndicator, 1);

  ind->kind = kind;
  ind->name_zh = g_strdup (name_zh ? name_zh : "");
  ind->name_en = g_strdup ("");
  ind->guide = g_strdup ("");
  ind->max_score = max_score;
  ind->weight = 1.0;
  if (kind == COUNCIL_INDICATOR_BONUS || kind == COUNCIL_INDICATOR_DEDUCTION)
    ind->cap = max_score;
  ind->rank_points = g_array_new (FALSE, FALSE, sizeof (double));
  return ind;
}

void
council_indicator_free (CouncilIndicator *ind)
{
  if (ind == NULL)
    return;
  g_free (ind->name_zh);
  g_free (ind->name_en);
  g_free (ind->guide);
  g_array_unref (ind->rank_points);
  g_free (ind);
}

CouncilIndicator *
council_indicator_copy (const CouncilIndicator *ind)
{
  CouncilIndicator *copy = g_new0 (CouncilIndicator, 1);

  *copy = *ind;
  copy->name_zh = g_strdup (ind->name_zh);
  copy->name_en = g_strdup (ind->name_en);
  copy->guide = g_strdup (ind->guide);
  copy->rank_points = g_array_copy (ind->rank_points);
  return copy;
}

const char *
council_indicator_label (const CouncilIndicator *ind)
{
  if (!council_ui_prefers_chinese () && ind->name_en[0] != '\0')
    return ind->name_en;
  return ind->name_zh;
}

gboolean
council_indicator_is_scored (const CouncilIndicator *ind)
{
  return ind->kind != COUNCIL_INDICATOR_CATEGORY;
}

double
council_indicator_limit (const CouncilIndicator *ind)
{
  if (ind->kind == COUNCIL_INDICATOR_BONUS || ind->kind == COUNCIL_INDICATOR_DEDUCTION)
    return ind->cap;
  return ind->max_score;
}

gboolean
council_indicator_equal (const CouncilIndicator *a, const CouncilIndicator *b)
{
  if (a->id != b->id || a->parent_id != b->parent_id || a->kind != b->kind ||
      a->source != b->source || a->max_score != b->max_score || a->weight != b->weight || a->cap != b->cap ||
      g_strcmp0 (a->name_zh, b->name_zh) != 0 || g_strcmp0 (a->name_en, b->name_en) != 0 ||
      g_strcmp0 (a->guide, b->guide) != 0)
    return FALSE;
  if ((a->rank_points ? a->rank_points->len : 0) != (b->rank_points ? b->rank_points->len : 0))
    return FALSE;
  for (guint r = 0; a->rank_points != NULL && r < a->rank_points->len; r++)
    if (g_array_index (a->rank_points, double, r) != g_array_index (b->rank_points, double, r))
      return FALSE;
  return TRUE;
}

gboolean
council_indicator_validate (const CouncilIndicator *ind, GError **error)
{
  g_autofree char *name = g_strstrip (g_strdup (ind->name_zh));

  if (*name == '\0')
    return invalid (error, COUNCIL_ASSESSMENT_FIELD_INDICATOR_NAME, _("The indicator needs a Chinese name."));
  if (!(ind->weight > 0))
    return invalid (error, COUNCIL_ASSESSMENT_FIELD_WEIGHT,
                    _("The weight of “%s” must be more than 0."), ind->name_zh);
  if (!(ind->max_score >= 0))
    return invalid (error, COUNCIL_ASSESSMENT_FIELD_MAX_SCORE,
                    _("The max score of “%s” cannot be negative."), ind->name_zh);
  if ((ind->kind == COUNCIL_INDICATOR_BONUS || ind->kind == COUNCIL_INDICATOR_DEDUCTION) && !(ind->cap > 0))
    return invalid (error, COUNCIL_ASSESSMENT_FIELD_CAP,
                    _("The bonus or deduction item “%s” needs a cap above 0."), ind->name_zh);
  if (ind->kind == COUNCIL_INDICATOR_COMPUTED && ind->source == COUNCIL_COMPUTED_NONE)
    return invalid (error, COUNCIL_ASSESSMENT_FIELD_INDICATOR_NAME,
                    _("Choose what the computed indicator “%s” is computed from."), ind->name_zh);
  if (ind->kind == COUNCIL_INDICATOR_RANK)
    {
      if (ind->rank_points->len == 0)
        return invalid (error, COUNCIL_ASSESSMENT_FIELD_RANK_POINTS,
                        _("The rank-based indicator “%s” needs points for at least the first rank."), ind->name_zh);
      for (guint i = 0; i < ind->rank_points->len; i++)
        {
          double p = g_array_index (ind->rank_points, double, i);
          if (!(p >= 0) || p > ind->max_score + 1e-9)
            return invalid (error, COUNCIL_ASSESSMENT_FIELD_RANK_POINTS,
                            _("The points of rank %u of “%s” must be between 0 and its max score %g."),
                            i + 1, ind->name_zh, ind->max_score);
          if (i > 0 && p > g_array_index (ind->rank_points, double, i - 1))
            return invalid (error, COUNCIL_ASSESSMENT_FIELD_RANK_POINTS,
                            _("Rank %u of “%s” cannot get more points than rank %u."), i + 1, ind->name_zh, i);
        }
    }
  return TRUE;
}

gboolean
council_indicator_check_score (const CouncilIndicator *ind, double value, GError **error)
{
  double limit = council_indicator_limit (ind);

  if (ind->kind == COUNCIL_INDICATOR_CATEGORY)
    return invalid (error, COUNCIL_ASSESSMENT_FIELD_SCORE,
                    _("“%s” is a category; score the indicators under it."), ind->name_zh);
  if (isnan (value) || value < 0 || value > limit + 1e-9)
    {
      g_autofree char *shown = council_assessment_format_score (limit);
      if (ind->kind == COUNCIL_INDICATOR_BONUS)
        return invalid (error, COUNCIL_ASSESSMENT_FIELD_SCORE,
                        _("The bonus for “%s” must be between 0 and its cap %s."), council_indicator_label (ind), shown);
      if (ind->kind == COUNCIL_INDICATOR_DEDUCTION)
        return invalid (error, COUNCIL_ASSESSMENT_FIELD_SCORE,
                        _("The deduction for “%s” must be between 0 and its cap %s."), council_indicator_label (ind), shown);
      return invalid (error, COUNCIL_ASSESSMENT_FIELD_SCORE,
                      _("The score for “%s” must be between 0 and %s."), council_indicator_label (ind), shown);
    }
  return TRUE;
}

gboolean
council_assessment_parse_score (const char *text, double *out, GError **error)
{
  g_autoptr(GString) ascii = g_string_new (NULL);
  char *end = NULL;
  double value;

  /* Full-width digits and points come from Chinese input methods. */
  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0xFF10 && c <= 0xFF19)
        g_string_append_c (ascii, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0E || c == 0x3002)
        g_string_append_c (ascii, '.');
      else if (c == 0xFF0D)
        g_string_append_c (ascii, '-');
      else if (!g_unichar_isspace (c))
        g_string_append_unichar (ascii, c);
    }
  if (ascii->len == 0)
    return invalid (error, COUNCIL_ASSESSMENT_FIELD_SCORE, _("Type a score, such as 8 or 8.5."));
  value = g_ascii_strtod (ascii->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return invalid (error, COUNCIL_ASSESSMENT_FIELD_SCORE,
                    _("“%s” is not a score; type a number such as 8 or 8.5."), text);
  *out = value;
  return TRUE;
}

double
council_assessment_sum_of_max (GPtrArray *indicators)
{
  double sum = 0;

  for (guint i = 0; i < indicators->len; i++)
    {
      const CouncilIndicator *ind = g_ptr_array_index (indicators, i);
      if (ind->kind == COUNCIL_INDICATOR_MANUAL || ind->kind == COUNCIL_INDICATOR_RANK ||
          ind->kind == COUNCIL_INDICATOR_COMPUTED)
        sum += ind->max_score * ind->weight;
    }
  return sum;
}

/* ---- ranking ---- */

gboolean
council_assessment_totals_tie (double a, double b)
{
  return llround (a * 100.0) == llround (b * 100.0);
}

typedef struct
{
  const double *keys;
} SortData;

static int
compare_desc (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const SortData *data = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  long long ka = llround (data->keys[ia] * 100.0), kb = llround (data->keys[ib] * 100.0);

  if (ka != kb)
    return ka > kb ? -1 : 1;
  return ia < ib ? -1 : (ia > ib);
}

/* Sorts idx (n entries) by keys descending and fills ranks: equal keys share
 * a rank, the next rank is skipped (1, 1, 3). */
static void
rank_indexes (const double *keys, guint *idx, guint n, guint *ranks)
{
  SortData data = { keys };

  g_qsort_with_data (idx, (gint) n, sizeof (guint), compare_desc, &data);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && council_assessment_totals_tie (keys[idx[i]], keys[idx[i - 1]]))
        ranks[idx[i]] = ranks[idx[i - 1]];
      else
        ranks[idx[i]] = i + 1;
    }
}

void
council_assessment_rank_points (const double *measured, const gboolean *has_value, guint n,
                                const GArray *points_table, double *points, guint *ranks)
{
  g_autofree guint *idx = g_new (guint, n);
  guint m = 0;

  for (guint i = 0; i < n; i++)
    {
      points[i] = NAN;
      if (ranks != NULL)
        ranks[i] = 0;
      if (has_value[i])
        idx[m++] = i;
    }
  {
    g_autofree guint *r = g_new0 (guint, n);
    rank_indexes (measured, idx, m, r);
    for (guint k = 0; k < m; k++)
      {
        guint i = idx[k];
        points[i] = r[i] <= points_table->len ? g_array_index (points_table, double, r[i] - 1) : 0.0;
        if (ranks != NULL)
          ranks[i] = r[i];
      }
  }
}

/* ---- matrix ---- */

CouncilAssessmentMatrix *
council_assessment_matrix_new (guint n_orgs, guint n_indicators)
{
  CouncilAssessmentMatrix *m = g_new0 (CouncilAssessmentMatrix, 1);

  m->n_orgs = n_orgs;
  m->n_indicators = n_indicators;
  m->org_ids = g_new0 (gint64, MAX (n_orgs, 1));
  m->indicator_ids = g_new0 (gint64, MAX (n_indicators, 1));
  m->kinds = g_new0 (CouncilIndicatorKind, MAX (n_indicators, 1));
  m->weights = g_new0 (double, MAX (n_indicators, 1));
  for (guint j = 0; j < n_indicators; j++)
    {
      m->kinds[j] = COUNCIL_INDICATOR_MANUAL;
      m->weights[j] = 1.0;
    }
  m->values = g_new (double, MAX ((gsize) n_orgs * n_indicators, 1));
  for (gsize k = 0; k < (gsize) n_orgs * n_indicators; k++)
    m->values[k] = NAN;
  m->base = g_new0 (double, MAX (n_orgs, 1));
  m->bonus = g_new0 (double, MAX (n_orgs, 1));
  m->deduction = g_new0 (double, MAX (n_orgs, 1));
  m->totals = g_new0 (double, MAX (n_orgs, 1));
  m->ranks = g_new0 (guint, MAX (n_orgs, 1));
  m->scored = g_new0 (guint, MAX (n_orgs, 1));
  m->order = g_new0 (guint, MAX (n_orgs, 1));
  m->bonus_cap = G_MAXDOUBLE;
  m->deduction_cap = G_MAXDOUBLE;
  return m;
}

void
council_assessment_matrix_free (CouncilAssessmentMatrix *m)
{
  if (m == NULL)
    return;
  g_free (m->org_ids);
  g_free (m->indicator_ids);
  g_free (m->kinds);
  g_free (m->weights);
  g_free (m->values);
  g_free (m->base);
  g_free (m->bonus);
  g_free (m->deduction);
  g_free (m->totals);
  g_free (m->ranks);
  g_free (m->scored);
  g_free (m->order);
  g_free (m);
}

double
council_assessment_matrix_get (CouncilAssessmentMatrix *m, guint org, guint indicator)
{
  g_return_val_if_fail (org < m->n_orgs && indicator < m->n_indicators, NAN);
  return m->values[(gsize) org * m->n_indicators + indicator];
}

static void
total_row (CouncilAssessmentMatrix *m, guint org)
{
  const double *row = m->values + (gsize) org * m->n_indicators;
  double base = 0, bonus = 0, deduction = 0;
  guint scored = 0;

  for (guint j = 0; j < m->n_indicators; j++)
    {
      if (isnan (row[j]))
        continue;
      scored++;
      switch (m->kinds[j])
        {
        case COUNCIL_INDICATOR_BONUS: bonus += row[j]; break;
        case COUNCIL_INDICATOR_DEDUCTION: deduction += row[j]; break;
        case COUNCIL_INDICATOR_CATEGORY: break;
        case COUNCIL_INDICATOR_MANUAL:
        case COUNCIL_INDICATOR_RANK:
        case COUNCIL_INDICATOR_COMPUTED:
        case COUNCIL_INDICATOR_N_KINDS:
        default: base += row[j] * m->weights[j]; break;
        }
    }
  m->base[org] = base;
  m->bonus[org] = MIN (bonus, m->bonus_cap);
  m->deduction[org] = MIN (deduction, m->deduction_cap);
  m->totals[org] = base + m->bonus[org] - m->deduction[org];
  m->scored[org] = scored;
}

static void
rank_all (CouncilAssessmentMatrix *m)
{
  for (guint i = 0; i < m->n_orgs; i++)
    m->order[i] = i;
  rank_indexes (m->totals, m->order, m->n_orgs, m->ranks);
}

void
council_assessment_matrix_set (CouncilAssessmentMatrix *m, guint org, guint indicator, double value)
{
  g_return_if_fail (org < m->n_orgs && indicator < m->n_indicators);
  m->values[(gsize) org * m->n_indicators + indicator] = value;
  total_row (m, org);
  rank_all (m);
}

void
council_assessment_matrix_recompute (CouncilAssessmentMatrix *m)
{
  for (guint i = 0; i < m->n_orgs; i++)
    total_row (m, i);
  rank_all (m);
}

int
council_assessment_matrix_find_org (CouncilAssessmentMatrix *m, gint64 org_id)
{
  for (guint i = 0; i < m->n_orgs; i++)
    if (m->org_ids[i] == org_id)
      return (int) i;
  return -1;
}

int
council_assessment_matrix_find_indicator (CouncilAssessmentMatrix *m, gint64 indicator_id)
{
  for (guint j = 0; j < m->n_indicators; j++)
    if (m->indicator_ids[j] == indicator_id)
      return (int) j;
  return -1;
}

char *
council_assessment_format_score (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *s;

  if (isnan (value))
    return g_strdup ("");
  g_ascii_formatd (buf, sizeof buf, "%.2f", round (value * 100.0) / 100.0);
  /* 87.50 -> 87.5, 90.00 -> 90 */
  s = buf + strlen (buf) - 1;
  while (s > buf && *s == '0')
    *s-- = '\0';
  if (*s == '.')
    *s = '\0';
  if (strcmp (buf, "-0") == 0)
    return g_strdup ("0");
  return g_strdup (buf);
}

gboolean
council_assessment_matrix_org_complete (const CouncilAssessmentMatrix *m, guint org, guint *scored, guint *of)
{
  guint ordinary = 0, ordinary_scored = 0;

  for (guint c = 0; c < m->n_indicators; c++)
    if (m->kinds[c] != COUNCIL_INDICATOR_BONUS && m->kinds[c] != COUNCIL_INDICATOR_DEDUCTION)
      {
        ordinary++;
        ordinary_scored += !isnan (m->values[(gsize) org * m->n_indicators + c]);
      }
  if (scored != NULL)
    *scored = ordinary_scored;
  if (of != NULL)
    *of = ordinary;
  return ordinary_scored == ordinary && ordinary > 0;
}
