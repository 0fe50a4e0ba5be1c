namespace VoiceHelper.Ingestion.Parse;

/// <summary>A unit of extracted structure: a heading (level 1-6) or a body block (level 0: paragraph, list item, table row, code).</summary>
public sealed record ParsedBlock(string Text, int HeadingLevel = 0, int? Page = null)
{
    public bool IsHeading => HeadingLevel > 0;
}
