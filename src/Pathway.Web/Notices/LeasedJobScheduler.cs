using Microsoft.Extensions.Options;

namespace Pathway.Web.Notices;

/// <summary>A job that takes its <see cref="JobLease"/>, does a bounded piece of work and can run again at any moment.</summary>
public interface ILeasedJob
{
    Task RunAsync(string holder, CancellationToken cancellationToken);
}

/// <summary>A job's scheduling settings: whether this server runs it at all, and how often it tries the lease.</summary>
public interface IScheduledJobOptions
{
    bool RunScheduledJob { get; }
    TimeSpan Interval { get; }
}

/// <summary>
/// Runs <typeparamref name="TJob"/> at start and then every <see cref="IScheduledJobOptions.Interval"/> on
/// <see cref="TimeProvider"/> timers, in a scope of its own each time. Every app server runs one; the job's lease lets one
/// of them work. A failed run is logged and tried again at the next tick: the jobs leave nothing half-done.
/// </summary>
public sealed class LeasedJobScheduler<TJob, TOptions>(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<TOptions> options, ILogger<LeasedJobScheduler<TJob, TOptions>> logger) : BackgroundService
    where TJob : ILeasedJob
    where TOptions : class, IScheduledJobOptions
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
                await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(holder, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                ScheduledJobLog.Failed(logger, typeof(TJob).Name, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

internal static partial class ScheduledJobLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduled job {Job} failed; it runs again at the next interval")]
    public static partial void Failed(ILogger logger, string job, Exception exception);
}
