-- The churn base's per-client table: churn_cadence.sql, and whether the client
-- has a known reason. Follows churn_spans.sql (or its stored twin),
-- churn_reason_clients.sql and churn_cadence.sql.
SELECT k.*, k.client_id IN (SELECT client_id FROM reason_clients) AS has_reason
FROM cadence k
