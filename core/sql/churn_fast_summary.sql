-- churn_summary.sql from the churn base. The losses and win-backs are summed
-- from weighted_losses within the bounds; the clients lost (once, more than
-- once) and won back are counted from cadence without them, since every loss
-- is dated between the first day + L and as-of, inside the periods shown, and
-- every win-back between the loss and the cutoff. Follows churn_fast_weighted.sql.
, bounds AS (
    SELECT ?::DATE AS first_day, ?::DATE AS end_day
)
SELECT coalesce((SELECT sum(l.weight) FROM weighted_losses l, bounds b
                 WHERE l.loss_date >= b.first_day AND l.loss_date < b.end_day), 0)::BIGINT AS losses,
       (SELECT count(*) FROM cadence k, settings s
        WHERE k.longest_gaps[1] > s.lost_days OR k.last_purchase + s.lost_days <= s.as_of) AS lost_clients,
       (SELECT count(*) FROM cadence k, settings s
        WHERE k.longest_gaps[2] > s.lost_days
           OR (k.longest_gaps[1] > s.lost_days AND k.last_purchase + s.lost_days <= s.as_of)) AS lost_again,
       coalesce((SELECT sum(l.weight) FROM weighted_losses l, bounds b
                 WHERE l.won_back_date >= b.first_day AND l.won_back_date < b.end_day), 0)::BIGINT AS won_back_events,
       (SELECT count(*) FROM cadence k, settings s WHERE k.longest_gaps[1] > s.lost_days) AS won_back_clients
