namespace Livepeer.Gateway.Routing;

/// <summary>The outcome of choosing an orchestrator: an offer, or why there is none.</summary>
/// <param name="Offer">The chosen offer.</param>
/// <param name="Reason">Why nothing was chosen (meaningless when <paramref name="Offer"/> is set).</param>
internal readonly record struct Selection(OrchestratorOffer? Offer, NoOrchestratorReason Reason);
