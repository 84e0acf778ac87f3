/* council-overview.c: the figures of a year and what needs attention.
 *
 * The Overview view draws this and the Cover sheet of the workbook writes it,
 * so leaders read the same numbers on the screen and on paper.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-overview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "council-date.h"
#include "council-meeting.h"
#include "council-overview.h"
#include "council-store-assessment.h"
#include "council-store-meetings.h"
#include "council-store-overview.h"

CouncilRecordRef *
council_record_ref_new (CouncilRecordKind kind, gint64 id, const char *title, const char *detail,
                        const char *date)
{
  CouncilRecordRef *ref = g_new0 (CouncilRecordRef, 1);

  ref->kind = kind;
  ref->id = id;
  ref->title = g_strdup (title ? title : "");
  ref->detail = g_strdup (detail ? detail : "");
  ref->date = g_strdup (date ? date : "");
  return ref;
}

void
council_record_ref_free (CouncilRecordRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->title);
  g_free (ref->detail);
  g_free (ref->date);
  g_free (ref);
}

static void
clear_category (gpointer data)
{
  g_free (((CouncilCategoryCount *) data)->name);
}

static void
clear_ranking_entry (gpointer data)
{
  CouncilRankingEntry *e = data;

  g_free (e->organization);
  g_free (e->grade);
}

void
council_overview_free (CouncilOverview *overview)
{
  if (overview == NULL)
    return;
  g_clear_pointer (&overview->projects_by_category, g_array_unref);
  g_clear_pointer (&overview->ranking, g_array_unref);
  g_clear_pointer (&overview->overdue_action_items, g_ptr_array_unref);
  g_clear_pointer (&overview->off_track_projects, g_ptr_array_unref);
  g_clear_pointer (&overview->milestones_due, g_ptr_array_unref);
  g_clear_pointer (&overview->staffing_alerts, g_ptr_array_unref);
  g_free (overview->next_meeting_due);
  g_free (overview->next_meeting_kind);
  g_free (overview->ranking_title);
  g_free (overview);
}

static GPtrArray *
new_ref_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) council_record_ref_free);
}

/* The earliest date any scheduled kind of meeting is due (or planned). */
static gboolean
find_next_meeting (CouncilStore *store, CouncilOverview *o, gboolean chinese, GError **error)
{
  g_autoptr(GListStore) kinds = council_store_list_meeting_kinds (store, error);
  guint n;

  if (kinds == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (kinds));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilMeetingKind) kind = g_list_model_get_item (G_LIST_MODEL (kinds), i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *due = council_store_next_meeting_due (store, council_meeting_kind_get_id (kind),
                                                             o->as_of, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (due == NULL || (o->next_meeting_due != NULL && strcmp (due, o->next_meeting_due) >= 0))
        continue;
      g_free (o->next_meeting_due);
      g_free (o->next_meeting_kind);
      o->next_meeting_due = g_strndup (due, 10);
      o->next_meeting_kind = g_strdup (chinese || *council_meeting_kind_get_name_en (kind) == '\0'
                                       ? council_meeting_kind_get_name_zh (kind)
                                       : council_meeting_kind_get_name_en (kind));
    }
  return TRUE;
}

/* ---- assessment ---- */

typedef struct
{
  CouncilAssessmentScheme *scheme;
  GPtrArray               *indicators;
  GPtrArray               *orgs;
  CouncilAssessmentMatrix *matrix;
} LoadedScheme;

static void
loaded_scheme_clear (LoadedScheme *l)
{
  g_clear_pointer (&l->scheme, council_assessment_scheme_free);
  g_clear_pointer (&l->indicators, g_ptr_array_unref);
  g_clear_pointer (&l->orgs, g_ptr_array_unref);
  g_clear_pointer (&l->matrix, council_assessment_matrix_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadedScheme, loaded_scheme_clear)

/* The scheme (taking over @scheme), its organizations and its matrix of
 * scores with totals and ranks: what the Assessment view shows. */
static gboolean
load_scheme (CouncilStore *store, CouncilAssessmentScheme *scheme, LoadedScheme *out, GError **error)
{
  out->scheme = scheme;
  out->indicators = council_store_list_assessment_indicators (store, scheme->id, error);
  if (out->indicators == NULL)
    return FALSE;
  out->orgs = council_store_list_assessment_organizations (store, scheme, error);
  if (out->orgs == NULL)
    return FALSE;
  out->matrix = council_store_load_assessment_matrix (store, scheme, out->indicators, out->orgs, error);
  return out->matrix != NULL;
}

/* Scored means graded by the Assessment view's rule
 * (council_assessment_matrix_org_complete). */
static gboolean
fill_progress (CouncilStore *store, CouncilOverview *o, GError **error)
{
  g_auto(LoadedScheme) year = { 0 };
  CouncilAssessmentScheme *scheme;
  gint64 id = council_store_find_assessment_scheme (store, o->year, error);

  if (id < 0)
    return FALSE;
  if (id == 0)
    return TRUE;
  scheme = council_store_get_assessment_scheme (store, id, error);
  if (scheme == NULL || !load_scheme (store, scheme, &year, error))
    return FALSE;
  o->assessment_available = TRUE;
  o->assessment_scheme_id = id;
  o->organizations_assessed = year.matrix->n_orgs;
  for (guint i = 0; i < year.matrix->n_orgs; i++)
    {
      if (council_assessment_matrix_org_complete (year.matrix, i, NULL, NULL))
        o->organizations_scored++;
      else if (year.matrix->scored[i] > 0)
        o->organizations_partly_scored++;
    }
  return TRUE;
}

static const char *
band_name (const CouncilGradeBand *band, gboolean chinese)
{
  return chinese || band->name_en == NULL || *band->name_en == '\0' ? band->name_zh : band->name_en;
}

static gboolean
fill_ranking (CouncilStore *store, CouncilOverview *o, gboolean chinese, GError **error)
{
  g_autoptr(GPtrArray) schemes = council_store_list_assessment_schemes (store, error);
  g_auto(LoadedScheme) last = { 0 };
  CouncilAssessmentMatrix *m;

  if (schemes == NULL)
    return FALSE;
  /* Newest year first, the whole-year scheme before the parts of its year. */
  for (guint k = 0; k < schemes->len && last.scheme == NULL; k++)
    {
      CouncilAssessmentScheme *scheme = g_ptr_array_index (schemes, k);

      if (scheme->finalized && scheme->year <= o->year &&
          !load_scheme (store, g_ptr_array_steal_index (schemes, k), &last, error))
        return FALSE;
    }
  if (last.scheme == NULL)
    return TRUE;

  m = last.matrix;
  o->ranking_scheme_id = last.scheme->id;
  o->ranking_year = last.scheme->year;
  o->ranking_title = g_strdup (last.scheme->title);
  o->ranking = g_array_sized_new (FALSE, TRUE, sizeof (CouncilRankingEntry), m->n_orgs);
  g_array_set_clear_func (o->ranking, clear_ranking_entry);
  /* The Assessment view's rules: an organization without any score has no
   * rank, one not fully scored no grade yet. */
  for (guint k = 0; k < m->n_orgs; k++)
    {
      guint i = m->order[k];
      int band = council_assessment_matrix_org_complete (m, i, NULL, NULL) ? council_assessment_scheme_grade (last.scheme, m->totals[i]) : -1;
      CouncilRankingEntry e;

      if (m->scored[i] == 0)
        continue;
      e = (CouncilRankingEntry) {
        .org_id = m->org_ids[i],
        .organization = g_strdup (council_organization_get_name_for_language (g_ptr_array_index (last.orgs, i), chinese)),
        .total = m->totals[i],
        .rank = m->ranks[i],
        .grade = g_strdup (band >= 0 ? band_name (g_ptr_array_index (last.scheme->bands, band), chinese) : ""),
      };
      g_array_append_val (o->ranking, e);
    }
  return TRUE;
}

/* Assessment progress of the year's scheme and the last finalized ranking. */
static gboolean
fill_assessment (CouncilStore *store, CouncilOverview *o, gboolean chinese, GError **error)
{
  return fill_progress (store, o, error) && fill_ranking (store, o, chinese, error);
}

CouncilOverview *
council_overview_compute (CouncilStore *store, int year, const char *as_of, gboolean chinese,
                          GError **error)
{
  g_autoptr(CouncilOverview) o = g_new0 (CouncilOverview, 1);
  g_autofree char *today = NULL;

  g_return_val_if_fail (COUNCIL_IS_STORE (store), NULL);

  if (as_of == NULL)
    as_of = today = council_iso_date_today ();
  if (!council_iso_date_is_valid (as_of))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date (YYYY-MM-DD)."), as_of);
      return NULL;
    }
  g_strlcpy (o->as_of, as_of, sizeof o->as_of);
  o->year = year > 0 ? year : (int) g_ascii_strtoll (as_of, NULL, 10);
  o->projects_by_category = g_array_new (FALSE, TRUE, sizeof (CouncilCategoryCount));
  g_array_set_clear_func (o->projects_by_category, clear_category);
  o->overdue_action_items = new_ref_array ();
  o->off_track_projects = new_ref_array ();
  o->milestones_due = new_ref_array ();
  o->staffing_alerts = new_ref_array ();

  if (!council_store_fill_overview (store, o, chinese, error) ||
      !find_next_meeting (store, o, chinese, error) ||
      !fill_assessment (store, o, chinese, error))
    return NULL;
  return g_steal_pointer (&o);
}

/* ---- global search: one function per kind ---- */
static const CouncilSearchFunc search_functions[COUNCIL_N_RECORD_KINDS] = {
  [COUNCIL_RECORD_ORGANIZATION] = council_store_search_organizations,
  [COUNCIL_RECORD_PROJECT]      = council_store_search_projects,
  [COUNCIL_RECORD_MEETING]      = council_store_search_meetings,
  [COUNCIL_RECORD_ACTION_ITEM]  = council_store_search_action_items,
  [COUNCIL_RECORD_INDICATOR]    = council_store_search_indicators,
  [COUNCIL_RECORD_DOCUMENT]     = council_store_search_document_text,
};

gboolean
council_search_kind_available (CouncilRecordKind kind)
{
  return kind < COUNCIL_N_RECORD_KINDS && search_functions[kind] != NULL;
}

gboolean
council_search_everything (CouncilStore *store, const char *query, gboolean chinese,
                           guint limit_per_kind, GPtrArray *results[COUNCIL_N_RECORD_KINDS],
                           GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (query ? query : ""));

  for (int k = 0; k < COUNCIL_N_RECORD_KINDS; k++)
    results[k] = NULL;
  for (int k = 0; k < COUNCIL_N_RECORD_KINDS; k++)
    {
      if (*trimmed != '\0' && search_functions[k] != NULL)
        results[k] = search_functions[k] (store, trimmed, chinese, limit_per_kind, error);
      else
        results[k] = new_ref_array ();
      if (results[k] == NULL)
        {
          for (int j = 0; j < k; j++)
            g_clear_pointer (&results[j], g_ptr_array_unref);
          return FALSE;
        }
    }
  return TRUE;
}
