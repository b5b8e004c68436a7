using Microsoft.Extensions.Options;

namespace Pathway.Web.Notices;

/// <summary>
/// Runs <see cref="NoticeJob"/> at start and then every <see cref="NoticeOptions.Interval"/> on
/// <see cref="TimeProvider"/> timers. Every app server runs one; the job's lease lets one of them work.
/// </summary>
public sealed partial class NoticeScheduler(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<NoticeOptions> options, ILogger<NoticeScheduler> logger) : BackgroundService
{
    /// <summary>This server's name on the lease: machine, process and a random part, so two processes never share it.</summary>
    private readonly string holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunScheduledJob)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NoticeJob>().RunAsync(holder, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again; nothing the job half-did is lost (see NoticeJob).
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The notice job failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
