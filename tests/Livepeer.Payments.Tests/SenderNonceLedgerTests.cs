namespace Livepeer.Payments.Tests;

public sealed class SenderNonceLedgerTests
{
    [Fact]
    public void Record_OutOfOrder_EachNonceOnceAndExportedCompactly()
    {
        var ledger = new SenderNonceLedger();
        foreach (var nonce in new uint[] { 1, 2, 5, 3, 4, 7 })
            Assert.Equal(TicketError.None, ledger.Record(42, nonce, 100));

        Assert.Equal(TicketError.NonceAlreadySeen, ledger.Record(42, 4, 100));
        var record = Assert.Single(ledger.Export());
        Assert.Equal(5u, record.Contiguous);
        Assert.Equal([7u], record.Others);
    }

    [Fact]
    public void ExportImport_AfterARestart_ReplaysStayRefusedAndTheCapHolds()
    {
        var ledger = new SenderNonceLedger();
        for (uint nonce = 1; nonce <= 599; nonce++) ledger.Record(42, nonce, 100);
        ledger.Record(42, 0, 100);

        var restored = new SenderNonceLedger();
        restored.Import(ledger.Export());

        Assert.Equal(TicketError.NonceAlreadySeen, restored.Record(42, 0, 100));
        Assert.Equal(TicketError.NonceAlreadySeen, restored.Record(42, 599, 100));
        Assert.Equal(TicketError.TooManyNonces, restored.Record(42, 600, 100));
        Assert.Equal(TicketError.None, restored.Record(43, 1, 100));
    }

    [Fact]
    public void Prune_ExpiredParameters_Forgotten()
    {
        var ledger = new SenderNonceLedger();
        ledger.Record(1, 1, 100);
        ledger.Record(2, 1, 200);

        Assert.Equal(1, ledger.Prune(150));
        Assert.Equal(1, ledger.Count);
    }
}
