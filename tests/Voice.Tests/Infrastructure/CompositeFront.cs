using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace VoiceHelper.Voice.Tests.Infrastructure;

/// <summary>Several stand-in fronts on the voice worker's origin, in order.</summary>
public sealed class CompositeFront(params IStartupFilter[] fronts) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
        fronts.Reverse().Aggregate(next, (inner, front) => front.Configure(inner));
}
