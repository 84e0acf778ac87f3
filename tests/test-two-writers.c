/* test-two-writers.c: the window and a command-line import on one database.
 *
 * Another process holding a write transaction for a second makes the store
 * wait, never fail with "database is locked"; an edit of a record that the
 * other process changed meanwhile is a conflict, not a silent overwrite; and
 * the store notices the other process's commit so that lists refresh.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "council-test-helpers.h"

#define HOLD_MS 1000

typedef struct
{
  CouncilStore *store;
  char *path;
  char *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->store = council_test_open_store (&f->path);
  f->dir = g_path_get_dirname (f->path);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  council_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* A second process that opens its own connection, takes the write lock,
 * tells the parent, changes organization 2 as a change of its own, holds the
 * lock for HOLD_MS and commits. */
static pid_t
start_lock_holder (const char *path, int *ready_fd)
{
  int fds[2];
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;
      int rc;

      close (fds[0]);
      rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
      sqlite3_busy_timeout (db, 10000);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "PRAGMA foreign_keys = ON; BEGIN IMMEDIATE;"
                           "INSERT INTO change (summary) VALUES ('other process');"
                           "UPDATE organization SET notes = 'changed by the other process', "
                           "  version = version + 1 WHERE id = 2;", NULL, NULL, NULL);
      if (write (fds[1], rc == SQLITE_OK ? "y" : "n", 1) != 1)
        _exit (3);
      g_usleep (HOLD_MS * 1000);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      sqlite3_close (db);
      _exit (rc == SQLITE_OK ? 0 : 1);
    }
  close (fds[1]);
  *ready_fd = fds[0];
  return pid;
}

static void
wait_for_lock (int ready_fd)
{
  char c = 0;

  g_assert_cmpint (read (ready_fd, &c, 1), ==, 1);
  g_assert_cmpint (c, ==, 'y');
  close (ready_fd);
}

static void
assert_child_succeeded (pid_t pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
on_changed_cb (CouncilStore *store, const char *table, gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_save_waits_for_other_writer (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilOrganization) mine = council_store_get_organization (f->store, 1, &error);
  g_autoptr(CouncilOrganization) stale = council_store_get_organization (f->store, 2, &error);
  g_autoptr(CouncilOrganization) reread = NULL;
  guint changed = 0;
  int ready_fd;
  pid_t pid;

  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), &changed);
  g_assert_false (council_store_check_external_changes (f->store));

  pid = start_lock_holder (f->path, &ready_fd);
  wait_for_lock (ready_fd);
  /* The other process holds the write lock now: the save waits for it. */
  council_organization_set_notes (mine, "saved while another process was writing");
  g_assert_true (council_store_save_organization (f->store, mine, &error));
  g_assert_no_error (error);
  assert_child_succeeded (pid);

  reread = council_store_get_organization (f->store, 1, &error);
  g_assert_cmpstr (council_organization_get_notes (reread), ==, "saved while another process was writing");
  g_clear_object (&reread);
  reread = council_store_get_organization (f->store, 2, &error);
  g_assert_cmpstr (council_organization_get_notes (reread), ==, "changed by the other process");

  /* The other process's commit is noticed once, and lists are told. */
  changed = 0;
  g_assert_true (council_store_check_external_changes (f->store));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (council_store_check_external_changes (f->store));
  g_assert_cmpuint (changed, ==, 1);

  /* An edit of the record the other process changed is a conflict ... */
  council_organization_set_phone (stale, "023-61111111");
  g_assert_false (council_store_save_organization (f->store, stale, &error));
  g_assert_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&reread);
  reread = council_store_get_organization (f->store, 2, &error);
  g_assert_cmpstr (council_organization_get_notes (reread), ==, "changed by the other process");
  g_assert_cmpstr (council_organization_get_phone (reread), !=, "023-61111111");

  /* ... and our own commits are not mistaken for another process's. */
  g_assert_false (council_store_check_external_changes (f->store));
}

/* The command-line import started while the window holds a transaction
 * waits for it and succeeds. */
static void
test_cli_import_waits_for_window (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "roster.csv", NULL);
  const char *bin = g_getenv ("COUNCIL_DESK_BIN");
  const char *argv[] = { bin, "--database", f->path, "--import-roster", csv, NULL };
  g_autofree char *err_text = NULL;
  sqlite3 *db = NULL;
  int err_fd, status = 0;
  GPid pid;

  g_assert_nonnull (bin);
  g_assert_true (g_file_set_contents (csv, "名称,英文名称\n并发导入单位,Concurrent Import Unit\n", -1, &error));
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; INSERT INTO change (summary) VALUES ('window');"
                                 "UPDATE organization SET notes = 'window' WHERE id = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, NULL, &err_fd, &error));
  g_usleep (HOLD_MS * 1000);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  {
    g_autoptr(GIOChannel) channel = g_io_channel_unix_new (err_fd);
    g_io_channel_set_close_on_unref (channel, TRUE);
    g_io_channel_read_to_end (channel, &err_text, NULL, NULL);
  }
  g_test_message ("stderr: %s", err_text);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_null (err_text == NULL ? NULL : strstr (err_text, "locked"));
  g_assert_cmpint (council_store_find_organization_by_name (f->store, "并发导入单位", NULL), >, 0);
  g_assert_true (council_store_check_external_changes (f->store));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/two-writers/save-waits", Fixture, NULL, fixture_setup, test_save_waits_for_other_writer, fixture_teardown);
  g_test_add ("/two-writers/cli-import-waits", Fixture, NULL, fixture_setup, test_cli_import_waits_for_window, fixture_teardown);
  return g_test_run ();
}
