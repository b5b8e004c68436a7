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
}

/// <summary>
/// Reads and saves a round's country context. OWNED BY THE CONTEXT/TARGETS SLICE — skeleton until implemented.
/// </summary>
public sealed class ContextBook
{
    /// <summary>The saved context, else one suggested from the country's previous round, else empty.</summary>
    public Task<ContextView> GetAsync(PlanningRound round, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
