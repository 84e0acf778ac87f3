/* test-roster-import.c: CSV roster import in the encodings Excel and WPS write.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "council-csv.h"
#include "council-roster-import.h"
#include "council-test-helpers.h"

#define UNION_ZH "九龙坡区总工会"

typedef struct
{
  CouncilStore *store;
  char *path;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->store = council_test_open_store (&f->path);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_clear_object (&f->store);
  council_test_rm_rf (dir);
  g_free (f->path);
}

/* Everything a person could see of the roster, as text. */
static char *
dump_roster (CouncilStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) orgs = council_store_list_organizations (store, TRUE, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (orgs)); i++)
    {
      g_autoptr(CouncilOrganization) o = g_list_model_get_item (G_LIST_MODEL (orgs), i);
      GListModel *los = G_LIST_MODEL (council_organization_get_liaison_officers (o));

      g_string_append_printf (out, "%" G_GINT64_FORMAT "|%s|%s|%s|%d|%d|%s|%s|%s|%s|%d|%d|%d|%d|%d|%s|%d\n",
                              council_organization_get_id (o), council_organization_get_name_zh (o),
                              council_organization_get_name_en (o), council_organization_get_short_name (o),
                              council_organization_get_category (o), council_organization_get_council_role (o),
                              council_organization_get_contact_person (o), council_organization_get_phone (o),
                              council_organization_get_email (o), council_organization_get_address (o),
                              council_organization_get_posts_established (o), council_organization_get_staff_in_post (o),
                              council_organization_get_seconded_out (o), council_organization_get_part_time (o),
                              council_organization_get_coverage (o), council_organization_get_notes (o),
                              council_organization_get_retired (o));
      for (guint j = 0; j < g_list_model_get_n_items (los); j++)
        {
          g_autoptr(CouncilLiaisonOfficer) lo = g_list_model_get_item (los, j);
          g_string_append_printf (out, "  %s|%s|%s\n", council_liaison_officer_get_name (lo),
                                  council_liaison_officer_get_department (lo), council_liaison_officer_get_phone (lo));
        }
    }
  return g_string_free (out, FALSE);
}

/* Counted through a connection of its own, as another program would see it. */
static int
count_rows (const char *path, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static CouncilOrganization *
find_org (CouncilStore *store, const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = council_store_find_organization_by_name (store, name, &error);
  CouncilOrganization *org;

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  org = council_store_get_organization (store, id, &error);
  g_assert_no_error (error);
  return org;
}

static CouncilRosterImport *
prepare (Fixture *f, const char *data, gssize length)
{
  g_autoptr(GError) error = NULL;
  CouncilRosterImport *import =
    council_roster_import_prepare_data (f->store, data, length < 0 ? strlen (data) : (gsize) length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static guint
row_of (CouncilRosterImport *import, const char *name)
{
  for (guint i = 0; i < council_roster_import_get_n_rows (import); i++)
    if (g_strcmp0 (council_roster_import_get_row_name (import, i), name) == 0)
      return i;
  g_assert_not_reached ();
  return 0;
}

static const char chinese_csv[] =
  "单位名称,英文名称,类别,理事会职务,联系人,联系电话,电子邮箱,编制数,在岗人数,抽调人数,兼职人数,覆盖层级,联络员,备注,不认识的列\n"
  UNION_ZH ",,枢纽型,理事长单位,王建国,023-68781234,zgh@example.org,18,17,2,1,村社区,\"刘晓燕|区人社局|023-68782210; 陈志强|区司法局|13800001111\",理事长单位,x\n"
  "九龙坡区志愿者协会,Jiulongpo Volunteers Association,其他,理事单位,赵敏,13912345678,,5,4,0,1,镇街,,新成员,y\n";

static void
test_utf8_bom_chinese_headers (Fixture *f, gconstpointer data)
{
  g_autofree char *bytes = g_strconcat ("\xef\xbb\xbf", chinese_csv, NULL);
  g_autoptr(CouncilRosterImport) import = prepare (f, bytes, -1);
  g_autoptr(CouncilOrganization) trade_union = NULL;
  g_autoptr(CouncilOrganization) volunteers = NULL;
  g_autoptr(GError) error = NULL;
  guint row;

  g_assert_cmpstr (council_roster_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpuint (council_roster_import_get_n_rows (import), ==, 2);
  g_assert_cmpuint (council_roster_import_count (import, COUNCIL_IMPORT_ROW_ADDED), ==, 1);
  g_assert_cmpuint (council_roster_import_count (import, COUNCIL_IMPORT_ROW_CHANGED), ==, 1);
  g_assert_cmpuint (council_roster_import_count (import, COUNCIL_IMPORT_ROW_REJECTED), ==, 0);

  row = row_of (import, "Jiulongpo District Federation of Trade Unions");
  g_assert_cmpint (council_roster_import_get_row_kind (import, row), ==, COUNCIL_IMPORT_ROW_CHANGED);
  g_assert_cmpuint (council_roster_import_get_row_line (import, row), ==, 2);
  g_assert_nonnull (strstr (council_roster_import_get_row_message (import, row), "Phone: (empty) → 023-68781234"));
  g_assert_nonnull (strstr (council_roster_import_get_row_message (import, row), "Staff in post: 0 → 17"));

  g_assert_true (council_roster_import_apply (import, f->store, &error));
  g_assert_no_error (error);

  trade_union = find_org (f->store, UNION_ZH);
  g_assert_cmpstr (council_organization_get_phone (trade_union), ==, "023-68781234");
  g_assert_cmpint (council_organization_get_staff_in_post (trade_union), ==, 17);
  g_assert_cmpint (council_organization_get_coverage (trade_union), ==, COUNCIL_COVERAGE_VILLAGE);
  g_assert_cmpint (council_organization_get_council_role (trade_union), ==, COUNCIL_ROLE_CHAIR);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_organization_get_liaison_officers (trade_union))), ==, 2);
  /* The English name was left empty in the file: the roster keeps its own. */
  g_assert_cmpstr (council_organization_get_name_en (trade_union), ==, "Jiulongpo District Federation of Trade Unions");

  volunteers = find_org (f->store, "Jiulongpo Volunteers Association");
  g_assert_cmpstr (council_organization_get_name_zh (volunteers), ==, "九龙坡区志愿者协会");
  g_assert_cmpint (council_organization_get_coverage (volunteers), ==, COUNCIL_COVERAGE_TOWNSHIP);
  g_assert_cmpuint (council_store_count_organizations (f->store, FALSE), ==, 23);

  /* One change, one undo step, with a summary naming the counts. */
  {
    g_autofree char *summary = council_store_peek_undo (f->store);
    g_assert_nonnull (strstr (summary, "1 added, 1 changed"));
  }
}

static void
test_utf8_english_headers (Fixture *f, gconstpointer data)
{
  const char *csv =
    "Chinese name,English name,Short name,Category,Council role,Contact person,Phone,Email,"
    "Establishment posts,Staff in post,Seconded out,Part-time,Coverage,Notes\r\n"
    "九龙坡区老年协会,Jiulongpo Senior Citizens Association,区老协,other,vice-chair,Li Na,023-61234567,rc@example.org,6,6,4,1,district,\r\n"
    "\r\n";
  g_autoptr(CouncilRosterImport) import = prepare (f, csv, -1);
  g_autoptr(CouncilOrganization) org = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (council_roster_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpuint (council_roster_import_get_n_rows (import), ==, 1);
  g_assert_cmpuint (council_roster_import_count (import, COUNCIL_IMPORT_ROW_ADDED), ==, 1);
  g_assert_true (council_roster_import_apply (import, f->store, &error));
  g_assert_no_error (error);
  org = find_org (f->store, "区老协");
  g_assert_cmpstr (council_organization_get_name_en (org), ==, "Jiulongpo Senior Citizens Association");
  g_assert_cmpint (council_organization_get_council_role (org), ==, COUNCIL_ROLE_VICE_CHAIR);
  g_assert_cmpint (council_organization_get_seconded_out (org), ==, 4);
  g_assert_true (council_organization_has_staffing_alert (org));
}

static void
test_gb18030 (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *gbk = g_convert (chinese_csv, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_autoptr(CouncilRosterImport) import = NULL;
  g_autoptr(CouncilOrganization) org = NULL;

  g_assert_no_error (error);
  /* It really is not UTF-8, as Excel on Chinese Windows writes it. */
  g_assert_false (g_utf8_validate_len (gbk, length, NULL));
  import = prepare (f, gbk, (gssize) length);
  g_assert_cmpstr (council_roster_import_get_encoding (import), ==, "GB18030");
  g_assert_cmpuint (council_roster_import_count (import, COUNCIL_IMPORT_ROW_ADDED), ==, 1);
  g_assert_cmpuint (council_roster_import_count (import, COUNCIL_IMPORT_ROW_CHANGED), ==, 1);
  g_assert_true (council_roster_import_apply (import, f->store, &error));
  g_assert_no_error (error);
  org = find_org (f->store, "九龙坡区志愿者协会");
  g_assert_cmpstr (council_organization_get_contact_person (org), ==, "赵敏");
  g_assert_cmpstr (council_organization_get_notes (org), ==, "新成员");
}

static void
test_utf16 (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  /* Excel's "Unicode text": UTF-16LE with a byte order mark, tab-separated. */
  g_autofree char *tabbed = g_strdelimit (g_strdup (chinese_csv), ",", '\t');
  g_autofree char *utf16 = g_convert (tabbed, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_autofree char *bytes = g_malloc (length + 2);
  g_autoptr(CouncilRosterImport) import = NULL;

  g_assert_no_error (error);
  memcpy (bytes, "\xff\xfe", 2);
  memcpy (bytes + 2, utf16, length);
  import = prepare (f, bytes, (gssize) length + 2);
  g_assert_cmpstr (council_roster_import_get_encoding (import), ==, "UTF-16LE");
  g_assert_cmpuint (council_roster_import_count (import, COUNCIL_IMPORT_ROW_ADDED), ==, 1);
  g_assert_cmpuint (council_roster_import_count (import, COUNCIL_IMPORT_ROW_CHANGED), ==, 1);
}

static void
test_csv_quoting (void)
{
  const char *data = "a,b,c\r\n\"x, y\",\"line 1\nline 2\",\"say \"\"hi\"\"\"\n1,,\"\"\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilCsv) csv = council_csv_parse (data, strlen (data), &error);
  CouncilCsvRecord *r;

  g_assert_no_error (error);
  g_assert_cmpuint (csv->records->len, ==, 3);
  r = g_ptr_array_index (csv->records, 1);
  g_assert_cmpuint (r->line, ==, 2);
  g_assert_cmpuint (r->fields->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (r->fields, 0), ==, "x, y");
  g_assert_cmpstr (g_ptr_array_index (r->fields, 1), ==, "line 1\nline 2");
  g_assert_cmpstr (g_ptr_array_index (r->fields, 2), ==, "say \"hi\"");
  r = g_ptr_array_index (csv->records, 2);
  g_assert_cmpuint (r->line, ==, 4);
  g_assert_cmpuint (r->fields->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (r->fields, 2), ==, "");
}

static void
test_csv_separator_line (void)
{
  const char *data = "sep=;\r\nname;phone\r\n\"a;b\";1\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilCsv) csv = council_csv_parse (data, strlen (data), &error);
  CouncilCsvRecord *r;

  g_assert_no_error (error);
  g_assert_cmpint (csv->delimiter, ==, ';');
  g_assert_cmpuint (csv->records->len, ==, 2);
  r = g_ptr_array_index (csv->records, 0);
  g_assert_cmpuint (r->line, ==, 2);
  r = g_ptr_array_index (csv->records, 1);
  g_assert_cmpuint (r->line, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (r->fields, 0), ==, "a;b");
  g_assert_cmpstr (g_ptr_array_index (r->fields, 1), ==, "1");
}

static void
test_csv_errors (void)
{
  const char *open_quote = "a,b\n1,2\n3,\"never closed\n4,5\n";
  const char binary[] = "name\n\x01\x02\x00\x03";
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilCsv) csv = council_csv_parse (open_quote, strlen (open_quote), &error);

  g_assert_null (csv);
  g_assert_error (error, COUNCIL_CSV_ERROR, COUNCIL_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_clear_error (&error);

  csv = council_csv_parse (binary, sizeof binary, &error);
  g_assert_null (csv);
  g_assert_error (error, COUNCIL_CSV_ERROR, COUNCIL_CSV_ERROR_BINARY);
  g_clear_error (&error);

  csv = council_csv_parse ("", 0, &error);
  g_assert_error (error, COUNCIL_CSV_ERROR, COUNCIL_CSV_ERROR_EMPTY);
}

static void
test_quoted_fields_and_full_width (Fixture *f, gconstpointer data)
{
  const char *csv =
    "名称,电话,在岗,备注,联络员\n"
    UNION_ZH ",０２３－６８７８　１２３４,１２,\"第一行, 带逗号\n第二行 \"\"引号\"\"\",\"王五｜区司法局｜０２３－６８７８３０４５；赵六|区人社局|\"\n";
  g_autoptr(CouncilRosterImport) import = prepare (f, csv, -1);
  g_autoptr(CouncilOrganization) org = NULL;
  g_autoptr(CouncilLiaisonOfficer) first = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (council_roster_import_count (import, COUNCIL_IMPORT_ROW_CHANGED), ==, 1);
  g_assert_true (council_roster_import_apply (import, f->store, &error));
  g_assert_no_error (error);
  org = find_org (f->store, UNION_ZH);
  g_assert_cmpstr (council_organization_get_phone (org), ==, "023-6878 1234");
  g_assert_cmpint (council_organization_get_staff_in_post (org), ==, 12);
  g_assert_cmpstr (council_organization_get_notes (org), ==, "第一行, 带逗号\n第二行 \"引号\"");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council_organization_get_liaison_officers (org))), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (council_organization_get_liaison_officers (org)), 0);
  g_assert_cmpstr (council_liaison_officer_get_name (first), ==, "王五");
  g_assert_cmpstr (council_liaison_officer_get_department (first), ==, "区司法局");
  g_assert_cmpstr (council_liaison_officer_get_phone (first), ==, "023-68783045");
}

static void
test_unchanged_row (Fixture *f, gconstpointer data)
{
  const char *csv = "name,short name\n" UNION_ZH ",区总工会\n";
  g_autoptr(CouncilRosterImport) import = prepare (f, csv, -1);
  g_autoptr(GError) error = NULL;
  int changes = count_rows (f->path, "change");

  g_assert_cmpuint (council_roster_import_count (import, COUNCIL_IMPORT_ROW_UNCHANGED), ==, 1);
  g_assert_true (council_roster_import_apply (import, f->store, &error));
  g_assert_no_error (error);
  /* Nothing to write leaves nothing in the history. */
  g_assert_cmpint (count_rows (f->path, "change"), ==, changes);
}

typedef struct
{
  const char *csv;
  guint bad_line;
  const char *reason;
} RejectCase;

static const RejectCase reject_cases[] = {
  { "名称,英文名称,电话\n新单位甲,Unit A,023-61234567\n" UNION_ZH ",,not a phone\n", 3, "Phone:" },
  { "名称,英文名称,在岗人数,抽调人数\n新单位甲,Unit A,3,1\n新单位乙,Unit B,-2,0\n", 3, "Staff in post cannot be negative" },
  { "名称,英文名称,在岗人数,抽调人数,兼职人数\n新单位甲,Unit A,5,3,3\n", 2, "Seconded-out and part-time staff together cannot exceed staff in post" },
  { "名称,英文名称\n新单位甲,Unit A\n新单位甲,Unit A2\n", 3, "already on row 2" },
  { "名称,英文名称\n九龙坡区妇女联合会,Jiulongpo District Federation of Trade Unions\n", 2, "Another organization is already called" },
  { "名称,英文名称,在岗人数\n新单位甲,Unit A,abc\n", 2, "Staff in post: “abc” is not a whole number." },
  { "名称,英文名称,类别\n新单位甲,Unit A,大型\n", 2, "is not a category" },
};

static void
test_rejected_row_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  int changes, history;

  /* Some history first, so that "unchanged" is not trivially an empty table. */
  {
    g_autoptr(CouncilRosterImport) warmup = prepare (f, chinese_csv, -1);
    g_autoptr(GError) error = NULL;
    g_assert_true (council_roster_import_apply (warmup, f->store, &error));
    g_assert_no_error (error);
  }
  before = dump_roster (f->store);
  changes = count_rows (f->path, "change");
  history = count_rows (f->path, "history");

  for (guint i = 0; i < G_N_ELEMENTS (reject_cases); i++)
    {
      g_autoptr(CouncilRosterImport) import = prepare (f, reject_cases[i].csv, -1);
      g_autoptr(GError) error = NULL;
      g_autofree char *row_prefix = g_strdup_printf ("Row %u: ", reject_cases[i].bad_line);
      g_autofree char *after = NULL;

      g_test_message ("case %u: %s", i, reject_cases[i].csv);
      g_assert_cmpuint (council_roster_import_count (import, COUNCIL_IMPORT_ROW_REJECTED), ==, 1);
      g_assert_false (council_roster_import_apply (import, f->store, &error));
      g_assert_nonnull (error);
      g_test_message ("→ %s", error->message);
      g_assert_true (g_str_has_prefix (error->message, row_prefix));
      g_assert_nonnull (strstr (error->message, reject_cases[i].reason));

      after = dump_roster (f->store);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (count_rows (f->path, "change"), ==, changes);
      g_assert_cmpint (count_rows (f->path, "history"), ==, history);
    }
}

static void
test_missing_name_column (Fixture *f, gconstpointer data)
{
  const char *csv = "电话,邮箱\n023-61234567,a@example.org\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilRosterImport) import =
    council_roster_import_prepare_data (f->store, csv, strlen (csv), &error);

  g_assert_null (import);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "单位名称"));
  g_assert_nonnull (strstr (error->message, "English name"));
}

static void
test_undo_restores (Fixture *f, gconstpointer data)
{
  g_autofree char *before = dump_roster (f->store);
  g_autoptr(CouncilRosterImport) import = prepare (f, chinese_csv, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *after = NULL;

  g_assert_true (council_roster_import_apply (import, f->store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *imported = dump_roster (f->store);
    g_assert_cmpstr (imported, !=, before);
  }
  g_assert_true (council_store_undo (f->store, &undone, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (undone, "Import roster"));
  after = dump_roster (f->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_prepare_file (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *csv_path = g_build_filename (dir, "roster.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CouncilRosterImport) import = NULL;
  g_autofree char *summary = NULL;

  g_assert_true (g_file_set_contents (csv_path, chinese_csv, -1, &error));
  import = council_roster_import_prepare (f->store, csv_path, &error);
  g_assert_no_error (error);
  g_assert_true (council_roster_import_apply (import, f->store, &error));
  summary = council_store_peek_undo (f->store);
  g_assert_cmpstr (summary, ==, "Import roster from roster.csv (1 added, 1 changed)");
  g_clear_object (&import);

  import = council_roster_import_prepare (f->store, "/nonexistent/roster.csv", &error);
  g_assert_null (import);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add_func ("/csv/errors", test_csv_errors);
  g_test_add_func ("/csv/separator-line", test_csv_separator_line);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/roster-import/utf8-bom-chinese-headers", test_utf8_bom_chinese_headers);
  ADD ("/roster-import/utf8-english-headers", test_utf8_english_headers);
  ADD ("/roster-import/gb18030", test_gb18030);
  ADD ("/roster-import/utf16", test_utf16);
  ADD ("/roster-import/quoted-and-full-width", test_quoted_fields_and_full_width);
  ADD ("/roster-import/unchanged", test_unchanged_row);
  ADD ("/roster-import/rejected-changes-nothing", test_rejected_row_changes_nothing);
  ADD ("/roster-import/missing-name-column", test_missing_name_column);
  ADD ("/roster-import/undo", test_undo_restores);
  ADD ("/roster-import/file", test_prepare_file);
#undef ADD
  return g_test_run ();
}
