namespace Livepeer.Pipelines.Tests.Upscale;

/// <summary>The fetched ESRGAN-thick ×4 model (29 MB, slow to load on a CPU), loaded and warmed once for its collection.</summary>
public sealed class ThickModelFixture : IDisposable
{
    public const string Collection = "esrgan-thick";

    public ILoadedModel Model { get; } = EsrganAssets.Load(EsrganAssets.CachedFolder("thick"));

    public void Dispose() => Model.Dispose();
}
