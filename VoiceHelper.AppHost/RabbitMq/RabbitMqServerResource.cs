namespace VoiceHelper.AppHost.RabbitMq;

/// <summary>RabbitMQ from the Debian package, run by DCP as an executable (its epmd is a resource of its own).</summary>
public sealed class RabbitMqServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public ParameterResource Password { get; } = password;
    public EndpointReference Amqp => new(this, RabbitMqExtensions.EndpointName);

    /// <summary>The same shape as Aspire.Hosting.RabbitMQ's container: <c>amqp://guest:{password}@{host}:{port}</c>.</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:{Password}@{Amqp.Property(EndpointProperty.HostAndPort)}");
}
