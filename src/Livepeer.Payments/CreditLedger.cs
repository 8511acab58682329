namespace Livepeer.Payments;

/// <summary>
/// The orchestrator's balances per (sender, capability): each accepted ticket credits its exact expected value, each
/// finished job debits its fee; work starts only when the balance covers at least one ticket's expected value, as
/// go-livepeer's <c>SufficientBalance</c> requires. Thread-safe. The state is a plain dictionary so a grain can persist it.
/// </summary>
public sealed class CreditLedger
{
    private readonly Dictionary<(EthAddress Sender, string Capability), Wei> balances = [];
    private readonly Lock gate = new();

    /// <summary>The balance of <paramref name="sender"/> for <paramref name="capability"/> (e.g. <c>text-to-image/model</c>).</summary>
    public Wei Balance(EthAddress sender, string capability)
    {
        lock (gate) return balances.GetValueOrDefault((sender, capability));
    }

    /// <summary>Adds <paramref name="amount"/> and returns the new balance.</summary>
    public Wei Credit(EthAddress sender, string capability, Wei amount)
    {
        if (amount < Wei.Zero)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A credit is not negative.");
        lock (gate) return balances[(sender, capability)] = balances.GetValueOrDefault((sender, capability)) + amount;
    }

    /// <summary>Takes <paramref name="fee"/> (the balance may go below zero, as go-livepeer's does) and returns the new balance.</summary>
    public Wei Debit(EthAddress sender, string capability, Wei fee)
    {
        if (fee < Wei.Zero)
            throw new ArgumentOutOfRangeException(nameof(fee), fee, "A fee is not negative.");
        lock (gate) return balances[(sender, capability)] = balances.GetValueOrDefault((sender, capability)) - fee;
    }

    /// <summary>Whether the balance covers <paramref name="minimum"/> (one ticket's expected value in go-livepeer).</summary>
    public bool Covers(EthAddress sender, string capability, Wei minimum) => Balance(sender, capability) >= minimum;

    /// <summary>Every balance, for persisting.</summary>
    public IReadOnlyDictionary<(EthAddress Sender, string Capability), Wei> Snapshot()
    {
        lock (gate) return new Dictionary<(EthAddress, string), Wei>(balances);
    }
}
