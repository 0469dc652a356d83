-- Per period: losses dated in it, their value before loss, win-backs dated in
-- it, and the clients active at its first day (bought before the period and
-- not lost on that day). Reads weighted_losses and weighted_spans
-- (churn_weighted.sql; core.churn._FromBase.periods is the churn base's numpy
-- twin). The period starts and ends are bound as lists (?).
, periods AS (
    SELECT unnest(?::DATE[]) AS period_start, unnest(?::DATE[]) AS period_end
),
active_spans AS (
    -- The days a span keeps its client active: from the purchase until the
    -- next purchase or the loss, whichever comes first (always after the purchase).
    SELECT w.day, w.spans, w.repeats,
           least(coalesce(w.day + w.gap, DATE '9999-12-31'), w.day + s.lost_days) AS active_until
    FROM weighted_spans w, settings s
),
span_starts AS (
    SELECT day, sum(spans) AS spans, sum(repeats) AS repeat_spans
    FROM active_spans
    GROUP BY day
),
span_ends AS (
    SELECT active_until AS day, sum(spans) AS spans
    FROM active_spans
    GROUP BY active_until
),
active AS (
    -- Active on the period's first day p: the spans with purchase < p <
    -- active_until (those begun before p less those ended by p, since a span
    -- ends after it begins), plus the spans whose purchase is on p itself and
    -- follows an earlier purchase. Counted per day, so the cost does not grow
    -- with spans x periods.
    SELECT p.period_start,
           (coalesce((SELECT sum(st.spans) FROM span_starts st WHERE st.day < p.period_start), 0)
            - coalesce((SELECT sum(en.spans) FROM span_ends en WHERE en.day <= p.period_start), 0)
            + coalesce((SELECT sum(st.repeat_spans) FROM span_starts st WHERE st.day = p.period_start), 0)
           )::BIGINT AS active_start
    FROM periods p
),
lost AS (
    SELECT p.period_start, sum(l.weight)::BIGINT AS lost, sum(l.value) AS lost_value
    FROM periods p JOIN weighted_losses l ON l.loss_date >= p.period_start AND l.loss_date < p.period_end
    GROUP BY p.period_start
),
won AS (
    SELECT p.period_start, sum(l.weight)::BIGINT AS won_back
    FROM periods p JOIN weighted_losses l ON l.won_back_date >= p.period_start AND l.won_back_date < p.period_end
    GROUP BY p.period_start
)
SELECT p.period_start,
       coalesce(lost.lost, 0) AS lost,
       coalesce(lost.lost_value, 0) AS lost_value,
       coalesce(active.active_start, 0) AS active_start,
       coalesce(won.won_back, 0) AS won_back
FROM periods p
LEFT JOIN lost USING (period_start)
LEFT JOIN active USING (period_start)
LEFT JOIN won USING (period_start)
ORDER BY p.period_start
