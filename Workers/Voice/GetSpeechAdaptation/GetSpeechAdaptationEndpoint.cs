using Microsoft.AspNetCore.Http.HttpResults;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Voice.Common;

namespace VoiceHelper.Voice.GetSpeechAdaptation;

/// <summary>
/// <c>GET /api/v1/voice/adaptations/{kb_id}</c>: whether calls over the knowledge base use a recogniser adapted to it
/// (<c>status</c>, <c>built_at</c>, <c>terms</c>, <c>error</c>). A knowledge base with no adaptation, or another
/// tenant's, is 404.
/// </summary>
public sealed class GetSpeechAdaptationEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/voice/adaptations/{kb_id:guid}", Get)
            .WithName("GetSpeechAdaptation")
            .WithTags("Voice")
            .WithSummary("The speech recognition adaptation of a knowledge base.")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static Results<Ok<SpeechAdaptationStatus>, ProblemHttpResult> Get(Guid kb_id, ITenantContext caller, SpeechAdaptations adaptations) =>
        adaptations.Status(caller.TenantId!.Value, kb_id) is { } status
            ? TypedResults.Ok(status)
            : new Error("adaptation_not_found", StatusCodes.Status404NotFound, "This knowledge base has no speech adaptation.").ToProblem();
}
