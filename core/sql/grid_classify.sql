-- The ABC-XYZ classes from the per-client figures (grid_stats.sql, or the same
-- columns read back from memory as per_client and spread), the ranks (ranks AS,
-- grid_ranks.sql or grid_ranks_asked.sql) and the settings (a, b, measure, x, y):
-- shares, ABC by value, XYZ by regularity. Followed by grid_classified.sql (the
-- grid's rows) or grid_cells.sql (each client's cell only).
ranked AS (
    -- the ranks carry the asked clients' figures (those with a spread): one join, not two
    SELECT r.as_of, r.client_id, r.periods, r.basis, r.purchase_periods, r.last_purchase,
           r.basis / r.periods AS mean,
           v.variance, r.abc_rank, r.total_positive, r.basis_before
    FROM ranks r
    JOIN spread v USING (as_of, client_id)
),
classified AS (
    SELECT r.*,
           CASE WHEN r.total_positive > 0 THEN r.basis / r.total_positive END AS share,
           CASE WHEN r.total_positive > 0 THEN r.basis_before / r.total_positive END AS share_before,
           CASE WHEN r.mean > 0 THEN sqrt(r.variance) / r.mean END AS cv,
           r.purchase_periods / r.periods AS frequency,
           -- Compare products, not quotients, so a client exactly on a limit
           -- lands on the side DOMAIN.md says.
           CASE WHEN r.basis <= 0 THEN 'C'
                WHEN 100 * r.basis_before < st.a * r.total_positive THEN 'A'
                WHEN 100 * r.basis_before < st.b * r.total_positive THEN 'B'
                ELSE 'C' END AS abc,
           CASE WHEN r.periods < 3 THEN NULL
                -- no CV without a positive mean; purchase frequency ignores the basis sign (DOMAIN.md)
                WHEN st.measure = 'cv' AND r.mean <= 0 THEN 'Z'
                WHEN st.measure = 'cv' AND 100 * sqrt(r.variance) <= st.x * r.mean THEN 'X'
                WHEN st.measure = 'cv' AND 100 * sqrt(r.variance) <= st.y * r.mean THEN 'Y'
                WHEN st.measure = 'frequency' AND 100 * r.purchase_periods >= st.x * r.periods THEN 'X'
                WHEN st.measure = 'frequency' AND 100 * r.purchase_periods >= st.y * r.periods THEN 'Y'
                ELSE 'Z' END AS xyz
    FROM ranked r, settings st
)
