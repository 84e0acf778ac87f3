/* test-projects: the project records, their store, roll-ups, integration and
 * the SQL-backed list model.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "council-demo.h"
#include "council-history-entry.h"
#include "council-store-projects.h"
#include "council-test-helpers.h"

typedef struct
{
  CouncilStore *store;
  char *path;
  gint64 orgs[6];
  gint64 categories[8];
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GListStore) orgs = NULL;
  g_autoptr(GListStore) cats = NULL;

  f->store = council_test_open_store (&f->path);
  orgs = council_store_list_organizations (f->store, FALSE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (orgs)), >=, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);
      f->orgs[i] = council_organization_get_id (org);
    }
  cats = council_store_list_project_categories (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cats)), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(CouncilProjectCategory) c = g_list_model_get_item (G_LIST_MODEL (cats), i);
      f->categories[i] = council_project_category_get_id (c);
    }
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_clear_object (&f->store);
  council_test_rm_rf (dir);
  g_free (f->path);
}

static CouncilProject *
make_project (Fixture *f, const char *code, gint64 lead, guint category)
{
  CouncilProject *p = council_project_new ();

  council_project_set_code (p, code);
  council_project_set_title_zh (p, "职工技能提升培训");
  council_project_set_title_en (p, "Workers' skills training");
  council_project_set_lead_org_id (p, lead);
  council_project_set_category_id (p, f->categories[category]);
  council_project_set_start_date (p, "2026-03-01");
  council_project_set_end_date (p, "2026-10-31");
  council_project_set_budget_fen (p, 12000000);
  council_project_set_target_group (p, "产业工人");
  return p;
}

static gint64
save_new (Fixture *f, CouncilProject *p)
{
  g_autoptr(GError) error = NULL;

  council_store_save_project (f->store, p, &error);
  g_assert_no_error (error);
  g_assert_cmpint (council_project_get_id (p), >, 0);
  return council_project_get_id (p);
}

static int
count_rows (CouncilStore *store, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  /* Through the public list functions where possible; raw counts via history. */
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (g_str_equal (table, "project"))
    {
      council_store_count_projects (store, NULL, &n, &error);
      g_assert_no_error (error);
      return (int) n;
    }
  g_assert_not_reached ();
  return -1;
}

static void
assert_field_error (GError *error, CouncilProjectField field, const char *fragment)
{
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, (int) field);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment);
}

/* ---- money ---- */

static void
test_money_parse (void)
{
  struct { const char *text; gint64 fen; } good[] = {
    { "12,345.67", 1234567 }, { "1.5万", 1500000 }, { "¥1,000", 100000 }, { "3000元", 300000 },
    { "2.25万元", 2250000 }, { "0", 0 }, { " 88.8 ", 8880 }, { "￥12，000", 1200000 },
    { "1.234567万", 1234567 },
  };
  const char *bad[] = { "", "-5", "12.345", "abc", "1.2.3", "1.2345678万", "12元5" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;
      g_assert_true (council_money_parse (good[i].text, &fen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fen, ==, good[i].fen);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;
      g_assert_false (council_money_parse (bad[i], &fen, &error));
      g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_PROJECT_FIELD_NONE);
      g_assert_cmpint (fen, ==, -1);
    }
  {
    g_autoptr(GError) error = NULL;
    gint64 fen;
    council_money_parse ("-5", &fen, &error);
    g_assert_nonnull (strstr (error->message, "negative"));
    g_clear_error (&error);
    council_money_parse ("12.345", &fen, &error);
    g_assert_nonnull (strstr (error->message, "two decimals"));
  }
}

static void
test_money_format (void)
{
  struct { gint64 fen; const char *zh; const char *en; } cases[] = {
    { 12500000, "12.5万元", "¥125,000" },
    { 123456, "1234.56元", "¥1,234.56" },
    { 98000, "980元", "¥980" },
    { 1000000, "1万元", "¥10,000" },
    { 0, "0元", "¥0" },
    { 123456789, "123.46万元", "¥1,234,567.89" },
    { -150, "-1.5元", "-¥1.50" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *zh = council_money_format (cases[i].fen, TRUE);
      g_autofree char *en = council_money_format (cases[i].fen, FALSE);
      g_assert_cmpstr (zh, ==, cases[i].zh);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

/* ---- validation ---- */

static void
test_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilProject) p = make_project (f, "qt-2026-001", f->orgs[0], 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilMilestone) m = NULL;
  g_autoptr(CouncilFundEntry) e = NULL;

  /* upper-case normalised */
  g_assert_cmpstr (council_project_get_code (p), ==, "QT-2026-001");
  g_assert_true (council_project_validate (p, &error));
  g_assert_no_error (error);

  council_project_set_code (p, "QT 2026");
  g_assert_false (council_project_check_field (p, COUNCIL_PROJECT_FIELD_CODE, &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_CODE, "letters, digits or hyphens");
  g_clear_error (&error);
  council_project_set_code (p, "QT");
  g_assert_false (council_project_check_field (p, COUNCIL_PROJECT_FIELD_CODE, &error));
  g_clear_error (&error);
  council_project_set_code (p, "-QT1");
  g_assert_false (council_project_check_field (p, COUNCIL_PROJECT_FIELD_CODE, &error));
  g_clear_error (&error);
  council_project_set_code (p, "QT-2026-001");

  council_project_set_title_zh (p, "  ");
  g_assert_false (council_project_validate (p, &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_TITLE_ZH, "title is required");
  g_clear_error (&error);
  council_project_set_title_zh (p, "科普进社区");

  council_project_set_end_date (p, "2026-02-28");
  g_assert_false (council_project_validate (p, &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_END_DATE, "end date cannot be before the start date");
  g_clear_error (&error);
  council_project_set_end_date (p, "2026-02-30");
  g_assert_false (council_project_validate (p, &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_END_DATE, "not a date");
  g_clear_error (&error);
  council_project_set_end_date (p, "");
  g_assert_true (council_project_validate (p, &error));

  council_project_set_budget_fen (p, -1);
  g_assert_false (council_project_validate (p, &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_BUDGET, "budget cannot be negative");
  g_clear_error (&error);
  council_project_set_budget_fen (p, 100);

  council_project_add_partner (p, f->orgs[0], COUNCIL_PARTNER_ROLE_SUPPORTER);
  g_assert_false (council_project_validate (p, &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_PARTNERS, "lead organization cannot also be a partner");
  g_clear_error (&error);
  g_list_store_remove_all (council_project_get_partners (p));
  council_project_add_partner (p, f->orgs[1], COUNCIL_PARTNER_ROLE_SUPPORTER);
  council_project_add_partner (p, f->orgs[1], COUNCIL_PARTNER_ROLE_CO_ORGANIZER);
  g_assert_false (council_project_validate (p, &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_PARTNERS, "twice");
  g_clear_error (&error);
  g_list_store_remove (council_project_get_partners (p), 1);

  m = council_milestone_new ("", "2026-05-01", "");
  g_list_store_append (council_project_get_milestones (p), m);
  g_assert_false (council_project_validate (p, &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_MILESTONES, "needs a title");
  g_clear_error (&error);
  council_milestone_set_title (m, "中期评估");

  e = council_fund_entry_new (COUNCIL_FUND_SOURCE_DONATION, COUNCIL_FUND_KIND_RAISED, -100, "2026-04-01");
  g_list_store_append (council_project_get_fund_entries (p), e);
  g_assert_false (council_project_validate (p, &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_FUNDS, "cannot be negative");
  g_clear_error (&error);
  council_fund_entry_set_amount_fen (e, 100);
  council_fund_entry_set_entry_date (e, "");
  g_assert_false (council_project_validate (p, &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_FUNDS, "needs a date");
  g_clear_error (&error);
  council_fund_entry_set_entry_date (e, "2026-04-01");
  g_assert_true (council_project_validate (p, &error));
  g_assert_no_error (error);
}

/* ---- store ---- */

static void
test_create_edit_delete (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilProject) p = make_project (f, "QT-2026-014", f->orgs[0], 1);
  g_autoptr(CouncilProject) loaded = NULL;
  g_autoptr(CouncilProject) again = NULL;
  g_autoptr(CouncilMilestone) m1 = council_milestone_new ("启动会", "2026-03-15", "2026-03-15");
  g_autoptr(CouncilMilestone) m2 = council_milestone_new ("中期评估", "2026-06-30", "");
  g_autoptr(CouncilFundEntry) raised = council_fund_entry_new (COUNCIL_FUND_SOURCE_GOV_PURCHASE, COUNCIL_FUND_KIND_RAISED, 8000000, "2026-03-02");
  g_autoptr(CouncilFundEntry) spent = council_fund_entry_new (COUNCIL_FUND_SOURCE_GOV_PURCHASE, COUNCIL_FUND_KIND_SPENT, 2500000, "2026-04-10");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) history = NULL;
  CouncilProjectPartner *partner;
  gint64 id;

  partner = council_project_add_partner (p, f->orgs[1], COUNCIL_PARTNER_ROLE_CO_ORGANIZER);
  council_project_add_partner (p, f->orgs[2], COUNCIL_PARTNER_ROLE_SERVICE_PROVIDER);
  g_list_store_append (council_project_get_milestones (p), m1);
  g_list_store_append (council_project_get_milestones (p), m2);
  council_fund_entry_set_counterparty (raised, "区人力社保局");
  council_fund_entry_set_voucher_no (raised, "CZ-0001");
  g_list_store_append (council_project_get_fund_entries (p), raised);
  g_list_store_append (council_project_get_fund_entries (p), spent);
  id = save_new (f, p);
  g_assert_cmpint (council_project_get_version (p), ==, 1);
  /* new detail rows got their ids */
  g_assert_cmpint (council_project_partner_get_id (partner), >, 0);
  g_assert_cmpint (council_milestone_get_id (m2), >, 0);
  g_assert_cmpint (council_fund_entry_get_id (spent), >, 0);

  loaded = council_store_get_project (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (council_project_get_code (loaded), ==, "QT-2026-014");
  g_assert_cmpstr (council_project_get_title_zh (loaded), ==, "职工技能提升培训");
  g_assert_cmpstr (council_project_get_start_date (loaded), ==, "2026-03-01");
  g_assert_cmpint (council_project_get_budget_fen (loaded), ==, 12000000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_project_get_partners (loaded))), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_project_get_milestones (loaded))), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_project_get_fund_entries (loaded))), ==, 2);
  g_assert_cmpint (council_project_get_raised_fen (loaded), ==, 8000000);
  g_assert_cmpint (council_project_get_spent_fen (loaded), ==, 2500000);
  g_assert_cmpuint (council_project_get_fund_flags (loaded), ==, COUNCIL_FUND_FLAG_NONE);
  g_assert_cmpstr (council_project_get_partners_text (loaded), !=, "");
  g_assert_cmpstr (council_project_get_category_label (loaded), ==, "Employment and entrepreneurship");
  {
    g_autoptr(CouncilProjectPartner) pp = g_list_model_get_item (G_LIST_MODEL (council_project_get_partners (loaded)), 1);
    g_assert_cmpint (council_project_partner_get_role (pp), ==, COUNCIL_PARTNER_ROLE_SERVICE_PROVIDER);
    g_assert_cmpstr (council_project_partner_get_org_name (pp), !=, "");
  }

  /* Edit: one milestone done, one partner removed, one fund entry changed. */
  {
    g_autoptr(CouncilMilestone) lm = g_list_model_get_item (G_LIST_MODEL (council_project_get_milestones (loaded)), 1);
    g_autoptr(CouncilFundEntry) le = g_list_model_get_item (G_LIST_MODEL (council_project_get_fund_entries (loaded)), 1);
    council_milestone_set_done_date (lm, "2026-07-02");
    council_fund_entry_set_amount_fen (le, 3000000);
    g_list_store_remove (council_project_get_partners (loaded), 0);
  }
  council_store_save_project (f->store, loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpint (council_project_get_version (loaded), ==, 1);  /* the project row itself is unchanged */

  /* Only the changed rows are in the change: 1 milestone + 1 fund entry + 1 partner. */
  history = council_store_list_history (f->store, "milestone", council_milestone_get_id (m2), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 2);
  g_clear_object (&history);
  history = council_store_list_history (f->store, "milestone", council_milestone_get_id (m1), &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 1);

  again = council_store_get_project (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_project_get_partners (again))), ==, 1);
  g_assert_cmpint (council_project_get_spent_fen (again), ==, 3000000);

  /* Saving an unchanged record records nothing. */
  {
    g_autofree char *before = council_store_peek_undo (f->store);
    g_autofree char *after = NULL;
    council_store_save_project (f->store, again, &error);
    g_assert_no_error (error);
    after = council_store_peek_undo (f->store);
    g_assert_cmpstr (before, ==, after);
  }

  /* A title change bumps the version. */
  council_project_set_title_zh (again, "职工技能提升培训（二期）");
  council_store_save_project (f->store, again, &error);
  g_assert_no_error (error);
  g_assert_cmpint (council_project_get_version (again), ==, 2);

  /* The spending kept for sorting follows edits, deletes and undo. */
  {
    g_autoptr(CouncilProject) other = make_project (f, "QT-2026-015", f->orgs[3], 1);
    g_autoptr(GListStore) by_spent = NULL;
    g_autoptr(CouncilProject) top = NULL;
    g_autoptr(CouncilFundEntry) e = council_fund_entry_new (COUNCIL_FUND_SOURCE_FISCAL, COUNCIL_FUND_KIND_SPENT,
                                                            2900000, "2026-05-05");
    g_list_store_append (council_project_get_fund_entries (other), e);
    save_new (f, other);
    by_spent = council_store_list_projects (f->store, NULL, COUNCIL_PROJECT_SORT_SPENT, TRUE, 0, 1, &error);
    top = g_list_model_get_item (G_LIST_MODEL (by_spent), 0);
    g_assert_cmpint (council_project_get_id (top), ==, id);
    council_store_delete_project (f->store, council_project_get_id (other), &error);
    g_assert_no_error (error);
  }

  /* Delete, then undo puts everything back. */
  council_store_delete_project (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "project"), ==, 0);
  g_assert_null (council_store_get_project (f->store, id, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  council_store_undo (f->store, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CouncilProject) back = council_store_get_project (f->store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (council_project_get_title_zh (back), ==, "职工技能提升培训（二期）");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_project_get_milestones (back))), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_project_get_fund_entries (back))), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_project_get_partners (back))), ==, 1);
  }
  {
    g_autoptr(GListStore) by_spent = council_store_list_projects (f->store, NULL, COUNCIL_PROJECT_SORT_SPENT,
                                                                  FALSE, 0, 1, &error);
    g_autoptr(CouncilProject) only = g_list_model_get_item (G_LIST_MODEL (by_spent), 0);
    g_assert_cmpint (council_project_get_spent_fen (only), ==, 3000000);
  }
}

static void
test_store_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilProject) a = make_project (f, "QT-2026-001", f->orgs[0], 0);
  g_autoptr(CouncilProject) b = make_project (f, "qt-2026-001", f->orgs[1], 0);
  g_autoptr(CouncilProject) c = NULL;
  g_autoptr(GError) error = NULL;

  save_new (f, a);
  g_assert_false (council_store_save_project (f->store, b, &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_CODE, "already has the code");
  g_clear_error (&error);

  /* A retired organization cannot be chosen for a new project... */
  council_store_set_organization_retired (f->store, f->orgs[0], TRUE, &error);
  g_assert_no_error (error);
  council_project_set_code (b, "QT-2026-002");
  council_project_set_lead_org_id (b, f->orgs[0]);
  g_assert_false (council_store_save_project (f->store, b, &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_LEAD, "retired");
  g_clear_error (&error);
  council_project_set_lead_org_id (b, f->orgs[1]);
  council_project_add_partner (b, f->orgs[0], COUNCIL_PARTNER_ROLE_SUPPORTER);
  g_assert_false (council_store_save_project (f->store, b, &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_PARTNERS, "retired");
  g_clear_error (&error);

  /* ...but an existing project keeps it. */
  c = council_store_get_project (f->store, council_project_get_id (a), &error);
  g_assert_no_error (error);
  council_project_set_health (c, COUNCIL_PROJECT_HEALTH_AT_RISK);
  g_assert_true (council_store_save_project (f->store, c, &error));
  g_assert_no_error (error);
}

static void
test_liaisons (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilOrganization) org = council_store_get_organization (f->store, f->orgs[0], NULL);
  g_autoptr(CouncilLiaisonOfficer) lo1 = council_liaison_officer_new ("王敏", "区人力社保局", "023-68781234");
  g_autoptr(CouncilLiaisonOfficer) lo2 = council_liaison_officer_new ("李强", "区司法局", "023-68785678");
  g_autoptr(GListStore) choices = NULL;
  g_autoptr(CouncilLiaisonChoice) c1 = NULL;
  g_autoptr(CouncilLiaisonChoice) c2 = NULL;
  g_autoptr(CouncilProject) p = make_project (f, "QT-2026-040", f->orgs[0], 0);
  g_autoptr(CouncilProject) back = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_append (council_organization_get_liaison_officers (org), lo1);
  g_list_store_append (council_organization_get_liaison_officers (org), lo2);
  council_store_save_organization (f->store, org, &error);
  g_assert_no_error (error);
  choices = council_store_list_liaison_choices (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (choices)), ==, 2);
  c1 = g_list_model_get_item (G_LIST_MODEL (choices), 0);
  c2 = g_list_model_get_item (G_LIST_MODEL (choices), 1);
  g_assert_cmpstr (council_liaison_choice_get_name (c1), ==, "王敏");
  g_assert_cmpstr (council_liaison_choice_get_department (c2), ==, "区司法局");

  council_project_add_liaison_id (p, council_liaison_choice_get_id (c2));
  council_project_add_liaison_id (p, council_liaison_choice_get_id (c1));
  save_new (f, p);
  back = council_store_get_project (f->store, council_project_get_id (p), &error);
  g_assert_cmpuint (council_project_get_liaison_ids (back)->len, ==, 2);
  g_assert_cmpint (g_array_index (council_project_get_liaison_ids (back), gint64, 0), ==, council_liaison_choice_get_id (c2));

  /* Listed twice: refused at the field. */
  council_project_add_liaison_id (back, council_liaison_choice_get_id (c2));
  g_assert_false (council_store_save_project (f->store, back, &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_LIAISONS, "twice");
  g_clear_error (&error);
  g_array_remove_index (council_project_get_liaison_ids (back), 2);
  g_array_remove_index (council_project_get_liaison_ids (back), 0);
  g_assert_true (council_store_save_project (f->store, back, &error));
  g_clear_object (&back);
  back = council_store_get_project (f->store, council_project_get_id (p), &error);
  g_assert_cmpuint (council_project_get_liaison_ids (back)->len, ==, 1);
  g_assert_cmpint (g_array_index (council_project_get_liaison_ids (back), gint64, 0), ==, council_liaison_choice_get_id (c1));
}

static void
test_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilProject) p = make_project (f, "QT-2026-003", f->orgs[0], 2);
  g_autoptr(CouncilProject) mine = NULL;
  g_autoptr(CouncilProject) theirs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = save_new (f, p);

  mine = council_store_get_project (f->store, id, &error);
  theirs = council_store_get_project (f->store, id, &error);
  council_project_set_budget_fen (theirs, 1);
  g_assert_true (council_store_save_project (f->store, theirs, &error));
  council_project_set_budget_fen (mine, 2);
  g_assert_false (council_store_save_project (f->store, mine, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "QT-2026-003"));
}

static void
test_status_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilProject) p = make_project (f, "QT-2026-004", f->orgs[0], 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changes = NULL;
  gint64 id = save_new (f, p);

  council_store_set_project_status (f->store, id, COUNCIL_PROJECT_STATUS_APPROVED, "2026-03-05", &error);
  g_assert_no_error (error);
  council_store_set_project_status (f->store, id, COUNCIL_PROJECT_STATUS_IN_PROGRESS, "2026-04-01", &error);
  g_assert_no_error (error);
  changes = council_store_list_project_status_changes (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpint (g_array_index (changes, CouncilProjectStatusChange, 1).status, ==, COUNCIL_PROJECT_STATUS_APPROVED);
  g_assert_cmpstr (g_array_index (changes, CouncilProjectStatusChange, 2).changed_on, ==, "2026-04-01");
  g_assert_false (council_store_set_project_status (f->store, id, COUNCIL_PROJECT_STATUS_COMPLETED, "2026/5/1", &error));
  assert_field_error (error, COUNCIL_PROJECT_FIELD_STATUS, "not a date");
}

static void
test_categories (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) cats = NULL;
  g_autoptr(CouncilProjectCategory) last = NULL;
  gint64 id = council_store_add_project_category (f->store, "乡村振兴", "Rural revitalisation", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  cats = council_store_list_project_categories (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cats)), ==, 9);
  last = g_list_model_get_item (G_LIST_MODEL (cats), 8);
  g_assert_cmpstr (council_project_category_get_label (last), ==, "Rural revitalisation");
  g_assert_cmpint (council_store_add_project_category (f->store, "乡村振兴", "", &error), ==, 0);
  assert_field_error (error, COUNCIL_PROJECT_FIELD_CATEGORY, "already");
}

static void
add_fund (CouncilProject *p, CouncilFundKind kind, gint64 fen, const char *date)
{
  g_autoptr(CouncilFundEntry) e = council_fund_entry_new (COUNCIL_FUND_SOURCE_DONATION, kind, fen, date);
  g_list_store_append (council_project_get_fund_entries (p), e);
}

static void
test_fund_flags (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilProject) over = make_project (f, "QT-2026-010", f->orgs[0], 0);
  g_autoptr(CouncilProject) late = make_project (f, "QT-2026-011", f->orgs[1], 0);
  g_autoptr(CouncilProject) fine = make_project (f, "QT-2026-012", f->orgs[2], 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) flags = NULL;
  g_autoptr(GArray) pivot = NULL;
  g_autoptr(GListStore) disclosure = NULL;
  CouncilProjectRollup r;

  add_fund (over, COUNCIL_FUND_KIND_RAISED, 100000, "2026-03-02");
  add_fund (over, COUNCIL_FUND_KIND_SPENT, 150000, "2026-04-02");
  add_fund (late, COUNCIL_FUND_KIND_RAISED, 100000, "2026-03-02");
  add_fund (late, COUNCIL_FUND_KIND_SPENT, 50000, "2026-11-15");   /* after the end date: flagged, not refused */
  add_fund (fine, COUNCIL_FUND_KIND_RAISED, 100000, "2026-03-02");
  add_fund (fine, COUNCIL_FUND_KIND_ALLOCATED, 80000, "2026-03-03");
  add_fund (fine, COUNCIL_FUND_KIND_SPENT, 60000, "2026-05-02");
  save_new (f, over);
  save_new (f, late);
  save_new (f, fine);

  g_assert_true (council_store_get_project_rollup (f->store, council_project_get_id (over), &r, &error));
  g_assert_cmpuint (r.flags, ==, COUNCIL_FUND_FLAG_SPENT_ABOVE_RAISED);
  g_assert_true (council_store_get_project_rollup (f->store, council_project_get_id (late), &r, &error));
  g_assert_cmpuint (r.flags, ==, COUNCIL_FUND_FLAG_SPENT_OUTSIDE_DATES);
  g_assert_true (council_store_get_project_rollup (f->store, council_project_get_id (fine), &r, &error));
  g_assert_cmpuint (r.flags, ==, COUNCIL_FUND_FLAG_NONE);
  g_assert_cmpint (r.raised_fen, ==, 100000);
  g_assert_cmpint (r.allocated_fen, ==, 80000);
  g_assert_cmpint (r.spent_fen, ==, 60000);

  flags = council_store_list_fund_flags (f->store, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 2);
  g_assert_cmpint (g_array_index (flags, CouncilProjectFundFlag, 0).project_id, ==, council_project_get_id (over));
  g_assert_cmpint (g_array_index (flags, CouncilProjectFundFlag, 1).spent_fen, ==, 50000);

  pivot = council_store_fund_pivot (f->store, 2026, COUNCIL_FUND_KIND_RAISED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pivot->len, ==, 3);
  g_assert_cmpint (g_array_index (pivot, CouncilFundPivotCell, 0).org_id, ==, f->orgs[0]);
  g_assert_cmpint (g_array_index (pivot, CouncilFundPivotCell, 0).source, ==, COUNCIL_FUND_SOURCE_DONATION);
  g_assert_cmpint (g_array_index (pivot, CouncilFundPivotCell, 0).amount_fen, ==, 100000);

  disclosure = council_store_list_fund_entries_for_year (f->store, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disclosure)), ==, 7);
  {
    g_autoptr(CouncilFundEntry) first = g_list_model_get_item (G_LIST_MODEL (disclosure), 0);
    g_assert_cmpstr (council_fund_entry_get_project_code (first), ==, "QT-2026-010");
  }
}

static void
test_overdue_milestones (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilProject) p = make_project (f, "QT-2026-020", f->orgs[0], 0);
  g_autoptr(CouncilMilestone) done = council_milestone_new ("启动会", "2026-03-10", "2026-03-10");
  g_autoptr(CouncilMilestone) late = council_milestone_new ("中期评估", "2026-06-30", "");
  g_autoptr(CouncilMilestone) later = council_milestone_new ("结项验收", "2026-10-31", "");
  g_autoptr(GListStore) overdue = NULL;
  g_autoptr(CouncilMilestone) first = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_append (council_project_get_milestones (p), done);
  g_list_store_append (council_project_get_milestones (p), late);
  g_list_store_append (council_project_get_milestones (p), later);
  save_new (f, p);
  overdue = council_store_list_overdue_milestones (f->store, "2026-07-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (overdue)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (overdue), 0);
  g_assert_cmpstr (council_milestone_get_title (first), ==, "中期评估");
  g_assert_cmpstr (council_milestone_get_project_code (first), ==, "QT-2026-020");
  g_assert_true (council_milestone_is_overdue (late, "2026-07-15"));
  g_assert_false (council_milestone_is_overdue (done, "2026-07-15"));
}

/* ---- integration ---- */

static gint64
make_source (Fixture *f, const char *code, gint64 lead, gboolean brand, gint64 budget,
             CouncilProjectHealth health, CouncilProjectStatus status, gint64 raised, gint64 spent)
{
  g_autoptr(CouncilProject) p = make_project (f, code, lead, 1);

  council_project_set_is_brand (p, brand);
  council_project_set_budget_fen (p, budget);
  council_project_set_health (p, health);
  council_project_set_status (p, status);
  council_project_set_actual_beneficiaries (p, 100);
  add_fund (p, COUNCIL_FUND_KIND_RAISED, raised, "2026-03-02");
  add_fund (p, COUNCIL_FUND_KIND_SPENT, spent, "2026-05-02");
  return save_new (f, p);
}

static GArray *
ids_of (gint64 a, gint64 b, gint64 c)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (ids, a);
  if (b)
    g_array_append_val (ids, b);
  if (c)
    g_array_append_val (ids, c);
  return ids;
}

static void
test_integration (Fixture *f, gconstpointer data)
{
  gint64 s1 = make_source (f, "QT-2026-101", f->orgs[0], TRUE, 1000000, COUNCIL_PROJECT_HEALTH_ON_TRACK,
                           COUNCIL_PROJECT_STATUS_IN_PROGRESS, 500000, 200000);
  gint64 s2 = make_source (f, "QT-2026-102", f->orgs[1], TRUE, 2000000, COUNCIL_PROJECT_HEALTH_OFF_TRACK,
                           COUNCIL_PROJECT_STATUS_APPROVED, 700000, 100000);
  gint64 s3 = make_source (f, "QT-2026-103", f->orgs[2], TRUE, 3000000, COUNCIL_PROJECT_HEALTH_AT_RISK,
                           COUNCIL_PROJECT_STATUS_COMPLETED, 900000, 900000);
  gint64 plain = make_source (f, "QT-2026-104", f->orgs[3], FALSE, 1, COUNCIL_PROJECT_HEALTH_ON_TRACK,
                              COUNCIL_PROJECT_STATUS_APPROVED, 0, 0);
  gint64 same_org = make_source (f, "QT-2026-105", f->orgs[0], TRUE, 1, COUNCIL_PROJECT_HEALTH_ON_TRACK,
                                 COUNCIL_PROJECT_STATUS_APPROVED, 0, 0);
  g_autoptr(CouncilProject) brand = make_project (f, "QT-2026-P01", f->orgs[0], 1);
  g_autoptr(GArray) sources = ids_of (s1, s2, s3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) children = NULL;
  g_autoptr(CouncilProject) row = NULL;
  CouncilProjectRollup r;
  gint64 brand_id;

  council_project_set_title_zh (brand, "群团就业创业一体化服务");
  council_project_set_budget_fen (brand, 0);
  g_assert_true (council_store_integrate_projects (f->store, sources, brand, &error));
  g_assert_no_error (error);
  brand_id = council_project_get_id (brand);
  g_assert_cmpint (brand_id, >, 0);

  /* Roll-ups: budget and funds summed, worst health, status from the parts. */
  g_assert_true (council_store_get_project_rollup (f->store, brand_id, &r, &error));
  g_assert_cmpuint (r.n_sources, ==, 3);
  g_assert_cmpint (r.budget_fen, ==, 6000000);
  g_assert_cmpint (r.raised_fen, ==, 2100000);
  g_assert_cmpint (r.spent_fen, ==, 1200000);
  g_assert_cmpint (r.actual_beneficiaries, ==, 300);
  g_assert_cmpint (r.health, ==, COUNCIL_PROJECT_HEALTH_OFF_TRACK);
  g_assert_cmpint (r.status, ==, COUNCIL_PROJECT_STATUS_IN_PROGRESS);

  /* The list row shows the same roll-up; a source shows its brand. */
  row = council_store_get_project (f->store, s2, &error);
  g_assert_cmpint (council_project_get_integrated_into (row), ==, brand_id);
  g_assert_cmpstr (council_project_get_integrated_into_code (row), ==, "QT-2026-P01");
  children = council_store_list_integration_sources (f->store, brand_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (children)), ==, 3);
  {
    CouncilProjectFilter top = COUNCIL_PROJECT_FILTER_INIT;
    g_autoptr(GListStore) roots = NULL;
    g_autoptr(CouncilProject) first = NULL;
    top.top_level_only = TRUE;
    top.search = "一体化";
    roots = council_store_list_projects (f->store, &top, COUNCIL_PROJECT_SORT_CODE, FALSE, 0, 0, &error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (roots)), ==, 1);
    first = g_list_model_get_item (G_LIST_MODEL (roots), 0);
    g_assert_cmpint (council_project_get_rolled_budget_fen (first), ==, 6000000);
    g_assert_cmpint (council_project_get_budget_fen (first), ==, 0);  /* its own, as saved */
    g_assert_cmpint (council_project_get_spent_fen (first), ==, 1200000);
    g_assert_cmpuint (council_project_get_n_sources (first), ==, 3);
    g_assert_cmpint (council_project_get_rolled_health (first), ==, COUNCIL_PROJECT_HEALTH_OFF_TRACK);
    g_assert_cmpint (council_project_get_health (first), ==, COUNCIL_PROJECT_HEALTH_ON_TRACK);
    g_assert_cmpstr (council_project_get_health_label (first), ==, "Off track");
    g_assert_cmpstr (council_project_get_status_label (first), ==, "In progress");
    {
      gint64 budget = 0;
      g_object_get (first, "budget-fen", &budget, NULL);
      g_assert_cmpint (budget, ==, 6000000);
    }
    /* Saving a list row keeps the brand's own values. */
    council_project_set_title_en (first, "Council employment brand");
    g_assert_true (council_store_save_project (f->store, first, &error));
    g_assert_no_error (error);
    council_store_get_project_rollup (f->store, brand_id, &r, &error);
    g_assert_cmpint (r.budget_fen, ==, 6000000);
    g_assert_true (council_store_undo (f->store, NULL, &error));
  }
  {
    CouncilProjectFilter by_status = COUNCIL_PROJECT_FILTER_INIT;
    guint n = 0;
    by_status.status = COUNCIL_PROJECT_STATUS_IN_PROGRESS;
    council_store_count_projects (f->store, &by_status, &n, &error);
    g_assert_cmpuint (n, ==, 2);  /* QT-2026-101 and the brand, by its roll-up */
  }

  /* Sorting by a rolled-up column merges the brand in at its rolled-up value. */
  {
    g_autoptr(GListStore) by_budget = council_store_list_projects (f->store, NULL, COUNCIL_PROJECT_SORT_BUDGET,
                                                                   TRUE, 0, 3, &error);
    g_autoptr(GListStore) by_health = council_store_list_projects (f->store, NULL, COUNCIL_PROJECT_SORT_HEALTH,
                                                                   TRUE, 1, 2, &error);
    g_autoptr(CouncilProject) first = g_list_model_get_item (G_LIST_MODEL (by_budget), 0);
    g_autoptr(CouncilProject) second = g_list_model_get_item (G_LIST_MODEL (by_budget), 1);
    g_autoptr(CouncilProject) h = g_list_model_get_item (G_LIST_MODEL (by_health), 0);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (by_budget)), ==, 3);
    g_assert_cmpint (council_project_get_id (first), ==, brand_id);
    g_assert_cmpstr (council_project_get_code (second), ==, "QT-2026-103");
    {
      g_autoptr(GListStore) by_spent = council_store_list_projects (f->store, NULL, COUNCIL_PROJECT_SORT_SPENT,
                                                                    TRUE, 0, 2, &error);
      g_autoptr(CouncilProject) top = g_list_model_get_item (G_LIST_MODEL (by_spent), 0);
      g_autoptr(CouncilProject) next = g_list_model_get_item (G_LIST_MODEL (by_spent), 1);
      g_assert_cmpint (council_project_get_id (top), ==, brand_id);        /* 1,200,000 rolled up */
      g_assert_cmpstr (council_project_get_code (next), ==, "QT-2026-103");  /* 900,000 */
    }
    /* off track: QT-2026-102 and the brand (by code, descending), then at risk */
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (by_health)), ==, 2);
    g_assert_cmpstr (council_project_get_code (h), ==, "QT-2026-102");
  }

  /* Refusals */
  {
    g_autoptr(GArray) self_ids = ids_of (brand_id, 0, 0);
    g_autoptr(GArray) into_source = ids_of (same_org, 0, 0);
    g_autoptr(GArray) not_brand = ids_of (plain, 0, 0);
    g_autoptr(GArray) one_org = ids_of (same_org, 0, 0);
    g_autoptr(GArray) again = ids_of (s1, 0, 0);
    g_autoptr(GArray) nested = ids_of (brand_id, 0, 0);
    g_autoptr(CouncilProject) source_target = council_store_get_project (f->store, s1, NULL);
    g_autoptr(CouncilProject) other_target = council_store_get_project (f->store, plain, NULL);
    g_autoptr(CouncilProject) new_brand = make_project (f, "QT-2026-P02", f->orgs[4], 1);
    g_autoptr(CouncilProject) new_brand2 = make_project (f, "QT-2026-P03", f->orgs[4], 1);

    g_assert_false (council_store_integrate_projects (f->store, self_ids, brand, &error));
    assert_field_error (error, COUNCIL_PROJECT_FIELD_INTEGRATED_INTO, "into itself");
    g_clear_error (&error);
    g_assert_false (council_store_integrate_projects (f->store, into_source, source_target, &error));
    assert_field_error (error, COUNCIL_PROJECT_FIELD_INTEGRATED_INTO, "itself integrated into QT-2026-P01");
    g_clear_error (&error);
    g_assert_false (council_store_integrate_projects (f->store, not_brand, brand, &error));
    assert_field_error (error, COUNCIL_PROJECT_FIELD_INTEGRATED_INTO, "not a brand project");
    g_clear_error (&error);
    g_assert_false (council_store_integrate_projects (f->store, one_org, new_brand, &error));
    assert_field_error (error, COUNCIL_PROJECT_FIELD_INTEGRATED_INTO, "different organizations");
    g_clear_error (&error);
    g_assert_false (council_store_integrate_projects (f->store, again, new_brand, &error));
    assert_field_error (error, COUNCIL_PROJECT_FIELD_INTEGRATED_INTO, "already integrated into QT-2026-P01");
    g_clear_error (&error);
    g_assert_false (council_store_integrate_projects (f->store, nested, new_brand2, &error));
    assert_field_error (error, COUNCIL_PROJECT_FIELD_INTEGRATED_INTO, "itself an integrated brand");
    g_clear_error (&error);
    g_assert_cmpint (council_project_get_id (new_brand), ==, 0);
    (void) other_target;
  }

  /* A source stays a brand project while integrated. */
  {
    g_autoptr(CouncilProject) source = council_store_get_project (f->store, s3, &error);
    council_project_set_is_brand (source, FALSE);
    g_assert_false (council_store_save_project (f->store, source, &error));
    assert_field_error (error, COUNCIL_PROJECT_FIELD_INTEGRATED_INTO, "stays a brand project");
    g_clear_error (&error);
  }

  /* Adding a source of the same organization as another source is fine: the
   * brand already spans several organizations. */
  {
    g_autoptr(GArray) more = ids_of (same_org, 0, 0);
    g_assert_true (council_store_integrate_projects (f->store, more, brand, &error));
    g_assert_no_error (error);
    council_store_get_project_rollup (f->store, brand_id, &r, &error);
    g_assert_cmpuint (r.n_sources, ==, 4);
    council_store_unintegrate_project (f->store, same_org, &error);
    g_assert_no_error (error);
    council_store_get_project_rollup (f->store, brand_id, &r, &error);
    g_assert_cmpuint (r.n_sources, ==, 3);
    g_assert_false (council_store_unintegrate_project (f->store, same_org, &error));
    assert_field_error (error, COUNCIL_PROJECT_FIELD_INTEGRATED_INTO, "not integrated");
    g_clear_error (&error);
  }

  /* Undo the un-integration, the addition, then the integration itself. */
  g_assert_true (council_store_undo (f->store, NULL, &error));
  g_assert_true (council_store_undo (f->store, NULL, &error));
  {
    g_autofree char *summary = council_store_peek_undo (f->store);
    g_assert_nonnull (strstr (summary, "QT-2026-P01"));
  }
  g_assert_true (council_store_undo (f->store, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CouncilProject) back = council_store_get_project (f->store, s2, &error);
    g_assert_no_error (error);
    g_assert_cmpint (council_project_get_integrated_into (back), ==, 0);
    g_assert_null (council_store_get_project (f->store, brand_id, &error));
    g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    /* An editor holding the source before the undo notices. */
    council_project_set_budget_fen (row, 5);
    g_assert_false (council_store_save_project (f->store, row, &error));
    g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT);
  }
}

static void
test_delete_brand (Fixture *f, gconstpointer data)
{
  gint64 s1 = make_source (f, "QT-2026-401", f->orgs[0], TRUE, 1, 0, 0, 0, 0);
  gint64 s2 = make_source (f, "QT-2026-402", f->orgs[1], TRUE, 1, 0, 0, 0, 0);
  g_autoptr(CouncilProject) brand = make_project (f, "QT-2026-P09", f->orgs[0], 1);
  g_autoptr(GArray) sources = ids_of (s1, s2, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilProject) back = NULL;
  gint64 brand_id;

  g_assert_true (council_store_integrate_projects (f->store, sources, brand, &error));
  brand_id = council_project_get_id (brand);
  g_assert_true (council_store_delete_project (f->store, brand_id, &error));
  g_assert_no_error (error);
  back = council_store_get_project (f->store, s1, &error);
  g_assert_cmpint (council_project_get_integrated_into (back), ==, 0);
  g_clear_object (&back);
  g_assert_true (council_store_undo (f->store, NULL, &error));
  g_assert_no_error (error);
  back = council_store_get_project (f->store, s1, &error);
  g_assert_cmpint (council_project_get_integrated_into (back), ==, brand_id);
}

static void
test_suggest (Fixture *f, gconstpointer data)
{
  gint64 a = make_source (f, "QT-2026-201", f->orgs[0], TRUE, 1, 0, 0, 0, 0);
  gint64 b = make_source (f, "QT-2026-202", f->orgs[1], TRUE, 1, 0, 0, 0, 0);
  g_autoptr(CouncilProject) far = make_project (f, "QT-2026-203", f->orgs[2], 1);
  g_autoptr(CouncilProject) other_cat = make_project (f, "QT-2026-204", f->orgs[3], 5);
  g_autoptr(CouncilProject) same_lead = make_project (f, "QT-2026-205", f->orgs[0], 1);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  GArray *group;

  /* Not overlapping in dates and another target group: no match. */
  council_project_set_is_brand (far, TRUE);
  council_project_set_start_date (far, "2027-01-01");
  council_project_set_end_date (far, "2027-06-30");
  council_project_set_target_group (far, "退休职工");
  save_new (f, far);
  council_project_set_is_brand (other_cat, TRUE);
  save_new (f, other_cat);
  council_project_set_is_brand (same_lead, TRUE);
  save_new (f, same_lead);

  groups = council_store_suggest_integrations (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  group = g_ptr_array_index (groups, 0);
  /* same_lead joins through b (different organizations, overlapping dates). */
  g_assert_cmpuint (group->len, ==, 3);
  g_assert_cmpint (g_array_index (group, gint64, 0), ==, a);
  g_assert_cmpint (g_array_index (group, gint64, 1), ==, b);
}

/* ---- list model ---- */

static guint items_changed_count;

static void
on_items_changed_cb (GListModel *model, guint position, guint removed, guint added, gpointer data)
{
  items_changed_count++;
}

static gboolean
collect_project (CouncilProject *project, gpointer data)
{
  g_ptr_array_add (data, g_object_ref (project));
  return TRUE;
}

static void
test_list_model (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilSqlListModel) model = NULL;
  CouncilProjectFilter filter = COUNCIL_PROJECT_FILTER_INIT;
  guint n_all, n;
  char *previous = NULL;

  council_demo_generate_projects (f->store, 2500, 5000, 42, &error);
  g_assert_no_error (error);
  model = council_store_new_project_list (f->store, NULL, COUNCIL_PROJECT_SORT_CODE, FALSE);
  n_all = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n_all, ==, 2500);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == COUNCIL_TYPE_PROJECT);

  /* Sorted by code across page boundaries, and the same object shape as get(). */
  for (guint i = 0; i < n_all; i += 7)
    {
      g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_nonnull (p);
      if (previous != NULL)
        g_assert_cmpstr (previous, <, council_project_get_code (p));
      g_free (previous);
      previous = g_strdup (council_project_get_code (p));
      g_assert_cmpstr (council_project_get_lead_name (p), !=, "");
    }
  g_free (previous);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n_all));

  /* Filters narrow the list, and count = rows. */
  filter.category_id = f->categories[2];
  council_project_list_set_filter (model, &filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_cmpint (council_project_get_category_id (p), ==, f->categories[2]);
    }

  filter.category_id = 0;
  filter.year = 2024;
  filter.org_id = f->orgs[1];
  council_project_list_set_filter (model, &filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_cmpstr (council_project_get_start_date (p), <=, "2024-12-31");
      g_assert_cmpstr (council_project_get_end_date (p), >=, "2024-01-01");
      if (council_project_get_lead_org_id (p) != f->orgs[1])
        g_assert_cmpstr (council_project_get_partners_text (p), !=, "");
    }

  filter = (CouncilProjectFilter) COUNCIL_PROJECT_FILTER_INIT;
  filter.search = "谢家湾街道科普";
  council_project_list_set_filter (model, &filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_nonnull (strstr (council_project_get_title_zh (p), "谢家湾街道科普"));
    }
  /* Short searches scan once and page from the matches, in order. */
  filter.search = "科";
  council_project_list_set_filter (model, &filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 100);
  {
    g_autofree char *prev = NULL;
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (model), i);
        g_assert_true (strstr (council_project_get_title_zh (p), "科") != NULL ||
                       strstr (council_project_get_target_group (p), "科") != NULL);
        if (prev != NULL)
          g_assert_cmpstr (prev, <, council_project_get_code (p));
        g_free (prev);
        prev = g_strdup (council_project_get_code (p));
      }
  }
  filter.search = "gen-2024";  /* ASCII: code too, any case */
  council_project_list_set_filter (model, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  filter.search = "10";
  council_project_list_set_filter (model, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  filter.search = "100%";  /* LIKE wildcards are literal */
  council_project_list_set_filter (model, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  /* Sort by budget, descending. */
  filter = (CouncilProjectFilter) COUNCIL_PROJECT_FILTER_INIT;
  council_project_list_set_filter (model, &filter);
  council_project_list_set_sort (model, COUNCIL_PROJECT_SORT_BUDGET, TRUE);
  {
    gint64 last = G_MAXINT64;
    for (guint i = 0; i < 450; i++)
      {
        g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (model), i);
        g_assert_cmpint (council_project_get_rolled_budget_fen (p), <=, last);
        last = council_project_get_rolled_budget_fen (p);
      }
  }

  /* The export path streams the same rows in the same order. */
  {
    g_autoptr(GPtrArray) streamed = g_ptr_array_new_with_free_func (g_object_unref);
    g_assert_true (council_store_foreach_project (f->store, &filter, COUNCIL_PROJECT_SORT_BUDGET, TRUE,
                                                  collect_project, streamed, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (streamed->len, ==, n_all);
    for (guint i = 0; i < 300; i += 37)
      {
        g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (model), i);
        g_assert_cmpint (council_project_get_id (p), ==,
                         council_project_get_id (g_ptr_array_index (streamed, i)));
      }
  }

  /* Sort by lead: organization by organization in roster order, across pages,
   * the same as the export's single query. */
  council_project_list_set_sort (model, COUNCIL_PROJECT_SORT_LEAD, TRUE);
  {
    g_autoptr(GPtrArray) streamed = g_ptr_array_new_with_free_func (g_object_unref);
    council_store_foreach_project (f->store, NULL, COUNCIL_PROJECT_SORT_LEAD, TRUE, collect_project, streamed, &error);
    g_assert_cmpuint (streamed->len, ==, n_all);
    for (guint i = 0; i < n_all; i += 13)
      {
        g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (model), i);
        g_assert_cmpstr (council_project_get_code (p), ==, council_project_get_code (g_ptr_array_index (streamed, i)));
      }
  }

  /* Sort by spent: the index-ordered own spending agrees with the fund entries. */
  council_project_list_set_sort (model, COUNCIL_PROJECT_SORT_SPENT, TRUE);
  {
    gint64 last = G_MAXINT64;
    for (guint i = 0; i < 450; i++)
      {
        g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (model), i);
        g_assert_cmpint (council_project_get_spent_fen (p), <=, last);
        last = council_project_get_spent_fen (p);
      }
    g_assert_cmpint (last, >, 0);
  }

  /* A save elsewhere updates the model by itself. */
  items_changed_count = 0;
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), NULL);
  {
    g_autoptr(CouncilProject) p = make_project (f, "QT-2026-999", f->orgs[0], 0);
    save_new (f, p);
  }
  /* All rows out, then all in (see council_sql_list_model_invalidate). */
  g_assert_cmpuint (items_changed_count, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_all + 1);
}

static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) overdue = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  CouncilProjectFilter brands = COUNCIL_PROJECT_FILTER_INIT;
  g_autoptr(GListStore) roots = NULL;
  guint n = 0, n_brands = 0;

  g_assert_true (council_demo_fill_projects (f->store, &error));
  g_assert_no_error (error);
  council_store_count_projects (f->store, NULL, &n, &error);
  g_assert_cmpuint (n, >=, 55);
  brands.top_level_only = TRUE;
  roots = council_store_list_projects (f->store, &brands, COUNCIL_PROJECT_SORT_CODE, FALSE, 0, 0, &error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (roots)); i++)
    {
      g_autoptr(CouncilProject) p = g_list_model_get_item (G_LIST_MODEL (roots), i);
      if (council_project_get_n_sources (p) > 0)
        n_brands++;
    }
  g_assert_cmpuint (n_brands, ==, 4);
  {
    CouncilProjectFilter integrated = COUNCIL_PROJECT_FILTER_INIT;
    integrated.integrated_only = TRUE;
    council_store_count_projects (f->store, &integrated, &n, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 4);
  }
  overdue = council_store_list_overdue_milestones (f->store, NULL, &error);
  g_assert_no_error (error);
  suggestions = council_store_suggest_integrations (f->store, 0, &error);
  g_assert_no_error (error);
}

static void
test_history_labels (Fixture *f, gconstpointer data)
{
  g_autoptr(CouncilProject) p = make_project (f, "QT-2026-301", f->orgs[0], 0);
  g_autoptr(GListStore) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = save_new (f, p);

  council_project_set_budget_fen (p, 99);
  council_store_save_project (f->store, p, &error);
  g_assert_no_error (error);
  history = council_store_list_history (f->store, "project", id, &error);
  g_assert_no_error (error);
  /* the insert, its first status change, and the budget edit */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 3);
  {
    g_autoptr(CouncilHistoryEntry) last = g_list_model_get_item (G_LIST_MODEL (history), 0);
    g_autofree char *text = council_history_entry_describe (last);
    /* Money in yuan, exactly, not the stored fen. */
    g_assert_nonnull (strstr (text, "Budget: ¥120,000 → ¥0.99"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  g_test_add_func ("/projects/money/parse", test_money_parse);
  g_test_add_func ("/projects/money/format", test_money_format);
  ADD ("/projects/validation", test_validation);
  ADD ("/projects/store/create-edit-delete", test_create_edit_delete);
  ADD ("/projects/store/refusals", test_store_refusals);
  ADD ("/projects/store/conflict", test_conflict);
  ADD ("/projects/store/liaisons", test_liaisons);
  ADD ("/projects/store/status-changes", test_status_changes);
  ADD ("/projects/store/categories", test_categories);
  ADD ("/projects/funds/flags-pivot-disclosure", test_fund_flags);
  ADD ("/projects/milestones/overdue", test_overdue_milestones);
  ADD ("/projects/integration/rollup-refusals-undo", test_integration);
  ADD ("/projects/integration/suggest", test_suggest);
  ADD ("/projects/integration/delete-brand", test_delete_brand);
  ADD ("/projects/list-model", test_list_model);
  ADD ("/projects/demo", test_demo);
  ADD ("/projects/history", test_history_labels);
#undef ADD
  return g_test_run ();
}
