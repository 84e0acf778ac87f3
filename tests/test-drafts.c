/* test-drafts.c: the window killed while an editor holds unsaved text, and
 * a save over a record that another process changed meanwhile.
 *
 * The editors (organization, meeting, project, the progress note of an action item)
 * keep a draft of the form a second after each edit. A window that never
 * closes cleanly (destroyed here without saving or the close dialog, as
 * SIGKILL would leave it) leaves the draft; the next window on the same
 * database says what was not saved and restores it, or discards it. A second
 * store connection plays the other process that changes a meeting (or its
 * action item's follow-up) while the form is open: the save asks "Reload or
 * Overwrite", and each answer does what it says.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "core/council-store-meetings.h"
#include "core/council-store-projects.h"
#include "council-action-items-view-private.h"
#include "council-documents-view-private.h"
#include "core/council-demo.h"
#include "core/council-document-import.h"
#include "core/council-store-documents.h"
#include "council-gui-resources.h"
#include "council-meeting-editor-private.h"
#include "council-meetings-view-private.h"
#include "council-org-editor-private.h"
#include "council-projects-view-private.h"
#include "council-roster-view-private.h"
#include "council-test-helpers.h"

typedef struct
{
  GtkWindow *window;
  CouncilRosterView *view;
  CouncilOrgEditor *editor;
} Window;

typedef struct
{
  CouncilStore *store;
  char *path;
  gint64 meeting_id;              /* with meeting_fixture_set_up () */
  gint64 action_id;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition condition, gpointer data)
{
  /* Generous: the first frames under Xvfb with a cold shader cache take seconds. */
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
has_draft (gpointer data)
{
  g_autoptr(GPtrArray) drafts = council_draft_list (data);
  return drafts->len == 1;
}

static gboolean
has_draft_dialog (gpointer data)
{
  return council_roster_view_get_draft_dialog (((Window *) data)->view) != NULL;
}

/* A toplevel holding @view, shown. */
static GtkWindow *
present_view (GtkWidget *view)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1300, 800);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  g_assert_true (wait_until (is_mapped, view));
  return window;
}

static void
destroy_toplevel (GtkWindow *window)
{
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
open_window (Window *w, CouncilStore *store)
{
  w->view = council_roster_view_new (store);
  w->editor = council_roster_view_get_editor (w->view);
  w->window = present_view (GTK_WIDGET (w->view));
}

static void
destroy_window (Window *w)
{
  destroy_toplevel (w->window);
}

/* The next start: a new store on the same file. */
static CouncilStore *
restart (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CouncilStore *reopened;

  g_clear_object (&f->store);
  reopened = council_store_open (f->path, &error);
  g_assert_no_error (error);
  return reopened;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->store = council_test_open_store (&f->path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_clear_object (&f->store);
  council_test_rm_rf (dir);
  g_free (f->path);
}

static const char *
field_text (Window *w, CouncilOrgField field)
{
  return gtk_editable_get_text (GTK_EDITABLE (council_org_editor_get_field_widget (w->editor, field)));
}

/* Types into the first organization, waits for the draft, then the window
 * goes away without any of the clean ways of closing. Returns its id. */
static gint64
type_and_crash (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  Window first = { 0 };
  GListModel *rows;
  g_autoptr(CouncilOrganization) org = NULL;
  GtkWidget *notes;
  gint64 id;

  open_window (&first, f->store);
  rows = G_LIST_MODEL (gtk_column_view_get_model (council_roster_view_get_column_view (first.view)));
  org = g_list_model_get_item (rows, 0);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), 0, TRUE);
  g_assert_cmpint (council_org_editor_get_organization_id (first.editor), ==, council_organization_get_id (org));

  gtk_editable_set_text (GTK_EDITABLE (council_org_editor_get_field_widget (first.editor, COUNCIL_ORG_FIELD_PHONE)),
                         "023-69999999");
  notes = council_org_editor_get_field_widget (first.editor, COUNCIL_ORG_FIELD_NOTES);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)), "草稿：第三季度台账\n第二行 𠀀", -1);
  g_assert_true (council_org_editor_has_unsaved_changes (first.editor));
  g_assert_true (wait_until (has_draft, f->path));

  id = council_organization_get_id (org);
  destroy_window (&first);
  /* Nothing reached the database. */
  g_clear_object (&org);
  org = council_store_get_organization (f->store, id, &error);
  g_assert_cmpstr (council_organization_get_phone (org), !=, "023-69999999");
  return id;
}

static void
test_restore_after_crash (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) reopened = NULL;
  g_autoptr(CouncilOrganization) before = NULL;
  g_autoptr(CouncilOrganization) saved = NULL;
  g_autoptr(GPtrArray) left = NULL;
  Window second = { 0 };
  GtkWidget *dialog;
  const char *text;
  gint64 id = type_and_crash (f);

  before = council_store_get_organization (f->store, id, &error);
  reopened = restart (f);
  open_window (&second, reopened);
  g_assert_true (wait_until (has_draft_dialog, &second));
  dialog = council_roster_view_get_draft_dialog (second.view);
  g_object_get (dialog, "text", &text, NULL);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Your unsaved changes to “"));
  g_assert_nonnull (strstr (text, council_organization_get_display_name (before)));
  g_assert_nonnull (strstr (text, "were not saved"));
  g_free ((char *) text);

  gtk_dialog_response (GTK_DIALOG (dialog), 2 /* Restore */);
  g_assert_null (council_roster_view_get_draft_dialog (second.view));
  g_assert_cmpint (council_org_editor_get_organization_id (second.editor), ==, id);
  g_assert_true (council_org_editor_has_unsaved_changes (second.editor));
  g_assert_cmpstr (field_text (&second, COUNCIL_ORG_FIELD_PHONE), ==, "023-69999999");

  g_assert_true (council_org_editor_save (second.editor));
  saved = council_store_get_organization (reopened, id, &error);
  g_assert_cmpstr (council_organization_get_phone (saved), ==, "023-69999999");
  g_assert_cmpstr (council_organization_get_notes (saved), ==, "草稿：第三季度台账\n第二行 𠀀");
  /* Saved: the draft is gone. */
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_window (&second);
}

static void
test_discard_after_crash (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) reopened = NULL;
  g_autoptr(GPtrArray) left = NULL;
  Window second = { 0 };
  gint64 id = type_and_crash (f);

  reopened = restart (f);
  open_window (&second, reopened);
  g_assert_true (wait_until (has_draft_dialog, &second));
  gtk_dialog_response (GTK_DIALOG (council_roster_view_get_draft_dialog (second.view)), 1 /* Discard */);
  g_assert_false (council_org_editor_has_unsaved_changes (second.editor));
  g_assert_cmpint (council_org_editor_get_organization_id (second.editor), !=, id);
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_window (&second);
}

/* Typing the old value back makes the form clean: no draft is left. */
static void
test_clean_form_leaves_no_draft (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) left = NULL;
  Window w = { 0 };
  GListModel *rows;
  g_autofree char *old_phone = NULL;

  open_window (&w, f->store);
  rows = G_LIST_MODEL (gtk_column_view_get_model (council_roster_view_get_column_view (w.view)));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), 0, TRUE);
  old_phone = g_strdup (field_text (&w, COUNCIL_ORG_FIELD_PHONE));
  gtk_editable_set_text (GTK_EDITABLE (council_org_editor_get_field_widget (w.editor, COUNCIL_ORG_FIELD_PHONE)), "023-68888888");
  g_assert_true (wait_until (has_draft, f->path));
  gtk_editable_set_text (GTK_EDITABLE (council_org_editor_get_field_widget (w.editor, COUNCIL_ORG_FIELD_PHONE)), old_phone);
  g_assert_false (council_org_editor_has_unsaved_changes (w.editor));
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_window (&w);
}

/* ---- meetings ---- */

#define MEETING_TITLE "九龙坡区群团工作理事会2026年第4次联席会议"

typedef struct
{
  GtkWindow *window;
  CouncilMeetingsView *view;
  CouncilMeetingEditor *editor;
} MeetingsWindow;

static gboolean
has_meetings_draft_dialog (gpointer data)
{
  return council_meetings_view_get_draft_dialog (((MeetingsWindow *) data)->view) != NULL;
}

static void
open_meetings (MeetingsWindow *w, CouncilStore *store)
{
  w->view = council_meetings_view_new (store);
  w->editor = council_meetings_view_get_editor (w->view);
  w->window = present_view (GTK_WIDGET (w->view));
}

static void
destroy_meetings (MeetingsWindow *w)
{
  destroy_toplevel (w->window);
}

static gint64
org_id (CouncilStore *store, const char *name)
{
  gint64 id = council_store_find_organization_by_name (store, name, NULL);

  g_assert_cmpint (id, >, 0);
  return id;
}

/* A held meeting with an agenda item whose outcome is an action item. */
static void
meeting_fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilMeeting) m = council_meeting_new ();
  CouncilAgendaItem *item;
  CouncilOutcome *outcome;
  CouncilActionItem *action;

  fixture_set_up (f, data);
  council_meeting_set_kind (m, council_store_find_meeting_kind (f->store, "joint", NULL), "联席会议", "联席会议");
  council_meeting_set_title (m, MEETING_TITLE);
  council_meeting_set_session_no (m, 4);
  council_meeting_set_starts_at (m, "2026-11-20T09:30");
  council_meeting_set_place (m, "区委第三会议室");
  council_meeting_set_chair (m, "王明");
  council_meeting_set_recorder (m, "李娜");
  council_meeting_set_attendance (m, org_id (f->store, "九龙坡区总工会"), COUNCIL_ATTENDANCE_PRESENT, "张三");
  item = council_meeting_add_agenda_item (m, "研究职工服务阵地建设");
  council_agenda_item_set_notes (item, "秘书处作说明。");
  outcome = council_agenda_item_add_outcome (item, COUNCIL_OUTCOME_ACTION, "制定职工服务阵地建设方案。");
  action = council_outcome_get_action_item (outcome);
  council_action_item_set_owner (action, org_id (f->store, "九龙坡区总工会"), NULL);
  council_action_item_set_due_date (action, "2026-12-31");
  g_assert_true (council_store_save_meeting (f->store, m, &error));
  g_assert_no_error (error);
  f->meeting_id = council_meeting_get_id (m);
  f->action_id = council_action_item_get_id (action);
  g_assert_cmpint (f->action_id, >, 0);
}

static GtkWidget *
field (MeetingsWindow *w, CouncilMeetingField f)
{
  return council_meeting_editor_get_field_widget (w->editor, f);
}

static GtkWidget *
agenda_widget (MeetingsWindow *w, guint item, int outcome, const char *name)
{
  GtkWidget *widget = council_meeting_editor_get_agenda_widget (w->editor, item, outcome, name);

  g_assert_nonnull (widget);
  return widget;
}

static char *
agenda_notes (MeetingsWindow *w)
{
  /* The notes view is the only GtkTextView of the first agenda item. */
  CouncilMeeting *m = council_meeting_editor_get_draft (w->editor);
  g_autoptr(CouncilAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (council_meeting_get_agenda (m)), 0);

  return g_strdup (council_agenda_item_get_notes (item));
}

static void
select_meeting (MeetingsWindow *w, gint64 id)
{
  council_meetings_view_open_meeting (w->view, id);
  g_assert_cmpint (council_meeting_editor_get_meeting_id (w->editor), ==, id);
}

/* Types into the meeting's details, attendance and agenda, waits for the
 * draft, then the window goes away without any clean way of closing. */
static void
meeting_type_and_crash (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilMeeting) stored = NULL;
  MeetingsWindow first = { 0 };

  open_meetings (&first, f->store);
  select_meeting (&first, f->meeting_id);
  gtk_editable_set_text (GTK_EDITABLE (field (&first, COUNCIL_MEETING_FIELD_PLACE)), "区政府二楼会议室 𠀀");
  gtk_editable_set_text (GTK_EDITABLE (council_meeting_editor_get_attendance_who (first.editor,
                                         org_id (f->store, "九龙坡区总工会"))), "张三、李四");
  gtk_editable_set_text (GTK_EDITABLE (agenda_widget (&first, 0, 0, "due")), "2027-01-15");
  council_meeting_editor_add_agenda_item (first.editor);
  gtk_editable_set_text (GTK_EDITABLE (agenda_widget (&first, 1, -1, "title")), "听取团区委工作汇报");
  g_assert_true (council_meeting_editor_has_unsaved_changes (first.editor));
  g_assert_true (wait_until (has_draft, f->path));
  destroy_meetings (&first);

  /* Nothing reached the database. */
  stored = council_store_get_meeting (f->store, f->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (council_meeting_get_place (stored), ==, "区委第三会议室");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_meeting_get_agenda (stored))), ==, 1);
}

static void
test_meeting_restore_after_crash (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) reopened = NULL;
  g_autoptr(CouncilMeeting) saved = NULL;
  g_autoptr(CouncilActionItem) action = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *notes = NULL;
  MeetingsWindow second = { 0 };
  CouncilAttendance *a;
  GtkWidget *dialog;
  char *text = NULL;

  meeting_type_and_crash (f);
  reopened = restart (f);
  open_meetings (&second, reopened);
  g_assert_true (wait_until (has_meetings_draft_dialog, &second));
  dialog = council_meetings_view_get_draft_dialog (second.view);
  g_object_get (dialog, "text", &text, NULL);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Your unsaved changes to “"));
  g_assert_nonnull (strstr (text, MEETING_TITLE));
  g_assert_nonnull (strstr (text, "were not saved"));
  g_free (text);

  gtk_dialog_response (GTK_DIALOG (dialog), 2 /* Restore */);
  g_assert_null (council_meetings_view_get_draft_dialog (second.view));
  g_assert_cmpint (council_meeting_editor_get_meeting_id (second.editor), ==, f->meeting_id);
  g_assert_true (council_meeting_editor_has_unsaved_changes (second.editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (&second, COUNCIL_MEETING_FIELD_PLACE))), ==,
                   "区政府二楼会议室 𠀀");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (agenda_widget (&second, 0, 0, "due"))), ==, "2027-01-15");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (agenda_widget (&second, 1, -1, "title"))), ==, "听取团区委工作汇报");
  notes = agenda_notes (&second);
  g_assert_cmpstr (notes, ==, "秘书处作说明。");

  g_assert_true (council_meeting_editor_save (second.editor));
  saved = council_store_get_meeting (reopened, f->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (council_meeting_get_place (saved), ==, "区政府二楼会议室 𠀀");
  a = council_meeting_find_attendance (saved, org_id (reopened, "九龙坡区总工会"));
  g_assert_cmpstr (council_attendance_get_attendees (a), ==, "张三、李四");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_meeting_get_agenda (saved))), ==, 2);
  /* The existing action item was updated in place, not replaced. */
  action = council_store_get_action_item (reopened, f->action_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (council_action_item_get_due_date (action), ==, "2027-01-15");
  /* Saved: the draft is gone. */
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_meetings (&second);
}

static void
test_meeting_discard_after_crash (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilStore) reopened = NULL;
  g_autoptr(GPtrArray) left = NULL;
  MeetingsWindow second = { 0 };

  meeting_type_and_crash (f);
  reopened = restart (f);
  open_meetings (&second, reopened);
  g_assert_true (wait_until (has_meetings_draft_dialog, &second));
  gtk_dialog_response (GTK_DIALOG (council_meetings_view_get_draft_dialog (second.view)), 1 /* Discard */);
  g_assert_false (council_meeting_editor_has_unsaved_changes (second.editor));
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_meetings (&second);
}

/* Saving, and switching to another record with "Discard", leave no draft. */
static void
test_meeting_save_leaves_no_draft (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) left = NULL;
  MeetingsWindow w = { 0 };

  open_meetings (&w, f->store);
  select_meeting (&w, f->meeting_id);
  gtk_editable_set_text (GTK_EDITABLE (field (&w, COUNCIL_MEETING_FIELD_RECORDER)), "周敏");
  g_assert_true (wait_until (has_draft, f->path));
  g_assert_true (council_meeting_editor_save (w.editor));
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_meetings (&w);
}

/* ---- two writers ---- */

/* The other process: its own connection to the same file. */
static void
other_process_changes_chair (Fixture *f, const char *chair)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) other = council_store_open (f->path, &error);
  g_autoptr(CouncilMeeting) m = NULL;

  g_assert_no_error (error);
  m = council_store_get_meeting (other, f->meeting_id, &error);
  g_assert_no_error (error);
  council_meeting_set_chair (m, chair);
  g_assert_true (council_store_save_meeting (other, m, &error));
  g_assert_no_error (error);
}

static gboolean
has_conflict_dialog (gpointer data)
{
  return council_meeting_editor_get_conflict_dialog (data) != NULL;
}

/* Edits the place, lets the other process change the chair, saves: the
 * editor asks instead of saving or failing silently. */
static GtkWidget *
edit_conflicting_save (Fixture *f, MeetingsWindow *w)
{
  g_autoptr(CouncilMeeting) stored = NULL;
  GtkWidget *dialog;
  char *text = NULL;
  char *secondary = NULL;

  open_meetings (w, f->store);
  select_meeting (w, f->meeting_id);
  gtk_editable_set_text (GTK_EDITABLE (field (w, COUNCIL_MEETING_FIELD_PLACE)), "区行政中心一楼");
  other_process_changes_chair (f, "刘强");

  g_assert_false (council_meeting_editor_save (w->editor));
  g_assert_true (wait_until (has_conflict_dialog, w->editor));
  dialog = council_meeting_editor_get_conflict_dialog (w->editor);
  g_object_get (dialog, "text", &text, "secondary-text", &secondary, NULL);
  g_test_message ("%s / %s", text, secondary);
  g_assert_nonnull (strstr (text, "was changed by someone else"));
  g_assert_nonnull (strstr (text, MEETING_TITLE));
  g_assert_nonnull (strstr (secondary, "Reload"));
  g_assert_nonnull (strstr (secondary, "Overwrite"));
  g_assert_nonnull (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), 1 /* Reload */));
  g_assert_nonnull (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), 2 /* Overwrite */));
  g_free (text);
  g_free (secondary);
  /* Asking wrote nothing: the other change stands, ours waits. */
  stored = council_store_get_meeting (f->store, f->meeting_id, NULL);
  g_assert_cmpstr (council_meeting_get_chair (stored), ==, "刘强");
  g_assert_cmpstr (council_meeting_get_place (stored), ==, "区委第三会议室");
  g_assert_true (council_meeting_editor_has_unsaved_changes (w->editor));
  return dialog;
}

static void
test_meeting_conflict_reload (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilMeeting) stored = NULL;
  MeetingsWindow w = { 0 };
  GtkWidget *dialog = edit_conflicting_save (f, &w);

  gtk_dialog_response (GTK_DIALOG (dialog), 1 /* Reload */);
  g_assert_null (council_meeting_editor_get_conflict_dialog (w.editor));
  g_assert_false (council_meeting_editor_has_unsaved_changes (w.editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (&w, COUNCIL_MEETING_FIELD_CHAIR))), ==, "刘强");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (&w, COUNCIL_MEETING_FIELD_PLACE))), ==, "区委第三会议室");
  stored = council_store_get_meeting (f->store, f->meeting_id, NULL);
  g_assert_cmpstr (council_meeting_get_chair (stored), ==, "刘强");
  g_assert_cmpstr (council_meeting_get_place (stored), ==, "区委第三会议室");
  /* The form is on the current version: the next save goes through. */
  gtk_editable_set_text (GTK_EDITABLE (field (&w, COUNCIL_MEETING_FIELD_RECORDER)), "周敏");
  g_assert_true (council_meeting_editor_save (w.editor));
  destroy_meetings (&w);
}

static void
test_meeting_conflict_overwrite (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilMeeting) stored = NULL;
  g_autoptr(GPtrArray) left = NULL;
  MeetingsWindow w = { 0 };
  GtkWidget *dialog = edit_conflicting_save (f, &w);

  gtk_dialog_response (GTK_DIALOG (dialog), 2 /* Overwrite */);
  g_assert_null (council_meeting_editor_get_conflict_dialog (w.editor));
  g_assert_false (council_meeting_editor_has_unsaved_changes (w.editor));
  stored = council_store_get_meeting (f->store, f->meeting_id, NULL);
  /* The form's values stand, the chair it showed included. */
  g_assert_cmpstr (council_meeting_get_place (stored), ==, "区行政中心一楼");
  g_assert_cmpstr (council_meeting_get_chair (stored), ==, "王明");
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_meetings (&w);
}

/* The other process follows up the meeting's action item (marks it done)
 * while the form changes its due date: a conflict too; Overwrite keeps the
 * follow-up and saves the due date. */
static void
test_meeting_action_item_conflict_overwrite (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) other = NULL;
  g_autoptr(CouncilActionItem) action = NULL;
  MeetingsWindow w = { 0 };
  GtkWidget *dialog;
  char *secondary = NULL;

  open_meetings (&w, f->store);
  select_meeting (&w, f->meeting_id);
  gtk_editable_set_text (GTK_EDITABLE (agenda_widget (&w, 0, 0, "due")), "2027-02-28");
  other = council_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (council_store_add_progress_note (other, f->action_id, "2026-11-25", "方案已印发。",
                                                  COUNCIL_ACTION_STATUS_DONE, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (council_meeting_editor_save (w.editor));
  g_assert_true (wait_until (has_conflict_dialog, w.editor));
  dialog = council_meeting_editor_get_conflict_dialog (w.editor);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, "制定职工服务阵地建设方案。"));
  g_free (secondary);
  action = council_store_get_action_item (f->store, f->action_id, NULL);
  g_assert_cmpstr (council_action_item_get_due_date (action), ==, "2026-12-31");
  g_clear_object (&action);

  gtk_dialog_response (GTK_DIALOG (dialog), 2 /* Overwrite */);
  g_assert_false (council_meeting_editor_has_unsaved_changes (w.editor));
  action = council_store_get_action_item (f->store, f->action_id, NULL);
  g_assert_cmpstr (council_action_item_get_due_date (action), ==, "2027-02-28");
  g_assert_cmpint (council_action_item_get_status (action), ==, COUNCIL_ACTION_STATUS_DONE);
  g_assert_cmpstr (council_action_item_get_done_date (action), ==, "2026-11-25");
  destroy_meetings (&w);
}

/* ---- the follow-up panel of the Action Items view ---- */

typedef struct
{
  GtkWindow *window;
  CouncilActionItemsView *view;
} ActionsWindow;

static void
open_actions (ActionsWindow *w, CouncilStore *store)
{
  w->view = council_action_items_view_new (store);
  w->window = present_view (GTK_WIDGET (w->view));
}

static char *
typed_note (ActionsWindow *w)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (council_action_items_view_get_note_text (w->view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
write_note (ActionsWindow *w, gint64 id, const char *text, CouncilActionStatus status)
{
  council_action_items_view_open_item (w->view, id);
  g_assert_cmpint (council_action_items_view_get_open_item (w->view), ==, id);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (council_action_items_view_get_note_text (w->view)), text, -1);
  /* The drop-down: "keep", then the statuses. */
  gtk_drop_down_set_selected (council_action_items_view_get_note_status (w->view), status + 1);
  g_assert_true (council_action_items_view_has_unsaved_changes (w->view));
}

static gboolean
has_notes_conflict (gpointer data)
{
  return council_action_items_view_get_conflict_dialog (data) != NULL;
}

static guint
count_notes (CouncilStore *store, gint64 id, const char *text)
{
  g_autoptr(GListStore) notes = council_store_list_progress_notes (store, id, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (notes)); i++)
    {
      g_autoptr(CouncilProgressNote) note = g_list_model_get_item (G_LIST_MODEL (notes), i);
      n += g_strcmp0 (council_progress_note_get_text (note), text) == 0;
    }
  return n;
}

/* A note and a new status typed in the panel; meanwhile the other process
 * puts the item on hold (cancelled) with a note of its own. */
static GtkWidget *
note_conflicting_save (Fixture *f, ActionsWindow *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) other = NULL;
  g_autoptr(CouncilActionItem) item = NULL;
  GtkWidget *dialog;
  char *text = NULL;

  open_actions (w, f->store);
  write_note (w, f->action_id, "已召开推进会，方案初稿完成。", COUNCIL_ACTION_STATUS_IN_PROGRESS);
  other = council_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (council_store_add_progress_note (other, f->action_id, "2026-11-26", "经研究暂缓实施。",
                                                  COUNCIL_ACTION_STATUS_CANCELLED, NULL, &error));
  g_assert_no_error (error);

  g_signal_emit_by_name (council_action_items_view_get_add_note_button (w->view), "clicked");
  g_assert_true (wait_until (has_notes_conflict, w->view));
  dialog = council_action_items_view_get_conflict_dialog (w->view);
  g_object_get (dialog, "text", &text, NULL);
  g_assert_nonnull (strstr (text, "制定职工服务阵地建设方案。"));
  g_assert_nonnull (strstr (text, "was changed by someone else"));
  g_free (text);
  /* Nothing of ours was recorded. */
  g_assert_cmpuint (count_notes (f->store, f->action_id, "已召开推进会，方案初稿完成。"), ==, 0);
  item = council_store_get_action_item (f->store, f->action_id, NULL);
  g_assert_cmpint (council_action_item_get_status (item), ==, COUNCIL_ACTION_STATUS_CANCELLED);
  return dialog;
}

static void
test_note_conflict_reload (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilActionItem) item = NULL;
  g_autofree char *left_text = NULL;
  ActionsWindow w = { 0 };

  gtk_dialog_response (GTK_DIALOG (note_conflicting_save (f, &w)), 1 /* Reload */);
  g_assert_null (council_action_items_view_get_conflict_dialog (w.view));
  left_text = typed_note (&w);
  g_assert_cmpstr (left_text, ==, "");
  g_assert_false (council_action_items_view_has_unsaved_changes (w.view));
  item = council_store_get_action_item (f->store, f->action_id, NULL);
  g_assert_cmpint (council_action_item_get_status (item), ==, COUNCIL_ACTION_STATUS_CANCELLED);
  g_assert_cmpuint (count_notes (f->store, f->action_id, "已召开推进会，方案初稿完成。"), ==, 0);
  g_assert_cmpuint (count_notes (f->store, f->action_id, "经研究暂缓实施。"), ==, 1);
  destroy_toplevel (w.window);
}

static void
test_note_conflict_overwrite (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilActionItem) item = NULL;
  g_autoptr(GPtrArray) left = NULL;
  ActionsWindow w = { 0 };

  gtk_dialog_response (GTK_DIALOG (note_conflicting_save (f, &w)), 2 /* Overwrite */);
  g_assert_null (council_action_items_view_get_conflict_dialog (w.view));
  g_assert_false (council_action_items_view_has_unsaved_changes (w.view));
  item = council_store_get_action_item (f->store, f->action_id, NULL);
  g_assert_cmpint (council_action_item_get_status (item), ==, COUNCIL_ACTION_STATUS_IN_PROGRESS);
  g_assert_cmpuint (count_notes (f->store, f->action_id, "已召开推进会，方案初稿完成。"), ==, 1);
  g_assert_cmpuint (count_notes (f->store, f->action_id, "经研究暂缓实施。"), ==, 1);
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_toplevel (w.window);
}

static gboolean
has_actions_draft_dialog (gpointer data)
{
  return council_action_items_view_get_draft_dialog (((ActionsWindow *) data)->view) != NULL;
}

static void
test_note_restore_after_crash (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilStore) reopened = NULL;
  g_autoptr(CouncilActionItem) item = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *restored = NULL;
  ActionsWindow first = { 0 }, second = { 0 };
  GtkWidget *dialog;
  char *text = NULL;

  open_actions (&first, f->store);
  write_note (&first, f->action_id, "已与区人社局对接场地。\n下周报送方案。", COUNCIL_ACTION_STATUS_IN_PROGRESS);
  g_assert_true (wait_until (has_draft, f->path));
  destroy_toplevel (first.window);
  g_assert_cmpuint (count_notes (f->store, f->action_id, "已与区人社局对接场地。\n下周报送方案。"), ==, 0);

  reopened = restart (f);
  open_actions (&second, reopened);
  g_assert_true (wait_until (has_actions_draft_dialog, &second));
  dialog = council_action_items_view_get_draft_dialog (second.view);
  g_object_get (dialog, "text", &text, NULL);
  g_assert_nonnull (strstr (text, "制定职工服务阵地建设方案。"));
  g_assert_nonnull (strstr (text, "were not saved"));
  g_free (text);
  gtk_dialog_response (GTK_DIALOG (dialog), 2 /* Restore */);
  g_assert_cmpint (council_action_items_view_get_open_item (second.view), ==, f->action_id);
  restored = typed_note (&second);
  g_assert_cmpstr (restored, ==, "已与区人社局对接场地。\n下周报送方案。");
  g_assert_cmpuint (gtk_drop_down_get_selected (council_action_items_view_get_note_status (second.view)), ==,
                    COUNCIL_ACTION_STATUS_IN_PROGRESS + 1);

  g_signal_emit_by_name (council_action_items_view_get_add_note_button (second.view), "clicked");
  g_assert_cmpuint (count_notes (reopened, f->action_id, "已与区人社局对接场地。\n下周报送方案。"), ==, 1);
  item = council_store_get_action_item (reopened, f->action_id, NULL);
  g_assert_cmpint (council_action_item_get_status (item), ==, COUNCIL_ACTION_STATUS_IN_PROGRESS);
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_toplevel (second.window);
}

/* ---- projects ---- */

typedef struct
{
  GtkWindow *window;
  CouncilProjectsView *view;
  CouncilProjectEditor *editor;
} ProjectsWindow;

static gboolean
has_projects_draft_dialog (gpointer data)
{
  return council_projects_view_get_draft_dialog (((ProjectsWindow *) data)->view) != NULL;
}

static void
open_projects (ProjectsWindow *w, CouncilStore *store)
{
  w->view = council_projects_view_new (store);
  w->editor = council_projects_view_get_editor (w->view);
  w->window = present_view (GTK_WIDGET (w->view));
}

/* A project with a partner, a milestone and two fund entries. */
static gint64
save_sample_project (CouncilStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilProject) p = council_project_new ();
  g_autoptr(CouncilMilestone) m = council_milestone_new ("完成需求调研", "2026-03-31", "");
  g_autoptr(CouncilFundEntry) raised = council_fund_entry_new (COUNCIL_FUND_SOURCE_GOV_PURCHASE, COUNCIL_FUND_KIND_RAISED,
                                                               5000000, "2026-02-01");
  g_autoptr(CouncilFundEntry) spent = council_fund_entry_new (COUNCIL_FUND_SOURCE_GOV_PURCHASE, COUNCIL_FUND_KIND_SPENT,
                                                              120050, "2026-04-10");

  council_project_set_code (p, "QT-2026-101");
  council_project_set_title_zh (p, "职工法律援助服务");
  council_project_set_category_id (p, council_store_find_project_category (store, "rights"));
  council_project_set_lead_org_id (p, org_id (store, "九龙坡区总工会"));
  council_project_set_start_date (p, "2026-01-01");
  council_project_set_end_date (p, "2026-12-31");
  council_project_set_budget_fen (p, 8000000);
  council_project_set_has_details (p, TRUE);
  council_project_add_partner (p, org_id (store, "九龙坡区妇女联合会"), COUNCIL_PARTNER_ROLE_SUPPORTER);
  g_list_store_append (council_project_get_milestones (p), m);
  council_fund_entry_set_counterparty (spent, "法律服务所");
  g_list_store_append (council_project_get_fund_entries (p), raised);
  g_list_store_append (council_project_get_fund_entries (p), spent);
  g_assert_true (council_store_save_project (store, p, &error));
  g_assert_no_error (error);
  return council_project_get_id (p);
}

/* The draft of a project keeps every part of the form, amounts as typed. */
static void
test_project_draft_round_trip (void)
{
  g_autoptr(CouncilProject) form = council_project_new ();
  g_autoptr(CouncilProject) back = council_project_new ();
  g_autoptr(CouncilDraft) draft = NULL;
  g_autoptr(CouncilMilestone) m = council_milestone_new ("中期评估", "2026-06-30", "2026-06-28");
  g_autoptr(CouncilFundEntry) e = council_fund_entry_new (COUNCIL_FUND_SOURCE_DONATION, COUNCIL_FUND_KIND_SPENT,
                                                          0, "2026-05-01");
  g_autoptr(CouncilMilestone) m2 = NULL;
  g_autoptr(CouncilFundEntry) e2 = NULL;
  g_autoptr(CouncilProjectPartner) p2 = NULL;
  const char *amounts[] = { "1,2O0", NULL };
  g_autofree char *budget = NULL;
  g_auto(GStrv) fund_texts = NULL;

  council_project_set_id (form, 42);
  council_project_set_code (form, "QT-2026-042");
  council_project_set_title_zh (form, "社区 𠀀 服务");
  council_project_set_description (form, "第一行\n=SUM(A1)");
  council_project_set_status (form, COUNCIL_PROJECT_STATUS_SUSPENDED);
  council_project_set_status_changed_on (form, "2026-05-02");
  council_project_set_health (form, COUNCIL_PROJECT_HEALTH_AT_RISK);
  council_project_set_planned_beneficiaries (form, 300);
  council_project_set_is_brand (form, TRUE);
  council_project_add_liaison_id (form, 7);
  council_project_add_liaison_id (form, 9);
  {
    CouncilProjectPartner *partner = council_project_add_partner (form, 3, COUNCIL_PARTNER_ROLE_SERVICE_PROVIDER);
    council_project_partner_set_id (partner, 77);
  }
  council_milestone_set_id (m, 5);
  g_list_store_append (council_project_get_milestones (form), m);
  council_fund_entry_set_id (e, 11);
  council_fund_entry_set_voucher_no (e, "记-0042");
  g_list_store_append (council_project_get_fund_entries (form), e);

  draft = council_draft_new_for_project (form, 3, "QT-2026-042 社区服务", "8万x", amounts);
  g_assert_cmpstr (draft->kind, ==, "project");
  g_assert_cmpint (draft->record_id, ==, 42);
  g_assert_cmpint (draft->version, ==, 3);
  council_draft_apply_to_project (draft, back, &budget, &fund_texts);
  g_assert_cmpstr (council_project_get_code (back), ==, "QT-2026-042");
  g_assert_cmpstr (council_project_get_title_zh (back), ==, "社区 𠀀 服务");
  g_assert_cmpstr (council_project_get_description (back), ==, "第一行\n=SUM(A1)");
  g_assert_cmpint (council_project_get_status (back), ==, COUNCIL_PROJECT_STATUS_SUSPENDED);
  g_assert_cmpstr (council_project_get_status_changed_on (back), ==, "2026-05-02");
  g_assert_cmpint (council_project_get_health (back), ==, COUNCIL_PROJECT_HEALTH_AT_RISK);
  g_assert_cmpint (council_project_get_planned_beneficiaries (back), ==, 300);
  g_assert_true (council_project_get_is_brand (back));
  g_assert_cmpuint (council_project_get_liaison_ids (back)->len, ==, 2);
  g_assert_cmpint (g_array_index (council_project_get_liaison_ids (back), gint64, 1), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_project_get_partners (back))), ==, 1);
  p2 = g_list_model_get_item (G_LIST_MODEL (council_project_get_partners (back)), 0);
  g_assert_cmpint (council_project_partner_get_id (p2), ==, 77);
  g_assert_cmpint (council_project_partner_get_org_id (p2), ==, 3);
  g_assert_cmpint (council_project_partner_get_role (p2), ==, COUNCIL_PARTNER_ROLE_SERVICE_PROVIDER);
  m2 = g_list_model_get_item (G_LIST_MODEL (council_project_get_milestones (back)), 0);
  g_assert_cmpint (council_milestone_get_id (m2), ==, 5);
  g_assert_cmpstr (council_milestone_get_done_date (m2), ==, "2026-06-28");
  e2 = g_list_model_get_item (G_LIST_MODEL (council_project_get_fund_entries (back)), 0);
  g_assert_cmpint (council_fund_entry_get_id (e2), ==, 11);
  g_assert_cmpint (council_fund_entry_get_source (e2), ==, COUNCIL_FUND_SOURCE_DONATION);
  g_assert_cmpint (council_fund_entry_get_kind (e2), ==, COUNCIL_FUND_KIND_SPENT);
  g_assert_cmpstr (council_fund_entry_get_voucher_no (e2), ==, "记-0042");
  g_assert_cmpstr (budget, ==, "8万x");
  g_assert_cmpuint (g_strv_length (fund_texts), ==, 1);
  g_assert_cmpstr (fund_texts[0], ==, "1,2O0");
}

static void
test_project_restore_after_crash (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) reopened = NULL;
  g_autoptr(CouncilProject) stored = NULL;
  g_autoptr(CouncilProject) saved = NULL;
  g_autoptr(GPtrArray) left = NULL;
  ProjectsWindow first = { 0 }, second = { 0 };
  GtkWidget *dialog;
  char *text = NULL;
  gint64 id = save_sample_project (f->store);

  open_projects (&first, f->store);
  council_projects_view_show_project (first.view, id);
  g_assert_cmpint (council_project_editor_get_project_id (first.editor), ==, id);
  gtk_editable_set_text (council_project_editor_get_title_entry (first.editor), "职工法律援助服务（扩面）");
  gtk_editable_set_text (council_project_editor_get_budget_entry (first.editor), "12.5万");
  g_assert_true (council_project_editor_has_unsaved_changes (first.editor));
  g_assert_true (wait_until (has_draft, f->path));
  destroy_toplevel (first.window);
  stored = council_store_get_project (f->store, id, &error);
  g_assert_cmpstr (council_project_get_title_zh (stored), ==, "职工法律援助服务");

  reopened = restart (f);
  open_projects (&second, reopened);
  g_assert_true (wait_until (has_projects_draft_dialog, &second));
  dialog = council_projects_view_get_draft_dialog (second.view);
  g_object_get (dialog, "text", &text, NULL);
  g_assert_nonnull (strstr (text, "QT-2026-101"));
  g_assert_nonnull (strstr (text, "were not saved"));
  g_free (text);
  gtk_dialog_response (GTK_DIALOG (dialog), 2 /* Restore */);
  g_assert_cmpint (council_project_editor_get_project_id (second.editor), ==, id);
  g_assert_true (council_project_editor_has_unsaved_changes (second.editor));
  g_assert_cmpstr (gtk_editable_get_text (council_project_editor_get_title_entry (second.editor)), ==,
                   "职工法律援助服务（扩面）");
  g_assert_cmpstr (gtk_editable_get_text (council_project_editor_get_budget_entry (second.editor)), ==, "12.5万");

  g_assert_true (council_project_editor_save (second.editor));
  saved = council_store_get_project (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (council_project_get_title_zh (saved), ==, "职工法律援助服务（扩面）");
  g_assert_cmpint (council_project_get_budget_fen (saved), ==, 12500000);
  /* The parts the form holds came back whole, not added again or dropped. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_project_get_partners (saved))), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_project_get_milestones (saved))), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_project_get_fund_entries (saved))), ==, 2);
  g_assert_cmpint (council_project_get_spent_fen (saved), ==, 120050);
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_toplevel (second.window);
}

/* Reverting drops the draft; nothing is offered at the next start. */
static void
test_project_revert_leaves_no_draft (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) left = NULL;
  ProjectsWindow w = { 0 };
  gint64 id = save_sample_project (f->store);

  open_projects (&w, f->store);
  council_projects_view_show_project (w.view, id);
  gtk_editable_set_text (council_project_editor_get_title_entry (w.editor), "改了又撤销");
  g_assert_true (wait_until (has_draft, f->path));
  gtk_widget_activate_action (GTK_WIDGET (w.editor), "editor.revert", NULL);
  g_assert_false (council_project_editor_has_unsaved_changes (w.editor));
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_toplevel (w.window);
}

/* ---- policy documents ---- */

typedef struct
{
  GtkWindow *window;
  CouncilDocumentsView *view;
} DocumentsWindow;

static gboolean
has_documents_draft_dialog (gpointer data)
{
  return council_documents_view_get_draft_dialog (((DocumentsWindow *) data)->view) != NULL;
}

static void
test_document_restore_after_crash (Fixture *f, gconstpointer data)
{
  const char * const pages[] = { "九龙坡区群团工作理事会文件\n关于加强群团组织联络员队伍建设的通知", NULL };
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *pdf = g_build_filename (dir, "通知.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) reopened = NULL;
  g_autoptr(CouncilDocument) stored = NULL;
  g_autoptr(CouncilDocument) saved = NULL;
  g_autoptr(GPtrArray) left = NULL;
  DocumentsWindow first = { 0 }, second = { 0 };
  GtkWidget *dialog;
  char *text = NULL;
  gint64 id;

  g_assert_true (council_demo_write_pdf (pdf, NULL, pages, &error));
  id = council_document_import_file (f->store, pdf, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  first.view = council_documents_view_new (f->store);
  first.window = present_view (GTK_WIDGET (first.view));
  council_documents_view_open_document (first.view, id, 0, NULL);
  g_assert_cmpint (council_documents_view_get_document_id (first.view), ==, id);
  gtk_editable_set_text (council_documents_view_get_doc_number_entry (first.view), "九龙坡群发〔2026〕7号");
  g_assert_true (council_documents_view_has_unsaved_changes (first.view));
  g_assert_true (wait_until (has_draft, f->path));
  destroy_toplevel (first.window);
  stored = council_store_get_document (f->store, id, &error);
  g_assert_cmpstr (council_document_get_doc_number (stored), !=, "九龙坡群发〔2026〕7号");

  reopened = restart (f);
  second.view = council_documents_view_new (reopened);
  second.window = present_view (GTK_WIDGET (second.view));
  g_assert_true (wait_until (has_documents_draft_dialog, &second));
  dialog = council_documents_view_get_draft_dialog (second.view);
  g_object_get (dialog, "text", &text, NULL);
  g_assert_nonnull (strstr (text, council_document_get_title (stored)));
  g_assert_nonnull (strstr (text, "were not saved"));
  g_free (text);
  gtk_dialog_response (GTK_DIALOG (dialog), 2 /* Restore */);
  g_assert_cmpint (council_documents_view_get_document_id (second.view), ==, id);
  g_assert_true (council_documents_view_has_unsaved_changes (second.view));
  g_assert_cmpstr (gtk_editable_get_text (council_documents_view_get_doc_number_entry (second.view)), ==,
                   "九龙坡群发〔2026〕7号");
  g_assert_true (council_documents_view_save (second.view));
  saved = council_store_get_document (reopened, id, &error);
  g_assert_cmpstr (council_document_get_doc_number (saved), ==, "九龙坡群发〔2026〕7号");
  left = council_draft_list (f->path);
  g_assert_cmpuint (left->len, ==, 0);
  destroy_toplevel (second.window);
}

int
main (int argc, char **argv)
{
  g_autofree char *cache = NULL;
  int status;

  /* Drafts live in the user's cache folder: a private one for this run, set
   * before GLib first reads it. (G_TEST_OPTION_ISOLATE_DIRS would do it per
   * test, but GLib keeps the replaced folder names, which the sanitizer run
   * reports as leaks.) */
  cache = g_dir_make_tmp ("council-drafts-XXXXXX", NULL);
  g_assert_nonnull (cache);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  g_resources_register (council_gui_get_resource ());

  g_test_add ("/drafts/restore-after-crash", Fixture, NULL, fixture_set_up, test_restore_after_crash, fixture_tear_down);
  g_test_add ("/drafts/discard-after-crash", Fixture, NULL, fixture_set_up, test_discard_after_crash, fixture_tear_down);
  g_test_add ("/drafts/clean-form-leaves-no-draft", Fixture, NULL, fixture_set_up, test_clean_form_leaves_no_draft, fixture_tear_down);
  g_test_add ("/drafts/meeting/restore-after-crash", Fixture, NULL, meeting_fixture_set_up, test_meeting_restore_after_crash, fixture_tear_down);
  g_test_add ("/drafts/meeting/discard-after-crash", Fixture, NULL, meeting_fixture_set_up, test_meeting_discard_after_crash, fixture_tear_down);
  g_test_add ("/drafts/meeting/save-leaves-no-draft", Fixture, NULL, meeting_fixture_set_up, test_meeting_save_leaves_no_draft, fixture_tear_down);
  g_test_add ("/two-writers/meeting/reload", Fixture, NULL, meeting_fixture_set_up, test_meeting_conflict_reload, fixture_tear_down);
  g_test_add ("/two-writers/meeting/overwrite", Fixture, NULL, meeting_fixture_set_up, test_meeting_conflict_overwrite, fixture_tear_down);
  g_test_add ("/two-writers/meeting/action-item-overwrite", Fixture, NULL, meeting_fixture_set_up,
              test_meeting_action_item_conflict_overwrite, fixture_tear_down);
  g_test_add ("/two-writers/progress-note/reload", Fixture, NULL, meeting_fixture_set_up, test_note_conflict_reload, fixture_tear_down);
  g_test_add ("/two-writers/progress-note/overwrite", Fixture, NULL, meeting_fixture_set_up, test_note_conflict_overwrite, fixture_tear_down);
  g_test_add ("/drafts/progress-note/restore-after-crash", Fixture, NULL, meeting_fixture_set_up, test_note_restore_after_crash, fixture_tear_down);
  g_test_add_func ("/drafts/project/round-trip", test_project_draft_round_trip);
  g_test_add ("/drafts/project/restore-after-crash", Fixture, NULL, fixture_set_up, test_project_restore_after_crash, fixture_tear_down);
  g_test_add ("/drafts/project/revert-leaves-no-draft", Fixture, NULL, fixture_set_up, test_project_revert_leaves_no_draft, fixture_tear_down);
  g_test_add ("/drafts/document/restore-after-crash", Fixture, NULL, fixture_set_up, test_document_restore_after_crash, fixture_tear_down);
  status = g_test_run ();
  council_test_rm_rf (cache);
  return status;
}
