using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Assessments;

/// <summary>
/// What a focal point sends to open a round. Scope is National, Subnational or Thematic (Subnational
/// and Thematic need scopeDetail: the area or the theme); purpose is IdentifyNeeds, TakeStock or
/// DefineActions; dates are yyyy-MM-dd; an empty frameworkVersion pins the current one. A focal point
/// may leave countryIso3 out (their own country is used).
/// </summary>
public sealed record NewRoundBody(
    string? CountryIso3, string? Title, string? Scope, string? ScopeDetail, string? Purpose,
    DateOnly? PlannedStart, DateOnly? PlannedEnd, string? FrameworkVersion);

/// <summary>What the caller may do in a round, and the workflow moves open to them now (target statuses).</summary>
public sealed record RoundPermissionsDto(
    bool Manage, bool ManageParticipants, bool Rate, bool SeeSpread, bool RecordConsensus, bool AddEvidence,
    bool Review, bool Publish, bool SeeAudit, IReadOnlyList<string> Moves)
{
    public static RoundPermissionsDto From(RoundPermissions can)
    {
        ArgumentNullException.ThrowIfNull(can);
        return new(can.CanManage, can.CanManageParticipants, can.CanRate, can.CanSeeSpread, can.CanRecordConsensus,
            can.CanAddEvidence, can.CanReview, can.CanPublish, can.CanSeeAudit,
            [.. RoundWorkflow.From(can.Status).Where(can.CanMove).Select(move => move.To.ToString())]);
    }
}

/// <summary>
/// A round with its status, pinned framework version, the caller's role in it and what the caller may do;
/// agreedInMeeting when its answers were agreed in a meeting without individual ratings; archivedAt when archived;
/// isDemonstration when the round is demonstration data (made by the <c>demo</c> command).
/// </summary>
public sealed record RoundDto(
    Guid Id, string CountryIso3, string CountryName, string Title, string Scope, string? ScopeDetail, string Purpose,
    DateOnly? PlannedStart, DateOnly? PlannedEnd, string Status, int Revision, string FrameworkVersion, DateTimeOffset CreatedAt,
    string? MyRole, RoundPermissionsDto Permissions, MeetingAgreement? AgreedInMeeting = null, DateTimeOffset? ArchivedAt = null,
    bool IsDemonstration = false)
{
    public static RoundDto From(Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return new(round.Id, round.CountryIso3, round.CountryName.Current, round.Title, round.Scope.ToString(), round.ScopeDetail,
            round.Purpose.ToString(), round.PlannedStart, round.PlannedEnd, round.Status.ToString(), round.Revision,
            round.FrameworkVersion, round.CreatedAt, round.Can.MyRole?.ToString(), RoundPermissionsDto.From(round.Can),
            round.AgreedInMeeting, round.ArchivedAt, round.IsDemonstration);
    }
}

/// <summary>One line of the list of rounds; isDemonstration when it is demonstration data.</summary>
public sealed record RoundSummaryDto(
    Guid Id, string CountryIso3, string CountryName, string Title, string Scope, string? ScopeDetail, string Status, int Revision,
    string FrameworkVersion, DateOnly? PlannedStart, DateOnly? PlannedEnd, DateTimeOffset CreatedAt, string? MyRole, bool IsDemonstration = false)
{
    public static RoundSummaryDto From(RoundSummary round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return new(round.Id, round.CountryIso3, round.CountryName.Current, round.Title, round.Scope.ToString(), round.ScopeDetail,
            round.Status.ToString(), round.Revision, round.FrameworkVersion, round.PlannedStart, round.PlannedEnd, round.CreatedAt,
            round.MyRole?.ToString(), round.IsDemonstration);
    }
}

/// <summary>Rounds: list the ones the caller can see, open one, read one.</summary>
internal static class RoundsApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/", GetRounds).WithName("GetRounds")
            .WithDescription("The rounds the caller can see, newest first; ?country=ISO3 keeps one country's; archived rounds are left out "
                + "(?archived=true lists only those). "
                + "Country people see their country's rounds; reviewers and regional officers see rounds once submitted.");
        routes.MapPost("/", CreateRound).WithName("CreateRound")
            .WithDescription("Opens a round (status Draft) for a country: its focal point, or an administrator (who names countryIso3). "
                + "Scope National|Subnational|Thematic (Subnational and Thematic need scopeDetail), purpose IdentifyNeeds|TakeStock|DefineActions, "
                + "optional plannedStart/plannedEnd (yyyy-MM-dd, end not before start), frameworkVersion (empty: the current version). "
                + "201 with the round; 400 with field errors; 403 when the caller may not open rounds for the country.");
        routes.MapGet("/{id:guid}", GetRound).WithName("GetRound")
            .WithDescription("One round: status, framework version, the caller's role and what the caller may do. 404 when it does not exist or the caller may not see it.");
        RoundArchiveApi.Map(routes);
    }

    public static async Task<Ok<List<RoundSummaryDto>>> GetRounds(
        string? country, bool? archived, RoundDirectory rounds, CancellationToken cancellationToken)
    {
        var list = await rounds.ListAsync(country, archived == true, cancellationToken);
        return TypedResults.Ok(list.Select(RoundSummaryDto.From).ToList());
    }

    public static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> GetRound(Guid id, RoundDirectory rounds, CancellationToken cancellationToken) =>
        (await rounds.OpenAsync(id, cancellationToken)).ToResult(round => TypedResults.Ok(RoundDto.From(round)));

    public static async Task<Results<Created<RoundDto>, ProblemHttpResult>> CreateRound(
        NewRoundBody body, RoundDirectory rounds, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var input = new NewRound
        {
            CountryIso3 = body.CountryIso3,
            Title = body.Title,
            Scope = ParseOrUndefined(body.Scope, AssessmentScope.National),
            ScopeDetail = body.ScopeDetail,
            Purpose = ParseOrUndefined(body.Purpose, AssessmentPurpose.TakeStock),
            PlannedStart = body.PlannedStart,
            PlannedEnd = body.PlannedEnd,
            FrameworkVersion = body.FrameworkVersion,
        };
        var outcome = await rounds.CreateAsync(input, cancellationToken);
        if (!outcome.TryGet(out var created, out var refused))
        {
            return CamelCase(refused).ToProblem();
        }
        var round = (await rounds.OpenAsync(created, cancellationToken)).Value
            ?? throw new InvalidOperationException($"The round {created} just opened is not visible to the one who opened it.");
        return TypedResults.Created($"/api/assessments/{round.Id}", RoundDto.From(round));
    }

    /// <summary>
    /// The named value (any case); the default when empty; an undefined value when it names nothing, so
    /// the directory reports it beside the other field errors.
    /// </summary>
    internal static T ParseOrUndefined<T>(string? text, T empty)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return empty;
        }
        var trimmed = text.Trim();
        return !char.IsAsciiDigit(trimmed[0]) && trimmed[0] != '-' && Enum.TryParse<T>(trimmed, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : (T)Enum.ToObject(typeof(T), -1);
    }

    /// <summary>Field errors keyed as the JSON body names its properties (title, scopeDetail, ...).</summary>
    internal static Failure CamelCase(Failure failure) => failure.Errors is { Count: > 0 } errors
        ? failure with { Errors = errors.ToDictionary(pair => JsonNamingPolicy.CamelCase.ConvertName(pair.Key), pair => pair.Value) }
        : failure;
}
