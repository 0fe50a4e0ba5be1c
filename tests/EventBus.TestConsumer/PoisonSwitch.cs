using System.Collections.Concurrent;

namespace VoiceHelper.EventBus.TestConsumer;

/// <summary>Documents whose document.failed event the handler refuses, until a test heals them; counts the refusals.</summary>
public sealed class PoisonSwitch
{
    private readonly ConcurrentDictionary<Guid, bool> _poisoned = new();
    private readonly ConcurrentDictionary<Guid, int> _refusals = new();

    public void Poison(Guid documentId) => _poisoned[documentId] = true;

    public void Heal(Guid documentId) => _poisoned.TryRemove(documentId, out _);

    /// <summary>True (and counted) while the document is poisoned: the handler must fail this attempt.</summary>
    public bool Refuses(Guid documentId)
    {
        if (!_poisoned.ContainsKey(documentId))
        {
            return false;
        }
        _refusals.AddOrUpdate(documentId, 1, (_, n) => n + 1);
        return true;
    }

    /// <summary>How many attempts to handle the document's event failed on purpose.</summary>
    public int Refusals(Guid documentId) => _refusals.GetValueOrDefault(documentId);
}
