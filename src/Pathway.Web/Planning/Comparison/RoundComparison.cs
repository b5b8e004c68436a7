using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Scoring;

namespace Pathway.Web.Planning;

/// <summary>Another round of the same country and scope that has agreed answers to compare with.</summary>
public sealed record ComparableRound(
    Guid Id, string Title, AssessmentStatus Status, string FrameworkVersion, DateTimeOffset CreatedAt, DateOnly? PlannedStart, DateOnly? PlannedEnd);

/// <summary>An action item marked done in a plan of the rounds between the two compared (the older included, the newer not).</summary>
public sealed record CompletedAction(Guid Id, Guid AssessmentId, string RoundTitle, string MechanismCode, string What, DateOnly? CompletedOn);

/// <summary>
/// A behaviour's score then and now. Its change needs a mean in both rounds, and rounds on the same
/// version or joined by a crosswalk: without one the two means rest on unrelated mechanisms.
/// </summary>
public sealed record BehaviourChange(BehaviourView Behaviour, BehaviourResult? Then, BehaviourResult Now, bool Comparable)
{
    public decimal? Change => Comparable && Then?.Mean is { } then && Now.Mean is { } now ? now - then : null;
}

/// <summary>
/// One line of the crosswalk with what each round says: the newer mechanism (absent for an old one
/// that has no counterpart), the older mechanisms it relates to, the agreed answers (the earlier one
/// only on a comparable line) and the actions completed in between that concern it.
/// </summary>
public sealed record MechanismChange(
    CrosswalkLine Line,
    BehaviourView? Behaviour,
    MechanismView? Mechanism,
    IReadOnlyList<MechanismView> Previous,
    MechanismAnswer? Then,
    MechanismAnswer? Now,
    IReadOnlyList<CompletedAction> CompletedActions)
{
    /// <summary>Levels gained (negative: lost); null unless both answers are levels.</summary>
    public int? Change => Then?.Level is { } then && Now?.Level is { } now ? now - then : null;
}

/// <summary>
/// Two rounds of one country and scope, older first. <see cref="CrosswalkVersion"/> is the newer
/// round's framework version when the versions differ and it declares a crosswalk from the older
/// one; <see cref="OtherActions"/> are completed actions of rounds on a third version, which no
/// crosswalk here can place.
/// </summary>
public sealed record ComparisonView(
    Round Older,
    Round Newer,
    string? CrosswalkVersion,
    IReadOnlyList<BehaviourChange> Behaviours,
    IReadOnlyList<MechanismChange> Mechanisms,
    IReadOnlyList<CompletedAction> OtherActions)
{
    public bool SameVersion => Older.FrameworkVersion == Newer.FrameworkVersion;

    public IEnumerable<MechanismChange> NotComparable => Mechanisms.Where(mechanism => !mechanism.Line.IsComparable);
}

/// <summary>
/// Progress across rounds: any two rounds of a country with the same scope, per behaviour and
/// mechanism, with the actions completed in between. Rounds on different framework versions are
/// paired only through the crosswalk the newer version declares (see <see cref="Crosswalk"/>).
/// </summary>
public sealed class RoundComparison(PathwayDb db, PlanningRounds rounds, CurrentUser user, ActionItemText texts, IStringLocalizer<SharedResource> l)
{
    /// <summary>The caller's other visible rounds of the same country and scope with agreed answers, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<ComparableRound>>> ComparableRoundsAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        var opened = await rounds.OpenAsync(roundId, cancellationToken);
        if (opened.Value is not { } planning)
        {
            return opened.Failure!;
        }
        return await ComparableRoundsAsync(planning.Round, cancellationToken);
    }

    /// <summary>The same, for a round the caller has already opened.</summary>
    public async Task<List<ComparableRound>> ComparableRoundsAsync(Round round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var rows = await SameCountryAndScope(round)
            .Where(other => other.Id != round.Id
                && db.ConsensusRatings.Any(consensus => consensus.AssessmentId == other.Id && consensus.State != MechanismAnswerState.NotAssessed))
            .Select(other => new ComparableRound(other.Id, other.Title, other.Status, other.FrameworkVersion!.Version, other.CreatedAt, other.PlannedStart, other.PlannedEnd))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(other => other.CreatedAt).ThenByDescending(other => other.Id)];
    }

    /// <summary>
    /// The two rounds compared, older first by creation. 404 when either is not visible; 400 when they
    /// are the same round or differ in country or scope.
    /// </summary>
    public async Task<Outcome<ComparisonView>> CompareAsync(Guid roundId, Guid otherRoundId, CancellationToken cancellationToken = default)
    {
        var first = await rounds.OpenAsync(roundId, cancellationToken);
        if (first.Value is not { } one)
        {
            return first.Failure!;
        }
        var second = await rounds.OpenAsync(otherRoundId, cancellationToken);
        if (second.Value is not { } other)
        {
            return second.Failure!;
        }
        if (one.Round.Id == other.Round.Id)
        {
            return Failure.Invalid(l["Compare.Error.Title"], l["Compare.Error.Same"]);
        }
        if (one.Round.CountryIso3 != other.Round.CountryIso3)
        {
            return Failure.Invalid(l["Compare.Error.Title"], l["Compare.Error.Country"]);
        }
        if (one.Round.Scope != other.Round.Scope || !string.Equals(one.Round.ScopeDetail, other.Round.ScopeDetail, StringComparison.Ordinal))
        {
            return Failure.Invalid(l["Compare.Error.Title"], l["Compare.Error.Scope"]);
        }
        var (older, newer) = (one.Round.CreatedAt, one.Round.Id).CompareTo((other.Round.CreatedAt, other.Round.Id)) < 0 ? (one, other) : (other, one);

        var (basis, crosswalkVersion) = await BasisAsync(older.Round, newer.Round, cancellationToken);
        var lines = Crosswalk.Pair([.. older.Mechanisms.Select(m => m.Code)], [.. newer.Mechanisms.Select(m => m.Code)], basis);
        var actions = await CompletedBetweenAsync(older.Round, newer.Round, cancellationToken);

        var mechanisms = lines.Select(line =>
        {
            var now = newer.Find(line.NewCode);
            return new MechanismChange(
                line,
                now?.Behaviour,
                now?.Mechanism,
                [.. line.OldCodes.Select(older.Find).OfType<PlanningMechanism>().Select(previous => previous.Mechanism)],
                line.IsComparable ? older.Find(line.OldCode)?.Answer : null,
                now?.Answer,
                [.. actions.Where(action => Concerns(action, line, older.Round, newer.Round)).Select(action => action.Action)]);
        }).ToList();
        var others = actions
            .Where(action => action.Version != older.Round.FrameworkVersion && action.Version != newer.Round.FrameworkVersion)
            .Select(action => action.Action)
            .ToList();

        var then = Profile(older);
        var behaviours = RoundResults.Profile(newer.Framework, Answers(newer)).Behaviours
            .Zip(newer.Framework.Behaviours, (result, view) => new BehaviourChange(view, then.GetValueOrDefault(view.Code), result, basis.PairsAnything))
            .ToList();
        return new ComparisonView(older.Round, newer.Round, crosswalkVersion, behaviours, mechanisms, others);
    }

    private IQueryable<Assessment> SameCountryAndScope(Round round) =>
        db.Assessments.AsNoTracking().VisibleTo(user)
            .Where(other => other.CountryIso3 == round.CountryIso3 && other.Scope == round.Scope && other.ScopeDetail == round.ScopeDetail
                // Demonstration rounds and real ones never measure each other's progress.
                && other.IsDemonstration == round.IsDemonstration);

    /// <summary>Identity within one version; across versions only the newer version's declared crosswalk from the older one.</summary>
    private async Task<(CrosswalkBasis Basis, string? DeclaredBy)> BasisAsync(Round older, Round newer, CancellationToken cancellationToken)
    {
        if (older.FrameworkVersion == newer.FrameworkVersion)
        {
            return (CrosswalkBasis.SameVersion, null);
        }
        var declared = await db.FrameworkVersions.AsNoTracking()
            .Where(version => version.Id == newer.FrameworkKey.Id)
            .Select(version => new { version.CrosswalkFrom, version.Crosswalk })
            .SingleAsync(cancellationToken);
        return declared.CrosswalkFrom == older.FrameworkVersion
            ? (CrosswalkBasis.Declared(declared.Crosswalk), newer.FrameworkVersion)
            : (CrosswalkBasis.None, null);
    }

    private sealed record ActionInRound(CompletedAction Action, string Version);

    /// <summary>Done items of the visible rounds of the same country and scope from the older round up to, not including, the newer.</summary>
    private async Task<List<ActionInRound>> CompletedBetweenAsync(Round older, Round newer, CancellationToken cancellationToken)
    {
        var between = SameCountryAndScope(older)
            .Where(round => round.Id == older.Id || (round.CreatedAt > older.CreatedAt && round.CreatedAt < newer.CreatedAt));
        var rows = await (
                from item in db.ActionItems.AsNoTracking()
                join round in between on item.AssessmentId equals round.Id
                where item.Status == ActionStatus.Done
                select new
                {
                    item.Id, item.AssessmentId, round.Title, item.MechanismCode, item.What, item.CompletedOn, item.CreatedAt,
                    item.RecommendationCode, item.CatalogueVersion, item.WhatFromCatalogue,
                    Version = round.FrameworkVersion!.Version,
                })
            .ToListAsync(cancellationToken);
        var actions = new List<ActionInRound>(rows.Count);
        foreach (var row in rows.OrderBy(row => row.CompletedOn ?? DateOnly.MaxValue).ThenBy(row => row.CreatedAt).ThenBy(row => row.Id))
        {
            // Read as the plan pages read it: catalogue text in the reader's language until the team edits it.
            var what = await texts.WhatAsync(row.What, row.RecommendationCode, row.CatalogueVersion, row.WhatFromCatalogue, cancellationToken);
            actions.Add(new ActionInRound(new CompletedAction(row.Id, row.AssessmentId, row.Title, row.MechanismCode, what, row.CompletedOn), row.Version));
        }
        return actions;
    }

    /// <summary>
    /// An action of a round on the newer version concerns the line of its code; one on the older
    /// version, every line its code maps to (each part of a split, a merge, or its own line when it has
    /// no counterpart).
    /// </summary>
    private static bool Concerns(ActionInRound action, CrosswalkLine line, Round older, Round newer)
    {
        var code = action.Action.MechanismCode;
        if (action.Version == newer.FrameworkVersion)
        {
            return string.Equals(line.NewCode, code, StringComparison.Ordinal);
        }
        return action.Version == older.FrameworkVersion && line.OldCodes.Contains(code, StringComparer.Ordinal);
    }

    private static Dictionary<string, MechanismAnswer> Answers(PlanningRound round) =>
        round.Mechanisms.ToDictionary(mechanism => mechanism.Code, mechanism => mechanism.Answer, StringComparer.Ordinal);

    private static Dictionary<string, BehaviourResult> Profile(PlanningRound round) =>
        RoundResults.Profile(round.Framework, Answers(round)).Behaviours.ToDictionary(behaviour => behaviour.Code, StringComparer.Ordinal);
}
