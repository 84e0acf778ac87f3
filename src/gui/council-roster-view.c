/* council-roster-view.c — skeleton, replaced by the roster view work. */
#include "config.h"
#include "council-roster-view.h"

struct _CouncilRosterView
{
  GtkWidget parent_instance;
  CouncilStore *store;
};

G_DEFINE_FINAL_TYPE (CouncilRosterView, council_roster_view, GTK_TYPE_WIDGET)

static void
council_roster_view_dispose (GObject *object)
{
  CouncilRosterView *self = COUNCIL_ROSTER_VIEW (object);
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (council_roster_view_parent_class)->dispose (object);
}

static void
council_roster_view_class_init (CouncilRosterViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = council_roster_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
council_roster_view_init (CouncilRosterView *self)
{
}

CouncilRosterView *
council_roster_view_new (CouncilStore *store)
{
  CouncilRosterView *self = g_object_new (COUNCIL_TYPE_ROSTER_VIEW, NULL);
  self->store = g_object_ref (store);
  gtk_widget_set_parent (gtk_label_new ("roster"), GTK_WIDGET (self));
  return self;
}
