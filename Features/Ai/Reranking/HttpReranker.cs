using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace VoiceHelper.Ai.Reranking;

/// <summary>
/// A Cohere-style <c>POST {endpoint}/rerank {model, query, documents, top_n}</c> answering
/// <c>{results: [{index, relevance_score}]}</c>, which Jina, vLLM, TEI and LocalAI also speak.
/// </summary>
public sealed class HttpReranker(HttpClient http, IOptions<RerankingOptions> options) : IReranker
{
    public string Name => "http";

    public async Task<IReadOnlyList<RerankResult>> RerankAsync(string query, IReadOnlyList<string> documents, int topN,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Endpoint!.ToString().TrimEnd('/') + "/rerank"))
        {
            Content = JsonContent.Create(new HttpRerankRequest(settings.Model, query, documents, topN)),
        };
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }
        using var response = await http.SendAsync(request, timeout.Token);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<HttpRerankResponse>(timeout.Token)
            ?? throw new InvalidOperationException("The rerank endpoint answered an empty body.");
        return body.Results
            .Where(r => r.Index >= 0 && r.Index < documents.Count)
            .OrderByDescending(r => r.RelevanceScore)
            .Take(topN)
            .Select(r => new RerankResult(r.Index, r.RelevanceScore))
            .ToList();
    }
}

internal sealed record HttpRerankRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("documents")] IReadOnlyList<string> Documents,
    [property: JsonPropertyName("top_n")] int TopN);

internal sealed record HttpRerankResponse([property: JsonPropertyName("results")] List<HttpRerankItem> Results);

internal sealed record HttpRerankItem(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("relevance_score")] double RelevanceScore);
