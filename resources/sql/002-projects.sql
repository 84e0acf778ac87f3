-- Council Desk schema version 2: projects, their partners, milestones and funds,
-- and the integration of brand projects into council-level brands.
-- Applied in one transaction by council-store.c; PRAGMA user_version is set there.
--
-- Money is integer fen; dates are ISO 8601 text (NULL when not known yet).
-- Validation with messages lives in council-project.c; the CHECKs here are the
-- last line of defence against any other code path.

CREATE TABLE project_category (
  id        INTEGER PRIMARY KEY,
  code      TEXT    NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
  name_zh   TEXT    NOT NULL CHECK (length(trim(name_zh)) > 0),
  name_en   TEXT    NOT NULL DEFAULT '',
  position  INTEGER NOT NULL DEFAULT 0,
  -- Built-in categories are shown through the translation catalogue.
  builtin   INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))
);
CREATE UNIQUE INDEX project_category_name_zh ON project_category (name_zh COLLATE NOCASE);

-- Seeded before the history triggers exist: the seed is not a user's change.
INSERT INTO project_category (code, name_zh, name_en, position, builtin) VALUES
  ('rights',     '维权',     'Rights protection',               1, 1),
  ('employment', '就业创业', 'Employment and entrepreneurship', 2, 1),
  ('assistance', '帮扶',     'Assistance',                      3, 1),
  ('volunteer',  '志愿服务', 'Volunteer service',               4, 1),
  ('culture',    '文化体育', 'Culture and sports',              5, 1),
  ('science',    '科学普及', 'Science popularisation',          6, 1),
  ('family',     '家庭儿童', 'Family and children',             7, 1),
  ('other',      '其他',     'Other',                           8, 1);

CREATE TABLE project (
  id                     INTEGER PRIMARY KEY,
  code                   TEXT    NOT NULL
                         CHECK (length(code) BETWEEN 3 AND 32 AND code NOT GLOB '*[^A-Z0-9-]*'),
  title_zh               TEXT    NOT NULL CHECK (length(trim(title_zh)) > 0),
  title_en               TEXT    NOT NULL DEFAULT '',
  category_id            INTEGER NOT NULL REFERENCES project_category (id)
                                 DEFERRABLE INITIALLY DEFERRED,
  lead_org_id            INTEGER NOT NULL REFERENCES organization (id)
                                 DEFERRABLE INITIALLY DEFERRED,
  target_group           TEXT    NOT NULL DEFAULT '',
  start_date             TEXT    CHECK (start_date IS NULL OR date(start_date) = start_date),
  end_date               TEXT    CHECK (end_date IS NULL OR date(end_date) = end_date),
  status                 TEXT    NOT NULL DEFAULT 'proposed'
                                 CHECK (status IN ('proposed', 'approved', 'in_progress',
                                                   'completed', 'suspended', 'cancelled')),
  health                 TEXT    NOT NULL DEFAULT 'on_track'
                                 CHECK (health IN ('on_track', 'at_risk', 'off_track')),
  budget_fen             INTEGER NOT NULL DEFAULT 0 CHECK (budget_fen >= 0),
  planned_beneficiaries  INTEGER NOT NULL DEFAULT 0 CHECK (planned_beneficiaries >= 0),
  actual_beneficiaries   INTEGER NOT NULL DEFAULT 0 CHECK (actual_beneficiaries >= 0),
  description            TEXT    NOT NULL DEFAULT '',
  is_brand               INTEGER NOT NULL DEFAULT 0 CHECK (is_brand IN (0, 1)),
  -- The council-level brand this source project was integrated into.
  integrated_into        INTEGER REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED
                                 CHECK (integrated_into IS NULL OR integrated_into <> id),
  version                INTEGER NOT NULL DEFAULT 1,
  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX project_code ON project (code);
-- The list is filtered by year (dates), lead, category, status and sorted by any
-- column; these indexes serve the common sorts and filters at 100,000 rows.
-- Covers the year filter and its sort by code without touching the table.
CREATE INDEX project_by_start ON project (start_date, end_date, code);
CREATE INDEX project_by_end ON project (end_date);
CREATE INDEX project_by_lead ON project (lead_org_id, start_date);
CREATE INDEX project_by_category ON project (category_id, start_date);
CREATE INDEX project_by_status ON project (status, start_date);
CREATE INDEX project_by_title_zh ON project (title_zh);
-- The title as an English interface shows it (sort by title).
CREATE INDEX project_by_title_ui_en ON project ((CASE WHEN title_en = '' THEN title_zh ELSE title_en END));
CREATE INDEX project_by_budget ON project (budget_fen);
CREATE INDEX project_by_beneficiaries ON project (actual_beneficiaries);
-- Sorting by status and health goes by their order, not their spelling; the
-- expressions are those of STATUS_RANK and HEALTH_RANK in council-store-projects.c.
CREATE INDEX project_by_status_rank ON project ((CASE status WHEN 'proposed' THEN 0
  WHEN 'approved' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'completed' THEN 3
  WHEN 'suspended' THEN 4 ELSE 5 END));
CREATE INDEX project_by_health_rank ON project ((CASE health WHEN 'off_track' THEN 2
  WHEN 'at_risk' THEN 1 ELSE 0 END));
CREATE INDEX project_by_integrated_into ON project (integrated_into) WHERE integrated_into IS NOT NULL;
CREATE INDEX project_brands ON project (category_id) WHERE is_brand = 1;

CREATE TABLE project_partner (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE
                      DEFERRABLE INITIALLY DEFERRED,
  org_id      INTEGER NOT NULL REFERENCES organization (id) DEFERRABLE INITIALLY DEFERRED,
  role        TEXT    NOT NULL DEFAULT 'co_organizer'
                      CHECK (role IN ('co_organizer', 'supporter', 'service_provider')),
  UNIQUE (project_id, org_id)
);
CREATE INDEX project_partner_by_org ON project_partner (org_id, project_id);

CREATE TABLE project_liaison (
  id                  INTEGER PRIMARY KEY,
  project_id          INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE
                              DEFERRABLE INITIALLY DEFERRED,
  -- A liaison officer removed from the roster leaves the project with them.
  liaison_officer_id  INTEGER NOT NULL REFERENCES liaison_officer (id) ON DELETE CASCADE
                              DEFERRABLE INITIALLY DEFERRED,
  UNIQUE (project_id, liaison_officer_id)
);
CREATE INDEX project_liaison_by_officer ON project_liaison (liaison_officer_id);

CREATE TABLE project_status_change (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE
                      DEFERRABLE INITIALLY DEFERRED,
  status      TEXT    NOT NULL CHECK (status IN ('proposed', 'approved', 'in_progress',
                                                 'completed', 'suspended', 'cancelled')),
  changed_on  TEXT    NOT NULL CHECK (date(changed_on) = changed_on)
);
CREATE INDEX project_status_change_by_project ON project_status_change (project_id, changed_on);

CREATE TABLE milestone (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE
                      DEFERRABLE INITIALLY DEFERRED,
  title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
  due_date    TEXT    CHECK (due_date IS NULL OR date(due_date) = due_date),
  done_date   TEXT    CHECK (done_date IS NULL OR date(done_date) = done_date),
  position    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX milestone_by_project ON milestone (project_id, position);
CREATE INDEX milestone_open_by_due ON milestone (due_date) WHERE done_date IS NULL;

CREATE TABLE fund_entry (
  id           INTEGER PRIMARY KEY,
  project_id   INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE
                       DEFERRABLE INITIALLY DEFERRED,
  source       TEXT    NOT NULL CHECK (source IN ('gov_purchase', 'fiscal', 'donation',
                                                  'corporate', 'overseas', 'venue')),
  kind         TEXT    NOT NULL CHECK (kind IN ('raised', 'allocated', 'spent')),
  amount_fen   INTEGER NOT NULL CHECK (amount_fen >= 0),
  entry_date   TEXT    NOT NULL CHECK (date(entry_date) = entry_date),
  counterparty TEXT    NOT NULL DEFAULT '',
  voucher_no   TEXT    NOT NULL DEFAULT '',
  note         TEXT    NOT NULL DEFAULT ''
);
-- Covering index for the per-project sums (raised, allocated, spent).
CREATE INDEX fund_entry_by_project ON fund_entry (project_id, kind, amount_fen, entry_date);
-- The Funds pivot and the disclosure sheet go by year.
CREATE INDEX fund_entry_by_date ON fund_entry (entry_date, source, kind);

-- Each project's own spending, kept by triggers, so that the list can be
-- sorted by "spent" in index order. Derived data: no history of its own.
CREATE TABLE project_spent (
  project_id  INTEGER PRIMARY KEY,
  spent_fen   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX project_spent_by_amount ON project_spent (spent_fen);

CREATE TRIGGER project_spent_insert AFTER INSERT ON project BEGIN
  INSERT INTO project_spent (project_id) VALUES (NEW.id);
END;

CREATE TRIGGER project_spent_delete AFTER DELETE ON project BEGIN
  DELETE FROM project_spent WHERE project_id = OLD.id;
END;

CREATE TRIGGER fund_entry_spent_insert AFTER INSERT ON fund_entry WHEN NEW.kind = 'spent' BEGIN
  UPDATE project_spent SET spent_fen = spent_fen + NEW.amount_fen WHERE project_id = NEW.project_id;
END;

CREATE TRIGGER fund_entry_spent_delete AFTER DELETE ON fund_entry WHEN OLD.kind = 'spent' BEGIN
  UPDATE project_spent SET spent_fen = spent_fen - OLD.amount_fen WHERE project_id = OLD.project_id;
END;

CREATE TRIGGER fund_entry_spent_update AFTER UPDATE OF kind, amount_fen, project_id ON fund_entry BEGIN
  UPDATE project_spent SET spent_fen = spent_fen - OLD.amount_fen
    WHERE project_id = OLD.project_id AND OLD.kind = 'spent';
  UPDATE project_spent SET spent_fen = spent_fen + NEW.amount_fen
    WHERE project_id = NEW.project_id AND NEW.kind = 'spent';
END;

-- Search-as-you-type over code, titles and target group: FTS5 trigram matches
-- any substring of 3 or more characters (Chinese has no spaces); shorter
-- queries fall back to LIKE in council-store-projects.c. Derived data: kept in
-- step by triggers (undo included), no history of its own.
CREATE VIRTUAL TABLE project_search USING fts5 (code, title_zh, title_en, target_group,
                                                 tokenize = 'trigram');

CREATE TRIGGER project_search_insert AFTER INSERT ON project BEGIN
  INSERT INTO project_search (rowid, code, title_zh, title_en, target_group)
  VALUES (NEW.id, NEW.code, NEW.title_zh, NEW.title_en, NEW.target_group);
END;

CREATE TRIGGER project_search_update AFTER UPDATE OF code, title_zh, title_en, target_group ON project BEGIN
  UPDATE project_search SET code = NEW.code, title_zh = NEW.title_zh, title_en = NEW.title_en,
    target_group = NEW.target_group WHERE rowid = NEW.id;
END;

CREATE TRIGGER project_search_delete AFTER DELETE ON project BEGIN
  DELETE FROM project_search WHERE rowid = OLD.id;
END;

-- A project's history includes its partners, liaisons, status changes,
-- milestones and fund entries (council-store-history.c): found by the project
-- id inside the recorded row. The expression and the table list are those of
-- that query.
CREATE INDEX history_by_project ON history (json_extract(coalesce(after, before), '$.project_id'))
  WHERE tbl IN ('project_partner', 'project_liaison', 'project_status_change', 'milestone', 'fund_entry');

-- History triggers: every code path (window, import, command line, undo) is recorded.

CREATE TRIGGER project_category_history_insert AFTER INSERT ON project_category BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'project_category', NEW.id, 'insert',
    json_object('id', NEW.id, 'code', NEW.code, 'name_zh', NEW.name_zh, 'name_en', NEW.name_en,
      'position', NEW.position, 'builtin', NEW.builtin));
END;

CREATE TRIGGER project_category_history_update AFTER UPDATE ON project_category BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'project_category', NEW.id, 'update',
    json_object('id', OLD.id, 'code', OLD.code, 'name_zh', OLD.name_zh, 'name_en', OLD.name_en,
      'position', OLD.position, 'builtin', OLD.builtin),
    json_object('id', NEW.id, 'code', NEW.code, 'name_zh', NEW.name_zh, 'name_en', NEW.name_en,
      'position', NEW.position, 'builtin', NEW.builtin));
END;

CREATE TRIGGER project_category_history_delete AFTER DELETE ON project_category BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'project_category', OLD.id, 'delete',
    json_object('id', OLD.id, 'code', OLD.code, 'name_zh', OLD.name_zh, 'name_en', OLD.name_en,
      'position', OLD.position, 'builtin', OLD.builtin));
END;

CREATE TRIGGER project_history_insert AFTER INSERT ON project BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'project', NEW.id, 'insert',
    json_object('id', NEW.id, 'code', NEW.code, 'title_zh', NEW.title_zh, 'title_en', NEW.title_en,
      'category_id', NEW.category_id, 'lead_org_id', NEW.lead_org_id,
      'target_group', NEW.target_group, 'start_date', NEW.start_date, 'end_date', NEW.end_date,
      'status', NEW.status, 'health', NEW.health, 'budget_fen', NEW.budget_fen,
      'planned_beneficiaries', NEW.planned_beneficiaries,
      'actual_beneficiaries', NEW.actual_beneficiaries, 'description', NEW.description,
      'is_brand', NEW.is_brand, 'integrated_into', NEW.integrated_into, 'version', NEW.version));
END;

CREATE TRIGGER project_history_update AFTER UPDATE ON project BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'project', NEW.id, 'update',
    json_object('id', OLD.id, 'code', OLD.code, 'title_zh', OLD.title_zh, 'title_en', OLD.title_en,
      'category_id', OLD.category_id, 'lead_org_id', OLD.lead_org_id,
      'target_group', OLD.target_group, 'start_date', OLD.start_date, 'end_date', OLD.end_date,
      'status', OLD.status, 'health', OLD.health, 'budget_fen', OLD.budget_fen,
      'planned_beneficiaries', OLD.planned_beneficiaries,
      'actual_beneficiaries', OLD.actual_beneficiaries, 'description', OLD.description,
      'is_brand', OLD.is_brand, 'integrated_into', OLD.integrated_into, 'version', OLD.version),
    json_object('id', NEW.id, 'code', NEW.code, 'title_zh', NEW.title_zh, 'title_en', NEW.title_en,
      'category_id', NEW.category_id, 'lead_org_id', NEW.lead_org_id,
      'target_group', NEW.target_group, 'start_date', NEW.start_date, 'end_date', NEW.end_date,
      'status', NEW.status, 'health', NEW.health, 'budget_fen', NEW.budget_fen,
      'planned_beneficiaries', NEW.planned_beneficiaries,
      'actual_beneficiaries', NEW.actual_beneficiaries, 'description', NEW.description,
      'is_brand', NEW.is_brand, 'integrated_into', NEW.integrated_into, 'version', NEW.version));
END;

CREATE TRIGGER project_history_delete AFTER DELETE ON project BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'project', OLD.id, 'delete',
    json_object('id', OLD.id, 'code', OLD.code, 'title_zh', OLD.title_zh, 'title_en', OLD.title_en,
      'category_id', OLD.category_id, 'lead_org_id', OLD.lead_org_id,
      'target_group', OLD.target_group, 'start_date', OLD.start_date, 'end_date', OLD.end_date,
      'status', OLD.status, 'health', OLD.health, 'budget_fen', OLD.budget_fen,
      'planned_beneficiaries', OLD.planned_beneficiaries,
      'actual_beneficiaries', OLD.actual_beneficiaries, 'description', OLD.description,
      'is_brand', OLD.is_brand, 'integrated_into', OLD.integrated_into, 'version', OLD.version));
END;

CREATE TRIGGER project_partner_history_insert AFTER INSERT ON project_partner BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'project_partner', NEW.id, 'insert',
    json_object('id', NEW.id, 'project_id', NEW.project_id, 'org_id', NEW.org_id, 'role', NEW.role));
END;

CREATE TRIGGER project_partner_history_update AFTER UPDATE ON project_partner BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'project_partner', NEW.id, 'update',
    json_object('id', OLD.id, 'project_id', OLD.project_id, 'org_id', OLD.org_id, 'role', OLD.role),
    json_object('id', NEW.id, 'project_id', NEW.project_id, 'org_id', NEW.org_id, 'role', NEW.role));
END;

CREATE TRIGGER project_partner_history_delete AFTER DELETE ON project_partner BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'project_partner', OLD.id, 'delete',
    json_object('id', OLD.id, 'project_id', OLD.project_id, 'org_id', OLD.org_id, 'role', OLD.role));
END;

CREATE TRIGGER project_liaison_history_insert AFTER INSERT ON project_liaison BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'project_liaison', NEW.id, 'insert',
    json_object('id', NEW.id, 'project_id', NEW.project_id,
      'liaison_officer_id', NEW.liaison_officer_id));
END;

CREATE TRIGGER project_liaison_history_update AFTER UPDATE ON project_liaison BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'project_liaison', NEW.id, 'update',
    json_object('id', OLD.id, 'project_id', OLD.project_id,
      'liaison_officer_id', OLD.liaison_officer_id),
    json_object('id', NEW.id, 'project_id', NEW.project_id,
      'liaison_officer_id', NEW.liaison_officer_id));
END;

CREATE TRIGGER project_liaison_history_delete AFTER DELETE ON project_liaison BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'project_liaison', OLD.id, 'delete',
    json_object('id', OLD.id, 'project_id', OLD.project_id,
      'liaison_officer_id', OLD.liaison_officer_id));
END;

CREATE TRIGGER project_status_change_history_insert AFTER INSERT ON project_status_change BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'project_status_change', NEW.id, 'insert',
    json_object('id', NEW.id, 'project_id', NEW.project_id, 'status', NEW.status,
      'changed_on', NEW.changed_on));
END;

CREATE TRIGGER project_status_change_history_update AFTER UPDATE ON project_status_change BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'project_status_change', NEW.id, 'update',
    json_object('id', OLD.id, 'project_id', OLD.project_id, 'status', OLD.status,
      'changed_on', OLD.changed_on),
    json_object('id', NEW.id, 'project_id', NEW.project_id, 'status', NEW.status,
      'changed_on', NEW.changed_on));
END;

CREATE TRIGGER project_status_change_history_delete AFTER DELETE ON project_status_change BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'project_status_change', OLD.id, 'delete',
    json_object('id', OLD.id, 'project_id', OLD.project_id, 'status', OLD.status,
      'changed_on', OLD.changed_on));
END;

CREATE TRIGGER milestone_history_insert AFTER INSERT ON milestone BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'milestone', NEW.id, 'insert',
    json_object('id', NEW.id, 'project_id', NEW.project_id, 'title', NEW.title,
      'due_date', NEW.due_date, 'done_date', NEW.done_date, 'position', NEW.position));
END;

CREATE TRIGGER milestone_history_update AFTER UPDATE ON milestone BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'milestone', NEW.id, 'update',
    json_object('id', OLD.id, 'project_id', OLD.project_id, 'title', OLD.title,
      'due_date', OLD.due_date, 'done_date', OLD.done_date, 'position', OLD.position),
    json_object('id', NEW.id, 'project_id', NEW.project_id, 'title', NEW.title,
      'due_date', NEW.due_date, 'done_date', NEW.done_date, 'position', NEW.position));
END;

CREATE TRIGGER milestone_history_delete AFTER DELETE ON milestone BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'milestone', OLD.id, 'delete',
    json_object('id', OLD.id, 'project_id', OLD.project_id, 'title', OLD.title,
      'due_date', OLD.due_date, 'done_date', OLD.done_date, 'position', OLD.position));
END;

CREATE TRIGGER fund_entry_history_insert AFTER INSERT ON fund_entry BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'fund_entry', NEW.id, 'insert',
    json_object('id', NEW.id, 'project_id', NEW.project_id, 'source', NEW.source,
      'kind', NEW.kind, 'amount_fen', NEW.amount_fen, 'entry_date', NEW.entry_date,
      'counterparty', NEW.counterparty, 'voucher_no', NEW.voucher_no, 'note', NEW.note));
END;

CREATE TRIGGER fund_entry_history_update AFTER UPDATE ON fund_entry BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'fund_entry', NEW.id, 'update',
    json_object('id', OLD.id, 'project_id', OLD.project_id, 'source', OLD.source,
      'kind', OLD.kind, 'amount_fen', OLD.amount_fen, 'entry_date', OLD.entry_date,
      'counterparty', OLD.counterparty, 'voucher_no', OLD.voucher_no, 'note', OLD.note),
    json_object('id', NEW.id, 'project_id', NEW.project_id, 'source', NEW.source,
      'kind', NEW.kind, 'amount_fen', NEW.amount_fen, 'entry_date', NEW.entry_date,
      'counterparty', NEW.counterparty, 'voucher_no', NEW.voucher_no, 'note', NEW.note));
END;

CREATE TRIGGER fund_entry_history_delete AFTER DELETE ON fund_entry BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'fund_entry', OLD.id, 'delete',
    json_object('id', OLD.id, 'project_id', OLD.project_id, 'source', OLD.source,
      'kind', OLD.kind, 'amount_fen', OLD.amount_fen, 'entry_date', OLD.entry_date,
      'counterparty', OLD.counterparty, 'voucher_no', OLD.voucher_no, 'note', OLD.note));
END;
