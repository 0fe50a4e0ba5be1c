using VoiceHelper.Ingestion.Index;

namespace VoiceHelper.Ingestion.Tests.Index;

public sealed class ChunkPostingsTests
{
    [Fact]
    public void Postings_count_stemmed_terms_and_the_chunk_length()
    {
        var postings = ChunkWriter.Postings("Routers route; the router is routing.");
        postings.Terms.ShouldContain(("router", 2));
        postings.Terms.ShouldContain(("rout", 2)); // "route" and "routing"
        postings.Length.ShouldBe(4);
    }

    [Fact]
    public void Very_long_tokens_are_cut_to_fit_the_index()
    {
        var postings = ChunkWriter.Postings(new string('a', 500));
        postings.Terms.Single().Term.Length.ShouldBe(ChunkWriter.MaxTermLength);
    }
}
