-- The losses of the clients with a known reason (churn_losses.sql over the base's
-- reason spans), their value in ten-thousandths of the money unit (0 for no value,
-- null when it would not fit in 64 bits), for the period and reason figures
-- core.churn sums in numpy beside the other clients' span groups.
SELECT client_id, loss_date, won_back_date,
       coalesce(TRY_CAST(value_before_loss * 10000 AS BIGINT), CASE WHEN value_before_loss IS NULL THEN 0 END) AS units,
       reason
FROM losses
