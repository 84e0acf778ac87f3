/* council-store-generate-council.h: bulk synthetic council records for the
 * benchmarks' generator (tests/council-generate.c): history, milestones and
 * brands, meetings with action items, assessment scores, documents.
 *
 * Each function writes one non-undoable change in one transaction, straight
 * into the tables (the schema's CHECKs, locks and history triggers still
 * apply), and is deterministic: the same seed and counts give the same rows,
 * timestamps included.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "council-store.h"

G_BEGIN_DECLS

/* The day the generated council is "seen" on: meetings after it are planned,
 * action items due before it and not done are overdue. */
#define COUNCIL_GENERATE_AS_OF "2026-11-29"

/* n_edits small edits of the active organizations (phone, notes, staff in
 * post), each its own change in the history. */
gboolean council_store_generate_history     (CouncilStore *store,
                                             guint         n_edits,
                                             guint32       seed,
                                             GError      **error);

/* After council_demo_generate_projects(): n_milestones milestones over the
 * projects, a 'completed' status change for every completed project, and
 * n_brands council-level brands, each integrating brand projects of two or
 * three different organizations of one category. */
gboolean council_store_generate_project_details (CouncilStore *store,
                                             guint         n_milestones,
                                             guint         n_brands,
                                             guint32       seed,
                                             GError      **error);

/* n_meetings meetings from 2019 to 2026 (attendance, agenda, decisions;
 * approved, held or, after the as-of day, planned) and exactly n_action_items
 * action items over the held ones, each from an outcome of its agenda, with
 * co-owners and progress notes on some. */
gboolean council_store_generate_meetings    (CouncilStore *store,
                                             guint         n_meetings,
                                             guint         n_action_items,
                                             guint32       seed,
                                             GError      **error);

/* A score for every scored indicator of the scheme and every organization it
 * applies to; then finalizes it when asked (finalized_at fixed to the next
 * January). */
gboolean council_store_generate_assessment_scores (CouncilStore *store,
                                             gint64        scheme_id,
                                             gboolean      finalize,
                                             guint32       seed,
                                             GError      **error);

/* Documents with exactly n_pages indexed pages in all: the first has
 * long_document_pages pages (a real PDF of its text, for the viewer), the
 * others 1 to 40 pages, each with a small valid PDF of its own. */
gboolean council_store_generate_documents   (CouncilStore *store,
                                             guint         n_pages,
                                             guint         long_document_pages,
                                             guint32       seed,
                                             GError      **error);

/* The sentences the generated documents' pages are made of (bench-documents
 * builds its import corpus from them too). */
extern const char * const council_generate_doc_sentences[];
extern const guint council_generate_n_doc_sentences;

G_END_DECLS
