-- 007-overview-by-end.sql: the Overview of a large council reads the projects
-- of a year from their end date and its off-track list from a partial index,
-- and sums the funds of a year per kind and source (council-store-overview.c
-- names these indexes).

-- A project belongs to a year when it starts before the year's end and ends
-- after its start. Few projects end after a year began (16,545 of 100,000 in
-- the benchmark's council), while nearly all started before it ended: the
-- range on the end date reads a sixth of the rows project_overview did.
CREATE INDEX project_overview_by_end
  ON project (coalesce(end_date, '9999-12-31'), start_date, category_id, status, health);

-- Running projects that are off track, by end date then code: the Overview's
-- list takes its first twenty in this order without sorting.
CREATE INDEX project_off_track_by_end
  ON project (coalesce(end_date, '9999-12-31'), code)
  WHERE health = 'off_track' AND status IN ('approved', 'in_progress');

-- Funds raised and spent in a year: one range per kind and source, summed
-- from the index alone, without grouping the year's entries.
CREATE INDEX fund_entry_by_kind_source
  ON fund_entry (kind, source, entry_date, amount_fen);
