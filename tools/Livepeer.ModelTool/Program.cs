using System.Globalization;
using Livepeer.ModelBuilder;
using Livepeer.ModelTool.Fetch;
using Livepeer.ModelTool.Pull;

// Usage:
//   bundled <modelsRoot>                                    the models committed under models/
//   upscaler <modelsRoot> <modelId> <parameters> <memoryMb>  a tiny upscaler of about that many parameters
//   fetch <asset|all> [assetsRoot]                          third-party assets into the asset cache
//   pull <modelsRoot> <owner/name> [options]                a Hugging Face repository as a model folder
switch (args)
{
    case ["bundled", var root]:
        ModelFolders.WriteBundled(root);
        foreach (var (modelId, spec, memory) in ModelFolders.Bundled)
            Console.WriteLine($"{modelId}: {spec.ParameterCount} parameters, {memory / (1024 * 1024)} MiB declared");
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
    case ["pull", .. var pull]:
        return await PullCommand.RunAsync(pull);
    default:
        Console.Error.WriteLine("usage: bundled <modelsRoot> | upscaler <modelsRoot> <modelId> <parameters> <memoryMb> | fetch <asset|all> [assetsRoot]");
        Console.Error.WriteLine(AssetFetchers.Usage);
        Console.Error.WriteLine(PullCommand.Usage);
        return 1;
}
