/* council-meeting-editor.c: details, attendance and agenda of one meeting, checked at the field.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "core/council-minutes.h"
#include "council-history-list.h"
#include "council-linked-documents.h"
#include "council-meeting-editor-private.h"
#include "council-window.h"

/* The widgets of one agenda item and of one outcome; rebuilt with the agenda. */
typedef struct
{
  CouncilAgendaItem *item;        /* owned by the draft */
  GtkWidget *title;
  GtkWidget *title_error;
  GtkWidget *presenter;
  GtkWidget *notes;
  GtkWidget *add_outcome;
} AgendaRow;

typedef struct
{
  CouncilMeetingEditor *editor;
  CouncilAgendaItem *item;        /* owned by the draft */
  CouncilOutcome *outcome;        /* owned by the item */
  guint item_index;
  GtkWidget *kind;
  GtkWidget *text;
  GtkWidget *text_error;
  GtkWidget *action_box;
  GtkWidget *owner;
  GtkWidget *owner_error;
  GtkWidget *co_owners;           /* GtkMenuButton */
  GPtrArray *co_owner_checks;     /* GtkCheckButton, one per organization */
  GtkWidget *due;
  GtkWidget *due_error;
  GtkWidget *project;
  GtkWidget *status_label;
} OutcomeRow;

struct _CouncilMeetingEditor
{
  GtkWidget parent_instance;

  CouncilStore *store;
  CouncilMeeting *draft;          /* the record as the form holds it; NULL for none */
  GListStore *kinds;              /* CouncilMeetingKind */
  GListStore *organizations;      /* active CouncilOrganization, for the drop-downs */
  GtkStringList *org_choices;     /* "—" then the organizations' names */
  GPtrArray *agenda_rows;         /* AgendaRow */
  GPtrArray *outcome_rows;        /* OutcomeRow */
  GHashTable *attendance_status;  /* org id -> status drop-down */
  GHashTable *attendance_who;     /* org id -> who attended entry */
  gboolean loading;
  gboolean saving;
  gboolean dirty;
  gboolean show_all_errors;
  char *refused_message;          /* the store's last refusal, shown in the banner */

  GtkSizeGroup *label_group;
  GtkWidget *inputs[COUNCIL_MEETING_N_FIELDS];
  GtkWidget *errors[COUNCIL_MEETING_N_FIELDS];
  GtkWidget *time_entry;

  /* template widgets */
  GtkStack *main_stack;
  GtkLabel *title_label;
  GtkLabel *state_label;
  GtkButton *delete_button;
  GtkButton *hold_button;
  GtkButton *approve_button;
  GtkButton *reopen_button;
  GtkWidget *lock_banner;
  GtkLabel *lock_label;
  GtkStack *page_stack;
  GtkGrid *details_grid;
  GtkWidget *attendance_page;
  GtkLabel *rate_label;
  GtkGrid *attendance_grid;
  GtkLabel *attendance_error_label;
  GtkBox *guests_box;
  GtkLabel *guests_error_label;
  GtkWidget *agenda_page;
  GtkBox *agenda_box;
  GtkWidget *agenda_empty_label;
  CouncilHistoryList *history_list;
  CouncilLinkedDocuments *linked_documents;
  GtkButton *save_button;
  GtkButton *revert_button;
};

G_DEFINE_FINAL_TYPE (CouncilMeetingEditor, council_meeting_editor, GTK_TYPE_WIDGET)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void refresh_state (CouncilMeetingEditor *self);
static void rebuild_agenda (CouncilMeetingEditor *self);

/* ---- dates ---- */

char *
council_format_date (const char *iso)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  if (!council_iso_date_parse (iso, &date))
    return g_strdup (iso);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
  /* Translators: a date in g_date_time_format() syntax; Chinese writes "%Y年%-m月%-d日" */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/* ---- helpers ---- */

static gint64
org_id_at (CouncilMeetingEditor *self, guint position)
{
  g_autoptr(CouncilOrganization) org = NULL;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return 0;
  org = g_list_model_get_item (G_LIST_MODEL (self->organizations), position - 1);
  return org ? council_organization_get_id (org) : 0;
}

static const char *
org_name_at (CouncilMeetingEditor *self, guint position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return "";
  return gtk_string_list_get_string (self->org_choices, position);
}

static guint
org_position (CouncilMeetingEditor *self, gint64 id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->organizations));

  for (guint i = 0; id > 0 && i < n; i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (self->organizations), i);
      if (council_organization_get_id (org) == id)
        return i + 1;
    }
  return 0;
}

static GtkWidget *
new_error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "field-error");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static void
on_choice_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    {
      /* Long organization names must not make the form wider than the window. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_choice_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), ellipsize ? text : NULL);
}

static GtkListItemFactory *
new_choice_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_choice_setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (on_choice_bind_cb), GINT_TO_POINTER (ellipsize));
  return factory;
}

static GtkWidget *
new_org_dropdown (CouncilMeetingEditor *self)
{
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->org_choices)), NULL);
  g_autoptr(GtkListItemFactory) button_factory = new_choice_factory (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = new_choice_factory (FALSE);

  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), button_factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (dropdown), list_factory);

  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown),
                                   g_list_model_get_n_items (G_LIST_MODEL (self->org_choices)) > 12);
  if (gtk_drop_down_get_enable_search (GTK_DROP_DOWN (dropdown)))
    {
      /* The drop-down keeps its own reference. */
      g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
      gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown), expression);
    }
  return dropdown;
}

static char *
text_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
touch (CouncilMeetingEditor *self, GtkWidget *input)
{
  if (self->loading)
    return;
  g_object_set_data (G_OBJECT (input), "council-touched", GINT_TO_POINTER (TRUE));
  self->dirty = TRUE;
  g_clear_pointer (&self->refused_message, g_free);
  refresh_state (self);
}

static gboolean
shown (CouncilMeetingEditor *self, GtkWidget *input)
{
  return self->show_all_errors || g_object_get_data (G_OBJECT (input), "council-touched") != NULL;
}

/* Marks @input with @message (NULL: clears); returns whether it is bad. */
static gboolean
mark (CouncilMeetingEditor *self, GtkWidget *input, GtkWidget *label, const char *message)
{
  gboolean visible = message != NULL && shown (self, input);

  if (visible)
    {
      gtk_widget_add_css_class (input, "error");
      gtk_label_set_text (GTK_LABEL (label), message);
    }
  else
    gtk_widget_remove_css_class (input, "error");
  gtk_widget_set_visible (label, visible);
  return message != NULL;
}

/* ---- details: form -> draft ---- */

static void
update_starts_at (CouncilMeetingEditor *self)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->inputs[COUNCIL_MEETING_FIELD_STARTS_AT]));
  const char *time = gtk_editable_get_text (GTK_EDITABLE (self->time_entry));
  g_autofree char *date_part = g_strstrip (g_strdup (date));
  g_autofree char *time_part = g_strstrip (g_strdup (time));
  g_autofree char *value = *time_part && *date_part ? g_strdup_printf ("%sT%s", date_part, time_part)
                                                    : g_strdup (date_part);

  council_meeting_set_starts_at (self->draft, value);
}

static void
on_detail_changed_cb (GtkWidget *input, CouncilMeetingEditor *self)
{
  CouncilMeetingField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (input), "council-field"));

  if (self->loading || self->draft == NULL)
    return;
  switch (field)
    {
    case COUNCIL_MEETING_FIELD_KIND:
      {
        guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (input));
        g_autoptr(CouncilMeetingKind) kind = pos == GTK_INVALID_LIST_POSITION ? NULL
                                             : g_list_model_get_item (G_LIST_MODEL (self->kinds), pos);
        if (kind != NULL)
          council_meeting_set_kind (self->draft, council_meeting_kind_get_id (kind),
                                    council_meeting_kind_get_label (kind),
                                    council_meeting_kind_get_name_zh (kind));
      }
      break;
    case COUNCIL_MEETING_FIELD_TITLE:
      council_meeting_set_title (self->draft, gtk_editable_get_text (GTK_EDITABLE (input)));
      break;
    case COUNCIL_MEETING_FIELD_SESSION_NO:
      council_meeting_set_session_no (self->draft, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (input)));
      break;
    case COUNCIL_MEETING_FIELD_STARTS_AT:
      update_starts_at (self);
      input = self->inputs[COUNCIL_MEETING_FIELD_STARTS_AT];
      break;
    case COUNCIL_MEETING_FIELD_PLACE:
      council_meeting_set_place (self->draft, gtk_editable_get_text (GTK_EDITABLE (input)));
      break;
    case COUNCIL_MEETING_FIELD_CHAIR:
      council_meeting_set_chair (self->draft, gtk_editable_get_text (GTK_EDITABLE (input)));
      break;
    case COUNCIL_MEETING_FIELD_RECORDER:
      council_meeting_set_recorder (self->draft, gtk_editable_get_text (GTK_EDITABLE (input)));
      break;
    default:
      break;
    }
  touch (self, input);
}

static void
on_detail_selected_cb (GtkWidget *input, GParamSpec *pspec, CouncilMeetingEditor *self)
{
  on_detail_changed_cb (input, self);
}

/* ---- attendance ---- */

static void
update_rate_label (CouncilMeetingEditor *self)
{
  const CouncilAttendanceRate *rate;
  g_autofree char *text = NULL;

  council_meeting_update_attendance_rate (self->draft);
  rate = council_meeting_get_attendance_rate (self->draft);
  if (rate->recorded == 0)
    text = g_strdup (_("Attendance: nothing recorded yet"));
  else
    /* Translators: attended, recorded, rate in percent, then excused, absent, not recorded */
    text = g_strdup_printf (_("Attendance rate %d %% — %u of %u attended · %u excused · %u absent · %u not recorded"),
                            (int) (rate->rate * 100 + 0.5), rate->present + rate->delegated,
                            rate->recorded, rate->excused, rate->absent, rate->not_recorded);
  gtk_label_set_text (self->rate_label, text);
}

static void
on_attendance_status_cb (GtkDropDown *dropdown, GParamSpec *pspec, CouncilMeetingEditor *self)
{
  CouncilAttendance *a = g_object_get_data (G_OBJECT (dropdown), "council-attendance");

  if (self->loading)
    return;
  council_attendance_set_status (a, gtk_drop_down_get_selected (dropdown));
  update_rate_label (self);
  touch (self, GTK_WIDGET (dropdown));
}

static void
on_attendance_who_cb (GtkEditable *entry, CouncilMeetingEditor *self)
{
  CouncilAttendance *a = g_object_get_data (G_OBJECT (entry), "council-attendance");

  if (self->loading)
    return;
  council_attendance_set_attendees (a, gtk_editable_get_text (entry));
  touch (self, GTK_WIDGET (entry));
}

static void
build_attendance (CouncilMeetingEditor *self)
{
  GListModel *rows = G_LIST_MODEL (council_meeting_get_attendance (self->draft));
  const char *labels[] = {
    council_attendance_status_label (COUNCIL_ATTENDANCE_NOT_RECORDED),
    council_attendance_status_label (COUNCIL_ATTENDANCE_PRESENT),
    council_attendance_status_label (COUNCIL_ATTENDANCE_ABSENT),
    council_attendance_status_label (COUNCIL_ATTENDANCE_EXCUSED),
    council_attendance_status_label (COUNCIL_ATTENDANCE_DELEGATED),
    NULL
  };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_grid))) != NULL)
    gtk_grid_remove (self->attendance_grid, child);
  g_hash_table_remove_all (self->attendance_status);
  g_hash_table_remove_all (self->attendance_who);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CouncilAttendance) a = g_list_model_get_item (rows, i);
      GtkWidget *name = gtk_label_new (council_attendance_get_org_name (a));
      GtkWidget *status = gtk_drop_down_new_from_strings (labels);
      GtkWidget *who = gtk_entry_new ();
      gint64 *key = g_new (gint64, 1);

      *key = council_attendance_get_org_id (a);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (name), 10);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_set_tooltip_text (name, council_attendance_get_org_name (a));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (status), council_attendance_get_status (a));
      gtk_editable_set_text (GTK_EDITABLE (who), council_attendance_get_attendees (a));
      gtk_entry_set_placeholder_text (GTK_ENTRY (who), _("Who attended"));
      gtk_widget_set_hexpand (who, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      council_attendance_get_org_name (a), -1);
      g_object_set_data_full (G_OBJECT (status), "council-attendance", g_object_ref (a), g_object_unref);
      g_object_set_data_full (G_OBJECT (who), "council-attendance", g_object_ref (a), g_object_unref);
      g_signal_connect (status, "notify::selected", G_CALLBACK (on_attendance_status_cb), self);
      g_signal_connect (who, "changed", G_CALLBACK (on_attendance_who_cb), self);
      gtk_grid_attach (self->attendance_grid, name, 0, (int) i, 1, 1);
      gtk_grid_attach (self->attendance_grid, status, 1, (int) i, 1, 1);
      gtk_grid_attach (self->attendance_grid, who, 2, (int) i, 1, 1);
      g_hash_table_insert (self->attendance_status, key, status);
      g_hash_table_insert (self->attendance_who, g_memdup2 (key, sizeof *key), who);
    }
  update_rate_label (self);
}

static void
all_present_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilMeetingEditor *self = COUNCIL_MEETING_EDITOR (widget);
  GHashTableIter iter;
  gpointer value;

  if (self->draft == NULL)
    return;
  g_hash_table_iter_init (&iter, self->attendance_status);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (gtk_drop_down_get_selected (GTK_DROP_DOWN (value)) == COUNCIL_ATTENDANCE_NOT_RECORDED)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (value), COUNCIL_ATTENDANCE_PRESENT);
}

/* ---- guests ---- */

static void
read_guests (CouncilMeetingEditor *self)
{
  GListStore *guests = council_meeting_get_guests (self->draft);

  g_list_store_remove_all (guests);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->guests_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *name = gtk_widget_get_first_child (row);
      GtkWidget *unit = gtk_widget_get_next_sibling (name);

      council_meeting_add_guest (self->draft, gtk_editable_get_text (GTK_EDITABLE (name)),
                                 gtk_editable_get_text (GTK_EDITABLE (unit)));
    }
}

static void
on_guest_changed_cb (GtkEditable *entry, CouncilMeetingEditor *self)
{
  if (self->loading)
    return;
  read_guests (self);
  g_object_set_data (G_OBJECT (self->guests_box), "council-touched", GINT_TO_POINTER (TRUE));
  touch (self, GTK_WIDGET (entry));
}

static void
on_guest_remove_clicked_cb (GtkButton *button, CouncilMeetingEditor *self)
{
  gtk_box_remove (self->guests_box, gtk_widget_get_parent (GTK_WIDGET (button)));
  read_guests (self);
  touch (self, GTK_WIDGET (self->guests_box));
}

static GtkWidget *
append_guest_row (CouncilMeetingEditor *self, const char *name_text, const char *unit_text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *unit = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Name"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (unit), _("Unit"));
  gtk_editable_set_text (GTK_EDITABLE (name), name_text);
  gtk_editable_set_text (GTK_EDITABLE (unit), unit_text);
  gtk_widget_set_hexpand (unit, TRUE);
  gtk_widget_set_tooltip_text (remove, _("Remove this guest"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this guest"), -1);
  g_signal_connect (name, "changed", G_CALLBACK (on_guest_changed_cb), self);
  g_signal_connect (unit, "changed", G_CALLBACK (on_guest_changed_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_guest_remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), unit);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_box_append (self->guests_box, row);
  return name;
}

static void
build_guests (CouncilMeetingEditor *self)
{
  GListModel *guests = G_LIST_MODEL (council_meeting_get_guests (self->draft));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->guests_box))) != NULL)
    gtk_box_remove (self->guests_box, child);
  for (guint i = 0; i < g_list_model_get_n_items (guests); i++)
    {
      g_autoptr(CouncilGuest) g = g_list_model_get_item (guests, i);
      append_guest_row (self, council_guest_get_name (g), council_guest_get_unit (g));
    }
}

static void
add_guest_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilMeetingEditor *self = COUNCIL_MEETING_EDITOR (widget);
  GtkWidget *name;

  if (self->draft == NULL)
    return;
  name = append_guest_row (self, "", "");
  read_guests (self);
  self->dirty = TRUE;
  refresh_state (self);
  gtk_widget_grab_focus (name);
}

/* ---- agenda ---- */

static void
outcome_row_free (gpointer data)
{
  OutcomeRow *row = data;

  g_clear_pointer (&row->co_owner_checks, g_ptr_array_unref);
  g_free (row);
}

static void
sync_action_meeting (CouncilMeetingEditor *self, CouncilActionItem *action)
{
  g_autofree char *date = council_meeting_dup_date (self->draft);

  council_action_item_set_meeting (action, council_meeting_get_id (self->draft),
                                   council_meeting_get_title (self->draft), date);
}

static void
update_co_owner_label (OutcomeRow *row)
{
  CouncilMeetingEditor *self = row->editor;
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < row->co_owner_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (row->co_owner_checks, i)))
      {
        if (names->len > 0)
          g_string_append (names, _(", "));
        g_string_append (names, org_name_at (self, i + 1));
      }
  gtk_label_set_text (GTK_LABEL (gtk_menu_button_get_child (GTK_MENU_BUTTON (row->co_owners))),
                      names->len ? names->str : _("No co-owners"));
  gtk_widget_set_tooltip_text (row->co_owners, names->len ? names->str : NULL);
  if (council_outcome_get_action_item (row->outcome) != NULL)
    council_action_item_set_co_owner_names (council_outcome_get_action_item (row->outcome), names->str);
}

static void
on_co_owner_toggled_cb (GtkCheckButton *check, OutcomeRow *row)
{
  CouncilActionItem *action = council_outcome_get_action_item (row->outcome);

  if (row->editor->loading || action == NULL)
    return;
  council_action_item_clear_co_owners (action);
  for (guint i = 0; i < row->co_owner_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (row->co_owner_checks, i)))
      council_action_item_add_co_owner (action, org_id_at (row->editor, i + 1));
  update_co_owner_label (row);
  touch (row->editor, row->owner);
}

static void
on_outcome_changed_cb (GtkWidget *input, OutcomeRow *row)
{
  CouncilMeetingEditor *self = row->editor;
  CouncilActionItem *action;

  if (self->loading)
    return;
  if (input == row->kind)
    {
      council_outcome_set_kind (row->outcome, gtk_drop_down_get_selected (GTK_DROP_DOWN (input)));
      action = council_outcome_get_action_item (row->outcome);
      gtk_widget_set_visible (row->action_box, action != NULL);
      if (action != NULL)
        {
          /* What the form shows for a fresh action item becomes its value. */
          guint owner = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->owner));
          g_autofree char *due = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->due))));

          council_action_item_set_owner (action, org_id_at (self, owner), org_name_at (self, owner));
          council_action_item_set_due_date (action, due);
          council_action_item_set_project_id (action, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row->project)));
          sync_action_meeting (self, action);
        }
    }
  else if (input == row->text)
    council_outcome_set_text (row->outcome, gtk_editable_get_text (GTK_EDITABLE (input)));
  else if ((action = council_outcome_get_action_item (row->outcome)) != NULL)
    {
      if (input == row->owner)
        {
          guint owner = gtk_drop_down_get_selected (GTK_DROP_DOWN (input));
          council_action_item_set_owner (action, org_id_at (self, owner), org_name_at (self, owner));
        }
      else if (input == row->due)
        {
          g_autofree char *due = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (input))));
          council_action_item_set_due_date (action, due);
        }
      else if (input == row->project)
        council_action_item_set_project_id (action, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (input)));
    }
  touch (self, input);
}

static void
on_outcome_selected_cb (GtkWidget *input, GParamSpec *pspec, OutcomeRow *row)
{
  on_outcome_changed_cb (input, row);
}

static gboolean
rebuild_agenda_idle_cb (gpointer user_data)
{
  CouncilMeetingEditor *self = user_data;

  /* The editor may have been disposed while the idle waited. */
  if (self->agenda_rows == NULL || self->agenda_box == NULL)
    return G_SOURCE_REMOVE;
  rebuild_agenda (self);
  refresh_state (self);
  return G_SOURCE_REMOVE;
}

/* Structural changes rebuild the agenda from the main loop: the button that
 * asked is one of the widgets thrown away. */
static void
schedule_rebuild (CouncilMeetingEditor *self)
{
  self->dirty = TRUE;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_agenda_idle_cb, g_object_ref (self), g_object_unref);
}

static void
on_outcome_remove_clicked_cb (GtkButton *button, OutcomeRow *row)
{
  GListStore *outcomes = council_agenda_item_get_outcomes (row->item);
  guint position;

  if (g_list_store_find (outcomes, row->outcome, &position))
    g_list_store_remove (outcomes, position);
  schedule_rebuild (row->editor);
}

static GtkWidget *
labelled (const char *text, GtkWidget *input, GtkWidget *error)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), input);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), input);
  if (error != NULL)
    gtk_box_append (GTK_BOX (box), error);
  return box;
}

static GtkWidget *
build_co_owner_popover (CouncilMeetingEditor *self, OutcomeRow *row, CouncilActionItem *action)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GArray *ids = action ? council_action_item_get_co_owner_ids (action) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->organizations));

  row->co_owner_checks = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (org_name_at (self, i + 1));
      gint64 id = org_id_at (self, i + 1);

      for (guint j = 0; ids != NULL && j < ids->len; j++)
        if (g_array_index (ids, gint64, j) == id)
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect (check, "toggled", G_CALLBACK (on_co_owner_toggled_cb), row);
      g_ptr_array_add (row->co_owner_checks, check);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  return popover;
}

static GtkWidget *
build_outcome_row (CouncilMeetingEditor *self, CouncilAgendaItem *item, guint item_index,
                   CouncilOutcome *outcome)
{
  OutcomeRow *row = g_new0 (OutcomeRow, 1);
  CouncilActionItem *action = council_outcome_get_action_item (outcome);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  const char *kinds[] = {
    council_outcome_kind_label (COUNCIL_OUTCOME_INFORMATION),
    council_outcome_kind_label (COUNCIL_OUTCOME_DECISION),
    council_outcome_kind_label (COUNCIL_OUTCOME_ACTION),
    NULL
  };

  row->editor = self;
  row->item = item;
  row->outcome = outcome;
  row->item_index = item_index;
  row->kind = gtk_drop_down_new_from_strings (kinds);
  row->text = gtk_entry_new ();
  row->text_error = new_error_label ();
  row->owner = new_org_dropdown (self);
  row->owner_error = new_error_label ();
  row->co_owners = gtk_menu_button_new ();
  {
    GtkWidget *label = gtk_label_new (NULL);

    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    gtk_label_set_width_chars (GTK_LABEL (label), 10);
    gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_menu_button_set_child (GTK_MENU_BUTTON (row->co_owners), label);
  }
  row->due = gtk_entry_new ();
  row->due_error = new_error_label ();
  row->project = gtk_spin_button_new_with_range (0, 999999999, 1);
  row->action_box = gtk_grid_new ();
  row->status_label = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "outcome");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row->kind), council_outcome_get_kind (outcome));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of outcome"), -1);
  gtk_editable_set_text (GTK_EDITABLE (row->text), council_outcome_get_text (outcome));
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->text), _("What was decided or is to be done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outcome"), -1);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_widget_set_valign (row->kind, GTK_ALIGN_START);
  gtk_widget_set_valign (remove, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (remove, _("Remove this outcome"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this outcome"), -1);
  gtk_box_append (GTK_BOX (text_box), row->text);
  gtk_box_append (GTK_BOX (text_box), row->text_error);
  gtk_box_append (GTK_BOX (line), row->kind);
  gtk_box_append (GTK_BOX (line), text_box);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (box), line);

  /* The action item's own fields. */
  gtk_widget_set_margin_start (row->action_box, 24);
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->due), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (row->due), 11);
  gtk_widget_set_tooltip_text (row->project, _("Number of the linked project; 0: none"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (row->co_owners), build_co_owner_popover (self, row, action));
  if (action != NULL)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (row->owner), org_position (self, council_action_item_get_owner_org_id (action)));
      gtk_editable_set_text (GTK_EDITABLE (row->due), council_action_item_get_due_date (action));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->project), council_action_item_get_project_id (action));
      if (council_action_item_get_id (action) > 0)
        {
          g_autofree char *status = g_strdup_printf (_("Follow-up: %s"), council_action_item_get_status_label (action));
          gtk_label_set_text (GTK_LABEL (row->status_label), status);
        }
      sync_action_meeting (self, action);
    }
  update_co_owner_label (row);
  gtk_widget_set_valign (row->status_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->status_label, "dim-label");
  gtk_grid_set_column_spacing (GTK_GRID (row->action_box), 12);
  gtk_grid_set_row_spacing (GTK_GRID (row->action_box), 4);
  gtk_grid_attach (GTK_GRID (row->action_box), labelled (_("_Owner"), row->owner, row->owner_error), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (row->action_box), labelled (_("Co-o_wners"), row->co_owners, NULL), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (row->action_box), labelled (_("_Due date"), row->due, row->due_error), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (row->action_box), labelled (_("Pro_ject no."), row->project, NULL), 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (row->action_box), row->status_label, 2, 1, 1, 1);
  gtk_widget_set_halign (row->due, GTK_ALIGN_START);
  gtk_widget_set_halign (row->project, GTK_ALIGN_START);
  gtk_widget_set_visible (row->action_box, action != NULL);
  gtk_box_append (GTK_BOX (box), row->action_box);

  g_signal_connect (row->kind, "notify::selected", G_CALLBACK (on_outcome_selected_cb), row);
  g_signal_connect (row->owner, "notify::selected", G_CALLBACK (on_outcome_selected_cb), row);
  g_signal_connect (row->text, "changed", G_CALLBACK (on_outcome_changed_cb), row);
  g_signal_connect (row->due, "changed", G_CALLBACK (on_outcome_changed_cb), row);
  g_signal_connect (row->project, "value-changed", G_CALLBACK (on_outcome_changed_cb), row);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_outcome_remove_clicked_cb), row);
  g_ptr_array_add (self->outcome_rows, row);
  return box;
}

static void
on_agenda_title_changed_cb (GtkEditable *entry, AgendaRow *row)
{
  CouncilMeetingEditor *self = g_object_get_data (G_OBJECT (entry), "council-editor");

  if (self->loading)
    return;
  council_agenda_item_set_title (row->item, gtk_editable_get_text (entry));
  touch (self, GTK_WIDGET (entry));
}

static void
on_agenda_presenter_cb (GtkDropDown *dropdown, GParamSpec *pspec, AgendaRow *row)
{
  CouncilMeetingEditor *self = g_object_get_data (G_OBJECT (dropdown), "council-editor");
  guint pos = gtk_drop_down_get_selected (dropdown);

  if (self->loading)
    return;
  council_agenda_item_set_presenter (row->item, org_id_at (self, pos), org_name_at (self, pos));
  touch (self, GTK_WIDGET (dropdown));
}

static void
on_agenda_notes_changed_cb (GtkTextBuffer *buffer, AgendaRow *row)
{
  CouncilMeetingEditor *self = g_object_get_data (G_OBJECT (row->notes), "council-editor");
  g_autofree char *text = NULL;

  if (self->loading)
    return;
  text = text_view_text (row->notes);
  council_agenda_item_set_notes (row->item, text);
  touch (self, row->notes);
}

static void
on_agenda_move_clicked_cb (GtkButton *button, AgendaRow *row)
{
  CouncilMeetingEditor *self = g_object_get_data (G_OBJECT (button), "council-editor");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "council-delta"));
  guint position;

  if (g_list_store_find (council_meeting_get_agenda (self->draft), row->item, &position))
    council_meeting_move_agenda_item (self->draft, position, delta);
  schedule_rebuild (self);
}

static void
on_agenda_remove_clicked_cb (GtkButton *button, AgendaRow *row)
{
  CouncilMeetingEditor *self = g_object_get_data (G_OBJECT (button), "council-editor");
  guint position;

  if (g_list_store_find (council_meeting_get_agenda (self->draft), row->item, &position))
    g_list_store_remove (council_meeting_get_agenda (self->draft), position);
  schedule_rebuild (self);
}

static void
on_add_outcome_clicked_cb (GtkButton *button, AgendaRow *row)
{
  CouncilMeetingEditor *self = g_object_get_data (G_OBJECT (button), "council-editor");

  council_agenda_item_add_outcome (row->item, COUNCIL_OUTCOME_DECISION, "");
  schedule_rebuild (self);
}

static GtkWidget *
icon_button (CouncilMeetingEditor *self, const char *icon, const char *tooltip, gboolean sensitive,
             GCallback callback, AgendaRow *row, int delta)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "council-editor", self);
  g_object_set_data (G_OBJECT (button), "council-delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", callback, row);
  return button;
}

static GtkWidget *
build_agenda_row (CouncilMeetingEditor *self, CouncilAgendaItem *item, guint index, guint n_items)
{
  AgendaRow *row = g_new0 (AgendaRow, 1);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *number = g_strdup_printf (_("Item %u"), index + 1);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *presenter_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *presenter_label = gtk_label_new_with_mnemonic (_("Pr_esented by"));
  GtkWidget *notes_frame = gtk_frame_new (NULL);
  GtkWidget *notes_scrolled = gtk_scrolled_window_new ();
  GtkWidget *notes_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *notes_label = gtk_label_new_with_mnemonic (_("_Minutes of this item"));
  GtkWidget *outcomes_label = gtk_label_new (_("Outcomes"));
  GListModel *outcomes = G_LIST_MODEL (council_agenda_item_get_outcomes (item));

  row->item = item;
  row->title = gtk_entry_new ();
  row->title_error = new_error_label ();
  row->presenter = new_org_dropdown (self);
  row->notes = gtk_text_view_new ();
  row->add_outcome = gtk_button_new_with_mnemonic (_("Add _outcome"));

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_add_css_class (number_label, "heading");
  gtk_widget_set_valign (number_label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (number_label, 6);
  gtk_editable_set_text (GTK_EDITABLE (row->title), council_agenda_item_get_title (item));
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->title), _("Title of the agenda item"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Title of the agenda item"), -1);
  gtk_widget_set_hexpand (title_box, TRUE);
  gtk_box_append (GTK_BOX (title_box), row->title);
  gtk_box_append (GTK_BOX (title_box), row->title_error);
  gtk_box_append (GTK_BOX (head), number_label);
  gtk_box_append (GTK_BOX (head), title_box);
  gtk_box_append (GTK_BOX (head), icon_button (self, "go-up-symbolic", _("Move up"), index > 0,
                                               G_CALLBACK (on_agenda_move_clicked_cb), row, -1));
  gtk_box_append (GTK_BOX (head), icon_button (self, "go-down-symbolic", _("Move down"), index + 1 < n_items,
                                               G_CALLBACK (on_agenda_move_clicked_cb), row, +1));
  gtk_box_append (GTK_BOX (head), icon_button (self, "user-trash-symbolic", _("Remove this agenda item"), TRUE,
                                               G_CALLBACK (on_agenda_remove_clicked_cb), row, 0));
  gtk_box_append (GTK_BOX (box), head);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (row->presenter),
                              org_position (self, council_agenda_item_get_presenter_org_id (item)));
  gtk_label_set_mnemonic_widget (GTK_LABEL (presenter_label), row->presenter);
  gtk_box_append (GTK_BOX (presenter_line), presenter_label);
  gtk_box_append (GTK_BOX (presenter_line), row->presenter);
  gtk_box_append (GTK_BOX (box), presenter_line);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->notes)),
                            council_agenda_item_get_notes (item), -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (row->notes), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (row->notes), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (row->notes), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (row->notes), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (row->notes), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (row->notes), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->notes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Minutes of this item"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (notes_scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (notes_scrolled), 72);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (notes_scrolled), row->notes);
  gtk_frame_set_child (GTK_FRAME (notes_frame), notes_scrolled);
  gtk_label_set_xalign (GTK_LABEL (notes_label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (notes_label), row->notes);
  gtk_widget_add_css_class (notes_label, "caption");
  gtk_box_append (GTK_BOX (notes_box), notes_label);
  gtk_box_append (GTK_BOX (notes_box), notes_frame);
  gtk_box_append (GTK_BOX (box), notes_box);

  gtk_label_set_xalign (GTK_LABEL (outcomes_label), 0);
  gtk_widget_add_css_class (outcomes_label, "heading");
  gtk_box_append (GTK_BOX (box), outcomes_label);
  for (guint j = 0; j < g_list_model_get_n_items (outcomes); j++)
    {
      g_autoptr(CouncilOutcome) outcome = g_list_model_get_item (outcomes, j);
      gtk_box_append (GTK_BOX (box), build_outcome_row (self, item, index, outcome));
    }
  gtk_widget_set_halign (row->add_outcome, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), row->add_outcome);

  g_object_set_data (G_OBJECT (row->title), "council-editor", self);
  g_object_set_data (G_OBJECT (row->presenter), "council-editor", self);
  g_object_set_data (G_OBJECT (row->notes), "council-editor", self);
  g_object_set_data (G_OBJECT (row->add_outcome), "council-editor", self);
  g_signal_connect (row->title, "changed", G_CALLBACK (on_agenda_title_changed_cb), row);
  g_signal_connect (row->presenter, "notify::selected", G_CALLBACK (on_agenda_presenter_cb), row);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->notes)), "changed",
                    G_CALLBACK (on_agenda_notes_changed_cb), row);
  g_signal_connect (row->add_outcome, "clicked", G_CALLBACK (on_add_outcome_clicked_cb), row);
  g_ptr_array_add (self->agenda_rows, row);

  gtk_frame_set_child (GTK_FRAME (frame), box);
  return frame;
}

static void
rebuild_agenda (CouncilMeetingEditor *self)
{
  GtkWidget *child;
  GListModel *agenda;
  guint n;
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box))) != NULL)
    gtk_box_remove (self->agenda_box, child);
  g_ptr_array_set_size (self->agenda_rows, 0);
  g_ptr_array_set_size (self->outcome_rows, 0);
  if (self->draft != NULL)
    {
      agenda = G_LIST_MODEL (council_meeting_get_agenda (self->draft));
      n = g_list_model_get_n_items (agenda);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CouncilAgendaItem) item = g_list_model_get_item (agenda, i);
          gtk_box_append (self->agenda_box, build_agenda_row (self, item, i, n));
        }
      gtk_widget_set_visible (self->agenda_empty_label, n == 0);
    }
  self->loading = was_loading;
}

void
council_meeting_editor_add_agenda_item (CouncilMeetingEditor *self)
{
  AgendaRow *row;

  if (self->draft == NULL)
    return;
  council_meeting_add_agenda_item (self->draft, "");
  self->dirty = TRUE;
  rebuild_agenda (self);
  refresh_state (self);
  gtk_stack_set_visible_child_name (self->page_stack, "agenda");
  row = g_ptr_array_index (self->agenda_rows, self->agenda_rows->len - 1);
  gtk_widget_grab_focus (row->title);
}

static void
add_agenda_item_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  council_meeting_editor_add_agenda_item (COUNCIL_MEETING_EDITOR (widget));
}

/* ---- checking and showing the state ---- */

/* Marks every field; returns the first bad input and its page, or NULL. */
static GtkWidget *
check_form (CouncilMeetingEditor *self, const char **page)
{
  GtkWidget *first = NULL;
  const char *first_page = NULL;
  static const CouncilMeetingField detail_fields[] = {
    COUNCIL_MEETING_FIELD_KIND, COUNCIL_MEETING_FIELD_SESSION_NO, COUNCIL_MEETING_FIELD_STARTS_AT,
  };

#define NOTE_BAD(widget, page_name) \
  G_STMT_START { if (first == NULL) { first = (widget); first_page = (page_name); } } G_STMT_END

  for (guint i = 0; i < G_N_ELEMENTS (detail_fields); i++)
    {
      CouncilMeetingField f = detail_fields[i];
      g_autoptr(GError) error = NULL;

      council_meeting_check_field (self->draft, f, &error);
      if (mark (self, self->inputs[f], self->errors[f], error ? error->message : NULL))
        NOTE_BAD (self->inputs[f], "details");
    }
  {
    g_autoptr(GError) error = NULL;

    council_meeting_check_field (self->draft, COUNCIL_MEETING_FIELD_ATTENDANCE, &error);
    gtk_label_set_text (self->attendance_error_label, error ? error->message : "");
    gtk_widget_set_visible (GTK_WIDGET (self->attendance_error_label), error != NULL);
    if (error != NULL)
      NOTE_BAD (GTK_WIDGET (self->attendance_grid), "attendance");
  }
  {
    g_autoptr(GError) error = NULL;
    gboolean visible;

    council_meeting_check_field (self->draft, COUNCIL_MEETING_FIELD_GUESTS, &error);
    visible = error != NULL && shown (self, GTK_WIDGET (self->guests_box));
    gtk_label_set_text (self->guests_error_label, error ? error->message : "");
    gtk_widget_set_visible (GTK_WIDGET (self->guests_error_label), visible);
    if (error != NULL)
      NOTE_BAD (GTK_WIDGET (self->guests_box), "attendance");
  }
  for (guint i = 0; i < self->agenda_rows->len; i++)
    {
      AgendaRow *row = g_ptr_array_index (self->agenda_rows, i);
      const char *title = council_agenda_item_get_title (row->item);

      if (mark (self, row->title, row->title_error,
                *title == '\0' ? _("An agenda item needs a title.") : NULL))
        NOTE_BAD (row->title, "agenda");
    }
  for (guint i = 0; i < self->outcome_rows->len; i++)
    {
      OutcomeRow *row = g_ptr_array_index (self->outcome_rows, i);
      CouncilActionItem *action = council_outcome_get_action_item (row->outcome);
      g_autoptr(GError) owner_error = NULL;
      g_autoptr(GError) due_error = NULL;
      const char *text = council_outcome_get_text (row->outcome);

      if (mark (self, row->text, row->text_error,
                *text == '\0' ? _("Write what was said, decided or is to be done.") : NULL))
        NOTE_BAD (row->text, "agenda");
      if (action == NULL)
        continue;
      sync_action_meeting (self, action);
      if (council_action_item_check_field (action, COUNCIL_ACTION_FIELD_OWNER, &owner_error))
        council_action_item_check_field (action, COUNCIL_ACTION_FIELD_CO_OWNERS, &owner_error);
      council_action_item_check_field (action, COUNCIL_ACTION_FIELD_DUE_DATE, &due_error);
      if (mark (self, row->owner, row->owner_error, owner_error ? owner_error->message : NULL))
        NOTE_BAD (row->owner, "agenda");
      if (mark (self, row->due, row->due_error, due_error ? due_error->message : NULL))
        NOTE_BAD (row->due, "agenda");
    }
#undef NOTE_BAD
  if (page != NULL)
    *page = first_page;
  return first;
}

static void
update_header (CouncilMeetingEditor *self)
{
  CouncilMeetingState state = council_meeting_get_state (self->draft);
  gboolean is_new = council_meeting_get_id (self->draft) <= 0;
  const char *title = council_meeting_get_title (self->draft);
  g_autofree char *date = council_meeting_dup_date (self->draft);
  g_autofree char *when = council_format_date (date);
  g_autofree char *line = NULL;

  gtk_label_set_text (self->title_label, *title ? title : is_new ? _("New meeting") : council_meeting_get_kind_label (self->draft));
  /* Translators: kind · state · date of a meeting, under its title */
  line = g_strdup_printf (_("%s · %s · %s"), council_meeting_get_kind_label (self->draft),
                          is_new ? _("Not saved yet") : council_meeting_state_label (state),
                          *when ? when : _("no date"));
  gtk_label_set_text (self->state_label, line);
  gtk_widget_set_visible (GTK_WIDGET (self->hold_button), !is_new && state == COUNCIL_MEETING_STATE_PLANNED);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !is_new && state == COUNCIL_MEETING_STATE_PLANNED);
  gtk_widget_set_visible (GTK_WIDGET (self->approve_button), !is_new && state == COUNCIL_MEETING_STATE_HELD);
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_button), state == COUNCIL_MEETING_STATE_APPROVED);
}

static void
update_lock (CouncilMeetingEditor *self)
{
  gboolean locked = council_meeting_is_locked (self->draft);

  gtk_widget_set_sensitive (GTK_WIDGET (self->details_grid), !locked);
  gtk_widget_set_sensitive (self->attendance_page, !locked);
  gtk_widget_set_sensitive (self->agenda_page, !locked);
  if (self->refused_message != NULL)
    gtk_label_set_text (self->lock_label, self->refused_message);
  else if (locked)
    gtk_label_set_text (self->lock_label,
                        _("These minutes are approved and locked. To correct them, choose “Reopen minutes”; "
                          "the reopening is recorded in the history."));
  gtk_widget_set_visible (self->lock_banner, locked || self->refused_message != NULL);
}

static void
refresh_state (CouncilMeetingEditor *self)
{
  gboolean is_new, saved_clean;
  const char *why = NULL;

  if (self->loading || self->draft == NULL)
    return;
  is_new = council_meeting_get_id (self->draft) <= 0;
  saved_clean = !is_new && !self->dirty;
  check_form (self, NULL);
  update_header (self);
  update_lock (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->dirty || is_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.revert", self->dirty || is_new);
  gtk_button_set_label (self->revert_button, is_new ? _("_Cancel") : _("Re_vert"));
  for (const char * const *name = (const char * const[]) { "editor.delete", "editor.hold", "editor.approve", "editor.reopen",
                                                           "editor.export-pdf", "editor.print", NULL };
       *name != NULL; name++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), *name, saved_clean);
  if (!saved_clean)
    why = _("Save or revert your changes first");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->hold_button), why ? why : _("Record that the meeting took place"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->approve_button),
                               why ? why : _("Approve the minutes; they are locked afterwards"));
}

/* ---- loading ---- */

static void
reload_choices (CouncilMeetingEditor *self)
{
  g_autoptr(GListStore) kinds = council_store_list_meeting_kinds (self->store, NULL);
  g_autoptr(GListStore) orgs = council_store_list_organizations (self->store, FALSE, NULL);
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gboolean chinese = council_ui_prefers_chinese ();

  if (kinds != NULL)
    g_set_object (&self->kinds, kinds);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->kinds)); i++)
    {
      g_autoptr(CouncilMeetingKind) kind = g_list_model_get_item (G_LIST_MODEL (self->kinds), i);
      gtk_string_list_append (kind_names, council_meeting_kind_get_label (kind));
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->inputs[COUNCIL_MEETING_FIELD_KIND]), G_LIST_MODEL (kind_names));

  g_clear_object (&self->organizations);
  self->organizations = orgs ? g_object_ref (orgs) : g_list_store_new (COUNCIL_TYPE_ORGANIZATION);
  g_ptr_array_add (names, (gpointer) "—");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->organizations)); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (self->organizations), i);
      g_ptr_array_add (names, (gpointer) council_organization_get_name_for_language (org, chinese));
    }
  g_ptr_array_add (names, NULL);
  g_clear_object (&self->org_choices);
  self->org_choices = gtk_string_list_new ((const char * const *) names->pdata);
}

static void
meeting_to_form (CouncilMeetingEditor *self)
{
  CouncilMeeting *m = self->draft;
  const char *starts_at = council_meeting_get_starts_at (m);
  g_autofree char *date = council_meeting_dup_date (m);
  const char *t = strchr (starts_at, 'T');
  guint kind_pos = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->kinds)); i++)
    {
      g_autoptr(CouncilMeetingKind) kind = g_list_model_get_item (G_LIST_MODEL (self->kinds), i);
      if (council_meeting_kind_get_id (kind) == council_meeting_get_kind_id (m))
        kind_pos = i;
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->inputs[COUNCIL_MEETING_FIELD_KIND]), kind_pos);
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_MEETING_FIELD_TITLE]), council_meeting_get_title (m));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->inputs[COUNCIL_MEETING_FIELD_SESSION_NO]),
                             council_meeting_get_session_no (m));
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_MEETING_FIELD_STARTS_AT]), date);
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), t ? t + 1 : "");
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_MEETING_FIELD_PLACE]), council_meeting_get_place (m));
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_MEETING_FIELD_CHAIR]), council_meeting_get_chair (m));
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_MEETING_FIELD_RECORDER]), council_meeting_get_recorder (m));
  build_attendance (self);
  build_guests (self);
  rebuild_agenda (self);
}

static void
clear_touched (CouncilMeetingEditor *self)
{
  for (int f = 0; f < COUNCIL_MEETING_N_FIELDS; f++)
    if (self->inputs[f] != NULL)
      g_object_set_data (G_OBJECT (self->inputs[f]), "council-touched", NULL);
  g_object_set_data (G_OBJECT (self->guests_box), "council-touched", NULL);
}

static void
show_meeting (CouncilMeetingEditor *self, CouncilMeeting *meeting)
{
  g_set_object (&self->draft, meeting);
  self->dirty = FALSE;
  self->show_all_errors = FALSE;
  g_clear_pointer (&self->refused_message, g_free);
  clear_touched (self);
  if (meeting == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      council_history_list_set_record (self->history_list, NULL, NULL, 0);
      council_linked_documents_set_record (self->linked_documents, NULL, COUNCIL_LINK_MEETING, 0);
      rebuild_agenda (self);
      return;
    }
  self->loading = TRUE;
  reload_choices (self);
  meeting_to_form (self);
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (self->main_stack, "form");
  council_history_list_set_record (self->history_list, self->store, "meeting", council_meeting_get_id (meeting));
  council_linked_documents_set_record (self->linked_documents, self->store, COUNCIL_LINK_MEETING, council_meeting_get_id (meeting));
  refresh_state (self);
}

static CouncilMeeting *
new_meeting (CouncilMeetingEditor *self)
{
  CouncilMeeting *m = council_meeting_new ();
  g_autoptr(GListStore) orgs = council_store_list_organizations (self->store, FALSE, NULL);
  g_autoptr(GListStore) kinds = council_store_list_meeting_kinds (self->store, NULL);
  gint64 joint = council_store_find_meeting_kind (self->store, "joint", NULL);
  gboolean chinese = council_ui_prefers_chinese ();

  /* A joint meeting is what the secretariat records most. */
  for (guint i = 0; kinds != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (kinds)); i++)
    {
      g_autoptr(CouncilMeetingKind) kind = g_list_model_get_item (G_LIST_MODEL (kinds), i);
      if (council_meeting_kind_get_id (kind) == joint || (i == 0 && joint <= 0))
        council_meeting_set_kind (m, council_meeting_kind_get_id (kind), council_meeting_kind_get_label (kind),
                                  council_meeting_kind_get_name_zh (kind));
    }
  for (guint i = 0; orgs != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (orgs)); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);
      g_autoptr(CouncilAttendance) a =
        council_attendance_new (council_organization_get_id (org),
                                council_organization_get_name_for_language (org, chinese),
                                COUNCIL_ATTENDANCE_NOT_RECORDED, "");
      g_list_store_append (council_meeting_get_attendance (m), a);
    }
  return m;
}

gboolean
council_meeting_editor_load (CouncilMeetingEditor *self, gint64 id)
{
  g_autoptr(CouncilMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (COUNCIL_IS_MEETING_EDITOR (self), FALSE);

  if (id == COUNCIL_MEETING_EDITOR_NEW)
    {
      meeting = new_meeting (self);
      show_meeting (self, meeting);
      gtk_stack_set_visible_child_name (self->page_stack, "details");
      return TRUE;
    }
  if (id > 0)
    {
      meeting = council_store_get_meeting (self->store, id, &error);
      if (meeting == NULL)
        council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
    }
  show_meeting (self, meeting);
  return meeting != NULL || id < 0;
}

gint64
council_meeting_editor_get_meeting_id (CouncilMeetingEditor *self)
{
  g_return_val_if_fail (COUNCIL_IS_MEETING_EDITOR (self), COUNCIL_MEETING_EDITOR_NONE);
  return self->draft ? council_meeting_get_id (self->draft) : COUNCIL_MEETING_EDITOR_NONE;
}

gboolean
council_meeting_editor_has_unsaved_changes (CouncilMeetingEditor *self)
{
  g_return_val_if_fail (COUNCIL_IS_MEETING_EDITOR (self), FALSE);
  return self->draft != NULL && self->dirty;
}

void
council_meeting_editor_focus_first_field (CouncilMeetingEditor *self)
{
  gtk_stack_set_visible_child_name (self->page_stack, "details");
  gtk_widget_grab_focus (self->inputs[COUNCIL_MEETING_FIELD_TITLE]);
}

/* The store changed (the follow-up of an action item, an undo, another
 * window): show it unless the person is typing, whose text always wins. */
static void
on_store_changed_cb (CouncilStore *store, const char *table, CouncilMeetingEditor *self)
{
  gint64 id = council_meeting_editor_get_meeting_id (self);

  if (self->saving || id <= 0)
    return;
  if (self->dirty)
    {
      council_history_list_set_record (self->history_list, store, "meeting", id);
      return;
    }
  council_meeting_editor_load (self, id);
}

/* ---- saving ---- */

gboolean
council_meeting_editor_save (CouncilMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;
  const char *page = NULL;
  GtkWidget *bad;
  gboolean ok;
  gint64 id;

  g_return_val_if_fail (COUNCIL_IS_MEETING_EDITOR (self), FALSE);
  if (self->draft == NULL)
    return FALSE;

  gtk_spin_button_update (GTK_SPIN_BUTTON (self->inputs[COUNCIL_MEETING_FIELD_SESSION_NO]));
  self->show_all_errors = TRUE;
  bad = check_form (self, &page);
  if (bad != NULL)
    {
      gtk_stack_set_visible_child_name (self->page_stack, page);
      gtk_widget_grab_focus (bad);
      return FALSE;
    }
  self->saving = TRUE;
  ok = council_store_save_meeting (self->store, self->draft, &error);
  self->saving = FALSE;
  if (!ok)
    {
      if (g_error_matches (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_LOCKED))
        {
          g_free (self->refused_message);
          self->refused_message = g_strdup (error->message);
          update_lock (self);
        }
      else if (g_error_matches (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT))
        {
          /* "Save again to overwrite": the current version becomes the base. */
          g_autoptr(CouncilMeeting) current =
            council_store_get_meeting (self->store, council_meeting_get_id (self->draft), NULL);
          if (current != NULL)
            council_meeting_set_version (self->draft, council_meeting_get_version (current));
        }
      council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return FALSE;
    }
  id = council_meeting_get_id (self->draft);
  title = g_strdup (*council_meeting_get_title (self->draft) ? council_meeting_get_title (self->draft)
                                                             : council_meeting_get_kind_label (self->draft));
  message = g_strdup_printf (_("Saved “%s”."), title);
  council_meeting_editor_load (self, id);
  council_widget_show_message (GTK_WIDGET (self), message, FALSE);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  council_meeting_editor_save (COUNCIL_MEETING_EDITOR (widget));
}

static void
revert_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilMeetingEditor *self = COUNCIL_MEETING_EDITOR (widget);
  gint64 id = council_meeting_editor_get_meeting_id (self);

  council_meeting_editor_load (self, id == COUNCIL_MEETING_EDITOR_NEW ? COUNCIL_MEETING_EDITOR_NONE : id);
}

/* ---- the meeting's state ---- */

static void
after_state_change (CouncilMeetingEditor *self, gboolean ok, GError *error, const char *done)
{
  gint64 id = council_meeting_editor_get_meeting_id (self);

  if (!ok)
    {
      council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return;
    }
  council_meeting_editor_load (self, id);
  council_widget_show_message (GTK_WIDGET (self), done, FALSE);
}

static void
hold_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilMeetingEditor *self = COUNCIL_MEETING_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok = council_store_hold_meeting (self->store, council_meeting_editor_get_meeting_id (self), &error);

  after_state_change (self, ok, error, _("The meeting is recorded as held."));
}

static void
approve_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilMeetingEditor *self = COUNCIL_MEETING_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok = council_store_approve_minutes (self->store, council_meeting_editor_get_meeting_id (self), &error);

  after_state_change (self, ok, error, _("The minutes are approved and locked."));
}

static void
on_delete_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilMeetingEditor *self = COUNCIL_MEETING_EDITOR (user_data);

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup (council_meeting_get_title (self->draft));
      g_autofree char *message = NULL;

      if (!council_store_delete_meeting (self->store, council_meeting_editor_get_meeting_id (self), &error))
        {
          council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
          return;
        }
      council_meeting_editor_load (self, COUNCIL_MEETING_EDITOR_NONE);
      message = g_strdup_printf (_("Deleted “%s”."), title);
      council_widget_show_message (GTK_WIDGET (self), message, FALSE);
    }
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilMeetingEditor *self = COUNCIL_MEETING_EDITOR (widget);
  GtkWidget *dialog;

  if (self->draft == NULL || council_meeting_get_id (self->draft) <= 0)
    return;
  dialog = gtk_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Delete the planned meeting “%s”?"), council_meeting_get_title (self->draft));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    _("Its agenda and attendance are deleted with it. Meetings that were held stay on record and cannot be deleted."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Delete"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reopen_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilMeetingEditor *self = COUNCIL_MEETING_EDITOR (user_data);

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = council_store_reopen_minutes (self->store, council_meeting_editor_get_meeting_id (self), &error);

      after_state_change (self, ok, error, _("The minutes are open for correction; the history records it."));
    }
}

static void
reopen_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilMeetingEditor *self = COUNCIL_MEETING_EDITOR (widget);
  GtkWidget *dialog =
    gtk_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                            GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                            GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                            _("Reopen the approved minutes?"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    _("The minutes become editable again and must be approved once more. The history records who reopened them and when."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Reopen"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reopen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the minutes as a PDF and on paper ---- */

typedef struct
{
  char *db_path;
  char *out_path;
  gint64 meeting_id;
  gboolean chinese;
} MinutesJob;

static void
minutes_job_free (gpointer data)
{
  MinutesJob *job = data;

  g_free (job->db_path);
  g_free (job->out_path);
  g_free (job);
}

static void
minutes_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  MinutesJob *job = task_data;
  g_autoptr(CouncilStore) reader = NULL;
  GError *error = NULL;

  /* Its own connection: the window's stays free while the PDF is laid out. */
  reader = council_store_open (job->db_path, &error);
  if (reader == NULL ||
      !council_minutes_write_pdf (reader, job->meeting_id, job->out_path, job->chinese, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_minutes_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CouncilMeetingEditor *self = COUNCIL_MEETING_EDITOR (source);
  MinutesJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.export-pdf", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return;
    }
  message = g_strdup_printf (_("Minutes written to %s"), job->out_path);
  council_widget_show_message (GTK_WIDGET (self), message, FALSE);
}

void
council_meeting_editor_export_pdf_to (CouncilMeetingEditor *self, const char *path)
{
  g_autoptr(GTask) task = NULL;
  MinutesJob *job = g_new0 (MinutesJob, 1);

  job->db_path = g_strdup (council_store_get_path (self->store));
  job->out_path = g_str_has_suffix (path, ".pdf") ? g_strdup (path) : g_strconcat (path, ".pdf", NULL);
  job->meeting_id = council_meeting_editor_get_meeting_id (self);
  job->chinese = council_ui_prefers_chinese ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.export-pdf", FALSE);
  task = g_task_new (self, NULL, on_minutes_done_cb, NULL);
  g_task_set_task_data (task, job, minutes_job_free);
  g_task_run_in_thread (task, minutes_thread);
}

static void
on_pdf_chooser_response_cb (GtkNativeDialog *chooser, int response, CouncilMeetingEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      council_meeting_editor_export_pdf_to (self, path);
    }
  g_object_unref (chooser);
}

static void
export_pdf_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilMeetingEditor *self = COUNCIL_MEETING_EDITOR (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  if (self->draft == NULL || council_meeting_get_id (self->draft) <= 0)
    return;
  date = council_meeting_dup_date (self->draft);
  /* Translators: default file name of exported minutes: date and title */
  name = g_strdup_printf (_("Minutes %s %s.pdf"), date, council_meeting_get_title (self->draft));
  g_strdelimit (name, "/\\:", '-');
  chooser = gtk_file_chooser_native_new (_("Export Minutes"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_pdf_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, CouncilMinutes *minutes)
{
  gtk_print_operation_set_n_pages (operation, council_minutes_get_n_pages (minutes));
}

static void
on_draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, CouncilMinutes *minutes)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  /* The minutes are laid out on A4 in points; the printer's paper may differ. */
  double scale = MIN (gtk_print_context_get_width (context) / 595.276,
                      gtk_print_context_get_height (context) / 841.89);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  council_minutes_draw_page (minutes, cr, page);
  cairo_restore (cr);
}

static void
on_print_done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result, CouncilMeetingEditor *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      council_widget_show_message (GTK_WIDGET (self), error ? error->message : _("Printing failed."), TRUE);
    }
  g_object_unref (operation);
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilMeetingEditor *self = COUNCIL_MEETING_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  CouncilMinutes *minutes;
  GtkPrintOperation *operation;

  if (self->draft == NULL || council_meeting_get_id (self->draft) <= 0)
    return;
  minutes = council_minutes_new (self->store, council_meeting_get_id (self->draft),
                                 council_ui_prefers_chinese (), &error);
  if (minutes == NULL)
    {
      council_widget_show_message (widget, error->message, TRUE);
      return;
    }
  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, council_meeting_get_title (self->draft));
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "council-minutes", minutes,
                          (GDestroyNotify) council_minutes_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), minutes);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), minutes);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    council_widget_show_message (widget, error->message, TRUE);
}

/* ---- building the details form ---- */

static void
add_detail_row (CouncilMeetingEditor *self, int row, CouncilMeetingField field,
                const char *mnemonic, GtkWidget *input, GtkWidget *shown_input)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  GtkWidget *error = new_error_label ();

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), input);
  gtk_size_group_add_widget (self->label_group, label);
  gtk_grid_attach (self->details_grid, label, 0, row * 2, 1, 1);
  gtk_grid_attach (self->details_grid, shown_input ? shown_input : input, 1, row * 2, 1, 1);
  gtk_grid_attach (self->details_grid, error, 1, row * 2 + 1, 1, 1);
  self->inputs[field] = input;
  self->errors[field] = error;
  g_object_set_data (G_OBJECT (input), "council-field", GINT_TO_POINTER (field));
  if (GTK_IS_DROP_DOWN (input))
    g_signal_connect (input, "notify::selected", G_CALLBACK (on_detail_selected_cb), self);
  else if (GTK_IS_SPIN_BUTTON (input))
    g_signal_connect (input, "value-changed", G_CALLBACK (on_detail_changed_cb), self);
  else
    {
      g_signal_connect (input, "changed", G_CALLBACK (on_detail_changed_cb), self);
      gtk_widget_set_hexpand (input, TRUE);
    }
}

static void
build_details (CouncilMeetingEditor *self)
{
  GtkWidget *kind = gtk_drop_down_new (NULL, NULL);
  GtkWidget *session = gtk_spin_button_new_with_range (0, 999, 1);
  GtkWidget *date = gtk_entry_new ();
  GtkWidget *when = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *at = gtk_label_new (_("at"));
  int row = 0;

  gtk_widget_set_halign (kind, GTK_ALIGN_START);
  gtk_widget_set_halign (session, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (session, _("第N次: the meeting's number in its series; 0: not numbered"));
  self->time_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (date), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (date), 12);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->time_entry), _("HH:MM"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->time_entry), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Time"), -1);
  gtk_widget_set_halign (when, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (when), date);
  gtk_box_append (GTK_BOX (when), at);
  gtk_box_append (GTK_BOX (when), self->time_entry);
  g_object_set_data (G_OBJECT (self->time_entry), "council-field", GINT_TO_POINTER (COUNCIL_MEETING_FIELD_STARTS_AT));
  g_signal_connect (self->time_entry, "changed", G_CALLBACK (on_detail_changed_cb), self);

  add_detail_row (self, row++, COUNCIL_MEETING_FIELD_KIND, _("_Kind"), kind, NULL);
  add_detail_row (self, row++, COUNCIL_MEETING_FIELD_TITLE, _("_Title"), gtk_entry_new (), NULL);
  add_detail_row (self, row++, COUNCIL_MEETING_FIELD_SESSION_NO, _("Session _number"), session, NULL);
  add_detail_row (self, row++, COUNCIL_MEETING_FIELD_STARTS_AT, _("_Date"), date, when);
  add_detail_row (self, row++, COUNCIL_MEETING_FIELD_PLACE, _("_Place"), gtk_entry_new (), NULL);
  add_detail_row (self, row++, COUNCIL_MEETING_FIELD_CHAIR, _("C_hair"), gtk_entry_new (), NULL);
  add_detail_row (self, row++, COUNCIL_MEETING_FIELD_RECORDER, _("_Recorder"), gtk_entry_new (), NULL);
}

/* ---- test accessors ---- */

GtkWidget *
council_meeting_editor_get_field_widget (CouncilMeetingEditor *self, CouncilMeetingField field)
{
  g_return_val_if_fail (field > COUNCIL_MEETING_FIELD_NONE && field < COUNCIL_MEETING_N_FIELDS, NULL);
  return self->inputs[field];
}

GtkWidget *
council_meeting_editor_get_field_error (CouncilMeetingEditor *self, CouncilMeetingField field)
{
  g_return_val_if_fail (field > COUNCIL_MEETING_FIELD_NONE && field < COUNCIL_MEETING_N_FIELDS, NULL);
  return self->errors[field];
}

GtkWidget *
council_meeting_editor_get_time_entry (CouncilMeetingEditor *self)
{
  return self->time_entry;
}

CouncilMeeting *
council_meeting_editor_get_draft (CouncilMeetingEditor *self)
{
  return self->draft;
}

GtkWidget *
council_meeting_editor_get_attendance_status (CouncilMeetingEditor *self, gint64 org_id)
{
  return g_hash_table_lookup (self->attendance_status, &org_id);
}

GtkWidget *
council_meeting_editor_get_attendance_who (CouncilMeetingEditor *self, gint64 org_id)
{
  return g_hash_table_lookup (self->attendance_who, &org_id);
}

GtkLabel *
council_meeting_editor_get_rate_label (CouncilMeetingEditor *self)
{
  return self->rate_label;
}

GtkWidget *
council_meeting_editor_get_agenda_widget (CouncilMeetingEditor *self, guint item, int outcome,
                                          const char *name)
{
  AgendaRow *arow;

  if (item >= self->agenda_rows->len)
    return NULL;
  arow = g_ptr_array_index (self->agenda_rows, item);
  if (outcome < 0)
    {
      if (g_str_equal (name, "title"))
        return arow->title;
      if (g_str_equal (name, "presenter"))
        return arow->presenter;
      if (g_str_equal (name, "add-outcome"))
        return arow->add_outcome;
      return NULL;
    }
  for (guint i = 0, seen = 0; i < self->outcome_rows->len; i++)
    {
      OutcomeRow *row = g_ptr_array_index (self->outcome_rows, i);

      if (row->item != arow->item || seen++ != (guint) outcome)
        continue;
      if (g_str_equal (name, "kind")) return row->kind;
      if (g_str_equal (name, "text")) return row->text;
      if (g_str_equal (name, "text-error")) return row->text_error;
      if (g_str_equal (name, "owner")) return row->owner;
      if (g_str_equal (name, "owner-error")) return row->owner_error;
      if (g_str_equal (name, "due")) return row->due;
      if (g_str_equal (name, "due-error")) return row->due_error;
      if (g_str_equal (name, "project")) return row->project;
      return NULL;
    }
  return NULL;
}

GtkWidget *
council_meeting_editor_get_lock_banner (CouncilMeetingEditor *self)
{
  return self->lock_banner;
}

GtkLabel *
council_meeting_editor_get_lock_label (CouncilMeetingEditor *self)
{
  return self->lock_label;
}

/* ---- life cycle ---- */

static void
council_meeting_editor_dispose (GObject *object)
{
  CouncilMeetingEditor *self = COUNCIL_MEETING_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COUNCIL_TYPE_MEETING_EDITOR);
  g_clear_pointer (&self->agenda_rows, g_ptr_array_unref);
  g_clear_pointer (&self->outcome_rows, g_ptr_array_unref);
  g_clear_pointer (&self->attendance_status, g_hash_table_unref);
  g_clear_pointer (&self->attendance_who, g_hash_table_unref);
  g_clear_object (&self->draft);
  g_clear_object (&self->kinds);
  g_clear_object (&self->organizations);
  g_clear_object (&self->org_choices);
  g_clear_object (&self->store);
  g_clear_object (&self->label_group);
  g_clear_pointer (&self->refused_message, g_free);
  G_OBJECT_CLASS (council_meeting_editor_parent_class)->dispose (object);
}

static void
council_meeting_editor_class_init (CouncilMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_meeting_editor_dispose;

  /**
   * CouncilMeetingEditor::saved:
   * @id: the id of the saved meeting
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (COUNCIL_TYPE_HISTORY_LIST);
  g_type_ensure (COUNCIL_TYPE_LINKED_DOCUMENTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qunjian/CouncilDesk/ui/council-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, state_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, hold_button);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, approve_button);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, lock_banner);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, lock_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, page_stack);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, details_grid);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, attendance_page);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, rate_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, attendance_grid);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, attendance_error_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, guests_box);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, guests_error_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, agenda_page);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, agenda_box);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, agenda_empty_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, history_list);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, linked_documents);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingEditor, revert_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.hold", NULL, hold_action);
  gtk_widget_class_install_action (widget_class, "editor.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "editor.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "editor.all-present", NULL, all_present_action);
  gtk_widget_class_install_action (widget_class, "editor.add-guest", NULL, add_guest_action);
  gtk_widget_class_install_action (widget_class, "editor.add-agenda-item", NULL, add_agenda_item_action);
  gtk_widget_class_install_action (widget_class, "editor.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "meetingeditor");
}

static void
council_meeting_editor_init (CouncilMeetingEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->label_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->agenda_rows = g_ptr_array_new_with_free_func (g_free);
  self->outcome_rows = g_ptr_array_new_with_free_func (outcome_row_free);
  self->attendance_status = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->attendance_who = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->org_choices = gtk_string_list_new (NULL);
  self->organizations = g_list_store_new (COUNCIL_TYPE_ORGANIZATION);
  self->kinds = g_list_store_new (COUNCIL_TYPE_MEETING_KIND);
  build_details (self);
  /* Local scope: Ctrl+S saves while the focus is anywhere in the form. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>s"),
                                                          gtk_named_action_new ("editor.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

CouncilMeetingEditor *
council_meeting_editor_new (CouncilStore *store)
{
  CouncilMeetingEditor *self = g_object_new (COUNCIL_TYPE_MEETING_EDITOR, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  return self;
}
