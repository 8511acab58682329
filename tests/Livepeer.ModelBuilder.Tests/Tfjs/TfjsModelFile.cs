using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Livepeer.ModelBuilder.Tests.Tfjs;

/// <summary>
/// Writes a tfjs layers-model the way the TensorFlow.js converter does (Keras 2 functional config in
/// <c>model.json</c>, float32 weights back to back in shard files), from layers and weights a test chooses.
/// </summary>
internal sealed class TfjsModelFile
{
    private readonly JsonArray layers = [];
    private readonly List<(string Name, int[] Shape, float[] Values)> weights = [];
    private readonly string inputName;
    private string outputName;

    public TfjsModelFile(int channels, string inputName = "LR")
    {
        this.inputName = inputName;
        outputName = inputName;
        layers.Add(new JsonObject
        {
            ["class_name"] = "InputLayer",
            ["name"] = inputName,
            ["config"] = new JsonObject
            {
                ["batch_input_shape"] = new JsonArray(null, null, null, channels),
                ["dtype"] = "float32",
                ["name"] = inputName,
            },
            ["inbound_nodes"] = new JsonArray(),
        });
    }

    /// <summary>Shards to split the weight bytes into (the converter must concatenate them).</summary>
    public int Shards { get; init; } = 2;

    /// <summary>Adds a layer reading <paramref name="inputs"/>; the last layer added is the model's output.</summary>
    public TfjsModelFile Layer(string className, string name, JsonObject? config, params string[] inputs)
    {
        config ??= [];
        config["name"] = name;
        config["trainable"] = true;
        config["dtype"] = "float32";
        var inbound = new JsonArray();
        foreach (var input in inputs)
            inbound.Add(new JsonArray(input, 0, 0, new JsonObject()));
        layers.Add(new JsonObject
        {
            ["class_name"] = className,
            ["name"] = name,
            ["config"] = config,
            ["inbound_nodes"] = new JsonArray(inbound),
        });
        outputName = name;
        return this;
    }

    /// <summary>A Conv2D with an HWIO kernel and a bias, stride 1.</summary>
    public TfjsModelFile Conv2D(string name, string input, float[] kernel, float[] bias, int kernelSize, int inChannels, string padding = "same", string activation = "linear")
    {
        Layer("Conv2D", name, new JsonObject
        {
            ["filters"] = bias.Length,
            ["kernel_size"] = new JsonArray(kernelSize, kernelSize),
            ["strides"] = new JsonArray(1, 1),
            ["padding"] = padding,
            ["data_format"] = "channels_last",
            ["dilation_rate"] = new JsonArray(1, 1),
            ["groups"] = 1,
            ["activation"] = activation,
            ["use_bias"] = true,
        }, input);
        Weight($"{name}/kernel", [kernelSize, kernelSize, inChannels, bias.Length], kernel);
        Weight($"{name}/bias", [bias.Length], bias);
        return this;
    }

    public TfjsModelFile Weight(string name, int[] shape, float[] values)
    {
        weights.Add((name, shape, values));
        return this;
    }

    /// <summary>Writes <c>model.json</c> and the shards into <paramref name="folder"/>; returns the model.json path.</summary>
    public string Save(string folder)
    {
        Directory.CreateDirectory(folder);
        var bytes = weights.SelectMany(w => MemoryMarshal.AsBytes(w.Values.AsSpan()).ToArray()).ToArray();
        var paths = new JsonArray();
        var chunk = (bytes.Length + Shards - 1) / Shards;
        for (var i = 0; i < Shards; i++)
        {
            var file = $"group1-shard{i + 1}of{Shards}.bin";
            var start = Math.Min(bytes.Length, i * chunk);
            File.WriteAllBytes(Path.Combine(folder, file), bytes[start..Math.Min(bytes.Length, start + chunk)]);
            paths.Add(file);
        }

        var specs = new JsonArray();
        foreach (var (name, shape, _) in weights)
            specs.Add(new JsonObject { ["name"] = name, ["shape"] = new JsonArray([.. shape.Select(d => (JsonNode)d)]), ["dtype"] = "float32" });

        var root = new JsonObject
        {
            ["format"] = "layers-model",
            ["generatedBy"] = "keras v2.10.0",
            ["convertedBy"] = "TensorFlow.js Converter v1.2.6",
            ["modelTopology"] = new JsonObject
            {
                ["keras_version"] = "2.10.0",
                ["backend"] = "tensorflow",
                ["model_config"] = new JsonObject
                {
                    ["class_name"] = "Functional",
                    ["config"] = new JsonObject
                    {
                        ["name"] = "test",
                        ["layers"] = layers.DeepClone(),
                        ["input_layers"] = new JsonArray(new JsonArray(inputName, 0, 0)),
                        ["output_layers"] = new JsonArray(new JsonArray(outputName, 0, 0)),
                    },
                },
            },
            ["weightsManifest"] = new JsonArray(new JsonObject { ["paths"] = paths, ["weights"] = specs }),
        };
        var path = Path.Combine(folder, "model.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }
}
