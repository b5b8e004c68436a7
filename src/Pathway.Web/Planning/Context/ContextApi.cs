using Microsoft.AspNetCore.Http.HttpResults;

namespace Pathway.Web.Planning;

/// <summary>
/// A round's context over the API. Enumerations travel as names; <c>activeContexts</c> are the
/// context notes that apply (Fragile, LargePrivateShare, Workforce, SupplyChain, Emergency, Federal, LowIncome).
/// </summary>
public sealed record ContextDto(
    bool IsFragile,
    string? IncomeGroup,
    decimal? PrivateSharePercent,
    string? PrivateShareSource,
    int? PrivateShareYear,
    string Governance,
    IReadOnlyList<string> FlagshipAreas,
    IReadOnlyList<string> ActiveContexts,
    bool Saved,
    DateTimeOffset? UpdatedAt,
    Guid? SuggestedFromRoundId)
{
    public static ContextDto From(ContextView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(
            view.IsFragile,
            view.IncomeGroup?.ToString(),
            view.PrivateSharePercent,
            view.PrivateShareSource,
            view.PrivateShareYear,
            view.Governance.ToString(),
            [.. view.FlagshipAreas.Select(area => area.ToString())],
            [.. view.ActiveContexts.Order().Select(context => context.ToString())],
            view.Saved,
            view.UpdatedAt,
            view.SuggestedFromRoundId);
    }
}

/// <summary>The context step over the API: read (with suggestions from the previous round) and save.</summary>
internal static class ContextApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/{id:guid}/context", GetContext).WithName("GetRoundContext")
            .WithDescription("The round's country context: fragile or conflict-affected setting, income group (Low, LowerMiddle, UpperMiddle, High), " +
                "private share of service delivery (% with source and year), governance (Unitary, Federal), flagship areas, and the context " +
                "notes that apply. Until the team saves it, the values are suggestions copied from the country's most recent other round " +
                "(saved = false, suggestedFromRoundId set), or empty. 404 when the round does not exist or is not visible to you.");
        routes.MapPut("/{id:guid}/context", PutContext).WithName("PutRoundContext")
            .WithDescription("Saves the whole context: isFragile (default false); incomeGroup (optional); privateSharePercent 0–100 (optional); " +
                "privateShareSource (required with a share, at most 300 characters); privateShareYear (1990 to this year, only with a share); " +
                "governance Unitary (default) or Federal; flagshipAreas (HealthWorkforce, SupplyChain, Emergencies, PrimaryHealthCare, " +
                "HealthFinancing, QualityOfCare), each once. Nothing is saved when a field is refused (400 with field errors). " +
                "Only the country team once the round is validated: 403 for others who see the round, 400 before validation.");
    }

    public static async Task<Results<Ok<ContextDto>, ProblemHttpResult>> GetContext(
        Guid id, PlanningRounds rounds, ContextBook book, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        return TypedResults.Ok(ContextDto.From(await book.GetAsync(round, cancellationToken)));
    }

    public static async Task<Results<Ok<ContextDto>, ProblemHttpResult>> PutContext(
        Guid id, ContextInput body, PlanningRounds rounds, ContextBook book, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenForEditAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var saved = await book.SaveAsync(round, body, cancellationToken);
        return saved.ToResult(context => TypedResults.Ok(ContextDto.From(context)));
    }
}
