namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>A frame read from the call's socket, waiting to be handled: a JSON event (text) or admitted PCM16 audio.</summary>
internal readonly record struct VoiceCallFrame(byte[] Payload, bool Text);
