Console.WriteLine("VoiceHelper.AppHost");
