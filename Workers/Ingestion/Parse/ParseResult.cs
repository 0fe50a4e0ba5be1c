namespace VoiceHelper.Ingestion.Parse;

/// <summary>Blocks in reading order, or the failure.</summary>
public sealed record ParseResult(IReadOnlyList<ParsedBlock> Blocks, ParseFailure? Failure)
{
    public static ParseResult Ok(IReadOnlyList<ParsedBlock> blocks) => new(blocks, null);
    public static ParseResult Fail(string code, string message) => new([], new ParseFailure(code, message));
}
