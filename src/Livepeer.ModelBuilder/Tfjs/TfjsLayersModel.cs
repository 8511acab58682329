using System.Text.Json;
using System.Text.Json.Nodes;

namespace Livepeer.ModelBuilder.Tfjs;

/// <summary>
/// A TensorFlow.js "layers-model" <c>model.json</c>: the Keras functional config under <c>modelTopology</c> and the
/// <c>weightsManifest</c> naming the shard files and the weights they hold, in order.
/// </summary>
internal sealed class TfjsLayersModel
{
    private TfjsLayersModel(string folder, IReadOnlyList<KerasLayer> layers, string inputLayer, string outputLayer, IReadOnlyList<TfjsWeightGroup> weightGroups)
    {
        Folder = folder;
        Layers = layers;
        InputLayer = inputLayer;
        OutputLayer = outputLayer;
        WeightGroups = weightGroups;
    }

    /// <summary>The folder of <c>model.json</c>, where the shard paths are relative to.</summary>
    public string Folder { get; }

    /// <summary>Layers in the order the config lists them (Keras writes them after the layers they read).</summary>
    public IReadOnlyList<KerasLayer> Layers { get; }

    public string InputLayer { get; }

    public string OutputLayer { get; }

    public IReadOnlyList<TfjsWeightGroup> WeightGroups { get; }

    /// <exception cref="InvalidDataException">The file is not a tfjs layers-model the converter understands.</exception>
    /// <exception cref="NotSupportedException">A valid model using something the converter does not support.</exception>
    public static TfjsLayersModel Load(string modelJsonPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelJsonPath);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(modelJsonPath)) as JsonObject
                ?? throw new InvalidDataException($"'{modelJsonPath}' is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{modelJsonPath}' is not valid JSON: {e.Message}", e);
        }

        var format = root["format"]?.GetValue<string>();
        if (format is not null && format != "layers-model")
            throw new NotSupportedException($"'{modelJsonPath}' is a tfjs '{format}'; only 'layers-model' files are supported.");

        // Newer converters nest the Keras config under model_config; older ones put it directly in modelTopology.
        var topology = root["modelTopology"] as JsonObject ?? throw new InvalidDataException($"'{modelJsonPath}' has no modelTopology.");
        var model = topology["model_config"] as JsonObject ?? topology;
        var className = model["class_name"]?.GetValue<string>();
        if (className is not ("Functional" or "Model"))
            throw new NotSupportedException($"'{modelJsonPath}' holds a Keras '{className}'; only functional models are supported.");
        var config = model["config"] as JsonObject ?? throw new InvalidDataException($"'{modelJsonPath}': the model has no config.");

        var layers = ReadLayers(config, modelJsonPath);
        var input = SingleEndpoint(config, "input_layers", modelJsonPath);
        var output = SingleEndpoint(config, "output_layers", modelJsonPath);
        var groups = ReadWeightGroups(root, modelJsonPath);
        return new TfjsLayersModel(Path.GetDirectoryName(Path.GetFullPath(modelJsonPath))!, layers, input, output, groups);
    }

    private static List<KerasLayer> ReadLayers(JsonObject config, string path)
    {
        if (config["layers"] is not JsonArray array || array.Count == 0)
            throw new InvalidDataException($"'{path}': the model config lists no layers.");
        var layers = new List<KerasLayer>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonObject layer || layer["class_name"]?.GetValue<string>() is not { } className)
                throw new InvalidDataException($"'{path}': layer {layers.Count} has no class_name.");
            var layerConfig = layer["config"] as JsonObject ?? [];
            var name = layer["name"]?.GetValue<string>() ?? layerConfig["name"]?.GetValue<string>()
                ?? throw new InvalidDataException($"'{path}': layer {layers.Count} ({className}) has no name.");
            layers.Add(new KerasLayer(name, className, layerConfig, ReadInbound(layer["inbound_nodes"], name, className)));
        }

        return layers;
    }

    // inbound_nodes lists one entry per call of the layer; each entry lists [layer, node index, tensor index, kwargs].
    private static string[] ReadInbound(JsonNode? nodes, string name, string className)
    {
        var described = $"layer '{name}' ({className})";
        if (nodes is null || nodes is JsonArray { Count: 0 })
            return [];
        if (nodes is not JsonArray { Count: 1 } calls)
            throw new NotSupportedException($"Cannot convert {described}: it is called {(nodes as JsonArray)?.Count} times; shared layers are not supported.");
        if (calls[0] is not JsonArray tensors)
            throw new NotSupportedException($"Cannot convert {described}: its inbound node is not in the Keras 2 list format.");

        var inputs = new string[tensors.Count];
        for (var i = 0; i < tensors.Count; i++)
        {
            if (tensors[i] is not JsonArray { Count: >= 3 } reference || reference[0]?.GetValue<string>() is not { } source)
                throw new InvalidDataException($"{described}: inbound tensor {i} is not [layer, node, tensor, kwargs].");
            if (reference[1]?.GetValue<int>() != 0 || reference[2]?.GetValue<int>() != 0)
                throw new NotSupportedException($"Cannot convert {described}: it reads output {reference[1]}/{reference[2]} of '{source}'; only single-output, single-call layers are supported.");
            if (reference.Count > 3 && reference[3] is JsonObject { Count: > 0 } kwargs)
                throw new NotSupportedException($"Cannot convert {described}: call arguments {kwargs.ToJsonString()} are not supported.");
            inputs[i] = source;
        }

        return inputs;
    }

    private static string SingleEndpoint(JsonObject config, string key, string path)
    {
        if (config[key] is not JsonArray endpoints || endpoints.Count == 0)
            throw new InvalidDataException($"'{path}': the model config has no {key}.");
        if (endpoints.Count != 1 || endpoints[0] is not JsonArray { Count: >= 1 } endpoint || endpoint[0]?.GetValue<string>() is not { } name)
            throw new NotSupportedException($"'{path}': {key} lists {endpoints.Count} tensors; exactly one is supported.");
        return name;
    }

    private static List<TfjsWeightGroup> ReadWeightGroups(JsonObject root, string path)
    {
        if (root["weightsManifest"] is not JsonArray manifest)
            throw new InvalidDataException($"'{path}' has no weightsManifest.");
        var groups = new List<TfjsWeightGroup>(manifest.Count);
        foreach (var item in manifest)
        {
            if (item is not JsonObject group || group["paths"] is not JsonArray paths || group["weights"] is not JsonArray weights)
                throw new InvalidDataException($"'{path}': a weightsManifest entry lacks 'paths' or 'weights'.");
            var specs = new List<TfjsWeightSpec>(weights.Count);
            foreach (var weight in weights)
            {
                if (weight is not JsonObject entry || entry["name"]?.GetValue<string>() is not { } name || entry["shape"] is not JsonArray shape)
                    throw new InvalidDataException($"'{path}': a weight entry lacks 'name' or 'shape'.");
                var dtype = entry["dtype"]?.GetValue<string>() ?? "float32";
                if (dtype != "float32")
                    throw new NotSupportedException($"'{path}': weight '{name}' is {dtype}; only float32 weights are supported.");
                if (entry["quantization"] is not null)
                    throw new NotSupportedException($"'{path}': weight '{name}' is quantized; only unquantized float32 weights are supported.");
                specs.Add(new TfjsWeightSpec(name, [.. shape.Select(d => d?.GetValue<int>() ?? throw new InvalidDataException($"'{path}': weight '{name}' has an unknown dimension."))]));
            }

            groups.Add(new TfjsWeightGroup([.. paths.Select(p => p?.GetValue<string>() ?? throw new InvalidDataException($"'{path}': a shard path is null."))], specs));
        }

        return groups;
    }
}
