-- The churn base's losses and spans for the period and reason figures: the
-- clients with a known reason one loss / span per row, with client_id and
-- reason (churn_losses.sql over their spans); everyone else from the grouped
-- spans (table span_groups: day, gap, spans, repeats, value), client_id and reason
-- NULL, weight = the group's number of spans. plain_lost_clients: how many of
-- those others have at least one loss (table cadence). Follows churn_losses.sql.
, weighted_losses AS (
    SELECT client_id, loss_date, won_back_date, 1 AS weight, value_before_loss AS value, reason
    FROM losses
    UNION ALL
    SELECT NULL, g.day + s.lost_days, g.day + g.gap, g.spans, g.value, NULL
    FROM span_groups g, settings s
    WHERE (g.gap IS NULL OR g.gap > s.lost_days) AND g.day + s.lost_days <= s.as_of
),
weighted_spans AS (
    SELECT day, gap, spans, repeats FROM span_groups
    UNION ALL
    SELECT last_purchase, (next_purchase - last_purchase)::INTEGER, 1, (previous_purchase IS NOT NULL)::INTEGER
    FROM spans
),
plain_lost_clients AS (
    -- A client is lost at least once when a gap to a next purchase passes L,
    -- or its last purchase is L or more days before as-of.
    SELECT count(*) AS clients
    FROM cadence k, settings s
    WHERE NOT k.has_reason
      AND (k.longest_gaps[1] > s.lost_days OR k.last_purchase + s.lost_days <= s.as_of)
)
