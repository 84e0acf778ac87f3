-- Council Desk schema version 5: target-management assessment (目标管理考核).
-- A scheme per year (or half / quarter) with grade bands, a two-level indicator
-- tree (category -> indicator), rank-point tables, and one score per
-- organization and indicator. A finalized scheme is locked here, in the store,
-- by triggers; the only change it accepts is the explicit reopen.

CREATE TABLE assessment_scheme (
  id             INTEGER PRIMARY KEY,
  year           INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  period         TEXT    NOT NULL DEFAULT 'year'
                         CHECK (period IN ('year', 'h1', 'h2', 'q1', 'q2', 'q3', 'q4')),
  title          TEXT    NOT NULL CHECK (length(trim(title)) > 0),
  -- What the max scores of the scored indicators (times their weights) add up to.
  total_score    REAL    NOT NULL DEFAULT 100 CHECK (total_score > 0),
  -- Per organization: all its bonus items together, all its deductions together.
  bonus_cap      REAL    NOT NULL DEFAULT 5 CHECK (bonus_cap >= 0),
  deduction_cap  REAL    NOT NULL DEFAULT 10 CHECK (deduction_cap >= 0),
  applies_to     TEXT    NOT NULL DEFAULT 'all' CHECK (applies_to IN ('all', 'hub', 'other', 'list')),
  finalized      INTEGER NOT NULL DEFAULT 0 CHECK (finalized IN (0, 1)),
  finalized_at   TEXT,
  version        INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX assessment_scheme_by_period ON assessment_scheme (year, period);

CREATE TABLE assessment_band (
  id         INTEGER PRIMARY KEY,
  scheme_id  INTEGER NOT NULL REFERENCES assessment_scheme (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  position   INTEGER NOT NULL DEFAULT 0,
  name_zh    TEXT    NOT NULL CHECK (length(trim(name_zh)) > 0),
  name_en    TEXT    NOT NULL DEFAULT '',
  min_score  REAL    NOT NULL CHECK (min_score >= 0)
);
CREATE INDEX assessment_band_by_scheme ON assessment_band (scheme_id, position);

-- The organizations of a scheme whose applies_to is 'list'.
CREATE TABLE assessment_scheme_org (
  id         INTEGER PRIMARY KEY,
  scheme_id  INTEGER NOT NULL REFERENCES assessment_scheme (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  org_id     INTEGER NOT NULL REFERENCES organization (id) DEFERRABLE INITIALLY DEFERRED,
  UNIQUE (scheme_id, org_id)
);

CREATE TABLE assessment_indicator (
  id               INTEGER PRIMARY KEY,
  scheme_id        INTEGER NOT NULL REFERENCES assessment_scheme (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  -- NULL for a category; categories hold indicators, one level deep.
  parent_id        INTEGER REFERENCES assessment_indicator (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  position         INTEGER NOT NULL DEFAULT 0,
  name_zh          TEXT    NOT NULL CHECK (length(trim(name_zh)) > 0),
  name_en          TEXT    NOT NULL DEFAULT '',
  max_score        REAL    NOT NULL DEFAULT 0 CHECK (max_score >= 0),
  weight           REAL    NOT NULL DEFAULT 1 CHECK (weight > 0),
  guide            TEXT    NOT NULL DEFAULT '',
  kind             TEXT    NOT NULL DEFAULT 'manual'
                           CHECK (kind IN ('category', 'manual', 'rank', 'bonus', 'deduction', 'computed')),
  computed_source  TEXT    CHECK (computed_source IS NULL OR computed_source IN
                                  ('projects_on_time', 'actions_on_time', 'attendance_rate')),
  -- Bonus and deduction: the most one organization gets on this item.
  cap              REAL    NOT NULL DEFAULT 0 CHECK (cap >= 0),
  CHECK ((kind = 'computed') = (computed_source IS NOT NULL))
);
CREATE INDEX assessment_indicator_by_scheme ON assessment_indicator (scheme_id, parent_id, position);

CREATE TABLE assessment_rank_points (
  id            INTEGER PRIMARY KEY,
  indicator_id  INTEGER NOT NULL REFERENCES assessment_indicator (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  rank          INTEGER NOT NULL CHECK (rank >= 1),
  points        REAL    NOT NULL CHECK (points >= 0),
  UNIQUE (indicator_id, rank)
);

CREATE TABLE assessment_score (
  id              INTEGER PRIMARY KEY,
  scheme_id       INTEGER NOT NULL REFERENCES assessment_scheme (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  indicator_id    INTEGER NOT NULL REFERENCES assessment_indicator (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  org_id          INTEGER NOT NULL REFERENCES organization (id) DEFERRABLE INITIALLY DEFERRED,
  value           REAL    NOT NULL CHECK (value >= 0),
  -- Rank-based indicators: the measured value the ranking was made on.
  measured_value  REAL,
  evidence        TEXT    NOT NULL DEFAULT '',
  scored_by       TEXT    NOT NULL DEFAULT '',
  scored_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  UNIQUE (indicator_id, org_id)
);
CREATE INDEX assessment_score_by_scheme ON assessment_score (scheme_id, org_id);

-- Evidence documents of a score; document_id refers to the documents issue's
-- table, which arrives in its own migration (so no FOREIGN KEY here).
CREATE TABLE assessment_score_document (
  id           INTEGER PRIMARY KEY,
  score_id     INTEGER NOT NULL REFERENCES assessment_score (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  document_id  INTEGER NOT NULL,
  UNIQUE (score_id, document_id)
);

-- Computed indicators aggregate over these: completed status changes per
-- project, and action items by owner and due date.
CREATE INDEX project_status_change_completed ON project_status_change (project_id, changed_on)
  WHERE status = 'completed';
CREATE INDEX action_item_by_owner_due ON action_item (owner_org_id, due_date, status, done_date);
CREATE INDEX project_by_end_lead ON project (end_date, lead_org_id, status);

-- The lock. The message text is matched by council-store-assessment.c, which
-- names the scheme and how to reopen it. The scheme itself accepts only the
-- reopen (finalized 1 -> 0) while finalized.
CREATE TRIGGER assessment_scheme_lock_update BEFORE UPDATE ON assessment_scheme
WHEN OLD.finalized = 1 AND NOT (NEW.finalized = 0 AND NEW.year IS OLD.year AND NEW.period IS OLD.period
  AND NEW.title IS OLD.title AND NEW.total_score IS OLD.total_score AND NEW.bonus_cap IS OLD.bonus_cap
  AND NEW.deduction_cap IS OLD.deduction_cap AND NEW.applies_to IS OLD.applies_to)
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;
CREATE TRIGGER assessment_scheme_lock_delete BEFORE DELETE ON assessment_scheme
WHEN OLD.finalized = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;

CREATE TRIGGER assessment_band_lock_insert BEFORE INSERT ON assessment_band
WHEN (SELECT finalized FROM assessment_scheme WHERE id = NEW.scheme_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;
CREATE TRIGGER assessment_band_lock_update BEFORE UPDATE ON assessment_band
WHEN (SELECT finalized FROM assessment_scheme WHERE id = OLD.scheme_id) = 1 OR (SELECT finalized FROM assessment_scheme WHERE id = NEW.scheme_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;
CREATE TRIGGER assessment_band_lock_delete BEFORE DELETE ON assessment_band
WHEN (SELECT finalized FROM assessment_scheme WHERE id = OLD.scheme_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;

CREATE TRIGGER assessment_scheme_org_lock_insert BEFORE INSERT ON assessment_scheme_org
WHEN (SELECT finalized FROM assessment_scheme WHERE id = NEW.scheme_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;
CREATE TRIGGER assessment_scheme_org_lock_update BEFORE UPDATE ON assessment_scheme_org
WHEN (SELECT finalized FROM assessment_scheme WHERE id = OLD.scheme_id) = 1 OR (SELECT finalized FROM assessment_scheme WHERE id = NEW.scheme_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;
CREATE TRIGGER assessment_scheme_org_lock_delete BEFORE DELETE ON assessment_scheme_org
WHEN (SELECT finalized FROM assessment_scheme WHERE id = OLD.scheme_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;

CREATE TRIGGER assessment_indicator_lock_insert BEFORE INSERT ON assessment_indicator
WHEN (SELECT finalized FROM assessment_scheme WHERE id = NEW.scheme_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;
CREATE TRIGGER assessment_indicator_lock_update BEFORE UPDATE ON assessment_indicator
WHEN (SELECT finalized FROM assessment_scheme WHERE id = OLD.scheme_id) = 1 OR (SELECT finalized FROM assessment_scheme WHERE id = NEW.scheme_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;
CREATE TRIGGER assessment_indicator_lock_delete BEFORE DELETE ON assessment_indicator
WHEN (SELECT finalized FROM assessment_scheme WHERE id = OLD.scheme_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;

CREATE TRIGGER assessment_score_lock_insert BEFORE INSERT ON assessment_score
WHEN (SELECT finalized FROM assessment_scheme WHERE id = NEW.scheme_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;
CREATE TRIGGER assessment_score_lock_update BEFORE UPDATE ON assessment_score
WHEN (SELECT finalized FROM assessment_scheme WHERE id = OLD.scheme_id) = 1 OR (SELECT finalized FROM assessment_scheme WHERE id = NEW.scheme_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;
CREATE TRIGGER assessment_score_lock_delete BEFORE DELETE ON assessment_score
WHEN (SELECT finalized FROM assessment_scheme WHERE id = OLD.scheme_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;

CREATE TRIGGER assessment_rank_points_lock_insert BEFORE INSERT ON assessment_rank_points
WHEN (SELECT s.finalized FROM assessment_indicator i JOIN assessment_scheme s ON s.id = i.scheme_id WHERE i.id = NEW.indicator_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;
CREATE TRIGGER assessment_rank_points_lock_update BEFORE UPDATE ON assessment_rank_points
WHEN (SELECT s.finalized FROM assessment_indicator i JOIN assessment_scheme s ON s.id = i.scheme_id WHERE i.id = OLD.indicator_id) = 1 OR (SELECT s.finalized FROM assessment_indicator i JOIN assessment_scheme s ON s.id = i.scheme_id WHERE i.id = NEW.indicator_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;
CREATE TRIGGER assessment_rank_points_lock_delete BEFORE DELETE ON assessment_rank_points
WHEN (SELECT s.finalized FROM assessment_indicator i JOIN assessment_scheme s ON s.id = i.scheme_id WHERE i.id = OLD.indicator_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;

CREATE TRIGGER assessment_score_document_lock_insert BEFORE INSERT ON assessment_score_document
WHEN (SELECT s.finalized FROM assessment_score sc JOIN assessment_scheme s ON s.id = sc.scheme_id WHERE sc.id = NEW.score_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;
CREATE TRIGGER assessment_score_document_lock_delete BEFORE DELETE ON assessment_score_document
WHEN (SELECT s.finalized FROM assessment_score sc JOIN assessment_scheme s ON s.id = sc.scheme_id WHERE sc.id = OLD.score_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'The assessment scheme is finalized and locked.');
END;

-- History: every code path is recorded.
CREATE TRIGGER assessment_scheme_history_insert AFTER INSERT ON assessment_scheme BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'assessment_scheme', NEW.id, 'insert',
    json_object('id', NEW.id, 'year', NEW.year, 'period', NEW.period, 'title', NEW.title, 'total_score', NEW.total_score, 'bonus_cap', NEW.bonus_cap, 'deduction_cap', NEW.deduction_cap, 'applies_to', NEW.applies_to, 'finalized', NEW.finalized, 'finalized_at', NEW.finalized_at, 'version', NEW.version));
END;

CREATE TRIGGER assessment_scheme_history_update AFTER UPDATE ON assessment_scheme BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'assessment_scheme', NEW.id, 'update',
    json_object('id', OLD.id, 'year', OLD.year, 'period', OLD.period, 'title', OLD.title, 'total_score', OLD.total_score, 'bonus_cap', OLD.bonus_cap, 'deduction_cap', OLD.deduction_cap, 'applies_to', OLD.applies_to, 'finalized', OLD.finalized, 'finalized_at', OLD.finalized_at, 'version', OLD.version),
    json_object('id', NEW.id, 'year', NEW.year, 'period', NEW.period, 'title', NEW.title, 'total_score', NEW.total_score, 'bonus_cap', NEW.bonus_cap, 'deduction_cap', NEW.deduction_cap, 'applies_to', NEW.applies_to, 'finalized', NEW.finalized, 'finalized_at', NEW.finalized_at, 'version', NEW.version));
END;

CREATE TRIGGER assessment_scheme_history_delete AFTER DELETE ON assessment_scheme BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'assessment_scheme', OLD.id, 'delete',
    json_object('id', OLD.id, 'year', OLD.year, 'period', OLD.period, 'title', OLD.title, 'total_score', OLD.total_score, 'bonus_cap', OLD.bonus_cap, 'deduction_cap', OLD.deduction_cap, 'applies_to', OLD.applies_to, 'finalized', OLD.finalized, 'finalized_at', OLD.finalized_at, 'version', OLD.version));
END;

CREATE TRIGGER assessment_band_history_insert AFTER INSERT ON assessment_band BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'assessment_band', NEW.id, 'insert',
    json_object('id', NEW.id, 'scheme_id', NEW.scheme_id, 'position', NEW.position, 'name_zh', NEW.name_zh, 'name_en', NEW.name_en, 'min_score', NEW.min_score));
END;

CREATE TRIGGER assessment_band_history_update AFTER UPDATE ON assessment_band BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'assessment_band', NEW.id, 'update',
    json_object('id', OLD.id, 'scheme_id', OLD.scheme_id, 'position', OLD.position, 'name_zh', OLD.name_zh, 'name_en', OLD.name_en, 'min_score', OLD.min_score),
    json_object('id', NEW.id, 'scheme_id', NEW.scheme_id, 'position', NEW.position, 'name_zh', NEW.name_zh, 'name_en', NEW.name_en, 'min_score', NEW.min_score));
END;

CREATE TRIGGER assessment_band_history_delete AFTER DELETE ON assessment_band BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'assessment_band', OLD.id, 'delete',
    json_object('id', OLD.id, 'scheme_id', OLD.scheme_id, 'position', OLD.position, 'name_zh', OLD.name_zh, 'name_en', OLD.name_en, 'min_score', OLD.min_score));
END;

CREATE TRIGGER assessment_scheme_org_history_insert AFTER INSERT ON assessment_scheme_org BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'assessment_scheme_org', NEW.id, 'insert',
    json_object('id', NEW.id, 'scheme_id', NEW.scheme_id, 'org_id', NEW.org_id));
END;

CREATE TRIGGER assessment_scheme_org_history_update AFTER UPDATE ON assessment_scheme_org BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'assessment_scheme_org', NEW.id, 'update',
    json_object('id', OLD.id, 'scheme_id', OLD.scheme_id, 'org_id', OLD.org_id),
    json_object('id', NEW.id, 'scheme_id', NEW.scheme_id, 'org_id', NEW.org_id));
END;

CREATE TRIGGER assessment_scheme_org_history_delete AFTER DELETE ON assessment_scheme_org BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'assessment_scheme_org', OLD.id, 'delete',
    json_object('id', OLD.id, 'scheme_id', OLD.scheme_id, 'org_id', OLD.org_id));
END;

CREATE TRIGGER assessment_indicator_history_insert AFTER INSERT ON assessment_indicator BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'assessment_indicator', NEW.id, 'insert',
    json_object('id', NEW.id, 'scheme_id', NEW.scheme_id, 'parent_id', NEW.parent_id, 'position', NEW.position, 'name_zh', NEW.name_zh, 'name_en', NEW.name_en, 'max_score', NEW.max_score, 'weight', NEW.weight, 'guide', NEW.guide, 'kind', NEW.kind, 'computed_source', NEW.computed_source, 'cap', NEW.cap));
END;

CREATE TRIGGER assessment_indicator_history_update AFTER UPDATE ON assessment_indicator BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'assessment_indicator', NEW.id, 'update',
    json_object('id', OLD.id, 'scheme_id', OLD.scheme_id, 'parent_id', OLD.parent_id, 'position', OLD.position, 'name_zh', OLD.name_zh, 'name_en', OLD.name_en, 'max_score', OLD.max_score, 'weight', OLD.weight, 'guide', OLD.guide, 'kind', OLD.kind, 'computed_source', OLD.computed_source, 'cap', OLD.cap),
    json_object('id', NEW.id, 'scheme_id', NEW.scheme_id, 'parent_id', NEW.parent_id, 'position', NEW.position, 'name_zh', NEW.name_zh, 'name_en', NEW.name_en, 'max_score', NEW.max_score, 'weight', NEW.weight, 'guide', NEW.guide, 'kind', NEW.kind, 'computed_source', NEW.computed_source, 'cap', NEW.cap));
END;

CREATE TRIGGER assessment_indicator_history_delete AFTER DELETE ON assessment_indicator BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'assessment_indicator', OLD.id, 'delete',
    json_object('id', OLD.id, 'scheme_id', OLD.scheme_id, 'parent_id', OLD.parent_id, 'position', OLD.position, 'name_zh', OLD.name_zh, 'name_en', OLD.name_en, 'max_score', OLD.max_score, 'weight', OLD.weight, 'guide', OLD.guide, 'kind', OLD.kind, 'computed_source', OLD.computed_source, 'cap', OLD.cap));
END;

CREATE TRIGGER assessment_rank_points_history_insert AFTER INSERT ON assessment_rank_points BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'assessment_rank_points', NEW.id, 'insert',
    json_object('id', NEW.id, 'indicator_id', NEW.indicator_id, 'rank', NEW.rank, 'points', NEW.points));
END;

CREATE TRIGGER assessment_rank_points_history_update AFTER UPDATE ON assessment_rank_points BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'assessment_rank_points', NEW.id, 'update',
    json_object('id', OLD.id, 'indicator_id', OLD.indicator_id, 'rank', OLD.rank, 'points', OLD.points),
    json_object('id', NEW.id, 'indicator_id', NEW.indicator_id, 'rank', NEW.rank, 'points', NEW.points));
END;

CREATE TRIGGER assessment_rank_points_history_delete AFTER DELETE ON assessment_rank_points BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'assessment_rank_points', OLD.id, 'delete',
    json_object('id', OLD.id, 'indicator_id', OLD.indicator_id, 'rank', OLD.rank, 'points', OLD.points));
END;

CREATE TRIGGER assessment_score_history_insert AFTER INSERT ON assessment_score BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'assessment_score', NEW.id, 'insert',
    json_object('id', NEW.id, 'scheme_id', NEW.scheme_id, 'indicator_id', NEW.indicator_id, 'org_id', NEW.org_id, 'value', NEW.value, 'measured_value', NEW.measured_value, 'evidence', NEW.evidence, 'scored_by', NEW.scored_by, 'scored_at', NEW.scored_at));
END;

CREATE TRIGGER assessment_score_history_update AFTER UPDATE ON assessment_score BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'assessment_score', NEW.id, 'update',
    json_object('id', OLD.id, 'scheme_id', OLD.scheme_id, 'indicator_id', OLD.indicator_id, 'org_id', OLD.org_id, 'value', OLD.value, 'measured_value', OLD.measured_value, 'evidence', OLD.evidence, 'scored_by', OLD.scored_by, 'scored_at', OLD.scored_at),
    json_object('id', NEW.id, 'scheme_id', NEW.scheme_id, 'indicator_id', NEW.indicator_id, 'org_id', NEW.org_id, 'value', NEW.value, 'measured_value', NEW.measured_value, 'evidence', NEW.evidence, 'scored_by', NEW.scored_by, 'scored_at', NEW.scored_at));
END;

CREATE TRIGGER assessment_score_history_delete AFTER DELETE ON assessment_score BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'assessment_score', OLD.id, 'delete',
    json_object('id', OLD.id, 'scheme_id', OLD.scheme_id, 'indicator_id', OLD.indicator_id, 'org_id', OLD.org_id, 'value', OLD.value, 'measured_value', OLD.measured_value, 'evidence', OLD.evidence, 'scored_by', OLD.scored_by, 'scored_at', OLD.scored_at));
END;

CREATE TRIGGER assessment_score_document_history_insert AFTER INSERT ON assessment_score_document BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'assessment_score_document', NEW.id, 'insert',
    json_object('id', NEW.id, 'score_id', NEW.score_id, 'document_id', NEW.document_id));
END;

CREATE TRIGGER assessment_score_document_history_update AFTER UPDATE ON assessment_score_document BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'assessment_score_document', NEW.id, 'update',
    json_object('id', OLD.id, 'score_id', OLD.score_id, 'document_id', OLD.document_id),
    json_object('id', NEW.id, 'score_id', NEW.score_id, 'document_id', NEW.document_id));
END;

CREATE TRIGGER assessment_score_document_history_delete AFTER DELETE ON assessment_score_document BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'assessment_score_document', OLD.id, 'delete',
    json_object('id', OLD.id, 'score_id', OLD.score_id, 'document_id', OLD.document_id));
END;
