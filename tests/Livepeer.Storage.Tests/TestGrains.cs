using System.Collections.Concurrent;

namespace Livepeer.Storage.Tests;

[GenerateSerializer]
[Alias("livepeer-test.CounterState")]
public sealed class CounterState
{
    [Id(0)]
    public int Count { get; set; }

    [Id(1)]
    public string? Note { get; set; }
}

[Alias("livepeer-test.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("Increment")]
    Task<int> Increment();

    [Alias("Get")]
    Task<int> Get();

    [Alias("RecordExists")]
    Task<bool> RecordExists();

    [Alias("Clear")]
    Task Clear();
}

/// <summary>Keeps a counter in the "pg" ADO.NET grain storage.</summary>
[GrainType("livepeer-test-counter")]
public sealed class CounterGrain([PersistentState("tally", TestSilo.StorageName)] IPersistentState<CounterState> counter)
    : Grain, ICounterGrain
{
    public async Task<int> Increment()
    {
        counter.State.Count++;
        await counter.WriteStateAsync();
        return counter.State.Count;
    }

    public Task<int> Get() => Task.FromResult(counter.State.Count);

    public Task<bool> RecordExists() => Task.FromResult(counter.RecordExists);

    public Task Clear() => counter.ClearStateAsync();
}

[Alias("livepeer-test.IAlarmGrain")]
public interface IAlarmGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task Register(string name, TimeSpan dueTime, TimeSpan period);

    [Alias("ListReminders")]
    Task<string[]> ListReminders();

    [Alias("UnregisterAll")]
    Task UnregisterAll();
}

/// <summary>Registers reminders and counts their ticks in <see cref="ReminderTicks"/>.</summary>
[GrainType("livepeer-test-alarm")]
public sealed class AlarmGrain : Grain, IAlarmGrain, IRemindable
{
    public async Task Register(string name, TimeSpan dueTime, TimeSpan period)
        => await this.RegisterOrUpdateReminder(name, dueTime, period);

    public async Task<string[]> ListReminders()
        => [.. (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal)];

    public async Task UnregisterAll()
    {
        foreach (var reminder in await this.GetReminders())
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderTicks.Record(this.GetPrimaryKeyString(), reminderName);
        return Task.CompletedTask;
    }
}

/// <summary>Process-wide tick counts, keyed by "grain key/reminder name".</summary>
public static class ReminderTicks
{
    private static readonly ConcurrentDictionary<string, int> Counts = new(StringComparer.Ordinal);

    public static void Record(string grainKey, string reminderName)
        => Counts.AddOrUpdate($"{grainKey}/{reminderName}", 1, (_, n) => n + 1);

    public static int Get(string grainKey, string reminderName)
        => Counts.TryGetValue($"{grainKey}/{reminderName}", out var n) ? n : 0;

    public static void Reset(string grainKey, string reminderName)
        => Counts.TryRemove($"{grainKey}/{reminderName}", out _);
}
