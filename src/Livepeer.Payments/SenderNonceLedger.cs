using System.Numerics;

namespace Livepeer.Payments;

/// <summary>
/// The nonces an orchestrator has accepted per recipient rand (one set of ticket parameters), so that no ticket is
/// counted twice: at most <see cref="MaxNoncesPerRand"/> per rand, as go-livepeer allows, forgotten once the
/// parameters expire (a ticket for expired parameters is refused anyway). Thread-safe.
/// </summary>
public sealed class SenderNonceLedger
{
    /// <summary>go-livepeer's <c>maxSenderNonces</c>.</summary>
    public const int MaxNoncesPerRand = 600;

    private readonly Dictionary<BigInteger, (HashSet<uint> Nonces, BigInteger ExpirationBlock)> byRand = [];
    private readonly Lock gate = new();

    /// <summary>Records <paramref name="nonce"/> for <paramref name="rand"/>; the error when it was seen or the set is full.</summary>
    public TicketError Record(BigInteger rand, uint nonce, BigInteger expirationBlock)
    {
        lock (gate)
        {
            if (!byRand.TryGetValue(rand, out var entry))
            {
                entry = ([], expirationBlock);
                byRand[rand] = entry;
            }

            if (entry.Nonces.Contains(nonce))
                return TicketError.NonceAlreadySeen;
            if (entry.Nonces.Count >= MaxNoncesPerRand)
                return TicketError.TooManyNonces;
            entry.Nonces.Add(nonce);
            return TicketError.None;
        }
    }

    /// <summary>Forgets every rand whose parameters expired at or before <paramref name="lastSeenL1Block"/>.</summary>
    public int Prune(BigInteger lastSeenL1Block)
    {
        lock (gate)
        {
            var expired = byRand.Where(e => e.Value.ExpirationBlock <= lastSeenL1Block).Select(e => e.Key).ToList();
            foreach (var rand in expired) byRand.Remove(rand);
            return expired.Count;
        }
    }

    /// <summary>Everything on record, for persisting: per rand, its parameters' expiration block and the nonces seen.</summary>
    public IReadOnlyList<(BigInteger Rand, BigInteger ExpirationBlock, uint[] Nonces)> Export()
    {
        lock (gate) return [.. byRand.Select(e => (e.Key, e.Value.ExpirationBlock, e.Value.Nonces.Order().ToArray()))];
    }

    /// <summary>Adds records written by <see cref="Export"/> (after a restart), so replays stay refused.</summary>
    public void Import(IEnumerable<(BigInteger Rand, BigInteger ExpirationBlock, uint[] Nonces)> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (gate)
        {
            foreach (var (rand, expirationBlock, seen) in records)
            {
                if (!byRand.TryGetValue(rand, out var entry))
                    byRand[rand] = entry = ([], expirationBlock);
                entry.Nonces.UnionWith(seen);
            }
        }
    }

    /// <summary>Rands with nonces on record.</summary>
    public int Count
    {
        get
        {
            lock (gate) return byRand.Count;
        }
    }
}
