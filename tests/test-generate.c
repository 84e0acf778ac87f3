/* test-generate.c: the generator is deterministic and its data is sound.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "council-generate.h"
#include "council-test-helpers.h"

static char *
generate_hash (guint32 seed, guint organizations)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  CouncilGenerateCounts counts;
  char *hash;

  council_generate_counts (COUNCIL_GENERATE_REALISTIC, &counts);
  counts.organizations = organizations;
  counts.history_edits = 300;
  g_assert_true (council_generate (store, &counts, seed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (council_store_count_organizations (store, TRUE), ==, MAX (organizations, 22));
  g_clear_object (&store);
  g_assert_null (council_test_check_consistency (path));
  hash = council_test_state_hash (path);
  council_test_rm_rf (dir);
  return hash;
}

static void
test_deterministic (void)
{
  g_autofree char *a = generate_hash (42, 60);
  g_autofree char *b = generate_hash (42, 60);
  g_autofree char *c = generate_hash (43, 60);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/generate/deterministic", test_deterministic);
  return g_test_run ();
}
