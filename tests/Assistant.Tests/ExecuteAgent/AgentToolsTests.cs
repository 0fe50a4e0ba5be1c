using System.Net;
using System.Text.Json;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.Assistant.Common;

namespace VoiceHelper.Assistant.Tests.ExecuteAgent;

/// <summary>The pure parts of the tools: the network policy, the calculator and the argument check.</summary>
public sealed class AgentToolsTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2606:4700::1111", false)]
    public void Internal_addresses_are_recognised(string address, bool internalAddress) =>
        TenantNetworkPolicy.IsInternal(IPAddress.Parse(address)).ShouldBe(internalAddress);

    [Fact]
    public void Only_allow_listed_hosts_and_internal_addresses_only_when_allowed()
    {
        var policy = new TenantNetworkPolicy([
            new AgentAllowedHost { Host = "api.example.com" },
            new AgentAllowedHost { Host = "*.example.org" },
            new AgentAllowedHost { Host = "intranet.local", AllowPrivate = true },
        ]);

        policy.Refusal(new Uri("https://api.example.com/x")).ShouldBeNull();
        policy.Refusal(new Uri("https://docs.example.org/x")).ShouldBeNull();
        policy.Refusal(new Uri("https://example.com/x")).ShouldNotBeNull();
        policy.Refusal(new Uri("ftp://api.example.com/x")).ShouldNotBeNull();
        policy.Refusal(new Uri("https://user:pw@api.example.com/x")).ShouldNotBeNull();
        policy.AddressRefusal("api.example.com", IPAddress.Parse("93.184.216.34")).ShouldBeNull();
        policy.AddressRefusal("api.example.com", IPAddress.Loopback).ShouldNotBeNull();
        policy.AddressRefusal("intranet.local", IPAddress.Parse("10.0.0.5")).ShouldBeNull();
        TenantNetworkPolicy.Empty.Refusal(new Uri("https://api.example.com/")).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("12.5 * 3", "37.5")]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("Pow(2, 10)", "1024")]
    [InlineData("10 > 3", "true")]
    public void The_calculator_evaluates_arithmetic(string expression, string value) =>
        AgentCalculator.Evaluate(expression).Value.ShouldBe(value);

    [Theory]
    [InlineData("1 / 0")]
    [InlineData("System.IO.File.Delete('x')")]
    [InlineData("abc + 1")]
    [InlineData("")]
    public void The_calculator_refuses_what_is_not_arithmetic(string expression)
    {
        var (value, error) = AgentCalculator.Evaluate(expression);
        value.ShouldBeNull();
        error.ShouldNotBeNull();
    }

    [Fact]
    public void Arguments_are_checked_against_the_schema()
    {
        var schema = JsonDocument.Parse("""
            {"type":"object","properties":{"query":{"type":"string"},"top_k":{"type":"integer"}},"required":["query"]}
            """).RootElement;

        AgentToolArguments.Problem(schema, Args(new { query = "fee", top_k = 3 })).ShouldBeNull();
        AgentToolArguments.Problem(schema, Args(new { top_k = 3 })).ShouldBe("missing required argument 'query'");
        AgentToolArguments.Problem(schema, Args(new { query = 5 })).ShouldNotBeNull();
        AgentToolArguments.Problem(schema, Args(new { query = "fee", top_k = 1.5 })).ShouldNotBeNull();
        AgentToolArguments.Problem(schema, Args(new { query = "fee", command = "rm -rf /" })).ShouldBe("unknown argument 'command'");
    }

    private static Dictionary<string, object?> Args(object value) =>
        JsonSerializer.SerializeToElement(value).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
}
