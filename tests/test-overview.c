/* test-overview.c: the Overview's figures and lists on fixed dates, and the
 * global search finding one record of each kind.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "council-document.h"
#include "council-overview.h"
#include "council-project.h"
#include "council-store-assessment.h"
#include "council-store-documents.h"
#include "council-store-meetings.h"
#include "council-store-overview.h"
#include "council-store-projects.h"
#include "council-test-helpers.h"

#define AS_OF "2026-06-01"

typedef struct
{
  CouncilStore *store;
  char *path;
  gint64 orgs[4];
  gint64 categories[2];
  gint64 strained_org;
  gint64 on_track, off_track, completed, last_year;
  gint64 meeting;
  gint64 overdue_item, open_item;
  gint64 document;
  /* Assessment: 2025 finalized for every organization, 2026 open for three. */
  gint64 scheme_2025, scheme_2026, leadership_2026, guide_only_2026;
  gint64 work_2025, reporting_2025, bonus_2025;
  gint64 best_org;          /* the top of 2025: 90 points */
  gint64 bonus_org;         /* 2025: 50 + 30 + a bonus of 2 */
} Fixture;

static gint64
save_project (Fixture *f, const char *code, const char *title, guint category, const char *start,
              const char *end, CouncilProjectStatus status, CouncilProjectHealth health,
              CouncilMilestone *milestone1, CouncilMilestone *milestone2,
              CouncilFundEntry *fund1, CouncilFundEntry *fund2)
{
  g_autoptr(CouncilProject) p = council_project_new ();
  g_autoptr(GError) error = NULL;

  council_project_set_code (p, code);
  council_project_set_title_zh (p, title);
  council_project_set_title_en (p, "Project in English");
  council_project_set_lead_org_id (p, f->orgs[0]);
  council_project_set_category_id (p, f->categories[category]);
  council_project_set_start_date (p, start);
  council_project_set_end_date (p, end);
  council_project_set_status (p, status);
  council_project_set_health (p, health);
  if (milestone1)
    g_list_store_append (council_project_get_milestones (p), milestone1);
  if (milestone2)
    g_list_store_append (council_project_get_milestones (p), milestone2);
  if (fund1)
    g_list_store_append (council_project_get_fund_entries (p), fund1);
  if (fund2)
    g_list_store_append (council_project_get_fund_entries (p), fund2);
  g_assert_true (council_store_save_project (f->store, p, &error));
  g_assert_no_error (error);
  g_clear_object (&milestone1);
  g_clear_object (&milestone2);
  g_clear_object (&fund1);
  g_clear_object (&fund2);
  return council_project_get_id (p);
}

static void
make_meeting (Fixture *f)
{
  g_autoptr(CouncilMeeting) m = council_meeting_new ();
  g_autoptr(CouncilMeeting) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 joint = council_store_find_meeting_kind (f->store, "joint", &error);
  CouncilAgendaItem *item;
  CouncilOutcome *outcome;

  council_meeting_set_kind (m, joint, "联席会议", "Joint meeting");
  council_meeting_set_title (m, "2026年第1次联席会议");
  council_meeting_set_starts_at (m, "2026-03-18T09:30");
  council_meeting_set_place (m, "区委第三会议室");
  item = council_meeting_add_agenda_item (m, "研究职工服务阵地建设");
  outcome = council_agenda_item_add_outcome (item, COUNCIL_OUTCOME_ACTION, "制定职工服务阵地建设方案");
  council_action_item_set_owner (council_outcome_get_action_item (outcome), f->orgs[1], NULL);
  council_action_item_set_due_date (council_outcome_get_action_item (outcome), "2026-04-30");
  outcome = council_agenda_item_add_outcome (item, COUNCIL_OUTCOME_ACTION, "筹备暑期青少年托管班");
  council_action_item_set_owner (council_outcome_get_action_item (outcome), f->orgs[2], NULL);
  council_action_item_set_due_date (council_outcome_get_action_item (outcome), "2026-07-15");
  g_assert_true (council_store_save_meeting (f->store, m, &error));
  g_assert_no_error (error);
  f->meeting = council_meeting_get_id (m);
  g_assert_true (council_store_hold_meeting (f->store, f->meeting, &error));
  g_assert_no_error (error);

  /* A planned meeting is not "held". */
  {
    g_autoptr(CouncilMeeting) planned = council_meeting_new ();
    council_meeting_set_kind (planned, joint, "联席会议", "Joint meeting");
    council_meeting_set_title (planned, "2026年第2次联席会议");
    council_meeting_set_starts_at (planned, "2026-09-01T09:30");
    g_assert_true (council_store_save_meeting (f->store, planned, &error));
    g_assert_no_error (error);
  }

  {
    CouncilActionFilter filter;
    g_autoptr(GListStore) items = NULL;

    council_action_filter_init (&filter);
    filter.meeting_id = f->meeting;
    items = council_store_list_action_items (f->store, &filter, 0, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(CouncilActionItem) a = g_list_model_get_item (G_LIST_MODEL (items), i);
        if (g_str_equal (council_action_item_get_due_date (a), "2026-04-30"))
          f->overdue_item = council_action_item_get_id (a);
        else
          f->open_item = council_action_item_get_id (a);
      }
  }
  g_assert_cmpint (f->overdue_item, >, 0);
  g_assert_cmpint (f->open_item, >, 0);
}

static gint64
add_indicator (Fixture *f, gint64 scheme_id, gint64 parent, CouncilIndicatorKind kind, const char *name_zh,
               const char *name_en, double max, const char *guide)
{
  g_autoptr(CouncilIndicator) ind = council_indicator_new (kind, name_zh, max);
  g_autoptr(GError) error = NULL;

  ind->parent_id = parent;
  g_free (ind->name_en);
  ind->name_en = g_strdup (name_en);
  g_free (ind->guide);
  ind->guide = g_strdup (guide);
  if (kind == COUNCIL_INDICATOR_BONUS)
    {
      ind->cap = max;
      ind->max_score = 0;
    }
  g_assert_true (council_store_save_assessment_indicator (f->store, scheme_id, ind, &error));
  g_assert_no_error (error);
  return ind->id;
}

static gint64
save_scheme (Fixture *f, int year, const char *title, const gint64 *only, guint n_only)
{
  g_autoptr(CouncilAssessmentScheme) scheme = council_assessment_scheme_new (year);
  g_autoptr(GError) error = NULL;

  g_free (scheme->title);
  scheme->title = g_strdup (title);
  if (n_only > 0)
    {
      scheme->applies_to = COUNCIL_APPLIES_TO_LIST;
      g_array_append_vals (scheme->org_ids, only, n_only);
    }
  g_assert_true (council_store_save_assessment_scheme (f->store, scheme, &error));
  g_assert_no_error (error);
  return scheme->id;
}

static void
set_score (Fixture *f, gint64 indicator, gint64 org, double value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (council_store_set_assessment_score (f->store, indicator, org, value, NULL, &error));
  g_assert_no_error (error);
}

/* 2025: every organization i scores 50 + 2 (i mod 5) and 30 + (i mod 3), so
 * totals tie; the first gets a bonus of 2; only i = 14 reaches 90. Finalized.
 * 2026: three organizations, one fully scored, one half, one with a bonus only. */
static void
make_assessment (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilAssessmentScheme) scheme = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  gint64 cat, work, reporting, bonus;

  f->scheme_2025 = save_scheme (f, 2025, "2025年度目标管理考核", NULL, 0);
  cat = add_indicator (f, f->scheme_2025, 0, COUNCIL_INDICATOR_CATEGORY, "基础工作", "Basic work", 0, "");
  work = add_indicator (f, f->scheme_2025, cat, COUNCIL_INDICATOR_MANUAL, "班子建设", "Leadership team", 60, "");
  reporting = add_indicator (f, f->scheme_2025, cat, COUNCIL_INDICATOR_MANUAL, "信息报送", "Information reporting", 40, "");
  bonus = f->bonus_2025 = add_indicator (f, f->scheme_2025, cat, COUNCIL_INDICATOR_BONUS, "上级表彰", "Commendations", 3, "");
  scheme = council_store_get_assessment_scheme (f->store, f->scheme_2025, &error);
  g_assert_no_error (error);
  orgs = council_store_list_assessment_organizations (f->store, scheme, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orgs->len, >, 14);
  for (guint i = 0; i < orgs->len; i++)
    {
      gint64 id = council_organization_get_id (g_ptr_array_index (orgs, i));

      set_score (f, work, id, 50 + 2 * (i % 5));
      set_score (f, reporting, id, 30 + i % 3);
    }
  f->bonus_org = council_organization_get_id (g_ptr_array_index (orgs, 0));
  f->best_org = council_organization_get_id (g_ptr_array_index (orgs, 14));
  f->work_2025 = work;
  f->reporting_2025 = reporting;
  set_score (f, bonus, f->bonus_org, 2);
  g_assert_true (council_store_finalize_assessment_scheme (f->store, f->scheme_2025, &error));
  g_assert_no_error (error);

  f->scheme_2026 = save_scheme (f, 2026, "2026年度目标管理考核", f->orgs, 3);
  cat = add_indicator (f, f->scheme_2026, 0, COUNCIL_INDICATOR_CATEGORY, "基础工作", "Basic work", 0, "");
  f->leadership_2026 = add_indicator (f, f->scheme_2026, cat, COUNCIL_INDICATOR_MANUAL, "班子建设", "Leadership team", 60, "");
  f->guide_only_2026 = add_indicator (f, f->scheme_2026, cat, COUNCIL_INDICATOR_MANUAL, "信息报送", "Information reporting", 40,
                                      "按时报送政务简报，每迟报一次扣1分。");
  bonus = add_indicator (f, f->scheme_2026, cat, COUNCIL_INDICATOR_BONUS, "上级表彰", "Commendations", 3, "");
  set_score (f, f->leadership_2026, f->orgs[0], 55);
  set_score (f, f->guide_only_2026, f->orgs[0], 35);
  set_score (f, f->leadership_2026, f->orgs[1], 50);
  set_score (f, bonus, f->orgs[2], 1);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GListStore) orgs = NULL;
  g_autoptr(GListStore) cats = NULL;
  g_autoptr(GError) error = NULL;

  f->store = council_test_open_store (&f->path);
  orgs = council_store_list_organizations (f->store, FALSE, NULL);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);
      f->orgs[i] = council_organization_get_id (org);
    }
  cats = council_store_list_project_categories (f->store, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CouncilProjectCategory) c = g_list_model_get_item (G_LIST_MODEL (cats), i);
      f->categories[i] = council_project_category_get_id (c);
    }

  /* Two thirds of the staff seconded away: a staffing alert. */
  {
    g_autoptr(CouncilOrganization) org = council_store_get_organization (f->store, f->orgs[3], &error);
    g_assert_no_error (error);
    council_organization_set_staff_in_post (org, 9);
    council_organization_set_seconded_out (org, 6);
    council_organization_set_part_time (org, 0);
    g_assert_true (council_store_save_organization (f->store, org, &error));
    g_assert_no_error (error);
    f->strained_org = f->orgs[3];
  }

  f->on_track = save_project (f, "QT-2026-001", "职工技能提升培训", 0, "2026-03-01", "2026-10-31",
                              COUNCIL_PROJECT_STATUS_IN_PROGRESS, COUNCIL_PROJECT_HEALTH_ON_TRACK,
                              council_milestone_new ("中期评估", "2026-06-10", NULL),
                              council_milestone_new ("结项验收", "2026-10-20", NULL),
                              council_fund_entry_new (COUNCIL_FUND_SOURCE_DONATION, COUNCIL_FUND_KIND_RAISED, 10000000, "2026-03-05"),
                              council_fund_entry_new (COUNCIL_FUND_SOURCE_DONATION, COUNCIL_FUND_KIND_SPENT, 4000000, "2026-04-01"));
  f->off_track = save_project (f, "QT-2026-002", "妇女创业孵化", 1, "2026-02-01", "2026-12-31",
                               COUNCIL_PROJECT_STATUS_IN_PROGRESS, COUNCIL_PROJECT_HEALTH_OFF_TRACK,
                               council_milestone_new ("导师配对", "2026-06-15", "2026-05-20"),
                               NULL,
                               council_fund_entry_new (COUNCIL_FUND_SOURCE_GOV_PURCHASE, COUNCIL_FUND_KIND_RAISED, 25000000, "2026-02-10"),
                               NULL);
  f->completed = save_project (f, "QT-2026-003", "科普进社区", 0, "2026-01-10", "2026-04-30",
                               COUNCIL_PROJECT_STATUS_COMPLETED, COUNCIL_PROJECT_HEALTH_OFF_TRACK,
                               NULL, NULL, NULL, NULL);
  f->last_year = save_project (f, "QT-2025-009", "往年项目", 1, "2025-01-01", "2025-12-31",
                               COUNCIL_PROJECT_STATUS_IN_PROGRESS, COUNCIL_PROJECT_HEALTH_OFF_TRACK,
                               NULL, NULL,
                               council_fund_entry_new (COUNCIL_FUND_SOURCE_DONATION, COUNCIL_FUND_KIND_RAISED, 5000000, "2025-06-01"),
                               NULL);
  make_meeting (f);

  {
    g_autoptr(CouncilDocument) doc = council_document_new ();
    g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
    static const char fake[] = "%PDF-1.5 stand-in for the overview test";
    g_autoptr(GBytes) pdf = g_bytes_new_static (fake, sizeof fake - 1);

    g_ptr_array_add (pages, g_strdup ("关于加强新就业形态劳动者权益保障的实施意见"));
    council_document_set_title (doc, "权益保障实施意见");
    council_document_set_issue_date (doc, "2026-03-05");
    f->document = council_store_insert_document (f->store, doc, pdf, pages, &error);
    g_assert_no_error (error);
    g_assert_cmpint (f->document, >, 0);
  }
  make_assessment (f);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_clear_object (&f->store);
  council_test_rm_rf (dir);
  g_free (f->path);
}

static guint
count_staffing_alerts (CouncilStore *store)
{
  g_autoptr(GListStore) orgs = council_store_list_organizations (store, FALSE, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (orgs)); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);
      n += council_organization_has_staffing_alert (org);
    }
  return n;
}

static gboolean
refs_contain (GPtrArray *refs, CouncilRecordKind kind, gint64 id)
{
  for (guint i = 0; i < refs->len; i++)
    {
      CouncilRecordRef *ref = g_ptr_array_index (refs, i);
      if (ref->kind == kind && ref->id == id)
        return TRUE;
    }
  return FALSE;
}

static void
test_figures (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilOverview) o = council_overview_compute (f->store, 2026, AS_OF, TRUE, &error);
  CouncilCategoryCount *first;

  g_assert_no_error (error);
  g_assert_nonnull (o);
  g_assert_cmpint (o->year, ==, 2026);
  g_assert_cmpstr (o->as_of, ==, AS_OF);
  g_assert_cmpuint (o->active_organizations, ==, council_store_count_organizations (f->store, FALSE));

  /* Three projects run in 2026; last year's is not counted. */
  g_assert_cmpuint (o->projects, ==, 3);
  g_assert_cmpuint (o->projects_by_status[COUNCIL_PROJECT_STATUS_IN_PROGRESS], ==, 2);
  g_assert_cmpuint (o->projects_by_status[COUNCIL_PROJECT_STATUS_COMPLETED], ==, 1);
  g_assert_cmpuint (o->projects_by_status[COUNCIL_PROJECT_STATUS_PROPOSED], ==, 0);
  g_assert_cmpuint (o->projects_by_health[COUNCIL_PROJECT_HEALTH_ON_TRACK], ==, 1);
  g_assert_cmpuint (o->projects_by_health[COUNCIL_PROJECT_HEALTH_OFF_TRACK], ==, 2);
  first = &g_array_index (o->projects_by_category, CouncilCategoryCount, 0);
  g_assert_cmpint (first->category_id, ==, f->categories[0]);
  g_assert_cmpuint (first->n_projects, ==, 2);
  g_assert_cmpuint (g_array_index (o->projects_by_category, CouncilCategoryCount, 1).n_projects, ==, 1);

  /* Funds dated in 2026 only. */
  g_assert_cmpint (o->raised_by_source[COUNCIL_FUND_SOURCE_DONATION], ==, 10000000);
  g_assert_cmpint (o->raised_by_source[COUNCIL_FUND_SOURCE_GOV_PURCHASE], ==, 25000000);
  g_assert_cmpint (o->spent_by_source[COUNCIL_FUND_SOURCE_DONATION], ==, 4000000);
  g_assert_cmpint (o->raised_fen, ==, 35000000);
  g_assert_cmpint (o->spent_fen, ==, 4000000);

  g_assert_cmpuint (o->meetings_held, ==, 1);
  /* The joint meeting's rhythm from the held one; the planned one may satisfy it. */
  g_assert_nonnull (o->next_meeting_due);
  g_assert_cmpuint (strlen (o->next_meeting_due), ==, 10);

  /* On 1 June one item is overdue (due 30 April), one still open. */
  g_assert_cmpuint (o->action_items_open, ==, 2);
  g_assert_cmpuint (o->action_items_overdue, ==, 1);
  g_assert_cmpuint (o->overdue_action_items->len, ==, 1);
  g_assert_true (refs_contain (o->overdue_action_items, COUNCIL_RECORD_ACTION_ITEM, f->overdue_item));

  /* Off track and still running: not the completed one, not last year's. */
  g_assert_cmpuint (o->n_off_track_projects, ==, 1);
  g_assert_true (refs_contain (o->off_track_projects, COUNCIL_RECORD_PROJECT, f->off_track));

  /* Due 10 June: within 14 days; 20 October is not; a done one is not. */
  g_assert_cmpuint (o->n_milestones_due, ==, 1);
  g_assert_true (refs_contain (o->milestones_due, COUNCIL_RECORD_PROJECT, f->on_track));
  g_assert_cmpstr (((CouncilRecordRef *) g_ptr_array_index (o->milestones_due, 0))->title, ==, "中期评估");

  g_assert_cmpuint (o->n_staffing_alerts, ==, count_staffing_alerts (f->store));
  g_assert_true (refs_contain (o->staffing_alerts, COUNCIL_RECORD_ORGANIZATION, f->strained_org));

  /* 2026's scheme: one of its three organizations has every ordinary
   * indicator scored (a bonus alone, or half the indicators, is not scored). */
  g_assert_true (o->assessment_available);
  g_assert_cmpint (o->assessment_scheme_id, ==, f->scheme_2026);
  g_assert_cmpuint (o->organizations_assessed, ==, 3);
  g_assert_cmpuint (o->organizations_scored, ==, 1);
  g_assert_cmpuint (o->organizations_partly_scored, ==, 2);
  /* 2026 is still open: the ranking is 2025's. */
  g_assert_nonnull (o->ranking);
  g_assert_cmpint (o->ranking_scheme_id, ==, f->scheme_2025);
  g_assert_cmpint (o->ranking_year, ==, 2025);
  g_assert_cmpstr (o->ranking_title, ==, "2025年度目标管理考核");

  /* Later: on 1 May nothing was overdue yet. */
  {
    g_autoptr(CouncilOverview) earlier = council_overview_compute (f->store, 2026, "2026-04-20", TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (earlier->action_items_overdue, ==, 0);
    g_assert_cmpuint (earlier->n_milestones_due, ==, 0);
  }
  /* 2025: last year's project and fund only. */
  {
    g_autoptr(CouncilOverview) y2025 = council_overview_compute (f->store, 2025, AS_OF, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (y2025->projects, ==, 1);
    g_assert_cmpint (y2025->raised_fen, ==, 5000000);
    g_assert_cmpuint (y2025->meetings_held, ==, 0);
    g_assert_cmpuint (y2025->documents_added, ==, 0);
  }
}

static void
test_documents_added (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(CouncilOverview) o = NULL;

  /* Documents count by the day they were imported: today. */
  o = council_overview_compute (f->store, g_date_time_get_year (now), NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (o->documents_added, ==, 1);
}

static void
test_names_follow_language (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilOverview) zh = council_overview_compute (f->store, 2026, AS_OF, TRUE, &error);
  g_autoptr(CouncilOverview) en = council_overview_compute (f->store, 2026, AS_OF, FALSE, &error);
  g_autoptr(CouncilOrganization) org = council_store_get_organization (f->store, f->strained_org, &error);
  CouncilRecordRef *zh_project = g_ptr_array_index (zh->off_track_projects, 0);
  CouncilRecordRef *en_project = g_ptr_array_index (en->off_track_projects, 0);

  g_assert_cmpstr (zh_project->title, ==, "妇女创业孵化");
  g_assert_cmpstr (en_project->title, ==, "Project in English");
  g_assert_true (refs_contain (en->staffing_alerts, COUNCIL_RECORD_ORGANIZATION, f->strained_org));
  for (guint i = 0; i < en->staffing_alerts->len; i++)
    {
      CouncilRecordRef *ref = g_ptr_array_index (en->staffing_alerts, i);
      if (ref->id == f->strained_org)
        g_assert_cmpstr (ref->title, ==, council_organization_get_name_for_language (org, FALSE));
    }
}

static void
test_bad_date (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilOverview) o = council_overview_compute (f->store, 2026, "2026-13-45", TRUE, &error);

  g_assert_null (o);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
assert_found (CouncilStore *store, const char *query, CouncilRecordKind kind, gint64 id)
{
  GPtrArray *results[COUNCIL_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;

  g_assert_true (council_search_everything (store, query, TRUE, COUNCIL_SEARCH_LIMIT_PER_KIND, results, &error));
  g_assert_no_error (error);
  if (!refs_contain (results[kind], kind, id))
    g_error ("“%s” did not find record %" G_GINT64_FORMAT " of kind %d", query, id, kind);
  for (int k = 0; k < COUNCIL_N_RECORD_KINDS; k++)
    {
      g_assert_cmpuint (results[k]->len, <=, COUNCIL_SEARCH_LIMIT_PER_KIND);
      g_ptr_array_unref (results[k]);
    }
}

/* One record of each kind. */
static void
test_search (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilOrganization) org = council_store_get_organization (f->store, f->orgs[1], NULL);
  GPtrArray *results[COUNCIL_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;

  assert_found (f->store, council_organization_get_name_zh (org), COUNCIL_RECORD_ORGANIZATION, f->orgs[1]);
  assert_found (f->store, "QT-2026-002", COUNCIL_RECORD_PROJECT, f->off_track);
  assert_found (f->store, "创业孵化", COUNCIL_RECORD_PROJECT, f->off_track);
  assert_found (f->store, "第三会议室", COUNCIL_RECORD_MEETING, f->meeting);
  assert_found (f->store, "托管班", COUNCIL_RECORD_ACTION_ITEM, f->open_item);
  assert_found (f->store, "政务简报", COUNCIL_RECORD_INDICATOR, f->guide_only_2026);
  assert_found (f->store, "新就业形态", COUNCIL_RECORD_DOCUMENT, f->document);
  /* Two characters: the document text falls back to a scan. */
  assert_found (f->store, "权益", COUNCIL_RECORD_DOCUMENT, f->document);
  /* LIKE wildcards are plain characters. */
  g_assert_true (council_search_everything (f->store, "%", TRUE, 8, results, &error));
  g_assert_cmpuint (results[COUNCIL_RECORD_ACTION_ITEM]->len, ==, 0);
  g_assert_cmpuint (results[COUNCIL_RECORD_ORGANIZATION]->len, ==, 0);
  for (int k = 0; k < COUNCIL_N_RECORD_KINDS; k++)
    g_ptr_array_unref (results[k]);
  /* An empty query finds nothing, without an error. */
  g_assert_true (council_search_everything (f->store, "  ", TRUE, 8, results, &error));
  for (int k = 0; k < COUNCIL_N_RECORD_KINDS; k++)
    {
      g_assert_cmpuint (results[k]->len, ==, 0);
      g_ptr_array_unref (results[k]);
    }
  g_assert_true (council_search_kind_available (COUNCIL_RECORD_DOCUMENT));
}

static void
test_search_indicators (Fixture *f, gconstpointer data)
{
  GPtrArray *results[COUNCIL_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;
  CouncilRecordRef *ref;

  g_assert_true (council_search_kind_available (COUNCIL_RECORD_INDICATOR));
  /* By its scoring guide, and by its English name in either language. */
  assert_found (f->store, "政务简报", COUNCIL_RECORD_INDICATOR, f->guide_only_2026);
  assert_found (f->store, "Leadership", COUNCIL_RECORD_INDICATOR, f->leadership_2026);

  /* Both years have 班子建设: the newest scheme's first, the second line
   * naming its scheme and category. */
  g_assert_true (council_search_everything (f->store, "班子建设", FALSE, 8, results, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (results[COUNCIL_RECORD_INDICATOR]->len, ==, 2);
  ref = g_ptr_array_index (results[COUNCIL_RECORD_INDICATOR], 0);
  g_assert_cmpint (ref->id, ==, f->leadership_2026);
  g_assert_cmpstr (ref->title, ==, "Leadership team");
  g_assert_cmpstr (ref->detail, ==, "2026年度目标管理考核 · Basic work");
  for (int k = 0; k < COUNCIL_N_RECORD_KINDS; k++)
    g_ptr_array_unref (results[k]);

  /* The indicator's scheme, for opening it; a gone one says so. */
  g_assert_cmpint (council_store_find_indicator_scheme (f->store, f->leadership_2026, &error), ==, f->scheme_2026);
  g_assert_no_error (error);
  g_assert_cmpint (council_store_find_indicator_scheme (f->store, 999999, &error), ==, -1);
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND);
}

static void
test_assessment (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilOverview) zh = council_overview_compute (f->store, 2026, AS_OF, TRUE, &error);
  g_autoptr(CouncilOverview) en = council_overview_compute (f->store, 2025, AS_OF, FALSE, &error);
  g_autoptr(CouncilOverview) before = council_overview_compute (f->store, 2024, AS_OF, TRUE, &error);
  g_autoptr(CouncilOrganization) best = council_store_get_organization (f->store, f->best_org, &error);
  g_autoptr(GListStore) active = council_store_list_organizations (f->store, FALSE, NULL);
  CouncilRankingEntry *first, *e;
  gboolean seen_bonus = FALSE, seen_tie = FALSE;

  g_assert_no_error (error);
  /* Every active organization ranked, best first. */
  g_assert_cmpuint (zh->ranking->len, ==, g_list_model_get_n_items (G_LIST_MODEL (active)));
  first = &g_array_index (zh->ranking, CouncilRankingEntry, 0);
  g_assert_cmpint (first->org_id, ==, f->best_org);
  g_assert_cmpuint (first->rank, ==, 1);
  g_assert_cmpfloat_with_epsilon (first->total, 90, 1e-9);
  g_assert_cmpstr (first->organization, ==, council_organization_get_name_zh (best));
  g_assert_cmpstr (first->grade, ==, "优秀");
  for (guint k = 1; k < zh->ranking->len; k++)
    {
      CouncilRankingEntry *prev = &g_array_index (zh->ranking, CouncilRankingEntry, k - 1);

      e = &g_array_index (zh->ranking, CouncilRankingEntry, k);
      g_assert_cmpfloat (e->total, <=, prev->total);
      /* 并列: equal totals share a rank; the next rank is skipped. */
      if (fabs (e->total - prev->total) < 0.005)
        {
          g_assert_cmpuint (e->rank, ==, prev->rank);
          seen_tie = TRUE;
        }
      else
        g_assert_cmpuint (e->rank, ==, k + 1);
      if (e->org_id == f->bonus_org)
        {
          g_assert_cmpfloat_with_epsilon (e->total, 82, 1e-9);
          g_assert_cmpstr (e->grade, ==, "良好");
          seen_bonus = TRUE;
        }
    }
  g_assert_true (seen_bonus);
  g_assert_true (seen_tie);

  /* 2025 itself: finalized, every organization scored; names and grades in English. */
  g_assert_true (en->assessment_available);
  g_assert_cmpuint (en->organizations_scored, ==, en->organizations_assessed);
  g_assert_cmpuint (en->organizations_assessed, ==, en->ranking->len);
  first = &g_array_index (en->ranking, CouncilRankingEntry, 0);
  g_assert_cmpstr (first->organization, ==, council_organization_get_name_for_language (best, FALSE));
  g_assert_cmpstr (first->grade, ==, "Excellent");

  /* Before any scheme: no progress, no ranking. */
  g_assert_false (before->assessment_available);
  g_assert_cmpuint (before->organizations_assessed, ==, 0);
  g_assert_null (before->ranking);

  /* Reopening 2025 leaves no finalized ranking. */
  g_assert_true (council_store_reopen_assessment_scheme (f->store, f->scheme_2025, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CouncilOverview) reopened = council_overview_compute (f->store, 2026, AS_OF, TRUE, &error);
    g_assert_no_error (error);
    g_assert_null (reopened->ranking);
    g_assert_cmpint (reopened->ranking_scheme_id, ==, 0);
    g_assert_cmpuint (reopened->organizations_scored, ==, 1);
  }

  /* Finalized with the best organization half scored and the bonus one not
   * at all: the first keeps a rank without a grade, the second has no rank. */
  set_score (f, f->reporting_2025, f->best_org, NAN);
  set_score (f, f->work_2025, f->bonus_org, NAN);
  set_score (f, f->reporting_2025, f->bonus_org, NAN);
  set_score (f, f->bonus_2025, f->bonus_org, NAN);
  g_assert_true (council_store_finalize_assessment_scheme (f->store, f->scheme_2025, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CouncilOverview) partial = council_overview_compute (f->store, 2026, AS_OF, TRUE, &error);
    gboolean seen_best = FALSE;

    g_assert_no_error (error);
    g_assert_cmpuint (partial->ranking->len, ==, g_list_model_get_n_items (G_LIST_MODEL (active)) - 1);
    for (guint k = 0; k < partial->ranking->len; k++)
      {
        e = &g_array_index (partial->ranking, CouncilRankingEntry, k);
        g_assert_cmpint (e->org_id, !=, f->bonus_org);
        if (e->org_id == f->best_org)
          {
            g_assert_cmpfloat_with_epsilon (e->total, 58, 1e-9);
            g_assert_cmpstr (e->grade, ==, "");
            seen_best = TRUE;
          }
        else
          g_assert_cmpstr (e->grade, !=, "");
      }
    g_assert_true (seen_best);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/overview/figures", Fixture, NULL, fixture_setup, test_figures, fixture_teardown);
  g_test_add ("/overview/documents-added", Fixture, NULL, fixture_setup, test_documents_added, fixture_teardown);
  g_test_add ("/overview/names-follow-language", Fixture, NULL, fixture_setup, test_names_follow_language, fixture_teardown);
  g_test_add ("/overview/bad-date", Fixture, NULL, fixture_setup, test_bad_date, fixture_teardown);
  g_test_add ("/overview/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/overview/search-indicators", Fixture, NULL, fixture_setup, test_search_indicators, fixture_teardown);
  g_test_add ("/overview/assessment", Fixture, NULL, fixture_setup, test_assessment, fixture_teardown);
  return g_test_run ();
}
