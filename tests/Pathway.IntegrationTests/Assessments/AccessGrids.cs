using System.Net.Http.Json;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>
/// The grids many endpoints share, and the rule builders, for <see cref="AccessRules"/> and
/// <see cref="PlanningAccessRules"/> alike. Each grid has a row per round kind and a letter per caller:
/// <code>
///   FP  focal point of the round's country          Ad  administrator
///   Fa  facilitator of the round (not the FP)       RO  regional officer of the round's region
///   Re  respondent of the round                     Rv  reviewer of the round's region
///   Ob  observer of the round                       OR  reviewer of another region
///   Co  contributor of the country, not in it       OC  focal point of another country (other region)
///                                                   CE  content editor (no country's rounds)
///                                                   An  anonymous
/// </code>
/// Who sees a round (<c>RoundQueries.VisibleTo</c>): the country's people and administrators always;
/// reviewers and regional officers of its region once it was first submitted (Submitted, Returned,
/// Validated, Published); nobody of another country or region. What they may do in it is
/// <c>RoundPermissions</c>: facilitators are the focal point, the round's facilitators and administrators.
/// </summary>
public static class AccessGrids
{
    //                                                   FP Fa Re Ob Co Ad RO Rv OR OC CE An

    /// <summary>Everyone who sees the round reads; reviewers and regional officers of the region once it was submitted.</summary>
    public static readonly AccessGrid TeamReads = new(
        Draft: /*                                      */ "A  A  A  A  A  A  N  N  N  N  N  S",
        Open: /*                                       */ "A  A  A  A  A  A  N  N  N  N  N  S",
        Consensus: /*                                  */ "A  A  A  A  A  A  N  N  N  N  N  S",
        Submitted: /*                                  */ "A  A  A  A  A  A  A  A  N  N  N  S",
        Returned: /*                                   */ "A  A  A  A  A  A  A  A  N  N  N  S",
        Validated: /*                                  */ "A  A  A  A  A  A  A  A  N  N  N  S",
        Published: /*                                  */ "A  A  A  A  A  A  A  A  N  N  N  S");

    /// <summary>
    /// The spread and the agreed answers: nobody before the consensus step (facilitators see progress counts
    /// only); from it on, everyone who sees the round (<c>CanSeeSpread</c>).
    /// </summary>
    public static readonly AccessGrid SpreadReads = new(
        Draft: /*                                      */ "F  F  F  F  F  F  N  N  N  N  N  S",
        Open: /*                                       */ "F  F  F  F  F  F  N  N  N  N  N  S",
        Consensus: /*                                  */ "A  A  A  A  A  A  N  N  N  N  N  S",
        Submitted: /*                                  */ "A  A  A  A  A  A  A  A  N  N  N  S",
        Returned: /*                                   */ "A  A  A  A  A  A  A  A  N  N  N  S",
        Validated: /*                                  */ "A  A  A  A  A  A  A  A  N  N  N  S",
        Published: /*                                  */ "A  A  A  A  A  A  A  A  N  N  N  S");

    /// <summary>The audit trail (<c>CanSeeAudit</c>): facilitators (focal point, the round's, administrators), reviewers and regional officers.</summary>
    public static readonly AccessGrid AuditReads = new(
        Draft: /*                                      */ "A  A  F  F  F  A  N  N  N  N  N  S",
        Open: /*                                       */ "A  A  F  F  F  A  N  N  N  N  N  S",
        Consensus: /*                                  */ "A  A  F  F  F  A  N  N  N  N  N  S",
        Submitted: /*                                  */ "A  A  F  F  F  A  A  A  N  N  N  S",
        Returned: /*                                   */ "A  A  F  F  F  A  A  A  N  N  N  S",
        Validated: /*                                  */ "A  A  F  F  F  A  A  A  N  N  N  S",
        Published: /*                                  */ "A  A  F  F  F  A  A  A  N  N  N  S");

    /// <summary>
    /// What the focal point or an administrator does (<c>CanManage</c>, <c>CanManageParticipants</c>, <c>CanArchive</c>):
    /// a 400/409 for them where the state refuses; 403 for the others who see the round.
    /// </summary>
    public static readonly AccessGrid ManagerWrites = new(
        Draft: /*                                      */ "A  F  F  F  F  A  N  N  N  N  N  S",
        Open: /*                                       */ "A  F  F  F  F  A  N  N  N  N  N  S",
        Consensus: /*                                  */ "A  F  F  F  F  A  N  N  N  N  N  S",
        Submitted: /*                                  */ "A  F  F  F  F  A  F  F  N  N  N  S",
        Returned: /*                                   */ "A  F  F  F  F  A  F  F  N  N  N  S",
        Validated: /*                                  */ "A  F  F  F  F  A  F  F  N  N  N  S",
        Published: /*                                  */ "A  F  F  F  F  A  F  F  N  N  N  S");

    /// <summary>
    /// Adding evidence (<c>CanAddEvidence</c>): facilitators and respondents while the round takes evidence
    /// (rating open, consensus, returned); in the other states 409 to everyone who sees the round.
    /// </summary>
    public static readonly AccessGrid AddsEvidence = new(
        Draft: /*      409 to all: not yet             */ "A  A  A  A  A  A  N  N  N  N  N  S",
        Open: /*                                       */ "A  A  A  F  F  A  N  N  N  N  N  S",
        Consensus: /*                                  */ "A  A  A  F  F  A  N  N  N  N  N  S",
        Submitted: /*  409 to all: closed              */ "A  A  A  A  A  A  A  A  N  N  N  S",
        Returned: /*                                   */ "A  A  A  F  F  A  F  F  N  N  N  S",
        Validated: /*  409 to all: closed              */ "A  A  A  A  A  A  A  A  N  N  N  S",
        Published: /*  409 to all: read-only           */ "A  A  A  A  A  A  A  A  N  N  N  S");

    /// <summary>Lists: people who do not see the round get a list without it.</summary>
    public static readonly AccessGrid ListsShowTheRound = new(
        Draft: /*                                      */ "A  A  A  A  A  A  H  H  H  H  H  S",
        Open: /*                                       */ "A  A  A  A  A  A  H  H  H  H  H  S",
        Consensus: /*                                  */ "A  A  A  A  A  A  H  H  H  H  H  S",
        Submitted: /*                                  */ "A  A  A  A  A  A  A  A  H  H  H  S",
        Returned: /*                                   */ "A  A  A  A  A  A  A  A  H  H  H  S",
        Validated: /*                                  */ "A  A  A  A  A  A  A  A  H  H  H  S",
        Published: /*                                  */ "A  A  A  A  A  A  A  A  H  H  H  S");

    /// <summary>Published pages and open data: nothing until published (validated is not enough), then everyone, signed in or not.</summary>
    public static readonly AccessGrid PublicOnceReleased = new(
        Draft: /*                                      */ "N  N  N  N  N  N  N  N  N  N  N  N",
        Open: /*                                       */ "N  N  N  N  N  N  N  N  N  N  N  N",
        Consensus: /*                                  */ "N  N  N  N  N  N  N  N  N  N  N  N",
        Submitted: /*                                  */ "N  N  N  N  N  N  N  N  N  N  N  N",
        Returned: /*                                   */ "N  N  N  N  N  N  N  N  N  N  N  N",
        Validated: /*                                  */ "N  N  N  N  N  N  N  N  N  N  N  N",
        Published: /*                                  */ "A  A  A  A  A  A  A  A  A  A  A  A");

    public static readonly AccessGrid PublicListOnceReleased = new(
        Draft: /*                                      */ "H  H  H  H  H  H  H  H  H  H  H  H",
        Open: /*                                       */ "H  H  H  H  H  H  H  H  H  H  H  H",
        Consensus: /*                                  */ "H  H  H  H  H  H  H  H  H  H  H  H",
        Submitted: /*                                  */ "H  H  H  H  H  H  H  H  H  H  H  H",
        Returned: /*                                   */ "H  H  H  H  H  H  H  H  H  H  H  H",
        Validated: /*                                  */ "H  H  H  H  H  H  H  H  H  H  H  H",
        Published: /*                                  */ "A  A  A  A  A  A  A  A  A  A  A  A");

    /// <summary>
    /// A page's form posted by people outside the round: the same answer as for a round that does not
    /// exist, and nothing written. (People in the round post forms in each slice's own tests.)
    /// </summary>
    public static readonly AccessGrid OutsidersPostingAForm = new(
        Draft: /*                                      */ "-  -  -  -  -  -  U  U  U  U  U  S",
        Open: /*                                       */ "-  -  -  -  -  -  U  U  U  U  U  S",
        Consensus: /*                                  */ "-  -  -  -  -  -  U  U  U  U  U  S",
        Submitted: /*                                  */ "-  -  -  -  -  -  -  -  U  U  U  S",
        Returned: /*                                   */ "-  -  -  -  -  -  -  -  U  U  U  S",
        Validated: /*                                  */ "-  -  -  -  -  -  -  -  U  U  U  S",
        Published: /*                                  */ "-  -  -  -  -  -  -  -  U  U  U  S");

    public static AccessRule Get(string pattern, AccessGrid grid, string? query = null) => new("GET", pattern, grid) { Query = query };

    public static AccessRule Json(string method, string pattern, AccessGrid grid, Func<Cell, object> body) =>
        new(method, pattern, grid) { Body = (cell, _) => Task.FromResult<HttpContent?>(JsonContent.Create(body(cell))) };

    /// <summary>A page's form, as <paramref name="insider"/> is shown it, posted by the cell's caller with their own antiforgery token.</summary>
    public static AccessRule Form(string pattern, string formName, Caller insider, AccessGrid grid) =>
        new("POST", pattern, grid) { Body = async (cell, url) => await cell.World.FormAsync(cell, url, formName, insider) };

    public static Dictionary<string, string> Values(string name, Guid value) =>
        new(StringComparer.OrdinalIgnoreCase) { [name] = value.ToString() };
}
