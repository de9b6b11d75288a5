-- The trace the application's pipeline messages carry: the fields the tracer's propagator wrote for the span of the
-- request that brought the application in (W3C traceparent, and tracestate or baggage if the channel sent them), as
-- a JSON object. The outbox relay extracts it for each message of the application (outbox/OutboxRelay); trace_id stays
-- what GET /api/v1/applications/{id} shows.
alter table application add column trace_context jsonb;
