/* council-store-roster.c: the organizations and their liaison officers.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-store"

#include "config.h"

#include <glib/gi18n.h>

#include "council-store-private.h"

#define ORG_COLUMNS \
  "id, version, name_zh, name_en, short_name, category, council_role, contact_person, " \
  "phone, email, address, posts_established, staff_in_post, seconded_out, part_time, " \
  "coverage, notes, retired, sort_order"

static void
fill_organization_from_row (CouncilOrganization *org, sqlite3_stmt *stmt)
{
  CouncilCategory category = COUNCIL_CATEGORY_OTHER;
  CouncilRole role = COUNCIL_ROLE_MEMBER;
  CouncilCoverage coverage = COUNCIL_COVERAGE_DISTRICT;

  council_organization_set_id (org, sqlite3_column_int64 (stmt, 0));
  council_organization_set_version (org, sqlite3_column_int64 (stmt, 1));
  council_organization_set_name_zh (org, (const char *) sqlite3_column_text (stmt, 2));
  council_organization_set_name_en (org, (const char *) sqlite3_column_text (stmt, 3));
  council_organization_set_short_name (org, (const char *) sqlite3_column_text (stmt, 4));
  council_category_from_string ((const char *) sqlite3_column_text (stmt, 5), &category);
  council_organization_set_category (org, category);
  council_role_from_string ((const char *) sqlite3_column_text (stmt, 6), &role);
  council_organization_set_council_role (org, role);
  council_organization_set_contact_person (org, (const char *) sqlite3_column_text (stmt, 7));
  council_organization_set_phone (org, (const char *) sqlite3_column_text (stmt, 8));
  council_organization_set_email (org, (const char *) sqlite3_column_text (stmt, 9));
  council_organization_set_address (org, (const char *) sqlite3_column_text (stmt, 10));
  council_organization_set_posts_established (org, sqlite3_column_int (stmt, 11));
  council_organization_set_staff_in_post (org, sqlite3_column_int (stmt, 12));
  council_organization_set_seconded_out (org, sqlite3_column_int (stmt, 13));
  council_organization_set_part_time (org, sqlite3_column_int (stmt, 14));
  council_coverage_from_string ((const char *) sqlite3_column_text (stmt, 15), &coverage);
  council_organization_set_coverage (org, coverage);
  council_organization_set_notes (org, (const char *) sqlite3_column_text (stmt, 16));
  council_organization_set_retired (org, sqlite3_column_int (stmt, 17) != 0);
  council_organization_set_sort_order (org, sqlite3_column_int (stmt, 18));
}

static CouncilOrganization *
organization_from_row (sqlite3_stmt *stmt)
{
  CouncilOrganization *org = council_organization_new ();

  fill_organization_from_row (org, stmt);
  return org;
}

static gboolean
load_liaison_officers (CouncilStore *self, GHashTable *by_id, gint64 only_org, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT organization_id, name, department, phone, id FROM liaison_officer "
    "WHERE ?1 = 0 OR organization_id = ?1 ORDER BY organization_id, position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, only_org);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CouncilOrganization *org = g_hash_table_lookup (by_id, &(gint64) { sqlite3_column_int64 (stmt, 0) });
      g_autoptr(CouncilLiaisonOfficer) lo = NULL;

      if (org == NULL)
        continue;
      lo = council_liaison_officer_new ((const char *) sqlite3_column_text (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 2),
                                        (const char *) sqlite3_column_text (stmt, 3));
      council_liaison_officer_set_id (lo, sqlite3_column_int64 (stmt, 4));
      g_list_store_append (council_organization_get_liaison_officers (org), lo);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

GListStore *
council_store_list_organizations (CouncilStore *self, gboolean include_retired, GError **error)
{
  g_autoptr(GListStore) list = g_list_store_new (COUNCIL_TYPE_ORGANIZATION);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (COUNCIL_IS_STORE (self), NULL);

  stmt = council_store_prepare (self,
    "SELECT " ORG_COLUMNS " FROM organization WHERE ?1 OR retired = 0 ORDER BY sort_order, id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_retired ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CouncilOrganization) org = organization_from_row (stmt);
      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { council_organization_get_id (org) }, sizeof (gint64)), org);
      g_list_store_append (list, org);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (!load_liaison_officers (self, by_id, 0, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
council_store_foreach_organization (CouncilStore            *self,
                                    gboolean                 include_retired,
                                    CouncilOrganizationFunc  func,
                                    gpointer                 user_data,
                                    GError                 **error)
{
  g_autoptr(CouncilOrganization) org = NULL;
  GListStore *list;
  sqlite3_stmt *stmt;
  gint64 current = 0;
  gboolean stopped = FALSE;
  int rc;

  g_return_val_if_fail (COUNCIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* One pass in roster order, officers joined beside their organization, so an
   * export of thousands holds one organization in memory and runs one query.
   * Both sides are read in index order: nothing is sorted. */
  stmt = council_store_prepare (self,
    "SELECT o.id, o.version, o.name_zh, o.name_en, o.short_name, o.category, o.council_role, "
    "o.contact_person, o.phone, o.email, o.address, o.posts_established, o.staff_in_post, "
    "o.seconded_out, o.part_time, o.coverage, o.notes, o.retired, o.sort_order, "
    "l.id, l.name, l.department, l.phone "
    "FROM organization o LEFT JOIN liaison_officer l ON l.organization_id = o.id "
    "WHERE ?1 OR o.retired = 0 ORDER BY o.sort_order, o.id, l.position, l.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, include_retired ? 1 : 0);

  /* One record object is refilled for every organization: callers get it only
   * for the duration of the call (they copy what they keep). */
  org = council_organization_new ();
  list = council_organization_get_liaison_officers (org);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id != current)
        {
          if (current != 0 && !func (org, user_data))
            {
              stopped = TRUE;
              break;
            }
          current = id;
          fill_organization_from_row (org, stmt);
          g_list_store_remove_all (list);
        }
      if (sqlite3_column_type (stmt, 19) != SQLITE_NULL)
        {
          g_autoptr(CouncilLiaisonOfficer) lo =
            council_liaison_officer_new ((const char *) sqlite3_column_text (stmt, 20),
                                         (const char *) sqlite3_column_text (stmt, 21),
                                         (const char *) sqlite3_column_text (stmt, 22));
          council_liaison_officer_set_id (lo, sqlite3_column_int64 (stmt, 19));
          g_list_store_append (list, lo);
        }
    }
  sqlite3_reset (stmt);
  if (!stopped && rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error);
  if (!stopped && current != 0)
    func (org, user_data);
  return TRUE;
}

CouncilOrganization *
council_store_get_organization (CouncilStore *self, gint64 id, GError **error)
{
  g_autoptr(CouncilOrganization) org = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT " ORG_COLUMNS " FROM organization WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    org = organization_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (org == NULL)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND,
                   _("The organization no longer exists."));
      return NULL;
    }
  g_hash_table_insert (by_id, &id, org);
  if (!load_liaison_officers (self, by_id, id, error))
    return NULL;
  return g_steal_pointer (&org);
}

gint64
council_store_find_organization_by_name (CouncilStore *self, const char *name, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT id FROM organization WHERE name_zh = ?1 COLLATE NOCASE "
    "OR (name_en <> '' AND name_en = ?1 COLLATE NOCASE) "
    "OR (short_name <> '' AND short_name = ?1 COLLATE NOCASE) "
    "ORDER BY (name_zh = ?1 COLLATE NOCASE) DESC, id LIMIT 1", error);
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return -1;
    }
  return id;
}

guint
council_store_count_organizations (CouncilStore *self, gboolean include_retired)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT count(*) FROM organization WHERE ?1 OR retired = 0", NULL);
  guint n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, include_retired ? 1 : 0);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gboolean
check_unique_names (CouncilStore *self, CouncilOrganization *org, GError **error)
{
  sqlite3_stmt *stmt = council_store_prepare (self,
    "SELECT name_zh = ?1 COLLATE NOCASE FROM organization "
    "WHERE id <> ?3 AND (name_zh = ?1 COLLATE NOCASE OR (?2 <> '' AND name_en = ?2 COLLATE NOCASE)) "
    "LIMIT 1", error);
  int rc;
  gboolean zh_clash;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, council_organization_get_name_zh (org), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, council_organization_get_name_en (org), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, council_organization_get_id (org));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return council_store_set_sqlite_error (self, rc, error);
      return TRUE;
    }
  zh_clash = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (zh_clash)
    g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ORG_FIELD_NAME_ZH,
                 _("Another organization is already called “%s”."),
                 council_organization_get_name_zh (org));
  else
    g_set_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ORG_FIELD_NAME_EN,
                 _("Another organization is already called “%s”."),
                 council_organization_get_name_en (org));
  return FALSE;
}

static gboolean
step_done (CouncilStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static void
bind_organization (sqlite3_stmt *stmt, CouncilOrganization *org)
{
  sqlite3_bind_text (stmt, 1, council_organization_get_name_zh (org), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, council_organization_get_name_en (org), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, council_organization_get_short_name (org), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, council_category_to_string (council_organization_get_category (org)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, council_role_to_string (council_organization_get_council_role (org)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, council_organization_get_contact_person (org), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, council_organization_get_phone (org), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, council_organization_get_email (org), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, council_organization_get_address (org), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 10, council_organization_get_posts_established (org));
  sqlite3_bind_int (stmt, 11, council_organization_get_staff_in_post (org));
  sqlite3_bind_int (stmt, 12, council_organization_get_seconded_out (org));
  sqlite3_bind_int (stmt, 13, council_organization_get_part_time (org));
  sqlite3_bind_text (stmt, 14, council_coverage_to_string (council_organization_get_coverage (org)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, council_organization_get_notes (org), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 16, council_organization_get_retired (org) ? 1 : 0);
}

typedef struct
{
  gint64 id;
  char *name;
  gboolean kept;
} ExistingOfficer;

static void
existing_officer_clear (gpointer data)
{
  g_free (((ExistingOfficer *) data)->name);
}

/* Which stored officer an edited one is: its own id, or else (an import, which
 * carries no ids) a stored officer of the same name. Projects link officers by
 * id, so an officer keeps it as long as they stay on the roster. */
static gint64
claim_existing_officer (GArray *existing, CouncilLiaisonOfficer *lo)
{
  gint64 id = council_liaison_officer_get_id (lo);

  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < existing->len; k++)
      {
        ExistingOfficer *e = &g_array_index (existing, ExistingOfficer, k);

        if (e->kept)
          continue;
        if (pass == 0 ? (id != 0 && e->id == id)
                      : (id == 0 && g_strcmp0 (e->name, council_liaison_officer_get_name (lo)) == 0))
          {
            e->kept = TRUE;
            return e->id;
          }
      }
  return 0;
}

/* Rows are updated in place only where something changed, so unchanged
 * officers leave no history behind. */
static gboolean
save_liaison_officers (CouncilStore *self, gint64 org_id, GListModel *officers, GError **error)
{
  g_autoptr(GArray) existing = g_array_new (FALSE, TRUE, sizeof (ExistingOfficer));
  guint n = g_list_model_get_n_items (officers);
  g_autofree gint64 *claimed = g_new0 (gint64, MAX (n, 1));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (existing, existing_officer_clear);
  stmt = council_store_prepare (self,
    "SELECT id, name FROM liaison_officer WHERE organization_id = ? ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, org_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ExistingOfficer e = { sqlite3_column_int64 (stmt, 0), council_store_column_text (stmt, 1), FALSE };
      g_array_append_val (existing, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (self, rc, error);

  /* Explicit ids first, then names, so a renamed officer is not mistaken. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilLiaisonOfficer) lo = g_list_model_get_item (officers, i);
      if (council_liaison_officer_get_id (lo) != 0)
        claimed[i] = claim_existing_officer (existing, lo);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilLiaisonOfficer) lo = g_list_model_get_item (officers, i);
      if (council_liaison_officer_get_id (lo) == 0)
        claimed[i] = claim_existing_officer (existing, lo);
    }

  /* Removed officers go first: their positions are then free. */
  for (guint k = 0; k < existing->len; k++)
    {
      ExistingOfficer *e = &g_array_index (existing, ExistingOfficer, k);

      if (e->kept)
        continue;
      stmt = council_store_prepare (self, "DELETE FROM liaison_officer WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, e->id);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilLiaisonOfficer) lo = g_list_model_get_item (officers, i);

      if (claimed[i] != 0)
        {
          stmt = council_store_prepare (self,
            "UPDATE liaison_officer SET name = ?1, department = ?2, phone = ?3, position = ?4 "
            "WHERE id = ?5 AND (name IS NOT ?1 OR department IS NOT ?2 OR phone IS NOT ?3 OR position IS NOT ?4)",
            error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 5, claimed[i]);
        }
      else
        {
          stmt = council_store_prepare (self,
            "INSERT INTO liaison_officer (name, department, phone, position, organization_id) "
            "VALUES (?1, ?2, ?3, ?4, ?5)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 5, org_id);
        }
      sqlite3_bind_text (stmt, 1, council_liaison_officer_get_name (lo), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, council_liaison_officer_get_department (lo), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, council_liaison_officer_get_phone (lo), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, (int) i);
      if (!step_done (self, stmt, error))
        return FALSE;
      council_liaison_officer_set_id (lo, claimed[i] != 0 ? claimed[i]
                                          : sqlite3_last_insert_rowid (council_store_get_db (self)));
    }
  return TRUE;
}

static gboolean
report_conflict (CouncilStore *self, CouncilOrganization *org, GError **error)
{
  g_autoptr(CouncilOrganization) current = council_store_get_organization (self, council_organization_get_id (org), NULL);

  if (current == NULL)
    g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_NOT_FOUND,
                 _("“%s” no longer exists; it was removed by another change."),
                 council_organization_get_display_name (org));
  else
    g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT,
                 _("“%s” was changed by someone else since you opened it. Reload it to see their change, or save again to overwrite it."),
                 council_organization_get_display_name (org));
  return FALSE;
}

/* Writes one organization inside the change already begun. *out_changed says
 * whether any row was touched; the new id and version are returned so that
 * the caller can update the object only once the change is committed. */
static gboolean
save_one_organization (CouncilStore *self, CouncilOrganization *org, gint64 *out_id,
                       gint64 *out_version, gboolean *out_changed, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = council_organization_get_id (org);
  gint64 version = council_organization_get_version (org);
  int changes_before = sqlite3_total_changes (council_store_get_db (self));

  if (id == 0)
    {
      stmt = council_store_prepare (self,
        "INSERT INTO organization (name_zh, name_en, short_name, category, council_role, "
        "contact_person, phone, email, address, posts_established, staff_in_post, seconded_out, "
        "part_time, coverage, notes, retired, sort_order) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
        "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, (SELECT coalesce(max(sort_order), 0) + 1 FROM organization))",
        error);
      if (stmt == NULL)
        return FALSE;
      bind_organization (stmt, org);
      if (!step_done (self, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (council_store_get_db (self));
      version = 1;
    }
  else
    {
      /* Optimistic locking: the row must still be the version the editor read.
       * Only rows whose content differs are touched. */
      stmt = council_store_prepare (self,
        "UPDATE organization SET name_zh = ?1, name_en = ?2, short_name = ?3, category = ?4, "
        "council_role = ?5, contact_person = ?6, phone = ?7, email = ?8, address = ?9, "
        "posts_established = ?10, staff_in_post = ?11, seconded_out = ?12, part_time = ?13, "
        "coverage = ?14, notes = ?15, retired = ?16, version = version + 1 "
        "WHERE id = ?17 AND version = ?18 AND (name_zh IS NOT ?1 OR name_en IS NOT ?2 OR "
        "short_name IS NOT ?3 OR category IS NOT ?4 OR council_role IS NOT ?5 OR "
        "contact_person IS NOT ?6 OR phone IS NOT ?7 OR email IS NOT ?8 OR address IS NOT ?9 OR "
        "posts_established IS NOT ?10 OR staff_in_post IS NOT ?11 OR seconded_out IS NOT ?12 OR "
        "part_time IS NOT ?13 OR coverage IS NOT ?14 OR notes IS NOT ?15 OR retired IS NOT ?16)",
        error);
      if (stmt == NULL)
        return FALSE;
      bind_organization (stmt, org);
      sqlite3_bind_int64 (stmt, 17, id);
      sqlite3_bind_int64 (stmt, 18, version);
      if (!step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (council_store_get_db (self)) == 0)
        {
          /* Unchanged, or changed elsewhere: the version tells which. */
          gboolean same_version;

          stmt = council_store_prepare (self, "SELECT version FROM organization WHERE id = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          same_version = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == version;
          sqlite3_reset (stmt);
          if (!same_version)
            return report_conflict (self, org, error);
        }
      else
        version++;
    }

  if (!save_liaison_officers (self, id, G_LIST_MODEL (council_organization_get_liaison_officers (org)), error))
    return FALSE;

  *out_id = id;
  *out_version = version;
  *out_changed = sqlite3_total_changes (council_store_get_db (self)) - changes_before > 0;
  return TRUE;
}

gboolean
council_store_check_organization_names (CouncilStore *self, CouncilOrganization *org, GError **error)
{
  g_return_val_if_fail (COUNCIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (COUNCIL_IS_ORGANIZATION (org), FALSE);

  return check_unique_names (self, org, error);
}

gboolean
council_store_save_organization (CouncilStore *self, CouncilOrganization *org, GError **error)
{
  g_autofree char *summary = NULL;
  gint64 id = 0, version = 0;
  gboolean changed = FALSE;

  g_return_val_if_fail (COUNCIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (COUNCIL_IS_ORGANIZATION (org), FALSE);

  if (!council_organization_validate (org, error))
    return FALSE;
  if (!check_unique_names (self, org, error))
    return FALSE;

  summary = council_organization_get_id (org) == 0
    ? g_strdup_printf (_("Add organization “%s”"), council_organization_get_display_name (org))
    : g_strdup_printf (_("Edit organization “%s”"), council_organization_get_display_name (org));
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  if (!save_one_organization (self, org, &id, &version, &changed, error))
    {
      council_store_rollback_change (self);
      return FALSE;
    }
  if (!changed)
    {
      /* Nothing to record: no empty entry in the history or the undo stack. */
      council_store_rollback_change (self);
      return TRUE;
    }
  if (!council_store_commit_change (self, error))
    return FALSE;
  council_organization_set_id (org, id);
  council_organization_set_version (org, version);
  council_store_emit_changed (self, "organization");
  return TRUE;
}

gboolean
council_store_save_organizations (CouncilStore          *self,
                                  GPtrArray             *orgs,
                                  const char            *summary,
                                  CouncilStoreSaveFlags  flags,
                                  GError               **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), orgs->len * 2);
  gboolean any_changed = FALSE;

  g_return_val_if_fail (COUNCIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (orgs != NULL, FALSE);

  if (orgs->len == 0)
    return TRUE;
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  if ((flags & COUNCIL_STORE_SAVE_NOT_UNDOABLE) != 0 &&
      !council_store_exec (self, "UPDATE change SET undoable = 0 WHERE id = (SELECT max(id) FROM change)", error))
    goto fail;

  for (guint i = 0; i < orgs->len; i++)
    {
      CouncilOrganization *org = g_ptr_array_index (orgs, i);
      g_autoptr(GError) local = NULL;
      gint64 id = 0, version = 0;
      gboolean changed = FALSE;

      /* Names are checked inside the transaction, against the rows written
       * before this one, so two new rows cannot take the same name. */
      if (!council_organization_validate (org, &local) ||
          !check_unique_names (self, org, &local) ||
          !save_one_organization (self, org, &id, &version, &changed, &local))
        {
          g_set_error (error, local->domain, local->code, "“%s”: %s",
                       council_organization_get_display_name (org), local->message);
          goto fail;
        }
      any_changed |= changed;
      g_array_append_val (ids, id);
      g_array_append_val (ids, version);
    }

  if (!any_changed)
    {
      council_store_rollback_change (self);
      return TRUE;
    }
  if (!council_store_commit_change (self, error))
    return FALSE;
  for (guint i = 0; i < orgs->len; i++)
    {
      council_organization_set_id (g_ptr_array_index (orgs, i), g_array_index (ids, gint64, 2 * i));
      council_organization_set_version (g_ptr_array_index (orgs, i), g_array_index (ids, gint64, 2 * i + 1));
    }
  council_store_emit_changed (self, "organization");
  return TRUE;

fail:
  council_store_rollback_change (self);
  return FALSE;
}

static CouncilOrganization *
organization_from_json_row (sqlite3_stmt *stmt)
{
  CouncilOrganization *org = council_organization_new ();
  CouncilCategory category = COUNCIL_CATEGORY_OTHER;
  CouncilRole role = COUNCIL_ROLE_MEMBER;
  CouncilCoverage coverage = COUNCIL_COVERAGE_DISTRICT;

  council_organization_set_name_zh (org, (const char *) sqlite3_column_text (stmt, 1));
  council_organization_set_name_en (org, (const char *) sqlite3_column_text (stmt, 2));
  council_organization_set_short_name (org, (const char *) sqlite3_column_text (stmt, 3));
  council_category_from_string ((const char *) sqlite3_column_text (stmt, 4), &category);
  council_organization_set_category (org, category);
  council_role_from_string ((const char *) sqlite3_column_text (stmt, 5), &role);
  council_organization_set_council_role (org, role);
  council_organization_set_contact_person (org, (const char *) sqlite3_column_text (stmt, 6));
  council_organization_set_phone (org, (const char *) sqlite3_column_text (stmt, 7));
  council_organization_set_email (org, (const char *) sqlite3_column_text (stmt, 8));
  council_organization_set_address (org, (const char *) sqlite3_column_text (stmt, 9));
  council_organization_set_posts_established (org, sqlite3_column_int (stmt, 10));
  council_organization_set_staff_in_post (org, sqlite3_column_int (stmt, 11));
  council_organization_set_seconded_out (org, sqlite3_column_int (stmt, 12));
  council_organization_set_part_time (org, sqlite3_column_int (stmt, 13));
  council_coverage_from_string ((const char *) sqlite3_column_text (stmt, 14), &coverage);
  council_organization_set_coverage (org, coverage);
  council_organization_set_notes (org, (const char *) sqlite3_column_text (stmt, 15));
  return org;
}

GPtrArray *
council_store_organizations_from_json (CouncilStore *self, const char *json, gssize length, GError **error)
{
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (COUNCIL_IS_STORE (self), NULL);

  /* SQLite's JSON functions read the data files; there is no other JSON
   * parser in the core. */
  stmt = council_store_prepare (self,
    "SELECT o.key, json_extract(o.value, '$.name_zh'), coalesce(json_extract(o.value, '$.name_en'), ''), "
    "  coalesce(json_extract(o.value, '$.short_name'), ''), coalesce(json_extract(o.value, '$.category'), 'other'), "
    "  coalesce(json_extract(o.value, '$.council_role'), 'member'), "
    "  coalesce(json_extract(o.value, '$.contact_person'), ''), coalesce(json_extract(o.value, '$.phone'), ''), "
    "  coalesce(json_extract(o.value, '$.email'), ''), coalesce(json_extract(o.value, '$.address'), ''), "
    "  coalesce(json_extract(o.value, '$.posts_established'), 0), coalesce(json_extract(o.value, '$.staff_in_post'), 0), "
    "  coalesce(json_extract(o.value, '$.seconded_out'), 0), coalesce(json_extract(o.value, '$.part_time'), 0), "
    "  coalesce(json_extract(o.value, '$.coverage'), 'district'), coalesce(json_extract(o.value, '$.notes'), ''), "
    "  l.key, coalesce(json_extract(l.value, '$.name'), ''), coalesce(json_extract(l.value, '$.department'), ''), "
    "  coalesce(json_extract(l.value, '$.phone'), '') "
    "FROM json_each(?1) AS o LEFT JOIN json_each(o.value, '$.liaison_officers') AS l "
    "ORDER BY o.key, l.key", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json, length < 0 ? -1 : (int) length, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);
      CouncilOrganization *org;

      if ((gint64) orgs->len <= key)
        g_ptr_array_add (orgs, organization_from_json_row (stmt));
      org = g_ptr_array_index (orgs, orgs->len - 1);
      if (sqlite3_column_type (stmt, 16) != SQLITE_NULL)
        {
          g_autoptr(CouncilLiaisonOfficer) lo =
            council_liaison_officer_new ((const char *) sqlite3_column_text (stmt, 17),
                                         (const char *) sqlite3_column_text (stmt, 18),
                                         (const char *) sqlite3_column_text (stmt, 19));
          g_list_store_append (council_organization_get_liaison_officers (org), lo);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      council_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&orgs);
}

gboolean
council_store_set_organization_retired (CouncilStore *self, gint64 id, gboolean retired, GError **error)
{
  g_autoptr(CouncilOrganization) org = council_store_get_organization (self, id, error);
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  if (org == NULL)
    return FALSE;
  if (council_organization_get_retired (org) == retired)
    return TRUE;
  summary = retired
    ? g_strdup_printf (_("Retire organization “%s”"), council_organization_get_display_name (org))
    : g_strdup_printf (_("Restore organization “%s”"), council_organization_get_display_name (org));
  if (!council_store_begin_change (self, summary, error))
    return FALSE;
  stmt = council_store_prepare (self,
    "UPDATE organization SET retired = ?, version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, retired ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!step_done (self, stmt, error))
    goto fail;
  if (!council_store_commit_change (self, error))
    return FALSE;
  council_store_emit_changed (self, "organization");
  return TRUE;

fail:
  council_store_rollback_change (self);
  return FALSE;
}
