-- The clients of two grids side by side (``both_grids``: the classified clients at the earlier
-- and the current as-of date), one row per client in either, with its label then and now: its
-- cell, "too new" when it was in the grid without a cell, or absent from that grid.
-- Bound: earlier as-of, current as-of, the too-new, absent-before and absent-now labels.
-- grid_transitions.sql and grid_slipped.sql then read its rows (``joined``).
WITH labels AS (SELECT ?::DATE AS then_date, ?::DATE AS now_date, ?::VARCHAR AS too_new,
                       ?::VARCHAR AS absent_before, ?::VARCHAR AS absent_now),
then_grid AS (SELECT g.* FROM both_grids g, labels WHERE g.as_of = labels.then_date),
now_grid AS (SELECT g.* FROM both_grids g, labels WHERE g.as_of = labels.now_date),
joined AS (
    SELECT coalesce(n.client_id, t.client_id) AS client_id,
           coalesce(n.client_name, t.client_name) AS client_name,
           t.abc AS abc_then, n.abc AS abc_now, t.xyz AS xyz_then, n.xyz AS xyz_now,
           t.cell AS cell_then, n.cell AS cell_now, t.basis AS basis_then, n.basis AS basis_now,
           t.client_id IS NOT NULL AND n.client_id IS NOT NULL AS in_both,
           CASE WHEN t.client_id IS NULL THEN labels.absent_before ELSE coalesce(t.cell, labels.too_new) END
               AS label_then,
           CASE WHEN n.client_id IS NULL THEN labels.absent_now ELSE coalesce(n.cell, labels.too_new) END
               AS label_now
    FROM then_grid t FULL OUTER JOIN now_grid n ON n.client_id = t.client_id, labels
)
SELECT * FROM joined
