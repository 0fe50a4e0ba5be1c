using System.Globalization;
using System.Text;

namespace VoiceHelper.Ingestion.Index;

/// <summary>pgvector's text form: <c>[0.1,0.2,...]</c>.</summary>
public static class VectorLiteral
{
    public static string Format(ReadOnlySpan<float> vector)
    {
        var text = new StringBuilder(vector.Length * 10).Append('[');
        for (var i = 0; i < vector.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            text.Append(vector[i].ToString("R", CultureInfo.InvariantCulture));
        }
        return text.Append(']').ToString();
    }
}
