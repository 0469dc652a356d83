-- Each client's purchase days up to the cutoff, from the spans: the last one,
-- how many, the median gap between consecutive ones, the basis of the 365 days
-- ending on the last, and its two longest gaps to a next purchase (a list,
-- longest first: the churn base counts clients lost once or more from it).
-- Follows churn_spans.sql (or its stored twin). Needs spans.
, cadence AS (
    SELECT client_id,
           max(last_purchase) AS last_purchase,
           count(*) AS purchase_days,
           median(last_purchase - previous_purchase) AS median_gap_days,
           arg_max(value_365, last_purchase) AS basis,
           max((next_purchase - last_purchase)::INTEGER, 2) AS longest_gaps
    FROM spans
    GROUP BY client_id
)
