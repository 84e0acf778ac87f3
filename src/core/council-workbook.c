/* skeleton, replaced by the import/export work */
#include "config.h"
#include "council-workbook.h"
void council_workbook_options_init (CouncilWorkbookOptions *options) { options->chinese = TRUE; options->year = 2026; }
gboolean
council_workbook_export (CouncilStore *store, const char *path, const CouncilWorkbookOptions *options,
                         CouncilProgressFunc progress, gpointer user_data, GCancellable *cancellable, GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
  return FALSE;
}
