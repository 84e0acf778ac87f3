/* council-generate.c: generated councils, deterministic by seed.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "council-generate.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "council-demo.h"
#include "council-store-assessment.h"
#include "council-store-generate-council.h"
#include "council-test-helpers.h"

typedef struct
{
  CouncilStore *store;
  const CouncilGenerateCounts *counts;
  guint32 seed;
  GRand *rand;
  GArray *organization_ids;   /* gint64, every organization after the roster step */
} Generator;

typedef gboolean (*GenerateStep) (Generator *g, GError **error);

void
council_generate_counts (CouncilGenerateSize size, CouncilGenerateCounts *counts)
{
  *counts = (CouncilGenerateCounts) { 0 };
  /* Both sizes keep the council's 22 member organizations: the issue's
   * targets (assessment of 22 organizations, attendance of every member at
   * 20,000 meetings) are about a council, and the records grow, not it. */
  counts->organizations = 22;
  if (size == COUNCIL_GENERATE_REALISTIC)
    {
      counts->liaison_officers = 66;
      counts->history_edits = 2000;
      counts->projects = 300;
      counts->fund_entries = 900;
      counts->milestones = 600;
      counts->brands = 4;
      counts->meetings = 60;
      counts->action_items = 400;
      counts->assessment_years = 3;
      counts->document_pages = 600;
      counts->long_document_pages = 30;
    }
  else
    {
      counts->liaison_officers = 220;
      counts->history_edits = 50000;
      counts->projects = 100000;
      counts->fund_entries = 300000;
      counts->milestones = 200000;
      counts->brands = 200;
      counts->meetings = 20000;
      counts->action_items = 200000;
      counts->assessment_years = 7;
      counts->document_pages = 20000;
      counts->long_document_pages = 300;
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
  return council_store_generate_history (g->store, g->counts->history_edits, g->seed + 1, error);
}

/* The same generator as the projects benchmarks, so their data and ours agree. */
static gboolean
generate_projects (Generator *g, GError **error)
{
  if (g->counts->projects == 0)
    return TRUE;
  return council_demo_generate_projects (g->store, g->counts->projects, g->counts->fund_entries, g->seed, error);
}

static gboolean
generate_project_details (Generator *g, GError **error)
{
  return council_store_generate_project_details (g->store, g->counts->milestones, g->counts->brands, g->seed + 2, error);
}

static gboolean
generate_meetings (Generator *g, GError **error)
{
  return council_store_generate_meetings (g->store, g->counts->meetings, g->counts->action_items, g->seed + 3, error);
}

/* One category per row with kind 0; max scores add up to 100. */
static const struct
{
  CouncilIndicatorKind kind;
  const char *name_zh;
  const char *name_en;
  double max_score;   /* the cap of bonus and deduction items */
  CouncilComputedSource source;
} generated_indicators[] = {
  { COUNCIL_INDICATOR_CATEGORY, "组织建设", "Organization building", 0, 0 },
  { COUNCIL_INDICATOR_MANUAL, "班子建设", "Leadership team", 10, 0 },
  { COUNCIL_INDICATOR_MANUAL, "基层组织覆盖", "Grassroots coverage", 10, 0 },
  { COUNCIL_INDICATOR_COMPUTED, "理事会会议出勤", "Council meeting attendance", 10, COUNCIL_COMPUTED_ATTENDANCE_RATE },
  { COUNCIL_INDICATOR_CATEGORY, "项目化运作", "Project work", 0, 0 },
  { COUNCIL_INDICATOR_COMPUTED, "项目按期完成率", "Projects completed on time", 15, COUNCIL_COMPUTED_PROJECTS_ON_TIME },
  { COUNCIL_INDICATOR_MANUAL, "品牌项目建设", "Brand projects", 10, 0 },
  { COUNCIL_INDICATOR_RANK, "服务对象覆盖", "Beneficiaries reached", 10, 0 },
  { COUNCIL_INDICATOR_CATEGORY, "督办落实", "Follow-up of decisions", 0, 0 },
  { COUNCIL_INDICATOR_COMPUTED, "督办事项按期办结", "Action items done on time", 15, COUNCIL_COMPUTED_ACTIONS_ON_TIME },
  { COUNCIL_INDICATOR_MANUAL, "信息报送", "Information reporting", 10, 0 },
  { COUNCIL_INDICATOR_MANUAL, "资金公开", "Fund disclosure", 10, 0 },
  { COUNCIL_INDICATOR_CATEGORY, "加分与减分", "Bonus and deduction items", 0, 0 },
  { COUNCIL_INDICATOR_BONUS, "上级表彰", "Commendations", 3, 0 },
  { COUNCIL_INDICATOR_BONUS, "创新工作", "Innovative work", 2, 0 },
  { COUNCIL_INDICATOR_DEDUCTION, "工作失误", "Work errors", 5, 0 },
  { COUNCIL_INDICATOR_DEDUCTION, "信息迟报", "Late reporting", 3, 0 },
};

static gboolean
generate_scheme (Generator *g, int year, GError **error)
{
  g_autoptr(CouncilAssessmentScheme) scheme = council_assessment_scheme_new (year);
  gint64 category = 0;

  g_free (scheme->title);
  scheme->title = g_strdup_printf ("%d年度群团组织目标管理考核", year);
  if (!council_store_save_assessment_scheme (g->store, scheme, error))
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (generated_indicators); k++)
    {
      g_autoptr(CouncilIndicator) ind = council_indicator_new (generated_indicators[k].kind, generated_indicators[k].name_zh,
                                                               generated_indicators[k].max_score);

      g_free (ind->name_en);
      ind->name_en = g_strdup (generated_indicators[k].name_en);
      ind->source = generated_indicators[k].source;
      ind->parent_id = ind->kind == COUNCIL_INDICATOR_CATEGORY ? 0 : category;
      if (ind->kind == COUNCIL_INDICATOR_BONUS || ind->kind == COUNCIL_INDICATOR_DEDUCTION)
        {
          ind->cap = ind->max_score;
          ind->max_score = 0;
        }
      if (ind->kind == COUNCIL_INDICATOR_RANK)
        for (guint r = 0; r < 20; r++)
          {
            double p = 10.0 - 0.5 * r;
            g_array_append_val (ind->rank_points, p);
          }
      if (!council_store_save_assessment_indicator (g->store, scheme->id, ind, error))
        return FALSE;
      if (ind->kind == COUNCIL_INDICATOR_CATEGORY)
        category = ind->id;
    }
  return council_store_generate_assessment_scores (g->store, scheme->id, TRUE, g->seed + 4 + (guint32) year, error);
}

/* Finalized schemes of the years up to 2025; the current year is left to the
 * person (and to the assessment benchmark, which makes its own). */
static gboolean
generate_assessment (Generator *g, GError **error)
{
  for (guint y = 0; y < g->counts->assessment_years; y++)
    if (!generate_scheme (g, 2026 - (int) g->counts->assessment_years + (int) y, error))
      return FALSE;
  return TRUE;
}

static gboolean
generate_documents (Generator *g, GError **error)
{
  return council_store_generate_documents (g->store, g->counts->document_pages,
                                           MIN (g->counts->long_document_pages, g->counts->document_pages),
                                           g->seed + 5, error);
}

static const struct
{
  const char *name;
  GenerateStep step;
} steps[] = {
  { "organizations and liaison officers", generate_organizations },
  { "history", generate_history },
  { "projects and fund entries", generate_projects },
  { "milestones and brands", generate_project_details },
  { "meetings and action items", generate_meetings },
  { "assessment", generate_assessment },
  { "documents", generate_documents },
};

gboolean
council_generate (CouncilStore *store, const CouncilGenerateCounts *counts, guint32 seed, GError **error)
{
  Generator g = { store, counts, seed, g_rand_new_with_seed (seed), g_array_new (FALSE, FALSE, sizeof (gint64)) };
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

gboolean
council_generate_council (CouncilStore *store, CouncilGenerateSize size, guint32 seed, GError **error)
{
  CouncilGenerateCounts counts;

  council_generate_counts (size, &counts);
  return council_generate (store, &counts, seed, error);
}

static gboolean
copy_file (const char *from, const char *to, GError **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);

  return g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/* Generates into a file of its own and renames it into place, so that a
 * benchmark killed half-way leaves no half council in the cache. */
static gboolean
generate_into (const char *path, CouncilGenerateSize size, guint32 seed, GError **error)
{
  g_autofree char *partial = g_strdup_printf ("%s.partial-%d", path, (int) getpid ());
  g_autofree char *wal = g_strconcat (partial, "-wal", NULL);
  g_autofree char *shm = g_strconcat (partial, "-shm", NULL);
  CouncilStore *store;
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  g_unlink (partial);
  store = council_store_open (partial, error);
  if (store == NULL)
    return FALSE;
  ok = council_generate_council (store, size, seed, error);
  /* Closing checkpoints the write-ahead log into the file itself. */
  g_object_unref (store);
  if (ok && g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      ok = FALSE;
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s was not checkpointed on close", partial);
    }
  if (ok && g_rename (partial, path) != 0)
    {
      int saved = errno;
      ok = FALSE;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "Could not rename %s: %s", partial, g_strerror (saved));
    }
  if (!ok)
    {
      g_unlink (partial);
      g_unlink (wal);
      g_unlink (shm);
      return FALSE;
    }
  g_printerr ("# generated the %s council (seed %u) in %.1f s: %s\n",
              size == COUNCIL_GENERATE_LARGE ? "large" : "realistic", seed,
              (g_get_monotonic_time () - start) / 1e6, path);
  return TRUE;
}

char *
council_generate_cached_copy (CouncilGenerateSize size, guint32 seed, const char *dir, GError **error)
{
  const char *builddir = g_getenv ("COUNCIL_TEST_BUILDDIR");
  g_autofree char *cache_dir = g_build_filename (builddir ? builddir : g_get_tmp_dir (), "generated-councils", NULL);
  g_autofree char *name = g_strdup_printf ("council-v%d-%s-seed%u.db", COUNCIL_GENERATOR_VERSION,
                                           size == COUNCIL_GENERATE_LARGE ? "large" : "realistic", seed);
  g_autofree char *cached = g_build_filename (cache_dir, name, NULL);
  g_autofree char *copy = g_build_filename (dir, name, NULL);

  if (g_mkdir_with_parents (cache_dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "Could not create %s: %s", cache_dir, g_strerror (saved));
      return NULL;
    }
  if (!g_file_test (cached, G_FILE_TEST_EXISTS) && !generate_into (cached, size, seed, error))
    return NULL;
  if (!copy_file (cached, copy, error))
    return NULL;
  return g_steal_pointer (&copy);
}

CouncilStore *
council_generate_open_cached (CouncilGenerateSize size, guint32 seed, char **out_path, GError **error)
{
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *path = council_generate_cached_copy (size, seed, dir, error);
  CouncilStore *store;

  if (path == NULL)
    return NULL;
  store = council_store_open (path, error);
  if (store != NULL && out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return store;
}
