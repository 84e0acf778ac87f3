/* council-org-editor.c: every field of an organization, checked at the field.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-org-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "core/council-store-meetings.h"
#include "core/council-store-projects.h"
#include "council-history-list.h"
#include "council-linked-documents.h"
#include "council-liaison-row.h"
#include "council-meeting-editor.h"
#include "council-org-editor-private.h"
#include "council-window.h"

typedef enum
{
  KIND_ENTRY,
  KIND_SPIN,
  KIND_DROPDOWN,
  KIND_NOTES,
  KIND_LIAISON,
} FieldKind;

typedef enum
{
  SECTION_IDENTITY,
  SECTION_CONTACT,
  SECTION_STAFFING,
  SECTION_OTHER,
} FieldSection;

typedef struct
{
  CouncilOrgField field;
  const char *label;
  FieldKind kind;
  FieldSection section;
} FieldSpec;

/* The form is built from this table; notes and liaison officers live in the template. */
static const FieldSpec field_specs[] = {
  { COUNCIL_ORG_FIELD_NAME_ZH, N_("_Chinese name"), KIND_ENTRY, SECTION_IDENTITY },
  { COUNCIL_ORG_FIELD_NAME_EN, N_("_English name"), KIND_ENTRY, SECTION_IDENTITY },
  { COUNCIL_ORG_FIELD_SHORT_NAME, N_("S_hort name"), KIND_ENTRY, SECTION_IDENTITY },
  { COUNCIL_ORG_FIELD_CATEGORY, N_("Ca_tegory"), KIND_DROPDOWN, SECTION_IDENTITY },
  { COUNCIL_ORG_FIELD_COUNCIL_ROLE, N_("Co_uncil role"), KIND_DROPDOWN, SECTION_IDENTITY },
  { COUNCIL_ORG_FIELD_COVERAGE, N_("_Grassroots coverage"), KIND_DROPDOWN, SECTION_IDENTITY },
  { COUNCIL_ORG_FIELD_CONTACT_PERSON, N_("C_ontact person"), KIND_ENTRY, SECTION_CONTACT },
  { COUNCIL_ORG_FIELD_PHONE, N_("_Phone"), KIND_ENTRY, SECTION_CONTACT },
  { COUNCIL_ORG_FIELD_EMAIL, N_("E_mail"), KIND_ENTRY, SECTION_CONTACT },
  { COUNCIL_ORG_FIELD_ADDRESS, N_("_Address"), KIND_ENTRY, SECTION_CONTACT },
  { COUNCIL_ORG_FIELD_POSTS_ESTABLISHED, N_("Esta_blishment posts"), KIND_SPIN, SECTION_STAFFING },
  { COUNCIL_ORG_FIELD_STAFF_IN_POST, N_("Sta_ff in post"), KIND_SPIN, SECTION_STAFFING },
  { COUNCIL_ORG_FIELD_SECONDED_OUT, N_("Secon_ded out"), KIND_SPIN, SECTION_STAFFING },
  { COUNCIL_ORG_FIELD_PART_TIME, N_("Part-t_ime"), KIND_SPIN, SECTION_STAFFING },
  { COUNCIL_ORG_FIELD_NOTES, NULL, KIND_NOTES, SECTION_OTHER },
  { COUNCIL_ORG_FIELD_LIAISON_OFFICERS, NULL, KIND_LIAISON, SECTION_OTHER },
};

#define FIELD_BIT(f) (1u << (f))
#define STAFFING_BITS (FIELD_BIT (COUNCIL_ORG_FIELD_POSTS_ESTABLISHED) | \
                       FIELD_BIT (COUNCIL_ORG_FIELD_STAFF_IN_POST) | \
                       FIELD_BIT (COUNCIL_ORG_FIELD_SECONDED_OUT) | \
                       FIELD_BIT (COUNCIL_ORG_FIELD_PART_TIME))

struct _CouncilOrgEditor
{
  GtkWidget parent_instance;

  CouncilStore *store;
  GtkListBox *projects_list;      /* the organization's projects (Projects tab) */
  CouncilOrganization *loaded;   /* the record as read; NULL when showing nothing */
  guint touched;                 /* FIELD_BITs whose errors are shown */
  gboolean show_all_errors;      /* after a save attempt */
  gboolean loading;
  gboolean saving;
  gboolean dirty;
  CouncilOrgField store_error_field;
  char *store_error_message;
  GtkWidget *conflict_dialog;    /* "Reload or Overwrite", while it is open */
  guint draft_timeout_id;        /* writes the draft a moment after an edit */
  gboolean draft_written;        /* this editor wrote a draft ... */
  gint64 draft_record_id;        /* ... of this record (0: a new one) */

  GtkSizeGroup *label_group;     /* aligns the labels of every section */
  GtkWidget *inputs[COUNCIL_ORG_N_FIELDS];
  GtkWidget *errors[COUNCIL_ORG_N_FIELDS];

  /* template widgets */
  GtkStack *main_stack;
  GtkLabel *title_label;
  GtkLabel *retired_label;
  GtkWidget *staffing_alert_box;
  GtkWidget *coverage_alert_box;
  GtkStack *page_stack;
  GtkGrid *identity_grid;
  GtkGrid *contact_grid;
  GtkGrid *staffing_grid;
  GtkBox *liaison_box;
  GtkLabel *liaison_empty_label;
  GtkLabel *liaison_error_label;
  GtkTextView *notes_view;
  GtkWidget *notes_frame;
  GtkLabel *notes_error_label;
  CouncilHistoryList *history_list;
  CouncilLinkedDocuments *linked_documents;
  GtkLabel *attendance_rate_label;
  GtkLabel *action_items_summary_label;
  GtkListBox *action_items_list;
  GtkButton *save_button;
  GtkButton *revert_button;
  GtkButton *retire_button;
};

G_DEFINE_FINAL_TYPE (CouncilOrgEditor, council_org_editor, GTK_TYPE_WIDGET)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void refresh_state (CouncilOrgEditor *self);

/* ---- reading and writing the form ---- */

static const char *
entry_text (CouncilOrgEditor *self, CouncilOrgField field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->inputs[field]));
}

static int
spin_value (CouncilOrgEditor *self, CouncilOrgField field)
{
  return gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->inputs[field]));
}

static guint
dropdown_value (CouncilOrgEditor *self, CouncilOrgField field)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (self->inputs[field]));
}

static char *
notes_text (CouncilOrgEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
read_liaison_officers (CouncilOrgEditor *self, CouncilOrganization *org)
{
  GListStore *officers = council_organization_get_liaison_officers (org);

  g_list_store_remove_all (officers);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->liaison_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(CouncilLiaisonOfficer) lo = council_liaison_row_to_officer (COUNCIL_LIAISON_ROW (row));
      g_list_store_append (officers, lo);
    }
}

static CouncilOrganization *
form_to_organization (CouncilOrgEditor *self)
{
  CouncilOrganization *org = self->loaded ? council_organization_copy (self->loaded)
                                          : council_organization_new ();
  g_autofree char *notes = notes_text (self);

  council_organization_set_name_zh (org, entry_text (self, COUNCIL_ORG_FIELD_NAME_ZH));
  council_organization_set_name_en (org, entry_text (self, COUNCIL_ORG_FIELD_NAME_EN));
  council_organization_set_short_name (org, entry_text (self, COUNCIL_ORG_FIELD_SHORT_NAME));
  council_organization_set_category (org, dropdown_value (self, COUNCIL_ORG_FIELD_CATEGORY));
  council_organization_set_council_role (org, dropdown_value (self, COUNCIL_ORG_FIELD_COUNCIL_ROLE));
  council_organization_set_coverage (org, dropdown_value (self, COUNCIL_ORG_FIELD_COVERAGE));
  council_organization_set_contact_person (org, entry_text (self, COUNCIL_ORG_FIELD_CONTACT_PERSON));
  council_organization_set_phone (org, entry_text (self, COUNCIL_ORG_FIELD_PHONE));
  council_organization_set_email (org, entry_text (self, COUNCIL_ORG_FIELD_EMAIL));
  council_organization_set_address (org, entry_text (self, COUNCIL_ORG_FIELD_ADDRESS));
  council_organization_set_posts_established (org, spin_value (self, COUNCIL_ORG_FIELD_POSTS_ESTABLISHED));
  council_organization_set_staff_in_post (org, spin_value (self, COUNCIL_ORG_FIELD_STAFF_IN_POST));
  council_organization_set_seconded_out (org, spin_value (self, COUNCIL_ORG_FIELD_SECONDED_OUT));
  council_organization_set_part_time (org, spin_value (self, COUNCIL_ORG_FIELD_PART_TIME));
  council_organization_set_notes (org, notes);
  read_liaison_officers (self, org);
  return org;
}

static void
on_liaison_row_changed_cb (CouncilLiaisonRow *row, CouncilOrgEditor *self);
static void
on_liaison_row_remove_cb (CouncilLiaisonRow *row, CouncilOrgEditor *self);

static CouncilLiaisonRow *
append_liaison_row (CouncilOrgEditor *self, CouncilLiaisonOfficer *officer)
{
  CouncilLiaisonRow *row = council_liaison_row_new (officer);

  g_signal_connect (row, "changed", G_CALLBACK (on_liaison_row_changed_cb), self);
  g_signal_connect (row, "remove", G_CALLBACK (on_liaison_row_remove_cb), self);
  gtk_box_append (self->liaison_box, GTK_WIDGET (row));
  gtk_widget_set_visible (GTK_WIDGET (self->liaison_empty_label), FALSE);
  return row;
}

static void
write_liaison_officers (CouncilOrgEditor *self, CouncilOrganization *org)
{
  GListModel *officers = G_LIST_MODEL (council_organization_get_liaison_officers (org));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->liaison_box))) != NULL)
    gtk_box_remove (self->liaison_box, child);
  for (guint i = 0; i < g_list_model_get_n_items (officers); i++)
    {
      g_autoptr(CouncilLiaisonOfficer) lo = g_list_model_get_item (officers, i);
      append_liaison_row (self, lo);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->liaison_empty_label), g_list_model_get_n_items (officers) == 0);
}

static void
set_entry (CouncilOrgEditor *self, CouncilOrgField field, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[field]), text);
}

static void
set_spin (CouncilOrgEditor *self, CouncilOrgField field, int value)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->inputs[field]), value);
}

static void
set_dropdown (CouncilOrgEditor *self, CouncilOrgField field, guint value)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->inputs[field]), value);
}

static void
organization_to_form (CouncilOrgEditor *self, CouncilOrganization *org)
{
  set_entry (self, COUNCIL_ORG_FIELD_NAME_ZH, council_organization_get_name_zh (org));
  set_entry (self, COUNCIL_ORG_FIELD_NAME_EN, council_organization_get_name_en (org));
  set_entry (self, COUNCIL_ORG_FIELD_SHORT_NAME, council_organization_get_short_name (org));
  set_dropdown (self, COUNCIL_ORG_FIELD_CATEGORY, council_organization_get_category (org));
  set_dropdown (self, COUNCIL_ORG_FIELD_COUNCIL_ROLE, council_organization_get_council_role (org));
  set_dropdown (self, COUNCIL_ORG_FIELD_COVERAGE, council_organization_get_coverage (org));
  set_entry (self, COUNCIL_ORG_FIELD_CONTACT_PERSON, council_organization_get_contact_person (org));
  set_entry (self, COUNCIL_ORG_FIELD_PHONE, council_organization_get_phone (org));
  set_entry (self, COUNCIL_ORG_FIELD_EMAIL, council_organization_get_email (org));
  set_entry (self, COUNCIL_ORG_FIELD_ADDRESS, council_organization_get_address (org));
  set_spin (self, COUNCIL_ORG_FIELD_POSTS_ESTABLISHED, council_organization_get_posts_established (org));
  set_spin (self, COUNCIL_ORG_FIELD_STAFF_IN_POST, council_organization_get_staff_in_post (org));
  set_spin (self, COUNCIL_ORG_FIELD_SECONDED_OUT, council_organization_get_seconded_out (org));
  set_spin (self, COUNCIL_ORG_FIELD_PART_TIME, council_organization_get_part_time (org));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            council_organization_get_notes (org), -1);
  write_liaison_officers (self, org);
}

/* ---- comparing, checking and showing the state ---- */

static gboolean
liaison_officers_equal (CouncilOrganization *a, CouncilOrganization *b)
{
  GListModel *la = G_LIST_MODEL (council_organization_get_liaison_officers (a));
  GListModel *lb = G_LIST_MODEL (council_organization_get_liaison_officers (b));
  guint n = g_list_model_get_n_items (la);

  if (n != g_list_model_get_n_items (lb))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilLiaisonOfficer) x = g_list_model_get_item (la, i);
      g_autoptr(CouncilLiaisonOfficer) y = g_list_model_get_item (lb, i);

      if (g_strcmp0 (council_liaison_officer_get_name (x), council_liaison_officer_get_name (y)) != 0 ||
          g_strcmp0 (council_liaison_officer_get_department (x), council_liaison_officer_get_department (y)) != 0 ||
          g_strcmp0 (council_liaison_officer_get_phone (x), council_liaison_officer_get_phone (y)) != 0)
        return FALSE;
    }
  return TRUE;
}

#define SAME_TEXT(getter) (g_strcmp0 (getter (a), getter (b)) == 0)
#define SAME_VALUE(getter) (getter (a) == getter (b))

static gboolean
organizations_equal (CouncilOrganization *a, CouncilOrganization *b)
{
  return SAME_TEXT (council_organization_get_name_zh) &&
         SAME_TEXT (council_organization_get_name_en) &&
         SAME_TEXT (council_organization_get_short_name) &&
         SAME_VALUE (council_organization_get_category) &&
         SAME_VALUE (council_organization_get_council_role) &&
         SAME_VALUE (council_organization_get_coverage) &&
         SAME_TEXT (council_organization_get_contact_person) &&
         SAME_TEXT (council_organization_get_phone) &&
         SAME_TEXT (council_organization_get_email) &&
         SAME_TEXT (council_organization_get_address) &&
         SAME_VALUE (council_organization_get_posts_established) &&
         SAME_VALUE (council_organization_get_staff_in_post) &&
         SAME_VALUE (council_organization_get_seconded_out) &&
         SAME_VALUE (council_organization_get_part_time) &&
         SAME_TEXT (council_organization_get_notes) &&
         liaison_officers_equal (a, b);
}

static void
show_field_error (CouncilOrgEditor *self, CouncilOrgField field, const char *message)
{
  GtkWidget *input = field == COUNCIL_ORG_FIELD_NOTES ? self->notes_frame : self->inputs[field];
  GtkWidget *label = self->errors[field];

  if (message != NULL)
    {
      gtk_widget_add_css_class (input, "error");
      gtk_label_set_text (GTK_LABEL (label), message);
    }
  else
    gtk_widget_remove_css_class (input, "error");
  gtk_widget_set_visible (label, message != NULL);
}

/* Returns the first field that fails, or COUNCIL_ORG_FIELD_NONE. */
static CouncilOrgField
check_form (CouncilOrgEditor *self, CouncilOrganization *org)
{
  CouncilOrgField first_bad = COUNCIL_ORG_FIELD_NONE;

  for (int f = COUNCIL_ORG_FIELD_NAME_ZH; f < COUNCIL_ORG_N_FIELDS; f++)
    {
      g_autoptr(GError) error = NULL;
      gboolean shown = self->show_all_errors || (self->touched & FIELD_BIT (f)) != 0;
      const char *message = NULL;

      if (self->errors[f] == NULL)
        continue;
      if (!council_organization_check_field (org, (CouncilOrgField) f, &error))
        message = error->message;
      else if ((CouncilOrgField) f == self->store_error_field)
        message = self->store_error_message;
      if (message != NULL && first_bad == COUNCIL_ORG_FIELD_NONE)
        first_bad = (CouncilOrgField) f;
      show_field_error (self, (CouncilOrgField) f,
                        shown || (CouncilOrgField) f == self->store_error_field ? message : NULL);
    }
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->liaison_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    council_liaison_row_mark_errors (COUNCIL_LIAISON_ROW (row),
                                     self->show_all_errors ||
                                     (self->touched & FIELD_BIT (COUNCIL_ORG_FIELD_LIAISON_OFFICERS)));
  return first_bad;
}

static void
update_header (CouncilOrgEditor *self, CouncilOrganization *org)
{
  const char *name = council_organization_get_name_for_language (org, council_ui_prefers_chinese ());
  gboolean retired = council_organization_get_retired (org);

  gtk_label_set_text (self->title_label, *name ? name : _("New organization"));
  gtk_widget_set_visible (GTK_WIDGET (self->retired_label), retired);
  gtk_widget_set_visible (self->staffing_alert_box, council_organization_has_staffing_alert (org));
  gtk_widget_set_visible (self->coverage_alert_box, council_organization_has_coverage_alert (org));
  gtk_button_set_label (self->retire_button, retired ? _("_Restore") : _("_Retire…"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->retire_button),
                               self->dirty ? _("Save or revert your changes first")
                               : retired ? _("List this organization in the roster again")
                               : _("Hide this organization from the roster; it stays in the history"));
}

/* ---- drafts: typed text survives a crash ---- */

#define DRAFT_DELAY_MS 1000

static gboolean
drafts_enabled (CouncilOrgEditor *self)
{
  /* A --demo database lives only as long as the process. */
  return self->store != NULL && !council_store_is_temporary (self->store);
}

static void
write_draft (CouncilOrgEditor *self)
{
  g_autoptr(CouncilOrganization) form = NULL;
  g_autoptr(CouncilDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loaded == NULL || !self->dirty || !drafts_enabled (self))
    return;
  form = form_to_organization (self);
  draft = council_draft_new_for_organization (form, council_organization_get_version (self->loaded),
                                              council_organization_get_id (self->loaded) > 0
                                                ? council_organization_get_display_name (self->loaded)
                                                : council_organization_get_display_name (form));
  if (!council_draft_save (council_store_get_path (self->store), draft, &error))
    g_warning ("Could not keep a draft of the unsaved changes: %s", error->message);
  else
    {
      self->draft_written = TRUE;
      self->draft_record_id = draft->record_id;
    }
}

static gboolean
on_draft_timeout_cb (gpointer user_data)
{
  CouncilOrgEditor *self = user_data;

  self->draft_timeout_id = 0;
  write_draft (self);
  return G_SOURCE_REMOVE;
}

static void
discard_draft (CouncilOrgEditor *self)
{
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  if (self->draft_written && drafts_enabled (self))
    council_draft_discard (council_store_get_path (self->store), "organization", self->draft_record_id);
  self->draft_written = FALSE;
}

/* Dirty: (re)write the draft a second after the last edit. Clean again
 * (saved, reverted, typed back): the draft this editor wrote goes. */
static void
update_draft (CouncilOrgEditor *self)
{
  if (self->loaded == NULL)
    return;
  if (!self->dirty)
    {
      discard_draft (self);
      return;
    }
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  self->draft_timeout_id = g_timeout_add (DRAFT_DELAY_MS, on_draft_timeout_cb, self);
}

void
council_org_editor_restore_draft (CouncilOrgEditor *self, CouncilDraft *draft)
{
  g_autoptr(CouncilOrganization) form = NULL;

  g_return_if_fail (COUNCIL_IS_ORG_EDITOR (self));
  g_return_if_fail (g_strcmp0 (draft->kind, "organization") == 0);

  if (!council_org_editor_load (self, draft->record_id > 0 ? draft->record_id : COUNCIL_ORG_EDITOR_NEW) ||
      self->loaded == NULL)
    return;
  /* Saved over the version the edit started from, so that a change made
   * since then is a conflict the person decides about. */
  if (draft->record_id > 0 && draft->version > 0)
    council_organization_set_version (self->loaded, draft->version);
  form = council_organization_copy (self->loaded);
  council_draft_apply_to_organization (draft, form);
  self->loading = TRUE;
  organization_to_form (self, form);
  self->loading = FALSE;
  self->draft_written = TRUE;
  self->draft_record_id = MAX (draft->record_id, 0);
  gtk_stack_set_visible_child_name (self->page_stack, "details");
  refresh_state (self);
}

void
council_org_editor_discard_draft (CouncilOrgEditor *self)
{
  g_return_if_fail (COUNCIL_IS_ORG_EDITOR (self));
  if (self->loaded != NULL)
    discard_draft (self);
}

static void
refresh_state (CouncilOrgEditor *self)
{
  g_autoptr(CouncilOrganization) org = NULL;
  gboolean is_new;

  if (self->loading || self->loaded == NULL)
    return;
  org = form_to_organization (self);
  is_new = council_organization_get_id (self->loaded) == 0;
  self->dirty = !organizations_equal (org, self->loaded);
  check_form (self, org);
  update_header (self, org);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.revert", self->dirty || is_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.retire", !is_new && !self->dirty);
  gtk_widget_set_visible (GTK_WIDGET (self->retire_button), !is_new);
  gtk_button_set_label (self->revert_button, is_new ? _("_Cancel") : _("Re_vert"));
  update_draft (self);
}

static void
mark_touched (CouncilOrgEditor *self, CouncilOrgField field)
{
  guint bit = FIELD_BIT (field);

  if (self->loading)
    return;
  self->touched |= (bit & STAFFING_BITS) ? STAFFING_BITS : bit;
  if (field == self->store_error_field)
    {
      self->store_error_field = COUNCIL_ORG_FIELD_NONE;
      g_clear_pointer (&self->store_error_message, g_free);
    }
  refresh_state (self);
}

static void
on_input_changed_cb (GObject *input, gpointer user_data)
{
  CouncilOrgEditor *self = COUNCIL_ORG_EDITOR (user_data);

  mark_touched (self, GPOINTER_TO_INT (g_object_get_data (input, "council-field")));
}

static void
on_dropdown_selected_cb (GObject *input, GParamSpec *pspec, gpointer user_data)
{
  on_input_changed_cb (input, user_data);
}

static void
on_liaison_row_changed_cb (CouncilLiaisonRow *row, CouncilOrgEditor *self)
{
  mark_touched (self, COUNCIL_ORG_FIELD_LIAISON_OFFICERS);
}

static void
on_liaison_row_remove_cb (CouncilLiaisonRow *row, CouncilOrgEditor *self)
{
  gtk_box_remove (self->liaison_box, GTK_WIDGET (row));
  gtk_widget_set_visible (GTK_WIDGET (self->liaison_empty_label),
                          gtk_widget_get_first_child (GTK_WIDGET (self->liaison_box)) == NULL);
  mark_touched (self, COUNCIL_ORG_FIELD_LIAISON_OFFICERS);
}

/* ---- open action items (督办) of the organization ---- */

GtkWidget *
council_action_item_row_new (CouncilActionItem *item, const char *today)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = gtk_label_new (council_action_item_get_text (item));
  GtkWidget *meta = gtk_label_new (NULL);
  g_autofree char *due = council_format_date (council_action_item_get_due_date (item));
  g_autofree char *line = NULL;
  int days = council_action_item_get_days_overdue (item, today);

  if (days > 0)
    /* Translators: due date, status, days overdue, meeting title */
    line = g_strdup_printf (ngettext ("Due %s · %s · overdue by %d day · %s",
                                      "Due %s · %s · overdue by %d days · %s", days),
                            due, council_action_item_get_status_label (item), days,
                            council_action_item_get_meeting_title (item));
  else
    /* Translators: due date, status, meeting title */
    line = g_strdup_printf (_("Due %s · %s · %s"), due, council_action_item_get_status_label (item),
                            council_action_item_get_meeting_title (item));
  gtk_label_set_text (GTK_LABEL (meta), line);
  for (GtkWidget *label = text; label != NULL; label = label == text ? meta : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (meta, days > 0 ? "overdue-text" : "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  return box;
}

/* Attendance at this year's held meetings, the other half of 督办 for an organization. */
static void
update_attendance_rate (CouncilOrgEditor *self, gint64 org_id)
{
  CouncilAttendanceRate rate = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = NULL;
  int year = g_date_time_get_year (now);

  if (org_id > 0 && council_store_organization_attendance_rate (self->store, org_id, year, &rate, NULL) &&
      rate.recorded > 0)
    /* Translators: year, rate in percent, meetings attended, meetings recorded */
    text = g_strdup_printf (_("Attendance at council meetings in %d: %d %% (%u of %u)"), year,
                            (int) (rate.rate * 100 + 0.5), rate.present + rate.delegated, rate.recorded);
  else
    text = g_strdup_printf (_("No attendance recorded at council meetings in %d yet."), year);
  gtk_label_set_text (self->attendance_rate_label, text);
}

static void
fill_action_items (CouncilOrgEditor *self, gint64 org_id)
{
  g_autofree char *today = council_iso_date_today ();
  g_autoptr(GListStore) items = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n = 0, overdue = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->action_items_list))) != NULL)
    gtk_list_box_remove (self->action_items_list, child);
  if (org_id > 0)
    items = council_store_list_open_action_items_for_organization (self->store, org_id, today, NULL);
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
    {
      g_autoptr(CouncilActionItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      gtk_list_box_append (self->action_items_list, council_action_item_row_new (item, today));
      n++;
      if (council_action_item_get_days_overdue (item, today) > 0)
        overdue++;
    }
  if (n == 0)
    summary = g_strdup (_("No open action items: nothing to follow up."));
  else
    /* Translators: "5 open action items, 2 of them overdue" */
    summary = g_strdup_printf (ngettext ("%u open action item, %u of them overdue",
                                         "%u open action items, %u of them overdue", n), n, overdue);
  gtk_label_set_text (self->action_items_summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->action_items_list), n > 0);
  update_attendance_rate (self, org_id);
}

/* ---- loading ---- */

/* ---- the Projects tab: what the organization leads or partners ---- */

static void
on_project_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, CouncilOrgEditor *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "project-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (id != NULL && COUNCIL_IS_WINDOW (root))
    council_window_show_project (COUNCIL_WINDOW (root), *id);
}

static void
fill_projects_page (CouncilOrgEditor *self, gint64 org_id)
{
  g_autoptr(GListStore) projects = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->projects_list))) != NULL)
    gtk_list_box_remove (self->projects_list, child);
  if (org_id <= 0)
    return;
  projects = council_store_list_projects_of_organization (self->store, org_id, NULL);
  n = projects ? g_list_model_get_n_items (G_LIST_MODEL (projects)) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (projects), i);
      gint64 id = council_project_get_id (p);
      /* Translators: a project in an organization's Projects tab: code, title, the organization's part */
      g_autofree char *text = g_strdup_printf (_("%s  %s — %s"), council_project_get_code (p),
                                               council_project_get_title (p),
                                               council_project_get_lead_org_id (p) == org_id
                                                 ? _("lead") : _("partner"));
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_tooltip_text (row, _("Open this project in the Projects view"));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "project-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (self->projects_list, row);
    }
  if (n == 0)
    {
      GtkWidget *label = gtk_label_new (_("This organization leads or partners no project."));
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (label, gtk_label_get_text (GTK_LABEL (label)));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->projects_list, row);
    }
}

static GtkWidget *
find_stack_switcher (GtkWidget *widget)
{
  if (GTK_IS_STACK_SWITCHER (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_stack_switcher (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkListBox *
council_org_editor_get_projects_list (CouncilOrgEditor *self)
{
  return self->projects_list;
}

static void
add_projects_page (CouncilOrgEditor *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->projects_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->projects_list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->projects_list, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->projects_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Projects of this organization"), -1);
  g_signal_connect (self->projects_list, "row-activated", G_CALLBACK (on_project_row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->projects_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_stack_add_titled (self->page_stack, scrolled, "projects", _("Projects"));
  {
    /* A third tab must not widen the window: the tabs scroll when narrow. */
    GtkWidget *switcher = find_stack_switcher (GTK_WIDGET (self));
    GtkWidget *parent = switcher ? gtk_widget_get_parent (switcher) : NULL;

    if (GTK_IS_BOX (parent))
      {
        GtkWidget *tabs = gtk_scrolled_window_new ();
        GtkWidget *before = gtk_widget_get_prev_sibling (switcher);

        gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (tabs), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
        gtk_widget_set_halign (tabs, gtk_widget_get_halign (switcher));
        gtk_widget_set_margin_top (tabs, gtk_widget_get_margin_top (switcher));
        gtk_widget_set_margin_top (switcher, 0);
        g_object_ref (switcher);
        gtk_box_remove (GTK_BOX (parent), switcher);
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (tabs), switcher);
        g_object_unref (switcher);
        gtk_box_insert_child_after (GTK_BOX (parent), tabs, before);
        gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (tabs), TRUE);
      }
  }
}

static void
show_record (CouncilOrgEditor *self, CouncilOrganization *org)
{
  g_set_object (&self->loaded, org);
  self->touched = 0;
  self->show_all_errors = FALSE;
  self->store_error_field = COUNCIL_ORG_FIELD_NONE;
  g_clear_pointer (&self->store_error_message, g_free);
  if (org == NULL)
    {
      self->dirty = FALSE;
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      council_history_list_set_record (self->history_list, NULL, NULL, 0);
      council_linked_documents_set_record (self->linked_documents, NULL, COUNCIL_LINK_ORGANIZATION, 0);
      fill_action_items (self, 0);
      fill_projects_page (self, 0);
      return;
    }
  fill_projects_page (self, council_organization_get_id (org));
  self->loading = TRUE;
  organization_to_form (self, org);
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (self->main_stack, "form");
  council_history_list_set_record (self->history_list, self->store, "organization",
                                   council_organization_get_id (org));
  council_linked_documents_set_record (self->linked_documents, self->store, COUNCIL_LINK_ORGANIZATION, council_organization_get_id (org));
  fill_action_items (self, council_organization_get_id (org));
  refresh_state (self);
}

gboolean
council_org_editor_load (CouncilOrgEditor *self, gint64 id)
{
  g_autoptr(CouncilOrganization) org = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (COUNCIL_IS_ORG_EDITOR (self), FALSE);

  if (id == COUNCIL_ORG_EDITOR_NEW)
    {
      g_autoptr(CouncilOrganization) blank = council_organization_new ();
      show_record (self, blank);
      gtk_stack_set_visible_child_name (self->page_stack, "details");
      return TRUE;
    }
  if (id > 0)
    {
      org = council_store_get_organization (self->store, id, &error);
      if (org == NULL)
        council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
    }
  show_record (self, org);
  return org != NULL || id < 0;
}

gint64
council_org_editor_get_organization_id (CouncilOrgEditor *self)
{
  g_return_val_if_fail (COUNCIL_IS_ORG_EDITOR (self), COUNCIL_ORG_EDITOR_NONE);
  return self->loaded ? council_organization_get_id (self->loaded) : COUNCIL_ORG_EDITOR_NONE;
}

gboolean
council_org_editor_has_unsaved_changes (CouncilOrgEditor *self)
{
  g_return_val_if_fail (COUNCIL_IS_ORG_EDITOR (self), FALSE);
  return self->loaded != NULL && self->dirty;
}

void
council_org_editor_focus_first_field (CouncilOrgEditor *self)
{
  gtk_stack_set_visible_child_name (self->page_stack, "details");
  gtk_widget_grab_focus (self->inputs[COUNCIL_ORG_FIELD_NAME_ZH]);
}

/* The store changed (an undo, an import, another view): show it unless the
 * person is typing, whose text always wins. */
static void
on_store_changed_cb (CouncilStore *store, const char *table, CouncilOrgEditor *self)
{
  gint64 id = council_org_editor_get_organization_id (self);
  g_autoptr(CouncilOrganization) current = NULL;

  if (self->saving || id <= 0)
    return;
  if (self->dirty)
    {
      council_history_list_set_record (self->history_list, store, "organization", id);
      fill_action_items (self, id);
      return;
    }
  current = council_store_get_organization (store, id, NULL);
  show_record (self, current);
}

/* ---- saving ---- */

static void
focus_field (CouncilOrgEditor *self, CouncilOrgField field)
{
  GtkWidget *target = field == COUNCIL_ORG_FIELD_NOTES ? GTK_WIDGET (self->notes_view)
                      : field == COUNCIL_ORG_FIELD_LIAISON_OFFICERS ? GTK_WIDGET (self->liaison_box)
                      : self->inputs[field];

  gtk_stack_set_visible_child_name (self->page_stack, "details");
  if (field == COUNCIL_ORG_FIELD_LIAISON_OFFICERS)
    target = gtk_widget_get_first_child (target);
  if (target != NULL)
    gtk_widget_grab_focus (target);
}

enum
{
  CONFLICT_RESPONSE_RELOAD = 1,
  CONFLICT_RESPONSE_OVERWRITE = 2,
};

static void
on_conflict_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilOrgEditor *self = COUNCIL_ORG_EDITOR (user_data);
  gint64 id = council_org_editor_get_organization_id (self);

  self->conflict_dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == CONFLICT_RESPONSE_RELOAD)
    {
      /* The typed values go; the other change is shown. */
      council_org_editor_load (self, id);
      if (self->loaded != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("Reloaded “%s” with the other change; your edits were discarded."),
                             council_organization_get_display_name (self->loaded));
          council_widget_show_message (GTK_WIDGET (self), message, FALSE);
        }
    }
  else if (response == CONFLICT_RESPONSE_OVERWRITE && self->loaded != NULL)
    {
      /* The form's values are saved over the current version, read now so
       * that the optimistic lock accepts them. */
      g_autoptr(GError) error = NULL;
      g_autoptr(CouncilOrganization) current = council_store_get_organization (self->store, id, &error);

      if (current == NULL)
        {
          council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
          return;
        }
      council_organization_set_version (self->loaded, council_organization_get_version (current));
      council_org_editor_save (self);
    }
}

/* Another process or window changed the record since the form was loaded:
 * never lose either change silently, ask which one stays. */
static void
ask_reload_or_overwrite (CouncilOrgEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->conflict_dialog != NULL)
    return;
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("“%s” was changed by someone else"),
                                   council_organization_get_display_name (self->loaded));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    _("Since you opened it, another window or program saved a change to it. Reload shows their change and discards your edits; Overwrite saves your values in place of theirs (their change stays in the history)."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Reload"), CONFLICT_RESPONSE_RELOAD,
                          _("_Overwrite"), CONFLICT_RESPONSE_OVERWRITE,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), CONFLICT_RESPONSE_RELOAD);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response_cb), self, 0);
  self->conflict_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
council_org_editor_get_conflict_dialog (CouncilOrgEditor *self)
{
  g_return_val_if_fail (COUNCIL_IS_ORG_EDITOR (self), NULL);
  return self->conflict_dialog;
}

static void
handle_save_error (CouncilOrgEditor *self, GError *error)
{
  if (error->domain == COUNCIL_VALIDATION_ERROR &&
      error->code > COUNCIL_ORG_FIELD_NONE && error->code < COUNCIL_ORG_N_FIELDS &&
      self->errors[error->code] != NULL)
    {
      self->store_error_field = (CouncilOrgField) error->code;
      g_free (self->store_error_message);
      self->store_error_message = g_strdup (error->message);
      refresh_state (self);
      focus_field (self, self->store_error_field);
      return;
    }
  if (g_error_matches (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT))
    {
      ask_reload_or_overwrite (self);
      return;
    }
  council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
}

static void
commit_spin_buttons (CouncilOrgEditor *self)
{
  /* A typed number reaches the adjustment only on activate or focus-out. */
  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    if (field_specs[i].kind == KIND_SPIN)
      gtk_spin_button_update (GTK_SPIN_BUTTON (self->inputs[field_specs[i].field]));
}

gboolean
council_org_editor_save (CouncilOrgEditor *self)
{
  g_autoptr(CouncilOrganization) org = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  CouncilOrgField bad;
  gboolean ok;

  g_return_val_if_fail (COUNCIL_IS_ORG_EDITOR (self), FALSE);
  if (self->loaded == NULL)
    return FALSE;

  commit_spin_buttons (self);
  self->show_all_errors = TRUE;
  org = form_to_organization (self);
  bad = check_form (self, org);
  if (bad != COUNCIL_ORG_FIELD_NONE)
    {
      focus_field (self, bad);
      return FALSE;
    }
  self->saving = TRUE;
  ok = council_store_save_organization (self->store, org, &error);
  self->saving = FALSE;
  if (!ok)
    {
      handle_save_error (self, error);
      return FALSE;
    }
  message = g_strdup_printf (_("Saved “%s”."), council_organization_get_display_name (org));
  council_org_editor_load (self, council_organization_get_id (org));
  council_widget_show_message (GTK_WIDGET (self), message, FALSE);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, council_organization_get_id (org));
  return TRUE;
}

/* ---- actions ---- */

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  council_org_editor_save (COUNCIL_ORG_EDITOR (widget));
}

static void
revert_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilOrgEditor *self = COUNCIL_ORG_EDITOR (widget);
  gint64 id = council_org_editor_get_organization_id (self);

  /* Cancelling a new organization leaves the editor empty. */
  council_org_editor_load (self, id == COUNCIL_ORG_EDITOR_NEW ? COUNCIL_ORG_EDITOR_NONE : id);
}

static void
add_liaison_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilOrgEditor *self = COUNCIL_ORG_EDITOR (widget);
  CouncilLiaisonRow *row = append_liaison_row (self, NULL);

  council_liaison_row_focus_name (row);
  refresh_state (self);
}

static void
set_retired (CouncilOrgEditor *self, gboolean retired)
{
  g_autoptr(GError) error = NULL;
  gint64 id = council_org_editor_get_organization_id (self);

  g_autofree char *name = g_strdup (council_organization_get_display_name (self->loaded));
  g_autofree char *message = NULL;

  if (!council_store_set_organization_retired (self->store, id, retired, &error))
    {
      council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return;
    }
  message = retired
    ? g_strdup_printf (_("“%s” was retired. Undo, or show retired organizations to restore it."), name)
    : g_strdup_printf (_("“%s” is listed in the roster again."), name);
  council_widget_show_message (GTK_WIDGET (self), message, FALSE);
}

static void
on_retire_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilOrgEditor *self = COUNCIL_ORG_EDITOR (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    set_retired (self, TRUE);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
retire_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilOrgEditor *self = COUNCIL_ORG_EDITOR (widget);
  GtkWidget *dialog;

  if (self->loaded == NULL || self->dirty)
    return;
  if (council_organization_get_retired (self->loaded))
    {
      set_retired (self, FALSE);
      return;
    }
  dialog = gtk_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Retire “%s”?"), council_organization_get_display_name (self->loaded));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    _("The organization is hidden from the roster but kept with its history. "
      "You can show retired organizations and restore it at any time."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Retire"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_retire_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- building the form ---- */

static GtkWidget *
create_dropdown (CouncilOrgField field)
{
  const char *labels[4] = { NULL };

  for (guint i = 0; i < 3; i++)
    {
      if (field == COUNCIL_ORG_FIELD_CATEGORY)
        labels[i] = i <= COUNCIL_CATEGORY_OTHER ? council_category_label (i) : NULL;
      else if (field == COUNCIL_ORG_FIELD_COUNCIL_ROLE)
        labels[i] = council_role_label (i);
      else
        labels[i] = council_coverage_label (i);
    }
  return gtk_drop_down_new_from_strings (labels);
}

static GtkWidget *
create_input (const FieldSpec *spec)
{
  GtkWidget *input;

  switch (spec->kind)
    {
    case KIND_ENTRY:
      return gtk_entry_new ();
    case KIND_SPIN:
      input = gtk_spin_button_new_with_range (0, 100000, 1);
      gtk_widget_set_halign (input, GTK_ALIGN_START);
      return input;
    case KIND_DROPDOWN:
      input = create_dropdown (spec->field);
      gtk_widget_set_halign (input, GTK_ALIGN_START);
      return input;
    case KIND_NOTES:
    case KIND_LIAISON:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static GtkWidget *
create_error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "field-error");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static void
connect_input (CouncilOrgEditor *self, GtkWidget *input, CouncilOrgField field, FieldKind kind)
{
  /* The field is looked up on the object that emits the change. */
  GObject *emitter = kind == KIND_NOTES ? G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)))
                                        : G_OBJECT (input);

  g_object_set_data (emitter, "council-field", GINT_TO_POINTER (field));
  if (kind == KIND_DROPDOWN)
    g_signal_connect (emitter, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), self);
  else
    g_signal_connect (emitter, "changed", G_CALLBACK (on_input_changed_cb), self);
}

static void
add_field_row (CouncilOrgEditor *self, GtkGrid *grid, const FieldSpec *spec)
{
  int row = 0;
  GtkWidget *label = gtk_label_new_with_mnemonic (_(spec->label));
  GtkWidget *input = create_input (spec);
  GtkWidget *error = create_error_label ();

  /* Each field takes two grid rows: the input, then its error message. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid)); child;
       child = gtk_widget_get_next_sibling (child))
    row++;
  row = row / 3 * 2;
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_size_group_add_widget (self->label_group, label);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), input);
  if (spec->kind != KIND_SPIN && spec->kind != KIND_DROPDOWN)
    gtk_widget_set_hexpand (input, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, input, 1, row, 1, 1);
  gtk_grid_attach (grid, error, 1, row + 1, 1, 1);
  self->inputs[spec->field] = input;
  self->errors[spec->field] = error;
  connect_input (self, input, spec->field, spec->kind);
}

static void
build_form (CouncilOrgEditor *self)
{
  GtkGrid *grids[] = { self->identity_grid, self->contact_grid, self->staffing_grid };

  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    {
      const FieldSpec *spec = &field_specs[i];

      if (spec->section != SECTION_OTHER)
        add_field_row (self, grids[spec->section], spec);
    }
  self->inputs[COUNCIL_ORG_FIELD_NOTES] = GTK_WIDGET (self->notes_view);
  self->errors[COUNCIL_ORG_FIELD_NOTES] = GTK_WIDGET (self->notes_error_label);
  connect_input (self, GTK_WIDGET (self->notes_view), COUNCIL_ORG_FIELD_NOTES, KIND_NOTES);
  self->inputs[COUNCIL_ORG_FIELD_LIAISON_OFFICERS] = GTK_WIDGET (self->liaison_box);
  self->errors[COUNCIL_ORG_FIELD_LIAISON_OFFICERS] = GTK_WIDGET (self->liaison_error_label);
}

/* ---- test accessors ---- */

GtkWidget *
council_org_editor_get_field_widget (CouncilOrgEditor *self, CouncilOrgField field)
{
  g_return_val_if_fail (field > COUNCIL_ORG_FIELD_NONE && field < COUNCIL_ORG_N_FIELDS, NULL);
  return self->inputs[field];
}

GtkWidget *
council_org_editor_get_field_error_label (CouncilOrgEditor *self, CouncilOrgField field)
{
  g_return_val_if_fail (field > COUNCIL_ORG_FIELD_NONE && field < COUNCIL_ORG_N_FIELDS, NULL);
  return self->errors[field];
}

GtkWidget *
council_org_editor_get_save_button (CouncilOrgEditor *self)
{
  return GTK_WIDGET (self->save_button);
}

/* ---- life cycle ---- */

static void
council_org_editor_dispose (GObject *object)
{
  CouncilOrgEditor *self = COUNCIL_ORG_EDITOR (object);

  if (self->conflict_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->conflict_dialog)));
  /* A draft on disk stays: only save, revert or discard remove it. */
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), COUNCIL_TYPE_ORG_EDITOR);
  g_clear_object (&self->loaded);
  g_clear_object (&self->store);
  g_clear_object (&self->label_group);
  g_clear_pointer (&self->store_error_message, g_free);
  G_OBJECT_CLASS (council_org_editor_parent_class)->dispose (object);
}

static void
council_org_editor_class_init (CouncilOrgEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_org_editor_dispose;

  /**
   * CouncilOrgEditor::saved:
   * @id: the id of the saved organization
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (COUNCIL_TYPE_HISTORY_LIST);
  g_type_ensure (COUNCIL_TYPE_LINKED_DOCUMENTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qunjian/CouncilDesk/ui/council-org-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, retired_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, staffing_alert_box);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, coverage_alert_box);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, page_stack);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, identity_grid);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, contact_grid);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, staffing_grid);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, liaison_box);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, liaison_empty_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, liaison_error_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, notes_frame);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, notes_error_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, history_list);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, linked_documents);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, attendance_rate_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, action_items_summary_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, action_items_list);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, revert_button);
  gtk_widget_class_bind_template_child (widget_class, CouncilOrgEditor, retire_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "editor.retire", NULL, retire_action);
  gtk_widget_class_install_action (widget_class, "editor.add-liaison", NULL, add_liaison_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "orgeditor");
}

static void
add_save_shortcut (CouncilOrgEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Local scope: Ctrl+S saves while the focus is anywhere in the form. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>s"),
                                                          gtk_named_action_new ("editor.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
council_org_editor_init (CouncilOrgEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->store_error_field = COUNCIL_ORG_FIELD_NONE;
  self->label_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  build_form (self);
  add_projects_page (self);
  add_save_shortcut (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

CouncilOrgEditor *
council_org_editor_new (CouncilStore *store)
{
  CouncilOrgEditor *self = g_object_new (COUNCIL_TYPE_ORG_EDITOR, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  return self;
}
