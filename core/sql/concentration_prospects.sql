-- Suggested prospects: clients whose first line in the whole store falls after
-- as-of minus N months (and on or before as-of), ranked by revenue up to as-of
-- under the filters; the first ceil(n * top share) of the n new clients with a
-- positive revenue are suggested. {daily}: filtered daily fragment.
-- Values: filter values, as-of, as-of, months, top share (percent).
WITH d AS ({daily}),
first_purchase AS (
    SELECT client_id, min(date) AS first_date FROM daily GROUP BY client_id
),
new_clients AS (
    SELECT d.client_id, f.first_date, sum(d.revenue) AS revenue
    FROM d JOIN first_purchase AS f USING (client_id)
    WHERE d.date <= ? AND f.first_date > CAST(CAST(? AS DATE) - to_months(CAST(? AS INTEGER)) AS DATE)
    GROUP BY ALL
    HAVING sum(d.revenue) > 0
),
ranked AS (
    SELECT *, row_number() OVER (ORDER BY round(revenue, 6) DESC, client_id) AS rank, count(*) OVER () AS n
    FROM new_clients
)
SELECT r.client_id, c.client_name, r.first_date, r.revenue, r.rank,
       EXISTS (SELECT 1 FROM client_tags AS t WHERE t.client_id = r.client_id AND t.kind = 'prospect')
           AS confirmed
FROM ranked AS r
LEFT JOIN clients AS c USING (client_id)
-- the tolerance keeps 15 x 20 % at 3 clients despite floating point
WHERE r.rank <= ceil(r.n * CAST(? AS DOUBLE) / 100 - 1e-9)
ORDER BY r.rank;
