using MediatR;
using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>
/// The question as the endpoint received it, and whether the answer is streamed to the caller. The answer is the
/// pipeline's events, produced while they are read; expected failures come as a <see cref="QueryRagFailed"/> event.
/// </summary>
public sealed record QueryRagRequest(RagQueryRequest Question, bool Streamed = false) : IRequest<Result<IAsyncEnumerable<QueryRagEvent>>>;
