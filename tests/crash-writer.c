/* crash-writer.c: writes a stream of changes through the real store code until
 * it is killed; test-crash-safety and bench-crash-safety kill it at random.
 *
 *   crash-writer DATABASE SEED [MAX-CHANGES]
 *
 * Before each change it prints "begin N KIND", after each commit
 * "committed N CHANGE-ID STATE-HASH KIND", and "skipped N KIND REASON" when the
 * store refused the change (e.g. undo of a rename whose old name is taken
 * again); every line is flushed before the next change starts. Changes whose
 * effect the test checks by itself also print, before they start writing,
 * "detail N KIND WHAT":
 *   integrate    BRAND-CODE SOURCE-ID,SOURCE-ID…   (the new brand and its sources)
 *   score        INDICATOR-ID:ORG-ID:VALUE         (one score)
 *   score-sheet  INDICATOR-ID:ORG-ID:VALUE,…       (several scores in one change)
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "council-roster-import.h"
#include "council-store-assessment.h"
#include "council-store-projects.h"
#include "council-test-helpers.h"

typedef struct
{
  CouncilStore *store;
  const char *path;
  GRand *rand;
  guint32 seed;
  guint n;
} Writer;

/* A change kind writes at most one change; it returns FALSE with *error set
 * when the store refused it, and sets *changed when something was committed. */
typedef gboolean (*ChangeFunc) (Writer *w, gboolean *changed, GError **error);

static const char * const note_samples[] = {
  "按季度报送工作台账", "𠀀𪚥 rare characters", "emoji 🎉👍", "שלום עולם", "مرحبا بالعالم",
  "=SUM(A1:A9)", "+86 leading plus", "-minus first", "@mention", "tab\there", "line\nbreak",
};

static CouncilOrganization *
random_organization (Writer *w, gboolean active_only)
{
  g_autoptr(GListStore) orgs = council_store_list_organizations (w->store, !active_only, NULL);
  guint n = orgs ? g_list_model_get_n_items (G_LIST_MODEL (orgs)) : 0;

  if (n == 0)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (orgs), g_rand_int_range (w->rand, 0, (gint32) n));
}

static char *
random_phone (Writer *w)
{
  return g_strdup_printf ("023-6%07d", g_rand_int_range (w->rand, 0, 9999999));
}

static gboolean
add_organization (Writer *w, gboolean *changed, GError **error)
{
  g_autoptr(CouncilOrganization) org = council_organization_new ();
  g_autofree char *zh = g_strdup_printf ("压力测试单位%u-%u", w->seed, w->n);
  g_autofree char *en = g_strdup_printf ("Stress Unit %u-%u", w->seed, w->n);
  g_autofree char *phone = random_phone (w);

  council_organization_set_name_zh (org, zh);
  council_organization_set_name_en (org, en);
  council_organization_set_phone (org, phone);
  council_organization_set_staff_in_post (org, g_rand_int_range (w->rand, 0, 40));
  *changed = TRUE;
  return council_store_save_organization (w->store, org, error);
}

static gboolean
edit_organization (Writer *w, gboolean *changed, GError **error)
{
  g_autoptr(CouncilOrganization) org = random_organization (w, FALSE);
  g_autofree char *phone = random_phone (w);
  g_autofree char *notes = NULL;
  int staff;

  if (org == NULL)
    return TRUE;
  notes = g_strdup_printf ("%s %u", note_samples[g_rand_int_range (w->rand, 0, G_N_ELEMENTS (note_samples))], w->n);
  staff = g_rand_int_range (w->rand, 0, 60);
  council_organization_set_notes (org, notes);
  council_organization_set_phone (org, phone);
  council_organization_set_staff_in_post (org, staff);
  council_organization_set_seconded_out (org, staff / 3);
  council_organization_set_part_time (org, 0);
  *changed = TRUE;
  return council_store_save_organization (w->store, org, error);
}

static gboolean
toggle_retired (Writer *w, gboolean *changed, GError **error)
{
  g_autoptr(CouncilOrganization) org = random_organization (w, FALSE);

  if (org == NULL)
    return TRUE;
  *changed = TRUE;
  return council_store_set_organization_retired (w->store, council_organization_get_id (org),
                                                 !council_organization_get_retired (org), error);
}

static gboolean
add_liaison_officer (Writer *w, gboolean *changed, GError **error)
{
  g_autoptr(CouncilOrganization) org = random_organization (w, TRUE);
  g_autoptr(CouncilLiaisonOfficer) lo = NULL;
  g_autofree char *name = g_strdup_printf ("联络员%u", w->n);
  g_autofree char *phone = random_phone (w);

  if (org == NULL)
    return TRUE;
  lo = council_liaison_officer_new (name, g_rand_boolean (w->rand) ? "区人社局" : "区司法局", phone);
  g_list_store_append (council_organization_get_liaison_officers (org), lo);
  *changed = TRUE;
  return council_store_save_organization (w->store, org, error);
}

static gboolean
remove_liaison_officer (Writer *w, gboolean *changed, GError **error)
{
  g_autoptr(CouncilOrganization) org = random_organization (w, TRUE);
  GListStore *officers;

  if (org == NULL)
    return TRUE;
  officers = council_organization_get_liaison_officers (org);
  if (g_list_model_get_n_items (G_LIST_MODEL (officers)) == 0)
    return TRUE;
  g_list_store_remove (officers, 0);
  *changed = TRUE;
  return council_store_save_organization (w->store, org, error);
}

static gboolean
undo_last (Writer *w, gboolean *changed, GError **error)
{
  g_autofree char *summary = NULL;
  g_autoptr(GError) local = NULL;

  if (council_store_undo (w->store, &summary, &local))
    {
      *changed = TRUE;
      return TRUE;
    }
  if (g_error_matches (local, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOTHING_TO_UNDO))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* A roster CSV of new units and updates of existing ones, in one change; large
 * enough that a kill often lands inside it. */
static gboolean
import_roster (Writer *w, gboolean *changed, GError **error)
{
  g_autoptr(GString) csv = g_string_new ("名称,英文名称,电话,在岗人数,备注,联络员\n");
  g_autoptr(CouncilRosterImport) import = NULL;
  guint rows = (guint) g_rand_int_range (w->rand, 20, 200);

  for (guint i = 0; i < rows; i++)
    {
      g_autofree char *phone = random_phone (w);
      g_string_append_printf (csv, "导入单位%u-%u-%u,Imported Unit %u-%u-%u,%s,%d,\"第%u批, 备注\",导入联络员|区人社局|%s\n",
                              w->seed, w->n, i, w->seed, w->n, i, phone,
                              g_rand_int_range (w->rand, 0, 30), w->n, phone);
    }
  import = council_roster_import_prepare_data (w->store, csv->str, csv->len, error);
  if (import == NULL)
    return FALSE;
  *changed = TRUE;
  return council_roster_import_apply (import, w->store, error);
}

/* ---- projects: brand projects and their integration ---- */

static gint64
first_category (Writer *w)
{
  g_autoptr(GListStore) cats = council_store_list_project_categories (w->store, NULL);
  g_autoptr(CouncilProjectCategory) c = NULL;

  if (cats == NULL || g_list_model_get_n_items (G_LIST_MODEL (cats)) == 0)
    return 0;
  c = g_list_model_get_item (G_LIST_MODEL (cats), 0);
  return council_project_category_get_id (c);
}

static CouncilProject *
new_project (Writer *w, const char *code, gint64 lead)
{
  CouncilProject *p = council_project_new ();

  council_project_set_code (p, code);
  council_project_set_title_zh (p, "职工技能提升培训");
  council_project_set_title_en (p, "Workers' skills training");
  council_project_set_lead_org_id (p, lead);
  council_project_set_category_id (p, first_category (w));
  council_project_set_start_date (p, "2026-03-01");
  council_project_set_end_date (p, "2026-10-31");
  council_project_set_budget_fen (p, g_rand_int_range (w->rand, 1, 500) * 10000);
  council_project_set_target_group (p, "产业工人");
  council_project_set_is_brand (p, TRUE);
  return p;
}

static gboolean
add_brand_project (Writer *w, gboolean *changed, GError **error)
{
  g_autoptr(CouncilOrganization) org = random_organization (w, TRUE);
  g_autofree char *code = g_strdup_printf ("CW-%u-%u", w->seed, w->n);
  g_autoptr(CouncilProject) p = NULL;

  if (org == NULL)
    return TRUE;
  p = new_project (w, code, council_organization_get_id (org));
  *changed = TRUE;
  return council_store_save_project (w->store, p, error);
}

/* Integrates one group the store suggests (brand projects of different
 * organizations, not integrated yet) into a new brand, in one change. */
static gboolean
integrate_brands (Writer *w, gboolean *changed, GError **error)
{
  g_autoptr(GPtrArray) groups = council_store_suggest_integrations (w->store, 0, error);
  g_autofree char *code = g_strdup_printf ("CWI-%u-%u", w->seed, w->n);
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(CouncilProject) first = NULL;
  g_autoptr(CouncilProject) brand = NULL;
  GArray *group;

  if (groups == NULL)
    return FALSE;
  if (groups->len == 0)
    return TRUE;
  group = g_ptr_array_index (groups, g_rand_int_range (w->rand, 0, (gint32) groups->len));
  first = council_store_get_project (w->store, g_array_index (group, gint64, 0), error);
  if (first == NULL)
    return FALSE;
  brand = new_project (w, code, council_project_get_lead_org_id (first));
  council_project_set_title_zh (brand, "群团就业创业一体化服务");
  for (guint i = 0; i < group->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (group, gint64, i));
  printf ("detail %u integrate %s %s\n", w->n, code, ids->str);
  fflush (stdout);
  *changed = TRUE;
  return council_store_integrate_projects (w->store, group, brand, error);
}

/* ---- assessment scores ---- */

#define SCORE_YEAR 2026

/* The scheme of SCORE_YEAR with a category and two manual indicators; each
 * call adds at most one piece of it (one change). Returns the scheme id with
 * the indicators when they are all there, 0 after a set-up change, -1 on error. */
static gint64
score_setup (Writer *w, GPtrArray **indicators, gboolean *changed, GError **error)
{
  gint64 scheme_id = council_store_find_assessment_scheme (w->store, SCORE_YEAR, error);
  g_autoptr(GPtrArray) list = NULL;
  gint64 category = 0;
  guint n_manual = 0;

  if (scheme_id < 0)
    return -1;
  if (scheme_id == 0)
    {
      CouncilAssessmentScheme *scheme = council_assessment_scheme_new (SCORE_YEAR);
      gboolean ok;

      g_free (scheme->title);
      scheme->title = g_strdup ("2026年度考核方案");
      *changed = TRUE;
      ok = council_store_save_assessment_scheme (w->store, scheme, error);
      council_assessment_scheme_free (scheme);
      return ok ? 0 : -1;
    }
  list = council_store_list_assessment_indicators (w->store, scheme_id, error);
  if (list == NULL)
    return -1;
  for (guint i = 0; i < list->len; i++)
    {
      CouncilIndicator *ind = g_ptr_array_index (list, i);

      if (ind->kind == COUNCIL_INDICATOR_CATEGORY && category == 0)
        category = ind->id;
      else if (ind->kind == COUNCIL_INDICATOR_MANUAL)
        n_manual++;
    }
  if (category == 0 || n_manual < 2)
    {
      CouncilIndicator *ind = category == 0
        ? council_indicator_new (COUNCIL_INDICATOR_CATEGORY, "基础工作", 0)
        : council_indicator_new (COUNCIL_INDICATOR_MANUAL, n_manual == 0 ? "班子建设" : "信息报送",
                                 n_manual == 0 ? 10 : 20);
      gboolean ok;

      ind->parent_id = category;
      *changed = TRUE;
      ok = council_store_save_assessment_indicator (w->store, scheme_id, ind, error);
      council_indicator_free (ind);
      return ok ? 0 : -1;
    }
  *indicators = g_steal_pointer (&list);
  return scheme_id;
}

static CouncilIndicator *
random_manual_indicator (Writer *w, GPtrArray *indicators)
{
  g_autoptr(GPtrArray) manual = g_ptr_array_new ();

  for (guint i = 0; i < indicators->len; i++)
    if (((CouncilIndicator *) g_ptr_array_index (indicators, i))->kind == COUNCIL_INDICATOR_MANUAL)
      g_ptr_array_add (manual, g_ptr_array_index (indicators, i));
  return g_ptr_array_index (manual, g_rand_int_range (w->rand, 0, (gint32) manual->len));
}

/* A score in half points from 0 to the indicator's maximum. */
static double
random_score (Writer *w, const CouncilIndicator *ind)
{
  return g_rand_int_range (w->rand, 0, (gint32) (ind->max_score * 2) + 1) / 2.0;
}

static GPtrArray *
scheme_organizations (Writer *w, gint64 scheme_id, GError **error)
{
  CouncilAssessmentScheme *scheme = council_store_get_assessment_scheme (w->store, scheme_id, error);
  GPtrArray *orgs;

  if (scheme == NULL)
    return NULL;
  orgs = council_store_list_assessment_organizations (w->store, scheme, error);
  council_assessment_scheme_free (scheme);
  return orgs;
}

static gboolean
enter_score (Writer *w, gboolean *changed, GError **error)
{
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  gint64 scheme_id = score_setup (w, &indicators, changed, error);
  CouncilIndicator *ind;
  CouncilOrganization *org;
  double value;

  if (scheme_id <= 0)
    return scheme_id == 0;
  orgs = scheme_organizations (w, scheme_id, error);
  if (orgs == NULL)
    return FALSE;
  if (orgs->len == 0)
    return TRUE;
  ind = random_manual_indicator (w, indicators);
  org = g_ptr_array_index (orgs, g_rand_int_range (w->rand, 0, (gint32) orgs->len));
  value = random_score (w, ind);
  printf ("detail %u score %" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%g\n", w->n, ind->id,
          council_organization_get_id (org), value);
  fflush (stdout);
  *changed = TRUE;
  return council_store_set_assessment_score (w->store, ind->id, council_organization_get_id (org), value,
                                             note_samples[g_rand_int_range (w->rand, 0, G_N_ELEMENTS (note_samples))],
                                             error);
}

/* One indicator scored for every organization as one change, as the score
 * sheet saves it. */
static gboolean
enter_score_sheet (Writer *w, gboolean *changed, GError **error)
{
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (CouncilAssessmentEntry));
  g_autoptr(GString) detail = g_string_new (NULL);
  gint64 scheme_id = score_setup (w, &indicators, changed, error);
  CouncilIndicator *ind;

  if (scheme_id <= 0)
    return scheme_id == 0;
  orgs = scheme_organizations (w, scheme_id, error);
  if (orgs == NULL)
    return FALSE;
  if (orgs->len == 0)
    return TRUE;
  ind = random_manual_indicator (w, indicators);
  for (guint i = 0; i < orgs->len; i++)
    {
      CouncilAssessmentEntry e = { ind->id, council_organization_get_id (g_ptr_array_index (orgs, i)),
                                   random_score (w, ind), NULL };

      g_array_append_val (entries, e);
      g_string_append_printf (detail, "%s%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%g", i ? "," : "",
                              e.indicator_id, e.org_id, e.value);
    }
  printf ("detail %u score-sheet %s\n", w->n, detail->str);
  fflush (stdout);
  *changed = TRUE;
  return council_store_set_assessment_scores (w->store, scheme_id, (CouncilAssessmentEntry *) entries->data,
                                              entries->len, "评分表", error);
}

/* Other features add their change kinds here with a weight. */
static const struct
{
  const char *kind;
  guint weight;
  ChangeFunc func;
} change_kinds[] = {
  { "add-organization", 3, add_organization },
  { "edit-organization", 6, edit_organization },
  { "retire-or-restore", 2, toggle_retired },
  { "add-liaison-officer", 3, add_liaison_officer },
  { "remove-liaison-officer", 2, remove_liaison_officer },
  { "undo", 2, undo_last },
  { "import-roster", 1, import_roster },
  { "add-brand-project", 3, add_brand_project },
  { "integrate", 2, integrate_brands },
  { "score", 4, enter_score },
  { "score-sheet", 1, enter_score_sheet },
};

static guint
pick_kind (Writer *w)
{
  guint total = 0, pick;

  for (guint i = 0; i < G_N_ELEMENTS (change_kinds); i++)
    total += change_kinds[i].weight;
  pick = (guint) g_rand_int_range (w->rand, 0, (gint32) total);
  for (guint i = 0; i < G_N_ELEMENTS (change_kinds); i++)
    {
      if (pick < change_kinds[i].weight)
        return i;
      pick -= change_kinds[i].weight;
    }
  g_assert_not_reached ();
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  Writer w = { 0 };
  guint max_changes;

  if (argc < 3)
    {
      fprintf (stderr, "usage: crash-writer DATABASE SEED [MAX-CHANGES]\n");
      return 2;
    }
  w.path = argv[1];
  w.seed = (guint32) g_ascii_strtoull (argv[2], NULL, 10);
  max_changes = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 1000;
  w.rand = g_rand_new_with_seed (w.seed);
  /* A kind forced by name, for the import round. */
  w.store = council_store_open (w.path, &error);
  if (w.store == NULL)
    {
      fprintf (stderr, "crash-writer: %s\n", error->message);
      return 1;
    }
  printf ("ready\n");
  fflush (stdout);

  for (w.n = 1; w.n <= max_changes; w.n++)
    {
      const char *force = g_getenv ("CRASH_WRITER_KIND");
      guint k = pick_kind (&w);
      gboolean changed = FALSE;
      g_autoptr(GError) local = NULL;

      if (force != NULL && w.n > 1)
        for (guint i = 0; i < G_N_ELEMENTS (change_kinds); i++)
          if (g_str_equal (change_kinds[i].kind, force))
            k = i;
      printf ("begin %u %s\n", w.n, change_kinds[k].kind);
      fflush (stdout);
      if (!change_kinds[k].func (&w, &changed, &local))
        {
          /* Refusals a person would see as a message are expected; anything
           * else (busy, I/O) means the store is broken. */
          gboolean expected = local->domain == COUNCIL_VALIDATION_ERROR ||
                              g_error_matches (local, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED) ||
                              g_error_matches (local, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT);
          printf ("skipped %u %s %s\n", w.n, change_kinds[k].kind, local->message);
          fflush (stdout);
          if (!expected)
            return 1;
          continue;
        }
      if (changed)
        {
          g_autofree char *hash = council_test_state_hash (w.path);
          printf ("committed %u %" G_GINT64_FORMAT " %s %s\n", w.n,
                  council_test_last_change (w.path), hash, change_kinds[k].kind);
          fflush (stdout);
        }
    }
  g_clear_object (&w.store);
  g_rand_free (w.rand);
  return 0;
}
