-- The clients with any known loss reason (recorded in the app, a reasons file
-- or an uploaded column): the ones churn_losses.sql can give a reason to. The
-- churn base keeps their spans one by one and groups everyone else's.
, reason_clients AS (
    SELECT client_id FROM loss_reasons
    UNION
    SELECT client_id FROM lines WHERE loss_reason IS NOT NULL AND trim(loss_reason) <> ''
)
