-- Over all the periods shown (first start, end of the last): the losses and the
-- clients they were, the clients lost more than once (their value before loss is
-- counted at each loss, so the per-period sum can exceed a client's sales), and
-- the win-backs and the clients won back. Follows churn_losses.sql.
, bounds AS (
    SELECT ?::DATE AS first_day, ?::DATE AS end_day
),
lost_in AS (
    SELECT l.client_id FROM losses l, bounds b WHERE l.loss_date >= b.first_day AND l.loss_date < b.end_day
),
won_in AS (
    SELECT l.client_id FROM losses l, bounds b WHERE l.won_back_date >= b.first_day AND l.won_back_date < b.end_day
)
SELECT (SELECT count(*) FROM lost_in) AS losses,
       (SELECT count(DISTINCT client_id) FROM lost_in) AS lost_clients,
       (SELECT count(*) FROM (SELECT client_id FROM lost_in GROUP BY client_id HAVING count(*) > 1)) AS lost_again,
       (SELECT count(*) FROM won_in) AS won_back_events,
       (SELECT count(DISTINCT client_id) FROM won_in) AS won_back_clients
