namespace Livepeer.Gateway.Tests;

/// <summary>The same host with bearer auth on and an upscale deadline no job can meet.</summary>
public sealed class SecuredGatewayFactory : GatewayFactory
{
    public const string Token = "s3cret-token";

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["Livepeer:Gateway:BearerToken"] = Token,
        ["Livepeer:Gateway:Deadlines:upscale"] = "00:00:00.001",
    };
}
