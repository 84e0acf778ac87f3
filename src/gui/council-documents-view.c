/* council-documents-view.c: the policy library — list, full-text search, import,
 * details, viewer, links and history of one document.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-documents-view"

#include "config.h"

#include <glib/gi18n.h>

#include "core/council-docnumber.h"
#include "core/council-document-import.h"
#include "core/council-organization.h"
#include "core/council-project.h"
#include "core/council-store-documents.h"
#include "core/council-store-meetings.h"
#include "core/council-store-projects.h"
#include "council-documents-view-private.h"
#include "council-draft-offer.h"
#include "council-editor-helpers.h"
#include "council-history-list.h"
#include "council-list-helpers.h"
#include "council-meeting-editor.h"
#include "council-text-cell.h"
#include "council-window.h"

/* The fields of the details form, indexed by CouncilDocumentField. */
#define N_FIELDS COUNCIL_DOCUMENT_N_FIELDS

struct _CouncilDocumentsView
{
  GtkWidget parent_instance;
  gboolean pickers_stale;         /* the link pickers wait for the view to be shown */
  CouncilDraftOffer *drafts;      /* unsaved details a crash left, offered back */
  CouncilDraftKeeper keeper;      /* the unsaved details, kept against a crash */

  CouncilStore *store;
  GListStore *documents;          /* what the SQL filter returns */
  GListStore *hits;               /* CouncilDocumentHit, while searching */
  GtkSingleSelection *selection;
  GtkSingleSelection *hit_selection;
  char **bodies;                  /* behind the issuing body filter after "all" */
  GArray *years;                  /* int, behind the year filter after "all" */
  gboolean updating_filters;
  CouncilListController *list;    /* the selection follows the form */
  gboolean filling_form;

  CouncilDocument *document;      /* as saved; NULL when none is shown */
  gboolean viewer_loaded;
  guint pending_page;             /* open the viewer here once loaded */
  char *pending_phrase;
  gint64 switch_target;           /* asked about unsaved edits before this */
  guint switch_page;
  char *switch_phrase;

  gboolean importing;
  GCancellable *import_cancellable;
  gboolean import_owns_cancellable;
  GPtrArray *import_messages;     /* char*, one per file of the last batch */
  GHashTable *result_rows;        /* path → row of results_list */
  GQueue password_queue;          /* char* paths of encrypted files to ask for */

  GListStore *organizations;      /* behind org_dropdown */
  GArray *meeting_ids;            /* gint64 behind meeting_dropdown, NULL until filled */

  GtkWidget *inputs[N_FIELDS];
  GtkLabel *messages[N_FIELDS];
  GtkLabel *info_label;
  GtkWidget *links_list;
  GtkWidget *links_placeholder;
  GtkDropDown *org_dropdown;
  GtkDropDown *meeting_dropdown;
  GtkEntry *project_entry;
  GtkEntry *indicator_entry;

  /* template widgets */
  GtkPaned *paned;
  GtkSearchEntry *search_entry;
  GtkDropDown *body_filter;
  GtkDropDown *kind_filter;
  GtkDropDown *year_filter;
  GtkLabel *count_label;
  GtkRevealer *results_revealer;
  GtkLabel *results_title;
  GtkButton *results_close_button;
  GtkListBox *results_list;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkListView *hits_view;
  GtkStack *main_stack;
  GtkLabel *heading_label;
  GtkStack *page_stack;
  GtkBox *details_box;
  CouncilPdfViewer *viewer;
  GtkBox *links_box;
  CouncilHistoryList *history_list;
};

G_DEFINE_FINAL_TYPE (CouncilDocumentsView, council_documents_view, GTK_TYPE_WIDGET)

static void load_document (CouncilDocumentsView *self, gint64 id, guint page_no, const char *phrase);
static void start_batch (CouncilDocumentsView *self, char **paths, const char *password, gboolean retry);

/* ---- the list ---- */

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
text_title (gpointer item, gconstpointer data)
{
  return g_strdup (council_document_get_title (COUNCIL_DOCUMENT (item)));
}

static char *
text_body (gpointer item, gconstpointer data)
{
  return g_strdup (council_document_get_issuing_body (COUNCIL_DOCUMENT (item)));
}

static char *
text_number (gpointer item, gconstpointer data)
{
  const char *number = council_document_get_doc_number (COUNCIL_DOCUMENT (item));

  return g_strdup (number && *number ? number : "—");
}

static char *
tooltip_number (gpointer item, gconstpointer data)
{
  return g_strdup (council_document_get_doc_number (COUNCIL_DOCUMENT (item)));
}

static char *
text_date (gpointer item, gconstpointer data)
{
  const char *date = council_document_get_issue_date (COUNCIL_DOCUMENT (item));

  return date && *date ? council_format_date (date) : g_strdup ("—");
}

static char *
text_kind (gpointer item, gconstpointer data)
{
  return g_strdup (council_document_kind_label (council_document_get_kind (COUNCIL_DOCUMENT (item))));
}

static char *
text_pages (gpointer item, gconstpointer data)
{
  return g_strdup_printf ("%u", council_document_get_page_count (COUNCIL_DOCUMENT (item)));
}

static const ColumnSpec column_specs[] = {
  { N_("Title"), "title", FALSE, -1, text_title, text_title },
  { N_("Issuing body"), "issuing-body", FALSE, 100, text_body, text_body },
  { N_("Number"), "doc-number", FALSE, 125, text_number, tooltip_number },
  { N_("Issue date"), "issue-date", FALSE, 112, text_date, NULL },
  { N_("Kind"), "kind-label", FALSE, 66, text_kind, NULL },
  { N_("Pages"), "page-count", TRUE, 48, text_pages, NULL },
};

static void
add_columns (CouncilDocumentsView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    {
      const ColumnSpec *spec = &column_specs[i];

      council_column_view_append_sorted (self->column_view, COUNCIL_TYPE_DOCUMENT, _(spec->title),
                                         spec->sort_property, spec->numeric, spec->fixed_width,
                                         council_text_cell_factory_new (spec->text, spec->tooltip, NULL,
                                                                        0.0f, NULL, spec));
    }
}

/* ---- search hits ---- */

static void
on_hit_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *page = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (page, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 3);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "hit-snippet");
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), page);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_item_set_child (item, box);
}

static void
on_hit_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  CouncilDocumentHit *hit = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (top);
  GtkWidget *page = gtk_widget_get_next_sibling (title);
  GtkWidget *snippet = gtk_widget_get_next_sibling (top);
  g_autofree char *markup = council_document_hit_dup_snippet_markup (hit);
  /* Translators: where a search hit is: "page 3" */
  g_autofree char *where = g_strdup_printf (_("page %u"), council_document_hit_get_page_no (hit));

  gtk_label_set_text (GTK_LABEL (title), council_document_hit_get_title (hit));
  gtk_label_set_text (GTK_LABEL (page), where);
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
}

/* ---- filters ---- */

/* The whole name, on hover: a tooltip text set at each bind would ask the X
 * server where the pointer is for every row the list binds. */
static gboolean
on_choice_query_tooltip_cb (GtkWidget *label, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_choice_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_choice_query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, label);
}

static void
on_choice_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkStringObject *choice = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (choice));
}

/* Drop-downs of names whose longest entry must not set the view's width. */
static void
use_ellipsizing_factory (GtkDropDown *dropdown)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_choice_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_choice_bind_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  g_object_unref (factory);
}

static void
read_filter (CouncilDocumentsView *self, CouncilDocumentFilter *filter)
{
  guint body = gtk_drop_down_get_selected (self->body_filter);
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint year = gtk_drop_down_get_selected (self->year_filter);

  council_document_filter_init (filter);
  if (body != GTK_INVALID_LIST_POSITION && body > 0 && self->bodies && body <= g_strv_length (self->bodies))
    filter->issuing_body = self->bodies[body - 1];
  if (kind != GTK_INVALID_LIST_POSITION && kind > 0 && kind <= COUNCIL_DOCUMENT_N_KINDS)
    {
      filter->any_kind = FALSE;
      filter->kind = (CouncilDocumentKind) (kind - 1);
    }
  if (year != GTK_INVALID_LIST_POSITION && year > 0 && year <= self->years->len)
    filter->year = g_array_index (self->years, int, year - 1);
}

static void
fill_filters (CouncilDocumentsView *self)
{
  g_autoptr(GtkStringList) body_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) year_names = gtk_string_list_new (NULL);
  g_autoptr(GArray) years = council_store_list_document_years (self->store, NULL);
  g_auto(GStrv) bodies = council_store_list_document_issuing_bodies (self->store, NULL);
  g_autofree char *old_body = NULL;
  guint old = gtk_drop_down_get_selected (self->body_filter);
  int old_year = 0;

  if (old != GTK_INVALID_LIST_POSITION && old > 0 && self->bodies && old <= g_strv_length (self->bodies))
    old_body = g_strdup (self->bodies[old - 1]);
  old = gtk_drop_down_get_selected (self->year_filter);
  if (old != GTK_INVALID_LIST_POSITION && old > 0 && old <= self->years->len)
    old_year = g_array_index (self->years, int, old - 1);

  self->updating_filters = TRUE;
  gtk_string_list_append (body_names, _("All issuing bodies"));
  for (guint i = 0; bodies && bodies[i]; i++)
    gtk_string_list_append (body_names, bodies[i]);
  g_strfreev (self->bodies);
  self->bodies = g_steal_pointer (&bodies);
  gtk_drop_down_set_model (self->body_filter, G_LIST_MODEL (body_names));
  gtk_drop_down_set_selected (self->body_filter, 0);
  for (guint i = 0; old_body && self->bodies && self->bodies[i]; i++)
    if (g_str_equal (self->bodies[i], old_body))
      gtk_drop_down_set_selected (self->body_filter, i + 1);

  gtk_string_list_append (year_names, _("All years"));
  g_array_set_size (self->years, 0);
  for (guint i = 0; years && i < years->len; i++)
    {
      int year = g_array_index (years, int, i);
      g_autofree char *label = g_strdup_printf ("%d", year);

      g_array_append_val (self->years, year);
      gtk_string_list_append (year_names, label);
    }
  gtk_drop_down_set_model (self->year_filter, G_LIST_MODEL (year_names));
  gtk_drop_down_set_selected (self->year_filter, 0);
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == old_year)
      gtk_drop_down_set_selected (self->year_filter, i + 1);

  if (gtk_drop_down_get_model (self->kind_filter) == NULL)
    {
      g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

      gtk_string_list_append (kinds, _("All kinds"));
      for (int k = 0; k < COUNCIL_DOCUMENT_N_KINDS; k++)
        gtk_string_list_append (kinds, council_document_kind_label (k));
      gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));
    }
  self->updating_filters = FALSE;
}

static void
update_count (CouncilDocumentsView *self)
{
  g_autofree char *text = NULL;
  guint n;

  if (g_str_equal (gtk_stack_get_visible_child_name (self->list_stack), "hits"))
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->hits));
      text = g_strdup_printf (ngettext ("%u hit", "%u hits", n), n);
    }
  else
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
      text = g_strdup_printf (ngettext ("%u document", "%u documents", n), n);
    }
  gtk_label_set_text (self->count_label, text);
}

static void
reload_documents (CouncilDocumentsView *self)
{
  CouncilDocumentFilter filter;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) fresh = NULL;

  read_filter (self, &filter);
  fresh = council_store_list_documents (self->store, &filter, &error);
  if (fresh == NULL)
    {
      council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return;
    }
  council_list_controller_freeze (self->list);
  council_list_store_replace_all (self->documents, G_LIST_MODEL (fresh));
  council_list_controller_thaw (self->list);
  update_count (self);
}

/* Searching switches the list to hits (with the same filters); an empty
 * field brings the documents back. */
static void
reload_hits (CouncilDocumentsView *self)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  CouncilDocumentFilter filter;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) fresh = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (*query == '\0')
    {
      g_list_store_remove_all (self->hits);
      gtk_stack_set_visible_child_name (self->list_stack, "documents");
      update_count (self);
      return;
    }
  read_filter (self, &filter);
  fresh = council_store_search_documents (self->store, query, &filter, COUNCIL_SEARCH_DEFAULT_LIMIT, 0, &error);
  if (fresh == NULL)
    council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
  for (guint i = 0; fresh && i < g_list_model_get_n_items (G_LIST_MODEL (fresh)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (fresh), i));
  g_list_store_splice (self->hits, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hits)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->list_stack, "hits");
  update_count (self);
}

static void
on_filter_selected_cb (GObject *object, GParamSpec *pspec, CouncilDocumentsView *self)
{
  if (self->updating_filters)
    return;
  reload_documents (self);
  reload_hits (self);
}

static void
on_search_changed_cb (GtkSearchEntry *entry, CouncilDocumentsView *self)
{
  reload_hits (self);
}

void
council_documents_view_activate_hit (CouncilDocumentsView *self, guint position)
{
  g_autoptr(CouncilDocumentHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), position);
  g_autofree char *query = NULL;

  if (hit == NULL)
    return;
  query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  council_documents_view_open_document (self, council_document_hit_get_document_id (hit),
                                        council_document_hit_get_page_no (hit), query);
}

static void
on_hit_activate_cb (GtkListView *view, guint position, CouncilDocumentsView *self)
{
  council_documents_view_activate_hit (self, position);
}

/* ---- the details form ---- */

static const char *
entry_text (CouncilDocumentsView *self, CouncilDocumentField field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->inputs[field]));
}

/* The form as a record (the saved one's id and version). */
static CouncilDocument *
read_form (CouncilDocumentsView *self)
{
  CouncilDocument *doc = self->document ? council_document_copy (self->document) : council_document_new ();
  guint kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->inputs[COUNCIL_DOCUMENT_FIELD_KIND]));

  council_document_set_title (doc, entry_text (self, COUNCIL_DOCUMENT_FIELD_TITLE));
  council_document_set_issuing_body (doc, entry_text (self, COUNCIL_DOCUMENT_FIELD_ISSUING_BODY));
  council_document_set_doc_number (doc, entry_text (self, COUNCIL_DOCUMENT_FIELD_DOC_NUMBER));
  council_document_set_issue_date (doc, entry_text (self, COUNCIL_DOCUMENT_FIELD_ISSUE_DATE));
  council_document_set_kind (doc, kind < COUNCIL_DOCUMENT_N_KINDS ? (CouncilDocumentKind) kind : COUNCIL_DOCUMENT_KIND_OTHER);
  council_document_set_tags (doc, entry_text (self, COUNCIL_DOCUMENT_FIELD_TAGS));
  return doc;
}

static gboolean
form_is_dirty (CouncilDocumentsView *self)
{
  g_autoptr(CouncilDocument) form = NULL;

  if (self->document == NULL)
    return FALSE;
  form = read_form (self);
  return g_strcmp0 (council_document_get_title (form), council_document_get_title (self->document)) != 0 ||
         g_strcmp0 (council_document_get_issuing_body (form), council_document_get_issuing_body (self->document)) != 0 ||
         g_strcmp0 (council_document_get_doc_number (form), council_document_get_doc_number (self->document)) != 0 ||
         g_strcmp0 (council_document_get_issue_date (form), council_document_get_issue_date (self->document)) != 0 ||
         council_document_get_kind (form) != council_document_get_kind (self->document) ||
         g_strcmp0 (council_document_get_tags (form), council_document_get_tags (self->document)) != 0;
}

/* ---- drafts: typed details survive a crash ---- */

static CouncilDraft *
build_draft (gpointer owner)
{
  CouncilDocumentsView *self = owner;
  g_autoptr(CouncilDocument) form = NULL;

  if (self->document == NULL || !form_is_dirty (self))
    return NULL;
  form = read_form (self);
  return council_draft_new_for_document (form, council_document_get_version (self->document),
                                         council_document_get_title (self->document));
}

static void
update_actions (CouncilDocumentsView *self)
{
  gboolean dirty = form_is_dirty (self);

  /* Dirty: (re)write the draft a second after the last edit. Clean again
   * (saved, reverted, another document opened): the draft goes. */
  if (self->store != NULL && !self->filling_form && dirty)
    council_draft_keeper_schedule (&self->keeper);
  else if (self->store != NULL && !self->filling_form)
    council_draft_keeper_discard (&self->keeper);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.save", dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.revert", dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.delete", self->document != NULL);
}

static void
set_field_message (CouncilDocumentsView *self, CouncilDocumentField field, const char *message, gboolean is_error)
{
  GtkLabel *label = self->messages[field];

  if (label == NULL)
    return;
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message != '\0');
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "field-error");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (self->inputs[field], "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "field-error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_remove_css_class (self->inputs[field], "error");
    }
}

/* The reason at the field, as soon as it is typed; the 文号 also shows the
 * form it will be stored in. */
static gboolean
check_field (CouncilDocumentsView *self, CouncilDocumentField field)
{
  g_autoptr(CouncilDocument) form = read_form (self);
  g_autoptr(GError) error = NULL;

  if (!council_document_check_field (form, field, &error))
    {
      set_field_message (self, field, error->message, TRUE);
      return FALSE;
    }
  if (field == COUNCIL_DOCUMENT_FIELD_DOC_NUMBER)
    {
      const char *typed = entry_text (self, field);
      g_autofree char *canonical = council_doc_number_normalize (typed, field, NULL);
      g_autofree char *message = NULL;

      if (canonical != NULL && *canonical != '\0' && !g_str_equal (canonical, typed))
        /* Translators: %s is a document number (文号) in its canonical form */
        message = g_strdup_printf (_("Stored as %s"), canonical);
      set_field_message (self, field, message, FALSE);
      return TRUE;
    }
  set_field_message (self, field, NULL, FALSE);
  return TRUE;
}

static void
on_field_changed_cb (GtkEditable *editable, CouncilDocumentsView *self)
{
  if (self->filling_form)
    return;
  for (int f = COUNCIL_DOCUMENT_FIELD_TITLE; f < N_FIELDS; f++)
    if (self->inputs[f] == GTK_WIDGET (editable))
      check_field (self, f);
  update_actions (self);
}

static void
on_kind_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, CouncilDocumentsView *self)
{
  if (!self->filling_form)
    update_actions (self);
}

/* Leaving the 文号 field puts it in its canonical form, so what is seen is
 * what will be stored. */
static void
canonicalize_doc_number (CouncilDocumentsView *self)
{
  GtkEditable *entry = GTK_EDITABLE (self->inputs[COUNCIL_DOCUMENT_FIELD_DOC_NUMBER]);
  g_autofree char *canonical = council_doc_number_normalize (gtk_editable_get_text (entry),
                                                            COUNCIL_DOCUMENT_FIELD_DOC_NUMBER, NULL);

  if (canonical != NULL && !g_str_equal (canonical, gtk_editable_get_text (entry)))
    {
      gtk_editable_set_text (entry, canonical);
      set_field_message (self, COUNCIL_DOCUMENT_FIELD_DOC_NUMBER, NULL, FALSE);
    }
}

static void
on_doc_number_leave_cb (GtkEventControllerFocus *controller, CouncilDocumentsView *self)
{
  canonicalize_doc_number (self);
}

static void
on_doc_number_activate_cb (GtkEntry *entry, CouncilDocumentsView *self)
{
  canonicalize_doc_number (self);
}

static void
fill_info (CouncilDocumentsView *self)
{
  CouncilDocument *doc = self->document;
  g_autofree char *size = g_format_size ((guint64) council_document_get_size (doc));
  g_autofree char *when = council_format_timestamp (council_document_get_imported_at (doc));
  g_autofree char *text = NULL;
  guint pages = council_document_get_page_count (doc);

  /* Translators: file facts under the form: "12 pages · 48.2 kB · imported 29 Nov 2026 10:22 by wang" */
  text = g_strdup_printf (ngettext ("%u page · %s · imported %s by %s", "%u pages · %s · imported %s by %s", pages),
                          pages, size, when ? when : "", council_document_get_imported_by (doc));
  gtk_label_set_text (self->info_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->info_label), council_document_get_sha256 (doc));
}

static void
fill_form (CouncilDocumentsView *self)
{
  CouncilDocument *doc = self->document;

  self->filling_form = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_DOCUMENT_FIELD_TITLE]), council_document_get_title (doc));
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_DOCUMENT_FIELD_ISSUING_BODY]), council_document_get_issuing_body (doc));
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_DOCUMENT_FIELD_DOC_NUMBER]), council_document_get_doc_number (doc));
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_DOCUMENT_FIELD_ISSUE_DATE]), council_document_get_issue_date (doc));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->inputs[COUNCIL_DOCUMENT_FIELD_KIND]), council_document_get_kind (doc));
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_DOCUMENT_FIELD_TAGS]), council_document_get_tags (doc));
  self->filling_form = FALSE;
  for (int f = COUNCIL_DOCUMENT_FIELD_TITLE; f < N_FIELDS; f++)
    set_field_message (self, f, NULL, FALSE);
  gtk_label_set_text (self->heading_label, council_document_get_title (doc));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->heading_label), council_document_get_title (doc));
  fill_info (self);
  update_actions (self);
}

static void
attach_field (CouncilDocumentsView *self, GtkGrid *grid, int row, CouncilDocumentField field,
              const char *label_text, GtkWidget *input)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *message = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), input);
  gtk_widget_set_hexpand (input, TRUE);
  gtk_grid_attach (grid, label, 0, row * 2, 1, 1);
  gtk_grid_attach (grid, input, 1, row * 2, 1, 1);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_widget_set_visible (message, FALSE);
  gtk_grid_attach (grid, message, 1, row * 2 + 1, 1, 1);
  self->inputs[field] = input;
  self->messages[field] = GTK_LABEL (message);
  if (GTK_IS_EDITABLE (input))
    g_signal_connect (input, "changed", G_CALLBACK (on_field_changed_cb), self);
}

static GtkWidget *
new_entry (const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  return entry;
}

static void
build_details (CouncilDocumentsView *self)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *kind;
  GtkWidget *number = new_entry (_("e.g. 九龙坡委办发〔2026〕12号"));
  GtkEventController *focus = gtk_event_controller_focus_new ();
  const char *kinds[COUNCIL_DOCUMENT_N_KINDS + 1];

  for (int k = 0; k < COUNCIL_DOCUMENT_N_KINDS; k++)
    kinds[k] = council_document_kind_label (k);
  kinds[COUNCIL_DOCUMENT_N_KINDS] = NULL;
  kind = gtk_drop_down_new_from_strings (kinds);
  g_signal_connect (kind, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);

  gtk_grid_set_row_spacing (grid, 4);
  gtk_grid_set_column_spacing (grid, 12);
  gtk_widget_set_margin_top (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (grid), 12);
  attach_field (self, grid, 0, COUNCIL_DOCUMENT_FIELD_TITLE, C_("document", "_Title"), new_entry (NULL));
  attach_field (self, grid, 1, COUNCIL_DOCUMENT_FIELD_ISSUING_BODY, _("_Issuing body"), new_entry (NULL));
  attach_field (self, grid, 2, COUNCIL_DOCUMENT_FIELD_DOC_NUMBER, _("Document _number"), number);
  attach_field (self, grid, 3, COUNCIL_DOCUMENT_FIELD_ISSUE_DATE, _("Issue _date"), new_entry (_("YYYY-MM-DD")));
  attach_field (self, grid, 4, COUNCIL_DOCUMENT_FIELD_KIND, C_("document", "_Kind"), kind);
  attach_field (self, grid, 5, COUNCIL_DOCUMENT_FIELD_TAGS, _("Ta_gs"), new_entry (_("Separated by commas")));
  gtk_widget_set_halign (kind, GTK_ALIGN_START);
  g_signal_connect (number, "activate", G_CALLBACK (on_doc_number_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_doc_number_leave_cb), self);
  gtk_widget_add_controller (number, focus);

  self->info_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->info_label, 0);
  gtk_label_set_wrap (self->info_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->info_label), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->info_label), 8);
  gtk_grid_attach (grid, GTK_WIDGET (self->info_label), 1, 12, 1, 1);
  gtk_box_append (self->details_box, GTK_WIDGET (grid));
}

/* ---- links ---- */

static char *
describe_link (CouncilDocumentsView *self, const CouncilDocumentLink *link)
{
  switch (link->target)
    {
    case COUNCIL_LINK_ORGANIZATION:
      {
        g_autoptr(CouncilOrganization) org = council_store_get_organization (self->store, link->target_id, NULL);
        if (org != NULL)
          return g_strdup (council_organization_get_display_name (org));
        break;
      }
    case COUNCIL_LINK_MEETING:
      {
        g_autoptr(CouncilMeeting) m = council_store_get_meeting (self->store, link->target_id, NULL);
        if (m != NULL)
          {
            g_autofree char *date = council_meeting_dup_date (m);
            g_autofree char *when = council_format_date (date);
            return g_strdup_printf ("%s · %s", council_meeting_get_title (m), when);
          }
        break;
      }
    case COUNCIL_LINK_PROJECT:
      {
        g_autoptr(CouncilProject) p = council_store_get_project (self->store, link->target_id, NULL);
        if (p != NULL)
          return g_strdup_printf ("%s · %s", council_project_get_code (p), council_project_get_title (p));
        break;
      }
    case COUNCIL_LINK_INDICATOR:
    case COUNCIL_LINK_N_TARGETS:
    default:
      break;
    }
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, link->target_id);

    /* Translators: a linked record known only by its number */
    return g_strdup_printf (_("No. %s"), number);
  }
}

static const char *
link_target_label (CouncilLinkTarget target)
{
  switch (target)
    {
    case COUNCIL_LINK_ORGANIZATION: return _("Organization");
    case COUNCIL_LINK_PROJECT: return _("Project");
    case COUNCIL_LINK_MEETING: return _("Meeting");
    case COUNCIL_LINK_INDICATOR: return _("Assessment indicator");
    case COUNCIL_LINK_N_TARGETS:
    default: return "";
    }
}

static void
on_remove_link_clicked_cb (GtkButton *button, CouncilDocumentsView *self)
{
  CouncilLinkTarget target = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "target"));
  gint64 *target_id = g_object_get_data (G_OBJECT (button), "target-id");
  g_autoptr(GError) error = NULL;

  if (self->document != NULL &&
      !council_store_remove_document_link (self->store, council_document_get_id (self->document),
                                           target, *target_id, &error))
    council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
}

static void
refresh_links (CouncilDocumentsView *self)
{
  g_autoptr(GArray) links = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->links_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->links_list), child);
  if (self->document == NULL)
    return;
  links = council_store_list_document_links (self->store, council_document_get_id (self->document), NULL);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const CouncilDocumentLink *link = &g_array_index (links, CouncilDocumentLink, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *kind = gtk_label_new (link_target_label (link->target));
      g_autofree char *name = describe_link (self, link);
      GtkWidget *label = gtk_label_new (name);
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gint64 *target_id = g_new (gint64, 1);

      gtk_widget_set_margin_top (row, 4);
      gtk_widget_set_margin_bottom (row, 4);
      gtk_widget_set_margin_start (row, 8);
      gtk_widget_set_margin_end (row, 8);
      gtk_widget_add_css_class (kind, "dim-label");
      gtk_label_set_width_chars (GTK_LABEL (kind), 8);
      gtk_label_set_xalign (GTK_LABEL (kind), 0);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_tooltip_text (remove, _("Remove this link"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove this link"), -1);
      gtk_button_set_has_frame (GTK_BUTTON (remove), FALSE);
      *target_id = link->target_id;
      g_object_set_data (G_OBJECT (remove), "target", GINT_TO_POINTER (link->target));
      g_object_set_data_full (G_OBJECT (remove), "target-id", target_id, g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_link_clicked_cb), self);
      gtk_box_append (GTK_BOX (row), kind);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), remove);
      gtk_list_box_append (GTK_LIST_BOX (self->links_list), row);
    }
  gtk_widget_set_visible (self->links_placeholder, links == NULL || links->len == 0);
  gtk_widget_set_visible (self->links_list, links != NULL && links->len > 0);
}

static void
fill_pickers (CouncilDocumentsView *self)
{
  g_autoptr(GListStore) orgs = council_store_list_organizations (self->store, FALSE, NULL);
  g_autoptr(GtkStringList) org_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) meeting_names = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; orgs && i < g_list_model_get_n_items (G_LIST_MODEL (orgs)); i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);
      gtk_string_list_append (org_names, council_organization_get_display_name (org));
    }
  /* Only the id, date and title of each meeting: a large council has tens
   * of thousands, and the picker needs no counts. */
  if (!council_store_list_meeting_choices (self->store, ids, labels, &error))
    {
      g_warning ("Could not read the meetings: %s", error->message);
      g_array_set_size (ids, 0);
      g_ptr_array_set_size (labels, 0);
    }
  g_ptr_array_add (labels, NULL);
  meeting_names = gtk_string_list_new ((const char * const *) labels->pdata);
  g_set_object (&self->organizations, orgs);
  g_clear_pointer (&self->meeting_ids, g_array_unref);
  self->meeting_ids = g_steal_pointer (&ids);
  gtk_drop_down_set_model (self->org_dropdown, G_LIST_MODEL (org_names));
  gtk_drop_down_set_model (self->meeting_dropdown, G_LIST_MODEL (meeting_names));
}

/* The meeting picker offers every meeting: on a large council it is read when
 * the view is first shown, not at start-up or on every change while another
 * view is in front. */
static void
ensure_pickers (CouncilDocumentsView *self)
{
  if (!self->pickers_stale)
    return;
  self->pickers_stale = FALSE;
  fill_pickers (self);
}

static void
on_map_cb (GtkWidget *widget, CouncilDocumentsView *self)
{
  ensure_pickers (self);
}

static void
add_link (CouncilDocumentsView *self, CouncilLinkTarget target, gint64 target_id)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  if (target_id <= 0)
    {
      council_widget_show_message (GTK_WIDGET (self), _("No such record to link."), TRUE);
      return;
    }
  if (!council_store_add_document_link (self->store, council_document_get_id (self->document),
                                        target, target_id, &error))
    council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
}

static void
on_add_org_clicked_cb (GtkButton *button, CouncilDocumentsView *self)
{
  guint i = gtk_drop_down_get_selected (self->org_dropdown);
  g_autoptr(CouncilOrganization) org = NULL;

  if (self->organizations == NULL || i == GTK_INVALID_LIST_POSITION ||
      (org = g_list_model_get_item (G_LIST_MODEL (self->organizations), i)) == NULL)
    return;
  add_link (self, COUNCIL_LINK_ORGANIZATION, council_organization_get_id (org));
}

static void
on_add_meeting_clicked_cb (GtkButton *button, CouncilDocumentsView *self)
{
  guint i = gtk_drop_down_get_selected (self->meeting_dropdown);

  if (self->meeting_ids == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->meeting_ids->len)
    return;
  add_link (self, COUNCIL_LINK_MEETING, g_array_index (self->meeting_ids, gint64, i));
}

static gint64
parse_id (const char *text)
{
  char *end = NULL;
  gint64 id;

  while (g_ascii_isspace (*text))
    text++;
  id = g_ascii_strtoll (text, &end, 10);
  if (end == text || *g_strchug (end) != '\0')
    return 0;
  return id;
}

static void
on_add_project_clicked_cb (GtkWidget *widget, CouncilDocumentsView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->project_entry))));
  gint64 id = parse_id (text);

  if (*text == '\0')
    return;
  /* A code first (codes may be digits too), then an id. */
  if (council_store_find_project_by_code (self->store, text, NULL) > 0)
    id = council_store_find_project_by_code (self->store, text, NULL);
  add_link (self, COUNCIL_LINK_PROJECT, id);
  gtk_editable_set_text (GTK_EDITABLE (self->project_entry), "");
}

static void
on_add_indicator_clicked_cb (GtkWidget *widget, CouncilDocumentsView *self)
{
  gint64 id = parse_id (gtk_editable_get_text (GTK_EDITABLE (self->indicator_entry)));

  add_link (self, COUNCIL_LINK_INDICATOR, id);
  gtk_editable_set_text (GTK_EDITABLE (self->indicator_entry), "");
}

static GtkWidget *
add_button (const char *tooltip, GCallback callback, CouncilDocumentsView *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add"));

  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
build_links (CouncilDocumentsView *self)
{
  GtkWidget *heading = gtk_label_new (_("Add a link"));
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  const char *labels[] = { N_("Organization"), N_("Meeting"), N_("Project"), N_("Assessment indicator") };
  GtkWidget *inputs[4];
  GtkWidget *buttons[4];

  self->links_placeholder = gtk_label_new (_("This document is not linked to any record yet."));
  gtk_widget_add_css_class (self->links_placeholder, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->links_placeholder), 0);
  gtk_label_set_wrap (GTK_LABEL (self->links_placeholder), TRUE);
  self->links_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->links_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->links_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->links_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Linked records"), -1);
  gtk_box_append (self->links_box, self->links_placeholder);
  gtk_box_append (self->links_box, self->links_list);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (self->links_box, heading);

  self->org_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_enable_search (self->org_dropdown, TRUE);
  {
    /* The drop-down takes a reference of its own. */
    g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
    gtk_drop_down_set_expression (self->org_dropdown, expression);
  }
  self->meeting_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  /* Tens of thousands of meetings on a large council: typing finds one. */
  gtk_drop_down_set_enable_search (self->meeting_dropdown, TRUE);
  {
    g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
    gtk_drop_down_set_expression (self->meeting_dropdown, expression);
  }
  self->project_entry = GTK_ENTRY (new_entry (_("Project code or number")));
  self->indicator_entry = GTK_ENTRY (new_entry (_("Indicator number")));
  gtk_entry_set_input_purpose (self->indicator_entry, GTK_INPUT_PURPOSE_DIGITS);
  g_signal_connect (self->project_entry, "activate", G_CALLBACK (on_add_project_clicked_cb), self);
  g_signal_connect (self->indicator_entry, "activate", G_CALLBACK (on_add_indicator_clicked_cb), self);
  inputs[0] = GTK_WIDGET (self->org_dropdown);
  inputs[1] = GTK_WIDGET (self->meeting_dropdown);
  inputs[2] = GTK_WIDGET (self->project_entry);
  inputs[3] = GTK_WIDGET (self->indicator_entry);
  buttons[0] = add_button (_("Link this organization"), G_CALLBACK (on_add_org_clicked_cb), self);
  buttons[1] = add_button (_("Link this meeting"), G_CALLBACK (on_add_meeting_clicked_cb), self);
  buttons[2] = add_button (_("Link this project"), G_CALLBACK (on_add_project_clicked_cb), self);
  buttons[3] = add_button (_("Link this indicator"), G_CALLBACK (on_add_indicator_clicked_cb), self);

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  for (int i = 0; i < 4; i++)
    {
      GtkWidget *label = gtk_label_new (_(labels[i]));

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_set_hexpand (inputs[i], TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (inputs[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, _(labels[i]), -1);
      gtk_grid_attach (grid, label, 0, i, 1, 1);
      gtk_grid_attach (grid, inputs[i], 1, i, 1, 1);
      gtk_grid_attach (grid, buttons[i], 2, i, 1, 1);
    }
  gtk_box_append (self->links_box, GTK_WIDGET (grid));
}

/* ---- password prompt ---- */

typedef void (*PasswordFunc) (CouncilDocumentsView *self, const char *password, gpointer data);

typedef struct
{
  CouncilDocumentsView *self;   /* strong */
  PasswordFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GtkWidget *entry;
} PasswordRequest;

static void
on_password_response_cb (GtkDialog *dialog, int response, PasswordRequest *request)
{
  g_autofree char *password = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->entry)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  request->func (request->self, password, request->data);
  if (request->data_free)
    request->data_free (request->data);
  g_object_unref (request->self);
  g_free (request);
}

/* Asks for the password of an encrypted PDF; @func gets NULL on Cancel. The
 * password is used for this file only and never stored. */
static void
ask_password (CouncilDocumentsView *self, const char *name, gboolean wrong,
              PasswordFunc func, gpointer data, GDestroyNotify data_free)
{
  GtkWidget *dialog =
    gtk_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                            GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                            GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                            /* Translators: %s is a file or document name */
                            _("“%s” is protected by a password"), name);
  GtkWidget *area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog));
  PasswordRequest *request = g_new0 (PasswordRequest, 1);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    wrong ? _("That password is not right. Enter the password of this PDF file.")
          : _("Enter the password of this PDF file. It is used to open the file and is not stored."));
  request->self = g_object_ref (self);
  request->func = func;
  request->data = data;
  request->data_free = data_free;
  request->entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (request->entry), TRUE);
  g_object_set (request->entry, "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"), -1);
  gtk_box_append (GTK_BOX (area), request->entry);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Open"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (dialog, "response", G_CALLBACK (on_password_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (request->entry);
}

/* ---- the viewer ---- */

static void show_in_viewer (CouncilDocumentsView *self, const char *password);
static void apply_pending_page (CouncilDocumentsView *self);

static void
on_viewer_password_cb (CouncilDocumentsView *self, const char *password, gpointer data)
{
  gint64 id = GPOINTER_TO_SIZE (data);

  if (password == NULL || self->document == NULL || council_document_get_id (self->document) != id)
    return;
  show_in_viewer (self, password);
}

static void
show_in_viewer (CouncilDocumentsView *self, const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gint64 id;

  if (self->document == NULL)
    return;
  id = council_document_get_id (self->document);
  pdf = council_store_get_document_pdf (self->store, id, &error);
  if (pdf == NULL || !council_pdf_viewer_load (self->viewer, pdf, password, &error))
    {
      if (g_error_matches (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_ENCRYPTED) ||
          g_error_matches (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_BAD_PASSWORD))
        ask_password (self, council_document_get_title (self->document), password != NULL,
                      on_viewer_password_cb, GSIZE_TO_POINTER (id), NULL);
      else
        council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return;
    }
  self->viewer_loaded = TRUE;
  apply_pending_page (self);
}

/* Goes to the page asked for, with the phrase highlighted. */
static void
apply_pending_page (CouncilDocumentsView *self)
{
  if (self->pending_phrase != NULL && self->pending_page > 0)
    council_pdf_viewer_find (self->viewer, self->pending_phrase, self->pending_page);
  if (self->pending_page > 0 && council_pdf_viewer_get_current_hit_page (self->viewer) != self->pending_page)
    council_pdf_viewer_go_to_page (self->viewer, self->pending_page);
  self->pending_page = 0;
  g_clear_pointer (&self->pending_phrase, g_free);
}

static void
on_page_stack_visible_cb (GtkStack *stack, GParamSpec *pspec, CouncilDocumentsView *self)
{
  /* The PDF is opened when it is first looked at (an encrypted one asks then). */
  if (!self->viewer_loaded && self->document != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (stack), "viewer") == 0)
    show_in_viewer (self, NULL);
}

/* ---- opening a document ---- */

static void
load_document (CouncilDocumentsView *self, gint64 id, guint page_no, const char *phrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilDocument) doc = id > 0 ? council_store_get_document (self->store, id, &error) : NULL;

  g_clear_object (&self->document);
  self->viewer_loaded = FALSE;
  council_pdf_viewer_load (self->viewer, NULL, NULL, NULL);
  if (doc == NULL)
    {
      if (error != NULL)
        council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "none");
      council_history_list_set_record (self->history_list, NULL, NULL, 0);
      council_list_controller_sync_selection (self->list);
      update_actions (self);
      return;
    }
  self->document = g_steal_pointer (&doc);
  fill_form (self);
  refresh_links (self);
  council_history_list_set_record (self->history_list, self->store, "document", id);
  gtk_stack_set_visible_child_name (self->main_stack, "document");
  council_list_controller_sync_selection (self->list);
  self->pending_page = page_no;
  g_free (self->pending_phrase);
  self->pending_phrase = phrase && *phrase ? g_strdup (phrase) : NULL;
  if (page_no > 0 && !g_str_equal (gtk_stack_get_visible_child_name (self->page_stack), "viewer"))
    gtk_stack_set_visible_child_name (self->page_stack, "viewer");   /* opens it */
  else if (g_str_equal (gtk_stack_get_visible_child_name (self->page_stack), "viewer"))
    show_in_viewer (self, NULL);
}

static gint64
document_id (gpointer item)
{
  return council_document_get_id (COUNCIL_DOCUMENT (item));
}

static gint64
shown_document_id (GtkWidget *view)
{
  CouncilDocumentsView *self = COUNCIL_DOCUMENTS_VIEW (view);

  return self->document ? council_document_get_id (self->document) : 0;
}

static gboolean
form_has_unsaved (GtkWidget *view)
{
  return form_is_dirty (COUNCIL_DOCUMENTS_VIEW (view));
}

static gboolean
form_save (GtkWidget *view)
{
  return council_documents_view_save (COUNCIL_DOCUMENTS_VIEW (view));
}

/* The page and phrase asked for go with the document they were asked for. */
static void
open_target (GtkWidget *view, gint64 target)
{
  CouncilDocumentsView *self = COUNCIL_DOCUMENTS_VIEW (view);
  g_autofree char *phrase = g_steal_pointer (&self->switch_phrase);
  gboolean asked = self->switch_target == target;
  guint page_no = asked ? self->switch_page : 0;

  self->switch_target = 0;
  self->switch_page = 0;
  load_document (self, target, page_no, asked ? phrase : NULL);
}

static const CouncilListControllerFuncs list_funcs = {
  document_id, shown_document_id, form_has_unsaved, form_save, open_target,
  N_("Save the changes to this document?"),
};

/* Never drops typed text: with unsaved edits the person decides first. */
static void
request_switch (CouncilDocumentsView *self, gint64 id, guint page_no, const char *phrase)
{
  self->switch_target = id;
  self->switch_page = page_no;
  g_free (self->switch_phrase);
  self->switch_phrase = g_strdup (phrase);
  council_list_controller_request_switch (self->list, id);
}

void
council_documents_view_open_document (CouncilDocumentsView *self, gint64 id, guint page_no, const char *phrase)
{
  g_return_if_fail (COUNCIL_IS_DOCUMENTS_VIEW (self));

  if (self->document != NULL && council_document_get_id (self->document) == id)
    {
      /* Already shown: only the page and the phrase change. */
      if (page_no > 0)
        {
          self->pending_page = page_no;
          g_free (self->pending_phrase);
          self->pending_phrase = phrase && *phrase ? g_strdup (phrase) : NULL;
          if (self->viewer_loaded)
            apply_pending_page (self);
          gtk_stack_set_visible_child_name (self->page_stack, "viewer");   /* opens it if needed */
        }
      return;
    }
  request_switch (self, id, page_no, phrase);
}

/* ---- save, revert, delete ---- */

gboolean
council_documents_view_has_unsaved_changes (CouncilDocumentsView *self)
{
  g_return_val_if_fail (COUNCIL_IS_DOCUMENTS_VIEW (self), FALSE);
  return form_is_dirty (self);
}


static gboolean
restore_draft (GtkWidget *view, CouncilDraft *draft)
{
  CouncilDocumentsView *self = COUNCIL_DOCUMENTS_VIEW (view);
  g_autoptr(CouncilDocument) form = NULL;

  if (draft->record_id <= 0)
    return FALSE;
  load_document (self, draft->record_id, 0, NULL);
  if (self->document == NULL || council_document_get_id (self->document) != draft->record_id)
    return FALSE;
  /* Saved over the version the edit started from: a change made since
   * then is refused at save instead of overwritten. */
  if (draft->version > 0)
    council_document_set_version (self->document, draft->version);
  form = council_document_copy (self->document);
  council_draft_apply_to_document (draft, form);
  self->filling_form = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_DOCUMENT_FIELD_TITLE]), council_document_get_title (form));
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_DOCUMENT_FIELD_ISSUING_BODY]), council_document_get_issuing_body (form));
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_DOCUMENT_FIELD_DOC_NUMBER]), council_document_get_doc_number (form));
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_DOCUMENT_FIELD_ISSUE_DATE]), council_document_get_issue_date (form));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->inputs[COUNCIL_DOCUMENT_FIELD_KIND]), council_document_get_kind (form));
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[COUNCIL_DOCUMENT_FIELD_TAGS]), council_document_get_tags (form));
  self->filling_form = FALSE;
  council_draft_keeper_adopt (&self->keeper, draft->record_id);
  gtk_stack_set_visible_child_name (self->page_stack, "details");
  update_actions (self);
  return TRUE;
}

GtkWidget *
council_documents_view_get_draft_dialog (CouncilDocumentsView *self)
{
  g_return_val_if_fail (COUNCIL_IS_DOCUMENTS_VIEW (self), NULL);
  return self->drafts ? council_draft_offer_get_dialog (self->drafts) : NULL;
}

void
council_documents_view_discard_draft (CouncilDocumentsView *self)
{
  g_return_if_fail (COUNCIL_IS_DOCUMENTS_VIEW (self));
  council_draft_keeper_discard (&self->keeper);
}

static void
on_conflict_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilDocumentsView *self = COUNCIL_DOCUMENTS_VIEW (user_data);
  gint64 id = self->document ? council_document_get_id (self->document) : 0;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (id <= 0)
    return;
  if (response == COUNCIL_CONFLICT_RESPONSE_RELOAD)
    load_document (self, id, 0, NULL);   /* their version; the typed one is dropped */
  else if (response == COUNCIL_CONFLICT_RESPONSE_OVERWRITE)
    {
      /* Overwrite: the current version becomes the base; every typed value stays. */
      g_autoptr(CouncilDocument) current = council_store_get_document (self->store, id, NULL);

      if (current == NULL)
        council_widget_show_message (GTK_WIDGET (self),
                                     _("This document was deleted elsewhere; your changes cannot be saved."), TRUE);
      else
        {
          council_document_set_version (self->document, council_document_get_version (current));
          if (council_documents_view_save (self))
            council_widget_show_message (GTK_WIDGET (self), _("Document saved."), FALSE);
        }
    }
}

gboolean
council_documents_view_save (CouncilDocumentsView *self)
{
  g_autoptr(CouncilDocument) form = NULL;
  g_autoptr(GError) error = NULL;
  gboolean valid = TRUE;

  g_return_val_if_fail (COUNCIL_IS_DOCUMENTS_VIEW (self), FALSE);
  if (self->document == NULL)
    return TRUE;
  for (int f = COUNCIL_DOCUMENT_FIELD_TITLE; f < N_FIELDS; f++)
    valid &= check_field (self, f);
  if (!valid)
    return FALSE;
  form = read_form (self);
  if (!council_store_save_document (self->store, form, &error))
    {
      if (error->domain == COUNCIL_VALIDATION_ERROR && error->code > 0 && error->code < N_FIELDS)
        set_field_message (self, error->code, error->message, TRUE);
      else if (g_error_matches (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT))
        g_signal_connect_object (council_conflict_dialog_new (GTK_WIDGET (self), council_document_get_title (self->document),
                                                              error->message),
                                 "response", G_CALLBACK (on_conflict_response_cb), self, 0);
      else
        council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return FALSE;
    }
  /* The stored form (canonical 文号, tidy tags) and the new version. */
  {
    g_autoptr(CouncilDocument) saved = council_store_get_document (self->store, council_document_get_id (form), NULL);

    if (saved != NULL)
      g_set_object (&self->document, saved);
    else
      g_set_object (&self->document, form);
    fill_form (self);
  }
  council_history_list_set_record (self->history_list, self->store, "document", council_document_get_id (self->document));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilDocumentsView *self = COUNCIL_DOCUMENTS_VIEW (widget);

  canonicalize_doc_number (self);
  if (council_documents_view_save (self))
    council_widget_show_message (widget, _("Document saved."), FALSE);
}

static void
revert_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilDocumentsView *self = COUNCIL_DOCUMENTS_VIEW (widget);

  if (self->document != NULL)
    fill_form (self);
}

static void
on_delete_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilDocumentsView *self = COUNCIL_DOCUMENTS_VIEW (user_data);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "id"));
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT)
    return;
  if (!council_store_delete_document (self->store, id, &error))
    {
      council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return;
    }
  load_document (self, 0, 0, NULL);
  council_widget_show_message (GTK_WIDGET (self), _("Document deleted."), FALSE);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilDocumentsView *self = COUNCIL_DOCUMENTS_VIEW (widget);
  GtkWidget *dialog;

  if (self->document == NULL)
    return;
  dialog = gtk_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("Delete “%s”?"), council_document_get_title (self->document));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    _("The document, its PDF, its searchable text and its links are removed from the library. This cannot be undone."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Delete"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  g_object_set_data (G_OBJECT (dialog), "id", GSIZE_TO_POINTER (council_document_get_id (self->document)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- import ---- */

static void
on_open_result_clicked_cb (GtkButton *button, CouncilDocumentsView *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "document-id");

  council_documents_view_open_document (self, *id, 0, NULL);
}

static void ask_next_password (CouncilDocumentsView *self);

static void
on_import_password_cb (CouncilDocumentsView *self, const char *password, gpointer data)
{
  const char *path = data;

  if (password != NULL)
    {
      char *paths[] = { (char *) path, NULL };

      start_batch (self, paths, password, TRUE);
    }
  else
    ask_next_password (self);
}

static void
ask_next_password (CouncilDocumentsView *self)
{
  char *path = g_queue_pop_head (&self->password_queue);
  g_autofree char *name = NULL;
  gboolean wrong;

  if (path == NULL)
    return;
  wrong = g_str_has_prefix (path, "!");
  name = g_path_get_basename (path + (wrong ? 1 : 0));
  ask_password (self, name, wrong, on_import_password_cb, g_strdup (path + (wrong ? 1 : 0)), g_free);
  g_free (path);
}

static void
on_password_result_clicked_cb (GtkButton *button, CouncilDocumentsView *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");

  if (!self->importing)
    g_queue_push_head (&self->password_queue, g_strdup (path));
  ask_next_password (self);
}

static GtkWidget *
result_button (const char *label, GCallback callback, CouncilDocumentsView *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* One row per file: what happened, and what can be done next. */
static void
add_result_row (CouncilDocumentsView *self, const CouncilDocumentImportResult *result)
{
  g_autofree char *name = g_path_get_basename (result->path);
  g_autofree char *text = NULL;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon;
  GtkWidget *label;
  GtkWidget *button = NULL;
  GtkWidget *old = g_hash_table_lookup (self->result_rows, result->path);
  gint64 open_id = 0;

  if (result->error == NULL)
    {
      /* Translators: an import result: "file.pdf: imported" */
      text = g_strdup_printf (_("%s: imported"), name);
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      open_id = result->document_id;
      button = result_button (_("_Open"), G_CALLBACK (on_open_result_clicked_cb), self);
    }
  else if (g_error_matches (result->error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DUPLICATE))
    {
      /* The message names the record that has these bytes already. */
      text = g_strdup_printf ("%s: %s", name, result->error->message);
      icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
      open_id = result->existing_id;
      button = result_button (_("Open _Existing"), G_CALLBACK (on_open_result_clicked_cb), self);
    }
  else if (g_error_matches (result->error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_ENCRYPTED) ||
           g_error_matches (result->error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_BAD_PASSWORD))
    {
      text = g_strdup_printf ("%s: %s", name, result->error->message);
      icon = gtk_image_new_from_icon_name ("dialog-password-symbolic");
      button = result_button (_("Enter _Password…"), G_CALLBACK (on_password_result_clicked_cb), self);
      g_object_set_data_full (G_OBJECT (button), "path", g_strdup (result->path), g_free);
    }
  else
    {
      text = g_strdup_printf ("%s: %s", name, result->error->message);
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_widget_add_css_class (icon, "error");
    }
  g_ptr_array_add (self->import_messages, g_strdup (text));

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  gtk_widget_set_margin_start (row, 8);
  gtk_widget_set_margin_end (row, 8);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), label);
  if (button != NULL)
    {
      if (open_id > 0)
        {
          gint64 *id = g_new (gint64, 1);
          *id = open_id;
          g_object_set_data_full (G_OBJECT (button), "document-id", id, g_free);
        }
      gtk_box_append (GTK_BOX (row), button);
    }
  if (old != NULL)
    gtk_list_box_remove (self->results_list, gtk_widget_get_parent (old));
  gtk_list_box_append (self->results_list, row);
  g_hash_table_replace (self->result_rows, g_strdup (result->path), row);
}

static void
on_import_progress_cb (guint done, guint total, const char *path, gpointer user_data)
{
  CouncilDocumentsView *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = path ? g_path_get_basename (path) : NULL;
  g_autofree char *label = NULL;

  if (!COUNCIL_IS_WINDOW (root) || self->import_owns_cancellable)
    return;
  if (name != NULL)
    /* Translators: progress of an import batch: "Importing a.pdf (2 of 5)…" */
    label = g_strdup_printf (_("Importing %s (%u of %u)…"), name, MIN (done + 1, total), total);
  council_window_set_task_progress (COUNCIL_WINDOW (root), total ? (double) done / total : 1.0, label);
}

static void
end_import (CouncilDocumentsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!self->import_owns_cancellable && COUNCIL_IS_WINDOW (root))
    council_window_end_task (COUNCIL_WINDOW (root));
  g_clear_object (&self->import_cancellable);
  self->importing = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.import", TRUE);
}

static void
on_import_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(CouncilDocumentsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = council_document_import_files_finish (COUNCIL_STORE (source), result, &error);
  guint imported = 0, total = results ? results->len : 0;
  gint64 first = 0;
  g_autofree char *title = NULL;

  end_import (self);
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;   /* the window closed meanwhile */
  if (results == NULL)
    {
      council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return;
    }
  for (guint i = 0; i < results->len; i++)
    {
      CouncilDocumentImportResult *r = g_ptr_array_index (results, i);

      add_result_row (self, r);
      if (r->document_id > 0)
        {
          imported++;
          if (first == 0)
            first = r->document_id;
        }
      if (g_error_matches (r->error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_ENCRYPTED))
        g_queue_push_tail (&self->password_queue, g_strdup (r->path));
      else if (g_error_matches (r->error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_BAD_PASSWORD))
        g_queue_push_tail (&self->password_queue, g_strconcat ("!", r->path, NULL));
    }
  /* Translators: summary of an import batch */
  title = g_strdup_printf (ngettext ("Imported %u of %u file", "Imported %u of %u files", total), imported, total);
  gtk_label_set_text (self->results_title, title);
  gtk_revealer_set_reveal_child (self->results_revealer, TRUE);
  if (first > 0 && !form_is_dirty (self))
    load_document (self, first, 0, NULL);
  ask_next_password (self);
}

static void
start_batch (CouncilDocumentsView *self, char **paths, const char *password, gboolean retry)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint n = g_strv_length (paths);
  g_autofree char *label = NULL;

  if (n == 0)
    return;
  if (self->importing)
    {
      council_widget_show_message (GTK_WIDGET (self), _("An import is already running."), TRUE);
      return;
    }
  label = g_strdup_printf (ngettext ("Importing %u PDF file…", "Importing %u PDF files…", n), n);
  self->import_owns_cancellable = !COUNCIL_IS_WINDOW (root);
  if (self->import_owns_cancellable)
    self->import_cancellable = g_cancellable_new ();
  else
    {
      GCancellable *cancellable = council_window_begin_task (COUNCIL_WINDOW (root), label);

      if (cancellable == NULL)
        {
          council_widget_show_message (GTK_WIDGET (self), _("Another task is running; import when it has finished."), TRUE);
          return;
        }
      /* Our own reference: the window lets go of its one when it closes. */
      self->import_cancellable = g_object_ref (cancellable);
    }
  if (!retry)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
        gtk_list_box_remove (self->results_list, child);
      g_hash_table_remove_all (self->result_rows);
      g_ptr_array_set_size (self->import_messages, 0);
    }
  self->importing = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.import", FALSE);
  council_document_import_files_async (self->store, (const char * const *) paths, password,
                                       on_import_progress_cb, g_object_ref (self), g_object_unref,
                                       self->import_cancellable, on_import_done_cb, g_object_ref (self));
}

void
council_documents_view_import_files (CouncilDocumentsView *self, GPtrArray *files)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (COUNCIL_IS_DOCUMENTS_VIEW (self));
  for (guint i = 0; i < files->len; i++)
    {
      char *path = g_file_get_path (g_ptr_array_index (files, i));

      if (path != NULL)
        g_ptr_array_add (paths, path);
      else
        council_widget_show_message (GTK_WIDGET (self), _("Only files on this computer can be imported."), TRUE);
    }
  g_ptr_array_add (paths, NULL);
  start_batch (self, (char **) paths->pdata, NULL, FALSE);
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser, int response, CouncilDocumentsView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      council_documents_view_import_files (self, array);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilDocumentsView *self = COUNCIL_DOCUMENTS_VIEW (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Import PDF Documents"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, CouncilDocumentsView *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  council_documents_view_import_files (self, files);
  return TRUE;
}

static void
on_results_close_clicked_cb (GtkButton *button, CouncilDocumentsView *self)
{
  gtk_revealer_set_reveal_child (self->results_revealer, FALSE);
}

/* ---- the store ---- */

static void
on_store_changed_cb (CouncilStore *store, const char *table, CouncilDocumentsView *self)
{
  gboolean all = table == NULL;

  if (all || g_str_equal (table, "document"))
    {
      fill_filters (self);
      reload_documents (self);
      reload_hits (self);
      /* Undo, or a save elsewhere: show what is stored unless edits would be lost. */
      if (self->document != NULL && !form_is_dirty (self))
        {
          g_autoptr(CouncilDocument) fresh = council_store_get_document (self->store, council_document_get_id (self->document), NULL);

          if (fresh == NULL)
            load_document (self, 0, 0, NULL);
          else if (council_document_get_version (fresh) != council_document_get_version (self->document))
            {
              g_set_object (&self->document, fresh);
              fill_form (self);
            }
        }
      if (self->document != NULL)
        council_history_list_set_record (self->history_list, self->store, "document", council_document_get_id (self->document));
    }
  if (all || g_str_equal (table, "document_link"))
    refresh_links (self);
  if (all || g_str_has_prefix (table, "organization") || g_str_has_prefix (table, "meeting"))
    {
      self->pickers_stale = TRUE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        ensure_pickers (self);
    }
}

/* ---- actions ---- */

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CouncilDocumentsView *self = COUNCIL_DOCUMENTS_VIEW (widget);

  /* In the viewer, Ctrl+F finds in the document; elsewhere in every document. */
  if (self->document != NULL && self->viewer_loaded &&
      g_str_equal (gtk_stack_get_visible_child_name (self->page_stack), "viewer"))
    gtk_widget_activate_action (GTK_WIDGET (self->viewer), "viewer.find", NULL);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- test accessors ---- */

GtkColumnView *council_documents_view_get_column_view (CouncilDocumentsView *self) { return self->column_view; }
GtkListView *council_documents_view_get_hits_view (CouncilDocumentsView *self) { return self->hits_view; }
GtkEditable *council_documents_view_get_search_entry (CouncilDocumentsView *self) { return GTK_EDITABLE (self->search_entry); }
CouncilPdfViewer *council_documents_view_get_viewer (CouncilDocumentsView *self) { return self->viewer; }
GtkEditable *council_documents_view_get_doc_number_entry (CouncilDocumentsView *self)
{
  return GTK_EDITABLE (self->inputs[COUNCIL_DOCUMENT_FIELD_DOC_NUMBER]);
}
GtkLabel *council_documents_view_get_doc_number_message (CouncilDocumentsView *self)
{
  return self->messages[COUNCIL_DOCUMENT_FIELD_DOC_NUMBER];
}
gint64 council_documents_view_get_document_id (CouncilDocumentsView *self)
{
  return self->document ? council_document_get_id (self->document) : 0;
}
const char *council_documents_view_get_page_name (CouncilDocumentsView *self)
{
  return gtk_stack_get_visible_child_name (self->page_stack);
}
gboolean council_documents_view_is_importing (CouncilDocumentsView *self) { return self->importing; }

char **
council_documents_view_dup_import_messages (CouncilDocumentsView *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **strv;

  for (guint i = 0; i < self->import_messages->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->import_messages, i));
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

/* ---- life cycle ---- */

static void
council_documents_view_dispose (GObject *object)
{
  CouncilDocumentsView *self = COUNCIL_DOCUMENTS_VIEW (object);

  if (self->importing && self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  if (self->drafts != NULL)
    council_draft_offer_detach (self->drafts);
  g_clear_object (&self->drafts);
  /* A draft on disk stays: only save, revert or discard remove it. */
  council_draft_keeper_stop (&self->keeper);
  if (self->list != NULL)
    council_list_controller_detach (self->list);
  g_clear_object (&self->list);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COUNCIL_TYPE_DOCUMENTS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->hit_selection);
  g_clear_object (&self->documents);
  g_clear_object (&self->hits);
  g_clear_object (&self->document);
  g_clear_object (&self->organizations);
  g_clear_pointer (&self->meeting_ids, g_array_unref);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (council_documents_view_parent_class)->dispose (object);
}

static void
council_documents_view_finalize (GObject *object)
{
  CouncilDocumentsView *self = COUNCIL_DOCUMENTS_VIEW (object);

  g_strfreev (self->bodies);
  g_array_unref (self->years);
  g_ptr_array_unref (self->import_messages);
  g_hash_table_unref (self->result_rows);
  g_queue_clear_full (&self->password_queue, g_free);
  g_free (self->pending_phrase);
  g_free (self->switch_phrase);
  G_OBJECT_CLASS (council_documents_view_parent_class)->finalize (object);
}

static void
council_documents_view_class_init (CouncilDocumentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_documents_view_dispose;
  object_class->finalize = council_documents_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/qunjian/CouncilDesk/ui/council-documents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, paned);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, body_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, year_filter);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, results_revealer);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, results_title);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, results_close_button);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, results_list);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, hits_view);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, details_box);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, viewer);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, links_box);
  gtk_widget_class_bind_template_child (widget_class, CouncilDocumentsView, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_hit_activate_cb);

  gtk_widget_class_install_action (widget_class, "view.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "view.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "view.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "view.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "view.delete", NULL, delete_action);
  /* Ctrl+N in this view brings in new documents. */
  gtk_widget_class_install_action (widget_class, "view.new", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "view.save", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentsview");
}

static void
setup_models (CouncilDocumentsView *self)
{
  GtkSortListModel *sorted;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->documents = g_list_store_new (COUNCIL_TYPE_DOCUMENT);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->documents)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  self->list = council_list_controller_new (GTK_WIDGET (self), self->selection, &list_funcs);

  self->hits = g_list_store_new (COUNCIL_TYPE_DOCUMENT_HIT);
  self->hit_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->hits)));
  gtk_single_selection_set_autoselect (self->hit_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->hit_selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (on_hit_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_hit_bind_cb), NULL);
  gtk_list_view_set_factory (self->hits_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->hits_view, GTK_SELECTION_MODEL (self->hit_selection));
}

static void
council_documents_view_init (CouncilDocumentsView *self)
{
  GtkDropTarget *drop;

  g_type_ensure (COUNCIL_TYPE_PDF_VIEWER);
  g_type_ensure (COUNCIL_TYPE_HISTORY_LIST);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->import_messages = g_ptr_array_new_with_free_func (g_free);
  self->result_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&self->password_queue);
  add_columns (self);
  setup_models (self);
  build_details (self);
  build_links (self);
  use_ellipsizing_factory (self->body_filter);
  use_ellipsizing_factory (self->kind_filter);
  use_ellipsizing_factory (self->year_filter);
  use_ellipsizing_factory (self->org_dropdown);
  use_ellipsizing_factory (self->meeting_dropdown);
  g_signal_connect (self->page_stack, "notify::visible-child", G_CALLBACK (on_page_stack_visible_cb), self);
  g_signal_connect (self->results_close_button, "clicked", G_CALLBACK (on_results_close_clicked_cb), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

CouncilDocumentsView *
council_documents_view_new (CouncilStore *store)
{
  CouncilDocumentsView *self;

  g_return_val_if_fail (COUNCIL_IS_STORE (store), NULL);

  self = g_object_new (COUNCIL_TYPE_DOCUMENTS_VIEW, NULL);
  self->store = g_object_ref (store);
  council_draft_keeper_init (&self->keeper, store, "document", build_draft, self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  fill_filters (self);
  self->pickers_stale = TRUE;
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
  reload_documents (self);
  load_document (self, 0, 0, NULL);
  self->drafts = council_draft_offer_new (GTK_WIDGET (self), store, "document", N_("a document"), restore_draft);
  return self;
}
