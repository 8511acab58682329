namespace Livepeer.Contracts;

/// <summary>Ticket parameters an orchestrator issued to one sender for one price (payments-pm.md §3.1).</summary>
/// <param name="OrchestratorInfo">
/// The protobuf of a go-livepeer <c>net.OrchestratorInfo</c> with <c>ticket_params</c> (their expiration params
/// included) and <c>price_info</c>: the same bytes a go-livepeer orchestrator would answer with.
/// </param>
/// <param name="LastSeenL1Block">The orchestrator's latest L1 block when it issued them, for senders without a chain view of their own.</param>
[GenerateSerializer, Immutable, Alias("livepeer.ticket-params-offer")]
public sealed record TicketParamsOffer(
    [property: Id(0)] byte[] OrchestratorInfo,
    [property: Id(1)] long LastSeenL1Block);
