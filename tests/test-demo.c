/* test-demo.c: the sample council behind --demo.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "council-demo.h"
#include "council-test-helpers.h"

static void
test_demo_roster (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GListStore) orgs = NULL;
  g_autoptr(GListStore) history = NULL;
  guint staffing_alerts = 0, coverage_alerts = 0, with_officers = 0;

  g_assert_true (council_demo_fill (store, &error));
  g_assert_no_error (error);

  orgs = council_store_list_organizations (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (orgs)), ==, 22);
  for (guint i = 0; i < 22; i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);

      g_assert_cmpstr (council_organization_get_contact_person (org), !=, "");
      g_assert_cmpstr (council_organization_get_phone (org), !=, "");
      g_assert_cmpint (council_organization_get_staff_in_post (org), >, 0);
      g_assert_true (council_organization_validate (org, NULL));
      staffing_alerts += council_organization_has_staffing_alert (org);
      coverage_alerts += council_organization_has_coverage_alert (org);
      with_officers += g_list_model_get_n_items (G_LIST_MODEL (council_organization_get_liaison_officers (org))) > 0;
    }
  g_assert_cmpuint (staffing_alerts, >=, 2);
  g_assert_cmpuint (coverage_alerts, >=, 1);
  g_assert_cmpuint (with_officers, >=, 10);

  /* The sample is part of the starting point, not something to undo. */
  g_assert_null (council_store_peek_undo (store));
  {
    g_autoptr(CouncilOrganization) first = g_list_model_get_item (G_LIST_MODEL (orgs), 0);
    history = council_store_list_history (store, "organization", council_organization_get_id (first), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), >=, 1);
  }

  g_clear_object (&store);
  council_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/roster", test_demo_roster);
  return g_test_run ();
}
