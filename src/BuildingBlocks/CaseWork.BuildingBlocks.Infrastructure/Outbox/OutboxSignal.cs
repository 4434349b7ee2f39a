namespace CaseWork.BuildingBlocks.Infrastructure.Outbox;

/// <summary>Wakes the dispatcher right after a commit wrote outbox messages, so delivery does not wait for the next sweep.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Requests a sweep soon.</summary>
    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit signalled at the same moment; one sweep serves both.
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _signal.Dispose();

    /// <summary>Waits for a signal or the timeout.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
