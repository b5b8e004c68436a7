using Microsoft.Extensions.Options;

namespace Pathway.Web.Events.Registrations;

/// <summary>
/// Runs <see cref="EventJob"/> at start and then every <see cref="EventOptions.Interval"/> on <see cref="TimeProvider"/>
/// timers. Every app server runs one; the job's lease lets one of them work. <c>Events:RunScheduledJob</c> false turns it off.
/// </summary>
public sealed partial class EventScheduler(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<EventOptions> options, ILogger<EventScheduler> logger) : BackgroundService
{
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
                await scope.ServiceProvider.GetRequiredService<EventJob>().RunAsync(holder, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The events job failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
