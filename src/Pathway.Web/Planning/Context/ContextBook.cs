using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;

namespace Pathway.Web.Planning;

/// <summary>The context as shown and edited; <see cref="Saved"/> is false while it only holds suggestions.</summary>
public sealed record ContextView(
    bool IsFragile,
    IncomeGroup? IncomeGroup,
    decimal? PrivateSharePercent,
    string? PrivateShareSource,
    int? PrivateShareYear,
    GovernanceSystem Governance,
    IReadOnlyList<FlagshipArea> FlagshipAreas,
    bool Saved,
    DateTimeOffset? UpdatedAt)
{
    public IReadOnlySet<PlanningContext> ActiveContexts =>
        ContextRules.Active(IsFragile, IncomeGroup, PrivateSharePercent, Governance, FlagshipAreas);

    /// <summary>The earlier round of the country the suggestions were copied from, while not saved; null otherwise.</summary>
    public Guid? SuggestedFromRoundId { get; init; }

    public string? SuggestedFromTitle { get; init; }

    public static ContextView Empty { get; } = new(false, null, null, null, null, GovernanceSystem.Unitary, [], false, null);
}

/// <summary>Reads and saves a round's country context; shared by the context page and the API.</summary>
public sealed class ContextBook(PathwayDb db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The saved context, else one suggested from the country's previous round, else empty.</summary>
    public async Task<ContextView> GetAsync(PlanningRound round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var saved = await db.RoundContexts.AsNoTracking()
            .SingleOrDefaultAsync(context => context.AssessmentId == round.Round.Id, cancellationToken);
        if (saved is not null)
        {
            return View(saved, saved: true);
        }

        // The country's other rounds the caller can see, newest first. Few per country, so they are
        // ordered here: SQLite cannot order by a DateTimeOffset column.
        var country = round.Round.CountryIso3;
        var earlier = await db.RoundContexts.AsNoTracking()
            .Join(
                db.Assessments.AsNoTracking().VisibleTo(user).Where(a => a.CountryIso3 == country && a.Id != round.Round.Id),
                context => context.AssessmentId,
                assessment => assessment.Id,
                (context, assessment) => new { Context = context, assessment.Title, assessment.CreatedAt })
            .ToListAsync(cancellationToken);
        var latest = earlier.OrderByDescending(row => row.CreatedAt).ThenByDescending(row => row.Context.AssessmentId).FirstOrDefault();
        return latest is null
            ? ContextView.Empty
            : View(latest.Context, saved: false) with { SuggestedFromRoundId = latest.Context.AssessmentId, SuggestedFromTitle = latest.Title };
    }

    /// <summary>
    /// Checks the whole context, then creates or replaces the round's row. Only the country team, once
    /// planning is open; nothing is written when any field is refused.
    /// </summary>
    public async Task<Outcome<ContextView>> SaveAsync(PlanningRound round, ContextInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(input);
        if (PlanEditing.Refusal(round, l) is { } refusal)
        {
            return refusal;
        }
        var now = clock.GetUtcNow();
        var values = input.Check(l, now.Year, out var errors);
        if (values is null)
        {
            return Failure.Invalid(l["Context.Error.Title"], l["Context.Error.Detail", errors.Count], errors);
        }

        var row = await db.RoundContexts.SingleOrDefaultAsync(context => context.AssessmentId == round.Round.Id, cancellationToken);
        var isNew = row is null;
        if (row is null)
        {
            row = new RoundContext { AssessmentId = round.Round.Id, CountryIso3 = round.Round.CountryIso3 };
            db.RoundContexts.Add(row);
        }
        row.IsFragile = values.IsFragile;
        row.IncomeGroup = values.IncomeGroup;
        row.PrivateSharePercent = values.PrivateSharePercent;
        row.PrivateShareSource = values.PrivateShareSource;
        row.PrivateShareYear = values.PrivateShareYear;
        row.Governance = values.Governance;
        row.FlagshipAreas = [.. values.FlagshipAreas];
        row.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (isNew && exception.IsUniqueViolation())
        {
            // Two first saves at once: the unique index on the round lets one in; the other is told and keeps its input.
            db.ChangeTracker.Clear();
            var stored = await GetAsync(round, cancellationToken);
            return Failure.Conflict(l["Context.Error.Title"], l["Context.Error.Conflict"], ContextDto.From(stored));
        }
        // Read back, so the answer is what the database holds (its time and decimal precision), as a later read will be.
        return await GetAsync(round, cancellationToken);
    }

    private static ContextView View(RoundContext context, bool saved) => new(
        context.IsFragile,
        context.IncomeGroup,
        context.PrivateSharePercent,
        context.PrivateShareSource,
        context.PrivateShareYear,
        context.Governance,
        [.. context.FlagshipAreas],
        saved,
        saved ? context.UpdatedAt : null);
}
