-- The sliding-window rate limit in one round trip instead of a six-statement transaction: under
-- load the app's votes waited for pooled connections to start that transaction. A volatile
-- PL/pgSQL function runs each statement with a fresh snapshot, so after the advisory lock it sees
-- every event committed by the previous holder, as the transaction did.
-- Returns 0 when the event was counted, else the seconds until the oldest counted event leaves the window.
CREATE FUNCTION consume_rate_limit(p_key text, p_limit integer, p_window_ms bigint, p_now timestamp(3))
RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  window_start timestamp(3) := p_now - make_interval(secs => p_window_ms / 1000.0);
  recent integer;
  oldest timestamp(3);
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_key, 0));
  DELETE FROM "RateLimitEvent" WHERE key = p_key AND "createdAt" <= window_start;
  SELECT count(*), min("createdAt") INTO recent, oldest FROM "RateLimitEvent" WHERE key = p_key AND "createdAt" > window_start;
  IF recent >= p_limit THEN
    RETURN greatest(1, ceil(extract(epoch FROM (oldest + make_interval(secs => p_window_ms / 1000.0) - p_now))))::integer;
  END IF;
  INSERT INTO "RateLimitEvent" (key, "createdAt") VALUES (p_key, p_now);
  RETURN 0;
END
$$;
