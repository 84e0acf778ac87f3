/* council-overview.h: the figures of a year and what needs attention, shared
 * by the Overview view and the Cover sheet of the workbook.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-project.h"
#include "council-store.h"

G_BEGIN_DECLS

/* The kinds of record the Overview and the global search can open. */
typedef enum
{
  COUNCIL_RECORD_ORGANIZATION,
  COUNCIL_RECORD_PROJECT,
  COUNCIL_RECORD_MEETING,
  COUNCIL_RECORD_ACTION_ITEM,
  COUNCIL_RECORD_INDICATOR,
  COUNCIL_RECORD_DOCUMENT,
} CouncilRecordKind;
#define COUNCIL_N_RECORD_KINDS 6

/* One line of a list that needs attention, or one search result. */
typedef struct
{
  CouncilRecordKind kind;
  gint64            id;       /* of the record that opens (a milestone opens its project) */
  char             *title;    /* in the language asked for */
  char             *detail;   /* a short second line: owner, date, code … */
  char             *date;     /* the date that puts it on the list, "" when none */
} CouncilRecordRef;

CouncilRecordRef *council_record_ref_new  (CouncilRecordKind kind,
                                           gint64            id,
                                           const char       *title,
                                           const char       *detail,
                                           const char       *date);
void              council_record_ref_free (CouncilRecordRef *ref);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CouncilRecordRef, council_record_ref_free)

/* Projects of one category (active in the year). */
typedef struct
{
  gint64 category_id;
  char  *name;              /* in the language asked for */
  guint  n_projects;
} CouncilCategoryCount;

/* One organization's place in the last finalized assessment. */
typedef struct
{
  gint64 org_id;
  char  *organization;      /* in the language asked for */
  double total;
  guint  rank;              /* 1-based; equal totals share a rank (并列) */
  char  *grade;             /* the grade band's name in the language asked for, "" without bands */
} CouncilRankingEntry;

#define COUNCIL_OVERVIEW_DUE_DAYS 14
/* Each list that needs attention keeps this many entries; n_* counts them all. */
#define COUNCIL_OVERVIEW_LIST_LIMIT 20

typedef struct
{
  int      year;
  char     as_of[11];                       /* the reference date, YYYY-MM-DD */

  guint    active_organizations;
  guint    projects;                        /* active in the year */
  guint    projects_by_status[COUNCIL_PROJECT_N_STATUSES];
  guint    projects_by_health[COUNCIL_PROJECT_N_HEALTHS];
  GArray  *projects_by_category;            /* CouncilCategoryCount, in category order */
  gint64   raised_by_source[COUNCIL_N_FUND_SOURCES];   /* fen, entries dated in the year */
  gint64   spent_by_source[COUNCIL_N_FUND_SOURCES];
  gint64   raised_fen;
  gint64   spent_fen;
  guint    meetings_held;                   /* held or approved, in the year */
  char    *next_meeting_due;                /* YYYY-MM-DD, NULL without a schedule */
  char    *next_meeting_kind;               /* its kind, in the language asked for */
  guint    action_items_open;               /* open or in progress on as_of */
  guint    action_items_overdue;            /* of those, due before as_of */
  gboolean assessment_available;            /* the year has an assessment scheme */
  gint64   assessment_scheme_id;            /* the year's scheme (the whole-year one first), 0 without */
  guint    organizations_scored;            /* every ordinary indicator scored (bonus and
                                               deduction items may stay empty) */
  guint    organizations_partly_scored;     /* some score, not yet every ordinary indicator */
  guint    organizations_assessed;          /* the organizations the year's scheme applies to */
  /* The ranking of the last finalized scheme of the year or before (the
   * whole-year one before a half or quarter of the same year). */
  GArray  *ranking;                         /* CouncilRankingEntry in rank order; NULL without */
  gint64   ranking_scheme_id;
  int      ranking_year;
  char    *ranking_title;                   /* that scheme's title */
  guint    documents_added;                 /* imported in the year */

  /* Lists that need attention (CouncilRecordRef*), the first LIST_LIMIT each. */
  GPtrArray *overdue_action_items;
  guint      n_overdue_action_items;
  GPtrArray *off_track_projects;
  guint      n_off_track_projects;
  GPtrArray *milestones_due;                /* due from as_of to as_of + 14 days */
  guint      n_milestones_due;
  GPtrArray *staffing_alerts;
  guint      n_staffing_alerts;
} CouncilOverview;

/* Computes the overview of @year as seen on @as_of (YYYY-MM-DD; NULL: today),
 * with names in Chinese or English. */
CouncilOverview *council_overview_compute (CouncilStore *store,
                                           int           year,
                                           const char   *as_of,
                                           gboolean      chinese,
                                           GError      **error);
void             council_overview_free    (CouncilOverview *overview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CouncilOverview, council_overview_free)

/* ---- global search ---- */

#define COUNCIL_SEARCH_LIMIT_PER_KIND 8

/* Results of one kind, CouncilRecordRef*s, at most @limit. */
typedef GPtrArray *(*CouncilSearchFunc) (CouncilStore *store,
                                         const char   *query,
                                         gboolean      chinese,
                                         guint         limit,
                                         GError      **error);

/* Searches every kind that has a search function; results[kind] is a
 * GPtrArray of CouncilRecordRef* (empty when nothing matched or the kind is
 * not searchable yet). Free with g_ptr_array_unref on each. */
gboolean council_search_everything (CouncilStore *store,
                                    const char   *query,
                                    gboolean      chinese,
                                    guint         limit_per_kind,
                                    GPtrArray    *results[COUNCIL_N_RECORD_KINDS],
                                    GError      **error);
/* TRUE when the kind has a search function in this build. */
gboolean council_search_kind_available (CouncilRecordKind kind);

G_END_DECLS
