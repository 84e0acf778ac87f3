/* bench-roster-export.c: the Roster sheet export against a bare libxlsxwriter loop
 * writing the same cells, for the sample council (22) and 5,000 organizations.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>
#include <xlsxwriter.h>

#include "council-demo.h"
#include "council-test-helpers.h"
#include "council-workbook.h"

#define N_COLUMNS 17

static const char *headers[N_COLUMNS] = {
  "单位名称", "简称", "类别", "理事会职务", "联系人", "联系电话", "电子邮箱", "地址", "编制数",
  "在岗人数", "抽调人数", "抽调占比", "兼职人数", "基层覆盖", "联络员", "预警", "备注",
};

/* One row as the bare loop writes it: text where the sheet has text, numbers
 * where it has numbers. */
typedef struct
{
  char *text[N_COLUMNS];
  double number[N_COLUMNS];
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;
  for (int c = 0; c < N_COLUMNS; c++)
    g_free (row->text[c]);
}

static GArray *
cells_of (CouncilStore *store)
{
  static const char *categories[] = { "枢纽型组织", "其他组织" };
  static const char *roles[] = { "理事长单位", "副理事长单位", "理事单位" };
  static const char *coverages[] = { "仅区级", "镇（街道）", "村（社区）" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) orgs = council_store_list_organizations (store, FALSE, &error);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));

  g_assert_no_error (error);
  g_array_set_clear_func (rows, row_clear);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (orgs)); i++)
    {
      g_autoptr(CouncilOrganization) o = g_list_model_get_item (G_LIST_MODEL (orgs), i);
      GListModel *los = G_LIST_MODEL (council_organization_get_liaison_officers (o));
      GString *liaison = g_string_new (NULL);
      GString *alerts = g_string_new (NULL);
      Row row = { { NULL }, { 0 } };

      for (guint j = 0; j < g_list_model_get_n_items (los); j++)
        {
          g_autoptr(CouncilLiaisonOfficer) lo = g_list_model_get_item (los, j);
          g_string_append_printf (liaison, "%s%s（%s，%s）", j ? "\n" : "",
                                  council_liaison_officer_get_name (lo),
                                  council_liaison_officer_get_department (lo),
                                  council_liaison_officer_get_phone (lo));
        }
      if (council_organization_has_staffing_alert (o))
        g_string_append (alerts, "抽调≥2/3");
      if (council_organization_has_coverage_alert (o))
        g_string_append (alerts, alerts->len ? "；无基层覆盖" : "无基层覆盖");

      row.text[0] = g_strdup (council_organization_get_name_zh (o));
      row.text[1] = g_strdup (council_organization_get_short_name (o));
      row.text[2] = g_strdup (categories[council_organization_get_category (o)]);
      row.text[3] = g_strdup (roles[council_organization_get_council_role (o)]);
      row.text[4] = g_strdup (council_organization_get_contact_person (o));
      row.text[5] = g_strdup (council_organization_get_phone (o));
      row.text[6] = g_strdup (council_organization_get_email (o));
      row.text[7] = g_strdup (council_organization_get_address (o));
      row.number[8] = council_organization_get_posts_established (o);
      row.number[9] = council_organization_get_staff_in_post (o);
      row.number[10] = council_organization_get_seconded_out (o);
      row.number[11] = council_organization_get_seconded_share (o);
      row.number[12] = council_organization_get_part_time (o);
      row.text[13] = g_strdup (coverages[council_organization_get_coverage (o)]);
      row.text[14] = g_string_free (liaison, FALSE);
      row.text[15] = g_string_free (alerts, FALSE);
      row.text[16] = g_strdup (council_organization_get_notes (o));
      g_array_append_val (rows, row);
    }
  return rows;
}

static void
bare_loop (GArray *rows, const char *path)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "成员单位");

  for (int c = 0; c < N_COLUMNS; c++)
    worksheet_write_string (sheet, 0, c, headers[c], NULL);
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);
      for (int c = 0; c < N_COLUMNS; c++)
        {
          if (row->text[c] == NULL)
            worksheet_write_number (sheet, r + 1, c, row->number[c], NULL);
          else if (*row->text[c] != '\0')
            worksheet_write_string (sheet, r + 1, c, row->text[c], NULL);
        }
    }
  if (workbook_close (workbook) != LXW_NO_ERROR)
    g_error ("the bare libxlsxwriter loop failed to write %s", path);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* 5,000 organizations that look like real ones: Chinese names, contacts,
 * staffing with some alerts, 0-3 liaison officers, notes of varied length. */
static void
grow_roster (CouncilStore *store, guint total)
{
  static const char *departments[] = { "区人力资源和社会保障局", "区司法局", "区民政局", "区教委", "区卫生健康委" };
  static const char *surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (20261129);
  guint existing = council_store_count_organizations (store, TRUE);

  for (guint i = existing; i < total; i++)
    {
      CouncilOrganization *o = council_organization_new ();
      g_autofree char *zh = g_strdup_printf ("九龙坡区第%05u社会组织联合会", i);
      g_autofree char *en = g_strdup_printf ("Jiulongpo Social Organization Federation No. %05u", i);
      g_autofree char *shortname = g_strdup_printf ("社联%05u", i);
      g_autofree char *phone = g_strdup_printf ("023-6%07u", g_rand_int_range (rand, 0, 9999999));
      g_autofree char *email = g_strdup_printf ("org%05u@jlp.example.org", i);
      g_autofree char *address = g_strdup_printf ("重庆市九龙坡区杨家坪正街%u号%u楼", i % 300 + 1, i % 20 + 1);
      g_autofree char *notes = NULL;
      int staff = g_rand_int_range (rand, 0, 40);
      int seconded = staff ? g_rand_int_range (rand, 0, staff + 1) : 0;
      int part_time = staff - seconded ? g_rand_int_range (rand, 0, staff - seconded + 1) : 0;
      guint n_officers = (guint) g_rand_int_range (rand, 0, 4);
      GString *contact = g_string_new (NULL);

      g_string_append_unichar (contact, g_utf8_get_char (g_utf8_offset_to_pointer (surnames, i % 20)));
      g_string_append (contact, i % 2 ? "晓明" : "丽");
      notes = g_strnfill ((gsize) g_rand_int_range (rand, 0, 20), 'x');
      council_organization_set_name_zh (o, zh);
      council_organization_set_name_en (o, en);
      council_organization_set_short_name (o, shortname);
      council_organization_set_category (o, i % 7 == 0 ? COUNCIL_CATEGORY_HUB : COUNCIL_CATEGORY_OTHER);
      council_organization_set_council_role (o, i % 11 == 0 ? COUNCIL_ROLE_VICE_CHAIR : COUNCIL_ROLE_MEMBER);
      council_organization_set_contact_person (o, contact->str);
      council_organization_set_phone (o, phone);
      council_organization_set_email (o, email);
      council_organization_set_address (o, address);
      council_organization_set_posts_established (o, staff + g_rand_int_range (rand, 0, 5));
      council_organization_set_staff_in_post (o, staff);
      council_organization_set_seconded_out (o, seconded);
      council_organization_set_part_time (o, part_time);
      council_organization_set_coverage (o, (CouncilCoverage) g_rand_int_range (rand, 0, 3));
      council_organization_set_notes (o, notes);
      for (guint j = 0; j < n_officers; j++)
        {
          g_autofree char *name = g_strdup_printf ("联络员%u", j + 1);
          g_autoptr(CouncilLiaisonOfficer) lo =
            council_liaison_officer_new (name, departments[(i + j) % G_N_ELEMENTS (departments)], "13800001111");
          g_list_store_append (council_organization_get_liaison_officers (o), lo);
        }
      g_string_free (contact, TRUE);
      g_ptr_array_add (orgs, o);
    }
  g_rand_free (rand);
  if (!council_store_save_organizations (store, orgs, "benchmark roster", COUNCIL_STORE_SAVE_DEFAULT, &error))
    g_error ("could not generate the roster: %s", error->message);
}

/* CPU time of this process: steadier than wall time on a busy machine. */
static double
cpu_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gboolean
count_organization (CouncilOrganization *org, gpointer user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static void
measure (const char *label, CouncilStore *store, const char *dir, guint runs)
{
  g_autofree char *export_path = g_build_filename (dir, "export.xlsx", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "bare.xlsx", NULL);
  g_autofree double *export_ms = g_new (double, runs);
  g_autofree double *bare_ms = g_new (double, runs);
  CouncilWorkbookOptions options;
  guint n_rows = council_store_count_organizations (store, FALSE);
  double *read_ms = g_new (double, runs);
  double *export_cpu = g_new (double, runs);
  double *bare_cpu = g_new (double, runs);
  double ec, bc;
  double e, b, rd;
  guint counted = 0;

  council_workbook_options_init (&options);
  options.chinese = TRUE;

  /* Interleaved, so that both see the same state of the machine. */
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) rows = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_ms ();

      if (!council_workbook_export (store, export_path, &options, NULL, NULL, NULL, &error))
        g_error ("export failed: %s", error->message);
      export_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
      export_cpu[i] = cpu_ms () - c0;

      /* How much of the export is reading the roster from the database. */
      t0 = g_get_monotonic_time ();
      if (!council_store_foreach_organization (store, FALSE, count_organization, &counted, &error))
        g_error ("reading the roster failed: %s", error->message);
      read_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;

      /* The reference gets its cells ready-made; only the writing is timed. */
      rows = cells_of (store);
      t0 = g_get_monotonic_time ();
      c0 = cpu_ms ();
      bare_loop (rows, bare_path);
      bare_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
      bare_cpu[i] = cpu_ms () - c0;
    }
  e = median (export_ms, runs);
  b = median (bare_ms, runs);
  rd = median (read_ms, runs);
  ec = median (export_cpu, runs);
  bc = median (bare_cpu, runs);
  g_free (read_ms);
  g_free (export_cpu);
  g_free (bare_cpu);
  printf ("%-28s rows %5u  runs %2u  export %8.2f ms (%7.2f ms/1000 rows)  bare loop %8.2f ms (%7.2f ms/1000 rows)  ratio %.2fx (target < 1.5x)\n"
          "%-28s CPU time: export %.2f ms, bare loop %.2f ms, ratio %.2fx; reading the roster from the database alone: %.2f ms\n",
          label, n_rows, runs, e, e * 1000.0 / n_rows, b, b * 1000.0 / n_rows, e / b, "", ec, bc, ec / bc, rd);
  fflush (stdout);
  g_unlink (export_path);
  g_unlink (bare_path);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *db_path = NULL;
  g_autoptr(CouncilStore) store = council_test_open_store (&db_path);
  g_autofree char *db_dir = g_path_get_dirname (db_path);

  printf ("Roster sheet export (median of runs; export includes reading the database, the bare loop does not)\n");
  if (!council_demo_fill (store, &error))
    g_error ("could not load the sample council: %s", error->message);
  measure ("sample council", store, dir, 21);

  grow_roster (store, 5000);
  measure ("5,000 organizations", store, dir, 11);

  g_clear_object (&store);
  council_test_rm_rf (dir);
  council_test_rm_rf (db_dir);
  return 0;
}
