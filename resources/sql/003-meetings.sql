-- Council Desk schema version 3: meetings, attendance, minutes, decisions and
-- the follow-up (督办) of action items.
-- Applied in one transaction by council-store.c; PRAGMA user_version is set there.
--
-- action_item.project_id is a plain INTEGER without a FOREIGN KEY on purpose:
-- the project table comes with migration 002 (Projects), which is developed
-- separately; a REFERENCES clause here would tie the two migrations' order and
-- could not be added later without rebuilding the table. Once both are merged,
-- the projects store should clear action_item.project_id when it removes a
-- project (council_store_set_action_item_project (..., 0)); until then the link
-- is a plain number that lists of a project's action items filter on.

CREATE TABLE meeting_kind (
  id          INTEGER PRIMARY KEY,
  code        TEXT    NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
  name_zh     TEXT    NOT NULL CHECK (length(trim(name_zh)) > 0),
  name_en     TEXT    NOT NULL DEFAULT '',
  builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  sort_order  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO meeting_kind (code, name_zh, name_en, builtin, sort_order) VALUES
  ('plenary', '理事会全体会议', 'Council plenary', 1, 1),
  ('joint',   '联席会议',       'Joint meeting',   1, 2),
  ('special', '专题会议',       'Special-topic meeting', 1, 3);

CREATE TABLE meeting (
  id          INTEGER PRIMARY KEY,
  kind_id     INTEGER NOT NULL REFERENCES meeting_kind (id) DEFERRABLE INITIALLY DEFERRED,
  title       TEXT    NOT NULL DEFAULT '',
  session_no  INTEGER NOT NULL DEFAULT 0 CHECK (session_no >= 0),   -- 第N次; 0 = not numbered
  -- ISO 8601 local time, "YYYY-MM-DDTHH:MM" (or a bare date).
  starts_at   TEXT    NOT NULL CHECK (starts_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*'),
  place       TEXT    NOT NULL DEFAULT '',
  chair       TEXT    NOT NULL DEFAULT '',
  recorder    TEXT    NOT NULL DEFAULT '',
  state       TEXT    NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'held', 'approved')),
  version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meeting_by_date ON meeting (starts_at, id);
CREATE INDEX meeting_by_kind ON meeting (kind_id, starts_at);

-- One row per organization whose attendance was recorded; an organization
-- without a row is "not recorded".
CREATE TABLE attendance (
  id          INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  org_id      INTEGER NOT NULL REFERENCES organization (id) DEFERRABLE INITIALLY DEFERRED,
  status      TEXT    NOT NULL CHECK (status IN ('present', 'absent', 'excused', 'delegated')),
  attendees   TEXT    NOT NULL DEFAULT '',
  UNIQUE (meeting_id, org_id)
);
CREATE INDEX attendance_by_org ON attendance (org_id, meeting_id);

CREATE TABLE guest (
  id          INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  unit        TEXT    NOT NULL DEFAULT '',
  position    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX guest_by_meeting ON guest (meeting_id, position);

CREATE TABLE agenda_item (
  id                INTEGER PRIMARY KEY,
  meeting_id        INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  position          INTEGER NOT NULL DEFAULT 0,
  title             TEXT    NOT NULL CHECK (length(trim(title)) > 0),
  presenter_org_id  INTEGER REFERENCES organization (id) DEFERRABLE INITIALLY DEFERRED,
  notes             TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX agenda_item_by_meeting ON agenda_item (meeting_id, position);

CREATE TABLE outcome (
  id              INTEGER PRIMARY KEY,
  agenda_item_id  INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind            TEXT    NOT NULL CHECK (kind IN ('information', 'decision', 'action')),
  text            TEXT    NOT NULL CHECK (length(trim(text)) > 0),
  position        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outcome_by_agenda_item ON outcome (agenda_item_id, position);

-- An outcome of kind 'action' has exactly one action item (outcome_id); the
-- action item carries the meeting and agenda item too so that the follow-up
-- list needs no joins to filter.
CREATE TABLE action_item (
  id              INTEGER PRIMARY KEY,
  meeting_id      INTEGER NOT NULL REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
  agenda_item_id  INTEGER REFERENCES agenda_item (id) DEFERRABLE INITIALLY DEFERRED,
  outcome_id      INTEGER UNIQUE REFERENCES outcome (id) DEFERRABLE INITIALLY DEFERRED,
  text            TEXT    NOT NULL CHECK (length(trim(text)) > 0),
  owner_org_id    INTEGER NOT NULL REFERENCES organization (id) DEFERRABLE INITIALLY DEFERRED,
  due_date        TEXT    NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  status          TEXT    NOT NULL DEFAULT 'open'
                          CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  done_date       TEXT    CHECK (done_date IS NULL OR done_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  project_id      INTEGER,   -- no FOREIGN KEY: see the head of this file
  version         INTEGER NOT NULL DEFAULT 1
);
-- The follow-up list: open items by due date (overdue first) without sorting.
CREATE INDEX action_item_open_by_due ON action_item (due_date, id)
  WHERE status IN ('open', 'in_progress');
-- The list of all items: pending first, then by due date (same expression as
-- the ORDER BY in council-store-meetings.c).
CREATE INDEX action_item_followup ON action_item ((status IN ('done', 'cancelled')), due_date, id);
CREATE INDEX action_item_by_status_due ON action_item (status, due_date, id);
CREATE INDEX action_item_by_owner ON action_item (owner_org_id, status, due_date);
CREATE INDEX action_item_by_meeting ON action_item (meeting_id, agenda_item_id);
CREATE INDEX action_item_by_project ON action_item (project_id, due_date) WHERE project_id IS NOT NULL;

CREATE TABLE action_item_co_owner (
  id              INTEGER PRIMARY KEY,
  action_item_id  INTEGER NOT NULL REFERENCES action_item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  org_id          INTEGER NOT NULL REFERENCES organization (id) DEFERRABLE INITIALLY DEFERRED,
  UNIQUE (action_item_id, org_id)
);
CREATE INDEX action_item_co_owner_by_org ON action_item_co_owner (org_id);

-- The 督办 record: follow-up stays possible after the minutes are approved.
CREATE TABLE progress_note (
  id              INTEGER PRIMARY KEY,
  action_item_id  INTEGER NOT NULL REFERENCES action_item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  noted_on        TEXT    NOT NULL CHECK (noted_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  text            TEXT    NOT NULL CHECK (length(trim(text)) > 0)
);
CREATE INDEX progress_note_by_item ON progress_note (action_item_id, noted_on, id);

CREATE TABLE meeting_schedule (
  id       INTEGER PRIMARY KEY,
  kind_id  INTEGER NOT NULL UNIQUE REFERENCES meeting_kind (id) DEFERRABLE INITIALLY DEFERRED,
  rhythm   TEXT    NOT NULL CHECK (rhythm IN ('monthly', 'quarterly', 'half-yearly', 'yearly'))
);
INSERT INTO meeting_schedule (kind_id, rhythm)
  SELECT id, 'quarterly' FROM meeting_kind WHERE code = 'joint';
INSERT INTO meeting_schedule (kind_id, rhythm)
  SELECT id, 'yearly' FROM meeting_kind WHERE code = 'plenary';

-- THE LOCK. Approved minutes refuse changes in the store itself, whatever the
-- code path (editor, import, undo). The only change allowed on an approved
-- meeting is the explicit reopen (state approved -> held), which the history
-- triggers record like any other change. Follow-up of action items (status,
-- done date, progress notes, project link) stays open: that is the 督办 work
-- done after the minutes are approved. The message text is matched by
-- council-store-meetings.c (COUNCIL_MINUTES_LOCKED_SQL) to say how to reopen.

CREATE TRIGGER meeting_lock_update BEFORE UPDATE ON meeting
WHEN OLD.state = 'approved' AND (NEW.state NOT IN ('approved', 'held')
  OR NEW.id IS NOT OLD.id OR NEW.kind_id IS NOT OLD.kind_id OR NEW.title IS NOT OLD.title
  OR NEW.session_no IS NOT OLD.session_no OR NEW.starts_at IS NOT OLD.starts_at
  OR NEW.place IS NOT OLD.place OR NEW.chair IS NOT OLD.chair OR NEW.recorder IS NOT OLD.recorder)
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER meeting_lock_delete BEFORE DELETE ON meeting
WHEN OLD.state = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER attendance_lock_insert BEFORE INSERT ON attendance
WHEN (SELECT state FROM meeting WHERE id = NEW.meeting_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER attendance_lock_update BEFORE UPDATE ON attendance
WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'approved' OR (SELECT state FROM meeting WHERE id = NEW.meeting_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER attendance_lock_delete BEFORE DELETE ON attendance
WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER guest_lock_insert BEFORE INSERT ON guest
WHEN (SELECT state FROM meeting WHERE id = NEW.meeting_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER guest_lock_update BEFORE UPDATE ON guest
WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'approved' OR (SELECT state FROM meeting WHERE id = NEW.meeting_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER guest_lock_delete BEFORE DELETE ON guest
WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER agenda_item_lock_insert BEFORE INSERT ON agenda_item
WHEN (SELECT state FROM meeting WHERE id = NEW.meeting_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER agenda_item_lock_update BEFORE UPDATE ON agenda_item
WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'approved' OR (SELECT state FROM meeting WHERE id = NEW.meeting_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER agenda_item_lock_delete BEFORE DELETE ON agenda_item
WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER outcome_lock_insert BEFORE INSERT ON outcome
WHEN (SELECT m.state FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = NEW.agenda_item_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER outcome_lock_update BEFORE UPDATE ON outcome
WHEN (SELECT m.state FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = OLD.agenda_item_id) = 'approved' OR (SELECT m.state FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = NEW.agenda_item_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER outcome_lock_delete BEFORE DELETE ON outcome
WHEN (SELECT m.state FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = OLD.agenda_item_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER action_item_co_owner_lock_insert BEFORE INSERT ON action_item_co_owner
WHEN (SELECT m.state FROM action_item x JOIN meeting m ON m.id = x.meeting_id WHERE x.id = NEW.action_item_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER action_item_co_owner_lock_update BEFORE UPDATE ON action_item_co_owner
WHEN (SELECT m.state FROM action_item x JOIN meeting m ON m.id = x.meeting_id WHERE x.id = OLD.action_item_id) = 'approved' OR (SELECT m.state FROM action_item x JOIN meeting m ON m.id = x.meeting_id WHERE x.id = NEW.action_item_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER action_item_co_owner_lock_delete BEFORE DELETE ON action_item_co_owner
WHEN (SELECT m.state FROM action_item x JOIN meeting m ON m.id = x.meeting_id WHERE x.id = OLD.action_item_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER action_item_lock_insert BEFORE INSERT ON action_item
WHEN (SELECT state FROM meeting WHERE id = NEW.meeting_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

-- Only the minutes' content is locked; status, done date and project link are follow-up.
CREATE TRIGGER action_item_lock_update BEFORE UPDATE ON action_item
WHEN ((SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'approved' OR (SELECT state FROM meeting WHERE id = NEW.meeting_id) = 'approved')
  AND (NEW.id IS NOT OLD.id OR NEW.meeting_id IS NOT OLD.meeting_id
    OR NEW.agenda_item_id IS NOT OLD.agenda_item_id OR NEW.outcome_id IS NOT OLD.outcome_id
    OR NEW.text IS NOT OLD.text OR NEW.owner_org_id IS NOT OLD.owner_org_id
    OR NEW.due_date IS NOT OLD.due_date)
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

CREATE TRIGGER action_item_lock_delete BEFORE DELETE ON action_item
WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'The minutes are approved and locked. Reopen them first to change them.');
END;

-- History triggers: every code path (window, command line, undo) is recorded.

CREATE TRIGGER meeting_kind_history_insert AFTER INSERT ON meeting_kind BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'meeting_kind', NEW.id, 'insert',
    json_object('id', NEW.id, 'code', NEW.code, 'name_zh', NEW.name_zh, 'name_en', NEW.name_en, 'builtin', NEW.builtin, 'sort_order', NEW.sort_order));
END;

CREATE TRIGGER meeting_kind_history_update AFTER UPDATE ON meeting_kind BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'meeting_kind', NEW.id, 'update',
    json_object('id', OLD.id, 'code', OLD.code, 'name_zh', OLD.name_zh, 'name_en', OLD.name_en, 'builtin', OLD.builtin, 'sort_order', OLD.sort_order),
    json_object('id', NEW.id, 'code', NEW.code, 'name_zh', NEW.name_zh, 'name_en', NEW.name_en, 'builtin', NEW.builtin, 'sort_order', NEW.sort_order));
END;

CREATE TRIGGER meeting_kind_history_delete AFTER DELETE ON meeting_kind BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'meeting_kind', OLD.id, 'delete',
    json_object('id', OLD.id, 'code', OLD.code, 'name_zh', OLD.name_zh, 'name_en', OLD.name_en, 'builtin', OLD.builtin, 'sort_order', OLD.sort_order));
END;

CREATE TRIGGER meeting_history_insert AFTER INSERT ON meeting BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'meeting', NEW.id, 'insert',
    json_object('id', NEW.id, 'kind_id', NEW.kind_id, 'title', NEW.title, 'session_no', NEW.session_no, 'starts_at', NEW.starts_at, 'place', NEW.place, 'chair', NEW.chair, 'recorder', NEW.recorder, 'state', NEW.state, 'version', NEW.version));
END;

CREATE TRIGGER meeting_history_update AFTER UPDATE ON meeting BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'meeting', NEW.id, 'update',
    json_object('id', OLD.id, 'kind_id', OLD.kind_id, 'title', OLD.title, 'session_no', OLD.session_no, 'starts_at', OLD.starts_at, 'place', OLD.place, 'chair', OLD.chair, 'recorder', OLD.recorder, 'state', OLD.state, 'version', OLD.version),
    json_object('id', NEW.id, 'kind_id', NEW.kind_id, 'title', NEW.title, 'session_no', NEW.session_no, 'starts_at', NEW.starts_at, 'place', NEW.place, 'chair', NEW.chair, 'recorder', NEW.recorder, 'state', NEW.state, 'version', NEW.version));
END;

CREATE TRIGGER meeting_history_delete AFTER DELETE ON meeting BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'meeting', OLD.id, 'delete',
    json_object('id', OLD.id, 'kind_id', OLD.kind_id, 'title', OLD.title, 'session_no', OLD.session_no, 'starts_at', OLD.starts_at, 'place', OLD.place, 'chair', OLD.chair, 'recorder', OLD.recorder, 'state', OLD.state, 'version', OLD.version));
END;

CREATE TRIGGER attendance_history_insert AFTER INSERT ON attendance BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'attendance', NEW.id, 'insert',
    json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'org_id', NEW.org_id, 'status', NEW.status, 'attendees', NEW.attendees));
END;

CREATE TRIGGER attendance_history_update AFTER UPDATE ON attendance BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'attendance', NEW.id, 'update',
    json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'org_id', OLD.org_id, 'status', OLD.status, 'attendees', OLD.attendees),
    json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'org_id', NEW.org_id, 'status', NEW.status, 'attendees', NEW.attendees));
END;

CREATE TRIGGER attendance_history_delete AFTER DELETE ON attendance BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'attendance', OLD.id, 'delete',
    json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'org_id', OLD.org_id, 'status', OLD.status, 'attendees', OLD.attendees));
END;

CREATE TRIGGER guest_history_insert AFTER INSERT ON guest BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'guest', NEW.id, 'insert',
    json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'name', NEW.name, 'unit', NEW.unit, 'position', NEW.position));
END;

CREATE TRIGGER guest_history_update AFTER UPDATE ON guest BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'guest', NEW.id, 'update',
    json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'name', OLD.name, 'unit', OLD.unit, 'position', OLD.position),
    json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'name', NEW.name, 'unit', NEW.unit, 'position', NEW.position));
END;

CREATE TRIGGER guest_history_delete AFTER DELETE ON guest BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'guest', OLD.id, 'delete',
    json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'name', OLD.name, 'unit', OLD.unit, 'position', OLD.position));
END;

CREATE TRIGGER agenda_item_history_insert AFTER INSERT ON agenda_item BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'agenda_item', NEW.id, 'insert',
    json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'position', NEW.position, 'title', NEW.title, 'presenter_org_id', NEW.presenter_org_id, 'notes', NEW.notes));
END;

CREATE TRIGGER agenda_item_history_update AFTER UPDATE ON agenda_item BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'agenda_item', NEW.id, 'update',
    json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'position', OLD.position, 'title', OLD.title, 'presenter_org_id', OLD.presenter_org_id, 'notes', OLD.notes),
    json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'position', NEW.position, 'title', NEW.title, 'presenter_org_id', NEW.presenter_org_id, 'notes', NEW.notes));
END;

CREATE TRIGGER agenda_item_history_delete AFTER DELETE ON agenda_item BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'agenda_item', OLD.id, 'delete',
    json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'position', OLD.position, 'title', OLD.title, 'presenter_org_id', OLD.presenter_org_id, 'notes', OLD.notes));
END;

CREATE TRIGGER outcome_history_insert AFTER INSERT ON outcome BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'outcome', NEW.id, 'insert',
    json_object('id', NEW.id, 'agenda_item_id', NEW.agenda_item_id, 'kind', NEW.kind, 'text', NEW.text, 'position', NEW.position));
END;

CREATE TRIGGER outcome_history_update AFTER UPDATE ON outcome BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'outcome', NEW.id, 'update',
    json_object('id', OLD.id, 'agenda_item_id', OLD.agenda_item_id, 'kind', OLD.kind, 'text', OLD.text, 'position', OLD.position),
    json_object('id', NEW.id, 'agenda_item_id', NEW.agenda_item_id, 'kind', NEW.kind, 'text', NEW.text, 'position', NEW.position));
END;

CREATE TRIGGER outcome_history_delete AFTER DELETE ON outcome BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'outcome', OLD.id, 'delete',
    json_object('id', OLD.id, 'agenda_item_id', OLD.agenda_item_id, 'kind', OLD.kind, 'text', OLD.text, 'position', OLD.position));
END;

CREATE TRIGGER action_item_history_insert AFTER INSERT ON action_item BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'action_item', NEW.id, 'insert',
    json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'agenda_item_id', NEW.agenda_item_id, 'outcome_id', NEW.outcome_id, 'text', NEW.text, 'owner_org_id', NEW.owner_org_id, 'due_date', NEW.due_date, 'status', NEW.status, 'done_date', NEW.done_date, 'project_id', NEW.project_id, 'version', NEW.version));
END;

CREATE TRIGGER action_item_history_update AFTER UPDATE ON action_item BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'action_item', NEW.id, 'update',
    json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'agenda_item_id', OLD.agenda_item_id, 'outcome_id', OLD.outcome_id, 'text', OLD.text, 'owner_org_id', OLD.owner_org_id, 'due_date', OLD.due_date, 'status', OLD.status, 'done_date', OLD.done_date, 'project_id', OLD.project_id, 'version', OLD.version),
    json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'agenda_item_id', NEW.agenda_item_id, 'outcome_id', NEW.outcome_id, 'text', NEW.text, 'owner_org_id', NEW.owner_org_id, 'due_date', NEW.due_date, 'status', NEW.status, 'done_date', NEW.done_date, 'project_id', NEW.project_id, 'version', NEW.version));
END;

CREATE TRIGGER action_item_history_delete AFTER DELETE ON action_item BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'action_item', OLD.id, 'delete',
    json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'agenda_item_id', OLD.agenda_item_id, 'outcome_id', OLD.outcome_id, 'text', OLD.text, 'owner_org_id', OLD.owner_org_id, 'due_date', OLD.due_date, 'status', OLD.status, 'done_date', OLD.done_date, 'project_id', OLD.project_id, 'version', OLD.version));
END;

CREATE TRIGGER action_item_co_owner_history_insert AFTER INSERT ON action_item_co_owner BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'action_item_co_owner', NEW.id, 'insert',
    json_object('id', NEW.id, 'action_item_id', NEW.action_item_id, 'org_id', NEW.org_id));
END;

CREATE TRIGGER action_item_co_owner_history_update AFTER UPDATE ON action_item_co_owner BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'action_item_co_owner', NEW.id, 'update',
    json_object('id', OLD.id, 'action_item_id', OLD.action_item_id, 'org_id', OLD.org_id),
    json_object('id', NEW.id, 'action_item_id', NEW.action_item_id, 'org_id', NEW.org_id));
END;

CREATE TRIGGER action_item_co_owner_history_delete AFTER DELETE ON action_item_co_owner BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'action_item_co_owner', OLD.id, 'delete',
    json_object('id', OLD.id, 'action_item_id', OLD.action_item_id, 'org_id', OLD.org_id));
END;

CREATE TRIGGER progress_note_history_insert AFTER INSERT ON progress_note BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'progress_note', NEW.id, 'insert',
    json_object('id', NEW.id, 'action_item_id', NEW.action_item_id, 'noted_on', NEW.noted_on, 'text', NEW.text));
END;

CREATE TRIGGER progress_note_history_update AFTER UPDATE ON progress_note BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'progress_note', NEW.id, 'update',
    json_object('id', OLD.id, 'action_item_id', OLD.action_item_id, 'noted_on', OLD.noted_on, 'text', OLD.text),
    json_object('id', NEW.id, 'action_item_id', NEW.action_item_id, 'noted_on', NEW.noted_on, 'text', NEW.text));
END;

CREATE TRIGGER progress_note_history_delete AFTER DELETE ON progress_note BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'progress_note', OLD.id, 'delete',
    json_object('id', OLD.id, 'action_item_id', OLD.action_item_id, 'noted_on', OLD.noted_on, 'text', OLD.text));
END;

CREATE TRIGGER meeting_schedule_history_insert AFTER INSERT ON meeting_schedule BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'meeting_schedule', NEW.id, 'insert',
    json_object('id', NEW.id, 'kind_id', NEW.kind_id, 'rhythm', NEW.rhythm));
END;

CREATE TRIGGER meeting_schedule_history_update AFTER UPDATE ON meeting_schedule BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'meeting_schedule', NEW.id, 'update',
    json_object('id', OLD.id, 'kind_id', OLD.kind_id, 'rhythm', OLD.rhythm),
    json_object('id', NEW.id, 'kind_id', NEW.kind_id, 'rhythm', NEW.rhythm));
END;

CREATE TRIGGER meeting_schedule_history_delete AFTER DELETE ON meeting_schedule BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'meeting_schedule', OLD.id, 'delete',
    json_object('id', OLD.id, 'kind_id', OLD.kind_id, 'rhythm', OLD.rhythm));
END;

