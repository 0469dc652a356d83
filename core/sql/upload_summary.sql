-- What a person checks against their ERP after an upload.
SELECT count(*), count(DISTINCT client_id), min(date), max(date), sum(amount), sum(margin),
       coalesce(-sum(amount) FILTER (WHERE amount < 0) / nullif(sum(amount) FILTER (WHERE amount > 0), 0), 0)
FROM {checked}
WHERE reason IS NULL
