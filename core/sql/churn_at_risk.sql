-- Overdue against the client's own cadence: days since the last purchase above
-- k x the median gap between its purchase days (at least 3 of them), not lost.
-- Needs settings and cadence (churn_cadence.sql, or the churn base's table).
SELECT k.client_id, c.client_name, k.last_purchase, k.median_gap_days,
       (s.as_of - k.last_purchase)::INTEGER AS days_since, k.basis, c.manager, c.region, c.segment
FROM cadence k
CROSS JOIN settings s
LEFT JOIN clients c USING (client_id)
WHERE k.purchase_days >= 3
  AND s.as_of - k.last_purchase < s.lost_days
  AND s.as_of - k.last_purchase > s.risk_k * k.median_gap_days
ORDER BY round(k.basis, 6) DESC NULLS LAST, k.client_id
