/* council-store-assessment.h: schemes, indicators and scores in the store.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-assessment.h"
#include "council-store.h"

G_BEGIN_DECLS

/* Schemes, newest year first, with their bands and organization lists. */
GPtrArray *council_store_list_assessment_schemes (CouncilStore *self, GError **error);
CouncilAssessmentScheme *
           council_store_get_assessment_scheme   (CouncilStore *self, gint64 id, GError **error);
/* The id of the scheme of year (the whole-year one first), 0 when there is none, -1 on error. */
gint64     council_store_find_assessment_scheme  (CouncilStore *self, int year, GError **error);
/* Validates, then inserts (id 0) or updates the scheme with its bands and list. */
gboolean   council_store_save_assessment_scheme  (CouncilStore *self, CouncilAssessmentScheme *scheme,
                                                  GError **error);
gboolean   council_store_delete_assessment_scheme (CouncilStore *self, gint64 id, GError **error);
/* A new open scheme for year with the bands, organizations and indicators of from_id. */
gint64     council_store_copy_assessment_scheme  (CouncilStore *self, gint64 from_id, int year,
                                                  GError **error);
/* Locks the scheme: no score, indicator or band changes until it is reopened. */
gboolean   council_store_finalize_assessment_scheme (CouncilStore *self, gint64 id, GError **error);
/* The explicit reopen, recorded in the history like any change. */
gboolean   council_store_reopen_assessment_scheme (CouncilStore *self, gint64 id, GError **error);

/* Indicators of a scheme as a tree flattened depth-first: each category
 * followed by its indicators, by position. */
GPtrArray *council_store_list_assessment_indicators (CouncilStore *self, gint64 scheme_id, GError **error);
/* Validates, then inserts (id 0) or updates, with the rank-points table. A new
 * indicator goes last among its siblings. */
gboolean   council_store_save_assessment_indicator (CouncilStore *self, gint64 scheme_id,
                                                    CouncilIndicator *indicator, GError **error);
/* The same, refused with COUNCIL_STORE_ERROR_CONFLICT when the stored
 * indicator is no longer @base (what the editor read): someone else changed it
 * in between. NOT_FOUND when it was removed. @base NULL saves regardless. */
gboolean   council_store_save_assessment_indicator_over (CouncilStore *self, gint64 scheme_id,
                                                         CouncilIndicator *indicator,
                                                         const CouncilIndicator *base, GError **error);
gboolean   council_store_delete_assessment_indicator (CouncilStore *self, gint64 id, GError **error);
/* Moves an indicator up (-1) or down (+1) among its siblings. */
gboolean   council_store_move_assessment_indicator (CouncilStore *self, gint64 id, int delta, GError **error);

/* The active organizations the scheme applies to, in roster order. */
GPtrArray *council_store_list_assessment_organizations (CouncilStore *self,
                                                        const CouncilAssessmentScheme *scheme,
                                                        GError **error);

typedef struct
{
  gboolean exists;
  double   value;
  double   measured;      /* NAN when not rank-based or not measured */
  char    *evidence;
  char    *scored_by;
  char    *scored_at;
} CouncilAssessmentScore;

void       council_assessment_score_clear (CouncilAssessmentScore *score);
gboolean   council_store_get_assessment_score (CouncilStore *self, gint64 indicator_id, gint64 org_id,
                                               CouncilAssessmentScore *out, GError **error);
/* Sets (or with NAN clears) one score after checking it against the
 * indicator's range and, for bonus and deduction items, the organization's
 * cap over the scheme. evidence NULL keeps the note there is. */
gboolean   council_store_set_assessment_score (CouncilStore *self, gint64 indicator_id, gint64 org_id,
                                               double value, const char *evidence, GError **error);
/* The same, refused with COUNCIL_STORE_ERROR_CONFLICT unless the stored score
 * is still *expected (NAN: no score), what the caller showed; NULL: no check. */
gboolean   council_store_set_assessment_score_over (CouncilStore *self, gint64 indicator_id, gint64 org_id,
                                                    double value, const char *evidence, const double *expected,
                                                    GError **error);
typedef struct
{
  gint64      indicator_id;
  gint64      org_id;
  double      value;
  const char *evidence;   /* NULL keeps the note */
} CouncilAssessmentEntry;

/* Sets many scores as ONE change (one undo step) with the given summary; each
 * is checked like a single score and when any fails nothing is written. */
gboolean   council_store_set_assessment_scores (CouncilStore *self, gint64 scheme_id,
                                                const CouncilAssessmentEntry *entries, guint n_entries,
                                                const char *summary, GError **error);
/* Rank-based: records the measured value (NAN clears it) and gives every
 * measured organization the points of its rank, in one change. */
gboolean   council_store_set_assessment_measured (CouncilStore *self, gint64 indicator_id, gint64 org_id,
                                                  double measured, GError **error);

/* Evidence documents of a score (ids of the documents store; the score must exist). */
gboolean   council_store_link_assessment_document   (CouncilStore *self, gint64 indicator_id, gint64 org_id,
                                                     gint64 document_id, GError **error);
gboolean   council_store_unlink_assessment_document (CouncilStore *self, gint64 indicator_id, gint64 org_id,
                                                     gint64 document_id, GError **error);
/* gint64 document ids, in the order they were linked. */
GArray    *council_store_list_assessment_documents  (CouncilStore *self, gint64 indicator_id, gint64 org_id,
                                                     GError **error);

/* The scheme's scored indicators (columns) × organizations (rows), with
 * totals and ranks computed. indicators and orgs as listed above. */
CouncilAssessmentMatrix *
           council_store_load_assessment_matrix (CouncilStore *self, const CouncilAssessmentScheme *scheme,
                                                 GPtrArray *indicators, GPtrArray *orgs, GError **error);

typedef struct
{
  gint64 org_id;
  guint  counted;     /* projects due / action items due / meetings recorded */
  guint  achieved;    /* completed on time / done by the due date / attended */
  double rate;        /* achieved / counted */
  double suggestion;  /* rate × max score, to one decimal */
} CouncilAssessmentSuggestion;

/* Suggestions of a computed indicator for every organization with records in
 * the scheme's period (one aggregate query). */
GArray    *council_store_compute_assessment_suggestions (CouncilStore *self,
                                                         const CouncilAssessmentScheme *scheme,
                                                         const CouncilIndicator *indicator,
                                                         GError **error);
/* Accepts the suggestions of a computed indicator for every organization the
 * scheme applies to that has no score yet, in one change; returns how many. */
int        council_store_accept_assessment_suggestions (CouncilStore *self,
                                                        const CouncilAssessmentScheme *scheme,
                                                        const CouncilIndicator *indicator,
                                                        GError **error);

typedef struct
{
  int    year;
  gint64 scheme_id;
  double total;
  guint  rank;
  guint  n_ranked;
  int    band;        /* index in the scheme's bands */
} CouncilAssessmentYear;

/* One organization's totals, ranks and grades in every whole-year scheme, oldest first. */
GArray    *council_store_assessment_years_of_org (CouncilStore *self, gint64 org_id, GError **error);

G_END_DECLS
