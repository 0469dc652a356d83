-- The churn base's spans of the clients with a known reason, one by one (their
-- losses are matched to reasons at each L by churn_losses.sql).
-- Follows churn_spans.sql (or its stored twin) and churn_reason_clients.sql.
SELECT sp.client_id, sp.last_purchase, sp.previous_purchase, sp.next_purchase, sp.value_365
FROM spans sp
SEMI JOIN reason_clients r ON sp.client_id = r.client_id
