namespace Livepeer.Client.Tests;

/// <summary>The gateway contract checks against <see cref="FakeGateway"/>.</summary>
public sealed class FakeGatewayContractTests : GatewayContractTests, IDisposable
{
    private readonly TestClient test = new(FakeGateway.Create());

    protected override LivepeerClient Client => test.Client;

    public void Dispose() => test.Dispose();
}
