using Npgsql;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>
/// The pool of the shared bus database (<c>eventsdb</c>). Wrapped in its own type so it never collides with
/// the <see cref="NpgsqlDataSource"/> a service registers for its own database.
/// </summary>
internal sealed class BusDataSource(string connectionString) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = new NpgsqlDataSourceBuilder(connectionString) { Name = "eventsdb" }.Build();

    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        DataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
