-- Publishable widget keys: the key is not a secret (it sits in a public page), so it is stored as is; what guards it is
-- the list of page origins it may be used from. A revoked key stays listed (revoked_at) for the audit.
CREATE TABLE widget_keys (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    name text NOT NULL,
    key text NOT NULL,
    allowed_origins text[] NOT NULL,
    key_permits_per_minute integer NOT NULL,
    visitor_permits_per_minute integer NOT NULL,
    created_by uuid NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    revoked_at timestamptz NULL,
    revoked_by uuid NULL REFERENCES users (id)
);
CREATE UNIQUE INDEX widget_keys_key_key ON widget_keys (key);
CREATE INDEX widget_keys_tenant_created_idx ON widget_keys (tenant_id, created_at DESC, id DESC);
