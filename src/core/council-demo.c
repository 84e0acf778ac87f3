/* council-demo.c: the sample council behind --demo.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "council-demo.h"

#define DEMO_ROSTER_RESOURCE "/org/qunjian/CouncilDesk/core/demo-roster.json"

static void
copy_details (CouncilOrganization *to, CouncilOrganization *from)
{
  GListStore *officers = council_organization_get_liaison_officers (to);
  GListModel *sample = G_LIST_MODEL (council_organization_get_liaison_officers (from));

  council_organization_set_contact_person (to, council_organization_get_contact_person (from));
  council_organization_set_phone (to, council_organization_get_phone (from));
  council_organization_set_email (to, council_organization_get_email (from));
  council_organization_set_address (to, council_organization_get_address (from));
  council_organization_set_posts_established (to, council_organization_get_posts_established (from));
  council_organization_set_staff_in_post (to, council_organization_get_staff_in_post (from));
  council_organization_set_seconded_out (to, council_organization_get_seconded_out (from));
  council_organization_set_part_time (to, council_organization_get_part_time (from));
  council_organization_set_coverage (to, council_organization_get_coverage (from));
  council_organization_set_notes (to, council_organization_get_notes (from));
  g_list_store_remove_all (officers);
  for (guint i = 0; i < g_list_model_get_n_items (sample); i++)
    {
      g_autoptr(CouncilLiaisonOfficer) lo = g_list_model_get_item (sample, i);
      g_list_store_append (officers, lo);
    }
}

/* The 22 seeded organizations get contacts, staffing, coverage, notes and
 * liaison officers; several have staffing alerts. */
static gboolean
fill_roster (CouncilStore *store, GError **error)
{
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GPtrArray) sample = NULL;
  g_autoptr(GPtrArray) filled = g_ptr_array_new_with_free_func (g_object_unref);

  json = g_resources_lookup_data (DEMO_ROSTER_RESOURCE, 0, error);
  if (json == NULL)
    return FALSE;
  sample = council_store_organizations_from_json (store, g_bytes_get_data (json, NULL),
                                                  (gssize) g_bytes_get_size (json), error);
  if (sample == NULL)
    return FALSE;

  for (guint i = 0; i < sample->len; i++)
    {
      CouncilOrganization *details = g_ptr_array_index (sample, i);
      g_autoptr(CouncilOrganization) org = NULL;
      gint64 id = council_store_find_organization_by_name (store, council_organization_get_name_zh (details), error);

      if (id < 0)
        return FALSE;
      if (id == 0)
        {
          /* The seeded roster no longer has it: the sample brings it along. */
          g_ptr_array_add (filled, g_object_ref (details));
          continue;
        }
      org = council_store_get_organization (store, id, error);
      if (org == NULL)
        return FALSE;
      copy_details (org, details);
      g_ptr_array_add (filled, g_steal_pointer (&org));
    }

  /* One entry in the history, like the seeded roster, and not something a
   * newcomer's Ctrl+Z should take away. */
  return council_store_save_organizations (store, filled, _("Load the sample council"),
                                           COUNCIL_STORE_SAVE_NOT_UNDOABLE, error);
}

/* Later issues add their part of the sample council here (projects, meetings,
 * assessment, documents), each after the parts it refers to. */
static gboolean (* const demo_parts[]) (CouncilStore *store, GError **error) = {
  fill_roster,
  council_demo_fill_projects,
  council_demo_fill_meetings,
  council_demo_fill_documents,
  council_demo_fill_assessment,
};

gboolean
council_demo_fill (CouncilStore *store, GError **error)
{
  g_return_val_if_fail (COUNCIL_IS_STORE (store), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (demo_parts); i++)
    if (!demo_parts[i] (store, error))
      return FALSE;
  /* The sample council is where a newcomer starts, not something to undo. */
  return council_store_set_undo_baseline (store, error);
}
