-- Clients lost at the as-of date: their latest loss is not won back.
SELECT l.client_id, c.client_name, l.last_purchase, l.loss_date,
       (s.as_of - l.last_purchase)::INTEGER AS days_since,
       l.value_before_loss, c.manager, c.region, c.segment, l.reason
FROM losses l
CROSS JOIN settings s
LEFT JOIN clients c USING (client_id)
WHERE l.won_back_date IS NULL
ORDER BY round(l.value_before_loss, 6) DESC NULLS LAST, l.client_id
