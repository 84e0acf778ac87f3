-- Council Desk schema version 1: changes and history, the roster.
-- Applied in one transaction by council-store.c; PRAGMA user_version is set there.

-- One row per user-visible change (one transaction). History rows point at it,
-- so a change can be listed, attributed and undone as a whole.
CREATE TABLE change (
  id         INTEGER PRIMARY KEY,
  at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  who        TEXT    NOT NULL DEFAULT '',
  summary    TEXT    NOT NULL DEFAULT '',
  undoes     INTEGER REFERENCES change (id),
  undone_by  INTEGER REFERENCES change (id),
  -- 0 for changes that Ctrl+Z must not take back (seeding the roster).
  undoable   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE history (
  id         INTEGER PRIMARY KEY,
  change_id  INTEGER NOT NULL REFERENCES change (id),
  tbl        TEXT    NOT NULL,
  row_id     INTEGER NOT NULL,
  op         TEXT    NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  before     TEXT,
  after      TEXT
);
CREATE INDEX history_by_row ON history (tbl, row_id, id);
CREATE INDEX history_by_change ON history (change_id, id);
-- Liaison officers show in their organization's history.
CREATE INDEX history_liaison_by_org
  ON history (json_extract(coalesce(after, before), '$.organization_id'), id)
  WHERE tbl = 'liaison_officer';

CREATE TABLE organization (
  id                 INTEGER PRIMARY KEY,
  name_zh            TEXT    NOT NULL CHECK (length(trim(name_zh)) > 0),
  name_en            TEXT    NOT NULL DEFAULT '',
  short_name         TEXT    NOT NULL DEFAULT '',
  category           TEXT    NOT NULL DEFAULT 'other' CHECK (category IN ('hub', 'other')),
  council_role       TEXT    NOT NULL DEFAULT 'member'
                             CHECK (council_role IN ('chair', 'vice_chair', 'member')),
  contact_person     TEXT    NOT NULL DEFAULT '',
  phone              TEXT    NOT NULL DEFAULT '',
  email              TEXT    NOT NULL DEFAULT '',
  address            TEXT    NOT NULL DEFAULT '',
  posts_established  INTEGER NOT NULL DEFAULT 0 CHECK (posts_established >= 0),
  staff_in_post      INTEGER NOT NULL DEFAULT 0 CHECK (staff_in_post >= 0),
  seconded_out       INTEGER NOT NULL DEFAULT 0 CHECK (seconded_out >= 0),
  part_time          INTEGER NOT NULL DEFAULT 0 CHECK (part_time >= 0),
  coverage           TEXT    NOT NULL DEFAULT 'district'
                             CHECK (coverage IN ('district', 'township', 'village')),
  notes              TEXT    NOT NULL DEFAULT '',
  retired            INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  sort_order         INTEGER NOT NULL DEFAULT 0,
  version            INTEGER NOT NULL DEFAULT 1,
  CHECK (seconded_out + part_time <= staff_in_post)
);
CREATE UNIQUE INDEX organization_name_zh ON organization (name_zh COLLATE NOCASE);
CREATE INDEX organization_roster_order ON organization (sort_order, id);
CREATE UNIQUE INDEX organization_name_en ON organization (name_en COLLATE NOCASE)
  WHERE name_en <> '';

CREATE TABLE liaison_officer (
  id               INTEGER PRIMARY KEY,
  organization_id  INTEGER NOT NULL REFERENCES organization (id) ON DELETE CASCADE
                           DEFERRABLE INITIALLY DEFERRED,
  name             TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  department       TEXT    NOT NULL DEFAULT '',
  phone            TEXT    NOT NULL DEFAULT '',
  position         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX liaison_officer_by_org ON liaison_officer (organization_id, position);

-- History triggers: every code path (window, import, command line, undo) is recorded.
CREATE TRIGGER organization_history_insert AFTER INSERT ON organization BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'organization', NEW.id, 'insert',
    json_object('id', NEW.id, 'name_zh', NEW.name_zh, 'name_en', NEW.name_en,
      'short_name', NEW.short_name, 'category', NEW.category, 'council_role', NEW.council_role,
      'contact_person', NEW.contact_person, 'phone', NEW.phone, 'email', NEW.email,
      'address', NEW.address, 'posts_established', NEW.posts_established,
      'staff_in_post', NEW.staff_in_post, 'seconded_out', NEW.seconded_out,
      'part_time', NEW.part_time, 'coverage', NEW.coverage, 'notes', NEW.notes,
      'retired', NEW.retired, 'sort_order', NEW.sort_order, 'version', NEW.version));
END;

CREATE TRIGGER organization_history_update AFTER UPDATE ON organization BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'organization', NEW.id, 'update',
    json_object('id', OLD.id, 'name_zh', OLD.name_zh, 'name_en', OLD.name_en,
      'short_name', OLD.short_name, 'category', OLD.category, 'council_role', OLD.council_role,
      'contact_person', OLD.contact_person, 'phone', OLD.phone, 'email', OLD.email,
      'address', OLD.address, 'posts_established', OLD.posts_established,
      'staff_in_post', OLD.staff_in_post, 'seconded_out', OLD.seconded_out,
      'part_time', OLD.part_time, 'coverage', OLD.coverage, 'notes', OLD.notes,
      'retired', OLD.retired, 'sort_order', OLD.sort_order, 'version', OLD.version),
    json_object('id', NEW.id, 'name_zh', NEW.name_zh, 'name_en', NEW.name_en,
      'short_name', NEW.short_name, 'category', NEW.category, 'council_role', NEW.council_role,
      'contact_person', NEW.contact_person, 'phone', NEW.phone, 'email', NEW.email,
      'address', NEW.address, 'posts_established', NEW.posts_established,
      'staff_in_post', NEW.staff_in_post, 'seconded_out', NEW.seconded_out,
      'part_time', NEW.part_time, 'coverage', NEW.coverage, 'notes', NEW.notes,
      'retired', NEW.retired, 'sort_order', NEW.sort_order, 'version', NEW.version));
END;

CREATE TRIGGER organization_history_delete AFTER DELETE ON organization BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'organization', OLD.id, 'delete',
    json_object('id', OLD.id, 'name_zh', OLD.name_zh, 'name_en', OLD.name_en,
      'short_name', OLD.short_name, 'category', OLD.category, 'council_role', OLD.council_role,
      'contact_person', OLD.contact_person, 'phone', OLD.phone, 'email', OLD.email,
      'address', OLD.address, 'posts_established', OLD.posts_established,
      'staff_in_post', OLD.staff_in_post, 'seconded_out', OLD.seconded_out,
      'part_time', OLD.part_time, 'coverage', OLD.coverage, 'notes', OLD.notes,
      'retired', OLD.retired, 'sort_order', OLD.sort_order, 'version', OLD.version));
END;

CREATE TRIGGER liaison_officer_history_insert AFTER INSERT ON liaison_officer BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, after)
  VALUES ((SELECT max(id) FROM change), 'liaison_officer', NEW.id, 'insert',
    json_object('id', NEW.id, 'organization_id', NEW.organization_id, 'name', NEW.name,
      'department', NEW.department, 'phone', NEW.phone, 'position', NEW.position));
END;

CREATE TRIGGER liaison_officer_history_update AFTER UPDATE ON liaison_officer BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before, after)
  VALUES ((SELECT max(id) FROM change), 'liaison_officer', NEW.id, 'update',
    json_object('id', OLD.id, 'organization_id', OLD.organization_id, 'name', OLD.name,
      'department', OLD.department, 'phone', OLD.phone, 'position', OLD.position),
    json_object('id', NEW.id, 'organization_id', NEW.organization_id, 'name', NEW.name,
      'department', NEW.department, 'phone', NEW.phone, 'position', NEW.position));
END;

CREATE TRIGGER liaison_officer_history_delete AFTER DELETE ON liaison_officer BEGIN
  INSERT INTO history (change_id, tbl, row_id, op, before)
  VALUES ((SELECT max(id) FROM change), 'liaison_officer', OLD.id, 'delete',
    json_object('id', OLD.id, 'organization_id', OLD.organization_id, 'name', OLD.name,
      'department', OLD.department, 'phone', OLD.phone, 'position', OLD.position));
END;
