-- The filtered daily rows, each with the manager it is credited to: the one on
-- the line, else the client's assignment in force on the line's date, else the
-- region's, else none (NULL). An assignment is in force from its date_from
-- (from the beginning when it has none) until the next one for the same client
-- or region. {filtered} is core.analysis.filtered_daily() (its values bound
-- first); without any assignment core/managers.py uses the lines' own manager.
filtered AS ({filtered}),
client_assignments AS (
    SELECT key, manager, since FROM current_assignments WHERE scope = 'client'
),
region_assignments AS (
    SELECT key, manager, since FROM current_assignments WHERE scope = 'region'
),
managed AS (
    SELECT f.client_id, f.date, f.region, f.segment, f.revenue, f.margin,
           coalesce(f.manager, ca.manager, ra.manager) AS manager
    FROM filtered f
    ASOF LEFT JOIN client_assignments ca ON f.client_id = ca.key AND f.date >= ca.since
    ASOF LEFT JOIN region_assignments ra ON f.region = ra.key AND f.date >= ra.since
)
