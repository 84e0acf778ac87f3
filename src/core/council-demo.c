/* skeleton, replaced by the import/export work */
#include "config.h"
#include "council-demo.h"
gboolean
council_demo_fill (CouncilStore *store, GError **error)
{
  return TRUE;
}
