/* council-line-cell.c: one line of text in a cell of a long column view.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-line-cell"

#include "config.h"

#include <math.h>

#include "council-line-cell.h"

struct _CouncilLineCell
{
  GtkWidget parent_instance;

  char *text;
  float xalign;
};

G_DEFINE_FINAL_TYPE (CouncilLineCell, council_line_cell, GTK_TYPE_WIDGET)

typedef struct
{
  guint serial;           /* of the Pango context the height was measured in */
  int height;
} LineHeight;

/* The widget whose font the cells use: their column view (all its cells
 * share one Pango context and one measured line height), or the cell itself
 * outside a column view. */
static GtkWidget *
font_source (CouncilLineCell *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_COLUMN_VIEW);

  return view != NULL ? view : GTK_WIDGET (self);
}

static int
line_height (CouncilLineCell *self)
{
  static GQuark quark;
  GtkWidget *source = font_source (self);
  PangoContext *context = gtk_widget_get_pango_context (source);
  LineHeight *cached;

  if (quark == 0)
    quark = g_quark_from_static_string ("council-line-cell-line-height");
  cached = g_object_get_qdata (G_OBJECT (source), quark);
  if (cached == NULL)
    {
      cached = g_new0 (LineHeight, 1);
      g_object_set_qdata_full (G_OBJECT (source), quark, cached, g_free);
    }
  if (cached->height == 0 || cached->serial != pango_context_get_serial (context))
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      int height = pango_font_metrics_get_height (metrics);

      if (height <= 0)
        height = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
      cached->height = MAX (1, PANGO_PIXELS_CEIL (height));
      cached->serial = pango_context_get_serial (context);
      pango_font_metrics_unref (metrics);
    }
  return cached->height;
}

static void
council_line_cell_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  /* The column gives the width; the text is ellipsized to fit it. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = line_height (COUNCIL_LINE_CELL (widget));
}

static void
council_line_cell_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CouncilLineCell *self = COUNCIL_LINE_CELL (widget);
  PangoContext *context;
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRGBA color;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float xalign = self->xalign;
  float x, y;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;
  /* Laid out only when drawn, and not kept: GTK keeps the drawn text (its
   * render node) until the cell changes, and 2,400 layouts are megabytes. */
  context = gtk_widget_get_pango_context (font_source (self));
  layout = pango_layout_new (context);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, self->text, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;
  x = floorf ((width - logical.width) * xalign) - logical.x;
  y = floorf ((height - logical.height) / 2.0f) - logical.y;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (MAX (x, 0), y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

static void
council_line_cell_finalize (GObject *object)
{
  CouncilLineCell *self = COUNCIL_LINE_CELL (object);

  g_free (self->text);
  G_OBJECT_CLASS (council_line_cell_parent_class)->finalize (object);
}

static void
council_line_cell_class_init (CouncilLineCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = council_line_cell_finalize;
  widget_class->measure = council_line_cell_measure;
  widget_class->snapshot = council_line_cell_snapshot;
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
council_line_cell_init (CouncilLineCell *self)
{
}

GtkWidget *
council_line_cell_new (float xalign)
{
  CouncilLineCell *self = g_object_new (COUNCIL_TYPE_LINE_CELL, NULL);

  self->xalign = CLAMP (xalign, 0.0f, 1.0f);
  return GTK_WIDGET (self);
}

void
council_line_cell_take_text (CouncilLineCell *self, char *text)
{
  g_return_if_fail (COUNCIL_IS_LINE_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    {
      g_free (text);
      return;
    }
  g_free (self->text);
  self->text = text;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
council_line_cell_set_text (CouncilLineCell *self, const char *text)
{
  council_line_cell_take_text (self, g_strdup (text));
}

const char *
council_line_cell_get_text (CouncilLineCell *self)
{
  g_return_val_if_fail (COUNCIL_IS_LINE_CELL (self), NULL);
  return self->text ? self->text : "";
}
