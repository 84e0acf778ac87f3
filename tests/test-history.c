/* test-history.c: every change recorded, undo from that record, and edit conflicts.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "council-history-entry.h"
#include "council-store.h"
#include "council-test-helpers.h"

typedef struct
{
  char *dir;
  CouncilStore *store;
  gint64 id;   /* the trade union, seeded */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;

  f->store = council_test_open_store (&path);
  f->dir = g_path_get_dirname (path);
  f->id = council_store_find_organization_by_name (f->store, "九龙坡区总工会", NULL);
  g_assert_cmpint (f->id, >, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  council_test_rm_rf (f->dir);
  g_free (f->dir);
}

static CouncilOrganization *
get_org (Fixture *f, gint64 id)
{
  g_autoptr(GError) error = NULL;
  CouncilOrganization *org = council_store_get_organization (f->store, id, &error);

  g_assert_no_error (error);
  return org;
}

static void
save (Fixture *f, CouncilOrganization *org)
{
  g_autoptr(GError) error = NULL;

  gboolean saved = council_store_save_organization (f->store, org, &error);

  g_assert_no_error (error);
  g_assert_true (saved);
}

static void
set_phone (Fixture *f, gint64 id, const char *phone)
{
  g_autoptr(CouncilOrganization) org = get_org (f, id);

  council_organization_set_phone (org, phone);
  save (f, org);
}

static GListStore *
history_of (Fixture *f, gint64 id)
{
  g_autoptr(GError) error = NULL;
  GListStore *list = council_store_list_history (f->store, "organization", id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static guint
n_history (Fixture *f, gint64 id)
{
  g_autoptr(GListStore) list = history_of (f, id);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* The newest entry first, as the editor's History list shows it. */
static CouncilHistoryEntry *
newest_entry (Fixture *f, gint64 id)
{
  g_autoptr(GListStore) list = history_of (f, id);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  return g_list_model_get_item (G_LIST_MODEL (list), 0);
}

static void
undo (Fixture *f, const char *expected_summary)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  g_assert_true (council_store_undo (f->store, &summary, &error));
  g_assert_no_error (error);
  if (expected_summary)
    g_assert_cmpstr (summary, ==, expected_summary);
}

/* ---- history ---- */

static void
test_seed_recorded (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilHistoryEntry) entry = newest_entry (f, f->id);
  g_autofree char *description = council_history_entry_describe (entry);

  g_assert_cmpuint (n_history (f, f->id), ==, 1);
  g_assert_cmpstr (council_history_entry_get_op (entry), ==, "insert");
  g_assert_cmpstr (council_history_entry_get_summary (entry), ==, "Seed the council roster");
  g_assert_nonnull (strstr (description, "Chinese name: 九龙坡区总工会"));
  g_assert_nonnull (strstr (description, "Category: Hub organization"));
  g_assert_cmpstr (council_history_entry_get_who (entry), !=, "");
  g_assert_cmpuint (strlen (council_history_entry_get_at (entry)), ==, strlen ("2026-11-29T10:00:00"));
}

static void
test_update_recorded (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilHistoryEntry) entry = NULL;
  g_autofree char *description = NULL;
  g_autoptr(CouncilOrganization) org = NULL;

  set_phone (f, f->id, "1234567");
  set_phone (f, f->id, "2345678");
  entry = newest_entry (f, f->id);
  description = council_history_entry_describe (entry);
  g_assert_cmpstr (council_history_entry_get_op (entry), ==, "update");
  /* Only what changed; the version number is bookkeeping and not shown. */
  g_assert_cmpstr (description, ==, "Phone: 1234567 → 2345678");
  g_assert_true (g_str_has_prefix (council_history_entry_get_summary (entry), "Edit organization"));
  g_assert_cmpuint (n_history (f, f->id), ==, 3);
  g_clear_object (&entry);
  g_clear_pointer (&description, g_free);

  /* Several fields in one save are one entry; coded values read as words. */
  org = get_org (f, f->id);
  council_organization_set_staff_in_post (org, 12);
  council_organization_set_coverage (org, COUNCIL_COVERAGE_TOWNSHIP);
  save (f, org);
  entry = newest_entry (f, f->id);
  description = council_history_entry_describe (entry);
  g_assert_cmpuint (n_history (f, f->id), ==, 4);
  g_assert_nonnull (strstr (description, "Staff in post: 0 → 12"));
  g_assert_nonnull (strstr (description, "Grassroots coverage: Village and community → Township and street"));
}

static void
test_insert_recorded (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilOrganization) org = council_organization_new ();
  g_autoptr(CouncilHistoryEntry) entry = NULL;
  g_autofree char *description = NULL;

  council_organization_set_name_zh (org, "九龙坡区志愿者协会");
  council_organization_set_name_en (org, "Jiulongpo Volunteers Association");
  council_organization_set_contact_person (org, "张敏");
  save (f, org);
  g_assert_cmpint (council_organization_get_id (org), >, 0);
  g_assert_cmpint (council_organization_get_version (org), ==, 1);

  entry = newest_entry (f, council_organization_get_id (org));
  description = council_history_entry_describe (entry);
  g_assert_cmpstr (council_history_entry_get_op (entry), ==, "insert");
  g_assert_cmpstr (council_history_entry_get_summary (entry), ==,
                   "Add organization “Jiulongpo Volunteers Association”");
  g_assert_nonnull (strstr (description, "Contact person: 张敏"));
  g_assert_nonnull (strstr (description, "English name: Jiulongpo Volunteers Association"));
}

static void
test_liaison_officers_recorded (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilOrganization) org = get_org (f, f->id);
  g_autoptr(CouncilLiaisonOfficer) lo = council_liaison_officer_new ("王芳", "区人力社保局", "023-68780001");
  g_autoptr(CouncilHistoryEntry) entry = NULL;
  g_autofree char *description = NULL;
  guint n;

  g_list_store_append (council_organization_get_liaison_officers (org), lo);
  save (f, org);
  entry = newest_entry (f, f->id);
  description = council_history_entry_describe (entry);
  g_assert_cmpstr (council_history_entry_get_table (entry), ==, "liaison_officer");
  g_assert_cmpstr (council_history_entry_get_op (entry), ==, "insert");
  g_assert_nonnull (strstr (description, "Liaison officer: 王芳"));
  g_assert_nonnull (strstr (description, "Department placed in: 区人力社保局"));
  n = n_history (f, f->id);
  g_clear_object (&entry);
  g_clear_pointer (&description, g_free);
  g_clear_object (&org);

  org = get_org (f, f->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_organization_get_liaison_officers (org))), ==, 1);
  g_list_store_remove_all (council_organization_get_liaison_officers (org));
  save (f, org);
  g_assert_cmpuint (n_history (f, f->id), ==, n + 1);
  entry = newest_entry (f, f->id);
  description = council_history_entry_describe (entry);
  g_assert_cmpstr (council_history_entry_get_op (entry), ==, "delete");
  g_assert_nonnull (strstr (description, "Liaison officer: 王芳 (removed)"));

  /* The removal is undone like any other change. */
  g_clear_object (&org);
  undo (f, NULL);
  org = get_org (f, f->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_organization_get_liaison_officers (org))), ==, 1);
}

static void
test_unchanged_save_records_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilOrganization) org = get_org (f, f->id);
  g_autoptr(CouncilLiaisonOfficer) lo = council_liaison_officer_new ("王芳", "区人力社保局", "");
  guint n;
  gint64 version;

  g_list_store_append (council_organization_get_liaison_officers (org), lo);
  save (f, org);
  g_clear_object (&org);

  org = get_org (f, f->id);
  n = n_history (f, f->id);
  version = council_organization_get_version (org);
  /* White space around a value is not a change either. */
  council_organization_set_phone (org, council_organization_get_phone (org));
  council_organization_set_contact_person (org, "  ");
  save (f, org);
  g_assert_cmpuint (n_history (f, f->id), ==, n);
  g_clear_object (&org);
  org = get_org (f, f->id);
  g_assert_cmpint (council_organization_get_version (org), ==, version);
}

/* ---- undo ---- */

static void
test_nothing_to_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *peek = council_store_peek_undo (f->store);

  /* The seeded roster is not something Ctrl+Z takes away. */
  g_assert_null (peek);
  g_assert_false (council_store_undo (f->store, NULL, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOTHING_TO_UNDO);
  g_assert_cmpuint (council_store_count_organizations (f->store, TRUE), ==, 22);
}

static void
test_undo_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilOrganization) before = get_org (f, f->id);
  g_autoptr(CouncilOrganization) after = NULL;
  g_autoptr(CouncilOrganization) org = get_org (f, f->id);
  g_autoptr(CouncilHistoryEntry) entry = NULL;
  g_autofree char *peek = NULL;
  g_autofree char *description = NULL;
  guint changed = 0;

  council_organization_set_phone (org, "023-68781234");
  council_organization_set_staff_in_post (org, 9);
  council_organization_set_seconded_out (org, 6);
  save (f, org);
  g_assert_cmpint (council_organization_get_version (org), ==, council_organization_get_version (before) + 1);

  peek = council_store_peek_undo (f->store);
  g_assert_cmpstr (peek, ==, "Edit organization “Jiulongpo District Federation of Trade Unions”");

  g_signal_connect_swapped (f->store, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  undo (f, peek);
  g_assert_cmpuint (changed, ==, 1);

  after = get_org (f, f->id);
  g_assert_cmpstr (council_organization_get_phone (after), ==, council_organization_get_phone (before));
  g_assert_cmpint (council_organization_get_staff_in_post (after), ==, 0);
  g_assert_cmpint (council_organization_get_seconded_out (after), ==, 0);
  /* The version moves on, so an editor still holding the edit notices. */
  g_assert_cmpint (council_organization_get_version (after), >, council_organization_get_version (org));

  /* The undo is itself in the history, named as such. */
  entry = newest_entry (f, f->id);
  description = council_history_entry_describe (entry);
  g_assert_cmpstr (council_history_entry_get_summary (entry), ==,
                   "Undo: Edit organization “Jiulongpo District Federation of Trade Unions”");
  g_assert_nonnull (strstr (description, "Phone: 023-68781234 → "));
  g_assert_nonnull (strstr (description, "Seconded out: 6 → 0"));

  /* Undo does not undo itself; the seed stays. */
  g_clear_pointer (&peek, g_free);
  peek = council_store_peek_undo (f->store);
  g_assert_null (peek);
}

static void
test_undo_twice (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilOrganization) org = NULL;
  g_autofree char *peek = NULL;

  set_phone (f, f->id, "1111111");
  org = get_org (f, f->id);
  council_organization_set_email (org, "ghq@jlp.gov.cn");
  save (f, org);
  g_clear_object (&org);

  undo (f, NULL);
  org = get_org (f, f->id);
  g_assert_cmpstr (council_organization_get_email (org), ==, "");
  g_assert_cmpstr (council_organization_get_phone (org), ==, "1111111");
  g_clear_object (&org);

  /* The next undo goes one step further back, not back to the undone state. */
  undo (f, NULL);
  org = get_org (f, f->id);
  g_assert_cmpstr (council_organization_get_email (org), ==, "");
  g_assert_cmpstr (council_organization_get_phone (org), ==, "");

  peek = council_store_peek_undo (f->store);
  g_assert_null (peek);
}

static void
test_undo_add (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilOrganization) org = council_organization_new ();
  g_autoptr(CouncilLiaisonOfficer) lo = council_liaison_officer_new ("赵磊", "区司法局", "");
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilOrganization) gone = NULL;
  g_autoptr(CouncilHistoryEntry) entry = NULL;
  gint64 id;

  council_organization_set_name_zh (org, "九龙坡区志愿者协会");
  council_organization_set_name_en (org, "Jiulongpo Volunteers Association");
  g_list_store_append (council_organization_get_liaison_officers (org), lo);
  save (f, org);
  id = council_organization_get_id (org);
  g_assert_cmpuint (council_store_count_organizations (f->store, TRUE), ==, 23);

  undo (f, "Add organization “Jiulongpo Volunteers Association”");
  g_assert_cmpuint (council_store_count_organizations (f->store, TRUE), ==, 22);
  gone = council_store_get_organization (f->store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (council_store_find_organization_by_name (f->store, "九龙坡区志愿者协会", NULL), ==, 0);

  /* Its history still tells what happened to it. */
  entry = newest_entry (f, id);
  g_assert_cmpstr (council_history_entry_get_op (entry), ==, "delete");
  g_assert_true (g_str_has_prefix (council_history_entry_get_summary (entry), "Undo: "));

  /* The name is free again. */
  g_clear_object (&org);
  org = council_organization_new ();
  council_organization_set_name_zh (org, "九龙坡区志愿者协会");
  council_organization_set_name_en (org, "Jiulongpo Volunteers Association");
  save (f, org);
}

static void
test_undo_retire (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilOrganization) org = NULL;
  g_autoptr(CouncilHistoryEntry) entry = NULL;
  g_autofree char *description = NULL;

  g_assert_true (council_store_set_organization_retired (f->store, f->id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (council_store_count_organizations (f->store, FALSE), ==, 21);
  g_assert_cmpuint (council_store_count_organizations (f->store, TRUE), ==, 22);
  entry = newest_entry (f, f->id);
  description = council_history_entry_describe (entry);
  g_assert_cmpstr (description, ==, "Retired: no → yes");

  undo (f, "Retire organization “Jiulongpo District Federation of Trade Unions”");
  org = get_org (f, f->id);
  g_assert_false (council_organization_get_retired (org));
  g_assert_cmpuint (council_store_count_organizations (f->store, FALSE), ==, 22);
}

/* ---- optimistic locking ---- */

static void
test_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilOrganization) mine = get_org (f, f->id);
  g_autoptr(CouncilOrganization) theirs = get_org (f, f->id);
  g_autoptr(CouncilOrganization) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  council_organization_set_phone (theirs, "023-61111111");
  save (f, theirs);
  n = n_history (f, f->id);

  council_organization_set_email (mine, "mine@example.org");
  g_assert_false (council_store_save_organization (f->store, mine, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Jiulongpo District Federation of Trade Unions"));
  g_clear_error (&error);

  stored = get_org (f, f->id);
  g_assert_cmpstr (council_organization_get_phone (stored), ==, "023-61111111");
  g_assert_cmpstr (council_organization_get_email (stored), ==, "");
  g_assert_cmpuint (n_history (f, f->id), ==, n);

  /* Reloaded, the same edit goes through. */
  council_organization_set_email (stored, "mine@example.org");
  save (f, stored);
  g_clear_object (&stored);
  stored = get_org (f, f->id);
  g_assert_cmpstr (council_organization_get_phone (stored), ==, "023-61111111");
  g_assert_cmpstr (council_organization_get_email (stored), ==, "mine@example.org");
}

static void
test_conflict_after_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilOrganization) org = get_org (f, f->id);
  g_autoptr(GError) error = NULL;

  council_organization_set_phone (org, "023-62222222");
  save (f, org);
  undo (f, NULL);

  /* The editor still shows the undone phone; saving it must not bring it back silently. */
  council_organization_set_email (org, "x@example.org");
  g_assert_false (council_store_save_organization (f->store, org, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT);
}

static void
test_conflict_deleted (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilOrganization) org = council_organization_new ();
  g_autoptr(CouncilOrganization) stale = NULL;
  g_autoptr(GError) error = NULL;

  council_organization_set_name_zh (org, "九龙坡区志愿者协会");
  council_organization_set_name_en (org, "Jiulongpo Volunteers Association");
  save (f, org);
  stale = get_org (f, council_organization_get_id (org));
  undo (f, NULL);

  council_organization_set_phone (stale, "023-63333333");
  g_assert_false (council_store_save_organization (f->store, stale, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (council_store_count_organizations (f->store, TRUE), ==, 22);
}

/* Projects link liaison officers by id: removing one officer must not hand
 * another officer's id (and so their project links) to someone else. */
static gint64
officer_id_named (CouncilOrganization *org, const char *name)
{
  GListModel *officers = G_LIST_MODEL (council_organization_get_liaison_officers (org));

  for (guint i = 0; i < g_list_model_get_n_items (officers); i++)
    {
      g_autoptr(CouncilLiaisonOfficer) lo = g_list_model_get_item (officers, i);
      if (g_str_equal (council_liaison_officer_get_name (lo), name))
        return council_liaison_officer_get_id (lo);
    }
  return 0;
}

static void
test_liaison_officers_keep_ids (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilOrganization) org = get_org (f, f->id);
  g_autoptr(CouncilOrganization) saved = NULL;
  g_autoptr(CouncilOrganization) edited = NULL;
  g_autoptr(CouncilOrganization) imported = NULL;
  g_autoptr(CouncilOrganization) after_import = NULL;
  GListStore *officers = council_organization_get_liaison_officers (org);
  const char *names[] = { "甲", "乙", "丙" };
  gint64 id_b, id_c;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CouncilLiaisonOfficer) lo = council_liaison_officer_new (names[i], "区司法局", "");
      g_list_store_append (officers, lo);
    }
  save (f, org);
  saved = get_org (f, f->id);
  id_b = officer_id_named (saved, "乙");
  id_c = officer_id_named (saved, "丙");
  g_assert_cmpint (id_b, >, 0);
  g_assert_cmpint (id_c, >, 0);

  /* The editor removes the first officer. */
  edited = council_organization_copy (saved);
  g_list_store_remove (council_organization_get_liaison_officers (edited), 0);
  save (f, edited);
  g_clear_object (&saved);
  saved = get_org (f, f->id);
  g_assert_cmpint (officer_id_named (saved, "甲"), ==, 0);
  g_assert_cmpint (officer_id_named (saved, "乙"), ==, id_b);
  g_assert_cmpint (officer_id_named (saved, "丙"), ==, id_c);

  /* An import carries no ids: officers are recognised by name. */
  imported = council_organization_copy (saved);
  g_list_store_remove_all (council_organization_get_liaison_officers (imported));
  {
    g_autoptr(CouncilLiaisonOfficer) c = council_liaison_officer_new ("丙", "区民政局", "");
    g_autoptr(CouncilLiaisonOfficer) d = council_liaison_officer_new ("丁", "区教委", "");
    g_list_store_append (council_organization_get_liaison_officers (imported), c);
    g_list_store_append (council_organization_get_liaison_officers (imported), d);
  }
  save (f, imported);
  after_import = get_org (f, f->id);
  g_assert_cmpint (officer_id_named (after_import, "丙"), ==, id_c);
  g_assert_cmpint (officer_id_named (after_import, "乙"), ==, 0);
  g_assert_cmpint (officer_id_named (after_import, "丁"), >, id_c);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/history/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("seed-recorded", test_seed_recorded);
  ADD ("update-recorded", test_update_recorded);
  ADD ("insert-recorded", test_insert_recorded);
  ADD ("liaison-officers-recorded", test_liaison_officers_recorded);
  ADD ("liaison-officers-keep-ids", test_liaison_officers_keep_ids);
  ADD ("unchanged-save-records-nothing", test_unchanged_save_records_nothing);
  ADD ("undo/nothing-to-undo", test_nothing_to_undo);
  ADD ("undo/edit", test_undo_edit);
  ADD ("undo/twice", test_undo_twice);
  ADD ("undo/add", test_undo_add);
  ADD ("undo/retire", test_undo_retire);
  ADD ("conflict/two-copies", test_conflict);
  ADD ("conflict/after-undo", test_conflict_after_undo);
  ADD ("conflict/deleted", test_conflict_deleted);
#undef ADD

  return g_test_run ();
}
