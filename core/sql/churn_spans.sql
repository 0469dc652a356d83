-- The start of every churn query: the settings, the filtered purchase days and
-- one "span" per purchase day (that day, the one before, the one after, the
-- basis of the 365 days ending on it). churn_losses.sql follows it.
-- {filtered} is core.analysis.filtered_daily(); {basis} is a whitelisted column.
-- Bound values, in order: as_of, lost_days, risk_k, the built-in reasons' labels
-- and their codes (core.reasons.builtin_aliases), then the filter values.
WITH settings AS (
    SELECT ?::DATE AS as_of, ?::INTEGER AS lost_days, ?::DOUBLE AS risk_k,
           ?::VARCHAR[] AS reason_labels, ?::VARCHAR[] AS reason_codes
),
filtered AS ({filtered}),
days AS (
    -- A purchase day is any day with a line, whatever its amount.
    SELECT f.client_id, f.date, sum(f.{basis}) AS value
    FROM filtered f, settings s
    WHERE f.date <= s.as_of
    GROUP BY f.client_id, f.date
),
spans AS (
    SELECT client_id,
           date AS last_purchase,
           lag(date) OVER by_day AS previous_purchase,
           lead(date) OVER by_day AS next_purchase,
           -- 365 calendar days ending on (and including) this purchase day; a
           -- RANGE frame over day numbers is much faster than over DATE + INTERVAL.
           sum(value) OVER (by_day RANGE BETWEEN 364 PRECEDING AND CURRENT ROW) AS value_365
    FROM (SELECT *, date - DATE '2000-01-01' AS day_number FROM days)
    WINDOW by_day AS (PARTITION BY client_id ORDER BY day_number)
)
