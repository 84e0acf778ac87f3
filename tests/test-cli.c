/* test-cli.c: the command-line verbs, with no display and no session bus.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "council-test-helpers.h"

typedef struct
{
  char *dir;
  char **envp;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *data_home = NULL;

  f->dir = council_test_make_tmpdir ();
  data_home = g_build_filename (f->dir, "data-home", NULL);
  f->envp = g_get_environ ();
  f->envp = g_environ_unsetenv (f->envp, "DISPLAY");
  f->envp = g_environ_unsetenv (f->envp, "WAYLAND_DISPLAY");
  f->envp = g_environ_unsetenv (f->envp, "DBUS_SESSION_BUS_ADDRESS");
  /* Never the tester's own council. */
  f->envp = g_environ_setenv (f->envp, "XDG_DATA_HOME", data_home, TRUE);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  council_test_rm_rf (f->dir);
  g_free (f->dir);
  g_strfreev (f->envp);
}

typedef struct
{
  int status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
run (Fixture *f, Result *r, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("COUNCIL_DESK_BIN");
  const char *arg;
  va_list args;
  int wait_status = 0;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  va_start (args, r);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (f->dir, (char **) argv->pdata, f->envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
  g_test_message ("status %d, stdout: %s, stderr: %s", r->status, r->out, r->err);
}

static void
assert_success (Result *r)
{
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->err, ==, "");
}

/* Exit status 1 and exactly one line on stderr that says what failed. */
static void
assert_failure (Result *r, const char *expected)
{
  const char *newline = strchr (r->err, '\n');

  g_assert_cmpint (r->status, ==, 1);
  g_assert_true (g_str_has_prefix (r->err, "council-desk: "));
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  if (expected != NULL)
    g_assert_nonnull (strstr (r->err, expected));
}

static char *
path_in (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
test_demo_export (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };
  g_autofree char *xlsx = path_in (f, "demo.xlsx");
  g_autofree char *contents = NULL;
  gsize length = 0;

  run (f, &r, "--demo", "--export-workbook", xlsx, "--language", "zh_CN", NULL);
  assert_success (&r);
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4000);
  g_assert_true (memcmp (contents, "PK", 2) == 0);   /* a zip container */
}

/* --help names every option the README lists, --view and --export-minutes too. */
static void
test_help (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };

  run (f, &r, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--view=NAME"));
  g_assert_nonnull (strstr (r.out, "--export-minutes"));
  g_assert_nonnull (strstr (r.out, "--export-workbook"));
}

static void
test_version (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };

  run (f, &r, "--version", NULL);
  assert_success (&r);
  g_assert_true (g_str_has_prefix (r.out, "council-desk "));
}

static void
test_import (Fixture *f, gconstpointer data)
{
  g_autofree char *db = path_in (f, "council.db");
  g_autofree char *good = path_in (f, "good.csv");
  g_autofree char *bad = path_in (f, "bad.csv");
  g_autofree char *backup = path_in (f, "after-good.db");
  g_autofree char *backup2 = path_in (f, "after-bad.db");
  g_autofree char *dump1 = NULL;
  g_autofree char *dump2 = NULL;

  g_assert_true (g_file_set_contents (good,
    "\xef\xbb\xbf单位名称,英文名称,联系电话\n九龙坡区总工会,,023-68781234\n九龙坡区老年协会,Jiulongpo Senior Citizens Association,13912345678\n",
    -1, NULL));
  g_assert_true (g_file_set_contents (bad,
    "name,name_en,staff in post\nNew A,New A,3\nNew B,New B,lots\n", -1, NULL));

  {
    g_auto(Result) r = { 0 };
    run (f, &r, "--database", db, "--import-roster", good, NULL);
    assert_success (&r);
    g_assert_nonnull (strstr (r.out, "1 added, 1 changed"));
  }
  {
    g_auto(Result) r = { 0 };
    run (f, &r, "--database", db, "--backup", backup, NULL);
    assert_success (&r);
    g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto(Result) r = { 0 };
    run (f, &r, "--database", db, "--import-roster", bad, NULL);
    assert_failure (&r, "Row 3: Staff in post: “lots” is not a whole number.");
    g_assert_nonnull (strstr (r.err, "bad.csv"));
  }
  {
    /* The rejected import left the database as the backup before it. */
    g_auto(Result) r = { 0 };
    g_autoptr(CouncilStore) a = NULL;
    g_autoptr(CouncilStore) b = NULL;
    g_autoptr(GError) error = NULL;

    run (f, &r, "--database", db, "--backup", backup2, NULL);
    assert_success (&r);
    a = council_store_open (backup, &error);
    g_assert_no_error (error);
    b = council_store_open (backup2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (council_store_count_organizations (a, TRUE), ==, 23);
    g_assert_cmpuint (council_store_count_organizations (b, TRUE), ==, 23);
    dump1 = council_store_peek_undo (a);
    dump2 = council_store_peek_undo (b);
    g_assert_cmpstr (dump1, ==, dump2);
    g_assert_cmpint (council_store_find_organization_by_name (b, "New A", NULL), ==, 0);
  }
  {
    g_auto(Result) r = { 0 };
    g_autofree char *missing = path_in (f, "missing.csv");
    run (f, &r, "--database", db, "--import-roster", missing, NULL);
    assert_failure (&r, "missing.csv");
  }
}

static void
test_not_a_database (Fixture *f, gconstpointer data)
{
  g_autofree char *notes = path_in (f, "notes.txt");
  g_autofree char *backup = path_in (f, "backup.db");
  g_autofree char *after = NULL;
  const char *text = "This is not a database.\n";
  g_auto(Result) r = { 0 };

  g_assert_true (g_file_set_contents (notes, text, -1, NULL));
  run (f, &r, "--database", notes, "--backup", backup, NULL);
  assert_failure (&r, "not a Council Desk database");
  g_assert_true (g_file_get_contents (notes, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_export_failures (Fixture *f, gconstpointer data)
{
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "out.xlsx", NULL);

  {
    g_auto(Result) r = { 0 };
    run (f, &r, "--demo", "--export-workbook", nowhere, NULL);
    assert_failure (&r, "no-such-folder");
  }
  {
    g_auto(Result) r = { 0 };
    g_autofree char *xlsx = path_in (f, "x.xlsx");
    run (f, &r, "--demo", "--export-workbook", xlsx, "--language", "fr", NULL);
    assert_failure (&r, "fr");
    g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/version", test_version);
  ADD ("/cli/help", test_help);
  ADD ("/cli/demo-export", test_demo_export);
  ADD ("/cli/import", test_import);
  ADD ("/cli/not-a-database", test_not_a_database);
  ADD ("/cli/export-failures", test_export_failures);
#undef ADD
  return g_test_run ();
}
