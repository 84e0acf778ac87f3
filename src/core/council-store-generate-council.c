/* council-store-generate-council.c: bulk synthetic council records for the
 * benchmarks' generator — history, milestones and brands, meetings with
 * action items, assessment scores, documents with indexed pages.
 *
 * Written straight into the tables with prepared statements inside one
 * transaction per function, so that a council of 200,000 action items and
 * 20,000 pages takes seconds, not the hours of one change per record; the
 * schema's CHECKs, locks and history triggers still run on every row.
 * Every value, timestamps included, comes from the seed.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-store"

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "council-action-item.h"
#include "council-assessment.h"
#include "council-date.h"
#include "council-docnumber.h"
#include "council-document.h"
#include "council-meeting.h"
#include "council-pdf-extract.h"
#include "council-store-assessment.h"
#include "council-store-generate-council.h"
#include "council-store-private.h"

/* ---- shared ---- */

static gboolean
step_done (CouncilStore *store, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (store, rc, error);
  return TRUE;
}

/* A change that Ctrl+Z must not take back, dated by the generator. */
static gboolean
begin_bulk_change (CouncilStore *store, const char *summary, GError **error)
{
  sqlite3_stmt *stmt;

  council_store_exec (store, "PRAGMA cache_size = -131072", NULL);
  if (!council_store_begin_change (store, summary, error))
    return FALSE;
  stmt = council_store_prepare (store,
    "UPDATE change SET undoable = 0, who = 'generator', at = ?1 WHERE id = (SELECT max(id) FROM change)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, COUNCIL_GENERATE_AS_OF "T08:00:00", -1, SQLITE_STATIC);
  if (!step_done (store, stmt, error))
    goto fail;
  return TRUE;

fail:
  council_store_rollback_change (store);
  return FALSE;
}

static gboolean
commit_bulk_change (CouncilStore *store, const char *table, GError **error)
{
  gboolean ok = council_store_commit_change (store, error);

  council_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  if (ok)
    council_store_emit_changed (store, table);
  return ok;
}

static void
rollback_bulk_change (CouncilStore *store)
{
  council_store_rollback_change (store);
  council_store_exec (store, "PRAGMA cache_size = -2000", NULL);
}

static GArray *
query_ids (CouncilStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (store, sql, error);
  GArray *ids;
  int rc;

  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (store, rc, error);
      g_array_unref (ids);
      return NULL;
    }
  return ids;
}

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])
#define PICK_ID(rand, ids) g_array_index ((ids), gint64, g_rand_int_range ((rand), 0, (gint32) (ids)->len))

static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙" };
static const char * const given_names[] = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "晓东", "婷" };

static char *
person_name (GRand *rand)
{
  return g_strdup_printf ("%s%s", PICK (rand, surnames), PICK (rand, given_names));
}

/* Day n (0-based) after 2019-01-01 as YYYY-MM-DD. */
static char *
day_after_2019 (int n)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2019);

  g_date_add_days (date, (guint) n);
  return council_iso_date_from_ymd (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* ---- history ---- */

static const char * const edit_notes[] = {
  "季度工作台账已报送。", "已更新联系人信息。", "年度工作总结已归档。", "基层组织覆盖情况已核实。",
  "编制数据按区编办通知调整。", "联络员名单已与人社、司法部门核对。",
};

gboolean
council_store_generate_history (CouncilStore *store, guint n_edits, guint32 seed, GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) orgs = query_ids (store, "SELECT id FROM organization WHERE retired = 0 ORDER BY id", error);
  sqlite3_stmt *first_change, *change, *phone, *notes, *contact;

  if (orgs == NULL)
    return FALSE;
  if (orgs->len == 0 || n_edits == 0)
    return TRUE;
  if (!begin_bulk_change (store, "Generate organization history", error))
    return FALSE;
  /* The transaction's own change row is the first edit's. */
  first_change = council_store_prepare (store,
    "UPDATE change SET at = ?1, who = ?2, summary = ?3, undoable = 1 WHERE id = (SELECT max(id) FROM change)", error);
  change = council_store_prepare (store, "INSERT INTO change (at, who, summary) VALUES (?1, ?2, ?3)", error);
  phone = council_store_prepare (store, "UPDATE organization SET phone = ?2, version = version + 1 WHERE id = ?1", error);
  notes = council_store_prepare (store, "UPDATE organization SET notes = ?2, version = version + 1 WHERE id = ?1", error);
  contact = council_store_prepare (store, "UPDATE organization SET contact_person = ?2, version = version + 1 WHERE id = ?1", error);
  if (first_change == NULL || change == NULL || phone == NULL || notes == NULL || contact == NULL)
    goto fail;
  for (guint i = 0; i < n_edits; i++)
    {
      /* Spread over the years before the as-of day, oldest first. */
      int day = (int) ((guint64) i * 2890 / n_edits);
      g_autofree char *date = day_after_2019 (day);
      g_autofree char *at = g_strdup_printf ("%sT%02d:%02d:%02d", date, 8 + g_rand_int_range (rand, 0, 10),
                                             g_rand_int_range (rand, 0, 60), g_rand_int_range (rand, 0, 60));
      g_autofree char *who = person_name (rand);
      g_autofree char *value = NULL;
      gint64 org = PICK_ID (rand, orgs);
      sqlite3_stmt *record = i == 0 ? first_change : change;
      sqlite3_stmt *update;
      const char *summary;

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          update = phone;
          summary = "Edit organization: phone";
          value = g_strdup_printf ("023-6%07d", g_rand_int_range (rand, 0, 9999999));
          break;
        case 1:
          update = notes;
          summary = "Edit organization: notes";
          value = g_strdup_printf ("%s年%s", date, PICK (rand, edit_notes));
          break;
        default:
          update = contact;
          summary = "Edit organization: contact person";
          value = person_name (rand);
          break;
        }
      sqlite3_bind_text (record, 1, at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (record, 2, who, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (record, 3, summary, -1, SQLITE_STATIC);
      if (!step_done (store, record, error))
        goto fail;
      sqlite3_bind_int64 (update, 1, org);
      sqlite3_bind_text (update, 2, value, -1, SQLITE_TRANSIENT);
      if (!step_done (store, update, error))
        goto fail;
    }
  return commit_bulk_change (store, "organization", error);

fail:
  rollback_bulk_change (store);
  return FALSE;
}

/* ---- milestones, completed status changes, integrated brands ---- */

static const char * const milestone_titles[] = {
  "项目启动会", "实施方案报备", "中期评估", "资金使用公示", "服务对象满意度调查", "阶段性总结",
  "宣传报道", "结项验收", "审计检查", "经验交流会",
};

static gboolean
generate_milestones (CouncilStore *store, GRand *rand, GArray *projects, guint n_milestones, GError **error)
{
  sqlite3_stmt *insert = council_store_prepare (store,
    "INSERT INTO milestone (project_id, title, due_date, done_date, position) "
    "SELECT id, ?2, d, CASE WHEN ?4 AND d < ?5 THEN date(d, ?6) END, "
    "       (SELECT count(*) FROM milestone WHERE project_id = ?1) "
    "FROM (SELECT id, date(coalesce(start_date, '2026-01-01'), ?3) AS d FROM project WHERE id = ?1)", error);

  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < n_milestones && projects->len > 0; i++)
    {
      g_autofree char *offset = g_strdup_printf ("+%d days", g_rand_int_range (rand, 10, 300));
      g_autofree char *late = g_strdup_printf ("%+d days", g_rand_int_range (rand, -8, 20));

      sqlite3_bind_int64 (insert, 1, PICK_ID (rand, projects));
      sqlite3_bind_text (insert, 2, PICK (rand, milestone_titles), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, offset, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 4, g_rand_int_range (rand, 0, 10) < 8);
      sqlite3_bind_text (insert, 5, COUNCIL_GENERATE_AS_OF, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, late, -1, SQLITE_TRANSIENT);
      if (!step_done (store, insert, error))
        return FALSE;
    }
  return TRUE;
}

static const char * const brand_themes[] = {
  "维权服务", "就业创业", "困难帮扶", "志愿服务", "文化惠民", "科普惠民", "家庭儿童", "综合服务",
};

/* Two or three brand projects of different organizations of one category
 * become the sources of a new council-level brand. */
static gboolean
generate_brand (CouncilStore *store, GRand *rand, guint index, gint64 category, int offset,
                gboolean *made, GError **error)
{
  sqlite3 *db = council_store_get_db (store);
  sqlite3_stmt *candidates = council_store_prepare (store,
    "SELECT id, lead_org_id FROM project p WHERE is_brand = 1 AND integrated_into IS NULL AND category_id = ?1 "
    "AND NOT EXISTS (SELECT 1 FROM project s WHERE s.integrated_into = p.id) ORDER BY id LIMIT 40 OFFSET ?2", error);
  sqlite3_stmt *insert, *integrate;
  gint64 sources[3], leads[3];
  guint n = 0, want = (guint) g_rand_int_range (rand, 2, 4);
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  g_autofree char *title_en = NULL;
  gint64 brand;

  if (candidates == NULL)
    return FALSE;
  sqlite3_bind_int64 (candidates, 1, category);
  sqlite3_bind_int (candidates, 2, offset);
  while (n < want && sqlite3_step (candidates) == SQLITE_ROW)
    {
      gint64 lead = sqlite3_column_int64 (candidates, 1);
      gboolean seen = FALSE;

      for (guint k = 0; k < n; k++)
        seen |= leads[k] == lead;
      if (seen)
        continue;
      sources[n] = sqlite3_column_int64 (candidates, 0);
      leads[n++] = lead;
    }
  sqlite3_reset (candidates);
  *made = n >= 2;
  if (!*made)
    return TRUE;   /* too few brand projects of this category left */

  insert = council_store_prepare (store,
    "INSERT INTO project (code, title_zh, title_en, category_id, lead_org_id, target_group, start_date, end_date, "
    "status, budget_fen, planned_beneficiaries, description, is_brand) "
    "SELECT ?1, ?2, ?3, ?4, ?5, '社区居民', min(start_date), max(end_date), 'approved', sum(budget_fen), "
    "       sum(planned_beneficiaries), '理事会层面统一品牌、统一标识、统一宣传，各成员单位分工实施。', 1 "
    "FROM project WHERE id IN (?6, ?7, ?8)", error);
  integrate = council_store_prepare (store,
    "UPDATE project SET integrated_into = ?1, version = version + 1 WHERE id = ?2", error);
  if (insert == NULL || integrate == NULL)
    return FALSE;
  code = g_strdup_printf ("BRAND-%05u", index + 1);
  title = g_strdup_printf ("群团%s一体化品牌（第%u号）", brand_themes[category % G_N_ELEMENTS (brand_themes)], index + 1);
  title_en = g_strdup_printf ("Integrated council brand no. %u", index + 1);
  sqlite3_bind_text (insert, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 3, title_en, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 4, category);
  sqlite3_bind_int64 (insert, 5, leads[0]);
  for (guint k = 0; k < 3; k++)
    sqlite3_bind_int64 (insert, 6 + (int) k, sources[MIN (k, n - 1)]);
  if (!step_done (store, insert, error))
    return FALSE;
  brand = sqlite3_last_insert_rowid (db);
  for (guint k = 0; k < n; k++)
    {
      sqlite3_bind_int64 (integrate, 1, brand);
      sqlite3_bind_int64 (integrate, 2, sources[k]);
      if (!step_done (store, integrate, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
council_store_generate_project_details (CouncilStore *store, guint n_milestones, guint n_brands,
                                        guint32 seed, GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) projects = query_ids (store, "SELECT id FROM project ORDER BY id", error);
  g_autoptr(GArray) categories = NULL;

  if (projects == NULL)
    return FALSE;
  categories = query_ids (store, "SELECT id FROM project_category ORDER BY id", error);
  if (categories == NULL)
    return FALSE;
  if (!begin_bulk_change (store, "Generate milestones and brands", error))
    return FALSE;
  if (!generate_milestones (store, rand, projects, n_milestones, error))
    goto fail;
  /* What the "completed on time" indicator counts: some late, most not. */
  if (!council_store_exec (store,
        "INSERT INTO project_status_change (project_id, status, changed_on) "
        "SELECT id, 'completed', CASE WHEN id % 3 = 0 THEN date(end_date, '+20 days') ELSE date(end_date, '-5 days') END "
        "FROM project p WHERE status = 'completed' AND end_date IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM project_status_change c WHERE c.project_id = p.id AND c.status = 'completed')",
        error))
    goto fail;
  for (guint b = 0; b < n_brands; b++)
    {
      /* Somewhere in the list of candidates first, then from its start, then
       * in the other categories: exactly n_brands brands, or an error. */
      int offset = g_rand_int_range (rand, 0, 8);
      gboolean made = FALSE;

      for (guint c = 0; !made && c < 2 * categories->len; c++)
        if (!generate_brand (store, rand, b, g_array_index (categories, gint64, (b + c / 2) % categories->len),
                             c % 2 == 0 ? offset : 0, &made, error))
          goto fail;
      if (!made)
        {
          g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                       "Too few brand projects of different organizations for %u integrated brands.", n_brands);
          goto fail;
        }
    }
  if (!commit_bulk_change (store, "project", error))
    return FALSE;
  council_store_exec (store, "ANALYZE", NULL);
  return TRUE;

fail:
  rollback_bulk_change (store);
  return FALSE;
}

/* ---- meetings, attendance, agenda, outcomes, action items ---- */

static const char * const places[] = {
  "区委第一会议室", "区委第三会议室", "区群团服务中心报告厅", "区总工会四楼会议室", "团区委会议室", "区妇联会议室",
};
static const char * const agenda_titles[] = {
  "研究年度群团工作要点", "审议品牌项目一体化方案", "通报项目资金使用情况", "部署目标管理考核工作",
  "研究基层群团组织建设", "听取联络员工作情况汇报", "审议志愿服务联盟章程", "研究困难职工帮扶措施",
  "部署暑期青少年服务工作", "研究服务阵地共建共享",
};
static const char * const decisions[] = {
  "同意按会议意见推进相关工作。", "原则通过，会后按意见修改完善。", "同意方案，由秘书处统筹实施。",
  "会议听取了汇报，予以肯定。",
};
static const char * const actions[] = {
  "制定实施方案并按月报送进展", "落实会议决定事项，按期报送进展情况", "完成项目资金公示",
  "组织开展专题调研并形成报告", "修订工作制度并报秘书处备案", "做好宣传报道和经验总结",
  "协调相关部门落实场地保障", "梳理服务对象名单并建立台账",
};
static const char * const progress[] = {
  "已督促责任单位推进", "已召开专题推进会", "方案初稿已形成", "已完成过半", "责任单位反馈需延期",
};

typedef struct
{
  CouncilStore *store;
  GRand *rand;
  GArray *orgs;
  sqlite3_stmt *meeting, *attendance, *agenda, *outcome, *action, *co_owner, *note, *approve;
} MeetingWriter;

static gboolean
write_attendance (MeetingWriter *w, gint64 meeting, gboolean everyone, GError **error)
{
  guint n = everyone ? w->orgs->len : MIN (w->orgs->len, (guint) g_rand_int_range (w->rand, 3, 7));
  guint first = everyone ? 0 : (guint) g_rand_int_range (w->rand, 0, (gint32) w->orgs->len);

  for (guint k = 0; k < n; k++)
    {
      int r = g_rand_int_range (w->rand, 0, 100);
      CouncilAttendanceStatus status = r < 85 ? COUNCIL_ATTENDANCE_PRESENT : r < 93 ? COUNCIL_ATTENDANCE_EXCUSED
                                     : r < 97 ? COUNCIL_ATTENDANCE_DELEGATED : COUNCIL_ATTENDANCE_ABSENT;
      g_autofree char *who = status == COUNCIL_ATTENDANCE_ABSENT ? g_strdup ("") : person_name (w->rand);

      sqlite3_bind_int64 (w->attendance, 1, meeting);
      sqlite3_bind_int64 (w->attendance, 2, g_array_index (w->orgs, gint64, (first + k) % w->orgs->len));
      sqlite3_bind_text (w->attendance, 3, council_attendance_status_to_string (status), -1, SQLITE_STATIC);
      sqlite3_bind_text (w->attendance, 4, who, -1, SQLITE_TRANSIENT);
      if (!step_done (w->store, w->attendance, error))
        return FALSE;
    }
  return TRUE;
}

/* One action item of an agenda item, from its own outcome. */
static gboolean
write_action_item (MeetingWriter *w, gint64 meeting, const char *day, gint64 agenda, int position, GError **error)
{
  sqlite3 *db = council_store_get_db (w->store);
  const char *text = PICK (w->rand, actions);
  int due_days = g_rand_int_range (w->rand, 14, 180);
  g_autoptr(GDate) date = g_date_new ();
  g_autofree char *due = NULL;
  gboolean past;
  int r = g_rand_int_range (w->rand, 0, 100);
  CouncilActionStatus status;
  gint64 outcome, item;

  g_date_set_parse (date, day);
  g_date_add_days (date, (guint) due_days);
  due = council_iso_date_from_ymd (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  past = strcmp (due, COUNCIL_GENERATE_AS_OF) < 0;
  /* Most past items are done; the rest are the overdue list. */
  if (past)
    status = r < 75 ? COUNCIL_ACTION_STATUS_DONE : r < 80 ? COUNCIL_ACTION_STATUS_CANCELLED : r < 92 ? COUNCIL_ACTION_STATUS_IN_PROGRESS : COUNCIL_ACTION_STATUS_OPEN;
  else
    status = r < 30 ? COUNCIL_ACTION_STATUS_DONE : r < 65 ? COUNCIL_ACTION_STATUS_IN_PROGRESS : COUNCIL_ACTION_STATUS_OPEN;

  sqlite3_bind_int64 (w->outcome, 1, agenda);
  sqlite3_bind_text (w->outcome, 2, council_outcome_kind_to_string (COUNCIL_OUTCOME_ACTION), -1, SQLITE_STATIC);
  sqlite3_bind_text (w->outcome, 3, text, -1, SQLITE_STATIC);
  sqlite3_bind_int (w->outcome, 4, position);
  if (!step_done (w->store, w->outcome, error))
    return FALSE;
  outcome = sqlite3_last_insert_rowid (db);

  sqlite3_bind_int64 (w->action, 1, meeting);
  sqlite3_bind_int64 (w->action, 2, agenda);
  sqlite3_bind_int64 (w->action, 3, outcome);
  sqlite3_bind_text (w->action, 4, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (w->action, 5, PICK_ID (w->rand, w->orgs));
  sqlite3_bind_text (w->action, 6, due, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->action, 7, council_action_status_to_string (status), -1, SQLITE_STATIC);
  if (status == COUNCIL_ACTION_STATUS_DONE)
    {
      /* Done on time mostly, a few days late sometimes, never before the meeting. */
      g_autoptr(GDate) done = g_date_new ();
      g_autofree char *done_text = NULL;

      g_date_set_parse (done, day);
      g_date_add_days (done, (guint) MAX (1, due_days + g_rand_int_range (w->rand, -12, 6)));
      done_text = council_iso_date_from_ymd (g_date_get_year (done), g_date_get_month (done), g_date_get_day (done));
      if (strcmp (done_text, COUNCIL_GENERATE_AS_OF) > 0)
        {
          g_free (done_text);
          done_text = g_strdup (COUNCIL_GENERATE_AS_OF);
        }
      sqlite3_bind_text (w->action, 8, done_text, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (w->action, 8);
  if (!step_done (w->store, w->action, error))
    return FALSE;
  item = sqlite3_last_insert_rowid (db);

  if (g_rand_int_range (w->rand, 0, 10) == 0)
    {
      gint64 co = PICK_ID (w->rand, w->orgs);
      sqlite3_bind_int64 (w->co_owner, 1, item);
      sqlite3_bind_int64 (w->co_owner, 2, co);
      if (!step_done (w->store, w->co_owner, error))
        return FALSE;
    }
  if (g_rand_int_range (w->rand, 0, 4) == 0 && status != COUNCIL_ACTION_STATUS_OPEN)
    {
      g_autoptr(GDate) noted = g_date_new ();
      g_autofree char *noted_text = NULL;

      g_date_set_parse (noted, day);
      g_date_add_days (noted, (guint) g_rand_int_range (w->rand, 3, 14));
      noted_text = council_iso_date_from_ymd (g_date_get_year (noted), g_date_get_month (noted), g_date_get_day (noted));
      sqlite3_bind_int64 (w->note, 1, item);
      sqlite3_bind_text (w->note, 2, noted_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (w->note, 3, PICK (w->rand, progress), -1, SQLITE_STATIC);
      if (!step_done (w->store, w->note, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
prepare_meeting_writer (MeetingWriter *w, GError **error)
{
  w->meeting = council_store_prepare (w->store,
    "INSERT INTO meeting (kind_id, title, session_no, starts_at, place, chair, recorder, state) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  w->attendance = w->meeting ? council_store_prepare (w->store,
    "INSERT INTO attendance (meeting_id, org_id, status, attendees) VALUES (?1, ?2, ?3, ?4)", error) : NULL;
  w->agenda = w->attendance ? council_store_prepare (w->store,
    "INSERT INTO agenda_item (meeting_id, position, title, presenter_org_id, notes) VALUES (?1, ?2, ?3, ?4, ?5)", error) : NULL;
  w->outcome = w->agenda ? council_store_prepare (w->store,
    "INSERT INTO outcome (agenda_item_id, kind, text, position) VALUES (?1, ?2, ?3, ?4)", error) : NULL;
  w->action = w->outcome ? council_store_prepare (w->store,
    "INSERT INTO action_item (meeting_id, agenda_item_id, outcome_id, text, owner_org_id, due_date, status, done_date) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error) : NULL;
  w->co_owner = w->action ? council_store_prepare (w->store,
    "INSERT OR IGNORE INTO action_item_co_owner (action_item_id, org_id) "
    "SELECT ?1, ?2 WHERE ?2 <> (SELECT owner_org_id FROM action_item WHERE id = ?1)", error) : NULL;
  w->note = w->co_owner ? council_store_prepare (w->store,
    "INSERT INTO progress_note (action_item_id, noted_on, text) VALUES (?1, ?2, ?3)", error) : NULL;
  w->approve = w->note ? council_store_prepare (w->store,
    "UPDATE meeting SET state = 'approved', version = version + 1 WHERE id = ?1", error) : NULL;
  return w->approve != NULL;
}

typedef struct
{
  char *day;
  int kind;          /* index into the builtin kinds: 0 plenary, 1 joint, 2 special */
  gboolean held;
} PlannedMeeting;

static gboolean
write_meeting (MeetingWriter *w, GArray *kinds, PlannedMeeting *pm, guint session, guint n_items,
               GArray *approved, GError **error)
{
  static const char * const kind_names[] = { "理事会全体会议", "联席会议", "专题会议" };
  sqlite3 *db = council_store_get_db (w->store);
  g_autofree char *title = g_strdup_printf ("九龙坡区群团工作理事会%.4s年第%u次%s", pm->day, session, kind_names[pm->kind]);
  g_autofree char *starts = g_strdup_printf ("%sT%s", pm->day, g_rand_boolean (w->rand) ? "09:30" : "14:30");
  g_autofree char *chair = person_name (w->rand);
  g_autofree char *recorder = person_name (w->rand);
  guint n_agenda = (guint) g_rand_int_range (w->rand, 1, 5);
  gint64 meeting, agenda_ids[4];

  sqlite3_bind_int64 (w->meeting, 1, g_array_index (kinds, gint64, pm->kind));
  sqlite3_bind_text (w->meeting, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (w->meeting, 3, (int) session);
  sqlite3_bind_text (w->meeting, 4, starts, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->meeting, 5, PICK (w->rand, places), -1, SQLITE_STATIC);
  sqlite3_bind_text (w->meeting, 6, chair, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->meeting, 7, recorder, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->meeting, 8, pm->held ? "held" : "planned", -1, SQLITE_STATIC);
  if (!step_done (w->store, w->meeting, error))
    return FALSE;
  meeting = sqlite3_last_insert_rowid (db);

  if (pm->held && !write_attendance (w, meeting, pm->kind != 2, error))
    return FALSE;
  for (guint a = 0; a < n_agenda; a++)
    {
      sqlite3_bind_int64 (w->agenda, 1, meeting);
      sqlite3_bind_int (w->agenda, 2, (int) a);
      sqlite3_bind_text (w->agenda, 3, PICK (w->rand, agenda_titles), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (w->agenda, 4, PICK_ID (w->rand, w->orgs));
      sqlite3_bind_text (w->agenda, 5, pm->held ? "会议认为，要坚持党建带群建，推动群团组织向基层延伸，各成员单位要加强协作，形成工作合力。" : "",
                         -1, SQLITE_STATIC);
      if (!step_done (w->store, w->agenda, error))
        return FALSE;
      agenda_ids[a] = sqlite3_last_insert_rowid (db);
      if (pm->held)
        {
          sqlite3_bind_int64 (w->outcome, 1, agenda_ids[a]);
          sqlite3_bind_text (w->outcome, 2, council_outcome_kind_to_string (COUNCIL_OUTCOME_DECISION), -1, SQLITE_STATIC);
          sqlite3_bind_text (w->outcome, 3, PICK (w->rand, decisions), -1, SQLITE_STATIC);
          sqlite3_bind_int (w->outcome, 4, 0);
          if (!step_done (w->store, w->outcome, error))
            return FALSE;
        }
    }
  for (guint k = 0; k < n_items; k++)
    if (!write_action_item (w, meeting, pm->day, agenda_ids[k % n_agenda], 1 + (int) (k / n_agenda), error))
      return FALSE;
  /* Four in five held meetings have approved (locked) minutes. */
  if (pm->held && g_rand_int_range (w->rand, 0, 5) != 0)
    g_array_append_val (approved, meeting);
  return TRUE;
}

gboolean
council_store_generate_meetings (CouncilStore *store, guint n_meetings, guint n_action_items,
                                 guint32 seed, GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) orgs = query_ids (store, "SELECT id FROM organization WHERE retired = 0 ORDER BY id", error);
  g_autoptr(GArray) kinds = NULL;
  g_autoptr(GArray) approved = g_array_new (FALSE, FALSE, sizeof (gint64));
  PlannedMeeting *plan;
  MeetingWriter w = { store, rand, orgs };
  guint n_held = 0, held_index = 0, sessions[3][8] = { { 0 } };
  gboolean ok = FALSE;

  if (orgs == NULL)
    return FALSE;
  kinds = query_ids (store, "SELECT id FROM meeting_kind WHERE code IN ('plenary', 'joint', 'special') ORDER BY sort_order", error);
  if (kinds == NULL)
    return FALSE;
  if (n_meetings == 0)
    return TRUE;
  if (orgs->len == 0 || kinds->len != 3)
    {
      g_set_error_literal (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                           "Generating meetings needs organizations and the built-in meeting kinds.");
      return FALSE;
    }

  /* Dates first, in order over 2019-2026, so that the held ones are known
   * before the action items are shared out among them. */
  plan = g_new0 (PlannedMeeting, n_meetings);
  for (guint m = 0; m < n_meetings; m++)
    {
      int r = g_rand_int_range (rand, 0, 100);
      int day = (int) ((guint64) m * 2922 / n_meetings) + g_rand_int_range (rand, 0, MAX (1, (int) (2922 / n_meetings)));

      plan[m].day = day_after_2019 (MIN (day, 2921));
      plan[m].kind = r < 5 ? 0 : r < 65 ? 1 : 2;
      plan[m].held = strcmp (plan[m].day, COUNCIL_GENERATE_AS_OF) < 0;
      n_held += plan[m].held;
    }
  if (n_held == 0 && n_action_items > 0)
    {
      g_set_error_literal (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                           "Action items need at least one held meeting.");
      goto out;
    }

  if (!begin_bulk_change (store, "Generate meetings and action items", error))
    goto out;
  if (!prepare_meeting_writer (&w, error))
    goto fail;
  for (guint m = 0; m < n_meetings; m++)
    {
      /* The held meetings share the action items exactly. */
      guint items = 0;
      guint year = (guint) CLAMP (atoi (plan[m].day) - 2019, 0, 7);

      if (plan[m].held)
        {
          items = (guint) ((guint64) n_action_items * (held_index + 1) / n_held - (guint64) n_action_items * held_index / n_held);
          held_index++;
        }
      if (!write_meeting (&w, kinds, &plan[m], ++sessions[plan[m].kind][year], items, approved, error))
        goto fail;
    }
  for (guint i = 0; i < approved->len; i++)
    {
      sqlite3_bind_int64 (w.approve, 1, g_array_index (approved, gint64, i));
      if (!step_done (store, w.approve, error))
        goto fail;
    }
  ok = commit_bulk_change (store, "meeting", error);
  if (ok)
    council_store_exec (store, "ANALYZE", NULL);
  goto out;

fail:
  rollback_bulk_change (store);
out:
  for (guint m = 0; m < n_meetings; m++)
    g_free (plan[m].day);
  g_free (plan);
  return ok;
}

/* ---- assessment scores ---- */

static double
half_points (double v, double limit)
{
  return MIN (floor (v * 2.0 + 0.5) / 2.0, limit);
}

gboolean
council_store_generate_assessment_scores (CouncilStore *store, gint64 scheme_id, gboolean finalize,
                                          guint32 seed, GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(CouncilAssessmentScheme) scheme = council_store_get_assessment_scheme (store, scheme_id, error);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autofree char *scored_at = NULL;
  g_autofree char *finalized_at = NULL;
  sqlite3_stmt *insert, *lock;

  if (scheme == NULL)
    return FALSE;
  indicators = council_store_list_assessment_indicators (store, scheme_id, error);
  if (indicators == NULL)
    return FALSE;
  orgs = council_store_list_assessment_organizations (store, scheme, error);
  if (orgs == NULL)
    return FALSE;
  scored_at = g_strdup_printf ("%d-12-20T16:00:00", scheme->year);
  finalized_at = g_strdup_printf ("%d-01-15T10:00:00", scheme->year + 1);

  if (!begin_bulk_change (store, "Generate assessment scores", error))
    return FALSE;
  insert = council_store_prepare (store,
    "INSERT INTO assessment_score (scheme_id, indicator_id, org_id, value, measured_value, evidence, scored_by, scored_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (insert == NULL)
    goto fail;
  for (guint i = 0; i < orgs->len; i++)
    {
      /* Each organization has a steady quality, with noise per indicator. */
      double quality = 0.62 + 0.37 * g_rand_double (rand);
      g_autofree char *assessor = person_name (rand);

      for (guint j = 0; j < indicators->len; j++)
        {
          CouncilIndicator *ind = g_ptr_array_index (indicators, j);
          double limit = council_indicator_limit (ind);
          double value = NAN, measured = NAN;

          switch (ind->kind)
            {
            case COUNCIL_INDICATOR_MANUAL:
            case COUNCIL_INDICATOR_COMPUTED:
              value = half_points (limit * CLAMP (quality + g_rand_double_range (rand, -0.05, 0.05), 0.0, 1.0), limit);
              break;
            case COUNCIL_INDICATOR_RANK:
              measured = 100.0 * floor (quality * 40.0);
              value = half_points (limit * quality, limit);
              break;
            case COUNCIL_INDICATOR_BONUS:
              if (g_rand_int_range (rand, 0, 4) == 0)
                value = MIN (1.0, limit);
              break;
            case COUNCIL_INDICATOR_DEDUCTION:
              if (g_rand_int_range (rand, 0, 6) == 0)
                value = MIN (0.5 * g_rand_int_range (rand, 1, 3), limit);
              break;
            case COUNCIL_INDICATOR_CATEGORY:
            case COUNCIL_INDICATOR_N_KINDS:
            default:
              break;
            }
          if (isnan (value))
            continue;
          sqlite3_bind_int64 (insert, 1, scheme_id);
          sqlite3_bind_int64 (insert, 2, ind->id);
          sqlite3_bind_int64 (insert, 3, council_organization_get_id (g_ptr_array_index (orgs, i)));
          sqlite3_bind_double (insert, 4, value);
          if (isnan (measured))
            sqlite3_bind_null (insert, 5);
          else
            sqlite3_bind_double (insert, 5, measured);
          sqlite3_bind_text (insert, 6, value < limit && ind->kind == COUNCIL_INDICATOR_MANUAL ? "年度工作总结及佐证材料" : "",
                             -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 7, assessor, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert, 8, scored_at, -1, SQLITE_TRANSIENT);
          if (!step_done (store, insert, error))
            goto fail;
        }
    }
  if (finalize)
    {
      lock = council_store_prepare (store,
        "UPDATE assessment_scheme SET finalized = 1, finalized_at = ?2, version = version + 1 WHERE id = ?1", error);
      if (lock == NULL)
        goto fail;
      sqlite3_bind_int64 (lock, 1, scheme_id);
      sqlite3_bind_text (lock, 2, finalized_at, -1, SQLITE_TRANSIENT);
      if (!step_done (store, lock, error))
        goto fail;
    }
  return commit_bulk_change (store, "assessment_scheme", error);

fail:
  rollback_bulk_change (store);
  return FALSE;
}

/* ---- documents ---- */

const char * const council_generate_doc_sentences[] = {
  "坚持以党建带群建、群建促党建，推动群团组织更好发挥桥梁纽带作用。",
  "发挥总工会、共青团、妇联等枢纽型组织的联系服务作用。",
  "群团组织在人社、司法等政府部门设立联络员，定期沟通工作情况。",
  "以项目为载体整合资源，推行群团工作项目化运作。",
  "围绕维权服务、就业创业、困难帮扶等领域打造群团品牌项目。",
  "项目资金主要来源于政府购买服务、财政专项拨款和社会募捐。",
  "资金使用情况实行全过程公开，接受社会监督。",
  "区群团工作理事会每年开展目标管理考核，评定优秀、良好、合格、不合格等次。",
  "联席会议由理事会秘书处召集，成员单位分管领导参加。",
  "基层群团组织覆盖镇街、村社区，延伸工作手臂。",
  "对多个群团组织的同类品牌项目实施一体化整合。",
  "各级党组织要把群团工作列入重要议事日程，每年至少专题研究一次。",
  "加强群团干部队伍建设，防止人员长期抽调影响正常工作。",
  "鼓励企业赞助、海外捐赠等多元渠道参与群团公益项目。",
  "The council secretariat reviews project budgets every quarter.",
  "志愿服务、文化活动、科普宣传等项目纳入年度计划。",
};
const guint council_generate_n_doc_sentences = G_N_ELEMENTS (council_generate_doc_sentences);

/* Running text is mostly ordinary vocabulary; the council's own phrases turn
 * up on some pages, not all (each sentence on about 1 page in 8). */
static const char common_chars[] =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";

static void
append_common_words (GString *text, GRand *rand, const gunichar *chars, glong n_chars, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      guint len = (guint) g_rand_int_range (rand, 2, 5);
      for (guint j = 0; j < len; j++)
        g_string_append_unichar (text, chars[g_rand_int_range (rand, 0, (gint32) n_chars)]);
      if (g_rand_int_range (rand, 0, 8) == 0)
        g_string_append (text, "，");
    }
  g_string_append (text, "。");
}

/* About 800 characters: a header line every page has ("第N号文件 第M页"),
 * then paragraphs of common words with the council's phrases here and there. */
static char *
page_text (GRand *rand, const gunichar *chars, glong n_chars, guint doc, guint page)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "第%u号文件 第%u页\n", doc + 1, page + 1);
  for (guint i = 0; i < 6; i++)
    {
      append_common_words (text, rand, chars, n_chars, 40);
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_string_append (text, PICK (rand, council_generate_doc_sentences));
      if (g_rand_int_range (rand, 0, 4) == 0)
        g_string_append (text, "\n　　");
    }
  return g_string_free (text, FALSE);
}

/* A small valid PDF, one Helvetica line per page naming the document and the
 * page: poppler opens it and the viewer draws it, at a tiny cost per page. */
static GBytes *
small_pdf (guint doc, guint n_pages, guint32 seed)
{
  GString *pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint n_objects = 3 + 2 * n_pages;
  gsize xref;

#define OBJECT_START() G_STMT_START { gsize o = pdf->len; g_array_append_val (offsets, o); } G_STMT_END
  OBJECT_START ();
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  OBJECT_START ();
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [");
  for (guint p = 0; p < n_pages; p++)
    g_string_append_printf (pdf, " %u 0 R", 4 + 2 * p);
  g_string_append_printf (pdf, " ] /Count %u >>\nendobj\n", n_pages);
  OBJECT_START ();
  g_string_append (pdf, "3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *content = g_strdup_printf ("BT /F1 16 Tf 72 760 Td (Generated policy document %u, page %u of %u, seed %u) Tj ET\n",
                                                  doc + 1, p + 1, n_pages, seed);
      OBJECT_START ();
      g_string_append_printf (pdf, "%u 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                              "/Resources << /Font << /F1 3 0 R >> >> /Contents %u 0 R >>\nendobj\n", 4 + 2 * p, 5 + 2 * p);
      OBJECT_START ();
      g_string_append_printf (pdf, "%u 0 obj\n<< /Length %zu >>\nstream\n%sendstream\nendobj\n", 5 + 2 * p, strlen (content), content);
    }
#undef OBJECT_START
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", n_objects + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", n_objects + 1, xref);
  return g_string_free_to_bytes (pdf);
}

static cairo_status_t
append_to_byte_array (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The long document as a real PDF of its own text (Chinese through a CJK
 * font), dated by the generator so that its bytes depend on the seed only. */
static GBytes *
text_pdf (GPtrArray *pages, const char *title, GError **error)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, bytes, 595, 842);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Serif CJK SC, Noto Sans CJK SC, serif 11");
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Council Desk generator");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-03-05T10:00:00");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, "2026-03-05T10:00:00");
  for (guint i = 0; i < pages->len; i++)
    {
      PangoLayout *layout = pango_cairo_create_layout (cr);

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (595 - 2 * 72) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (layout, g_ptr_array_index (pages, i), -1);
      cairo_move_to (cr, 72, 72);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  pango_font_description_free (font);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                   "Could not write the generated PDF: %s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

static const char * const issuers[][2] = {
  { "中共重庆市九龙坡区委办公室", "九龙坡委办发" },
  { "重庆市九龙坡区人民政府办公室", "九龙坡府办发" },
  { "九龙坡区群团工作理事会", "九龙坡群理发" },
  { "九龙坡区总工会", "九龙坡工发" },
  { "共青团重庆市九龙坡区委员会", "九龙坡青发" },
  { "九龙坡区妇女联合会", "九龙坡妇发" },
  { "九龙坡区财政局", "九龙坡财发" },
};
static const char * const doc_topics[] = {
  "关于加强新时代群团工作的实施意见", "关于推进群团工作项目化运作的通知", "群团品牌项目一体化建设方案",
  "关于做好年度目标管理考核工作的通知", "政府购买群团服务项目管理办法", "关于规范项目资金公开的通知",
  "关于建立群团联络员制度的意见", "基层群团组织建设三年行动计划", "关于开展志愿服务活动的通知",
  "困难职工帮扶资金管理办法",
};
static const char * const doc_tags[] = { "项目化", "考核", "资金", "志愿服务", "联络员", "基层建设", "品牌" };

typedef struct
{
  sqlite3_stmt *blob, *document, *page;
} DocumentWriter;

static gboolean
write_document (CouncilStore *store, DocumentWriter *w, GRand *rand, guint doc, GPtrArray *texts,
                GBytes *pdf, GError **error)
{
  int issuer = g_rand_int_range (rand, 0, G_N_ELEMENTS (issuers));
  int year = g_rand_int_range (rand, 2018, 2027);
  g_autofree char *date = council_iso_date_from_ymd (year, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  g_autofree char *number = g_strdup_printf ("%s〔%d〕%u号", issuers[issuer][1], year, doc + 1);
  g_autofree char *title = g_strdup_printf ("%s（第%u号文件）", PICK (rand, doc_topics), doc + 1);
  g_autofree char *tags = g_strdup_printf ("%s,%s", PICK (rand, doc_tags), year >= 2024 ? "现行有效" : "存档");
  g_autofree char *imported = g_strdup_printf ("%sT10:%02d:00", strcmp (date, COUNCIL_GENERATE_AS_OF) < 0 ? date : COUNCIL_GENERATE_AS_OF,
                                               (int) (doc % 60));
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *canonical = council_doc_number_normalize (number, 0, error);
  sqlite3 *db = council_store_get_db (store);
  gint64 id;

  if (canonical == NULL)
    return FALSE;
  sqlite3_bind_text (w->blob, 1, sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (w->blob, 2, (gint64) g_bytes_get_size (pdf));
  sqlite3_bind_blob64 (w->blob, 3, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), SQLITE_STATIC);
  if (!step_done (store, w->blob, error))
    return FALSE;
  sqlite3_bind_text (w->document, 1, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->document, 2, issuers[issuer][0], -1, SQLITE_STATIC);
  sqlite3_bind_text (w->document, 3, canonical, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->document, 4, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->document, 5, council_document_kind_to_string ((CouncilDocumentKind) g_rand_int_range (rand, 0, COUNCIL_DOCUMENT_N_KINDS)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (w->document, 6, tags, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (w->document, 7, (int) texts->len);
  sqlite3_bind_text (w->document, 8, sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->document, 9, imported, -1, SQLITE_TRANSIENT);
  if (!step_done (store, w->document, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (db);
  for (guint p = 0; p < texts->len; p++)
    {
      g_autofree char *normal = council_document_normalize_text (g_ptr_array_index (texts, p));

      sqlite3_bind_int64 (w->page, 1, id);
      sqlite3_bind_int (w->page, 2, (int) p + 1);
      sqlite3_bind_text (w->page, 3, normal, -1, SQLITE_TRANSIENT);
      if (!step_done (store, w->page, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
council_store_generate_documents (CouncilStore *store, guint n_pages, guint long_document_pages,
                                  guint32 seed, GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree gunichar *chars = NULL;
  glong n_chars = 0;
  DocumentWriter w;
  guint done = 0;

  if (n_pages == 0)
    return TRUE;
  chars = g_utf8_to_ucs4_fast (common_chars, -1, &n_chars);
  if (!begin_bulk_change (store, "Generate policy documents", error))
    return FALSE;
  w.blob = council_store_prepare (store, "INSERT OR IGNORE INTO pdf_blob (sha256, size, bytes) VALUES (?1, ?2, ?3)", error);
  w.document = w.blob ? council_store_prepare (store,
    "INSERT INTO document (title, issuing_body, doc_number, issue_date, kind, tags, page_count, sha256, imported_at, imported_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'generator')", error) : NULL;
  /* The pages wait in a temporary table and go into document_page in one
   * statement at the end: FTS5 writes its pending index data at the end of
   * every statement, and 20,000 one-page segments take minutes to merge. */
  if (w.document == NULL ||
      !council_store_exec (store, "CREATE TEMP TABLE generated_page (document_id INTEGER, page_no INTEGER, text TEXT)", error))
    goto fail;
  w.page = council_store_prepare (store,
    "INSERT INTO temp.generated_page (document_id, page_no, text) VALUES (?1, ?2, ?3)", error);
  if (w.page == NULL)
    goto fail;
  for (guint doc = 0; done < n_pages; doc++)
    {
      guint want = doc == 0 && long_document_pages > 0 ? long_document_pages : (guint) g_rand_int_range (rand, 1, 41);
      guint pages = MIN (want, n_pages - done);
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GBytes) pdf = NULL;

      for (guint p = 0; p < pages; p++)
        g_ptr_array_add (texts, page_text (rand, chars, n_chars, doc, p));
      if (doc == 0 && long_document_pages > 0)
        pdf = text_pdf (texts, "关于加强新时代群团工作的实施意见（汇编）", error);
      else
        pdf = small_pdf (doc, pages, seed);
      if (pdf == NULL || !write_document (store, &w, rand, doc, texts, pdf, error))
        goto fail;
      done += pages;
    }
  if (!council_store_exec (store, "INSERT INTO document_page (document_id, page_no, text) "
                                  "SELECT document_id, page_no, text FROM temp.generated_page ORDER BY rowid", error) ||
      !council_store_exec (store, "DROP TABLE temp.generated_page", error))
    goto fail;
  return commit_bulk_change (store, "document", error);

fail:
  rollback_bulk_change (store);
  council_store_exec (store, "DROP TABLE IF EXISTS temp.generated_page", NULL);
  return FALSE;
}
