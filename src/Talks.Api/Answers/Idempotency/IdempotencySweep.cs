using Microsoft.Extensions.Options;

namespace Talks.Api.Answers.Idempotency;

/// <summary>Forgets kept answers past their retention, at start-up and then periodically, so the table stays small.</summary>
internal sealed class IdempotencySweep(IdempotencyStore store, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencySweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepMinutes), clock);
        do
        {
            try
            {
                var removed = await store.SweepAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Forgot {Count} expired idempotency records", removed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy database now is no reason to stop the app; the next round catches up.
                logger.LogWarning(e, "Sweeping expired idempotency records failed; trying again next time");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
