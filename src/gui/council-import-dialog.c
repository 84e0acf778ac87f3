/* council-import-dialog.c: the roster import preview.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "council-import-dialog.h"
#include "council-window.h"

/* ---- one row of the preview ---- */

#define COUNCIL_TYPE_IMPORT_PREVIEW_ROW (council_import_preview_row_get_type ())
G_DECLARE_FINAL_TYPE (CouncilImportPreviewRow, council_import_preview_row, COUNCIL, IMPORT_PREVIEW_ROW, GObject)

struct _CouncilImportPreviewRow
{
  GObject parent_instance;
  CouncilImportRowKind kind;
  guint line;
  char *name;
  char *message;
};

G_DEFINE_FINAL_TYPE (CouncilImportPreviewRow, council_import_preview_row, G_TYPE_OBJECT)

static void
council_import_preview_row_finalize (GObject *object)
{
  CouncilImportPreviewRow *self = COUNCIL_IMPORT_PREVIEW_ROW (object);

  g_free (self->name);
  g_free (self->message);
  G_OBJECT_CLASS (council_import_preview_row_parent_class)->finalize (object);
}

static void
council_import_preview_row_class_init (CouncilImportPreviewRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = council_import_preview_row_finalize;
}

static void
council_import_preview_row_init (CouncilImportPreviewRow *self)
{
}

/* ---- the dialog ---- */

struct _CouncilImportDialog
{
  GtkWindow parent_instance;

  CouncilStore *store;
  CouncilRosterImport *import;
  GtkWindow *main_window;     /* weak: where the result is reported */

  /* template widgets */
  GtkLabel *file_label;
  GtkLabel *summary_label;
  GtkColumnView *rows_view;
  GtkLabel *reason_label;
  GtkButton *import_button;
  GtkButton *cancel_button;
};

G_DEFINE_FINAL_TYPE (CouncilImportDialog, council_import_dialog, GTK_TYPE_WINDOW)

static const char *
kind_label (CouncilImportRowKind kind)
{
  switch (kind)
    {
    case COUNCIL_IMPORT_ROW_ADDED: return _("Add");
    case COUNCIL_IMPORT_ROW_CHANGED: return _("Change");
    case COUNCIL_IMPORT_ROW_UNCHANGED: return _("Unchanged");
    case COUNCIL_IMPORT_ROW_REJECTED:
    default: return _("Rejected");
    }
}

static const char *
kind_icon (CouncilImportRowKind kind)
{
  switch (kind)
    {
    case COUNCIL_IMPORT_ROW_ADDED: return "list-add-symbolic";
    case COUNCIL_IMPORT_ROW_CHANGED: return "document-edit-symbolic";
    case COUNCIL_IMPORT_ROW_UNCHANGED: return "object-select-symbolic";
    case COUNCIL_IMPORT_ROW_REJECTED:
    default: return "dialog-error-symbolic";
    }
}

static void
on_label_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_line_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  CouncilImportPreviewRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = g_strdup_printf ("%u", row->line);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
on_name_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  CouncilImportPreviewRow *row = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), row->name);
}

static void
on_message_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  CouncilImportPreviewRow *row = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), row->message);
}

static void
on_kind_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
on_kind_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  CouncilImportPreviewRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);

  gtk_image_set_from_icon_name (GTK_IMAGE (image), kind_icon (row->kind));
  gtk_label_set_text (GTK_LABEL (label), kind_label (row->kind));
  /* Colour is not the only sign: the icon and the word say it too. */
  gtk_widget_remove_css_class (box, "alert-row");
  gtk_widget_remove_css_class (box, "success");
  gtk_widget_remove_css_class (box, "dim-label");
  if (row->kind == COUNCIL_IMPORT_ROW_REJECTED)
    gtk_widget_add_css_class (box, "alert-row");
  else if (row->kind == COUNCIL_IMPORT_ROW_UNCHANGED)
    gtk_widget_add_css_class (box, "dim-label");
  else
    gtk_widget_add_css_class (box, "success");
}

static void
add_column (CouncilImportDialog *self, const char *title, GCallback setup, GCallback bind,
            gpointer setup_data, gboolean expand, int fixed_width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", setup, setup_data);
  g_signal_connect (factory, "bind", bind, NULL);
  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->rows_view, column);
}

static void
fill_rows (CouncilImportDialog *self)
{
  g_autoptr(GListStore) rows = g_list_store_new (COUNCIL_TYPE_IMPORT_PREVIEW_ROW);
  guint n = council_roster_import_get_n_rows (self->import);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilImportPreviewRow) row = g_object_new (COUNCIL_TYPE_IMPORT_PREVIEW_ROW, NULL);

      row->kind = council_roster_import_get_row_kind (self->import, i);
      row->line = council_roster_import_get_row_line (self->import, i);
      row->name = g_strdup (council_roster_import_get_row_name (self->import, i));
      row->message = g_strdup (council_roster_import_get_row_message (self->import, i));
      g_list_store_append (rows, row);
    }
  gtk_column_view_set_model (self->rows_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)))));
}

static void
show_reason (CouncilImportDialog *self, const char *reason)
{
  gtk_label_set_text (self->reason_label, reason ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), reason != NULL);
}

static void
update_state (CouncilImportDialog *self)
{
  CouncilRosterImport *import = self->import;
  guint added = council_roster_import_count (import, COUNCIL_IMPORT_ROW_ADDED);
  guint changed = council_roster_import_count (import, COUNCIL_IMPORT_ROW_CHANGED);
  guint rejected = council_roster_import_count (import, COUNCIL_IMPORT_ROW_REJECTED);
  g_autofree char *summary =
    g_strdup_printf (_("%u to add, %u to change, %u unchanged, %u rejected — encoding %s"),
                     added, changed, council_roster_import_count (import, COUNCIL_IMPORT_ROW_UNCHANGED),
                     rejected, council_roster_import_get_encoding (import));

  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", rejected == 0 && added + changed > 0);

  if (rejected > 0)
    {
      for (guint i = 0; i < council_roster_import_get_n_rows (import); i++)
        if (council_roster_import_get_row_kind (import, i) == COUNCIL_IMPORT_ROW_REJECTED)
          {
            g_autofree char *reason =
              g_strdup_printf (_("Nothing can be imported while a row is rejected. Row %u: %s Correct the file and import it again."),
                               council_roster_import_get_row_line (import, i),
                               council_roster_import_get_row_message (import, i));
            show_reason (self, reason);
            break;
          }
    }
  else if (added + changed == 0)
    show_reason (self, _("Nothing to import: every organization in the file is already in the roster as it is."));
  else
    show_reason (self, NULL);
}

static void
apply_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilImportDialog *self = COUNCIL_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!council_roster_import_apply (self->import, self->store, &error))
    {
      /* The store rolled everything back; say why and let the person cancel. */
      show_reason (self, error->message);
      gtk_widget_action_set_enabled (widget, "import.apply", FALSE);
      return;
    }
  message = g_strdup_printf (_("Imported %u new and %u changed organizations."),
                             council_roster_import_count (self->import, COUNCIL_IMPORT_ROW_ADDED),
                             council_roster_import_count (self->import, COUNCIL_IMPORT_ROW_CHANGED));
  if (self->main_window != NULL)
    council_widget_show_message (GTK_WIDGET (self->main_window), message, FALSE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
council_import_dialog_dispose (GObject *object)
{
  CouncilImportDialog *self = COUNCIL_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COUNCIL_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->import);
  g_clear_weak_pointer (&self->main_window);
  G_OBJECT_CLASS (council_import_dialog_parent_class)->dispose (object);
}

static void
council_import_dialog_class_init (CouncilImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/qunjian/CouncilDesk/ui/council-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CouncilImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilImportDialog, rows_view);
  gtk_widget_class_bind_template_child (widget_class, CouncilImportDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CouncilImportDialog, cancel_button);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
council_import_dialog_init (CouncilImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_column (self, _("Line"), G_CALLBACK (on_label_setup_cb), G_CALLBACK (on_line_bind_cb),
              GINT_TO_POINTER (FALSE), FALSE, 60);
  add_column (self, _("Organization"), G_CALLBACK (on_label_setup_cb), G_CALLBACK (on_name_bind_cb),
              GINT_TO_POINTER (FALSE), FALSE, 240);
  add_column (self, _("Result"), G_CALLBACK (on_kind_setup_cb), G_CALLBACK (on_kind_bind_cb),
              NULL, FALSE, 120);
  add_column (self, _("Details"), G_CALLBACK (on_label_setup_cb), G_CALLBACK (on_message_bind_cb),
              GINT_TO_POINTER (TRUE), TRUE, 0);
}

CouncilImportDialog *
council_import_dialog_new (GtkWindow *parent, CouncilStore *store, CouncilRosterImport *import,
                           const char *file_name)
{
  CouncilImportDialog *self = g_object_new (COUNCIL_TYPE_IMPORT_DIALOG,
                                            "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->import = g_object_ref (import);
  g_set_weak_pointer (&self->main_window, parent);
  gtk_label_set_text (self->file_label, file_name ? file_name : "");
  fill_rows (self);
  update_state (self);
  return self;
}

/* ---- choosing and reading the file ---- */

typedef struct
{
  GtkWindow *parent;
  CouncilStore *store;
  char *db_path;
  char *csv_path;
} PrepareJob;

static void
prepare_job_free (gpointer data)
{
  PrepareJob *job = data;

  g_clear_object (&job->parent);
  g_clear_object (&job->store);
  g_free (job->db_path);
  g_free (job->csv_path);
  g_free (job);
}

static void
prepare_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PrepareJob *job = task_data;
  g_autoptr(CouncilStore) reader = NULL;
  CouncilRosterImport *import = NULL;
  GError *error = NULL;

  /* The worker reads through its own connection; the window's stays free. */
  reader = council_store_open (job->db_path, &error);
  if (reader != NULL)
    import = council_roster_import_prepare (reader, job->csv_path, &error);
  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, g_object_unref);
}

static void
show_read_error (GtkWindow *parent, const char *message)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              "%s", _("Could not import the roster"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s %s", message,
                                            _("Nothing was changed."));
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_prepared_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PrepareJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilRosterImport) import = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = NULL;
  CouncilImportDialog *dialog;

  if (job->parent != NULL)
    gtk_widget_set_cursor (GTK_WIDGET (job->parent), NULL);
  if (import == NULL)
    {
      show_read_error (job->parent, error->message);
      return;
    }
  name = g_filename_display_basename (job->csv_path);
  dialog = council_import_dialog_new (job->parent, job->store, import, name);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  PrepareJob *job = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GTask) task = NULL;

      job->csv_path = g_file_get_path (file);
      if (job->csv_path == NULL)
        {
          show_read_error (job->parent, _("Only files on this computer can be imported."));
          prepare_job_free (job);
        }
      else
        {
          if (job->parent != NULL)
            gtk_widget_set_cursor_from_name (GTK_WIDGET (job->parent), "progress");
          task = g_task_new (NULL, NULL, on_prepared_cb, NULL);
          g_task_set_task_data (task, job, prepare_job_free);
          g_task_run_in_thread (task, prepare_thread);
        }
    }
  else
    prepare_job_free (job);
  g_object_unref (chooser);
}

void
council_import_dialog_run (GtkWindow *parent, CouncilStore *store)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  PrepareJob *job;

  g_return_if_fail (COUNCIL_IS_STORE (store));

  chooser = gtk_file_chooser_native_new (_("Import Roster"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  job = g_new0 (PrepareJob, 1);
  job->parent = parent ? g_object_ref (parent) : NULL;
  job->store = g_object_ref (store);
  job->db_path = g_strdup (council_store_get_path (store));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
