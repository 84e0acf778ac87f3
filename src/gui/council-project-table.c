/* council-project-table.c: the projects list, one drawn widget per row.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-project-table"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "council-project-table.h"
#include "council-projects-view.h"

/* As a column view's cell (Adwaita: "columnview > listview > row > cell"). */
#define CELL_PAD_X 6
#define CELL_PAD_Y 8

/* ---- the columns ---- */

typedef char *(*CellTextFunc) (CouncilProject *project);

typedef struct
{
  const char *title;
  int sort;                 /* a CouncilProjectSort, or -1: not sortable */
  int width;
  gboolean numeric;
  CellTextFunc text;
} ColumnSpec;

static char *text_code (CouncilProject *p) { return g_strdup (council_project_get_code (p)); }
static char *text_title (CouncilProject *p) { return g_strdup (council_project_get_title (p)); }
static char *text_lead (CouncilProject *p) { return g_strdup (council_project_get_lead_name (p)); }
static char *text_partners (CouncilProject *p) { return g_strdup (council_project_get_partners_text (p)); }
static char *text_category (CouncilProject *p) { return g_strdup (council_project_get_category_label (p)); }
static char *text_status (CouncilProject *p) { return g_strdup (council_project_get_status_label (p)); }
static char *text_health (CouncilProject *p) { return g_strdup (council_project_get_health_label (p)); }
static char *text_start (CouncilProject *p) { return council_format_display_date (council_project_get_start_date (p)); }
static char *text_end (CouncilProject *p) { return council_format_display_date (council_project_get_end_date (p)); }
static char *text_budget (CouncilProject *p) { return council_money_format (council_project_get_rolled_budget_fen (p), council_ui_prefers_chinese ()); }
static char *text_spent (CouncilProject *p) { return council_money_format (council_project_get_spent_fen (p), council_ui_prefers_chinese ()); }
static char *text_beneficiaries (CouncilProject *p)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, council_project_get_rolled_actual_beneficiaries (p));
}

/* In CouncilProjectColumn order. */
static const ColumnSpec column_specs[COUNCIL_PROJECT_N_COLUMNS] = {
  { N_("Project code"), COUNCIL_PROJECT_SORT_CODE, 150, FALSE, text_code },
  { N_("Project title"), COUNCIL_PROJECT_SORT_TITLE, 240, FALSE, text_title },
  { N_("Lead"), COUNCIL_PROJECT_SORT_LEAD, 150, FALSE, text_lead },
  { N_("Partners"), -1, 160, FALSE, text_partners },
  { N_("Category"), COUNCIL_PROJECT_SORT_CATEGORY, 110, FALSE, text_category },
  { N_("Status"), COUNCIL_PROJECT_SORT_STATUS, 90, FALSE, text_status },
  { N_("Health"), COUNCIL_PROJECT_SORT_HEALTH, 90, FALSE, text_health },
  { N_("Start"), COUNCIL_PROJECT_SORT_START_DATE, 120, FALSE, text_start },
  { N_("End"), COUNCIL_PROJECT_SORT_END_DATE, 120, FALSE, text_end },
  { N_("Budget"), COUNCIL_PROJECT_SORT_BUDGET, 100, TRUE, text_budget },
  { N_("Spent"), COUNCIL_PROJECT_SORT_SPENT, 100, TRUE, text_spent },
  { N_("Beneficiaries"), COUNCIL_PROJECT_SORT_BENEFICIARIES, 100, TRUE, text_beneficiaries },
};

/* ---- the table ---- */

struct _CouncilProjectTable
{
  GtkWidget parent_instance;

  GtkColumnView *header;        /* its columns and sorter; it never holds rows */
  GtkListView *list_view;
  GtkAdjustment *hadjustment;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;

  /* Where the header put each column, in the rows' coordinates. */
  int column_x[COUNCIL_PROJECT_N_COLUMNS];
  int column_width[COUNCIL_PROJECT_N_COLUMNS];

  /* One line of the table's font, measured once per font. */
  int line_height;
  guint line_serial;

  int probed_sort;              /* set by the column sorters while probing */
};

enum
{
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CouncilProjectTable, council_project_table, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

struct _CouncilProjectRow
{
  GtkWidget parent_instance;

  CouncilProjectTable *table;   /* weak: the table owns the list view the row is in */
  CouncilProject *project;
  GtkTreeListRow *tree_row;
  GtkWidget *expander;          /* made for the first tree row bound */
};

G_DEFINE_FINAL_TYPE (CouncilProjectRow, council_project_row, GTK_TYPE_WIDGET)

static int
table_line_height (CouncilProjectTable *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  if (self->line_height == 0 || self->line_serial != pango_context_get_serial (context))
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      int height = pango_font_metrics_get_height (metrics);

      if (height <= 0)
        height = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
      self->line_height = MAX (1, PANGO_PIXELS_CEIL (height));
      self->line_serial = pango_context_get_serial (context);
      pango_font_metrics_unref (metrics);
    }
  return self->line_height;
}

/* The header's title buttons, in column order; NULL where GTK's header is
 * not built as in 4.8 (the widths are then worked out from the columns). */
static GtkWidget *
header_titles (CouncilProjectTable *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->header)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "header") == 0)
      return child;
  return NULL;
}

static gboolean
read_geometry_from_titles (CouncilProjectTable *self, int *x, int *width)
{
  GtkWidget *titles = header_titles (self);
  GtkWidget *title = titles ? gtk_widget_get_first_child (titles) : NULL;

  for (int i = 0; i < COUNCIL_PROJECT_N_COLUMNS; i++, title = gtk_widget_get_next_sibling (title))
    {
      graphene_rect_t bounds;

      if (title == NULL || !gtk_widget_compute_bounds (title, GTK_WIDGET (self->header), &bounds))
        return FALSE;
      x[i] = (int) roundf (bounds.origin.x);
      width[i] = (int) roundf (bounds.size.width);
    }
  return title == NULL;
}

/* The column view's own rule: the fixed widths, the rest to the title. */
static void
compute_geometry (CouncilProjectTable *self, int full_width, int *x, int *width)
{
  GListModel *columns = gtk_column_view_get_columns (self->header);
  int sum = 0, at = 0;

  for (int i = 0; i < COUNCIL_PROJECT_N_COLUMNS; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      width[i] = column ? MAX (0, gtk_column_view_column_get_fixed_width (column)) : column_specs[i].width;
      sum += width[i];
    }
  width[COUNCIL_PROJECT_COLUMN_TITLE] += MAX (0, full_width - sum);
  for (int i = 0; i < COUNCIL_PROJECT_N_COLUMNS; i++)
    {
      x[i] = at;
      at += width[i];
    }
}

static void
update_geometry (CouncilProjectTable *self, int full_width)
{
  int x[COUNCIL_PROJECT_N_COLUMNS], width[COUNCIL_PROJECT_N_COLUMNS];

  if (!read_geometry_from_titles (self, x, width))
    compute_geometry (self, full_width, x, width);
  if (memcmp (x, self->column_x, sizeof x) == 0 && memcmp (width, self->column_width, sizeof width) == 0)
    return;
  memcpy (self->column_x, x, sizeof x);
  memcpy (self->column_width, width, sizeof width);
  /* A column resized within the same table width leaves the rows' size as
   * it was: they are told to draw (and place their expander) again. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (COUNCIL_IS_PROJECT_ROW (child))
        {
          gtk_widget_queue_allocate (child);
          gtk_widget_queue_draw (child);
        }
}

static void
council_project_table_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                               int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  CouncilProjectTable *self = COUNCIL_PROJECT_TABLE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    gtk_widget_measure (GTK_WIDGET (self->header), orientation, -1, minimum, natural, NULL, NULL);
  else
    {
      int header_min, header_nat, list_min, list_nat;

      gtk_widget_measure (GTK_WIDGET (self->header), orientation, for_size, &header_min, &header_nat, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (self->list_view), orientation, for_size, &list_min, &list_nat, NULL, NULL);
      *minimum = header_min + list_min;
      *natural = header_nat + list_nat;
    }
}

static void
council_project_table_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CouncilProjectTable *self = COUNCIL_PROJECT_TABLE (widget);
  int header_min, header_width, header_height, full_width;
  double value;
  float x;

  gtk_widget_measure (GTK_WIDGET (self->header), GTK_ORIENTATION_HORIZONTAL, -1, &header_width, NULL, NULL, NULL);
  full_width = MAX (width, header_width);
  gtk_widget_measure (GTK_WIDGET (self->header), GTK_ORIENTATION_VERTICAL, full_width, &header_min, &header_height,
                      NULL, NULL);
  if (self->vscroll_policy == GTK_SCROLL_MINIMUM)
    header_height = header_min;
  value = CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, full_width - width);
  gtk_adjustment_configure (self->hadjustment, value, 0, full_width, width * 0.1, width * 0.9, width);
  x = -(float) round (gtk_adjustment_get_value (self->hadjustment));
  gtk_widget_allocate (GTK_WIDGET (self->header), full_width, header_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, 0)));
  update_geometry (self, full_width);
  gtk_widget_allocate (GTK_WIDGET (self->list_view), full_width, MAX (0, height - header_height), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, header_height)));
}

static void
on_hadjustment_changed_cb (GtkAdjustment *adjustment, CouncilProjectTable *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_hadjustment (CouncilProjectTable *self, GtkAdjustment *adjustment)
{
  if (adjustment != NULL && adjustment == self->hadjustment)
    return;
  if (self->hadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->hadjustment, on_hadjustment_changed_cb, self);
      g_clear_object (&self->hadjustment);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  self->hadjustment = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_hadjustment_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
council_project_table_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CouncilProjectTable *self = COUNCIL_PROJECT_TABLE (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)));
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
council_project_table_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CouncilProjectTable *self = COUNCIL_PROJECT_TABLE (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_hadjustment (self, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      gtk_scrollable_set_vadjustment (GTK_SCROLLABLE (self->list_view), g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (GtkScrollablePolicy) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (GtkScrollablePolicy) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_scrollable_set_vscroll_policy (GTK_SCROLLABLE (self->list_view), self->vscroll_policy);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- sorting: the header's sorter says which column leads ---- */

typedef struct
{
  CouncilProjectTable *table;
  int sort;
} SortProbe;

/* Never used to sort rows: the column view's sorter calls the sorter of its
 * primary column first, and this one records which column that is. */
static int
probe_compare (gconstpointer a, gconstpointer b, gpointer user_data)
{
  SortProbe *probe = user_data;

  if (probe->table->probed_sort < 0)
    probe->table->probed_sort = probe->sort;
  return GTK_ORDERING_SMALLER;
}

void
council_project_table_get_sort (CouncilProjectTable *self, CouncilProjectSort *sort, gboolean *descending)
{
  GtkSorter *sorter;
  g_autoptr(GObject) a = NULL;
  g_autoptr(GObject) b = NULL;
  GtkOrdering order;

  g_return_if_fail (COUNCIL_IS_PROJECT_TABLE (self));

  sorter = gtk_column_view_get_sorter (self->header);
  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);
  self->probed_sort = -1;
  order = gtk_sorter_compare (sorter, a, b);
  *sort = self->probed_sort >= 0 ? (CouncilProjectSort) self->probed_sort : COUNCIL_PROJECT_SORT_CODE;
  *descending = self->probed_sort >= 0 && order == GTK_ORDERING_LARGER;
}

static void
add_columns (CouncilProjectTable *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    {
      const ColumnSpec *spec = &column_specs[i];
      g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (_(spec->title), NULL);

      if (spec->sort >= 0)
        {
          SortProbe *probe = g_new0 (SortProbe, 1);
          g_autoptr(GtkCustomSorter) sorter = NULL;

          probe->table = self;
          probe->sort = spec->sort;
          sorter = gtk_custom_sorter_new (probe_compare, probe, g_free);
          gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
        }
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, spec->width);
      if (i == COUNCIL_PROJECT_COLUMN_TITLE)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->header, column);
    }
}

/* ---- rows ---- */

static void
on_row_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CouncilProjectTable *self)
{
  CouncilProjectRow *row = g_object_new (COUNCIL_TYPE_PROJECT_ROW, NULL);

  row->table = self;
  gtk_list_item_set_child (item, GTK_WIDGET (row));
}

static void
row_set_item (CouncilProjectRow *self, gpointer item)
{
  GtkTreeListRow *tree_row = GTK_IS_TREE_LIST_ROW (item) ? item : NULL;
  gboolean had_expander = self->expander != NULL && gtk_widget_get_visible (self->expander);

  g_clear_object (&self->project);
  g_clear_object (&self->tree_row);
  if (tree_row != NULL)
    {
      self->tree_row = g_object_ref (tree_row);
      self->project = gtk_tree_list_row_get_item (tree_row);
    }
  else if (item != NULL)
    self->project = g_object_ref (item);
  if (self->tree_row != NULL && self->expander == NULL)
    {
      self->expander = gtk_tree_expander_new ();
      gtk_widget_set_parent (self->expander, GTK_WIDGET (self));
    }
  if (self->expander != NULL)
    {
      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (self->expander), self->tree_row);
      gtk_widget_set_visible (self->expander, self->tree_row != NULL);
    }
  if (self->project != NULL)
    {
      /* What a screen reader says for the row. */
      g_autofree char *label = g_strjoin (" ", council_project_get_code (self->project),
                                          council_project_get_title (self->project),
                                          council_project_get_lead_name (self->project),
                                          council_project_get_status_label (self->project), NULL);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  if (had_expander || self->tree_row != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CouncilProjectTable *self)
{
  row_set_item (COUNCIL_PROJECT_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CouncilProjectTable *self)
{
  row_set_item (COUNCIL_PROJECT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
council_project_table_dispose (GObject *object)
{
  CouncilProjectTable *self = COUNCIL_PROJECT_TABLE (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_hadjustment_changed_cb, self);
  g_clear_object (&self->hadjustment);
  if (self->header != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->header));
      self->header = NULL;
    }
  if (self->list_view != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->list_view));
      self->list_view = NULL;
    }
  G_OBJECT_CLASS (council_project_table_parent_class)->dispose (object);
}

static void
council_project_table_class_init (CouncilProjectTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_project_table_dispose;
  object_class->get_property = council_project_table_get_property;
  object_class->set_property = council_project_table_set_property;
  widget_class->measure = council_project_table_measure;
  widget_class->size_allocate = council_project_table_size_allocate;
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");
  gtk_widget_class_set_css_name (widget_class, "projecttable");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
council_project_table_init (CouncilProjectTable *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  set_hadjustment (self, NULL);
  /* The header: a column view that is given no rows. */
  self->header = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->header, TRUE);
  gtk_column_view_set_reorderable (self->header, FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->header), GTK_WIDGET (self));
  add_columns (self);

  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_row_unbind_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, g_object_ref (factory)));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "project-rows");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Projects"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->list_view), GTK_WIDGET (self));
}

GtkWidget *
council_project_table_new (void)
{
  return g_object_new (COUNCIL_TYPE_PROJECT_TABLE, NULL);
}

void
council_project_table_set_model (CouncilProjectTable *self, GtkSelectionModel *model)
{
  g_return_if_fail (COUNCIL_IS_PROJECT_TABLE (self));
  gtk_list_view_set_model (self->list_view, model);
}

GtkColumnView *
council_project_table_get_header (CouncilProjectTable *self)
{
  g_return_val_if_fail (COUNCIL_IS_PROJECT_TABLE (self), NULL);
  return self->header;
}

GtkListView *
council_project_table_get_list_view (CouncilProjectTable *self)
{
  g_return_val_if_fail (COUNCIL_IS_PROJECT_TABLE (self), NULL);
  return self->list_view;
}

void
council_project_table_get_column_box (CouncilProjectTable *self, CouncilProjectColumn column, int *x, int *width)
{
  g_return_if_fail (COUNCIL_IS_PROJECT_TABLE (self));
  g_return_if_fail (column < COUNCIL_PROJECT_N_COLUMNS);
  *x = self->column_x[column];
  *width = self->column_width[column];
}

/* ---- a row: its twelve values drawn at the header's columns ---- */

static int
row_expander_width (CouncilProjectRow *self)
{
  int width = 0;

  if (self->expander != NULL && gtk_widget_get_visible (self->expander))
    gtk_widget_measure (self->expander, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  return width;
}

static void
council_project_row_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                             int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  CouncilProjectRow *self = COUNCIL_PROJECT_ROW (widget);

  /* The table gives the width; texts are ellipsized to their columns. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;
      return;
    }
  *minimum = *natural = (self->table ? table_line_height (self->table) : 0) + 2 * CELL_PAD_Y;
  if (self->expander != NULL && gtk_widget_get_visible (self->expander))
    {
      int expander_height;

      gtk_widget_measure (self->expander, GTK_ORIENTATION_VERTICAL, -1, &expander_height, NULL, NULL, NULL);
      *minimum = *natural = MAX (*minimum, expander_height + 2 * CELL_PAD_Y);
    }
}

static void
council_project_row_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CouncilProjectRow *self = COUNCIL_PROJECT_ROW (widget);

  if (self->expander != NULL && gtk_widget_get_visible (self->expander))
    {
      int x = self->table ? self->table->column_x[COUNCIL_PROJECT_COLUMN_CODE] : 0;

      gtk_widget_size_allocate (self->expander,
                                &(GtkAllocation) { x + CELL_PAD_X, 0, row_expander_width (self), height }, -1);
    }
}

static PangoLayout *
row_layout (CouncilProjectRow *self, const char *text, int width)
{
  PangoLayout *layout = pango_layout_new (gtk_widget_get_pango_context (GTK_WIDGET (self->table)));

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, MAX (0, width) * PANGO_SCALE);
  return layout;
}

/* The text area of @column in the row. */
static void
row_text_box (CouncilProjectRow *self, int column, int *x, int *width)
{
  *x = self->table->column_x[column] + CELL_PAD_X;
  *width = self->table->column_width[column] - 2 * CELL_PAD_X;
  if (column == COUNCIL_PROJECT_COLUMN_CODE)
    {
      int expander = row_expander_width (self);

      if (expander > 0)
        {
          *x += expander + 4;
          *width -= expander + 4;
        }
    }
}

static gboolean
lookup_color (GtkWidget *widget, const char *name, GdkRGBA *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  return gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
council_project_row_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CouncilProjectRow *self = COUNCIL_PROJECT_ROW (widget);
  int height = gtk_widget_get_height (widget);
  /* The list item widget (the row's parent) carries the selection. */
  gboolean selected = ((gtk_widget_get_state_flags (widget) |
                        gtk_widget_get_state_flags (gtk_widget_get_parent (widget))) & GTK_STATE_FLAG_SELECTED) != 0;
  CouncilProjectHealth health;
  gboolean flagged;
  GdkRGBA color, border, alert, warning;

  if (self->project == NULL || self->table == NULL)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (!lookup_color (widget, "borders", &border))
    border = (GdkRGBA) { color.red, color.green, color.blue, 0.15f };
  if (!lookup_color (widget, "error_color", &alert))
    alert = (GdkRGBA) { 0.8f, 0.0f, 0.0f, 1.0f };
  if (!lookup_color (widget, "warning_color", &warning))
    warning = (GdkRGBA) { 0.96f, 0.47f, 0.0f, 1.0f };
  health = council_project_get_rolled_health (self->project);
  flagged = council_project_get_fund_flags (self->project) != COUNCIL_FUND_FLAG_NONE;

  for (int i = 0; i < COUNCIL_PROJECT_N_COLUMNS; i++)
    {
      const ColumnSpec *spec = &column_specs[i];
      const GdkRGBA *ink = &color;
      g_autofree char *text = NULL;
      PangoLayout *layout;
      PangoRectangle logical;
      int x, width;
      float left, top;

      /* The column separators of the header, carried down the rows. */
      if (i > 0)
        gtk_snapshot_append_color (snapshot, &border,
                                   &GRAPHENE_RECT_INIT (self->table->column_x[i], 0, 1, height));
      row_text_box (self, i, &x, &width);
      if (width <= 0)
        continue;
      text = spec->text (self->project);
      if (text == NULL || *text == '\0')
        continue;
      if (!selected && i == COUNCIL_PROJECT_COLUMN_HEALTH && health == COUNCIL_PROJECT_HEALTH_OFF_TRACK)
        ink = &alert;
      else if (!selected && i == COUNCIL_PROJECT_COLUMN_HEALTH && health == COUNCIL_PROJECT_HEALTH_AT_RISK)
        ink = &warning;
      else if (!selected && i == COUNCIL_PROJECT_COLUMN_SPENT && flagged)
        ink = &alert;
      layout = row_layout (self, text, width);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      left = x + (spec->numeric ? MAX (0, width - logical.width) : 0) - logical.x;
      top = floorf ((height - logical.height) / 2.0f) - logical.y;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (left, top));
      gtk_snapshot_append_layout (snapshot, layout, ink);
      gtk_snapshot_restore (snapshot);
      g_object_unref (layout);
    }
  if (self->expander != NULL && gtk_widget_get_visible (self->expander))
    gtk_widget_snapshot_child (widget, self->expander, snapshot);
}

/* Hovering a value cut short shows it whole; flagged spending says why. */
static gboolean
council_project_row_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  CouncilProjectRow *self = COUNCIL_PROJECT_ROW (widget);
  g_autofree char *text = NULL;
  PangoLayout *layout;
  gboolean cut;
  int column = -1, text_x, width;

  if (self->project == NULL || self->table == NULL || keyboard)
    return FALSE;
  for (int i = 0; i < COUNCIL_PROJECT_N_COLUMNS; i++)
    if (x >= self->table->column_x[i] && x < self->table->column_x[i] + self->table->column_width[i])
      column = i;
  if (column < 0)
    return FALSE;
  if (column == COUNCIL_PROJECT_COLUMN_SPENT && council_project_get_fund_flags (self->project) != COUNCIL_FUND_FLAG_NONE)
    {
      gtk_tooltip_set_text (tooltip, _("The funds of this project are flagged: see its Funds tab."));
      return TRUE;
    }
  text = council_project_row_dup_text (self, column);
  row_text_box (self, column, &text_x, &width);
  if (text == NULL || *text == '\0' || width <= 0)
    return FALSE;
  layout = row_layout (self, text, width);
  cut = pango_layout_is_ellipsized (layout);
  g_object_unref (layout);
  if (!cut)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
council_project_row_dispose (GObject *object)
{
  CouncilProjectRow *self = COUNCIL_PROJECT_ROW (object);

  g_clear_pointer (&self->expander, gtk_widget_unparent);
  g_clear_object (&self->project);
  g_clear_object (&self->tree_row);
  G_OBJECT_CLASS (council_project_row_parent_class)->dispose (object);
}

static void
council_project_row_class_init (CouncilProjectRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = council_project_row_dispose;
  widget_class->measure = council_project_row_measure;
  widget_class->size_allocate = council_project_row_size_allocate;
  widget_class->snapshot = council_project_row_snapshot;
  widget_class->query_tooltip = council_project_row_query_tooltip;
  gtk_widget_class_set_css_name (widget_class, "projectrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
council_project_row_init (CouncilProjectRow *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

char *
council_project_row_dup_text (CouncilProjectRow *self, CouncilProjectColumn column)
{
  g_return_val_if_fail (COUNCIL_IS_PROJECT_ROW (self), NULL);
  g_return_val_if_fail (column < COUNCIL_PROJECT_N_COLUMNS, NULL);
  return self->project ? column_specs[column].text (self->project) : NULL;
}
