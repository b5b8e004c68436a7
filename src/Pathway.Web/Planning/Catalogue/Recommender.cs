using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Planning;

/// <summary>A catalogue action as offered for one mechanism in one round's context.</summary>
public sealed record RecommendedAction(
    string Code,
    string? MechanismCode,
    int? FromLevel,
    LocalizedText Text,
    ActionType Type,
    Effort Effort,
    int HorizonMonths,
    IReadOnlyList<LocalizedText> Capacities,
    IReadOnlyList<ContextNote> AppliedNotes,
    bool Preferred);

/// <summary>
/// The actions for one step up (from <see cref="FromLevel"/> to the next level), or for building the
/// evidence first (<see cref="FromLevel"/> null): those recommended in this context, in order, and
/// those set aside with the note that says why.
/// </summary>
public sealed record RecommendationStep(int? FromLevel, IReadOnlyList<RecommendedAction> Recommended, IReadOnlyList<RecommendedAction> SetAside);

/// <summary>What the catalogue offers one mechanism of a round.</summary>
public sealed record RecommendationsFor(string? CatalogueVersion, IReadOnlySet<PlanningContext> Contexts, IReadOnlyList<RecommendationStep> Steps);

/// <summary>
/// Fits catalogue actions to a round's context. Pure: an action marked Avoid for an active context is
/// set aside (Avoid outweighs a Prefer for another active context: the note says why it is unwise there);
/// the others are recommended, those preferred in an active context first, then the lighter effort, the
/// shorter horizon, and the catalogue's own order. Each action carries the notes of the active contexts.
/// </summary>
public static class RecommendationFit
{
    public static (IReadOnlyList<RecommendedAction> Recommended, IReadOnlyList<RecommendedAction> SetAside) Fit(
        IReadOnlyList<CatalogueAction> actions, IReadOnlySet<PlanningContext> contexts)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(contexts);
        var fitted = actions.Select((action, order) => (Action: Offer(action, contexts), Order: order)).ToList();
        var setAside = fitted.Where(item => IsSetAside(item.Action)).Select(item => item.Action).ToList();
        var recommended = fitted.Where(item => !IsSetAside(item.Action))
            .OrderByDescending(item => item.Action.Preferred)
            .ThenBy(item => item.Action.Effort)
            .ThenBy(item => item.Action.HorizonMonths)
            .ThenBy(item => item.Order)
            .Select(item => item.Action)
            .ToList();
        return (recommended, setAside);
    }

    /// <summary>The action as offered where <paramref name="contexts"/> apply (none: no notes, not preferred).</summary>
    public static RecommendedAction Offer(CatalogueAction action, IReadOnlySet<PlanningContext> contexts)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(contexts);
        var applied = action.Contexts.Where(note => contexts.Contains(note.Context)).ToList();
        return new(action.Code, action.MechanismCode, action.FromLevel, action.Text, action.Type, action.Effort, action.HorizonMonths,
            action.Capacities, applied, applied.Any(note => note.Fit == ContextFit.Prefer));
    }

    private static bool IsSetAside(RecommendedAction action) => action.AppliedNotes.Any(note => note.Fit == ContextFit.Avoid);

    /// <summary>
    /// The steps a mechanism's agreed answer calls for: from its level up to the target (one step when
    /// the target is missing or not above the level); the evidence-first step (from-level null) when no
    /// level was agreed; none when not applicable or already Advanced.
    /// </summary>
    public static IReadOnlyList<int?> StepsFor(MechanismAnswer answer, int? targetLevel)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.State switch
        {
            MechanismAnswerState.NotApplicable => [],
            MechanismAnswerState.Rated when answer.Level >= Levels.Highest => [],
            MechanismAnswerState.Rated => [.. Enumerable.Range(answer.Level!.Value,
                Math.Max(1, Math.Min(targetLevel ?? 0, Levels.Highest) - answer.Level.Value)).Select(level => (int?)level)],
            _ => [null],
        };
    }
}

/// <summary>
/// Reads the catalogue written for a round's framework version (the newest, when several are) and fits
/// it to the round's context.
/// </summary>
public sealed class Recommender(CatalogueReader catalogues)
{
    // Scoped (one request): a page asking for many mechanisms reads the catalogue's key once.
    private string? loadedFor;
    private CatalogueIndex? loaded;

    /// <summary>
    /// The steps from the mechanism's agreed level up to <paramref name="targetLevel"/> (one step when
    /// no target is given), or the evidence-first actions when no level was agreed; none for a
    /// not-applicable mechanism or one already Advanced.
    /// </summary>
    public async Task<RecommendationsFor> ForMechanismAsync(
        PlanningRound round, PlanningMechanism mechanism, int? targetLevel, IReadOnlySet<PlanningContext> contexts,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        ArgumentNullException.ThrowIfNull(contexts);
        var catalogue = await CatalogueAsync(round, cancellationToken);
        if (catalogue is null)
        {
            return new(null, contexts, []);
        }
        var steps = RecommendationFit.StepsFor(mechanism.Answer, targetLevel)
            .Select(fromLevel =>
            {
                var (recommended, setAside) = RecommendationFit.Fit(
                    fromLevel is { } level ? catalogue.Step(mechanism.Code, level) : catalogue.EvidenceFirst, contexts);
                return new RecommendationStep(fromLevel, recommended, setAside);
            })
            .ToList();
        return new(catalogue.Summary.Version, contexts, steps);
    }

    /// <summary>
    /// One action of the catalogue the round's framework version uses, by code (a mechanism's action or
    /// an evidence-first one, EV-a…); null if unknown. Offered without context: no notes applied.
    /// </summary>
    public async Task<RecommendedAction?> FindAsync(PlanningRound round, string code, CancellationToken cancellationToken = default)
    {
        var catalogue = await CatalogueAsync(round, cancellationToken);
        return catalogue?.Find(code) is { } action ? RecommendationFit.Offer(action, new HashSet<PlanningContext>()) : null;
    }

    /// <summary>The version of the catalogue <see cref="FindAsync"/> reads for the round; null when there is none.</summary>
    public async Task<string?> CatalogueVersionAsync(PlanningRound round, CancellationToken cancellationToken = default) =>
        (await CatalogueAsync(round, cancellationToken))?.Summary.Version;

    private async Task<CatalogueIndex?> CatalogueAsync(PlanningRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var frameworkVersion = round.Framework.Version.Version;
        if (loadedFor != frameworkVersion)
        {
            loaded = await catalogues.ForFrameworkAsync(frameworkVersion, cancellationToken);
            loadedFor = frameworkVersion;
        }
        return loaded;
    }
}
