using System.Text;
using VoiceHelper.Ai.Text;
using VoiceHelper.Ingestion.Parse;

namespace VoiceHelper.Ingestion.Chunk;

/// <summary>
/// Structure-aware chunking: a heading closes the current chunk (a chunk never spans two sections), sentences are
/// packed up to the target size (joined by a space, or by a line break where the block had one), and the last sentences of a chunk (up to the overlap) open the next one in the
/// same section. Pure, so tests call it directly.
/// </summary>
public static class Chunker
{
    public static List<ChunkDraft> Split(IReadOnlyList<ParsedBlock> blocks, int chunkSize, int overlap)
    {
        var chunks = new List<ChunkDraft>();
        var headings = new string?[6];
        var current = new List<ChunkPiece>();
        var currentTokens = 0;
        var carried = 0;

        void Flush(bool keepOverlap)
        {
            if (current.Count <= carried)
            {
                // Only overlap carried from the previous chunk: nothing new to emit.
                current.Clear();
                currentTokens = 0;
                carried = 0;
                return;
            }
            // The page is where the chunk's new text starts, not where its overlap came from.
            var page = current[Math.Min(carried, current.Count - 1)].Page;
            chunks.Add(new ChunkDraft(Join(current), headings.Where(h => h is not null).Cast<string>().ToList(), page, currentTokens));
            var kept = new List<ChunkPiece>();
            var keptTokens = 0;
            if (keepOverlap)
            {
                for (var i = current.Count - 1; i > 0 && keptTokens + current[i].Tokens <= overlap; i--)
                {
                    kept.Insert(0, current[i]);
                    keptTokens += current[i].Tokens;
                }
            }
            current = kept;
            currentTokens = keptTokens;
            carried = kept.Count;
        }

        foreach (var block in blocks)
        {
            if (block.IsHeading)
            {
                Flush(keepOverlap: false);
                headings[block.HeadingLevel - 1] = block.Text;
                Array.Clear(headings, block.HeadingLevel, headings.Length - block.HeadingLevel);
                continue;
            }
            if (block.Page is not null && current.Count > carried && current[^1].Page != block.Page)
            {
                // A chunk does not run across a page break, so that a citation's page is exact.
                Flush(keepOverlap: true);
            }
            // A line break inside a block (an item of a list, a manual page's option line) is kept in the chunk.
            foreach (var (sentence, first) in block.Text.Split('\n').SelectMany(line => Sentences.Split(line).Select((s, i) => (s, i == 0))))
            {
                var tokens = TextTokenizer.CountTokens(sentence);
                if (tokens > chunkSize)
                {
                    // Only a sentence longer than a whole chunk is cut, at word boundaries.
                    Flush(keepOverlap: false);
                    foreach (var part in HardSplit(sentence, chunkSize))
                    {
                        current.Add(new ChunkPiece(part, TextTokenizer.CountTokens(part), block.Page, true));
                        currentTokens = current[0].Tokens;
                        Flush(keepOverlap: false);
                    }
                    continue;
                }
                if (currentTokens + tokens > chunkSize)
                {
                    Flush(keepOverlap: true);
                }
                current.Add(new ChunkPiece(sentence, tokens, block.Page, first));
                currentTokens += tokens;
            }
        }
        Flush(keepOverlap: false);
        return chunks;
    }

    private static string Join(List<ChunkPiece> pieces)
    {
        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            if (text.Length > 0)
            {
                var cjkJoin = TextTokenizer.IsCjk(text[^1]) || text[^1] is '。' or '！' or '？' or '；' or '，';
                text.Append(piece.StartsBlock ? "\n" : cjkJoin && TextTokenizer.IsCjk(piece.Text[0]) ? "" : " ");
            }
            text.Append(piece.Text);
        }
        return text.ToString();
    }

    private static IEnumerable<string> HardSplit(string sentence, int chunkSize)
    {
        var part = new StringBuilder();
        var tokens = 0;
        foreach (var token in SplitKeepingCjk(sentence))
        {
            var count = TextTokenizer.CountTokens(token);
            if (tokens + count > chunkSize && part.Length > 0)
            {
                yield return part.ToString().Trim();
                part.Clear();
                tokens = 0;
            }
            part.Append(token);
            tokens += count;
        }
        if (part.Length > 0)
        {
            yield return part.ToString().Trim();
        }
    }

    /// <summary>Words with their trailing space, and CJK characters one by one (they have no spaces to cut at).</summary>
    private static IEnumerable<string> SplitKeepingCjk(string text)
    {
        var word = new StringBuilder();
        foreach (var ch in text)
        {
            if (TextTokenizer.IsCjk(ch))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
                yield return ch.ToString();
                continue;
            }
            word.Append(ch);
            if (char.IsWhiteSpace(ch))
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
