-- Every client's basis at as-of dates that close consecutive periods (each period's
-- last day, the last date the as-of date: the dossier's cell over time), read as
-- grid_ranks_asked.sql reads per_client and spread, so it ranks the one client asked
-- about without a pass over each window's periods: the bases come from the rolling
-- windows of window_clients.sql (spliced in after WITH). core/grid.py follows it with
-- grid_ranks_asked.sql.
-- Values: those of window_clients.sql, then the as-of dates and the starts of their
-- periods (two parallel lists), then the client id.
WITH {window_clients},
dates AS (
    SELECT unnest(CAST(? AS DATE[])) AS as_of, unnest(CAST(? AS DATE[])) AS last_period
),
per_client AS (
    SELECT d.as_of, w.client_id, w.basis FROM window_clients w JOIN dates d USING (last_period)
),
spread AS (
    SELECT as_of, client_id FROM per_client WHERE client_id = ?
)
