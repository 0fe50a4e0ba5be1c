using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 800)]
    [InlineData(8, 5000)]
    [InlineData(60, 5000)]
    public void Waits_double_per_attempt_up_to_the_cap(int attempt, int expectedMs) =>
        Backoff.After(attempt, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5)).ShouldBe(TimeSpan.FromMilliseconds(expectedMs));
}
