using System.Globalization;
using Livepeer.ModelBuilder;
using Livepeer.ModelTool.Fetch;
using Livepeer.ModelTool.Pull;

// Usage:
//   bundled <modelsRoot>                                    the models committed under models/
//   upscaler <modelsRoot> <modelId> <parameters> <memoryMb>  a tiny upscaler of about that many parameters
//   fetch <asset|all> [assetsRoot]                          third-party assets into the asset cache
//   esrgan <size> <modelsRoot> [assetsRoot]                 an UpscalerJS ESRGAN x4 model as <modelsRoot>/upscalerjs/esrgan-<size>-x4
//   pull <modelsRoot> <owner/name> [options]                a Hugging Face repository as a model folder
switch (args)
{
    case ["bundled", var root]:
        ModelFolders.WriteBundled(root);
        foreach (var (modelId, spec, memory) in ModelFolders.Bundled)
            Console.WriteLine($"{modelId}: {spec.ParameterCount} parameters, {memory / (1024 * 1024)} MiB declared");
        Console.WriteLine($"{ModelFolders.BundledVideo.ModelId}: tiny SVD, {ModelFolders.BundledVideo.Spec.Frames} frames");
        return 0;
    case ["upscaler", var root, var modelId, var parameters, var memoryMb]:
        var chosen = TinyUpscalerSpec.ForParameterCount(long.Parse(parameters, CultureInfo.InvariantCulture));
        var folder = ModelFolders.WriteTinyUpscaler(root, modelId, chosen, long.Parse(memoryMb, CultureInfo.InvariantCulture) * 1024 * 1024);
        Console.WriteLine($"{folder}: {chosen.ParameterCount} parameters");
        return 0;
    case ["fetch", var what]:
        return await AssetFetchers.RunAsync(what, AssetFolder.Default());
    case ["fetch", var what, var assetsRoot]:
        return await AssetFetchers.RunAsync(what, assetsRoot);
    case ["esrgan", var size, var root]:
        return await WriteEsrganAsync(size, root, AssetFolder.Default());
    case ["esrgan", var size, var root, var assetsRoot]:
        return await WriteEsrganAsync(size, root, assetsRoot);
    case ["pull", .. var pull]:
        return await PullCommand.RunAsync(pull);
    default:
        Console.Error.WriteLine("usage: bundled <modelsRoot> | upscaler <modelsRoot> <modelId> <parameters> <memoryMb> | fetch <asset|all> [assetsRoot]");
        Console.Error.WriteLine($"       esrgan <{string.Join('|', EsrganModels.Sizes)}> <modelsRoot> [assetsRoot]   (the committed one: esrgan {EsrganModels.BundledSize} models)");
        Console.Error.WriteLine(AssetFetchers.Usage);
        Console.Error.WriteLine(PullCommand.Usage);
        return 1;
}

// The package comes through the asset cache, so the committed model and the cached ones share one download.
static async Task<int> WriteEsrganAsync(string size, string modelsRoot, string assetsRoot)
{
    if (!EsrganModels.Sizes.Contains(size))
    {
        Console.Error.WriteLine($"unknown ESRGAN size '{size}'; known: {string.Join(", ", EsrganModels.Sizes)}");
        return 1;
    }

    var package = await EsrganFetcher.EnsurePackageAsync(assetsRoot, size, CancellationToken.None);
    var folder = Path.Combine(modelsRoot, EsrganModels.ModelId(size).Replace('/', Path.DirectorySeparatorChar));
    EsrganModels.WriteX4(package, folder, size);
    Console.WriteLine($"{EsrganModels.ModelId(size)} → {folder} ({new FileInfo(Path.Combine(folder, "model.onnx")).Length} bytes)");
    return 0;
}
