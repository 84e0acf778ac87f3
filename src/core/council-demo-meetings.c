/* council-demo-meetings.c: a year of sample meetings for --demo.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-demo"

#include "config.h"

#include "council-demo.h"
#include "council-store-meetings.h"

/* Demo content is sample data in Chinese, like the roster it builds on; it is
 * not user interface text and is not translated. */

typedef struct
{
  const char *title;
  const char *notes;
  const char *decision;
  const char *action;
  const char *progress;
} DemoTopic;

static const DemoTopic topics[] = {
  { "审议理事会年度工作要点",
    "会议听取了秘书处关于年度工作要点的说明。与会成员单位认为，要围绕区委中心工作，坚持党建带群建，"
    "发挥“1+3+X”工作格局的枢纽作用，把握好政治性、先进性、群众性。",
    "原则通过年度工作要点，由秘书处根据会议意见修改后印发。",
    "将年度工作要点分解为任务清单，明确责任单位和完成时限",
    "任务清单初稿已征求各成员单位意见" },
  { "研究职工服务阵地建设",
    "会议研究了职工之家、户外劳动者服务站点建设情况，要求统筹利用各方阵地资源，推动共建共享。",
    "同意在各镇街推进职工服务阵地共建共享。",
    "制定职工服务阵地共建共享实施方案",
    "已完成镇街阵地摸底调查" },
  { "推进青年就业创业服务",
    "会议听取了团区委关于青年就业创业服务情况的汇报，要求人社等部门加强政策衔接，用好联络员机制。",
    "同意联合举办青年创业项目路演活动。",
    "联合人社部门举办青年创业项目路演活动",
    "已确定路演场地和评审专家" },
  { "部署妇女儿童维权工作",
    "会议听取了区妇联关于妇女儿童维权工作的汇报，要求依托司法联络员，完善维权服务站点网络。",
    "同意建立妇女儿童维权协作机制。",
    "建立妇女儿童维权协作机制并召开首次联席会商",
    "协作机制文件已提交司法部门会签" },
  { "讨论群团品牌项目一体化整合",
    "会议讨论了各成员单位品牌项目整合方案，认为要避免各自为战、重复建设，打造理事会层面的统一品牌。",
    "同意将关爱困境儿童相关项目整合为一个理事会品牌项目。",
    "形成品牌项目一体化整合方案报理事会审定",
    "整合方案已完成两轮修改" },
  { "研究政府购买服务项目申报",
    "会议研究了本年度政府购买服务项目申报工作，要求各单位规范项目预算，做好资金使用全过程公开。",
    "同意统一组织政府购买服务项目申报。",
    "汇总各成员单位政府购买服务项目申报材料",
    "已收到十二家单位申报材料" },
  { "通报成员单位抽调人员情况",
    "会议通报了部分成员单位人员被抽调的情况，要求严格控制抽调比例，保障群团组织正常运转。",
    "同意向区委组织部报送人员抽调情况专题报告。",
    "起草成员单位人员抽调情况专题报告",
    "报告初稿已完成" },
  { "研究基层群团组织建设",
    "会议研究了村（社区）群团组织覆盖情况，要求推动群团组织向基层延伸，扩大有效覆盖。",
    "同意开展基层群团组织建设专项调研。",
    "开展村（社区）群团组织覆盖情况专项调研",
    "已完成四个镇街的调研" },
  { "部署志愿服务活动",
    "会议部署了重要节点志愿服务活动，要求统筹各成员单位志愿服务队伍，避免活动扎堆。",
    "同意由区志愿者联合会牵头统筹全年志愿服务活动安排。",
    "编制全年志愿服务活动统筹安排表",
    "安排表已报送各成员单位" },
  { "研究科普进社区工作",
    "会议研究了科普进社区工作，要求结合社区需求，办好科普大篷车和科普讲座。",
    "同意开展科普进社区系列活动。",
    "组织科普大篷车进社区巡展",
    "已完成三个社区巡展" },
  { "听取目标管理考核情况汇报",
    "会议听取了秘书处关于目标管理考核指标执行情况的汇报，要求各单位对照指标查漏补缺。",
    "同意对考核指标执行进度开展中期督查。",
    "开展目标管理考核指标执行情况中期督查",
    "督查通知已印发" },
  { "研究困难群众帮扶工作",
    "会议研究了困难职工、困难妇女、残疾人等群体帮扶工作，要求建立信息共享机制，形成帮扶合力。",
    "同意建立困难群众帮扶信息共享机制。",
    "建立困难群众帮扶信息共享台账",
    "已与三家单位完成数据对接" },
};

typedef struct
{
  const char *kind;
  int days_before_today;   /* negative: still to come */
} DemoMeeting;

/* Ordered by date, so meeting 1 is the year's plenary session. */
static const DemoMeeting meetings[] = {
  { "plenary", 320 }, { "special", 290 }, { "joint", 255 }, { "special", 215 },
  { "joint", 170 }, { "special", 140 }, { "joint", 95 }, { "special", 70 },
  { "joint", 40 }, { "special", 21 }, { "plenary", 9 }, { "joint", -16 },
};

static const char *places[] = { "区委第三会议室", "区群团服务中心二楼会议室", "区政府第一会议室" };
static const char *surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡" };
static const char *given[] = { "伟", "敏", "静", "丽", "强", "磊", "军", "洋", "艳", "勇", "杰", "娟", "涛", "霞", "明", "超" };

static char *
person (GRand *rand)
{
  return g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                      given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
                      g_rand_boolean (rand) ? given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))] : "",
                      NULL);
}

static char *
date_from (const GDate *base, int days)
{
  GDate d = *base;
  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return council_iso_date_format (&d);
}


/* Follow-up of one action item: done, in progress, or left open (and, when
 * past due, overdue as of today). */
static gboolean
follow_up (CouncilStore *store, GRand *rand, CouncilActionItem *item, const DemoTopic *topic,
           const GDate *today, GError **error)
{
  GDate due, meeting, noted;
  g_autofree char *today_text = council_iso_date_format (today);
  g_autofree char *noted_text = NULL;
  double roll = g_rand_double (rand);
  int span;

  council_iso_date_parse (council_action_item_get_due_date (item), &due);
  council_iso_date_parse (council_action_item_get_meeting_date (item), &meeting);
  span = g_date_days_between (&meeting, today);
  if (span < 7)
    return TRUE;
  noted = meeting;
  g_date_add_days (&noted, (guint) g_rand_int_range (rand, 5, MIN (span, 40) + 1));
  noted_text = council_iso_date_format (&noted);
  if (!council_store_add_progress_note (store, council_action_item_get_id (item), noted_text,
                                        topic->progress, COUNCIL_ACTION_STATUS_IN_PROGRESS, NULL, error))
    return FALSE;
  if (g_date_compare (&due, today) < 0 ? roll < 0.6 : roll < 0.3)
    {
      GDate done = noted;
      g_autofree char *done_text = NULL;
      g_date_add_days (&done, (guint) g_rand_int_range (rand, 3, 30));
      if (g_date_compare (&done, today) > 0)
        done = *today;
      done_text = council_iso_date_format (&done);
      return council_store_add_progress_note (store, council_action_item_get_id (item), done_text,
                                              "已按期完成，相关材料已归档。",
                                              COUNCIL_ACTION_STATUS_DONE, done_text, error);
    }
  if (roll > 0.92)
    return council_store_add_progress_note (store, council_action_item_get_id (item), today_text,
                                            "因工作调整，经理事会同意不再推进。",
                                            COUNCIL_ACTION_STATUS_CANCELLED, NULL, error);
  return TRUE;
}

static void
record_attendance (CouncilMeeting *m, GRand *rand, GListModel *orgs)
{
  for (guint i = 0; i < g_list_model_get_n_items (orgs); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (orgs, i);
      g_autofree char *who = person (rand);
      double r = g_rand_double (rand);
      CouncilAttendanceStatus status = r < 0.80 ? COUNCIL_ATTENDANCE_PRESENT
                                     : r < 0.89 ? COUNCIL_ATTENDANCE_DELEGATED
                                     : r < 0.97 ? COUNCIL_ATTENDANCE_EXCUSED
                                     : COUNCIL_ATTENDANCE_ABSENT;
      council_meeting_set_attendance (m, council_organization_get_id (org), status,
                                      status == COUNCIL_ATTENDANCE_EXCUSED || status == COUNCIL_ATTENDANCE_ABSENT ? "" : who);
    }
}

static gboolean
add_demo_meeting (CouncilStore *store, GRand *rand, const DemoMeeting *spec, guint index,
                  GListModel *orgs, GHashTable *sessions, const GDate *today, GError **error)
{
  g_autoptr(CouncilMeeting) m = council_meeting_new ();
  g_autoptr(CouncilMeeting) saved = NULL;
  g_autofree char *date = date_from (today, -spec->days_before_today);
  g_autofree char *starts_at = g_strdup_printf ("%sT%s", date, g_rand_boolean (rand) ? "09:30" : "14:30");
  g_autofree char *year = g_strndup (date, 4);
  g_autofree char *session_key = g_strconcat (year, spec->kind, NULL);
  g_autofree char *title = NULL;
  gint64 kind_id = council_store_find_meeting_kind (store, spec->kind, error);
  guint n_orgs = g_list_model_get_n_items (orgs);
  guint n_items = spec->kind[0] == 'p' ? 4 : (guint) g_rand_int_range (rand, 2, 4);
  int session = GPOINTER_TO_INT (g_hash_table_lookup (sessions, session_key)) + 1;
  gboolean held = spec->days_before_today > 0;
  const char *kind_zh = g_str_equal (spec->kind, "plenary") ? "理事会全体会议"
                      : g_str_equal (spec->kind, "joint") ? "联席会议" : "专题会议";

  if (kind_id <= 0)
    return FALSE;
  g_hash_table_insert (sessions, g_strdup (session_key), GINT_TO_POINTER (session));
  title = g_strdup_printf ("九龙坡区群团工作理事会%s年第%d次%s", year, session, kind_zh);
  council_meeting_set_kind (m, kind_id, kind_zh, kind_zh);
  council_meeting_set_title (m, title);
  council_meeting_set_session_no (m, session);
  council_meeting_set_starts_at (m, starts_at);
  council_meeting_set_place (m, places[index % G_N_ELEMENTS (places)]);
  council_meeting_set_chair (m, spec->kind[0] == 'p' ? "区委副书记 王晓东" : "区委组织部副部长 陈建华");
  council_meeting_set_recorder (m, "秘书处 刘婷");
  if (held)
    {
      council_meeting_set_state (m, COUNCIL_MEETING_STATE_HELD);
      record_attendance (m, rand, orgs);
      council_meeting_add_guest (m, "周立新", "区委组织部");
      if (g_rand_boolean (rand))
        council_meeting_add_guest (m, "郑红", "区人力社保局");
    }

  for (guint i = 0; i < n_items; i++)
    {
      const DemoTopic *topic = &topics[(index * 3 + i) % G_N_ELEMENTS (topics)];
      CouncilAgendaItem *item = council_meeting_add_agenda_item (m, topic->title);
      g_autoptr(CouncilOrganization) presenter = g_list_model_get_item (orgs, (index + i) % n_orgs);
      g_autoptr(CouncilOrganization) owner = g_list_model_get_item (orgs, (guint) g_rand_int_range (rand, 0, (gint32) n_orgs));
      g_autoptr(CouncilOrganization) partner = g_list_model_get_item (orgs, (guint) g_rand_int_range (rand, 0, (gint32) n_orgs));
      CouncilOutcome *outcome;
      CouncilActionItem *action;
      g_autofree char *due = date_from (today, -spec->days_before_today + g_rand_int_range (rand, 20, 120));

      council_agenda_item_set_presenter (item, council_organization_get_id (presenter), NULL);
      if (!held)
        continue;
      council_agenda_item_set_notes (item, topic->notes);
      council_agenda_item_add_outcome (item, COUNCIL_OUTCOME_DECISION, topic->decision);
      outcome = council_agenda_item_add_outcome (item, COUNCIL_OUTCOME_ACTION, topic->action);
      action = council_outcome_get_action_item (outcome);
      council_action_item_set_owner (action, council_organization_get_id (owner), NULL);
      council_action_item_set_due_date (action, due);
      if (council_organization_get_id (partner) != council_organization_get_id (owner))
        council_action_item_add_co_owner (action, council_organization_get_id (partner));
    }

  if (!council_store_save_meeting (store, m, error))
    return FALSE;
  if (!held)
    return TRUE;

  /* Follow-up happened over the months since; then most minutes were approved. */
  saved = council_store_get_meeting (store, council_meeting_get_id (m), error);
  if (saved == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (council_meeting_get_agenda (saved))); i++)
    {
      g_autoptr(CouncilAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (council_meeting_get_agenda (saved)), i);
      GListModel *outcomes = G_LIST_MODEL (council_agenda_item_get_outcomes (item));
      const DemoTopic *topic = &topics[(index * 3 + i) % G_N_ELEMENTS (topics)];

      for (guint j = 0; j < g_list_model_get_n_items (outcomes); j++)
        {
          g_autoptr(CouncilOutcome) o = g_list_model_get_item (outcomes, j);
          if (council_outcome_get_action_item (o) &&
              !follow_up (store, rand, council_outcome_get_action_item (o), topic, today, error))
            return FALSE;
        }
    }
  if (spec->days_before_today > 14)
    return council_store_approve_minutes (store, council_meeting_get_id (m), error);
  return TRUE;
}

gboolean
council_demo_fill_meetings (CouncilStore *store, GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260318);
  g_autoptr(GListStore) orgs = NULL;
  g_autoptr(GHashTable) sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  if (council_store_has_meetings (store))
    return TRUE;
  orgs = council_store_list_organizations (store, FALSE, error);
  if (orgs == NULL)
    return FALSE;
  if (g_list_model_get_n_items (G_LIST_MODEL (orgs)) == 0)
    return TRUE;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  for (guint i = 0; i < G_N_ELEMENTS (meetings); i++)
    if (!add_demo_meeting (store, rand, &meetings[i], i, G_LIST_MODEL (orgs), sessions, &today, error))
      return FALSE;
  return TRUE;
}
