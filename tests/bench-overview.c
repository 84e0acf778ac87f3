/* bench-overview.c: the Overview and the whole leaders' workbook of a large
 * council — 100,000 projects, 300,000 fund entries, 200,000 action items.
 *
 * Prints medians against the targets (Overview computed and first
 * drawn under 300 ms, with the renderer the program itself would pick here;
 * workbook under 1.5x a bare libxlsxwriter loop writing the same sheets, rows
 * and columns from cells prepared in memory — text as text, numbers with
 * their values, in the export's formats; peak memory under 200 MB). No
 * assertions on time.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "council-application.h"
#include "council-generate.h"
#include "council-overview-view.h"
#include "council-store-private.h"
#include "council-test-helpers.h"
#include "council-workbook.h"

#define N_PROJECTS     100000
#define N_FUNDS        300000
#define N_MEETINGS      20000
#define ITEMS_PER_MEETING  10
#define YEAR             2026
#define AS_OF    "2026-11-29"

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v, guint n)
{
  qsort (v, n, sizeof *v, compare_doubles);
  return v[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* This process's CPU time: the machine may be shared, and wall-clock time
 * then counts the other processes too. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
vm_hwm_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

/* ---- the Overview: computed, and drawn for the first time ---- */

static void
on_after_paint_cb (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

/* Where the time between computed and drawn goes: building the view
 * (computing the figures, making the cards and lists), showing the window
 * (realizing, measuring and allocating every widget: the text is laid out
 * here), and the first frame (drawing the charts and painting). */
typedef struct
{
  double built;
  double shown;
  double painted;
  const char *renderer;
} DrawPhases;

static double
time_first_draw (CouncilStore *store, double *cpu, DrawPhases *phases)
{
  double start = now_ms (), cpu_start = cpu_ms ();
  GtkWidget *window = gtk_window_new ();
  CouncilOverviewView *view = council_overview_view_new (store);
  gboolean painted = FALSE;
  double elapsed, built, shown;

  council_overview_view_set_year (view, YEAR);
  built = now_ms ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  shown = now_ms ();
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  elapsed = now_ms () - start;
  *cpu = cpu_ms () - cpu_start;
  phases->built = built - start;
  phases->shown = shown - built;
  phases->painted = start + elapsed - shown;
  phases->renderer = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (window), on_after_paint_cb, &painted);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return elapsed;
}

static void
measure_overview (CouncilStore *store)
{
  double compute[11], compute_cpu[11], draw[5], draw_cpu[5], built[5], shown[5], painted[5];
  const char *renderer = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (compute); i++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms (), cpu_start = cpu_ms ();
      g_autoptr(CouncilOverview) o = council_overview_compute (store, YEAR, AS_OF, TRUE, &error);

      g_assert_no_error (error);
      compute[i] = now_ms () - start;
      compute_cpu[i] = cpu_ms () - cpu_start;
      if (i == 0)
        printf ("Overview of %d: %u projects, %u off track, %u open action items (%u overdue), raised %.0f yuan\n",
                YEAR, o->projects, o->n_off_track_projects, o->action_items_open, o->action_items_overdue,
                o->raised_fen / 100.0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (draw); i++)
    {
      DrawPhases phases;

      draw[i] = time_first_draw (store, &draw_cpu[i], &phases);
      built[i] = phases.built;
      shown[i] = phases.shown;
      painted[i] = phases.painted;
      renderer = phases.renderer;
    }
  printf ("Overview computed: median %.1f ms (CPU %.1f ms); computed and first drawn: median %.1f ms "
          "(CPU of this process %.1f ms) (target < 300 ms)\n",
          median (compute, G_N_ELEMENTS (compute)), median (compute_cpu, G_N_ELEMENTS (compute_cpu)),
          median (draw, G_N_ELEMENTS (draw)), median (draw_cpu, G_N_ELEMENTS (draw_cpu)));
  printf ("  of which (medians): view built (figures, cards, lists) %.1f ms, window shown (text laid out) %.1f ms, "
          "first frame painted %.1f ms; renderer %s (GSK_RENDERER=%s)\n",
          median (built, G_N_ELEMENTS (built)), median (shown, G_N_ELEMENTS (shown)),
          median (painted, G_N_ELEMENTS (painted)), renderer,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "unset");
  fflush (stdout);
}

/* ---- the workbook against a bare libxlsxwriter loop ---- */

/* One cell of the reference, prepared beforehand. */
typedef struct
{
  char  *text;     /* NULL for a number */
  double number;
} BareCell;

typedef struct
{
  const char *name;
  const char *formats;  /* per column, as the export formats it: t text, w wrapped text, m money,
                           i whole number, p percent, a alert (days overdue), f SUM formula */
  guint n_columns;
  GArray *cells;        /* row-major BareCell; a NULL text and NaN number: no cell */
} BareSheet;

static void
bare_cell_clear (gpointer data)
{
  g_free (((BareCell *) data)->text);
}

/* The cells of a sheet, read with one query beforehand: the loop only writes.
 * Numbers keep their values, text its text; NULL and '' are no cell. */
static BareSheet
prepare (CouncilStore *store, const char *name, const char *formats, const char *sql)
{
  BareSheet sheet = { name, formats, 0, g_array_new (FALSE, FALSE, sizeof (BareCell)) };
  sqlite3_stmt *stmt = council_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_array_set_clear_func (sheet.cells, bare_cell_clear);
  sheet.n_columns = (guint) sqlite3_column_count (stmt);
  g_assert_cmpuint (strlen (formats), ==, sheet.n_columns);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (guint c = 0; c < sheet.n_columns; c++)
      {
        int type = sqlite3_column_type (stmt, (int) c);
        const char *text = (const char *) sqlite3_column_text (stmt, (int) c);
        BareCell cell = { NULL, NAN };

        if (formats[c] == 'f')
          cell.text = g_strdup_printf ("=SUM(B%u:G%u)", sheet.cells->len / sheet.n_columns + 2,
                                       sheet.cells->len / sheet.n_columns + 2);
        if (type == SQLITE_INTEGER || type == SQLITE_FLOAT)
          cell.number = sqlite3_column_double (stmt, (int) c);
        else if (formats[c] != 'f' && text != NULL && *text != '\0')
          cell.text = g_strdup (text);
        g_array_append_val (sheet.cells, cell);
      }
  sqlite3_reset (stmt);
  return sheet;
}

static lxw_format *
bare_format (lxw_workbook *workbook, gboolean wrap, const char *num_format, gboolean alert)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (wrap)
    format_set_text_wrap (format);
  if (num_format != NULL)
    format_set_num_format (format, num_format);
  if (alert)
    {
      format_set_pattern (format, LXW_PATTERN_SOLID);
      format_set_bg_color (format, 0xFFC7CE);
      format_set_font_color (format, 0x9C0006);
    }
  return format;
}

static void
bare_loop (BareSheet *sheets, guint n_sheets, const char *path)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_format *header = workbook_add_format (workbook);
  lxw_format *formats[128] = { NULL };

  /* The export's formats: a bold header on a fill, cells aligned to the top. */
  format_set_bold (header);
  format_set_pattern (header, LXW_PATTERN_SOLID);
  format_set_bg_color (header, 0xDCE6F1);
  formats['t'] = bare_format (workbook, FALSE, NULL, FALSE);
  formats['w'] = bare_format (workbook, TRUE, NULL, FALSE);
  formats['m'] = bare_format (workbook, FALSE, "#,##0.00", FALSE);
  formats['i'] = bare_format (workbook, FALSE, "0", FALSE);
  formats['p'] = bare_format (workbook, FALSE, "0%", FALSE);
  formats['a'] = bare_format (workbook, FALSE, "0", TRUE);
  formats['f'] = formats['m'];
  for (guint s = 0; s < n_sheets; s++)
    {
      lxw_worksheet *ws = workbook_add_worksheet (workbook, sheets[s].name);
      guint n = sheets[s].cells->len;

      for (guint c = 0; c < sheets[s].n_columns; c++)
        worksheet_write_string (ws, 0, (lxw_col_t) c, "表头", header);
      for (guint i = 0; i < n; i++)
        {
          const BareCell *cell = &g_array_index (sheets[s].cells, BareCell, i);
          lxw_row_t row = i / sheets[s].n_columns + 1;
          lxw_col_t col = i % sheets[s].n_columns;
          char kind = sheets[s].formats[col];

          if (kind == 'f')
            worksheet_write_formula_num (ws, row, col, cell->text, formats['f'], cell->number);
          else if (cell->text != NULL)
            worksheet_write_string (ws, row, col, cell->text, formats[(guchar) kind]);
          else if (!isnan (cell->number))
            worksheet_write_number (ws, row, col, cell->number, formats[(guchar) kind]);
        }
      if (g_str_equal (sheets[s].name, "资金"))
        {
          /* The Funds sheet's chart, as the export draws it. */
          lxw_chart *chart = workbook_add_chart (workbook, LXW_CHART_COLUMN);

          chart_series_set_values (chart_add_series (chart, NULL, NULL), sheets[s].name, 1, 1, 1, 6);
          worksheet_insert_chart (ws, n / sheets[s].n_columns + 3, 1, chart);
        }
    }
  if (workbook_close (workbook) != LXW_NO_ERROR)
    g_error ("the bare libxlsxwriter loop failed to write %s", path);
}

/* The export's own peak is that of the program itself (`council-desk
 * --export-workbook`, as a person runs it). A child forked from this process
 * would start with this process's pages (window, generated data, bare loop)
 * and the kernel keeps that size as the peak across exec; so a small process
 * forked at the start, before any of that exists, starts the program when
 * asked and answers with its ru_maxrss. */
static int peak_request = -1, peak_reply = -1;
static pid_t peak_server;

static void
peak_server_run (int request, int reply)
{
  const char *bin = getenv ("COUNCIL_DESK_BIN");
  char paths[8192];
  size_t len = 0;
  ssize_t n;
  long kb = -1;

  while (len < sizeof paths - 1 && (n = read (request, paths + len, sizeof paths - 1 - len)) > 0)
    len += (size_t) n;
  paths[len] = '\0';
  if (bin != NULL && len > 0)
    {
      /* "database\0workbook" */
      const char *db = paths, *out = paths + strlen (paths) + 1;
      char *argv[] = { (char *) bin, "--database", (char *) db, "--export-workbook", (char *) out,
                       "--year", G_STRINGIFY (YEAR), "--language", "zh_CN", NULL };
      struct rusage usage;
      int status = 0;
      pid_t pid = fork ();

      if (pid == 0)
        {
          execv (bin, argv);
          _exit (127);
        }
      if (pid > 0 && wait4 (pid, &status, 0, &usage) == pid && WIFEXITED (status) && WEXITSTATUS (status) == 0)
        kb = usage.ru_maxrss;
    }
  if (write (reply, &kb, sizeof kb) != sizeof kb)
    _exit (1);
  _exit (0);
}

static void
start_peak_server (void)
{
  int request[2], reply[2];

  g_assert_cmpint (pipe (request), ==, 0);
  g_assert_cmpint (pipe (reply), ==, 0);
  peak_server = fork ();
  g_assert_cmpint (peak_server, >=, 0);
  if (peak_server == 0)
    {
      close (request[1]);
      close (reply[0]);
      peak_server_run (request[0], reply[1]);
    }
  close (request[0]);
  close (reply[1]);
  peak_request = request[1];
  peak_reply = reply[0];
}

static double
export_peak_mb (CouncilStore *store, const char *path)
{
  const char *db = council_store_get_path (store);
  long kb = -1;

  if (g_getenv ("COUNCIL_DESK_BIN") == NULL)
    g_error ("COUNCIL_DESK_BIN is not set; run through meson test --benchmark");
  if (write (peak_request, db, strlen (db) + 1) < 0 || write (peak_request, path, strlen (path) + 1) < 0)
    g_error ("could not ask for the export's peak memory");
  close (peak_request);
  if (read (peak_reply, &kb, sizeof kb) != sizeof kb || kb < 0)
    g_error ("council-desk --export-workbook failed");
  close (peak_reply);
  waitpid (peak_server, NULL, 0);
  return kb / 1024.0;
}

static void
measure_workbook (CouncilStore *store, const char *dir)
{
  g_autofree char *export_path = g_build_filename (dir, "workbook.xlsx", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "bare.xlsx", NULL);
  CouncilWorkbookOptions options;
  double export_ms[3], bare_ms[3], export_cpu[3], bare_cpu[3];
  long hwm_before, hwm_after;
  /* Every sheet of the export, with its columns and rows (the small ones
   * — Cover, Brands, Funds, Ranking, Scores — at their size), the same
   * kinds of cells (text as text, numbers with their values) and the same
   * formats; the texts in Chinese, as the export is. */
#define STATUS_ZH(s) "CASE " s " WHEN 'proposed' THEN '申报' WHEN 'approved' THEN '已立项' " \
  "WHEN 'in_progress' THEN '实施中' WHEN 'completed' THEN '已完成' WHEN 'suspended' THEN '暂停' ELSE '已取消' END"
#define HEALTH_ZH(h) "CASE " h " WHEN 'on_track' THEN '正常' WHEN 'at_risk' THEN '有风险' ELSE '滞后' END"
  BareSheet sheets[] = {
    prepare (store, "封面", "titt", "SELECT '在册成员单位', 22, '', '' FROM project LIMIT 80"),
    prepare (store, "成员单位", "tttttttwiiiitw",
             "SELECT name_zh, short_name, category, council_role, contact_person, phone, email, address, "
             "posts_established, staff_in_post, seconded_out, part_time, coverage, notes FROM organization"),
    prepare (store, "项目", "tttttttttmmi",
             "SELECT p.code, p.title_zh, o.name_zh, "
             "coalesce((SELECT group_concat(po.name_zh, '、') FROM project_partner pp "
             "          JOIN organization po ON po.id = pp.org_id WHERE pp.project_id = p.id), ''), "
             "c.name_zh, " STATUS_ZH ("p.status") ", " HEALTH_ZH ("p.health") ", p.start_date, "
             "coalesce(p.end_date, ''), p.budget_fen / 100.0, coalesce(t.spent_fen, 0) / 100.0, p.actual_beneficiaries "
             "FROM project p JOIN organization o ON o.id = p.lead_org_id "
             "JOIN project_category c ON c.id = p.category_id LEFT JOIN project_spent t ON t.project_id = p.id "
             "ORDER BY p.code"),
    prepare (store, "一体化品牌", "tttttttttmmi",
             "SELECT p.code, p.title_zh, o.name_zh, '', c.name_zh, " STATUS_ZH ("p.status") ", "
             HEALTH_ZH ("p.health") ", p.start_date, coalesce(p.end_date, ''), p.budget_fen / 100.0, "
             "coalesce(t.spent_fen, 0) / 100.0, p.actual_beneficiaries "
             "FROM project p JOIN organization o ON o.id = p.lead_org_id "
             "JOIN project_category c ON c.id = p.category_id LEFT JOIN project_spent t ON t.project_id = p.id "
             "WHERE p.integrated_into IS NOT NULL OR p.id IN "
             "(SELECT integrated_into FROM project WHERE integrated_into IS NOT NULL)"),
    prepare (store, "资金", "tmmmmmmf",
             "SELECT o.name_zh, 1.0 * sum(f.source = 'gov_purchase'), 1.0 * sum(f.source = 'fiscal'), "
             "1.0 * sum(f.source = 'donation'), 1.0 * sum(f.source = 'corporate'), 1.0 * sum(f.source = 'overseas'), "
             "1.0 * sum(f.source = 'venue'), 1.0 * count(*) FROM organization o "
             "JOIN project p ON p.lead_org_id = o.id JOIN fund_entry f ON f.project_id = p.id "
             "WHERE f.kind = 'raised' AND f.entry_date BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY o.id"),
    prepare (store, "资金公开", "ttttmtttt",
             "SELECT p.code, p.title_zh, CASE f.source WHEN 'gov_purchase' THEN '政府购买服务' "
             "WHEN 'fiscal' THEN '财政拨款' WHEN 'donation' THEN '社会募捐' WHEN 'corporate' THEN '企业赞助' "
             "WHEN 'overseas' THEN '海外捐赠' ELSE '场馆社会化' END, "
             "CASE f.kind WHEN 'raised' THEN '筹集' WHEN 'allocated' THEN '拨付' ELSE '支出' END, "
             "f.amount_fen / 100.0, f.entry_date, f.counterparty, "
             "f.voucher_no, f.note FROM fund_entry f JOIN project p ON p.id = f.project_id "
             "WHERE f.entry_date BETWEEN '2026-01-01' AND '2026-12-31' ORDER BY f.entry_date, f.id"),
    prepare (store, "会议", "ttiwtttiiiipi",
             "SELECT replace(m.starts_at, 'T', ' '), k.name_zh, nullif(m.session_no, 0), m.title, m.place, m.chair, "
             "CASE m.state WHEN 'planned' THEN '计划中' WHEN 'held' THEN '已召开' ELSE '纪要已审定' END, "
             "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'present'), "
             "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'absent'), "
             "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'excused'), "
             "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'delegated'), "
             "(SELECT 1.0 * sum(a.status IN ('present', 'delegated')) / count(*) FROM attendance a "
             " WHERE a.meeting_id = m.id), "
             "(SELECT count(*) FROM action_item x WHERE x.meeting_id = m.id AND x.status IN ('open', 'in_progress')) "
             "FROM meeting m JOIN meeting_kind k ON k.id = m.kind_id "
             "WHERE m.starts_at >= '2026-01-01' AND m.starts_at < '2027-01-01' ORDER BY m.starts_at"),
    prepare (store, "督办事项", "wtwtttaww",
             "SELECT a.text, o.name_zh, (SELECT group_concat(co.name_zh, '、') FROM action_item_co_owner c "
             "JOIN organization co ON co.id = c.org_id WHERE c.action_item_id = a.id), a.due_date, "
             "CASE a.status WHEN 'open' THEN '未开始' WHEN 'in_progress' THEN '推进中' WHEN 'done' THEN '已完成' "
             "ELSE '已取消' END, coalesce(a.done_date, ''), "
             "CASE WHEN a.status IN ('open', 'in_progress') AND a.due_date < '" AS_OF "' "
             "THEN CAST(julianday('" AS_OF "') - julianday(a.due_date) AS INTEGER) END, "
             "(SELECT n.noted_on || ' ' || n.text FROM progress_note n WHERE n.action_item_id = a.id "
             " ORDER BY n.noted_on DESC, n.id DESC LIMIT 1), substr(m.starts_at, 1, 10) || ' ' || m.title "
             "FROM action_item a JOIN organization o ON o.id = a.owner_org_id JOIN meeting m ON m.id = a.meeting_id "
             "WHERE a.due_date BETWEEN '2026-01-01' AND '2026-12-31' "
             "OR (a.status IN ('open', 'in_progress') AND a.due_date < '2026-01-01') "
             "ORDER BY a.status IN ('done', 'cancelled'), a.due_date, a.id"),
    prepare (store, "考核排名", "itmtt", "SELECT sort_order, name_zh, 85.5, '良好', '' FROM organization"),
    prepare (store, "考核得分", "tmmmmmmmmmmmmmmm",
             "SELECT name_zh, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 85.5 "
             "FROM organization"),
  };
#undef STATUS_ZH
#undef HEALTH_ZH
  guint cells = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sheets); s++)
    cells += sheets[s].cells->len;
  council_workbook_options_init (&options);
  options.chinese = TRUE;
  options.year = YEAR;

  hwm_before = vm_hwm_kb ();
  for (guint i = 0; i < G_N_ELEMENTS (export_ms); i++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms (), cpu_start = cpu_ms ();

      if (!council_workbook_export (store, export_path, &options, NULL, NULL, NULL, &error))
        g_error ("export failed: %s", error->message);
      export_ms[i] = now_ms () - start;
      export_cpu[i] = cpu_ms () - cpu_start;
      start = now_ms ();
      cpu_start = cpu_ms ();
      bare_loop (sheets, G_N_ELEMENTS (sheets), bare_path);
      bare_ms[i] = now_ms () - start;
      bare_cpu[i] = cpu_ms () - cpu_start;
    }
  hwm_after = vm_hwm_kb ();
  printf ("Whole workbook (%u sheets, %u cells): export median %.0f ms, bare loop median %.0f ms, "
          "ratio %.2fx (target < 1.5x)\n",
          (guint) G_N_ELEMENTS (sheets), cells, median (export_ms, 3), median (bare_ms, 3),
          median (export_ms, 3) / median (bare_ms, 3));
  printf ("  in CPU time: export median %.0f ms, bare loop median %.0f ms, ratio %.2fx\n",
          median (export_cpu, 3), median (bare_cpu, 3), median (export_cpu, 3) / median (bare_cpu, 3));
  printf ("Peak memory (ru_maxrss) of council-desk --export-workbook: %.1f MB (target < 200 MB); "
          "this benchmark's process (window, data, bare loop): %.1f MB before the exports, %.1f MB after\n",
          export_peak_mb (store, export_path), hwm_before / 1024.0, hwm_after / 1024.0);
  fflush (stdout);
  for (guint s = 0; s < G_N_ELEMENTS (sheets); s++)
    g_array_unref (sheets[s].cells);
  g_unlink (export_path);
  g_unlink (bare_path);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = council_test_make_tmpdir ();
  g_autofree char *db_path = NULL;
  g_autoptr(CouncilStore) store = NULL;
  g_autofree char *db_dir = NULL;
  double start;

  start_peak_server ();
  /* The renderer the program would use on this machine (main.c). */
  council_choose_renderer ();
  gtk_init ();
  /* The large council of every benchmark (tests/council-generate.c). */
  start = now_ms ();
  store = council_generate_open_cached (COUNCIL_GENERATE_LARGE, COUNCIL_GENERATE_SEED, &db_path, &error);
  if (store == NULL)
    g_error ("could not open the generated council: %s", error->message);
  printf ("large council (%d projects, %d fund entries, %d action items) ready in %.0f ms\n",
          N_PROJECTS, N_FUNDS, N_MEETINGS * ITEMS_PER_MEETING, now_ms () - start);
  db_dir = g_path_get_dirname (db_path);
  fflush (stdout);

  measure_overview (store);
  measure_workbook (store, dir);

  g_clear_object (&store);
  council_test_rm_rf (dir);
  if (db_dir != NULL)
    council_test_rm_rf (db_dir);
  return 0;
}
