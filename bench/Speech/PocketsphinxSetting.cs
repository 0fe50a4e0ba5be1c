using System.Globalization;

namespace VoiceHelper.Speech.Bench;

/// <summary>
/// One adapted pocketsphinx setting to compare: the domain weight and pocketsphinx search arguments, written
/// "w=0.5 lw=6.5 bestpathlw=9.5 wip=0.65" (every key but w is a pocketsphinx flag without its dash).
/// </summary>
internal sealed record PocketsphinxSetting(string Name, float DomainWeight, IReadOnlyDictionary<string, string> Search)
{
    public static PocketsphinxSetting Parse(string text, float defaultWeight)
    {
        var weight = defaultWeight;
        var search = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)))
        {
            if (pair[0] == "w")
            {
                weight = float.Parse(pair[1], CultureInfo.InvariantCulture);
            }
            else
            {
                search["-" + pair[0]] = pair[1];
            }
        }

        return new PocketsphinxSetting(text.Trim(), weight, search);
    }

    public static string Describe(IReadOnlyDictionary<string, string> search) =>
        search.Count == 0 ? "pocketsphinx defaults" : string.Join(' ', search.Select(a => $"{a.Key} {a.Value}"));
}
