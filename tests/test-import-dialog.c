/* test-import-dialog.c: the roster import preview under Xvfb.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "council-import-dialog.h"
#include "council-test-helpers.h"

static GtkWidget *
find_widget (GtkWidget *root, GType type, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (label == NULL || (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)))
        return child;
      found = find_widget (child, type, label);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
label_shows (GtkWidget *root, const char *needle)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          strstr (gtk_label_get_text (GTK_LABEL (child)), needle) != NULL)
        return TRUE;
      if (label_shows (child, needle))
        return TRUE;
    }
  return FALSE;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static CouncilImportDialog *
open_preview (CouncilStore *store, const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilRosterImport) import = council_roster_import_prepare_data (store, csv, strlen (csv), &error);
  CouncilImportDialog *dialog;

  g_assert_no_error (error);
  dialog = council_import_dialog_new (NULL, store, import, "roster.csv");
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  return dialog;
}

static void
test_preview_and_apply (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  CouncilImportDialog *dialog = open_preview (store,
    "单位名称,英文名称,联系电话\n九龙坡区总工会,,023-68781234\n九龙坡区老年协会,Jiulongpo Senior Citizens Association,13912345678\n");
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (dialog), GTK_TYPE_COLUMN_VIEW, NULL));
  GtkWidget *import_button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import");

  g_assert_nonnull (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 2);
  g_assert_true (label_shows (GTK_WIDGET (dialog), "1 to add, 1 to change, 0 unchanged, 0 rejected — encoding UTF-8"));
  g_assert_nonnull (import_button);
  g_assert_true (gtk_widget_is_sensitive (import_button));

  g_assert_cmpuint (council_store_count_organizations (store, FALSE), ==, 22);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  iterate ();
  g_assert_cmpuint (council_store_count_organizations (store, FALSE), ==, 23);
  council_test_rm_rf (dir);
}

static void
test_rejected_row_blocks_import (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  CouncilImportDialog *dialog = open_preview (store,
    "name,name_en,staff in post\nNew A,New A,3\nNew B,New B,lots\n");
  GtkWidget *import_button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import");

  g_assert_true (label_shows (GTK_WIDGET (dialog), "1 to add, 0 to change, 0 unchanged, 1 rejected"));
  g_assert_true (label_shows (GTK_WIDGET (dialog), "Row 3: Staff in post: “lots” is not a whole number."));
  g_assert_false (gtk_widget_is_sensitive (import_button));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  iterate ();
  g_assert_cmpuint (council_store_count_organizations (store, FALSE), ==, 22);
  gtk_window_destroy (GTK_WINDOW (dialog));
  council_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-dialog/preview-and-apply", test_preview_and_apply);
  g_test_add_func ("/import-dialog/rejected-row-blocks-import", test_rejected_row_blocks_import);
  return g_test_run ();
}
