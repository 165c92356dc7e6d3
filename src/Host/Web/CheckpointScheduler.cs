namespace PerformancePlan.Host.Web;

/// <summary>
/// Runs the <see cref="CheckpointSchedule"/> while the service is up: every <see cref="CheckpointSchedule.Poll"/> it
/// asks whether a signed checkpoint is due by the service's clock, and takes and exports it. A failure (an altered
/// ledger, an unreadable key, a folder that cannot be written) is logged as an error and tried again at the next poll;
/// the service keeps answering.
/// </summary>
public sealed class CheckpointScheduler(CheckpointSchedule schedule, IDocumentStore store, IClock clock,
    ILogger<CheckpointScheduler> log) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (schedule.Every is null) return;
        var since = clock.GetCurrentInstant();
        using var timer = new PeriodicTimer(schedule.Poll);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    foreach (var file in await schedule.TickAsync(store, clock, since, stoppingToken))
                        log.LogInformation("Checkpoint programmato firmato ed esportato in {File}", file);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError("Checkpoint programmato non riuscito: {Reason}", e is DomainException or IOException
                        or UnauthorizedAccessException ? e.Message : e.ToString());
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}
