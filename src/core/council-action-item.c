/* council-action-item.c
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-meetings"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "council-action-item.h"
#include "council-organization.h"

/* ---- status ---- */

static const char *status_names[] = { "open", "in_progress", "done", "cancelled" };

const char *
council_action_status_to_string (CouncilActionStatus status)
{
  g_return_val_if_fail (status <= COUNCIL_ACTION_STATUS_CANCELLED, "open");
  return status_names[status];
}

gboolean
council_action_status_from_string (const char *text, CouncilActionStatus *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (status_names[i], text))
      {
        *out = (CouncilActionStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
council_action_status_label (CouncilActionStatus status)
{
  switch (status)
    {
    case COUNCIL_ACTION_STATUS_IN_PROGRESS:
      return _("In progress");
    case COUNCIL_ACTION_STATUS_DONE:
      return _("Done");
    case COUNCIL_ACTION_STATUS_CANCELLED:
      return _("Cancelled");
    case COUNCIL_ACTION_STATUS_OPEN:
    default:
      return _("Open");
    }
}

gboolean
council_action_status_is_pending (CouncilActionStatus status)
{
  return status == COUNCIL_ACTION_STATUS_OPEN || status == COUNCIL_ACTION_STATUS_IN_PROGRESS;
}

/* ---- dates ---- */

gboolean
council_iso_date_parse (const char *text, GDate *out)
{
  guint y, m, d;
  const char *rest;

  if (text == NULL || strlen (text) < 10)
    return FALSE;
  for (int i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  rest = text + 10;
  if (*rest != '\0')
    {
      guint hh, mm;
      if ((*rest != 'T' && *rest != ' ') || strlen (rest) < 6 || rest[3] != ':' ||
          !g_ascii_isdigit (rest[1]) || !g_ascii_isdigit (rest[2]) ||
          !g_ascii_isdigit (rest[4]) || !g_ascii_isdigit (rest[5]))
        return FALSE;
      hh = (guint) g_ascii_strtoull (rest + 1, NULL, 10);
      mm = (guint) g_ascii_strtoull (rest + 4, NULL, 10);
      if (hh > 23 || mm > 59)
        return FALSE;
    }
  if (out != NULL)
    g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

gboolean
council_iso_date_is_valid (const char *text)
{
  return council_iso_date_parse (text, NULL);
}

char *
council_iso_date_format (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          (guint) g_date_get_month (date), g_date_get_day (date));
}

char *
council_iso_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

int
council_action_days_overdue (CouncilActionStatus status, const char *due_date, const char *as_of)
{
  g_autofree char *today = NULL;
  GDate due, ref;
  int days;

  if (!council_action_status_is_pending (status) || !council_iso_date_parse (due_date, &due))
    return 0;
  if (as_of == NULL)
    as_of = today = council_iso_date_today ();
  if (!council_iso_date_parse (as_of, &ref))
    return 0;
  days = g_date_days_between (&due, &ref);
  return MAX (days, 0);
}

/* ---- progress note ---- */

struct _CouncilProgressNote
{
  GObject parent_instance;
  gint64 id;
  char *noted_on;
  char *text;
};

G_DEFINE_FINAL_TYPE (CouncilProgressNote, council_progress_note, G_TYPE_OBJECT)

enum { PN_PROP_0, PN_PROP_NOTED_ON, PN_PROP_TEXT, PN_N_PROPS };
static GParamSpec *pn_properties[PN_N_PROPS];

static void
council_progress_note_finalize (GObject *object)
{
  CouncilProgressNote *self = COUNCIL_PROGRESS_NOTE (object);
  g_free (self->noted_on);
  g_free (self->text);
  G_OBJECT_CLASS (council_progress_note_parent_class)->finalize (object);
}

static void
council_progress_note_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilProgressNote *self = COUNCIL_PROGRESS_NOTE (object);
  switch (prop_id)
    {
    case PN_PROP_NOTED_ON: g_value_set_string (value, self->noted_on); break;
    case PN_PROP_TEXT: g_value_set_string (value, self->text); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_progress_note_class_init (CouncilProgressNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->finalize = council_progress_note_finalize;
  object_class->get_property = council_progress_note_get_property;
  pn_properties[PN_PROP_NOTED_ON] = g_param_spec_string ("noted-on", NULL, NULL, NULL,
                                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  pn_properties[PN_PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, PN_N_PROPS, pn_properties);
}

static void
council_progress_note_init (CouncilProgressNote *self)
{
}

CouncilProgressNote *
council_progress_note_new (gint64 id, const char *noted_on, const char *text)
{
  CouncilProgressNote *self = g_object_new (COUNCIL_TYPE_PROGRESS_NOTE, NULL);
  self->id = id;
  self->noted_on = g_strdup (noted_on ? noted_on : "");
  self->text = g_strdup (text ? text : "");
  return self;
}

gint64 council_progress_note_get_id (CouncilProgressNote *self) { return self->id; }
const char *council_progress_note_get_noted_on (CouncilProgressNote *self) { return self->noted_on; }
const char *council_progress_note_get_text (CouncilProgressNote *self) { return self->text; }

/* ---- action item ---- */

struct _CouncilActionItem
{
  GObject parent_instance;
  gint64 id;
  gint64 version;
  gint64 meeting_id;
  char *meeting_title;
  char *meeting_date;
  gint64 agenda_item_id;
  gint64 outcome_id;
  char *text;
  gint64 owner_org_id;
  char *owner_name;
  GArray *co_owner_ids;
  char *co_owner_names;
  char *due_date;
  CouncilActionStatus status;
  char *done_date;
  gint64 project_id;
  char *last_note_on;
  char *last_note;
  char *as_of;
};

G_DEFINE_FINAL_TYPE (CouncilActionItem, council_action_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_OWNER_NAME,
  PROP_CO_OWNER_NAMES,
  PROP_DUE_DATE,
  PROP_STATUS_LABEL,
  PROP_DONE_DATE,
  PROP_IS_OVERDUE,
  PROP_DAYS_OVERDUE,
  PROP_LAST_PROGRESS_NOTE,
  PROP_MEETING_TITLE,
  PROP_MEETING_DATE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
council_action_item_finalize (GObject *object)
{
  CouncilActionItem *self = COUNCIL_ACTION_ITEM (object);
  g_free (self->meeting_title);
  g_free (self->meeting_date);
  g_free (self->text);
  g_free (self->owner_name);
  g_clear_pointer (&self->co_owner_ids, g_array_unref);
  g_free (self->co_owner_names);
  g_free (self->due_date);
  g_free (self->done_date);
  g_free (self->last_note_on);
  g_free (self->last_note);
  g_free (self->as_of);
  G_OBJECT_CLASS (council_action_item_parent_class)->finalize (object);
}

static void
council_action_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilActionItem *self = COUNCIL_ACTION_ITEM (object);
  switch (prop_id)
    {
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_OWNER_NAME: g_value_set_string (value, self->owner_name); break;
    case PROP_CO_OWNER_NAMES: g_value_set_string (value, self->co_owner_names); break;
    case PROP_DUE_DATE: g_value_set_string (value, self->due_date); break;
    case PROP_STATUS_LABEL: g_value_set_string (value, council_action_status_label (self->status)); break;
    case PROP_DONE_DATE: g_value_set_string (value, self->done_date); break;
    case PROP_IS_OVERDUE: g_value_set_boolean (value, council_action_item_is_overdue (self, self->as_of)); break;
    case PROP_DAYS_OVERDUE: g_value_set_int (value, council_action_item_get_days_overdue (self, self->as_of)); break;
    case PROP_LAST_PROGRESS_NOTE: g_value_set_string (value, self->last_note); break;
    case PROP_MEETING_TITLE: g_value_set_string (value, self->meeting_title); break;
    case PROP_MEETING_DATE: g_value_set_string (value, self->meeting_date); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_action_item_class_init (CouncilActionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = council_action_item_finalize;
  object_class->get_property = council_action_item_get_property;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, flags);
  properties[PROP_CO_OWNER_NAMES] = g_param_spec_string ("co-owner-names", NULL, NULL, NULL, flags);
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_DONE_DATE] = g_param_spec_string ("done-date", NULL, NULL, NULL, flags);
  properties[PROP_IS_OVERDUE] = g_param_spec_boolean ("is-overdue", NULL, NULL, FALSE, flags);
  properties[PROP_DAYS_OVERDUE] = g_param_spec_int ("days-overdue", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_LAST_PROGRESS_NOTE] = g_param_spec_string ("last-progress-note", NULL, NULL, NULL, flags);
  properties[PROP_MEETING_TITLE] = g_param_spec_string ("meeting-title", NULL, NULL, NULL, flags);
  properties[PROP_MEETING_DATE] = g_param_spec_string ("meeting-date", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
council_action_item_init (CouncilActionItem *self)
{
  self->co_owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->meeting_title = g_strdup ("");
  self->meeting_date = g_strdup ("");
  self->text = g_strdup ("");
  self->owner_name = g_strdup ("");
  self->co_owner_names = g_strdup ("");
  self->due_date = g_strdup ("");
  self->done_date = g_strdup ("");
  self->last_note_on = g_strdup ("");
  self->last_note = g_strdup ("");
}

CouncilActionItem *
council_action_item_new (void)
{
  return g_object_new (COUNCIL_TYPE_ACTION_ITEM, NULL);
}

CouncilActionItem *
council_action_item_copy (CouncilActionItem *self)
{
  CouncilActionItem *copy = council_action_item_new ();

  copy->id = self->id;
  copy->version = self->version;
  council_action_item_set_meeting (copy, self->meeting_id, self->meeting_title, self->meeting_date);
  copy->agenda_item_id = self->agenda_item_id;
  copy->outcome_id = self->outcome_id;
  council_action_item_set_text (copy, self->text);
  council_action_item_set_owner (copy, self->owner_org_id, self->owner_name);
  g_array_append_vals (copy->co_owner_ids, self->co_owner_ids->data, self->co_owner_ids->len);
  council_action_item_set_co_owner_names (copy, self->co_owner_names);
  council_action_item_set_due_date (copy, self->due_date);
  copy->status = self->status;
  council_action_item_set_done_date (copy, self->done_date);
  copy->project_id = self->project_id;
  council_action_item_set_last_progress (copy, self->last_note_on, self->last_note);
  council_action_item_set_as_of (copy, self->as_of);
  return copy;
}

gint64 council_action_item_get_id (CouncilActionItem *self) { return self->id; }
gint64 council_action_item_get_version (CouncilActionItem *self) { return self->version; }
gint64 council_action_item_get_meeting_id (CouncilActionItem *self) { return self->meeting_id; }
const char *council_action_item_get_meeting_title (CouncilActionItem *self) { return self->meeting_title; }
const char *council_action_item_get_meeting_date (CouncilActionItem *self) { return self->meeting_date; }
gint64 council_action_item_get_agenda_item_id (CouncilActionItem *self) { return self->agenda_item_id; }
gint64 council_action_item_get_outcome_id (CouncilActionItem *self) { return self->outcome_id; }
const char *council_action_item_get_text (CouncilActionItem *self) { return self->text; }
gint64 council_action_item_get_owner_org_id (CouncilActionItem *self) { return self->owner_org_id; }
const char *council_action_item_get_owner_name (CouncilActionItem *self) { return self->owner_name; }
GArray *council_action_item_get_co_owner_ids (CouncilActionItem *self) { return self->co_owner_ids; }
const char *council_action_item_get_co_owner_names (CouncilActionItem *self) { return self->co_owner_names; }
const char *council_action_item_get_due_date (CouncilActionItem *self) { return self->due_date; }
CouncilActionStatus council_action_item_get_status (CouncilActionItem *self) { return self->status; }
const char *council_action_item_get_status_label (CouncilActionItem *self) { return council_action_status_label (self->status); }
const char *council_action_item_get_done_date (CouncilActionItem *self) { return self->done_date; }
gint64 council_action_item_get_project_id (CouncilActionItem *self) { return self->project_id; }
const char *council_action_item_get_last_progress_note (CouncilActionItem *self) { return self->last_note; }
const char *council_action_item_get_last_progress_date (CouncilActionItem *self) { return self->last_note_on; }
const char *council_action_item_get_as_of (CouncilActionItem *self) { return self->as_of; }

int
council_action_item_get_days_overdue (CouncilActionItem *self, const char *as_of)
{
  return council_action_days_overdue (self->status, self->due_date, as_of);
}

gboolean
council_action_item_is_overdue (CouncilActionItem *self, const char *as_of)
{
  return council_action_item_get_days_overdue (self, as_of) > 0;
}

static void
replace_text (CouncilActionItem *self, char **field, const char *value, int prop)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));

  if (g_strcmp0 (*field, stripped) == 0)
    return;
  g_free (*field);
  *field = g_steal_pointer (&stripped);
  if (prop > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void council_action_item_set_id (CouncilActionItem *self, gint64 v) { self->id = v; }
void council_action_item_set_version (CouncilActionItem *self, gint64 v) { self->version = v; }
void council_action_item_set_agenda_item_id (CouncilActionItem *self, gint64 v) { self->agenda_item_id = v; }
void council_action_item_set_outcome_id (CouncilActionItem *self, gint64 v) { self->outcome_id = v; }
void council_action_item_set_project_id (CouncilActionItem *self, gint64 v) { self->project_id = v; }

void
council_action_item_set_meeting (CouncilActionItem *self, gint64 meeting_id, const char *title, const char *date)
{
  self->meeting_id = meeting_id;
  replace_text (self, &self->meeting_title, title, PROP_MEETING_TITLE);
  replace_text (self, &self->meeting_date, date, PROP_MEETING_DATE);
}

void
council_action_item_set_text (CouncilActionItem *self, const char *v)
{
  replace_text (self, &self->text, v, PROP_TEXT);
}

void
council_action_item_set_owner (CouncilActionItem *self, gint64 org_id, const char *name)
{
  self->owner_org_id = org_id;
  replace_text (self, &self->owner_name, name, PROP_OWNER_NAME);
}

void
council_action_item_set_co_owner_names (CouncilActionItem *self, const char *v)
{
  replace_text (self, &self->co_owner_names, v, PROP_CO_OWNER_NAMES);
}

void
council_action_item_add_co_owner (CouncilActionItem *self, gint64 org_id)
{
  g_array_append_val (self->co_owner_ids, org_id);
}

void
council_action_item_clear_co_owners (CouncilActionItem *self)
{
  g_array_set_size (self->co_owner_ids, 0);
}

void
council_action_item_set_due_date (CouncilActionItem *self, const char *v)
{
  replace_text (self, &self->due_date, v, PROP_DUE_DATE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_OVERDUE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS_OVERDUE]);
}

void
council_action_item_set_status (CouncilActionItem *self, CouncilActionStatus v)
{
  if (self->status == v)
    return;
  self->status = v;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_OVERDUE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS_OVERDUE]);
}

void
council_action_item_set_done_date (CouncilActionItem *self, const char *v)
{
  replace_text (self, &self->done_date, v, PROP_DONE_DATE);
}

void
council_action_item_set_last_progress (CouncilActionItem *self, const char *noted_on, const char *text)
{
  replace_text (self, &self->last_note_on, noted_on, 0);
  replace_text (self, &self->last_note, text, PROP_LAST_PROGRESS_NOTE);
}

void
council_action_item_set_as_of (CouncilActionItem *self, const char *as_of)
{
  g_free (self->as_of);
  self->as_of = g_strdup (as_of);
}

/* ---- validation ---- */

gboolean
council_action_item_check_field (CouncilActionItem *self, CouncilActionField field, GError **error)
{
  GDate due, meeting, done;

  switch (field)
    {
    case COUNCIL_ACTION_FIELD_TEXT:
      if (*self->text == '\0')
        {
          g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, field,
                               _("Describe what is to be done."));
          return FALSE;
        }
      break;
    case COUNCIL_ACTION_FIELD_OWNER:
      if (self->owner_org_id <= 0)
        {
          g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, field,
                               _("An action item needs an owner organization."));
          return FALSE;
        }
      break;
    case COUNCIL_ACTION_FIELD_CO_OWNERS:
      for (guint i = 0; i < self->co_owner_ids->len; i++)
        {
          gint64 org = g_array_index (self->co_owner_ids, gint64, i);
          if (org == self->owner_org_id)
            {
              g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, field,
                                   _("The owner organization cannot also be a co-owner."));
              return FALSE;
            }
          for (guint j = 0; j < i; j++)
            if (g_array_index (self->co_owner_ids, gint64, j) == org)
              {
                g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, field,
                                     _("A co-owner is listed twice."));
                return FALSE;
              }
        }
      break;
    case COUNCIL_ACTION_FIELD_DUE_DATE:
      if (*self->due_date == '\0')
        {
          g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, field,
                               _("An action item needs a due date."));
          return FALSE;
        }
      if (!council_iso_date_parse (self->due_date, &due) || strlen (self->due_date) != 10)
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, field,
                       _("“%s” is not a date; write it as YYYY-MM-DD."), self->due_date);
          return FALSE;
        }
      if (council_iso_date_parse (self->meeting_date, &meeting) &&
          g_date_compare (&due, &meeting) < 0)
        {
          g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, field,
                               _("The due date cannot be before the meeting."));
          return FALSE;
        }
      break;
    case COUNCIL_ACTION_FIELD_DONE_DATE:
      if (*self->done_date != '\0' &&
          (!council_iso_date_parse (self->done_date, &done) || strlen (self->done_date) != 10))
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, field,
                       _("“%s” is not a date; write it as YYYY-MM-DD."), self->done_date);
          return FALSE;
        }
      if (self->status == COUNCIL_ACTION_STATUS_DONE && *self->done_date == '\0')
        {
          g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, field,
                               _("A done action item needs the date it was done."));
          return FALSE;
        }
      break;
    case COUNCIL_ACTION_FIELD_NONE:
    case COUNCIL_ACTION_FIELD_STATUS:
    case COUNCIL_ACTION_FIELD_PROGRESS_NOTE:
    case COUNCIL_ACTION_N_FIELDS:
    default:
      break;
    }
  return TRUE;
}

gboolean
council_action_item_validate (CouncilActionItem *self, GError **error)
{
  for (int f = COUNCIL_ACTION_FIELD_TEXT; f < COUNCIL_ACTION_N_FIELDS; f++)
    if (!council_action_item_check_field (self, (CouncilActionField) f, error))
      return FALSE;
  return TRUE;
}
