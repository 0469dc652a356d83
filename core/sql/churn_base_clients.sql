-- Every client of the churn base with what the lost and at-risk lists show of
-- it, in the lists' order (churn_lost.sql, churn_at_risk.sql): moving L or k
-- only picks rows (core.churn._FromBase: lost when the last purchase is L or
-- more days before as-of, at risk by churn_at_risk.sql's rule). Reads the
-- base's cadence table.
SELECT k.client_id, c.client_name, k.last_purchase, k.purchase_days, k.median_gap_days, k.basis,
       c.manager, c.region, c.segment, k.has_reason
FROM cadence k
LEFT JOIN clients c USING (client_id)
ORDER BY round(k.basis, 6) DESC NULLS LAST, k.client_id
