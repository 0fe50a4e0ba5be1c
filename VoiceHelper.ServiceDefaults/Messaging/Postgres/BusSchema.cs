namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>
/// The log in the bus database. Kafka maps one to one: a topic has numbered partitions, a partition is an
/// append-only sequence of events with dense offsets, a consumer group commits one offset per partition and
/// holds a lease on the partitions it consumes. SQL lives here, not in a migration, because every service
/// shares this database and none of them owns its migrations.
/// </summary>
internal sealed class BusSchema(BusDataSource bus)
{
    private const long LockKey = 0x6275_735F_7363_6865; // "bus_sche"

    private const string Sql = """
        CREATE TABLE IF NOT EXISTS bus_topics (
            topic       text PRIMARY KEY,
            partitions  int NOT NULL,
            created_at  timestamptz NOT NULL DEFAULT now());
        CREATE TABLE IF NOT EXISTS bus_partitions (
            topic       text NOT NULL REFERENCES bus_topics (topic),
            partition   int NOT NULL,
            next_offset bigint NOT NULL DEFAULT 0,
            PRIMARY KEY (topic, partition));
        CREATE TABLE IF NOT EXISTS bus_events (
            topic          text NOT NULL,
            partition      int NOT NULL,
            event_offset   bigint NOT NULL,
            event_id       uuid NOT NULL,
            key            text NOT NULL,
            type           text NOT NULL,
            tenant_id      uuid NOT NULL,
            occurred_at    timestamptz NOT NULL,
            appended_at    timestamptz NOT NULL DEFAULT now(),
            traceparent    text,
            schema_version int NOT NULL,
            payload        jsonb NOT NULL,
            target_group   text,
            PRIMARY KEY (topic, partition, event_offset));
        CREATE INDEX IF NOT EXISTS bus_events_appended_at ON bus_events (appended_at);
        CREATE TABLE IF NOT EXISTS bus_consumer_offsets (
            group_name       text NOT NULL,
            topic            text NOT NULL,
            partition        int NOT NULL,
            committed_offset bigint NOT NULL DEFAULT 0,
            lease_owner      uuid,
            lease_expires_at timestamptz,
            updated_at       timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (group_name, topic, partition));
        CREATE TABLE IF NOT EXISTS bus_group_members (
            group_name   text NOT NULL,
            member_id    uuid NOT NULL,
            heartbeat_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (group_name, member_id));
        CREATE TABLE IF NOT EXISTS bus_inbox (
            group_name   text NOT NULL,
            event_id     uuid NOT NULL,
            processed_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (group_name, event_id));
        CREATE INDEX IF NOT EXISTS bus_inbox_processed_at ON bus_inbox (processed_at);
        CREATE TABLE IF NOT EXISTS bus_dead_letters (
            id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            group_name     text NOT NULL,
            topic          text NOT NULL,
            partition      int NOT NULL,
            event_offset   bigint NOT NULL,
            event_id       uuid NOT NULL,
            key            text NOT NULL,
            type           text NOT NULL,
            tenant_id      uuid NOT NULL,
            occurred_at    timestamptz NOT NULL,
            traceparent    text,
            schema_version int NOT NULL,
            payload        jsonb NOT NULL,
            error          text NOT NULL,
            attempts       int NOT NULL,
            dead_at        timestamptz NOT NULL DEFAULT now(),
            replayed_at    timestamptz);
        CREATE INDEX IF NOT EXISTS bus_dead_letters_tenant ON bus_dead_letters (tenant_id, id DESC);
        """;

    private readonly SchemaInstaller _installer = new(bus.DataSource, Sql, LockKey);

    public Task EnsureAsync(CancellationToken cancellationToken) => _installer.EnsureAsync(cancellationToken);
}
