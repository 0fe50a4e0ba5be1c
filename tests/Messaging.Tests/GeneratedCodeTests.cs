using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceHelper.Messaging.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Messaging.Tests;

/// <summary>
/// Services load Wolverine's handler code pre-generated (<c>TypeLoadMode.Static</c>: no Roslyn at run time), so a
/// handler changed without regenerating would fail in production. This test generates the code of every service
/// with the production wiring and compares it with the committed files; it fails on any difference.
/// To regenerate: run it with <c>VOICEHELPER_UPDATE_GENERATED_CODE=1</c> (it then rewrites the files and passes).
/// </summary>
public sealed class GeneratedCodeTests
{
    private const string UpdateVariable = "VOICEHELPER_UPDATE_GENERATED_CODE";

    [Fact]
    public async Task The_committed_handler_code_of_every_service_is_what_Wolverine_generates_from_the_handlers_now()
    {
        var root = RepositoryRoot();
        // Project directory -> generated files (relative path -> code), over every configuration of that project.
        var generated = new Dictionary<string, Dictionary<string, string>>();
        foreach (var (project, services) in await StartAllAsync())
        {
            await using (services)
            {
                var directory = Path.Combine(root, project);
                var files = generated.TryGetValue(directory, out var known) ? known : generated[directory] = [];
                foreach (var (path, code) in Generate(services.Services))
                {
                    files[path] = code;
                }
            }
        }

        var update = Environment.GetEnvironmentVariable(UpdateVariable) == "1";
        var differences = new List<string>();
        foreach (var (projectDirectory, files) in generated)
        {
            var committedDirectory = Path.Combine(projectDirectory, "Internal", "Generated");
            var committed = Directory.Exists(committedDirectory)
                ? Directory.GetFiles(committedDirectory, "*.cs", SearchOption.AllDirectories)
                    .ToDictionary(f => Path.GetRelativePath(committedDirectory, f), File.ReadAllText)
                : [];
            foreach (var (path, code) in files)
            {
                if (!committed.TryGetValue(path, out var text) || Normalize(text) != Normalize(code))
                {
                    differences.Add($"{Path.GetRelativePath(root, Path.Combine(committedDirectory, path))} is missing or stale");
                }
            }
            differences.AddRange(committed.Keys.Where(path => !files.ContainsKey(path))
                .Select(path => $"{Path.GetRelativePath(root, Path.Combine(committedDirectory, path))} is no longer generated"));
            if (update)
            {
                if (Directory.Exists(committedDirectory))
                {
                    Directory.Delete(committedDirectory, recursive: true);
                }
                foreach (var (path, code) in files)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(committedDirectory, path))!);
                    await File.WriteAllTextAsync(Path.Combine(committedDirectory, path), code, TestContext.Current.CancellationToken);
                }
            }
        }
        if (!update)
        {
            differences.ShouldBeEmpty($"Regenerate with {UpdateVariable}=1 and commit the files:\n" + string.Join('\n', differences));
        }
    }

    /// <summary>What <c>codegen write</c> would write, read back from a scratch directory.</summary>
    private static IEnumerable<(string Path, string Code)> Generate(IServiceProvider services)
    {
        var collections = services.GetServices<ICodeFileCollection>().ToArray();
        var scratch = Directory.CreateTempSubdirectory("voicehelper-codegen").FullName;
        try
        {
            foreach (var collection in collections)
            {
                collection.Rules.GeneratedCodeOutputPath = scratch;
            }
            // As `codegen write` does: services the handlers need are resolved from the application's container.
            new DynamicCodeBuilder(services, collections)
            {
                ServiceVariableSource = new JasperFx.CodeGeneration.Services.ServiceCollectionServerVariableSource(
                    services.GetRequiredService<JasperFx.IServiceContainer>()),
            }.WriteGeneratedCode(_ => { });
            return Directory.GetFiles(scratch, "*.cs", SearchOption.AllDirectories)
                .Select(f => (Path.GetRelativePath(scratch, f), File.ReadAllText(f)))
                .ToList();
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string Normalize(string code) => code.ReplaceLineEndings("\n").Trim();

    private static async Task<List<(string Project, RunningServices Services)>> StartAllAsync()
    {
        var system = await BusSystem.CreateAsync();
        var redis = TestServers.Redis;
        var generate = new Dictionary<string, string> { ["EventBus:CodeGeneration"] = "Dynamic" };
        var consumer = system.Host("consumer", "codegen", consume: true, generate);
        await consumer.StartAsync(TestContext.Current.CancellationToken);
        var knowledgeDb = await TestServers.CreateDatabaseAsync("codegen_knowledge");
        var conversationsDb = await TestServers.CreateDatabaseAsync("codegen_conversations");
        var assistantDb = await TestServers.CreateDatabaseAsync("codegen_assistant");
        var voiceEventsDb = await TestServers.CreateDatabaseAsync("codegen_voice_events");
        var bus = TestBus.Settings(system.Namespace).Concat(generate).ToDictionary();
        return
        [
            ("tests/EventBus.TestConsumer", new RunningServices(consumer)),
            ("Workers/Ingestion", Service<VoiceHelper.Ingestion.IngestDocument.IngestDocumentHandler>(bus, new()
            {
                ["ConnectionStrings:knowledgedb"] = knowledgeDb,
                ["ConnectionStrings:cache"] = redis,
            })),
            ("Features/Conversations", Service<VoiceHelper.Conversations.Common.ConversationsDbContext>(bus, new()
            {
                ["ConnectionStrings:conversationsdb"] = conversationsDb,
                ["ConnectionStrings:cache"] = redis,
                ["services:assistant:http:0"] = "http://127.0.0.1:9",
            })),
            ("Features/Assistant", Service<VoiceHelper.Assistant.Common.SemanticCache>(bus, new()
            {
                ["ConnectionStrings:assistantdb"] = assistantDb,
                ["ConnectionStrings:cache"] = redis,
                ["services:knowledge:http:0"] = "http://127.0.0.1:9",
            })),
            ("Workers/Voice", Service<VoiceHelper.Voice.Common.SpeechAdaptations>(bus, new()
            {
                ["ConnectionStrings:eventsdb"] = voiceEventsDb,
                ["ConnectionStrings:cache"] = redis,
            })),
        ];
    }

    private static RunningServices Service<TMarker>(IReadOnlyDictionary<string, string> bus, Dictionary<string, string> settings)
        where TMarker : class
    {
        var factory = new WebApplicationFactory<TMarker>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in bus.Concat(settings))
            {
                builder.UseSetting(key, value);
            }
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        return new RunningServices(factory, factory.Services);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VoiceHelper.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found above the test output.");
    }

    /// <summary>A started host or web application factory, disposed after its code was generated.</summary>
    private sealed class RunningServices : IAsyncDisposable
    {
        private readonly IHost? _host;
        private readonly IAsyncDisposable? _factory;

        public RunningServices(IHost host) => (_host, Services) = (host, host.Services);

        public RunningServices(IAsyncDisposable factory, IServiceProvider services) => (_factory, Services) = (factory, services);

        public IServiceProvider Services { get; }

        public async ValueTask DisposeAsync()
        {
            if (_host is not null)
            {
                await _host.StopAsync();
                _host.Dispose();
            }
            if (_factory is not null)
            {
                await _factory.DisposeAsync();
            }
        }
    }
}
