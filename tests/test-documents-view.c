/* test-documents-view: import a generated PDF through the view, find a phrase in
 * it, open the hit at its page, fix a 文号, and refuse a damaged file — as a
 * person would see it.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "core/council-demo.h"
#include "core/council-store-documents.h"
#include "council-documents-view-private.h"
#include "council-linked-documents.h"
#include "council-test-helpers.h"

typedef struct
{
  CouncilStore *store;
  char *path;
  char *dir;
  GtkWindow *window;
  CouncilDocumentsView *view;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture, gpointer data);

static gboolean
wait_until (Fixture *fixture, Condition condition, gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!condition (fixture, data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
is_mapped (Fixture *fixture, gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
import_done (Fixture *fixture, gpointer data)
{
  return !council_documents_view_is_importing (fixture->view);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->store = council_test_open_store (&fixture->path);
  fixture->dir = council_test_make_tmpdir ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1300, 800);
  fixture->view = council_documents_view_new (fixture->store);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  g_assert_true (wait_until (fixture, is_mapped, fixture->view));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);

  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->store);
  council_test_rm_rf (dir);
  council_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* What Import… and a drop do, for one file. */
static char **
import_one (Fixture *fixture, const char *path)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (files, g_file_new_for_path (path));
  council_documents_view_import_files (fixture->view, files);
  g_assert_true (council_documents_view_is_importing (fixture->view));
  g_assert_true (wait_until (fixture, import_done, NULL));
  return council_documents_view_dup_import_messages (fixture->view);
}

static char *
write_policy_pdf (Fixture *fixture)
{
  const char *pages[] = {
    "九龙坡区群团工作理事会文件\n九龙坡群理发〔2026〕7号\n关于联络制度的通知\n各成员单位：",
    "二、派驻人员\n各枢纽型群团组织向人社、司法部门派驻联络员，\n联络员每季度报告一次工作。",
    "三、附则\n本通知自印发之日起施行。",
    NULL
  };
  char *path = g_build_filename (fixture->dir, "policy.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (council_demo_write_pdf (path, "关于联络制度的通知", pages, &error));
  g_assert_no_error (error);
  return path;
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (council_documents_view_get_column_view (fixture->view))));
}

static guint
n_hits (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (council_documents_view_get_hits_view (fixture->view))));
}

static gboolean
has_hits (Fixture *fixture, gpointer data)
{
  return n_hits (fixture) > 0;
}

static gboolean
has_no_hits (Fixture *fixture, gpointer data)
{
  return n_hits (fixture) == 0;
}

static gboolean
viewer_at_hit (Fixture *fixture, gpointer data)
{
  CouncilPdfViewer *viewer = council_documents_view_get_viewer (fixture->view);
  guint page = GPOINTER_TO_UINT (data);

  if (g_test_verbose ())
    g_test_message ("pages %u hit page %u page %u drawn %d", council_pdf_viewer_get_n_pages (viewer),
                    council_pdf_viewer_get_current_hit_page (viewer), council_pdf_viewer_get_page (viewer),
                    council_pdf_viewer_page_is_drawn (viewer, page));

  return council_pdf_viewer_get_n_pages (viewer) > 0 &&
         council_pdf_viewer_get_current_hit_page (viewer) == page &&
         council_pdf_viewer_get_page (viewer) == page &&
         council_pdf_viewer_page_is_drawn (viewer, page);
}

static void
test_import_search_open (Fixture *fixture, gconstpointer data)
{
  g_autofree char *pdf = write_policy_pdf (fixture);
  guint before = n_rows (fixture);
  g_auto(GStrv) messages = import_one (fixture, pdf);
  CouncilPdfViewer *viewer = council_documents_view_get_viewer (fixture->view);
  g_autoptr(CouncilDocumentHit) hit = NULL;
  g_autofree char *selected = NULL;

  g_assert_cmpuint (g_strv_length (messages), ==, 1);
  g_assert_nonnull (strstr (messages[0], "policy.pdf"));
  g_assert_nonnull (strstr (messages[0], "imported"));
  g_assert_cmpuint (n_rows (fixture), ==, before + 1);
  g_assert_cmpint (council_documents_view_get_document_id (fixture->view), >, 0);

  /* Importing it again says it is there already, and nothing is added. */
  {
    g_auto(GStrv) again = import_one (fixture, pdf);
    g_assert_nonnull (strstr (again[0], "already in the library"));
    g_assert_cmpuint (n_rows (fixture), ==, before + 1);
  }

  /* A three-character phrase: the list turns into hits, the phrase marked. */
  gtk_editable_set_text (council_documents_view_get_search_entry (fixture->view), "联络员");
  g_assert_true (wait_until (fixture, has_hits, NULL));
  hit = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (council_documents_view_get_hits_view (fixture->view))), 0);
  g_assert_cmpuint (council_document_hit_get_page_no (hit), ==, 2);
  g_assert_nonnull (strstr (council_document_hit_get_snippet (hit), "«联络员»"));

  /* Opening the hit shows page 2 in the viewer with the phrase highlighted. */
  council_documents_view_activate_hit (fixture->view, 0);
  g_assert_cmpstr (council_documents_view_get_page_name (fixture->view), ==, "viewer");
  g_assert_true (wait_until (fixture, viewer_at_hit, GUINT_TO_POINTER (2)));
  g_assert_cmpuint (council_pdf_viewer_get_n_pages (viewer), ==, 3);
  g_assert_cmpuint (council_pdf_viewer_get_n_hits (viewer), ==, 2);

  /* What a drag over the whole page copies. */
  selected = council_pdf_viewer_get_text_in_area (viewer, 2, 0, 0, 595, 842);
  g_assert_nonnull (selected);
  g_assert_nonnull (strstr (selected, "派驻"));
  g_free (selected);
  /* A rectangle over the first line only: its text and none of the rest. */
  selected = council_pdf_viewer_get_text_in_area (viewer, 2, 0, 0, 595, 100);
  g_assert_nonnull (strstr (selected, "派驻人员"));
  g_assert_null (strstr (selected, "每季度"));

  /* Clearing the search brings the documents back. */
  gtk_editable_set_text (council_documents_view_get_search_entry (fixture->view), "");
  g_assert_true (wait_until (fixture, has_no_hits, NULL));
  g_assert_cmpuint (n_rows (fixture), ==, before + 1);
}

static gboolean
message_visible (Fixture *fixture, gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (council_documents_view_get_doc_number_message (fixture->view)));
}

static void
test_doc_number_canonical (Fixture *fixture, gconstpointer data)
{
  g_autofree char *pdf = write_policy_pdf (fixture);
  g_auto(GStrv) messages = import_one (fixture, pdf);
  gint64 id = council_documents_view_get_document_id (fixture->view);
  GtkEditable *number = council_documents_view_get_doc_number_entry (fixture->view);
  g_autoptr(CouncilDocument) saved = NULL;

  g_assert_cmpint (id, >, 0);
  gtk_editable_set_text (number, "九龙坡委办发[2026]12号");
  g_assert_true (wait_until (fixture, message_visible, NULL));
  g_assert_nonnull (strstr (gtk_label_get_text (council_documents_view_get_doc_number_message (fixture->view)),
                            "九龙坡委办发〔2026〕12号"));
  g_assert_true (council_documents_view_has_unsaved_changes (fixture->view));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.save", NULL);
  g_assert_false (council_documents_view_has_unsaved_changes (fixture->view));
  saved = council_store_get_document (fixture->store, id, NULL);
  g_assert_cmpstr (council_document_get_doc_number (saved), ==, "九龙坡委办发〔2026〕12号");
  g_assert_cmpstr (gtk_editable_get_text (number), ==, "九龙坡委办发〔2026〕12号");

  /* A number that cannot be read is refused at the field, and not saved. */
  gtk_editable_set_text (number, "九龙坡委办发〔20x6〕号");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (number), "error"));
  g_assert_false (council_documents_view_save (fixture->view));
  g_clear_object (&saved);
  saved = council_store_get_document (fixture->store, id, NULL);
  g_assert_cmpstr (council_document_get_doc_number (saved), ==, "九龙坡委办发〔2026〕12号");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.revert", NULL);
  g_assert_false (council_documents_view_has_unsaved_changes (fixture->view));

  /* A link shows on the other side too: the organization's linked documents. */
  {
    g_autoptr(GListStore) orgs = council_store_list_organizations (fixture->store, FALSE, NULL);
    g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), 0);
    GtkWidget *linked = g_object_ref_sink (council_linked_documents_new ());

    council_linked_documents_set_record (COUNCIL_LINKED_DOCUMENTS (linked), fixture->store,
                                         COUNCIL_LINK_ORGANIZATION, council_organization_get_id (org));
    g_assert_cmpuint (council_linked_documents_get_n_documents (COUNCIL_LINKED_DOCUMENTS (linked)), ==, 0);
    g_assert_true (council_store_add_document_link (fixture->store, id, COUNCIL_LINK_ORGANIZATION,
                                                    council_organization_get_id (org), NULL));
    g_assert_cmpuint (council_linked_documents_get_n_documents (COUNCIL_LINKED_DOCUMENTS (linked)), ==, 1);
    g_object_unref (linked);
  }
}

static GtkDialog *
find_conflict_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      char *text = NULL;
      gboolean found;

      if (!GTK_IS_MESSAGE_DIALOG (window) || !gtk_widget_get_visible (window))
        continue;
      g_object_get (window, "text", &text, NULL);
      found = text != NULL && g_str_has_suffix (text, "was changed by someone else");
      g_free (text);
      if (found)
        return GTK_DIALOG (window);
    }
  return NULL;
}

/* Saved elsewhere (another window, another process) after the details were
 * opened: Save asks Reload or Overwrite, and each does what it says. */
static void
test_conflict_reload_or_overwrite (Fixture *fixture, gconstpointer data)
{
  g_autofree char *pdf = write_policy_pdf (fixture);
  g_auto(GStrv) messages = import_one (fixture, pdf);
  gint64 id = council_documents_view_get_document_id (fixture->view);
  GtkEditable *number = council_documents_view_get_doc_number_entry (fixture->view);
  GtkDialog *dialog;

  g_assert_cmpint (id, >, 0);
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(CouncilDocument) theirs = council_store_get_document (fixture->store, id, NULL);
      g_autoptr(CouncilDocument) saved = NULL;
      g_autoptr(GError) error = NULL;

      gtk_editable_set_text (number, round == 0 ? "九龙坡委办发〔2026〕21号" : "九龙坡委办发〔2026〕22号");
      /* The other writer changes the tags while the form is open. */
      council_document_set_tags (theirs, round == 0 ? "联络员" : "项目化");
      g_assert_true (council_store_save_document (fixture->store, theirs, &error));
      g_assert_no_error (error);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      /* The typed number is still there. */
      g_assert_cmpstr (gtk_editable_get_text (number), ==,
                       round == 0 ? "九龙坡委办发〔2026〕21号" : "九龙坡委办发〔2026〕22号");
      g_assert_false (council_documents_view_save (fixture->view));
      dialog = find_conflict_dialog ();
      g_assert_nonnull (dialog);
      gtk_dialog_response (dialog, round == 0 ? 2 /* Overwrite */ : 1 /* Reload */);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_null (find_conflict_dialog ());
      saved = council_store_get_document (fixture->store, id, NULL);
      if (round == 0)
        {
          /* Overwrite: ours is stored. */
          g_assert_cmpstr (council_document_get_doc_number (saved), ==, "九龙坡委办发〔2026〕21号");
          g_assert_false (council_documents_view_has_unsaved_changes (fixture->view));
        }
      else
        {
          /* Reload: theirs is shown, ours dropped. */
          g_assert_cmpstr (council_document_get_doc_number (saved), ==, "九龙坡委办发〔2026〕21号");
          g_assert_cmpstr (council_document_get_tags (saved), ==, "项目化");
          g_assert_cmpstr (gtk_editable_get_text (number), ==, "九龙坡委办发〔2026〕21号");
          g_assert_false (council_documents_view_has_unsaved_changes (fixture->view));
        }
    }
}

static void
test_damaged_refused (Fixture *fixture, gconstpointer data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "broken.pdf", NULL);
  guint before = council_store_count_documents (fixture->store);
  guint rows = n_rows (fixture);
  g_auto(GStrv) messages = NULL;

  g_assert_true (g_file_set_contents (bad, "%PDF-1.4\n1 0 obj garbage that is no PDF at all", -1, NULL));
  messages = import_one (fixture, bad);
  g_assert_cmpuint (g_strv_length (messages), ==, 1);
  g_assert_nonnull (strstr (messages[0], "broken.pdf"));
  g_assert_null (strstr (messages[0], "imported"));
  g_assert_true (strstr (messages[0], "damaged") != NULL || strstr (messages[0], "not a PDF") != NULL);
  g_assert_cmpuint (council_store_count_documents (fixture->store), ==, before);
  g_assert_cmpuint (n_rows (fixture), ==, rows);
}

static GtkWidget *
find_password_entry (GtkWidget *widget)
{
  if (GTK_IS_PASSWORD_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_password_entry (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
password_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window) && find_password_entry (window))
        return window;
    }
  return NULL;
}

static gboolean
password_asked (Fixture *fixture, gpointer data)
{
  return password_dialog () != NULL;
}

/* An encrypted PDF asks for its password; a wrong one asks again, the right
 * one imports the file. */
static void
test_encrypted_asks_password (Fixture *fixture, gconstpointer data)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *plain = write_policy_pdf (fixture);
  g_autofree char *locked = g_build_filename (fixture->dir, "locked.pdf", NULL);
  guint before = council_store_count_documents (fixture->store);
  g_auto(GStrv) messages = NULL;
  GtkWidget *dialog;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed (build-aux/dev installs it)");
      return;
    }
  {
    const char *argv[] = { qpdf, "--encrypt", "秘书处2026", "owner-pw", "256", "--", plain, locked, NULL };
    g_assert_cmpint (council_test_spawn (argv, NULL, NULL), ==, 0);
  }
  messages = import_one (fixture, locked);
  g_assert_nonnull (strstr (messages[0], "locked.pdf"));
  g_assert_nonnull (strstr (messages[0], "encrypted"));
  g_assert_cmpuint (council_store_count_documents (fixture->store), ==, before);

  g_assert_true (wait_until (fixture, password_asked, NULL));
  dialog = password_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (find_password_entry (dialog)), "wrong");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_assert_true (wait_until (fixture, import_done, NULL));
  g_assert_cmpuint (council_store_count_documents (fixture->store), ==, before);

  g_assert_true (wait_until (fixture, password_asked, NULL));
  dialog = password_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (find_password_entry (dialog)), "秘书处2026");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_assert_true (wait_until (fixture, import_done, NULL));
  g_assert_cmpuint (council_store_count_documents (fixture->store), ==, before + 1);
  g_strfreev (messages);
  messages = council_documents_view_dup_import_messages (fixture->view);
  g_assert_nonnull (strstr (messages[g_strv_length (messages) - 1], "imported"));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add ("/documents-view/import-search-open", Fixture, NULL, fixture_set_up, test_import_search_open, fixture_tear_down);
  g_test_add ("/documents-view/doc-number-canonical", Fixture, NULL, fixture_set_up, test_doc_number_canonical, fixture_tear_down);
  g_test_add ("/documents-view/conflict-reload-or-overwrite", Fixture, NULL, fixture_set_up, test_conflict_reload_or_overwrite, fixture_tear_down);
  g_test_add ("/documents-view/damaged-refused", Fixture, NULL, fixture_set_up, test_damaged_refused, fixture_tear_down);
  g_test_add ("/documents-view/encrypted-asks-password", Fixture, NULL, fixture_set_up, test_encrypted_asks_password, fixture_tear_down);
  return g_test_run ();
}
