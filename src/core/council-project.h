/* council-project.h: a council project, its partners, milestones and fund entries.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "council-date.h"

#include "council-organization.h"

G_BEGIN_DECLS

/* The error code of a project validation error (domain COUNCIL_VALIDATION_ERROR)
 * names the field it belongs to, so the editor can show it beside that field. */
typedef enum
{
  COUNCIL_PROJECT_FIELD_NONE,
  COUNCIL_PROJECT_FIELD_CODE,
  COUNCIL_PROJECT_FIELD_TITLE_ZH,
  COUNCIL_PROJECT_FIELD_TITLE_EN,
  COUNCIL_PROJECT_FIELD_CATEGORY,
  COUNCIL_PROJECT_FIELD_LEAD,
  COUNCIL_PROJECT_FIELD_PARTNERS,
  COUNCIL_PROJECT_FIELD_LIAISONS,
  COUNCIL_PROJECT_FIELD_TARGET_GROUP,
  COUNCIL_PROJECT_FIELD_START_DATE,
  COUNCIL_PROJECT_FIELD_END_DATE,
  COUNCIL_PROJECT_FIELD_STATUS,
  COUNCIL_PROJECT_FIELD_HEALTH,
  COUNCIL_PROJECT_FIELD_BUDGET,
  COUNCIL_PROJECT_FIELD_PLANNED_BENEFICIARIES,
  COUNCIL_PROJECT_FIELD_ACTUAL_BENEFICIARIES,
  COUNCIL_PROJECT_FIELD_DESCRIPTION,
  COUNCIL_PROJECT_FIELD_MILESTONES,
  COUNCIL_PROJECT_FIELD_FUNDS,
  COUNCIL_PROJECT_FIELD_INTEGRATED_INTO,
  COUNCIL_PROJECT_N_FIELDS
} CouncilProjectField;

typedef enum
{
  COUNCIL_PROJECT_STATUS_PROPOSED,
  COUNCIL_PROJECT_STATUS_APPROVED,
  COUNCIL_PROJECT_STATUS_IN_PROGRESS,
  COUNCIL_PROJECT_STATUS_COMPLETED,
  COUNCIL_PROJECT_STATUS_SUSPENDED,
  COUNCIL_PROJECT_STATUS_CANCELLED,
} CouncilProjectStatus;
#define COUNCIL_PROJECT_N_STATUSES 6

/* Ordered from best to worst: the worst health of its parts is a brand's health. */
typedef enum
{
  COUNCIL_PROJECT_HEALTH_ON_TRACK,
  COUNCIL_PROJECT_HEALTH_AT_RISK,
  COUNCIL_PROJECT_HEALTH_OFF_TRACK,
} CouncilProjectHealth;
#define COUNCIL_PROJECT_N_HEALTHS 3

typedef enum
{
  COUNCIL_PARTNER_ROLE_CO_ORGANIZER,
  COUNCIL_PARTNER_ROLE_SUPPORTER,
  COUNCIL_PARTNER_ROLE_SERVICE_PROVIDER,
} CouncilPartnerRole;
#define COUNCIL_N_PARTNER_ROLES 3

typedef enum
{
  COUNCIL_FUND_SOURCE_GOV_PURCHASE,
  COUNCIL_FUND_SOURCE_FISCAL,
  COUNCIL_FUND_SOURCE_DONATION,
  COUNCIL_FUND_SOURCE_CORPORATE,
  COUNCIL_FUND_SOURCE_OVERSEAS,
  COUNCIL_FUND_SOURCE_VENUE,
} CouncilFundSource;
#define COUNCIL_N_FUND_SOURCES 6

typedef enum
{
  COUNCIL_FUND_KIND_RAISED,
  COUNCIL_FUND_KIND_ALLOCATED,
  COUNCIL_FUND_KIND_SPENT,
} CouncilFundKind;
#define COUNCIL_N_FUND_KINDS 3

/* Flags on a project's funds: shown, never refused. */
typedef enum
{
  COUNCIL_FUND_FLAG_NONE = 0,
  COUNCIL_FUND_FLAG_SPENT_ABOVE_RAISED = 1 << 0,
  COUNCIL_FUND_FLAG_SPENT_OUTSIDE_DATES = 1 << 1,
} CouncilFundFlags;

/* Enum <-> stored text <-> translated label */
const char *council_project_status_to_string   (CouncilProjectStatus status);
gboolean    council_project_status_from_string (const char *text, CouncilProjectStatus *out);
const char *council_project_status_label       (CouncilProjectStatus status);
const char *council_project_health_to_string   (CouncilProjectHealth health);
gboolean    council_project_health_from_string (const char *text, CouncilProjectHealth *out);
const char *council_project_health_label       (CouncilProjectHealth health);
const char *council_partner_role_to_string     (CouncilPartnerRole role);
gboolean    council_partner_role_from_string   (const char *text, CouncilPartnerRole *out);
const char *council_partner_role_label         (CouncilPartnerRole role);
const char *council_fund_source_to_string      (CouncilFundSource source);
gboolean    council_fund_source_from_string    (const char *text, CouncilFundSource *out);
const char *council_fund_source_label          (CouncilFundSource source);
const char *council_fund_kind_to_string        (CouncilFundKind kind);
gboolean    council_fund_kind_from_string      (const char *text, CouncilFundKind *out);
const char *council_fund_kind_label            (CouncilFundKind kind);
/* The label of a built-in project category by its code, or NULL. */
const char *council_project_category_builtin_label (const char *code);

/* ---- money and dates ---- */

/* Parses an amount of yuan as typed by a person: "12,345.67", "1.5万",
 * "¥1,000", "3000元", "2.25万元". At most two decimals of a yuan; never
 * negative. On failure the error (COUNCIL_VALIDATION_ERROR,
 * COUNCIL_PROJECT_FIELD_NONE) says what is wrong. */
gboolean    council_money_parse   (const char *text,
                                   gint64     *out_fen,
                                   GError    **error);
/* "12.5万元" / "980元" in Chinese, "¥125,000" / "¥1,234.50" in English. */
char       *council_money_format  (gint64      fen,
                                   gboolean    chinese);
/* TRUE for a real calendar date written YYYY-MM-DD. */
/* Today as YYYY-MM-DD in local time. */

/* ---- project category ---- */

#define COUNCIL_TYPE_PROJECT_CATEGORY (council_project_category_get_type ())
G_DECLARE_FINAL_TYPE (CouncilProjectCategory, council_project_category, COUNCIL, PROJECT_CATEGORY, GObject)

CouncilProjectCategory *council_project_category_new (gint64 id, const char *code,
                                                      const char *name_zh, const char *name_en,
                                                      gboolean builtin);
gint64      council_project_category_get_id      (CouncilProjectCategory *self);
const char *council_project_category_get_code    (CouncilProjectCategory *self);
const char *council_project_category_get_name_zh (CouncilProjectCategory *self);
const char *council_project_category_get_name_en (CouncilProjectCategory *self);
gboolean    council_project_category_get_builtin (CouncilProjectCategory *self);
/* The name in the user interface language ("label" property). */
const char *council_project_category_get_label   (CouncilProjectCategory *self);

/* ---- liaison officer as a project sees it ---- */

/* A liaison officer of the roster with the id that projects refer to (the
 * roster's own records carry no id): what the editor's picker lists. */
#define COUNCIL_TYPE_LIAISON_CHOICE (council_liaison_choice_get_type ())
G_DECLARE_FINAL_TYPE (CouncilLiaisonChoice, council_liaison_choice, COUNCIL, LIAISON_CHOICE, GObject)

CouncilLiaisonChoice *council_liaison_choice_new (gint64 id, gint64 org_id, const char *name,
                                                  const char *department, const char *org_name);
gint64      council_liaison_choice_get_id         (CouncilLiaisonChoice *self);
gint64      council_liaison_choice_get_org_id     (CouncilLiaisonChoice *self);
const char *council_liaison_choice_get_name       (CouncilLiaisonChoice *self);
const char *council_liaison_choice_get_department (CouncilLiaisonChoice *self);
const char *council_liaison_choice_get_org_name   (CouncilLiaisonChoice *self);

/* ---- partner ---- */

#define COUNCIL_TYPE_PROJECT_PARTNER (council_project_partner_get_type ())
G_DECLARE_FINAL_TYPE (CouncilProjectPartner, council_project_partner, COUNCIL, PROJECT_PARTNER, GObject)

/* id 0 for a partner not saved yet; org_name is for display only. */
CouncilProjectPartner *council_project_partner_new (gint64 org_id, CouncilPartnerRole role);
gint64      council_project_partner_get_id       (CouncilProjectPartner *self);
gint64      council_project_partner_get_org_id   (CouncilProjectPartner *self);
CouncilPartnerRole council_project_partner_get_role (CouncilProjectPartner *self);
const char *council_project_partner_get_org_name (CouncilProjectPartner *self);
void        council_project_partner_set_id       (CouncilProjectPartner *self, gint64 id);
void        council_project_partner_set_org_id   (CouncilProjectPartner *self, gint64 org_id);
void        council_project_partner_set_role     (CouncilProjectPartner *self, CouncilPartnerRole role);
void        council_project_partner_set_org_name (CouncilProjectPartner *self, const char *name);

/* ---- milestone ---- */

#define COUNCIL_TYPE_MILESTONE (council_milestone_get_type ())
G_DECLARE_FINAL_TYPE (CouncilMilestone, council_milestone, COUNCIL, MILESTONE, GObject)

/* Dates are YYYY-MM-DD or "" (not set). */
CouncilMilestone *council_milestone_new (const char *title, const char *due_date, const char *done_date);
gint64      council_milestone_get_id         (CouncilMilestone *self);
const char *council_milestone_get_title      (CouncilMilestone *self);
const char *council_milestone_get_due_date   (CouncilMilestone *self);
const char *council_milestone_get_done_date  (CouncilMilestone *self);
/* Set by the store on milestones listed across projects (overdue list). */
gint64      council_milestone_get_project_id (CouncilMilestone *self);
const char *council_milestone_get_project_code (CouncilMilestone *self);
const char *council_milestone_get_project_title (CouncilMilestone *self);
/* Due before @today (YYYY-MM-DD) and not done. */
gboolean    council_milestone_is_overdue     (CouncilMilestone *self, const char *today);
void        council_milestone_set_id         (CouncilMilestone *self, gint64 id);
void        council_milestone_set_title      (CouncilMilestone *self, const char *title);
void        council_milestone_set_due_date   (CouncilMilestone *self, const char *date);
void        council_milestone_set_done_date  (CouncilMilestone *self, const char *date);
void        council_milestone_set_project    (CouncilMilestone *self, gint64 project_id,
                                              const char *code, const char *title);

/* ---- fund entry ---- */

#define COUNCIL_TYPE_FUND_ENTRY (council_fund_entry_get_type ())
G_DECLARE_FINAL_TYPE (CouncilFundEntry, council_fund_entry, COUNCIL, FUND_ENTRY, GObject)

CouncilFundEntry *council_fund_entry_new (CouncilFundSource source, CouncilFundKind kind,
                                          gint64 amount_fen, const char *entry_date);
gint64      council_fund_entry_get_id           (CouncilFundEntry *self);
CouncilFundSource council_fund_entry_get_source (CouncilFundEntry *self);
CouncilFundKind council_fund_entry_get_kind     (CouncilFundEntry *self);
gint64      council_fund_entry_get_amount_fen   (CouncilFundEntry *self);
const char *council_fund_entry_get_entry_date   (CouncilFundEntry *self);
const char *council_fund_entry_get_counterparty (CouncilFundEntry *self);
const char *council_fund_entry_get_voucher_no   (CouncilFundEntry *self);
const char *council_fund_entry_get_note         (CouncilFundEntry *self);
/* Set by the store on entries listed across projects (disclosure list). */
gint64      council_fund_entry_get_project_id   (CouncilFundEntry *self);
const char *council_fund_entry_get_project_code (CouncilFundEntry *self);
const char *council_fund_entry_get_project_title (CouncilFundEntry *self);
/* Spending dated before @start or after @end (either may be "" = open). */
gboolean    council_fund_entry_is_outside_dates (CouncilFundEntry *self,
                                                 const char *start, const char *end);
void        council_fund_entry_set_id           (CouncilFundEntry *self, gint64 id);
void        council_fund_entry_set_source       (CouncilFundEntry *self, CouncilFundSource v);
void        council_fund_entry_set_kind         (CouncilFundEntry *self, CouncilFundKind v);
void        council_fund_entry_set_amount_fen   (CouncilFundEntry *self, gint64 v);
void        council_fund_entry_set_entry_date   (CouncilFundEntry *self, const char *v);
void        council_fund_entry_set_counterparty (CouncilFundEntry *self, const char *v);
void        council_fund_entry_set_voucher_no   (CouncilFundEntry *self, const char *v);
void        council_fund_entry_set_note         (CouncilFundEntry *self, const char *v);
void        council_fund_entry_set_project      (CouncilFundEntry *self, gint64 project_id,
                                                 const char *code, const char *title);

/* ---- project ---- */

#define COUNCIL_TYPE_PROJECT (council_project_get_type ())
G_DECLARE_FINAL_TYPE (CouncilProject, council_project, COUNCIL, PROJECT, GObject)

CouncilProject *council_project_new (void);

gint64      council_project_get_id                (CouncilProject *self);
gint64      council_project_get_version           (CouncilProject *self);
const char *council_project_get_code              (CouncilProject *self);
const char *council_project_get_title_zh          (CouncilProject *self);
const char *council_project_get_title_en          (CouncilProject *self);
/* The title in the user interface language (falls back to the Chinese one). */
const char *council_project_get_title             (CouncilProject *self);
gint64      council_project_get_category_id       (CouncilProject *self);
gint64      council_project_get_lead_org_id       (CouncilProject *self);
const char *council_project_get_target_group      (CouncilProject *self);
const char *council_project_get_start_date        (CouncilProject *self);
const char *council_project_get_end_date          (CouncilProject *self);
CouncilProjectStatus council_project_get_status   (CouncilProject *self);
CouncilProjectHealth council_project_get_health   (CouncilProject *self);
gint64      council_project_get_budget_fen        (CouncilProject *self);
int         council_project_get_planned_beneficiaries (CouncilProject *self);
int         council_project_get_actual_beneficiaries  (CouncilProject *self);
const char *council_project_get_description       (CouncilProject *self);
gboolean    council_project_get_is_brand          (CouncilProject *self);
/* The brand this project was integrated into, 0 for none. Changed only by
 * council_store_integrate_projects() and council_store_unintegrate_project(). */
gint64      council_project_get_integrated_into   (CouncilProject *self);

/* Editable detail, loaded by council_store_get_project() (not by list rows:
 * council_project_has_details() tells). The lists are owned by the project. */
gboolean    council_project_has_details           (CouncilProject *self);
GListStore *council_project_get_partners          (CouncilProject *self);  /* CouncilProjectPartner */
GListStore *council_project_get_milestones        (CouncilProject *self);  /* CouncilMilestone */
GListStore *council_project_get_fund_entries      (CouncilProject *self);  /* CouncilFundEntry */
GArray     *council_project_get_liaison_ids       (CouncilProject *self);  /* gint64 liaison_officer ids */

/* Display values filled by the store (list columns). The getters above are
 * the project's own values (what the editor edits and the store saves); the
 * "rolled" ones below, and the properties budget-fen, status, status-label,
 * health, health-label, beneficiaries and planned-beneficiaries, are what a
 * list shows: for an integrated brand, its own plus its sources' (status from
 * the sources, the worst health of all); for any other project, its own. */
gint64      council_project_get_rolled_budget_fen (CouncilProject *self);
CouncilProjectStatus council_project_get_rolled_status (CouncilProject *self);
CouncilProjectHealth council_project_get_rolled_health (CouncilProject *self);
gint64      council_project_get_rolled_planned_beneficiaries (CouncilProject *self);
gint64      council_project_get_rolled_actual_beneficiaries  (CouncilProject *self);
const char *council_project_get_lead_name         (CouncilProject *self);
const char *council_project_get_partners_text     (CouncilProject *self);
const char *council_project_get_category_label    (CouncilProject *self);
/* Labels of the rolled-up status and health. */
const char *council_project_get_status_label      (CouncilProject *self);
const char *council_project_get_health_label      (CouncilProject *self);
gint64      council_project_get_spent_fen         (CouncilProject *self);
gint64      council_project_get_raised_fen        (CouncilProject *self);
/* Number of source projects integrated into this one (0: not a brand of sources). */
guint       council_project_get_n_sources         (CouncilProject *self);
CouncilFundFlags council_project_get_fund_flags   (CouncilProject *self);
const char *council_project_get_integrated_into_code (CouncilProject *self);

/* Setters used by the store, the demo and the editor. Text is stripped of
 * surrounding white space; the code is upper-cased. Dates: YYYY-MM-DD or "". */
void        council_project_set_id                (CouncilProject *self, gint64 id);
void        council_project_set_version           (CouncilProject *self, gint64 version);
void        council_project_set_code              (CouncilProject *self, const char *v);
void        council_project_set_title_zh          (CouncilProject *self, const char *v);
void        council_project_set_title_en          (CouncilProject *self, const char *v);
void        council_project_set_category_id       (CouncilProject *self, gint64 v);
void        council_project_set_lead_org_id       (CouncilProject *self, gint64 v);
void        council_project_set_target_group      (CouncilProject *self, const char *v);
void        council_project_set_start_date        (CouncilProject *self, const char *v);
/* The date recorded with a change of status when the project is saved
 * (YYYY-MM-DD, not in the future); "" means the day of saving. */
void        council_project_set_status_changed_on (CouncilProject *self, const char *v);
const char *council_project_get_status_changed_on (CouncilProject *self);
void        council_project_set_end_date          (CouncilProject *self, const char *v);
void        council_project_set_status            (CouncilProject *self, CouncilProjectStatus v);
void        council_project_set_health            (CouncilProject *self, CouncilProjectHealth v);
void        council_project_set_budget_fen        (CouncilProject *self, gint64 v);
void        council_project_set_planned_beneficiaries (CouncilProject *self, int v);
void        council_project_set_actual_beneficiaries  (CouncilProject *self, int v);
void        council_project_set_description       (CouncilProject *self, const char *v);
void        council_project_set_is_brand          (CouncilProject *self, gboolean v);
void        council_project_set_integrated_into   (CouncilProject *self, gint64 v);
void        council_project_set_has_details       (CouncilProject *self, gboolean v);
/* Display values (store only). */
void        council_project_set_display           (CouncilProject *self,
                                                   const char *lead_name,
                                                   const char *partners_text,
                                                   const char *category_label,
                                                   const char *integrated_into_code);
void        council_project_set_rollup            (CouncilProject *self,
                                                   gint64 raised_fen,
                                                   gint64 spent_fen,
                                                   guint  n_sources,
                                                   CouncilFundFlags flags);
void        council_project_set_rolled_values     (CouncilProject *self,
                                                   gint64 budget_fen,
                                                   CouncilProjectStatus status,
                                                   CouncilProjectHealth health,
                                                   gint64 planned_beneficiaries,
                                                   gint64 actual_beneficiaries);

/* Adds a partner; returns it (owned by the project). */
CouncilProjectPartner *council_project_add_partner (CouncilProject *self, gint64 org_id,
                                                    CouncilPartnerRole role);
void        council_project_add_liaison_id        (CouncilProject *self, gint64 liaison_officer_id);

/* Checks one field; on failure the error has domain COUNCIL_VALIDATION_ERROR,
 * code = field (a CouncilProjectField), and a message a person can act on.
 * Uniqueness of the code and the state of organizations are checked by the store. */
gboolean    council_project_check_field (CouncilProject      *self,
                                         CouncilProjectField  field,
                                         GError             **error);
/* Checks every field; the first problem found is returned. */
gboolean    council_project_validate    (CouncilProject      *self,
                                         GError             **error);
/* Letters, digits and hyphens, 3 to 32 characters, starting and ending with a
 * letter or digit (after upper-casing). */
gboolean    council_project_code_is_valid (const char *code);

G_END_DECLS
