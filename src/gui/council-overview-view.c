/* council-overview-view.c: figure cards, three cairo charts (projects by
 * category, funds by source, the ranking of the last finalized assessment)
 * and four lists of what needs attention; each entry opens its record in its
 * own view.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-overview-view"

#include "config.h"

#include <glib/gi18n.h>

#include "core/council-assessment.h"
#include "core/council-date.h"
#include "council-overview-view.h"
#include "council-window.h"

#define N_ATTENTION_LISTS 4
/* Rows of an attention list built before its first frame: as many as its
 * scrolled window shows (260 pixels at most, some 50 a row); the rest of
 * the twenty are added once that frame is drawn. */
#define ATTENTION_ROWS_FIRST 6

struct _CouncilOverviewView
{
  GtkWidget parent_instance;

  CouncilStore *store;
  CouncilOverview *overview;
  gboolean chinese;
  guint refresh_id;
  gboolean stale;     /* the store changed while the view was not on screen */
  gboolean rows_pending;           /* attention rows after the first ones */
  GdkFrameClock *paint_clock;      /* watched for the frame that shows them */
  gulong after_paint_id;

  /* template widgets */
  GtkWidget *scroller;
  GtkLabel *heading_label;
  GtkSpinButton *year_spin;
  GtkFlowBox *cards_box;
  GtkDrawingArea *category_chart;
  GtkDrawingArea *funds_chart;
  GtkWidget *ranking_panel;
  GtkDrawingArea *ranking_chart;
  GtkGrid *attention_grid;

  GtkListBox *attention_lists[N_ATTENTION_LISTS];
  GtkLabel *attention_titles[N_ATTENTION_LISTS];

  /* where the ranking chart last drew its bars, for its tooltips */
  double ranking_top;
  double ranking_row_height;
};

G_DEFINE_FINAL_TYPE (CouncilOverviewView, council_overview_view, GTK_TYPE_WIDGET)

/* Bar colours that read on light and dark themes. */
static const double palette[][3] = {
  { 0.20, 0.47, 0.76 }, { 0.90, 0.49, 0.13 }, { 0.30, 0.65, 0.35 },
  { 0.75, 0.25, 0.30 }, { 0.55, 0.40, 0.70 }, { 0.35, 0.60, 0.65 },
};

/* ---- formatting ---- */

/* zh: 12.5万元; en: ¥125,000 (DESIGN §3). */
static char *
format_money (gint64 fen)
{
  gint64 yuan = (fen + 50) / 100;

  if (council_ui_prefers_chinese ())
    {
      if (yuan >= 10000)
        return g_strdup_printf ("%.1f万元", yuan / 10000.0);
      return g_strdup_printf ("%" G_GINT64_FORMAT "元", yuan);
    }
  else
    {
      g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, yuan);
      GString *out = g_string_new ("¥");
      gsize len = strlen (digits);

      for (gsize i = 0; i < len; i++)
        {
          if (i > 0 && (len - i) % 3 == 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, digits[i]);
        }
      return g_string_free (out, FALSE);
    }
}

/* Beside a chart's bars, where room is short: zh as above (12.5万元);
 * en ¥1.2M, ¥350K. */
static char *
format_money_short (gint64 fen)
{
  double yuan = fen / 100.0;

  if (council_ui_prefers_chinese () || yuan < 10000)
    return format_money (fen);
  if (yuan >= 1000000)
    return g_strdup_printf ("¥%.1fM", yuan / 1000000);
  return g_strdup_printf ("¥%.0fK", yuan / 1000);
}

static char *
format_date (const char *iso)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL || !council_iso_date_parse (iso, &date))
    return g_strdup (iso ? iso : "");
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  /* Translators: a date on the Overview, in g_date_time_format() syntax */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/* ---- figure cards ---- */

static void
add_card (CouncilOverviewView *self, const char *caption, const char *figure, const char *detail,
          gboolean alert)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *figure_label = gtk_label_new (figure);
  GtkWidget *detail_label = gtk_label_new (detail);

  gtk_widget_add_css_class (box, "overview-card");
  if (alert)
    gtk_widget_add_css_class (box, "alert");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_widget_add_css_class (figure_label, "figure");
  gtk_widget_add_css_class (detail_label, "caption");
  for (GtkWidget *l = caption_label; l != NULL; l = l == caption_label ? figure_label : l == figure_label ? detail_label : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_label_set_wrap (GTK_LABEL (l), TRUE);
      gtk_box_append (GTK_BOX (box), l);
    }
  gtk_flow_box_append (self->cards_box, box);
}

static void
fill_cards (CouncilOverviewView *self)
{
  const CouncilOverview *o = self->overview;
  g_autofree char *n_orgs = g_strdup_printf ("%u", o->active_organizations);
  g_autofree char *n_projects = g_strdup_printf ("%u", o->projects);
  g_autofree char *projects_detail =
    g_strdup_printf (_("%u in progress · %u off track"),
                     o->projects_by_status[COUNCIL_PROJECT_STATUS_IN_PROGRESS],
                     o->projects_by_health[COUNCIL_PROJECT_HEALTH_OFF_TRACK]);
  g_autofree char *raised = format_money (o->raised_fen);
  g_autofree char *spent = format_money (o->spent_fen);
  g_autofree char *spent_detail = g_strdup_printf (_("Spent: %s"), spent);
  g_autofree char *n_meetings = g_strdup_printf ("%u", o->meetings_held);
  g_autofree char *next_date = format_date (o->next_meeting_due);
  g_autofree char *next_detail = o->next_meeting_due
    ? g_strdup_printf (_("Next due: %s (%s)"), next_date, o->next_meeting_kind)
    : g_strdup (_("No meeting schedule set"));
  g_autofree char *n_open = g_strdup_printf ("%u", o->action_items_open);
  g_autofree char *overdue_detail = g_strdup_printf (_("%u overdue"), o->action_items_overdue);
  g_autofree char *assessment = o->assessment_available
    ? g_strdup_printf ("%u / %u", o->organizations_scored, o->organizations_assessed)
    : g_strdup ("—");
  /* Translators: on the Overview's assessment card; %d is the year */
  g_autofree char *assessment_detail = !o->assessment_available
    ? g_strdup_printf (_("No assessment scheme for %d"), o->year)
    : o->organizations_partly_scored > 0
    /* Translators: on the Overview's assessment card, under "scored / total" */
    ? g_strdup_printf (_("organizations fully scored; %u more begun"), o->organizations_partly_scored)
    : g_strdup (_("organizations fully scored"));
  g_autofree char *n_documents = g_strdup_printf ("%u", o->documents_added);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_flow_box_remove (self->cards_box, child);

  add_card (self, _("Active organizations"), n_orgs,
            o->n_staffing_alerts > 0 ? _("with staffing alerts below") : _("no staffing alerts"), FALSE);
  add_card (self, _("Projects"), n_projects, projects_detail, FALSE);
  add_card (self, _("Funds raised"), raised, spent_detail, FALSE);
  add_card (self, _("Meetings held"), n_meetings, next_detail, FALSE);
  add_card (self, _("Open action items"), n_open, overdue_detail, o->action_items_overdue > 0);
  add_card (self, _("Assessment progress"), assessment, assessment_detail, FALSE);
  add_card (self, _("Documents added"), n_documents, _("imported this year"), FALSE);
}

/* ---- charts ---- */

typedef struct
{
  const char *label;
  double      values[2];   /* one or two bars per row */
  char       *value_text;
} ChartRow;

static void
set_source_fg (GtkWidget *widget, cairo_t *cr, double alpha)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * alpha);
}

/* Horizontal bars: labels on the left (room for Chinese names), the value at
 * the end of each bar, so nothing depends on reading an axis. */
static void
draw_bars (GtkWidget *widget, cairo_t *cr, int width, int height, ChartRow *rows, guint n_rows,
           guint n_series, const char * const *series_names)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  double label_width = 0, max_value = 0, legend = n_series > 1 ? 24 : 0;
  double row_height, bar_left, bar_room, value_room = 0;
  int w, h;

  for (guint i = 0; i < n_rows; i++)
    {
      pango_layout_set_text (layout, rows[i].label, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      label_width = MAX (label_width, w);
      pango_layout_set_text (layout, rows[i].value_text, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      value_room = MAX (value_room, w + 12);
      for (guint s = 0; s < n_series; s++)
        max_value = MAX (max_value, rows[i].values[s]);
    }
  label_width = MIN (label_width, width * 0.45);
  row_height = n_rows > 0 ? MIN (36.0, (height - legend) / n_rows) : 0;
  bar_left = label_width + 12;
  bar_room = MAX (width - bar_left - value_room, 10);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  for (guint i = 0; i < n_rows; i++)
    {
      double y = i * row_height;
      double bar_height = (row_height - 8) / n_series;
      double longest = 0;

      pango_layout_set_width (layout, (int) (label_width * PANGO_SCALE));
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_text (layout, rows[i].label, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      set_source_fg (widget, cr, 1.0);
      cairo_move_to (cr, 0, y + (row_height - h) / 2);
      pango_cairo_show_layout (cr, layout);

      for (guint s = 0; s < n_series; s++)
        {
          double len = max_value > 0 ? bar_room * rows[i].values[s] / max_value : 0;
          /* One colour per series; a single series in the accent colour. */
          const double *c = palette[s % G_N_ELEMENTS (palette)];

          cairo_set_source_rgb (cr, c[0], c[1], c[2]);
          cairo_rectangle (cr, bar_left, y + 4 + s * bar_height, MAX (len, 1), bar_height - 1);
          cairo_fill (cr);
          longest = MAX (longest, len);
        }
      /* The value after the longest bar of the row, clear of every bar. */
      pango_layout_set_width (layout, -1);
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      pango_layout_set_text (layout, rows[i].value_text, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      set_source_fg (widget, cr, 0.85);
      cairo_move_to (cr, bar_left + longest + 6, y + (row_height - h) / 2);
      pango_cairo_show_layout (cr, layout);
    }
  if (n_series > 1)
    {
      double x = bar_left;

      pango_layout_set_width (layout, -1);
      for (guint s = 0; s < n_series; s++)
        {
          cairo_set_source_rgb (cr, palette[s][0], palette[s][1], palette[s][2]);
          cairo_rectangle (cr, x, height - 16, 12, 12);
          cairo_fill (cr);
          pango_layout_set_text (layout, series_names[s], -1);
          pango_layout_get_pixel_size (layout, &w, &h);
          set_source_fg (widget, cr, 1.0);
          cairo_move_to (cr, x + 16, height - 10 - h / 2.0);
          pango_cairo_show_layout (cr, layout);
          x += 16 + w + 18;
        }
    }
  g_object_unref (layout);
}

static void
draw_empty (GtkWidget *widget, cairo_t *cr, int width, int height, const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  set_source_fg (widget, cr, 0.6);
  cairo_move_to (cr, (width - w) / 2.0, (height - h) / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
draw_category_chart (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  CouncilOverviewView *self = user_data;
  g_autofree ChartRow *rows = NULL;
  guint n = 0;

  if (self->overview == NULL || self->overview->projects == 0)
    {
      draw_empty (GTK_WIDGET (area), cr, width, height, _("No projects in this year"));
      return;
    }
  rows = g_new0 (ChartRow, self->overview->projects_by_category->len);
  for (guint i = 0; i < self->overview->projects_by_category->len; i++)
    {
      CouncilCategoryCount *c = &g_array_index (self->overview->projects_by_category, CouncilCategoryCount, i);
      if (c->n_projects == 0)
        continue;
      rows[n].label = c->name;
      rows[n].values[0] = c->n_projects;
      rows[n].value_text = g_strdup_printf ("%u", c->n_projects);
      n++;
    }
  draw_bars (GTK_WIDGET (area), cr, width, height, rows, n, 1, NULL);
  for (guint i = 0; i < n; i++)
    g_free (rows[i].value_text);
}

static void
draw_funds_chart (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  CouncilOverviewView *self = user_data;
  ChartRow rows[COUNCIL_N_FUND_SOURCES];
  const char *series[] = { _("Raised"), _("Spent") };
  guint n = 0;

  if (self->overview == NULL || (self->overview->raised_fen == 0 && self->overview->spent_fen == 0))
    {
      draw_empty (GTK_WIDGET (area), cr, width, height, _("No fund entries in this year"));
      return;
    }
  for (int s = 0; s < COUNCIL_N_FUND_SOURCES; s++)
    {
      if (self->overview->raised_by_source[s] == 0 && self->overview->spent_by_source[s] == 0)
        continue;
      rows[n].label = council_fund_source_label ((CouncilFundSource) s);
      rows[n].values[0] = self->overview->raised_by_source[s];
      rows[n].values[1] = self->overview->spent_by_source[s];
      {
        g_autofree char *raised = format_money_short (self->overview->raised_by_source[s]);
        g_autofree char *spent = format_money_short (self->overview->spent_by_source[s]);
        rows[n].value_text = g_strdup_printf ("%s / %s", raised, spent);
      }
      n++;
    }
  draw_bars (GTK_WIDGET (area), cr, width, height, rows, n, 2, series);
  for (guint i = 0; i < n; i++)
    g_free (rows[i].value_text);
}

/* The ranking chart shows the first RANKING_CHART_ROWS; the caption says of how many. */
#define RANKING_CHART_ROWS 10

/* Long English names share their first words ("Jiulongpo District …"): the
 * bars are labelled without the words every name starts with. */
static gsize
common_word_prefix (GArray *ranking, guint n)
{
  const char *first = g_array_index (ranking, CouncilRankingEntry, 0).organization;
  gsize len = strlen (first);

  for (guint i = 1; i < n && len > 0; i++)
    {
      const char *name = g_array_index (ranking, CouncilRankingEntry, i).organization;
      gsize k = 0;

      while (k < len && name[k] != '\0' && name[k] == first[k])
        k++;
      len = k;
    }
  while (len > 0 && first[len - 1] != ' ')
    len--;
  /* Something must remain of every name. */
  for (guint i = 0; i < n && len > 0; i++)
    if (strlen (g_array_index (ranking, CouncilRankingEntry, i).organization) <= len)
      len = 0;
  return n > 1 ? len : 0;
}

static double
draw_ranking_caption (CouncilOverviewView *self, GtkWidget *widget, cairo_t *cr, int width)
{
  const CouncilOverview *o = self->overview;
  g_autofree char *caption = NULL;
  PangoLayout *layout;
  int w, h;

  if (o->ranking->len > RANKING_CHART_ROWS)
    /* Translators: above the Overview's ranking chart: the scheme's title, then how many of how many organizations are drawn */
    caption = g_strdup_printf (_("%s · top %u of %u"), o->ranking_title, RANKING_CHART_ROWS, o->ranking->len);
  else
    caption = g_strdup (o->ranking_title);
  layout = gtk_widget_create_pango_layout (widget, caption);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &w, &h);
  set_source_fg (widget, cr, 0.7);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  return h + 6;
}

static void
draw_ranking_chart (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  CouncilOverviewView *self = user_data;
  GArray *ranking = self->overview ? self->overview->ranking : NULL;
  g_autofree ChartRow *rows = NULL;
  g_autofree char **labels = NULL;
  double top;
  gsize prefix;
  guint n;

  if (ranking == NULL || ranking->len == 0)
    {
      draw_empty (GTK_WIDGET (area), cr, width, height, _("No assessment has been finalized yet"));
      return;
    }
  top = draw_ranking_caption (self, GTK_WIDGET (area), cr, width);
  n = MIN (ranking->len, RANKING_CHART_ROWS);
  prefix = common_word_prefix (ranking, n);
  rows = g_new0 (ChartRow, n);
  labels = g_new0 (char *, n);
  for (guint i = 0; i < n; i++)
    {
      CouncilRankingEntry *e = &g_array_index (ranking, CouncilRankingEntry, i);
      g_autofree char *total = council_assessment_format_score (e->total);

      /* "3. Women's Federation": equal totals show the same rank (并列). */
      labels[i] = g_strdup_printf ("%u. %s", e->rank, e->organization + prefix);
      rows[i].label = labels[i];
      rows[i].values[0] = e->total;
      rows[i].value_text = *e->grade ? g_strdup_printf ("%s · %s", total, e->grade) : g_strdup (total);
    }
  self->ranking_top = top;
  self->ranking_row_height = MIN (36.0, (height - top) / n);
  cairo_save (cr);
  cairo_translate (cr, 0, top);
  draw_bars (GTK_WIDGET (area), cr, width, (int) (height - top), rows, n, 1, NULL);
  cairo_restore (cr);
  for (guint i = 0; i < n; i++)
    {
      g_free (rows[i].value_text);
      g_free (labels[i]);
    }
}

/* The whole name, rank, total and grade of the bar under the pointer. */
static gboolean
on_ranking_query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                             CouncilOverviewView *self)
{
  GArray *ranking = self->overview ? self->overview->ranking : NULL;
  CouncilRankingEntry *e;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;
  int row;

  if (ranking == NULL || keyboard || self->ranking_row_height <= 0 || y < self->ranking_top)
    return FALSE;
  row = (int) ((y - self->ranking_top) / self->ranking_row_height);
  if (row < 0 || (guint) row >= MIN (ranking->len, RANKING_CHART_ROWS))
    return FALSE;
  e = &g_array_index (ranking, CouncilRankingEntry, row);
  total = council_assessment_format_score (e->total);
  /* Translators: tooltip of a bar of the Overview's ranking chart: rank, organization, total score, grade */
  text = g_strdup_printf (_("No. %u: %s, %s points, %s"), e->rank, e->organization, total, e->grade);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---- lists that need attention ---- */

static void
on_attention_row_activated_cb (GtkListBox *box, GtkListBoxRow *row, CouncilOverviewView *self)
{
  CouncilRecordRef *ref = g_object_get_data (G_OBJECT (row), "record");

  if (ref != NULL)
    council_widget_show_record (GTK_WIDGET (self), ref->kind, ref->id);
}

/* The whole title of an entry whose label is cut short. Answered on demand:
 * gtk_widget_set_tooltip_text() on each new row asked the display where the
 * pointer is (a round trip to the X server) eighty times an Overview. */
static gboolean
on_attention_row_query_tooltip_cb (GtkWidget *row, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                                   gpointer user_data)
{
  CouncilRecordRef *ref = g_object_get_data (G_OBJECT (row), "record");

  if (ref == NULL || *ref->title == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, ref->title);
  return TRUE;
}

static GtkWidget *
new_attention_row (const CouncilRecordRef *ref, const char *date_format)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (ref->title);
  g_autofree char *date = format_date (ref->date);
  g_autofree char *second = *ref->date && date_format
    ? g_strdup_printf ("%s · %s", ref->detail, date) : g_strdup (ref->detail);
  GtkWidget *detail = gtk_label_new (second);

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_has_tooltip (row, TRUE);
  g_signal_connect (row, "query-tooltip", G_CALLBACK (on_attention_row_query_tooltip_cb), NULL);
  g_object_set_data_full (G_OBJECT (row), "record",
                          council_record_ref_new (ref->kind, ref->id, ref->title, ref->detail, ref->date),
                          (GDestroyNotify) council_record_ref_free);
  return row;
}

/* The entries of attention list @list in the figures shown. */
static GPtrArray *
attention_refs (CouncilOverviewView *self, guint list)
{
  GPtrArray *lists[N_ATTENTION_LISTS] = {
    self->overview->overdue_action_items, self->overview->off_track_projects,
    self->overview->milestones_due, self->overview->staffing_alerts,
  };

  return lists[list];
}

static guint
count_rows (GtkListBox *box)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (box)); c; c = gtk_widget_get_next_sibling (c))
    n += GTK_IS_LIST_BOX_ROW (c);
  return n;
}

/* Every list up to its last entry. */
static void
add_remaining_rows (CouncilOverviewView *self)
{
  self->rows_pending = FALSE;
  if (self->overview == NULL)
    return;
  for (guint list = 0; list < N_ATTENTION_LISTS; list++)
    {
      GPtrArray *refs = attention_refs (self, list);

      for (guint i = count_rows (self->attention_lists[list]); i < refs->len; i++)
        gtk_list_box_append (self->attention_lists[list], new_attention_row (g_ptr_array_index (refs, i), "date"));
    }
}

static void
stop_watching_paint (CouncilOverviewView *self)
{
  if (self->paint_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->paint_clock);
  g_clear_object (&self->paint_clock);
}

static void
on_after_paint_cb (GdkFrameClock *clock, CouncilOverviewView *self)
{
  stop_watching_paint (self);
  add_remaining_rows (self);
}

/* The rest of the rows once the first ones are on screen; when the view is
 * not mapped, map does this. */
static void
watch_paint (CouncilOverviewView *self)
{
  GdkFrameClock *clock;

  if (!self->rows_pending || self->paint_clock != NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      add_remaining_rows (self);
      return;
    }
  self->paint_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fill_attention_list (CouncilOverviewView *self, guint list, const char *title, GPtrArray *refs,
                     guint total, const char *empty_text)
{
  GtkListBox *box = self->attention_lists[list];
  g_autofree char *heading = g_strdup_printf ("%s (%u)", title, total);
  GtkWidget *child;

  gtk_label_set_text (self->attention_titles[list], heading);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
  for (guint i = 0; i < MIN (refs->len, ATTENTION_ROWS_FIRST); i++)
    gtk_list_box_append (box, new_attention_row (g_ptr_array_index (refs, i), "date"));
  if (refs->len > ATTENTION_ROWS_FIRST)
    self->rows_pending = TRUE;
  if (refs->len == 0)
    {
      GtkWidget *label = gtk_label_new (empty_text);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_set_placeholder (box, label);
    }
}

static void
build_attention_lists (CouncilOverviewView *self)
{
  for (guint i = 0; i < N_ATTENTION_LISTS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (NULL);
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *list = gtk_list_box_new ();

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 180);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), scroller);
      gtk_grid_attach (self->attention_grid, box, i % 2, i / 2, 1, 1);
      g_signal_connect_object (list, "row-activated", G_CALLBACK (on_attention_row_activated_cb), self, 0);
      self->attention_lists[i] = GTK_LIST_BOX (list);
      self->attention_titles[i] = GTK_LABEL (title);
    }
}

/* ---- computing ---- */

static void
refresh (CouncilOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  CouncilOverview *fresh;
  g_autofree char *heading = NULL;
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  self->stale = FALSE;
  fresh = council_overview_compute (self->store, year, NULL, self->chinese, &error);
  if (fresh == NULL)
    {
      council_widget_show_message (GTK_WIDGET (self), error->message, TRUE);
      return;
    }
  g_clear_pointer (&self->overview, council_overview_free);
  self->overview = fresh;

  /* Translators: heading of the Overview; %d is the year */
  heading = g_strdup_printf (_("Overview of %d"), year);
  gtk_label_set_text (self->heading_label, heading);
  fill_cards (self);
  fill_attention_list (self, 0, _("Overdue action items"), fresh->overdue_action_items,
                       fresh->n_overdue_action_items, _("Nothing overdue"));
  fill_attention_list (self, 1, _("Off-track projects"), fresh->off_track_projects,
                       fresh->n_off_track_projects, _("No project is off track"));
  fill_attention_list (self, 2, _("Milestones due in 14 days"), fresh->milestones_due,
                       fresh->n_milestones_due, _("No milestone due in the next 14 days"));
  fill_attention_list (self, 3, _("Staffing alerts"), fresh->staffing_alerts,
                       fresh->n_staffing_alerts, _("No organization has a staffing alert"));
  watch_paint (self);
  /* Shown without a ranking too: it says none has been finalized yet. */
  gtk_widget_set_visible (self->ranking_panel, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self->category_chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->funds_chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->ranking_chart));
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  CouncilOverviewView *self = user_data;

  self->refresh_id = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (an import, a saved meeting): one recomputation,
 * and none while another view is on screen (on a large council each costs
 * tens of milliseconds): the figures are brought up to date when the
 * Overview is shown again. */
static void
on_store_changed_cb (CouncilStore *store, const char *table, CouncilOverviewView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (200, refresh_idle_cb, self);
}

static void
council_overview_view_map (GtkWidget *widget)
{
  CouncilOverviewView *self = COUNCIL_OVERVIEW_VIEW (widget);

  GTK_WIDGET_CLASS (council_overview_view_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      refresh (self);
    }
  watch_paint (self);
}

static void
council_overview_view_unmap (GtkWidget *widget)
{
  stop_watching_paint (COUNCIL_OVERVIEW_VIEW (widget));
  GTK_WIDGET_CLASS (council_overview_view_parent_class)->unmap (widget);
}

static void
on_year_changed_cb (GtkSpinButton *spin, CouncilOverviewView *self)
{
  refresh (self);
}

/* ---- life cycle ---- */

static void
council_overview_view_dispose (GObject *object)
{
  CouncilOverviewView *self = COUNCIL_OVERVIEW_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  stop_watching_paint (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COUNCIL_TYPE_OVERVIEW_VIEW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->overview, council_overview_free);

  G_OBJECT_CLASS (council_overview_view_parent_class)->dispose (object);
}

static void
council_overview_view_class_init (CouncilOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_overview_view_dispose;
  widget_class->map = council_overview_view_map;
  widget_class->unmap = council_overview_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/qunjian/CouncilDesk/ui/council-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CouncilOverviewView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CouncilOverviewView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CouncilOverviewView, year_spin);
  gtk_widget_class_bind_template_child (widget_class, CouncilOverviewView, cards_box);
  gtk_widget_class_bind_template_child (widget_class, CouncilOverviewView, category_chart);
  gtk_widget_class_bind_template_child (widget_class, CouncilOverviewView, funds_chart);
  gtk_widget_class_bind_template_child (widget_class, CouncilOverviewView, ranking_panel);
  gtk_widget_class_bind_template_child (widget_class, CouncilOverviewView, ranking_chart);
  gtk_widget_class_bind_template_child (widget_class, CouncilOverviewView, attention_grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
council_overview_view_init (CouncilOverviewView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->chinese = council_ui_prefers_chinese ();
  gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now));
  build_attention_lists (self);
  gtk_drawing_area_set_draw_func (self->category_chart, draw_category_chart, self, NULL);
  gtk_drawing_area_set_draw_func (self->funds_chart, draw_funds_chart, self, NULL);
  gtk_drawing_area_set_draw_func (self->ranking_chart, draw_ranking_chart, self, NULL);
  /* The three panels share the width evenly: their headings wrap rather
   * than widen the window ("Ranking of the last finalized assessment"). */
  for (GtkWidget *panel = gtk_widget_get_first_child (gtk_widget_get_parent (self->ranking_panel));
       panel != NULL; panel = gtk_widget_get_next_sibling (panel))
    if (GTK_IS_LABEL (gtk_widget_get_first_child (panel)))
      gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_first_child (panel)), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->ranking_chart), TRUE);
  g_signal_connect_object (self->ranking_chart, "query-tooltip", G_CALLBACK (on_ranking_query_tooltip_cb), self, 0);
}

CouncilOverviewView *
council_overview_view_new (CouncilStore *store)
{
  CouncilOverviewView *self = g_object_new (COUNCIL_TYPE_OVERVIEW_VIEW, NULL);

  self->store = g_object_ref (store);
  refresh (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  g_signal_connect_object (self->year_spin, "value-changed", G_CALLBACK (on_year_changed_cb), self, 0);
  return self;
}

void
council_overview_view_set_year (CouncilOverviewView *self, int year)
{
  g_return_if_fail (COUNCIL_IS_OVERVIEW_VIEW (self));
  gtk_spin_button_set_value (self->year_spin, year);
}

int
council_overview_view_get_year (CouncilOverviewView *self)
{
  g_return_val_if_fail (COUNCIL_IS_OVERVIEW_VIEW (self), 0);
  return gtk_spin_button_get_value_as_int (self->year_spin);
}

const CouncilOverview *
council_overview_view_get_overview (CouncilOverviewView *self)
{
  g_return_val_if_fail (COUNCIL_IS_OVERVIEW_VIEW (self), NULL);
  return self->overview;
}

GtkListBox *
council_overview_view_get_attention_list (CouncilOverviewView *self, guint list)
{
  g_return_val_if_fail (COUNCIL_IS_OVERVIEW_VIEW (self) && list < N_ATTENTION_LISTS, NULL);
  return self->attention_lists[list];
}
