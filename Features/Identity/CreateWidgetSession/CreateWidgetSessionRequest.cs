using System.Text.Json.Serialization;
using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.CreateWidgetSession;

/// <param name="Key">The publishable widget key (<c>vhw_...</c>) from the page's script tag.</param>
/// <param name="VisitorId">The id the widget keeps in the browser's storage; omitted on a first visit, and a new one is returned.</param>
public sealed record CreateWidgetSessionRequest(string Key, string? VisitorId = null) : IRequest<Result<CreateWidgetSessionResponse>>
{
    /// <summary>The request's <c>Origin</c> header: the page the widget runs in, as the browser tells it.</summary>
    [JsonIgnore] public string? PageOrigin { get; init; }
}
