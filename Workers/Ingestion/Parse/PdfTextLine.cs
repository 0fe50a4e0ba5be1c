namespace VoiceHelper.Ingestion.Parse;

/// <summary>The text elements of one baseline joined left to right; cells apart by a wide gap make a table row.</summary>
internal sealed record PdfTextLine(int Page, double Top, double Height, double Size, string Text, bool Bold, bool IsTableRow, bool IsListItem);
