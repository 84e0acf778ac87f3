/* test-validation.c: the messages a person sees beside each field, and the alerts.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "council-organization.h"
#include "council-store.h"
#include "council-test-helpers.h"

static CouncilOrganization *
valid_organization (void)
{
  CouncilOrganization *org = council_organization_new ();

  council_organization_set_name_zh (org, "九龙坡区志愿者协会");
  council_organization_set_name_en (org, "Jiulongpo Volunteers Association");
  council_organization_set_phone (org, "023-68781234");
  council_organization_set_email (org, "office@jlpvolunteer.org.cn");
  council_organization_set_posts_established (org, 10);
  council_organization_set_staff_in_post (org, 9);
  council_organization_set_seconded_out (org, 2);
  council_organization_set_part_time (org, 1);
  return org;
}

/* Asserts that validation fails at @field with a message containing @words. */
static void
assert_field_error (CouncilOrganization *org, CouncilOrgField field, const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) field_error = NULL;

  g_assert_false (council_organization_validate (org, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, (int) field);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_false (council_organization_check_field (org, field, &field_error));
  g_assert_error (field_error, COUNCIL_VALIDATION_ERROR, (int) field);
  g_assert_cmpstr (field_error->message, ==, error->message);
}

static void
test_valid (void)
{
  g_autoptr(CouncilOrganization) org = valid_organization ();
  g_autoptr(GError) error = NULL;

  g_assert_true (council_organization_validate (org, &error));
  g_assert_no_error (error);
}

static void
test_required_names (void)
{
  g_autoptr(CouncilOrganization) org = valid_organization ();

  council_organization_set_name_zh (org, "   ");
  assert_field_error (org, COUNCIL_ORG_FIELD_NAME_ZH, "Chinese name is required");
  council_organization_set_name_zh (org, "九龙坡区志愿者协会");
  council_organization_set_name_en (org, "");
  assert_field_error (org, COUNCIL_ORG_FIELD_NAME_EN, "English name is required");
}

static void
test_long_names (void)
{
  g_autoptr(CouncilOrganization) org = valid_organization ();
  g_autoptr(GString) long_zh = g_string_new (NULL);

  for (int i = 0; i < 121; i++)
    g_string_append (long_zh, "会");
  council_organization_set_name_zh (org, long_zh->str);
  assert_field_error (org, COUNCIL_ORG_FIELD_NAME_ZH, "too long");

  /* 120 Chinese characters are 360 bytes, and still allowed. */
  g_string_truncate (long_zh, 120 * 3);
  council_organization_set_name_zh (org, long_zh->str);
  g_assert_true (council_organization_validate (org, NULL));
}

static void
test_phone_shapes (void)
{
  const char *good[] = { "023-68781234", "13983451234", "+86 138 0000 0000", "(023) 6878-1234", "" };
  const char *bad[] = { "abc", "12", "023-6878-123x", "+86+138 0000 0000", "1234567890123456" };
  g_autoptr(CouncilOrganization) org = valid_organization ();

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_test_message ("accept %s", good[i]);
      g_assert_true (council_phone_is_valid (good[i]));
      council_organization_set_phone (org, good[i]);
      g_assert_true (council_organization_validate (org, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("refuse %s", bad[i]);
      g_assert_false (council_phone_is_valid (bad[i]));
      council_organization_set_phone (org, bad[i]);
      /* The message shows what a valid number looks like. */
      assert_field_error (org, COUNCIL_ORG_FIELD_PHONE, "e.g. 023-68781234");
    }
}

static void
test_email_shapes (void)
{
  const char *good[] = { "office@jlpvolunteer.org.cn", "li.ming+council@example.org", "a@b.cn", "" };
  const char *bad[] = { "li.ming", "@example.org", "li@", "li@example", "li ming@example.org",
                        "li@@example.org", "a@b@c.cn", "li@example.", "li@.cn" };
  g_autoptr(CouncilOrganization) org = valid_organization ();

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_test_message ("accept %s", good[i]);
      g_assert_true (council_email_is_valid (good[i]));
      council_organization_set_email (org, good[i]);
      g_assert_true (council_organization_validate (org, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("refuse %s", bad[i]);
      g_assert_false (council_email_is_valid (bad[i]));
      council_organization_set_email (org, bad[i]);
      assert_field_error (org, COUNCIL_ORG_FIELD_EMAIL, "name@example.org");
    }
}

static void
test_negative_counts (void)
{
  g_autoptr(CouncilOrganization) org = NULL;

  org = valid_organization ();
  council_organization_set_posts_established (org, -1);
  assert_field_error (org, COUNCIL_ORG_FIELD_POSTS_ESTABLISHED, "Establishment posts cannot be negative");
  g_clear_object (&org);

  org = valid_organization ();
  council_organization_set_staff_in_post (org, -3);
  assert_field_error (org, COUNCIL_ORG_FIELD_STAFF_IN_POST, "Staff in post cannot be negative");
  g_clear_object (&org);

  org = valid_organization ();
  council_organization_set_seconded_out (org, -1);
  assert_field_error (org, COUNCIL_ORG_FIELD_SECONDED_OUT, "Seconded-out staff cannot be negative");
  g_clear_object (&org);

  org = valid_organization ();
  council_organization_set_part_time (org, -1);
  assert_field_error (org, COUNCIL_ORG_FIELD_PART_TIME, "Part-time staff cannot be negative");
}

static void
test_consistent_counts (void)
{
  g_autoptr(CouncilOrganization) org = valid_organization ();

  council_organization_set_staff_in_post (org, 5);
  council_organization_set_part_time (org, 0);
  council_organization_set_seconded_out (org, 6);
  assert_field_error (org, COUNCIL_ORG_FIELD_SECONDED_OUT, "cannot exceed staff in post");

  council_organization_set_seconded_out (org, 3);
  council_organization_set_part_time (org, 3);
  assert_field_error (org, COUNCIL_ORG_FIELD_PART_TIME, "together cannot exceed staff in post");

  /* Exactly all staff seconded or part-time is consistent. */
  council_organization_set_part_time (org, 2);
  g_assert_true (council_organization_validate (org, NULL));
}

static void
test_liaison_officers (void)
{
  g_autoptr(CouncilOrganization) org = valid_organization ();
  g_autoptr(CouncilLiaisonOfficer) ok = council_liaison_officer_new ("王芳", "区人力社保局", "023-68780001");
  g_autoptr(CouncilLiaisonOfficer) nameless = council_liaison_officer_new ("  ", "区司法局", "");
  g_autoptr(CouncilLiaisonOfficer) bad_phone = council_liaison_officer_new ("李强", "区司法局", "tel");
  GListStore *officers = council_organization_get_liaison_officers (org);

  g_list_store_append (officers, ok);
  g_assert_true (council_organization_validate (org, NULL));
  g_list_store_append (officers, nameless);
  assert_field_error (org, COUNCIL_ORG_FIELD_LIAISON_OFFICERS, "Liaison officer 2 needs a name");
  g_list_store_remove (officers, 1);
  g_list_store_append (officers, bad_phone);
  assert_field_error (org, COUNCIL_ORG_FIELD_LIAISON_OFFICERS, "李强");
}

/* What the store refuses is not written at all. */
static void
assert_save_refused (CouncilStore *store, CouncilOrganization *org, CouncilOrgField field, const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *undo_before = council_store_peek_undo (store);
  g_autofree char *undo_after = NULL;
  guint n_before = council_store_count_organizations (store, TRUE);

  g_assert_false (council_store_save_organization (store, org, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, (int) field);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpuint (council_store_count_organizations (store, TRUE), ==, n_before);
  undo_after = council_store_peek_undo (store);
  g_assert_cmpstr (undo_before, ==, undo_after);
}

static void
test_store_refuses_invalid (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(CouncilOrganization) org = valid_organization ();
  g_autoptr(CouncilOrganization) existing = NULL;
  gint64 id;

  council_organization_set_seconded_out (org, 20);
  assert_save_refused (store, org, COUNCIL_ORG_FIELD_SECONDED_OUT, "cannot exceed staff in post");
  g_assert_cmpint (council_organization_get_id (org), ==, 0);

  /* An existing record that becomes invalid keeps its stored values. */
  id = council_store_find_organization_by_name (store, "九龙坡区总工会", NULL);
  existing = council_store_get_organization (store, id, NULL);
  council_organization_set_email (existing, "not an address");
  assert_save_refused (store, existing, COUNCIL_ORG_FIELD_EMAIL, "name@example.org");
  g_clear_object (&existing);
  existing = council_store_get_organization (store, id, NULL);
  g_assert_cmpstr (council_organization_get_email (existing), ==, "");

  g_clear_object (&store);
  council_test_rm_rf (dir);
}

static void
test_duplicate_names (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(CouncilOrganization) org = valid_organization ();
  g_autoptr(CouncilOrganization) women = NULL;
  g_autoptr(GError) error = NULL;
  gint64 women_id;

  /* Same Chinese name as a seeded organization. */
  council_organization_set_name_zh (org, "九龙坡区总工会");
  assert_save_refused (store, org, COUNCIL_ORG_FIELD_NAME_ZH, "九龙坡区总工会");

  /* Same English name in another case. */
  council_organization_set_name_zh (org, "九龙坡区志愿者协会");
  council_organization_set_name_en (org, "JIULONGPO DISTRICT WOMEN'S FEDERATION");
  assert_save_refused (store, org, COUNCIL_ORG_FIELD_NAME_EN, "already called");

  /* Renaming an existing organization onto another's name is refused too … */
  women_id = council_store_find_organization_by_name (store, "Jiulongpo District Women's Federation", NULL);
  women = council_store_get_organization (store, women_id, NULL);
  council_organization_set_name_en (women, "jiulongpo district federation of trade unions");
  assert_save_refused (store, women, COUNCIL_ORG_FIELD_NAME_EN, "already called");

  /* … while saving a record under its own name is not a clash. */
  council_organization_set_name_en (women, "Jiulongpo District Women’s Federation");
  g_assert_true (council_store_save_organization (store, women, &error));
  g_assert_no_error (error);

  /* And a distinct name is accepted. */
  council_organization_set_name_en (org, "Jiulongpo Volunteers Association");
  g_assert_true (council_store_save_organization (store, org, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (council_store_count_organizations (store, TRUE), ==, 23);

  g_clear_object (&store);
  council_test_rm_rf (dir);
}

static void
test_staffing_alert (void)
{
  g_autoptr(CouncilOrganization) org = valid_organization ();

  council_organization_set_part_time (org, 0);

  /* Exactly two thirds seconded away: the paper's warning. */
  council_organization_set_staff_in_post (org, 3);
  council_organization_set_seconded_out (org, 2);
  g_assert_true (council_organization_has_staffing_alert (org));
  council_organization_set_staff_in_post (org, 300);
  council_organization_set_seconded_out (org, 200);
  g_assert_true (council_organization_has_staffing_alert (org));

  /* Just below two thirds. */
  council_organization_set_seconded_out (org, 199);
  g_assert_false (council_organization_has_staffing_alert (org));
  council_organization_set_staff_in_post (org, 3);
  council_organization_set_seconded_out (org, 1);
  g_assert_false (council_organization_has_staffing_alert (org));

  /* All seconded. */
  council_organization_set_seconded_out (org, 3);
  g_assert_true (council_organization_has_staffing_alert (org));
  g_assert_cmpfloat (council_organization_get_seconded_share (org), ==, 1.0);

  /* No staff: no share, never an alert. */
  council_organization_set_staff_in_post (org, 0);
  council_organization_set_seconded_out (org, 0);
  g_assert_false (council_organization_has_staffing_alert (org));
  g_assert_cmpfloat (council_organization_get_seconded_share (org), ==, 0.0);
}

static void
test_coverage_alert (void)
{
  g_autoptr(CouncilOrganization) org = valid_organization ();
  gboolean has_alert = FALSE;

  council_organization_set_coverage (org, COUNCIL_COVERAGE_DISTRICT);
  g_assert_true (council_organization_has_coverage_alert (org));
  g_object_get (org, "has-alert", &has_alert, NULL);
  g_assert_true (has_alert);

  council_organization_set_coverage (org, COUNCIL_COVERAGE_TOWNSHIP);
  g_assert_false (council_organization_has_coverage_alert (org));
  g_object_get (org, "has-alert", &has_alert, NULL);
  g_assert_false (has_alert);

  council_organization_set_coverage (org, COUNCIL_COVERAGE_VILLAGE);
  g_assert_false (council_organization_has_coverage_alert (org));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validation/valid", test_valid);
  g_test_add_func ("/validation/required-names", test_required_names);
  g_test_add_func ("/validation/long-names", test_long_names);
  g_test_add_func ("/validation/phone", test_phone_shapes);
  g_test_add_func ("/validation/email", test_email_shapes);
  g_test_add_func ("/validation/negative-counts", test_negative_counts);
  g_test_add_func ("/validation/consistent-counts", test_consistent_counts);
  g_test_add_func ("/validation/liaison-officers", test_liaison_officers);
  g_test_add_func ("/validation/store-refuses-invalid", test_store_refuses_invalid);
  g_test_add_func ("/validation/duplicate-names", test_duplicate_names);
  g_test_add_func ("/validation/staffing-alert", test_staffing_alert);
  g_test_add_func ("/validation/coverage-alert", test_coverage_alert);

  return g_test_run ();
}
