namespace VoiceHelper.Messaging.Tests.Infrastructure;

/// <summary>Polls a condition until a deadline: events arrive asynchronously, and sleeping a fixed time would be a guess.</summary>
public static class Eventually
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting until {what}.");
            }
            await Task.Delay(50);
        }
    }
}
