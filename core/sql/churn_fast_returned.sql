-- The clients whose latest loss dated up to as-of was followed by a purchase, one
-- row each with that loss (churn_events.sql's columns), from the churn base: for
-- the clients without a known reason, their latest record (churn_base_records.sql)
-- with a gap over L, provided their last purchase is not itself a loss yet (which
-- would be later and not won back); for the clients with one, their latest loss
-- among the losses churn_losses.sql finds in their spans, with its reason.
-- Follows churn_losses.sql over the base's reason spans; reads records and cadence.
, latest AS (
    SELECT r.client_id, r.last_purchase, r.last_purchase + s.lost_days AS loss_date,
           r.value_365 AS value_before_loss, r.next_purchase AS won_back_date, NULL::VARCHAR AS reason
    FROM records r
    JOIN cadence k ON k.client_id = r.client_id
    CROSS JOIN settings s
    WHERE r.gap > s.lost_days AND k.last_purchase + s.lost_days > s.as_of
    QUALIFY row_number() OVER (PARTITION BY r.client_id ORDER BY r.last_purchase DESC) = 1
    UNION ALL
    SELECT client_id, last_purchase, loss_date, value_before_loss, won_back_date, reason
    FROM losses
    QUALIFY row_number() OVER (PARTITION BY client_id ORDER BY loss_date DESC) = 1
)
SELECT client_id, last_purchase, loss_date, value_before_loss, won_back_date, reason
FROM latest
WHERE won_back_date IS NOT NULL
ORDER BY client_id
