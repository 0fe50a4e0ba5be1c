-- The agent's per-tenant network allow-list: hosts http_get and MCP servers may reach. allow_private lets a host resolve
-- to a private, loopback or link-local address (an intranet service); without it such an address is refused.
CREATE TABLE IF NOT EXISTS agent_allowed_hosts (
    tenant_id uuid NOT NULL,
    host text NOT NULL,
    allow_private boolean NOT NULL,
    PRIMARY KEY (tenant_id, host)
);

-- MCP servers a tenant registered; their tools are offered to the agent as <name>__<tool>.
CREATE TABLE IF NOT EXISTS agent_mcp_servers (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    name text NOT NULL,
    url text NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (tenant_id, name)
);
