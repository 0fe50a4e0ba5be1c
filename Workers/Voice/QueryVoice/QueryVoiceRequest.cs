namespace VoiceHelper.Voice.QueryVoice;

/// <param name="Wav">The uploaded file's bytes.</param>
/// <param name="Token">The caller's access token: Conversations is asked on the caller's behalf.</param>
/// <param name="OnLine">Writes one NDJSON line; the first line starts the 200 response.</param>
public sealed record QueryVoiceRequest(byte[] Wav, QueryVoiceForm Form, string Token, Func<object, CancellationToken, Task> OnLine);
