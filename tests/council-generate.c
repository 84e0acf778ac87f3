/* council-generate.c: generated councils, deterministic by seed.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "council-generate.h"

typedef struct
{
  CouncilStore *store;
  const CouncilGenerateCounts *counts;
  GRand *rand;
  GArray *organization_ids;   /* gint64, every organization after the roster step */
} Generator;

typedef gboolean (*GenerateStep) (Generator *g, GError **error);

void
council_generate_counts (CouncilGenerateSize size, CouncilGenerateCounts *counts)
{
  *counts = (CouncilGenerateCounts) { 0 };
  if (size == COUNCIL_GENERATE_REALISTIC)
    {
      counts->organizations = 22;
      counts->liaison_officers = 66;
      counts->history_edits = 2000;
    }
  else
    {
      counts->organizations = 2000;
      counts->liaison_officers = 8000;
      counts->history_edits = 50000;
      counts->projects = 100000;
      counts->fund_entries = 300000;
      counts->meetings = 20000;
      counts->action_items = 200000;
      counts->document_pages = 20000;
    }
}

static const char * const name_stems[] = {
  "总工会", "团委", "妇联", "科协", "工商联", "文联", "残联", "侨联", "红十字会",
  "社科联", "法学会", "计生协", "老龄协会", "志愿者协会", "慈善会", "青年联合会",
};
static const char * const departments[] = {
  "区人力资源和社会保障局", "区司法局", "区民政局", "区教委", "区卫生健康委", "区财政局",
};
static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
static const char * const given[] = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳" };

static char *
phone (Generator *g)
{
  return g_strdup_printf ("023-6%07d", g_rand_int_range (g->rand, 0, 9999999));
}

static char *
person (Generator *g)
{
  return g_strdup_printf ("%s%s%s", surnames[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (surnames))],
                          given[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (given))],
                          g_rand_boolean (g->rand) ? given[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (given))] : "");
}

/* The seeded roster counts towards the organizations; the rest are added in
 * one change, with their liaison officers. */
static gboolean
generate_organizations (Generator *g, GError **error)
{
  g_autoptr(GListStore) existing = council_store_list_organizations (g->store, TRUE, error);
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func (g_object_unref);
  guint have, want = g->counts->organizations;
  guint officers_each;

  if (existing == NULL)
    return FALSE;
  have = g_list_model_get_n_items (G_LIST_MODEL (existing));
  officers_each = want ? (g->counts->liaison_officers + want - 1) / want : 0;
  for (guint i = 0; i < have; i++)
    {
      CouncilOrganization *org = g_list_model_get_item (G_LIST_MODEL (existing), i);
      g_ptr_array_add (orgs, org);
    }
  for (guint i = have; i < want; i++)
    {
      CouncilOrganization *org = council_organization_new ();
      const char *stem = name_stems[i % G_N_ELEMENTS (name_stems)];
      g_autofree char *zh = g_strdup_printf ("第%u街道%s", i, stem);
      g_autofree char *en = g_strdup_printf ("Street %u Unit %u", i, (guint) (i % G_N_ELEMENTS (name_stems)));

      council_organization_set_name_zh (org, zh);
      council_organization_set_name_en (org, en);
      council_organization_set_coverage (org, (CouncilCoverage) g_rand_int_range (g->rand, 0, 3));
      g_ptr_array_add (orgs, org);
    }
  /* Staffing and liaison officers for every organization, the seeded ones too. */
  for (guint i = 0; i < orgs->len; i++)
    {
      CouncilOrganization *org = g_ptr_array_index (orgs, i);
      int staff = g_rand_int_range (g->rand, 2, 60);
      g_autofree char *contact = person (g);
      g_autofree char *tel = phone (g);

      council_organization_set_contact_person (org, contact);
      council_organization_set_phone (org, tel);
      council_organization_set_posts_established (org, staff + g_rand_int_range (g->rand, 0, 10));
      council_organization_set_staff_in_post (org, staff);
      council_organization_set_seconded_out (org, g_rand_int_range (g->rand, 0, staff / 2 + 1));
      g_list_store_remove_all (council_organization_get_liaison_officers (org));
      for (guint k = 0; k < officers_each; k++)
        {
          g_autofree char *name = person (g);
          g_autofree char *lo_phone = phone (g);
          g_autoptr(CouncilLiaisonOfficer) lo =
            council_liaison_officer_new (name, departments[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (departments))], lo_phone);
          g_list_store_append (council_organization_get_liaison_officers (org), lo);
        }
    }
  if (!council_store_save_organizations (g->store, orgs, "Generated council", COUNCIL_STORE_SAVE_NOT_UNDOABLE, error))
    return FALSE;
  for (guint i = 0; i < orgs->len; i++)
    {
      gint64 id = council_organization_get_id (g_ptr_array_index (orgs, i));
      g_array_append_val (g->organization_ids, id);
    }
  return TRUE;
}

/* Years of small edits, each its own change, so that history lists, undo
 * and the audit trail have realistic depth. */
static gboolean
generate_history (Generator *g, GError **error)
{
  for (guint i = 0; i < g->counts->history_edits && g->organization_ids->len > 0; i++)
    {
      gint64 id = g_array_index (g->organization_ids, gint64,
                                 g_rand_int_range (g->rand, 0, (gint32) g->organization_ids->len));
      g_autoptr(CouncilOrganization) org = council_store_get_organization (g->store, id, error);
      g_autofree char *notes = NULL;
      g_autofree char *tel = NULL;

      if (org == NULL)
        return FALSE;
      switch (g_rand_int_range (g->rand, 0, 3))
        {
        case 0:
          notes = g_strdup_printf ("%u年第%u季度工作台账已报送。", 2020 + i % 7, 1 + i % 4);
          council_organization_set_notes (org, notes);
          break;
        case 1:
          tel = phone (g);
          council_organization_set_phone (org, tel);
          break;
        default:
          council_organization_set_staff_in_post (org, council_organization_get_staff_in_post (org) + 1);
          break;
        }
      if (!council_store_save_organization (g->store, org, error))
        return FALSE;
    }
  return TRUE;
}

/* Each feature adds its step here, in dependency order:
 *   projects + fund entries  (counts->projects, ->fund_entries): wrap
 *     council_demo_generate_projects() from projects-core;
 *   meetings + action items  (counts->meetings, ->action_items): wrap the
 *     meetings generator of meetings-core;
 *   document pages           (counts->document_pages): documents-core. */
static const struct
{
  const char *name;
  GenerateStep step;
} steps[] = {
  { "organizations and liaison officers", generate_organizations },
  { "history", generate_history },
};

gboolean
council_generate (CouncilStore *store, const CouncilGenerateCounts *counts, guint32 seed, GError **error)
{
  Generator g = { store, counts, g_rand_new_with_seed (seed), g_array_new (FALSE, FALSE, sizeof (gint64)) };
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GError) local = NULL;

      if (!steps[i].step (&g, &local))
        {
          g_set_error (error, local->domain, local->code, "%s: %s", steps[i].name, local->message);
          ok = FALSE;
        }
    }
  g_rand_free (g.rand);
  g_array_unref (g.organization_ids);
  return ok;
}
