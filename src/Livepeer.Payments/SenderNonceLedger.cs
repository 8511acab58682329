using System.Numerics;

namespace Livepeer.Payments;

/// <summary>The nonces seen for one recipient rand, as stored: every nonce from 1 to <paramref name="Contiguous"/>, plus <paramref name="Others"/>.</summary>
/// <param name="Rand">The recipient rand.</param>
/// <param name="ExpirationBlock">When its parameters expire (and the record can go).</param>
/// <param name="Contiguous">1…this were all seen (0: none).</param>
/// <param name="Others">Nonces seen outside that run (0, or ahead of a gap).</param>
public sealed record NonceRecordSet(BigInteger Rand, BigInteger ExpirationBlock, uint Contiguous, uint[] Others);

/// <summary>
/// The nonces an orchestrator has accepted per recipient rand (one set of ticket parameters), so that no ticket is
/// counted twice: at most <see cref="MaxNoncesPerRand"/> per rand, as go-livepeer allows, forgotten once the
/// parameters expire (a ticket for expired parameters is refused anyway). Gateways number tickets 1, 2, 3…, so each
/// rand is kept as the run 1…n seen so far plus the few nonces that arrived ahead of it (payments of one session can
/// be admitted out of order): what is stored after every payment stays a few bytes per rand. Thread-safe.
/// </summary>
public sealed class SenderNonceLedger
{
    /// <summary>go-livepeer's <c>maxSenderNonces</c>.</summary>
    public const int MaxNoncesPerRand = 600;

    private readonly Dictionary<BigInteger, Seen> byRand = [];
    private readonly Lock gate = new();

    /// <summary>Records <paramref name="nonce"/> for <paramref name="rand"/>; the error when it was seen or the set is full.</summary>
    public TicketError Record(BigInteger rand, uint nonce, BigInteger expirationBlock)
    {
        lock (gate)
        {
            if (!byRand.TryGetValue(rand, out var seen))
                byRand[rand] = seen = new Seen(expirationBlock);
            if (seen.Contains(nonce))
                return TicketError.NonceAlreadySeen;
            if (seen.Count >= MaxNoncesPerRand)
                return TicketError.TooManyNonces;
            seen.Add(nonce);
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

    /// <summary>Everything on record, for persisting.</summary>
    public IReadOnlyList<NonceRecordSet> Export()
    {
        lock (gate) return [.. byRand.Select(e => new NonceRecordSet(e.Key, e.Value.ExpirationBlock, e.Value.Contiguous, [.. e.Value.Others]))];
    }

    /// <summary>Adds records written by <see cref="Export"/> (after a restart), so replays stay refused.</summary>
    public void Import(IEnumerable<NonceRecordSet> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (gate)
        {
            foreach (var record in records)
            {
                if (!byRand.TryGetValue(record.Rand, out var seen))
                    byRand[record.Rand] = seen = new Seen(record.ExpirationBlock);
                for (var nonce = 1u; nonce <= record.Contiguous; nonce++) seen.Add(nonce);
                foreach (var nonce in record.Others) seen.Add(nonce);
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

    /// <summary>One rand's nonces: the run 1…<see cref="Contiguous"/> and the rest.</summary>
    private sealed class Seen(BigInteger expirationBlock)
    {
        public BigInteger ExpirationBlock { get; } = expirationBlock;

        public uint Contiguous { get; private set; }

        public HashSet<uint> Others { get; } = [];

        public int Count => (int)Contiguous + Others.Count;

        public bool Contains(uint nonce) => (nonce >= 1 && nonce <= Contiguous) || Others.Contains(nonce);

        public void Add(uint nonce)
        {
            if (Contains(nonce)) return;
            if (nonce != Contiguous + 1 || nonce == 0)
            {
                Others.Add(nonce);
                return;
            }

            Contiguous = nonce;
            while (Contiguous < uint.MaxValue && Others.Remove(Contiguous + 1)) Contiguous++;
        }
    }
}
