using System.Buffers.Binary;
using System.Security.Cryptography;

namespace VoiceHelper.Assistant.Common;

/// <summary>
/// Sticky assignment: a user's variant is a pure function of a hash of (user, test), so the same user gets the same
/// variant on every request and every instance, with no stored assignment; across users the variants come out in
/// proportion to their weights.
/// </summary>
public static class AbAssignment
{
    public const int TotalWeight = 100;

    public static AbTestVariant Assign(Guid userId, Guid testId, IReadOnlyList<AbTestVariant> variants)
    {
        Span<byte> input = stackalloc byte[32];
        userId.TryWriteBytes(input[..16]);
        testId.TryWriteBytes(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        // 10,000 buckets: weights are whole percentages, and the modulo bias of 2^64 % 10,000 is negligible.
        var bucket = (int)(BinaryPrimitives.ReadUInt64LittleEndian(hash) % (TotalWeight * 100));
        var upTo = 0;
        foreach (var variant in variants)
        {
            upTo += variant.Weight * 100;
            if (bucket < upTo)
            {
                return variant;
            }
        }
        return variants[^1];
    }
}
