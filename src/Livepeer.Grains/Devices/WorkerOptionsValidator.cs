using Livepeer.Pipelines;
using Microsoft.Extensions.Options;

namespace Livepeer.Grains.Devices;

/// <summary>Start-up checks of <see cref="WorkerOptions"/>; every message names the configuration key.</summary>
internal sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var errors = new List<string>();
        const string s = WorkerOptions.Section;
        if (string.IsNullOrWhiteSpace(options.Id) || options.Id.Contains('/', StringComparison.Ordinal))
            errors.Add($"{s}:Id must be a non-empty name without '/', got '{options.Id}'.");
        if (string.IsNullOrWhiteSpace(options.ModelsPath))
            errors.Add($"{s}:ModelsPath is required.");
        else if (!Directory.Exists(options.ModelsPath))
            errors.Add($"{s}:ModelsPath: model folder '{Path.GetFullPath(options.ModelsPath)}' does not exist.");
        else
            CheckModels(options.ModelsPath, errors);

        var indexes = new HashSet<int>();
        for (var i = 0; i < options.Devices.Count; i++)
        {
            var d = options.Devices[i];
            var key = $"{s}:Devices:{i}";
            if (d.Kind is not ("cpu" or "cuda"))
                errors.Add($"{key}:Kind must be 'cpu' or 'cuda', got '{d.Kind}'.");
            if (d.Index < 0)
                errors.Add($"{key}:Index must be >= 0, got {d.Index}.");
            else if (!indexes.Add(d.Index))
                errors.Add($"{key}:Index {d.Index} is used by another device.");
            if (d.MemoryMb <= 0)
                errors.Add($"{key}:MemoryMb must be positive, got {d.MemoryMb}.");
            if (d.Slots <= 0)
                errors.Add($"{key}:Slots must be positive, got {d.Slots}.");
            if (d.ThreadsPerRun <= 0)
                errors.Add($"{key}:ThreadsPerRun must be positive, got {d.ThreadsPerRun}.");
            foreach (var problem in CudaProviderOptions.Check(d.CudaOptions))
                errors.Add($"{key}:CudaOptions:{problem}");
        }

        for (var i = 0; i < options.Orchestrators.Count; i++)
        {
            if (!Orchestration.EthereumAddress.TryNormalize(options.Orchestrators[i], out _))
                errors.Add($"{s}:Orchestrators:{i} is not an Ethereum address: '{options.Orchestrators[i]}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckModels(string path, List<string> errors)
    {
        try
        {
            ModelStore.Open(path);
        }
        catch (InvalidModelException e)
        {
            errors.Add($"{WorkerOptions.Section}:ModelsPath: {e.Message}");
        }
    }
}
