/* council-store.h: the one SQLite file that holds the whole council.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "council-organization.h"

G_BEGIN_DECLS

#define COUNCIL_STORE_ERROR (council_store_error_quark ())

typedef enum
{
  COUNCIL_STORE_ERROR_FAILED,
  COUNCIL_STORE_ERROR_NEWER_VERSION,   /* written by a newer Council Desk */
  COUNCIL_STORE_ERROR_NOT_COUNCIL,     /* not a Council Desk database */
  COUNCIL_STORE_ERROR_READ_ONLY,
  COUNCIL_STORE_ERROR_NOT_FOUND,
  COUNCIL_STORE_ERROR_CONFLICT,        /* changed by someone else since it was read */
  COUNCIL_STORE_ERROR_LOCKED,          /* finalized / approved records */
  COUNCIL_STORE_ERROR_NOTHING_TO_UNDO,
  COUNCIL_STORE_ERROR_BUSY,
} CouncilStoreError;

/* SQLite application_id of a Council Desk database ("QTCD"). */
#define COUNCIL_STORE_APPLICATION_ID 0x51544344

#define COUNCIL_TYPE_STORE (council_store_get_type ())
G_DECLARE_FINAL_TYPE (CouncilStore, council_store, COUNCIL, STORE, GObject)

GQuark        council_store_error_quark        (void);

char         *council_store_default_path       (void);
CouncilStore *council_store_open               (const char    *path,
                                                GError       **error);
CouncilStore *council_store_open_temporary     (GError       **error);
const char   *council_store_get_path           (CouncilStore  *self);
/* TRUE for council_store_open_temporary() stores (--demo), deleted when closed. */
gboolean      council_store_is_temporary       (CouncilStore  *self);
int           council_store_get_schema_version (CouncilStore  *self);
/* When this connection was opened (g_get_real_time()): what an earlier run
 * left behind (drafts, import journals) is older than that. */
gint64        council_store_get_opened_at      (CouncilStore  *self);
int           council_store_get_latest_schema_version (void);

/* Looks whether another process (a command-line import, a second window)
 * committed a change since the last look; if so emits CouncilStore::changed
 * with a NULL table and returns TRUE. Cheap: the window calls it when it
 * gains focus and every few seconds. */
gboolean      council_store_check_external_changes (CouncilStore *self);

/* Copies the live database with the SQLite online backup API. */
gboolean      council_store_backup             (CouncilStore  *self,
                                                const char    *dest_path,
                                                GError       **error);
/* Replaces the contents of this database with a backup (itself validated first). */
gboolean      council_store_restore            (CouncilStore  *self,
                                                const char    *backup_path,
                                                GError       **error);
/* Keeps one copy per day in <dir of database>/backups/, the newest keep_days. */
char         *council_store_get_backup_dir     (CouncilStore  *self);
gboolean      council_store_rotate_backups     (CouncilStore  *self,
                                                guint          keep_days,
                                                GError       **error);

/* Organizations */
GListStore   *council_store_list_organizations (CouncilStore  *self,
                                                gboolean       include_retired,
                                                GError       **error);
/* Calls func for each organization in roster order, with its liaison
 * officers, without loading the whole roster; func returns FALSE to stop.
 * The record passed is valid only during the call: copy it to keep it. */
typedef gboolean (*CouncilOrganizationFunc) (CouncilOrganization *org,
                                             gpointer             user_data);
gboolean      council_store_foreach_organization (CouncilStore *self,
                                                gboolean       include_retired,
                                                CouncilOrganizationFunc func,
                                                gpointer       user_data,
                                                GError       **error);
CouncilOrganization *
              council_store_get_organization   (CouncilStore  *self,
                                                gint64         id,
                                                GError       **error);
gint64        council_store_find_organization_by_name (CouncilStore *self,
                                                const char    *name,
                                                GError       **error);
gboolean      council_store_save_organization  (CouncilStore  *self,
                                                CouncilOrganization *org,
                                                GError       **error);
/* Checks that no other organization has the Chinese or English name of org. */
gboolean      council_store_check_organization_names (CouncilStore *self,
                                                CouncilOrganization *org,
                                                GError       **error);

typedef enum
{
  COUNCIL_STORE_SAVE_DEFAULT       = 0,
  COUNCIL_STORE_SAVE_NOT_UNDOABLE  = 1 << 0,  /* Ctrl+Z does not take it back */
} CouncilStoreSaveFlags;

/* Saves every organization (added when its id is 0) as ONE change with the
 * given summary: one transaction, one undo step. Validates each; when any
 * fails nothing is written and the error names the organization. On success
 * the ids and versions of the objects are updated. */
gboolean      council_store_save_organizations (CouncilStore *self,
                                                GPtrArray     *orgs,
                                                const char    *summary,
                                                CouncilStoreSaveFlags flags,
                                                GError       **error);
/* Reads organizations (with liaison officers) from a JSON array in the shape of
 * data/demo-roster.json; the objects are new (id 0). */
GPtrArray    *council_store_organizations_from_json (CouncilStore *self,
                                                const char    *json,
                                                gssize         length,
                                                GError       **error);
gboolean      council_store_set_organization_retired (CouncilStore *self,
                                                gint64         id,
                                                gboolean       retired,
                                                GError       **error);
guint         council_store_count_organizations (CouncilStore *self,
                                                gboolean       include_retired);

/* History and undo */
GListStore   *council_store_list_history       (CouncilStore  *self,
                                                const char    *table,
                                                gint64         row_id,
                                                GError       **error);
char         *council_store_peek_undo          (CouncilStore  *self);
gboolean      council_store_undo               (CouncilStore  *self,
                                                char         **undone_summary,
                                                GError       **error);
/* Every change so far stays: Ctrl+Z stops here (after loading the sample council). */
gboolean      council_store_set_undo_baseline  (CouncilStore  *self,
                                                GError       **error);

G_END_DECLS
