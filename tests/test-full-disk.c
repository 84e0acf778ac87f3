/* test-full-disk.c: a save on a full disk says so and loses nothing.
 *
 * The disk is made "full" for a child process with RLIMIT_FSIZE (writes past
 * the limit fail with EFBIG, SIGXFSZ ignored), which needs no mount and no
 * root. The child runs the real store code: a roster import of 400 units,
 * one transaction. The parent then checks the message the child got, and
 * that the database reopens intact with the records as before.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "council-roster-import.h"
#include "council-test-helpers.h"

/* About half a megabyte of new units, in one import. */
static CouncilRosterImport *
prepare_big_import (CouncilStore *store)
{
  g_autoptr(GString) csv = g_string_new ("名称,英文名称,备注\n");

  for (int i = 0; i < 1000; i++)
    g_string_append_printf (csv, "满盘测试单位%d,Full Disk Unit %d,%0400d\n", i, i, i);
  return council_roster_import_prepare_data (store, csv->str, csv->len, NULL);
}

/* Runs in the child: import with writes limited to limit bytes per file.
 * Writes the error message (or "saved") to fd. */
static int
import_on_full_disk (const char *path, rlim_t limit, int fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilStore) store = council_store_open (path, &error);
  g_autoptr(CouncilRosterImport) import = NULL;
  struct rlimit rl = { limit, limit };
  const char *text;

  if (store == NULL)
    return 3;
  import = prepare_big_import (store);
  if (import == NULL)
    return 4;
  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &rl) != 0)
    return 5;
  text = council_roster_import_apply (import, store, &error) ? "saved" : error->message;
  if (write (fd, text, strlen (text)) < 0)
    return 6;
  return 0;
}

static char *
run_child (const char *path, rlim_t limit)
{
  g_autoptr(GString) message = g_string_new (NULL);
  int fds[2], status = 0;
  char buf[512];
  gssize n;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      _exit (import_on_full_disk (path, limit, fds[1]));
    }
  close (fds[1]);
  while ((n = read (fds[0], buf, sizeof buf)) > 0)
    g_string_append_len (message, buf, n);
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return g_string_free (g_steal_pointer (&message), FALSE);
}

/* limit is the size a file may grow to: the data file is already larger,
 * so the log (-wal) is what hits the wall, at once or some pages in. */
static void
test_full_disk (gconstpointer data)
{
  rlim_t limit = GPOINTER_TO_SIZE (data);
  g_autofree char *path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *message = NULL;
  g_autofree char *problems = NULL;
  g_autoptr(GError) error = NULL;

  /* Everything committed so far is in the main file; the log starts empty. */
  g_clear_object (&store);
  before = council_test_state_hash (path);
  message = run_child (path, limit);
  g_test_message ("limit %lu: %s", (unsigned long) limit, message);
  g_assert_cmpstr (message, !=, "saved");
  /* A file size limit fails the write with EFBIG, which SQLite reports as an
   * I/O error (a real ENOSPC is SQLITE_FULL: the tmpfs test below). */
  g_assert_nonnull (strstr (message, "nothing was saved"));
  g_assert_nonnull (strstr (message, path));

  /* Nothing lost, nothing half-written: reopened by the program itself. */
  store = council_store_open (path, &error);
  g_assert_no_error (error);
  after = council_test_state_hash (path);
  g_assert_cmpstr (before, ==, after);
  problems = council_test_check_consistency (path);
  g_assert_null (problems);
  g_assert_cmpint (council_store_find_organization_by_name (store, "满盘测试单位0", NULL), <=, 0);
  g_clear_object (&store);
  council_test_rm_rf (dir);
}

/* A really full file system: a small tmpfs, where root may mount one.
 * Skipped elsewhere (CI containers often may not mount). */
static void
test_full_tmpfs (void)
{
  g_autofree char *seed_path = NULL;
  g_autoptr(CouncilStore) seeded = council_test_open_store (&seed_path);
  g_autofree char *seed_dir = g_path_get_dirname (seed_path);
  g_autofree char *mnt = council_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (mnt, "council.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *options = NULL;
  g_autoptr(CouncilStore) store = NULL;
  g_autoptr(CouncilRosterImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_clear_object (&seeded);
  g_assert_true (g_file_get_contents (seed_path, &contents, &length, NULL));
  /* Room for the seeded file and its journal, not for the import. */
  options = g_strdup_printf ("size=%" G_GSIZE_FORMAT "k,mode=0700", length / 1024 + 384);
  if (geteuid () != 0 || mount ("tmpfs", mnt, "tmpfs", 0, options) != 0)
    {
      g_test_skip ("cannot mount a tmpfs here (needs root)");
      council_test_rm_rf (seed_dir);
      g_rmdir (mnt);
      return;
    }
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  before = council_test_state_hash (path);

  store = council_store_open (path, &error);
  g_assert_no_error (error);
  import = prepare_big_import (store);
  g_assert_nonnull (import);
  g_assert_false (council_roster_import_apply (import, store, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "is full; nothing was saved"));
  g_clear_object (&store);

  store = council_store_open (path, NULL);
  g_assert_nonnull (store);
  after = council_test_state_hash (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (council_test_check_consistency (path));
  g_clear_object (&store);
  umount (mnt);
  g_rmdir (mnt);
  council_test_rm_rf (seed_dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/full-disk/at-once", GSIZE_TO_POINTER (512), test_full_disk);
  g_test_add_data_func ("/full-disk/mid-transaction", GSIZE_TO_POINTER (96 * 1024), test_full_disk);
  g_test_add_func ("/full-disk/tmpfs", test_full_tmpfs);
  return g_test_run ();
}
