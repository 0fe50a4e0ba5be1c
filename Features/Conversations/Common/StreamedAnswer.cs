using System.Text;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Conversations.Common;

/// <summary>
/// An answer the Assistant streams, collected while its events pass on to the asker: the text so far (the final
/// answer once it ends), its sources, metrics and model. A send and a prepared answer read the stream the same way.
/// </summary>
public sealed class StreamedAnswer
{
    public StringBuilder Text { get; } = new();

    public IReadOnlyList<RagSource>? Sources { get; private set; }

    public RagMetrics? Metrics { get; private set; }

    public string? Model { get; private set; }

    /// <summary>
    /// Reads <paramref name="events"/> to its end. Every event but the last goes on to <paramref name="onEvent"/>: the
    /// endpoint ends its own stream with what was stored or prepared instead.
    /// </summary>
    public async Task ReadAsync(IAsyncEnumerable<AssistantStreamEvent> events, Func<AssistantStreamEvent, CancellationToken, Task> onEvent, CancellationToken cancellationToken)
    {
        await foreach (var streamed in events)
        {
            switch (streamed.Kind)
            {
                case RagStreamEvents.Refs:
                    Sources = streamed.Sources;
                    break;
                case RagStreamEvents.Token:
                    Text.Append(streamed.Delta);
                    break;
                case RagStreamEvents.End when streamed.Answer is { } final:
                    (Metrics, Model, Sources) = (final.Metrics, final.Model ?? Model, final.Sources);
                    Text.Clear().Append(final.Answer);
                    continue;
            }
            await onEvent(streamed, cancellationToken);
        }
    }
}
