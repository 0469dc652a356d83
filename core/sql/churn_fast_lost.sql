-- churn_lost.sql from the churn base: a client is lost at as-of when its last
-- purchase is L or more days before it (that loss is never won back); the
-- value before loss is the basis of the 365 days to that purchase, the reason
-- the one churn_losses.sql matched to that loss. Follows churn_losses.sql.
SELECT k.client_id, c.client_name, k.last_purchase, k.last_purchase + s.lost_days AS loss_date,
       (s.as_of - k.last_purchase)::INTEGER AS days_since,
       k.basis AS value_before_loss, c.manager, c.region, c.segment, r.reason
FROM cadence k
CROSS JOIN settings s
LEFT JOIN clients c USING (client_id)
LEFT JOIN (SELECT client_id, reason FROM losses WHERE won_back_date IS NULL) r USING (client_id)
WHERE k.last_purchase + s.lost_days <= s.as_of
ORDER BY round(k.basis, 6) DESC NULLS LAST, k.client_id
