using System.Text.RegularExpressions;

namespace VoiceHelper.ServiceDefaults.Logging;

/// <summary>Masks personal data in log text: emails keep their first letter and domain, phone numbers their last two digits.</summary>
public static partial class LogMasking
{
    public static string Mask(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        text = Email().Replace(text, m => $"{m.Groups[1].Value[0]}***@{m.Groups[2].Value}");
        text = Phone().Replace(text, m =>
        {
            var digits = m.Value.Count(char.IsAsciiDigit);
            return digits < 7 ? m.Value : "***" + m.Value[^2..];
        });
        return Secret().Replace(text, m => m.Groups[1].Value + "***");
    }

    [GeneratedRegex(@"([A-Za-z0-9._%+-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})")]
    private static partial Regex Email();

    // +, digits, spaces, dashes, parentheses: at least 7 digits in a row-like run, not inside a GUID or a longer number.
    [GeneratedRegex(@"(?<![\w-])\+?\d[\d\s().-]{5,}\d(?![\w-])")]
    private static partial Regex Phone();

    [GeneratedRegex(@"((?:password|access_token|refresh_token|authorization|secret)[""']?\s*[:=]\s*[""']?)[^\s""',}]+", RegexOptions.IgnoreCase)]
    private static partial Regex Secret();
}
