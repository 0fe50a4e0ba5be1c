namespace VoiceHelper.Voice.Speech.Adaptation;

/// <summary>
/// sherpa-onnx encodes hotwords with a sentencepiece vocabulary (<c>bpe.vocab</c>: piece, tab, score); the model
/// folder has only <c>tokens.txt</c>. A sentencepiece BPE model numbers its pieces in merge order, so the score
/// -id gives the segmenter the same preference order the model was trained with.
/// </summary>
public static class BpeVocabulary
{
    public static void Write(string tokensPath, string vocabularyPath)
    {
        var lines = new List<string>();
        foreach (var line in File.ReadLines(tokensPath))
        {
            var space = line.LastIndexOf(' ');
            if (space <= 0 || !int.TryParse(line.AsSpan(space + 1), out var id))
            {
                continue;
            }

            lines.Add($"{line[..space]}\t{-id}");
        }

        File.WriteAllLines(vocabularyPath, lines);
    }
}
