-- Council Desk schema version 4: policy documents, their pages, the full-text
-- index and links to the records they govern.
-- Applied in one transaction by council-store.c; PRAGMA user_version is set there.

-- The PDF bytes, stored once per SHA-256 (DESIGN.md §3): two document records of
-- the same file share one blob. No history trigger: a copy of the bytes in the
-- history table would double the size of the database for nothing that undo
-- needs (an import's undo deletes the record; the blob goes with it, below).
CREATE TABLE pdf_blob (
  sha256  TEXT    PRIMARY KEY CHECK (length(sha256) = 64),
  size    INTEGER NOT NULL CHECK (size > 0),
  bytes   BLOB    NOT NULL
) WITHOUT ROWID;

CREATE TABLE document (
  id            INTEGER PRIMARY KEY,
  title         TEXT    NOT NULL CHECK (length(trim(title)) > 0),
  issuing_body  TEXT    NOT NULL DEFAULT '',
  -- The canonical 文号 (council-docnumber.c), '' when the document has none.
  doc_number    TEXT    NOT NULL DEFAULT '',
  -- ISO 8601 date (印发日期), '' when unknown.
  issue_date    TEXT    NOT NULL DEFAULT ''
                        CHECK (issue_date = '' OR date(issue_date) = issue_date),
  kind          TEXT    NOT NULL DEFAULT 'other'
                        CHECK (kind IN ('notice', 'opinion', 'plan', 'measures', 'other')),
  -- Comma-separated, trimmed, no duplicates (council-document.c normalises).
  tags          TEXT    NOT NULL DEFAULT '',
  page_count    INTEGER NOT NULL DEFAULT 0 CHECK (page_count >= 0),
  sha256        TEXT    NOT NULL REFERENCES pdf_blob (sha256),
  imported_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  imported_by   TEXT    NOT NULL DEFAULT '',
  version       INTEGER NOT NULL DEFAULT 1
);
-- One record per file: importing the same bytes twice offers the existing record.
CREATE UNIQUE INDEX document_by_sha256 ON document (sha256);
CREATE INDEX document_by_issue_date ON document (issue_date DESC, id DESC);
CREATE INDEX document_by_issuing_body ON document (issuing_body, issue_date DESC);

-- The text of each page, whitespace-normalised so that a phrase broken across
-- lines is still one phrase. No history trigger: the text is derived from the
-- blob and is large; it comes and goes with its document.
CREATE TABLE document_page (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  page_no      INTEGER NOT NULL CHECK (page_no >= 1),
  text         TEXT    NOT NULL DEFAULT '',
  UNIQUE (document_id, page_no)
);

-- Chinese has no spaces between words: the trigram tokenizer indexes every run
-- of three characters, so any phrase of 3+ characters is found (case-insensitive
-- for Latin letters). External content: the text is stored once, in document_page.
CREATE VIRTUAL TABLE document_page_fts USING fts5 (
  text,
  content = 'document_page',
  content_rowid = 'id',
  tokenize = 'trigram'
);

-- The index follows its content table on every code path (import, delete, undo).
CREATE TRIGGER document_page_fts_insert AFTER INSERT ON document_page BEGIN
  INSERT INTO document_page_fts (rowid, text) VALUES (NEW.id, NEW.text);
END;
CREATE TRIGGER document_page_fts_delete AFTER DELETE ON document_page BEGIN
  INSERT INTO document_page_fts (document_page_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
END;
CREATE TRIGGER document_page_fts_update AFTER UPDATE OF text ON document_page BEGIN
  INSERT INTO document_page_fts (document_page_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
  INSERT INTO document_page_fts (rowid, text) VALUES (NEW.id, NEW.text);
END;

-- A blob nobody refers to any more is removed with its last document (delete,
-- or the undo of an import).
CREATE TRIGGER document_release_blob AFTER DELETE ON document BEGIN
  DELETE FROM pdf_blob WHERE sha256 = OLD.sha256
    AND NOT EXISTS (SELECT 1 FROM document WHERE sha256 = OLD.sha256);
END;

-- Links from a document to the records it governs. Projects, meetings and
-- assessment indicators live in other migrations (002, 003 and later), so the
-- target is (table, id) without a foreign key; the store checks that the target
-- exists when its table does, and the migration that adds a table adds the
-- trigger that drops its links. Organizations are here already, so their links
-- carry a real foreign key in organization_id (= target_id).
CREATE TABLE document_link (
  id               INTEGER PRIMARY KEY,
  document_id      INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  target_table     TEXT    NOT NULL
                           CHECK (target_table IN ('organization', 'project', 'meeting', 'indicator')),
  target_id        INTEGER NOT NULL,
  organization_id  INTEGER REFERENCES organization (id) ON DELETE CASCADE,
  CHECK ((target_table = 'organization' AND organization_id = target_id) OR
         (target_table <> 'organization' AND organization_id IS NULL)),
  UNIQUE (document_id, target_table, target_id)
);
CREATE INDEX document_link_by_target ON document_link (target_table, target_id);

-- History: document metadata and links. Page text and blobs are left out (above).
CREATE TRIGGER document_history_insert AFTER INSERT ON document BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'document', NEW.id, 'insert',
    json_object('id', NEW.id, 'title', NEW.title, 'issuing_body', NEW.issuing_body,
      'doc_number', NEW.doc_number, 'issue_date', NEW.issue_date, 'kind', NEW.kind,
      'tags', NEW.tags, 'page_count', NEW.page_count, 'sha256', NEW.sha256,
      'imported_at', NEW.imported_at, 'imported_by', NEW.imported_by, 'version', NEW.version));
END;

CREATE TRIGGER document_history_update AFTER UPDATE ON document BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'document', NEW.id, 'update',
    json_object('id', OLD.id, 'title', OLD.title, 'issuing_body', OLD.issuing_body,
      'doc_number', OLD.doc_number, 'issue_date', OLD.issue_date, 'kind', OLD.kind,
      'tags', OLD.tags, 'page_count', OLD.page_count, 'sha256', OLD.sha256,
      'imported_at', OLD.imported_at, 'imported_by', OLD.imported_by, 'version', OLD.version),
    json_object('id', NEW.id, 'title', NEW.title, 'issuing_body', NEW.issuing_body,
      'doc_number', NEW.doc_number, 'issue_date', NEW.issue_date, 'kind', NEW.kind,
      'tags', NEW.tags, 'page_count', NEW.page_count, 'sha256', NEW.sha256,
      'imported_at', NEW.imported_at, 'imported_by', NEW.imported_by, 'version', NEW.version));
END;

CREATE TRIGGER document_history_delete AFTER DELETE ON document BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'document', OLD.id, 'delete',
    json_object('id', OLD.id, 'title', OLD.title, 'issuing_body', OLD.issuing_body,
      'doc_number', OLD.doc_number, 'issue_date', OLD.issue_date, 'kind', OLD.kind,
      'tags', OLD.tags, 'page_count', OLD.page_count, 'sha256', OLD.sha256,
      'imported_at', OLD.imported_at, 'imported_by', OLD.imported_by, 'version', OLD.version));
END;

CREATE TRIGGER document_link_history_insert AFTER INSERT ON document_link BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'document_link', NEW.id, 'insert',
    json_object('id', NEW.id, 'document_id', NEW.document_id, 'target_table', NEW.target_table,
      'target_id', NEW.target_id, 'organization_id', NEW.organization_id));
END;

CREATE TRIGGER document_link_history_delete AFTER DELETE ON document_link BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'document_link', OLD.id, 'delete',
    json_object('id', OLD.id, 'document_id', OLD.document_id, 'target_table', OLD.target_table,
      'target_id', OLD.target_id, 'organization_id', OLD.organization_id));
END;
