using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Pathway.Web.Framework;
using Pathway.Web.Localization;

namespace Pathway.Web.Assessments;

/// <summary>What the country chose to make public in a release.</summary>
public sealed record PublicationChoicesDto(bool BehaviourProfile, bool MechanismLevels, bool Rationales, bool PublicEvidence)
{
    public static PublicationChoicesDto From(PublicationChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return new(choices.BehaviourProfile, choices.MechanismLevels, choices.Rationales, choices.PublicEvidence);
    }
}

/// <summary>One published round: its latest release; isDemonstration when it is demonstration data.</summary>
public sealed record PublishedRoundDto(
    Guid Id, string CountryIso3, string CountryName, string Title, int Revision, DateTimeOffset SignedOffAt, PublicationChoicesDto Published,
    bool IsDemonstration = false);

/// <summary>A behaviour's published score: mean (1.0–4.0, null without ratings), status Scored|InsufficientInformation|NotApplicable, band, coverage.</summary>
public sealed record PublishedBehaviourDto(
    string Code, string Name, decimal? Mean, string Status, string? Band, int Rated, int InformationGaps, int NotApplicable, int NotAssessed);

/// <summary>A mechanism's published agreed answer: state Rated (with level 1–4), DontKnow, InsufficientInformation, NotApplicable or NotAssessed; the rationale only when published.</summary>
public sealed record PublishedMechanismDto(string Code, string Name, string Behaviour, string State, int? Level, string? Rationale);

/// <summary>
/// A published piece of evidence under one mechanism: a link (url) or a file (fileUrl, a public download).
/// An item supporting several mechanisms is listed once under each, with the same id.
/// </summary>
public sealed record PublishedEvidenceDto(
    Guid Id, string Mechanism, string Type, string Title, DateOnly? Date, string? Issuer, string? Url, string? FileName, string? FileUrl);

/// <summary>One public revision of the round.</summary>
public sealed record PublishedRevisionDto(int Revision, DateTimeOffset SignedOffAt, string? Note);

/// <summary>
/// One release: only what the country chose is present; a part it kept back is null (behaviours,
/// mechanisms, evidence; a mechanism's rationale). agreedInMeeting: the answers were agreed in a meeting
/// without individual ratings. isDemonstration: the release is demonstration data (made by the demo command).
/// </summary>
public sealed record PublishedReleaseDto(
    Guid Id, string CountryIso3, string CountryName, string Title, string Scope, string? ScopeDetail, string Purpose,
    string FrameworkVersion, string Language, int Revision, int LatestRevision, DateTimeOffset SignedOffAt, string? Note, string RuleVersion,
    PublicationChoicesDto Published, IReadOnlyList<PublishedBehaviourDto>? Behaviours, IReadOnlyList<PublishedMechanismDto>? Mechanisms,
    IReadOnlyList<PublishedEvidenceDto>? Evidence, IReadOnlyList<PublishedRevisionDto> Revisions, bool AgreedInMeeting, bool IsDemonstration = false);

/// <summary>Published rounds as open data: anonymous, and only what each country chose to publish.</summary>
internal static class PublishedApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var api = routes.MapGroup("/api/published").WithTags("Published").AllowAnonymous();
        api.MapGet("/", GetPublishedRounds).WithName("GetPublishedRounds")
            .WithDescription("Published rounds, newest sign-off first, each with its latest revision and what the country chose to publish; "
                + "?country=ISO3 keeps one country's. Rounds whose latest release made nothing public are not listed. No sign-in needed.");
        api.MapGet("/{id:guid}", GetPublishedRound).WithName("GetPublishedRound")
            .WithDescription("One published round as signed off: the latest revision, or ?revision=N. Only the parts the country chose are present "
                + "(behaviours, mechanisms, a mechanism's rationale, evidence); the others are null. Names in ?lang=en|fr|ar. "
                + "404 when nothing of the round is public. No sign-in needed.");
        PublishedDownloads.Map(routes);
    }

    public static async Task<Ok<List<PublishedRoundDto>>> GetPublishedRounds(string? country, Publisher publisher, CancellationToken cancellationToken)
    {
        var rounds = await publisher.ListAsync(country, cancellationToken);
        return TypedResults.Ok(rounds.Select(round => new PublishedRoundDto(round.AssessmentId, round.CountryIso3, round.CountryName.Current,
            round.Title, round.Revision, round.SignedOffAt, PublicationChoicesDto.From(round.Choices), round.IsDemonstration)).ToList());
    }

    public static async Task<Results<Ok<PublishedReleaseDto>, ProblemHttpResult, ValidationProblem>> GetPublishedRound(
        Guid id, int? revision, string? lang, Publisher publisher, FrameworkReader framework, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        if (!ApiLanguage.TryResolve(lang, out var language, out var problem))
        {
            return problem!;
        }
        var release = await publisher.GetAsync(id, revision, cancellationToken);
        if (release is null)
        {
            return Failure.NotFound(l["Published.NotFoundTitle"], l["Published.NotFound"]).ToProblem();
        }
        var tree = await framework.TreeAsync(release.Snapshot.FrameworkVersion, cancellationToken);
        return TypedResults.Ok(ToDto(release, tree, language));
    }

    private static PublishedReleaseDto ToDto(PublicRelease release, FrameworkTree? tree, string language)
    {
        var snapshot = release.Snapshot;
        var behaviourNames = tree?.Behaviours.ToDictionary(b => b.Code, b => b.Name.In(language), StringComparer.Ordinal) ?? [];
        var mechanismNames = tree?.Behaviours.SelectMany(b => b.Mechanisms).ToDictionary(m => m.Code, m => m.Name.In(language), StringComparer.Ordinal) ?? [];
        return new PublishedReleaseDto(
            release.AssessmentId, release.CountryIso3, release.CountryName.In(language), snapshot.Title, snapshot.Scope, snapshot.ScopeDetail,
            snapshot.Purpose, snapshot.FrameworkVersion, language, release.Revision, release.LatestRevision, release.SignedOffAt, release.Note,
            release.RuleVersion, PublicationChoicesDto.From(release.Choices),
            snapshot.Behaviours?.Select(b => new PublishedBehaviourDto(b.Code, behaviourNames.GetValueOrDefault(b.Code, b.Code), b.Mean, b.Status,
                b.Band, b.Rated, b.InformationGaps, b.NotApplicable, b.NotAssessed)).ToList(),
            snapshot.Mechanisms?.Select(m => new PublishedMechanismDto(m.Code, mechanismNames.GetValueOrDefault(m.Code, m.Code), m.BehaviourCode,
                m.State, m.Level, m.Rationale)).ToList(),
            snapshot.Evidence?.Select(e => new PublishedEvidenceDto(e.Id, e.MechanismCode, e.Type, e.Title, e.Date, e.Issuer, e.Url, e.FileName,
                e.HasFile ? PublishedDownloads.Href(release.AssessmentId, e.Id) : null)).ToList(),
            [.. release.Revisions.Select(r => new PublishedRevisionDto(r.Revision, r.SignedOffAt, r.Note))],
            snapshot.AgreedInMeeting, release.IsDemonstration);
    }
}
