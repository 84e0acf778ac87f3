/* council-organization.c
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-organization"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "council-organization.h"

G_DEFINE_QUARK (council-validation-error-quark, council_validation_error)

/* ---- enums ---- */

static const char *category_names[] = { "hub", "other" };
static const char *role_names[] = { "chair", "vice_chair", "member" };
static const char *coverage_names[] = { "district", "township", "village" };

static gboolean
lookup_name (const char  *const *names,
             guint               n_names,
             const char         *text,
             int                *out)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], text) == 0)
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

const char *
council_category_to_string (CouncilCategory category)
{
  g_return_val_if_fail (category <= COUNCIL_CATEGORY_OTHER, "other");
  return category_names[category];
}

gboolean
council_category_from_string (const char *text, CouncilCategory *out)
{
  int v;
  if (!lookup_name (category_names, G_N_ELEMENTS (category_names), text, &v))
    return FALSE;
  *out = (CouncilCategory) v;
  return TRUE;
}

const char *
council_category_label (CouncilCategory category)
{
  switch (category)
    {
    case COUNCIL_CATEGORY_HUB:
      return _("Hub organization");
    case COUNCIL_CATEGORY_OTHER:
    default:
      return _("Other organization");
    }
}

const char *
council_role_to_string (CouncilRole role)
{
  g_return_val_if_fail (role <= COUNCIL_ROLE_MEMBER, "member");
  return role_names[role];
}

gboolean
council_role_from_string (const char *text, CouncilRole *out)
{
  int v;
  if (!lookup_name (role_names, G_N_ELEMENTS (role_names), text, &v))
    return FALSE;
  *out = (CouncilRole) v;
  return TRUE;
}

const char *
council_role_label (CouncilRole role)
{
  switch (role)
    {
    case COUNCIL_ROLE_CHAIR:
      return _("Chair unit");
    case COUNCIL_ROLE_VICE_CHAIR:
      return _("Vice-chair unit");
    case COUNCIL_ROLE_MEMBER:
    default:
      return _("Member unit");
    }
}

const char *
council_coverage_to_string (CouncilCoverage coverage)
{
  g_return_val_if_fail (coverage <= COUNCIL_COVERAGE_VILLAGE, "district");
  return coverage_names[coverage];
}

gboolean
council_coverage_from_string (const char *text, CouncilCoverage *out)
{
  int v;
  if (!lookup_name (coverage_names, G_N_ELEMENTS (coverage_names), text, &v))
    return FALSE;
  *out = (CouncilCoverage) v;
  return TRUE;
}

const char *
council_coverage_label (CouncilCoverage coverage)
{
  switch (coverage)
    {
    case COUNCIL_COVERAGE_VILLAGE:
      return _("Village and community");
    case COUNCIL_COVERAGE_TOWNSHIP:
      return _("Township and street");
    case COUNCIL_COVERAGE_DISTRICT:
    default:
      return _("District only");
    }
}

gboolean
council_ui_prefers_chinese (void)
{
  const char * const *langs = g_get_language_names ();

  for (guint i = 0; langs[i] != NULL; i++)
    {
      if (g_str_has_prefix (langs[i], "zh"))
        return TRUE;
      /* The first real language decides; "C" means untranslated English. */
      if (g_strcmp0 (langs[i], "C") != 0 && g_strcmp0 (langs[i], "C.UTF-8") != 0)
        return FALSE;
    }
  return FALSE;
}

/* ---- liaison officer ---- */

struct _CouncilLiaisonOfficer
{
  GObject parent_instance;
  gint64 id;
  char *name;
  char *department;
  char *phone;
};

G_DEFINE_FINAL_TYPE (CouncilLiaisonOfficer, council_liaison_officer, G_TYPE_OBJECT)

enum {
  LO_PROP_0,
  LO_PROP_NAME,
  LO_PROP_DEPARTMENT,
  LO_PROP_PHONE,
  LO_N_PROPS
};
static GParamSpec *lo_properties[LO_N_PROPS];

static void
council_liaison_officer_finalize (GObject *object)
{
  CouncilLiaisonOfficer *self = COUNCIL_LIAISON_OFFICER (object);
  g_free (self->name);
  g_free (self->department);
  g_free (self->phone);
  G_OBJECT_CLASS (council_liaison_officer_parent_class)->finalize (object);
}

static void
council_liaison_officer_get_property (GObject *object, guint prop_id,
                                      GValue *value, GParamSpec *pspec)
{
  CouncilLiaisonOfficer *self = COUNCIL_LIAISON_OFFICER (object);
  switch (prop_id)
    {
    case LO_PROP_NAME: g_value_set_string (value, self->name); break;
    case LO_PROP_DEPARTMENT: g_value_set_string (value, self->department); break;
    case LO_PROP_PHONE: g_value_set_string (value, self->phone); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_liaison_officer_set_property (GObject *object, guint prop_id,
                                      const GValue *value, GParamSpec *pspec)
{
  CouncilLiaisonOfficer *self = COUNCIL_LIAISON_OFFICER (object);
  char **field;
  switch (prop_id)
    {
    case LO_PROP_NAME: field = &self->name; break;
    case LO_PROP_DEPARTMENT: field = &self->department; break;
    case LO_PROP_PHONE: field = &self->phone; break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec); return;
    }
  g_free (*field);
  *field = g_strstrip (g_strdup (g_value_get_string (value) ? g_value_get_string (value) : ""));
}

static void
council_liaison_officer_class_init (CouncilLiaisonOfficerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = council_liaison_officer_finalize;
  object_class->get_property = council_liaison_officer_get_property;
  object_class->set_property = council_liaison_officer_set_property;

  lo_properties[LO_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  lo_properties[LO_PROP_DEPARTMENT] =
    g_param_spec_string ("department", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  lo_properties[LO_PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, LO_N_PROPS, lo_properties);
}

static void
council_liaison_officer_init (CouncilLiaisonOfficer *self)
{
  self->name = g_strdup ("");
  self->department = g_strdup ("");
  self->phone = g_strdup ("");
}

CouncilLiaisonOfficer *
council_liaison_officer_new (const char *name, const char *department, const char *phone)
{
  /* Fields set directly: exports build thousands of these, and property
   * setting through varargs costs more than the rest of the row. */
  CouncilLiaisonOfficer *self = g_object_new (COUNCIL_TYPE_LIAISON_OFFICER, NULL);

  g_free (self->name);
  g_free (self->department);
  g_free (self->phone);
  self->name = g_strstrip (g_strdup (name ? name : ""));
  self->department = g_strstrip (g_strdup (department ? department : ""));
  self->phone = g_strstrip (g_strdup (phone ? phone : ""));
  return self;
}

gint64
council_liaison_officer_get_id (CouncilLiaisonOfficer *self)
{
  return self->id;
}

void
council_liaison_officer_set_id (CouncilLiaisonOfficer *self, gint64 id)
{
  self->id = id;
}

const char *
council_liaison_officer_get_name (CouncilLiaisonOfficer *self)
{
  return self->name;
}

const char *
council_liaison_officer_get_department (CouncilLiaisonOfficer *self)
{
  return self->department;
}

const char *
council_liaison_officer_get_phone (CouncilLiaisonOfficer *self)
{
  return self->phone;
}

/* ---- organization ---- */

struct _CouncilOrganization
{
  GObject parent_instance;

  gint64 id;
  gint64 version;
  char *name_zh;
  char *name_en;
  char *short_name;
  CouncilCategory category;
  CouncilRole council_role;
  char *contact_person;
  char *phone;
  char *email;
  char *address;
  int posts_established;
  int staff_in_post;
  int seconded_out;
  int part_time;
  CouncilCoverage coverage;
  char *notes;
  gboolean retired;
  int sort_order;
  GListStore *liaison_officers;
};

G_DEFINE_FINAL_TYPE (CouncilOrganization, council_organization, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_NAME_ZH,
  PROP_NAME_EN,
  PROP_SHORT_NAME,
  PROP_CATEGORY_LABEL,
  PROP_ROLE_LABEL,
  PROP_CONTACT_PERSON,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_POSTS_ESTABLISHED,
  PROP_STAFF_IN_POST,
  PROP_SECONDED_OUT,
  PROP_PART_TIME,
  PROP_SECONDED_SHARE,
  PROP_COVERAGE_LABEL,
  PROP_RETIRED,
  PROP_HAS_ALERT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
council_organization_finalize (GObject *object)
{
  CouncilOrganization *self = COUNCIL_ORGANIZATION (object);

  g_free (self->name_zh);
  g_free (self->name_en);
  g_free (self->short_name);
  g_free (self->contact_person);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->address);
  g_free (self->notes);
  g_clear_object (&self->liaison_officers);

  G_OBJECT_CLASS (council_organization_parent_class)->finalize (object);
}

static void
council_organization_get_property (GObject *object, guint prop_id,
                                   GValue *value, GParamSpec *pspec)
{
  CouncilOrganization *self = COUNCIL_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_DISPLAY_NAME: g_value_set_string (value, council_organization_get_display_name (self)); break;
    case PROP_NAME_ZH: g_value_set_string (value, self->name_zh); break;
    case PROP_NAME_EN: g_value_set_string (value, self->name_en); break;
    case PROP_SHORT_NAME: g_value_set_string (value, self->short_name); break;
    case PROP_CATEGORY_LABEL: g_value_set_string (value, council_category_label (self->category)); break;
    case PROP_ROLE_LABEL: g_value_set_string (value, council_role_label (self->council_role)); break;
    case PROP_CONTACT_PERSON: g_value_set_string (value, self->contact_person); break;
    case PROP_PHONE: g_value_set_string (value, self->phone); break;
    case PROP_EMAIL: g_value_set_string (value, self->email); break;
    case PROP_POSTS_ESTABLISHED: g_value_set_int (value, self->posts_established); break;
    case PROP_STAFF_IN_POST: g_value_set_int (value, self->staff_in_post); break;
    case PROP_SECONDED_OUT: g_value_set_int (value, self->seconded_out); break;
    case PROP_PART_TIME: g_value_set_int (value, self->part_time); break;
    case PROP_SECONDED_SHARE: g_value_set_double (value, council_organization_get_seconded_share (self)); break;
    case PROP_COVERAGE_LABEL: g_value_set_string (value, council_coverage_label (self->coverage)); break;
    case PROP_RETIRED: g_value_set_boolean (value, self->retired); break;
    case PROP_HAS_ALERT:
      g_value_set_boolean (value, council_organization_has_staffing_alert (self) ||
                                  council_organization_has_coverage_alert (self));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
ro_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
ro_int (const char *name)
{
  return g_param_spec_int (name, NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
council_organization_class_init (CouncilOrganizationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = council_organization_finalize;
  object_class->get_property = council_organization_get_property;

  /* Read-only: records are snapshots of a row, changed through setters and
   * saved through the store; the properties serve column views and sorters. */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] = ro_string ("display-name");
  properties[PROP_NAME_ZH] = ro_string ("name-zh");
  properties[PROP_NAME_EN] = ro_string ("name-en");
  properties[PROP_SHORT_NAME] = ro_string ("short-name");
  properties[PROP_CATEGORY_LABEL] = ro_string ("category-label");
  properties[PROP_ROLE_LABEL] = ro_string ("role-label");
  properties[PROP_CONTACT_PERSON] = ro_string ("contact-person");
  properties[PROP_PHONE] = ro_string ("phone");
  properties[PROP_EMAIL] = ro_string ("email");
  properties[PROP_POSTS_ESTABLISHED] = ro_int ("posts-established");
  properties[PROP_STAFF_IN_POST] = ro_int ("staff-in-post");
  properties[PROP_SECONDED_OUT] = ro_int ("seconded-out");
  properties[PROP_PART_TIME] = ro_int ("part-time");
  properties[PROP_SECONDED_SHARE] = g_param_spec_double ("seconded-share", NULL, NULL, 0, 1, 0,
                                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COVERAGE_LABEL] = ro_string ("coverage-label");
  properties[PROP_RETIRED] = g_param_spec_boolean ("retired", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_ALERT] = g_param_spec_boolean ("has-alert", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
council_organization_init (CouncilOrganization *self)
{
  self->name_zh = g_strdup ("");
  self->name_en = g_strdup ("");
  self->short_name = g_strdup ("");
  self->contact_person = g_strdup ("");
  self->phone = g_strdup ("");
  self->email = g_strdup ("");
  self->address = g_strdup ("");
  self->notes = g_strdup ("");
  self->category = COUNCIL_CATEGORY_OTHER;
  self->council_role = COUNCIL_ROLE_MEMBER;
  self->coverage = COUNCIL_COVERAGE_DISTRICT;
  self->liaison_officers = g_list_store_new (COUNCIL_TYPE_LIAISON_OFFICER);
}

CouncilOrganization *
council_organization_new (void)
{
  return g_object_new (COUNCIL_TYPE_ORGANIZATION, NULL);
}

CouncilOrganization *
council_organization_copy (CouncilOrganization *self)
{
  CouncilOrganization *copy = council_organization_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->liaison_officers));

  copy->id = self->id;
  copy->version = self->version;
  council_organization_set_name_zh (copy, self->name_zh);
  council_organization_set_name_en (copy, self->name_en);
  council_organization_set_short_name (copy, self->short_name);
  copy->category = self->category;
  copy->council_role = self->council_role;
  council_organization_set_contact_person (copy, self->contact_person);
  council_organization_set_phone (copy, self->phone);
  council_organization_set_email (copy, self->email);
  council_organization_set_address (copy, self->address);
  copy->posts_established = self->posts_established;
  copy->staff_in_post = self->staff_in_post;
  copy->seconded_out = self->seconded_out;
  copy->part_time = self->part_time;
  copy->coverage = self->coverage;
  council_organization_set_notes (copy, self->notes);
  copy->retired = self->retired;
  copy->sort_order = self->sort_order;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilLiaisonOfficer) lo = g_list_model_get_item (G_LIST_MODEL (self->liaison_officers), i);
      g_autoptr(CouncilLiaisonOfficer) lo_copy =
        council_liaison_officer_new (lo->name, lo->department, lo->phone);
      lo_copy->id = lo->id;
      g_list_store_append (copy->liaison_officers, lo_copy);
    }
  return copy;
}

#define TEXT_GETTER(field) \
  const char *council_organization_get_##field (CouncilOrganization *self) \
  { g_return_val_if_fail (COUNCIL_IS_ORGANIZATION (self), NULL); return self->field; }
#define VALUE_GETTER(type, field) \
  type council_organization_get_##field (CouncilOrganization *self) \
  { g_return_val_if_fail (COUNCIL_IS_ORGANIZATION (self), 0); return self->field; }

TEXT_GETTER (name_zh)
TEXT_GETTER (name_en)
TEXT_GETTER (short_name)
TEXT_GETTER (contact_person)
TEXT_GETTER (phone)
TEXT_GETTER (email)
TEXT_GETTER (address)
TEXT_GETTER (notes)
VALUE_GETTER (gint64, id)
VALUE_GETTER (gint64, version)
VALUE_GETTER (CouncilCategory, category)
VALUE_GETTER (CouncilRole, council_role)
VALUE_GETTER (int, posts_established)
VALUE_GETTER (int, staff_in_post)
VALUE_GETTER (int, seconded_out)
VALUE_GETTER (int, part_time)
VALUE_GETTER (CouncilCoverage, coverage)
VALUE_GETTER (gboolean, retired)
VALUE_GETTER (int, sort_order)

GListStore *
council_organization_get_liaison_officers (CouncilOrganization *self)
{
  return self->liaison_officers;
}

const char *
council_organization_get_name_for_language (CouncilOrganization *self, gboolean chinese)
{
  if (chinese)
    return *self->name_zh ? self->name_zh : self->name_en;
  return *self->name_en ? self->name_en : self->name_zh;
}

const char *
council_organization_get_display_name (CouncilOrganization *self)
{
  return council_organization_get_name_for_language (self, council_ui_prefers_chinese ());
}

double
council_organization_get_seconded_share (CouncilOrganization *self)
{
  if (self->staff_in_post <= 0)
    return 0.0;
  return MIN (1.0, (double) self->seconded_out / (double) self->staff_in_post);
}

gboolean
council_organization_has_staffing_alert (CouncilOrganization *self)
{
  /* Integer comparison so that exactly two thirds counts. */
  return self->staff_in_post > 0 &&
         (gint64) self->seconded_out * COUNCIL_SECONDED_ALERT_DENOMINATOR >=
         (gint64) self->staff_in_post * COUNCIL_SECONDED_ALERT_NUMERATOR;
}

gboolean
council_organization_has_coverage_alert (CouncilOrganization *self)
{
  return self->coverage == COUNCIL_COVERAGE_DISTRICT;
}

static void
replace_text (char **field, const char *v)
{
  /* Copied before the old value is freed: v may be the current value itself. */
  char *copy = g_strstrip (g_strdup (v ? v : ""));

  g_free (*field);
  *field = copy;
}

#define TEXT_SETTER(field) \
  void council_organization_set_##field (CouncilOrganization *self, const char *v) \
  { g_return_if_fail (COUNCIL_IS_ORGANIZATION (self)); replace_text (&self->field, v); }
#define VALUE_SETTER(type, field) \
  void council_organization_set_##field (CouncilOrganization *self, type v) \
  { g_return_if_fail (COUNCIL_IS_ORGANIZATION (self)); self->field = v; }

TEXT_SETTER (name_zh)
TEXT_SETTER (name_en)
TEXT_SETTER (short_name)
TEXT_SETTER (contact_person)
TEXT_SETTER (phone)
TEXT_SETTER (email)
TEXT_SETTER (address)
VALUE_SETTER (gint64, id)
VALUE_SETTER (gint64, version)
VALUE_SETTER (CouncilCategory, category)
VALUE_SETTER (CouncilRole, council_role)
VALUE_SETTER (int, posts_established)
VALUE_SETTER (int, staff_in_post)
VALUE_SETTER (int, seconded_out)
VALUE_SETTER (int, part_time)
VALUE_SETTER (CouncilCoverage, coverage)
VALUE_SETTER (gboolean, retired)
VALUE_SETTER (int, sort_order)

void
council_organization_set_notes (CouncilOrganization *self, const char *v)
{
  /* Notes keep their inner and trailing line structure; only NULL is normalised. */
  char *copy = g_strdup (v ? v : "");

  g_free (self->notes);
  self->notes = copy;
}

/* ---- validation ---- */

gboolean
council_phone_is_valid (const char *phone)
{
  guint digits = 0;

  if (phone == NULL || *phone == '\0')
    return TRUE;  /* optional */
  for (const char *p = phone; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr ("+-() ", *p) == NULL)
        return FALSE;
    }
  /* Chinese numbers: 7-8 digit landlines (with or without area code), 11 digit
   * mobiles, extensions; a + prefix for numbers abroad. */
  return digits >= 7 && digits <= 15 && strchr (phone + 1, '+') == NULL;
}

gboolean
council_email_is_valid (const char *email)
{
  const char *at, *dot;

  if (email == NULL || *email == '\0')
    return TRUE;  /* optional */
  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  dot = strrchr (at, '.');
  if (dot == NULL || dot == at + 1 || dot[1] == '\0')
    return FALSE;
  for (const char *p = email; *p; p++)
    if (g_ascii_isspace (*p) || (guchar) *p < 0x21)
      return FALSE;
  return TRUE;
}

static gboolean
fail (GError **error, CouncilOrgField field, const char *message)
{
  g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, field, message);
  return FALSE;
}

#define MAX_NAME_CHARS 120
#define MAX_TEXT_CHARS 10000
#define MAX_COUNT 100000

gboolean
council_organization_check_field (CouncilOrganization *self,
                                  CouncilOrgField      field,
                                  GError             **error)
{
  switch (field)
    {
    case COUNCIL_ORG_FIELD_NAME_ZH:
      if (*self->name_zh == '\0')
        return fail (error, field, _("The Chinese name is required."));
      if (g_utf8_strlen (self->name_zh, -1) > MAX_NAME_CHARS)
        return fail (error, field, _("The Chinese name is too long (at most 120 characters)."));
      return TRUE;
    case COUNCIL_ORG_FIELD_NAME_EN:
      if (*self->name_en == '\0')
        return fail (error, field, _("The English name is required."));
      if (g_utf8_strlen (self->name_en, -1) > MAX_NAME_CHARS)
        return fail (error, field, _("The English name is too long (at most 120 characters)."));
      return TRUE;
    case COUNCIL_ORG_FIELD_SHORT_NAME:
      if (g_utf8_strlen (self->short_name, -1) > 40)
        return fail (error, field, _("The short name is too long (at most 40 characters)."));
      return TRUE;
    case COUNCIL_ORG_FIELD_PHONE:
      if (!council_phone_is_valid (self->phone))
        return fail (error, field, _("The phone number should hold 7 to 15 digits, with only spaces, “-”, “(”, “)” or a leading “+” between them, e.g. 023-68781234."));
      return TRUE;
    case COUNCIL_ORG_FIELD_EMAIL:
      if (!council_email_is_valid (self->email))
        return fail (error, field, _("The email address should look like name@example.org."));
      return TRUE;
    case COUNCIL_ORG_FIELD_POSTS_ESTABLISHED:
      if (self->posts_established < 0)
        return fail (error, field, _("Establishment posts cannot be negative."));
      if (self->posts_established > MAX_COUNT)
        return fail (error, field, _("Establishment posts is too large."));
      return TRUE;
    case COUNCIL_ORG_FIELD_STAFF_IN_POST:
      if (self->staff_in_post < 0)
        return fail (error, field, _("Staff in post cannot be negative."));
      if (self->staff_in_post > MAX_COUNT)
        return fail (error, field, _("Staff in post is too large."));
      return TRUE;
    case COUNCIL_ORG_FIELD_SECONDED_OUT:
      if (self->seconded_out < 0)
        return fail (error, field, _("Seconded-out staff cannot be negative."));
      if (self->seconded_out > self->staff_in_post)
        return fail (error, field, _("Seconded-out staff cannot exceed staff in post."));
      return TRUE;
    case COUNCIL_ORG_FIELD_PART_TIME:
      if (self->part_time < 0)
        return fail (error, field, _("Part-time staff cannot be negative."));
      if ((gint64) self->seconded_out + self->part_time > self->staff_in_post)
        return fail (error, field, _("Seconded-out and part-time staff together cannot exceed staff in post."));
      return TRUE;
    case COUNCIL_ORG_FIELD_CONTACT_PERSON:
    case COUNCIL_ORG_FIELD_ADDRESS:
      {
        const char *v = field == COUNCIL_ORG_FIELD_ADDRESS ? self->address : self->contact_person;
        if (g_utf8_strlen (v, -1) > 200)
          return fail (error, field, _("This text is too long (at most 200 characters)."));
        return TRUE;
      }
    case COUNCIL_ORG_FIELD_NOTES:
      if (g_utf8_strlen (self->notes, -1) > MAX_TEXT_CHARS)
        return fail (error, field, _("The notes are too long (at most 10,000 characters)."));
      return TRUE;
    case COUNCIL_ORG_FIELD_LIAISON_OFFICERS:
      {
        guint n = g_list_model_get_n_items (G_LIST_MODEL (self->liaison_officers));
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(CouncilLiaisonOfficer) lo =
              g_list_model_get_item (G_LIST_MODEL (self->liaison_officers), i);
            if (*lo->name == '\0')
              {
                g_set_error (error, COUNCIL_VALIDATION_ERROR, field,
                             _("Liaison officer %u needs a name."), i + 1);
                return FALSE;
              }
            if (!council_phone_is_valid (lo->phone))
              {
                g_set_error (error, COUNCIL_VALIDATION_ERROR, field,
                             _("The phone number of liaison officer “%s” is not a phone number."),
                             lo->name);
                return FALSE;
              }
          }
        return TRUE;
      }
    case COUNCIL_ORG_FIELD_CATEGORY:
    case COUNCIL_ORG_FIELD_COUNCIL_ROLE:
    case COUNCIL_ORG_FIELD_COVERAGE:
    case COUNCIL_ORG_FIELD_NONE:
    case COUNCIL_ORG_N_FIELDS:
    default:
      return TRUE;
    }
}

gboolean
council_organization_validate (CouncilOrganization *self, GError **error)
{
  for (int f = COUNCIL_ORG_FIELD_NAME_ZH; f < COUNCIL_ORG_N_FIELDS; f++)
    if (!council_organization_check_field (self, (CouncilOrgField) f, error))
      return FALSE;
  return TRUE;
}
