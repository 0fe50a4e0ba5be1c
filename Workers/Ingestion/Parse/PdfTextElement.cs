namespace VoiceHelper.Ingestion.Parse;

/// <summary>One <c>&lt;text&gt;</c> element of <c>pdftohtml -xml</c>: a run of text in one font, in page pixels.</summary>
internal sealed record PdfTextElement(int Page, double Top, double Left, double Width, double Height, double Size, string Text, bool Bold)
{
    public double Bottom => Top + Height;
}
