/* council-project.c: the project record, its parts, and money parsing.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-project"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "council-project.h"

#define MAX_TITLE_CHARS 200
#define MAX_TEXT_CHARS 10000
#define MAX_SHORT_CHARS 200
#define MAX_BENEFICIARIES 100000000
/* 10^13 fen = 1,000 亿元: far above any council budget, far below G_MAXINT64. */
#define MAX_AMOUNT_FEN G_GINT64_CONSTANT (10000000000000)

/* ---- enums ---- */

static const char *status_names[] = {
  "proposed", "approved", "in_progress", "completed", "suspended", "cancelled"
};
static const char *health_names[] = { "on_track", "at_risk", "off_track" };
static const char *role_names[] = { "co_organizer", "supporter", "service_provider" };
static const char *source_names[] = {
  "gov_purchase", "fiscal", "donation", "corporate", "overseas", "venue"
};
static const char *kind_names[] = { "raised", "allocated", "spent" };

static gboolean
lookup_name (const char *const *names, guint n_names, const char *text, int *out)
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

#define ENUM_STRINGS(prefix, Type, names, fallback)                        \
  const char *                                                            \
  prefix##_to_string (Type value)                                          \
  {                                                                       \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (names), fallback); \
    return names[value];                                                  \
  }                                                                       \
  gboolean                                                                \
  prefix##_from_string (const char *text, Type *out)                       \
  {                                                                       \
    int v;                                                                \
    if (!lookup_name (names, G_N_ELEMENTS (names), text, &v))             \
      return FALSE;                                                       \
    *out = (Type) v;                                                      \
    return TRUE;                                                          \
  }

ENUM_STRINGS (council_project_status, CouncilProjectStatus, status_names, "proposed")
ENUM_STRINGS (council_project_health, CouncilProjectHealth, health_names, "on_track")
ENUM_STRINGS (council_partner_role, CouncilPartnerRole, role_names, "co_organizer")
ENUM_STRINGS (council_fund_source, CouncilFundSource, source_names, "gov_purchase")
ENUM_STRINGS (council_fund_kind, CouncilFundKind, kind_names, "raised")

const char *
council_project_status_label (CouncilProjectStatus status)
{
  switch (status)
    {
    case COUNCIL_PROJECT_STATUS_APPROVED: return _("Approved");
    case COUNCIL_PROJECT_STATUS_IN_PROGRESS: return _("In progress");
    case COUNCIL_PROJECT_STATUS_COMPLETED: return _("Completed");
    case COUNCIL_PROJECT_STATUS_SUSPENDED: return _("Suspended");
    case COUNCIL_PROJECT_STATUS_CANCELLED: return _("Cancelled");
    case COUNCIL_PROJECT_STATUS_PROPOSED:
    default: return _("Proposed");
    }
}

const char *
council_project_health_label (CouncilProjectHealth health)
{
  switch (health)
    {
    case COUNCIL_PROJECT_HEALTH_AT_RISK: return _("At risk");
    case COUNCIL_PROJECT_HEALTH_OFF_TRACK: return _("Off track");
    case COUNCIL_PROJECT_HEALTH_ON_TRACK:
    default: return _("On track");
    }
}

const char *
council_partner_role_label (CouncilPartnerRole role)
{
  switch (role)
    {
    case COUNCIL_PARTNER_ROLE_SUPPORTER: return _("Supporter");
    case COUNCIL_PARTNER_ROLE_SERVICE_PROVIDER: return _("Service provider");
    case COUNCIL_PARTNER_ROLE_CO_ORGANIZER:
    default: return _("Co-organizer");
    }
}

const char *
council_fund_source_label (CouncilFundSource source)
{
  switch (source)
    {
    case COUNCIL_FUND_SOURCE_FISCAL: return _("Fiscal allocation");
    case COUNCIL_FUND_SOURCE_DONATION: return _("Social donation");
    case COUNCIL_FUND_SOURCE_CORPORATE: return _("Corporate sponsorship");
    case COUNCIL_FUND_SOURCE_OVERSEAS: return _("Overseas donation");
    case COUNCIL_FUND_SOURCE_VENUE: return _("Venue operations");
    case COUNCIL_FUND_SOURCE_GOV_PURCHASE:
    default: return _("Government purchase of services");
    }
}

const char *
council_fund_kind_label (CouncilFundKind kind)
{
  switch (kind)
    {
    case COUNCIL_FUND_KIND_ALLOCATED: return _("Allocated");
    case COUNCIL_FUND_KIND_SPENT: return _("Spent");
    case COUNCIL_FUND_KIND_RAISED:
    default: return _("Raised");
    }
}

/* The seeded categories of 002-projects.sql; their English names are the msgids. */
static const struct { const char *code; const char *label; } builtin_categories[] = {
  { "rights", N_("Rights protection") },
  { "employment", N_("Employment and entrepreneurship") },
  { "assistance", N_("Assistance") },
  { "volunteer", N_("Volunteer service") },
  { "culture", N_("Culture and sports") },
  { "science", N_("Science popularisation") },
  { "family", N_("Family and children") },
  { "other", N_("Other") },
};

const char *
council_project_category_builtin_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_categories); i++)
    if (g_strcmp0 (builtin_categories[i].code, code) == 0)
      return _(builtin_categories[i].label);
  return NULL;
}

/* ---- money and dates ---- */

static gboolean
money_fail (GError **error, const char *message)
{
  g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, COUNCIL_PROJECT_FIELD_NONE, message);
  return FALSE;
}

static char *
strip_affix (char *text, const char *affix, gboolean prefix)
{
  gsize n = strlen (affix);
  gsize len = strlen (text);

  if (prefix && g_str_has_prefix (text, affix))
    memmove (text, text + n, len - n + 1);
  else if (!prefix && g_str_has_suffix (text, affix))
    text[len - n] = '\0';
  else
    return NULL;
  return g_strstrip (text);
}

gboolean
council_money_parse (const char *text, gint64 *out_fen, GError **error)
{
  g_autofree char *work = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;
  gboolean wan = FALSE;
  int decimals = -1;
  int max_decimals;
  gint64 value = 0;

  if (*work == '\0')
    return money_fail (error, _("Enter an amount, e.g. 12,345.67 or 1.5万."));

  if (strip_affix (work, "¥", TRUE) == NULL)
    strip_affix (work, "￥", TRUE);
  if (*work == '-' || g_str_has_prefix (work, "−"))
    return money_fail (error, _("An amount cannot be negative."));
  strip_affix (work, "元", FALSE);
  if (strip_affix (work, "万", FALSE) != NULL)
    wan = TRUE;

  for (p = work; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          if (decimals >= 0)
            decimals++;
        }
      else if (*p == '.' && decimals < 0)
        decimals = 0;
      else if ((*p == ',' || *p == ' ') && decimals < 0)
        continue;
      else if (g_str_has_prefix (p, "，") && decimals < 0)
        p += strlen ("，") - 1;
      else
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_PROJECT_FIELD_NONE,
                       _("“%s” is not an amount; write it like 12,345.67, 1.5万 or ¥1,000."), text);
          return FALSE;
        }
    }
  if (digits->len == 0)
    {
      g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_PROJECT_FIELD_NONE,
                   _("“%s” is not an amount; write it like 12,345.67, 1.5万 or ¥1,000."), text);
      return FALSE;
    }
  if (decimals < 0)
    decimals = 0;
  /* A fen is the smallest unit: two decimals of a yuan, six of a 万. */
  max_decimals = wan ? 6 : 2;
  if (decimals > max_decimals)
    return money_fail (error, wan ? _("An amount in 万 has at most six decimals (down to the fen).")
                                  : _("An amount has at most two decimals (fen)."));
  if (digits->len > 15)
    return money_fail (error, _("The amount is too large."));
  value = g_ascii_strtoll (digits->str, NULL, 10);
  for (int i = decimals; i < max_decimals; i++)
    value *= 10;
  if (value > MAX_AMOUNT_FEN)
    return money_fail (error, _("The amount is too large."));
  *out_fen = value;
  return TRUE;
}

static void
append_grouped (GString *out, guint64 value)
{
  g_autofree char *plain = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  gsize len = strlen (plain);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, plain[i]);
    }
}

char *
council_money_format (gint64 fen, gboolean chinese)
{
  GString *out = g_string_new (NULL);
  guint64 abs_fen = fen < 0 ? (guint64) -(fen + 1) + 1 : (guint64) fen;

  if (fen < 0)
    g_string_append_c (out, '-');
  if (chinese)
    {
      if (abs_fen >= 1000000)
        {
          /* Hundredths of a 万 (100 yuan), rounded half up. */
          guint64 hundredths = (abs_fen + 5000) / 10000;
          g_string_append_printf (out, "%" G_GUINT64_FORMAT, hundredths / 100);
          if (hundredths % 100 != 0)
            {
              g_string_append_printf (out, ".%02u", (guint) (hundredths % 100));
              if (out->str[out->len - 1] == '0')
                g_string_truncate (out, out->len - 1);
            }
          g_string_append (out, "万元");
        }
      else
        {
          g_string_append_printf (out, "%" G_GUINT64_FORMAT, abs_fen / 100);
          if (abs_fen % 100 != 0)
            {
              g_string_append_printf (out, ".%02u", (guint) (abs_fen % 100));
              if (out->str[out->len - 1] == '0')
                g_string_truncate (out, out->len - 1);
            }
          g_string_append (out, "元");
        }
    }
  else
    {
      g_string_append (out, "¥");
      append_grouped (out, abs_fen / 100);
      if (abs_fen % 100 != 0)
        g_string_append_printf (out, ".%02u", (guint) (abs_fen % 100));
    }
  return g_string_free (out, FALSE);
}

static void
replace_text (char **field, const char *value)
{
  char *stripped = g_strstrip (g_strdup (value ? value : ""));
  g_free (*field);
  *field = stripped;
}

static GParamSpec *
ro_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
ro_int64 (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
ro_uint (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
ro_boolean (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

/* ---- project category ---- */

struct _CouncilProjectCategory
{
  GObject parent_instance;
  gint64 id;
  char *code;
  char *name_zh;
  char *name_en;
  gboolean builtin;
};

G_DEFINE_FINAL_TYPE (CouncilProjectCategory, council_project_category, G_TYPE_OBJECT)

enum { CAT_PROP_0, CAT_PROP_ID, CAT_PROP_CODE, CAT_PROP_LABEL, CAT_N_PROPS };
static GParamSpec *cat_properties[CAT_N_PROPS];

static void
council_project_category_finalize (GObject *object)
{
  CouncilProjectCategory *self = COUNCIL_PROJECT_CATEGORY (object);
  g_free (self->code);
  g_free (self->name_zh);
  g_free (self->name_en);
  G_OBJECT_CLASS (council_project_category_parent_class)->finalize (object);
}

static void
council_project_category_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilProjectCategory *self = COUNCIL_PROJECT_CATEGORY (object);
  switch (prop_id)
    {
    case CAT_PROP_ID: g_value_set_int64 (value, self->id); break;
    case CAT_PROP_CODE: g_value_set_string (value, self->code); break;
    case CAT_PROP_LABEL: g_value_set_string (value, council_project_category_get_label (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_project_category_class_init (CouncilProjectCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->finalize = council_project_category_finalize;
  object_class->get_property = council_project_category_get_property;
  cat_properties[CAT_PROP_ID] = ro_int64 ("id");
  cat_properties[CAT_PROP_CODE] = ro_string ("code");
  cat_properties[CAT_PROP_LABEL] = ro_string ("label");
  g_object_class_install_properties (object_class, CAT_N_PROPS, cat_properties);
}

static void
council_project_category_init (CouncilProjectCategory *self)
{
}

CouncilProjectCategory *
council_project_category_new (gint64 id, const char *code, const char *name_zh,
                              const char *name_en, gboolean builtin)
{
  CouncilProjectCategory *self = g_object_new (COUNCIL_TYPE_PROJECT_CATEGORY, NULL);
  self->id = id;
  self->code = g_strdup (code ? code : "");
  self->name_zh = g_strdup (name_zh ? name_zh : "");
  self->name_en = g_strdup (name_en ? name_en : "");
  self->builtin = builtin;
  return self;
}

gint64 council_project_category_get_id (CouncilProjectCategory *self) { return self->id; }
const char *council_project_category_get_code (CouncilProjectCategory *self) { return self->code; }
const char *council_project_category_get_name_zh (CouncilProjectCategory *self) { return self->name_zh; }
const char *council_project_category_get_name_en (CouncilProjectCategory *self) { return self->name_en; }
gboolean council_project_category_get_builtin (CouncilProjectCategory *self) { return self->builtin; }

const char *
council_project_category_get_label (CouncilProjectCategory *self)
{
  const char *builtin = self->builtin ? council_project_category_builtin_label (self->code) : NULL;

  if (builtin != NULL)
    return builtin;
  if (!council_ui_prefers_chinese () && *self->name_en != '\0')
    return self->name_en;
  return self->name_zh;
}

/* ---- liaison choice ---- */

struct _CouncilLiaisonChoice
{
  GObject parent_instance;
  gint64 id;
  gint64 org_id;
  char *name;
  char *department;
  char *org_name;
};

G_DEFINE_FINAL_TYPE (CouncilLiaisonChoice, council_liaison_choice, G_TYPE_OBJECT)

enum { LC_PROP_0, LC_PROP_ID, LC_PROP_NAME, LC_PROP_DEPARTMENT, LC_PROP_ORG_NAME, LC_N_PROPS };
static GParamSpec *lc_properties[LC_N_PROPS];

static void
council_liaison_choice_finalize (GObject *object)
{
  CouncilLiaisonChoice *self = COUNCIL_LIAISON_CHOICE (object);
  g_free (self->name);
  g_free (self->department);
  g_free (self->org_name);
  G_OBJECT_CLASS (council_liaison_choice_parent_class)->finalize (object);
}

static void
council_liaison_choice_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilLiaisonChoice *self = COUNCIL_LIAISON_CHOICE (object);
  switch (prop_id)
    {
    case LC_PROP_ID: g_value_set_int64 (value, self->id); break;
    case LC_PROP_NAME: g_value_set_string (value, self->name); break;
    case LC_PROP_DEPARTMENT: g_value_set_string (value, self->department); break;
    case LC_PROP_ORG_NAME: g_value_set_string (value, self->org_name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_liaison_choice_class_init (CouncilLiaisonChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->finalize = council_liaison_choice_finalize;
  object_class->get_property = council_liaison_choice_get_property;
  lc_properties[LC_PROP_ID] = ro_int64 ("id");
  lc_properties[LC_PROP_NAME] = ro_string ("name");
  lc_properties[LC_PROP_DEPARTMENT] = ro_string ("department");
  lc_properties[LC_PROP_ORG_NAME] = ro_string ("org-name");
  g_object_class_install_properties (object_class, LC_N_PROPS, lc_properties);
}

static void
council_liaison_choice_init (CouncilLiaisonChoice *self)
{
}

CouncilLiaisonChoice *
council_liaison_choice_new (gint64 id, gint64 org_id, const char *name, const char *department,
                            const char *org_name)
{
  CouncilLiaisonChoice *self = g_object_new (COUNCIL_TYPE_LIAISON_CHOICE, NULL);
  self->id = id;
  self->org_id = org_id;
  self->name = g_strdup (name ? name : "");
  self->department = g_strdup (department ? department : "");
  self->org_name = g_strdup (org_name ? org_name : "");
  return self;
}

gint64 council_liaison_choice_get_id (CouncilLiaisonChoice *self) { return self->id; }
gint64 council_liaison_choice_get_org_id (CouncilLiaisonChoice *self) { return self->org_id; }
const char *council_liaison_choice_get_name (CouncilLiaisonChoice *self) { return self->name; }
const char *council_liaison_choice_get_department (CouncilLiaisonChoice *self) { return self->department; }
const char *council_liaison_choice_get_org_name (CouncilLiaisonChoice *self) { return self->org_name; }

/* ---- partner ---- */

struct _CouncilProjectPartner
{
  GObject parent_instance;
  gint64 id;
  gint64 org_id;
  CouncilPartnerRole role;
  char *org_name;
};

G_DEFINE_FINAL_TYPE (CouncilProjectPartner, council_project_partner, G_TYPE_OBJECT)

enum { PP_PROP_0, PP_PROP_ORG_ID, PP_PROP_ORG_NAME, PP_PROP_ROLE_LABEL, PP_N_PROPS };
static GParamSpec *pp_properties[PP_N_PROPS];

static void
council_project_partner_finalize (GObject *object)
{
  g_free (COUNCIL_PROJECT_PARTNER (object)->org_name);
  G_OBJECT_CLASS (council_project_partner_parent_class)->finalize (object);
}

static void
council_project_partner_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilProjectPartner *self = COUNCIL_PROJECT_PARTNER (object);
  switch (prop_id)
    {
    case PP_PROP_ORG_ID: g_value_set_int64 (value, self->org_id); break;
    case PP_PROP_ORG_NAME: g_value_set_string (value, self->org_name); break;
    case PP_PROP_ROLE_LABEL: g_value_set_string (value, council_partner_role_label (self->role)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_project_partner_class_init (CouncilProjectPartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->finalize = council_project_partner_finalize;
  object_class->get_property = council_project_partner_get_property;
  pp_properties[PP_PROP_ORG_ID] = ro_int64 ("org-id");
  pp_properties[PP_PROP_ORG_NAME] = ro_string ("org-name");
  pp_properties[PP_PROP_ROLE_LABEL] = ro_string ("role-label");
  g_object_class_install_properties (object_class, PP_N_PROPS, pp_properties);
}

static void
council_project_partner_init (CouncilProjectPartner *self)
{
  self->org_name = g_strdup ("");
}

CouncilProjectPartner *
council_project_partner_new (gint64 org_id, CouncilPartnerRole role)
{
  CouncilProjectPartner *self = g_object_new (COUNCIL_TYPE_PROJECT_PARTNER, NULL);
  self->org_id = org_id;
  self->role = role;
  return self;
}

gint64 council_project_partner_get_id (CouncilProjectPartner *self) { return self->id; }
gint64 council_project_partner_get_org_id (CouncilProjectPartner *self) { return self->org_id; }
CouncilPartnerRole council_project_partner_get_role (CouncilProjectPartner *self) { return self->role; }
const char *council_project_partner_get_org_name (CouncilProjectPartner *self) { return self->org_name; }
void council_project_partner_set_id (CouncilProjectPartner *self, gint64 id) { self->id = id; }

void
council_project_partner_set_org_id (CouncilProjectPartner *self, gint64 org_id)
{
  self->org_id = org_id;
  g_object_notify_by_pspec (G_OBJECT (self), pp_properties[PP_PROP_ORG_ID]);
}

void
council_project_partner_set_role (CouncilProjectPartner *self, CouncilPartnerRole role)
{
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), pp_properties[PP_PROP_ROLE_LABEL]);
}

void
council_project_partner_set_org_name (CouncilProjectPartner *self, const char *name)
{
  replace_text (&self->org_name, name);
  g_object_notify_by_pspec (G_OBJECT (self), pp_properties[PP_PROP_ORG_NAME]);
}

/* ---- milestone ---- */

struct _CouncilMilestone
{
  GObject parent_instance;
  gint64 id;
  char *title;
  char *due_date;
  char *done_date;
  gint64 project_id;
  char *project_code;
  char *project_title;
};

G_DEFINE_FINAL_TYPE (CouncilMilestone, council_milestone, G_TYPE_OBJECT)

enum { MS_PROP_0, MS_PROP_TITLE, MS_PROP_DUE_DATE, MS_PROP_DONE_DATE, MS_PROP_PROJECT_CODE, MS_N_PROPS };
static GParamSpec *ms_properties[MS_N_PROPS];

static void
council_milestone_finalize (GObject *object)
{
  CouncilMilestone *self = COUNCIL_MILESTONE (object);
  g_free (self->title);
  g_free (self->due_date);
  g_free (self->done_date);
  g_free (self->project_code);
  g_free (self->project_title);
  G_OBJECT_CLASS (council_milestone_parent_class)->finalize (object);
}

static void
council_milestone_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilMilestone *self = COUNCIL_MILESTONE (object);
  switch (prop_id)
    {
    case MS_PROP_TITLE: g_value_set_string (value, self->title); break;
    case MS_PROP_DUE_DATE: g_value_set_string (value, self->due_date); break;
    case MS_PROP_DONE_DATE: g_value_set_string (value, self->done_date); break;
    case MS_PROP_PROJECT_CODE: g_value_set_string (value, self->project_code); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_milestone_class_init (CouncilMilestoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->finalize = council_milestone_finalize;
  object_class->get_property = council_milestone_get_property;
  ms_properties[MS_PROP_TITLE] = ro_string ("title");
  ms_properties[MS_PROP_DUE_DATE] = ro_string ("due-date");
  ms_properties[MS_PROP_DONE_DATE] = ro_string ("done-date");
  ms_properties[MS_PROP_PROJECT_CODE] = ro_string ("project-code");
  g_object_class_install_properties (object_class, MS_N_PROPS, ms_properties);
}

static void
council_milestone_init (CouncilMilestone *self)
{
  self->title = g_strdup ("");
  self->due_date = g_strdup ("");
  self->done_date = g_strdup ("");
  self->project_code = g_strdup ("");
  self->project_title = g_strdup ("");
}

CouncilMilestone *
council_milestone_new (const char *title, const char *due_date, const char *done_date)
{
  CouncilMilestone *self = g_object_new (COUNCIL_TYPE_MILESTONE, NULL);
  replace_text (&self->title, title);
  replace_text (&self->due_date, due_date);
  replace_text (&self->done_date, done_date);
  return self;
}

gint64 council_milestone_get_id (CouncilMilestone *self) { return self->id; }
const char *council_milestone_get_title (CouncilMilestone *self) { return self->title; }
const char *council_milestone_get_due_date (CouncilMilestone *self) { return self->due_date; }
const char *council_milestone_get_done_date (CouncilMilestone *self) { return self->done_date; }
gint64 council_milestone_get_project_id (CouncilMilestone *self) { return self->project_id; }
const char *council_milestone_get_project_code (CouncilMilestone *self) { return self->project_code; }
const char *council_milestone_get_project_title (CouncilMilestone *self) { return self->project_title; }
void council_milestone_set_id (CouncilMilestone *self, gint64 id) { self->id = id; }

gboolean
council_milestone_is_overdue (CouncilMilestone *self, const char *today)
{
  return *self->done_date == '\0' && *self->due_date != '\0' && strcmp (self->due_date, today) < 0;
}

void
council_milestone_set_title (CouncilMilestone *self, const char *title)
{
  replace_text (&self->title, title);
  g_object_notify_by_pspec (G_OBJECT (self), ms_properties[MS_PROP_TITLE]);
}

void
council_milestone_set_due_date (CouncilMilestone *self, const char *date)
{
  replace_text (&self->due_date, date);
  g_object_notify_by_pspec (G_OBJECT (self), ms_properties[MS_PROP_DUE_DATE]);
}

void
council_milestone_set_done_date (CouncilMilestone *self, const char *date)
{
  replace_text (&self->done_date, date);
  g_object_notify_by_pspec (G_OBJECT (self), ms_properties[MS_PROP_DONE_DATE]);
}

void
council_milestone_set_project (CouncilMilestone *self, gint64 project_id, const char *code, const char *title)
{
  self->project_id = project_id;
  replace_text (&self->project_code, code);
  replace_text (&self->project_title, title);
}

/* ---- fund entry ---- */

struct _CouncilFundEntry
{
  GObject parent_instance;
  gint64 id;
  CouncilFundSource source;
  CouncilFundKind kind;
  gint64 amount_fen;
  char *entry_date;
  char *counterparty;
  char *voucher_no;
  char *note;
  gint64 project_id;
  char *project_code;
  char *project_title;
};

G_DEFINE_FINAL_TYPE (CouncilFundEntry, council_fund_entry, G_TYPE_OBJECT)

enum {
  FE_PROP_0, FE_PROP_SOURCE_LABEL, FE_PROP_KIND_LABEL, FE_PROP_AMOUNT_FEN, FE_PROP_ENTRY_DATE,
  FE_PROP_COUNTERPARTY, FE_PROP_VOUCHER_NO, FE_PROP_NOTE, FE_PROP_PROJECT_CODE, FE_N_PROPS
};
static GParamSpec *fe_properties[FE_N_PROPS];

static void
council_fund_entry_finalize (GObject *object)
{
  CouncilFundEntry *self = COUNCIL_FUND_ENTRY (object);
  g_free (self->entry_date);
  g_free (self->counterparty);
  g_free (self->voucher_no);
  g_free (self->note);
  g_free (self->project_code);
  g_free (self->project_title);
  G_OBJECT_CLASS (council_fund_entry_parent_class)->finalize (object);
}

static void
council_fund_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilFundEntry *self = COUNCIL_FUND_ENTRY (object);
  switch (prop_id)
    {
    case FE_PROP_SOURCE_LABEL: g_value_set_string (value, council_fund_source_label (self->source)); break;
    case FE_PROP_KIND_LABEL: g_value_set_string (value, council_fund_kind_label (self->kind)); break;
    case FE_PROP_AMOUNT_FEN: g_value_set_int64 (value, self->amount_fen); break;
    case FE_PROP_ENTRY_DATE: g_value_set_string (value, self->entry_date); break;
    case FE_PROP_COUNTERPARTY: g_value_set_string (value, self->counterparty); break;
    case FE_PROP_VOUCHER_NO: g_value_set_string (value, self->voucher_no); break;
    case FE_PROP_NOTE: g_value_set_string (value, self->note); break;
    case FE_PROP_PROJECT_CODE: g_value_set_string (value, self->project_code); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_fund_entry_class_init (CouncilFundEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->finalize = council_fund_entry_finalize;
  object_class->get_property = council_fund_entry_get_property;
  fe_properties[FE_PROP_SOURCE_LABEL] = ro_string ("source-label");
  fe_properties[FE_PROP_KIND_LABEL] = ro_string ("kind-label");
  fe_properties[FE_PROP_AMOUNT_FEN] = ro_int64 ("amount-fen");
  fe_properties[FE_PROP_ENTRY_DATE] = ro_string ("entry-date");
  fe_properties[FE_PROP_COUNTERPARTY] = ro_string ("counterparty");
  fe_properties[FE_PROP_VOUCHER_NO] = ro_string ("voucher-no");
  fe_properties[FE_PROP_NOTE] = ro_string ("note");
  fe_properties[FE_PROP_PROJECT_CODE] = ro_string ("project-code");
  g_object_class_install_properties (object_class, FE_N_PROPS, fe_properties);
}

static void
council_fund_entry_init (CouncilFundEntry *self)
{
  self->entry_date = g_strdup ("");
  self->counterparty = g_strdup ("");
  self->voucher_no = g_strdup ("");
  self->note = g_strdup ("");
  self->project_code = g_strdup ("");
  self->project_title = g_strdup ("");
}

CouncilFundEntry *
council_fund_entry_new (CouncilFundSource source, CouncilFundKind kind, gint64 amount_fen, const char *entry_date)
{
  CouncilFundEntry *self = g_object_new (COUNCIL_TYPE_FUND_ENTRY, NULL);
  self->source = source;
  self->kind = kind;
  self->amount_fen = amount_fen;
  replace_text (&self->entry_date, entry_date);
  return self;
}

gint64 council_fund_entry_get_id (CouncilFundEntry *self) { return self->id; }
CouncilFundSource council_fund_entry_get_source (CouncilFundEntry *self) { return self->source; }
CouncilFundKind council_fund_entry_get_kind (CouncilFundEntry *self) { return self->kind; }
gint64 council_fund_entry_get_amount_fen (CouncilFundEntry *self) { return self->amount_fen; }
const char *council_fund_entry_get_entry_date (CouncilFundEntry *self) { return self->entry_date; }
const char *council_fund_entry_get_counterparty (CouncilFundEntry *self) { return self->counterparty; }
const char *council_fund_entry_get_voucher_no (CouncilFundEntry *self) { return self->voucher_no; }
const char *council_fund_entry_get_note (CouncilFundEntry *self) { return self->note; }
gint64 council_fund_entry_get_project_id (CouncilFundEntry *self) { return self->project_id; }
const char *council_fund_entry_get_project_code (CouncilFundEntry *self) { return self->project_code; }
const char *council_fund_entry_get_project_title (CouncilFundEntry *self) { return self->project_title; }
void council_fund_entry_set_id (CouncilFundEntry *self, gint64 id) { self->id = id; }

gboolean
council_fund_entry_is_outside_dates (CouncilFundEntry *self, const char *start, const char *end)
{
  if (self->kind != COUNCIL_FUND_KIND_SPENT || *self->entry_date == '\0')
    return FALSE;
  return (start != NULL && *start != '\0' && strcmp (self->entry_date, start) < 0) ||
         (end != NULL && *end != '\0' && strcmp (self->entry_date, end) > 0);
}

#define FE_NOTIFY(prop) g_object_notify_by_pspec (G_OBJECT (self), fe_properties[prop])

void council_fund_entry_set_source (CouncilFundEntry *self, CouncilFundSource v) { self->source = v; FE_NOTIFY (FE_PROP_SOURCE_LABEL); }
void council_fund_entry_set_kind (CouncilFundEntry *self, CouncilFundKind v) { self->kind = v; FE_NOTIFY (FE_PROP_KIND_LABEL); }
void council_fund_entry_set_amount_fen (CouncilFundEntry *self, gint64 v) { self->amount_fen = v; FE_NOTIFY (FE_PROP_AMOUNT_FEN); }
void council_fund_entry_set_entry_date (CouncilFundEntry *self, const char *v) { replace_text (&self->entry_date, v); FE_NOTIFY (FE_PROP_ENTRY_DATE); }
void council_fund_entry_set_counterparty (CouncilFundEntry *self, const char *v) { replace_text (&self->counterparty, v); FE_NOTIFY (FE_PROP_COUNTERPARTY); }
void council_fund_entry_set_voucher_no (CouncilFundEntry *self, const char *v) { replace_text (&self->voucher_no, v); FE_NOTIFY (FE_PROP_VOUCHER_NO); }
void council_fund_entry_set_note (CouncilFundEntry *self, const char *v) { replace_text (&self->note, v); FE_NOTIFY (FE_PROP_NOTE); }

void
council_fund_entry_set_project (CouncilFundEntry *self, gint64 project_id, const char *code, const char *title)
{
  self->project_id = project_id;
  replace_text (&self->project_code, code);
  replace_text (&self->project_title, title);
  FE_NOTIFY (FE_PROP_PROJECT_CODE);
}

/* ---- project ---- */

struct _CouncilProject
{
  GObject parent_instance;

  gint64 id;
  gint64 version;
  char *code;
  char *title_zh;
  char *title_en;
  gint64 category_id;
  gint64 lead_org_id;
  char *target_group;
  char *start_date;
  char *end_date;
  char *status_changed_on;   /* the date of a status change being saved; "" = today */
  CouncilProjectStatus status;
  CouncilProjectHealth health;
  gint64 budget_fen;
  int planned_beneficiaries;
  int actual_beneficiaries;
  char *description;
  gboolean is_brand;
  gint64 integrated_into;

  gboolean has_details;
  GListStore *partners;
  GListStore *milestones;
  GListStore *fund_entries;
  GArray *liaison_ids;

  /* display, filled by the store */
  char *lead_name;
  char *partners_text;
  char *category_label;
  char *integrated_into_code;
  gint64 raised_fen;
  gint64 spent_fen;
  guint n_sources;
  CouncilFundFlags fund_flags;
  gboolean has_rolled;
  gint64 rolled_budget_fen;
  CouncilProjectStatus rolled_status;
  CouncilProjectHealth rolled_health;
  gint64 rolled_planned;
  gint64 rolled_actual;
};

G_DEFINE_FINAL_TYPE (CouncilProject, council_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_TITLE,
  PROP_TITLE_ZH,
  PROP_TITLE_EN,
  PROP_LEAD_NAME,
  PROP_PARTNERS_TEXT,
  PROP_CATEGORY_LABEL,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_HEALTH,
  PROP_HEALTH_LABEL,
  PROP_TARGET_GROUP,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_BUDGET_FEN,
  PROP_RAISED_FEN,
  PROP_SPENT_FEN,
  PROP_BENEFICIARIES,
  PROP_PLANNED_BENEFICIARIES,
  PROP_IS_BRAND,
  PROP_INTEGRATED_INTO_ID,
  PROP_INTEGRATED_INTO_CODE,
  PROP_N_SOURCES,
  PROP_FUND_FLAGS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
council_project_finalize (GObject *object)
{
  CouncilProject *self = COUNCIL_PROJECT (object);

  g_free (self->code);
  g_free (self->title_zh);
  g_free (self->title_en);
  g_free (self->target_group);
  g_free (self->start_date);
  g_free (self->status_changed_on);
  g_free (self->end_date);
  g_free (self->description);
  g_free (self->lead_name);
  g_free (self->partners_text);
  g_free (self->category_label);
  g_free (self->integrated_into_code);
  g_clear_object (&self->partners);
  g_clear_object (&self->milestones);
  g_clear_object (&self->fund_entries);
  g_clear_pointer (&self->liaison_ids, g_array_unref);

  G_OBJECT_CLASS (council_project_parent_class)->finalize (object);
}

static void
council_project_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilProject *self = COUNCIL_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_TITLE: g_value_set_string (value, council_project_get_title (self)); break;
    case PROP_TITLE_ZH: g_value_set_string (value, self->title_zh); break;
    case PROP_TITLE_EN: g_value_set_string (value, self->title_en); break;
    case PROP_LEAD_NAME: g_value_set_string (value, self->lead_name); break;
    case PROP_PARTNERS_TEXT: g_value_set_string (value, self->partners_text); break;
    case PROP_CATEGORY_LABEL: g_value_set_string (value, self->category_label); break;
    case PROP_STATUS: g_value_set_uint (value, council_project_get_rolled_status (self)); break;
    case PROP_STATUS_LABEL: g_value_set_string (value, council_project_get_status_label (self)); break;
    case PROP_HEALTH: g_value_set_uint (value, council_project_get_rolled_health (self)); break;
    case PROP_HEALTH_LABEL: g_value_set_string (value, council_project_get_health_label (self)); break;
    case PROP_TARGET_GROUP: g_value_set_string (value, self->target_group); break;
    case PROP_START_DATE: g_value_set_string (value, self->start_date); break;
    case PROP_END_DATE: g_value_set_string (value, self->end_date); break;
    case PROP_BUDGET_FEN: g_value_set_int64 (value, council_project_get_rolled_budget_fen (self)); break;
    case PROP_RAISED_FEN: g_value_set_int64 (value, self->raised_fen); break;
    case PROP_SPENT_FEN: g_value_set_int64 (value, self->spent_fen); break;
    case PROP_BENEFICIARIES:
      g_value_set_uint64 (value, (guint64) MAX (council_project_get_rolled_actual_beneficiaries (self), 0));
      break;
    case PROP_PLANNED_BENEFICIARIES:
      g_value_set_uint64 (value, (guint64) MAX (council_project_get_rolled_planned_beneficiaries (self), 0));
      break;
    case PROP_IS_BRAND: g_value_set_boolean (value, self->is_brand); break;
    case PROP_INTEGRATED_INTO_ID: g_value_set_int64 (value, self->integrated_into); break;
    case PROP_INTEGRATED_INTO_CODE: g_value_set_string (value, self->integrated_into_code); break;
    case PROP_N_SOURCES: g_value_set_uint (value, self->n_sources); break;
    case PROP_FUND_FLAGS: g_value_set_uint (value, self->fund_flags); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_project_class_init (CouncilProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = council_project_finalize;
  object_class->get_property = council_project_get_property;

  /* Read-only: a record is a snapshot of a row, changed through setters and
   * saved through the store; the properties serve column views and sorters. */
  properties[PROP_ID] = ro_int64 ("id");
  properties[PROP_CODE] = ro_string ("code");
  properties[PROP_TITLE] = ro_string ("title");
  properties[PROP_TITLE_ZH] = ro_string ("title-zh");
  properties[PROP_TITLE_EN] = ro_string ("title-en");
  properties[PROP_LEAD_NAME] = ro_string ("lead-name");
  properties[PROP_PARTNERS_TEXT] = ro_string ("partners-text");
  properties[PROP_CATEGORY_LABEL] = ro_string ("category-label");
  properties[PROP_STATUS] = ro_uint ("status");
  properties[PROP_STATUS_LABEL] = ro_string ("status-label");
  properties[PROP_HEALTH] = ro_uint ("health");
  properties[PROP_HEALTH_LABEL] = ro_string ("health-label");
  properties[PROP_TARGET_GROUP] = ro_string ("target-group");
  properties[PROP_START_DATE] = ro_string ("start-date");
  properties[PROP_END_DATE] = ro_string ("end-date");
  properties[PROP_BUDGET_FEN] = ro_int64 ("budget-fen");
  properties[PROP_RAISED_FEN] = ro_int64 ("raised-fen");
  properties[PROP_SPENT_FEN] = ro_int64 ("spent-fen");
  properties[PROP_BENEFICIARIES] = g_param_spec_uint64 ("beneficiaries", NULL, NULL, 0, G_MAXUINT64, 0,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLANNED_BENEFICIARIES] = g_param_spec_uint64 ("planned-beneficiaries", NULL, NULL, 0, G_MAXUINT64, 0,
                                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_BRAND] = ro_boolean ("is-brand");
  properties[PROP_INTEGRATED_INTO_ID] = ro_int64 ("integrated-into-id");
  properties[PROP_INTEGRATED_INTO_CODE] = ro_string ("integrated-into-code");
  properties[PROP_N_SOURCES] = ro_uint ("n-sources");
  properties[PROP_FUND_FLAGS] = ro_uint ("fund-flags");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
council_project_init (CouncilProject *self)
{
  self->code = g_strdup ("");
  self->title_zh = g_strdup ("");
  self->title_en = g_strdup ("");
  self->target_group = g_strdup ("");
  self->start_date = g_strdup ("");
  self->end_date = g_strdup ("");
  self->description = g_strdup ("");
  self->lead_name = g_strdup ("");
  self->partners_text = g_strdup ("");
  self->category_label = g_strdup ("");
  self->integrated_into_code = g_strdup ("");
  self->partners = g_list_store_new (COUNCIL_TYPE_PROJECT_PARTNER);
  self->milestones = g_list_store_new (COUNCIL_TYPE_MILESTONE);
  self->fund_entries = g_list_store_new (COUNCIL_TYPE_FUND_ENTRY);
  self->liaison_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* A new project is complete: its (empty) detail is the detail to save. */
  self->has_details = TRUE;
}

CouncilProject *
council_project_new (void)
{
  return g_object_new (COUNCIL_TYPE_PROJECT, NULL);
}

gint64 council_project_get_id (CouncilProject *self) { return self->id; }
gint64 council_project_get_version (CouncilProject *self) { return self->version; }
const char *council_project_get_code (CouncilProject *self) { return self->code; }
const char *council_project_get_title_zh (CouncilProject *self) { return self->title_zh; }
const char *council_project_get_title_en (CouncilProject *self) { return self->title_en; }
gint64 council_project_get_category_id (CouncilProject *self) { return self->category_id; }
gint64 council_project_get_lead_org_id (CouncilProject *self) { return self->lead_org_id; }
const char *council_project_get_target_group (CouncilProject *self) { return self->target_group; }
const char *council_project_get_start_date (CouncilProject *self) { return self->start_date; }
const char *council_project_get_end_date (CouncilProject *self) { return self->end_date; }
CouncilProjectStatus council_project_get_status (CouncilProject *self) { return self->status; }
CouncilProjectHealth council_project_get_health (CouncilProject *self) { return self->health; }
gint64 council_project_get_budget_fen (CouncilProject *self) { return self->budget_fen; }
int council_project_get_planned_beneficiaries (CouncilProject *self) { return self->planned_beneficiaries; }
int council_project_get_actual_beneficiaries (CouncilProject *self) { return self->actual_beneficiaries; }
const char *council_project_get_description (CouncilProject *self) { return self->description; }
gboolean council_project_get_is_brand (CouncilProject *self) { return self->is_brand; }
gint64 council_project_get_integrated_into (CouncilProject *self) { return self->integrated_into; }
gboolean council_project_has_details (CouncilProject *self) { return self->has_details; }
GListStore *council_project_get_partners (CouncilProject *self) { return self->partners; }
GListStore *council_project_get_milestones (CouncilProject *self) { return self->milestones; }
GListStore *council_project_get_fund_entries (CouncilProject *self) { return self->fund_entries; }
GArray *council_project_get_liaison_ids (CouncilProject *self) { return self->liaison_ids; }
const char *council_project_get_lead_name (CouncilProject *self) { return self->lead_name; }
const char *council_project_get_partners_text (CouncilProject *self) { return self->partners_text; }
const char *council_project_get_category_label (CouncilProject *self) { return self->category_label; }
const char *council_project_get_status_label (CouncilProject *self) { return council_project_status_label (council_project_get_rolled_status (self)); }
const char *council_project_get_health_label (CouncilProject *self) { return council_project_health_label (council_project_get_rolled_health (self)); }
gint64 council_project_get_rolled_budget_fen (CouncilProject *self) { return self->has_rolled ? self->rolled_budget_fen : self->budget_fen; }
CouncilProjectStatus council_project_get_rolled_status (CouncilProject *self) { return self->has_rolled ? self->rolled_status : self->status; }
CouncilProjectHealth council_project_get_rolled_health (CouncilProject *self) { return self->has_rolled ? self->rolled_health : self->health; }
gint64 council_project_get_rolled_planned_beneficiaries (CouncilProject *self) { return self->has_rolled ? self->rolled_planned : self->planned_beneficiaries; }
gint64 council_project_get_rolled_actual_beneficiaries (CouncilProject *self) { return self->has_rolled ? self->rolled_actual : self->actual_beneficiaries; }
gint64 council_project_get_spent_fen (CouncilProject *self) { return self->spent_fen; }
gint64 council_project_get_raised_fen (CouncilProject *self) { return self->raised_fen; }
guint council_project_get_n_sources (CouncilProject *self) { return self->n_sources; }
CouncilFundFlags council_project_get_fund_flags (CouncilProject *self) { return self->fund_flags; }
const char *council_project_get_integrated_into_code (CouncilProject *self) { return self->integrated_into_code; }

const char *
council_project_get_title (CouncilProject *self)
{
  if (!council_ui_prefers_chinese () && *self->title_en != '\0')
    return self->title_en;
  return self->title_zh;
}

#define NOTIFY(prop) g_object_notify_by_pspec (G_OBJECT (self), properties[prop])

void council_project_set_id (CouncilProject *self, gint64 id) { self->id = id; NOTIFY (PROP_ID); }
void council_project_set_version (CouncilProject *self, gint64 version) { self->version = version; }

void
council_project_set_code (CouncilProject *self, const char *v)
{
  g_autofree char *upper = g_utf8_strup (v ? v : "", -1);
  replace_text (&self->code, upper);
  NOTIFY (PROP_CODE);
}

void council_project_set_title_zh (CouncilProject *self, const char *v) { replace_text (&self->title_zh, v); NOTIFY (PROP_TITLE_ZH); NOTIFY (PROP_TITLE); }
void council_project_set_title_en (CouncilProject *self, const char *v) { replace_text (&self->title_en, v); NOTIFY (PROP_TITLE_EN); NOTIFY (PROP_TITLE); }
void council_project_set_category_id (CouncilProject *self, gint64 v) { self->category_id = v; }
void council_project_set_lead_org_id (CouncilProject *self, gint64 v) { self->lead_org_id = v; }
void council_project_set_target_group (CouncilProject *self, const char *v) { replace_text (&self->target_group, v); NOTIFY (PROP_TARGET_GROUP); }
void council_project_set_start_date (CouncilProject *self, const char *v) { replace_text (&self->start_date, v); NOTIFY (PROP_START_DATE); }
void council_project_set_status_changed_on (CouncilProject *self, const char *v) { replace_text (&self->status_changed_on, v); }
const char *council_project_get_status_changed_on (CouncilProject *self) { return self->status_changed_on ? self->status_changed_on : ""; }
void council_project_set_end_date (CouncilProject *self, const char *v) { replace_text (&self->end_date, v); NOTIFY (PROP_END_DATE); }
void council_project_set_status (CouncilProject *self, CouncilProjectStatus v) { self->status = v; NOTIFY (PROP_STATUS); NOTIFY (PROP_STATUS_LABEL); }
void council_project_set_health (CouncilProject *self, CouncilProjectHealth v) { self->health = v; NOTIFY (PROP_HEALTH); NOTIFY (PROP_HEALTH_LABEL); }
void council_project_set_budget_fen (CouncilProject *self, gint64 v) { self->budget_fen = v; NOTIFY (PROP_BUDGET_FEN); }
void council_project_set_planned_beneficiaries (CouncilProject *self, int v) { self->planned_beneficiaries = v; NOTIFY (PROP_PLANNED_BENEFICIARIES); }
void council_project_set_actual_beneficiaries (CouncilProject *self, int v) { self->actual_beneficiaries = v; NOTIFY (PROP_BENEFICIARIES); }
void council_project_set_description (CouncilProject *self, const char *v) { replace_text (&self->description, v); }
void council_project_set_is_brand (CouncilProject *self, gboolean v) { self->is_brand = v != FALSE; NOTIFY (PROP_IS_BRAND); }
void council_project_set_integrated_into (CouncilProject *self, gint64 v) { self->integrated_into = v; NOTIFY (PROP_INTEGRATED_INTO_ID); }
void council_project_set_has_details (CouncilProject *self, gboolean v) { self->has_details = v; }

void
council_project_set_display (CouncilProject *self, const char *lead_name, const char *partners_text,
                             const char *category_label, const char *integrated_into_code)
{
  replace_text (&self->lead_name, lead_name);
  replace_text (&self->partners_text, partners_text);
  replace_text (&self->category_label, category_label);
  replace_text (&self->integrated_into_code, integrated_into_code);
}

void
council_project_set_rollup (CouncilProject *self, gint64 raised_fen, gint64 spent_fen,
                            guint n_sources, CouncilFundFlags flags)
{
  self->raised_fen = raised_fen;
  self->spent_fen = spent_fen;
  self->n_sources = n_sources;
  self->fund_flags = flags;
}

void
council_project_set_rolled_values (CouncilProject *self, gint64 budget_fen, CouncilProjectStatus status,
                                   CouncilProjectHealth health, gint64 planned_beneficiaries,
                                   gint64 actual_beneficiaries)
{
  self->has_rolled = TRUE;
  self->rolled_budget_fen = budget_fen;
  self->rolled_status = status;
  self->rolled_health = health;
  self->rolled_planned = planned_beneficiaries;
  self->rolled_actual = actual_beneficiaries;
}

CouncilProjectPartner *
council_project_add_partner (CouncilProject *self, gint64 org_id, CouncilPartnerRole role)
{
  g_autoptr(CouncilProjectPartner) partner = council_project_partner_new (org_id, role);
  g_list_store_append (self->partners, partner);
  return partner;
}

void
council_project_add_liaison_id (CouncilProject *self, gint64 liaison_officer_id)
{
  g_array_append_val (self->liaison_ids, liaison_officer_id);
}

/* ---- validation ---- */

static gboolean
fail (GError **error, CouncilProjectField field, const char *message)
{
  g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, field, message);
  return FALSE;
}

gboolean
council_project_code_is_valid (const char *code)
{
  gsize len = code ? strlen (code) : 0;

  if (len < 3 || len > 32)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (code[i]) && !g_ascii_isupper (code[i]) && code[i] != '-')
      return FALSE;
  return code[0] != '-' && code[len - 1] != '-';
}

static gboolean
check_date (const char *date, CouncilProjectField field, GError **error)
{
  if (*date == '\0' || council_iso_date_is_valid (date))
    return TRUE;
  g_set_error (error, COUNCIL_VALIDATION_ERROR, field,
               _("“%s” is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01."), date);
  return FALSE;
}

static gboolean
check_partners (CouncilProject *self, GError **error)
{
  GListModel *partners = G_LIST_MODEL (self->partners);
  guint n = g_list_model_get_n_items (partners);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = g_new0 (gint64, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilProjectPartner) partner = g_list_model_get_item (partners, i);

      ids[i] = partner->org_id;
      if (partner->org_id <= 0)
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_PROJECT_FIELD_PARTNERS,
                       _("Partner %u needs an organization."), i + 1);
          return FALSE;
        }
      if (partner->org_id == self->lead_org_id)
        return fail (error, COUNCIL_PROJECT_FIELD_PARTNERS,
                     _("The lead organization cannot also be a partner."));
      if (g_hash_table_contains (seen, &ids[i]))
        {
          if (*partner->org_name != '\0')
            g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_PROJECT_FIELD_PARTNERS,
                         _("“%s” is listed twice as a partner."), partner->org_name);
          else
            g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_PROJECT_FIELD_PARTNERS,
                         _("Partner %u is listed twice."), i + 1);
          return FALSE;
        }
      g_hash_table_add (seen, &ids[i]);
    }
  return TRUE;
}

static gboolean
check_milestones (CouncilProject *self, GError **error)
{
  GListModel *milestones = G_LIST_MODEL (self->milestones);
  guint n = g_list_model_get_n_items (milestones);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilMilestone) m = g_list_model_get_item (milestones, i);

      if (*m->title == '\0')
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_PROJECT_FIELD_MILESTONES,
                       _("Milestone %u needs a title."), i + 1);
          return FALSE;
        }
      if (g_utf8_strlen (m->title, -1) > MAX_TITLE_CHARS)
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_PROJECT_FIELD_MILESTONES,
                       _("The title of milestone %u is too long (at most 200 characters)."), i + 1);
          return FALSE;
        }
      if (!check_date (m->due_date, COUNCIL_PROJECT_FIELD_MILESTONES, error) ||
          !check_date (m->done_date, COUNCIL_PROJECT_FIELD_MILESTONES, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_funds (CouncilProject *self, GError **error)
{
  GListModel *funds = G_LIST_MODEL (self->fund_entries);
  guint n = g_list_model_get_n_items (funds);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilFundEntry) e = g_list_model_get_item (funds, i);

      if (e->amount_fen < 0)
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_PROJECT_FIELD_FUNDS,
                       _("The amount of fund entry %u cannot be negative."), i + 1);
          return FALSE;
        }
      if (e->amount_fen > MAX_AMOUNT_FEN)
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_PROJECT_FIELD_FUNDS,
                       _("The amount of fund entry %u is too large."), i + 1);
          return FALSE;
        }
      if (*e->entry_date == '\0')
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_PROJECT_FIELD_FUNDS,
                       _("Fund entry %u needs a date."), i + 1);
          return FALSE;
        }
      if (!check_date (e->entry_date, COUNCIL_PROJECT_FIELD_FUNDS, error))
        return FALSE;
      if (g_utf8_strlen (e->counterparty, -1) > MAX_SHORT_CHARS ||
          g_utf8_strlen (e->voucher_no, -1) > MAX_SHORT_CHARS ||
          g_utf8_strlen (e->note, -1) > MAX_TEXT_CHARS)
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_PROJECT_FIELD_FUNDS,
                       _("A text of fund entry %u is too long."), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_liaisons (CouncilProject *self, GError **error)
{
  for (guint i = 0; i < self->liaison_ids->len; i++)
    for (guint j = 0; j < i; j++)
      if (g_array_index (self->liaison_ids, gint64, i) == g_array_index (self->liaison_ids, gint64, j))
        return fail (error, COUNCIL_PROJECT_FIELD_LIAISONS,
                     _("A liaison officer is listed twice."));
  return TRUE;
}

static gboolean
check_count (int value, CouncilProjectField field, GError **error)
{
  if (value < 0)
    return fail (error, field, _("The number of beneficiaries cannot be negative."));
  if (value > MAX_BENEFICIARIES)
    return fail (error, field, _("The number of beneficiaries is too large."));
  return TRUE;
}

gboolean
council_project_check_field (CouncilProject *self, CouncilProjectField field, GError **error)
{
  switch (field)
    {
    case COUNCIL_PROJECT_FIELD_CODE:
      if (*self->code == '\0')
        return fail (error, field, _("The project code is required, e.g. QT-2026-014."));
      if (!council_project_code_is_valid (self->code))
        return fail (error, field, _("The project code should be 3 to 32 letters, digits or hyphens, starting and ending with a letter or digit, e.g. QT-2026-014."));
      return TRUE;
    case COUNCIL_PROJECT_FIELD_TITLE_ZH:
      if (*self->title_zh == '\0')
        return fail (error, field, _("The Chinese title is required."));
      if (g_utf8_strlen (self->title_zh, -1) > MAX_TITLE_CHARS)
        return fail (error, field, _("The title is too long (at most 200 characters)."));
      return TRUE;
    case COUNCIL_PROJECT_FIELD_TITLE_EN:
      if (g_utf8_strlen (self->title_en, -1) > MAX_TITLE_CHARS)
        return fail (error, field, _("The title is too long (at most 200 characters)."));
      return TRUE;
    case COUNCIL_PROJECT_FIELD_CATEGORY:
      if (self->category_id <= 0)
        return fail (error, field, _("Choose a category."));
      return TRUE;
    case COUNCIL_PROJECT_FIELD_LEAD:
      if (self->lead_org_id <= 0)
        return fail (error, field, _("Choose the lead organization."));
      return TRUE;
    case COUNCIL_PROJECT_FIELD_PARTNERS:
      return check_partners (self, error);
    case COUNCIL_PROJECT_FIELD_LIAISONS:
      return check_liaisons (self, error);
    case COUNCIL_PROJECT_FIELD_TARGET_GROUP:
      if (g_utf8_strlen (self->target_group, -1) > MAX_SHORT_CHARS)
        return fail (error, field, _("The target group is too long (at most 200 characters)."));
      return TRUE;
    case COUNCIL_PROJECT_FIELD_START_DATE:
      return check_date (self->start_date, field, error);
    case COUNCIL_PROJECT_FIELD_END_DATE:
      if (!check_date (self->end_date, field, error))
        return FALSE;
      if (*self->start_date != '\0' && *self->end_date != '\0' &&
          council_iso_date_is_valid (self->start_date) && strcmp (self->end_date, self->start_date) < 0)
        return fail (error, field, _("The end date cannot be before the start date."));
      return TRUE;
    case COUNCIL_PROJECT_FIELD_STATUS:
      if ((guint) self->status >= COUNCIL_PROJECT_N_STATUSES)
        return fail (error, field, _("Choose a status."));
      if (self->status_changed_on != NULL && *self->status_changed_on != '\0')
        {
          g_autofree char *today = council_iso_date_today ();

          if (!check_date (self->status_changed_on, field, error))
            return FALSE;
          if (strcmp (self->status_changed_on, today) > 0)
            return fail (error, field, _("The date of a status change cannot be in the future."));
        }
      return TRUE;
    case COUNCIL_PROJECT_FIELD_HEALTH:
      if ((guint) self->health >= COUNCIL_PROJECT_N_HEALTHS)
        return fail (error, field, _("Choose how the project is going (its health)."));
      return TRUE;
    case COUNCIL_PROJECT_FIELD_BUDGET:
      if (self->budget_fen < 0)
        return fail (error, field, _("The budget cannot be negative."));
      if (self->budget_fen > MAX_AMOUNT_FEN)
        return fail (error, field, _("The budget is too large."));
      return TRUE;
    case COUNCIL_PROJECT_FIELD_PLANNED_BENEFICIARIES:
      return check_count (self->planned_beneficiaries, field, error);
    case COUNCIL_PROJECT_FIELD_ACTUAL_BENEFICIARIES:
      return check_count (self->actual_beneficiaries, field, error);
    case COUNCIL_PROJECT_FIELD_DESCRIPTION:
      if (g_utf8_strlen (self->description, -1) > MAX_TEXT_CHARS)
        return fail (error, field, _("The description is too long (at most 10,000 characters)."));
      return TRUE;
    case COUNCIL_PROJECT_FIELD_MILESTONES:
      return check_milestones (self, error);
    case COUNCIL_PROJECT_FIELD_FUNDS:
      return check_funds (self, error);
    case COUNCIL_PROJECT_FIELD_INTEGRATED_INTO:
      if (self->integrated_into != 0 && self->integrated_into == self->id)
        return fail (error, field, _("A project cannot be integrated into itself."));
      if (self->integrated_into != 0 && !self->is_brand)
        return fail (error, field, _("This project is part of an integrated brand, so it stays a brand project; take it out of the brand first."));
      return TRUE;
    case COUNCIL_PROJECT_FIELD_NONE:
    case COUNCIL_PROJECT_N_FIELDS:
    default:
      return TRUE;
    }
}

gboolean
council_project_validate (CouncilProject *self, GError **error)
{
  for (int f = COUNCIL_PROJECT_FIELD_NONE + 1; f < COUNCIL_PROJECT_N_FIELDS; f++)
    if (!council_project_check_field (self, (CouncilProjectField) f, error))
      return FALSE;
  return TRUE;
}
