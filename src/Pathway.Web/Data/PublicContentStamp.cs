using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pathway.Web.Data;

/// <summary>
/// One row whose value is replaced, in the same transaction, by every save that changes public content: servers
/// (and commands such as <c>demo</c>) that share the database see a change they did not make by the value moving
/// (<see cref="PublicContentWatch"/>). A fresh random value rather than a counter, so two saves racing from the same
/// value still leave one nobody has seen.
/// </summary>
public sealed class PublicContentStamp
{
    public const int RowId = 1;

    public int Id { get; init; }
    public long Value { get; set; }
}

internal sealed class PublicContentStampConfiguration : IEntityTypeConfiguration<PublicContentStamp>
{
    public void Configure(EntityTypeBuilder<PublicContentStamp> builder)
    {
        builder.Property(stamp => stamp.Id).ValueGeneratedNever();
        // The row exists from the migration on, so a save only ever updates it.
        builder.HasData(new PublicContentStamp { Id = PublicContentStamp.RowId, Value = 0 });
    }
}

/// <summary>
/// Reads <see cref="PublicContentStamp"/> every <see cref="Period"/> and drops this server's kept public pages when
/// it moved: the bound on how long a change made elsewhere can be missed.
/// </summary>
public sealed class PublicContentWatch(IServiceScopeFactory scopes, PublicContent content, TimeProvider clock, ILogger<PublicContentWatch> log)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        using var timer = new PeriodicTimer(Period, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var value = await scope.ServiceProvider.GetRequiredService<PathwayDb>().PublicContentStamps.AsNoTracking()
                    .Where(stamp => stamp.Id == PublicContentStamp.RowId).Select(stamp => stamp.Value).FirstOrDefaultAsync(stoppingToken);
                if (value != content.Stamp)
                {
                    content.Changed(value);
                }
                failing = false;
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // A database that is briefly away costs a late eviction, not the server; the pages' lifetime still bounds
                // it. Said once per outage, not every two seconds.
                if (!failing)
                {
                    log.LogWarning(failure, "Could not read the public content stamp; kept public pages expire on their own until it can.");
                }
                failing = true;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
