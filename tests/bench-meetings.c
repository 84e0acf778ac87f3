/* bench-meetings.c: the follow-up list at 200,000 action items, and the minutes PDF.
 *
 * Prints medians against the targets (overdue list 100 ms, filter
 * change 50 ms, 40-item minutes PDF 300 ms) and, as the in-run reference, a
 * full scan counting every action item. No assertions on time.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "council-action-item-model.h"
#include "council-generate.h"
#include "council-minutes.h"
#include "council-store-meetings.h"
#include "council-store-private.h"
#include "council-test-helpers.h"

#define N_MEETINGS      20000
#define ITEMS_PER_MEETING  10
#define AS_OF        "2026-11-29"
#define PAGE_SIZE       50
#define RUNS            21

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *v, int n)
{
  qsort (v, (size_t) n, sizeof *v, compare_doubles);
  return v[n / 2];
}

static double
time_list (CouncilStore *store, const CouncilActionFilter *filter, guint *count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) page = NULL;
  gint64 start = g_get_monotonic_time ();

  *count = council_store_count_action_items (store, filter, &error);
  page = council_store_list_action_items (store, filter, 0, PAGE_SIZE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gint64
make_forty_item_meeting (CouncilStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilMeeting) m = council_meeting_new ();
  g_autoptr(GListStore) orgs = council_store_list_organizations (store, FALSE, &error);
  guint n_orgs = g_list_model_get_n_items (G_LIST_MODEL (orgs));

  council_meeting_set_kind (m, council_store_find_meeting_kind (store, "joint", NULL), "联席会议", "联席会议");
  council_meeting_set_title (m, "九龙坡区群团工作理事会2026年第4次联席会议");
  council_meeting_set_starts_at (m, "2026-11-20T09:30");
  council_meeting_set_place (m, "区委第三会议室");
  council_meeting_set_chair (m, "王晓东");
  council_meeting_set_recorder (m, "刘婷");
  for (guint i = 0; i < n_orgs; i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);
      council_meeting_set_attendance (m, council_organization_get_id (org),
                                      i % 7 == 3 ? COUNCIL_ATTENDANCE_EXCUSED : COUNCIL_ATTENDANCE_PRESENT, "张伟");
    }
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("议题%d：研究基层群团组织建设和职工服务阵地共建共享工作", i + 1);
      CouncilAgendaItem *item = council_meeting_add_agenda_item (m, title);
      CouncilOutcome *o;
      g_autoptr(CouncilOrganization) owner = g_list_model_get_item (G_LIST_MODEL (orgs), (guint) i % n_orgs);

      council_agenda_item_set_notes (item, "会议认为，要坚持党建带群建，推动群团组织向基层延伸，进一步健全联系服务群众的工作体系，"
                                           "增强群团组织的吸引力和凝聚力。各成员单位要加强协作，统筹阵地、项目和人员，形成工作合力。");
      council_agenda_item_add_outcome (item, COUNCIL_OUTCOME_DECISION, "同意按会议意见推进相关工作。");
      o = council_agenda_item_add_outcome (item, COUNCIL_OUTCOME_ACTION, "制定实施方案并按月报送进展");
      council_action_item_set_owner (council_outcome_get_action_item (o), council_organization_get_id (owner), NULL);
      council_action_item_set_due_date (council_outcome_get_action_item (o), "2026-12-31");
    }
  g_assert_true (council_store_save_meeting (store, m, &error));
  g_assert_no_error (error);
  return council_meeting_get_id (m);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(CouncilStore) store = NULL;
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "minutes.pdf", NULL);
  CouncilActionFilter overdue, owner;
  double t_overdue[RUNS], t_filter[RUNS], t_scan[RUNS], t_pdf[RUNS], t_model[RUNS];
  double first_overdue, first_pdf;
  guint count = 0, owner_count = 0, n_orgs;
  gint64 start, meeting_id;

  start = g_get_monotonic_time ();
  /* The large council of every benchmark (tests/council-generate.c): 20,000
   * meetings with 200,000 action items, some overdue, with progress notes and
   * approved (locked) minutes. */
  store = council_generate_open_cached (COUNCIL_GENERATE_LARGE, COUNCIL_GENERATE_SEED, &db_path, &error);
  if (store == NULL)
    g_error ("could not open the generated council: %s", error->message);
  council_action_filter_init (&overdue);
  printf ("large council with %d meetings, %u action items ready in %.0f ms: %s\n", N_MEETINGS,
          council_store_count_action_items (store, &overdue, NULL), (g_get_monotonic_time () - start) / 1000.0, db_path);
  n_orgs = council_store_count_organizations (store, TRUE);

  council_action_filter_init (&overdue);
  overdue.overdue_only = TRUE;
  overdue.as_of = AS_OF;
  first_overdue = time_list (store, &overdue, &count);
  for (int i = 0; i < RUNS; i++)
    t_overdue[i] = time_list (store, &overdue, &count);

  /* A filter change: another owner's overdue items each time. */
  owner = overdue;
  for (int i = 0; i < RUNS; i++)
    {
      owner.owner_org_id = 1 + i % n_orgs;
      t_filter[i] = time_list (store, &owner, &owner_count);
    }

  /* The same through the lazy model a view binds: set the filter, then read
   * the 30 rows a window shows. */
  {
    g_autoptr(CouncilActionItemModel) model = council_action_item_model_new (store, &overdue);
    for (int i = 0; i < RUNS; i++)
      {
        start = g_get_monotonic_time ();
        owner.owner_org_id = 1 + (i + 5) % n_orgs;
        council_action_item_model_set_filter (model, &owner);
        for (guint row = 0; row < 30 && row < g_list_model_get_n_items (G_LIST_MODEL (model)); row++)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), row));
        t_model[i] = (g_get_monotonic_time () - start) / 1000.0;
      }
  }

  /* Reference: a full scan of the action items, the cost the indexes avoid. */
  for (int i = 0; i < RUNS; i++)
    {
      sqlite3_stmt *stmt = council_store_prepare (store, "SELECT count(*), sum(length(text)) FROM action_item", NULL);
      start = g_get_monotonic_time ();
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
      t_scan[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  meeting_id = make_forty_item_meeting (store);
  start = g_get_monotonic_time ();
  g_assert_true (council_minutes_write_pdf (store, meeting_id, pdf, TRUE, &error));
  first_pdf = (g_get_monotonic_time () - start) / 1000.0;
  for (int i = 0; i < RUNS; i++)
    {
      start = g_get_monotonic_time ();
      g_assert_true (council_minutes_write_pdf (store, meeting_id, pdf, TRUE, &error));
      t_pdf[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  g_assert_no_error (error);

  {
    double scan = median (t_scan, RUNS);
    double o = median (t_overdue, RUNS), f = median (t_filter, RUNS), p = median (t_pdf, RUNS);

    printf ("reference: full scan of %d action items: %.2f ms median\n", N_MEETINGS * ITEMS_PER_MEETING, scan);
    printf ("overdue list (count %u + first page of %d): %.2f ms median (first %.2f ms); target 100 ms: %.2fx of target, %.2fx of scan\n",
            count, PAGE_SIZE, o, first_overdue, o / 100.0, o / scan);
    printf ("filter change (owner, overdue; count ~%u + page): %.2f ms median; target 50 ms: %.2fx of target, %.2fx of scan\n",
            owner_count, f, f / 50.0, f / scan);
    printf ("filter change through the list model (set filter + 30 visible rows): %.2f ms median; target 50 ms: %.2fx of target\n",
            median (t_model, RUNS), median (t_model, RUNS) / 50.0);
    printf ("minutes PDF, 40 agenda items: %.2f ms median (first %.2f ms, fonts loading); target 300 ms: %.2fx of target\n",
            p, first_pdf, p / 300.0);
  }
  council_test_rm_rf (dir);
  g_clear_object (&store);
  {
    g_autofree char *db_dir = g_path_get_dirname (db_path);
    council_test_rm_rf (db_dir);
  }
  return 0;
}
