/* council-demo-projects.c: the sample portfolio of --demo, and a bulk
 * generator of synthetic projects for benchmarks and list tests.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "council-demo.h"
#include "council-store-projects.h"

#define DEMO_SEED 20260301

typedef struct
{
  const char *category;   /* project_category.code */
  const char *lead;       /* short name on the roster */
  const char *partner;    /* short name or NULL */
  const char *title_zh;
  const char *title_en;
  const char *target_group;
  int brand_group;        /* 1..4: a source of that integrated brand; -1: a brand project
                           * left for "Suggest integration"; 0: not a brand */
  gboolean last_year;
} DemoProject;

static const DemoProject demo_projects[] = {
  /* employment and entrepreneurship */
  { "employment", "区总工会", "区工商联", "职工技能提升培训", "Workers' skills upgrading training", "产业工人", 1, FALSE },
  { "employment", "团区委", "区青联", "青年创业孵化行动", "Youth entrepreneurship incubation", "青年创业者", 1, FALSE },
  { "employment", "区妇联", NULL, "巾帼创业扶持计划", "Women's entrepreneurship support plan", "创业女性", 1, FALSE },
  { "employment", "区工商联", "区总工会", "民营企业招聘月", "Private enterprise hiring month", "求职人员", 0, FALSE },
  { "employment", "区残联", NULL, "残疾人就业援助", "Employment aid for people with disabilities", "残疾人", 0, FALSE },
  { "employment", "区侨联", NULL, "侨界青年就业见习", "Job placements for returned overseas youth", "侨界青年", 0, TRUE },
  { "employment", "区个协", NULL, "个体工商户经营能力培训", "Business skills for self-employed workers", "个体工商户", 0, FALSE },
  /* rights protection */
  { "rights", "区总工会", "区法学会", "职工法律援助服务", "Legal aid for workers", "职工", 4, FALSE },
  { "rights", "区妇联", "区法学会", "妇女儿童维权热线", "Women and children's rights hotline", "妇女儿童", 4, FALSE },
  { "rights", "区残联", NULL, "残疾人法律服务进社区", "Legal services for people with disabilities", "残疾人", 4, FALSE },
  { "rights", "区法学会", NULL, "法律明白人培养工程", "Grassroots legal literacy project", "村（社区）干部", 0, FALSE },
  { "rights", "区总工会", NULL, "新就业形态劳动者权益保障", "Rights of gig-economy workers", "快递员、外卖骑手", 0, FALSE },
  { "rights", "区侨联", "区法学会", "为侨服务法律顾问团", "Legal advisers for overseas Chinese", "归侨侨眷", 0, TRUE },
  /* assistance */
  { "assistance", "区总工会", "区慈善会", "困难职工帮扶", "Support for workers in hardship", "困难职工", 0, FALSE },
  { "assistance", "区慈善会", "区红十字会", "金秋助学", "Autumn school grants", "困难家庭学生", 0, FALSE },
  { "assistance", "区红十字会", NULL, "博爱送万家", "Red Cross winter relief", "困难群众", 0, FALSE },
  { "assistance", "区残联", "区慈善会", "残疾人家庭无障碍改造", "Barrier-free homes for people with disabilities", "残疾人家庭", 0, FALSE },
  { "assistance", "区关工委", NULL, "留守儿童关爱行动", "Care for left-behind children", "留守儿童", 0, TRUE },
  { "assistance", "区妇联", "区慈善会", "两癌救助", "Aid for women with breast or cervical cancer", "患病妇女", 0, FALSE },
  { "assistance", "区工商联", "区慈善会", "万企兴万村", "Ten thousand firms for ten thousand villages", "乡村振兴重点村", 0, FALSE },
  /* volunteer service */
  { "volunteer", "团区委", "区志愿者联合会", "青年志愿者社区行", "Youth volunteers in the community", "社区居民", 2, FALSE },
  { "volunteer", "区红十字会", NULL, "应急救护志愿服务", "First-aid volunteer service", "社区居民", 2, FALSE },
  { "volunteer", "区妇联", NULL, "巾帼志愿者邻里守望", "Women volunteers' neighbourhood watch", "社区居民", 2, FALSE },
  { "volunteer", "区志愿者联合会", NULL, "志愿服务项目大赛", "Volunteer project contest", "志愿服务组织", 0, FALSE },
  { "volunteer", "区老科协", NULL, "银龄志愿科技服务", "Senior volunteers' technical service", "农村种养殖户", 0, FALSE },
  { "volunteer", "区青联", "团区委", "青春暖冬行动", "Warm winter youth campaign", "独居老人", 0, TRUE },
  { "volunteer", "区计生协", NULL, "计生家庭暖心志愿服务", "Volunteer care for family-planning households", "计生特殊家庭", 0, FALSE },
  /* culture and sports */
  { "culture", "区文联", "区作协", "文艺家进基层", "Artists at the grassroots", "基层群众", -1, FALSE },
  { "culture", "区作协", NULL, "九龙坡故事征文", "Jiulongpo stories writing contest", "文学爱好者", 0, FALSE },
  { "culture", "区老体协", NULL, "老年人健身大联动", "Seniors' fitness week", "老年人", -1, FALSE },
  { "culture", "区总工会", "区老体协", "职工运动会", "Workers' sports games", "职工", 0, FALSE },
  { "culture", "区台联", NULL, "两岸青少年文化交流营", "Cross-strait youth culture camp", "青少年", 0, TRUE },
  { "culture", "区文联", NULL, "非遗传承进校园", "Intangible heritage in schools", "中小学生", 0, FALSE },
  { "culture", "区妇联", "区文联", "最美家庭故事会", "Stories of model families", "家庭", 0, FALSE },
  /* science popularisation */
  { "science", "区科协", "区老科协", "科普进社区", "Science in the community", "社区居民", 3, FALSE },
  { "science", "团区委", "区科协", "青少年科技创新营", "Youth science and innovation camp", "青少年", 3, FALSE },
  { "science", "区计生协", NULL, "健康科普大讲堂", "Health science lectures", "社区居民", 3, FALSE },
  { "science", "区科协", NULL, "全国科普日系列活动", "National Science Day events", "公众", 0, FALSE },
  { "science", "区社科联", NULL, "社科普及周", "Social science week", "市民", 0, FALSE },
  { "science", "区老科协", NULL, "农村实用技术培训", "Practical farming techniques", "农民", 0, TRUE },
  { "science", "区贸促会", "区工商联", "企业出海合规讲座", "Export compliance talks for firms", "外贸企业", 0, FALSE },
  /* family and children */
  { "family", "区妇联", "区关工委", "家庭教育指导服务", "Family education guidance", "家长", -1, FALSE },
  { "family", "区关工委", "团区委", "五老进校园", "Veterans' talks in schools", "中小学生", -1, FALSE },
  { "family", "区计生协", "区妇联", "青春健康教育", "Adolescent health education", "青少年", 0, FALSE },
  { "family", "区妇联", NULL, "儿童之家建设", "Children's homes in communities", "社区儿童", 0, FALSE },
  { "family", "区总工会", "区妇联", "职工子女暑期托管", "Summer care for workers' children", "职工子女", 0, FALSE },
  { "family", "区侨联", NULL, "侨胞子女寻根之旅", "Roots tour for overseas Chinese children", "侨胞子女", 0, TRUE },
  /* other */
  { "other", "区社科联", NULL, "群团改革课题研究", "Research on mass-organization reform", "群团组织", 0, FALSE },
  { "other", "区贸促会", NULL, "国际商事调解服务", "International commercial mediation", "涉外企业", 0, FALSE },
  { "other", "区台联", "区侨联", "台胞台企服务中心", "Service centre for Taiwan compatriots", "台胞台企", 0, FALSE },
  { "other", "区工商联", NULL, "商会组织规范化建设", "Standardising chambers of commerce", "商会", 0, FALSE },
  { "other", "区红十字会", NULL, "造血干细胞捐献宣传", "Stem cell donation awareness", "市民", 0, FALSE },
  { "other", "区个协", NULL, "诚信经营示范街", "Honest trading model street", "个体工商户", 0, FALSE },
  { "other", "区慈善会", NULL, "慈善超市运营", "Charity shop operations", "困难群众", 0, TRUE },
};

/* The four council-level brands that the sources above integrate into. */
static const struct { const char *category; const char *lead; const char *title_zh; const char *title_en; const char *target; } demo_brands[] = {
  { "employment", "区总工会", "群团就业创业一体化服务", "Integrated council employment service", "求职创业人员" },
  { "volunteer", "团区委", "群团志愿服务联盟", "Council volunteer alliance", "社区居民" },
  { "science", "区科协", "群团科普惠民行动", "Council science for all", "社区居民" },
  { "rights", "区总工会", "群团维权服务站", "Council rights service stations", "职工和妇女儿童" },
};

static const char *counterparties[] = {
  "区民政局", "区财政局", "区人力社保局", "重庆某某科技有限公司", "九龙坡区某商会",
  "香港某基金会", "区文化馆", "爱心人士", "区教委", "某银行九龙坡支行",
};

/* @date moved by @days (either way), as YYYY-MM-DD. */
static char *
shift_date (const char *date, int days)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_parse (&d, date);
  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
}

static char *
date_between (GRand *rand, const char *start, const char *end)
{
  GDate a, b;
  gint span;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_parse (&a, start);
  g_date_set_parse (&b, end);
  span = g_date_days_between (&a, &b);
  if (span > 0)
    g_date_add_days (&a, (guint) g_rand_int_range (rand, 0, span + 1));
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&a), g_date_get_month (&a), g_date_get_day (&a));
}

/* Money is raised at the start and spent until today: nothing is dated in
 * the future. */
static void
add_demo_funds (CouncilProject *p, GRand *rand, const char *start, const char *end, const char *today,
                gint64 budget, gboolean overspend, gboolean outside)
{
  const char *first = strcmp (start, today) < 0 ? start : today;
  const char *last = strcmp (end, today) < 0 ? end : today;
  GListStore *funds = council_project_get_fund_entries (p);
  gint64 raised = 0;
  guint n_raised = (guint) g_rand_int_range (rand, 1, 4);
  guint n_spent = (guint) g_rand_int_range (rand, 2, 6);

  for (guint i = 0; i < n_raised; i++)
    {
      CouncilFundSource source = (CouncilFundSource) g_rand_int_range (rand, 0, COUNCIL_N_FUND_SOURCES);
      gint64 amount = budget / n_raised / 100 * 100;
      g_autofree char *date = g_strdup (first);
      g_autoptr(CouncilFundEntry) e = council_fund_entry_new (source, COUNCIL_FUND_KIND_RAISED, amount, date);
      g_autofree char *voucher = g_strdup_printf ("CZ-%05d", g_rand_int_range (rand, 1, 99999));

      council_fund_entry_set_counterparty (e, counterparties[g_rand_int_range (rand, 0, G_N_ELEMENTS (counterparties))]);
      council_fund_entry_set_voucher_no (e, voucher);
      g_list_store_append (funds, e);
      raised += amount;
      if (i == 0)
        {
          g_autoptr(CouncilFundEntry) a = council_fund_entry_new (source, COUNCIL_FUND_KIND_ALLOCATED, amount, date);
          council_fund_entry_set_counterparty (a, "项目执行团队");
          g_list_store_append (funds, a);
        }
    }
  if (strcmp (start, today) >= 0)
    return;
  for (guint i = 0; i < n_spent; i++)
    {
      CouncilFundSource source = (CouncilFundSource) g_rand_int_range (rand, 0, COUNCIL_N_FUND_SOURCES);
      gint64 share = raised * g_rand_int_range (rand, 50, 95) / 100 / n_spent;
      g_autofree char *date = date_between (rand, start, last);
      g_autoptr(CouncilFundEntry) e = NULL;
      g_autofree char *voucher = g_strdup_printf ("ZC-%05d", g_rand_int_range (rand, 1, 99999));

      if (overspend)
        share = share * 2;
      e = council_fund_entry_new (source, COUNCIL_FUND_KIND_SPENT, share / 100 * 100, date);
      council_fund_entry_set_counterparty (e, counterparties[g_rand_int_range (rand, 0, G_N_ELEMENTS (counterparties))]);
      council_fund_entry_set_voucher_no (e, voucher);
      g_list_store_append (funds, e);
    }
  /* A bill paid after the project closed. */
  if (outside && strcmp (end, today) < 0)
    {
      g_autofree char *late = NULL;
      GDate d;
      g_date_clear (&d, 1);
      g_date_set_parse (&d, end);
      g_date_add_days (&d, 20);
      late = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
      {
        g_autoptr(CouncilFundEntry) e = council_fund_entry_new (COUNCIL_FUND_SOURCE_FISCAL, COUNCIL_FUND_KIND_SPENT,
                                                                 raised / 20 / 100 * 100, late);
        council_fund_entry_set_counterparty (e, "区文化馆");
        council_fund_entry_set_note (e, "结项后支付的场地费");
        g_list_store_append (funds, e);
      }
    }
}

static void
add_demo_milestones (CouncilProject *p, GRand *rand, const char *start, const char *end, const char *today)
{
  static const char *titles[] = { "方案论证", "启动会", "中期评估", "宣传推广", "结项验收", "资金审计" };
  guint n = (guint) g_rand_int_range (rand, 2, 5);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *due = date_between (rand, start, end);
      gboolean done = g_strcmp0 (due, today) < 0 && g_rand_int_range (rand, 0, 4) != 0;
      g_autoptr(CouncilMilestone) m = council_milestone_new (titles[(i * 2 + (guint) g_rand_int_range (rand, 0, 2)) % G_N_ELEMENTS (titles)],
                                                             due, done ? due : "");
      g_list_store_append (council_project_get_milestones (p), m);
    }
}

static CouncilProjectStatus
status_for_dates (GRand *rand, const char *start, const char *end, const char *today)
{
  int dice = g_rand_int_range (rand, 0, 20);

  if (dice == 0)
    return COUNCIL_PROJECT_STATUS_SUSPENDED;
  if (dice == 1)
    return COUNCIL_PROJECT_STATUS_CANCELLED;
  if (g_strcmp0 (end, today) < 0)
    return COUNCIL_PROJECT_STATUS_COMPLETED;
  if (g_strcmp0 (start, today) > 0)
    return dice < 8 ? COUNCIL_PROJECT_STATUS_PROPOSED : COUNCIL_PROJECT_STATUS_APPROVED;
  return COUNCIL_PROJECT_STATUS_IN_PROGRESS;
}

gboolean
council_demo_fill_projects (CouncilStore *store, GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = council_iso_date_today ();
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  char *brand_start[G_N_ELEMENTS (demo_brands)] = { NULL };
  char *brand_end[G_N_ELEMENTS (demo_brands)] = { NULL };
  int year = g_date_time_get_year (now);
  gboolean ok = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_brands); i++)
    g_ptr_array_add (sources, g_array_new (FALSE, FALSE, sizeof (gint64)));

  for (guint i = 0; i < G_N_ELEMENTS (demo_projects); i++)
    {
      const DemoProject *d = &demo_projects[i];
      g_autoptr(CouncilProject) p = council_project_new ();
      g_autofree char *code = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      gint64 lead = council_store_find_organization_by_name (store, d->lead, error);
      gint64 budget = (gint64) g_rand_int_range (rand, 3, 60) * 1000000;  /* 3万–60万元 */
      int planned = g_rand_int_range (rand, 50, 3000);

      if (lead <= 0)
        {
          if (lead == 0)
            g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND,
                         "The demo needs the organization “%s” on the roster.", d->lead);
          goto out;
        }
      /* Last year's projects are over; this year's run around today: most in
       * progress, some finished, some not started yet. */
      if (d->last_year)
        {
          g_autofree char *jan = council_iso_date_from_ymd (year - 1, 1, 1);
          start = shift_date (jan, g_rand_int_range (rand, 0, 180));
          end = shift_date (start, g_rand_int_range (rand, 90, 200));
        }
      else
        {
          start = shift_date (today, i % 6 == 0 ? g_rand_int_range (rand, 5, 30)
                                                : -g_rand_int_range (rand, 20, 330));
          end = shift_date (start, g_rand_int_range (rand, 120, 330));
        }
      code = g_strdup_printf ("QT-%.4s-%03u", start, i + 1);
      council_project_set_code (p, code);
      council_project_set_title_zh (p, d->title_zh);
      council_project_set_title_en (p, d->title_en);
      council_project_set_category_id (p, council_store_find_project_category (store, d->category));
      council_project_set_lead_org_id (p, lead);
      council_project_set_target_group (p, d->target_group);
      council_project_set_start_date (p, start);
      council_project_set_end_date (p, end);
      council_project_set_status (p, status_for_dates (rand, start, end, today));
      council_project_set_health (p, (CouncilProjectHealth) (g_rand_int_range (rand, 0, 10) < 7 ? 0 : g_rand_int_range (rand, 1, 3)));
      council_project_set_budget_fen (p, budget);
      council_project_set_planned_beneficiaries (p, planned);
      council_project_set_actual_beneficiaries (p, g_strcmp0 (start, today) < 0 ? planned * g_rand_int_range (rand, 40, 120) / 100 : 0);
      council_project_set_is_brand (p, d->brand_group != 0);
      council_project_set_description (p, d->title_zh);
      if (d->partner != NULL)
        {
          gint64 partner = council_store_find_organization_by_name (store, d->partner, error);
          if (partner < 0)
            goto out;
          if (partner > 0)
            council_project_add_partner (p, partner, (CouncilPartnerRole) g_rand_int_range (rand, 0, COUNCIL_N_PARTNER_ROLES));
        }
      add_demo_milestones (p, rand, start, end, today);
      add_demo_funds (p, rand, start, end, today, budget, i % 17 == 5, i % 19 == 7);
      if (!council_store_save_project (store, p, error))
        goto out;
      if (d->brand_group > 0)
        {
          guint b = (guint) d->brand_group - 1;
          gint64 id = council_project_get_id (p);
          g_array_append_val (g_ptr_array_index (sources, b), id);
          /* A brand spans the dates of its sources. */
          if (brand_start[b] == NULL || strcmp (start, brand_start[b]) < 0)
            {
              g_free (brand_start[b]);
              brand_start[b] = g_strdup (start);
            }
          if (brand_end[b] == NULL || strcmp (end, brand_end[b]) > 0)
            {
              g_free (brand_end[b]);
              brand_end[b] = g_strdup (end);
            }
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_brands); i++)
    {
      g_autoptr(CouncilProject) brand = council_project_new ();
      g_autofree char *code = g_strdup_printf ("QT-%d-P%02u", year, i + 1);
      const char *start = brand_start[i];
      const char *end = brand_end[i];

      council_project_set_code (brand, code);
      council_project_set_title_zh (brand, demo_brands[i].title_zh);
      council_project_set_title_en (brand, demo_brands[i].title_en);
      council_project_set_category_id (brand, council_store_find_project_category (store, demo_brands[i].category));
      council_project_set_lead_org_id (brand, council_store_find_organization_by_name (store, demo_brands[i].lead, NULL));
      council_project_set_target_group (brand, demo_brands[i].target);
      council_project_set_start_date (brand, start);
      council_project_set_end_date (brand, end);
      council_project_set_status (brand, COUNCIL_PROJECT_STATUS_APPROVED);
      council_project_set_description (brand, "理事会层面统一品牌、统一标识、统一宣传，各成员单位分工实施。");
      if (!council_store_integrate_projects (store, g_ptr_array_index (sources, i), brand, error))
        goto out;
    }
  ok = TRUE;

out:
  for (guint i = 0; i < G_N_ELEMENTS (demo_brands); i++)
    {
      g_free (brand_start[i]);
      g_free (brand_end[i]);
    }
  return ok;
}
