using Microsoft.AspNetCore.Mvc.Testing;

// A bench is not a test project, so Mvc.Testing does not generate the content root of the hosted service: the
// Knowledge service needs no content files, and its assembly next to ours is enough.
[assembly: WebApplicationFactoryContentRoot("VoiceHelper.Knowledge", ".", "VoiceHelper.Knowledge.dll", "1")]
