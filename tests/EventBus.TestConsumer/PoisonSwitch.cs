using System.Collections.Concurrent;

namespace VoiceHelper.EventBus.TestConsumer;

/// <summary>Documents whose document.failed event the handler refuses, until a test heals them.</summary>
public sealed class PoisonSwitch
{
    private readonly ConcurrentDictionary<Guid, bool> _poisoned = new();

    public void Poison(Guid documentId) => _poisoned[documentId] = true;

    public void Heal(Guid documentId) => _poisoned.TryRemove(documentId, out _);

    public bool IsPoisoned(Guid documentId) => _poisoned.ContainsKey(documentId);
}
