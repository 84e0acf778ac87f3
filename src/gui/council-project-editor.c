/* council-project-editor.c: the form of one project: fields, partners, liaison
 * officers, milestones, fund entries, its brand, and its history.
 *
 * The form is built in code: its lists of rows (partners, milestones, fund
 * entries) are made of the same few widgets repeated, which a template cannot say.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-project-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "core/council-store-meetings.h"
#include "core/council-store-projects.h"
#include "council-history-list.h"
#include "council-org-editor.h"
#include "council-editor-helpers.h"
#include "council-project-editor.h"
#include "council-projects-view.h"
#include "council-window.h"

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

struct _CouncilProjectEditor
{
  GtkWidget parent_instance;

  CouncilStore *store;
  CouncilProject *loaded;        /* with its detail; NULL when nothing is open */
  gboolean loading;              /* filling the form: no edits */
  gboolean dirty;
  guint last_category_pos;
  CouncilDraftKeeper drafts;     /* the unsaved form, kept against a crash */

  GtkStack *main_stack;
  GtkLabel *heading;
  GtkStack *page_stack;
  GtkWidget *inputs[COUNCIL_PROJECT_N_FIELDS];
  GtkLabel *errors[COUNCIL_PROJECT_N_FIELDS];

  GtkEntry *code_entry;
  GtkEntry *title_zh_entry;
  GtkEntry *title_en_entry;
  GtkDropDown *category_drop;
  GtkDropDown *lead_drop;
  GtkEntry *target_entry;
  GtkEntry *start_entry;
  GtkEntry *end_entry;
  GtkDropDown *status_drop;
  GtkWidget *status_date_row;     /* shown while the status differs from the saved one */
  GtkEntry *status_date_entry;
  GtkLabel *status_changes_label;
  GtkDropDown *health_drop;
  GtkEntry *budget_entry;
  GtkSpinButton *planned_spin;
  GtkSpinButton *actual_spin;
  GtkCheckButton *brand_check;
  GtkTextView *description_view;

  GtkBox *partners_box;
  GtkBox *liaisons_box;
  GtkBox *milestones_box;
  GtkBox *funds_box;
  GtkLabel *fund_flags_label;
  GtkBox *brand_page;
  CouncilHistoryList *history;
  GtkListBox *action_items_list;
  GtkLabel *action_items_label;

  GArray *category_ids;          /* category_drop position -> id */
  GtkStringList *org_names;      /* shared by the lead and partner drop-downs */
  GArray *org_ids;
  GtkStringList *role_names;
  GtkStringList *source_names;
  GtkStringList *kind_names;
};

G_DEFINE_FINAL_TYPE (CouncilProjectEditor, council_project_editor, GTK_TYPE_WIDGET)

/* ---- small helpers ---- */

static void schedule_draft (CouncilProjectEditor *self);

static void
mark_dirty (CouncilProjectEditor *self)
{
  if (self->loading || self->loaded == NULL)
    return;
  self->dirty = TRUE;
  schedule_draft (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.revert", TRUE);
}

static void
on_any_changed_cb (GObject *object, gpointer user_data)
{
  mark_dirty (COUNCIL_PROJECT_EDITOR (user_data));
}

static void
on_any_notify_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  mark_dirty (COUNCIL_PROJECT_EDITOR (user_data));
}

static void
watch_entry (CouncilProjectEditor *self, GtkWidget *entry)
{
  g_signal_connect (entry, "changed", G_CALLBACK (on_any_changed_cb), self);
}

static void
watch_drop (CouncilProjectEditor *self, GtkWidget *drop)
{
  g_signal_connect (drop, "notify::selected", G_CALLBACK (on_any_notify_cb), self);
}

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static void
set_entry (GtkEntry *entry, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

/* The date of a status change is asked for only when there is one: a new
 * project's first status, or a status other than the saved one. */
static void
update_status_date_row (CouncilProjectEditor *self)
{
  gboolean changed = self->loaded == NULL || council_project_get_id (self->loaded) <= 0 ||
                     gtk_drop_down_get_selected (self->status_drop) != (guint) council_project_get_status (self->loaded);

  if (self->status_date_row != NULL)
    gtk_widget_set_visible (self->status_date_row, changed);
}

static GtkWidget *
new_entry (const char *placeholder, int width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  if (width_chars > 0)
    gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  return entry;
}

static char *
fen_to_text (gint64 fen)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", fen / 100, (int) (fen % 100));
}

static void
set_field_error (CouncilProjectEditor *self, CouncilProjectField field, const char *message)
{
  GtkLabel *label = self->errors[field];
  GtkWidget *input = self->inputs[field];

  if (label != NULL)
    {
      gtk_label_set_text (label, message ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
    }
  if (input != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (input, "error");
      else
        gtk_widget_remove_css_class (input, "error");
    }
}

static void
clear_field_errors (CouncilProjectEditor *self)
{
  for (int f = 1; f < COUNCIL_PROJECT_N_FIELDS; f++)
    set_field_error (self, f, NULL);
}

/* The page that holds a field, so that its message is seen. */
static void
reveal_field (CouncilProjectEditor *self, CouncilProjectField field)
{
  const char *page = "details";

  if (field == COUNCIL_PROJECT_FIELD_PARTNERS || field == COUNCIL_PROJECT_FIELD_LIAISONS)
    page = "partners";
  else if (field == COUNCIL_PROJECT_FIELD_MILESTONES)
    page = "milestones";
  else if (field == COUNCIL_PROJECT_FIELD_FUNDS)
    page = "funds";
  else if (field == COUNCIL_PROJECT_FIELD_INTEGRATED_INTO)
    page = "brand";
  gtk_stack_set_visible_child_name (self->page_stack, page);
  if (self->inputs[field] != NULL)
    gtk_widget_grab_focus (self->inputs[field]);
}

/* A labelled row of the details grid with its message line below. */
static void
add_field (CouncilProjectEditor *self, GtkGrid *grid, int *row, const char *mnemonic,
           GtkWidget *input, CouncilProjectField field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  GtkWidget *error = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_IS_DROP_DOWN (input) || GTK_IS_SPIN_BUTTON (input) || GTK_IS_ENTRY (input) || GTK_IS_CHECK_BUTTON (input) ? input : NULL);
  gtk_widget_set_hexpand (input, TRUE);
  gtk_grid_attach (grid, label, 0, *row, 1, 1);
  gtk_grid_attach (grid, input, 1, *row, 1, 1);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "field-error");
  gtk_widget_set_visible (error, FALSE);
  gtk_grid_attach (grid, error, 1, *row + 1, 1, 1);
  if (field != COUNCIL_PROJECT_FIELD_NONE)
    {
      self->inputs[field] = input;
      self->errors[field] = GTK_LABEL (error);
    }
  *row += 2;
}

static GtkWidget *
page_error_label (CouncilProjectEditor *self, CouncilProjectField field)
{
  GtkWidget *error = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "field-error");
  gtk_widget_set_visible (error, FALSE);
  self->errors[field] = GTK_LABEL (error);
  return error;
}

static void
on_name_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_name_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (name));
}

/* Organization names are long: the button shortens them, the pop-up does not. */
static GtkWidget *
new_org_drop (GtkStringList *names)
{
  GtkWidget *drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (button_factory, "setup", G_CALLBACK (on_name_setup_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (button_factory, "bind", G_CALLBACK (on_name_bind_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (on_name_setup_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (on_name_bind_cb), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop), button_factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop), list_factory);
  {
    /* The drop-down keeps its own reference. */
    g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
    gtk_drop_down_set_expression (GTK_DROP_DOWN (drop), expression);
  }
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop), TRUE);
  return drop;
}

static GtkWidget *
scrolled_page (GtkWidget *child)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_widget_set_margin_top (child, 12);
  gtk_widget_set_margin_bottom (child, 12);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  /* Wide rows (fund entries) scroll sideways rather than widen the editor. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), child);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

/* ---- action items (督办) linked to the project ---- */

static GtkWidget *
build_action_items (CouncilProjectEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  self->action_items_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->action_items_label, 0);
  gtk_label_set_wrap (self->action_items_label, TRUE);
  self->action_items_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->action_items_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->action_items_list), "boxed-list");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->action_items_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->action_items_list));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return scrolled_page (box);
}

static void
fill_action_items (CouncilProjectEditor *self, gint64 project_id)
{
  g_autofree char *today = council_iso_date_today ();
  g_autoptr(GListStore) items = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->action_items_list))) != NULL)
    gtk_list_box_remove (self->action_items_list, child);
  if (project_id > 0)
    items = council_store_list_action_items_for_project (self->store, project_id, today, NULL);
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
    {
      g_autoptr(CouncilActionItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      gtk_list_box_append (self->action_items_list, council_action_item_row_new (item, today));
      n++;
    }
  if (n == 0)
    summary = g_strdup (_("No action item of the council's meetings is linked to this project."));
  else
    summary = g_strdup_printf (ngettext ("%u action item of the council's meetings is linked to this project.",
                                         "%u action items of the council's meetings are linked to this project.", n), n);
  gtk_label_set_text (self->action_items_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->action_items_list), n > 0);
}


static guint
position_of_id (GArray *ids, gint64 id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static gint64
id_at (GArray *ids, guint pos)
{
  return pos != GTK_INVALID_LIST_POSITION && pos < ids->len ? g_array_index (ids, gint64, pos) : 0;
}

static GtkWidget *
remove_button (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
on_remove_row_clicked_cb (GtkButton *button, CouncilProjectEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (row)), row);
  mark_dirty (self);
}

static void
attach_remove (CouncilProjectEditor *self, GtkWidget *row, GtkWidget *button)
{
  g_object_set_data (G_OBJECT (button), "row", row);
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_row_clicked_cb), self);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* ---- partners ---- */

static void
add_partner_row (CouncilProjectEditor *self, CouncilProjectPartner *partner)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *org = new_org_drop (self->org_names);
  GtkWidget *role = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->role_names)), NULL);
  GtkWidget *remove = remove_button (_("Remove this partner"));

  gtk_widget_set_hexpand (org, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (org), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Partner organization"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (role), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Partner role"), -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (org), position_of_id (self->org_ids, council_project_partner_get_org_id (partner)));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (role), council_project_partner_get_role (partner));
  g_object_set_data_full (G_OBJECT (row), "partner", g_object_ref (partner), g_object_unref);
  g_object_set_data (G_OBJECT (row), "org", org);
  g_object_set_data (G_OBJECT (row), "role", role);
  watch_drop (self, org);
  watch_drop (self, role);
  attach_remove (self, row, remove);
  gtk_box_append (GTK_BOX (row), org);
  gtk_box_append (GTK_BOX (row), role);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_box_append (self->partners_box, row);
}

static void
on_add_partner_clicked_cb (GtkButton *button, CouncilProjectEditor *self)
{
  g_autoptr(CouncilProjectPartner) partner = council_project_partner_new (0, COUNCIL_PARTNER_ROLE_CO_ORGANIZER);

  add_partner_row (self, partner);
  mark_dirty (self);
}

static void
collect_partners (CouncilProjectEditor *self, CouncilProject *project)
{
  GListStore *partners = council_project_get_partners (project);

  g_list_store_remove_all (partners);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->partners_box)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      CouncilProjectPartner *partner = g_object_get_data (G_OBJECT (row), "partner");
      guint org_pos = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "org"));
      guint role_pos = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "role"));

      council_project_partner_set_org_id (partner, id_at (self->org_ids, org_pos));
      council_project_partner_set_role (partner, role_pos < COUNCIL_N_PARTNER_ROLES ? role_pos : 0);
      g_list_store_append (partners, partner);
    }
}

/* ---- liaison officers ---- */

static void
fill_liaisons (CouncilProjectEditor *self, CouncilProject *project)
{
  g_autoptr(GListStore) all = council_store_list_liaison_choices (self->store, TRUE, NULL);
  g_autoptr(GListStore) active = council_store_list_liaison_choices (self->store, FALSE, NULL);
  g_autoptr(GHashTable) active_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GArray *linked = council_project_get_liaison_ids (project);
  guint shown = 0;

  clear_box (self->liaisons_box);
  for (guint i = 0; active && i < g_list_model_get_n_items (G_LIST_MODEL (active)); i++)
    {
      g_autoptr(CouncilLiaisonChoice) c = g_list_model_get_item (G_LIST_MODEL (active), i);
      g_hash_table_add (active_ids, g_memdup2 (&(gint64) { council_liaison_choice_get_id (c) }, sizeof (gint64)));
    }
  for (guint i = 0; all && i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(CouncilLiaisonChoice) c = g_list_model_get_item (G_LIST_MODEL (all), i);
      gint64 id = council_liaison_choice_get_id (c);
      gboolean is_linked = FALSE;
      g_autofree char *text = NULL;
      GtkWidget *check;

      for (guint j = 0; linked && j < linked->len; j++)
        is_linked |= g_array_index (linked, gint64, j) == id;
      /* Officers of retired organizations show only where already linked. */
      if (!is_linked && !g_hash_table_contains (active_ids, &id))
        continue;
      /* Translators: a liaison officer: name, department, organization */
      text = g_strdup_printf (_("%s — %s, %s"), council_liaison_choice_get_name (c),
                              council_liaison_choice_get_department (c), council_liaison_choice_get_org_name (c));
      check = gtk_check_button_new ();
      {
        GtkWidget *label = gtk_label_new (text);
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_linked);
      g_object_set_data_full (G_OBJECT (check), "liaison-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_any_changed_cb), self);
      gtk_box_append (self->liaisons_box, check);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *label = gtk_label_new (_("The roster has no liaison officers yet."));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->liaisons_box, label);
    }
}

static void
collect_liaisons (CouncilProjectEditor *self, CouncilProject *project)
{
  GArray *ids = council_project_get_liaison_ids (project);

  g_array_set_size (ids, 0);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->liaisons_box)); c;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_CHECK_BUTTON (c) && gtk_check_button_get_active (GTK_CHECK_BUTTON (c)))
      council_project_add_liaison_id (project, *(gint64 *) g_object_get_data (G_OBJECT (c), "liaison-id"));
}

/* ---- milestones ---- */

static void
update_overdue (GtkWidget *row)
{
  GtkWidget *due = g_object_get_data (G_OBJECT (row), "due");
  GtkWidget *done = g_object_get_data (G_OBJECT (row), "done");
  GtkWidget *flag = g_object_get_data (G_OBJECT (row), "overdue");
  g_autofree char *today = council_iso_date_today ();
  const char *due_text = gtk_editable_get_text (GTK_EDITABLE (due));
  const char *done_text = gtk_editable_get_text (GTK_EDITABLE (done));

  gtk_widget_set_visible (flag, council_iso_date_is_valid (due_text) && *done_text == '\0' &&
                                strcmp (due_text, today) < 0);
}

static void
on_milestone_date_changed_cb (GtkEditable *editable, GtkWidget *row)
{
  update_overdue (row);
}

static void
add_milestone_row (CouncilProjectEditor *self, CouncilMilestone *milestone)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = new_entry (_("Milestone"), 16);
  GtkWidget *due = new_entry (_("Due YYYY-MM-DD"), 11);
  GtkWidget *done = new_entry (_("Done YYYY-MM-DD"), 11);
  GtkWidget *flag = gtk_label_new (_("Overdue"));
  GtkWidget *remove = remove_button (_("Remove this milestone"));

  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (flag, "alert-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Milestone title"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (due), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Due date"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (done), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done date"), -1);
  set_entry (GTK_ENTRY (title), council_milestone_get_title (milestone));
  set_entry (GTK_ENTRY (due), council_milestone_get_due_date (milestone));
  set_entry (GTK_ENTRY (done), council_milestone_get_done_date (milestone));
  g_object_set_data_full (G_OBJECT (row), "milestone", g_object_ref (milestone), g_object_unref);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "due", due);
  g_object_set_data (G_OBJECT (row), "done", done);
  g_object_set_data (G_OBJECT (row), "overdue", flag);
  watch_entry (self, title);
  watch_entry (self, due);
  watch_entry (self, done);
  g_signal_connect (due, "changed", G_CALLBACK (on_milestone_date_changed_cb), row);
  g_signal_connect (done, "changed", G_CALLBACK (on_milestone_date_changed_cb), row);
  attach_remove (self, row, remove);
  gtk_box_append (GTK_BOX (row), title);
  gtk_box_append (GTK_BOX (row), due);
  gtk_box_append (GTK_BOX (row), done);
  gtk_box_append (GTK_BOX (row), flag);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_box_append (self->milestones_box, row);
  update_overdue (row);
}

static void
on_add_milestone_clicked_cb (GtkButton *button, CouncilProjectEditor *self)
{
  g_autoptr(CouncilMilestone) milestone = council_milestone_new ("", "", "");

  add_milestone_row (self, milestone);
  mark_dirty (self);
}

static void
collect_milestones (CouncilProjectEditor *self, CouncilProject *project)
{
  GListStore *milestones = council_project_get_milestones (project);

  g_list_store_remove_all (milestones);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->milestones_box)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      CouncilMilestone *m = g_object_get_data (G_OBJECT (row), "milestone");

      council_milestone_set_title (m, gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "title")));
      council_milestone_set_due_date (m, gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "due")));
      council_milestone_set_done_date (m, gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "done")));
      g_list_store_append (milestones, m);
    }
}

/* ---- fund entries ---- */

static void
add_fund_row (CouncilProjectEditor *self, CouncilFundEntry *entry)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line1 = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *line2 = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *source = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->source_names)), NULL);
  GtkWidget *kind = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->kind_names)), NULL);
  GtkWidget *amount = new_entry (_("Amount, yuan"), 10);
  GtkWidget *date = new_entry (_("YYYY-MM-DD"), 11);
  GtkWidget *counterparty = new_entry (_("Payer or payee"), 12);
  GtkWidget *voucher = new_entry (_("Voucher no."), 8);
  GtkWidget *note = new_entry (_("Note"), 8);
  GtkWidget *remove = remove_button (_("Remove this fund entry"));
  g_autofree char *amount_text = fen_to_text (council_fund_entry_get_amount_fen (entry));

  gtk_accessible_update_property (GTK_ACCESSIBLE (source), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Source"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (amount), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Amount"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (date), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (source), council_fund_entry_get_source (entry));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), council_fund_entry_get_kind (entry));
  set_entry (GTK_ENTRY (amount), council_fund_entry_get_amount_fen (entry) > 0 ? amount_text : "");
  set_entry (GTK_ENTRY (date), council_fund_entry_get_entry_date (entry));
  set_entry (GTK_ENTRY (counterparty), council_fund_entry_get_counterparty (entry));
  set_entry (GTK_ENTRY (voucher), council_fund_entry_get_voucher_no (entry));
  set_entry (GTK_ENTRY (note), council_fund_entry_get_note (entry));
  gtk_widget_set_hexpand (source, TRUE);
  gtk_widget_set_hexpand (counterparty, TRUE);
  gtk_widget_set_hexpand (note, TRUE);
  g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (entry), g_object_unref);
  g_object_set_data (G_OBJECT (row), "source", source);
  g_object_set_data (G_OBJECT (row), "kind", kind);
  g_object_set_data (G_OBJECT (row), "amount", amount);
  g_object_set_data (G_OBJECT (row), "date", date);
  g_object_set_data (G_OBJECT (row), "counterparty", counterparty);
  g_object_set_data (G_OBJECT (row), "voucher", voucher);
  g_object_set_data (G_OBJECT (row), "note", note);
  watch_drop (self, source);
  watch_drop (self, kind);
  watch_entry (self, amount);
  watch_entry (self, date);
  watch_entry (self, counterparty);
  watch_entry (self, voucher);
  watch_entry (self, note);
  attach_remove (self, row, remove);
  gtk_box_append (GTK_BOX (line1), source);
  gtk_box_append (GTK_BOX (line1), kind);
  gtk_box_append (GTK_BOX (line1), amount);
  gtk_box_append (GTK_BOX (line1), date);
  gtk_box_append (GTK_BOX (line1), remove);
  gtk_box_append (GTK_BOX (line2), counterparty);
  gtk_box_append (GTK_BOX (line2), voucher);
  gtk_box_append (GTK_BOX (line2), note);
  gtk_box_append (GTK_BOX (row), line1);
  gtk_box_append (GTK_BOX (row), line2);
  gtk_box_append (GTK_BOX (row), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (self->funds_box, row);
}

static void
on_add_fund_clicked_cb (GtkButton *button, CouncilProjectEditor *self)
{
  g_autofree char *today = council_iso_date_today ();
  g_autoptr(CouncilFundEntry) entry = council_fund_entry_new (COUNCIL_FUND_SOURCE_GOV_PURCHASE,
                                                              COUNCIL_FUND_KIND_RAISED, 0, today);
  add_fund_row (self, entry);
  mark_dirty (self);
}

/* FALSE (with the amount marked) when an amount cannot be read. */
static gboolean
collect_funds (CouncilProjectEditor *self, CouncilProject *project)
{
  GListStore *entries = council_project_get_fund_entries (project);
  gboolean ok = TRUE;

  g_list_store_remove_all (entries);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->funds_box)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      CouncilFundEntry *e = g_object_get_data (G_OBJECT (row), "entry");
      GtkWidget *amount = g_object_get_data (G_OBJECT (row), "amount");
      guint source = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "source"));
      guint kind = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "kind"));
      g_autoptr(GError) error = NULL;
      gint64 fen = 0;

      if (!council_money_parse (gtk_editable_get_text (GTK_EDITABLE (amount)), &fen, &error))
        {
          gtk_widget_add_css_class (amount, "error");
          if (ok)
            {
              g_autofree char *message = g_strdup_printf (_("Fund entry amount: %s"), error->message);
              set_field_error (self, COUNCIL_PROJECT_FIELD_FUNDS, message);
            }
          ok = FALSE;
        }
      else
        gtk_widget_remove_css_class (amount, "error");
      council_fund_entry_set_source (e, source < COUNCIL_N_FUND_SOURCES ? source : 0);
      council_fund_entry_set_kind (e, kind < COUNCIL_N_FUND_KINDS ? kind : 0);
      council_fund_entry_set_amount_fen (e, fen);
      council_fund_entry_set_entry_date (e, gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "date")));
      council_fund_entry_set_counterparty (e, gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "counterparty")));
      council_fund_entry_set_voucher_no (e, gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "voucher")));
      council_fund_entry_set_note (e, gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "note")));
      g_list_store_append (entries, e);
    }
  return ok;
}

static void
show_fund_flags (CouncilProjectEditor *self, gint64 id)
{
  CouncilProjectRollup rollup = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *raised = NULL, *spent = NULL;

  if (id <= 0 || !council_store_get_project_rollup (self->store, id, &rollup, NULL))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->fund_flags_label), FALSE);
      return;
    }
  raised = council_money_format (rollup.raised_fen, council_ui_prefers_chinese ());
  spent = council_money_format (rollup.spent_fen, council_ui_prefers_chinese ());
  if (rollup.flags & COUNCIL_FUND_FLAG_SPENT_ABOVE_RAISED)
    /* Translators: a warning on the Funds tab: amounts spent and raised */
    g_string_append_printf (text, _("Spent (%s) is above raised (%s)."), spent, raised);
  if (rollup.flags & COUNCIL_FUND_FLAG_SPENT_OUTSIDE_DATES)
    {
      if (text->len)
        g_string_append_c (text, '\n');
      g_string_append (text, _("Some spending is dated outside the project’s dates."));
    }
  gtk_label_set_text (self->fund_flags_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->fund_flags_label), text->len > 0);
}

/* ---- brand page ---- */

static void
on_open_project_clicked_cb (GtkButton *button, CouncilProjectEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gint64 *id = g_object_get_data (G_OBJECT (button), "project-id");

  if (COUNCIL_IS_WINDOW (root) && id != NULL)
    council_window_show_project (COUNCIL_WINDOW (root), *id);
}

static void
on_unintegrate_clicked_cb (GtkButton *button, CouncilProjectEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = council_project_get_id (self->loaded);

  if (!council_store_unintegrate_project (self->store, id, &error))
    council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
  else
    {
      council_widget_show_message (GTK_WIDGET (self), _("Taken out of its brand. Press Ctrl+Z to undo."), FALSE);
      council_project_editor_load (self, id);
    }
}

static GtkWidget *
project_link (CouncilProjectEditor *self, gint64 id, const char *code, const char *title)
{
  g_autofree char *text = g_strdup_printf ("%s  %s", code, title);
  GtkWidget *button = gtk_button_new_with_label (text);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Open this project"));
  g_object_set_data_full (G_OBJECT (button), "project-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_open_project_clicked_cb), self);
  return button;
}

static void
add_brand_text (GtkBox *box, const char *text, const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css)
    gtk_widget_add_css_class (label, css);
  gtk_box_append (box, label);
}

static void
fill_brand_page (CouncilProjectEditor *self)
{
  gint64 id = council_project_get_id (self->loaded);
  gint64 into = council_project_get_integrated_into (self->loaded);
  g_autoptr(GListStore) sources = id > 0 ? council_store_list_integration_sources (self->store, id, NULL) : NULL;
  guint n = sources ? g_list_model_get_n_items (G_LIST_MODEL (sources)) : 0;
  gboolean chinese = council_ui_prefers_chinese ();

  clear_box (self->brand_page);
  if (into > 0)
    {
      g_autoptr(CouncilProject) brand = council_store_get_project (self->store, into, NULL);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Un-integrate"));

      add_brand_text (self->brand_page, _("This project is a source of the integrated brand:"), "heading");
      if (brand != NULL)
        gtk_box_append (self->brand_page, project_link (self, into, council_project_get_code (brand),
                                                        council_project_get_title (brand)));
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, _("Take this project out of its brand (Ctrl+Z undoes it)"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_unintegrate_clicked_cb), self);
      gtk_box_append (self->brand_page, button);
    }
  if (n > 0)
    {
      CouncilProjectRollup r = { 0 };
      g_autofree char *budget = NULL, *raised = NULL, *spent = NULL, *summary = NULL;
      g_autofree char *actual = NULL, *planned = NULL;

      add_brand_text (self->brand_page, _("Integrated brand of these source projects:"), "heading");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CouncilProject) s = g_list_model_get_item (G_LIST_MODEL (sources), i);
          gtk_box_append (self->brand_page, project_link (self, council_project_get_id (s),
                                                          council_project_get_code (s), council_project_get_title (s)));
        }
      if (council_store_get_project_rollup (self->store, id, &r, NULL))
        {
          budget = council_money_format (r.budget_fen, chinese);
          raised = council_money_format (r.raised_fen, chinese);
          spent = council_money_format (r.spent_fen, chinese);
          actual = g_strdup_printf ("%" G_GINT64_FORMAT, r.actual_beneficiaries);
          planned = g_strdup_printf ("%" G_GINT64_FORMAT, r.planned_beneficiaries);
          /* Translators: the roll-up of an integrated brand with its sources:
           * budget, raised, spent, actual and planned beneficiaries, status, health */
          summary = g_strdup_printf (_("With its sources: budget %s, raised %s, spent %s; "
                                       "%s of %s planned beneficiaries reached; status %s, health %s."),
                                     budget, raised, spent, actual, planned,
                                     council_project_status_label (r.status), council_project_health_label (r.health));
          add_brand_text (self->brand_page, summary, NULL);
        }
    }
  if (into == 0 && n == 0)
    add_brand_text (self->brand_page,
                    council_project_get_is_brand (self->loaded)
                      ? _("This brand project is not integrated. Select it with brand projects of other organizations in the list and choose Integration ▸ Integrate Selected…")
                      : _("Only brand projects can be integrated into a council-level brand."),
                    "dim-label");
}

/* ---- loading ---- */

static void
fill_org_choices (CouncilProjectEditor *self, CouncilProject *project)
{
  g_autoptr(GListStore) orgs = council_store_list_organizations (self->store, TRUE, NULL);
  GListModel *partners = G_LIST_MODEL (council_project_get_partners (project));
  gint64 none = 0;

  g_array_set_size (self->org_ids, 0);
  gtk_string_list_splice (self->org_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->org_names)), NULL);
  g_array_append_val (self->org_ids, none);
  gtk_string_list_append (self->org_names, _("(none)"));
  for (guint i = 0; orgs && i < g_list_model_get_n_items (G_LIST_MODEL (orgs)); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);
      gint64 id = council_organization_get_id (org);
      gboolean used = council_project_get_lead_org_id (project) == id;
      g_autofree char *name = NULL;

      for (guint j = 0; j < g_list_model_get_n_items (partners); j++)
        {
          g_autoptr(CouncilProjectPartner) p = g_list_model_get_item (partners, j);
          used |= council_project_partner_get_org_id (p) == id;
        }
      /* Retired organizations are not offered, only kept where already chosen. */
      if (council_organization_get_retired (org) && !used)
        continue;
      name = council_organization_get_retired (org)
             ? g_strdup_printf (_("%s (retired)"), council_organization_get_display_name (org))
             : g_strdup (council_organization_get_display_name (org));
      g_array_append_val (self->org_ids, id);
      gtk_string_list_append (self->org_names, name);
    }
}

static void
fill_categories (CouncilProjectEditor *self)
{
  g_autoptr(GListStore) cats = council_store_list_project_categories (self->store, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_array_set_size (self->category_ids, 0);
  for (guint i = 0; cats && i < g_list_model_get_n_items (G_LIST_MODEL (cats)); i++)
    {
      g_autoptr(CouncilProjectCategory) c = g_list_model_get_item (G_LIST_MODEL (cats), i);
      gint64 id = council_project_category_get_id (c);
      g_array_append_val (self->category_ids, id);
      gtk_string_list_append (names, council_project_category_get_label (c));
    }
  gtk_string_list_append (names, _("Add category…"));
  gtk_drop_down_set_model (self->category_drop, G_LIST_MODEL (names));
}

static void
fill_status_changes (CouncilProjectEditor *self, gint64 id)
{
  g_autoptr(GArray) changes = id > 0 ? council_store_list_project_status_changes (self->store, id, NULL) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; changes && i < changes->len; i++)
    {
      CouncilProjectStatusChange *c = &g_array_index (changes, CouncilProjectStatusChange, i);
      g_autofree char *date = council_format_display_date (c->changed_on);

      if (text->len)
        g_string_append (text, " → ");
      /* Translators: a status change: status and its date */
      g_string_append_printf (text, _("%s (%s)"), council_project_status_label (c->status), date);
    }
  gtk_label_set_text (self->status_changes_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->status_changes_label), text->len > 0);
}

static void
update_actions (CouncilProjectEditor *self)
{
  gboolean open = self->loaded != NULL;
  gboolean saved = open && council_project_get_id (self->loaded) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", open && self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.revert", open && (self->dirty || !saved));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", saved);
}

static void
fill_form (CouncilProjectEditor *self, CouncilProject *p)
{
  GListModel *list;
  g_autofree char *budget = fen_to_text (council_project_get_budget_fen (p));
  gint64 id = council_project_get_id (p);

  self->loading = TRUE;
  fill_categories (self);
  fill_org_choices (self, p);
  if (id > 0)
    {
      /* Translators: the editor's heading: project code and title */
      g_autofree char *heading = g_strdup_printf (_("%s  %s"), council_project_get_code (p), council_project_get_title (p));
      gtk_label_set_text (self->heading, heading);
    }
  else
    gtk_label_set_text (self->heading, _("New project"));
  set_entry (self->code_entry, council_project_get_code (p));
  set_entry (self->title_zh_entry, council_project_get_title_zh (p));
  set_entry (self->title_en_entry, council_project_get_title_en (p));
  self->last_category_pos = position_of_id (self->category_ids, council_project_get_category_id (p));
  gtk_drop_down_set_selected (self->category_drop, self->last_category_pos);
  {
    guint lead = position_of_id (self->org_ids, council_project_get_lead_org_id (p));
    gtk_drop_down_set_selected (self->lead_drop, lead == GTK_INVALID_LIST_POSITION ? 0 : lead);
  }
  set_entry (self->target_entry, council_project_get_target_group (p));
  set_entry (self->start_entry, council_project_get_start_date (p));
  set_entry (self->end_entry, council_project_get_end_date (p));
  gtk_drop_down_set_selected (self->status_drop, council_project_get_status (p));
  {
    g_autofree char *today = council_iso_date_today ();
    set_entry (self->status_date_entry, today);
  }
  update_status_date_row (self);
  gtk_drop_down_set_selected (self->health_drop, council_project_get_health (p));
  set_entry (self->budget_entry, id > 0 || council_project_get_budget_fen (p) > 0 ? budget : "");
  gtk_spin_button_set_value (self->planned_spin, council_project_get_planned_beneficiaries (p));
  gtk_spin_button_set_value (self->actual_spin, council_project_get_actual_beneficiaries (p));
  gtk_check_button_set_active (self->brand_check, council_project_get_is_brand (p));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view), council_project_get_description (p), -1);
  fill_status_changes (self, id);

  clear_box (self->partners_box);
  list = G_LIST_MODEL (council_project_get_partners (p));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CouncilProjectPartner) partner = g_list_model_get_item (list, i);
      add_partner_row (self, partner);
    }
  fill_liaisons (self, p);
  clear_box (self->milestones_box);
  list = G_LIST_MODEL (council_project_get_milestones (p));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CouncilMilestone) m = g_list_model_get_item (list, i);
      add_milestone_row (self, m);
    }
  clear_box (self->funds_box);
  list = G_LIST_MODEL (council_project_get_fund_entries (p));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CouncilFundEntry) e = g_list_model_get_item (list, i);
      add_fund_row (self, e);
    }
  show_fund_flags (self, id);
  fill_brand_page (self);
  council_history_list_set_record (self->history, id > 0 ? self->store : NULL, id > 0 ? "project" : NULL, id);
  fill_action_items (self, id);
  clear_field_errors (self);
  self->loading = FALSE;
  self->dirty = FALSE;
  schedule_draft (self);
  update_actions (self);
}

gboolean
council_project_editor_load (CouncilProjectEditor *self, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilProject) project = NULL;

  g_return_val_if_fail (COUNCIL_IS_PROJECT_EDITOR (self), FALSE);

  if (id == COUNCIL_PROJECT_EDITOR_NONE)
    {
      self->dirty = FALSE;
      schedule_draft (self);
      g_clear_object (&self->loaded);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      update_actions (self);
      return TRUE;
    }
  if (id == COUNCIL_PROJECT_EDITOR_NEW)
    {
      g_autofree char *today = council_iso_date_today ();
      project = council_project_new ();
      council_project_set_start_date (project, today);
      council_project_set_has_details (project, TRUE);
    }
  else
    project = council_store_get_project (self->store, id, &error);
  if (project == NULL)
    {
      council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return FALSE;
    }
  g_set_object (&self->loaded, project);
  fill_form (self, project);
  gtk_stack_set_visible_child_name (self->main_stack, "form");
  if (id == COUNCIL_PROJECT_EDITOR_NEW)
    gtk_stack_set_visible_child_name (self->page_stack, "details");
  return TRUE;
}

/* ---- saving ---- */

/* The form's text and choice fields into @p: all but the amounts, the
 * beneficiary counts and the lists, which saving and drafts read each
 * their own way. */
static void
collect_plain_fields (CouncilProjectEditor *self, CouncilProject *p)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;
  g_autofree char *description = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  council_project_set_code (p, entry_text (self->code_entry));
  council_project_set_title_zh (p, entry_text (self->title_zh_entry));
  council_project_set_title_en (p, entry_text (self->title_en_entry));
  council_project_set_category_id (p, id_at (self->category_ids, gtk_drop_down_get_selected (self->category_drop)));
  council_project_set_lead_org_id (p, id_at (self->org_ids, gtk_drop_down_get_selected (self->lead_drop)));
  council_project_set_target_group (p, entry_text (self->target_entry));
  council_project_set_start_date (p, entry_text (self->start_entry));
  council_project_set_end_date (p, entry_text (self->end_entry));
  council_project_set_status (p, MIN (gtk_drop_down_get_selected (self->status_drop), COUNCIL_PROJECT_N_STATUSES - 1));
  council_project_set_status_changed_on (p, entry_text (self->status_date_entry));
  council_project_set_health (p, MIN (gtk_drop_down_get_selected (self->health_drop), COUNCIL_PROJECT_N_HEALTHS - 1));
  council_project_set_is_brand (p, gtk_check_button_get_active (self->brand_check));
  council_project_set_description (p, description);
}

/* The form's values into @p; FALSE when a typed amount cannot be read (marked). */
static gboolean
collect_form (CouncilProjectEditor *self, CouncilProject *p)
{
  g_autoptr(GError) error = NULL;
  gint64 budget = 0;
  gboolean ok = TRUE;

  gtk_spin_button_update (self->planned_spin);
  gtk_spin_button_update (self->actual_spin);
  collect_plain_fields (self, p);
  if (*entry_text (self->budget_entry) == '\0')
    council_project_set_budget_fen (p, 0);
  else if (council_money_parse (entry_text (self->budget_entry), &budget, &error))
    council_project_set_budget_fen (p, budget);
  else
    {
      set_field_error (self, COUNCIL_PROJECT_FIELD_BUDGET, error->message);
      ok = FALSE;
    }
  council_project_set_planned_beneficiaries (p, gtk_spin_button_get_value_as_int (self->planned_spin));
  council_project_set_actual_beneficiaries (p, gtk_spin_button_get_value_as_int (self->actual_spin));
  collect_partners (self, p);
  collect_liaisons (self, p);
  collect_milestones (self, p);
  return collect_funds (self, p) && ok;
}

/* Marks every field the core refuses; returns the first one, or NONE. */
static CouncilProjectField
check_form (CouncilProjectEditor *self, CouncilProject *p)
{
  CouncilProjectField first = COUNCIL_PROJECT_FIELD_NONE;

  for (int f = 1; f < COUNCIL_PROJECT_N_FIELDS; f++)
    {
      g_autoptr(GError) error = NULL;

      if ((f == COUNCIL_PROJECT_FIELD_BUDGET || f == COUNCIL_PROJECT_FIELD_FUNDS) &&
          self->errors[f] != NULL && gtk_widget_get_visible (GTK_WIDGET (self->errors[f])))
        {
          /* An amount that could not be read is already marked. */
          if (first == COUNCIL_PROJECT_FIELD_NONE)
            first = f;
          continue;
        }
      if (!council_project_check_field (p, f, &error))
        {
          set_field_error (self, f, error->message);
          if (first == COUNCIL_PROJECT_FIELD_NONE)
            first = f;
        }
    }
  return first;
}

static void
on_conflict_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilProjectEditor *self = COUNCIL_PROJECT_EDITOR (user_data);

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (self->loaded == NULL)
    return;
  if (response == GTK_RESPONSE_REJECT)
    council_project_editor_load (self, council_project_get_id (self->loaded));
  else if (response == GTK_RESPONSE_ACCEPT)
    {
      /* Overwrite: the current version becomes the base; every typed value stays. */
      g_autoptr(CouncilProject) current = council_store_get_project (self->store, council_project_get_id (self->loaded), NULL);

      if (current == NULL)
        {
          council_project_set_id (self->loaded, 0);
          council_project_set_version (self->loaded, 0);
        }
      else
        council_project_set_version (self->loaded, council_project_get_version (current));
      council_project_editor_save (self);
    }
}

static void
ask_about_conflict (CouncilProjectEditor *self)
{
  GtkWidget *dialog =
    gtk_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                            GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                            GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE, "%s",
                            _("This project was changed elsewhere"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    _("Someone saved this project after you opened it. Reload to see their version (your edits are lost), or overwrite it with yours."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Reload"), GTK_RESPONSE_REJECT,
                          _("_Cancel"), GTK_RESPONSE_CANCEL, _("_Overwrite"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
council_project_editor_save (CouncilProjectEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  CouncilProjectField bad;
  gint64 id;

  g_return_val_if_fail (COUNCIL_IS_PROJECT_EDITOR (self), FALSE);
  if (self->loaded == NULL)
    return FALSE;

  clear_field_errors (self);
  collect_form (self, self->loaded);
  bad = check_form (self, self->loaded);
  if (bad != COUNCIL_PROJECT_FIELD_NONE)
    {
      reveal_field (self, bad);
      return FALSE;
    }
  if (!council_store_save_project (self->store, self->loaded, &error))
    {
      if (error->domain == COUNCIL_VALIDATION_ERROR && error->code > 0 && error->code < COUNCIL_PROJECT_N_FIELDS)
        {
          set_field_error (self, error->code, error->message);
          reveal_field (self, error->code);
        }
      else if (g_error_matches (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT))
        ask_about_conflict (self);
      else
        council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return FALSE;
    }
  id = council_project_get_id (self->loaded);
  message = g_strdup_printf (_("Saved “%s”."), council_project_get_code (self->loaded));
  council_project_editor_load (self, id);
  council_widget_show_message (GTK_WIDGET (self), message, FALSE);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  return TRUE;
}

/* ---- drafts: typed text survives a crash ---- */

/* The form as it stands, in a new project (the loaded one is not touched
 * and no field is marked); the amounts as typed go to @budget_text and
 * @fund_texts. */
static CouncilProject *
snapshot_form (CouncilProjectEditor *self, char **budget_text, GStrv *fund_texts)
{
  CouncilProject *p = council_project_new ();
  g_autoptr(GStrvBuilder) amounts = g_strv_builder_new ();
  gint64 fen = 0;

  council_project_set_id (p, council_project_get_id (self->loaded));
  council_project_set_version (p, council_project_get_version (self->loaded));
  collect_plain_fields (self, p);
  if (council_money_parse (entry_text (self->budget_entry), &fen, NULL))
    council_project_set_budget_fen (p, fen);
  *budget_text = g_strdup (entry_text (self->budget_entry));
  /* The spin buttons' text, which may not be committed yet. */
  council_project_set_planned_beneficiaries (p, atoi (gtk_editable_get_text (GTK_EDITABLE (self->planned_spin))));
  council_project_set_actual_beneficiaries (p, atoi (gtk_editable_get_text (GTK_EDITABLE (self->actual_spin))));
  collect_liaisons (self, p);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->partners_box)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      CouncilProjectPartner *old = g_object_get_data (G_OBJECT (row), "partner");
      guint org_pos = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "org"));
      guint role_pos = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "role"));
      g_autoptr(CouncilProjectPartner) partner =
        council_project_partner_new (id_at (self->org_ids, org_pos), role_pos < COUNCIL_N_PARTNER_ROLES ? role_pos : 0);

      council_project_partner_set_id (partner, council_project_partner_get_id (old));
      g_list_store_append (council_project_get_partners (p), partner);
    }
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->milestones_box)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      CouncilMilestone *old = g_object_get_data (G_OBJECT (row), "milestone");
      g_autoptr(CouncilMilestone) m =
        council_milestone_new (gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "title")),
                               gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "due")),
                               gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "done")));

      council_milestone_set_id (m, council_milestone_get_id (old));
      g_list_store_append (council_project_get_milestones (p), m);
    }
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->funds_box)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      CouncilFundEntry *old = g_object_get_data (G_OBJECT (row), "entry");
      const char *amount = gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "amount"));
      guint source = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "source"));
      guint kind = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "kind"));
      g_autoptr(CouncilFundEntry) e = NULL;

      fen = 0;
      council_money_parse (amount, &fen, NULL);
      e = council_fund_entry_new (source < COUNCIL_N_FUND_SOURCES ? source : 0, kind < COUNCIL_N_FUND_KINDS ? kind : 0,
                                  fen, gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "date")));
      council_fund_entry_set_id (e, council_fund_entry_get_id (old));
      council_fund_entry_set_counterparty (e, gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "counterparty")));
      council_fund_entry_set_voucher_no (e, gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "voucher")));
      council_fund_entry_set_note (e, gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "note")));
      g_list_store_append (council_project_get_fund_entries (p), e);
      g_strv_builder_add (amounts, amount);
    }
  *fund_texts = g_strv_builder_end (amounts);
  return p;
}

static CouncilDraft *
make_draft (gpointer owner)
{
  CouncilProjectEditor *self = owner;
  g_autoptr(CouncilProject) form = NULL;
  g_autofree char *budget = NULL;
  g_auto(GStrv) amounts = NULL;
  g_autofree char *title = NULL;

  if (self->loaded == NULL || !self->dirty)
    return NULL;
  form = snapshot_form (self, &budget, &amounts);
  {
    CouncilProject *named = council_project_get_id (self->loaded) > 0 ? self->loaded : form;
    const char *code = council_project_get_code (named);
    const char *name = council_project_get_title (named);

    title = *code && *name ? g_strdup_printf ("%s %s", code, name) : g_strdup (*code ? code : name);
  }
  return council_draft_new_for_project (form, council_project_get_version (self->loaded), title,
                                        budget, (const char * const *) amounts);
}

/* Dirty: (re)write the draft a second after the last edit. Clean again
 * (saved, reverted, another record opened): the draft this editor wrote goes. */
static void
schedule_draft (CouncilProjectEditor *self)
{
  if (self->dirty && self->loaded != NULL)
    council_draft_keeper_schedule (&self->drafts);
  else
    council_draft_keeper_discard (&self->drafts);
}

gboolean
council_project_editor_restore_draft (CouncilProjectEditor *self, CouncilDraft *draft)
{
  g_autoptr(CouncilProject) form = NULL;
  g_autofree char *budget = NULL;
  g_auto(GStrv) amounts = NULL;
  guint i = 0;

  g_return_val_if_fail (COUNCIL_IS_PROJECT_EDITOR (self), FALSE);
  g_return_val_if_fail (g_strcmp0 (draft->kind, "project") == 0, FALSE);

  if (draft->record_id > 0)
    {
      g_autoptr(CouncilProject) stored = council_store_get_project (self->store, draft->record_id, NULL);

      if (stored == NULL)
        return FALSE;   /* deleted since: the offer says so */
    }
  if (!council_project_editor_load (self, draft->record_id > 0 ? draft->record_id : COUNCIL_PROJECT_EDITOR_NEW) ||
      self->loaded == NULL)
    return FALSE;
  /* Saved over the version the edit started from, so that a change made
   * since then is a conflict the person decides about. */
  if (draft->record_id > 0 && draft->version > 0)
    council_project_set_version (self->loaded, draft->version);
  form = council_project_new ();
  council_project_set_id (form, council_project_get_id (self->loaded));
  council_project_set_version (form, council_project_get_version (self->loaded));
  council_draft_apply_to_project (draft, form, &budget, &amounts);
  fill_form (self, form);
  self->loading = TRUE;
  if (budget != NULL)
    set_entry (self->budget_entry, budget);
  if (*council_project_get_status_changed_on (form) != '\0')
    set_entry (self->status_date_entry, council_project_get_status_changed_on (form));
  update_status_date_row (self);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->funds_box)); row && amounts && amounts[i];
       row = gtk_widget_get_next_sibling (row), i++)
    gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "amount"), amounts[i]);
  self->loading = FALSE;
  self->dirty = TRUE;
  council_draft_keeper_adopt (&self->drafts, draft->record_id);
  gtk_stack_set_visible_child_name (self->main_stack, "form");
  gtk_stack_set_visible_child_name (self->page_stack, "details");
  update_actions (self);
  return TRUE;
}

void
council_project_editor_discard_draft (CouncilProjectEditor *self)
{
  g_return_if_fail (COUNCIL_IS_PROJECT_EDITOR (self));
  council_draft_keeper_discard (&self->drafts);
}

/* ---- category ---- */

static void
on_add_category_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilProjectEditor *self = COUNCIL_PROJECT_EDITOR (user_data);
  GtkEditable *zh = g_object_get_data (G_OBJECT (dialog), "zh");
  GtkEditable *en = g_object_get_data (G_OBJECT (dialog), "en");
  GtkLabel *error_label = g_object_get_data (G_OBJECT (dialog), "error");
  gboolean was_loading = self->loading;
  gint64 id = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GError) error = NULL;

      id = council_store_add_project_category (self->store, gtk_editable_get_text (zh),
                                               gtk_editable_get_text (en), &error);
      if (id == 0)
        {
          gtk_label_set_text (error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
          return;
        }
    }
  self->loading = TRUE;
  fill_categories (self);
  self->loading = was_loading;
  if (id > 0)
    self->last_category_pos = position_of_id (self->category_ids, id);
  gtk_drop_down_set_selected (self->category_drop, self->last_category_pos);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
run_add_category_dialog (CouncilProjectEditor *self)
{
  GtkWidget *dialog = gtk_dialog_new_with_buttons (_("Add Category"),
                                                   GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT | GTK_DIALOG_USE_HEADER_BAR,
                                                   _("_Cancel"), GTK_RESPONSE_CANCEL,
                                                   _("_Add"), GTK_RESPONSE_ACCEPT, NULL);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *zh = gtk_entry_new ();
  GtkWidget *en = gtk_entry_new ();
  GtkWidget *error = gtk_label_new (NULL);
  GtkWidget *label;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  label = gtk_label_new_with_mnemonic (_("Name in _Chinese"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), zh);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), zh, 1, 0, 1, 1);
  label = gtk_label_new_with_mnemonic (_("Name in _English"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), en);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), en, 1, 1, 1, 1);
  gtk_widget_add_css_class (error, "field-error");
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_set_visible (error, FALSE);
  gtk_grid_attach (GTK_GRID (grid), error, 1, 2, 1, 1);
  gtk_box_append (GTK_BOX (gtk_dialog_get_content_area (GTK_DIALOG (dialog))), grid);
  g_object_set_data (G_OBJECT (dialog), "zh", zh);
  g_object_set_data (G_OBJECT (dialog), "en", en);
  g_object_set_data (G_OBJECT (dialog), "error", error);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_category_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_category_selected_cb (GtkDropDown *drop, GParamSpec *pspec, CouncilProjectEditor *self)
{
  guint pos = gtk_drop_down_get_selected (drop);

  if (self->loading)
    return;
  if (pos != GTK_INVALID_LIST_POSITION && pos == self->category_ids->len)
    {
      run_add_category_dialog (self);
      return;
    }
  self->last_category_pos = pos;
  mark_dirty (self);
}

/* ---- actions ---- */

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  council_project_editor_save (COUNCIL_PROJECT_EDITOR (widget));
}

static void
revert_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilProjectEditor *self = COUNCIL_PROJECT_EDITOR (widget);
  gint64 id = self->loaded ? council_project_get_id (self->loaded) : 0;

  council_project_editor_load (self, id > 0 ? id : COUNCIL_PROJECT_EDITOR_NONE);
}

static void
on_delete_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilProjectEditor *self = COUNCIL_PROJECT_EDITOR (user_data);
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT || self->loaded == NULL)
    return;
  if (!council_store_delete_project (self->store, council_project_get_id (self->loaded), &error))
    {
      council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return;
    }
  council_project_editor_load (self, COUNCIL_PROJECT_EDITOR_NONE);
  council_widget_show_message (GTK_WIDGET (self), _("Project deleted. Press Ctrl+Z to undo."), FALSE);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilProjectEditor *self = COUNCIL_PROJECT_EDITOR (widget);
  GtkWidget *dialog;

  if (self->loaded == NULL || council_project_get_id (self->loaded) <= 0)
    return;
  dialog = gtk_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Delete the project “%s”?"), council_project_get_code (self->loaded));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    _("Its partners, milestones and fund entries are deleted with it; the sources of a brand are released. Ctrl+Z undoes it."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Delete"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the form ---- */

static GtkWidget *
drop_of_labels (const char *(*label) (int), int n)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (int i = 0; i < n; i++)
    gtk_string_list_append (names, label (i));
  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
}

static const char *status_label (int i) { return council_project_status_label (i); }
static const char *health_label (int i) { return council_project_health_label (i); }

static GtkWidget *
section_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
add_button (const char *mnemonic, GCallback callback, CouncilProjectEditor *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
build_details (CouncilProjectEditor *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *desc_scrolled = gtk_scrolled_window_new ();
  GtkWidget *status_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  int row = 0;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  self->code_entry = GTK_ENTRY (new_entry ("QT-2026-001", 14));
  self->title_zh_entry = GTK_ENTRY (new_entry (NULL, 0));
  self->title_en_entry = GTK_ENTRY (new_entry (_("Optional"), 0));
  self->category_drop = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->lead_drop = GTK_DROP_DOWN (new_org_drop (self->org_names));
  self->target_entry = GTK_ENTRY (new_entry (_("e.g. migrant workers, left-behind children"), 0));
  self->start_entry = GTK_ENTRY (new_entry (_("YYYY-MM-DD"), 11));
  self->end_entry = GTK_ENTRY (new_entry (_("YYYY-MM-DD"), 11));
  self->status_drop = GTK_DROP_DOWN (drop_of_labels (status_label, COUNCIL_PROJECT_N_STATUSES));
  self->status_changes_label = GTK_LABEL (gtk_label_new (NULL));
  self->health_drop = GTK_DROP_DOWN (drop_of_labels (health_label, COUNCIL_PROJECT_N_HEALTHS));
  self->budget_entry = GTK_ENTRY (new_entry (_("e.g. 125000 or 12.5万"), 14));
  self->planned_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 10000000, 1));
  self->actual_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 10000000, 1));
  self->brand_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Brand project")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->brand_check), _("A brand project can be integrated into a council-level brand"));
  self->description_view = GTK_TEXT_VIEW (gtk_text_view_new ());

  gtk_label_set_xalign (self->status_changes_label, 0);
  gtk_label_set_wrap (self->status_changes_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_changes_label), "dim-label");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_changes_label), _("Each change of status with its date"));
  gtk_box_append (GTK_BOX (status_box), GTK_WIDGET (self->status_drop));
  {
    GtkWidget *label = gtk_label_new_with_mnemonic (_("Changed _on"));

    self->status_date_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    self->status_date_entry = GTK_ENTRY (new_entry (_("YYYY-MM-DD"), 11));
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_date_entry),
                                 _("The date of this change of status, recorded in the history of statuses"));
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->status_date_entry));
    gtk_box_append (GTK_BOX (self->status_date_row), label);
    gtk_box_append (GTK_BOX (self->status_date_row), GTK_WIDGET (self->status_date_entry));
    gtk_box_append (GTK_BOX (status_box), self->status_date_row);
    g_signal_connect_swapped (self->status_drop, "notify::selected", G_CALLBACK (update_status_date_row), self);
  }
  gtk_box_append (GTK_BOX (status_box), GTK_WIDGET (self->status_changes_label));
  gtk_text_view_set_wrap_mode (self->description_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->description_view, 6);
  gtk_text_view_set_right_margin (self->description_view, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->description_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Description"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (desc_scrolled), GTK_WIDGET (self->description_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (desc_scrolled), 90);
  gtk_frame_set_child (GTK_FRAME (frame), desc_scrolled);

  add_field (self, GTK_GRID (grid), &row, _("C_ode"), GTK_WIDGET (self->code_entry), COUNCIL_PROJECT_FIELD_CODE);
  add_field (self, GTK_GRID (grid), &row, _("_Title (Chinese)"), GTK_WIDGET (self->title_zh_entry), COUNCIL_PROJECT_FIELD_TITLE_ZH);
  add_field (self, GTK_GRID (grid), &row, _("Title (_English)"), GTK_WIDGET (self->title_en_entry), COUNCIL_PROJECT_FIELD_TITLE_EN);
  add_field (self, GTK_GRID (grid), &row, _("C_ategory"), GTK_WIDGET (self->category_drop), COUNCIL_PROJECT_FIELD_CATEGORY);
  add_field (self, GTK_GRID (grid), &row, _("_Lead organization"), GTK_WIDGET (self->lead_drop), COUNCIL_PROJECT_FIELD_LEAD);
  add_field (self, GTK_GRID (grid), &row, _("Target _group"), GTK_WIDGET (self->target_entry), COUNCIL_PROJECT_FIELD_TARGET_GROUP);
  add_field (self, GTK_GRID (grid), &row, _("_Start"), GTK_WIDGET (self->start_entry), COUNCIL_PROJECT_FIELD_START_DATE);
  add_field (self, GTK_GRID (grid), &row, _("_End"), GTK_WIDGET (self->end_entry), COUNCIL_PROJECT_FIELD_END_DATE);
  add_field (self, GTK_GRID (grid), &row, _("Stat_us"), status_box, COUNCIL_PROJECT_FIELD_STATUS);
  add_field (self, GTK_GRID (grid), &row, _("_Health"), GTK_WIDGET (self->health_drop), COUNCIL_PROJECT_FIELD_HEALTH);
  add_field (self, GTK_GRID (grid), &row, _("_Budget"), GTK_WIDGET (self->budget_entry), COUNCIL_PROJECT_FIELD_BUDGET);
  add_field (self, GTK_GRID (grid), &row, _("_Planned beneficiaries"), GTK_WIDGET (self->planned_spin), COUNCIL_PROJECT_FIELD_PLANNED_BENEFICIARIES);
  add_field (self, GTK_GRID (grid), &row, _("Actual bene_ficiaries"), GTK_WIDGET (self->actual_spin), COUNCIL_PROJECT_FIELD_ACTUAL_BENEFICIARIES);
  add_field (self, GTK_GRID (grid), &row, "", GTK_WIDGET (self->brand_check), COUNCIL_PROJECT_FIELD_NONE);
  add_field (self, GTK_GRID (grid), &row, _("_Description"), frame, COUNCIL_PROJECT_FIELD_DESCRIPTION);
  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, row - 2)),
                                 GTK_WIDGET (self->description_view));

  watch_entry (self, GTK_WIDGET (self->code_entry));
  watch_entry (self, GTK_WIDGET (self->title_zh_entry));
  watch_entry (self, GTK_WIDGET (self->title_en_entry));
  watch_entry (self, GTK_WIDGET (self->target_entry));
  watch_entry (self, GTK_WIDGET (self->start_entry));
  watch_entry (self, GTK_WIDGET (self->end_entry));
  watch_entry (self, GTK_WIDGET (self->budget_entry));
  watch_drop (self, GTK_WIDGET (self->lead_drop));
  watch_drop (self, GTK_WIDGET (self->status_drop));
  watch_drop (self, GTK_WIDGET (self->health_drop));
  g_signal_connect (self->category_drop, "notify::selected", G_CALLBACK (on_category_selected_cb), self);
  g_signal_connect (self->planned_spin, "value-changed", G_CALLBACK (on_any_changed_cb), self);
  g_signal_connect (self->actual_spin, "value-changed", G_CALLBACK (on_any_changed_cb), self);
  g_signal_connect (self->brand_check, "toggled", G_CALLBACK (on_any_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->description_view), "changed", G_CALLBACK (on_any_changed_cb), self);
  return scrolled_page (grid);
}

static GtkWidget *
build_partners (CouncilProjectEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *page;

  self->partners_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  self->liaisons_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  gtk_box_append (GTK_BOX (box), section_heading (_("Partner organizations")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->partners_box));
  gtk_box_append (GTK_BOX (box), page_error_label (self, COUNCIL_PROJECT_FIELD_PARTNERS));
  gtk_box_append (GTK_BOX (box), add_button (_("Add _partner"), G_CALLBACK (on_add_partner_clicked_cb), self));
  gtk_box_append (GTK_BOX (box), section_heading (_("Liaison officers")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->liaisons_box));
  gtk_box_append (GTK_BOX (box), page_error_label (self, COUNCIL_PROJECT_FIELD_LIAISONS));
  self->inputs[COUNCIL_PROJECT_FIELD_PARTNERS] = GTK_WIDGET (self->partners_box);
  page = scrolled_page (box);
  /* The officers' labels wrap: this page never needs to scroll sideways. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (page), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  return page;
}

static GtkWidget *
build_milestones (CouncilProjectEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->milestones_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->milestones_box));
  gtk_box_append (GTK_BOX (box), page_error_label (self, COUNCIL_PROJECT_FIELD_MILESTONES));
  gtk_box_append (GTK_BOX (box), add_button (_("Add _milestone"), G_CALLBACK (on_add_milestone_clicked_cb), self));
  return scrolled_page (box);
}

static GtkWidget *
build_funds (CouncilProjectEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->fund_flags_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->fund_flags_label, 0);
  gtk_label_set_wrap (self->fund_flags_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->fund_flags_label), "alert-row");
  gtk_widget_set_visible (GTK_WIDGET (self->fund_flags_label), FALSE);
  self->funds_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->fund_flags_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->funds_box));
  gtk_box_append (GTK_BOX (box), page_error_label (self, COUNCIL_PROJECT_FIELD_FUNDS));
  gtk_box_append (GTK_BOX (box), add_button (_("Add _fund entry"), G_CALLBACK (on_add_fund_clicked_cb), self));
  return scrolled_page (box);
}

static void
build_form (CouncilProjectEditor *self)
{
  GtkWidget *empty = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label, *button, *brand_box, *switcher_scroll;

  self->main_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->main_stack), GTK_WIDGET (self));

  gtk_widget_set_valign (empty, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (empty, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (empty, 24);
  gtk_widget_set_margin_end (empty, 24);
  label = gtk_label_new (_("No project selected"));
  gtk_widget_add_css_class (label, "title-2");
  gtk_box_append (GTK_BOX (empty), label);
  label = gtk_label_new (_("Select a project in the list to see and edit it, or add a new one."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (empty), label);
  gtk_stack_add_named (self->main_stack, empty, "empty");

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_ellipsize (self->heading, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->heading), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "title-3");
  gtk_widget_set_margin_top (top, 12);
  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 12);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->heading));

  self->page_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page_stack), TRUE);
  gtk_stack_add_titled (self->page_stack, build_details (self), "details", _("Details"));
  gtk_stack_add_titled (self->page_stack, build_partners (self), "partners", _("Partners"));
  gtk_stack_add_titled (self->page_stack, build_milestones (self), "milestones", _("Milestones"));
  gtk_stack_add_titled (self->page_stack, build_funds (self), "funds", _("Funds"));
  brand_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->brand_page = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (GTK_BOX (brand_box), GTK_WIDGET (self->brand_page));
  gtk_box_append (GTK_BOX (brand_box), page_error_label (self, COUNCIL_PROJECT_FIELD_INTEGRATED_INTO));
  gtk_stack_add_titled (self->page_stack, scrolled_page (brand_box), "brand", _("Brand"));
  self->history = COUNCIL_HISTORY_LIST (council_history_list_new ());
  gtk_stack_add_titled (self->page_stack, build_action_items (self), "actions", _("Action Items"));
  gtk_stack_add_titled (self->page_stack, GTK_WIDGET (self->history), "history", _("History"));
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->page_stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  /* Each tab as wide as its title, not as the widest ("Action Items"):
   * all seven fit the editor beside the list (style.css narrows them). */
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (switcher)), FALSE);
  /* In a narrower editor the tabs scroll. */
  switcher_scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (switcher_scroll), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (switcher_scroll), switcher);
  gtk_widget_set_margin_start (switcher_scroll, 12);
  gtk_widget_set_margin_end (switcher_scroll, 12);

  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_widget_set_margin_bottom (buttons, 12);
  button = gtk_button_new_with_mnemonic (_("_Delete…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.delete");
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_box_append (GTK_BOX (buttons), button);
  label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (buttons), label);
  button = gtk_button_new_with_mnemonic (_("_Revert"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.revert");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_tooltip_text (button, _("Save (Ctrl+S)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.save");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), button);

  gtk_box_append (GTK_BOX (form), top);
  gtk_box_append (GTK_BOX (form), switcher_scroll);
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->page_stack));
  gtk_box_append (GTK_BOX (form), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (form), buttons);
  gtk_stack_add_named (self->main_stack, form, "form");
}

/* ---- public ---- */

gint64
council_project_editor_get_project_id (CouncilProjectEditor *self)
{
  if (self->loaded == NULL)
    return COUNCIL_PROJECT_EDITOR_NONE;
  return council_project_get_id (self->loaded);
}

gboolean
council_project_editor_has_unsaved_changes (CouncilProjectEditor *self)
{
  return self->loaded != NULL && self->dirty;
}

void
council_project_editor_focus_first_field (CouncilProjectEditor *self)
{
  if (self->loaded == NULL)
    return;
  gtk_stack_set_visible_child_name (self->page_stack, "details");
  gtk_widget_grab_focus (council_project_get_id (self->loaded) > 0
                         ? GTK_WIDGET (self->title_zh_entry) : GTK_WIDGET (self->code_entry));
}

GtkEditable *council_project_editor_get_budget_entry (CouncilProjectEditor *self) { return GTK_EDITABLE (self->budget_entry); }
GtkEditable *council_project_editor_get_status_date_entry (CouncilProjectEditor *self) { return GTK_EDITABLE (self->status_date_entry); }
GtkDropDown *council_project_editor_get_status_drop (CouncilProjectEditor *self) { return self->status_drop; }
const char *council_project_editor_get_status_changes_text (CouncilProjectEditor *self) { return gtk_label_get_text (self->status_changes_label); }
GtkEditable *council_project_editor_get_title_entry (CouncilProjectEditor *self) { return GTK_EDITABLE (self->title_zh_entry); }

const char *
council_project_editor_get_field_error (CouncilProjectEditor *self, int field)
{
  g_return_val_if_fail (field > 0 && field < COUNCIL_PROJECT_N_FIELDS, NULL);
  if (self->errors[field] == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->errors[field])))
    return NULL;
  return gtk_label_get_text (self->errors[field]);
}

/* ---- life cycle ---- */

static void
on_store_changed_cb (CouncilStore *store, const char *table, CouncilProjectEditor *self)
{
  gint64 id;

  /* An undo or a change elsewhere: a form without edits follows the store. */
  if (self->loaded == NULL || self->dirty || self->loading)
    return;
  id = council_project_get_id (self->loaded);
  if (id <= 0)
    return;
  if (table == NULL || g_str_has_prefix (table, "project") || g_str_equal (table, "fund_entry") ||
      g_str_equal (table, "milestone"))
    {
      g_autoptr(CouncilProject) current = council_store_get_project (store, id, NULL);
      if (current == NULL)
        council_project_editor_load (self, COUNCIL_PROJECT_EDITOR_NONE);
      else if (council_project_get_version (current) != council_project_get_version (self->loaded) ||
               council_project_get_integrated_into (current) != council_project_get_integrated_into (self->loaded) ||
               table == NULL || !g_str_equal (table, "project"))
        council_project_editor_load (self, id);
      else
        fill_brand_page (self);
    }
}

static void
council_project_editor_dispose (GObject *object)
{
  CouncilProjectEditor *self = COUNCIL_PROJECT_EDITOR (object);

  if (self->main_stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->main_stack));
      self->main_stack = NULL;
    }
  /* A draft on disk stays: only save, revert or discard remove it. */
  council_draft_keeper_stop (&self->drafts);
  g_clear_object (&self->loaded);
  g_clear_object (&self->store);
  g_clear_object (&self->org_names);
  g_clear_object (&self->role_names);
  g_clear_object (&self->source_names);
  g_clear_object (&self->kind_names);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->org_ids, g_array_unref);
  G_OBJECT_CLASS (council_project_editor_parent_class)->dispose (object);
}

static void
council_project_editor_class_init (CouncilProjectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_project_editor_dispose;

  /**
   * CouncilProjectEditor::saved:
   * @id: the id of the saved project
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "projecteditor");
}

static void
council_project_editor_init (CouncilProjectEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->org_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->org_names = gtk_string_list_new (NULL);
  self->role_names = gtk_string_list_new (NULL);
  self->source_names = gtk_string_list_new (NULL);
  self->kind_names = gtk_string_list_new (NULL);
  for (int i = 0; i < COUNCIL_N_PARTNER_ROLES; i++)
    gtk_string_list_append (self->role_names, council_partner_role_label (i));
  for (int i = 0; i < COUNCIL_N_FUND_SOURCES; i++)
    gtk_string_list_append (self->source_names, council_fund_source_label (i));
  for (int i = 0; i < COUNCIL_N_FUND_KINDS; i++)
    gtk_string_list_append (self->kind_names, council_fund_kind_label (i));
  build_form (self);
  /* Local scope: Ctrl+S saves while the focus is anywhere in the form. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>s"),
                                                          gtk_named_action_new ("editor.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  update_actions (self);
}

CouncilProjectEditor *
council_project_editor_new (CouncilStore *store)
{
  CouncilProjectEditor *self = g_object_new (COUNCIL_TYPE_PROJECT_EDITOR, NULL);

  self->store = g_object_ref (store);
  council_draft_keeper_init (&self->drafts, store, "project", make_draft, self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  return self;
}
