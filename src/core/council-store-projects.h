/* council-store-projects.h: projects, their funds, and brand integration.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "council-project.h"
#include "council-sql-list-model.h"
#include "council-store.h"

G_BEGIN_DECLS

/* What the list shows. Zero/NULL members mean "any"; status is -1 for any.
 * Strings are borrowed: the list model copies what it keeps. */
typedef struct
{
  int         year;            /* active in that year (start..end overlaps it) */
  gint64      org_id;          /* as lead or as partner */
  gint64      category_id;
  int         status;          /* CouncilProjectStatus (rolled up for brands), or -1 */
  const char *search;          /* in code, titles and target group */
  gboolean    brands_only;     /* brand projects only */
  gboolean    top_level_only;  /* hide projects integrated into a brand (tree roots) */
  gint64      integrated_into; /* only the sources of this brand */
  gboolean    integrated_only; /* only brands with sources (the Brands sheet) */
  int         names_language;  /* CouncilNamesLanguage of the organization names in the rows */
} CouncilProjectFilter;

/* The language of the names a row carries (lead, partners): the UI's, or
 * the one an export is written in. */
typedef enum
{
  COUNCIL_NAMES_UI_LANGUAGE,
  COUNCIL_NAMES_CHINESE,
  COUNCIL_NAMES_ENGLISH,
} CouncilNamesLanguage;

#define COUNCIL_PROJECT_FILTER_INIT { 0, 0, 0, -1, NULL, FALSE, FALSE, 0, FALSE, COUNCIL_NAMES_UI_LANGUAGE }

typedef enum
{
  COUNCIL_PROJECT_SORT_CODE,
  COUNCIL_PROJECT_SORT_TITLE,
  COUNCIL_PROJECT_SORT_LEAD,
  COUNCIL_PROJECT_SORT_CATEGORY,
  COUNCIL_PROJECT_SORT_STATUS,
  COUNCIL_PROJECT_SORT_HEALTH,
  COUNCIL_PROJECT_SORT_START_DATE,
  COUNCIL_PROJECT_SORT_END_DATE,
  COUNCIL_PROJECT_SORT_BUDGET,
  COUNCIL_PROJECT_SORT_SPENT,
  COUNCIL_PROJECT_SORT_BENEFICIARIES,
} CouncilProjectSort;

/* A brand's roll-up: its own values plus those of its sources. */
typedef struct
{
  guint                n_sources;
  gint64               budget_fen;
  gint64               raised_fen;
  gint64               allocated_fen;
  gint64               spent_fen;
  gint64               planned_beneficiaries;
  gint64               actual_beneficiaries;
  CouncilProjectStatus status;
  CouncilProjectHealth health;   /* the worst of its parts */
  CouncilFundFlags     flags;
} CouncilProjectRollup;

typedef struct
{
  CouncilProjectStatus status;
  char                 changed_on[11];   /* YYYY-MM-DD */
} CouncilProjectStatusChange;

/* One cell of the Funds pivot: amounts by source x lead organization. */
typedef struct
{
  gint64            org_id;
  CouncilFundSource source;
  gint64            amount_fen;
} CouncilFundPivotCell;

typedef struct
{
  gint64           project_id;
  CouncilFundFlags flags;
  gint64           raised_fen;
  gint64           spent_fen;
} CouncilProjectFundFlag;

/* ---- the list ---- */

/* A GListModel of CouncilProject (list rows without detail), served by SQL a
 * page at a time; it follows the store's changes by itself. */
CouncilSqlListModel *council_store_new_project_list (CouncilStore               *self,
                                                     const CouncilProjectFilter *filter,
                                                     CouncilProjectSort          sort,
                                                     gboolean                    descending);
void          council_project_list_set_filter     (CouncilSqlListModel        *list,
                                                   const CouncilProjectFilter *filter);
void          council_project_list_set_sort       (CouncilSqlListModel        *list,
                                                   CouncilProjectSort          sort,
                                                   gboolean                    descending);
/* The row of project @id in @list under its filter and sort (any row of
 * 100,000, asked of SQL), or G_MAXUINT when the filter hides it. */
guint         council_project_list_find_position  (CouncilSqlListModel        *list,
                                                   gint64                      id,
                                                   GError                    **error);
/* The same query without a model (exports write what the view shows). */
gboolean      council_store_count_projects        (CouncilStore               *self,
                                                   const CouncilProjectFilter *filter,
                                                   guint                      *out_n,
                                                   GError                    **error);
GListStore   *council_store_list_projects         (CouncilStore               *self,
                                                   const CouncilProjectFilter *filter,
                                                   CouncilProjectSort          sort,
                                                   gboolean                    descending,
                                                   guint                       offset,
                                                   guint                       limit,
                                                   GError                    **error);
/* Called for each row; return FALSE to stop. The project is a list row
 * (rolled-up values, no detail); ref it to keep it. */
typedef gboolean (*CouncilProjectFunc) (CouncilProject *project,
                                        gpointer        user_data);
/* Streams every row of the query in one statement, in order, without
 * holding them all (exports of 100,000 rows). @func must not use the store. */
gboolean      council_store_foreach_project       (CouncilStore               *self,
                                                   const CouncilProjectFilter *filter,
                                                   CouncilProjectSort          sort,
                                                   gboolean                    descending,
                                                   CouncilProjectFunc          func,
                                                   gpointer                    user_data,
                                                   GError                    **error);
/* Projects an organization leads or partners, newest start first (roster editor). */
GListStore   *council_store_list_projects_of_organization (CouncilStore *self,
                                                   gint64                      org_id,
                                                   GError                    **error);

/* ---- one project ---- */

/* With its detail: partners, liaison officers, milestones, fund entries. */
CouncilProject *council_store_get_project         (CouncilStore  *self,
                                                   gint64         id,
                                                   GError       **error);
/* 0 when no project has that code, -1 on error. */
gint64        council_store_find_project_by_code  (CouncilStore  *self,
                                                   const char    *code,
                                                   GError       **error);
/* Inserts (id 0) or updates one project as one undoable change. An update must
 * come from the version read (else COUNCIL_STORE_ERROR_CONFLICT); only rows
 * that differ are written; the detail lists are diffed by id (and left alone
 * when the record has no detail loaded). A changed status is dated today in
 * the status changes. The integration is not changed here. */
gboolean      council_store_save_project          (CouncilStore   *self,
                                                   CouncilProject *project,
                                                   GError        **error);
/* Deletes a project with its detail; the sources of a brand are released. */
gboolean      council_store_delete_project        (CouncilStore  *self,
                                                   gint64         id,
                                                   GError       **error);
/* Sets the status and records the date of the change (@date NULL = today). */
gboolean      council_store_set_project_status    (CouncilStore        *self,
                                                   gint64               id,
                                                   CouncilProjectStatus status,
                                                   const char          *date,
                                                   GError             **error);
/* In the order recorded; element type CouncilProjectStatusChange. */
GArray       *council_store_list_project_status_changes (CouncilStore *self,
                                                   gint64         id,
                                                   GError       **error);

/* The roster's liaison officers with their ids, by organization order then
 * position (the editor's picker); @include_retired adds those of retired
 * organizations (to show existing links). */
GListStore   *council_store_list_liaison_choices  (CouncilStore  *self,
                                                   gboolean       include_retired,
                                                   GError       **error);

/* ---- categories ---- */

GListStore   *council_store_list_project_categories (CouncilStore *self,
                                                   GError       **error);
/* The id of the category with that code ("rights"…), or 0. */
gint64        council_store_find_project_category (CouncilStore *self,
                                                   const char   *code);
/* Returns the new category's id, or 0 with @error set. */
gint64        council_store_add_project_category  (CouncilStore  *self,
                                                   const char    *name_zh,
                                                   const char    *name_en,
                                                   GError       **error);

/* ---- funds ---- */

/* A brand's totals include its sources'. */
gboolean      council_store_get_project_rollup    (CouncilStore         *self,
                                                   gint64                id,
                                                   CouncilProjectRollup *out,
                                                   GError              **error);
/* Amounts of @kind dated in @year (0 = all years) by lead organization and
 * source; element type CouncilFundPivotCell, by organization order then source. */
GArray       *council_store_fund_pivot            (CouncilStore   *self,
                                                   int             year,
                                                   CouncilFundKind kind,
                                                   GError        **error);
/* Projects active in @year (0 = all) whose funds are flagged;
 * element type CouncilProjectFundFlag. */
GArray       *council_store_list_fund_flags       (CouncilStore  *self,
                                                   int            year,
                                                   GError       **error);
/* Every fund entry dated in @year, by date (the disclosure sheet);
 * the entries carry their project's code and title. */
GListStore   *council_store_list_fund_entries_for_year (CouncilStore *self,
                                                   int            year,
                                                   GError       **error);

/* ---- milestones ---- */

/* Milestones due before @today (YYYY-MM-DD; NULL = today) and not done, by due
 * date; they carry their project's code and title. */
GListStore   *council_store_list_overdue_milestones (CouncilStore *self,
                                                   const char    *today,
                                                   GError       **error);

/* ---- integration ---- */

/* Integrates brand projects of different organizations into @integrated: a new
 * project (id 0, saved in the same change) or an existing brand (its id is
 * used). One undoable change. Refused (COUNCIL_VALIDATION_ERROR,
 * COUNCIL_PROJECT_FIELD_INTEGRATED_INTO): a project into itself, into a
 * project that is itself integrated, sources that are not brand projects,
 * that are already integrated or are brands of sources themselves, and
 * sources that would all come from one organization. */
gboolean      council_store_integrate_projects    (CouncilStore   *self,
                                                   GArray         *source_ids,
                                                   CouncilProject *integrated,
                                                   GError        **error);
/* Takes one source out of its brand. One undoable change. */
gboolean      council_store_unintegrate_project   (CouncilStore  *self,
                                                   gint64         source_id,
                                                   GError       **error);
/* The sources of a brand, by code (tree mode children). */
GListStore   *council_store_list_integration_sources (CouncilStore *self,
                                                   gint64         brand_id,
                                                   GError       **error);
/* Groups of brand projects that could be integrated: not integrated yet, of
 * different lead organizations, same category, and overlapping dates or the
 * same target group. Projects active in @year (0 = any). A GPtrArray of GArray
 * of gint64 project ids, each group sorted by code. */
GPtrArray    *council_store_suggest_integrations  (CouncilStore  *self,
                                                   int            year,
                                                   GError       **error);

G_END_DECLS
