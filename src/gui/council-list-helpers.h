/* council-list-helpers.h: what the list + editor views share about their column view.
 *
 * The Roster, Meetings and Documents views each show a GtkColumnView of
 * records beside the editor of one of them. The columns are labels sorted by
 * a property of the record; the selection follows the record the editor
 * holds; choosing another row while the form holds unsaved changes asks
 * first ("Save, Discard or Cancel"). CouncilListController is that last part:
 * it owns no model and no editor, and asks its view through a small table of
 * functions.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* ---- columns ---- */

/* Fills the label of one cell from its record; @data is what was passed to
 * council_label_factory_new() (usually the column's spec). */
typedef void (*CouncilLabelBindFunc) (GtkLabel *label, gpointer item, gconstpointer data);

/* A factory of start-aligned labels ellipsized at the end. */
GtkListItemFactory *council_label_factory_new (CouncilLabelBindFunc bind,
                                               gconstpointer        data);

/* Appends a resizable column titled @title (already translated) whose cells
 * come from @factory (transfer full) and that sorts by @sort_property of
 * @item_type, as numbers when @numeric. A @fixed_width of -1 or less makes the
 * column take the space left. */
void council_column_view_append_sorted (GtkColumnView      *column_view,
                                        GType               item_type,
                                        const char         *title,
                                        const char         *sort_property,
                                        gboolean            numeric,
                                        int                 fixed_width,
                                        GtkListItemFactory *factory);

/* Replaces every item of @store by those of @fresh, in one items-changed. */
void council_list_store_replace_all (GListStore *store,
                                     GListModel *fresh);

/* ---- the row the editor holds ---- */

typedef struct
{
  /* The id of a row of the list. */
  gint64   (*item_id)     (gpointer item);
  /* The id of the record in the editor; 0 or less when it holds none. */
  gint64   (*editor_id)   (GtkWidget *view);
  gboolean (*has_unsaved) (GtkWidget *view);
  /* Saves the form; FALSE leaves the reasons at the fields. */
  gboolean (*save)        (GtkWidget *view);
  /* Shows @target in the editor, the unsaved edits settled. */
  void     (*open)        (GtkWidget *view, gint64 target);
  /* The question over the Save / Discard / Cancel dialog (untranslated,
   * "Save the changes to this meeting?"). */
  const char *question;
  /* Optional: the row of record @id, for a list too long to walk (a model
   * served page by page by SQL); NULL walks the list. */
  guint    (*find_position) (GtkWidget *view, gint64 id);
} CouncilListControllerFuncs;

#define COUNCIL_TYPE_LIST_CONTROLLER (council_list_controller_get_type ())
G_DECLARE_FINAL_TYPE (CouncilListController, council_list_controller, COUNCIL, LIST_CONTROLLER, GObject)

/* Follows the selection of @selection for @view (not referenced: the view
 * owns the controller). @funcs must outlive it (a static table). */
CouncilListController *council_list_controller_new (GtkWidget                        *view,
                                                    GtkSingleSelection               *selection,
                                                    const CouncilListControllerFuncs *funcs);
/* Stops following the selection (the view is going away). */
void     council_list_controller_detach         (CouncilListController *self);
/* The row of record @id in the (filtered, sorted) list, or GTK_INVALID_LIST_POSITION. */
guint    council_list_controller_find_position  (CouncilListController *self,
                                                 gint64                 id);
/* Highlights the record the editor holds, without reacting to it. */
void     council_list_controller_sync_selection (CouncilListController *self);
/* Changes to the list that move the selection are not the person's choice:
 * between freeze and thaw they are ignored; thaw highlights the editor's record. */
void     council_list_controller_freeze         (CouncilListController *self);
void     council_list_controller_thaw           (CouncilListController *self);
/* Opens @target, asking first when the form holds unsaved changes. */
void     council_list_controller_request_switch (CouncilListController *self,
                                                 gint64                 target);

G_END_DECLS
