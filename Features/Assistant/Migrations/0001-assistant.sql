-- One row per answered question: what it cost, which model answered, and whether the cache did.
CREATE TABLE IF NOT EXISTS usage_records (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    user_id uuid NULL,
    operation text NOT NULL,
    provider text NOT NULL,
    model text NOT NULL,
    prompt_tokens integer NOT NULL,
    completion_tokens integer NOT NULL,
    cost_usd numeric(18, 8) NOT NULL,
    latency_ms integer NOT NULL,
    cache_hit boolean NOT NULL,
    fallback_used boolean NOT NULL,
    recorded_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS usage_records_tenant_time ON usage_records (tenant_id, recorded_at);
