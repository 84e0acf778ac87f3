/* council-workbook-roster.c: the Roster sheet: one row per member organization.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-workbook"

#include "config.h"

#include <glib/gi18n.h>
#include "council-workbook-private.h"

enum
{
  COL_NAME,
  COL_SHORT_NAME,
  COL_CATEGORY,
  COL_ROLE,
  COL_CONTACT,
  COL_PHONE,
  COL_EMAIL,
  COL_ADDRESS,
  COL_POSTS,
  COL_STAFF,
  COL_SECONDED,
  COL_SECONDED_SHARE,
  COL_PART_TIME,
  COL_COVERAGE,
  COL_LIAISON,
  COL_ALERTS,
  COL_NOTES,
  N_COLUMNS
};

static const CouncilBilingual sheet_name = { "Roster", "成员单位" };

static const CouncilBilingual headers[N_COLUMNS] = {
  [COL_NAME] = { "Name", "单位名称" },
  [COL_SHORT_NAME] = { "Short name", "简称" },
  [COL_CATEGORY] = { "Category", "类别" },
  [COL_ROLE] = { "Council role", "理事会职务" },
  [COL_CONTACT] = { "Contact person", "联系人" },
  [COL_PHONE] = { "Phone", "联系电话" },
  [COL_EMAIL] = { "Email", "电子邮箱" },
  [COL_ADDRESS] = { "Address", "地址" },
  [COL_POSTS] = { "Establishment posts", "编制数" },
  [COL_STAFF] = { "Staff in post", "在岗人数" },
  [COL_SECONDED] = { "Seconded out", "抽调人数" },
  [COL_SECONDED_SHARE] = { "Seconded share", "抽调占比" },
  [COL_PART_TIME] = { "Part-time", "兼职人数" },
  [COL_COVERAGE] = { "Grassroots coverage", "基层覆盖" },
  [COL_LIAISON] = { "Liaison officers", "联络员" },
  [COL_ALERTS] = { "Alerts", "预警" },
  [COL_NOTES] = { "Notes", "备注" },
};

/* Widest a column grows (Excel character units); longer text wraps. */
static const double max_widths[N_COLUMNS] = {
  [COL_NAME] = 36, [COL_SHORT_NAME] = 16, [COL_CATEGORY] = 14, [COL_ROLE] = 14,
  [COL_CONTACT] = 12, [COL_PHONE] = 16, [COL_EMAIL] = 28, [COL_ADDRESS] = 36,
  [COL_POSTS] = 10, [COL_STAFF] = 10, [COL_SECONDED] = 10, [COL_SECONDED_SHARE] = 10,
  [COL_PART_TIME] = 10, [COL_COVERAGE] = 14, [COL_LIAISON] = 44, [COL_ALERTS] = 26,
  [COL_NOTES] = 50,
};

static const CouncilBilingual category_labels[] = {
  [COUNCIL_CATEGORY_HUB] = { "Hub organization", "枢纽型组织" },
  [COUNCIL_CATEGORY_OTHER] = { "Other organization", "其他组织" },
};
static const CouncilBilingual role_labels[] = {
  [COUNCIL_ROLE_CHAIR] = { "Chair unit", "理事长单位" },
  [COUNCIL_ROLE_VICE_CHAIR] = { "Vice-chair unit", "副理事长单位" },
  [COUNCIL_ROLE_MEMBER] = { "Member unit", "理事单位" },
};
static const CouncilBilingual coverage_labels[] = {
  [COUNCIL_COVERAGE_DISTRICT] = { "District only", "仅区级" },
  [COUNCIL_COVERAGE_TOWNSHIP] = { "Township and street", "镇（街道）" },
  [COUNCIL_COVERAGE_VILLAGE] = { "Village and community", "村（社区）" },
};
static const CouncilBilingual staffing_alert = { "Seconded ≥ 2/3", "抽调≥2/3" };
static const CouncilBilingual coverage_alert = { "No grassroots coverage", "无基层覆盖" };

typedef struct
{
  double widths[N_COLUMNS];
  guint  lines;    /* text lines of the tallest cell in the row */
} RowMeasure;

#define WIDTH_SAMPLE_ROWS 1000

static void
measure (RowMeasure *m, int col, const char *text)
{
  guint n_lines = 1;
  double width = council_workbook_measure_lines (text ? text : "", max_widths[col], &n_lines);

  m->widths[col] = MAX (m->widths[col], MIN (width, max_widths[col]));
  m->lines = MAX (m->lines, n_lines);
}

static char *
liaison_text (CouncilWorkbookWriter *writer, CouncilOrganization *org)
{
  GListModel *officers = G_LIST_MODEL (council_organization_get_liaison_officers (org));
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (officers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CouncilLiaisonOfficer) lo = g_list_model_get_item (officers, i);
      const char *department = council_liaison_officer_get_department (lo);
      const char *phone = council_liaison_officer_get_phone (lo);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, council_liaison_officer_get_name (lo));
      if (*department == '\0' && *phone == '\0')
        continue;
      if (writer->options->chinese)
        g_string_append_printf (out, "（%s%s%s）", department, *department && *phone ? "，" : "", phone);
      else
        g_string_append_printf (out, " (%s%s%s)", department, *department && *phone ? ", " : "", phone);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
alerts_text (CouncilWorkbookWriter *writer, CouncilOrganization *org)
{
  const char *parts[3] = { NULL };
  guint n = 0;

  if (council_organization_has_staffing_alert (org))
    parts[n++] = council_workbook_text (writer, &staffing_alert);
  if (council_organization_has_coverage_alert (org))
    parts[n++] = council_workbook_text (writer, &coverage_alert);
  return g_strjoinv (writer->options->chinese ? "；" : "; ", (char **) parts);
}

static gboolean
write_organization (CouncilWorkbookWriter *writer, lxw_worksheet *sheet, lxw_row_t row,
                    CouncilOrganization *org, RowMeasure *widths, GError **error)
{
  CouncilWorkbookFormats *f = &writer->formats;
  g_autofree char *liaison = liaison_text (writer, org);
  g_autofree char *alerts = alerts_text (writer, org);
  gboolean alert = *alerts != '\0';
  lxw_format *text = alert ? f->alert_text : f->text;
  lxw_format *wrap = alert ? f->alert_wrap : f->wrap;
  lxw_format *integer = alert ? f->alert_integer : f->integer;
  const char *texts[N_COLUMNS] = {
    [COL_NAME] = council_organization_get_name_for_language (org, writer->options->chinese),
    [COL_SHORT_NAME] = council_organization_get_short_name (org),
    [COL_CATEGORY] = council_workbook_text (writer, &category_labels[council_organization_get_category (org)]),
    [COL_ROLE] = council_workbook_text (writer, &role_labels[council_organization_get_council_role (org)]),
    [COL_CONTACT] = council_organization_get_contact_person (org),
    [COL_PHONE] = council_organization_get_phone (org),
    [COL_EMAIL] = council_organization_get_email (org),
    [COL_ADDRESS] = council_organization_get_address (org),
    [COL_COVERAGE] = council_workbook_text (writer, &coverage_labels[council_organization_get_coverage (org)]),
    [COL_LIAISON] = liaison,
    [COL_ALERTS] = alerts,
    [COL_NOTES] = council_organization_get_notes (org),
  };
  const int counts[N_COLUMNS] = {
    [COL_POSTS] = council_organization_get_posts_established (org),
    [COL_STAFF] = council_organization_get_staff_in_post (org),
    [COL_SECONDED] = council_organization_get_seconded_out (org),
    [COL_PART_TIME] = council_organization_get_part_time (org),
  };
  RowMeasure m = { { 0 }, 1 };

  /* Column widths come from the first rows (a large roster repeats its
   * shapes); every row still gets its own height from its wrapped cells. */
  for (int c = 0; c < N_COLUMNS; c++)
    if (texts[c] != NULL &&
        (row <= WIDTH_SAMPLE_ROWS || c == COL_ADDRESS || c == COL_LIAISON || c == COL_NOTES))
      measure (&m, c, texts[c]);
  for (int c = 0; c < N_COLUMNS; c++)
    widths->widths[c] = MAX (widths->widths[c], m.widths[c]);

  /* In constant-memory mode a row's height is set before its cells. */
  if (m.lines > 1 &&
      !council_workbook_check (writer, worksheet_set_row (sheet, row, MIN (15.0 * m.lines, 409.0), NULL), error))
    return FALSE;

  for (int c = 0; c < N_COLUMNS; c++)
    {
      gboolean ok;

      switch (c)
        {
        case COL_POSTS:
        case COL_STAFF:
        case COL_SECONDED:
        case COL_PART_TIME:
          ok = council_workbook_write_number (writer, sheet, row, c, counts[c], integer, error);
          break;
        case COL_SECONDED_SHARE:
          ok = council_workbook_write_number (writer, sheet, row, c,
                                              council_organization_get_seconded_share (org),
                                              alert ? f->alert_percent : f->percent, error);
          break;
        default:
          /* An empty cell needs writing only to carry the alert fill. */
          if (!alert && *texts[c] == '\0')
            ok = TRUE;
          else if (c == COL_ADDRESS || c == COL_LIAISON || c == COL_NOTES)
            ok = council_workbook_write_text (writer, sheet, row, c, texts[c], wrap, error);
          else
            ok = council_workbook_write_text (writer, sheet, row, c, texts[c], text, error);
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  CouncilWorkbookWriter *writer;
  lxw_worksheet *sheet;
  RowMeasure widths;
  guint n_expected;
  lxw_row_t row;
  GError *error;
} RosterPass;

static gboolean
on_organization_cb (CouncilOrganization *org, gpointer user_data)
{
  RosterPass *pass = user_data;
  guint done = pass->row;

  if (done % 100 == 0)
    {
      if (council_workbook_cancelled (pass->writer, &pass->error))
        return FALSE;
      council_workbook_progress (pass->writer, (double) done / MAX (pass->n_expected, 1));
    }
  pass->row++;
  return write_organization (pass->writer, pass->sheet, pass->row, org, &pass->widths, &pass->error);
}

gboolean
council_workbook_write_roster (CouncilWorkbookWriter *writer, GError **error)
{
  RosterPass pass = { writer, NULL, { { 0 }, 0 }, 0, 0, NULL };

  pass.sheet = council_workbook_add_sheet (writer, &sheet_name, error);
  if (pass.sheet == NULL)
    return FALSE;
  if (!council_workbook_setup_sheet (writer, pass.sheet, headers, N_COLUMNS, error))
    return FALSE;
  for (int c = 0; c < N_COLUMNS; c++)
    measure (&pass.widths, c, council_workbook_text (writer, &headers[c]));

  /* Retired organizations are kept in the database, not in the leaders' sheet.
   * Rows stream from the store in order, as constant-memory mode wants them. */
  pass.n_expected = council_store_count_organizations (writer->store, FALSE);
  if (!council_store_foreach_organization (writer->store, FALSE, on_organization_cb, &pass, error))
    return FALSE;
  if (pass.error != NULL)
    {
      g_propagate_error (error, pass.error);
      return FALSE;
    }

  for (int c = 0; c < N_COLUMNS; c++)
    if (!council_workbook_check (writer, worksheet_set_column (pass.sheet, c, c, MAX (pass.widths.widths[c] + 2, 8), NULL), error))
      return FALSE;
  if (!council_workbook_check (writer, worksheet_autofilter (pass.sheet, 0, 0, MAX (pass.row, 1), N_COLUMNS - 1), error))
    return FALSE;
  council_workbook_progress (writer, 1.0);
  return TRUE;
}
