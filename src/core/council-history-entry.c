/* council-history-entry.c
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-history"

#include "config.h"

#include <glib/gi18n.h>

#include "council-history-entry.h"
#include "council-project.h"
#include "council-meeting.h"
#include "council-document.h"
#include "council-organization.h"

typedef struct
{
  char *column;
  char *before;
  char *after;
} FieldChange;

struct _CouncilHistoryEntry
{
  GObject parent_instance;
  gint64 change_id;
  char *at;
  char *who;
  char *summary;
  char *table;
  gint64 row_id;
  char *op;
  GArray *fields;
};

G_DEFINE_FINAL_TYPE (CouncilHistoryEntry, council_history_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AT,
  PROP_WHO,
  PROP_SUMMARY,
  PROP_DESCRIPTION,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
field_change_clear (gpointer data)
{
  FieldChange *fc = data;
  g_free (fc->column);
  g_free (fc->before);
  g_free (fc->after);
}

static void
council_history_entry_finalize (GObject *object)
{
  CouncilHistoryEntry *self = COUNCIL_HISTORY_ENTRY (object);
  g_free (self->at);
  g_free (self->who);
  g_free (self->summary);
  g_free (self->table);
  g_free (self->op);
  g_clear_pointer (&self->fields, g_array_unref);
  G_OBJECT_CLASS (council_history_entry_parent_class)->finalize (object);
}

static void
council_history_entry_get_property (GObject *object, guint prop_id,
                                    GValue *value, GParamSpec *pspec)
{
  CouncilHistoryEntry *self = COUNCIL_HISTORY_ENTRY (object);
  switch (prop_id)
    {
    case PROP_AT: g_value_set_string (value, self->at); break;
    case PROP_WHO: g_value_set_string (value, self->who); break;
    case PROP_SUMMARY: g_value_set_string (value, self->summary); break;
    case PROP_DESCRIPTION: g_value_take_string (value, council_history_entry_describe (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_history_entry_class_init (CouncilHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = council_history_entry_finalize;
  object_class->get_property = council_history_entry_get_property;

  properties[PROP_AT] = g_param_spec_string ("at", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHO] = g_param_spec_string ("who", NULL, NULL, NULL,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
council_history_entry_init (CouncilHistoryEntry *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (FieldChange));
  g_array_set_clear_func (self->fields, field_change_clear);
}

CouncilHistoryEntry *
council_history_entry_new (gint64      change_id,
                           const char *at,
                           const char *who,
                           const char *summary,
                           const char *table,
                           gint64      row_id,
                           const char *op)
{
  CouncilHistoryEntry *self = g_object_new (COUNCIL_TYPE_HISTORY_ENTRY, NULL);

  self->change_id = change_id;
  self->at = g_strdup (at);
  self->who = g_strdup (who);
  self->summary = g_strdup (summary);
  self->table = g_strdup (table);
  self->row_id = row_id;
  self->op = g_strdup (op);
  return self;
}

void
council_history_entry_add_field (CouncilHistoryEntry *self,
                                 const char          *column,
                                 const char          *before,
                                 const char          *after)
{
  FieldChange fc = { g_strdup (column), g_strdup (before), g_strdup (after) };
  g_array_append_val (self->fields, fc);
}

gint64 council_history_entry_get_change_id (CouncilHistoryEntry *self) { return self->change_id; }
const char *council_history_entry_get_at (CouncilHistoryEntry *self) { return self->at; }
const char *council_history_entry_get_who (CouncilHistoryEntry *self) { return self->who; }
const char *council_history_entry_get_summary (CouncilHistoryEntry *self) { return self->summary; }
const char *council_history_entry_get_table (CouncilHistoryEntry *self) { return self->table; }
gint64 council_history_entry_get_row_id (CouncilHistoryEntry *self) { return self->row_id; }
const char *council_history_entry_get_op (CouncilHistoryEntry *self) { return self->op; }
guint council_history_entry_get_n_fields (CouncilHistoryEntry *self) { return self->fields->len; }

typedef struct
{
  const char *table;   /* NULL: any table */
  const char *column;
  const char *label;
} ColumnLabel;

/* Columns that are bookkeeping rather than content are not listed and not shown. */
static const ColumnLabel column_labels[] = {
  { "organization", "name_zh", N_("Chinese name") },
  { "organization", "name_en", N_("English name") },
  { "organization", "short_name", N_("Short name") },
  { "organization", "category", N_("Category") },
  { "organization", "council_role", N_("Council role") },
  { "organization", "contact_person", N_("Contact person") },
  { "organization", "phone", N_("Phone") },
  { "organization", "email", N_("Email") },
  { "organization", "address", N_("Address") },
  { "organization", "posts_established", N_("Establishment posts") },
  { "organization", "staff_in_post", N_("Staff in post") },
  { "organization", "seconded_out", N_("Seconded out") },
  { "organization", "part_time", N_("Part-time") },
  { "organization", "coverage", N_("Grassroots coverage") },
  { "organization", "notes", N_("Notes") },
  { "organization", "retired", N_("Retired") },
  { "liaison_officer", "name", N_("Liaison officer") },
  { "liaison_officer", "department", N_("Department placed in") },
  { "liaison_officer", "phone", N_("Liaison officer’s phone") },
  { "project", "code", N_("Project code") },
  { "project", "title_zh", N_("Chinese title") },
  { "project", "title_en", N_("English title") },
  { "project", "category_id", N_("Category") },
  { "project", "lead_org_id", N_("Lead organization") },
  { "project", "target_group", N_("Target group") },
  { "project", "start_date", N_("Start date") },
  { "project", "end_date", N_("End date") },
  { "project", "status", N_("Status") },
  { "project", "health", N_("Health") },
  { "project", "budget_fen", N_("Budget") },
  { "project", "planned_beneficiaries", N_("Planned beneficiaries") },
  { "project", "actual_beneficiaries", N_("Actual beneficiaries") },
  { "project", "description", N_("Description") },
  { "project", "is_brand", N_("Brand project") },
  { "project", "integrated_into", N_("Integrated into") },
  { "project_partner", "org_id", N_("Partner") },
  { "project_partner", "role", N_("Partner role") },
  { "project_liaison", "liaison_officer_id", N_("Liaison officer") },
  { "project_status_change", "status", N_("Status") },
  { "project_status_change", "changed_on", N_("Status changed on") },
  { "milestone", "title", N_("Milestone") },
  { "milestone", "due_date", N_("Due date") },
  { "milestone", "done_date", N_("Done date") },
  { "fund_entry", "source", N_("Fund source") },
  { "fund_entry", "kind", N_("Fund entry kind") },
  { "fund_entry", "amount_fen", N_("Amount") },
  { "fund_entry", "entry_date", N_("Entry date") },
  { "fund_entry", "counterparty", N_("Payer or payee") },
  { "fund_entry", "voucher_no", N_("Voucher number") },
  { "fund_entry", "note", N_("Note") },
  { "project_category", "name_zh", N_("Chinese name") },
  { "project_category", "name_en", N_("English name") },
  { "meeting_kind", "code", N_("Code") },
  { "meeting_kind", "name_zh", N_("Chinese name") },
  { "meeting_kind", "name_en", N_("English name") },
  { "meeting", "title", N_("Title") },
  { "meeting", "session_no", N_("Session number") },
  { "meeting", "starts_at", N_("Date and time") },
  { "meeting", "place", N_("Place") },
  { "meeting", "chair", N_("Chair") },
  { "meeting", "recorder", N_("Recorder") },
  { "meeting", "state", N_("State") },
  { "attendance", "status", N_("Attendance") },
  { "attendance", "attendees", N_("Attended by") },
  { "guest", "name", N_("Guest") },
  { "guest", "unit", N_("Guest’s unit") },
  { "agenda_item", "title", N_("Agenda item") },
  { "agenda_item", "notes", N_("Minutes text") },
  { "outcome", "kind", N_("Type of outcome") },
  { "outcome", "text", N_("Outcome") },
  { "action_item", "text", N_("Action item") },
  { "action_item", "due_date", N_("Due date") },
  { "action_item", "status", N_("Status") },
  { "action_item", "done_date", N_("Done date") },
  { "progress_note", "noted_on", N_("Progress note date") },
  { "progress_note", "text", N_("Progress note") },
  { "meeting_schedule", "rhythm", N_("Rhythm") },
  { "document", "title", N_("Title") },
  { "document", "issuing_body", N_("Issuing body") },
  { "document", "doc_number", N_("Document number") },
  { "document", "issue_date", N_("Issue date") },
  { "document", "kind", N_("Kind") },
  { "document", "tags", N_("Tags") },
  { "document", "page_count", N_("Pages") },
  { "document", "sha256", N_("SHA-256") },
  { "document", "imported_at", N_("Imported") },
  { "document", "imported_by", N_("Imported by") },
  { "document_link", "target_table", N_("Linked record type") },
  { "assessment_scheme", "year", N_("Year") },
  { "assessment_scheme", "period", N_("Assessment period") },
  { "assessment_scheme", "title", N_("Title") },
  { "assessment_scheme", "total_score", N_("Total score") },
  { "assessment_scheme", "bonus_cap", N_("Bonus cap per organization") },
  { "assessment_scheme", "deduction_cap", N_("Deduction cap per organization") },
  { "assessment_scheme", "applies_to", N_("Applies to") },
  { "assessment_scheme", "finalized", N_("Finalized") },
  { "assessment_band", "name_zh", N_("Grade") },
  { "assessment_band", "name_en", N_("Grade (English)") },
  { "assessment_band", "min_score", N_("From score") },
  { "assessment_indicator", "name_zh", N_("Indicator") },
  { "assessment_indicator", "name_en", N_("Indicator (English)") },
  { "assessment_indicator", "max_score", N_("Max score") },
  { "assessment_indicator", "weight", N_("Weight") },
  { "assessment_indicator", "guide", N_("Scoring guide") },
  { "assessment_indicator", "kind", N_("Kind") },
  { "assessment_indicator", "cap", N_("Cap") },
  { "assessment_rank_points", "points", N_("Points by rank") },
  { "assessment_score", "value", N_("Score") },
  { "assessment_score", "measured_value", N_("Measured value") },
  { "assessment_score", "evidence", N_("Evidence") },
};

static gboolean
column_is_bookkeeping (const char *column)
{
  return g_str_equal (column, "id") || g_str_equal (column, "version") ||
         g_str_equal (column, "sort_order") || g_str_equal (column, "position") ||
         g_str_has_suffix (column, "_id");
}

const char *
council_column_label (const char *table, const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_labels); i++)
    if ((column_labels[i].table == NULL || g_strcmp0 (column_labels[i].table, table) == 0) &&
        g_strcmp0 (column_labels[i].column, column) == 0)
      return _(column_labels[i].label);
  return column;
}

/* Stored codes are shown as the words a person chose them by. */
static const char *
display_label (const char *table, const char *column, const char *value)
{
  CouncilCategory category;
  CouncilRole role;
  CouncilCoverage coverage;
  CouncilMeetingState state;
  CouncilDocumentKind document_kind;

  if (value == NULL)
    return "";
  if (g_str_equal (table, "document") && g_str_equal (column, "kind") &&
      council_document_kind_from_string (value, &document_kind))
    return council_document_kind_label (document_kind);
  if (g_str_equal (column, "category") && council_category_from_string (value, &category))
    return council_category_label (category);
  if (g_str_equal (column, "council_role") && council_role_from_string (value, &role))
    return council_role_label (role);
  if (g_str_equal (column, "coverage") && council_coverage_from_string (value, &coverage))
    return council_coverage_label (coverage);
  {
    CouncilProjectStatus status;
    CouncilProjectHealth health;
    CouncilPartnerRole partner_role;
    CouncilFundSource source;
    CouncilFundKind kind;

    if (g_str_equal (column, "status") && council_project_status_from_string (value, &status))
      return council_project_status_label (status);
    if (g_str_equal (column, "health") && council_project_health_from_string (value, &health))
      return council_project_health_label (health);
    if (g_str_equal (column, "role") && council_partner_role_from_string (value, &partner_role))
      return council_partner_role_label (partner_role);
    if (g_str_equal (column, "source") && council_fund_source_from_string (value, &source))
      return council_fund_source_label (source);
    if (g_str_equal (table, "fund_entry") && g_str_equal (column, "kind") &&
        council_fund_kind_from_string (value, &kind))
      return council_fund_kind_label (kind);
    if (g_str_equal (column, "is_brand"))
      return g_str_equal (value, "1") ? _("yes") : _("no");
  }
  if (g_str_equal (column, "state") && council_meeting_state_from_string (value, &state))
    return council_meeting_state_label (state);
  if (g_str_equal (column, "retired"))
    return g_str_equal (value, "1") ? _("yes") : _("no");
  return value;
}

/* As display_label, and amounts of money (stored in fen) as yuan, exactly:
 * "¥61,100.50". */
static char *
display_value (const char *table, const char *column, const char *value)
{
  if (value != NULL && *value != '\0' && g_str_has_suffix (column, "_fen"))
    {
      char *end = NULL;
      gint64 fen = g_ascii_strtoll (value, &end, 10);

      if (end != NULL && *end == '\0')
        return council_money_format (fen, FALSE);
    }
  return g_strdup (display_label (table, column, value));
}

char *
council_history_entry_describe (CouncilHistoryEntry *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      FieldChange *fc = &g_array_index (self->fields, FieldChange, i);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      const char *label;

      if (column_is_bookkeeping (fc->column))
        continue;
      label = council_column_label (self->table, fc->column);
      before = display_value (self->table, fc->column, fc->before);
      after = display_value (self->table, fc->column, fc->after);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (g_str_equal (self->op, "update"))
        /* Translators: a changed field: "Phone: 023-1 → 023-2" */
        g_string_append_printf (out, _("%s: %s → %s"), label, before, after);
      else if (g_str_equal (self->op, "insert"))
        g_string_append_printf (out, _("%s: %s"), label, after);
      else
        g_string_append_printf (out, _("%s: %s (removed)"), label, before);
    }
  return g_string_free (out, FALSE);
}
