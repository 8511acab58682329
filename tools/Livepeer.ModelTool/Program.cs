using System.Globalization;
using Livepeer.ModelBuilder;

// Usage:
//   bundled <modelsRoot>                                    the models committed under models/
//   upscaler <modelsRoot> <modelId> <parameters> <memoryMb>  a tiny upscaler of about that many parameters
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
    default:
        Console.Error.WriteLine("usage: bundled <modelsRoot> | upscaler <modelsRoot> <modelId> <parameters> <memoryMb>");
        return 1;
}
