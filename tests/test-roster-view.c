/* test-roster-view: the roster lists, filters, edits and refuses what a person would see.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "council-gui-resources.h"
#include "council-history-list.h"
#include "council-org-editor-private.h"
#include "council-roster-view-private.h"
#include "council-test-helpers.h"

typedef struct
{
  CouncilStore *store;
  char *path;
  GtkWindow *window;
  CouncilRosterView *view;
  GListModel *rows;          /* the column view's model */
  CouncilOrgEditor *editor;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture, gpointer data);

/* Spins the main loop until the condition holds or five seconds pass. */
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
is_realized (Fixture *fixture, gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->view));
}

static gboolean
has_n_rows (Fixture *fixture, gpointer data)
{
  return g_list_model_get_n_items (fixture->rows) == GPOINTER_TO_UINT (data);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->store = council_test_open_store (&fixture->path);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 780);
  fixture->view = council_roster_view_new (fixture->store);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  g_assert_true (wait_until (fixture, is_realized, NULL));
  fixture->rows = G_LIST_MODEL (gtk_column_view_get_model (council_roster_view_get_column_view (fixture->view)));
  fixture->editor = council_roster_view_get_editor (fixture->view);
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

static CouncilOrganization *
row_organization (Fixture *fixture, guint position)
{
  return g_list_model_get_item (fixture->rows, position);
}

static void
search (Fixture *fixture, const char *text, guint expected_rows)
{
  gtk_editable_set_text (council_roster_view_get_search_entry (fixture->view), text);
  /* The search entry waits a moment after typing before it filters. */
  g_assert_true (wait_until (fixture, has_n_rows, GUINT_TO_POINTER (expected_rows)));
}

static gint64
select_first_row (Fixture *fixture)
{
  g_autoptr(CouncilOrganization) org = row_organization (fixture, 0);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->rows), 0, TRUE);
  g_assert_cmpint (council_org_editor_get_organization_id (fixture->editor), ==,
                   council_organization_get_id (org));
  return council_organization_get_id (org);
}

static void
type_into (Fixture *fixture, CouncilOrgField field, const char *text)
{
  GtkWidget *entry = council_org_editor_get_field_widget (fixture->editor, field);

  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
on_clicked_cb (GtkButton *button, gboolean *clicked)
{
  *clicked = TRUE;
}

static gboolean
was_clicked (Fixture *fixture, gpointer data)
{
  return *(gboolean *) data;
}

/* Like a person pressing the button: activation clicks it after a short
 * pressed-look delay, so the main loop runs until the click. */
static gboolean
press_save (Fixture *fixture)
{
  GtkWidget *button = council_org_editor_get_save_button (fixture->editor);
  gboolean clicked = FALSE;
  gulong handler = g_signal_connect (button, "clicked", G_CALLBACK (on_clicked_cb), &clicked);
  gboolean activated = gtk_widget_activate (button) && wait_until (fixture, was_clicked, &clicked);

  g_signal_handler_disconnect (button, handler);
  return activated;
}

static void
assert_field_error (Fixture *fixture, CouncilOrgField field, const char *message_part)
{
  GtkWidget *label = council_org_editor_get_field_error_label (fixture->editor, field);
  GtkWidget *input = council_org_editor_get_field_widget (fixture->editor, field);

  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), message_part));
  g_assert_true (gtk_widget_has_css_class (input, "error"));
}

static void
test_lists_and_filters (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CouncilOrganization) org = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (fixture->rows), ==, 22);

  search (fixture, "妇联", 1);
  org = row_organization (fixture, 0);
  g_assert_cmpstr (council_organization_get_short_name (org), ==, "区妇联");

  /* English names, any case. */
  search (fixture, "women's FEDERATION", 1);
  search (fixture, "no such organization", 0);
  search (fixture, "", 22);
}

static void
test_sorts_by_column (Fixture *fixture, gconstpointer data)
{
  GtkColumnView *column_view = council_roster_view_get_column_view (fixture->view);
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) short_name = g_list_model_get_item (columns, 1);
  g_autoptr(CouncilOrganization) first = NULL;
  g_autoptr(CouncilOrganization) last = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 10);
  gtk_column_view_sort_by_column (column_view, short_name, GTK_SORT_DESCENDING);
  first = row_organization (fixture, 0);
  last = row_organization (fixture, 21);
  g_assert_cmpint (g_utf8_collate (council_organization_get_short_name (first),
                                   council_organization_get_short_name (last)), >, 0);
}

static void
test_edit_reaches_store (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CouncilOrganization) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  search (fixture, "妇联", 1);
  id = select_first_row (fixture);
  g_assert_false (council_org_editor_has_unsaved_changes (fixture->editor));

  type_into (fixture, COUNCIL_ORG_FIELD_PHONE, "023-68781234");
  g_assert_true (council_org_editor_has_unsaved_changes (fixture->editor));
  g_assert_true (press_save (fixture));

  saved = council_store_get_organization (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (council_organization_get_phone (saved), ==, "023-68781234");
  g_assert_false (council_org_editor_has_unsaved_changes (fixture->editor));
  /* The list shows the saved record and keeps it selected. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (fixture->rows)), ==, 0);
}

static void
test_history_lists_the_edit (Fixture *fixture, gconstpointer data)
{
  GtkWidget *history = g_object_ref_sink (council_history_list_new ());
  g_autofree char *when = council_format_timestamp ("2026-11-29T10:22:01");
  guint before;
  gint64 id = select_first_row (fixture);

  g_assert_cmpstr (when, ==, "29 Nov 2026 10:22");

  council_history_list_set_record (COUNCIL_HISTORY_LIST (history), fixture->store, "organization", id);
  before = council_history_list_get_n_entries (COUNCIL_HISTORY_LIST (history));
  g_assert_cmpuint (before, >=, 1);   /* the seeding of the roster */

  type_into (fixture, COUNCIL_ORG_FIELD_PHONE, "023-68781234");
  g_assert_true (press_save (fixture));
  council_history_list_set_record (COUNCIL_HISTORY_LIST (history), fixture->store, "organization", id);
  g_assert_cmpuint (council_history_list_get_n_entries (COUNCIL_HISTORY_LIST (history)), ==, before + 1);

  council_history_list_set_record (COUNCIL_HISTORY_LIST (history), NULL, NULL, 0);
  g_assert_cmpuint (council_history_list_get_n_entries (COUNCIL_HISTORY_LIST (history)), ==, 0);
  g_object_unref (history);
}

static void
test_invalid_email_is_refused_at_the_field (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CouncilOrganization) stored = NULL;
  GtkWidget *email;
  gint64 id;

  search (fixture, "妇联", 1);
  id = select_first_row (fixture);

  type_into (fixture, COUNCIL_ORG_FIELD_EMAIL, "fulian.example.org");
  assert_field_error (fixture, COUNCIL_ORG_FIELD_EMAIL, "name@example.org");
  press_save (fixture);

  stored = council_store_get_organization (fixture->store, id, NULL);
  g_assert_cmpstr (council_organization_get_email (stored), ==, "");
  /* What was typed stays in the form. */
  email = council_org_editor_get_field_widget (fixture->editor, COUNCIL_ORG_FIELD_EMAIL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "fulian.example.org");
  g_assert_true (council_org_editor_has_unsaved_changes (fixture->editor));

  /* Fixing it clears the message. */
  type_into (fixture, COUNCIL_ORG_FIELD_EMAIL, "fulian@example.org");
  g_assert_false (gtk_widget_get_visible (council_org_editor_get_field_error_label (fixture->editor,
                                                                                  COUNCIL_ORG_FIELD_EMAIL)));
  g_assert_false (gtk_widget_has_css_class (email, "error"));
}

static void
test_duplicate_name_shown_at_the_field (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CouncilOrganization) stored = NULL;
  gint64 id;

  search (fixture, "妇联", 1);
  id = select_first_row (fixture);

  /* The store, not the form, knows the other names. */
  type_into (fixture, COUNCIL_ORG_FIELD_NAME_ZH, "九龙坡区总工会");
  g_assert_false (gtk_widget_get_visible (council_org_editor_get_field_error_label (fixture->editor,
                                                                                  COUNCIL_ORG_FIELD_NAME_ZH)));
  press_save (fixture);
  assert_field_error (fixture, COUNCIL_ORG_FIELD_NAME_ZH, "九龙坡区总工会");

  stored = council_store_get_organization (fixture->store, id, NULL);
  g_assert_cmpstr (council_organization_get_name_zh (stored), ==, "九龙坡区妇女联合会");
}

static void
test_staff_counts_checked_together (Fixture *fixture, gconstpointer data)
{
  GtkWidget *staff, *seconded;

  select_first_row (fixture);
  staff = council_org_editor_get_field_widget (fixture->editor, COUNCIL_ORG_FIELD_STAFF_IN_POST);
  seconded = council_org_editor_get_field_widget (fixture->editor, COUNCIL_ORG_FIELD_SECONDED_OUT);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (staff), 9);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (seconded), 12);
  assert_field_error (fixture, COUNCIL_ORG_FIELD_SECONDED_OUT, "cannot exceed staff in post");

  /* Raising staff in post clears the seconded-out field's message. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (staff), 12);
  g_assert_false (gtk_widget_has_css_class (seconded, "error"));
}

static void
test_notes_and_liaison_officers (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CouncilOrganization) stored = NULL;
  GtkWidget *notes = NULL;
  GtkWidget *liaison_error = NULL;
  gint64 id = select_first_row (fixture);

  notes = council_org_editor_get_field_widget (fixture->editor, COUNCIL_ORG_FIELD_NOTES);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)), "第一行\n第二行", -1);
  g_assert_true (council_org_editor_has_unsaved_changes (fixture->editor));
  g_assert_true (press_save (fixture));
  stored = council_store_get_organization (fixture->store, id, NULL);
  g_assert_cmpstr (council_organization_get_notes (stored), ==, "第一行\n第二行");
  g_clear_object (&stored);

  /* A liaison officer without a name is refused, with the reason under the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-liaison", NULL));
  g_assert_true (council_org_editor_has_unsaved_changes (fixture->editor));
  press_save (fixture);
  liaison_error = council_org_editor_get_field_error_label (fixture->editor, COUNCIL_ORG_FIELD_LIAISON_OFFICERS);
  g_assert_true (gtk_widget_get_visible (liaison_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (liaison_error)), "needs a name"));
  stored = council_store_get_organization (fixture->store, id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_organization_get_liaison_officers (stored))), ==, 0);
}

static GtkDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      if (GTK_IS_MESSAGE_DIALOG (toplevel))
        return GTK_DIALOG (toplevel);
    }
  return NULL;
}

static void
test_switching_asks_about_unsaved_edits (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CouncilOrganization) second = row_organization (fixture, 1);
  g_autoptr(CouncilOrganization) stored = NULL;
  GtkDialog *dialog;
  gint64 first_id = select_first_row (fixture);

  type_into (fixture, COUNCIL_ORG_FIELD_PHONE, "023-11112222");
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->rows), 1, TRUE);

  /* The typed text is still there, the highlight went back, and the person is asked. */
  g_assert_cmpint (council_org_editor_get_organization_id (fixture->editor), ==, first_id);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (fixture->rows)), ==, 0);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);

  gtk_dialog_response (dialog, GTK_RESPONSE_REJECT);  /* Discard */
  g_assert_cmpint (council_org_editor_get_organization_id (fixture->editor), ==,
                   council_organization_get_id (second));
  g_assert_false (council_org_editor_has_unsaved_changes (fixture->editor));
  stored = council_store_get_organization (fixture->store, first_id, NULL);
  g_assert_cmpstr (council_organization_get_phone (stored), ==, "");
}

static void
test_find_action_focuses_search (Fixture *fixture, gconstpointer data)
{
  GtkWidget *search = GTK_WIDGET (council_roster_view_get_search_entry (fixture->view));
  GtkWidget *focus;

  select_first_row (fixture);
  council_org_editor_focus_first_field (fixture->editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.find", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == search || gtk_widget_is_ancestor (focus, search));
}

static void
test_new_organization (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.new", NULL));
  g_assert_cmpint (council_org_editor_get_organization_id (fixture->editor), ==, COUNCIL_ORG_EDITOR_NEW);

  /* An empty form is refused with the reason at the required fields. */
  type_into (fixture, COUNCIL_ORG_FIELD_SHORT_NAME, "区新联");
  press_save (fixture);
  assert_field_error (fixture, COUNCIL_ORG_FIELD_NAME_ZH, "Chinese name is required");
  assert_field_error (fixture, COUNCIL_ORG_FIELD_NAME_EN, "English name is required");
  g_assert_cmpuint (council_store_count_organizations (fixture->store, TRUE), ==, 22);

  type_into (fixture, COUNCIL_ORG_FIELD_NAME_ZH, "九龙坡区新联会");
  type_into (fixture, COUNCIL_ORG_FIELD_NAME_EN, "Jiulongpo District New Social Strata Association");
  g_assert_true (press_save (fixture));

  id = council_store_find_organization_by_name (fixture->store, "九龙坡区新联会", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (council_org_editor_get_organization_id (fixture->editor), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->rows), ==, 23);
}

static void
test_retired_hidden_until_shown (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = select_first_row (fixture);

  g_assert_true (council_store_set_organization_retired (fixture->store, id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->rows), ==, 21);
  /* The editor still holds the record, now marked retired, ready to restore. */
  g_assert_cmpint (council_org_editor_get_organization_id (fixture->editor), ==, id);

  g_assert_true (council_store_set_organization_retired (fixture->store, id, FALSE, &error));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->rows), ==, 22);
}

/* Another window or process saves the record while the form holds edits:
 * the save offers Reload or Overwrite and each does what it says. */
static GtkDialog *
edit_while_another_writer_saves (Fixture *fixture, gint64 *out_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) other = NULL;
  g_autoptr(CouncilOrganization) theirs = NULL;
  GtkWidget *dialog;

  search (fixture, "妇联", 1);
  *out_id = select_first_row (fixture);
  type_into (fixture, COUNCIL_ORG_FIELD_PHONE, "023-61111111");

  other = council_store_open (fixture->path, &error);
  g_assert_no_error (error);
  theirs = council_store_get_organization (other, *out_id, &error);
  council_organization_set_notes (theirs, "另一个窗口保存的备注");
  g_assert_true (council_store_save_organization (other, theirs, &error));
  g_assert_no_error (error);

  g_assert_null (council_org_editor_get_conflict_dialog (fixture->editor));
  g_assert_true (press_save (fixture));
  dialog = council_org_editor_get_conflict_dialog (fixture->editor);
  g_assert_true (GTK_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), 1))), ==, "_Reload");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), 2))), ==, "_Overwrite");
  /* Nothing of the form was written yet. */
  g_clear_object (&theirs);
  theirs = council_store_get_organization (fixture->store, *out_id, &error);
  g_assert_cmpstr (council_organization_get_phone (theirs), !=, "023-61111111");
  return GTK_DIALOG (dialog);
}

static char *
notes_in_editor (Fixture *fixture)
{
  GtkWidget *notes = council_org_editor_get_field_widget (fixture->editor, COUNCIL_ORG_FIELD_NOTES);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_conflict_reload (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilOrganization) saved = NULL;
  g_autofree char *notes = NULL;
  gint64 id;
  GtkDialog *dialog = edit_while_another_writer_saves (fixture, &id);

  gtk_dialog_response (dialog, 1);
  g_assert_null (council_org_editor_get_conflict_dialog (fixture->editor));
  g_assert_false (council_org_editor_has_unsaved_changes (fixture->editor));
  notes = notes_in_editor (fixture);
  g_assert_cmpstr (notes, ==, "另一个窗口保存的备注");
  saved = council_store_get_organization (fixture->store, id, &error);
  g_assert_cmpstr (council_organization_get_notes (saved), ==, "另一个窗口保存的备注");
  g_assert_cmpstr (council_organization_get_phone (saved), !=, "023-61111111");
}

static void
test_conflict_overwrite (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilOrganization) saved = NULL;
  g_autoptr(GListStore) history = NULL;
  gint64 id;
  GtkDialog *dialog = edit_while_another_writer_saves (fixture, &id);

  gtk_dialog_response (dialog, 2);
  g_assert_null (council_org_editor_get_conflict_dialog (fixture->editor));
  g_assert_false (council_org_editor_has_unsaved_changes (fixture->editor));
  /* The form's values replace theirs, all of them ... */
  saved = council_store_get_organization (fixture->store, id, &error);
  g_assert_cmpstr (council_organization_get_phone (saved), ==, "023-61111111");
  g_assert_cmpstr (council_organization_get_notes (saved), ==, "");
  /* ... and their change is still in the history: two edits after the seed. */
  history = council_store_list_history (fixture->store, "organization", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 3);
}

/* Another process renames a unit: once the store looks (the window does on
 * focus and every two seconds), the list shows the new name. */
static void
test_other_process_change_reaches_list (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) other = council_store_open (fixture->path, &error);
  gint64 id = council_store_find_organization_by_name (other, "九龙坡区总工会", &error);
  g_autoptr(CouncilOrganization) org = council_store_get_organization (other, id, &error);

  g_assert_no_error (error);
  council_organization_set_name_zh (org, "九龙坡区总工会（改名）");
  g_assert_true (council_store_save_organization (other, org, &error));
  search (fixture, "改名", 0);

  g_assert_true (council_store_check_external_changes (fixture->store));
  search (fixture, "改名", 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  g_resources_register (council_gui_get_resource ());

#define ADD(path, func) \
  g_test_add ("/roster-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("lists-and-filters", test_lists_and_filters);
  ADD ("sorts-by-column", test_sorts_by_column);
  ADD ("edit-reaches-store", test_edit_reaches_store);
  ADD ("history", test_history_lists_the_edit);
  ADD ("invalid-email", test_invalid_email_is_refused_at_the_field);
  ADD ("duplicate-name", test_duplicate_name_shown_at_the_field);
  ADD ("staff-counts", test_staff_counts_checked_together);
  ADD ("notes-and-liaison-officers", test_notes_and_liaison_officers);
  ADD ("switching-asks", test_switching_asks_about_unsaved_edits);
  ADD ("find-action", test_find_action_focuses_search);
  ADD ("new-organization", test_new_organization);
  ADD ("retired", test_retired_hidden_until_shown);
  ADD ("conflict-reload", test_conflict_reload);
  ADD ("conflict-overwrite", test_conflict_overwrite);
  ADD ("other-process-change", test_other_process_change_reaches_list);
#undef ADD
  return g_test_run ();
}
