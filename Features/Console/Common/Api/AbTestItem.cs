namespace VoiceHelper.Console.Common.Api;

public sealed record AbTestItem(Guid Id, string Name, string Status, IReadOnlyList<AbTestVariantItem> Variants, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? StoppedAt);
