-- The client_periods CTE (kept_periods.sql) from the
-- filtered days: each client's basis (and its revenue and margin) per period with a
-- line and its last day with a line, from the earliest window's first day up to the
-- as-of date, the clients to leave out left out.
-- Values: as-of, first day of the earliest window, clients to leave out (list).
client_periods AS (
    SELECT client_id, CAST(date_trunc('{period}', date) AS DATE) AS period_start,
           sum({basis}) AS basis, sum(revenue) AS revenue, sum(margin) AS margin, max(date) AS last_date
    FROM d
    WHERE date <= ? AND date >= ? AND NOT list_contains(CAST(? AS VARCHAR[]), client_id)
    GROUP BY client_id, period_start
)
