/* fuzz-docnumber-one.c: one input through the 文号 normaliser.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "council-docnumber.h"
#include "fuzz-docnumber.h"

void
council_fuzz_docnumber_one (const guint8 *data, gsize size)
{
  /* The normaliser takes a C string and says it is safe on any bytes. */
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = council_doc_number_normalize (text, 1, &error);
  g_autofree char *found = council_doc_number_find (text);

  if (canonical == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpstr (error->message, !=, "");
    }
  else
    {
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      g_assert_true (g_utf8_validate (canonical, -1, NULL));
      again = council_doc_number_normalize (canonical, 1, NULL);
      g_assert_cmpstr (again, ==, canonical);
    }
  if (found != NULL)
    {
      g_autofree char *refound = council_doc_number_normalize (found, 1, NULL);

      g_assert_true (g_utf8_validate (found, -1, NULL));
      /* What find() returns is already canonical. */
      g_assert_cmpstr (refound, ==, found);
    }
}
