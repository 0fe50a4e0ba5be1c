using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceHelper.ServiceDefaults.Problems;

/// <summary>Writes a ProblemDetails response from middleware, where there is no endpoint result to return.</summary>
public static class ProblemWriter
{
    public static async Task WriteAsync(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = ProblemResults.TitleFor(status), Detail = detail };
        problem.Extensions[ProblemResults.CodeKey] = code;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
