/* council-assessment.h: target-management assessment (目标管理考核) — schemes,
 * indicators, grade bands, and the arithmetic of totals, ranks and grades.
 *
 * The records are plain structs: a scheme has a few dozen indicators and two
 * dozen organizations, and the scoring grid recomputes them on every edit.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "council-organization.h"

G_BEGIN_DECLS

/* Codes of COUNCIL_VALIDATION_ERROR for assessment records: the field at fault. */
typedef enum
{
  COUNCIL_ASSESSMENT_FIELD_NONE = 100,
  COUNCIL_ASSESSMENT_FIELD_TITLE,
  COUNCIL_ASSESSMENT_FIELD_YEAR,
  COUNCIL_ASSESSMENT_FIELD_TOTAL,
  COUNCIL_ASSESSMENT_FIELD_CAPS,
  COUNCIL_ASSESSMENT_FIELD_BANDS,
  COUNCIL_ASSESSMENT_FIELD_ORGANIZATIONS,
  COUNCIL_ASSESSMENT_FIELD_INDICATOR_NAME,
  COUNCIL_ASSESSMENT_FIELD_MAX_SCORE,
  COUNCIL_ASSESSMENT_FIELD_WEIGHT,
  COUNCIL_ASSESSMENT_FIELD_CAP,
  COUNCIL_ASSESSMENT_FIELD_RANK_POINTS,
  COUNCIL_ASSESSMENT_FIELD_SCORE,
} CouncilAssessmentField;

typedef enum
{
  COUNCIL_INDICATOR_CATEGORY,
  COUNCIL_INDICATOR_MANUAL,
  COUNCIL_INDICATOR_RANK,
  COUNCIL_INDICATOR_BONUS,
  COUNCIL_INDICATOR_DEDUCTION,
  COUNCIL_INDICATOR_COMPUTED,
  COUNCIL_INDICATOR_N_KINDS
} CouncilIndicatorKind;

typedef enum
{
  COUNCIL_COMPUTED_NONE,
  COUNCIL_COMPUTED_PROJECTS_ON_TIME,
  COUNCIL_COMPUTED_ACTIONS_ON_TIME,
  COUNCIL_COMPUTED_ATTENDANCE_RATE,
  COUNCIL_COMPUTED_N_SOURCES
} CouncilComputedSource;

typedef enum
{
  COUNCIL_APPLIES_TO_ALL,
  COUNCIL_APPLIES_TO_HUB,
  COUNCIL_APPLIES_TO_OTHER,
  COUNCIL_APPLIES_TO_LIST,
  COUNCIL_APPLIES_TO_N
} CouncilAppliesTo;

typedef enum
{
  COUNCIL_PERIOD_YEAR,
  COUNCIL_PERIOD_H1,
  COUNCIL_PERIOD_H2,
  COUNCIL_PERIOD_Q1,
  COUNCIL_PERIOD_Q2,
  COUNCIL_PERIOD_Q3,
  COUNCIL_PERIOD_Q4,
  COUNCIL_PERIOD_N
} CouncilPeriod;

const char *council_indicator_kind_to_string   (CouncilIndicatorKind kind);
gboolean    council_indicator_kind_from_string (const char *text, CouncilIndicatorKind *out);
const char *council_indicator_kind_label       (CouncilIndicatorKind kind);
const char *council_computed_source_to_string  (CouncilComputedSource source);
gboolean    council_computed_source_from_string (const char *text, CouncilComputedSource *out);
const char *council_computed_source_label      (CouncilComputedSource source);
const char *council_applies_to_to_string       (CouncilAppliesTo applies);
gboolean    council_applies_to_from_string     (const char *text, CouncilAppliesTo *out);
const char *council_applies_to_label           (CouncilAppliesTo applies);
const char *council_period_to_string           (CouncilPeriod period);
gboolean    council_period_from_string         (const char *text, CouncilPeriod *out);
const char *council_period_label               (CouncilPeriod period);

/* ---- grade bands ---- */

typedef struct
{
  char   *name_zh;
  char   *name_en;
  double  min_score;    /* a total at or above this (and below the band above) */
} CouncilGradeBand;

CouncilGradeBand *council_grade_band_new   (const char *name_zh, const char *name_en, double min_score);
void              council_grade_band_free  (CouncilGradeBand *band);
/* The name in the interface language. */
const char       *council_grade_band_label (const CouncilGradeBand *band);

/* ---- scheme ---- */

typedef struct
{
  gint64            id;
  int               year;
  CouncilPeriod     period;
  char             *title;
  double            total_score;     /* the sum the scored indicators' max scores must reach */
  double            bonus_cap;       /* per organization, over all its bonus items */
  double            deduction_cap;   /* per organization, over all its deduction items */
  CouncilAppliesTo  applies_to;
  GArray           *org_ids;         /* gint64, for COUNCIL_APPLIES_TO_LIST */
  GPtrArray        *bands;           /* CouncilGradeBand*, highest first */
  gboolean          finalized;
  char             *finalized_at;
  gint64            version;
} CouncilAssessmentScheme;

/* A new scheme with the usual bands 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格. */
CouncilAssessmentScheme *council_assessment_scheme_new  (int year);
void                     council_assessment_scheme_free (CouncilAssessmentScheme *scheme);
CouncilAssessmentScheme *council_assessment_scheme_copy (const CouncilAssessmentScheme *scheme);
/* Title, year, total, caps, organizations and bands (ordered, distinct, named). */
gboolean council_assessment_scheme_validate (const CouncilAssessmentScheme *scheme, GError **error);
/* The index of the band of total in scheme->bands, or -1 when there are none. */
int      council_assessment_scheme_grade    (const CouncilAssessmentScheme *scheme, double total);
const char *council_assessment_scheme_grade_label (const CouncilAssessmentScheme *scheme, double total);

/* ---- indicator ---- */

typedef struct
{
  gint64                 id;
  gint64                 parent_id;     /* 0 for a category */
  int                    position;
  char                  *name_zh;
  char                  *name_en;
  double                 max_score;
  double                 weight;        /* its score counts weight times */
  char                  *guide;         /* 评分标准 */
  CouncilIndicatorKind   kind;
  CouncilComputedSource  source;
  double                 cap;           /* bonus / deduction: the most per organization */
  GArray                *rank_points;   /* double; [0] = points of rank 1 */
} CouncilIndicator;

CouncilIndicator *council_indicator_new      (CouncilIndicatorKind kind, const char *name_zh, double max_score);
void              council_indicator_free     (CouncilIndicator *indicator);
CouncilIndicator *council_indicator_copy     (const CouncilIndicator *indicator);
const char       *council_indicator_label    (const CouncilIndicator *indicator);
gboolean          council_indicator_is_scored (const CouncilIndicator *indicator);  /* not a category */
/* The most one organization gets on it: max score, or the cap of bonus and deduction items. */
double            council_indicator_limit    (const CouncilIndicator *indicator);
/* Every stored field equal, the rank-points table too; the position among
 * siblings aside (moving is not editing). */
gboolean          council_indicator_equal    (const CouncilIndicator *a, const CouncilIndicator *b);
gboolean          council_indicator_validate (const CouncilIndicator *indicator, GError **error);
/* Checks one score of this indicator: a number within 0..limit. */
gboolean          council_indicator_check_score (const CouncilIndicator *indicator, double value, GError **error);
/* Reads a score typed by a person ("8", "8.5", "８．５"); FALSE with a message otherwise. */
gboolean          council_assessment_parse_score (const char *text, double *out, GError **error);
/* Sum over the scored non-bonus, non-deduction indicators of max score × weight. */
double            council_assessment_sum_of_max (GPtrArray *indicators);

/* Points by rank for measured values (higher is better): equal values share a
 * rank and its points, the next rank is skipped; ranks past the table get 0.
 * has_value[i] FALSE leaves that organization out (points[i] = NAN). */
void council_assessment_rank_points (const double   *measured,
                                     const gboolean *has_value,
                                     guint           n,
                                     const GArray   *points_table,
                                     double         *points,
                                     guint          *ranks);

/* ---- the matrix of scores, totals and ranks ---- */

typedef struct
{
  guint                  n_orgs;
  guint                  n_indicators;
  gint64                *org_ids;
  gint64                *indicator_ids;
  CouncilIndicatorKind  *kinds;
  double                *weights;
  double                 bonus_cap;
  double                 deduction_cap;
  double                *values;        /* n_orgs × n_indicators, NAN = not scored */
  double                *base;          /* per org: weighted sum of the ordinary indicators */
  double                *bonus;         /* per org, capped */
  double                *deduction;     /* per org, capped */
  double                *totals;
  guint                 *ranks;         /* 1-based, 并列 share, next skipped */
  guint                 *scored;        /* per org: how many cells hold a score */
  guint                 *order;         /* org indexes by rank */
} CouncilAssessmentMatrix;

CouncilAssessmentMatrix *council_assessment_matrix_new (guint n_orgs, guint n_indicators);
void     council_assessment_matrix_free      (CouncilAssessmentMatrix *matrix);
double   council_assessment_matrix_get       (CouncilAssessmentMatrix *matrix, guint org, guint indicator);
/* Sets one cell (NAN clears it) and brings the organization's total and all ranks up to date. */
void     council_assessment_matrix_set       (CouncilAssessmentMatrix *matrix, guint org, guint indicator, double value);
/* Recomputes every total and rank. */
void     council_assessment_matrix_recompute (CouncilAssessmentMatrix *matrix);
int      council_assessment_matrix_find_org  (CouncilAssessmentMatrix *matrix, gint64 org_id);
int      council_assessment_matrix_find_indicator (CouncilAssessmentMatrix *matrix, gint64 indicator_id);
/* A grade is given once every ordinary indicator of the organization is scored
 * (bonus and deduction items are often empty); until then it is "scored of
 * ordinary". The Assessment view, the Overview and the Ranking sheet share it. */
gboolean council_assessment_matrix_org_complete (const CouncilAssessmentMatrix *matrix, guint org,
                                                 guint *scored, guint *of);
/* Whether two totals are equal for ranking (to the hundredth). */
gboolean council_assessment_totals_tie       (double a, double b);
/* "87.5", "90": scores shown with at most two decimals. */
char    *council_assessment_format_score     (double value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CouncilGradeBand, council_grade_band_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CouncilAssessmentScheme, council_assessment_scheme_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CouncilIndicator, council_indicator_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CouncilAssessmentMatrix, council_assessment_matrix_free)

G_END_DECLS
