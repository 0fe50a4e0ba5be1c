using VoiceHelper.Assistant.QueryRag;
using VoiceHelper.Contracts.Api;
using VoiceHelper.Ai.Text;

namespace VoiceHelper.Assistant.Tests.QueryRag;

public sealed class QueryRagContextTests
{
    private static KnowledgeSearchHit Chunk(string text) => new(Guid.NewGuid(), Guid.NewGuid(), "Doc", Guid.NewGuid(), [], null, 0, text, 1, 0.5, null, null);

    [Fact]
    public void A_long_chunk_is_trimmed_to_the_sentences_about_the_question_and_their_neighbours()
    {
        var filler = string.Join(" ", Enumerable.Range(0, 60).Select(i => $"Our stores in region {i} open at nine."));
        var chunk = Chunk($"{filler} Refunds are issued within 14 days. They go to the original payment method. {filler}");

        var context = QueryRagContext.Build("When are refunds issued?", [(chunk, 0.5)], 1500);

        context.Single().Text.ShouldContain("Refunds are issued within 14 days.");
        context.Single().Text.ShouldContain("They go to the original payment method.");
        TokenEstimate.Count(context.Single().Text).ShouldBeLessThan(TokenEstimate.Count(chunk.Text) / 2);
    }

    [Fact]
    public void When_the_budget_runs_low_later_chunks_are_trimmed_to_their_relevant_sentence_and_numbered_in_rank_order()
    {
        var chunks = Enumerable.Range(0, 10).Select(i => (Chunk($"Refund rule {i}: refunds take {i + 1} days. " + new string('x', 300)), 1.0 - i * 0.1)).ToList();

        var context = QueryRagContext.Build("How long do refunds take?", chunks, 300);

        context.Count.ShouldBeInRange(4, 9);
        context[0].Text.ShouldBe(chunks[0].Item1.Text);
        context[^1].Text.ShouldNotContain("xxx");
        context.Select(c => c.Number).ShouldBe(Enumerable.Range(1, context.Count));
        context.Sum(c => TokenEstimate.Count(c.Text)).ShouldBeLessThanOrEqualTo(300);
        context[0].Chunk.ShouldBe(chunks[0].Item1);
    }

    [Fact]
    public void A_trimmed_chunk_keeps_the_line_breaks_between_its_option_lines()
    {
        var filler = string.Join("\n", Enumerable.Range(0, 60).Select(i => $"-x{i}, --extra-{i}\nDo thing number {i} for the archive."));
        var chunk = Chunk($"{filler}\n-k, --keep\nKeep (don't delete) input files during compression.\n-f, --force\nForce overwrite.");

        var context = QueryRagContext.Build("How do I keep input files?", [(chunk, 0.5)], 1500);

        context.Single().Text.ShouldEndWith("-k, --keep\nKeep (don't delete) input files during compression.\n-f, --force");
    }

    [Fact]
    public void A_trimmed_chunk_keeps_the_option_line_over_a_relevant_description()
    {
        // As cp's manual page: the description shares the question's words, the option line that answers does not.
        var filler = string.Join("\n", Enumerable.Range(0, 60).Select(i => $"-x{i}, --extra-{i}\ndo thing number {i} to the copy"));
        var chunk = Chunk($"{filler}\n-L, --dereference\nalways follow symbolic links in SOURCE\n-n, --no-clobber\ndo not overwrite an existing file (overrides a previous -i option)\n-P, --no-dereference\nnever follow symbolic links in SOURCE");

        var context = QueryRagContext.Build("Which cp option never overwrites an existing file?", [(chunk, 0.5)], 1500);

        context.Single().Text.ShouldContain("-n, --no-clobber\ndo not overwrite an existing file (overrides a previous -i option)");
    }
}
