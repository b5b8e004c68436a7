namespace Pathway.Web.Assessments;

/// <summary>
/// How one feature's audited rows read in the trail. Each feature that owns <see cref="IAudited"/> rows
/// registers one (Assessments here, Planning in <c>PlanningSetup</c>), so the trail names every kind of
/// row without knowing the features that add them: Planning may use Assessments, never the reverse.
/// </summary>
public interface IAuditVocabulary
{
    /// <summary>The audited row types the feature owns, in the order the kind filter lists them.</summary>
    IReadOnlyList<Type> Entities { get; }

    /// <summary>Row types a round has at most one of: the kind's name is all a reader needs, their stored label is left out.</summary>
    IReadOnlySet<Type> OnePerRound { get; }

    /// <summary>The resource key prefix naming each value of an enum its rows hold (e.g. ActionStatus → "ActionStatus.").</summary>
    IReadOnlyDictionary<Type, string> ValueKeys { get; }

    /// <summary>
    /// What the given ids point to, among the round's rows the feature owns (a participant's name, an
    /// action's text); ids it does not know are left out.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(Guid roundId, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
