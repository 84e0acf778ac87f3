/* council-meeting.c
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-meetings"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "council-meeting.h"
#include "council-organization.h"

/* ---- enums ---- */

static const char *state_names[] = { "planned", "held", "approved" };
static const char *attendance_names[] = { "", "present", "absent", "excused", "delegated" };
static const char *outcome_names[] = { "information", "decision", "action" };

static gboolean
lookup (const char *const *names, guint n, const char *text, int *out)
{
  for (guint i = 0; text != NULL && i < n; i++)
    if (*names[i] != '\0' && g_str_equal (names[i], text))
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

const char *
council_meeting_state_to_string (CouncilMeetingState state)
{
  g_return_val_if_fail (state <= COUNCIL_MEETING_STATE_APPROVED, "planned");
  return state_names[state];
}

gboolean
council_meeting_state_from_string (const char *text, CouncilMeetingState *out)
{
  int v;
  if (!lookup (state_names, G_N_ELEMENTS (state_names), text, &v))
    return FALSE;
  *out = (CouncilMeetingState) v;
  return TRUE;
}

const char *
council_meeting_state_label (CouncilMeetingState state)
{
  switch (state)
    {
    case COUNCIL_MEETING_STATE_HELD:
      return _("Held");
    case COUNCIL_MEETING_STATE_APPROVED:
      return _("Minutes approved");
    case COUNCIL_MEETING_STATE_PLANNED:
    default:
      return _("Planned");
    }
}

const char *
council_attendance_status_to_string (CouncilAttendanceStatus status)
{
  g_return_val_if_fail (status <= COUNCIL_ATTENDANCE_DELEGATED, "");
  return attendance_names[status];
}

gboolean
council_attendance_status_from_string (const char *text, CouncilAttendanceStatus *out)
{
  int v;
  if (!lookup (attendance_names, G_N_ELEMENTS (attendance_names), text, &v))
    return FALSE;
  *out = (CouncilAttendanceStatus) v;
  return TRUE;
}

const char *
council_attendance_status_label (CouncilAttendanceStatus status)
{
  switch (status)
    {
    case COUNCIL_ATTENDANCE_PRESENT:
      return C_("attendance", "Present");
    case COUNCIL_ATTENDANCE_ABSENT:
      return C_("attendance", "Absent");
    case COUNCIL_ATTENDANCE_EXCUSED:
      return C_("attendance", "Excused");
    case COUNCIL_ATTENDANCE_DELEGATED:
      return C_("attendance", "Delegated");
    case COUNCIL_ATTENDANCE_NOT_RECORDED:
    default:
      return C_("attendance", "Not recorded");
    }
}

gboolean
council_attendance_status_attended (CouncilAttendanceStatus status)
{
  return status == COUNCIL_ATTENDANCE_PRESENT || status == COUNCIL_ATTENDANCE_DELEGATED;
}

const char *
council_outcome_kind_to_string (CouncilOutcomeKind kind)
{
  g_return_val_if_fail (kind <= COUNCIL_OUTCOME_ACTION, "information");
  return outcome_names[kind];
}

gboolean
council_outcome_kind_from_string (const char *text, CouncilOutcomeKind *out)
{
  int v;
  if (!lookup (outcome_names, G_N_ELEMENTS (outcome_names), text, &v))
    return FALSE;
  *out = (CouncilOutcomeKind) v;
  return TRUE;
}

const char *
council_outcome_kind_label (CouncilOutcomeKind kind)
{
  switch (kind)
    {
    case COUNCIL_OUTCOME_DECISION:
      return _("Decision");
    case COUNCIL_OUTCOME_ACTION:
      return _("Action item");
    case COUNCIL_OUTCOME_INFORMATION:
    default:
      return _("Information");
    }
}

void
council_attendance_rate_finish (CouncilAttendanceRate *rate)
{
  guint attended = rate->present + rate->delegated;

  rate->recorded = attended + rate->excused + rate->absent;
  rate->rate = rate->recorded > 0 ? (double) attended / rate->recorded : 0.0;
}

static char *
stripped (const char *v)
{
  return g_strstrip (g_strdup (v ? v : ""));
}

/* ---- meeting kind ---- */

struct _CouncilMeetingKind
{
  GObject parent_instance;
  gint64 id;
  char *code;
  char *name_zh;
  char *name_en;
  gboolean builtin;
};

G_DEFINE_FINAL_TYPE (CouncilMeetingKind, council_meeting_kind, G_TYPE_OBJECT)

static void
council_meeting_kind_finalize (GObject *object)
{
  CouncilMeetingKind *self = COUNCIL_MEETING_KIND (object);
  g_free (self->code);
  g_free (self->name_zh);
  g_free (self->name_en);
  G_OBJECT_CLASS (council_meeting_kind_parent_class)->finalize (object);
}

static void
council_meeting_kind_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (prop_id == 1)
    g_value_set_string (value, council_meeting_kind_get_label (COUNCIL_MEETING_KIND (object)));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
council_meeting_kind_class_init (CouncilMeetingKindClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->finalize = council_meeting_kind_finalize;
  object_class->get_property = council_meeting_kind_get_property;
  g_object_class_install_property (object_class, 1,
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
council_meeting_kind_init (CouncilMeetingKind *self)
{
}

CouncilMeetingKind *
council_meeting_kind_new (gint64 id, const char *code, const char *name_zh,
                          const char *name_en, gboolean builtin)
{
  CouncilMeetingKind *self = g_object_new (COUNCIL_TYPE_MEETING_KIND, NULL);
  self->id = id;
  self->code = stripped (code);
  self->name_zh = stripped (name_zh);
  self->name_en = stripped (name_en);
  self->builtin = builtin;
  return self;
}

gint64 council_meeting_kind_get_id (CouncilMeetingKind *self) { return self->id; }
const char *council_meeting_kind_get_code (CouncilMeetingKind *self) { return self->code; }
const char *council_meeting_kind_get_name_zh (CouncilMeetingKind *self) { return self->name_zh; }
const char *council_meeting_kind_get_name_en (CouncilMeetingKind *self) { return self->name_en; }
gboolean council_meeting_kind_get_builtin (CouncilMeetingKind *self) { return self->builtin; }

const char *
council_meeting_kind_get_label (CouncilMeetingKind *self)
{
  if (council_ui_prefers_chinese () || *self->name_en == '\0')
    return self->name_zh;
  return self->name_en;
}

/* ---- attendance ---- */

struct _CouncilAttendance
{
  GObject parent_instance;
  gint64 org_id;
  char *org_name;
  CouncilAttendanceStatus status;
  char *attendees;
};

G_DEFINE_FINAL_TYPE (CouncilAttendance, council_attendance, G_TYPE_OBJECT)

enum { AT_PROP_0, AT_PROP_ORG_NAME, AT_PROP_STATUS, AT_PROP_STATUS_LABEL, AT_PROP_ATTENDEES, AT_N_PROPS };
static GParamSpec *at_properties[AT_N_PROPS];

static void
council_attendance_finalize (GObject *object)
{
  CouncilAttendance *self = COUNCIL_ATTENDANCE (object);
  g_free (self->org_name);
  g_free (self->attendees);
  G_OBJECT_CLASS (council_attendance_parent_class)->finalize (object);
}

static void
council_attendance_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilAttendance *self = COUNCIL_ATTENDANCE (object);
  switch (prop_id)
    {
    case AT_PROP_ORG_NAME: g_value_set_string (value, self->org_name); break;
    case AT_PROP_STATUS: g_value_set_int (value, (int) self->status); break;
    case AT_PROP_STATUS_LABEL: g_value_set_string (value, council_attendance_status_label (self->status)); break;
    case AT_PROP_ATTENDEES: g_value_set_string (value, self->attendees); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_attendance_class_init (CouncilAttendanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = council_attendance_finalize;
  object_class->get_property = council_attendance_get_property;
  at_properties[AT_PROP_ORG_NAME] = g_param_spec_string ("organization-name", NULL, NULL, NULL, flags);
  at_properties[AT_PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, COUNCIL_ATTENDANCE_DELEGATED, 0, flags);
  at_properties[AT_PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  at_properties[AT_PROP_ATTENDEES] = g_param_spec_string ("attendees", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, AT_N_PROPS, at_properties);
}

static void
council_attendance_init (CouncilAttendance *self)
{
}

CouncilAttendance *
council_attendance_new (gint64 org_id, const char *org_name, CouncilAttendanceStatus status, const char *attendees)
{
  CouncilAttendance *self = g_object_new (COUNCIL_TYPE_ATTENDANCE, NULL);
  self->org_id = org_id;
  self->org_name = g_strdup (org_name ? org_name : "");
  self->status = status;
  self->attendees = stripped (attendees);
  return self;
}

gint64 council_attendance_get_org_id (CouncilAttendance *self) { return self->org_id; }
const char *council_attendance_get_org_name (CouncilAttendance *self) { return self->org_name; }
CouncilAttendanceStatus council_attendance_get_status (CouncilAttendance *self) { return self->status; }
const char *council_attendance_get_attendees (CouncilAttendance *self) { return self->attendees; }

void
council_attendance_set_status (CouncilAttendance *self, CouncilAttendanceStatus v)
{
  if (self->status == v)
    return;
  self->status = v;
  g_object_notify_by_pspec (G_OBJECT (self), at_properties[AT_PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), at_properties[AT_PROP_STATUS_LABEL]);
}

void
council_attendance_set_attendees (CouncilAttendance *self, const char *v)
{
  g_autofree char *s = stripped (v);
  if (g_strcmp0 (s, self->attendees) == 0)
    return;
  g_free (self->attendees);
  self->attendees = g_steal_pointer (&s);
  g_object_notify_by_pspec (G_OBJECT (self), at_properties[AT_PROP_ATTENDEES]);
}

/* ---- guest ---- */

struct _CouncilGuest
{
  GObject parent_instance;
  char *name;
  char *unit;
};

G_DEFINE_FINAL_TYPE (CouncilGuest, council_guest, G_TYPE_OBJECT)

static void
council_guest_finalize (GObject *object)
{
  CouncilGuest *self = COUNCIL_GUEST (object);
  g_free (self->name);
  g_free (self->unit);
  G_OBJECT_CLASS (council_guest_parent_class)->finalize (object);
}

static void
council_guest_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilGuest *self = COUNCIL_GUEST (object);
  if (prop_id == 1)
    g_value_set_string (value, self->name);
  else if (prop_id == 2)
    g_value_set_string (value, self->unit);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
council_guest_class_init (CouncilGuestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->finalize = council_guest_finalize;
  object_class->get_property = council_guest_get_property;
  g_object_class_install_property (object_class, 1,
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, 2,
    g_param_spec_string ("unit", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
council_guest_init (CouncilGuest *self)
{
}

CouncilGuest *
council_guest_new (const char *name, const char *unit)
{
  CouncilGuest *self = g_object_new (COUNCIL_TYPE_GUEST, NULL);
  self->name = stripped (name);
  self->unit = stripped (unit);
  return self;
}

const char *council_guest_get_name (CouncilGuest *self) { return self->name; }
const char *council_guest_get_unit (CouncilGuest *self) { return self->unit; }

/* ---- outcome ---- */

struct _CouncilOutcome
{
  GObject parent_instance;
  gint64 id;
  CouncilOutcomeKind kind;
  char *text;
  CouncilActionItem *action;
};

G_DEFINE_FINAL_TYPE (CouncilOutcome, council_outcome, G_TYPE_OBJECT)

static void
council_outcome_finalize (GObject *object)
{
  CouncilOutcome *self = COUNCIL_OUTCOME (object);
  g_free (self->text);
  g_clear_object (&self->action);
  G_OBJECT_CLASS (council_outcome_parent_class)->finalize (object);
}

static void
council_outcome_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilOutcome *self = COUNCIL_OUTCOME (object);
  if (prop_id == 1)
    g_value_set_string (value, self->text);
  else if (prop_id == 2)
    g_value_set_string (value, council_outcome_kind_label (self->kind));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
council_outcome_class_init (CouncilOutcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->finalize = council_outcome_finalize;
  object_class->get_property = council_outcome_get_property;
  g_object_class_install_property (object_class, 1,
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, 2,
    g_param_spec_string ("kind-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
council_outcome_init (CouncilOutcome *self)
{
  self->text = g_strdup ("");
}

CouncilOutcome *
council_outcome_new (CouncilOutcomeKind kind, const char *text)
{
  CouncilOutcome *self = g_object_new (COUNCIL_TYPE_OUTCOME, NULL);
  council_outcome_set_kind (self, kind);
  council_outcome_set_text (self, text);
  return self;
}

gint64 council_outcome_get_id (CouncilOutcome *self) { return self->id; }
CouncilOutcomeKind council_outcome_get_kind (CouncilOutcome *self) { return self->kind; }
const char *council_outcome_get_text (CouncilOutcome *self) { return self->text; }
CouncilActionItem *council_outcome_get_action_item (CouncilOutcome *self) { return self->action; }
void council_outcome_set_id (CouncilOutcome *self, gint64 v) { self->id = v; }

void
council_outcome_set_kind (CouncilOutcome *self, CouncilOutcomeKind v)
{
  self->kind = v;
  if (v == COUNCIL_OUTCOME_ACTION && self->action == NULL)
    {
      self->action = council_action_item_new ();
      council_action_item_set_text (self->action, self->text);
    }
  else if (v != COUNCIL_OUTCOME_ACTION)
    g_clear_object (&self->action);
}

void
council_outcome_set_text (CouncilOutcome *self, const char *v)
{
  g_free (self->text);
  self->text = stripped (v);
  if (self->action != NULL)
    council_action_item_set_text (self->action, self->text);
}

void
council_outcome_set_action_item (CouncilOutcome *self, CouncilActionItem *item)
{
  g_set_object (&self->action, item);
  if (item != NULL)
    {
      self->kind = COUNCIL_OUTCOME_ACTION;
      council_action_item_set_text (item, self->text);
    }
}

/* ---- agenda item ---- */

struct _CouncilAgendaItem
{
  GObject parent_instance;
  gint64 id;
  char *title;
  gint64 presenter_org_id;
  char *presenter_name;
  char *notes;
  GListStore *outcomes;
};

G_DEFINE_FINAL_TYPE (CouncilAgendaItem, council_agenda_item, G_TYPE_OBJECT)

static void
council_agenda_item_finalize (GObject *object)
{
  CouncilAgendaItem *self = COUNCIL_AGENDA_ITEM (object);
  g_free (self->title);
  g_free (self->presenter_name);
  g_free (self->notes);
  g_clear_object (&self->outcomes);
  G_OBJECT_CLASS (council_agenda_item_parent_class)->finalize (object);
}

static void
council_agenda_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilAgendaItem *self = COUNCIL_AGENDA_ITEM (object);
  switch (prop_id)
    {
    case 1: g_value_set_string (value, self->title); break;
    case 2: g_value_set_string (value, self->presenter_name); break;
    case 3: g_value_set_string (value, self->notes); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_agenda_item_class_init (CouncilAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = council_agenda_item_finalize;
  object_class->get_property = council_agenda_item_get_property;
  g_object_class_install_property (object_class, 1, g_param_spec_string ("title", NULL, NULL, NULL, flags));
  g_object_class_install_property (object_class, 2, g_param_spec_string ("presenter-name", NULL, NULL, NULL, flags));
  g_object_class_install_property (object_class, 3, g_param_spec_string ("notes", NULL, NULL, NULL, flags));
}

static void
council_agenda_item_init (CouncilAgendaItem *self)
{
  self->outcomes = g_list_store_new (COUNCIL_TYPE_OUTCOME);
  self->presenter_name = g_strdup ("");
  self->notes = g_strdup ("");
}

CouncilAgendaItem *
council_agenda_item_new (const char *title)
{
  CouncilAgendaItem *self = g_object_new (COUNCIL_TYPE_AGENDA_ITEM, NULL);
  self->title = stripped (title);
  return self;
}

gint64 council_agenda_item_get_id (CouncilAgendaItem *self) { return self->id; }
const char *council_agenda_item_get_title (CouncilAgendaItem *self) { return self->title; }
gint64 council_agenda_item_get_presenter_org_id (CouncilAgendaItem *self) { return self->presenter_org_id; }
const char *council_agenda_item_get_presenter_name (CouncilAgendaItem *self) { return self->presenter_name; }
const char *council_agenda_item_get_notes (CouncilAgendaItem *self) { return self->notes; }
GListStore *council_agenda_item_get_outcomes (CouncilAgendaItem *self) { return self->outcomes; }
void council_agenda_item_set_id (CouncilAgendaItem *self, gint64 v) { self->id = v; }

void
council_agenda_item_set_title (CouncilAgendaItem *self, const char *v)
{
  g_free (self->title);
  self->title = stripped (v);
}

void
council_agenda_item_set_presenter (CouncilAgendaItem *self, gint64 org_id, const char *name)
{
  self->presenter_org_id = org_id;
  g_free (self->presenter_name);
  self->presenter_name = stripped (name);
}

void
council_agenda_item_set_notes (CouncilAgendaItem *self, const char *v)
{
  g_free (self->notes);
  /* Minutes text keeps its line breaks; only the ends are trimmed. */
  self->notes = stripped (v);
}

CouncilOutcome *
council_agenda_item_add_outcome (CouncilAgendaItem *self, CouncilOutcomeKind kind, const char *text)
{
  g_autoptr(CouncilOutcome) outcome = council_outcome_new (kind, text);
  g_list_store_append (self->outcomes, outcome);
  return outcome;
}

/* ---- meeting ---- */

struct _CouncilMeeting
{
  GObject parent_instance;
  gint64 id;
  gint64 version;
  gint64 kind_id;
  char *kind_label;
  char *kind_name_zh;
  char *title;
  int session_no;
  char *starts_at;
  char *place;
  char *chair;
  char *recorder;
  CouncilMeetingState state;
  CouncilAttendanceRate rate;
  guint open_items;
  GListStore *attendance;
  GListStore *guests;
  GListStore *agenda;
};

G_DEFINE_FINAL_TYPE (CouncilMeeting, council_meeting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_STARTS_AT,
  PROP_KIND_LABEL,
  PROP_TITLE,
  PROP_SESSION_NO,
  PROP_STATE_LABEL,
  PROP_ATTENDANCE_RATE,
  PROP_ATTENDANCE_TEXT,
  PROP_OPEN_ITEMS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
council_meeting_finalize (GObject *object)
{
  CouncilMeeting *self = COUNCIL_MEETING (object);
  g_free (self->kind_label);
  g_free (self->kind_name_zh);
  g_free (self->title);
  g_free (self->starts_at);
  g_free (self->place);
  g_free (self->chair);
  g_free (self->recorder);
  g_clear_object (&self->attendance);
  g_clear_object (&self->guests);
  g_clear_object (&self->agenda);
  G_OBJECT_CLASS (council_meeting_parent_class)->finalize (object);
}

static void
council_meeting_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilMeeting *self = COUNCIL_MEETING (object);
  switch (prop_id)
    {
    case PROP_DATE: g_value_take_string (value, council_meeting_dup_date (self)); break;
    case PROP_STARTS_AT: g_value_set_string (value, self->starts_at); break;
    case PROP_KIND_LABEL: g_value_set_string (value, self->kind_label); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_SESSION_NO: g_value_set_int (value, self->session_no); break;
    case PROP_STATE_LABEL: g_value_set_string (value, council_meeting_state_label (self->state)); break;
    case PROP_ATTENDANCE_RATE: g_value_set_double (value, self->rate.recorded ? self->rate.rate : -1.0); break;
    case PROP_ATTENDANCE_TEXT:
      g_value_take_string (value, self->rate.recorded
                           ? g_strdup_printf ("%u/%u", self->rate.present + self->rate.delegated, self->rate.recorded)
                           : g_strdup (""));
      break;
    case PROP_OPEN_ITEMS: g_value_set_uint (value, self->open_items); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_meeting_class_init (CouncilMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = council_meeting_finalize;
  object_class->get_property = council_meeting_get_property;
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_STARTS_AT] = g_param_spec_string ("starts-at", NULL, NULL, NULL, flags);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SESSION_NO] = g_param_spec_int ("session-no", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_STATE_LABEL] = g_param_spec_string ("state-label", NULL, NULL, NULL, flags);
  properties[PROP_ATTENDANCE_RATE] = g_param_spec_double ("attendance-rate", NULL, NULL, -1.0, 1.0, -1.0, flags);
  properties[PROP_ATTENDANCE_TEXT] = g_param_spec_string ("attendance-text", NULL, NULL, NULL, flags);
  properties[PROP_OPEN_ITEMS] = g_param_spec_uint ("open-items", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
council_meeting_init (CouncilMeeting *self)
{
  self->kind_label = g_strdup ("");
  self->kind_name_zh = g_strdup ("");
  self->title = g_strdup ("");
  self->starts_at = g_strdup ("");
  self->place = g_strdup ("");
  self->chair = g_strdup ("");
  self->recorder = g_strdup ("");
  self->attendance = g_list_store_new (COUNCIL_TYPE_ATTENDANCE);
  self->guests = g_list_store_new (COUNCIL_TYPE_GUEST);
  self->agenda = g_list_store_new (COUNCIL_TYPE_AGENDA_ITEM);
}

CouncilMeeting *
council_meeting_new (void)
{
  return g_object_new (COUNCIL_TYPE_MEETING, NULL);
}

gint64 council_meeting_get_id (CouncilMeeting *self) { return self->id; }
gint64 council_meeting_get_version (CouncilMeeting *self) { return self->version; }
gint64 council_meeting_get_kind_id (CouncilMeeting *self) { return self->kind_id; }
const char *council_meeting_get_kind_label (CouncilMeeting *self) { return self->kind_label; }
const char *council_meeting_get_kind_name_zh (CouncilMeeting *self) { return self->kind_name_zh; }
const char *council_meeting_get_title (CouncilMeeting *self) { return self->title; }
int council_meeting_get_session_no (CouncilMeeting *self) { return self->session_no; }
const char *council_meeting_get_starts_at (CouncilMeeting *self) { return self->starts_at; }
const char *council_meeting_get_place (CouncilMeeting *self) { return self->place; }
const char *council_meeting_get_chair (CouncilMeeting *self) { return self->chair; }
const char *council_meeting_get_recorder (CouncilMeeting *self) { return self->recorder; }
CouncilMeetingState council_meeting_get_state (CouncilMeeting *self) { return self->state; }
gboolean council_meeting_is_locked (CouncilMeeting *self) { return self->state == COUNCIL_MEETING_STATE_APPROVED; }
const CouncilAttendanceRate *council_meeting_get_attendance_rate (CouncilMeeting *self) { return &self->rate; }
guint council_meeting_get_open_items (CouncilMeeting *self) { return self->open_items; }
GListStore *council_meeting_get_attendance (CouncilMeeting *self) { return self->attendance; }
GListStore *council_meeting_get_guests (CouncilMeeting *self) { return self->guests; }
GListStore *council_meeting_get_agenda (CouncilMeeting *self) { return self->agenda; }
void council_meeting_set_id (CouncilMeeting *self, gint64 v) { self->id = v; }
void council_meeting_set_version (CouncilMeeting *self, gint64 v) { self->version = v; }

char *
council_meeting_dup_date (CouncilMeeting *self)
{
  return g_strndup (self->starts_at, 10);
}

static void
set_text (CouncilMeeting *self, char **field, const char *v, int prop)
{
  g_autofree char *s = stripped (v);
  if (g_strcmp0 (*field, s) == 0)
    return;
  g_free (*field);
  *field = g_steal_pointer (&s);
  if (prop > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
council_meeting_set_kind (CouncilMeeting *self, gint64 kind_id, const char *label, const char *name_zh)
{
  self->kind_id = kind_id;
  set_text (self, &self->kind_name_zh, name_zh, 0);
  set_text (self, &self->kind_label, label, PROP_KIND_LABEL);
}

void council_meeting_set_title (CouncilMeeting *self, const char *v) { set_text (self, &self->title, v, PROP_TITLE); }
void council_meeting_set_place (CouncilMeeting *self, const char *v) { set_text (self, &self->place, v, 0); }
void council_meeting_set_chair (CouncilMeeting *self, const char *v) { set_text (self, &self->chair, v, 0); }
void council_meeting_set_recorder (CouncilMeeting *self, const char *v) { set_text (self, &self->recorder, v, 0); }

void
council_meeting_set_starts_at (CouncilMeeting *self, const char *v)
{
  set_text (self, &self->starts_at, v, PROP_STARTS_AT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

void
council_meeting_set_session_no (CouncilMeeting *self, int v)
{
  if (self->session_no == v)
    return;
  self->session_no = v;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_NO]);
}

void
council_meeting_set_state (CouncilMeeting *self, CouncilMeetingState v)
{
  if (self->state == v)
    return;
  self->state = v;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_LABEL]);
}

void
council_meeting_set_attendance_rate (CouncilMeeting *self, const CouncilAttendanceRate *rate)
{
  self->rate = *rate;
  council_attendance_rate_finish (&self->rate);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDANCE_RATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDANCE_TEXT]);
}

void
council_meeting_set_open_items (CouncilMeeting *self, guint v)
{
  if (self->open_items == v)
    return;
  self->open_items = v;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_ITEMS]);
}

CouncilAttendance *
council_meeting_find_attendance (CouncilMeeting *self, gint64 org_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attendance));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilAttendance) a = g_list_model_get_item (G_LIST_MODEL (self->attendance), i);
      if (a->org_id == org_id)
        return a;   /* still owned by the list */
    }
  return NULL;
}

void
council_meeting_set_attendance (CouncilMeeting *self, gint64 org_id,
                                CouncilAttendanceStatus status, const char *attendees)
{
  CouncilAttendance *a = council_meeting_find_attendance (self, org_id);

  if (a == NULL)
    {
      g_autoptr(CouncilAttendance) added = council_attendance_new (org_id, "", status, attendees);
      g_list_store_append (self->attendance, added);
      return;
    }
  council_attendance_set_status (a, status);
  council_attendance_set_attendees (a, attendees);
}

void
council_meeting_update_attendance_rate (CouncilMeeting *self)
{
  CouncilAttendanceRate rate = { 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attendance));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilAttendance) a = g_list_model_get_item (G_LIST_MODEL (self->attendance), i);
      switch (a->status)
        {
        case COUNCIL_ATTENDANCE_PRESENT: rate.present++; break;
        case COUNCIL_ATTENDANCE_DELEGATED: rate.delegated++; break;
        case COUNCIL_ATTENDANCE_EXCUSED: rate.excused++; break;
        case COUNCIL_ATTENDANCE_ABSENT: rate.absent++; break;
        case COUNCIL_ATTENDANCE_NOT_RECORDED:
        default: rate.not_recorded++; break;
        }
    }
  council_meeting_set_attendance_rate (self, &rate);
}

void
council_meeting_add_guest (CouncilMeeting *self, const char *name, const char *unit)
{
  g_autoptr(CouncilGuest) guest = council_guest_new (name, unit);
  g_list_store_append (self->guests, guest);
}

CouncilAgendaItem *
council_meeting_add_agenda_item (CouncilMeeting *self, const char *title)
{
  g_autoptr(CouncilAgendaItem) item = council_agenda_item_new (title);
  g_list_store_append (self->agenda, item);
  return item;
}

gboolean
council_meeting_move_agenda_item (CouncilMeeting *self, guint position, int delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->agenda));
  g_autoptr(CouncilAgendaItem) item = NULL;
  gint64 target = (gint64) position + delta;

  if (position >= n || target < 0 || target >= n || delta == 0)
    return FALSE;
  item = g_list_model_get_item (G_LIST_MODEL (self->agenda), position);
  g_list_store_remove (self->agenda, position);
  g_list_store_insert (self->agenda, (guint) target, item);
  return TRUE;
}

/* ---- validation ---- */

static gboolean
check_agenda (CouncilMeeting *self, GError **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->agenda));
  g_autofree char *date = council_meeting_dup_date (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->agenda), i);
      guint n_out = g_list_model_get_n_items (G_LIST_MODEL (item->outcomes));

      if (*item->title == '\0')
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_MEETING_FIELD_AGENDA,
                       _("Agenda item %u needs a title."), i + 1);
          return FALSE;
        }
      for (guint j = 0; j < n_out; j++)
        {
          g_autoptr(CouncilOutcome) outcome = g_list_model_get_item (G_LIST_MODEL (item->outcomes), j);
          g_autoptr(GError) local = NULL;

          if (*outcome->text == '\0')
            {
              g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_MEETING_FIELD_AGENDA,
                           _("Agenda item %u: an outcome has no text."), i + 1);
              return FALSE;
            }
          if (outcome->action == NULL)
            continue;
          council_action_item_set_meeting (outcome->action, self->id, self->title, date);
          if (!council_action_item_validate (outcome->action, &local))
            {
              /* Translators: "Agenda item 2: An action item needs a due date." */
              g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_MEETING_FIELD_AGENDA,
                           _("Agenda item %u: %s"), i + 1, local->message);
              return FALSE;
            }
        }
    }
  return TRUE;
}

gboolean
council_meeting_check_field (CouncilMeeting *self, CouncilMeetingField field, GError **error)
{
  switch (field)
    {
    case COUNCIL_MEETING_FIELD_KIND:
      if (self->kind_id <= 0)
        {
          g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, field, _("Choose the kind of meeting."));
          return FALSE;
        }
      break;
    case COUNCIL_MEETING_FIELD_STARTS_AT:
      if (*self->starts_at == '\0')
        {
          g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, field, _("A meeting needs a date."));
          return FALSE;
        }
      if (!council_iso_date_is_valid (self->starts_at))
        {
          g_set_error (error, COUNCIL_VALIDATION_ERROR, field,
                       _("“%s” is not a date; write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM."),
                       self->starts_at);
          return FALSE;
        }
      break;
    case COUNCIL_MEETING_FIELD_SESSION_NO:
      if (self->session_no < 0 || self->session_no > 999)
        {
          g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, field,
                               _("The session number must be between 1 and 999 (0: not numbered)."));
          return FALSE;
        }
      break;
    case COUNCIL_MEETING_FIELD_ATTENDANCE:
      {
        guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attendance));
        g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
        g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);

        for (guint i = 0; i < n; i++)
          {
            CouncilAttendance *a = g_list_model_get_item (G_LIST_MODEL (self->attendance), i);
            g_ptr_array_add (keep, a);
            if (a->org_id <= 0)
              {
                g_set_error_literal (error, COUNCIL_VALIDATION_ERROR, field,
                                     _("An attendance row has no organization."));
                return FALSE;
              }
            if (g_hash_table_contains (seen, &a->org_id))
              {
                g_set_error (error, COUNCIL_VALIDATION_ERROR, field,
                             _("%s appears more than once in the attendance."),
                             *a->org_name ? a->org_name : _("An organization"));
                return FALSE;
              }
            g_hash_table_add (seen, &a->org_id);
          }
      }
      break;
    case COUNCIL_MEETING_FIELD_GUESTS:
      {
        guint n = g_list_model_get_n_items (G_LIST_MODEL (self->guests));
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(CouncilGuest) g = g_list_model_get_item (G_LIST_MODEL (self->guests), i);
            if (*g->name == '\0')
              {
                g_set_error (error, COUNCIL_VALIDATION_ERROR, field,
                             _("Guest %u needs a name."), i + 1);
                return FALSE;
              }
          }
      }
      break;
    case COUNCIL_MEETING_FIELD_AGENDA:
      return check_agenda (self, error);
    case COUNCIL_MEETING_FIELD_NONE:
    case COUNCIL_MEETING_FIELD_TITLE:
    case COUNCIL_MEETING_FIELD_PLACE:
    case COUNCIL_MEETING_FIELD_CHAIR:
    case COUNCIL_MEETING_FIELD_RECORDER:
    case COUNCIL_MEETING_N_FIELDS:
    default:
      break;
    }
  return TRUE;
}

gboolean
council_meeting_validate (CouncilMeeting *self, GError **error)
{
  /* The date first: it is the one field every meeting must have. */
  if (!council_meeting_check_field (self, COUNCIL_MEETING_FIELD_STARTS_AT, error))
    return FALSE;
  for (int f = COUNCIL_MEETING_FIELD_KIND; f < COUNCIL_MEETING_N_FIELDS; f++)
    if (!council_meeting_check_field (self, (CouncilMeetingField) f, error))
      return FALSE;
  return TRUE;
}
