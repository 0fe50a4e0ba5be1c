using System.Text.Json;

namespace VoiceHelper.Assistant.Common;

public sealed record AbTestView(Guid Id, string Name, string Status, IReadOnlyList<AbTestVariant> Variants, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? StoppedAt)
{
    public static AbTestView From(AbTest test) => new(test.Id, test.Name, test.Status,
        JsonSerializer.Deserialize<List<AbTestVariant>>(test.VariantsJson)!, test.CreatedAt, test.StartedAt, test.StoppedAt);
}
