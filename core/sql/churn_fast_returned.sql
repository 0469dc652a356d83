-- The clients with a known reason whose latest loss dated up to as-of was
-- followed by a purchase, one row each with that loss and its reason
-- (churn_events.sql's columns); the other clients' come from the base's records
-- in numpy (core.churn._returned). Follows churn_losses.sql over the base's reason spans.
, latest AS (
    SELECT client_id, last_purchase, loss_date, value_before_loss, won_back_date, reason
    FROM losses
    QUALIFY row_number() OVER (PARTITION BY client_id ORDER BY loss_date DESC) = 1
)
SELECT client_id, last_purchase, loss_date, value_before_loss, won_back_date, reason
FROM latest
WHERE won_back_date IS NOT NULL
ORDER BY client_id
