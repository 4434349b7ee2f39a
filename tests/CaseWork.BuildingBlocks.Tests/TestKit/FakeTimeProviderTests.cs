using CaseWork.TestKit;

namespace CaseWork.BuildingBlocks.Tests.TestKit;

/// <summary>The hand-moved clock other tests rely on.</summary>
public sealed class FakeTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_clock_moves_only_when_told()
    {
        var clock = new FakeTimeProvider(Start.ToOffset(TimeSpan.FromHours(1)));

        Assert.Equal(Start, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(Start.AddMinutes(5), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMinutes(5), clock.GetElapsedTime(new FakeTimeProvider(Start).GetTimestamp(), clock.GetTimestamp()));
    }

    [Fact]
    public void Time_does_not_run_backwards()
    {
        var clock = new FakeTimeProvider(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(Start.AddTicks(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
    }

    [Fact]
    public async Task A_delay_completes_when_the_clock_passes_it()
    {
        var clock = new FakeTimeProvider(Start);
        var delay = Task.Delay(TimeSpan.FromSeconds(10), clock);

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Periodic_timers_fire_once_per_period_at_their_due_times()
    {
        var clock = new FakeTimeProvider(Start);
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));

        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(3), Start.AddMinutes(5)], fired);
        Assert.Equal(Start.AddMinutes(6), clock.GetUtcNow());
    }

    [Fact]
    public void A_disposed_or_stopped_timer_does_not_fire()
    {
        var clock = new FakeTimeProvider(Start);
        var fired = 0;
        var disposed = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var stopped = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        disposed.Dispose();
        stopped.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, fired);
    }
}
