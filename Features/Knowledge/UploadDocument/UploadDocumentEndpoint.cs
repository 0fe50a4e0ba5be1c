using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Knowledge.UploadDocument;

public sealed class UploadDocumentEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        // The size limit as endpoint metadata is applied at routing, before any middleware (idempotency) reads the body.
        routes.MapPost("/api/v1/knowledge/bases/{kb_id:guid}/documents", async (Guid kb_id, HttpRequest http, IMediator mediator,
                IOptions<KnowledgeOptions> options, CancellationToken ct) =>
            {
                var max = options.Value.MaxUploadBytes;
                // ServiceDefaults caps every body at 1 MB; uploads alone may be as large as the configured limit.
                if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = max + ApplicationServices.UploadEnvelopeBytes;
                }
                if (http.ContentLength > max + ApplicationServices.UploadEnvelopeBytes)
                {
                    return KnowledgeErrors.TooLarge(max).ToProblem();
                }
                if (!http.HasFormContentType)
                {
                    return new Error("unsupported_media_type", 415, "Send the file as multipart/form-data in the field 'file'.").ToProblem();
                }
                var form = await http.ReadFormAsync(ct);
                if (form.Files.GetFile("file") is not { } file)
                {
                    return Error.Validation(new Dictionary<string, string[]> { ["file"] = ["A file is required."] }).ToProblem();
                }
                if (file.Length > max)
                {
                    return KnowledgeErrors.TooLarge(max).ToProblem();
                }
                var content = new byte[file.Length];
                await using (var stream = file.OpenReadStream())
                {
                    await stream.ReadExactlyAsync(content, ct);
                }
                var result = await mediator.Send(new UploadDocumentRequest(kb_id, file.FileName, content, form["metadata"], form["title"]), ct);
                return result.ToHttpResult(upload => upload.Duplicate
                    ? TypedResults.Ok(upload)
                    : TypedResults.Accepted($"/api/v1/knowledge/documents/{upload.DocumentId}", upload));
            })
            .WithMetadata(new RequestSizeLimitAttribute(
                routes.ServiceProvider.GetRequiredService<IOptions<KnowledgeOptions>>().Value.MaxUploadBytes + ApplicationServices.UploadEnvelopeBytes))
            .WithName("UploadDocument")
            .WithTags("Documents")
            .WithSummary("Uploads a document (txt, md, html, pdf, docx; type read from the content) for ingestion.")
            .WithDescription("Answers 202 with status pending once the original is stored; 200 with duplicate=true when identical content already exists; "
                + "a file with the same name as an existing document becomes its new version. Poll GET /api/v1/knowledge/documents/{id}.")
            .RequireAuthorization(Policies.Authenticated)
            .Accepts<UploadDocumentForm>("multipart/form-data")
            .Produces<UploadDocumentResponse>(StatusCodes.Status202Accepted)
            .Produces<UploadDocumentResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
