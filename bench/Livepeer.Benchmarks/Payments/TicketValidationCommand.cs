using System.Diagnostics;
using System.Globalization;
using Livepeer.Benchmarks.Cli;
using Livepeer.Payments;
using Nethereum.Signer;

namespace Livepeer.Benchmarks.Payments;

/// <summary>
/// <c>tickets</c>: what an orchestrator does per received ticket — hash, signature recovery with the format checks,
/// recipient rand derivation (HMAC) and the win check — on one thread, over distinct signed tickets. Goal ≥ 5,000/s per core.
/// </summary>
internal static class TicketValidationCommand
{
    public static int Run(string[] args)
    {
        var options = new CommandArguments(args);
        var count = options.Int("--tickets", 20_000);
        var rounds = options.Int("--rounds", 5);
        options.EnsureAllRead();

        MachineFacts.Print();
        var key = EthECKey.GenerateKey();
        var sender = EthAddress.Parse(key.GetPublicAddress());
        var recipient = EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        var secret = new byte[32];
        Random.Shared.NextBytes(secret);
        var faceValue = System.Numerics.BigInteger.Parse("1200000000000000", CultureInfo.InvariantCulture);
        var winProb = TicketMath.WinProb(faceValue, 8_000_000_000);
        var aux = new byte[64];
        aux[31] = 1;
        var rand = RecipientRand.Derive(secret, 42, sender, faceValue, winProb, 20_000_040, 1100, 1, aux);
        var randHash = RecipientRand.Commitment(rand);
        var tickets = new (Ticket Ticket, byte[] Signature)[count];
        for (var i = 0; i < count; i++)
        {
            var ticket = new Ticket
            {
                Recipient = recipient, Sender = sender, FaceValue = faceValue, WinProb = winProb, SenderNonce = (uint)i + 1,
                RecipientRandHash = randHash, CreationRound = 1, CreationRoundBlockHash = aux[32..],
            };
            tickets[i] = (ticket, TicketSignature.Sign(ticket.Hash(), key));
        }

        for (var round = 0; round < rounds; round++)
        {
            var winners = 0;
            var started = Stopwatch.GetTimestamp();
            foreach (var (ticket, signature) in tickets)
            {
                var derived = RecipientRand.Derive(secret, 42, ticket.Sender, ticket.FaceValue, ticket.WinProb, 20_000_040, 1100, 1, ticket.AuxData());
                if (TicketSignature.Verify(ticket.Hash(), signature, ticket.Sender) != SignatureProblem.None)
                    throw new InvalidOperationException("A valid ticket was refused.");
                if (RecipientRand.IsWinning(signature, derived, ticket.WinProb))
                    winners++;
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tickets round={round + 1} validated={count} per_second={count / seconds:F0} us_per_ticket={1e6 * seconds / count:F1} winners={winners} (goal >= 5000/s per core) {MachineFacts.LoadAverageField()}"));
        }

        return 0;
    }
}
