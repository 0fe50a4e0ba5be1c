using System.Text.Json.Serialization;
using MediatR;
using VoiceHelper.Contracts;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.QueryRag;

public sealed record QueryRagRequest(
    string Query,
    IReadOnlyList<Guid>? KbIds,
    int? TopK = null,
    bool UseCache = true,
    bool UseRerank = true,
    bool UseSelfRag = true,
    bool Stream = false,
    IReadOnlyList<QueryRagTurn>? History = null) : IRequest<Result<QueryRagResponse>>
{
    /// <summary>Whatever window Conversations may send: a conversation configured at its maximum must not be refused here.</summary>
    public const int MaxHistoryMessages = ConversationLimits.MaxHistoryMessages;

    public const int MaxQueryLength = 2000;
    public const int DefaultTopK = 5;

    /// <summary>Set by the endpoint when the client asked for a stream.</summary>
    [JsonIgnore] public IQueryRagStream? Sink { get; init; }
}
