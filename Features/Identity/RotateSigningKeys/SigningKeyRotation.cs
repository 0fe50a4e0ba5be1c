namespace VoiceHelper.Identity.RotateSigningKeys;

/// <summary>
/// Which key signs and which keys are published, as a pure function of the stored keys and the time.
/// The newest key signs until it is <c>rotationInterval</c> old; an older key stays published until every
/// token it could have signed has expired (its successor's creation plus <c>retention</c>), then it is deleted.
/// </summary>
public static class SigningKeyRotation
{
    public static SigningKeyPlan Plan(IEnumerable<SigningKeyInfo> keys, DateTimeOffset now, TimeSpan rotationInterval, TimeSpan retention)
    {
        var ordered = keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal).ToList();
        var newestSignable = ordered.LastOrDefault(k => k.CanSign);
        var active = newestSignable is not null && now - newestSignable.CreatedAt < rotationInterval ? newestSignable.KeyId : null;
        var published = new List<string>();
        var expired = new List<string>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var replacedAt = i + 1 < ordered.Count ? ordered[i + 1].CreatedAt : (DateTimeOffset?)null;
            if (replacedAt is null || now < replacedAt.Value + retention)
            {
                published.Add(ordered[i].KeyId);
            }
            else
            {
                expired.Add(ordered[i].KeyId);
            }
        }
        return new SigningKeyPlan(active, published, expired);
    }
}
