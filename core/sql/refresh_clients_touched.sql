-- Refresh the clients rows (after refresh_daily) of the clients a change
-- touched, as refresh_clients.sql computes them from all of daily.
-- A client whose touched days all come after its stored last date only
-- gained later days: nothing was deleted (no stored line is that late) and
-- none of its earlier days changed. Its row is the stored one carried forward
-- with the daily rows of those new days: their latest manager, region and
-- segment where they have one, the stored one where not; the stored first
-- date; their last date; the sums added. A new client is such a client with
-- no stored row. Only the other touched clients are grouped again over all
-- of their daily rows. The figures and the name are read as refresh_clients.sql
-- reads them (client_day_figures.sql, clients_from_days.sql).
-- (tests/test_fast_paths.py holds this equal to a full rebuild.)
CREATE TEMP TABLE client_rows AS
WITH grouped AS (
    -- an appended client's new days, every day of the others
    SELECT client_id, any_value(appended) AS appended, {client_day_figures}
    FROM (
        SELECT d.*, true AS appended
        FROM daily d
        WHERE {day_scope}
          AND client_id IN (SELECT client_id FROM temp.touched_clients WHERE appended)
        UNION ALL
        SELECT d.*, false
        FROM daily d
        WHERE client_id IN (SELECT client_id FROM temp.touched_clients WHERE NOT appended)
    )
    GROUP BY client_id
),
days AS (
    SELECT g.client_id,
           coalesce(g.manager, c.manager) AS manager,
           coalesce(g.region, c.region) AS region,
           coalesce(g.segment, c.segment) AS segment,
           coalesce(c.first_date, g.first_date) AS first_date,
           g.last_date,
           coalesce(c.revenue, 0) + g.revenue AS revenue,
           -- a sum over no margin is NULL, as sum(margin) over all of the client's days gives
           CASE WHEN c.margin IS NULL AND g.margin IS NULL THEN NULL
                ELSE coalesce(c.margin, 0) + coalesce(g.margin, 0) END AS margin
    FROM grouped g
    LEFT JOIN clients c USING (client_id)
    WHERE g.appended
    UNION ALL
    SELECT client_id, manager, region, segment, first_date, last_date, revenue, margin
    FROM grouped
    WHERE NOT appended
),
{clients_from_days};
-- Stored rows are updated in place and only the rows of clients left with no line deleted:
-- deleting keys from the client_id index costs more at commit than the whole refresh.
DELETE FROM clients WHERE client_id IN (
    SELECT client_id FROM temp.touched_clients ANTI JOIN temp.client_rows USING (client_id)
);
UPDATE clients c
SET client_name = r.client_name, manager = r.manager, region = r.region, segment = r.segment,
    first_date = r.first_date, last_date = r.last_date, revenue = r.revenue, margin = r.margin
FROM temp.client_rows r
WHERE c.client_id = r.client_id;
INSERT INTO clients
SELECT r.* FROM temp.client_rows r
JOIN temp.touched_clients t USING (client_id)
WHERE NOT t.stored;
DROP TABLE temp.client_rows;
