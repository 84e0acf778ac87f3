/* council-roster-view.c: the council roster, a sortable, filterable list and its editor.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-roster-view"

#include "config.h"

#include <glib/gi18n.h>

#include "council-application.h"
#include "council-draft-offer.h"
#include "council-import-dialog.h"
#include "council-list-helpers.h"
#include "council-org-editor.h"
#include "council-roster-view-private.h"
#include "council-window.h"

/* Positions in the filter drop-downs of the template. */
enum { CATEGORY_FILTER_ALL, CATEGORY_FILTER_HUB, CATEGORY_FILTER_OTHER };
enum { ROLE_FILTER_ALL, ROLE_FILTER_CHAIR, ROLE_FILTER_VICE_CHAIR, ROLE_FILTER_MEMBER };

struct _CouncilRosterView
{
  GtkWidget parent_instance;

  CouncilStore *store;
  GListStore *organizations;      /* every organization, retired ones too */
  GtkCustomFilter *filter;
  GtkSingleSelection *selection;
  CouncilOrgEditor *editor;
  CouncilListController *list;    /* the selection follows the editor */
  gboolean settings_bound;
  CouncilDraftOffer *drafts;      /* offers what a crash left unsaved */

  /* template widgets */
  GtkPaned *paned;
  GtkSearchEntry *search_entry;
  GtkDropDown *category_filter;
  GtkDropDown *role_filter;
  GtkCheckButton *show_retired_check;
  GtkLabel *count_label;
  GtkColumnView *column_view;
};

G_DEFINE_FINAL_TYPE (CouncilRosterView, council_roster_view, GTK_TYPE_WIDGET)

/* ---- cells ---- */

typedef void (*CellBindFunc) (GtkImage *icon, GtkLabel *label, CouncilOrganization *org);

typedef struct
{
  const char *title;
  const char *sort_property;
  gboolean numeric;
  int fixed_width;     /* -1: natural; the name column expands */
  CellBindFunc bind;
} ColumnSpec;

static char *
alert_explanation (CouncilOrganization *org)
{
  gboolean staffing = council_organization_has_staffing_alert (org);
  gboolean coverage = council_organization_has_coverage_alert (org);

  if (!staffing && !coverage)
    return NULL;
  return g_strjoin ("\n",
                    staffing ? _("Two thirds or more of the staff are seconded away.")
                             : _("No grassroots coverage below district level."),
                    staffing && coverage ? _("No grassroots coverage below district level.") : NULL,
                    NULL);
}

/* The warning icon sits beside the name too, so an alert shows even when the
 * Alerts column is scrolled out of sight. */
static void
bind_name (GtkImage *icon, GtkLabel *label, CouncilOrganization *org)
{
  g_autofree char *text = NULL;
  g_autofree char *alerts = alert_explanation (org);

  if (council_organization_get_retired (org))
    /* Translators: a retired organization in the roster list */
    text = g_strdup_printf (_("%s (retired)"), council_organization_get_display_name (org));
  gtk_label_set_text (label, text ? text : council_organization_get_display_name (org));
  gtk_image_set_from_icon_name (icon, "dialog-warning-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (icon), alerts != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (icon), alerts);
  gtk_widget_add_css_class (GTK_WIDGET (icon), "alert-row");
}

static void
bind_short_name (GtkImage *icon, GtkLabel *label, CouncilOrganization *org)
{
  gtk_label_set_text (label, council_organization_get_short_name (org));
}

static void
bind_category (GtkImage *icon, GtkLabel *label, CouncilOrganization *org)
{
  gtk_label_set_text (label, council_category_label (council_organization_get_category (org)));
}

static void
bind_role (GtkImage *icon, GtkLabel *label, CouncilOrganization *org)
{
  gtk_label_set_text (label, council_role_label (council_organization_get_council_role (org)));
}

static void
bind_contact (GtkImage *icon, GtkLabel *label, CouncilOrganization *org)
{
  gtk_label_set_text (label, council_organization_get_contact_person (org));
}

static void
bind_phone (GtkImage *icon, GtkLabel *label, CouncilOrganization *org)
{
  gtk_label_set_text (label, council_organization_get_phone (org));
}

static void
bind_staff (GtkImage *icon, GtkLabel *label, CouncilOrganization *org)
{
  /* Translators: staff in post / establishment posts, e.g. "9 / 12" */
  g_autofree char *text = g_strdup_printf (_("%d / %d"),
                                           council_organization_get_staff_in_post (org),
                                           council_organization_get_posts_established (org));
  gtk_label_set_text (label, text);
}

static void
bind_seconded (GtkImage *icon, GtkLabel *label, CouncilOrganization *org)
{
  g_autofree char *text = NULL;

  if (council_organization_get_staff_in_post (org) > 0)
    /* Translators: a share in percent, e.g. "67 %" */
    text = g_strdup_printf (_("%d %%"),
                            (int) (council_organization_get_seconded_share (org) * 100 + 0.5));
  gtk_label_set_text (label, text ? text : "—");
}

static void
bind_coverage (GtkImage *icon, GtkLabel *label, CouncilOrganization *org)
{
  gtk_label_set_text (label, council_coverage_label (council_organization_get_coverage (org)));
}

static void
bind_alerts (GtkImage *icon, GtkLabel *label, CouncilOrganization *org)
{
  gboolean staffing = council_organization_has_staffing_alert (org);
  gboolean coverage = council_organization_has_coverage_alert (org);
  const char *text = staffing && coverage ? _("Seconded ≥ ⅔, no coverage")
                     : staffing ? _("Seconded ≥ ⅔")
                     : coverage ? _("No grassroots coverage") : "";
  g_autofree char *tooltip = alert_explanation (org);

  gtk_image_set_from_icon_name (icon, "dialog-warning-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (icon), staffing || coverage);
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (label)), tooltip);
  gtk_widget_add_css_class (GTK_WIDGET (icon), "alert-row");
  gtk_widget_add_css_class (GTK_WIDGET (label), "alert-row");
}

static const ColumnSpec column_specs[] = {
  { N_("Name"), "display-name", FALSE, 260, bind_name },
  { N_("Short name"), "short-name", FALSE, 90, bind_short_name },
  { N_("Category"), "category-label", FALSE, 150, bind_category },
  { N_("Council role"), "role-label", FALSE, 120, bind_role },
  { N_("Contact person"), "contact-person", FALSE, 100, bind_contact },
  { N_("Phone"), "phone", FALSE, 120, bind_phone },
  { N_("Staff"), "staff-in-post", TRUE, 70, bind_staff },
  { N_("Seconded share"), "seconded-share", TRUE, 120, bind_seconded },
  { N_("Coverage"), "coverage-label", FALSE, 170, bind_coverage },
  { N_("Alerts"), "has-alert", TRUE, 260, bind_alerts },
};

/* The whole name as a tooltip, only where the cell had to shorten it. */
static gboolean
on_name_query_tooltip_cb (GtkWidget *label, int x, int y, gboolean keyboard,
                          GtkTooltip *tooltip, gpointer user_data)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (GTK_LABEL (label)));
  return TRUE;
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  const ColumnSpec *spec = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_visible (icon, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Long names differ at their end ("… of Trade Unions"), and "(retired)" is there too. */
  gtk_label_set_ellipsize (GTK_LABEL (label),
                           spec->bind == bind_name ? PANGO_ELLIPSIZE_MIDDLE : PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (spec->bind == bind_name)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_name_query_tooltip_cb), NULL);
    }
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  const ColumnSpec *spec = user_data;
  CouncilOrganization *org = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);

  spec->bind (GTK_IMAGE (icon), GTK_LABEL (gtk_widget_get_next_sibling (icon)), org);
  if (council_organization_get_retired (org))
    gtk_widget_add_css_class (box, "dim-label");
  else
    gtk_widget_remove_css_class (box, "dim-label");
}

static void
add_columns (CouncilRosterView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    {
      const ColumnSpec *spec = &column_specs[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), (gpointer) spec);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), (gpointer) spec);
      council_column_view_append_sorted (self->column_view, COUNCIL_TYPE_ORGANIZATION, _(spec->title),
                                         spec->sort_property, spec->numeric, spec->fixed_width, factory);
    }
}

/* ---- filtering ---- */

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
organization_matches_search (CouncilOrganization *org, const char *folded_needle)
{
  GListModel *officers = G_LIST_MODEL (council_organization_get_liaison_officers (org));

  if (text_matches (council_organization_get_name_zh (org), folded_needle) ||
      text_matches (council_organization_get_name_en (org), folded_needle) ||
      text_matches (council_organization_get_short_name (org), folded_needle) ||
      text_matches (council_organization_get_contact_person (org), folded_needle))
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (officers); i++)
    {
      g_autoptr(CouncilLiaisonOfficer) lo = g_list_model_get_item (officers, i);
      if (text_matches (council_liaison_officer_get_name (lo), folded_needle))
        return TRUE;
    }
  return FALSE;
}

static gboolean
category_matches (CouncilOrganization *org, guint filter)
{
  CouncilCategory category = council_organization_get_category (org);

  return filter == CATEGORY_FILTER_ALL ||
         (filter == CATEGORY_FILTER_HUB && category == COUNCIL_CATEGORY_HUB) ||
         (filter == CATEGORY_FILTER_OTHER && category == COUNCIL_CATEGORY_OTHER);
}

static gboolean
role_matches (CouncilOrganization *org, guint filter)
{
  CouncilRole role = council_organization_get_council_role (org);

  return filter == ROLE_FILTER_ALL ||
         (filter == ROLE_FILTER_CHAIR && role == COUNCIL_ROLE_CHAIR) ||
         (filter == ROLE_FILTER_VICE_CHAIR && role == COUNCIL_ROLE_VICE_CHAIR) ||
         (filter == ROLE_FILTER_MEMBER && role == COUNCIL_ROLE_MEMBER);
}

static gboolean
filter_organization (gpointer item, gpointer user_data)
{
  CouncilRosterView *self = user_data;
  CouncilOrganization *org = item;
  g_autofree char *needle = g_strstrip (g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1));

  if (council_organization_get_retired (org) &&
      !gtk_check_button_get_active (self->show_retired_check))
    return FALSE;
  if (!category_matches (org, gtk_drop_down_get_selected (self->category_filter)) ||
      !role_matches (org, gtk_drop_down_get_selected (self->role_filter)))
    return FALSE;
  return *needle == '\0' || organization_matches_search (org, needle);
}

/* ---- selection ---- */

static gint64
organization_id (gpointer item)
{
  return council_organization_get_id (COUNCIL_ORGANIZATION (item));
}

static gint64
editor_id (GtkWidget *view)
{
  return council_org_editor_get_organization_id (COUNCIL_ROSTER_VIEW (view)->editor);
}

static gboolean
editor_has_unsaved (GtkWidget *view)
{
  return council_org_editor_has_unsaved_changes (COUNCIL_ROSTER_VIEW (view)->editor);
}

static gboolean
editor_save (GtkWidget *view)
{
  return council_org_editor_save (COUNCIL_ROSTER_VIEW (view)->editor);
}

static void
open_target (GtkWidget *view, gint64 target)
{
  CouncilRosterView *self = COUNCIL_ROSTER_VIEW (view);

  council_org_editor_load (self->editor, target);
  council_list_controller_sync_selection (self->list);
  if (target == COUNCIL_ORG_EDITOR_NEW)
    council_org_editor_focus_first_field (self->editor);
}

static const CouncilListControllerFuncs list_funcs = {
  organization_id, editor_id, editor_has_unsaved, editor_save, open_target,
  N_("Save the changes to this organization?"),
};

static void
on_column_view_activate_cb (GtkColumnView *column_view, guint position, CouncilRosterView *self)
{
  council_org_editor_focus_first_field (self->editor);
}

static void
on_editor_saved_cb (CouncilOrgEditor *editor, gint64 id, CouncilRosterView *self)
{
  council_list_controller_sync_selection (self->list);
}

/* ---- the list ---- */

static void
update_count (CouncilRosterView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  g_autofree char *text = g_strdup_printf (ngettext ("%u organization", "%u organizations", n), n);

  gtk_label_set_text (self->count_label, text);
}

static void
on_model_items_changed_cb (GListModel *model, guint position, guint removed, guint added,
                           CouncilRosterView *self)
{
  update_count (self);
}

static void
reload_organizations (CouncilRosterView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) fresh = council_store_list_organizations (self->store, TRUE, &error);

  if (fresh == NULL)
    {
      council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return;
    }
  council_list_controller_freeze (self->list);
  council_list_store_replace_all (self->organizations, G_LIST_MODEL (fresh));
  council_list_controller_thaw (self->list);
}

static void
on_store_changed_cb (CouncilStore *store, const char *table, CouncilRosterView *self)
{
  if (table == NULL || g_str_equal (table, "organization") || g_str_equal (table, "liaison_officer"))
    reload_organizations (self);
}

static void
refilter (CouncilRosterView *self)
{
  council_list_controller_freeze (self->list);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  council_list_controller_thaw (self->list);
}

static void
on_search_changed_cb (GtkSearchEntry *entry, CouncilRosterView *self)
{
  refilter (self);
}

static void
on_filter_selected_cb (GObject *object, GParamSpec *pspec, CouncilRosterView *self)
{
  refilter (self);
}

static void
on_show_retired_toggled_cb (GtkCheckButton *check, CouncilRosterView *self)
{
  refilter (self);
}

static void
on_import_clicked_cb (GtkButton *button, CouncilRosterView *self)
{
  council_import_dialog_run (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store);
}

/* ---- actions ---- */

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  council_list_controller_request_switch (COUNCIL_ROSTER_VIEW (widget)->list, COUNCIL_ORG_EDITOR_NEW);
}

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilRosterView *self = COUNCIL_ROSTER_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- settings ---- */

static void
council_roster_view_root (GtkWidget *widget)
{
  CouncilRosterView *self = COUNCIL_ROSTER_VIEW (widget);
  GtkRoot *root;
  GtkApplication *app = NULL;

  GTK_WIDGET_CLASS (council_roster_view_parent_class)->root (widget);
  if (self->settings_bound)
    return;
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    app = gtk_window_get_application (GTK_WINDOW (root));
  if (COUNCIL_IS_APPLICATION (app) && council_application_get_settings (COUNCIL_APPLICATION (app)))
    {
      g_settings_bind (council_application_get_settings (COUNCIL_APPLICATION (app)), "show-retired",
                       self->show_retired_check, "active", G_SETTINGS_BIND_DEFAULT);
      self->settings_bound = TRUE;
    }
}

gboolean
council_roster_view_has_unsaved_changes (CouncilRosterView *self)
{
  g_return_val_if_fail (COUNCIL_IS_ROSTER_VIEW (self), FALSE);
  return council_org_editor_has_unsaved_changes (self->editor);
}

gboolean
council_roster_view_save (CouncilRosterView *self)
{
  g_return_val_if_fail (COUNCIL_IS_ROSTER_VIEW (self), FALSE);
  return council_org_editor_save (self->editor);
}

void
council_roster_view_show_organization (CouncilRosterView *self, gint64 id)
{
  g_return_if_fail (COUNCIL_IS_ROSTER_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->category_filter, 0);
  gtk_drop_down_set_selected (self->role_filter, 0);
  refilter (self);
  council_list_controller_request_switch (self->list, id);
}

/* ---- test accessors ---- */

GtkColumnView *
council_roster_view_get_column_view (CouncilRosterView *self)
{
  return self->column_view;
}

GtkEditable *
council_roster_view_get_search_entry (CouncilRosterView *self)
{
  return GTK_EDITABLE (self->search_entry);
}

CouncilOrgEditor *
council_roster_view_get_editor (CouncilRosterView *self)
{
  return self->editor;
}

/* ---- drafts left by a crash ---- */

static gboolean
restore_draft (GtkWidget *view, CouncilDraft *draft)
{
  CouncilRosterView *self = COUNCIL_ROSTER_VIEW (view);

  council_org_editor_restore_draft (self->editor, draft);
  council_list_controller_sync_selection (self->list);
  return TRUE;
}

GtkWidget *
council_roster_view_get_draft_dialog (CouncilRosterView *self)
{
  g_return_val_if_fail (COUNCIL_IS_ROSTER_VIEW (self), NULL);
  return self->drafts ? council_draft_offer_get_dialog (self->drafts) : NULL;
}

/* ---- life cycle ---- */

static void
council_roster_view_dispose (GObject *object)
{
  CouncilRosterView *self = COUNCIL_ROSTER_VIEW (object);

  if (self->drafts != NULL)
    council_draft_offer_detach (self->drafts);
  g_clear_object (&self->drafts);

  /* The models may outlive the template children that their callbacks touch. */
  if (self->list != NULL)
    council_list_controller_detach (self->list);
  g_clear_object (&self->list);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COUNCIL_TYPE_ROSTER_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->organizations);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (council_roster_view_parent_class)->dispose (object);
}

static void
council_roster_view_class_init (CouncilRosterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_roster_view_dispose;
  widget_class->root = council_roster_view_root;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qunjian/CouncilDesk/ui/council-roster-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CouncilRosterView, paned);
  gtk_widget_class_bind_template_child (widget_class, CouncilRosterView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CouncilRosterView, category_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilRosterView, role_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilRosterView, show_retired_check);
  gtk_widget_class_bind_template_child (widget_class, CouncilRosterView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilRosterView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_retired_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.find", NULL, find_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rosterview");
}

static void
setup_models (CouncilRosterView *self)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  self->organizations = g_list_store_new (COUNCIL_TYPE_ORGANIZATION);
  self->filter = gtk_custom_filter_new (filter_organization, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->organizations)),
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
council_roster_view_init (CouncilRosterView *self)
{
  g_type_ensure (COUNCIL_TYPE_ORG_EDITOR);
  gtk_widget_init_template (GTK_WIDGET (self));
  add_columns (self);
  setup_models (self);
}

CouncilRosterView *
council_roster_view_new (CouncilStore *store)
{
  CouncilRosterView *self;

  g_return_val_if_fail (COUNCIL_IS_STORE (store), NULL);

  self = g_object_new (COUNCIL_TYPE_ROSTER_VIEW, NULL);
  self->store = g_object_ref (store);
  self->editor = council_org_editor_new (store);
  gtk_paned_set_end_child (self->paned, GTK_WIDGET (self->editor));
  self->list = council_list_controller_new (GTK_WIDGET (self), self->selection, &list_funcs);
  g_signal_connect_object (self->editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  council_org_editor_load (self->editor, COUNCIL_ORG_EDITOR_NONE);
  reload_organizations (self);
  update_count (self);
  self->drafts = council_draft_offer_new (GTK_WIDGET (self), store, "organization",
                                          N_("a new organization"), restore_draft);
  return self;
}
