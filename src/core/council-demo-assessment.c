/* council-demo-assessment.c: the sample council's assessment — last year's
 * scheme scored for every organization and finalized, this year's copied from
 * it and partly scored. Deterministic.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "council-demo.h"
#include "council-store-assessment.h"
#include "council-store-documents.h"

typedef struct
{
  const char            *name_zh;
  const char            *name_en;
  CouncilIndicatorKind   kind;
  double                 max_score;   /* cap for bonus and deduction */
  CouncilComputedSource  source;
  const char            *guide;
} DemoIndicator;

/* NULL kind 0 rows are categories. Max scores add up to 100. */
static const DemoIndicator demo_indicators[] = {
  { "组织建设", "Organization building", COUNCIL_INDICATOR_CATEGORY, 0, 0, "" },
  { "班子建设", "Leadership team", COUNCIL_INDICATOR_MANUAL, 8, 0,
    "班子健全、分工明确得满分；缺员一人扣2分。" },
  { "基层组织覆盖", "Grassroots coverage", COUNCIL_INDICATOR_MANUAL, 7, 0,
    "街镇、村社区组织覆盖情况，按覆盖比例计分。" },
  { "理事会会议出勤", "Council meeting attendance", COUNCIL_INDICATOR_COMPUTED, 5,
    COUNCIL_COMPUTED_ATTENDANCE_RATE, "按全年理事会会议出勤率自动计算（委托出席视同出席）。" },
  { "项目化运作", "Project work", COUNCIL_INDICATOR_CATEGORY, 0, 0, "" },
  { "项目按期完成率", "Projects completed on time", COUNCIL_INDICATOR_COMPUTED, 15,
    COUNCIL_COMPUTED_PROJECTS_ON_TIME, "牵头项目在计划结束日期前完成的比例乘以分值。" },
  { "品牌项目建设", "Brand projects", COUNCIL_INDICATOR_MANUAL, 10, 0,
    "有区级以上品牌项目得满分，参与一体化品牌另计。" },
  { "服务对象覆盖", "Beneficiaries reached", COUNCIL_INDICATOR_RANK, 10, 0,
    "按全年实际服务人数排名计分：第1名10分，每降一名减0.5分。" },
  { "督办落实", "Follow-up of decisions", COUNCIL_INDICATOR_CATEGORY, 0, 0, "" },
  { "督办事项按期办结", "Action items done on time", COUNCIL_INDICATOR_COMPUTED, 10,
    COUNCIL_COMPUTED_ACTIONS_ON_TIME, "理事会督办事项在期限内办结的比例乘以分值。" },
  { "信息报送", "Information reporting", COUNCIL_INDICATOR_MANUAL, 10, 0,
    "按时报送工作信息，每迟报一次扣1分。" },
  { "联动协作", "Joint work", COUNCIL_INDICATOR_CATEGORY, 0, 0, "" },
  { "参与联合项目", "Joint projects", COUNCIL_INDICATOR_MANUAL, 15, 0,
    "作为合作单位参与其他单位牵头项目，每项3分，最高15分。" },
  { "资金公开", "Fund disclosure", COUNCIL_INDICATOR_MANUAL, 10, 0,
    "项目资金全过程公开得满分。" },
  { "加分与减分", "Bonus and deduction items", COUNCIL_INDICATOR_CATEGORY, 0, 0, "" },
  { "上级表彰", "Commendations", COUNCIL_INDICATOR_BONUS, 3, 0, "获市级以上表彰加3分，区级加1分。" },
  { "创新工作", "Innovative work", COUNCIL_INDICATOR_BONUS, 2, 0, "工作经验被上级推广加2分。" },
  { "工作失误", "Work errors", COUNCIL_INDICATOR_DEDUCTION, 5, 0, "造成不良影响的，每次扣1至5分。" },
  { "信息迟报", "Late reporting", COUNCIL_INDICATOR_DEDUCTION, 3, 0, "未按期报送材料，每次扣0.5分。" },
};

static gboolean
add_indicators (CouncilStore *store, gint64 scheme_id, GError **error)
{
  gint64 category = 0;

  for (guint k = 0; k < G_N_ELEMENTS (demo_indicators); k++)
    {
      const DemoIndicator *d = &demo_indicators[k];
      g_autoptr(CouncilIndicator) ind = council_indicator_new (d->kind, d->name_zh, d->max_score);

      g_free (ind->name_en);
      ind->name_en = g_strdup (d->name_en);
      g_free (ind->guide);
      ind->guide = g_strdup (d->guide);
      ind->source = d->source;
      ind->parent_id = d->kind == COUNCIL_INDICATOR_CATEGORY ? 0 : category;
      if (d->kind == COUNCIL_INDICATOR_BONUS || d->kind == COUNCIL_INDICATOR_DEDUCTION)
        {
          ind->cap = d->max_score;
          ind->max_score = 0;
        }
      if (d->kind == COUNCIL_INDICATOR_RANK)
        for (guint r = 0; r < 20; r++)
          {
            double p = 10.0 - 0.5 * r;
            g_array_append_val (ind->rank_points, p);
          }
      if (!council_store_save_assessment_indicator (store, scheme_id, ind, error))
        return FALSE;
      if (d->kind == COUNCIL_INDICATOR_CATEGORY)
        category = ind->id;
    }
  return TRUE;
}

/* A score between about 70 % and 100 % of the limit, in half points, steady
 * per organization (its "quality") with a little noise per indicator. */
static double
demo_value (GRand *rand, double quality, double limit)
{
  double v = limit * CLAMP (quality + g_rand_double_range (rand, -0.05, 0.05), 0.0, 1.0);
  return MIN (floor (v * 2.0 + 0.5) / 2.0, limit);
}

/* Scores all (or the first n_orgs) organizations: computed suggestions
 * accepted, rank-based from measured beneficiaries, manual from the seed. */
/* The sample policy documents back a few scores (佐证材料): the first
 * manual indicator of the first organizations cites the newest document,
 * the next indicator the one after it. */
static gboolean
link_demo_evidence (CouncilStore *store, GPtrArray *indicators, GPtrArray *orgs, guint n_orgs, GError **error)
{
  CouncilDocumentFilter filter;
  g_autoptr(GListStore) docs = NULL;
  guint n_docs, linked = 0;

  council_document_filter_init (&filter);
  docs = council_store_list_documents (store, &filter, error);
  if (docs == NULL)
    return FALSE;
  n_docs = g_list_model_get_n_items (G_LIST_MODEL (docs));
  for (guint j = 0; n_docs > 0 && j < indicators->len && linked < 2; j++)
    {
      CouncilIndicator *ind = g_ptr_array_index (indicators, j);

      if (ind->kind != COUNCIL_INDICATOR_MANUAL)
        continue;
      for (guint i = 0; i < MIN (n_orgs, 3u) && i < orgs->len; i++)
        {
          g_autoptr(CouncilDocument) doc = g_list_model_get_item (G_LIST_MODEL (docs), linked % n_docs);
          gint64 org_id = council_organization_get_id (g_ptr_array_index (orgs, i));
          CouncilAssessmentScore score;
          gboolean scored = council_store_get_assessment_score (store, ind->id, org_id, &score, NULL) && score.exists;

          council_assessment_score_clear (&score);
          /* Evidence belongs to a score: a cell left empty has none. */
          if (!scored)
            continue;
          if (!council_store_link_assessment_document (store, ind->id, org_id, council_document_get_id (doc), error))
            return FALSE;
        }
      linked++;
    }
  return TRUE;
}

static gboolean
score_scheme (CouncilStore *store, CouncilAssessmentScheme *scheme, guint n_orgs, guint32 seed, GError **error)
{
  g_autoptr(GPtrArray) indicators = council_store_list_assessment_indicators (store, scheme->id, error);
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (CouncilAssessmentEntry));
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *summary = NULL;

  if (indicators == NULL)
    return FALSE;
  orgs = council_store_list_assessment_organizations (store, scheme, error);
  if (orgs == NULL)
    return FALSE;
  n_orgs = MIN (n_orgs, orgs->len);

  for (guint i = 0; i < n_orgs; i++)
    {
      gint64 org_id = council_organization_get_id (g_ptr_array_index (orgs, i));
      double quality = 0.62 + 0.37 * ((i * 7919u + seed) % 97u) / 96.0;

      for (guint j = 0; j < indicators->len; j++)
        {
          CouncilIndicator *ind = g_ptr_array_index (indicators, j);
          CouncilAssessmentEntry e = { ind->id, org_id, NAN, NULL };

          switch (ind->kind)
            {
            case COUNCIL_INDICATOR_MANUAL:
              e.value = demo_value (rand, quality, ind->max_score);
              break;
            case COUNCIL_INDICATOR_BONUS:
              /* A few commendations and innovations. */
              if (g_rand_int_range (rand, 0, 4) == 0)
                e.value = ind->cap >= 2 ? 1.0 : 0.5;
              break;
            case COUNCIL_INDICATOR_DEDUCTION:
              if (g_rand_int_range (rand, 0, 6) == 0)
                e.value = 0.5 * g_rand_int_range (rand, 1, 3);
              break;
            case COUNCIL_INDICATOR_RANK:
            case COUNCIL_INDICATOR_COMPUTED:
            case COUNCIL_INDICATOR_CATEGORY:
            case COUNCIL_INDICATOR_N_KINDS:
            default:
              break;
            }
          if (!isnan (e.value))
            {
              if (ind->kind == COUNCIL_INDICATOR_MANUAL && e.value < ind->max_score)
                e.evidence = "年度工作总结及佐证材料";
              g_array_append_val (entries, e);
            }
        }
    }
  summary = g_strdup_printf (_("Score the sample assessment “%s”"), scheme->title);
  if (!council_store_set_assessment_scores (store, scheme->id, (CouncilAssessmentEntry *) (gpointer) entries->data,
                                            entries->len, summary, error))
    return FALSE;

  for (guint j = 0; j < indicators->len; j++)
    {
      CouncilIndicator *ind = g_ptr_array_index (indicators, j);

      if (ind->kind == COUNCIL_INDICATOR_COMPUTED && n_orgs == orgs->len &&
          council_store_accept_assessment_suggestions (store, scheme, ind, error) < 0)
        return FALSE;
      if (ind->kind == COUNCIL_INDICATOR_RANK)
        for (guint i = 0; i < n_orgs; i++)
          {
            /* Beneficiaries, in hundreds: stronger organizations reach more
             * people, and ties happen (two with 3,600). */
            double quality = 0.62 + 0.37 * ((i * 7919u + seed) % 97u) / 96.0;
            double measured = 100.0 * floor (quality * 40.0);
            if (!council_store_set_assessment_measured (store, ind->id,
                                                        council_organization_get_id (g_ptr_array_index (orgs, i)),
                                                        measured, error))
              return FALSE;
          }
    }

  /* Computed indicators without records in the store (the sample meetings are
   * this year's) are scored by the assessor from the paper records. */
  if (n_orgs == orgs->len)
    {
      g_autoptr(CouncilAssessmentMatrix) m = council_store_load_assessment_matrix (store, scheme, indicators, orgs, error);
      g_autoptr(GArray) missing = g_array_new (FALSE, TRUE, sizeof (CouncilAssessmentEntry));

      if (m == NULL)
        return FALSE;
      for (guint i = 0; i < m->n_orgs; i++)
        for (guint c = 0, j = 0; j < indicators->len; j++)
          {
            CouncilIndicator *ind = g_ptr_array_index (indicators, j);
            if (!council_indicator_is_scored (ind))
              continue;
            if (ind->kind == COUNCIL_INDICATOR_COMPUTED && isnan (council_assessment_matrix_get (m, i, c)))
              {
                double quality = 0.62 + 0.37 * ((i * 7919u + seed) % 97u) / 96.0;
                CouncilAssessmentEntry e = { ind->id, m->org_ids[i], demo_value (rand, quality, ind->max_score),
                                             "按纸质签到表和台账核定" };
                g_array_append_val (missing, e);
              }
            c++;
          }
      if (missing->len > 0 &&
          !council_store_set_assessment_scores (store, scheme->id, (CouncilAssessmentEntry *) (gpointer) missing->data,
                                                missing->len, summary, error))
        return FALSE;
    }
  return link_demo_evidence (store, indicators, orgs, n_orgs, error);
}

gboolean
council_demo_fill_assessment (CouncilStore *store, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) existing = council_store_list_assessment_schemes (store, error);
  g_autoptr(CouncilAssessmentScheme) last = NULL;
  g_autoptr(CouncilAssessmentScheme) current = NULL;
  int year = g_date_time_get_year (now);
  gint64 current_id;

  if (existing == NULL)
    return FALSE;
  if (existing->len > 0)
    return TRUE;

  last = council_assessment_scheme_new (year - 1);
  g_free (last->title);
  last->title = g_strdup_printf ("%d年度群团组织目标管理考核方案", year - 1);
  if (!council_store_save_assessment_scheme (store, last, error) ||
      !add_indicators (store, last->id, error) ||
      !score_scheme (store, last, G_MAXUINT, 2025, error) ||
      !council_store_finalize_assessment_scheme (store, last->id, error))
    return FALSE;

  current_id = council_store_copy_assessment_scheme (store, last->id, year, error);
  if (current_id == 0)
    return FALSE;
  current = council_store_get_assessment_scheme (store, current_id, error);
  return current != NULL && score_scheme (store, current, 8, 2026, error);
}
