/* fuzz-csv.c: one input through the roster CSV import.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "council-roster-import.h"
#include "fuzz-csv.h"

void
council_fuzz_csv_import_one (CouncilStore *store, const guint8 *data, gsize size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilRosterImport) import = NULL;
  guint n_rows, counted = 0, before;

  before = council_store_count_organizations (store, TRUE);
  import = council_roster_import_prepare_data (store, (const char *) data, size, &error);
  if (import == NULL)
    {
      /* Every refusal says why. */
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpstr (error->message, !=, "");
      return;
    }
  n_rows = council_roster_import_get_n_rows (import);
  for (int kind = COUNCIL_IMPORT_ROW_ADDED; kind <= COUNCIL_IMPORT_ROW_REJECTED; kind++)
    counted += council_roster_import_count (import, kind);
  g_assert_cmpuint (counted, ==, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      const char *name = council_roster_import_get_row_name (import, i);
      const char *message = council_roster_import_get_row_message (import, i);

      g_assert_true (name == NULL || g_utf8_validate (name, -1, NULL));
      g_assert_true (message == NULL || g_utf8_validate (message, -1, NULL));
      if (council_roster_import_get_row_kind (import, i) == COUNCIL_IMPORT_ROW_REJECTED)
        g_assert_true (message != NULL && *message != '\0');
    }

  if (council_roster_import_count (import, COUNCIL_IMPORT_ROW_ADDED) +
      council_roster_import_count (import, COUNCIL_IMPORT_ROW_CHANGED) == 0)
    return;
  if (!council_roster_import_apply (import, store, &error))
    {
      /* A refused apply leaves the roster as it was. */
      g_assert_cmpuint (council_store_count_organizations (store, TRUE), ==, before);
      return;
    }
  g_assert_true (council_store_undo (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (council_store_count_organizations (store, TRUE), ==, before);
}
