/* council-minutes.c: the minutes PDF, laid out with Pango on a cairo PDF surface.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-minutes"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "council-minutes.h"
#include "council-store-meetings.h"

/* A4 in points, with the margins of an ordinary Chinese office document. */
#define PAGE_WIDTH    595.276
#define PAGE_HEIGHT   841.890
#define MARGIN_TOP     90.0
#define MARGIN_BOTTOM  85.0
#define MARGIN_LEFT    79.0
#define MARGIN_RIGHT   74.0
#define FOOTER_Y      (PAGE_HEIGHT - 50.0)

#define SERIF "Noto Serif CJK SC, Source Han Serif SC, Noto Sans CJK SC, WenQuanYi Micro Hei, serif"
#define SANS  "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, sans-serif"

typedef enum
{
  STYLE_TITLE,
  STYLE_HEADING,
  STYLE_FIELD,
  STYLE_ITEM_TITLE,
  STYLE_BODY,
  STYLE_LIST,
} BlockStyle;

typedef struct
{
  PangoLayout *layout;
  BlockStyle style;
  double space_before;
  double indent;
} Block;

struct _CouncilMinutes
{
  PangoContext *context;
  GArray *blocks;
  gboolean chinese;
  char *title;
  int n_pages;   /* 0 until counted */
};
typedef CouncilMinutes Minutes;

static void
block_clear (gpointer data)
{
  Block *b = data;
  g_clear_object (&b->layout);
}

static void
add_block (Minutes *m, BlockStyle style, const char *markup)
{
  static const struct { const char *font; double before; double indent; double first_line; } styles[] = {
    [STYLE_TITLE]      = { SERIF " Bold 18", 0, 0, 0 },
    [STYLE_HEADING]    = { SANS " Bold 13", 14, 0, 0 },
    [STYLE_FIELD]      = { SERIF " 12", 3, 0, 0 },
    [STYLE_ITEM_TITLE] = { SANS " Bold 12", 8, 0, 0 },
    [STYLE_BODY]       = { SERIF " 12", 3, 0, 24 },
    /* Numbered decisions and action items: wrapped lines hang under the text. */
    [STYLE_LIST]       = { SERIF " 12", 4, 0, -18 },
  };
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (styles[style].font);
  Block b = { pango_layout_new (m->context), style, styles[style].before, styles[style].indent };
  double width = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT - b.indent;

  pango_layout_set_font_description (b.layout, font);
  pango_layout_set_width (b.layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (b.layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (b.layout, (int) (6 * PANGO_SCALE));
  if (styles[style].first_line != 0)
    pango_layout_set_indent (b.layout, (int) (styles[style].first_line * PANGO_SCALE));
  if (style == STYLE_TITLE)
    pango_layout_set_alignment (b.layout, PANGO_ALIGN_CENTER);
  pango_layout_set_markup (b.layout, markup, -1);
  g_array_append_val (m->blocks, b);
}

static void
add_text (Minutes *m, BlockStyle style, const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  add_block (m, style, markup);
}

/* "时间：2026年3月18日 09:30" with the label in bold. */
static void
add_field (Minutes *m, const char *label, const char *value)
{
  g_autofree char *markup = g_markup_printf_escaped (m->chinese ? "<b>%s：</b>%s" : "<b>%s:</b> %s", label, value);
  add_block (m, STYLE_FIELD, markup);
}

static char *
chinese_number (guint n)
{
  static const char *digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n < 10)
    return g_strdup (digits[n]);
  if (n < 20)
    return g_strconcat ("十", n % 10 ? digits[n % 10] : "", NULL);
  if (n < 100)
    return g_strconcat (digits[n / 10], "十", n % 10 ? digits[n % 10] : "", NULL);
  return g_strdup_printf ("%u", n);
}

static char *
format_date (const char *iso, gboolean chinese, gboolean with_time)
{
  static const char *months[] = { "January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December" };
  GDate date;
  g_autofree char *day = NULL;
  const char *time = strlen (iso) >= 16 ? iso + 11 : NULL;

  if (!council_iso_date_parse (iso, &date))
    return g_strdup (iso);
  day = chinese
    ? g_strdup_printf ("%u年%u月%u日", g_date_get_year (&date), (guint) g_date_get_month (&date), g_date_get_day (&date))
    : g_strdup_printf ("%u %s %u", g_date_get_day (&date), months[g_date_get_month (&date) - 1], g_date_get_year (&date));
  if (with_time && time != NULL)
    return g_strdup_printf (chinese ? "%s %.5s" : "%s, %.5s", day, time);
  return g_steal_pointer (&day);
}

char *
council_minutes_title (const char *meeting_title, const char *kind_name, const char *starts_at,
                       int session_no, gboolean chinese)
{
  g_autofree char *year = g_strndup (starts_at ? starts_at : "", 4);
  g_autofree char *name = NULL;

  if (meeting_title != NULL && *meeting_title != '\0')
    name = g_strdup (meeting_title);
  else if (chinese)
    name = session_no > 0 ? g_strdup_printf ("%s年第%d次%s", year, session_no, kind_name)
                          : g_strdup_printf ("%s年%s", year, kind_name);
  else
    name = session_no > 0 ? g_strdup_printf ("%s No. %d of %s", kind_name, session_no, year)
                          : g_strdup_printf ("%s of %s", kind_name, year);
  if (chinese)
    return g_str_has_suffix (name, "纪要") ? g_steal_pointer (&name) : g_strconcat (name, "纪要", NULL);
  return g_strdup_printf ("Minutes: %s", name);
}

static const char *
or_none (Minutes *m, const char *text)
{
  return text && *text ? text : (m->chinese ? "无" : "none");
}

/* Organizations with the given statuses, "A（张三）、B" */
static char *
join_attendance (Minutes *m, CouncilMeeting *meeting, CouncilAttendanceStatus s1, CouncilAttendanceStatus s2)
{
  GListModel *model = G_LIST_MODEL (council_meeting_get_attendance (meeting));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CouncilAttendance) a = g_list_model_get_item (model, i);
      CouncilAttendanceStatus s = council_attendance_get_status (a);
      const char *who = council_attendance_get_attendees (a);

      if (s != s1 && s != s2)
        continue;
      if (out->len)
        g_string_append (out, m->chinese ? "、" : "; ");
      g_string_append (out, council_attendance_get_org_name (a));
      if (s == COUNCIL_ATTENDANCE_DELEGATED)
        g_string_append_printf (out, m->chinese ? "（委托%s出席）" : " (delegated to %s)", *who ? who : "");
      else if (*who)
        g_string_append_printf (out, m->chinese ? "（%s）" : " (%s)", who);
    }
  return g_string_free (out, FALSE);
}

static char *
join_guests (Minutes *m, CouncilMeeting *meeting)
{
  GListModel *model = G_LIST_MODEL (council_meeting_get_guests (meeting));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CouncilGuest) g = g_list_model_get_item (model, i);
      if (out->len)
        g_string_append (out, m->chinese ? "、" : "; ");
      g_string_append (out, council_guest_get_name (g));
      if (*council_guest_get_unit (g))
        g_string_append_printf (out, m->chinese ? "（%s）" : " (%s)", council_guest_get_unit (g));
    }
  return g_string_free (out, FALSE);
}

static void
add_numbered (Minutes *m, guint n, BlockStyle style, const char *text)
{
  g_autofree char *number = m->chinese && style == STYLE_ITEM_TITLE ? chinese_number (n) : NULL;
  g_autofree char *line = number ? g_strdup_printf ("%s、%s", number, text)
                                 : g_strdup_printf ("%u. %s", n, text);
  add_text (m, style, line);
}

static void
add_paragraphs (Minutes *m, const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  for (guint i = 0; paragraphs[i]; i++)
    if (*g_strstrip (paragraphs[i]) != '\0')
      add_text (m, STYLE_BODY, paragraphs[i]);
}

static void
build_minutes (Minutes *m, CouncilMeeting *meeting)
{
  GListModel *agenda = G_LIST_MODEL (council_meeting_get_agenda (meeting));
  guint n_items = g_list_model_get_n_items (agenda);
  g_autofree char *title = council_minutes_title (council_meeting_get_title (meeting),
                                                  council_meeting_get_kind_label (meeting),
                                                  council_meeting_get_starts_at (meeting),
                                                  council_meeting_get_session_no (meeting), m->chinese);
  g_autofree char *when = format_date (council_meeting_get_starts_at (meeting), m->chinese, TRUE);
  g_autofree char *attending = join_attendance (m, meeting, COUNCIL_ATTENDANCE_PRESENT, COUNCIL_ATTENDANCE_DELEGATED);
  g_autofree char *excused = join_attendance (m, meeting, COUNCIL_ATTENDANCE_EXCUSED, COUNCIL_ATTENDANCE_EXCUSED);
  g_autofree char *absent = join_attendance (m, meeting, COUNCIL_ATTENDANCE_ABSENT, COUNCIL_ATTENDANCE_ABSENT);
  g_autofree char *guests = join_guests (m, meeting);
  guint n = 0;
  gboolean zh = m->chinese;

  m->title = g_strdup (title);
  add_text (m, STYLE_TITLE, title);
  add_field (m, zh ? "时间" : "Time", when);
  g_array_index (m->blocks, Block, m->blocks->len - 1).space_before = 18;
  add_field (m, zh ? "地点" : "Place", or_none (m, council_meeting_get_place (meeting)));
  add_field (m, zh ? "主持人" : "Chair", or_none (m, council_meeting_get_chair (meeting)));
  add_field (m, zh ? "出席单位" : "Attending", or_none (m, attending));
  add_field (m, zh ? "列席" : "Guests", or_none (m, guests));
  add_field (m, zh ? "请假" : "Excused", or_none (m, excused));
  if (*absent)
    add_field (m, zh ? "缺席" : "Absent", absent);
  add_field (m, zh ? "记录人" : "Recorder", or_none (m, council_meeting_get_recorder (meeting)));

  add_text (m, STYLE_HEADING, zh ? "会议议题" : "Agenda");
  if (n_items == 0)
    add_text (m, STYLE_BODY, or_none (m, NULL));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CouncilAgendaItem) item = g_list_model_get_item (agenda, i);
      GListModel *outcomes = G_LIST_MODEL (council_agenda_item_get_outcomes (item));

      add_numbered (m, i + 1, STYLE_ITEM_TITLE, council_agenda_item_get_title (item));
      add_paragraphs (m, council_agenda_item_get_notes (item));
      for (guint j = 0; j < g_list_model_get_n_items (outcomes); j++)
        {
          g_autoptr(CouncilOutcome) o = g_list_model_get_item (outcomes, j);
          if (council_outcome_get_kind (o) == COUNCIL_OUTCOME_INFORMATION)
            add_paragraphs (m, council_outcome_get_text (o));
        }
    }

  add_text (m, STYLE_HEADING, zh ? "会议决定事项" : "Decisions");
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CouncilAgendaItem) item = g_list_model_get_item (agenda, i);
      GListModel *outcomes = G_LIST_MODEL (council_agenda_item_get_outcomes (item));
      for (guint j = 0; j < g_list_model_get_n_items (outcomes); j++)
        {
          g_autoptr(CouncilOutcome) o = g_list_model_get_item (outcomes, j);
          if (council_outcome_get_kind (o) == COUNCIL_OUTCOME_DECISION)
            add_numbered (m, ++n, STYLE_LIST, council_outcome_get_text (o));
        }
    }
  if (n == 0)
    add_text (m, STYLE_FIELD, or_none (m, NULL));

  add_text (m, STYLE_HEADING, zh ? "督办事项" : "Action items");
  n = 0;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CouncilAgendaItem) item = g_list_model_get_item (agenda, i);
      GListModel *outcomes = G_LIST_MODEL (council_agenda_item_get_outcomes (item));
      for (guint j = 0; j < g_list_model_get_n_items (outcomes); j++)
        {
          g_autoptr(CouncilOutcome) o = g_list_model_get_item (outcomes, j);
          CouncilActionItem *a = council_outcome_get_action_item (o);
          g_autofree char *due = NULL;
          g_autofree char *line = NULL;
          const char *co;

          if (a == NULL)
            continue;
          due = format_date (council_action_item_get_due_date (a), zh, FALSE);
          co = council_action_item_get_co_owner_names (a);
          if (zh)
            line = *co ? g_strdup_printf ("%s（责任单位：%s；协办单位：%s；完成时限：%s）",
                                          council_action_item_get_text (a), council_action_item_get_owner_name (a), co, due)
                       : g_strdup_printf ("%s（责任单位：%s；完成时限：%s）",
                                          council_action_item_get_text (a), council_action_item_get_owner_name (a), due);
          else
            line = *co ? g_strdup_printf ("%s (owner: %s; co-owners: %s; due: %s)",
                                          council_action_item_get_text (a), council_action_item_get_owner_name (a), co, due)
                       : g_strdup_printf ("%s (owner: %s; due: %s)",
                                          council_action_item_get_text (a), council_action_item_get_owner_name (a), due);
          add_numbered (m, ++n, STYLE_LIST, line);
        }
    }
  if (n == 0)
    add_text (m, STYLE_FIELD, or_none (m, NULL));
}

static void
draw_footer (Minutes *m, cairo_t *cr, int page, int n_pages)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (m->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (SERIF " 10");
  g_autofree char *text = m->chinese ? g_strdup_printf ("第 %d 页 共 %d 页", page, n_pages)
                                     : g_strdup_printf ("Page %d of %d", page, n_pages);
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, (PAGE_WIDTH - (double) w / PANGO_SCALE) / 2, FOOTER_Y);
  pango_cairo_show_layout (cr, layout);
}

/* Places every line; with @cr NULL only counts the pages. With @only_page 0
 * every page is drawn and ended with cairo_show_page() (PDF); otherwise only
 * that page is drawn and not ended (printing). Headings and item titles keep
 * at least two lines of what follows on their page. */
static int
paginate (Minutes *m, cairo_t *cr, int n_pages, int only_page)
{
  const double bottom = PAGE_HEIGHT - MARGIN_BOTTOM;
  double y = MARGIN_TOP;
  int page = 1;

#define DRAWING (cr != NULL && (only_page <= 0 || page == only_page))
  for (guint i = 0; i < m->blocks->len; i++)
    {
      Block *b = &g_array_index (m->blocks, Block, i);
      PangoLayoutIter *iter = pango_layout_get_iter (b->layout);
      gboolean first_line = TRUE;

      if (y > MARGIN_TOP)
        y += b->space_before;
      if (b->style == STYLE_HEADING || b->style == STYLE_ITEM_TITLE)
        {
          int w, h;
          pango_layout_get_size (b->layout, &w, &h);
          if (y + (double) h / PANGO_SCALE + 2 * 24 > bottom && y > MARGIN_TOP)
            y = bottom + 1;   /* forces the break below */
        }
      do
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          PangoRectangle logical;
          int y0, y1, baseline;
          double height;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          baseline = pango_layout_iter_get_baseline (iter);
          height = (double) (y1 - y0) / PANGO_SCALE;
          if (y + height > bottom && (y > MARGIN_TOP || !first_line))
            {
              if (DRAWING)
                draw_footer (m, cr, page, n_pages);
              if (cr != NULL && only_page <= 0)
                cairo_show_page (cr);
              if (cr != NULL && page == only_page)
                {
                  pango_layout_iter_free (iter);
                  return page;
                }
              page++;
              y = MARGIN_TOP;
            }
          if (DRAWING)
            {
              cairo_move_to (cr, MARGIN_LEFT + b->indent + (double) logical.x / PANGO_SCALE,
                             y + (double) (baseline - y0) / PANGO_SCALE);
              pango_cairo_show_layout_line (cr, line);
            }
          y += height;
          first_line = FALSE;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  if (DRAWING)
    draw_footer (m, cr, page, n_pages);
  if (cr != NULL && only_page <= 0)
    cairo_show_page (cr);
#undef DRAWING
  return page;
}

static cairo_status_t
write_to_stream (void *closure, const unsigned char *data, unsigned int length)
{
  return fwrite (data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
render (Minutes *m, const char *tmp, GError **error)
{
  FILE *out = g_fopen (tmp, "wb");
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int n_pages;

  if (out == NULL)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write %s: %s"), tmp, g_strerror (saved));
      return FALSE;
    }
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, out, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, m->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Council Desk " PACKAGE_VERSION);
  cr = cairo_create (surface);
  /* Two passes: the footer says "of M pages". */
  n_pages = council_minutes_get_n_pages (m);
  paginate (m, cr, n_pages, 0);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (fclose (out) != 0 && status == CAIRO_STATUS_SUCCESS)
    status = CAIRO_STATUS_WRITE_ERROR;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Could not write %s: %s"), tmp, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

CouncilMinutes *
council_minutes_new (CouncilStore *store, gint64 meeting_id, gboolean chinese, GError **error)
{
  g_autoptr(CouncilMeeting) meeting = council_store_get_meeting_in_language (store, meeting_id, chinese, error);
  cairo_font_options_t *options;
  CouncilMinutes *m;

  if (meeting == NULL)
    return NULL;
  m = g_new0 (CouncilMinutes, 1);
  m->chinese = chinese;
  m->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* Metrics do not depend on a screen or printer: unhinted, in points. */
  pango_cairo_context_set_resolution (m->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (m->context, options);
  cairo_font_options_destroy (options);
  m->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (m->blocks, block_clear);
  build_minutes (m, meeting);
  return m;
}

void
council_minutes_free (CouncilMinutes *m)
{
  if (m == NULL)
    return;
  g_array_unref (m->blocks);
  g_object_unref (m->context);
  g_free (m->title);
  g_free (m);
}

int
council_minutes_get_n_pages (CouncilMinutes *m)
{
  if (m->n_pages == 0)
    m->n_pages = paginate (m, NULL, 0, 0);
  return m->n_pages;
}

void
council_minutes_draw_page (CouncilMinutes *m, cairo_t *cr, int page)
{
  g_return_if_fail (page >= 0 && page < council_minutes_get_n_pages (m));
  cairo_save (cr);
  paginate (m, cr, council_minutes_get_n_pages (m), page + 1);
  cairo_restore (cr);
}

gboolean
council_minutes_write_pdf (CouncilStore *store, gint64 meeting_id, const char *path,
                           gboolean chinese, GError **error)
{
  g_autoptr(CouncilMinutes) m = council_minutes_new (store, meeting_id, chinese, error);
  g_autofree char *tmp = NULL;
  gboolean ok;

  if (m == NULL)
    return FALSE;
  tmp = g_strconcat (path, ".partial", NULL);
  ok = render (m, tmp, error);
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write %s: %s"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}
