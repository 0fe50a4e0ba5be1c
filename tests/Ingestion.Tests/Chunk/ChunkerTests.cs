using VoiceHelper.Ingestion.Chunk;
using VoiceHelper.Ingestion.Parse;

namespace VoiceHelper.Ingestion.Tests.Chunk;

public sealed class ChunkerTests
{
    [Fact]
    public void Sentences_are_never_cut_and_chunks_stay_within_the_target()
    {
        var text = string.Join(' ', Enumerable.Range(1, 100).Select(i => $"This is sentence number {i} of the text."));
        var chunks = Chunker.Split([new ParsedBlock(text)], chunkSize: 40, overlap: 8);
        chunks.Count.ShouldBeGreaterThan(10);
        foreach (var chunk in chunks)
        {
            chunk.TokenCount.ShouldBeLessThanOrEqualTo(40);
            chunk.Text.ShouldStartWith("This is sentence");
            chunk.Text.ShouldEndWith("of the text.");
        }
    }

    [Fact]
    public void Consecutive_chunks_overlap_by_whole_sentences()
    {
        var text = string.Join(' ', Enumerable.Range(1, 20).Select(i => $"Sentence {i} here."));
        var chunks = Chunker.Split([new ParsedBlock(text)], chunkSize: 12, overlap: 3);
        chunks[1].Text.ShouldStartWith("Sentence 4 here.");
        chunks[0].Text.ShouldEndWith("Sentence 4 here.");
    }

    [Fact]
    public void Headings_close_chunks_and_give_their_path()
    {
        var blocks = new[]
        {
            new ParsedBlock("Manual", 1), new ParsedBlock("Intro text."),
            new ParsedBlock("Install", 2), new ParsedBlock("Install text."),
            new ParsedBlock("Linux", 3), new ParsedBlock("Linux text."),
            new ParsedBlock("Usage", 2), new ParsedBlock("Usage text."),
        };
        var chunks = Chunker.Split(blocks, 400, 50);
        chunks.Select(c => (c.Text, string.Join('/', c.HeadingPath))).ShouldBe([
            ("Intro text.", "Manual"), ("Install text.", "Manual/Install"), ("Linux text.", "Manual/Install/Linux"), ("Usage text.", "Manual/Usage"),
        ]);
        chunks[2].IndexText.ShouldBe("Manual > Install > Linux\nLinux text.");
    }

    [Fact]
    public void Chinese_chunks_end_at_sentence_punctuation_and_join_without_spaces()
    {
        var text = string.Concat(Enumerable.Repeat("这是一个测试句子。", 30));
        var chunks = Chunker.Split([new ParsedBlock(text)], chunkSize: 50, overlap: 0);
        chunks.ShouldAllBe(c => c.TokenCount <= 50 && c.Text.EndsWith('。'));
        chunks[0].Text.ShouldNotContain(" ");
    }

    [Fact]
    public void A_sentence_longer_than_a_chunk_is_split_at_word_boundaries()
    {
        var text = string.Join(' ', Enumerable.Range(1, 100).Select(i => $"word{i}"));
        var chunks = Chunker.Split([new ParsedBlock(text)], chunkSize: 30, overlap: 5);
        chunks.Count.ShouldBe(4);
        string.Join(' ', chunks.Select(c => c.Text)).ShouldBe(text);
    }

    [Fact]
    public void Chunks_do_not_span_pages_and_report_where_their_new_text_starts()
    {
        var chunks = Chunker.Split([new ParsedBlock("Page one text.", 0, 1), new ParsedBlock("Page two text.", 0, 2)], 400, 50);
        chunks.Select(c => c.Page).ShouldBe([1, 2]);
        chunks[1].Text.ShouldContain("Page two text.");
    }

    [Fact]
    public void Line_breaks_inside_a_block_stay_between_its_lines()
    {
        var block = new ParsedBlock("Options:\n-k, --keep\nKeep (don't delete) input files. Also during decompression.\n-f, --force\nForce overwrite.");
        var chunks = Chunker.Split([new ParsedBlock("Intro."), block], 400, 0);
        chunks.Single().Text.ShouldBe("Intro.\nOptions:\n-k, --keep\nKeep (don't delete) input files. Also during decompression.\n-f, --force\nForce overwrite.");
    }
}
