using Orleans.Runtime.Services;

namespace Livepeer.Grains.Residency;

/// <summary>Addresses the <see cref="IResidencyViewService"/> of a given silo.</summary>
internal sealed class ResidencyViewClient(IServiceProvider services) : GrainServiceClient<IResidencyViewService>(services)
{
    public IResidencyViewService For(SiloAddress silo) => GetGrainService(silo);
}
