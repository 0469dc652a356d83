-- The losses and spans as the period and reason figures read them, one row per
-- loss and per span (weight 1). The churn base's twin, core.churn._FromBase,
-- gives the same figures from grouped spans in numpy. Follows churn_losses.sql.
, weighted_losses AS (
    SELECT client_id, loss_date, won_back_date, 1 AS weight, value_before_loss AS value, reason
    FROM losses
),
weighted_spans AS (
    SELECT last_purchase AS day, (next_purchase - last_purchase)::INTEGER AS gap,
           1 AS spans, (previous_purchase IS NOT NULL)::INTEGER AS repeats
    FROM spans
)
