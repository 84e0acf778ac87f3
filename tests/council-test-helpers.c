/* council-test-helpers.c
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "council-test-helpers.h"

void
council_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          council_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

char *
council_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("council-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

CouncilStore *
council_test_open_store (char **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "council.db", NULL);
  CouncilStore *store = council_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (out_path)
    *out_path = g_steal_pointer (&path);
  return store;
}

int
council_test_spawn (const char * const *argv, char **out_stdout, char **out_stderr)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out_stdout, out_stderr, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}
