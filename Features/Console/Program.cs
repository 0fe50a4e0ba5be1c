using VoiceHelper.Console.Common;
using VoiceHelper.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseConsolePipeline();
app.MapDefaultEndpoints();
app.MapConsole();
app.Run();
