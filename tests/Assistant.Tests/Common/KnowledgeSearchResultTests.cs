using System.Text.Json;
using VoiceHelper.Assistant.Common;

namespace VoiceHelper.Assistant.Tests.Common;

public sealed class KnowledgeSearchResultTests
{
    [Fact]
    public void Knowledges_search_answer_is_read_with_its_keyword_fallback()
    {
        var chunk = Guid.NewGuid();
        var document = Guid.NewGuid();
        var json = $$$"""
            {"query":"q","mode":"hybrid","effective_mode":"keyword","fallback_reason":"vector search failed","took_ms":3.2,
             "results":[{"chunk_id":"{{{chunk}}}","document_id":"{{{document}}}","document_title":"Returns","knowledge_base_id":"{{{Guid.NewGuid()}}}",
               "heading_path":["Returns and refunds","Return window"],"page":2,"text":"You can return...","rank":1,"score":0.016,
               "vector":null,"keyword":{"rank":1,"score":7.5}}]}
            """;

        var result = KnowledgeSearchResult.Parse(JsonDocument.Parse(json).RootElement);

        result.KeywordFallback.ShouldBeTrue();
        var hit = result.Chunks.Single();
        hit.ChunkId.ShouldBe(chunk);
        hit.DocumentId.ShouldBe(document);
        hit.Title.ShouldBe("Returns");
        hit.HeadingPath.ShouldBe("Returns and refunds > Return window");
        hit.Page.ShouldBe(2);
        hit.Score.ShouldBe(0.016);
    }

    [Fact]
    public void A_hybrid_answer_without_fallback_is_not_reported_as_degraded() =>
        KnowledgeSearchResult.Parse(JsonDocument.Parse("""{"mode":"hybrid","effective_mode":"hybrid","fallback_reason":null,"results":[]}""").RootElement)
            .KeywordFallback.ShouldBeFalse();
}
