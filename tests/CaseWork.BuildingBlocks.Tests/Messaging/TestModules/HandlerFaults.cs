using System.Collections.Concurrent;

namespace CaseWork.BuildingBlocks.Tests.Messaging.TestModules;

/// <summary>
/// Lets a test make an integration-event handler fail a number of times, and counts how often each handler ran.
/// Registered as a singleton in the test host; the handlers report to it.
/// </summary>
internal sealed class HandlerFaults
{
    private readonly ConcurrentDictionary<Type, int> _failuresLeft = new();
    private readonly ConcurrentDictionary<Type, int> _invocations = new();
    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Type? _meetingHandler;
    private int _meetingParties;
    private int _arrived;

    /// <summary>
    /// Holds the first <paramref name="parties"/> invocations of <typeparamref name="THandler"/> until all of them
    /// have arrived, so that concurrent dispatchers are inside the same delivery at once (or 10 s have passed).
    /// </summary>
    public void MeetOnFirstInvocations<THandler>(int parties)
    {
        _meetingParties = parties;
        _meetingHandler = typeof(THandler);
    }

    public async Task MeetAsync(Type handler)
    {
        if (handler != _meetingHandler || Interlocked.Increment(ref _arrived) > _meetingParties)
        {
            return;
        }

        if (_arrived == _meetingParties)
        {
            _allArrived.TrySetResult();
        }

        try
        {
            await _allArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // The others never came; go on alone and let the test's assertions tell.
        }
    }

    public void FailNext<THandler>(int times = 1) => _failuresLeft[typeof(THandler)] = times;

    public int Invocations<THandler>() => _invocations.GetValueOrDefault(typeof(THandler));

    public void OnHandling(Type handler)
    {
        _invocations.AddOrUpdate(handler, 1, (_, count) => count + 1);
        var failNow = false;
        _failuresLeft.AddOrUpdate(handler, 0, (_, left) =>
        {
            failNow = left > 0;
            return Math.Max(0, left - 1);
        });
        if (failNow)
        {
            throw new InvalidOperationException($"Simulated failure of {handler.Name}.");
        }
    }
}
