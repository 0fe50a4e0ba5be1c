namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

/// <summary>Polls a condition until a deadline instead of sleeping for a guessed time.</summary>
public static class Eventually
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string because) =>
        await UntilAsync(() => Task.FromResult(condition()), timeout, because);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting until {because}.");
            }
            await Task.Delay(20);
        }
    }
}
