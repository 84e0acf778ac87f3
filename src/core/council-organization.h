/* council-organization.h: a member organization of the council and its liaison officers.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define COUNCIL_VALIDATION_ERROR (council_validation_error_quark ())

/* The error code of a validation error names the field it belongs to, so a
 * form can show the message beside that field. */
typedef enum
{
  COUNCIL_ORG_FIELD_NONE,
  COUNCIL_ORG_FIELD_NAME_ZH,
  COUNCIL_ORG_FIELD_NAME_EN,
  COUNCIL_ORG_FIELD_SHORT_NAME,
  COUNCIL_ORG_FIELD_CATEGORY,
  COUNCIL_ORG_FIELD_COUNCIL_ROLE,
  COUNCIL_ORG_FIELD_CONTACT_PERSON,
  COUNCIL_ORG_FIELD_PHONE,
  COUNCIL_ORG_FIELD_EMAIL,
  COUNCIL_ORG_FIELD_ADDRESS,
  COUNCIL_ORG_FIELD_POSTS_ESTABLISHED,
  COUNCIL_ORG_FIELD_STAFF_IN_POST,
  COUNCIL_ORG_FIELD_SECONDED_OUT,
  COUNCIL_ORG_FIELD_PART_TIME,
  COUNCIL_ORG_FIELD_COVERAGE,
  COUNCIL_ORG_FIELD_NOTES,
  COUNCIL_ORG_FIELD_LIAISON_OFFICERS,
  COUNCIL_ORG_N_FIELDS
} CouncilOrgField;

typedef enum
{
  COUNCIL_CATEGORY_HUB,
  COUNCIL_CATEGORY_OTHER,
} CouncilCategory;

typedef enum
{
  COUNCIL_ROLE_CHAIR,
  COUNCIL_ROLE_VICE_CHAIR,
  COUNCIL_ROLE_MEMBER,
} CouncilRole;

typedef enum
{
  COUNCIL_COVERAGE_DISTRICT,
  COUNCIL_COVERAGE_TOWNSHIP,
  COUNCIL_COVERAGE_VILLAGE,
} CouncilCoverage;

/* Two thirds or more of the staff seconded away leaves a unit "only keeping the
 * doors open" (the paper's warning). */
#define COUNCIL_SECONDED_ALERT_NUMERATOR   2
#define COUNCIL_SECONDED_ALERT_DENOMINATOR 3

GQuark      council_validation_error_quark (void);

/* Enum <-> stored text <-> translated label */
const char *council_category_to_string     (CouncilCategory  category);
gboolean    council_category_from_string   (const char      *text,
                                            CouncilCategory *out);
const char *council_category_label         (CouncilCategory  category);
const char *council_role_to_string         (CouncilRole      role);
gboolean    council_role_from_string       (const char      *text,
                                            CouncilRole     *out);
const char *council_role_label             (CouncilRole      role);
const char *council_coverage_to_string     (CouncilCoverage  coverage);
gboolean    council_coverage_from_string   (const char      *text,
                                            CouncilCoverage *out);
const char *council_coverage_label         (CouncilCoverage  coverage);

/* TRUE when the user interface language is Chinese. */
gboolean    council_ui_prefers_chinese     (void);

/* ---- Liaison officer ---- */

#define COUNCIL_TYPE_LIAISON_OFFICER (council_liaison_officer_get_type ())
G_DECLARE_FINAL_TYPE (CouncilLiaisonOfficer, council_liaison_officer, COUNCIL, LIAISON_OFFICER, GObject)

CouncilLiaisonOfficer *council_liaison_officer_new (const char *name,
                                                    const char *department,
                                                    const char *phone);
/* 0 for an officer not saved yet; the store keeps the id of an officer across
 * saves, since projects link to officers by id. */
gint64      council_liaison_officer_get_id         (CouncilLiaisonOfficer *self);
void        council_liaison_officer_set_id         (CouncilLiaisonOfficer *self,
                                                    gint64                 id);
const char *council_liaison_officer_get_name       (CouncilLiaisonOfficer *self);
const char *council_liaison_officer_get_department (CouncilLiaisonOfficer *self);
const char *council_liaison_officer_get_phone      (CouncilLiaisonOfficer *self);

/* ---- Organization ---- */

#define COUNCIL_TYPE_ORGANIZATION (council_organization_get_type ())
G_DECLARE_FINAL_TYPE (CouncilOrganization, council_organization, COUNCIL, ORGANIZATION, GObject)

CouncilOrganization *council_organization_new  (void);
CouncilOrganization *council_organization_copy (CouncilOrganization *self);

gint64      council_organization_get_id              (CouncilOrganization *self);
gint64      council_organization_get_version         (CouncilOrganization *self);
const char *council_organization_get_name_zh         (CouncilOrganization *self);
const char *council_organization_get_name_en         (CouncilOrganization *self);
/* The name in the user interface language (falls back to the other one). */
const char *council_organization_get_display_name    (CouncilOrganization *self);
const char *council_organization_get_name_for_language (CouncilOrganization *self,
                                                        gboolean             chinese);
const char *council_organization_get_short_name      (CouncilOrganization *self);
CouncilCategory council_organization_get_category    (CouncilOrganization *self);
CouncilRole council_organization_get_council_role    (CouncilOrganization *self);
const char *council_organization_get_contact_person  (CouncilOrganization *self);
const char *council_organization_get_phone           (CouncilOrganization *self);
const char *council_organization_get_email           (CouncilOrganization *self);
const char *council_organization_get_address         (CouncilOrganization *self);
int         council_organization_get_posts_established (CouncilOrganization *self);
int         council_organization_get_staff_in_post   (CouncilOrganization *self);
int         council_organization_get_seconded_out    (CouncilOrganization *self);
int         council_organization_get_part_time       (CouncilOrganization *self);
CouncilCoverage council_organization_get_coverage    (CouncilOrganization *self);
const char *council_organization_get_notes           (CouncilOrganization *self);
gboolean    council_organization_get_retired         (CouncilOrganization *self);
int         council_organization_get_sort_order      (CouncilOrganization *self);
/* GListModel of CouncilLiaisonOfficer, owned by the organization. */
GListStore *council_organization_get_liaison_officers (CouncilOrganization *self);

/* Seconded-out staff as a share of staff in post, 0..1 (0 with no staff). */
double      council_organization_get_seconded_share  (CouncilOrganization *self);
gboolean    council_organization_has_staffing_alert  (CouncilOrganization *self);
gboolean    council_organization_has_coverage_alert  (CouncilOrganization *self);

/* Setters used by the store, the importer and the editor. Text is stripped of
 * surrounding white space. */
void        council_organization_set_id              (CouncilOrganization *self, gint64 id);
void        council_organization_set_version         (CouncilOrganization *self, gint64 version);
void        council_organization_set_name_zh         (CouncilOrganization *self, const char *v);
void        council_organization_set_name_en         (CouncilOrganization *self, const char *v);
void        council_organization_set_short_name      (CouncilOrganization *self, const char *v);
void        council_organization_set_category        (CouncilOrganization *self, CouncilCategory v);
void        council_organization_set_council_role    (CouncilOrganization *self, CouncilRole v);
void        council_organization_set_contact_person  (CouncilOrganization *self, const char *v);
void        council_organization_set_phone           (CouncilOrganization *self, const char *v);
void        council_organization_set_email           (CouncilOrganization *self, const char *v);
void        council_organization_set_address         (CouncilOrganization *self, const char *v);
void        council_organization_set_posts_established (CouncilOrganization *self, int v);
void        council_organization_set_staff_in_post   (CouncilOrganization *self, int v);
void        council_organization_set_seconded_out    (CouncilOrganization *self, int v);
void        council_organization_set_part_time       (CouncilOrganization *self, int v);
void        council_organization_set_coverage        (CouncilOrganization *self, CouncilCoverage v);
void        council_organization_set_notes           (CouncilOrganization *self, const char *v);
void        council_organization_set_retired         (CouncilOrganization *self, gboolean v);
void        council_organization_set_sort_order      (CouncilOrganization *self, int v);

/* Checks one field; on failure the error has domain COUNCIL_VALIDATION_ERROR,
 * code = field, and a message a person can act on. Uniqueness of names is
 * checked by the store. */
gboolean    council_organization_check_field (CouncilOrganization *self,
                                              CouncilOrgField      field,
                                              GError             **error);
/* Checks every field; the first problem found is returned. */
gboolean    council_organization_validate    (CouncilOrganization *self,
                                              GError             **error);

/* Shape checks shared with the CSV importer. */
gboolean    council_phone_is_valid           (const char *phone);
gboolean    council_email_is_valid           (const char *email);

G_END_DECLS
