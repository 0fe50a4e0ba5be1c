using System.Threading.Channels;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>
/// An auto-reset wake-up: any number of signals while the loop is busy collapse into one, so a notification
/// that arrives during a poll is never lost and never queues up work.
/// </summary>
internal sealed class WakeSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Set() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when signalled or after <paramref name="timeout"/>; throws only when <paramref name="cancellationToken"/> fires.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval elapsed: the caller looks for work anyway.
        }
    }
}
