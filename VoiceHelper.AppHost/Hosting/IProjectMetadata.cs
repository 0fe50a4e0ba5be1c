namespace VoiceHelper.AppHost.Hosting;

/// <summary>A project the app model runs; implemented by the generated <c>Projects.*</c> types.</summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }
    string TargetPath { get; }
}
