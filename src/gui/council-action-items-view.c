/* council-action-items-view.c: every action item, served page by page by SQL, followed up in place.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-action-items-view"

#include "config.h"

#include <glib/gi18n.h>

#include "core/council-action-item-model.h"
#include "council-action-items-view-private.h"
#include "council-draft-offer.h"
#include "council-editor-helpers.h"
#include "council-list-helpers.h"
#include "council-meeting-editor.h"
#include "council-text-cell.h"
#include "council-window.h"

/* Positions in the status filter. */
enum { STATUS_PENDING, STATUS_ANY, STATUS_FIRST };
/* Positions in the follow-up panel's status drop-down: keep, then the statuses. */
enum { NOTE_STATUS_KEEP };

struct _CouncilActionItemsView
{
  GtkWidget parent_instance;

  CouncilStore *store;
  gboolean filters_stale;         /* the owner and meeting choices wait for the view to be shown */
  CouncilActionItemModel *model;
  GtkSingleSelection *selection;
  GListStore *owners;             /* CouncilOrganization behind the owner filter */
  GArray *meeting_ids;            /* gint64 behind the meeting filter */
  gint64 open_id;                 /* the item in the follow-up panel */
  gint64 base_version;            /* its version the note is written against */
  char *open_title;               /* its text, for drafts and questions */
  gboolean resetting;             /* the note form is being filled, not typed into */
  CouncilListController *list;    /* asks before switching away from a note */
  CouncilDraftOffer *offer;       /* offers what a crash left unsaved */
  CouncilDraftKeeper drafts;      /* the note being written, kept on disk */
  GtkWidget *conflict_dialog;     /* "Reload or Overwrite", while it is open */
  int conflict_status;            /* the status of the save that met the conflict */
  gboolean updating_filters;
  gboolean filtering;             /* the model reloads for a new filter, not a change in the store */
  guint last_added;               /* rows added by the model's last items-changed */
  guint kept_row;                 /* the top row when a change in the store reloaded the list */
  gboolean keeping_row;           /* between "reloading" and the old rows' removal */

  /* template widgets */
  GtkPaned *paned;
  GtkDropDown *owner_filter;
  GtkDropDown *status_filter;
  GtkDropDown *meeting_filter;
  GtkCheckButton *overdue_check;
  GtkCheckButton *week_check;
  GtkLabel *count_label;
  GtkColumnView *column_view;
  GtkStack *panel_stack;
  GtkLabel *item_text_label;
  GtkLabel *item_facts_label;
  GtkLabel *item_overdue_label;
  GtkButton *open_meeting_button;
  GtkBox *notes_box;
  GtkEntry *note_date_entry;
  GtkDropDown *note_status_dropdown;
  GtkWidget *note_frame;
  GtkTextView *note_text_view;
  GtkLabel *note_error_label;
  GtkButton *done_button;
  GtkButton *add_note_button;
};

G_DEFINE_FINAL_TYPE (CouncilActionItemsView, council_action_items_view, GTK_TYPE_WIDGET)

/* ---- cells ---- */

typedef struct
{
  const char *title;
  int fixed_width;
  gboolean expand;     /* takes the width the others leave */
  CouncilCellTextFunc text;
  CouncilCellTextFunc tooltip;
  float xalign;
  const char *css_class;
} ColumnSpec;

static int
days_overdue (CouncilActionItem *item)
{
  return council_action_item_get_days_overdue (item, council_action_item_get_as_of (item));
}

static char *
text_text (gpointer item, gconstpointer data)
{
  return g_strdup (council_action_item_get_text (COUNCIL_ACTION_ITEM (item)));
}

static char *
text_owner (gpointer item, gconstpointer data)
{
  return g_strdup (council_action_item_get_owner_name (COUNCIL_ACTION_ITEM (item)));
}

static char *
tooltip_owner (gpointer item, gconstpointer data)
{
  const char *co = council_action_item_get_co_owner_names (COUNCIL_ACTION_ITEM (item));

  if (co != NULL && *co)
    /* Translators: tooltip of the owner cell: owner, then co-owners */
    return g_strdup_printf (_("%s; co-owners: %s"), council_action_item_get_owner_name (COUNCIL_ACTION_ITEM (item)), co);
  return text_owner (item, data);
}

static char *
text_due (gpointer item, gconstpointer data)
{
  return council_format_date (council_action_item_get_due_date (COUNCIL_ACTION_ITEM (item)));
}

static char *
text_status (gpointer item, gconstpointer data)
{
  return g_strdup (council_action_item_get_status_label (COUNCIL_ACTION_ITEM (item)));
}

static char *
text_days_overdue (gpointer item, gconstpointer data)
{
  int days = days_overdue (COUNCIL_ACTION_ITEM (item));

  return days > 0 ? g_strdup_printf (ngettext ("%d day", "%d days", days), days) : NULL;
}

static char *
text_last_note (gpointer item, gconstpointer data)
{
  const char *note = council_action_item_get_last_progress_note (COUNCIL_ACTION_ITEM (item));
  g_autofree char *when = NULL;

  if (note == NULL || *note == '\0')
    return NULL;
  when = council_format_date (council_action_item_get_last_progress_date (COUNCIL_ACTION_ITEM (item)));
  /* Translators: date and text of the last progress note */
  return g_strdup_printf (_("%s: %s"), when, note);
}

static char *
text_meeting (gpointer item, gconstpointer data)
{
  return g_strdup (council_action_item_get_meeting_title (COUNCIL_ACTION_ITEM (item)));
}

static char *
tooltip_meeting (gpointer item, gconstpointer data)
{
  g_autofree char *when = council_format_date (council_action_item_get_meeting_date (COUNCIL_ACTION_ITEM (item)));

  return g_strdup_printf (_("%s: %s"), when, council_action_item_get_meeting_title (COUNCIL_ACTION_ITEM (item)));
}

static const ColumnSpec column_specs[] = {
  /* The item's text is what the list is read for: at least as wide as
   * two other columns, wider when the window allows. */
  { N_("Action item"), 240, TRUE, text_text, text_text, 0.0f, NULL },
  { N_("Owner"), 130, FALSE, text_owner, tooltip_owner, 0.0f, NULL },
  { N_("Due"), 122, FALSE, text_due, NULL, 0.0f, NULL },
  { N_("Status"), 90, FALSE, text_status, NULL, 0.0f, NULL },
  { N_("Days overdue"), 116, FALSE, text_days_overdue, NULL, 1.0f, "days-overdue" },
  { N_("Last progress note"), 160, FALSE, text_last_note, text_last_note, 0.0f, NULL },
  { N_("Meeting"), 130, FALSE, text_meeting, tooltip_meeting, 0.0f, NULL },
};

/* The whole row reads red when the item is overdue, dimmed when it is closed. */
static void
style_cell (GtkWidget *cell, gpointer item, gconstpointer data)
{
  CouncilActionStatus status = council_action_item_get_status (COUNCIL_ACTION_ITEM (item));

  council_text_cell_set_class (cell, "overdue", days_overdue (COUNCIL_ACTION_ITEM (item)) > 0);
  council_text_cell_set_class (cell, "dim-label",
                               status == COUNCIL_ACTION_STATUS_DONE || status == COUNCIL_ACTION_STATUS_CANCELLED);
}

static void
add_columns (CouncilActionItemsView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    {
      const ColumnSpec *spec = &column_specs[i];
      GtkListItemFactory *factory = council_text_cell_factory_new (spec->text, spec->tooltip, style_cell,
                                                                   spec->xalign, spec->css_class, spec);
      g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (_(spec->title), factory);

      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, spec->fixed_width);
      gtk_column_view_column_set_expand (column, spec->expand);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* ---- filters ---- */

static void
update_count (CouncilActionItemsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = g_strdup_printf (ngettext ("%u action item", "%u action items", n), n);

  gtk_label_set_text (self->count_label, text);
}

static void
read_filter (CouncilActionItemsView *self, CouncilActionFilter *filter)
{
  guint owner = gtk_drop_down_get_selected (self->owner_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint meeting = gtk_drop_down_get_selected (self->meeting_filter);

  council_action_filter_init (filter);
  if (owner != GTK_INVALID_LIST_POSITION && owner > 0)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (self->owners), owner - 1);
      if (org != NULL)
        filter->owner_org_id = council_organization_get_id (org);
    }
  if (status == STATUS_PENDING || status == GTK_INVALID_LIST_POSITION)
    filter->pending_only = TRUE;
  else if (status >= STATUS_FIRST)
    filter->status = (int) (status - STATUS_FIRST);
  if (meeting != GTK_INVALID_LIST_POSITION && meeting > 0 && meeting <= self->meeting_ids->len)
    filter->meeting_id = g_array_index (self->meeting_ids, gint64, meeting - 1);
  filter->overdue_only = gtk_check_button_get_active (self->overdue_check);
  if (gtk_check_button_get_active (self->week_check))
    filter->due_within_days = 7;
}

static void
apply_filter (CouncilActionItemsView *self)
{
  CouncilActionFilter filter;

  if (self->updating_filters)
    return;
  read_filter (self, &filter);
  self->filtering = TRUE;
  council_action_item_model_set_filter (self->model, &filter);
  self->filtering = FALSE;
  update_count (self);
}

static void
on_filter_changed_cb (GObject *object, GParamSpec *pspec, CouncilActionItemsView *self)
{
  apply_filter (self);
}

static void
on_filter_toggled_cb (GtkCheckButton *check, CouncilActionItemsView *self)
{
  apply_filter (self);
}

static void
fill_filters (CouncilActionItemsView *self)
{
  g_autoptr(GListStore) orgs = council_store_list_organizations (self->store, TRUE, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) owner_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) meeting_names = NULL;
  gboolean chinese = council_ui_prefers_chinese ();
  guint old_owner = gtk_drop_down_get_selected (self->owner_filter);
  guint old_meeting = gtk_drop_down_get_selected (self->meeting_filter);
  gint64 owner_id = 0, meeting_id = 0;

  if (old_owner != GTK_INVALID_LIST_POSITION && old_owner > 0)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (self->owners), old_owner - 1);
      owner_id = org ? council_organization_get_id (org) : 0;
    }
  if (old_meeting != GTK_INVALID_LIST_POSITION && old_meeting > 0 && old_meeting <= self->meeting_ids->len)
    meeting_id = g_array_index (self->meeting_ids, gint64, old_meeting - 1);

  self->updating_filters = TRUE;
  if (orgs != NULL)
    g_set_object (&self->owners, orgs);
  gtk_string_list_append (owner_names, _("All owners"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->owners)); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (self->owners), i);
      gtk_string_list_append (owner_names, council_organization_get_name_for_language (org, chinese));
    }
  gtk_drop_down_set_model (self->owner_filter, G_LIST_MODEL (owner_names));
  gtk_drop_down_set_selected (self->owner_filter, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->owners)); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (self->owners), i);
      if (council_organization_get_id (org) == owner_id)
        gtk_drop_down_set_selected (self->owner_filter, i + 1);
    }

  /* Only the id, date and title of each meeting: a large council has tens
   * of thousands, and the filter needs no counts. */
  g_array_set_size (self->meeting_ids, 0);
  if (!council_store_list_meeting_choices (self->store, self->meeting_ids, labels, &error))
    {
      g_warning ("Could not read the meetings: %s", error->message);
      g_array_set_size (self->meeting_ids, 0);
      g_ptr_array_set_size (labels, 0);
    }
  g_ptr_array_insert (labels, 0, g_strdup (_("All meetings")));
  g_ptr_array_add (labels, NULL);
  meeting_names = gtk_string_list_new ((const char * const *) labels->pdata);
  gtk_drop_down_set_model (self->meeting_filter, G_LIST_MODEL (meeting_names));
  gtk_drop_down_set_selected (self->meeting_filter, 0);
  for (guint i = 0; i < self->meeting_ids->len; i++)
    if (g_array_index (self->meeting_ids, gint64, i) == meeting_id)
      gtk_drop_down_set_selected (self->meeting_filter, i + 1);
  self->updating_filters = FALSE;
}

static void
fill_status_choices (CouncilActionItemsView *self)
{
  g_autoptr(GtkStringList) filter_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) note_names = gtk_string_list_new (NULL);

  gtk_string_list_append (filter_names, _("Pending (open or in progress)"));
  gtk_string_list_append (filter_names, _("Any status"));
  gtk_string_list_append (note_names, _("Keep the status"));
  for (int s = COUNCIL_ACTION_STATUS_OPEN; s <= COUNCIL_ACTION_STATUS_CANCELLED; s++)
    {
      gtk_string_list_append (filter_names, council_action_status_label (s));
      gtk_string_list_append (note_names, council_action_status_label (s));
    }
  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (filter_names));
  gtk_drop_down_set_model (self->note_status_dropdown, G_LIST_MODEL (note_names));
  self->updating_filters = FALSE;
}

/* ---- the follow-up panel ---- */

static void
show_note_error (CouncilActionItemsView *self, GtkWidget *input, const char *message)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->note_date_entry), "error");
  gtk_widget_remove_css_class (self->note_frame, "error");
  if (message != NULL && input != NULL)
    gtk_widget_add_css_class (input, "error");
  gtk_label_set_text (self->note_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_error_label), message != NULL);
}

static void
fill_notes (CouncilActionItemsView *self, gint64 id)
{
  g_autoptr(GListStore) notes = council_store_list_progress_notes (self->store, id, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_box))) != NULL)
    gtk_box_remove (self->notes_box, child);
  if (notes == NULL || g_list_model_get_n_items (G_LIST_MODEL (notes)) == 0)
    {
      GtkWidget *none = gtk_label_new (_("No progress recorded yet."));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->notes_box, none);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (notes)); i++)
    {
      g_autoptr(CouncilProgressNote) note = g_list_model_get_item (G_LIST_MODEL (notes), i);
      g_autofree char *when = council_format_date (council_progress_note_get_noted_on (note));
      g_autofree char *text = g_strdup_printf (_("%s: %s"), when, council_progress_note_get_text (note));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (self->notes_box, label);
    }
}

static gboolean note_is_dirty (CouncilActionItemsView *self);

static void
show_item (CouncilActionItemsView *self, gint64 id)
{
  g_autoptr(CouncilActionItem) item = NULL;
  g_autoptr(GString) facts = g_string_new (NULL);
  g_autofree char *due = NULL;
  g_autofree char *meeting_date = NULL;
  g_autofree char *today = council_iso_date_today ();
  const char *co;
  int days;
  gint64 previous = self->open_id;

  self->open_id = id;
  if (id > 0)
    item = council_store_get_action_item (self->store, id, NULL);
  if (item == NULL)
    {
      self->open_id = 0;
      gtk_stack_set_visible_child_name (self->panel_stack, "empty");
      return;
    }
  /* A note being written keeps the version it was begun on. */
  if (id != previous || !note_is_dirty (self))
    self->base_version = council_action_item_get_version (item);
  g_free (self->open_title);
  self->open_title = g_strdup (council_action_item_get_text (item));
  due = council_format_date (council_action_item_get_due_date (item));
  meeting_date = council_format_date (council_action_item_get_meeting_date (item));
  co = council_action_item_get_co_owner_names (item);
  gtk_label_set_text (self->item_text_label, council_action_item_get_text (item));
  g_string_append_printf (facts, _("Owner: %s"), council_action_item_get_owner_name (item));
  if (co != NULL && *co)
    {
      g_string_append_c (facts, '\n');
      g_string_append_printf (facts, _("Co-owners: %s"), co);
    }
  g_string_append_c (facts, '\n');
  g_string_append_printf (facts, _("Due: %s"), due);
  g_string_append_c (facts, '\n');
  g_string_append_printf (facts, _("Status: %s"), council_action_item_get_status_label (item));
  if (*council_action_item_get_done_date (item))
    {
      g_autofree char *done = council_format_date (council_action_item_get_done_date (item));
      g_string_append_c (facts, '\n');
      g_string_append_printf (facts, _("Done on: %s"), done);
    }
  days = council_action_item_get_days_overdue (item, today);
  g_string_append_c (facts, '\n');
  g_string_append_printf (facts, _("Meeting: %s, %s"), council_action_item_get_meeting_title (item), meeting_date);
  if (council_action_item_get_project_id (item) > 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, council_action_item_get_project_id (item));
      g_string_append_c (facts, '\n');
      g_string_append_printf (facts, _("Linked to project no. %s"), number);
    }
  gtk_label_set_text (self->item_facts_label, facts->str);
  gtk_widget_set_visible (GTK_WIDGET (self->item_overdue_label), days > 0);
  if (days > 0)
    {
      g_autofree char *overdue = g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days", days), days);
      gtk_label_set_text (self->item_overdue_label, overdue);
    }
  fill_notes (self, id);
  gtk_stack_set_visible_child_name (self->panel_stack, "item");
}

/* ---- the progress note being written ---- */

static char *
note_text (CouncilActionItemsView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The status the note sets, -1 to keep the item's. */
static int
note_status (CouncilActionItemsView *self)
{
  guint status = gtk_drop_down_get_selected (self->note_status_dropdown);

  return status == NOTE_STATUS_KEEP || status == GTK_INVALID_LIST_POSITION ? -1 : (int) status - 1;
}

/* Typed text or a chosen status: something a person would not want lost. */
static gboolean
note_is_dirty (CouncilActionItemsView *self)
{
  g_autofree char *text = note_text (self);

  return self->open_id > 0 && (*g_strstrip (text) != '\0' || note_status (self) >= 0);
}

static CouncilDraft *
build_draft (gpointer owner)
{
  CouncilActionItemsView *self = owner;
  g_autofree char *text = NULL;

  if (!note_is_dirty (self))
    return NULL;
  text = note_text (self);
  return council_draft_new_for_progress_note (self->open_id, self->base_version, self->open_title,
                                              gtk_editable_get_text (GTK_EDITABLE (self->note_date_entry)),
                                              text, note_status (self));
}

/* Dirty: (re)write the draft a second after the last edit; clean again
 * (recorded, emptied): the draft goes. */
static void
update_draft (CouncilActionItemsView *self)
{
  if (self->resetting)
    return;
  if (note_is_dirty (self))
    council_draft_keeper_schedule (&self->drafts);
  else
    council_draft_keeper_discard (&self->drafts);
}

static void
on_note_text_changed_cb (GtkTextBuffer *buffer, CouncilActionItemsView *self)
{
  update_draft (self);
}

static void
on_note_status_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, CouncilActionItemsView *self)
{
  update_draft (self);
}

static void
reset_note_form (CouncilActionItemsView *self)
{
  g_autofree char *today = council_iso_date_today ();

  self->resetting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->note_date_entry), today);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_text_view), "", -1);
  gtk_drop_down_set_selected (self->note_status_dropdown, NOTE_STATUS_KEEP);
  show_note_error (self, NULL, NULL);
  self->resetting = FALSE;
  council_draft_keeper_discard (&self->drafts);
}

void
council_action_items_view_open_item (CouncilActionItemsView *self, gint64 id)
{
  g_return_if_fail (COUNCIL_IS_ACTION_ITEMS_VIEW (self));

  if (id != self->open_id)
    reset_note_form (self);
  show_item (self, id);
}

gint64
council_action_items_view_get_open_item (CouncilActionItemsView *self)
{
  return self->open_id;
}

static void
on_note_date_changed_cb (GtkEditable *entry, CouncilActionItemsView *self)
{
  const char *text = gtk_editable_get_text (entry);

  if (*text && !council_iso_date_is_valid (text))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date; write it as YYYY-MM-DD."), text);
      show_note_error (self, GTK_WIDGET (entry), message);
    }
  else
    show_note_error (self, NULL, NULL);
  update_draft (self);
}

static gboolean record_progress (CouncilActionItemsView *self, int status);

static void
on_conflict_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilActionItemsView *self = COUNCIL_ACTION_ITEMS_VIEW (user_data);
  gint64 id = self->open_id;

  self->conflict_dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (id <= 0)
    return;
  if (response == COUNCIL_CONFLICT_RESPONSE_RELOAD)
    {
      /* The typed note goes; the other change is shown. */
      g_autofree char *message = NULL;

      reset_note_form (self);
      show_item (self, id);
      message = g_strdup_printf (_("Reloaded “%s” with the other change; your edits were discarded."),
                                 self->open_title ? self->open_title : "");
      council_widget_show_message (GTK_WIDGET (self), message, FALSE);
    }
  else if (response == COUNCIL_CONFLICT_RESPONSE_OVERWRITE)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CouncilActionItem) current = council_store_get_action_item (self->store, id, &error);

      if (current == NULL)
        {
          council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
          return;
        }
      self->base_version = council_action_item_get_version (current);
      record_progress (self, self->conflict_status);
    }
}

/* Another process or window changed the item since the note was begun:
 * never lose either change silently. */
static void
ask_reload_or_overwrite (CouncilActionItemsView *self, const char *reason, int status)
{
  if (self->conflict_dialog != NULL)
    return;
  self->conflict_status = status;
  self->conflict_dialog = council_conflict_dialog_new (GTK_WIDGET (self), self->open_title, reason);
  g_signal_connect_object (self->conflict_dialog, "response", G_CALLBACK (on_conflict_response_cb), self, 0);
}

static gboolean
record_progress (CouncilActionItemsView *self, int status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_date_entry))));
  gint64 id = self->open_id;

  if (id <= 0)
    return FALSE;
  text = g_strstrip (note_text (self));
  if (!council_store_add_progress_note_at_version (self->store, id, self->base_version,
                                                   *date ? date : NULL, text, status,
                                                   status == COUNCIL_ACTION_STATUS_DONE && *date ? date : NULL,
                                                   &error))
    {
      GtkWidget *input = NULL;

      if (g_error_matches (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT))
        {
          ask_reload_or_overwrite (self, error->message, status);
          return FALSE;
        }
      if (error->domain == COUNCIL_VALIDATION_ERROR)
        input = g_str_has_suffix (error->message, "YYYY-MM-DD.") ? GTK_WIDGET (self->note_date_entry) : self->note_frame;
      show_note_error (self, input, error->message);
      return FALSE;
    }
  reset_note_form (self);
  show_item (self, id);
  council_widget_show_message (GTK_WIDGET (self),
                               status == COUNCIL_ACTION_STATUS_DONE ? _("The action item is marked done.")
                                                                    : _("Progress recorded."), FALSE);
  return TRUE;
}

static void
on_add_note_clicked_cb (GtkButton *button, CouncilActionItemsView *self)
{
  record_progress (self, note_status (self));
}

static void
on_done_clicked_cb (GtkButton *button, CouncilActionItemsView *self)
{
  record_progress (self, COUNCIL_ACTION_STATUS_DONE);
}

gboolean
council_action_items_view_has_unsaved_changes (CouncilActionItemsView *self)
{
  g_return_val_if_fail (COUNCIL_IS_ACTION_ITEMS_VIEW (self), FALSE);
  return note_is_dirty (self);
}

gboolean
council_action_items_view_save (CouncilActionItemsView *self)
{
  g_return_val_if_fail (COUNCIL_IS_ACTION_ITEMS_VIEW (self), FALSE);
  return !note_is_dirty (self) || record_progress (self, note_status (self));
}

void
council_action_items_view_discard_draft (CouncilActionItemsView *self)
{
  g_return_if_fail (COUNCIL_IS_ACTION_ITEMS_VIEW (self));
  council_draft_keeper_discard (&self->drafts);
}

GtkWidget *
council_action_items_view_get_conflict_dialog (CouncilActionItemsView *self)
{
  return self->conflict_dialog;
}

/* ---- switching items, drafts left by a crash ---- */

static gint64
action_item_id (gpointer item)
{
  return council_action_item_get_id (COUNCIL_ACTION_ITEM (item));
}

static gint64
open_item_id (GtkWidget *view)
{
  return COUNCIL_ACTION_ITEMS_VIEW (view)->open_id;
}

static gboolean
form_has_unsaved (GtkWidget *view)
{
  return note_is_dirty (COUNCIL_ACTION_ITEMS_VIEW (view));
}

static gboolean
form_save (GtkWidget *view)
{
  return council_action_items_view_save (COUNCIL_ACTION_ITEMS_VIEW (view));
}

static void
open_target (GtkWidget *view, gint64 target)
{
  council_action_items_view_open_item (COUNCIL_ACTION_ITEMS_VIEW (view), target);
}

/* The list is served page by page: only the selected row is looked at (the
 * open item's row elsewhere in the list stays unselected). */
static guint
selected_position (GtkWidget *view, gint64 id)
{
  CouncilActionItemsView *self = COUNCIL_ACTION_ITEMS_VIEW (view);
  CouncilActionItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL && council_action_item_get_id (item) == id
         ? gtk_single_selection_get_selected (self->selection) : GTK_INVALID_LIST_POSITION;
}

static const CouncilListControllerFuncs list_funcs = {
  action_item_id, open_item_id, form_has_unsaved, form_save, open_target,
  N_("Save the progress note on this action item?"),
  selected_position,
};

static gboolean
restore_draft (GtkWidget *view, CouncilDraft *draft)
{
  CouncilActionItemsView *self = COUNCIL_ACTION_ITEMS_VIEW (view);
  g_autofree char *noted_on = NULL;
  g_autofree char *text = NULL;
  int status;

  council_action_items_view_open_item (self, draft->record_id);
  if (self->open_id != draft->record_id)
    return FALSE;
  council_draft_get_progress_note (draft, &noted_on, &text, &status);
  self->resetting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->note_date_entry), noted_on);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_text_view), text, -1);
  gtk_drop_down_set_selected (self->note_status_dropdown, status >= 0 ? (guint) status + 1 : NOTE_STATUS_KEEP);
  self->resetting = FALSE;
  /* Recorded against the version the note was begun on: a change made since
   * then is a conflict the person decides about. */
  if (draft->version > 0)
    self->base_version = draft->version;
  council_draft_keeper_adopt (&self->drafts, draft->record_id);
  council_list_controller_sync_selection (self->list);
  return TRUE;
}

GtkWidget *
council_action_items_view_get_draft_dialog (CouncilActionItemsView *self)
{
  return self->offer ? council_draft_offer_get_dialog (self->offer) : NULL;
}

static void
on_open_meeting_clicked_cb (GtkButton *button, CouncilActionItemsView *self)
{
  g_autoptr(CouncilActionItem) item = self->open_id > 0
                                      ? council_store_get_action_item (self->store, self->open_id, NULL) : NULL;

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-meeting", "x",
                                council_action_item_get_meeting_id (item));
}

/* The meeting filter offers every meeting: on a large council that is read
 * when the view is first shown, not at start-up or on every change while
 * another view is in front. */
static void
ensure_filters (CouncilActionItemsView *self)
{
  if (!self->filters_stale)
    return;
  self->filters_stale = FALSE;
  fill_filters (self);
}

static void
on_map_cb (GtkWidget *widget, CouncilActionItemsView *self)
{
  ensure_filters (self);
}

static void
on_store_changed_cb (CouncilStore *store, const char *table, CouncilActionItemsView *self)
{
  /* The model follows the store itself; the filters and the panel are ours. */
  if (table == NULL || g_str_equal (table, "organization") || g_str_equal (table, "meeting"))
    {
      self->filters_stale = TRUE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        ensure_filters (self);
    }
  update_count (self);
  if (self->open_id > 0)
    show_item (self, self->open_id);
}

/* The column view's list (GTK 4.8 has no scroll API on the column view:
 * its inner list has the action). */
static void
scroll_to_row (CouncilActionItemsView *self, guint position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
on_model_items_changed_cb (GListModel *model, guint position, guint removed, guint added,
                           CouncilActionItemsView *self)
{
  update_count (self);
  self->last_added = added;
  /* The old rows are gone after a change in the store: back to the row that
   * was at the top (the old rows' widgets are gone, the list stands at the
   * end of the new rows, so the row comes in at the top). */
  if (self->keeping_row && removed > 0 && added == 0)
    {
      guint n = g_list_model_get_n_items (model);

      self->keeping_row = FALSE;
      if (n > 0)
        scroll_to_row (self, MIN (self->kept_row, n - 1));
    }
}

/* The new rows stand in front of the old ones. After a new filter, moving to
 * the first of them rebinds the row widgets instead of making new ones.
 * After a change in the store (an item done leaves the pending list), the
 * list keeps its place: the top row is found from the scroll position (the
 * rows are all of one height). */
static void
on_model_reloading_cb (CouncilActionItemModel *model, CouncilActionItemsView *self)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (model)) - self->last_added;
  double upper = gtk_adjustment_get_upper (adj);

  if (self->filtering || old_n == 0 || upper <= 0)
    {
      scroll_to_row (self, 0);
      return;
    }
  self->kept_row = (guint) (gtk_adjustment_get_value (adj) / (upper / old_n) + 0.5);
  self->keeping_row = TRUE;
}

/* ---- test accessors ---- */

GtkColumnView *council_action_items_view_get_column_view (CouncilActionItemsView *self) { return self->column_view; }
GtkDropDown *council_action_items_view_get_owner_filter (CouncilActionItemsView *self) { ensure_filters (self); return self->owner_filter; }
GtkDropDown *council_action_items_view_get_status_filter (CouncilActionItemsView *self) { return self->status_filter; }
GtkCheckButton *council_action_items_view_get_overdue_check (CouncilActionItemsView *self) { return self->overdue_check; }
GtkCheckButton *council_action_items_view_get_week_check (CouncilActionItemsView *self) { return self->week_check; }
GtkDropDown *council_action_items_view_get_meeting_filter (CouncilActionItemsView *self) { ensure_filters (self); return self->meeting_filter; }
GtkEditable *council_action_items_view_get_note_date (CouncilActionItemsView *self) { return GTK_EDITABLE (self->note_date_entry); }
GtkTextView *council_action_items_view_get_note_text (CouncilActionItemsView *self) { return self->note_text_view; }
GtkDropDown *council_action_items_view_get_note_status (CouncilActionItemsView *self) { return self->note_status_dropdown; }
GtkButton *council_action_items_view_get_add_note_button (CouncilActionItemsView *self) { return self->add_note_button; }
GtkButton *council_action_items_view_get_done_button (CouncilActionItemsView *self) { return self->done_button; }
GtkLabel *council_action_items_view_get_note_error (CouncilActionItemsView *self) { return self->note_error_label; }

/* ---- life cycle ---- */

static void
council_action_items_view_dispose (GObject *object)
{
  CouncilActionItemsView *self = COUNCIL_ACTION_ITEMS_VIEW (object);

  if (self->conflict_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->conflict_dialog)));
  /* A draft on disk stays: only recording or discarding the note removes it. */
  council_draft_keeper_stop (&self->drafts);
  if (self->offer != NULL)
    council_draft_offer_detach (self->offer);
  g_clear_object (&self->offer);
  if (self->list != NULL)
    council_list_controller_detach (self->list);
  g_clear_object (&self->list);
  if (self->note_text_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (self->note_text_view), self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COUNCIL_TYPE_ACTION_ITEMS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->owners);
  g_clear_pointer (&self->meeting_ids, g_array_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->open_title, g_free);
  G_OBJECT_CLASS (council_action_items_view_parent_class)->dispose (object);
}

static void
council_action_items_view_class_init (CouncilActionItemsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_action_items_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qunjian/CouncilDesk/ui/council-action-items-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, paned);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, meeting_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, overdue_check);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, week_check);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, item_text_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, item_facts_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, item_overdue_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, open_meeting_button);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, notes_box);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, note_date_entry);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, note_status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, note_frame);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, note_text_view);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, note_error_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, done_button);
  gtk_widget_class_bind_template_child (widget_class, CouncilActionItemsView, add_note_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_note_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_meeting_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "actionitemsview");
}

static void
council_action_items_view_init (CouncilActionItemsView *self)
{
  self->updating_filters = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating_filters = FALSE;
  self->meeting_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->owners = g_list_store_new (COUNCIL_TYPE_ORGANIZATION);
  {
    /* Search in the meeting filter (tens of thousands of meetings on a large
     * council) matches the date and title, in the owner filter the name;
     * each drop-down takes a reference. */
    g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
    gtk_drop_down_set_expression (self->meeting_filter, expression);
    gtk_drop_down_set_expression (self->owner_filter, expression);
  }
  add_columns (self);
}

CouncilActionItemsView *
council_action_items_view_new (CouncilStore *store)
{
  CouncilActionItemsView *self;
  CouncilActionFilter filter;

  g_return_val_if_fail (COUNCIL_IS_STORE (store), NULL);

  self = g_object_new (COUNCIL_TYPE_ACTION_ITEMS_VIEW, NULL);
  self->store = g_object_ref (store);
  council_draft_keeper_init (&self->drafts, store, "action-item", build_draft, self);
  fill_status_choices (self);
  self->filters_stale = TRUE;     /* no choices yet: the filter reads as "all" */
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
  read_filter (self, &filter);
  self->model = council_action_item_model_new (store, &filter);
  /* The model holds rows already: without autoselect from the start, so
   * that no row shows as selected while the panel shows none. */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  self->list = council_list_controller_new (GTK_WIDGET (self), self->selection, &list_funcs);
  g_signal_connect (gtk_text_view_get_buffer (self->note_text_view), "changed",
                    G_CALLBACK (on_note_text_changed_cb), self);
  g_signal_connect (self->note_status_dropdown, "notify::selected", G_CALLBACK (on_note_status_selected_cb), self);
  g_signal_connect (self->model, "items-changed", G_CALLBACK (on_model_items_changed_cb), self);
  g_signal_connect (self->model, "reloading", G_CALLBACK (on_model_reloading_cb), self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_AFTER);
  reset_note_form (self);
  update_count (self);
  self->offer = council_draft_offer_new (GTK_WIDGET (self), store, "action-item",
                                          N_("an action item"), restore_draft);
  return self;
}
