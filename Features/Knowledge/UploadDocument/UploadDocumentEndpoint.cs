using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Knowledge.UploadDocument;

public sealed class UploadDocumentEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes)
    {
        // The one upload limit, as endpoint metadata: routing applies it before any middleware (idempotency) reads the
        // body, and ServiceDefaults answers a larger body with 413 payload_too_large. The form reader gets the same number.
        var limit = routes.ServiceProvider.GetRequiredService<IOptions<KnowledgeOptions>>().Value.MaxUploadBytes;
        routes.MapPost("/api/v1/knowledge/bases/{kb_id:guid}/documents", UploadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithFormOptions(multipartBodyLengthLimit: limit)
            // Callers authenticate with a bearer token, never a cookie, so there is no cross-site form post to guard against.
            .DisableAntiforgery()
            .WithName("UploadDocument")
            .WithTags("Documents")
            .WithSummary("Uploads a document (txt, md, html, pdf, docx; type read from the content) for ingestion.")
            .WithDescription("Answers 202 with status pending once the original is stored; 200 with duplicate=true when identical content already exists; "
                + "a file with the same name as an existing document becomes its new version. Poll GET /api/v1/knowledge/documents/{id}.")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<Results<Accepted<UploadDocumentResponse>, Ok<UploadDocumentResponse>, ProblemHttpResult>> UploadAsync(
        Guid kb_id, [AsParameters] UploadDocumentForm form, IMediator mediator, CancellationToken ct)
    {
        var content = new byte[form.File.Length];
        await using (var stream = form.File.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }
        var result = await mediator.Send(new UploadDocumentRequest(kb_id, form.File.FileName, content, form.Metadata, form.Title), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }
        return result.Value!.Duplicate
            ? TypedResults.Ok(result.Value)
            : TypedResults.Accepted($"/api/v1/knowledge/documents/{result.Value.DocumentId}", result.Value);
    }
}
