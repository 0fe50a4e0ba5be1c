namespace VoiceHelper.ServiceDefaults.Http;

/// <summary>Request body limits (an endpoint may set its own, as uploads do).</summary>
public sealed class RequestSizeOptions
{
    public const string Section = "Http";

    /// <summary>The default limit of a request body.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How much of a declared-too-large body is read and discarded before the 413 is sent, so that the sender (the
    /// gateway) gets the answer instead of a reset connection. The gateway's own limit should stay below this.
    /// </summary>
    public long MaxDrainBytes { get; set; } = 16 * 1024 * 1024;
}
