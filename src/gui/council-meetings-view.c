/* council-meetings-view.c: the meetings of the council, filtered by SQL, and their editor.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-meetings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "core/council-store-meetings.h"
#include "council-draft-offer.h"
#include "council-list-helpers.h"
#include "council-meetings-view-private.h"
#include "council-text-cell.h"
#include "council-window.h"

/* The rhythms the store knows, in the order of the drop-down after "none". */
static const char *const rhythms[] = { "monthly", "quarterly", "half-yearly", "yearly" };

struct _CouncilMeetingsView
{
  GtkWidget parent_instance;

  CouncilStore *store;
  GListStore *meetings;           /* what the SQL filter returns */
  GListStore *kinds;              /* CouncilMeetingKind, behind the kind filter */
  GArray *years;                  /* int, behind the year filter after "all" */
  gboolean stale;                 /* the list waits for the view to be shown */
  GtkCustomFilter *filter;        /* the search text */
  GtkSingleSelection *selection;
  CouncilMeetingEditor *editor;
  gint64 joint_kind_id;
  CouncilListController *list;    /* the selection follows the editor */
  CouncilDraftOffer *drafts;      /* offers what a crash left unsaved */
  gboolean updating_filters;

  /* template widgets */
  GtkPaned *paned;
  GtkLabel *next_due_label;
  GtkDropDown *rhythm_dropdown;
  GtkSearchEntry *search_entry;
  GtkDropDown *year_filter;
  GtkDropDown *kind_filter;
  GtkDropDown *state_filter;
  GtkLabel *count_label;
  GtkColumnView *column_view;
};

G_DEFINE_FINAL_TYPE (CouncilMeetingsView, council_meetings_view, GTK_TYPE_WIDGET)

/* ---- cells ---- */

typedef struct
{
  const char *title;
  const char *sort_property;
  gboolean numeric;
  int fixed_width;     /* -1: the column expands */
  CouncilCellTextFunc text;
  CouncilCellTextFunc tooltip;
} ColumnSpec;

static char *
text_date (gpointer item, gconstpointer data)
{
  g_autofree char *date = council_meeting_dup_date (COUNCIL_MEETING (item));

  return council_format_date (date);
}

static char *
text_kind (gpointer item, gconstpointer data)
{
  return g_strdup (council_meeting_get_kind_label (COUNCIL_MEETING (item)));
}

static char *
text_title (gpointer item, gconstpointer data)
{
  CouncilMeeting *m = item;

  if (council_meeting_get_session_no (m) > 0)
    /* Translators: a meeting title and its session number, e.g. "Joint meeting (No. 3)" */
    return g_strdup_printf (_("%s (No. %d)"), council_meeting_get_title (m), council_meeting_get_session_no (m));
  return g_strdup (council_meeting_get_title (m));
}

static char *
text_state (gpointer item, gconstpointer data)
{
  return g_strdup (council_meeting_state_label (council_meeting_get_state (COUNCIL_MEETING (item))));
}

static char *
text_attendance (gpointer item, gconstpointer data)
{
  const CouncilAttendanceRate *rate = council_meeting_get_attendance_rate (COUNCIL_MEETING (item));

  if (rate->recorded == 0)
    return g_strdup ("—");
  /* Translators: attendance rate and counts, e.g. "86 % (19/22)" */
  return g_strdup_printf (_("%d %% (%u/%u)"), (int) (rate->rate * 100 + 0.5),
                          rate->present + rate->delegated, rate->recorded);
}

static char *
text_open_items (gpointer item, gconstpointer data)
{
  guint n = council_meeting_get_open_items (COUNCIL_MEETING (item));

  return n ? g_strdup_printf ("%u", n) : g_strdup ("—");
}

static const ColumnSpec column_specs[] = {
  { N_("Date"), "starts-at", FALSE, 122, text_date, NULL },
  { N_("Kind"), "kind-label", FALSE, 100, text_kind, NULL },
  { N_("Title"), "title", FALSE, -1, text_title, text_title },
  { N_("State"), "state-label", FALSE, 90, text_state, NULL },
  { N_("Attendance"), "attendance-rate", TRUE, 105, text_attendance, NULL },
  { N_("Open items"), "open-items", TRUE, 75, text_open_items, NULL },
};

/* A planned meeting's row reads dimmed. */
static void
style_cell (GtkWidget *cell, gpointer item, gconstpointer data)
{
  council_text_cell_set_class (cell, "dim-label",
                               council_meeting_get_state (COUNCIL_MEETING (item)) == COUNCIL_MEETING_STATE_PLANNED);
}

static void
add_columns (CouncilMeetingsView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    {
      const ColumnSpec *spec = &column_specs[i];

      council_column_view_append_sorted (self->column_view, COUNCIL_TYPE_MEETING, _(spec->title),
                                         spec->sort_property, spec->numeric, spec->fixed_width,
                                         council_text_cell_factory_new (spec->text, spec->tooltip, style_cell,
                                                                        0.0f, NULL, spec));
    }
}

/* ---- search ---- */

static gboolean
text_matches (const char *text, const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_needle) != NULL;
}

static gboolean
filter_meeting (gpointer item, gpointer user_data)
{
  CouncilMeetingsView *self = user_data;
  CouncilMeeting *m = item;
  g_autofree char *needle = g_strstrip (g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1));

  return *needle == '\0' ||
         text_matches (council_meeting_get_title (m), needle) ||
         text_matches (council_meeting_get_place (m), needle) ||
         text_matches (council_meeting_get_chair (m), needle) ||
         text_matches (council_meeting_get_kind_label (m), needle);
}

/* ---- selection ---- */

static gint64
meeting_id (gpointer item)
{
  return council_meeting_get_id (COUNCIL_MEETING (item));
}

static gint64
editor_id (GtkWidget *view)
{
  return council_meeting_editor_get_meeting_id (COUNCIL_MEETINGS_VIEW (view)->editor);
}

static gboolean
editor_has_unsaved (GtkWidget *view)
{
  return council_meeting_editor_has_unsaved_changes (COUNCIL_MEETINGS_VIEW (view)->editor);
}

static gboolean
editor_save (GtkWidget *view)
{
  return council_meeting_editor_save (COUNCIL_MEETINGS_VIEW (view)->editor);
}

static void
open_target (GtkWidget *view, gint64 target)
{
  CouncilMeetingsView *self = COUNCIL_MEETINGS_VIEW (view);

  council_meeting_editor_load (self->editor, target);
  council_list_controller_sync_selection (self->list);
  if (target == COUNCIL_MEETING_EDITOR_NEW)
    council_meeting_editor_focus_first_field (self->editor);
}

static const CouncilListControllerFuncs list_funcs = {
  meeting_id, editor_id, editor_has_unsaved, editor_save, open_target,
  N_("Save the changes to this meeting?"),
};

static void
on_column_view_activate_cb (GtkColumnView *column_view, guint position, CouncilMeetingsView *self)
{
  council_meeting_editor_focus_first_field (self->editor);
}

static void
on_editor_saved_cb (CouncilMeetingEditor *editor, gint64 id, CouncilMeetingsView *self)
{
  council_list_controller_sync_selection (self->list);
}

/* ---- the list and its filters ---- */

static void
update_count (CouncilMeetingsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  g_autofree char *text = g_strdup_printf (ngettext ("%u meeting", "%u meetings", n), n);

  gtk_label_set_text (self->count_label, text);
}

static void
on_model_items_changed_cb (GListModel *model, guint position, guint removed, guint added,
                           CouncilMeetingsView *self)
{
  update_count (self);
}

static void
read_filter (CouncilMeetingsView *self, CouncilMeetingFilter *filter)
{
  guint year = gtk_drop_down_get_selected (self->year_filter);
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint state = gtk_drop_down_get_selected (self->state_filter);

  council_meeting_filter_init (filter);
  if (year != GTK_INVALID_LIST_POSITION && year > 0 && year <= self->years->len)
    filter->year = g_array_index (self->years, int, year - 1);
  if (kind != GTK_INVALID_LIST_POSITION && kind > 0)
    {
      g_autoptr(CouncilMeetingKind) k = g_list_model_get_item (G_LIST_MODEL (self->kinds), kind - 1);
      if (k != NULL)
        filter->kind_id = council_meeting_kind_get_id (k);
    }
  if (state != GTK_INVALID_LIST_POSITION && state > 0)
    filter->state = (int) state - 1;
}

static void
reload_meetings (CouncilMeetingsView *self)
{
  CouncilMeetingFilter filter;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) fresh = NULL;

  read_filter (self, &filter);
  fresh = council_store_list_meetings (self->store, &filter, &error);
  if (fresh == NULL)
    {
      council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return;
    }
  council_list_controller_freeze (self->list);
  council_list_store_replace_all (self->meetings, G_LIST_MODEL (fresh));
  council_list_controller_thaw (self->list);
}

static void fill_filters (CouncilMeetingsView *self);

/* The list is read when the view is first shown, and again when it is shown
 * after changes made elsewhere: a large council's meetings are not read at
 * start-up or on every change while another view is in front. */
static void
ensure_loaded (CouncilMeetingsView *self)
{
  if (!self->stale)
    return;
  self->stale = FALSE;
  fill_filters (self);
  reload_meetings (self);
  update_count (self);
}

static void
on_map_cb (GtkWidget *widget, CouncilMeetingsView *self)
{
  ensure_loaded (self);
}

/* The year filter offers the years that have meetings, and this year. */
static void
fill_filters (CouncilMeetingsView *self)
{
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GListStore) kinds = council_store_list_meeting_kinds (self->store, NULL);
  g_autoptr(GtkStringList) year_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) state_names = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);
  int selected_year = 0;
  guint old = gtk_drop_down_get_selected (self->year_filter);

  if (old != GTK_INVALID_LIST_POSITION && old > 0 && old <= self->years->len)
    selected_year = g_array_index (self->years, int, old - 1);

  stored = council_store_list_meeting_years (self->store, NULL);
  g_array_set_size (self->years, 0);
  g_array_append_val (self->years, this_year);
  for (guint i = 0; stored != NULL && i < stored->len; i++)
    {
      int year = g_array_index (stored, int, i);

      if (year > 0 && year != this_year)
        g_array_append_val (self->years, year);
    }
  /* Newest first, as the list is. */
  for (guint i = 1; i < self->years->len; i++)
    for (guint j = i; j > 0 && g_array_index (self->years, int, j - 1) < g_array_index (self->years, int, j); j--)
      {
        int t = g_array_index (self->years, int, j);
        g_array_index (self->years, int, j) = g_array_index (self->years, int, j - 1);
        g_array_index (self->years, int, j - 1) = t;
      }
  gtk_string_list_append (year_names, _("All years"));
  for (guint i = 0; i < self->years->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", g_array_index (self->years, int, i));
      gtk_string_list_append (year_names, label);
    }

  g_set_object (&self->kinds, kinds);
  gtk_string_list_append (kind_names, _("All kinds"));
  for (guint i = 0; kinds != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (kinds)); i++)
    {
      g_autoptr(CouncilMeetingKind) kind = g_list_model_get_item (G_LIST_MODEL (kinds), i);
      gtk_string_list_append (kind_names, council_meeting_kind_get_label (kind));
    }
  gtk_string_list_append (state_names, _("All states"));
  for (int s = COUNCIL_MEETING_STATE_PLANNED; s <= COUNCIL_MEETING_STATE_APPROVED; s++)
    gtk_string_list_append (state_names, council_meeting_state_label (s));

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->year_filter, G_LIST_MODEL (year_names));
  gtk_drop_down_set_selected (self->year_filter, 0);
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == selected_year)
      gtk_drop_down_set_selected (self->year_filter, i + 1);
  if (gtk_drop_down_get_model (self->kind_filter) == NULL)
    {
      gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kind_names));
      gtk_drop_down_set_model (self->state_filter, G_LIST_MODEL (state_names));
    }
  self->updating_filters = FALSE;
}

static void
on_filter_selected_cb (GObject *object, GParamSpec *pspec, CouncilMeetingsView *self)
{
  if (!self->updating_filters)
    reload_meetings (self);
}

static void
on_search_changed_cb (GtkSearchEntry *entry, CouncilMeetingsView *self)
{
  council_list_controller_freeze (self->list);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  council_list_controller_thaw (self->list);
}

/* ---- the schedule ---- */

static void
update_next_due (CouncilMeetingsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  g_autofree char *today = council_iso_date_today ();
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->next_due_label), "overdue-text");
  if (self->joint_kind_id <= 0)
    {
      gtk_label_set_text (self->next_due_label, "");
      return;
    }
  due = council_store_next_meeting_due (self->store, self->joint_kind_id, NULL, &error);
  if (due == NULL)
    {
      gtk_label_set_text (self->next_due_label, error ? error->message
                          : _("No rhythm is set for the joint meeting."));
      return;
    }
  {
    g_autofree char *when = council_format_date (due);

    if (strcmp (due, today) < 0)
      {
        /* Translators: %s is a date that has passed */
        text = g_strdup_printf (_("Next joint meeting due: %s (overdue)"), when);
        gtk_widget_add_css_class (GTK_WIDGET (self->next_due_label), "overdue-text");
      }
    else
      text = g_strdup_printf (_("Next joint meeting due: %s"), when);
  }
  gtk_label_set_text (self->next_due_label, text);
}

static void
fill_rhythm (CouncilMeetingsView *self)
{
  const char *labels[] = {
    _("Not on a fixed rhythm"), _("Monthly"), _("Quarterly"), _("Half-yearly"), _("Yearly"), NULL
  };
  g_autofree char *rhythm = NULL;
  guint selected = 0;

  self->joint_kind_id = council_store_find_meeting_kind (self->store, "joint", NULL);
  if (self->joint_kind_id > 0)
    rhythm = council_store_get_meeting_schedule (self->store, self->joint_kind_id, NULL);
  for (guint i = 0; rhythm != NULL && i < G_N_ELEMENTS (rhythms); i++)
    if (g_str_equal (rhythm, rhythms[i]))
      selected = i + 1;
  self->updating_filters = TRUE;
  if (gtk_drop_down_get_model (self->rhythm_dropdown) == NULL)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
      gtk_drop_down_set_model (self->rhythm_dropdown, G_LIST_MODEL (model));
    }
  gtk_drop_down_set_selected (self->rhythm_dropdown, selected);
  self->updating_filters = FALSE;
  update_next_due (self);
}

static void
on_rhythm_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, CouncilMeetingsView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;

  if (self->updating_filters || self->joint_kind_id <= 0 || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (!council_store_set_meeting_schedule (self->store, self->joint_kind_id,
                                           selected == 0 ? NULL : rhythms[selected - 1], &error))
    council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
  update_next_due (self);
}

static void
on_store_changed_cb (CouncilStore *store, const char *table, CouncilMeetingsView *self)
{
  if (table != NULL && g_str_equal (table, "meeting_schedule"))
    {
      fill_rhythm (self);
      return;
    }
  if (table == NULL || g_str_has_prefix (table, "meeting") || g_str_equal (table, "attendance") ||
      g_str_equal (table, "action_item") || g_str_equal (table, "agenda_item") ||
      g_str_equal (table, "outcome") || g_str_equal (table, "progress_note"))
    {
      self->stale = TRUE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        ensure_loaded (self);
      update_next_due (self);
    }
  if (table == NULL)
    fill_rhythm (self);
}

/* ---- actions ---- */

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  council_list_controller_request_switch (COUNCIL_MEETINGS_VIEW (widget)->list, COUNCIL_MEETING_EDITOR_NEW);
}

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (COUNCIL_MEETINGS_VIEW (widget)->search_entry));
}

gboolean
council_meetings_view_has_unsaved_changes (CouncilMeetingsView *self)
{
  g_return_val_if_fail (COUNCIL_IS_MEETINGS_VIEW (self), FALSE);
  return council_meeting_editor_has_unsaved_changes (self->editor);
}

gboolean
council_meetings_view_save (CouncilMeetingsView *self)
{
  g_return_val_if_fail (COUNCIL_IS_MEETINGS_VIEW (self), FALSE);
  return council_meeting_editor_save (self->editor);
}

void
council_meetings_view_open_meeting (CouncilMeetingsView *self, gint64 id)
{
  g_return_if_fail (COUNCIL_IS_MEETINGS_VIEW (self));

  ensure_loaded (self);
  /* A filter may hide it; the editor shows it all the same. */
  if (id != council_meeting_editor_get_meeting_id (self->editor))
    council_list_controller_request_switch (self->list, id);
}

void
council_meetings_view_discard_draft (CouncilMeetingsView *self)
{
  g_return_if_fail (COUNCIL_IS_MEETINGS_VIEW (self));
  council_meeting_editor_discard_draft (self->editor);
}

/* ---- drafts left by a crash ---- */

static gboolean
restore_draft (GtkWidget *view, CouncilDraft *draft)
{
  CouncilMeetingsView *self = COUNCIL_MEETINGS_VIEW (view);
  gboolean restored = council_meeting_editor_restore_draft (self->editor, draft);

  council_list_controller_sync_selection (self->list);
  return restored;
}

GtkWidget *
council_meetings_view_get_draft_dialog (CouncilMeetingsView *self)
{
  g_return_val_if_fail (COUNCIL_IS_MEETINGS_VIEW (self), NULL);
  return self->drafts ? council_draft_offer_get_dialog (self->drafts) : NULL;
}

/* ---- test accessors ---- */

GtkColumnView *
council_meetings_view_get_column_view (CouncilMeetingsView *self)
{
  return self->column_view;
}

GtkEditable *
council_meetings_view_get_search_entry (CouncilMeetingsView *self)
{
  return GTK_EDITABLE (self->search_entry);
}

CouncilMeetingEditor *
council_meetings_view_get_editor (CouncilMeetingsView *self)
{
  return self->editor;
}

GtkLabel *
council_meetings_view_get_next_due_label (CouncilMeetingsView *self)
{
  return self->next_due_label;
}

GtkDropDown *
council_meetings_view_get_rhythm_dropdown (CouncilMeetingsView *self)
{
  return self->rhythm_dropdown;
}

GtkDropDown *
council_meetings_view_get_state_filter (CouncilMeetingsView *self)
{
  return self->state_filter;
}

/* ---- life cycle ---- */

static void
council_meetings_view_dispose (GObject *object)
{
  CouncilMeetingsView *self = COUNCIL_MEETINGS_VIEW (object);

  if (self->drafts != NULL)
    council_draft_offer_detach (self->drafts);
  g_clear_object (&self->drafts);
  if (self->list != NULL)
    council_list_controller_detach (self->list);
  g_clear_object (&self->list);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COUNCIL_TYPE_MEETINGS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->meetings);
  g_clear_object (&self->kinds);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (council_meetings_view_parent_class)->dispose (object);
}

static void
council_meetings_view_class_init (CouncilMeetingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_meetings_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qunjian/CouncilDesk/ui/council-meetings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingsView, paned);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingsView, next_due_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingsView, rhythm_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingsView, year_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingsView, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingsView, state_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilMeetingsView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rhythm_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.find", NULL, find_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "meetingsview");
}

static void
setup_models (CouncilMeetingsView *self)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  self->meetings = g_list_store_new (COUNCIL_TYPE_MEETING);
  self->filter = gtk_custom_filter_new (filter_meeting, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->meetings)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->selection, "items-changed", G_CALLBACK (on_model_items_changed_cb), self);
}

static void
council_meetings_view_init (CouncilMeetingsView *self)
{
  g_type_ensure (COUNCIL_TYPE_MEETING_EDITOR);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  add_columns (self);
  setup_models (self);
}

CouncilMeetingsView *
council_meetings_view_new (CouncilStore *store)
{
  CouncilMeetingsView *self;

  g_return_val_if_fail (COUNCIL_IS_STORE (store), NULL);

  self = g_object_new (COUNCIL_TYPE_MEETINGS_VIEW, NULL);
  self->store = g_object_ref (store);
  self->editor = council_meeting_editor_new (store);
  gtk_paned_set_end_child (self->paned, GTK_WIDGET (self->editor));
  self->list = council_list_controller_new (GTK_WIDGET (self), self->selection, &list_funcs);
  g_signal_connect_object (self->editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  council_meeting_editor_load (self->editor, COUNCIL_MEETING_EDITOR_NONE);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
  self->stale = TRUE;
  fill_rhythm (self);
  self->drafts = council_draft_offer_new (GTK_WIDGET (self), store, "meeting", N_("a new meeting"), restore_draft);
  return self;
}
