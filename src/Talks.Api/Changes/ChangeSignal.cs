using Talks.Api.Answers.Caching;

namespace Talks.Api.Changes;

/// <summary>
/// The newest change number in the database, polled once per process however many streams are open: a stream waits
/// here, and queries the change table only once there is something past what it has sent. The table is shared, so
/// writes made through other instances wake the streams of this one too.
/// </summary>
public sealed class ChangeSignal(IChangeNumbers changes, ILogger<ChangeSignal> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private long _latest;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The newest change number seen at the last poll.</summary>
    public long Latest => Interlocked.Read(ref _latest);

    /// <summary>Returns once a change newer than <paramref name="seq"/> exists, or after <paramref name="timeout"/>.</summary>
    public async Task WaitBeyondAsync(long seq, TimeSpan timeout, CancellationToken ct)
    {
        var signal = Volatile.Read(ref _next).Task;
        if (Latest > seq)
        {
            return;
        }

        try
        {
            await signal.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            // Time for the caller's heartbeat; it asks again.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        do
        {
            try
            {
                var newest = await changes.NewestAsync(stoppingToken);
                if (newest != Latest)
                {
                    Interlocked.Exchange(ref _latest, newest);
                    Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly unreachable delays live updates; it must not end them.
                logger.LogWarning(e, "Could not read the newest change number; trying again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
