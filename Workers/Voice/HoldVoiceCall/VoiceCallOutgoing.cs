namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>
/// A frame waiting to be sent: a JSON event or a piece of answer audio. Audio carries its response, so a barge-in
/// drops whatever of that response is still queued.
/// </summary>
public sealed record VoiceCallOutgoing(bool IsAudio, byte[] Payload, VoiceCallResponse? Response = null, int AudioMs = 0);
