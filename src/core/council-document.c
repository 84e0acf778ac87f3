/* council-document.c: the policy document record and its validation.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-document"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "council-docnumber.h"
#include "council-document.h"
#include "council-organization.h"

G_DEFINE_QUARK (council-document-error-quark, council_document_error)

#define MAX_TITLE_CHARS 300
#define MAX_BODY_CHARS 120
#define MAX_TAGS_CHARS 500

static const char * const kind_names[COUNCIL_DOCUMENT_N_KINDS] = {
  "notice", "opinion", "plan", "measures", "other",
};
static const char * const kind_labels[COUNCIL_DOCUMENT_N_KINDS] = {
  N_("Notice"), N_("Opinion"), N_("Plan"), N_("Measures"), N_("Other"),
};
static const char * const link_names[COUNCIL_LINK_N_TARGETS] = {
  "organization", "project", "meeting", "indicator",
};

const char *
council_document_kind_to_string (CouncilDocumentKind kind)
{
  g_return_val_if_fail (kind < COUNCIL_DOCUMENT_N_KINDS, "other");
  return kind_names[kind];
}

gboolean
council_document_kind_from_string (const char *text, CouncilDocumentKind *out)
{
  for (guint i = 0; i < COUNCIL_DOCUMENT_N_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *out = (CouncilDocumentKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
council_document_kind_label (CouncilDocumentKind kind)
{
  g_return_val_if_fail (kind < COUNCIL_DOCUMENT_N_KINDS, "");
  return _(kind_labels[kind]);
}

CouncilDocumentKind
council_document_kind_from_title (const char *title)
{
  static const struct { const char *suffix; CouncilDocumentKind kind; } suffixes[] = {
    { "通知", COUNCIL_DOCUMENT_KIND_NOTICE },
    { "意见", COUNCIL_DOCUMENT_KIND_OPINION },
    { "方案", COUNCIL_DOCUMENT_KIND_PLAN },
    { "办法", COUNCIL_DOCUMENT_KIND_MEASURES },
  };
  g_autofree char *trimmed = g_strstrip (g_strdup (title ? title : ""));

  /* "…的通知", also "…的实施意见（试行）": look at the end, before a bracketed note. */
  for (char *p = strstr (trimmed, "（"); p != NULL; p = strstr (p + 1, "（"))
    if (g_str_has_suffix (p, "）"))
      {
        *p = '\0';
        break;
      }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (trimmed, suffixes[i].suffix))
      return suffixes[i].kind;
  return COUNCIL_DOCUMENT_KIND_OTHER;
}

const char *
council_link_target_to_string (CouncilLinkTarget target)
{
  g_return_val_if_fail (target < COUNCIL_LINK_N_TARGETS, "organization");
  return link_names[target];
}

gboolean
council_link_target_from_string (const char *text, CouncilLinkTarget *out)
{
  for (guint i = 0; i < COUNCIL_LINK_N_TARGETS; i++)
    if (g_strcmp0 (text, link_names[i]) == 0)
      {
        *out = (CouncilLinkTarget) i;
        return TRUE;
      }
  return FALSE;
}

/* ---- CouncilDocument ---- */

struct _CouncilDocument
{
  GObject parent_instance;
  gint64 id;
  gint64 version;
  char *title;
  char *issuing_body;
  char *doc_number;
  char *issue_date;
  CouncilDocumentKind kind;
  char *tags;
  guint page_count;
  char *sha256;
  gint64 size;
  char *imported_at;
  char *imported_by;
};

G_DEFINE_FINAL_TYPE (CouncilDocument, council_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_ISSUING_BODY,
  PROP_DOC_NUMBER,
  PROP_ISSUE_DATE,
  PROP_KIND_LABEL,
  PROP_TAGS,
  PROP_PAGE_COUNT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
council_document_finalize (GObject *object)
{
  CouncilDocument *self = COUNCIL_DOCUMENT (object);

  g_free (self->title);
  g_free (self->issuing_body);
  g_free (self->doc_number);
  g_free (self->issue_date);
  g_free (self->tags);
  g_free (self->sha256);
  g_free (self->imported_at);
  g_free (self->imported_by);
  G_OBJECT_CLASS (council_document_parent_class)->finalize (object);
}

static void
council_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilDocument *self = COUNCIL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_ISSUING_BODY: g_value_set_string (value, self->issuing_body); break;
    case PROP_DOC_NUMBER: g_value_set_string (value, self->doc_number); break;
    case PROP_ISSUE_DATE: g_value_set_string (value, self->issue_date); break;
    case PROP_KIND_LABEL: g_value_set_string (value, council_document_kind_label (self->kind)); break;
    case PROP_TAGS: g_value_set_string (value, self->tags); break;
    case PROP_PAGE_COUNT: g_value_set_uint (value, self->page_count); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_document_class_init (CouncilDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = council_document_finalize;
  object_class->get_property = council_document_get_property;

  /* Read-only properties for list columns and expressions; set through the setters. */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", ro);
  properties[PROP_ISSUING_BODY] = g_param_spec_string ("issuing-body", NULL, NULL, "", ro);
  properties[PROP_DOC_NUMBER] = g_param_spec_string ("doc-number", NULL, NULL, "", ro);
  properties[PROP_ISSUE_DATE] = g_param_spec_string ("issue-date", NULL, NULL, "", ro);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, "", ro);
  properties[PROP_TAGS] = g_param_spec_string ("tags", NULL, NULL, "", ro);
  properties[PROP_PAGE_COUNT] = g_param_spec_uint ("page-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
council_document_init (CouncilDocument *self)
{
  self->version = 1;
  self->title = g_strdup ("");
  self->issuing_body = g_strdup ("");
  self->doc_number = g_strdup ("");
  self->issue_date = g_strdup ("");
  self->kind = COUNCIL_DOCUMENT_KIND_OTHER;
  self->tags = g_strdup ("");
  self->sha256 = g_strdup ("");
  self->imported_at = g_strdup ("");
  self->imported_by = g_strdup ("");
}

CouncilDocument *
council_document_new (void)
{
  return g_object_new (COUNCIL_TYPE_DOCUMENT, NULL);
}

CouncilDocument *
council_document_copy (CouncilDocument *self)
{
  CouncilDocument *copy = council_document_new ();

  copy->id = self->id;
  copy->version = self->version;
  council_document_set_title (copy, self->title);
  council_document_set_issuing_body (copy, self->issuing_body);
  council_document_set_doc_number (copy, self->doc_number);
  council_document_set_issue_date (copy, self->issue_date);
  copy->kind = self->kind;
  council_document_set_tags (copy, self->tags);
  copy->page_count = self->page_count;
  council_document_set_sha256 (copy, self->sha256);
  copy->size = self->size;
  council_document_set_imported_at (copy, self->imported_at);
  council_document_set_imported_by (copy, self->imported_by);
  return copy;
}

static void
set_text (CouncilDocument *self, char **field, const char *value, int prop)
{
  if (g_strcmp0 (*field, value ? value : "") == 0)
    return;
  g_free (*field);
  *field = g_strdup (value ? value : "");
  if (prop != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

gint64 council_document_get_id (CouncilDocument *self) { return self->id; }
void council_document_set_id (CouncilDocument *self, gint64 id) { self->id = id; }
gint64 council_document_get_version (CouncilDocument *self) { return self->version; }
void council_document_set_version (CouncilDocument *self, gint64 version) { self->version = version; }
const char *council_document_get_title (CouncilDocument *self) { return self->title; }
void council_document_set_title (CouncilDocument *self, const char *v) { set_text (self, &self->title, v, PROP_TITLE); }
const char *council_document_get_issuing_body (CouncilDocument *self) { return self->issuing_body; }
void council_document_set_issuing_body (CouncilDocument *self, const char *v) { set_text (self, &self->issuing_body, v, PROP_ISSUING_BODY); }
const char *council_document_get_doc_number (CouncilDocument *self) { return self->doc_number; }
void council_document_set_doc_number (CouncilDocument *self, const char *v) { set_text (self, &self->doc_number, v, PROP_DOC_NUMBER); }
const char *council_document_get_issue_date (CouncilDocument *self) { return self->issue_date; }
void council_document_set_issue_date (CouncilDocument *self, const char *v) { set_text (self, &self->issue_date, v, PROP_ISSUE_DATE); }
CouncilDocumentKind council_document_get_kind (CouncilDocument *self) { return self->kind; }
const char *council_document_get_tags (CouncilDocument *self) { return self->tags; }
void council_document_set_tags (CouncilDocument *self, const char *v) { set_text (self, &self->tags, v, PROP_TAGS); }
guint council_document_get_page_count (CouncilDocument *self) { return self->page_count; }
const char *council_document_get_sha256 (CouncilDocument *self) { return self->sha256; }
void council_document_set_sha256 (CouncilDocument *self, const char *v) { set_text (self, &self->sha256, v, PROP_0); }
gint64 council_document_get_size (CouncilDocument *self) { return self->size; }
void council_document_set_size (CouncilDocument *self, gint64 size) { self->size = size; }
const char *council_document_get_imported_at (CouncilDocument *self) { return self->imported_at; }
void council_document_set_imported_at (CouncilDocument *self, const char *v) { set_text (self, &self->imported_at, v, PROP_0); }
const char *council_document_get_imported_by (CouncilDocument *self) { return self->imported_by; }
void council_document_set_imported_by (CouncilDocument *self, const char *v) { set_text (self, &self->imported_by, v, PROP_0); }

void
council_document_set_kind (CouncilDocument *self, CouncilDocumentKind kind)
{
  if (kind >= COUNCIL_DOCUMENT_N_KINDS)
    kind = COUNCIL_DOCUMENT_KIND_OTHER;
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_LABEL]);
}

void
council_document_set_page_count (CouncilDocument *self, guint page_count)
{
  if (self->page_count == page_count)
    return;
  self->page_count = page_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_COUNT]);
}

/* Tags are typed with either comma, Chinese or not; stored "a,b,c". */
static char **
split_tags (const char *tags)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *unified = NULL;
  g_auto(GStrv) parts = NULL;
  GString *s = g_string_new (tags ? tags : "");

  g_string_replace (s, "，", ",", 0);
  g_string_replace (s, "、", ",", 0);
  g_string_replace (s, "；", ",", 0);
  g_string_replace (s, ";", ",", 0);
  unified = g_string_free (s, FALSE);
  parts = g_strsplit (unified, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      char *tag = g_strstrip (parts[i]);
      gboolean seen = FALSE;

      if (*tag == '\0')
        continue;
      for (guint j = 0; j < out->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (out, j), tag);
      if (!seen)
        g_ptr_array_add (out, g_strdup (tag));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

char **
council_document_dup_tag_list (CouncilDocument *self)
{
  return split_tags (self->tags);
}

static gboolean
fail (GError **error, CouncilDocumentField field, const char *message)
{
  g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, field, message);
  return FALSE;
}

static gboolean
iso_date_is_valid (const char *text)
{
  g_autoptr(GDate) date = NULL;
  unsigned y, m, d;
  char end;

  if (strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3 ||
      text[4] != '-' || text[7] != '-')
    return FALSE;
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y) && y >= 1949 && y <= 2100;
}

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
council_document_check_field (CouncilDocument *self, CouncilDocumentField field, GError **error)
{
  switch (field)
    {
    case COUNCIL_DOCUMENT_FIELD_TITLE:
      if (text_is_blank (self->title))
        return fail (error, field, _("The title is required."));
      if (g_utf8_strlen (self->title, -1) > MAX_TITLE_CHARS)
        return fail (error, field, _("The title is too long (at most 300 characters)."));
      return TRUE;
    case COUNCIL_DOCUMENT_FIELD_ISSUING_BODY:
      if (g_utf8_strlen (self->issuing_body, -1) > MAX_BODY_CHARS)
        return fail (error, field, _("The issuing body is too long (at most 120 characters)."));
      return TRUE;
    case COUNCIL_DOCUMENT_FIELD_DOC_NUMBER:
      {
        g_autofree char *canonical = council_doc_number_normalize (self->doc_number, field, error);
        return canonical != NULL;
      }
    case COUNCIL_DOCUMENT_FIELD_ISSUE_DATE:
      if (*self->issue_date != '\0' && !iso_date_is_valid (self->issue_date))
        return fail (error, field, _("The issue date should be a real date between 1949 and 2100, written 2026-03-15."));
      return TRUE;
    case COUNCIL_DOCUMENT_FIELD_TAGS:
      if (g_utf8_strlen (self->tags, -1) > MAX_TAGS_CHARS)
        return fail (error, field, _("The tags are too long (at most 500 characters)."));
      return TRUE;
    case COUNCIL_DOCUMENT_FIELD_KIND:
    case COUNCIL_DOCUMENT_FIELD_NONE:
    case COUNCIL_DOCUMENT_N_FIELDS:
    default:
      return TRUE;
    }
}

gboolean
council_document_validate (CouncilDocument *self, GError **error)
{
  g_autofree char *canonical = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *title = NULL;

  for (guint field = COUNCIL_DOCUMENT_FIELD_TITLE; field < COUNCIL_DOCUMENT_N_FIELDS; field++)
    if (!council_document_check_field (self, field, error))
      return FALSE;

  title = g_strstrip (g_strdup (self->title));
  council_document_set_title (self, title);
  canonical = council_doc_number_normalize (self->doc_number, COUNCIL_DOCUMENT_FIELD_DOC_NUMBER, NULL);
  council_document_set_doc_number (self, canonical);
  tags = split_tags (self->tags);
  joined = g_strjoinv (",", tags);
  council_document_set_tags (self, joined);
  return TRUE;
}

/* ---- CouncilDocumentHit ---- */

struct _CouncilDocumentHit
{
  GObject parent_instance;
  gint64 document_id;
  char *title;
  guint page_no;
  char *snippet;
  double rank;
};

G_DEFINE_FINAL_TYPE (CouncilDocumentHit, council_document_hit, G_TYPE_OBJECT)

enum {
  HIT_PROP_0,
  HIT_PROP_TITLE,
  HIT_PROP_PAGE_NO,
  HIT_PROP_SNIPPET,
  HIT_N_PROPS
};
static GParamSpec *hit_properties[HIT_N_PROPS];

static void
council_document_hit_finalize (GObject *object)
{
  CouncilDocumentHit *self = COUNCIL_DOCUMENT_HIT (object);

  g_free (self->title);
  g_free (self->snippet);
  G_OBJECT_CLASS (council_document_hit_parent_class)->finalize (object);
}

static void
council_document_hit_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilDocumentHit *self = COUNCIL_DOCUMENT_HIT (object);

  switch (prop_id)
    {
    case HIT_PROP_TITLE: g_value_set_string (value, self->title); break;
    case HIT_PROP_PAGE_NO: g_value_set_uint (value, self->page_no); break;
    case HIT_PROP_SNIPPET: g_value_set_string (value, self->snippet); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_document_hit_class_init (CouncilDocumentHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = council_document_hit_finalize;
  object_class->get_property = council_document_hit_get_property;
  hit_properties[HIT_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", ro);
  hit_properties[HIT_PROP_PAGE_NO] = g_param_spec_uint ("page-no", NULL, NULL, 0, G_MAXUINT, 0, ro);
  hit_properties[HIT_PROP_SNIPPET] = g_param_spec_string ("snippet", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, HIT_N_PROPS, hit_properties);
}

static void
council_document_hit_init (CouncilDocumentHit *self)
{
}

CouncilDocumentHit *
council_document_hit_new (gint64 document_id, const char *title, guint page_no,
                          const char *snippet, double rank)
{
  CouncilDocumentHit *self = g_object_new (COUNCIL_TYPE_DOCUMENT_HIT, NULL);

  self->document_id = document_id;
  self->title = g_strdup (title ? title : "");
  self->page_no = page_no;
  self->snippet = g_strdup (snippet ? snippet : "");
  self->rank = rank;
  return self;
}

gint64 council_document_hit_get_document_id (CouncilDocumentHit *self) { return self->document_id; }
const char *council_document_hit_get_title (CouncilDocumentHit *self) { return self->title; }
guint council_document_hit_get_page_no (CouncilDocumentHit *self) { return self->page_no; }
const char *council_document_hit_get_snippet (CouncilDocumentHit *self) { return self->snippet; }
double council_document_hit_get_rank (CouncilDocumentHit *self) { return self->rank; }

char *
council_document_hit_dup_snippet_markup (CouncilDocumentHit *self)
{
  g_autofree char *escaped = g_markup_escape_text (self->snippet, -1);
  GString *markup = g_string_new (escaped);

  g_string_replace (markup, COUNCIL_HIT_MARK_START, "<b>", 0);
  g_string_replace (markup, COUNCIL_HIT_MARK_END, "</b>", 0);
  return g_string_free (markup, FALSE);
}
