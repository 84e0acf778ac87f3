/* council-roster-import.c: plans a roster import row by row, then writes it as one change.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-import"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "council-csv.h"
#include "council-history-entry.h"
#include "council-import-journal.h"
#include "council-roster-import.h"

/* A roster saved by hand is small; anything this large is the wrong file. */
#define MAX_FILE_SIZE (64 * 1024 * 1024)

typedef struct
{
  CouncilImportRowKind kind;
  guint line;
  char *name;
  char *message;
  CouncilOrganization *org;   /* what would be written (added and changed rows) */
} ImportRow;

struct _CouncilRosterImport
{
  GObject parent_instance;

  char *encoding;
  char *file_name;
  GArray *rows;               /* ImportRow */
  guint counts[COUNCIL_IMPORT_ROW_REJECTED + 1];
};

G_DEFINE_FINAL_TYPE (CouncilRosterImport, council_roster_import, G_TYPE_OBJECT)

static void
import_row_clear (gpointer data)
{
  ImportRow *row = data;

  g_free (row->name);
  g_free (row->message);
  g_clear_object (&row->org);
}

static void
council_roster_import_finalize (GObject *object)
{
  CouncilRosterImport *self = COUNCIL_ROSTER_IMPORT (object);

  g_free (self->encoding);
  g_free (self->file_name);
  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (council_roster_import_parent_class)->finalize (object);
}

static void
council_roster_import_class_init (CouncilRosterImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = council_roster_import_finalize;
}

static void
council_roster_import_init (CouncilRosterImport *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (ImportRow));
  g_array_set_clear_func (self->rows, import_row_clear);
}

/* ---- normalising what spreadsheets write ---- */

/* Full-width digits and the ideographic space come from Chinese input methods;
 * with ascii_too every full-width ASCII form (－, ＠, （) becomes ASCII, which
 * is right for numbers, phones and email but not for names. */
static char *
normalize_cell (const char *text, gboolean ascii_too)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x3000)
        c = ' ';
      else if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);
      else if (ascii_too && c >= 0xFF01 && c <= 0xFF5E)
        c = c - 0xFF01 + '!';
      g_string_append_unichar (out, c);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* A header or choice word compared loosely: case, spaces, "_", "-", "*" and
 * brackets do not matter. With cut_brackets a trailing unit such as
 * "编制数（人）" is dropped. */
static char *
normalize_key (const char *text, gboolean cut_brackets)
{
  g_autofree char *cell = normalize_cell (text, TRUE);
  g_autofree char *folded = g_utf8_casefold (cell, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (cut_brackets && (c == '(' || c == '['))
        break;
      if (g_unichar_isspace (c) || strchr ("_-*()[]/.", (int) (c < 0x80 ? c : 'x')) != NULL ||
          c == 0x3001 /* 、 */)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  CouncilOrgField field;
  const char *names;   /* separated by "|" */
} HeaderSynonyms;

static const HeaderSynonyms header_synonyms[] = {
  { COUNCIL_ORG_FIELD_NAME_ZH, "单位名称|名称|中文名称|中文名|单位|成员单位|组织名称|name|name_zh|Chinese name|name (Chinese)|organization|organization name" },
  { COUNCIL_ORG_FIELD_NAME_EN, "英文名称|英文名|English name|name_en|name (English)" },
  { COUNCIL_ORG_FIELD_SHORT_NAME, "简称|单位简称|short name|short_name|abbreviation" },
  { COUNCIL_ORG_FIELD_CATEGORY, "类别|类型|分类|category|type" },
  { COUNCIL_ORG_FIELD_COUNCIL_ROLE, "理事会职务|理事会角色|理事会职位|职务|角色|council role|council_role|role" },
  { COUNCIL_ORG_FIELD_CONTACT_PERSON, "联系人|contact person|contact_person|contact" },
  { COUNCIL_ORG_FIELD_PHONE, "电话|联系电话|电话号码|手机|phone|telephone|tel" },
  { COUNCIL_ORG_FIELD_EMAIL, "邮箱|电子邮箱|电子邮件|邮件|email|e-mail|mail" },
  { COUNCIL_ORG_FIELD_ADDRESS, "地址|办公地址|通讯地址|address" },
  { COUNCIL_ORG_FIELD_POSTS_ESTABLISHED, "编制|编制数|编制人数|establishment posts|posts established|posts_established|establishment" },
  { COUNCIL_ORG_FIELD_STAFF_IN_POST, "在岗|在岗人数|实有人数|staff in post|staff_in_post|staff" },
  { COUNCIL_ORG_FIELD_SECONDED_OUT, "抽调|抽调人数|借调|借调人数|seconded out|seconded_out|seconded" },
  { COUNCIL_ORG_FIELD_PART_TIME, "兼职|兼职人数|part-time|part time|part_time" },
  { COUNCIL_ORG_FIELD_COVERAGE, "基层覆盖|覆盖层级|覆盖|基层覆盖层级|coverage|grassroots coverage" },
  { COUNCIL_ORG_FIELD_NOTES, "备注|说明|notes|note|remarks" },
  { COUNCIL_ORG_FIELD_LIAISON_OFFICERS, "联络员|liaison officers|liaison officer|liaison_officers|liaison" },
};

static gboolean
key_in_list (const char *key, const char *names, gboolean cut_brackets)
{
  g_auto(GStrv) list = g_strsplit (names, "|", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *candidate = normalize_key (list[i], cut_brackets);
      if (g_str_equal (candidate, key))
        return TRUE;
    }
  return FALSE;
}

static CouncilOrgField
field_for_header (const char *header)
{
  for (int cut = 0; cut < 2; cut++)
    {
      g_autofree char *key = normalize_key (header, cut != 0);

      if (*key == '\0')
        return COUNCIL_ORG_FIELD_NONE;
      for (guint i = 0; i < G_N_ELEMENTS (header_synonyms); i++)
        if (key_in_list (key, header_synonyms[i].names, FALSE))
          return header_synonyms[i].field;
    }
  return COUNCIL_ORG_FIELD_NONE;
}

static const char *
field_column (CouncilOrgField field)
{
  static const char *columns[COUNCIL_ORG_N_FIELDS] = {
    [COUNCIL_ORG_FIELD_NAME_ZH] = "name_zh",
    [COUNCIL_ORG_FIELD_NAME_EN] = "name_en",
    [COUNCIL_ORG_FIELD_SHORT_NAME] = "short_name",
    [COUNCIL_ORG_FIELD_CATEGORY] = "category",
    [COUNCIL_ORG_FIELD_COUNCIL_ROLE] = "council_role",
    [COUNCIL_ORG_FIELD_CONTACT_PERSON] = "contact_person",
    [COUNCIL_ORG_FIELD_PHONE] = "phone",
    [COUNCIL_ORG_FIELD_EMAIL] = "email",
    [COUNCIL_ORG_FIELD_ADDRESS] = "address",
    [COUNCIL_ORG_FIELD_POSTS_ESTABLISHED] = "posts_established",
    [COUNCIL_ORG_FIELD_STAFF_IN_POST] = "staff_in_post",
    [COUNCIL_ORG_FIELD_SECONDED_OUT] = "seconded_out",
    [COUNCIL_ORG_FIELD_PART_TIME] = "part_time",
    [COUNCIL_ORG_FIELD_COVERAGE] = "coverage",
    [COUNCIL_ORG_FIELD_NOTES] = "notes",
  };

  if (field > COUNCIL_ORG_FIELD_NONE && field < COUNCIL_ORG_N_FIELDS && columns[field] != NULL)
    return columns[field];
  return NULL;
}

static const char *
field_label (CouncilOrgField field)
{
  if (field == COUNCIL_ORG_FIELD_LIAISON_OFFICERS)
    return _("Liaison officers");
  if (field_column (field) == NULL)
    return "";
  return council_column_label ("organization", field_column (field));
}

/* ---- choices ---- */

static gboolean
parse_category (const char *text, CouncilCategory *out)
{
  g_autofree char *key = normalize_key (text, FALSE);

  for (int v = COUNCIL_CATEGORY_HUB; v <= COUNCIL_CATEGORY_OTHER; v++)
    {
      g_autofree char *label = normalize_key (council_category_label (v), FALSE);
      const char *words = v == COUNCIL_CATEGORY_HUB
        ? "枢纽型|枢纽|枢纽型组织|枢纽型群团组织|hub|hub organization"
        : "其他|其它|其他组织|其他群团组织|other|other organization";

      if (g_str_equal (key, label) || key_in_list (key, words, FALSE))
        {
          *out = (CouncilCategory) v;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
parse_role (const char *text, CouncilRole *out)
{
  g_autofree char *key = normalize_key (text, FALSE);

  for (int v = COUNCIL_ROLE_CHAIR; v <= COUNCIL_ROLE_MEMBER; v++)
    {
      g_autofree char *label = normalize_key (council_role_label (v), FALSE);
      const char *words =
        v == COUNCIL_ROLE_CHAIR ? "理事长单位|理事长|chair|chair unit" :
        v == COUNCIL_ROLE_VICE_CHAIR ? "副理事长单位|副理事长|vice-chair|vice_chair|vice chair|vice-chair unit" :
        "理事单位|理事|成员单位|member|member unit";

      if (g_str_equal (key, label) || key_in_list (key, words, FALSE))
        {
          *out = (CouncilRole) v;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
parse_coverage (const char *text, CouncilCoverage *out)
{
  g_autofree char *key = normalize_key (text, FALSE);

  for (int v = COUNCIL_COVERAGE_DISTRICT; v <= COUNCIL_COVERAGE_VILLAGE; v++)
    {
      g_autofree char *label = normalize_key (council_coverage_label (v), FALSE);
      const char *words =
        v == COUNCIL_COVERAGE_DISTRICT ? "区级|区|仅区级|district|district only|district level" :
        v == COUNCIL_COVERAGE_TOWNSHIP ? "镇街|乡镇街道|镇（街道）|乡镇（街道）|镇街级|township|township and street|township-street" :
        "村社区|村（社区）|村居|村社区级|village|village and community|village-community";

      if (g_str_equal (key, label) || key_in_list (key, words, FALSE))
        {
          *out = (CouncilCoverage) v;
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- one row ---- */

static gboolean
parse_count (CouncilOrgField field, const char *cell, int *out, GError **error)
{
  g_autofree char *text = normalize_cell (cell, TRUE);
  gint64 value = 0;

  /* An empty count is zero, as an empty spreadsheet cell sums to zero. */
  if (*text == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &value, NULL))
    {
      g_set_error (error, COUNCIL_VALIDATION_ERROR, field,
                   _("%s: “%s” is not a whole number."), field_label (field), cell);
      return FALSE;
    }
  *out = (int) value;
  return TRUE;
}

/* "姓名|部门|电话; 姓名|部门|电话", also with full-width separators or one
 * officer per line. */
static gboolean
parse_liaison_officers (const char *cell, GListStore *officers, GError **error)
{
  g_autofree char *text = normalize_cell (cell, FALSE);
  g_autoptr(GString) unified = g_string_new (NULL);
  g_auto(GStrv) entries = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0xFF1B /* ； */ || c == '\n')
        c = ';';
      else if (c == 0xFF5C /* ｜ */)
        c = '|';
      g_string_append_unichar (unified, c);
    }

  g_list_store_remove_all (officers);
  entries = g_strsplit (unified->str, ";", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *phone = NULL;
      g_autoptr(CouncilLiaisonOfficer) lo = NULL;
      guint n;

      g_strstrip (entries[i]);
      if (*entries[i] == '\0')
        continue;
      parts = g_strsplit (entries[i], "|", -1);
      n = g_strv_length (parts);
      if (n > 3)
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ORG_FIELD_LIAISON_OFFICERS,
                       _("%s: “%s” should be written as “name|department|phone”."),
                       field_label (COUNCIL_ORG_FIELD_LIAISON_OFFICERS), entries[i]);
          return FALSE;
        }
      phone = normalize_cell (n > 2 ? parts[2] : "", TRUE);
      lo = council_liaison_officer_new (g_strstrip (parts[0]), n > 1 ? g_strstrip (parts[1]) : "", phone);
      g_list_store_append (officers, lo);
    }
  return TRUE;
}

static gboolean
apply_cell (CouncilOrganization *org, CouncilOrgField field, const char *raw, GError **error)
{
  g_autofree char *text = normalize_cell (raw, FALSE);
  g_autofree char *ascii = normalize_cell (raw, TRUE);
  int count = 0;

  switch (field)
    {
    case COUNCIL_ORG_FIELD_NAME_ZH:
    case COUNCIL_ORG_FIELD_NAME_EN:
      /* An empty name cell does not erase a name the roster already has. */
      if (*text == '\0')
        return TRUE;
      if (field == COUNCIL_ORG_FIELD_NAME_ZH)
        council_organization_set_name_zh (org, text);
      else
        council_organization_set_name_en (org, text);
      return TRUE;
    case COUNCIL_ORG_FIELD_SHORT_NAME:
      council_organization_set_short_name (org, text);
      return TRUE;
    case COUNCIL_ORG_FIELD_CONTACT_PERSON:
      council_organization_set_contact_person (org, text);
      return TRUE;
    case COUNCIL_ORG_FIELD_ADDRESS:
      council_organization_set_address (org, text);
      return TRUE;
    case COUNCIL_ORG_FIELD_PHONE:
      council_organization_set_phone (org, ascii);
      return TRUE;
    case COUNCIL_ORG_FIELD_EMAIL:
      council_organization_set_email (org, ascii);
      return TRUE;
    case COUNCIL_ORG_FIELD_NOTES:
      council_organization_set_notes (org, text);
      return TRUE;
    case COUNCIL_ORG_FIELD_CATEGORY:
      {
        CouncilCategory v;
        if (*text == '\0')
          return TRUE;  /* a choice left empty keeps what is there */
        if (!parse_category (text, &v))
          {
            g_set_error (error, COUNCIL_VALIDATION_ERROR, field,
                         _("%s: “%s” is not a category; use 枢纽型 (hub) or 其他 (other)."),
                         field_label (field), text);
            return FALSE;
          }
        council_organization_set_category (org, v);
        return TRUE;
      }
    case COUNCIL_ORG_FIELD_COUNCIL_ROLE:
      {
        CouncilRole v;
        if (*text == '\0')
          return TRUE;
        if (!parse_role (text, &v))
          {
            g_set_error (error, COUNCIL_VALIDATION_ERROR, field,
                         _("%s: “%s” is not a council role; use 理事长单位 (chair), 副理事长单位 (vice-chair) or 理事单位 (member)."),
                         field_label (field), text);
            return FALSE;
          }
        council_organization_set_council_role (org, v);
        return TRUE;
      }
    case COUNCIL_ORG_FIELD_COVERAGE:
      {
        CouncilCoverage v;
        if (*text == '\0')
          return TRUE;
        if (!parse_coverage (text, &v))
          {
            g_set_error (error, COUNCIL_VALIDATION_ERROR, field,
                         _("%s: “%s” is not a coverage level; use 区级 (district), 镇街 (township) or 村社区 (village)."),
                         field_label (field), text);
            return FALSE;
          }
        council_organization_set_coverage (org, v);
        return TRUE;
      }
    case COUNCIL_ORG_FIELD_POSTS_ESTABLISHED:
    case COUNCIL_ORG_FIELD_STAFF_IN_POST:
    case COUNCIL_ORG_FIELD_SECONDED_OUT:
    case COUNCIL_ORG_FIELD_PART_TIME:
      if (!parse_count (field, raw, &count, error))
        return FALSE;
      if (field == COUNCIL_ORG_FIELD_POSTS_ESTABLISHED)
        council_organization_set_posts_established (org, count);
      else if (field == COUNCIL_ORG_FIELD_STAFF_IN_POST)
        council_organization_set_staff_in_post (org, count);
      else if (field == COUNCIL_ORG_FIELD_SECONDED_OUT)
        council_organization_set_seconded_out (org, count);
      else
        council_organization_set_part_time (org, count);
      return TRUE;
    case COUNCIL_ORG_FIELD_LIAISON_OFFICERS:
      return parse_liaison_officers (raw, council_organization_get_liaison_officers (org), error);
    case COUNCIL_ORG_FIELD_NONE:
    case COUNCIL_ORG_N_FIELDS:
    default:
      return TRUE;
    }
}

/* ---- describing a change ---- */

static char *
officers_text (CouncilOrganization *org)
{
  GListModel *model = G_LIST_MODEL (council_organization_get_liaison_officers (org));
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CouncilLiaisonOfficer) lo = g_list_model_get_item (model, i);
      if (i > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s|%s|%s", council_liaison_officer_get_name (lo),
                              council_liaison_officer_get_department (lo),
                              council_liaison_officer_get_phone (lo));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
field_value_text (CouncilOrganization *org, CouncilOrgField field)
{
  switch (field)
    {
    case COUNCIL_ORG_FIELD_NAME_ZH: return g_strdup (council_organization_get_name_zh (org));
    case COUNCIL_ORG_FIELD_NAME_EN: return g_strdup (council_organization_get_name_en (org));
    case COUNCIL_ORG_FIELD_SHORT_NAME: return g_strdup (council_organization_get_short_name (org));
    case COUNCIL_ORG_FIELD_CATEGORY: return g_strdup (council_category_label (council_organization_get_category (org)));
    case COUNCIL_ORG_FIELD_COUNCIL_ROLE: return g_strdup (council_role_label (council_organization_get_council_role (org)));
    case COUNCIL_ORG_FIELD_CONTACT_PERSON: return g_strdup (council_organization_get_contact_person (org));
    case COUNCIL_ORG_FIELD_PHONE: return g_strdup (council_organization_get_phone (org));
    case COUNCIL_ORG_FIELD_EMAIL: return g_strdup (council_organization_get_email (org));
    case COUNCIL_ORG_FIELD_ADDRESS: return g_strdup (council_organization_get_address (org));
    case COUNCIL_ORG_FIELD_POSTS_ESTABLISHED: return g_strdup_printf ("%d", council_organization_get_posts_established (org));
    case COUNCIL_ORG_FIELD_STAFF_IN_POST: return g_strdup_printf ("%d", council_organization_get_staff_in_post (org));
    case COUNCIL_ORG_FIELD_SECONDED_OUT: return g_strdup_printf ("%d", council_organization_get_seconded_out (org));
    case COUNCIL_ORG_FIELD_PART_TIME: return g_strdup_printf ("%d", council_organization_get_part_time (org));
    case COUNCIL_ORG_FIELD_COVERAGE: return g_strdup (council_coverage_label (council_organization_get_coverage (org)));
    case COUNCIL_ORG_FIELD_NOTES: return g_strdup (council_organization_get_notes (org));
    case COUNCIL_ORG_FIELD_LIAISON_OFFICERS: return officers_text (org);
    case COUNCIL_ORG_FIELD_NONE:
    case COUNCIL_ORG_N_FIELDS:
    default:
      return g_strdup ("");
    }
}

/* "Phone: 023-1 → 023-2; Staff in post: 3 → 4", or NULL when nothing differs. */
static char *
describe_changes (CouncilOrganization *before, CouncilOrganization *after)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (int f = COUNCIL_ORG_FIELD_NAME_ZH; f < COUNCIL_ORG_N_FIELDS; f++)
    {
      g_autofree char *old = field_value_text (before, (CouncilOrgField) f);
      g_autofree char *new = field_value_text (after, (CouncilOrgField) f);

      if (g_str_equal (old, new))
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s: %s → %s", field_label ((CouncilOrgField) f),
                              *old ? old : _("(empty)"), *new ? new : _("(empty)"));
    }
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- planning ---- */

typedef struct
{
  CouncilStore *store;
  CouncilOrgField *fields;    /* per column */
  guint n_fields;
  GHashTable *seen_names;     /* casefolded name -> line */
  GHashTable *seen_ids;       /* gint64* -> line */
} Planner;

static void
add_row (CouncilRosterImport *self, CouncilImportRowKind kind, guint line, const char *name,
         char *message, CouncilOrganization *org)
{
  ImportRow row = { kind, line, g_strdup (name), message, org ? g_object_ref (org) : NULL };

  g_array_append_val (self->rows, row);
  self->counts[kind]++;
}

static const char *
cell_for (Planner *planner, CouncilCsvRecord *record, CouncilOrgField field)
{
  for (guint c = 0; c < planner->n_fields && c < record->fields->len; c++)
    if (planner->fields[c] == field)
      return g_ptr_array_index (record->fields, c);
  return NULL;
}

static gboolean
record_is_empty (CouncilCsvRecord *record)
{
  for (guint c = 0; c < record->fields->len; c++)
    {
      g_autofree char *text = normalize_cell (g_ptr_array_index (record->fields, c), FALSE);
      if (*text != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Another row of the same file already names this organization. */
static gboolean
check_seen (Planner *planner, CouncilOrganization *org, guint line, GError **error)
{
  const char *names[] = { council_organization_get_name_zh (org), council_organization_get_name_en (org) };
  gint64 id = council_organization_get_id (org);
  guint other = 0;

  if (id != 0)
    other = GPOINTER_TO_UINT (g_hash_table_lookup (planner->seen_ids, &id));
  for (guint i = 0; other == 0 && i < G_N_ELEMENTS (names); i++)
    if (*names[i] != '\0')
      {
        g_autofree char *key = g_utf8_casefold (names[i], -1);
        other = GPOINTER_TO_UINT (g_hash_table_lookup (planner->seen_names, key));
      }
  if (other != 0)
    {
      g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ORG_FIELD_NONE,
                   _("“%s” is already on row %u of this file."),
                   council_organization_get_display_name (org), other);
      return FALSE;
    }
  if (id != 0)
    g_hash_table_insert (planner->seen_ids, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (line));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (*names[i] != '\0')
      g_hash_table_insert (planner->seen_names, g_utf8_casefold (names[i], -1), GUINT_TO_POINTER (line));
  return TRUE;
}

static char *
prefixed_message (const GError *error)
{
  const char *label;

  /* Parsing errors already name their column; validation errors get it here. */
  if (error->domain != COUNCIL_VALIDATION_ERROR || error->code == COUNCIL_ORG_FIELD_NONE)
    return g_strdup (error->message);
  label = field_label ((CouncilOrgField) error->code);
  if (*label == '\0' || g_str_has_prefix (error->message, label))
    return g_strdup (error->message);
  return g_strdup_printf ("%s: %s", label, error->message);
}

static gboolean
plan_record (CouncilRosterImport *self, Planner *planner, CouncilCsvRecord *record, GError **error)
{
  static const CouncilOrgField key_fields[] = {
    COUNCIL_ORG_FIELD_NAME_ZH, COUNCIL_ORG_FIELD_NAME_EN, COUNCIL_ORG_FIELD_SHORT_NAME
  };
  g_autoptr(CouncilOrganization) before = NULL;
  g_autoptr(CouncilOrganization) org = NULL;
  g_autoptr(GError) problem = NULL;
  g_autofree char *shown_name = NULL;
  gint64 id = 0;

  if (record_is_empty (record))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (key_fields) && id == 0; i++)
    {
      const char *cell = cell_for (planner, record, key_fields[i]);
      g_autofree char *name = cell ? normalize_cell (cell, FALSE) : NULL;

      if (name == NULL || *name == '\0')
        continue;
      if (shown_name == NULL)
        shown_name = g_strdup (name);
      id = council_store_find_organization_by_name (planner->store, name, error);
      if (id < 0)
        return FALSE;
    }

  if (id > 0)
    {
      before = council_store_get_organization (planner->store, id, error);
      if (before == NULL)
        return FALSE;
      org = council_organization_copy (before);
    }
  else
    org = council_organization_new ();

  if (shown_name == NULL)
    {
      add_row (self, COUNCIL_IMPORT_ROW_REJECTED, record->line, "",
               g_strdup (_("The row has no organization name.")), NULL);
      return TRUE;
    }

  for (guint c = 0; c < planner->n_fields && c < record->fields->len && problem == NULL; c++)
    if (planner->fields[c] != COUNCIL_ORG_FIELD_NONE)
      apply_cell (org, planner->fields[c], g_ptr_array_index (record->fields, c), &problem);

  if (problem == NULL)
    council_organization_validate (org, &problem);
  if (problem == NULL)
    check_seen (planner, org, record->line, &problem);
  if (problem == NULL)
    council_store_check_organization_names (planner->store, org, &problem);

  if (problem != NULL)
    {
      if (problem->domain == COUNCIL_STORE_ERROR)
        {
          /* The database failed, not the row. */
          g_propagate_error (error, g_steal_pointer (&problem));
          return FALSE;
        }
      add_row (self, COUNCIL_IMPORT_ROW_REJECTED, record->line, shown_name,
               prefixed_message (problem), NULL);
      return TRUE;
    }

  if (before == NULL)
    add_row (self, COUNCIL_IMPORT_ROW_ADDED, record->line,
             council_organization_get_display_name (org), g_strdup (_("New organization")), org);
  else
    {
      char *changes = describe_changes (before, org);
      if (changes == NULL)
        add_row (self, COUNCIL_IMPORT_ROW_UNCHANGED, record->line,
                 council_organization_get_display_name (org), g_strdup (""), NULL);
      else
        add_row (self, COUNCIL_IMPORT_ROW_CHANGED, record->line,
                 council_organization_get_display_name (org), changes, org);
    }
  return TRUE;
}

static char *
accepted_name_headers (void)
{
  g_autofree char *zh = g_strdup (header_synonyms[0].names);
  g_autofree char *en = g_strdup (header_synonyms[1].names);
  g_strdelimit (zh, "|", '/');
  g_strdelimit (en, "|", '/');
  return g_strdup_printf ("%s/%s", zh, en);
}

CouncilRosterImport *
council_roster_import_prepare_data (CouncilStore *store, const char *data, gsize length, GError **error)
{
  g_autoptr(CouncilRosterImport) self = NULL;
  g_autoptr(CouncilCsv) csv = NULL;
  g_autofree CouncilOrgField *fields = NULL;
  CouncilCsvRecord *header;
  Planner planner = { 0 };
  gboolean has_name = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (COUNCIL_IS_STORE (store), NULL);

  csv = council_csv_parse (data, length, error);
  if (csv == NULL)
    return NULL;

  header = g_ptr_array_index (csv->records, 0);
  fields = g_new0 (CouncilOrgField, header->fields->len);
  for (guint c = 0; c < header->fields->len; c++)
    {
      CouncilOrgField field = field_for_header (g_ptr_array_index (header->fields, c));

      /* A column named twice: the first one counts. */
      for (guint d = 0; d < c; d++)
        if (fields[d] == field)
          field = COUNCIL_ORG_FIELD_NONE;
      fields[c] = field;
      has_name |= field == COUNCIL_ORG_FIELD_NAME_ZH || field == COUNCIL_ORG_FIELD_NAME_EN;
    }
  if (!has_name)
    {
      g_autofree char *accepted = accepted_name_headers ();
      g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ORG_FIELD_NAME_ZH,
                   _("Line %u: no column holds the organization name. The first row must name the columns; accepted names for it are: %s."),
                   header->line, accepted);
      return NULL;
    }

  self = g_object_new (COUNCIL_TYPE_ROSTER_IMPORT, NULL);
  self->encoding = g_strdup (csv->encoding);
  planner.store = store;
  planner.fields = fields;
  planner.n_fields = header->fields->len;
  planner.seen_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  planner.seen_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint r = 1; r < csv->records->len && ok; r++)
    ok = plan_record (self, &planner, g_ptr_array_index (csv->records, r), error);
  g_hash_table_unref (planner.seen_names);
  g_hash_table_unref (planner.seen_ids);
  if (!ok)
    return NULL;
  return g_steal_pointer (&self);
}

CouncilRosterImport *
council_roster_import_prepare (CouncilStore *store, const char *path, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  CouncilRosterImport *self;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) == 0 && st.st_size > MAX_FILE_SIZE)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("%s is too large to be a roster (over 64 MB)."), path);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, local->domain, local->code, _("Could not read the roster: %s"), local->message);
      return NULL;
    }
  self = council_roster_import_prepare_data (store, contents, length, error);
  if (self != NULL)
    self->file_name = g_path_get_basename (path);
  return self;
}

const char *
council_roster_import_get_encoding (CouncilRosterImport *self)
{
  return self->encoding;
}

guint
council_roster_import_get_n_rows (CouncilRosterImport *self)
{
  return self->rows->len;
}

guint
council_roster_import_count (CouncilRosterImport *self, CouncilImportRowKind kind)
{
  g_return_val_if_fail (kind <= COUNCIL_IMPORT_ROW_REJECTED, 0);
  return self->counts[kind];
}

static ImportRow *
get_row (CouncilRosterImport *self, guint row)
{
  g_return_val_if_fail (row < self->rows->len, NULL);
  return &g_array_index (self->rows, ImportRow, row);
}

CouncilImportRowKind
council_roster_import_get_row_kind (CouncilRosterImport *self, guint row)
{
  ImportRow *r = get_row (self, row);
  return r ? r->kind : COUNCIL_IMPORT_ROW_REJECTED;
}

guint
council_roster_import_get_row_line (CouncilRosterImport *self, guint row)
{
  ImportRow *r = get_row (self, row);
  return r ? r->line : 0;
}

const char *
council_roster_import_get_row_name (CouncilRosterImport *self, guint row)
{
  ImportRow *r = get_row (self, row);
  return r ? r->name : "";
}

const char *
council_roster_import_get_row_message (CouncilRosterImport *self, guint row)
{
  ImportRow *r = get_row (self, row);
  return r ? r->message : "";
}

gboolean
council_roster_import_apply (CouncilRosterImport *self, CouncilStore *store, GError **error)
{
  g_autoptr(GPtrArray) orgs = g_ptr_array_new ();
  g_autofree char *summary = NULL;

  g_return_val_if_fail (COUNCIL_IS_ROSTER_IMPORT (self), FALSE);
  g_return_val_if_fail (COUNCIL_IS_STORE (store), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      ImportRow *row = get_row (self, i);

      if (row->kind == COUNCIL_IMPORT_ROW_REJECTED)
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ORG_FIELD_NONE,
                       _("Row %u: %s Nothing was imported."), row->line, row->message);
          return FALSE;
        }
      if (row->org != NULL)
        g_ptr_array_add (orgs, row->org);
    }
  if (orgs->len == 0)
    return TRUE;

  summary = g_strdup_printf (_("Import roster from %s (%u added, %u changed)"),
                             self->file_name ? self->file_name : _("a file"),
                             self->counts[COUNCIL_IMPORT_ROW_ADDED],
                             self->counts[COUNCIL_IMPORT_ROW_CHANGED]);
  {
    const char *paths[] = { self->file_name ? self->file_name : _("a file"), NULL };
    CouncilImportJournal *journal = council_import_journal_begin (store, COUNCIL_IMPORT_JOURNAL_ROSTER, paths);
    gboolean ok = council_store_save_organizations (store, orgs, summary, COUNCIL_STORE_SAVE_DEFAULT, error);

    council_import_journal_end (journal);
    return ok;
  }
}
