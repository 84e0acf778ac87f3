/* skeleton, replaced by the import/export work */
#include "config.h"
#include "council-import-dialog.h"
void
council_import_dialog_run (GtkWindow *parent, CouncilStore *store)
{
}
