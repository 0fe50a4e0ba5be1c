using VoiceHelper.ServiceDefaults.Logging;

namespace VoiceHelper.ServiceDefaults.Tests.Logging;

public sealed class LogMaskingTests
{
    [Theory]
    [InlineData("login failed for alice.smith@example.com", "login failed for a***@example.com")]
    [InlineData("call +1 (555) 123-4567 now", "call ***67 now")]
    [InlineData("password=Hunter2Secret!", "password=***")]
    [InlineData("refresh_token: abc.def.ghi", "refresh_token: ***")]
    [InlineData("document 3fa85f64-5717-4562-b3fc-2c963f66afa6 indexed in 12 ms", "document 3fa85f64-5717-4562-b3fc-2c963f66afa6 indexed in 12 ms")]
    public void Personal_data_and_secrets_are_masked(string input, string expected) =>
        LogMasking.Mask(input).ShouldBe(expected);
}
