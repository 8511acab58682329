namespace Livepeer.Grains.Orchestration;

/// <summary>The orchestrator role: identity and offered models. Section <c>Livepeer:Orchestrator</c>.</summary>
public sealed class OrchestratorOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Livepeer:Orchestrator";

    /// <summary>The orchestrator's Ethereum address (<c>0x</c> + 40 hex digits). Required for the orchestrator role.</summary>
    public string Address { get; set; } = "";

    /// <summary>Path of its go-livepeer <c>aiModels.json</c>. Default <c>silo-config/aiModels.json</c>.</summary>
    public string AiModelsPath { get; set; } = "silo-config/aiModels.json";

    /// <summary>How often warm models are checked and re-loaded where they were lost. Default 5 s.</summary>
    public TimeSpan KeepWarmInterval { get; set; } = TimeSpan.FromSeconds(5);
}
