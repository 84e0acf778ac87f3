/* council-window.c: header bar, sidebar, the stack of views, messages and long tasks.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "core/council-import-journal.h"
#include "core/council-store-meetings.h"
#include "core/council-store-overview.h"
#include "core/council-workbook.h"
#include "council-action-items-view.h"
#include "council-assessment-view.h"
#include "council-documents-view.h"
#include "council-draft-offer.h"
#include "council-global-search.h"
#include "council-import-dialog.h"
#include "council-meetings-view.h"
#include "council-overview-view.h"
#include "council-projects-view.h"
#include "council-projects-view-private.h"
#include "council-roster-view.h"
#include "council-roster-view-private.h"
#include "council-view-sidebar.h"
#include "council-window.h"
#include "council-window-private.h"

struct _CouncilWindow
{
  GtkApplicationWindow parent_instance;

  CouncilStore *store;
  GSettings *settings;
  GCancellable *task_cancellable;
  guint message_timeout_id;
  guint rotate_backups_id;
  guint external_changes_id;     /* polls for another process's commits */
  gboolean close_confirmed;      /* unsaved edits were saved or discarded */
  /* The view to build and show when the window is realized: views are built
   * the first time they are shown, and --view may still change this one. */
  char *pending_view;

  /* template widgets */
  GtkButton *undo_button;
  CouncilViewSidebar *sidebar;
  GtkStack *stack;
  GtkRevealer *message_revealer;
  GtkWidget *message_box;
  GtkLabel *message_label;
  GtkButton *message_close_button;
  GtkRevealer *progress_revealer;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkButton *progress_cancel_button;
};

G_DEFINE_FINAL_TYPE (CouncilWindow, council_window, GTK_TYPE_APPLICATION_WINDOW)

static GtkWidget *show_view (CouncilWindow *self, const char *name);

/* ---- messages ---- */

static gboolean
on_message_timeout_cb (gpointer user_data)
{
  CouncilWindow *self = user_data;

  self->message_timeout_id = 0;
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

void
council_window_show_message (CouncilWindow *self, const char *message, gboolean is_error)
{
  g_return_if_fail (COUNCIL_IS_WINDOW (self));

  g_clear_handle_id (&self->message_timeout_id, g_source_remove);
  gtk_label_set_text (self->message_label, message);
  if (is_error)
    gtk_widget_add_css_class (self->message_box, "error");
  else
    {
      gtk_widget_remove_css_class (self->message_box, "error");
      self->message_timeout_id = g_timeout_add_seconds (8, on_message_timeout_cb, self);
    }
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

const char *
council_window_get_message (CouncilWindow *self)
{
  g_return_val_if_fail (COUNCIL_IS_WINDOW (self), NULL);
  return gtk_revealer_get_reveal_child (self->message_revealer) ? gtk_label_get_text (self->message_label) : NULL;
}

void
council_widget_show_message (GtkWidget *widget, const char *message, gboolean is_error)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (COUNCIL_IS_WINDOW (root))
    council_window_show_message (COUNCIL_WINDOW (root), message, is_error);
  else
    g_message ("%s", message);
}

static void
on_message_close_clicked_cb (GtkButton *button, CouncilWindow *self)
{
  g_clear_handle_id (&self->message_timeout_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

/* ---- undo ---- */

static void
update_undo_state (CouncilWindow *self)
{
  g_autofree char *summary = council_store_peek_undo (self->store);
  g_autofree char *tooltip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", summary != NULL);
  if (summary != NULL)
    tooltip = g_strdup_printf (_("Undo: %s"), summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button),
                               tooltip ? tooltip : _("Nothing to undo"));
}

static void
on_store_changed_cb (CouncilStore *store, const char *table, CouncilWindow *self)
{
  update_undo_state (self);
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilWindow *self = COUNCIL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *message = NULL;

  if (!council_store_undo (self->store, &summary, &error))
    {
      council_window_show_message (self, error->message, TRUE);
      return;
    }
  message = g_strdup_printf (_("Undone: %s"), summary);
  council_window_show_message (self, message, FALSE);
}

/* ---- view actions forwarded to the visible view ---- */

static void
forward_to_view (CouncilWindow *self, const char *view_action)
{
  GtkWidget *view = gtk_stack_get_visible_child (self->stack);

  if (view != NULL)
    gtk_widget_activate_action (view, view_action, NULL);
}

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  forward_to_view (COUNCIL_WINDOW (widget), "view.new");
}

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  forward_to_view (COUNCIL_WINDOW (widget), "view.find");
}

/* Ctrl+F: one field for every kind of record; each view's own search entry
 * stays a click (or Ctrl+Shift+F, win.find) away. */
static void
search_everything_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilWindow *self = COUNCIL_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (council_global_search_new (GTK_WINDOW (self), self->store)));
}

static void
show_meeting_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilWindow *self = COUNCIL_WINDOW (widget);
  GtkWidget *view = show_view (self, "meetings");

  if (!COUNCIL_IS_MEETINGS_VIEW (view))
    return;
  council_meetings_view_open_meeting (COUNCIL_MEETINGS_VIEW (view), g_variant_get_int64 (param));
}

/* An indicator opens on the Scheme page of its scheme, selected in the tree. */
static void
show_indicator_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilWindow *self = COUNCIL_WINDOW (widget);
  gint64 indicator_id = g_variant_get_int64 (param);
  g_autoptr(GError) error = NULL;
  gint64 scheme_id;
  GtkWidget *view;

  scheme_id = council_store_find_indicator_scheme (self->store, indicator_id, &error);
  if (scheme_id < 0)
    {
      council_window_show_message (self, error->message, TRUE);
      return;
    }
  view = show_view (self, "assessment");
  if (!COUNCIL_IS_ASSESSMENT_VIEW (view))
    return;
  council_assessment_view_show_indicator (COUNCIL_ASSESSMENT_VIEW (view), scheme_id, indicator_id);
}

static void
show_project_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  council_window_show_project (COUNCIL_WINDOW (widget), g_variant_get_int64 (param));
}

static void
show_document_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  council_window_show_document (COUNCIL_WINDOW (widget), g_variant_get_int64 (param));
}

void
council_window_show_document (CouncilWindow *self, gint64 id)
{
  GtkWidget *view = show_view (self, "documents");

  if (!COUNCIL_IS_DOCUMENTS_VIEW (view))
    return;
  council_documents_view_open_document (COUNCIL_DOCUMENTS_VIEW (view), id, 0, NULL);
}

/* ---- opening a record in its view ---- */

/* Views built on other branches install these window actions (int64 id);
 * until one exists, gtk_widget_activate_action() returns FALSE. */
static const char *const record_actions[COUNCIL_N_RECORD_KINDS] = {
  [COUNCIL_RECORD_ORGANIZATION] = NULL,
  [COUNCIL_RECORD_PROJECT]      = "win.show-project",
  [COUNCIL_RECORD_MEETING]      = "win.show-meeting",
  [COUNCIL_RECORD_ACTION_ITEM]  = NULL,
  [COUNCIL_RECORD_INDICATOR]    = "win.show-indicator",
  [COUNCIL_RECORD_DOCUMENT]     = "win.show-document",
};

gboolean
council_window_show_record (CouncilWindow *self, CouncilRecordKind kind, gint64 id)
{
  g_return_val_if_fail (COUNCIL_IS_WINDOW (self), FALSE);

  if (kind == COUNCIL_RECORD_ORGANIZATION)
    {
      GtkWidget *view = show_view (self, "roster");

      if (!COUNCIL_IS_ROSTER_VIEW (view))
        return FALSE;
      council_roster_view_show_organization (COUNCIL_ROSTER_VIEW (view), id);
      return TRUE;
    }
  if (kind == COUNCIL_RECORD_ACTION_ITEM)
    {
      /* An action item is followed up in the minutes of its meeting. */
      g_autoptr(GError) error = NULL;
      g_autoptr(CouncilActionItem) item = council_store_get_action_item (self->store, id, &error);

      if (item == NULL)
        {
          council_window_show_message (self, error->message, TRUE);
          return FALSE;
        }
      kind = COUNCIL_RECORD_MEETING;
      id = council_action_item_get_meeting_id (item);
    }
  if (kind < COUNCIL_N_RECORD_KINDS && record_actions[kind] != NULL &&
      gtk_widget_activate_action (GTK_WIDGET (self), record_actions[kind], "x", id))
    return TRUE;
  council_window_show_message (self, _("This record cannot be opened here: its view is not part of this version of Council Desk."), TRUE);
  return FALSE;
}

gboolean
council_widget_show_record (GtkWidget *widget, CouncilRecordKind kind, gint64 id)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (COUNCIL_IS_WINDOW (widget))
    return council_window_show_record (COUNCIL_WINDOW (widget), kind, id);
  if (COUNCIL_IS_WINDOW (root))
    return council_window_show_record (COUNCIL_WINDOW (root), kind, id);
  return FALSE;
}

/* ---- long tasks: exporting the workbook ---- */

typedef struct
{
  CouncilWindow *window;   /* strong */
  double fraction;
} ProgressUpdate;

static gboolean
apply_progress_cb (gpointer data)
{
  ProgressUpdate *update = data;

  gtk_progress_bar_set_fraction (update->window->progress_bar, update->fraction);
  g_object_unref (update->window);
  g_free (update);
  return G_SOURCE_REMOVE;
}

static void
report_progress (double fraction, gpointer user_data)
{
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->window = g_object_ref (COUNCIL_WINDOW (user_data));
  update->fraction = CLAMP (fraction, 0.0, 1.0);
  g_idle_add (apply_progress_cb, update);
}

static void
begin_task (CouncilWindow *self, const char *label)
{
  g_clear_object (&self->task_cancellable);
  self->task_cancellable = g_cancellable_new ();
  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-workbook", FALSE);
}

static void
end_task (CouncilWindow *self)
{
  g_clear_object (&self->task_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-workbook", TRUE);
}

GCancellable *
council_window_begin_task (CouncilWindow *self, const char *label)
{
  g_return_val_if_fail (COUNCIL_IS_WINDOW (self), NULL);
  if (self->task_cancellable != NULL)
    return NULL;
  begin_task (self, label);
  return self->task_cancellable;
}

void
council_window_set_task_progress (CouncilWindow *self, double fraction, const char *label)
{
  g_return_if_fail (COUNCIL_IS_WINDOW (self));
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  if (label != NULL)
    gtk_label_set_text (self->progress_label, label);
}

void
council_window_end_task (CouncilWindow *self)
{
  g_return_if_fail (COUNCIL_IS_WINDOW (self));
  end_task (self);
}

static void
on_progress_cancel_clicked_cb (GtkButton *button, CouncilWindow *self)
{
  if (self->task_cancellable)
    g_cancellable_cancel (self->task_cancellable);
}

typedef struct
{
  char *db_path;
  char *out_path;
  CouncilWorkbookOptions options;
  gboolean projects_only;         /* the Projects view's Export… */
  CouncilProjectFilter filter;
  char *search;                   /* owned copy of filter.search */
  CouncilProjectSort sort;
  gboolean descending;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;
  g_free (job->search);
  g_free (job->db_path);
  g_free (job->out_path);
  g_free (job);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(CouncilStore) reader = NULL;
  GError *error = NULL;

  /* The worker reads through its own connection; the window's stays free. */
  reader = council_store_open (job->db_path, &error);
  if (reader == NULL ||
      !(job->projects_only
        ? council_workbook_export_projects (reader, job->out_path, &job->options, &job->filter,
                                            job->sort, job->descending, report_progress, source,
                                            cancellable, &error)
        : council_workbook_export (reader, job->out_path, &job->options, report_progress, source,
                                   cancellable, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CouncilWindow *self = COUNCIL_WINDOW (source);
  g_autoptr(GError) error = NULL;
  ExportJob *job = g_task_get_task_data (G_TASK (result));

  end_task (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        council_window_show_message (self, _("The export was cancelled; no file was written."), FALSE);
      else
        council_window_show_message (self, error->message, TRUE);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (_("Workbook written to %s"), job->out_path);
    council_window_show_message (self, message, FALSE);
  }
}

static void
run_export (CouncilWindow *self, ExportJob *job)
{
  g_autoptr(GTask) task = NULL;

  begin_task (self, _("Exporting the workbook…"));
  task = g_task_new (self, self->task_cancellable, on_export_done_cb, NULL);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
start_export (CouncilWindow *self, const char *path)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->db_path = g_strdup (council_store_get_path (self->store));
  job->out_path = g_strdup (path);
  council_workbook_options_init (&job->options);
  /* The year on the Overview is the year the leaders are looking at (the
   * current year, as the options have it, when the Overview was never shown). */
  {
    GtkWidget *overview = gtk_stack_get_child_by_name (self->stack, "overview");
    if (COUNCIL_IS_OVERVIEW_VIEW (overview))
      job->options.year = council_overview_view_get_year (COUNCIL_OVERVIEW_VIEW (overview));
  }
  run_export (self, job);
}

void
council_window_export_projects (CouncilWindow              *self,
                                const char                 *path,
                                const CouncilProjectFilter *filter,
                                CouncilProjectSort          sort,
                                gboolean                    descending)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->db_path = g_strdup (council_store_get_path (self->store));
  job->out_path = g_strdup (path);
  council_workbook_options_init (&job->options);
  job->projects_only = TRUE;
  job->filter = *filter;
  job->search = g_strdup (filter->search);
  job->filter.search = job->search;
  job->sort = sort;
  job->descending = descending;
  run_export (self, job);
}

static char *
ensure_suffix (const char *path, const char *suffix)
{
  if (g_str_has_suffix (path, suffix))
    return g_strdup (path);
  return g_strconcat (path, suffix, NULL);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser, int response, CouncilWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *xlsx = ensure_suffix (path, ".xlsx");
      start_export (self, xlsx);
    }
  g_object_unref (chooser);
}

static GtkFileChooserNative *
new_save_chooser (CouncilWindow *self, const char *title, const char *name,
                  const char *filter_name, const char *pattern)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

static void
export_workbook_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilWindow *self = COUNCIL_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: default file name of the exported workbook; %Y is the year */
  g_autofree char *name = g_date_time_format (now, _("Council workbook %Y-%m-%d.xlsx"));
  GtkFileChooserNative *chooser =
    new_save_chooser (self, _("Export Workbook"), name, _("Excel workbooks"), "*.xlsx");

  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- importing the roster ---- */

static void
import_roster_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilWindow *self = COUNCIL_WINDOW (widget);

  council_import_dialog_run (GTK_WINDOW (self), self->store);
}

/* ---- backup and restore ---- */

typedef struct
{
  char *db_path;
  char *dest_path;   /* a backup chosen by the user */
  guint keep_days;   /* the daily backups */
} BackupJob;

static void
backup_job_free (gpointer data)
{
  BackupJob *job = data;
  g_free (job->db_path);
  g_free (job->dest_path);
  g_free (job);
}

/* Copying a file of a hundred megabytes takes most of a second: backups are made
 * on their own connection, off the main thread, so the window does not freeze. */
static void
backup_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  BackupJob *job = task_data;
  CouncilStore *copier;
  GError *error = NULL;
  gboolean ok;

  copier = council_store_open (job->db_path, &error);
  ok = copier != NULL && council_store_backup (copier, job->dest_path, &error);
  /* Closed before the window hears back, so that nothing is left open after it. */
  g_clear_object (&copier);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_backup_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CouncilWindow *self = COUNCIL_WINDOW (source);
  BackupJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    council_window_show_message (self, error->message, TRUE);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Backup written to %s"), job->dest_path);
      council_window_show_message (self, message, FALSE);
    }
}

void
council_window_back_up_to (CouncilWindow *self, const char *path)
{
  g_autoptr(GTask) task = NULL;
  BackupJob *job = g_new0 (BackupJob, 1);

  job->db_path = g_strdup (council_store_get_path (self->store));
  job->dest_path = g_strdup (path);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup", FALSE);
  task = g_task_new (self, NULL, on_backup_done_cb, NULL);
  g_task_set_task_data (task, job, backup_job_free);
  g_task_run_in_thread (task, backup_thread);
}

static void
on_backup_chooser_response_cb (GtkNativeDialog *chooser, int response, CouncilWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      council_window_back_up_to (self, path);
    }
  g_object_unref (chooser);
}

static void
backup_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilWindow *self = COUNCIL_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: default file name of a backup */
  g_autofree char *name = g_date_time_format (now, _("Council backup %Y-%m-%d.db"));
  GtkFileChooserNative *chooser =
    new_save_chooser (self, _("Back Up the Database"), name, _("Council Desk databases"), "*.db");

  g_signal_connect (chooser, "response", G_CALLBACK (on_backup_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_restore_confirm_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilWindow *self = COUNCIL_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *safety = NULL;
      g_autofree char *dir = council_store_get_backup_dir (self->store);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "before-restore-%Y%m%d-%H%M%S.db");

      /* The current state is kept first, so a wrong choice can be taken back. */
      g_mkdir_with_parents (dir, 0700);
      safety = g_build_filename (dir, stamp, NULL);
      if (!council_store_backup (self->store, safety, &error) ||
          !council_store_restore (self->store, path, &error))
        council_window_show_message (self, error->message, TRUE);
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("Restored from %s. The previous state was kept in %s."), path, safety);
          council_window_show_message (self, message, FALSE);
        }
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_restore_chooser_response_cb (GtkNativeDialog *chooser, int response, CouncilWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      GtkWidget *dialog =
        gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE, "%s",
                                _("Replace all records with the backup?"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
        _("Every record in the open database is replaced by the backup’s. A copy of the current state is kept in the backups folder first."));
      gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                              _("_Restore"), GTK_RESPONSE_ACCEPT, NULL);
      g_object_set_data_full (G_OBJECT (dialog), "path", g_file_get_path (file), g_free);
      g_signal_connect (dialog, "response", G_CALLBACK (on_restore_confirm_response_cb), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (chooser);
}

static void
restore_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilWindow *self = COUNCIL_WINDOW (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Restore from Backup"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *dir = council_store_get_backup_dir (self->store);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  gtk_file_filter_set_name (filter, _("Council Desk databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_restore_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- views ---- */

/* Building every view up front cost seconds on a large council (the action
 * items and documents views alone most of them, bench-startup): the stack
 * holds only the views shown so far, and the sidebar lists them all. */

static GtkWidget *new_overview (CouncilStore *store) { return GTK_WIDGET (council_overview_view_new (store)); }
static GtkWidget *new_roster (CouncilStore *store) { return GTK_WIDGET (council_roster_view_new (store)); }
static GtkWidget *new_projects (CouncilStore *store) { return GTK_WIDGET (council_projects_view_new (store)); }
static GtkWidget *new_meetings (CouncilStore *store) { return GTK_WIDGET (council_meetings_view_new (store)); }
static GtkWidget *new_action_items (CouncilStore *store) { return GTK_WIDGET (council_action_items_view_new (store)); }
static GtkWidget *new_assessment (CouncilStore *store) { return GTK_WIDGET (council_assessment_view_new (store)); }
static GtkWidget *new_documents (CouncilStore *store) { return GTK_WIDGET (council_documents_view_new (store)); }

static const struct
{
  const char *name;
  const char *title;
  GtkWidget *(*create) (CouncilStore *store);
} views[] = {
  { "overview",   N_("Overview"),     new_overview },
  { "roster",     N_("Roster"),       new_roster },
  { "projects",   N_("Projects"),     new_projects },
  { "meetings",   N_("Meetings"),     new_meetings },
  { "actions",    N_("Action Items"), new_action_items },
  { "assessment", N_("Assessment"),   new_assessment },
  { "documents",  N_("Documents"),    new_documents },
};

static int
view_index (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (views); i++)
    if (strcmp (views[i].name, name) == 0)
      return (int) i;
  return -1;
}

/* The view @name, built now if it was never shown; NULL for a name that is
 * not a view. */
static GtkWidget *
ensure_view (CouncilWindow *self, const char *name)
{
  GtkWidget *view = name != NULL ? gtk_stack_get_child_by_name (self->stack, name) : NULL;
  int i;

  if (view != NULL)
    return view;
  i = view_index (name);
  if (i < 0)
    return NULL;
  view = views[i].create (self->store);
  gtk_stack_add_titled (self->stack, view, views[i].name, _(views[i].title));
  return view;
}

/* Builds @name if needed and puts it on screen; whatever was to be shown
 * first gives way to it. */
static GtkWidget *
show_view (CouncilWindow *self, const char *name)
{
  GtkWidget *view = ensure_view (self, name);

  if (view == NULL)
    return NULL;
  g_clear_pointer (&self->pending_view, g_free);
  gtk_stack_set_visible_child (self->stack, view);
  return view;
}

static void
on_view_chosen_cb (CouncilViewSidebar *sidebar, const char *name, CouncilWindow *self)
{
  show_view (self, name);
}

static void
on_stack_visible_child_cb (GObject *stack, GParamSpec *pspec, CouncilWindow *self)
{
  council_view_sidebar_select (self->sidebar, gtk_stack_get_visible_child_name (self->stack));
}

void
council_window_set_view (CouncilWindow *self, const char *name)
{
  g_return_if_fail (COUNCIL_IS_WINDOW (self));

  if (view_index (name) < 0)
    return;
  if (self->pending_view != NULL)
    {
      /* Not on screen yet: only the last choice is built. */
      g_free (self->pending_view);
      self->pending_view = g_strdup (name);
      council_view_sidebar_select (self->sidebar, name);
    }
  else
    show_view (self, name);
}

void
council_window_show_project (CouncilWindow *self, gint64 id)
{
  GtkWidget *view = show_view (self, "projects");

  if (!COUNCIL_IS_PROJECTS_VIEW (view))
    return;
  council_projects_view_show_project (COUNCIL_PROJECTS_VIEW (view), id);
}

const char *
council_window_get_view (CouncilWindow *self)
{
  g_return_val_if_fail (COUNCIL_IS_WINDOW (self), NULL);
  return self->pending_view != NULL ? self->pending_view : gtk_stack_get_visible_child_name (self->stack);
}

/* ---- life cycle ---- */

/* COUNCIL_DESK_EXIT_AFTER_FIRST_FRAME=1 (tests/bench-startup.c): report the
 * first drawn frame on stdout, with the CPU time spent until then, and quit,
 * so start-up can be timed from outside. */
static gboolean
quit_after_first_frame_cb (gpointer user_data)
{
  /* Closed the way a person closes it, so the store is closed cleanly too. */
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_frame_clock_after_paint_cb (GdkFrameClock *clock, CouncilWindow *self)
{
  struct rusage usage;

  g_signal_handlers_disconnect_by_func (clock, on_frame_clock_after_paint_cb, self);
  getrusage (RUSAGE_SELF, &usage);
  printf ("council-desk: first frame drawn (CPU %.1f ms)\n",
          (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
          (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3);
  fflush (stdout);
  g_idle_add_full (G_PRIORITY_HIGH, quit_after_first_frame_cb, g_object_ref (self), g_object_unref);
}

static void
on_window_map_for_first_frame_cb (GtkWidget *widget, gpointer user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, on_window_map_for_first_frame_cb, user_data);
  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_frame_clock_after_paint_cb), widget, 0);
}

static void
rotate_backups_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  BackupJob *job = task_data;
  CouncilStore *copier;
  GError *error = NULL;
  gboolean ok;

  copier = council_store_open (job->db_path, &error);
  ok = copier != NULL && council_store_rotate_backups (copier, job->keep_days, &error);
  /* Closed before the window hears back, so that nothing is left open after it. */
  g_clear_object (&copier);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_rotate_backups_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CouncilWindow *self = COUNCIL_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf (_("The daily backup could not be written: %s"), error->message);
      council_window_show_message (self, message, TRUE);
    }
}

static gboolean
rotate_backups_idle_cb (gpointer user_data)
{
  CouncilWindow *self = user_data;
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  self->rotate_backups_id = 0;
  /* A --demo database lives only as long as the process: nothing to keep. */
  if (council_store_is_temporary (self->store))
    return G_SOURCE_REMOVE;

  job = g_new0 (BackupJob, 1);
  job->db_path = g_strdup (council_store_get_path (self->store));
  job->keep_days = self->settings ? (guint) g_settings_get_int (self->settings, "backup-days") : 7;
  task = g_task_new (self, NULL, on_rotate_backups_done_cb, NULL);
  g_task_set_task_data (task, job, backup_job_free);
  g_task_run_in_thread (task, rotate_backups_thread);
  return G_SOURCE_REMOVE;
}

static gboolean
view_has_unsaved_changes (GtkWidget *view)
{
  if (COUNCIL_IS_ROSTER_VIEW (view))
    return council_roster_view_has_unsaved_changes (COUNCIL_ROSTER_VIEW (view));
  if (COUNCIL_IS_MEETINGS_VIEW (view))
    return council_meetings_view_has_unsaved_changes (COUNCIL_MEETINGS_VIEW (view));
  if (COUNCIL_IS_PROJECTS_VIEW (view))
    return council_projects_view_has_unsaved_changes (COUNCIL_PROJECTS_VIEW (view));
  if (COUNCIL_IS_DOCUMENTS_VIEW (view))
    return council_documents_view_has_unsaved_changes (COUNCIL_DOCUMENTS_VIEW (view));
  if (COUNCIL_IS_ACTION_ITEMS_VIEW (view))
    return council_action_items_view_has_unsaved_changes (COUNCIL_ACTION_ITEMS_VIEW (view));
  if (COUNCIL_IS_ASSESSMENT_VIEW (view))
    return council_assessment_view_has_unsaved_changes (COUNCIL_ASSESSMENT_VIEW (view));
  return FALSE;
}

static gboolean
view_save (GtkWidget *view)
{
  if (COUNCIL_IS_ROSTER_VIEW (view))
    return council_roster_view_save (COUNCIL_ROSTER_VIEW (view));
  if (COUNCIL_IS_MEETINGS_VIEW (view))
    return council_meetings_view_save (COUNCIL_MEETINGS_VIEW (view));
  if (COUNCIL_IS_PROJECTS_VIEW (view))
    return council_projects_view_save (COUNCIL_PROJECTS_VIEW (view));
  if (COUNCIL_IS_DOCUMENTS_VIEW (view))
    return council_documents_view_save (COUNCIL_DOCUMENTS_VIEW (view));
  if (COUNCIL_IS_ACTION_ITEMS_VIEW (view))
    return council_action_items_view_save (COUNCIL_ACTION_ITEMS_VIEW (view));
  if (COUNCIL_IS_ASSESSMENT_VIEW (view))
    return council_assessment_view_save (COUNCIL_ASSESSMENT_VIEW (view));
  return TRUE;
}

static GtkWidget *
find_view_with_unsaved_changes (CouncilWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (view_has_unsaved_changes (child))
      return child;
  return NULL;
}

static gboolean
close_window_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_close_unsaved_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilWindow *self = COUNCIL_WINDOW (user_data);
  GtkWidget *view = find_view_with_unsaved_changes (self);

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT && view != NULL && !view_save (view))
    return;  /* the reasons are at the fields; the window stays open */
  /* Closing without saving is a decision: no draft is offered next time. */
  if (response == GTK_RESPONSE_REJECT && COUNCIL_IS_ROSTER_VIEW (view))
    council_org_editor_discard_draft (council_roster_view_get_editor (COUNCIL_ROSTER_VIEW (view)));
  else if (response == GTK_RESPONSE_REJECT && COUNCIL_IS_MEETINGS_VIEW (view))
    council_meetings_view_discard_draft (COUNCIL_MEETINGS_VIEW (view));
  else if (response == GTK_RESPONSE_REJECT && COUNCIL_IS_ACTION_ITEMS_VIEW (view))
    council_action_items_view_discard_draft (COUNCIL_ACTION_ITEMS_VIEW (view));
  else if (response == GTK_RESPONSE_REJECT && COUNCIL_IS_ASSESSMENT_VIEW (view))
    council_assessment_view_discard_draft (COUNCIL_ASSESSMENT_VIEW (view));
  else if (response == GTK_RESPONSE_REJECT && COUNCIL_IS_DOCUMENTS_VIEW (view))
    council_documents_view_discard_draft (COUNCIL_DOCUMENTS_VIEW (view));
  else if (response == GTK_RESPONSE_REJECT && COUNCIL_IS_PROJECTS_VIEW (view))
    council_project_editor_discard_draft (council_projects_view_get_editor (COUNCIL_PROJECTS_VIEW (view)));
  if (response == GTK_RESPONSE_ACCEPT || response == GTK_RESPONSE_REJECT)
    {
      self->close_confirmed = TRUE;
      /* Closed from the main loop, not inside the dialog's response signal:
       * the dialog must be gone before its parent is finalized. */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_window_idle_cb, g_object_ref (self), g_object_unref);
    }
}

/* Closing never drops what someone typed without asking. */
static void
ask_before_closing (CouncilWindow *self, GtkWidget *view)
{
  GtkWidget *dialog =
    gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                            GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                            _("Save changes before closing?"));

  gtk_stack_set_visible_child (self->stack, view);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    _("The form holds changes that are not saved yet. If you close without saving, they are lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("Close _without Saving"), GTK_RESPONSE_REJECT,
                          _("_Cancel"), GTK_RESPONSE_CANCEL, _("_Save"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT),
                            "destructive-action");
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "suggested-action");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
council_window_close_request (GtkWindow *window)
{
  CouncilWindow *self = COUNCIL_WINDOW (window);
  GtkWidget *unsaved = self->close_confirmed ? NULL : find_view_with_unsaved_changes (self);

  if (unsaved != NULL)
    {
      ask_before_closing (self, unsaved);
      return TRUE;
    }
  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      if (council_window_get_view (self) != NULL)
        g_settings_set_string (self->settings, "last-view", council_window_get_view (self));
    }
  return GTK_WINDOW_CLASS (council_window_parent_class)->close_request (window);
}

static void
council_window_dispose (GObject *object)
{
  CouncilWindow *self = COUNCIL_WINDOW (object);

  if (self->task_cancellable)
    g_cancellable_cancel (self->task_cancellable);
  g_clear_object (&self->task_cancellable);
  g_clear_handle_id (&self->message_timeout_id, g_source_remove);
  g_clear_handle_id (&self->rotate_backups_id, g_source_remove);
  g_clear_handle_id (&self->external_changes_id, g_source_remove);
  /* The views leaving the stack must not reach a sidebar being disposed. */
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_func (self->stack, on_stack_visible_child_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COUNCIL_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_view, g_free);

  G_OBJECT_CLASS (council_window_parent_class)->dispose (object);
}

/* The first view is built just before the window first lays itself out, so
 * that --view, which comes after council_window_new(), builds only its own. */
static void
council_window_realize (GtkWidget *widget)
{
  CouncilWindow *self = COUNCIL_WINDOW (widget);

  if (self->pending_view != NULL)
    {
      g_autofree char *name = g_strdup (self->pending_view);
      show_view (self, name);
    }
  GTK_WIDGET_CLASS (council_window_parent_class)->realize (widget);
}

/* GtkWindow gives the keyboard to the first widget that takes it, which is
 * now the sidebar's row; at start-up it belongs to the view, as it did beside
 * GTK's stack sidebar: its first field (the roster's search, the Overview's year). */
static void
council_window_show (GtkWidget *widget)
{
  CouncilWindow *self = COUNCIL_WINDOW (widget);
  GtkWidget *view, *focus;

  GTK_WIDGET_CLASS (council_window_parent_class)->show (widget);
  view = gtk_stack_get_visible_child (self->stack);
  focus = gtk_window_get_focus (GTK_WINDOW (self));
  if (view != NULL && (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar))))
    gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

static void
council_window_class_init (CouncilWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = council_window_dispose;
  widget_class->realize = council_window_realize;
  widget_class->show = council_window_show;
  window_class->close_request = council_window_close_request;

  g_type_ensure (COUNCIL_TYPE_VIEW_SIDEBAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/qunjian/CouncilDesk/ui/council-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CouncilWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CouncilWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CouncilWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CouncilWindow, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, CouncilWindow, message_box);
  gtk_widget_class_bind_template_child (widget_class, CouncilWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilWindow, message_close_button);
  gtk_widget_class_bind_template_child (widget_class, CouncilWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CouncilWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CouncilWindow, progress_cancel_button);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.search-everything", NULL, search_everything_action);
  gtk_widget_class_install_action (widget_class, "win.show-meeting", "x", show_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.show-document", "x", show_document_action);
  gtk_widget_class_install_action (widget_class, "win.show-project", "x", show_project_action);
  gtk_widget_class_install_action (widget_class, "win.show-indicator", "x", show_indicator_action);
  gtk_widget_class_install_action (widget_class, "win.export-workbook", NULL, export_workbook_action);
  gtk_widget_class_install_action (widget_class, "win.import-roster", NULL, import_roster_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
}

static void
council_window_init (CouncilWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Another process (a command-line import, a second window on the same file)
 * may have committed: the lists refresh through CouncilStore::changed. */
static gboolean
on_external_changes_timeout_cb (gpointer user_data)
{
  CouncilWindow *self = user_data;

  council_store_check_external_changes (self->store);
  return G_SOURCE_CONTINUE;
}

static void
on_window_is_active_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  CouncilWindow *self = COUNCIL_WINDOW (object);

  if (gtk_window_is_active (GTK_WINDOW (self)) && self->store != NULL)
    council_store_check_external_changes (self->store);
}

CouncilWindow *
council_window_new (CouncilApplication *application)
{
  CouncilWindow *self = g_object_new (COUNCIL_TYPE_WINDOW, "application", application, NULL);
  g_autofree char *last_view = NULL;

  self->store = g_object_ref (council_application_get_store (application));
  self->settings = council_application_get_settings (application)
                   ? g_object_ref (council_application_get_settings (application)) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    council_view_sidebar_append (self->sidebar, views[i].name, _(views[i].title));
  g_signal_connect_object (self->sidebar, "view-chosen", G_CALLBACK (on_view_chosen_cb), self, 0);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (on_stack_visible_child_cb), self, 0);
  /* The Overview unless another view is remembered or asked for. */
  self->pending_view = g_strdup (views[0].name);
  council_view_sidebar_select (self->sidebar, self->pending_view);

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      last_view = g_settings_get_string (self->settings, "last-view");
      council_window_set_view (self, last_view);
    }
  /* Unsaved text left by a crash: start on the view that offers it back. */
  if (council_draft_offer_first_view (self->store) != NULL)
    council_window_set_view (self, council_draft_offer_first_view (self->store));
  /* An import a crash cut short: which files did not make it. */
  {
    g_autofree char *interrupted = council_import_journal_take_interrupted (self->store);

    if (interrupted != NULL)
      council_window_show_message (self, interrupted, TRUE);
  }

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  g_signal_connect (self->message_close_button, "clicked", G_CALLBACK (on_message_close_clicked_cb), self);
  g_signal_connect (self->progress_cancel_button, "clicked", G_CALLBACK (on_progress_cancel_clicked_cb), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_window_is_active_cb), NULL);
  self->external_changes_id = g_timeout_add_seconds (2, on_external_changes_timeout_cb, self);
  update_undo_state (self);

  if (g_getenv ("COUNCIL_DESK_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (self, "map", G_CALLBACK (on_window_map_for_first_frame_cb), NULL);

  /* After the first frame: start-up must not wait for the daily copy. */
  /* No reference held: a window closed before then must not keep the store
   * (and its unmerged -wal file) alive until the timer fires. */
  self->rotate_backups_id = g_timeout_add_seconds_full (G_PRIORITY_LOW, 2, rotate_backups_idle_cb, self, NULL);
  return self;
}

CouncilStore *
council_window_get_store (CouncilWindow *self)
{
  return self->store;
}
