using VoiceHelper.Contracts;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.Ingestion.ManageDeadLetters;

/// <summary>The events this service gave up on, for the tenant's admins: list, replay one, replay all (through the gateway).</summary>
public sealed class ManageDeadLettersEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) => routes.MapEventBusAdmin(ResourceNames.Ingestion);
}
