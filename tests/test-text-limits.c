/* test-text-limits.c: text at its limits survives every path intact.
 *
 * 10,000-character notes, characters outside the BMP (emoji, CJK Extension
 * B), right-to-left text, control characters other than NUL, and a leading
 * = + - @ go through validation, the store, the history, undo, the CSV
 * import and the workbook (read back with openpyxl) unchanged; a cell over
 * Excel's 32,767 characters is cut with a marker.
 *
 * Control characters are stored intact rather than refused: they arrive in
 * pasted text and CSV exports of other systems, and libxlsxwriter writes
 * them as _x0001_ escapes that Excel and openpyxl read back.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "council-roster-import.h"
#include "council-test-helpers.h"
#include "council-workbook.h"

#define SHEET "成员单位"
#define UNION_ZH "九龙坡区总工会"

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

/* Every hard case in one string, NUL-free; no leading or trailing
 * whitespace (the CSV import trims cells, as a person expects). */
static char *
hostile_text_with (gboolean controls)
{
  GString *s = g_string_new ("=HYPERLINK(\"http://x\") 𠀀𪚥 🎉👍🏽 שלום עולם مرحبا بالعالم \t\n");

  for (char c = 0x01; controls && c < 0x20; c++)
    if (c != '\r')
      g_string_append_c (s, c);
  g_string_append (s, " 备注 end");
  return g_string_free (s, FALSE);
}

static char *
hostile_text (void)
{
  return hostile_text_with (TRUE);
}

/* Exactly `chars` characters, cycling through hostile text. */
static char *
notes_of_length (glong chars)
{
  g_autofree char *base = hostile_text ();
  GString *s = g_string_new (NULL);
  const char *p = base;

  for (glong i = 0; i < chars; i++)
    {
      g_string_append_unichar (s, g_utf8_get_char (p));
      p = g_utf8_next_char (p);
      if (*p == '\0')
        p = base;
    }
  return g_string_free (s, FALSE);
}

/* Like g_assert_cmpstr, without printing 10,000 characters on failure. */
#define assert_same_text(a, b) assert_same_text_impl ((a), (b), #a, __LINE__)
static void
assert_same_text_impl (const char *got, const char *want, const char *what, int line)
{
  gsize i = 0;

  if (g_strcmp0 (got, want) == 0)
    return;
  while (got && want && got[i] == want[i])
    i++;
  g_error ("line %d: %s differs at byte %" G_GSIZE_FORMAT " (lengths %" G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT ")",
           line, what, i, got ? strlen (got) : 0, want ? strlen (want) : 0);
}

static int
sheet_row_of (GHashTable *facts, const char *name)
{
  int max_row = atoi (council_test_workbook_fact (facts, SHEET, "max_row"));

  for (int r = 2; r <= max_row; r++)
    {
      g_autofree char *ref = g_strdup_printf ("A%d", r);
      if (g_strcmp0 (council_test_workbook_fact (facts, SHEET, ref), name) == 0)
        return r;
    }
  g_error ("no row named %s", name);
  return 0;
}

static const char *
sheet_cell (GHashTable *facts, const char *col, int row)
{
  g_autofree char *ref = g_strdup_printf ("%s%d", col, row);
  return council_test_workbook_fact (facts, SHEET, ref);
}

static GHashTable *
export_and_read (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "limits.xlsx", NULL);
  CouncilWorkbookOptions options;

  council_workbook_options_init (&options);
  options.chinese = TRUE;
  g_assert_true (council_workbook_export (f->store, xlsx, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return council_test_read_workbook (xlsx);
}

static void
test_editor_path (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = council_store_find_organization_by_name (f->store, UNION_ZH, &error);
  g_autoptr(CouncilOrganization) org = council_store_get_organization (f->store, id, &error);
  g_autoptr(CouncilOrganization) back = NULL;
  g_autoptr(GListStore) history = NULL;
  g_autoptr(GHashTable) facts = NULL;
  g_autofree char *notes = notes_of_length (10000);
  g_autofree char *too_long = notes_of_length (10001);
  g_autofree char *hostile = hostile_text ();
  int r;

  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (notes, -1), ==, 10000);
  g_assert_true (g_utf8_validate (notes, -1, NULL));

  /* One character over the limit is refused with a message at the field. */
  council_organization_set_notes (org, too_long);
  g_assert_false (council_store_save_organization (f->store, org, &error));
  g_assert_error (error, COUNCIL_VALIDATION_ERROR, COUNCIL_ORG_FIELD_NOTES);
  g_assert_nonnull (strstr (error->message, "10,000"));
  g_clear_error (&error);

  council_organization_set_notes (org, notes);
  council_organization_set_contact_person (org, "@张三 𠀀");
  council_organization_set_address (org, "-שלום 1号\x01楼");
  council_organization_set_short_name (org, "+总工会");
  g_assert_true (council_organization_validate (org, &error));
  g_assert_true (council_store_save_organization (f->store, org, &error));
  g_assert_no_error (error);

  back = council_store_get_organization (f->store, id, &error);
  assert_same_text (council_organization_get_notes (back), notes);
  g_assert_cmpstr (council_organization_get_address (back), ==, "-שלום 1号\x01楼");

  /* The history holds the text as saved. */
  history = council_store_list_history (f->store, "organization", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), >=, 2);

  /* Another edit, undone: back to exactly the long text. */
  council_organization_set_notes (back, "short");
  g_assert_true (council_store_save_organization (f->store, back, &error));
  g_assert_true (council_store_undo (f->store, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&back);
  back = council_store_get_organization (f->store, id, &error);
  assert_same_text (council_organization_get_notes (back), notes);
  g_assert_null (council_test_check_consistency (f->path));

  facts = export_and_read (f);
  r = sheet_row_of (facts, UNION_ZH);
  assert_same_text (sheet_cell (facts, "Q", r), notes);
  g_assert_cmpstr (sheet_cell (facts, "E", r), ==, "@张三 𠀀");
  g_assert_cmpstr (sheet_cell (facts, "H", r), ==, "-שלום 1号\x01楼");
  g_assert_cmpstr (sheet_cell (facts, "B", r), ==, "+总工会");
  (void) hostile;
}

static char *
csv_quote (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "\"", -1);
  g_autofree char *joined = g_strjoinv ("\"\"", parts);
  return g_strdup_printf ("\"%s\"", joined);
}

/* The CSV reader takes a control character other than tab and line breaks
 * for a sign of a binary file (an .xls renamed .csv) and refuses the file
 * with a message; nothing is imported. The editor keeps them (above). */
static void
test_csv_refuses_control_characters (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = council_test_state_hash (f->path);
  g_autofree char *after = NULL;
  const char csv[] = "名称,英文名称,备注\n控制字符单位,Control Unit,a\x01b\n";
  CouncilRosterImport *import = council_roster_import_prepare_data (f->store, csv, sizeof csv - 1, &error);

  g_assert_null (import);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "binary data"));
  after = council_test_state_hash (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* Notes built from the CSV-safe hostile text, `chars` characters long. */
static char *
csv_notes_of_length (glong chars)
{
  g_autofree char *base = hostile_text_with (FALSE);
  GString *s = g_string_new (NULL);
  const char *p = base;

  for (glong i = 0; i < chars; i++)
    {
      g_string_append_unichar (s, g_utf8_get_char (p));
      p = g_utf8_next_char (p);
      if (*p == '\0')
        p = base;
    }
  /* The import trims a cell, as a person expects; keep the ends visible. */
  s->str[0] = 'x';
  if (g_ascii_isspace (s->str[s->len - 1]))
    s->str[s->len - 1] = 'x';
  return g_string_free (s, FALSE);
}

static void
test_csv_import_path (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hostile = hostile_text_with (FALSE);
  g_autofree char *notes = csv_notes_of_length (10000);
  g_autofree char *q_hostile = csv_quote (hostile);
  g_autofree char *q_notes = csv_quote (notes);
  g_autoptr(GString) officers = g_string_new (NULL);
  g_autoptr(GString) csv = g_string_new ("名称,英文名称,联系人,备注,联络员\n");
  g_autoptr(CouncilRosterImport) import = NULL;
  g_autoptr(CouncilOrganization) a = NULL;
  g_autoptr(CouncilOrganization) b = NULL;
  g_autoptr(GHashTable) facts = NULL;
  const char *cut;
  gint64 id;
  int r;

  /* 2,000 liaison officers make a cell of the workbook longer than Excel's
   * 32,767 characters: the import keeps them all, the export cuts the cell. */
  for (int i = 0; i < 2000; i++)
    g_string_append_printf (officers, "%s联络员𠀀%04d|区人力资源和社会保障局|023-6%07d", i ? ";" : "", i, i);
  g_string_append_printf (csv, "敌意文本单位,Hostile Text Unit,=1+1,%s,\n", q_hostile);
  g_string_append_printf (csv, "长备注单位,Long Notes Unit,@someone,%s,%s\n", q_notes, officers->str);

  import = council_roster_import_prepare_data (f->store, csv->str, csv->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (council_roster_import_count (import, COUNCIL_IMPORT_ROW_ADDED), ==, 2);
  g_assert_true (council_roster_import_apply (import, f->store, &error));
  g_assert_no_error (error);

  id = council_store_find_organization_by_name (f->store, "敌意文本单位", &error);
  a = council_store_get_organization (f->store, id, &error);
  assert_same_text (council_organization_get_notes (a), hostile);
  g_assert_cmpstr (council_organization_get_contact_person (a), ==, "=1+1");
  id = council_store_find_organization_by_name (f->store, "长备注单位", &error);
  b = council_store_get_organization (f->store, id, &error);
  assert_same_text (council_organization_get_notes (b), notes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_organization_get_liaison_officers (b))), ==, 2000);
  g_assert_null (council_test_check_consistency (f->path));

  facts = export_and_read (f);
  r = sheet_row_of (facts, "敌意文本单位");
  assert_same_text (sheet_cell (facts, "Q", r), hostile);
  g_assert_cmpstr (sheet_cell (facts, "E", r), ==, "=1+1");
  r = sheet_row_of (facts, "长备注单位");
  assert_same_text (sheet_cell (facts, "Q", r), notes);
  cut = sheet_cell (facts, "O", r);
  g_assert_cmpint (g_utf8_strlen (cut, -1), ==, 32767);
  g_assert_true (g_str_has_suffix (cut, "…[truncated]"));
  g_assert_true (g_str_has_prefix (cut, "联络员𠀀0000"));

  /* The import is one change: undo takes both units away. */
  g_assert_true (council_store_undo (f->store, NULL, &error));
  g_assert_cmpint (council_store_find_organization_by_name (f->store, "长备注单位", NULL), <=, 0);
  g_assert_null (council_test_check_consistency (f->path));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/text-limits/editor-store-history-undo-workbook", Fixture, NULL, fixture_setup, test_editor_path, fixture_teardown);
  g_test_add ("/text-limits/csv-import-workbook", Fixture, NULL, fixture_setup, test_csv_import_path, fixture_teardown);
  g_test_add ("/text-limits/csv-refuses-control-characters", Fixture, NULL, fixture_setup, test_csv_refuses_control_characters, fixture_teardown);
  return g_test_run ();
}
