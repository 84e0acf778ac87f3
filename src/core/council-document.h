/* council-document.h: a policy document (政策文件), a search hit, a link.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define COUNCIL_DOCUMENT_ERROR (council_document_error_quark ())

/* What can go wrong with a PDF that comes from outside; each has a message a
 * person can act on. */
typedef enum
{
  COUNCIL_DOCUMENT_ERROR_ENCRYPTED,     /* needs a password: ask for it */
  COUNCIL_DOCUMENT_ERROR_BAD_PASSWORD,  /* a password was given and is wrong */
  COUNCIL_DOCUMENT_ERROR_DAMAGED,       /* damaged, or not a PDF at all */
  COUNCIL_DOCUMENT_ERROR_TIMEOUT,       /* the reader took too long and was stopped */
  COUNCIL_DOCUMENT_ERROR_DUPLICATE,     /* the same file is already in the library */
  COUNCIL_DOCUMENT_ERROR_EMPTY,         /* a zero-byte file */
  COUNCIL_DOCUMENT_ERROR_FAILED,
} CouncilDocumentError;

/* Validation errors (COUNCIL_VALIDATION_ERROR) carry the field as their code. */
typedef enum
{
  COUNCIL_DOCUMENT_FIELD_NONE,
  COUNCIL_DOCUMENT_FIELD_TITLE,
  COUNCIL_DOCUMENT_FIELD_ISSUING_BODY,
  COUNCIL_DOCUMENT_FIELD_DOC_NUMBER,
  COUNCIL_DOCUMENT_FIELD_ISSUE_DATE,
  COUNCIL_DOCUMENT_FIELD_KIND,
  COUNCIL_DOCUMENT_FIELD_TAGS,
  COUNCIL_DOCUMENT_N_FIELDS
} CouncilDocumentField;

typedef enum
{
  COUNCIL_DOCUMENT_KIND_NOTICE,    /* 通知 */
  COUNCIL_DOCUMENT_KIND_OPINION,   /* 意见 */
  COUNCIL_DOCUMENT_KIND_PLAN,      /* 方案 */
  COUNCIL_DOCUMENT_KIND_MEASURES,  /* 办法 */
  COUNCIL_DOCUMENT_KIND_OTHER,
  COUNCIL_DOCUMENT_N_KINDS
} CouncilDocumentKind;

/* The record types a document can be linked to. */
typedef enum
{
  COUNCIL_LINK_ORGANIZATION,
  COUNCIL_LINK_PROJECT,
  COUNCIL_LINK_MEETING,
  COUNCIL_LINK_INDICATOR,
  COUNCIL_LINK_N_TARGETS
} CouncilLinkTarget;

typedef struct
{
  gint64            document_id;
  CouncilLinkTarget target;
  gint64            target_id;
} CouncilDocumentLink;

GQuark      council_document_error_quark  (void);

const char *council_document_kind_to_string   (CouncilDocumentKind  kind);
gboolean    council_document_kind_from_string (const char          *text,
                                               CouncilDocumentKind *out);
const char *council_document_kind_label       (CouncilDocumentKind  kind);
/* The kind a Chinese title names (…的通知 → notice), or OTHER. */
CouncilDocumentKind council_document_kind_from_title (const char *title);

const char *council_link_target_to_string     (CouncilLinkTarget    target);
gboolean    council_link_target_from_string   (const char          *text,
                                               CouncilLinkTarget   *out);

/* ---- CouncilDocument ---- */

#define COUNCIL_TYPE_DOCUMENT (council_document_get_type ())
G_DECLARE_FINAL_TYPE (CouncilDocument, council_document, COUNCIL, DOCUMENT, GObject)

CouncilDocument *council_document_new (void);
CouncilDocument *council_document_copy (CouncilDocument *self);

gint64      council_document_get_id           (CouncilDocument *self);
void        council_document_set_id           (CouncilDocument *self, gint64 id);
gint64      council_document_get_version      (CouncilDocument *self);
void        council_document_set_version      (CouncilDocument *self, gint64 version);
const char *council_document_get_title        (CouncilDocument *self);
void        council_document_set_title        (CouncilDocument *self, const char *title);
const char *council_document_get_issuing_body (CouncilDocument *self);
void        council_document_set_issuing_body (CouncilDocument *self, const char *issuing_body);
/* As typed until council_document_validate() makes it canonical. */
const char *council_document_get_doc_number   (CouncilDocument *self);
void        council_document_set_doc_number   (CouncilDocument *self, const char *doc_number);
/* ISO 8601 (YYYY-MM-DD) or "". */
const char *council_document_get_issue_date   (CouncilDocument *self);
void        council_document_set_issue_date   (CouncilDocument *self, const char *issue_date);
CouncilDocumentKind
            council_document_get_kind         (CouncilDocument *self);
void        council_document_set_kind         (CouncilDocument *self, CouncilDocumentKind kind);
/* Comma-separated; council_document_validate() trims and de-duplicates. */
const char *council_document_get_tags         (CouncilDocument *self);
void        council_document_set_tags         (CouncilDocument *self, const char *tags);
char      **council_document_dup_tag_list     (CouncilDocument *self);
guint       council_document_get_page_count   (CouncilDocument *self);
void        council_document_set_page_count   (CouncilDocument *self, guint page_count);
const char *council_document_get_sha256       (CouncilDocument *self);
void        council_document_set_sha256       (CouncilDocument *self, const char *sha256);
gint64      council_document_get_size         (CouncilDocument *self);
void        council_document_set_size         (CouncilDocument *self, gint64 size);
const char *council_document_get_imported_at  (CouncilDocument *self);
void        council_document_set_imported_at  (CouncilDocument *self, const char *imported_at);
const char *council_document_get_imported_by  (CouncilDocument *self);
void        council_document_set_imported_by  (CouncilDocument *self, const char *imported_by);

/* Checks one field; the error code is the field. */
gboolean    council_document_check_field      (CouncilDocument      *self,
                                               CouncilDocumentField  field,
                                               GError              **error);
/* Checks every field and puts the 文号 and tags in their canonical form. */
gboolean    council_document_validate         (CouncilDocument *self,
                                               GError         **error);

/* ---- CouncilDocumentHit: one page of one document that matches a search ---- */

#define COUNCIL_TYPE_DOCUMENT_HIT (council_document_hit_get_type ())
G_DECLARE_FINAL_TYPE (CouncilDocumentHit, council_document_hit, COUNCIL, DOCUMENT_HIT, GObject)

/* The snippet marks each occurrence of the phrase as «phrase». */
#define COUNCIL_HIT_MARK_START "«"
#define COUNCIL_HIT_MARK_END   "»"

CouncilDocumentHit *council_document_hit_new (gint64      document_id,
                                              const char *title,
                                              guint       page_no,
                                              const char *snippet,
                                              double      rank);
gint64      council_document_hit_get_document_id (CouncilDocumentHit *self);
const char *council_document_hit_get_title       (CouncilDocumentHit *self);
/* 1-based. */
guint       council_document_hit_get_page_no     (CouncilDocumentHit *self);
const char *council_document_hit_get_snippet     (CouncilDocumentHit *self);
/* The snippet as Pango markup, the phrase in bold, everything else escaped. */
char       *council_document_hit_dup_snippet_markup (CouncilDocumentHit *self);
/* Lower is better (bm25 for phrases of 3+ characters, minus the number of
 * occurrences for shorter ones). */
double      council_document_hit_get_rank        (CouncilDocumentHit *self);

G_END_DECLS
