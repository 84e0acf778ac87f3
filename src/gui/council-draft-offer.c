/* council-draft-offer.c: offering back the unsaved text that a crash left.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-draft-offer"

#include "config.h"

#include <glib/gi18n.h>

#include "council-draft-offer.h"
#include "council-window.h"

enum { DRAFT_RESPONSE_DISCARD = 1, DRAFT_RESPONSE_RESTORE = 2 };

struct _CouncilDraftOffer
{
  GObject parent_instance;

  GtkWidget *view;                /* not referenced: it owns us */
  CouncilStore *store;
  char *kind;
  const char *unnamed;
  CouncilDraftRestoreFunc restore;
  GPtrArray *drafts;              /* CouncilDraft* still to offer */
  GtkWidget *dialog;              /* the offer being shown */
  guint idle_id;                  /* the offer, once the view is shown */
};

G_DEFINE_FINAL_TYPE (CouncilDraftOffer, council_draft_offer, G_TYPE_OBJECT)

static void offer_next (CouncilDraftOffer *self);

static void
on_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  CouncilDraftOffer *self = COUNCIL_DRAFT_OFFER (user_data);
  g_autoptr(CouncilDraft) draft = g_ptr_array_steal_index (self->drafts, 0);

  self->dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (self->view == NULL)
    return;
  if (response == DRAFT_RESPONSE_RESTORE && self->restore (self->view, draft))
    {
      /* The form holds this one now; any other waits until the view is
       * shown again with nothing unsaved (the next start). */
      g_ptr_array_set_size (self->drafts, 0);
      return;
    }
  if (response == DRAFT_RESPONSE_RESTORE)
    council_widget_show_message (self->view,
                                 _("The record of these unsaved changes no longer exists; they were discarded."), TRUE);
  council_draft_discard (council_store_get_path (self->store), draft->kind, draft->record_id);
  offer_next (self);
}

static void
offer_next (CouncilDraftOffer *self)
{
  CouncilDraft *draft;
  g_autofree char *when = NULL;
  GtkRoot *root;

  if (self->view == NULL || self->drafts == NULL || self->drafts->len == 0 || self->dialog != NULL)
    return;
  root = gtk_widget_get_root (self->view);
  draft = g_ptr_array_index (self->drafts, 0);
  /* Translators: date and time of an unsaved draft, e.g. 2026-11-29 14:05 */
  when = g_date_time_format (draft->saved_at, _("%Y-%m-%d %H:%M"));
  self->dialog =
    gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                            GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                            _("Your unsaved changes to “%s” from %s were not saved"),
                            draft->title && *draft->title ? draft->title : _(self->unnamed), when);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (self->dialog), "%s",
    _("Council Desk ended before they were saved. Restore puts them back in the editor for you to check and save; Discard throws them away."));
  gtk_dialog_add_buttons (GTK_DIALOG (self->dialog),
                          _("_Discard"), DRAFT_RESPONSE_DISCARD,
                          _("_Restore"), DRAFT_RESPONSE_RESTORE, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (self->dialog), DRAFT_RESPONSE_RESTORE);
  g_signal_connect_object (self->dialog, "response", G_CALLBACK (on_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

/* Once, when the view is first shown: drafts that an editor wrote and
 * nothing removed, i.e. the program did not end cleanly. Asked from the main
 * loop, so that the question comes up over the window that is being shown. */
static gboolean
offer_idle_cb (gpointer user_data)
{
  CouncilDraftOffer *self = user_data;
  g_autoptr(GPtrArray) all = NULL;

  self->idle_id = 0;
  if (self->view == NULL)
    return G_SOURCE_REMOVE;
  all = council_draft_list (council_store_get_path (self->store));
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  self->drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) council_draft_free);
  for (guint i = 0; i < all->len; i++)
    {
      CouncilDraft *draft = g_ptr_array_index (all, i);

      /* A draft this run's editors wrote (before the view was first
       * shown) is not one a crash left. */
      if (g_strcmp0 (draft->kind, self->kind) == 0 &&
          g_date_time_to_unix (draft->saved_at) * G_USEC_PER_SEC + g_date_time_get_microsecond (draft->saved_at)
            < council_store_get_opened_at (self->store))
        g_ptr_array_add (self->drafts, g_ptr_array_steal_index (all, i--));
    }
  offer_next (self);
  return G_SOURCE_REMOVE;
}

static void
on_view_map_cb (GtkWidget *view, CouncilDraftOffer *self)
{
  g_signal_handlers_disconnect_by_func (view, on_view_map_cb, self);
  if (!council_store_is_temporary (self->store))
    self->idle_id = g_idle_add (offer_idle_cb, self);
}

GtkWidget *
council_draft_offer_get_dialog (CouncilDraftOffer *self)
{
  g_return_val_if_fail (COUNCIL_IS_DRAFT_OFFER (self), NULL);
  return self->dialog;
}

void
council_draft_offer_detach (CouncilDraftOffer *self)
{
  g_return_if_fail (COUNCIL_IS_DRAFT_OFFER (self));
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_func (self->view, on_view_map_cb, self);
  self->view = NULL;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->dialog)));
}

static const struct { const char *kind; const char *view; } kind_views[] = {
  { "organization", "roster" },
  { "meeting", "meetings" },
  { "action-item", "actions" },
  { "project", "projects" },
  { "document", "documents" },
};

const char *
council_draft_offer_first_view (CouncilStore *store)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_val_if_fail (COUNCIL_IS_STORE (store), NULL);
  if (council_store_is_temporary (store))
    return NULL;
  drafts = council_draft_list (council_store_get_path (store));
  for (guint i = 0; i < drafts->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (kind_views); k++)
      if (g_strcmp0 (((CouncilDraft *) g_ptr_array_index (drafts, i))->kind, kind_views[k].kind) == 0)
        return kind_views[k].view;
  return NULL;
}

static void
council_draft_offer_dispose (GObject *object)
{
  CouncilDraftOffer *self = COUNCIL_DRAFT_OFFER (object);

  council_draft_offer_detach (self);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (council_draft_offer_parent_class)->dispose (object);
}

static void
council_draft_offer_finalize (GObject *object)
{
  g_free (COUNCIL_DRAFT_OFFER (object)->kind);
  G_OBJECT_CLASS (council_draft_offer_parent_class)->finalize (object);
}

static void
council_draft_offer_class_init (CouncilDraftOfferClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = council_draft_offer_dispose;
  G_OBJECT_CLASS (klass)->finalize = council_draft_offer_finalize;
}

static void
council_draft_offer_init (CouncilDraftOffer *self)
{
}

CouncilDraftOffer *
council_draft_offer_new (GtkWidget *view, CouncilStore *store, const char *kind, const char *unnamed,
                         CouncilDraftRestoreFunc restore)
{
  CouncilDraftOffer *self;

  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);
  g_return_val_if_fail (COUNCIL_IS_STORE (store), NULL);

  self = g_object_new (COUNCIL_TYPE_DRAFT_OFFER, NULL);
  self->view = view;
  self->store = g_object_ref (store);
  self->kind = g_strdup (kind);
  self->unnamed = unnamed;
  self->restore = restore;
  g_signal_connect (view, "map", G_CALLBACK (on_view_map_cb), self);
  return self;
}
