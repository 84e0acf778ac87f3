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

CouncilDraft *
council_draft_new_for_organization (CouncilOrganization *form, gint64 base_version, const char *title)
{
  CouncilDraft *draft = g_new0 (CouncilDraft, 1);
  GListModel *officers = G_LIST_MODEL (council_organization_get_liaison_officers (form));
  g_autoptr(GString) liaison = g_string_new (NULL);
  GKeyFile *f;

  draft->kind = g_strdup ("organization");
  draft->record_id = council_organization_get_id (form);
  draft->version = base_version;
  draft->title = g_strdup (title);
  draft->fields = f = g_key_file_new ();
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
