/* test-meetings-view: record a meeting through the editor, follow its action item
 * up to done, and see the lock and the field checks a person would see.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <poppler.h>

#include "core/council-store-meetings.h"
#include "council-action-items-view-private.h"
#include "council-gui-resources.h"
#include "council-meeting-editor-private.h"
#include "council-meetings-view-private.h"
#include "council-test-helpers.h"

typedef struct
{
  CouncilStore *store;
  char *path;
  GtkWindow *window;
  CouncilMeetingsView *view;
  CouncilMeetingEditor *editor;
  GListModel *rows;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture, gpointer data);

static gboolean
wait_until (Fixture *fixture, Condition condition, gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!condition (fixture, data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
is_mapped (Fixture *fixture, gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->store = council_test_open_store (&fixture->path);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1300, 800);
  fixture->view = council_meetings_view_new (fixture->store);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  g_assert_true (wait_until (fixture, is_mapped, fixture->view));
  fixture->editor = council_meetings_view_get_editor (fixture->view);
  fixture->rows = G_LIST_MODEL (gtk_column_view_get_model (council_meetings_view_get_column_view (fixture->view)));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);

  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->store);
  council_test_rm_rf (dir);
  g_free (fixture->path);
}

/* ---- helpers ---- */

static void
type_field (Fixture *fixture, CouncilMeetingField field, const char *text)
{
  GtkWidget *entry = council_meeting_editor_get_field_widget (fixture->editor, field);

  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static GtkWidget *
agenda_widget (Fixture *fixture, guint item, int outcome, const char *name)
{
  GtkWidget *widget = council_meeting_editor_get_agenda_widget (fixture->editor, item, outcome, name);

  g_assert_nonnull (widget);
  return widget;
}

typedef struct { guint item; int outcome; } OutcomeRef;

static gboolean
has_outcome (Fixture *fixture, gpointer data)
{
  OutcomeRef *ref = data;
  return council_meeting_editor_get_agenda_widget (fixture->editor, ref->item, ref->outcome, "kind") != NULL;
}

/* Clicks "Add outcome" of agenda item @item and waits for the new row. */
static void
add_outcome (Fixture *fixture, guint item, int expected_index, CouncilOutcomeKind kind, const char *text)
{
  OutcomeRef ref = { item, expected_index };

  g_signal_emit_by_name (agenda_widget (fixture, item, -1, "add-outcome"), "clicked");
  g_assert_true (wait_until (fixture, has_outcome, &ref));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (agenda_widget (fixture, item, expected_index, "kind")), kind);
  gtk_editable_set_text (GTK_EDITABLE (agenda_widget (fixture, item, expected_index, "text")), text);
}

static guint
count_meetings (Fixture *fixture)
{
  CouncilMeetingFilter filter;
  g_autoptr(GListStore) all = NULL;

  council_meeting_filter_init (&filter);
  all = council_store_list_meetings (fixture->store, &filter, NULL);
  return g_list_model_get_n_items (G_LIST_MODEL (all));
}

static gint64
first_org_id (Fixture *fixture, guint position)
{
  g_autoptr(GListStore) orgs = council_store_list_organizations (fixture->store, FALSE, NULL);
  g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), position);

  return council_organization_get_id (org);
}

/* Records a meeting the way a person does; returns its id. */
static gint64
record_meeting (Fixture *fixture)
{
  gint64 union_id = first_org_id (fixture, 0);
  gint64 league_id = first_org_id (fixture, 1);
  GtkWidget *status;
  GtkDropDown *kind = GTK_DROP_DOWN (council_meeting_editor_get_field_widget (fixture->editor,
                                                                             COUNCIL_MEETING_FIELD_KIND));

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.new", NULL);
  g_assert_cmpint (council_meeting_editor_get_meeting_id (fixture->editor), ==, COUNCIL_MEETING_EDITOR_NEW);
  /* The second kind of the list: joint meeting. */
  gtk_drop_down_set_selected (kind, 1);
  type_field (fixture, COUNCIL_MEETING_FIELD_TITLE, "2026年第一季度联席会议");
  type_field (fixture, COUNCIL_MEETING_FIELD_STARTS_AT, "2026-03-10");
  gtk_editable_set_text (GTK_EDITABLE (council_meeting_editor_get_time_entry (fixture->editor)), "09:30");
  type_field (fixture, COUNCIL_MEETING_FIELD_PLACE, "区委第三会议室");
  type_field (fixture, COUNCIL_MEETING_FIELD_CHAIR, "陈建华");

  /* Attendance: the rate follows as it is set. */
  status = council_meeting_editor_get_attendance_status (fixture->editor, union_id);
  g_assert_nonnull (status);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), COUNCIL_ATTENDANCE_PRESENT);
  gtk_editable_set_text (GTK_EDITABLE (council_meeting_editor_get_attendance_who (fixture->editor, union_id)),
                         "王建国");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (council_meeting_editor_get_attendance_status (fixture->editor, league_id)),
                              COUNCIL_ATTENDANCE_EXCUSED);
  g_assert_nonnull (strstr (gtk_label_get_text (council_meeting_editor_get_rate_label (fixture->editor)), "50"));

  /* One agenda item with a decision and an action item. */
  council_meeting_editor_add_agenda_item (fixture->editor);
  gtk_editable_set_text (GTK_EDITABLE (agenda_widget (fixture, 0, -1, "title")), "部署职工服务阵地建设");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (agenda_widget (fixture, 0, -1, "presenter")), 1);
  add_outcome (fixture, 0, 0, COUNCIL_OUTCOME_DECISION, "同意建设职工服务阵地。");
  add_outcome (fixture, 0, 1, COUNCIL_OUTCOME_ACTION, "制定职工服务阵地建设方案");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (agenda_widget (fixture, 0, 1, "owner")), 1);
  gtk_editable_set_text (GTK_EDITABLE (agenda_widget (fixture, 0, 1, "due")), "2026-04-30");

  g_assert_true (council_meeting_editor_has_unsaved_changes (fixture->editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  g_assert_false (council_meeting_editor_has_unsaved_changes (fixture->editor));
  g_assert_cmpint (council_meeting_editor_get_meeting_id (fixture->editor), >, 0);
  return council_meeting_editor_get_meeting_id (fixture->editor);
}

/* ---- tests ---- */

static void
test_record_meeting (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilMeeting) m = NULL;
  g_autoptr(CouncilAgendaItem) item = NULL;
  g_autoptr(CouncilOutcome) decision = NULL;
  g_autoptr(CouncilOutcome) action = NULL;
  CouncilActionItem *ai;
  CouncilAttendance *union_row;
  guint before = count_meetings (fixture);
  gint64 id = record_meeting (fixture);

  g_assert_cmpuint (count_meetings (fixture), ==, before + 1);
  m = council_store_get_meeting (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (council_meeting_get_title (m), ==, "2026年第一季度联席会议");
  g_assert_cmpstr (council_meeting_get_starts_at (m), ==, "2026-03-10T09:30");
  g_assert_cmpstr (council_meeting_get_place (m), ==, "区委第三会议室");
  g_assert_cmpint (council_meeting_get_kind_id (m), ==, council_store_find_meeting_kind (fixture->store, "joint", NULL));
  union_row = council_meeting_find_attendance (m, first_org_id (fixture, 0));
  g_assert_cmpint (council_attendance_get_status (union_row), ==, COUNCIL_ATTENDANCE_PRESENT);
  g_assert_cmpstr (council_attendance_get_attendees (union_row), ==, "王建国");
  g_assert_cmpint (council_attendance_get_status (council_meeting_find_attendance (m, first_org_id (fixture, 1))),
                   ==, COUNCIL_ATTENDANCE_EXCUSED);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_meeting_get_agenda (m))), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (council_meeting_get_agenda (m)), 0);
  g_assert_cmpstr (council_agenda_item_get_title (item), ==, "部署职工服务阵地建设");
  g_assert_cmpint (council_agenda_item_get_presenter_org_id (item), ==, first_org_id (fixture, 0));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_agenda_item_get_outcomes (item))), ==, 2);
  decision = g_list_model_get_item (G_LIST_MODEL (council_agenda_item_get_outcomes (item)), 0);
  action = g_list_model_get_item (G_LIST_MODEL (council_agenda_item_get_outcomes (item)), 1);
  g_assert_cmpint (council_outcome_get_kind (decision), ==, COUNCIL_OUTCOME_DECISION);
  g_assert_cmpstr (council_outcome_get_text (decision), ==, "同意建设职工服务阵地。");
  ai = council_outcome_get_action_item (action);
  g_assert_nonnull (ai);
  g_assert_cmpstr (council_action_item_get_text (ai), ==, "制定职工服务阵地建设方案");
  g_assert_cmpint (council_action_item_get_owner_org_id (ai), ==, first_org_id (fixture, 0));
  g_assert_cmpstr (council_action_item_get_due_date (ai), ==, "2026-04-30");

  /* The list shows it and keeps it selected. */
  g_assert_cmpuint (g_list_model_get_n_items (fixture->rows), ==, before + 1);
  g_assert_cmpint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (fixture->rows)), !=,
                   GTK_INVALID_LIST_POSITION);
}

static void
test_mark_done (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = record_meeting (fixture);
  CouncilActionItemsView *actions = council_action_items_view_new (fixture->store);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GListModel *rows;
  g_autoptr(CouncilActionItem) row = NULL;
  g_autoptr(CouncilActionItem) stored = NULL;
  g_autoptr(GListStore) notes = NULL;
  g_autoptr(CouncilProgressNote) note = NULL;
  g_autofree char *today = council_iso_date_today ();
  gint64 id;

  gtk_window_set_default_size (window, 1300, 800);
  gtk_window_set_child (window, GTK_WIDGET (actions));
  gtk_window_present (window);
  g_assert_true (wait_until (fixture, is_mapped, actions));

  /* The item is pending and, due in April 2026, listed with the overdue ones. */
  rows = G_LIST_MODEL (gtk_column_view_get_model (council_action_items_view_get_column_view (actions)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  gtk_check_button_set_active (council_action_items_view_get_overdue_check (actions), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, strcmp (today, "2026-04-30") > 0 ? 1 : 0);
  gtk_check_button_set_active (council_action_items_view_get_overdue_check (actions), FALSE);
  row = g_list_model_get_item (rows, 0);
  g_assert_cmpint (council_action_item_get_meeting_id (row), ==, meeting_id);
  id = council_action_item_get_id (row);

  /* Select it, write a note, mark it done. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), 0, TRUE);
  g_assert_cmpint (council_action_items_view_get_open_item (actions), ==, id);
  g_assert_cmpstr (gtk_editable_get_text (council_action_items_view_get_note_date (actions)), ==, today);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (council_action_items_view_get_note_text (actions)),
                            "方案已印发", -1);
  g_signal_emit_by_name (council_action_items_view_get_done_button (actions), "clicked");

  stored = council_store_get_action_item (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (council_action_item_get_status (stored), ==, COUNCIL_ACTION_STATUS_DONE);
  g_assert_cmpstr (council_action_item_get_done_date (stored), ==, today);
  notes = council_store_list_progress_notes (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (notes)), ==, 1);
  note = g_list_model_get_item (G_LIST_MODEL (notes), 0);
  g_assert_cmpstr (council_progress_note_get_text (note), ==, "方案已印发");
  g_assert_cmpstr (council_progress_note_get_noted_on (note), ==, today);

  /* Done items leave the pending list; "Any status" shows them again. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  gtk_drop_down_set_selected (council_action_items_view_get_status_filter (actions), 1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);

  /* A bad date is refused at the field. */
  gtk_editable_set_text (council_action_items_view_get_note_date (actions), "2026-13-40");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (council_action_items_view_get_note_error (actions))));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (council_action_items_view_get_note_date (actions)), "error"));

  gtk_window_destroy (window);
}

static void
test_approved_meeting_locked (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilMeeting) stored = NULL;
  gint64 id = record_meeting (fixture);
  GtkWidget *title = council_meeting_editor_get_field_widget (fixture->editor, COUNCIL_MEETING_FIELD_TITLE);

  g_assert_true (council_store_hold_meeting (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_true (council_store_approve_minutes (fixture->store, id, &error));
  g_assert_no_error (error);

  /* The editor follows the store: read-only, with a banner saying how to reopen. */
  g_assert_cmpint (council_meeting_editor_get_meeting_id (fixture->editor), ==, id);
  g_assert_true (gtk_widget_get_visible (council_meeting_editor_get_lock_banner (fixture->editor)));
  g_assert_nonnull (strstr (gtk_label_get_text (council_meeting_editor_get_lock_label (fixture->editor)), "Reopen minutes"));
  g_assert_false (gtk_widget_is_sensitive (title));

  /* An edit that gets through anyway is refused by the store, with the lock message. */
  gtk_editable_set_text (GTK_EDITABLE (title), "改过的标题");
  g_assert_false (council_meeting_editor_save (fixture->editor));
  g_assert_nonnull (strstr (gtk_label_get_text (council_meeting_editor_get_lock_label (fixture->editor)),
                            "Reopen them first"));
  stored = council_store_get_meeting (fixture->store, id, NULL);
  g_assert_cmpstr (council_meeting_get_title (stored), ==, "2026年第一季度联席会议");

  /* Reopened, the form is editable again. */
  g_assert_true (council_store_reopen_minutes (fixture->store, id, &error));
  g_assert_no_error (error);
  council_meeting_editor_load (fixture->editor, id);
  g_assert_false (gtk_widget_get_visible (council_meeting_editor_get_lock_banner (fixture->editor)));
  g_assert_true (gtk_widget_is_sensitive (title));
}

static void
test_validation_at_the_field (Fixture *fixture, gconstpointer data)
{
  guint before = count_meetings (fixture);
  GtkWidget *date_error = council_meeting_editor_get_field_error (fixture->editor, COUNCIL_MEETING_FIELD_STARTS_AT);
  GtkWidget *owner_error;
  GtkWidget *owner;

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.new", NULL);
  type_field (fixture, COUNCIL_MEETING_FIELD_TITLE, "专题会议");

  /* No date: refused at the date field. */
  g_assert_false (council_meeting_editor_save (fixture->editor));
  g_assert_true (gtk_widget_get_visible (date_error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (date_error)), ==, "A meeting needs a date.");
  type_field (fixture, COUNCIL_MEETING_FIELD_STARTS_AT, "2026-05-06");
  g_assert_false (gtk_widget_get_visible (date_error));

  /* An action item without an owner: the message sits under the owner. */
  council_meeting_editor_add_agenda_item (fixture->editor);
  gtk_editable_set_text (GTK_EDITABLE (agenda_widget (fixture, 0, -1, "title")), "志愿服务");
  add_outcome (fixture, 0, 0, COUNCIL_OUTCOME_ACTION, "编制志愿服务计划");
  gtk_editable_set_text (GTK_EDITABLE (agenda_widget (fixture, 0, 0, "due")), "2026-05-01");
  g_assert_false (council_meeting_editor_save (fixture->editor));
  owner = agenda_widget (fixture, 0, 0, "owner");
  owner_error = agenda_widget (fixture, 0, 0, "owner-error");
  g_assert_true (gtk_widget_get_visible (owner_error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (owner_error)), ==, "An action item needs an owner organization.");
  g_assert_true (gtk_widget_has_css_class (owner, "error"));
  /* The due date is before the meeting. */
  g_assert_true (gtk_widget_get_visible (agenda_widget (fixture, 0, 0, "due-error")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (agenda_widget (fixture, 0, 0, "due-error"))), ==,
                   "The due date cannot be before the meeting.");
  g_assert_cmpuint (count_meetings (fixture), ==, before);

  /* Fixed at the fields, it saves. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (owner), 2);
  gtk_editable_set_text (GTK_EDITABLE (agenda_widget (fixture, 0, 0, "due")), "2026-06-01");
  g_assert_false (gtk_widget_get_visible (owner_error));
  g_assert_true (council_meeting_editor_save (fixture->editor));
  g_assert_cmpuint (count_meetings (fixture), ==, before + 1);
}

static gboolean
file_written (Fixture *fixture, gpointer data)
{
  /* The message bar is not there outside a window: the file itself tells. */
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
test_export_minutes (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *pdf = g_build_filename (dir, "minutes.pdf", NULL);
  g_autofree char *uri = NULL;
  PopplerDocument *document = NULL;
  PopplerPage *page = NULL;
  g_autofree char *text = NULL;

  record_meeting (fixture);
  /* The chooser is skipped: write to a known path, on the editor's worker thread. */
  council_meeting_editor_export_pdf_to (fixture->editor, pdf);
  g_assert_true (wait_until (fixture, file_written, pdf));
  uri = g_filename_to_uri (pdf, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "联席会议"));
  g_assert_nonnull (strstr (text, "区委第三会议室"));
  g_assert_nonnull (strstr (text, "同意建设职工服务阵地"));
  g_object_unref (page);
  g_object_unref (document);
}

static void
test_schedule (Fixture *fixture, gconstpointer data)
{
  GtkLabel *label = council_meetings_view_get_next_due_label (fixture->view);
  gint64 id;

  /* Quarterly joint meetings: the next is due three months after the last held one. */
  gtk_drop_down_set_selected (council_meetings_view_get_rhythm_dropdown (fixture->view), 2);
  id = record_meeting (fixture);
  g_assert_true (council_store_hold_meeting (fixture->store, id, NULL));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "Next joint meeting due"));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "10 Jun 2026"));
  gtk_drop_down_set_selected (council_meetings_view_get_rhythm_dropdown (fixture->view), 0);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "No rhythm is set for the joint meeting.");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_resources_register (council_gui_get_resource ());
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/meetings-view/record-meeting", test_record_meeting);
  ADD ("/meetings-view/mark-done", test_mark_done);
  ADD ("/meetings-view/approved-locked", test_approved_meeting_locked);
  ADD ("/meetings-view/validation", test_validation_at_the_field);
  ADD ("/meetings-view/schedule", test_schedule);
  ADD ("/meetings-view/export-minutes", test_export_minutes);
#undef ADD
  return g_test_run ();
}
