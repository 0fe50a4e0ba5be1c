-- The model router: each tenant's own models, its routing strategy and monthly budget, and its A/B tests.
CREATE TABLE IF NOT EXISTS tenant_models (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    name text NOT NULL,
    provider text NOT NULL,
    endpoint text NULL,
    model text NULL,
    api_key text NULL,
    input_price_per1k numeric(18, 8) NOT NULL,
    output_price_per1k numeric(18, 8) NOT NULL,
    context_window integer NOT NULL,
    quality_tier integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT tenant_models_name UNIQUE (tenant_id, name)
);

-- One row per tenant that set a strategy or a budget.
CREATE TABLE IF NOT EXISTS router_settings (
    tenant_id uuid PRIMARY KEY,
    strategy text NULL,
    monthly_budget_usd numeric(18, 8) NULL,
    soft_limit_ratio numeric(5, 4) NOT NULL DEFAULT 0.8,
    updated_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS ab_tests (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    name text NOT NULL,
    status text NOT NULL,
    variants_json jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    started_at timestamptz NULL,
    stopped_at timestamptz NULL
);

-- At most one running test per tenant: a request is in one experiment, so its results are not confounded.
CREATE UNIQUE INDEX IF NOT EXISTS ab_tests_one_running ON ab_tests (tenant_id) WHERE status = 'running';

-- One row per answer given under a test.
CREATE TABLE IF NOT EXISTS ab_test_outcomes (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    test_id uuid NOT NULL,
    variant text NOT NULL,
    user_id uuid NULL,
    conversation_id uuid NULL,
    model text NOT NULL,
    success boolean NOT NULL,
    fallback_used boolean NOT NULL,
    latency_ms integer NOT NULL,
    tokens integer NOT NULL,
    cost_usd numeric(18, 8) NOT NULL,
    recorded_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS ab_test_outcomes_test ON ab_test_outcomes (test_id, variant);
CREATE INDEX IF NOT EXISTS ab_test_outcomes_conversation ON ab_test_outcomes (tenant_id, conversation_id, recorded_at) WHERE conversation_id IS NOT NULL;

-- Ratings of answers given under a test (from Conversations' feedback events); a second vote replaces the first.
CREATE TABLE IF NOT EXISTS ab_test_feedback (
    tenant_id uuid NOT NULL,
    test_id uuid NOT NULL,
    message_id uuid NOT NULL,
    user_id uuid NOT NULL,
    variant text NOT NULL,
    rating text NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (test_id, message_id, user_id)
);
