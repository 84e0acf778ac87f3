/* council-draft.c: unsaved editor text kept outside the database.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-draft"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "council-draft.h"

#define GROUP_DRAFT "draft"
#define GROUP_FIELDS "fields"

void
council_draft_free (CouncilDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->kind);
  g_free (draft->title);
  g_clear_pointer (&draft->saved_at, g_date_time_unref);
  g_clear_pointer (&draft->fields, g_key_file_unref);
  g_free (draft);
}

/* One folder per database, named by a hash of its canonical path. */
static char *
drafts_dir (const char *db_path)
{
  g_autofree char *canonical = g_canonicalize_filename (db_path, NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);

  hash[16] = '\0';
  return g_build_filename (g_get_user_cache_dir (), "council-desk", "drafts", hash, NULL);
}

static char *
draft_path (const char *db_path, const char *kind, gint64 record_id)
{
  g_autofree char *dir = drafts_dir (db_path);
  g_autofree char *name = record_id > 0
    ? g_strdup_printf ("%s-%" G_GINT64_FORMAT ".draft", kind, record_id)
    : g_strdup_printf ("%s-new.draft", kind);

  return g_build_filename (dir, name, NULL);
}

gboolean
council_draft_save (const char *db_path, CouncilDraft *draft, GError **error)
{
  g_autofree char *dir = drafts_dir (db_path);
  g_autofree char *path = draft_path (db_path, draft->kind, draft->record_id);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *saved_at = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  if (draft->saved_at == NULL)
    draft->saved_at = g_date_time_new_now_local ();
  saved_at = g_date_time_format_iso8601 (draft->saved_at);
  g_key_file_set_string (file, GROUP_DRAFT, "kind", draft->kind);
  g_key_file_set_int64 (file, GROUP_DRAFT, "record-id", draft->record_id);
  g_key_file_set_int64 (file, GROUP_DRAFT, "version", draft->version);
  g_key_file_set_string (file, GROUP_DRAFT, "title", draft->title ? draft->title : "");
  g_key_file_set_string (file, GROUP_DRAFT, "saved-at", saved_at);
  data = g_key_file_to_data (file, &length, NULL);
  if (draft->fields != NULL)
    {
      g_autofree char *fields = g_key_file_to_data (draft->fields, NULL, NULL);
      char *joined = g_strconcat (data, "\n", fields, NULL);
      g_free (data);
      data = joined;
    }
  /* Private: the text may be personal data. Written beside and renamed. */
  return g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static CouncilDraft *
draft_load (const char *path)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(CouncilDraft) draft = g_new0 (CouncilDraft, 1);
  g_autofree char *saved_at = NULL;
  g_auto(GStrv) keys = NULL;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  draft->kind = g_key_file_get_string (file, GROUP_DRAFT, "kind", NULL);
  draft->record_id = g_key_file_get_int64 (file, GROUP_DRAFT, "record-id", NULL);
  draft->version = g_key_file_get_int64 (file, GROUP_DRAFT, "version", NULL);
  draft->title = g_key_file_get_string (file, GROUP_DRAFT, "title", NULL);
  saved_at = g_key_file_get_string (file, GROUP_DRAFT, "saved-at", NULL);
  if (draft->kind == NULL || saved_at == NULL)
    return NULL;
  draft->saved_at = g_date_time_new_from_iso8601 (saved_at, NULL);
  if (draft->saved_at == NULL)
    return NULL;
  draft->fields = g_key_file_new ();
  keys = g_key_file_get_keys (file, GROUP_FIELDS, NULL, NULL);
  for (guint i = 0; keys && keys[i]; i++)
    {
      g_autofree char *value = g_key_file_get_string (file, GROUP_FIELDS, keys[i], NULL);
      if (value != NULL)
        g_key_file_set_string (draft->fields, GROUP_FIELDS, keys[i], value);
    }
  return g_steal_pointer (&draft);
}

static int
compare_saved_at (gconstpointer a, gconstpointer b)
{
  const CouncilDraft *da = *(CouncilDraft * const *) a;
  const CouncilDraft *db = *(CouncilDraft * const *) b;

  return g_date_time_compare (da->saved_at, db->saved_at);
}

GPtrArray *
council_draft_list (const char *db_path)
{
  g_autofree char *dir = drafts_dir (db_path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) council_draft_free);
  const char *name;

  while (listing && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      CouncilDraft *draft;

      if (!g_str_has_suffix (name, ".draft"))
        continue;
      path = g_build_filename (dir, name, NULL);
      draft = draft_load (path);
      if (draft != NULL)
        g_ptr_array_add (drafts, draft);
      else
        g_unlink (path);  /* half-written by a crash inside the write: nothing to offer */
    }
  g_ptr_array_sort (drafts, compare_saved_at);
  return drafts;
}

void
council_draft_discard (const char *db_path, const char *kind, gint64 record_id)
{
  g_autofree char *path = draft_path (db_path, kind, record_id);

  g_unlink (path);
}

/* ---- organizations ---- */

static void
set_text (GKeyFile *fields, const char *key, const char *value)
{
  g_key_file_set_string (fields, GROUP_FIELDS, key, value ? value : "");
}

static char *
get_text (CouncilDraft *draft, const char *key, const char *fallback)
{
  char *value = g_key_file_get_string (draft->fields, GROUP_FIELDS, key, NULL);
  return value ? value : g_strdup (fallback);
}

static int
get_int (CouncilDraft *draft, const char *key, int fallback)
{
  g_autofree char *value = g_key_file_get_string (draft->fields, GROUP_FIELDS, key, NULL);
  gint64 number;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, G_MININT, G_MAXINT, &number, NULL))
    return fallback;
  return (int) number;
}

/* A new draft of a @kind record with its fields still empty. */
static CouncilDraft *
draft_begin (const char *kind, gint64 record_id, gint64 version, const char *title)
{
  CouncilDraft *draft = g_new0 (CouncilDraft, 1);

  draft->kind = g_strdup (kind);
  draft->record_id = record_id;
  draft->version = version;
  draft->title = g_strdup (title);
  draft->fields = g_key_file_new ();
  return draft;
}

CouncilDraft *
council_draft_new_for_organization (CouncilOrganization *form, gint64 base_version, const char *title)
{
  CouncilDraft *draft = draft_begin ("organization", council_organization_get_id (form), base_version, title);
  GListModel *officers = G_LIST_MODEL (council_organization_get_liaison_officers (form));
  g_autoptr(GString) liaison = g_string_new (NULL);
  GKeyFile *f = draft->fields;

  set_text (f, "name_zh", council_organization_get_name_zh (form));
  set_text (f, "name_en", council_organization_get_name_en (form));
  set_text (f, "short_name", council_organization_get_short_name (form));
  set_text (f, "category", council_category_to_string (council_organization_get_category (form)));
  set_text (f, "council_role", council_role_to_string (council_organization_get_council_role (form)));
  set_text (f, "coverage", council_coverage_to_string (council_organization_get_coverage (form)));
  set_text (f, "contact_person", council_organization_get_contact_person (form));
  set_text (f, "phone", council_organization_get_phone (form));
  set_text (f, "email", council_organization_get_email (form));
  set_text (f, "address", council_organization_get_address (form));
  g_key_file_set_integer (f, GROUP_FIELDS, "posts_established", council_organization_get_posts_established (form));
  g_key_file_set_integer (f, GROUP_FIELDS, "staff_in_post", council_organization_get_staff_in_post (form));
  g_key_file_set_integer (f, GROUP_FIELDS, "seconded_out", council_organization_get_seconded_out (form));
  g_key_file_set_integer (f, GROUP_FIELDS, "part_time", council_organization_get_part_time (form));
  set_text (f, "notes", council_organization_get_notes (form));
  /* One officer per line: name, department, phone separated by tabs, which
   * the key file escapes. */
  for (guint i = 0; i < g_list_model_get_n_items (officers); i++)
    {
      g_autoptr(CouncilLiaisonOfficer) lo = g_list_model_get_item (officers, i);
      g_string_append_printf (liaison, "%s%s\t%s\t%s", i ? "\n" : "",
                              council_liaison_officer_get_name (lo),
                              council_liaison_officer_get_department (lo),
                              council_liaison_officer_get_phone (lo));
    }
  g_key_file_set_integer (f, GROUP_FIELDS, "liaison_count", (int) g_list_model_get_n_items (officers));
  set_text (f, "liaison_officers", liaison->str);
  return draft;
}

void
council_draft_apply_to_organization (CouncilDraft *draft, CouncilOrganization *org)
{
  g_autofree char *v = NULL;
  CouncilCategory category = council_organization_get_category (org);
  CouncilRole role = council_organization_get_council_role (org);
  CouncilCoverage coverage = council_organization_get_coverage (org);
  GListStore *officers = council_organization_get_liaison_officers (org);
  int n_officers;

#define TEXT(key, setter) \
  v = get_text (draft, key, NULL); if (v) setter (org, v); g_clear_pointer (&v, g_free);
  TEXT ("name_zh", council_organization_set_name_zh);
  TEXT ("name_en", council_organization_set_name_en);
  TEXT ("short_name", council_organization_set_short_name);
  TEXT ("contact_person", council_organization_set_contact_person);
  TEXT ("phone", council_organization_set_phone);
  TEXT ("email", council_organization_set_email);
  TEXT ("address", council_organization_set_address);
  TEXT ("notes", council_organization_set_notes);
#undef TEXT
  v = get_text (draft, "category", ""); council_category_from_string (v, &category); g_clear_pointer (&v, g_free);
  v = get_text (draft, "council_role", ""); council_role_from_string (v, &role); g_clear_pointer (&v, g_free);
  v = get_text (draft, "coverage", ""); council_coverage_from_string (v, &coverage); g_clear_pointer (&v, g_free);
  council_organization_set_category (org, category);
  council_organization_set_council_role (org, role);
  council_organization_set_coverage (org, coverage);
  council_organization_set_posts_established (org, get_int (draft, "posts_established", council_organization_get_posts_established (org)));
  council_organization_set_staff_in_post (org, get_int (draft, "staff_in_post", council_organization_get_staff_in_post (org)));
  council_organization_set_seconded_out (org, get_int (draft, "seconded_out", council_organization_get_seconded_out (org)));
  council_organization_set_part_time (org, get_int (draft, "part_time", council_organization_get_part_time (org)));

  n_officers = get_int (draft, "liaison_count", -1);
  if (n_officers >= 0)
    {
      g_autofree char *text = get_text (draft, "liaison_officers", "");
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      g_list_store_remove_all (officers);
      for (int i = 0; i < n_officers && lines[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (lines[i], "\t", 3);
          guint n = g_strv_length (parts);
          g_autoptr(CouncilLiaisonOfficer) lo =
            council_liaison_officer_new (n > 0 ? parts[0] : "", n > 1 ? parts[1] : "", n > 2 ? parts[2] : "");
          g_list_store_append (officers, lo);
        }
    }
}

/* ---- meetings ---- */

static void
set_int64 (GKeyFile *fields, const char *key, gint64 value)
{
  g_key_file_set_int64 (fields, GROUP_FIELDS, key, value);
}

static gint64
get_int64 (CouncilDraft *draft, const char *key, gint64 fallback)
{
  g_autofree char *value = g_key_file_get_string (draft->fields, GROUP_FIELDS, key, NULL);
  gint64 number;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &number, NULL))
    return fallback;
  return number;
}

static void
put_action_item (GKeyFile *f, const char *prefix, CouncilActionItem *action)
{
  GArray *co = council_action_item_get_co_owner_ids (action);
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autofree char *k = NULL;

#define KEY(name) (g_free (k), k = g_strconcat (prefix, name, NULL))
  set_int64 (f, KEY ("action_id"), council_action_item_get_id (action));
  set_int64 (f, KEY ("action_version"), council_action_item_get_version (action));
  set_int64 (f, KEY ("owner_org_id"), council_action_item_get_owner_org_id (action));
  set_text (f, KEY ("owner_name"), council_action_item_get_owner_name (action));
  set_text (f, KEY ("due_date"), council_action_item_get_due_date (action));
  set_int64 (f, KEY ("project_id"), council_action_item_get_project_id (action));
  for (guint i = 0; i < co->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (co, gint64, i));
  set_text (f, KEY ("co_owner_ids"), ids->str);
  set_text (f, KEY ("co_owner_names"), council_action_item_get_co_owner_names (action));
#undef KEY
}

CouncilDraft *
council_draft_new_for_meeting (CouncilMeeting *form, const char *title)
{
  CouncilDraft *draft = draft_begin ("meeting", council_meeting_get_id (form), council_meeting_get_version (form), title);
  GListModel *attendance = G_LIST_MODEL (council_meeting_get_attendance (form));
  GListModel *guests = G_LIST_MODEL (council_meeting_get_guests (form));
  GListModel *agenda = G_LIST_MODEL (council_meeting_get_agenda (form));
  GKeyFile *f = draft->fields;

  set_int64 (f, "kind_id", council_meeting_get_kind_id (form));
  set_text (f, "title", council_meeting_get_title (form));
  set_int64 (f, "session_no", council_meeting_get_session_no (form));
  set_text (f, "starts_at", council_meeting_get_starts_at (form));
  set_text (f, "place", council_meeting_get_place (form));
  set_text (f, "chair", council_meeting_get_chair (form));
  set_text (f, "recorder", council_meeting_get_recorder (form));

  set_int64 (f, "attendance_count", g_list_model_get_n_items (attendance));
  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(CouncilAttendance) a = g_list_model_get_item (attendance, i);
      g_autofree char *org = g_strdup_printf ("attendance.%u.org_id", i);
      g_autofree char *status = g_strdup_printf ("attendance.%u.status", i);
      g_autofree char *who = g_strdup_printf ("attendance.%u.attendees", i);

      set_int64 (f, org, council_attendance_get_org_id (a));
      set_text (f, status, council_attendance_status_to_string (council_attendance_get_status (a)));
      set_text (f, who, council_attendance_get_attendees (a));
    }
  set_int64 (f, "guest_count", g_list_model_get_n_items (guests));
  for (guint i = 0; i < g_list_model_get_n_items (guests); i++)
    {
      g_autoptr(CouncilGuest) g = g_list_model_get_item (guests, i);
      g_autofree char *name = g_strdup_printf ("guest.%u.name", i);
      g_autofree char *unit = g_strdup_printf ("guest.%u.unit", i);

      set_text (f, name, council_guest_get_name (g));
      set_text (f, unit, council_guest_get_unit (g));
    }
  set_int64 (f, "agenda_count", g_list_model_get_n_items (agenda));
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(CouncilAgendaItem) item = g_list_model_get_item (agenda, i);
      GListModel *outcomes = G_LIST_MODEL (council_agenda_item_get_outcomes (item));
      g_autofree char *prefix = g_strdup_printf ("agenda.%u.", i);
      g_autofree char *k = NULL;

#define KEY(name) (g_free (k), k = g_strconcat (prefix, name, NULL))
      set_int64 (f, KEY ("id"), council_agenda_item_get_id (item));
      set_text (f, KEY ("title"), council_agenda_item_get_title (item));
      set_int64 (f, KEY ("presenter_org_id"), council_agenda_item_get_presenter_org_id (item));
      set_text (f, KEY ("presenter_name"), council_agenda_item_get_presenter_name (item));
      set_text (f, KEY ("notes"), council_agenda_item_get_notes (item));
      set_int64 (f, KEY ("outcome_count"), g_list_model_get_n_items (outcomes));
      for (guint j = 0; j < g_list_model_get_n_items (outcomes); j++)
        {
          g_autoptr(CouncilOutcome) outcome = g_list_model_get_item (outcomes, j);
          g_autofree char *op = g_strdup_printf ("%soutcome.%u.", prefix, j);
          g_autofree char *ok = NULL;

          set_int64 (f, (g_free (ok), ok = g_strconcat (op, "id", NULL)), council_outcome_get_id (outcome));
          set_text (f, (g_free (ok), ok = g_strconcat (op, "kind", NULL)),
                    council_outcome_kind_to_string (council_outcome_get_kind (outcome)));
          set_text (f, (g_free (ok), ok = g_strconcat (op, "text", NULL)), council_outcome_get_text (outcome));
          if (council_outcome_get_action_item (outcome) != NULL)
            put_action_item (f, op, council_outcome_get_action_item (outcome));
        }
#undef KEY
    }
  return draft;
}

static void
apply_action_item (CouncilDraft *draft, const char *prefix, CouncilActionItem *action)
{
  g_autofree char *k = NULL;
  g_autofree char *v = NULL;
  g_auto(GStrv) ids = NULL;
  gint64 draft_id;

#define KEY(name) (g_free (k), k = g_strconcat (prefix, name, NULL))
  draft_id = get_int64 (draft, KEY ("action_id"), 0);
  /* The same item as when the edit started: saved over that version, so that
   * a follow-up recorded since then is a conflict, not overwritten. */
  if (draft_id > 0 && draft_id == council_action_item_get_id (action))
    council_action_item_set_version (action, get_int64 (draft, KEY ("action_version"),
                                                        council_action_item_get_version (action)));
  v = get_text (draft, KEY ("owner_name"), "");
  council_action_item_set_owner (action, get_int64 (draft, KEY ("owner_org_id"), 0), v);
  g_free (v);
  v = get_text (draft, KEY ("due_date"), "");
  council_action_item_set_due_date (action, v);
  council_action_item_set_project_id (action, get_int64 (draft, KEY ("project_id"), 0));
  g_free (v);
  v = get_text (draft, KEY ("co_owner_ids"), "");
  ids = g_strsplit (v, ",", -1);
  council_action_item_clear_co_owners (action);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gint64 id;
      if (g_ascii_string_to_signed (ids[i], 10, 1, G_MAXINT64, &id, NULL))
        council_action_item_add_co_owner (action, id);
    }
  g_free (v);
  v = get_text (draft, KEY ("co_owner_names"), "");
  council_action_item_set_co_owner_names (action, v);
#undef KEY
}

/* The outcomes of the draft's agenda item at @prefix, reusing those of
 * @existing (outcome id -> CouncilOutcome) that still exist. */
static void
apply_outcomes (CouncilDraft *draft, const char *prefix, CouncilAgendaItem *item, GHashTable *existing)
{
  GListStore *outcomes = council_agenda_item_get_outcomes (item);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *count_key = g_strconcat (prefix, "outcome_count", NULL);
  gint64 n = get_int64 (draft, count_key, 0);

  for (gint64 j = 0; j < n; j++)
    {
      g_autofree char *op = g_strdup_printf ("%soutcome.%" G_GINT64_FORMAT ".", prefix, j);
      g_autofree char *k = NULL;
      g_autofree char *kind_text = get_text (draft, (k = g_strconcat (op, "kind", NULL)), "");
      g_autofree char *text = NULL;
      CouncilOutcomeKind kind = COUNCIL_OUTCOME_DECISION;
      CouncilOutcome *outcome;
      gint64 id;

      g_free (k);
      text = get_text (draft, (k = g_strconcat (op, "text", NULL)), "");
      g_free (k);
      id = get_int64 (draft, (k = g_strconcat (op, "id", NULL)), 0);
      council_outcome_kind_from_string (kind_text, &kind);
      outcome = id > 0 ? g_hash_table_lookup (existing, &id) : NULL;
      outcome = outcome != NULL ? g_object_ref (outcome) : council_outcome_new (kind, text);
      council_outcome_set_kind (outcome, kind);
      council_outcome_set_text (outcome, text);
      if (council_outcome_get_action_item (outcome) != NULL)
        apply_action_item (draft, op, council_outcome_get_action_item (outcome));
      g_ptr_array_add (fresh, outcome);
    }
  g_list_store_splice (outcomes, 0, g_list_model_get_n_items (G_LIST_MODEL (outcomes)),
                       fresh->pdata, fresh->len);
}

void
council_draft_apply_to_meeting (CouncilDraft *draft, CouncilMeeting *meeting)
{
  GListStore *agenda = council_meeting_get_agenda (meeting);
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) outcomes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *v = NULL;
  gint64 n;

  g_return_if_fail (g_strcmp0 (draft->kind, "meeting") == 0);

  if (get_int64 (draft, "kind_id", 0) > 0 && get_int64 (draft, "kind_id", 0) != council_meeting_get_kind_id (meeting))
    council_meeting_set_kind (meeting, get_int64 (draft, "kind_id", 0), "", "");
#define TEXT(key, setter) \
  v = get_text (draft, key, NULL); if (v) setter (meeting, v); g_clear_pointer (&v, g_free);
  TEXT ("title", council_meeting_set_title);
  TEXT ("starts_at", council_meeting_set_starts_at);
  TEXT ("place", council_meeting_set_place);
  TEXT ("chair", council_meeting_set_chair);
  TEXT ("recorder", council_meeting_set_recorder);
#undef TEXT
  council_meeting_set_session_no (meeting, (int) get_int64 (draft, "session_no", council_meeting_get_session_no (meeting)));

  n = get_int64 (draft, "attendance_count", 0);
  for (gint64 i = 0; i < n; i++)
    {
      g_autofree char *org = g_strdup_printf ("attendance.%" G_GINT64_FORMAT ".org_id", i);
      g_autofree char *status_key = g_strdup_printf ("attendance.%" G_GINT64_FORMAT ".status", i);
      g_autofree char *who_key = g_strdup_printf ("attendance.%" G_GINT64_FORMAT ".attendees", i);
      g_autofree char *status_text = get_text (draft, status_key, "");
      g_autofree char *who = get_text (draft, who_key, "");
      CouncilAttendanceStatus status = COUNCIL_ATTENDANCE_NOT_RECORDED;
      gint64 org_id = get_int64 (draft, org, 0);

      /* Only organizations the record knows: a row of one retired since is
       * kept as it was recorded. */
      if (org_id > 0 && council_meeting_find_attendance (meeting, org_id) != NULL &&
          council_attendance_status_from_string (status_text, &status))
        council_meeting_set_attendance (meeting, org_id, status, who);
    }

  n = get_int64 (draft, "guest_count", -1);
  if (n >= 0)
    {
      g_list_store_remove_all (council_meeting_get_guests (meeting));
      for (gint64 i = 0; i < n; i++)
        {
          g_autofree char *name_key = g_strdup_printf ("guest.%" G_GINT64_FORMAT ".name", i);
          g_autofree char *unit_key = g_strdup_printf ("guest.%" G_GINT64_FORMAT ".unit", i);
          g_autofree char *name = get_text (draft, name_key, "");
          g_autofree char *unit = get_text (draft, unit_key, "");

          council_meeting_add_guest (meeting, name, unit);
        }
    }

  /* What the record holds now, by id, to be reused where the draft still has it. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (agenda)); i++)
    {
      CouncilAgendaItem *item = g_list_model_get_item (G_LIST_MODEL (agenda), i);
      GListModel *item_outcomes = G_LIST_MODEL (council_agenda_item_get_outcomes (item));

      for (guint j = 0; j < g_list_model_get_n_items (item_outcomes); j++)
        {
          CouncilOutcome *o = g_list_model_get_item (item_outcomes, j);
          g_hash_table_insert (outcomes, g_memdup2 (&(gint64) { council_outcome_get_id (o) }, sizeof (gint64)), o);
        }
      g_hash_table_insert (items, g_memdup2 (&(gint64) { council_agenda_item_get_id (item) }, sizeof (gint64)), item);
    }
  n = get_int64 (draft, "agenda_count", 0);
  for (gint64 i = 0; i < n; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("agenda.%" G_GINT64_FORMAT ".", i);
      g_autofree char *k = NULL;
      gint64 id = get_int64 (draft, (k = g_strconcat (prefix, "id", NULL)), 0);
      CouncilAgendaItem *item = id > 0 ? g_hash_table_lookup (items, &id) : NULL;
      g_autofree char *presenter = NULL;

      item = item != NULL ? g_object_ref (item) : council_agenda_item_new ("");
      g_free (k);
      v = get_text (draft, (k = g_strconcat (prefix, "title", NULL)), "");
      council_agenda_item_set_title (item, v);
      g_clear_pointer (&v, g_free);
      g_free (k);
      presenter = get_text (draft, (k = g_strconcat (prefix, "presenter_name", NULL)), "");
      g_free (k);
      council_agenda_item_set_presenter (item, get_int64 (draft, (k = g_strconcat (prefix, "presenter_org_id", NULL)), 0),
                                         presenter);
      g_free (k);
      v = get_text (draft, (k = g_strconcat (prefix, "notes", NULL)), "");
      council_agenda_item_set_notes (item, v);
      g_clear_pointer (&v, g_free);
      apply_outcomes (draft, prefix, item, outcomes);
      g_ptr_array_add (fresh, item);
    }
  g_list_store_splice (agenda, 0, g_list_model_get_n_items (G_LIST_MODEL (agenda)), fresh->pdata, fresh->len);
}

/* ---- progress notes ---- */

CouncilDraft *
council_draft_new_for_progress_note (gint64 action_item_id, gint64 base_version, const char *title,
                                     const char *noted_on, const char *text, int status)
{
  CouncilDraft *draft = draft_begin ("action-item", action_item_id, base_version, title);

  set_text (draft->fields, "noted_on", noted_on);
  set_text (draft->fields, "text", text);
  set_text (draft->fields, "status", status >= 0 ? council_action_status_to_string (status) : "");
  return draft;
}

void
council_draft_get_progress_note (CouncilDraft *draft, char **noted_on, char **text, int *status)
{
  g_autofree char *status_text = get_text (draft, "status", "");
  CouncilActionStatus value;

  *noted_on = get_text (draft, "noted_on", "");
  *text = get_text (draft, "text", "");
  *status = *status_text && council_action_status_from_string (status_text, &value) ? (int) value : -1;
}

/* ---- projects ---- */

CouncilDraft *
council_draft_new_for_project (CouncilProject *form, gint64 base_version, const char *title,
                               const char *budget_text, const char * const *fund_amount_texts)
{
  CouncilDraft *draft = draft_begin ("project", council_project_get_id (form), base_version, title);
  GListModel *partners = G_LIST_MODEL (council_project_get_partners (form));
  GListModel *milestones = G_LIST_MODEL (council_project_get_milestones (form));
  GListModel *funds = G_LIST_MODEL (council_project_get_fund_entries (form));
  GArray *liaisons = council_project_get_liaison_ids (form);
  g_autoptr(GString) ids = g_string_new (NULL);
  GKeyFile *f = draft->fields;
  guint n;

  set_text (f, "code", council_project_get_code (form));
  set_text (f, "title_zh", council_project_get_title_zh (form));
  set_text (f, "title_en", council_project_get_title_en (form));
  set_int64 (f, "category_id", council_project_get_category_id (form));
  set_int64 (f, "lead_org_id", council_project_get_lead_org_id (form));
  set_text (f, "target_group", council_project_get_target_group (form));
  set_text (f, "start_date", council_project_get_start_date (form));
  set_text (f, "end_date", council_project_get_end_date (form));
  set_text (f, "status", council_project_status_to_string (council_project_get_status (form)));
  set_text (f, "status_changed_on", council_project_get_status_changed_on (form));
  set_text (f, "health", council_project_health_to_string (council_project_get_health (form)));
  if (budget_text != NULL)
    set_text (f, "budget_text", budget_text);
  set_int64 (f, "budget_fen", council_project_get_budget_fen (form));
  set_int64 (f, "planned_beneficiaries", council_project_get_planned_beneficiaries (form));
  set_int64 (f, "actual_beneficiaries", council_project_get_actual_beneficiaries (form));
  set_int64 (f, "is_brand", council_project_get_is_brand (form));
  set_text (f, "description", council_project_get_description (form));

  for (guint i = 0; liaisons != NULL && i < liaisons->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (liaisons, gint64, i));
  set_text (f, "liaison_ids", ids->str);

  n = g_list_model_get_n_items (partners);
  set_int64 (f, "partner_count", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilProjectPartner) p = g_list_model_get_item (partners, i);
      g_autofree char *k_id = g_strdup_printf ("partner%u_id", i);
      g_autofree char *k_org = g_strdup_printf ("partner%u_org_id", i);
      g_autofree char *k_role = g_strdup_printf ("partner%u_role", i);

      set_int64 (f, k_id, council_project_partner_get_id (p));
      set_int64 (f, k_org, council_project_partner_get_org_id (p));
      set_text (f, k_role, council_partner_role_to_string (council_project_partner_get_role (p)));
    }

  n = g_list_model_get_n_items (milestones);
  set_int64 (f, "milestone_count", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilMilestone) m = g_list_model_get_item (milestones, i);
      g_autofree char *k_id = g_strdup_printf ("milestone%u_id", i);
      g_autofree char *k_title = g_strdup_printf ("milestone%u_title", i);
      g_autofree char *k_due = g_strdup_printf ("milestone%u_due", i);
      g_autofree char *k_done = g_strdup_printf ("milestone%u_done", i);

      set_int64 (f, k_id, council_milestone_get_id (m));
      set_text (f, k_title, council_milestone_get_title (m));
      set_text (f, k_due, council_milestone_get_due_date (m));
      set_text (f, k_done, council_milestone_get_done_date (m));
    }

  n = g_list_model_get_n_items (funds);
  set_int64 (f, "fund_count", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilFundEntry) e = g_list_model_get_item (funds, i);
      g_autofree char *k = NULL;

#define KEY(name) (g_free (k), k = g_strdup_printf ("fund%u_%s", i, name))
      set_int64 (f, KEY ("id"), council_fund_entry_get_id (e));
      set_text (f, KEY ("source"), council_fund_source_to_string (council_fund_entry_get_source (e)));
      set_text (f, KEY ("kind"), council_fund_kind_to_string (council_fund_entry_get_kind (e)));
      set_int64 (f, KEY ("amount_fen"), council_fund_entry_get_amount_fen (e));
      if (fund_amount_texts != NULL && i < g_strv_length ((char **) fund_amount_texts))
        set_text (f, KEY ("amount_text"), fund_amount_texts[i]);
      set_text (f, KEY ("date"), council_fund_entry_get_entry_date (e));
      set_text (f, KEY ("counterparty"), council_fund_entry_get_counterparty (e));
      set_text (f, KEY ("voucher"), council_fund_entry_get_voucher_no (e));
      set_text (f, KEY ("note"), council_fund_entry_get_note (e));
#undef KEY
    }
  return draft;
}

void
council_draft_apply_to_project (CouncilDraft *draft, CouncilProject *project, char **budget_text,
                                GStrv *fund_amount_texts)
{
  g_autofree char *v = NULL;
  CouncilProjectStatus status = council_project_get_status (project);
  CouncilProjectHealth health = council_project_get_health (project);
  g_autoptr(GPtrArray) amounts = g_ptr_array_new_with_free_func (g_free);
  int n;

  g_return_if_fail (draft != NULL && COUNCIL_IS_PROJECT (project));

#define TEXT(key, setter) \
  v = get_text (draft, key, NULL); if (v) setter (project, v); g_clear_pointer (&v, g_free);
  TEXT ("code", council_project_set_code);
  TEXT ("title_zh", council_project_set_title_zh);
  TEXT ("title_en", council_project_set_title_en);
  TEXT ("target_group", council_project_set_target_group);
  TEXT ("start_date", council_project_set_start_date);
  TEXT ("end_date", council_project_set_end_date);
  TEXT ("status_changed_on", council_project_set_status_changed_on);
  TEXT ("description", council_project_set_description);
#undef TEXT
  council_project_set_category_id (project, get_int64 (draft, "category_id", council_project_get_category_id (project)));
  council_project_set_lead_org_id (project, get_int64 (draft, "lead_org_id", council_project_get_lead_org_id (project)));
  v = get_text (draft, "status", ""); council_project_status_from_string (v, &status); g_clear_pointer (&v, g_free);
  v = get_text (draft, "health", ""); council_project_health_from_string (v, &health); g_clear_pointer (&v, g_free);
  council_project_set_status (project, status);
  council_project_set_health (project, health);
  council_project_set_budget_fen (project, get_int64 (draft, "budget_fen", council_project_get_budget_fen (project)));
  council_project_set_planned_beneficiaries (project, get_int (draft, "planned_beneficiaries",
                                                              council_project_get_planned_beneficiaries (project)));
  council_project_set_actual_beneficiaries (project, get_int (draft, "actual_beneficiaries",
                                                             council_project_get_actual_beneficiaries (project)));
  council_project_set_is_brand (project, get_int (draft, "is_brand", council_project_get_is_brand (project)) != 0);
  if (budget_text != NULL)
    *budget_text = get_text (draft, "budget_text", NULL);

  v = get_text (draft, "liaison_ids", NULL);
  if (v != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (v, ",", -1);
      gint64 id;

      g_array_set_size (council_project_get_liaison_ids (project), 0);
      for (guint i = 0; parts[i] != NULL; i++)
        if (g_ascii_string_to_signed (parts[i], 10, 1, G_MAXINT64, &id, NULL))
          council_project_add_liaison_id (project, id);
      g_clear_pointer (&v, g_free);
    }

  n = get_int (draft, "partner_count", -1);
  if (n >= 0)
    {
      GListStore *partners = council_project_get_partners (project);

      g_list_store_remove_all (partners);
      for (int i = 0; i < n; i++)
        {
          g_autofree char *k_id = g_strdup_printf ("partner%d_id", i);
          g_autofree char *k_org = g_strdup_printf ("partner%d_org_id", i);
          g_autofree char *k_role = g_strdup_printf ("partner%d_role", i);
          g_autofree char *role_text = get_text (draft, k_role, "");
          CouncilPartnerRole role = COUNCIL_PARTNER_ROLE_CO_ORGANIZER;
          g_autoptr(CouncilProjectPartner) p = NULL;

          council_partner_role_from_string (role_text, &role);
          p = council_project_partner_new (get_int64 (draft, k_org, 0), role);
          council_project_partner_set_id (p, get_int64 (draft, k_id, 0));
          g_list_store_append (partners, p);
        }
    }

  n = get_int (draft, "milestone_count", -1);
  if (n >= 0)
    {
      GListStore *milestones = council_project_get_milestones (project);

      g_list_store_remove_all (milestones);
      for (int i = 0; i < n; i++)
        {
          g_autofree char *k_id = g_strdup_printf ("milestone%d_id", i);
          g_autofree char *k_title = g_strdup_printf ("milestone%d_title", i);
          g_autofree char *k_due = g_strdup_printf ("milestone%d_due", i);
          g_autofree char *k_done = g_strdup_printf ("milestone%d_done", i);
          g_autofree char *title = get_text (draft, k_title, "");
          g_autofree char *due = get_text (draft, k_due, "");
          g_autofree char *done = get_text (draft, k_done, "");
          g_autoptr(CouncilMilestone) m = council_milestone_new (title, due, done);

          council_milestone_set_id (m, get_int64 (draft, k_id, 0));
          g_list_store_append (milestones, m);
        }
    }

  n = get_int (draft, "fund_count", -1);
  if (n >= 0)
    {
      GListStore *funds = council_project_get_fund_entries (project);

      g_list_store_remove_all (funds);
      for (int i = 0; i < n; i++)
        {
          g_autofree char *k = NULL;
          g_autofree char *source_text = NULL, *kind_text = NULL, *date = NULL;
          g_autofree char *counterparty = NULL, *voucher = NULL, *note = NULL;
          CouncilFundSource source = COUNCIL_FUND_SOURCE_GOV_PURCHASE;
          CouncilFundKind kind = COUNCIL_FUND_KIND_RAISED;
          g_autoptr(CouncilFundEntry) e = NULL;

#define KEY(name) (g_free (k), k = g_strdup_printf ("fund%d_%s", i, name))
          source_text = get_text (draft, KEY ("source"), "");
          kind_text = get_text (draft, KEY ("kind"), "");
          date = get_text (draft, KEY ("date"), "");
          council_fund_source_from_string (source_text, &source);
          council_fund_kind_from_string (kind_text, &kind);
          e = council_fund_entry_new (source, kind, get_int64 (draft, KEY ("amount_fen"), 0), date);
          council_fund_entry_set_id (e, get_int64 (draft, KEY ("id"), 0));
          counterparty = get_text (draft, KEY ("counterparty"), "");
          voucher = get_text (draft, KEY ("voucher"), "");
          note = get_text (draft, KEY ("note"), "");
          council_fund_entry_set_counterparty (e, counterparty);
          council_fund_entry_set_voucher_no (e, voucher);
          council_fund_entry_set_note (e, note);
          g_ptr_array_add (amounts, get_text (draft, KEY ("amount_text"), NULL));
#undef KEY
          g_list_store_append (funds, e);
        }
    }
  if (fund_amount_texts != NULL)
    {
      GListModel *funds = G_LIST_MODEL (council_project_get_fund_entries (project));

      /* An entry whose text was not kept shows its amount. */
      *fund_amount_texts = g_new0 (char *, amounts->len + 1);
      for (guint i = 0; i < amounts->len; i++)
        {
          if (amounts->pdata[i] != NULL)
            (*fund_amount_texts)[i] = g_steal_pointer (&amounts->pdata[i]);
          else
            {
              g_autoptr(CouncilFundEntry) e = g_list_model_get_item (funds, i);
              gint64 fen = e ? council_fund_entry_get_amount_fen (e) : 0;

              (*fund_amount_texts)[i] = fen > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", fen / 100, (int) (fen % 100))
                                                : g_strdup ("");
            }
        }
    }
}

/* ---- policy documents ---- */

CouncilDraft *
council_draft_new_for_document (CouncilDocument *form, gint64 base_version, const char *title)
{
  CouncilDraft *draft = draft_begin ("document", council_document_get_id (form), base_version, title);
  GKeyFile *f = draft->fields;

  set_text (f, "title", council_document_get_title (form));
  set_text (f, "issuing_body", council_document_get_issuing_body (form));
  set_text (f, "doc_number", council_document_get_doc_number (form));
  set_text (f, "issue_date", council_document_get_issue_date (form));
  set_text (f, "kind", council_document_kind_to_string (council_document_get_kind (form)));
  set_text (f, "tags", council_document_get_tags (form));
  return draft;
}

void
council_draft_apply_to_document (CouncilDraft *draft, CouncilDocument *document)
{
  g_autofree char *v = NULL;
  CouncilDocumentKind kind = council_document_get_kind (document);

#define TEXT(key, setter) \
  v = get_text (draft, key, NULL); if (v) setter (document, v); g_clear_pointer (&v, g_free);
  TEXT ("title", council_document_set_title);
  TEXT ("issuing_body", council_document_set_issuing_body);
  TEXT ("doc_number", council_document_set_doc_number);
  TEXT ("issue_date", council_document_set_issue_date);
  TEXT ("tags", council_document_set_tags);
#undef TEXT
  v = get_text (draft, "kind", "");
  if (council_document_kind_from_string (v, &kind))
    council_document_set_kind (document, kind);
}
