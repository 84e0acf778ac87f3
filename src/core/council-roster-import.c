/* skeleton, replaced by the import/export work */
#include "config.h"
#include "council-roster-import.h"
struct _CouncilRosterImport { GObject parent_instance; };
G_DEFINE_FINAL_TYPE (CouncilRosterImport, council_roster_import, G_TYPE_OBJECT)
static void council_roster_import_class_init (CouncilRosterImportClass *klass) {}
static void council_roster_import_init (CouncilRosterImport *self) {}
CouncilRosterImport *
council_roster_import_prepare (CouncilStore *store, const char *path, GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
  return NULL;
}
gboolean council_roster_import_apply (CouncilRosterImport *self, CouncilStore *store, GError **error) { return FALSE; }
guint council_roster_import_count (CouncilRosterImport *self, CouncilImportRowKind kind) { return 0; }
