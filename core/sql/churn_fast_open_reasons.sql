-- The reason of each client's loss not won back (at most one: its latest), for
-- the clients with a known reason. Follows churn_losses.sql over the base's reason spans.
SELECT client_id, reason FROM losses WHERE won_back_date IS NULL
