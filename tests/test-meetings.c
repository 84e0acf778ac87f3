/* test-meetings.c: meetings, the approved-minutes lock, follow-up, the minutes PDF.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <poppler.h>
#include <sqlite3.h>
#include <string.h>

#include "council-action-item-model.h"
#include "council-demo.h"
#include "council-history-entry.h"
#include "council-minutes.h"
#include "council-store-meetings.h"
#include "council-test-helpers.h"

static gint64
org_id (CouncilStore *store, const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = council_store_find_organization_by_name (store, name, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
kind_id (CouncilStore *store, const char *code)
{
  g_autoptr(GError) error = NULL;
  gint64 id = council_store_find_meeting_kind (store, code, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A joint meeting on 2026-03-18 with attendance, a guest, two agenda items,
 * a decision and an action item owned by the trade union, due 2026-04-30. */
static CouncilMeeting *
make_meeting (CouncilStore *store)
{
  CouncilMeeting *m = council_meeting_new ();
  CouncilAgendaItem *item;
  CouncilOutcome *outcome;
  CouncilActionItem *action;

  council_meeting_set_kind (m, kind_id (store, "joint"), "联席会议", "联席会议");
  council_meeting_set_title (m, "九龙坡区群团工作理事会2026年第1次联席会议");
  council_meeting_set_session_no (m, 1);
  council_meeting_set_starts_at (m, "2026-03-18T09:30");
  council_meeting_set_place (m, "区委第三会议室");
  council_meeting_set_chair (m, "王明");
  council_meeting_set_recorder (m, "李娜");
  council_meeting_set_attendance (m, org_id (store, "九龙坡区总工会"), COUNCIL_ATTENDANCE_PRESENT, "张三");
  council_meeting_set_attendance (m, org_id (store, "团区委"), COUNCIL_ATTENDANCE_DELEGATED, "赵六");
  council_meeting_set_attendance (m, org_id (store, "九龙坡区妇女联合会"), COUNCIL_ATTENDANCE_EXCUSED, "");
  council_meeting_set_attendance (m, org_id (store, "九龙坡区科学技术协会"), COUNCIL_ATTENDANCE_ABSENT, "");
  council_meeting_add_guest (m, "陈静", "区委组织部");
  item = council_meeting_add_agenda_item (m, "审议2026年群团工作要点");
  council_agenda_item_set_notes (item, "会议听取了秘书处关于2026年群团工作要点的说明。");
  council_agenda_item_add_outcome (item, COUNCIL_OUTCOME_DECISION, "原则通过2026年群团工作要点。");
  item = council_meeting_add_agenda_item (m, "研究职工服务阵地建设");
  outcome = council_agenda_item_add_outcome (item, COUNCIL_OUTCOME_ACTION, "制定职工服务阵地建设方案。");
  action = council_outcome_get_action_item (outcome);
  council_action_item_set_owner (action, org_id (store, "九龙坡区总工会"), NULL);
  council_action_item_set_due_date (action, "2026-04-30");
  council_action_item_add_co_owner (action, org_id (store, "团区委"));
  return m;
}

static CouncilActionItem *
first_action (CouncilMeeting *m)
{
  GListModel *agenda = G_LIST_MODEL (council_meeting_get_agenda (m));
  guint n = g_list_model_get_n_items (agenda);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilAgendaItem) item = g_list_model_get_item (agenda, i);
      GListModel *outcomes = G_LIST_MODEL (council_agenda_item_get_outcomes (item));
      for (guint j = 0; j < g_list_model_get_n_items (outcomes); j++)
        {
          g_autoptr(CouncilOutcome) o = g_list_model_get_item (outcomes, j);
          if (council_outcome_get_action_item (o))
            return council_outcome_get_action_item (o);
        }
    }
  return NULL;
}

static gint64
count_history (CouncilStore *store, const char *table, gint64 row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) h = council_store_list_history (store, table, row, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (h));
}

static void
test_lifecycle_and_lock (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (NULL);
  g_autoptr(CouncilMeeting) m = make_meeting (store);
  g_autoptr(CouncilMeeting) loaded = NULL;
  g_autoptr(CouncilMeeting) again = NULL;
  CouncilActionItem *action;
  gint64 id;
  guint history_before;
  g_autofree char *undo = NULL;

  g_assert_true (council_store_save_meeting (store, m, &error));
  g_assert_no_error (error);
  id = council_meeting_get_id (m);
  g_assert_cmpint (id, >, 0);

  loaded = council_store_get_meeting (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (council_meeting_get_state (loaded), ==, COUNCIL_MEETING_STATE_PLANNED);
  /* Attendance lists every active organization; unrecorded ones say so. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_meeting_get_attendance (loaded))), ==,
                    council_store_count_organizations (store, FALSE));
  g_assert_cmpint (council_attendance_get_status (council_meeting_find_attendance (loaded, org_id (store, "区侨联"))),
                   ==, COUNCIL_ATTENDANCE_NOT_RECORDED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_meeting_get_agenda (loaded))), ==, 2);
  action = first_action (loaded);
  g_assert_nonnull (action);
  g_assert_cmpstr (council_action_item_get_due_date (action), ==, "2026-04-30");
  g_assert_cmpuint (council_action_item_get_co_owner_ids (action)->len, ==, 1);

  /* Saving unchanged records nothing. */
  history_before = count_history (store, "meeting", id);
  g_assert_true (council_store_save_meeting (store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (store, "meeting", id), ==, history_before);

  /* Planned meetings cannot be approved directly. */
  g_assert_false (council_store_approve_minutes (store, id, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (council_store_hold_meeting (store, id, &error));
  g_assert_no_error (error);
  g_assert_true (council_store_approve_minutes (store, id, &error));
  g_assert_no_error (error);

  /* Locked: an edit from a stale editor and from a fresh one are refused. */
  council_meeting_set_place (loaded, "别处");
  g_assert_false (council_store_save_meeting (store, loaded, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "Reopen them first (Meeting → Reopen minutes)"));
  g_assert_nonnull (strstr (error->message, "九龙坡区群团工作理事会2026年第1次联席会议"));
  g_clear_error (&error);
  g_assert_false (council_store_delete_meeting (store, id, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* The store itself refuses, whatever the code path. */
  {
    sqlite3 *db = NULL;
    g_autofree char *path = g_strdup (council_store_get_path (store));
    char *msg = NULL;
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE agenda_item SET title = 'x'", NULL, NULL, &msg), !=, SQLITE_OK);
    g_assert_nonnull (strstr (msg, "approved and locked"));
    sqlite3_free (msg);
    g_assert_cmpint (sqlite3_exec (db, "DELETE FROM attendance", NULL, NULL, &msg), !=, SQLITE_OK);
    sqlite3_free (msg);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE action_item SET text = 'x'", NULL, NULL, &msg), !=, SQLITE_OK);
    sqlite3_free (msg);
    sqlite3_close (db);
  }

  /* Follow-up (督办) stays possible after approval. */
  again = council_store_get_meeting (store, id, &error);
  g_assert_no_error (error);
  action = first_action (again);
  g_assert_true (council_store_add_progress_note (store, council_action_item_get_id (action), "2026-04-10",
                                                  "方案初稿已完成", COUNCIL_ACTION_STATUS_IN_PROGRESS, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (council_store_add_progress_note (store, council_action_item_get_id (action), "2026-04-28",
                                                  "方案已印发", COUNCIL_ACTION_STATUS_DONE, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CouncilActionItem) done = council_store_get_action_item (store, council_action_item_get_id (action), &error);
    g_autoptr(GListStore) notes = council_store_list_progress_notes (store, council_action_item_get_id (action), &error);
    g_assert_no_error (error);
    g_assert_cmpint (council_action_item_get_status (done), ==, COUNCIL_ACTION_STATUS_DONE);
    g_assert_cmpstr (council_action_item_get_done_date (done), ==, "2026-04-28");
    g_assert_cmpstr (council_action_item_get_last_progress_note (done), ==, "方案已印发");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (notes)), ==, 2);
  }

  /* Reopen: one change, in the meeting's history, then edits are possible. */
  history_before = count_history (store, "meeting", id);
  g_assert_true (council_store_reopen_minutes (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (store, "meeting", id), ==, history_before + 1);
  {
    g_autoptr(GListStore) h = council_store_list_history (store, "meeting", id, &error);
    g_autoptr(CouncilHistoryEntry) last = g_list_model_get_item (G_LIST_MODEL (h), 0);
    g_assert_nonnull (strstr (council_history_entry_get_summary (last), "Reopen the minutes"));
  }
  undo = council_store_peek_undo (store);
  g_assert_nonnull (strstr (undo, "Reopen the minutes"));
  g_clear_object (&again);
  again = council_store_get_meeting (store, id, &error);
  council_meeting_set_place (again, "区委第一会议室");
  g_assert_true (council_store_save_meeting (store, again, &error));
  g_assert_no_error (error);

  /* Held meetings stay on record. */
  g_assert_false (council_store_delete_meeting (store, id, &error));
  g_assert_nonnull (error);
}

static void
test_diff_and_delete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (NULL);
  g_autoptr(CouncilMeeting) m = make_meeting (store);
  g_autoptr(CouncilMeeting) loaded = NULL;
  g_autoptr(CouncilMeeting) reloaded = NULL;
  g_autoptr(CouncilAgendaItem) first = NULL;
  g_autofree char *undone = NULL;
  gint64 id;

  g_assert_true (council_store_save_meeting (store, m, &error));
  id = council_meeting_get_id (m);
  loaded = council_store_get_meeting (store, id, &error);
  g_assert_no_error (error);
  /* Move the second item up and drop the decision: only those rows change. */
  g_assert_true (council_meeting_move_agenda_item (loaded, 1, -1));
  first = g_list_model_get_item (G_LIST_MODEL (council_meeting_get_agenda (loaded)), 1);
  g_list_store_remove_all (council_agenda_item_get_outcomes (first));
  g_assert_true (council_store_save_meeting (store, loaded, &error));
  g_assert_no_error (error);
  reloaded = council_store_get_meeting (store, id, &error);
  {
    g_autoptr(CouncilAgendaItem) a = g_list_model_get_item (G_LIST_MODEL (council_meeting_get_agenda (reloaded)), 0);
    g_autoptr(CouncilAgendaItem) b = g_list_model_get_item (G_LIST_MODEL (council_meeting_get_agenda (reloaded)), 1);
    g_assert_cmpstr (council_agenda_item_get_title (a), ==, "研究职工服务阵地建设");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_agenda_item_get_outcomes (b))), ==, 0);
    g_assert_nonnull (first_action (reloaded));
  }
  /* Undo brings the decision back. */
  g_assert_true (council_store_undo (store, &undone, &error));
  g_assert_no_error (error);
  g_clear_object (&reloaded);
  reloaded = council_store_get_meeting (store, id, &error);
  {
    g_autoptr(CouncilAgendaItem) a = g_list_model_get_item (G_LIST_MODEL (council_meeting_get_agenda (reloaded)), 0);
    g_assert_cmpstr (council_agenda_item_get_title (a), ==, "审议2026年群团工作要点");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_agenda_item_get_outcomes (a))), ==, 1);
  }
  /* A stale editor is told about the conflict. */
  council_meeting_set_place (loaded, "别处");
  g_assert_false (council_store_save_meeting (store, loaded, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Planned meetings can be deleted, with everything they hold. */
  g_assert_true (council_store_delete_meeting (store, id, &error));
  g_assert_no_error (error);
  g_assert_null (council_store_get_meeting (store, id, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND);
}

static void
test_overdue (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (NULL);
  g_autoptr(CouncilMeeting) m = make_meeting (store);
  CouncilActionFilter filter;
  g_autoptr(GListStore) page = NULL;
  g_autoptr(CouncilActionItem) item = NULL;
  gint64 action_id;

  /* The pure rule on fixed dates. */
  g_assert_cmpint (council_action_days_overdue (COUNCIL_ACTION_STATUS_OPEN, "2026-04-30", "2026-05-01"), ==, 1);
  g_assert_cmpint (council_action_days_overdue (COUNCIL_ACTION_STATUS_IN_PROGRESS, "2026-04-30", "2026-05-10"), ==, 10);
  g_assert_cmpint (council_action_days_overdue (COUNCIL_ACTION_STATUS_OPEN, "2026-04-30", "2026-04-30"), ==, 0);
  g_assert_cmpint (council_action_days_overdue (COUNCIL_ACTION_STATUS_DONE, "2026-04-30", "2026-05-01"), ==, 0);
  g_assert_cmpint (council_action_days_overdue (COUNCIL_ACTION_STATUS_CANCELLED, "2026-04-30", "2026-05-01"), ==, 0);

  g_assert_true (council_store_save_meeting (store, m, &error));
  g_assert_no_error (error);
  council_action_filter_init (&filter);
  filter.overdue_only = TRUE;
  filter.as_of = "2026-05-01";
  g_assert_cmpuint (council_store_count_action_items (store, &filter, &error), ==, 1);
  page = council_store_list_action_items (store, &filter, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (page), 0);
  action_id = council_action_item_get_id (item);
  {
    gboolean overdue = FALSE;
    int days = 0;
    g_autofree char *owner = NULL;
    g_object_get (item, "is-overdue", &overdue, "days-overdue", &days, "owner-name", &owner, NULL);
    g_assert_true (overdue);
    g_assert_cmpint (days, ==, 1);
    g_assert_nonnull (owner);
  }
  filter.as_of = "2026-04-30";
  g_assert_cmpuint (council_store_count_action_items (store, &filter, &error), ==, 0);

  /* Due within a week of 2026-04-25. */
  council_action_filter_init (&filter);
  filter.due_within_days = 7;
  filter.as_of = "2026-04-25";
  g_assert_cmpuint (council_store_count_action_items (store, &filter, &error), ==, 1);
  filter.as_of = "2026-04-01";
  g_assert_cmpuint (council_store_count_action_items (store, &filter, &error), ==, 0);

  /* Owner filter; the roster editor's list includes co-owned items. */
  council_action_filter_init (&filter);
  filter.owner_org_id = org_id (store, "团区委");
  g_assert_cmpuint (council_store_count_action_items (store, &filter, &error), ==, 0);
  {
    g_autoptr(GListStore) open = council_store_list_open_action_items_for_organization (store,
                                   org_id (store, "团区委"), "2026-05-01", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (open)), ==, 1);
  }

  /* The lazy model the follow-up view shows follows the store. */
  {
    g_autoptr(CouncilActionItemModel) model = NULL;
    g_autoptr(CouncilActionItem) first = NULL;
    CouncilActionFilter f;

    council_action_filter_init (&f);
    f.overdue_only = TRUE;
    f.as_of = "2026-05-01";
    model = council_action_item_model_new (store, &f);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
    first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpint (council_action_item_get_id (first), ==, action_id);
    f.as_of = "2026-04-01";
    council_action_item_model_set_filter (model, &f);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
    f.as_of = "2026-05-03";
    council_action_item_model_set_filter (model, &f);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
    g_assert_true (council_store_add_progress_note (store, action_id, "2026-05-02", "已完成",
                                                    COUNCIL_ACTION_STATUS_DONE, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  }

  /* Done: not overdue; cancelled: not overdue. */
  council_action_filter_init (&filter);
  filter.overdue_only = TRUE;
  filter.as_of = "2026-05-03";
  g_assert_cmpuint (council_store_count_action_items (store, &filter, &error), ==, 0);
  g_assert_true (council_store_add_progress_note (store, action_id, "2026-05-04", "",
                                                  COUNCIL_ACTION_STATUS_CANCELLED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (council_store_count_action_items (store, &filter, &error), ==, 0);
  g_clear_object (&item);
  item = council_store_get_action_item (store, action_id, &error);
  g_assert_false (council_action_item_is_overdue (item, "2026-06-01"));
  g_assert_cmpstr (council_action_item_get_done_date (item), ==, "");

  /* Project link, for the project editor. */
  g_assert_true (council_store_set_action_item_project (store, action_id, 42, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListStore) linked = council_store_list_action_items_for_project (store, 42, NULL, &error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (linked)), ==, 1);
  }
}

static void
test_attendance_rates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (NULL);
  g_autoptr(CouncilMeeting) m = make_meeting (store);
  g_autoptr(CouncilMeeting) m2 = make_meeting (store);
  CouncilAttendanceRate rate;
  CouncilMeetingFilter filter;
  g_autoptr(GListStore) list = NULL;
  gint64 union_id = org_id (store, "九龙坡区总工会");
  gint64 women_id = org_id (store, "九龙坡区妇女联合会");

  g_assert_true (council_store_save_meeting (store, m, &error));
  g_assert_no_error (error);
  g_assert_true (council_store_meeting_attendance_rate (store, council_meeting_get_id (m), &rate, &error));
  g_assert_no_error (error);
  /* present + delegated attended; excused and absent did not. */
  g_assert_cmpuint (rate.present, ==, 1);
  g_assert_cmpuint (rate.delegated, ==, 1);
  g_assert_cmpuint (rate.excused, ==, 1);
  g_assert_cmpuint (rate.absent, ==, 1);
  g_assert_cmpuint (rate.recorded, ==, 4);
  g_assert_cmpfloat_with_epsilon (rate.rate, 0.5, 1e-9);
  g_assert_cmpuint (rate.not_recorded, ==, council_store_count_organizations (store, FALSE) - 4);

  council_meeting_set_starts_at (m2, "2026-06-18");
  council_action_item_set_due_date (first_action (m2), "2026-07-31");
  council_meeting_set_attendance (m2, women_id, COUNCIL_ATTENDANCE_PRESENT, "周敏");
  g_assert_true (council_store_save_meeting (store, m2, &error));
  g_assert_no_error (error);
  g_assert_true (council_store_hold_meeting (store, council_meeting_get_id (m), &error));
  g_assert_true (council_store_hold_meeting (store, council_meeting_get_id (m2), &error));
  g_assert_no_error (error);

  g_assert_true (council_store_organization_attendance_rate (store, women_id, 2026, &rate, &error));
  g_assert_cmpuint (rate.excused, ==, 1);
  g_assert_cmpuint (rate.present, ==, 1);
  g_assert_cmpfloat_with_epsilon (rate.rate, 0.5, 1e-9);
  g_assert_true (council_store_organization_attendance_rate (store, union_id, 2026, &rate, &error));
  g_assert_cmpfloat_with_epsilon (rate.rate, 1.0, 1e-9);
  g_assert_true (council_store_organization_attendance_rate (store, union_id, 2025, &rate, &error));
  g_assert_cmpuint (rate.recorded, ==, 0);

  council_meeting_filter_init (&filter);
  filter.year = 2026;
  list = council_store_list_meetings (store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  {
    g_autoptr(CouncilMeeting) newest = g_list_model_get_item (G_LIST_MODEL (list), 0);
    double r = 0;
    guint open = 0;
    g_autofree char *date = NULL;
    g_object_get (newest, "attendance-rate", &r, "open-items", &open, "date", &date, NULL);
    g_assert_cmpstr (date, ==, "2026-06-18");
    g_assert_cmpfloat_with_epsilon (r, 0.75, 1e-9);   /* 3 of 4 recorded */
    g_assert_cmpuint (open, ==, 1);
  }
  filter.state = COUNCIL_MEETING_STATE_APPROVED;
  g_clear_object (&list);
  list = council_store_list_meetings (store, &filter, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* The joint meeting is quarterly: next due three months after the last one. */
  {
    g_autofree char *next = council_store_next_meeting_due (store, kind_id (store, "joint"), "2026-07-01", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (next, ==, "2026-09-18");
  }
}

static void
test_validation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (NULL);
  g_autoptr(CouncilMeeting) m = make_meeting (store);
  g_autoptr(CouncilActionItem) a = council_action_item_new ();
  CouncilActionItem *action = first_action (m);

  council_meeting_set_starts_at (m, "");
  g_assert_false (council_store_save_meeting (store, m, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_MEETING_FIELD_STARTS_AT);
  g_assert_cmpstr (error->message, ==, "A meeting needs a date.");
  g_clear_error (&error);
  council_meeting_set_starts_at (m, "2026-02-30");
  g_assert_false (council_meeting_validate (m, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_MEETING_FIELD_STARTS_AT);
  g_clear_error (&error);
  council_meeting_set_starts_at (m, "2026-03-18T09:30");

  /* An organization appears once in the attendance. */
  {
    g_autoptr(CouncilAttendance) again = council_attendance_new (org_id (store, "九龙坡区总工会"), "九龙坡区总工会",
                                                                 COUNCIL_ATTENDANCE_ABSENT, "");
    g_list_store_append (council_meeting_get_attendance (m), again);
  }
  g_assert_false (council_meeting_validate (m, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_MEETING_FIELD_ATTENDANCE);
  g_assert_cmpstr (error->message, ==, "九龙坡区总工会 appears more than once in the attendance.");
  g_clear_error (&error);
  g_list_store_remove (council_meeting_get_attendance (m),
                       g_list_model_get_n_items (G_LIST_MODEL (council_meeting_get_attendance (m))) - 1);

  /* Due date not before the meeting. */
  council_action_item_set_due_date (action, "2026-03-01");
  g_assert_false (council_store_save_meeting (store, m, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_MEETING_FIELD_AGENDA);
  g_assert_cmpstr (error->message, ==, "Agenda item 2: The due date cannot be before the meeting.");
  g_clear_error (&error);

  /* Action items need an owner and a due date. */
  council_action_item_set_text (a, "落实");
  g_assert_false (council_action_item_validate (a, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ACTION_FIELD_OWNER);
  g_assert_cmpstr (error->message, ==, "An action item needs an owner organization.");
  g_clear_error (&error);
  council_action_item_set_owner (a, 1, "x");
  g_assert_false (council_action_item_validate (a, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ACTION_FIELD_DUE_DATE);
  g_assert_cmpstr (error->message, ==, "An action item needs a due date.");
  g_clear_error (&error);
  council_action_item_set_due_date (a, "2026-13-01");
  g_assert_false (council_action_item_validate (a, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ACTION_FIELD_DUE_DATE);
  g_clear_error (&error);
  council_action_item_set_due_date (a, "2026-12-01");
  g_assert_true (council_action_item_validate (a, &error));
}

static char *
pdf_text (const char *path, int *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  /* poppler-glib 22.12 has no autoptr support. */
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *all = g_string_new (NULL);

  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < *n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_string_append (all, text);
      g_string_append_c (all, '\f');
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (all, FALSE);
}

/* Text extraction keeps or drops spaces next to CJK glyphs and breaks
 * wrapped lines; comparisons ignore white space. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
contains (const char *haystack, const char *needle)
{
  g_autofree char *h = squeeze (haystack);
  g_autofree char *n = squeeze (needle);
  return strstr (h, n) != NULL;
}

/* Asserts that the needles occur in this order. */
static void
assert_in_order (const char *haystack, const char *const *needles)
{
  g_autofree char *squeezed = squeeze (haystack);
  const char *at = squeezed;
  for (guint i = 0; needles[i]; i++)
    {
      g_autofree char *needle = squeeze (needles[i]);
      const char *found = strstr (at, needle);
      if (found == NULL)
        g_error ("“%s” not found (in order) in the PDF text:\n%s", needles[i], haystack);
      at = found + strlen (needle);
    }
}

static void
test_minutes_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (NULL);
  g_autoptr(CouncilMeeting) m = make_meeting (store);
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "minutes.pdf", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *text = NULL;
  int n_pages = 0;
  const char *zh_order[] = {
    "九龙坡区群团工作理事会2026年第1次联席会议纪要", "时间", "2026年3月18日", "地点", "区委第三会议室",
    "主持人", "王明", "出席单位", "九龙坡区总工会", "共青团九龙坡区委", "列席", "陈静", "请假",
    "九龙坡区妇女联合会", "记录人", "李娜", "会议议题", "审议2026年群团工作要点",
    "研究职工服务阵地建设", "会议决定事项", "原则通过2026年群团工作要点", "督办事项",
    "制定职工服务阵地建设方案", "九龙坡区总工会", "2026年4月30日", NULL
  };

  /* Forty agenda items make several pages. */
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("补充议题%d：研究基层群团组织建设工作", i + 3);
      CouncilAgendaItem *item = council_meeting_add_agenda_item (m, title);
      council_agenda_item_set_notes (item, "会议认为，要坚持党建带群建，推动群团组织向基层延伸，"
                                           "进一步健全联系服务群众的工作体系，增强群团组织的吸引力和凝聚力。");
      council_agenda_item_add_outcome (item, COUNCIL_OUTCOME_DECISION, "同意按此推进。");
    }
  g_assert_true (council_store_save_meeting (store, m, &error));
  g_assert_no_error (error);

  g_assert_true (council_minutes_write_pdf (store, council_meeting_get_id (m), path, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  text = pdf_text (path, &n_pages);
  g_assert_cmpint (n_pages, >, 1);
  assert_in_order (text, zh_order);
  {
    g_autofree char *first = g_strdup_printf ("第 1 页 共 %d 页", n_pages);
    g_autofree char *last = g_strdup_printf ("第 %d 页 共 %d 页", n_pages, n_pages);
    g_assert_true (contains (text, first));
    g_assert_true (contains (text, last));
  }
  /* Absent organizations are not listed as attending. */
  {
    const char *attending = strstr (text, "出席单位");
    const char *guests = strstr (text, "列席");
    const char *absent = strstr (text, "九龙坡区科学技术协会");
    g_assert_true (absent == NULL || absent < attending || absent > guests);
  }
  /* Page by page, as a print operation draws it: the same text. */
  {
    g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
    g_autofree char *printed_text = NULL;
    g_autoptr(CouncilMinutes) minutes = council_minutes_new (store, council_meeting_get_id (m), TRUE, &error);
    cairo_surface_t *surface = cairo_pdf_surface_create (printed, 595.276, 841.89);
    cairo_t *cr = cairo_create (surface);
    int printed_pages = 0;

    g_assert_no_error (error);
    g_assert_cmpint (council_minutes_get_n_pages (minutes), ==, n_pages);
    for (int i = 0; i < n_pages; i++)
      {
        council_minutes_draw_page (minutes, cr, i);
        cairo_show_page (cr);
      }
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
    printed_text = pdf_text (printed, &printed_pages);
    g_assert_cmpint (printed_pages, ==, n_pages);
    g_assert_true (g_str_equal (printed_text, text));
  }

  g_clear_pointer (&text, g_free);

  /* English labels. */
  g_assert_true (council_minutes_write_pdf (store, council_meeting_get_id (m), path, FALSE, &error));
  g_assert_no_error (error);
  text = pdf_text (path, &n_pages);
  {
    const char *en_order[] = { "Minutes", "Time", "Place", "Chair", "Attending", "Guests", "Excused",
                               "Recorder", "Agenda", "Decisions", "Action items", NULL };
    g_autofree char *footer = g_strdup_printf ("Page 1 of %d", n_pages);
    assert_in_order (text, en_order);
    g_assert_true (contains (text, footer));
  }

  /* An unknown meeting writes nothing. */
  g_unlink (path);
  g_assert_false (council_minutes_write_pdf (store, 9999, path, TRUE, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  council_test_rm_rf (dir);
}

static void
test_cli_export_minutes (void)
{
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "m.pdf", NULL);
  g_autofree char *arg = g_strdup_printf ("1:%s", path);
  g_autofree char *out = NULL, *err = NULL;
  const char *bin = g_getenv ("COUNCIL_DESK_BIN");
  const char *argv1[] = { bin, "--demo", "--language", "zh_CN", "--export-minutes", "1", path, NULL };
  const char *argv2[] = { bin, "--demo", "--export-minutes", arg, "--language", "en", NULL };
  const char *argv3[] = { bin, "--demo", "--export-minutes", "99999", path, NULL };
  int n_pages = 0;
  g_autofree char *text = NULL;

  g_assert_nonnull (bin);
  g_assert_cmpint (council_test_spawn (argv1, &out, &err), ==, 0);
  text = pdf_text (path, &n_pages);
  g_assert_nonnull (strstr (text, "纪要"));
  g_unlink (path);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (council_test_spawn (argv2, &out, &err), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (council_test_spawn (argv3, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "99999"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
  council_test_rm_rf (dir);
}

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (NULL);
  g_autoptr(GListStore) all = NULL;
  g_autoptr(CouncilMeeting) first = NULL;
  CouncilMeetingFilter filter;
  CouncilActionFilter actions;
  guint approved = 0, n;

  g_assert_true (council_demo_fill_meetings (store, &error));
  g_assert_no_error (error);
  all = council_store_list_meetings (store, NULL, &error);
  n = g_list_model_get_n_items (G_LIST_MODEL (all));
  g_assert_cmpuint (n, >=, 10);
  /* The years the Meetings view's filter offers: every year of the list, newest first, once. */
  for (guint k = 0; k < 3; k++)
    {
      static const char *const when[] = { "2019-06-01T09:00", "2023-01-05T09:00", "2023-11-30T14:00" };
      g_autoptr(CouncilMeeting) older = make_meeting (store);

      council_meeting_set_starts_at (older, when[k]);
      g_assert_true (council_store_save_meeting (store, older, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&all);
  all = council_store_list_meetings (store, NULL, &error);
  n = g_list_model_get_n_items (G_LIST_MODEL (all));
  {
    g_autoptr(GArray) years = council_store_list_meeting_years (store, &error);
    g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (int));

    g_assert_no_error (error);
    for (guint i = 0; i < n; i++)   /* the list is newest first */
      {
        g_autoptr(CouncilMeeting) m = g_list_model_get_item (G_LIST_MODEL (all), i);
        int year = (int) g_ascii_strtoll (council_meeting_get_starts_at (m), NULL, 10);

        if (expected->len == 0 || g_array_index (expected, int, expected->len - 1) != year)
          g_array_append_val (expected, year);
      }
    g_assert_cmpuint (expected->len, >=, 3);
    g_assert_cmpmem (years->data, years->len * sizeof (int), expected->data, expected->len * sizeof (int));
  }
  first = council_store_get_meeting (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_meeting_get_agenda (first))), >, 0);
  council_meeting_filter_init (&filter);
  filter.state = COUNCIL_MEETING_STATE_APPROVED;
  g_clear_object (&all);
  all = council_store_list_meetings (store, &filter, &error);
  approved = g_list_model_get_n_items (G_LIST_MODEL (all));
  g_assert_cmpuint (approved, >, n / 2);

  /* Some overdue today, some done. */
  council_action_filter_init (&actions);
  actions.overdue_only = TRUE;
  g_assert_cmpuint (council_store_count_action_items (store, &actions, &error), >, 0);
  council_action_filter_init (&actions);
  actions.status = COUNCIL_ACTION_STATUS_DONE;
  g_assert_cmpuint (council_store_count_action_items (store, &actions, &error), >, 0);
  if (g_test_verbose ())
    {
      council_action_filter_init (&actions);
      g_test_message ("demo: %u meetings, %u approved, %u action items", n, approved,
                      council_store_count_action_items (store, &actions, NULL));
    }
  /* A second call adds nothing. */
  g_assert_true (council_demo_fill_meetings (store, &error));
  g_clear_object (&all);
  all = council_store_list_meetings (store, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, n);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/meetings/lifecycle-and-lock", test_lifecycle_and_lock);
  g_test_add_func ("/meetings/diff-undo-delete", test_diff_and_delete);
  g_test_add_func ("/meetings/overdue", test_overdue);
  g_test_add_func ("/meetings/attendance-rates", test_attendance_rates);
  g_test_add_func ("/meetings/validation", test_validation);
  g_test_add_func ("/meetings/minutes-pdf", test_minutes_pdf);
  g_test_add_func ("/meetings/demo", test_demo);
  g_test_add_func ("/meetings/cli-export-minutes", test_cli_export_minutes);
  return g_test_run ();
}
