-- The classified clients of grid_classify.sql as the grid shows them: names, shares,
-- classes, figures, manager, region and segment, in ABC order per as-of date.
SELECT k.as_of, k.client_id, cl.client_name, k.basis, k.share, k.abc_rank, k.share_before,
       k.abc, k.xyz, CASE WHEN k.xyz IS NOT NULL THEN k.abc || k.xyz END AS cell,
       k.cv, k.frequency, k.periods, k.purchase_periods, k.last_purchase,
       cl.manager, cl.region, cl.segment
FROM classified k
LEFT JOIN clients cl USING (client_id)
ORDER BY k.as_of, k.abc_rank
