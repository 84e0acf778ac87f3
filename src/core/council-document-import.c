/* council-document-import.c: PDFs into the library through a child process.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-document"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>

#include "council-docnumber.h"
#include "council-document-import.h"
#include "council-import-journal.h"
#include "council-store-documents.h"

G_LOCK_DEFINE_STATIC (worker_settings);
static char *worker_path_override;
static guint time_limit_ms = COUNCIL_DOCUMENT_IMPORT_DEFAULT_TIME_LIMIT_MS;

void
council_document_import_set_worker_path (const char *path)
{
  G_LOCK (worker_settings);
  g_free (worker_path_override);
  worker_path_override = g_strdup (path);
  G_UNLOCK (worker_settings);
}

char *
council_document_import_dup_worker_path (void)
{
  g_autofree char *self_exe = NULL;
  g_autofree char *base = NULL;
  const char *env;
  char *path = NULL;

  G_LOCK (worker_settings);
  path = g_strdup (worker_path_override);
  G_UNLOCK (worker_settings);
  if (path != NULL)
    return path;
  env = g_getenv ("COUNCIL_DESK_BIN");
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  /* The reader is this very program when it is council-desk; the link is
   * resolved now so that an upgrade in place does not swap it mid-import. */
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  base = self_exe ? g_path_get_basename (self_exe) : NULL;
  if (base != NULL && g_str_has_prefix (base, "council-desk"))
    return g_steal_pointer (&self_exe);
  return NULL;
}

void
council_document_import_set_time_limit (guint milliseconds)
{
  G_LOCK (worker_settings);
  time_limit_ms = milliseconds > 0 ? milliseconds : COUNCIL_DOCUMENT_IMPORT_DEFAULT_TIME_LIMIT_MS;
  G_UNLOCK (worker_settings);
}

guint
council_document_import_get_time_limit (void)
{
  guint ms;

  G_LOCK (worker_settings);
  ms = time_limit_ms;
  G_UNLOCK (worker_settings);
  return ms;
}

/* ---- the child process ---- */

/* One reader process, reused for the files of a batch so that each file does
 * not pay for starting the program. Used from one thread at a time. */
typedef struct
{
  GSubprocess *process;
  GByteArray *pending;      /* output read but not yet answered */
} PdfReader;

typedef struct
{
  PdfReader *reader;
  GCancellable *stop;
  GError *write_error;
  GError *read_error;
  gssize answer_length;     /* see council_pdf_extract_response_length() */
  guint pending_ops;
  gboolean eof;
  gboolean timed_out;
} ReaderRun;

static void
ignore_sigpipe_once (void)
{
  static gsize once = 0;

  /* A reader that dies before taking all of its input must give an error
   * here, not kill the window with SIGPIPE. */
  if (g_once_init_enter (&once))
    {
      signal (SIGPIPE, SIG_IGN);
      g_once_init_leave (&once, 1);
    }
}

static PdfReader *
pdf_reader_new (void)
{
  PdfReader *reader = g_new0 (PdfReader, 1);

  reader->pending = g_byte_array_new ();
  return reader;
}

/* Stops the process (after a time-out, a crash, or at the end of a batch). */
static void
pdf_reader_stop (PdfReader *reader)
{
  if (reader->process != NULL)
    {
      g_subprocess_force_exit (reader->process);
      g_subprocess_wait (reader->process, NULL, NULL);
      g_clear_object (&reader->process);
    }
  g_byte_array_set_size (reader->pending, 0);
}

static void
pdf_reader_free (PdfReader *reader)
{
  pdf_reader_stop (reader);
  g_byte_array_unref (reader->pending);
  g_free (reader);
}

static gboolean
pdf_reader_start (PdfReader *reader, GError **error)
{
  g_autofree char *worker = council_document_import_dup_worker_path ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;

  if (reader->process != NULL)
    return TRUE;
  if (worker == NULL)
    {
      g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_FAILED,
                           _("The PDF reader (council-desk) was not found; set COUNCIL_DESK_BIN to its path."));
      return FALSE;
    }
  ignore_sigpipe_once ();
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  /* The reader needs neither the session bus nor the settings of the window. */
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "COUNCIL_DESK_IGNORE_LANGUAGE_SETTING", "1", TRUE);
  reader->process = g_subprocess_launcher_spawn (launcher, error, worker, "--pdf-worker", "-", NULL);
  if (reader->process == NULL)
    return FALSE;
  /* GSubprocess leaves its pipes blocking, and an asynchronous write to a
   * blocking pipe blocks when a hung reader stops reading. */
  g_unix_set_fd_nonblocking (g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (g_subprocess_get_stdin_pipe (reader->process))),
                             TRUE, NULL);
  g_unix_set_fd_nonblocking (g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (g_subprocess_get_stdout_pipe (reader->process))),
                             TRUE, NULL);
  return TRUE;
}

static void
on_request_written_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  ReaderRun *run = data;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, &run->write_error);
  run->pending_ops--;
}

static void read_answer (ReaderRun *run);

static void
on_answer_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  ReaderRun *run = data;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &run->read_error);

  run->pending_ops--;
  if (chunk == NULL)
    return;
  if (g_bytes_get_size (chunk) == 0)
    {
      run->eof = TRUE;
      return;
    }
  g_byte_array_append (run->reader->pending, g_bytes_get_data (chunk, NULL), (guint) g_bytes_get_size (chunk));
  run->answer_length = council_pdf_extract_response_length (run->reader->pending->data,
                                                            run->reader->pending->len);
  if (run->answer_length == -1)
    read_answer (run);
}

static void
read_answer (ReaderRun *run)
{
  run->pending_ops++;
  g_input_stream_read_bytes_async (g_subprocess_get_stdout_pipe (run->reader->process), 1 << 16,
                                   G_PRIORITY_DEFAULT, run->stop, on_answer_read_cb, run);
}

static gboolean
on_time_limit_cb (gpointer data)
{
  ((ReaderRun *) data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
on_cancelled_cb (GCancellable *cancellable, gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* Sends one request and waits for its whole answer, on a main context of
 * its own so that it works from any thread. */
static GBytes *
pdf_reader_ask (PdfReader *reader, GBytes *request, GCancellable *cancellable, GError **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) timeout = NULL;
  g_autoptr(GSource) cancel_source = NULL;
  g_autoptr(GCancellable) stop = g_cancellable_new ();
  guint limit_ms = council_document_import_get_time_limit ();
  ReaderRun run = { reader, stop, NULL, NULL, -1, 0, FALSE, FALSE };
  GBytes *answer = NULL;

  g_main_context_push_thread_default (context);
  timeout = g_timeout_source_new (limit_ms);
  g_source_set_callback (timeout, on_time_limit_cb, &run, NULL);
  g_source_attach (timeout, context);
  if (cancellable != NULL)
    {
      cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (cancel_source, G_SOURCE_FUNC (on_cancelled_cb), NULL, NULL);
      g_source_attach (cancel_source, context);
    }
  run.pending_ops++;
  g_output_stream_write_all_async (g_subprocess_get_stdin_pipe (reader->process),
                                   g_bytes_get_data (request, NULL), g_bytes_get_size (request),
                                   G_PRIORITY_DEFAULT, stop, on_request_written_cb, &run);
  read_answer (&run);

  while (run.pending_ops > 0)
    {
      g_main_context_iteration (context, TRUE);
      if (run.answer_length == -2 && !g_cancellable_is_cancelled (stop))
        g_cancellable_cancel (stop);   /* not an answer: no use reading on */
      if ((run.timed_out || g_cancellable_is_cancelled (cancellable)) && !g_cancellable_is_cancelled (stop))
        {
          /* The output pipe may stay open in a grandchild: stop waiting for
           * it as well as killing the reader. */
          g_subprocess_force_exit (reader->process);
          g_cancellable_cancel (stop);
        }
    }
  g_source_destroy (timeout);
  if (cancel_source != NULL)
    g_source_destroy (cancel_source);
  g_main_context_pop_thread_default (context);

  if (run.answer_length >= 0 && !run.timed_out && !g_cancellable_is_cancelled (cancellable))
    {
      answer = g_bytes_new (reader->pending->data, (gsize) run.answer_length);
      g_byte_array_remove_range (reader->pending, 0, (guint) run.answer_length);
    }
  else if (run.timed_out)
    g_set_error (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_TIMEOUT,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Reading the PDF took longer than %u second and was stopped; the file may be damaged.",
                              "Reading the PDF took longer than %u seconds and was stopped; the file may be damaged.",
                              (limit_ms + 999) / 1000),
                 (limit_ms + 999) / 1000);
  else if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    /* It crashed, ran out of memory, or wrote something that is not an answer. */
    g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DAMAGED,
                         _("The PDF reader stopped on this file; the file is probably damaged."));
  g_clear_error (&run.write_error);
  g_clear_error (&run.read_error);
  if (answer == NULL)
    pdf_reader_stop (reader);
  return answer;
}

static gboolean
looks_like_pdf (GBytes *pdf)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (pdf, &size);

  /* The header may follow some junk, but within the first kilobyte. */
  return data != NULL && memmem (data, MIN (size, 1024), "%PDF-", 5) != NULL;
}

static CouncilPdfExtract *
pdf_reader_extract (PdfReader *reader, GBytes *pdf, const char *password,
                    GCancellable *cancellable, GError **error)
{
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) answer = NULL;

  if (g_bytes_get_size (pdf) == 0)
    {
      g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_EMPTY,
                           _("The file is empty (0 bytes)."));
      return NULL;
    }
  if (!looks_like_pdf (pdf))
    {
      g_set_error_literal (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DAMAGED,
                           _("This file is not a PDF."));
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !pdf_reader_start (reader, error))
    return NULL;
  request = council_pdf_worker_request (password, pdf);
  answer = pdf_reader_ask (reader, request, cancellable, error);
  if (answer == NULL)
    return NULL;
  return council_pdf_extract_parse (answer, password, error);
}

CouncilPdfExtract *
council_document_extract (GBytes *pdf, const char *password, GCancellable *cancellable, GError **error)
{
  PdfReader *reader = pdf_reader_new ();
  CouncilPdfExtract *extract = pdf_reader_extract (reader, pdf, password, cancellable, error);

  pdf_reader_free (reader);
  return extract;
}

/* ---- metadata guesses ---- */

static gboolean
title_is_useful (const char *title)
{
  g_autofree char *lower = g_ascii_strdown (title ? title : "", -1);

  return lower[0] != '\0' && !g_str_has_suffix (lower, ".doc") && !g_str_has_suffix (lower, ".docx") &&
         !g_str_has_suffix (lower, ".wps") && !g_str_has_prefix (lower, "microsoft ") &&
         !g_str_has_prefix (lower, "untitled") && strstr (lower, "无标题") == NULL;
}

static gboolean
ends_a_title (const char *text)
{
  static const char * const endings[] = {
    "通知", "意见", "方案", "办法", "规定", "决定", "细则", "规划", "要点", "报告", "（试行）", "（暂行）",
  };
  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    if (g_str_has_suffix (text, endings[i]))
      return TRUE;
  return FALSE;
}

/* A red-header 公文 starts with "<issuing body>文件", then the 文号, then the
 * title "关于……的通知" (often over two lines), then "<addressees>：". */
static void
guess_from_first_page (CouncilDocument *doc, const char *raw, gboolean want_title)
{
  g_auto(GStrv) lines = g_strsplit (raw ? raw : "", "\n", 60);
  g_autoptr(GRegex) date_re = g_regex_new ("^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日$", 0, 0, NULL);
  g_autofree char *doc_number = council_doc_number_find (raw);

  if (doc_number != NULL)
    council_document_set_doc_number (doc, doc_number);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = council_document_normalize_text (lines[i]);
      g_autoptr(GMatchInfo) match = NULL;
      glong n = g_utf8_strlen (line, -1);

      if (*council_document_get_issuing_body (doc) == '\0' && n > 2 && n <= 40 &&
          g_str_has_suffix (line, "文件"))
        {
          line[strlen (line) - strlen ("文件")] = '\0';
          council_document_set_issuing_body (doc, g_strstrip (line));
          continue;
        }
      if (want_title && g_str_has_prefix (line, "关于"))
        {
          g_autoptr(GString) title = g_string_new (line);

          for (guint j = i + 1; lines[j] && j < i + 3 && !ends_a_title (title->str); j++)
            {
              g_autofree char *next = council_document_normalize_text (lines[j]);
              if (*next == '\0' || g_str_has_suffix (next, "：") || g_str_has_suffix (next, ":"))
                break;
              g_string_append (title, next);
            }
          council_document_set_title (doc, title->str);
          want_title = FALSE;
          continue;
        }
      if (*council_document_get_issue_date (doc) == '\0' && date_re &&
          g_regex_match (date_re, line, 0, &match))
        {
          g_autofree char *y = g_match_info_fetch (match, 1);
          g_autofree char *m = g_match_info_fetch (match, 2);
          g_autofree char *d = g_match_info_fetch (match, 3);
          g_autofree char *iso = g_strdup_printf ("%s-%02d-%02d", y, atoi (m), atoi (d));

          if (g_date_valid_dmy (atoi (d), atoi (m), atoi (y)))
            council_document_set_issue_date (doc, iso);
        }
    }
}

CouncilDocument *
council_document_guess_metadata (CouncilPdfExtract *extract, const char *filename)
{
  CouncilDocument *doc = council_document_new ();
  gboolean have_title = title_is_useful (extract->title);

  if (have_title)
    council_document_set_title (doc, extract->title);
  guess_from_first_page (doc, extract->first_page_raw, !have_title);
  if (*council_document_get_issue_date (doc) == '\0')
    council_document_set_issue_date (doc, extract->creation_date);
  if (*council_document_get_title (doc) == '\0' && filename != NULL)
    {
      g_autofree char *base = g_path_get_basename (filename);
      g_autofree char *display = g_filename_display_name (base);
      char *dot = strrchr (display, '.');

      if (dot != NULL && g_ascii_strcasecmp (dot, ".pdf") == 0)
        *dot = '\0';
      council_document_set_title (doc, display);
    }
  council_document_set_kind (doc, council_document_kind_from_title (council_document_get_title (doc)));
  /* A guess that does not validate is dropped rather than blocking the import. */
  if (!council_document_check_field (doc, COUNCIL_DOCUMENT_FIELD_ISSUE_DATE, NULL))
    council_document_set_issue_date (doc, "");
  if (!council_document_check_field (doc, COUNCIL_DOCUMENT_FIELD_ISSUING_BODY, NULL))
    council_document_set_issuing_body (doc, "");
  return doc;
}

/* ---- files ---- */

void
council_prepared_document_free (CouncilPreparedDocument *prepared)
{
  if (prepared == NULL)
    return;
  g_free (prepared->path);
  g_clear_pointer (&prepared->pdf, g_bytes_unref);
  g_free (prepared->sha256);
  g_clear_pointer (&prepared->extract, council_pdf_extract_free);
  g_clear_object (&prepared->document);
  g_free (prepared);
}

static GBytes *
read_file (const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &local);

  if (bytes == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_FAILED,
                   _("Could not read %s: %s"), display, local->message);
    }
  return bytes;
}

static CouncilPreparedDocument *
prepared_new (const char *path, GBytes *pdf)
{
  CouncilPreparedDocument *prepared = g_new0 (CouncilPreparedDocument, 1);

  prepared->path = g_strdup (path);
  prepared->pdf = g_bytes_ref (pdf);
  prepared->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  return prepared;
}

static gboolean
prepare_extract (CouncilPreparedDocument *prepared, const char *password,
                 GCancellable *cancellable, GError **error)
{
  prepared->extract = council_document_extract (prepared->pdf, password, cancellable, error);
  if (prepared->extract == NULL)
    return FALSE;
  prepared->document = council_document_guess_metadata (prepared->extract, prepared->path);
  return TRUE;
}

CouncilPreparedDocument *
council_document_prepare (const char *path, const char *password, GCancellable *cancellable,
                          GError **error)
{
  g_autoptr(GBytes) pdf = read_file (path, error);
  g_autoptr(CouncilPreparedDocument) prepared = NULL;

  if (pdf == NULL)
    return NULL;
  prepared = prepared_new (path, pdf);
  if (!prepare_extract (prepared, password, cancellable, error))
    return NULL;
  return g_steal_pointer (&prepared);
}

gint64
council_document_import_prepared (CouncilStore *store, CouncilPreparedDocument *prepared, GError **error)
{
  g_return_val_if_fail (prepared != NULL && prepared->document != NULL, 0);
  return council_store_insert_document (store, prepared->document, prepared->pdf,
                                        prepared->extract->pages, error);
}

gint64
council_document_import_file (CouncilStore *store, const char *path, const char *password,
                              GCancellable *cancellable, GError **error)
{
  g_autoptr(GBytes) pdf = read_file (path, error);
  g_autoptr(CouncilPreparedDocument) prepared = NULL;
  g_autoptr(CouncilDocument) existing = NULL;
  gint64 existing_id;

  if (pdf == NULL)
    return 0;
  prepared = prepared_new (path, pdf);
  /* A file already in the library is not read again. */
  existing_id = council_store_find_document_by_sha256 (store, prepared->sha256, error);
  if (existing_id > 0)
    existing = council_store_get_document (store, existing_id, NULL);
  if (existing != NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, existing_id);
      g_set_error (error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DUPLICATE,
                   _("This file is already in the library as “%s” (document %s)."),
                   council_document_get_title (existing), id_text);
      return 0;
    }
  if (!prepare_extract (prepared, password, cancellable, error))
    return 0;
  return council_document_import_prepared (store, prepared, error);
}

static void
result_free (gpointer data)
{
  CouncilDocumentImportResult *result = data;

  g_free (result->path);
  g_clear_error (&result->error);
  g_free (result);
}

/* One file of a batch. The readers run in threads of their own; everything
 * that touches the store stays in the calling thread. */
typedef enum
{
  JOB_WAITING,
  JOB_READY,      /* read and hashed, for a reader thread to take */
  JOB_RUNNING,
  JOB_DONE,
} JobState;

typedef struct
{
  CouncilDocumentImportResult *result;
  GBytes *pdf;
  CouncilPdfExtract *extract;
  GError *error;
  JobState state;
} BatchJob;

typedef struct
{
  GMutex lock;
  GCond cond;
  GPtrArray *jobs;
  char *password;
  GCancellable *cancellable;
  gboolean closing;
  /* Called in the reader thread, without the lock, after a job is done. */
  void (*job_done) (gpointer data);
  gpointer job_done_data;
} Batch;

static void
batch_job_free (gpointer data)
{
  BatchJob *job = data;

  g_clear_pointer (&job->pdf, g_bytes_unref);
  g_clear_pointer (&job->extract, council_pdf_extract_free);
  g_clear_error (&job->error);
  g_free (job);
}

static BatchJob *
take_ready_job (Batch *batch)
{
  for (guint i = 0; i < batch->jobs->len; i++)
    {
      BatchJob *job = g_ptr_array_index (batch->jobs, i);
      if (job->state == JOB_READY)
        {
          job->state = JOB_RUNNING;
          return job;
        }
    }
  return NULL;
}

/* A reader thread: one reader process for all the files it takes. */
static gpointer
batch_reader_thread (gpointer data)
{
  Batch *batch = data;
  PdfReader *reader = pdf_reader_new ();

  g_mutex_lock (&batch->lock);
  for (;;)
    {
      BatchJob *job = take_ready_job (batch);
      CouncilPdfExtract *extract;
      GError *error = NULL;

      if (job == NULL)
        {
          if (batch->closing)
            break;
          g_cond_wait (&batch->cond, &batch->lock);
          continue;
        }
      g_mutex_unlock (&batch->lock);
      extract = pdf_reader_extract (reader, job->pdf, batch->password, batch->cancellable, &error);
      g_mutex_lock (&batch->lock);
      job->extract = extract;
      job->error = error;
      job->state = JOB_DONE;
      g_cond_broadcast (&batch->cond);
      if (batch->job_done != NULL)
        {
          g_mutex_unlock (&batch->lock);
          batch->job_done (batch->job_done_data);
          g_mutex_lock (&batch->lock);
        }
    }
  g_mutex_unlock (&batch->lock);
  pdf_reader_free (reader);
  return NULL;
}

/* Reads and hashes the file here (cheap), and answers a duplicate before
 * starting the reader; returns FALSE when the job is already done. */
static gboolean
batch_job_start (CouncilStore *store, BatchJob *job, GCancellable *cancellable)
{
  g_autofree char *sha256 = NULL;
  g_autoptr(CouncilDocument) existing = NULL;
  gint64 existing_id;

  if (g_cancellable_set_error_if_cancelled (cancellable, &job->error))
    return FALSE;
  job->pdf = read_file (job->result->path, &job->error);
  if (job->pdf == NULL)
    return FALSE;
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, job->pdf);
  existing_id = council_store_find_document_by_sha256 (store, sha256, NULL);
  if (existing_id > 0)
    existing = council_store_get_document (store, existing_id, NULL);
  if (existing != NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, existing_id);
      g_set_error (&job->error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DUPLICATE,
                   _("This file is already in the library as “%s” (document %s)."),
                   council_document_get_title (existing), id_text);
      job->result->existing_id = existing_id;
      return FALSE;
    }
  return TRUE;
}

static void
batch_job_finish (CouncilStore *store, BatchJob *job)
{
  g_autoptr(CouncilDocument) doc = NULL;

  if (job->error != NULL)
    {
      job->result->error = g_steal_pointer (&job->error);
      return;
    }
  doc = council_document_guess_metadata (job->extract, job->result->path);
  job->result->document_id = council_store_insert_document (store, doc, job->pdf, job->extract->pages,
                                                            &job->result->error);
  /* The same file twice in one batch: the second finds the first here. */
  if (g_error_matches (job->result->error, COUNCIL_DOCUMENT_ERROR, COUNCIL_DOCUMENT_ERROR_DUPLICATE))
    job->result->existing_id = council_store_find_document_by_sha256 (store, council_document_get_sha256 (doc), NULL);
  /* The text is in the database now; free it before the next file. */
  g_clear_pointer (&job->extract, council_pdf_extract_free);
  g_clear_pointer (&job->pdf, g_bytes_unref);
}

static void
batch_init (Batch *batch, GPtrArray *jobs, GPtrArray *results, const char * const *paths,
            const char *password, GCancellable *cancellable)
{
  guint total = paths ? g_strv_length ((char **) paths) : 0;

  for (guint i = 0; i < total; i++)
    {
      BatchJob *job = g_new0 (BatchJob, 1);

      job->result = g_new0 (CouncilDocumentImportResult, 1);
      job->result->path = g_strdup (paths[i]);
      g_ptr_array_add (results, job->result);
      g_ptr_array_add (jobs, job);
    }
  g_mutex_init (&batch->lock);
  g_cond_init (&batch->cond);
  batch->jobs = jobs;
  batch->password = g_strdup (password);
  batch->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
}

/* One reader per processor (at most 4), while the store's thread stores the
 * text of the files that are done; a few files are read ahead, not all. */
static guint
batch_n_threads (Batch *batch)
{
  return MIN (CLAMP (g_get_num_processors (), 1, 4), MAX (batch->jobs->len, 1));
}

static void
batch_start_threads (Batch *batch, GPtrArray *threads)
{
  for (guint i = 0; i < batch_n_threads (batch) && batch->jobs->len > 0; i++)
    g_ptr_array_add (threads, g_thread_new ("council-pdf-reader", batch_reader_thread, batch));
}

/* Starts (reads, hashes, checks) the jobs up to @limit; *started moves on. */
static void
batch_start_jobs (Batch *batch, CouncilStore *store, guint *started, guint limit)
{
  for (; *started < batch->jobs->len && *started < limit; (*started)++)
    {
      BatchJob *next = g_ptr_array_index (batch->jobs, *started);
      gboolean ready = batch_job_start (store, next, batch->cancellable);

      g_mutex_lock (&batch->lock);
      next->state = ready ? JOB_READY : JOB_DONE;
      g_cond_broadcast (&batch->cond);
      g_mutex_unlock (&batch->lock);
    }
}

static void
batch_close (Batch *batch, GPtrArray *threads)
{
  g_mutex_lock (&batch->lock);
  batch->closing = TRUE;
  g_cond_broadcast (&batch->cond);
  g_mutex_unlock (&batch->lock);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_ptr_array_set_size (threads, 0);
  g_mutex_clear (&batch->lock);
  g_cond_clear (&batch->cond);
  g_clear_pointer (&batch->password, g_free);
  g_clear_object (&batch->cancellable);
}

GPtrArray *
council_document_import_files (CouncilStore *store, const char * const *paths, const char *password,
                               CouncilDocumentImportProgress progress, gpointer user_data,
                               GCancellable *cancellable)
{
  GPtrArray *results = g_ptr_array_new_with_free_func (result_free);
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func (batch_job_free);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  Batch batch = { 0 };
  CouncilImportJournal *journal;
  guint started = 0, total, window;

  batch_init (&batch, jobs, results, paths, password, cancellable);
  journal = council_import_journal_begin (store, COUNCIL_IMPORT_JOURNAL_DOCUMENTS, paths);
  total = jobs->len;
  window = 2 * batch_n_threads (&batch);
  batch_start_threads (&batch, threads);
  for (guint i = 0; i < total; i++)
    {
      BatchJob *job = g_ptr_array_index (jobs, i);

      batch_start_jobs (&batch, store, &started, i + window);
      if (progress)
        progress (i, total, paths[i], user_data);
      g_mutex_lock (&batch.lock);
      while (job->state != JOB_DONE)
        g_cond_wait (&batch.cond, &batch.lock);
      g_mutex_unlock (&batch.lock);
      batch_job_finish (store, job);
      council_import_journal_file_done (journal, job->result->path);
    }
  batch_close (&batch, threads);
  council_import_journal_end (journal);
  if (progress)
    progress (total, total, NULL, user_data);
  return results;
}

/* ---- the same, driven from the main loop ---- */

typedef struct
{
  Batch batch;
  GTask *task;
  CouncilStore *store;
  GMainContext *context;
  GPtrArray *jobs;
  GPtrArray *results;
  GPtrArray *threads;
  CouncilDocumentImportProgress progress;
  gpointer progress_data;
  GDestroyNotify progress_notify;
  guint started;
  guint finished;
  guint reported;          /* progress reported for files before this one */
  gboolean completed;
  CouncilImportJournal *journal;  /* ends with the batch; left if the process dies */
} AsyncBatch;

static void
async_batch_clear (gpointer data)
{
  AsyncBatch *self = data;

  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->threads, g_ptr_array_unref);
  /* Dropped unfinished: the journal stays on disk and says so at the next start. */
  if (self->journal != NULL)
    council_import_journal_forget (g_steal_pointer (&self->journal));
  g_clear_object (&self->store);
  g_clear_pointer (&self->context, g_main_context_unref);
  if (self->progress_notify != NULL)
    self->progress_notify (self->progress_data);
}

static void
async_batch_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, async_batch_clear);
}

/* Stores what is done, in order, starts what may start; never waits. */
static gboolean
async_batch_advance_cb (gpointer data)
{
  AsyncBatch *self = data;
  guint total = self->jobs->len;
  guint window = 2 * batch_n_threads (&self->batch);

  if (self->completed)
    return G_SOURCE_REMOVE;
  while (self->finished < total)
    {
      BatchJob *job = g_ptr_array_index (self->jobs, self->finished);
      JobState state;

      batch_start_jobs (&self->batch, self->store, &self->started, self->finished + window);
      if (self->progress && self->reported <= self->finished)
        {
          self->progress (self->finished, total, job->result->path, self->progress_data);
          self->reported = self->finished + 1;
        }
      g_mutex_lock (&self->batch.lock);
      state = job->state;
      g_mutex_unlock (&self->batch.lock);
      if (state != JOB_DONE)
        return G_SOURCE_REMOVE;     /* the reader thread calls back when it is */
      batch_job_finish (self->store, job);
      council_import_journal_file_done (self->journal, job->result->path);
      self->finished++;
    }
  self->completed = TRUE;
  batch_close (&self->batch, self->threads);
  council_import_journal_end (g_steal_pointer (&self->journal));
  if (self->progress)
    self->progress (total, total, NULL, self->progress_data);
  g_task_return_pointer (self->task, g_ptr_array_ref (self->results), (GDestroyNotify) g_ptr_array_unref);
  g_clear_object (&self->task);
  /* The readers are joined: nothing calls back any more. This source holds a
   * reference of its own, so dropping the running one here is safe. */
  async_batch_unref (self);
  return G_SOURCE_REMOVE;
}

static void
async_batch_job_done (gpointer data)
{
  AsyncBatch *self = data;
  GSource *source = g_idle_source_new ();

  /* Always a source, never g_main_context_invoke(): when the caller's context
   * happens to be free (a loop iterated by hand), invoke would run the store
   * part here, in the reader thread, which then joins itself. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, async_batch_advance_cb, g_atomic_rc_box_acquire (self), async_batch_unref);
  g_source_set_static_name (source, "[council] import batch");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

void
council_document_import_files_async (CouncilStore                 *store,
                                     const char * const           *paths,
                                     const char                   *password,
                                     CouncilDocumentImportProgress progress,
                                     gpointer                      progress_data,
                                     GDestroyNotify                progress_notify,
                                     GCancellable                 *cancellable,
                                     GAsyncReadyCallback           callback,
                                     gpointer                      user_data)
{
  AsyncBatch *self = g_atomic_rc_box_new0 (AsyncBatch);

  g_return_if_fail (COUNCIL_IS_STORE (store));
  self->task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, council_document_import_files_async);
  self->store = g_object_ref (store);
  self->context = g_main_context_ref_thread_default ();
  self->jobs = g_ptr_array_new_with_free_func (batch_job_free);
  self->results = g_ptr_array_new_with_free_func (result_free);
  self->threads = g_ptr_array_new ();
  self->progress = progress;
  self->progress_data = progress_data;
  self->progress_notify = progress_notify;
  batch_init (&self->batch, self->jobs, self->results, paths, password, cancellable);
  self->journal = council_import_journal_begin (store, COUNCIL_IMPORT_JOURNAL_DOCUMENTS, paths);
  self->batch.job_done = async_batch_job_done;
  self->batch.job_done_data = self;
  batch_start_threads (&self->batch, self->threads);
  /* The reference from g_atomic_rc_box_new0() is held while the batch runs;
   * the first step runs from the main loop, not inside this call. */
  {
    g_autoptr(GSource) idle = g_idle_source_new ();

    g_source_set_callback (idle, async_batch_advance_cb, g_atomic_rc_box_acquire (self), async_batch_unref);
    g_source_attach (idle, self->context);
  }
}

GPtrArray *
council_document_import_files_finish (CouncilStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
