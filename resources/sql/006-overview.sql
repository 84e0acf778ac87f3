-- 006-overview.sql: covering indexes for the Overview's aggregates, so that
-- the figures of a year come from the indexes alone on a council of 100,000
-- projects and 300,000 fund entries (council-store-overview.c names them).

-- Projects of a year by category, status and health; off-track projects.
CREATE INDEX project_overview ON project (start_date, end_date, category_id, status, health);

-- Funds raised and spent in a year, by source.
CREATE INDEX fund_entry_overview ON fund_entry (entry_date, kind, source, amount_fen);
