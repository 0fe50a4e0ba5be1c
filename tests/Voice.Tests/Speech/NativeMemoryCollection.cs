namespace VoiceHelper.Voice.Tests.Speech;

/// <summary>
/// Tests that measure the process's resident memory run alone: other tests allocating in parallel
/// move the reading by more than the leak bound they check.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeMemoryCollection
{
    public const string Name = "native memory";
}
