using System.Globalization;
using System.Text;

namespace VoiceHelper.Assistant.Bench;

/// <summary>
/// Synthetic product manuals that fill the corpus to the target chunk count. They reuse the support vocabulary
/// (shipping, warranty, refund, password...) on purpose, so retrieval and reranking meet hard distractors.
/// </summary>
internal static class Filler
{
    private static readonly string[] Products = ["speaker", "headset", "router", "camera", "keyboard", "monitor", "tablet", "charger", "drone", "watch"];
    // Mostly product vocabulary, with support words now and then, as in a real manual.
    private static readonly string[] Topics =
    [
        "battery", "firmware", "cable", "mount", "case", "display", "sensor", "lens", "fan", "strap", "button", "antenna",
        "speaker grille", "power supply", "status light", "memory card", "shipping box", "warranty card",
    ];
    private static readonly string[] Verbs = ["stores", "protects", "holds", "shows", "updates", "charges", "connects", "covers", "lists", "measures"];

    public static IEnumerable<(string Name, string Text)> Documents(int count, int sentencesPerDocument, int seed = 42)
    {
        var random = new Random(seed);
        for (var d = 0; d < count; d++)
        {
            var product = Products[random.Next(Products.Length)];
            var model = $"{char.ToUpperInvariant(product[0])}{random.Next(100, 999)}";
            var text = new StringBuilder($"# {product} {model} manual\n\n");
            for (var s = 0; s < sentencesPerDocument; s++)
            {
                var topic = Topics[random.Next(Topics.Length)];
                text.Append(CultureInfo.InvariantCulture,
                    $"The {topic} of the {product} {model} {Verbs[random.Next(Verbs.Length)]} up to {random.Next(2, 90)} units in mode {random.Next(1, 9)}. ");
                if (s % 6 == 5)
                {
                    text.Append("\n\n");
                }
            }
            yield return ($"manual-{d:D5}-{model}.md", text.ToString());
        }
    }
}
