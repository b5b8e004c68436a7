using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Localization;

namespace Pathway.Web.Assessments;

/// <summary>A round as the caller sees it, with what they may do in it.</summary>
public sealed record Round(
    Guid Id,
    string CountryIso3,
    LocalizedText CountryName,
    string Title,
    AssessmentScope Scope,
    string? ScopeDetail,
    AssessmentPurpose Purpose,
    DateOnly? PlannedStart,
    DateOnly? PlannedEnd,
    AssessmentStatus Status,
    int Revision,
    int Submissions,
    string FrameworkVersion,
    DateTimeOffset CreatedAt,
    int Version,
    Guid? MyParticipantId,
    RoundPermissions Can)
{
    /// <summary>The pinned version's row id and content hash.</summary>
    internal (int Id, string ContentHash) FrameworkKey { get; init; }

    /// <summary>Set when the answers were agreed in a meeting without individual ratings.</summary>
    public MeetingAgreement? AgreedInMeeting { get; init; }

    /// <summary>When the round was archived (hidden from lists); null while it is not.</summary>
    public DateTimeOffset? ArchivedAt { get; init; }

    /// <summary>A demonstration round (loaded by the demo command): everything showing it says so.</summary>
    public bool IsDemonstration { get; init; }

    /// <summary>The WHO region of the round's country.</summary>
    public string RegionCode { get; init; } = "";
    /// <summary>The framework tree the round is pinned to (its mechanisms are the only codes it accepts), from the tree cache.</summary>
    public required FrameworkTree Framework { get; init; }
}

/// <summary>The facilitator's record that a round's answers were agreed in a meeting without individual ratings.</summary>
public sealed record MeetingAgreement(DateTimeOffset At, string? ByName, string? Note);

/// <summary>One line of a list of rounds.</summary>
public sealed record RoundSummary(
    Guid Id, string CountryIso3, LocalizedText CountryName, string Title, AssessmentScope Scope, string? ScopeDetail,
    AssessmentStatus Status, int Revision, string FrameworkVersion, DateOnly? PlannedStart, DateOnly? PlannedEnd,
    DateTimeOffset CreatedAt, ParticipantRole? MyRole);

/// <summary>What a focal point fills in to open a round.</summary>
public sealed class NewRound
{
    public string? CountryIso3 { get; set; }
    public string? Title { get; set; }
    public AssessmentScope Scope { get; set; }
    public string? ScopeDetail { get; set; }
    public AssessmentPurpose Purpose { get; set; } = AssessmentPurpose.TakeStock;
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }

    /// <summary>The framework version to pin; empty for the newest.</summary>
    public string? FrameworkVersion { get; set; }
}

/// <summary>Finding, listing and opening rounds; shared by the pages and the API.</summary>
public sealed class RoundDirectory(PathwayDb db, CurrentUser user, FrameworkReader framework, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The rounds the caller can see that are not archived, newest first.</summary>
    public Task<List<RoundSummary>> ListAsync(string? countryIso3 = null, CancellationToken cancellationToken = default) =>
        ListAsync(countryIso3, archived: false, cancellationToken);

    /// <summary>The rounds the caller can see, newest first: the archived ones only, or only the others.</summary>
    public async Task<List<RoundSummary>> ListAsync(string? countryIso3, bool archived, CancellationToken cancellationToken = default)
    {
        var userId = user.Id;
        var query = db.Assessments.AsNoTracking().VisibleTo(user)
            .Where(round => archived ? round.ArchivedAt != null : round.ArchivedAt == null);
        if (!string.IsNullOrWhiteSpace(countryIso3))
        {
            var iso3 = countryIso3.Trim().ToUpperInvariant();
            query = query.Where(round => round.CountryIso3 == iso3);
        }
        var rows = await query
            .Select(round => new
            {
                round.Id, round.CountryIso3, CountryName = round.Country!.Name, round.Title, round.Scope, round.ScopeDetail,
                round.Status, round.Revision, Version = round.FrameworkVersion!.Version, round.PlannedStart, round.PlannedEnd,
                round.CreatedAt,
                MyRole = round.Participants.Where(p => p.UserId == userId).Select(p => (ParticipantRole?)p.Role).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderByDescending(row => row.CreatedAt)
            .Select(row => new RoundSummary(row.Id, row.CountryIso3, row.CountryName, row.Title, row.Scope, row.ScopeDetail,
                row.Status, row.Revision, row.Version, row.PlannedStart, row.PlannedEnd, row.CreatedAt, row.MyRole))];
    }

    /// <summary>
    /// The one door to a round: found, scoped to the caller, with what they may do in it and its framework tree;
    /// the one not-found failure when it does not exist or the caller may not see it (never 403, so existence does not leak).
    /// </summary>
    public async Task<Outcome<Round>> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var userId = user.Id;
        var row = await db.Assessments.AsNoTracking().VisibleTo(user)
            .Where(round => round.Id == id)
            .Select(round => new
            {
                round.Id, round.CountryIso3, CountryName = round.Country!.Name, round.Title, round.Scope, round.ScopeDetail,
                round.Purpose, round.PlannedStart, round.PlannedEnd, round.Status, round.Revision, round.Submissions,
                FrameworkVersion = round.FrameworkVersion!.Version, round.FrameworkVersionId, round.FrameworkVersion.ContentHash,
                round.CreatedAt, round.Version, round.AgreedInMeetingAt, round.AgreedInMeetingByName, round.AgreedInMeetingNote,
                round.ArchivedAt, round.IsDemonstration, round.Country.RegionCode,
                Me = round.Participants.Where(p => p.UserId == userId).Select(p => new { p.Id, p.Role }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return Failure.RoundNotFound(l);
        }
        var can = RoundPermissions.For(user, row.CountryIso3, row.Status, row.Me?.Role);
        // The version row is kept by a restricting foreign key, so a missing tree is a broken database, not an expected failure.
        var tree = await framework.TreeAsync(row.FrameworkVersionId, row.ContentHash, row.FrameworkVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Round {row.Id} is pinned to framework version {row.FrameworkVersion}, which is missing.");
        return new Round(row.Id, row.CountryIso3, row.CountryName, row.Title, row.Scope, row.ScopeDetail, row.Purpose,
            row.PlannedStart, row.PlannedEnd, row.Status, row.Revision, row.Submissions, row.FrameworkVersion, row.CreatedAt,
            row.Version, row.Me?.Id, can)
        {
            FrameworkKey = (row.FrameworkVersionId, row.ContentHash),
            AgreedInMeeting = row.AgreedInMeetingAt is { } at ? new MeetingAgreement(at, row.AgreedInMeetingByName, row.AgreedInMeetingNote) : null,
            ArchivedAt = row.ArchivedAt,
            IsDemonstration = row.IsDemonstration,
            RegionCode = row.RegionCode,
            Framework = tree,
        };
    }

    /// <summary>Whether the caller may open rounds for a country: its focal point, or an administrator.</summary>
    public bool CanCreateFor(string countryIso3) =>
        user.Role == Roles.Administrator || (user.Role == Roles.CountryFocalPoint && user.CountryIso3 == countryIso3);

    public async Task<Outcome<Guid>> CreateAsync(NewRound input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var country = (input.CountryIso3 ?? user.CountryIso3)?.Trim().ToUpperInvariant();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(country) || !await db.Countries.AnyAsync(c => c.Iso3 == country, cancellationToken))
        {
            errors[nameof(NewRound.CountryIso3)] = [l["Rounds.Error.Country"]];
        }
        else if (!CanCreateFor(country))
        {
            return Failure.Forbidden(l["Rounds.Error.Title"], l["Rounds.Error.NotFocalPoint"]);
        }
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors[nameof(NewRound.Title)] = [l["Rounds.Error.TitleRequired"]];
        }
        else if (title.Length > Assessment.TitleLength)
        {
            errors[nameof(NewRound.Title)] = [l["Rounds.Error.TitleLength", Assessment.TitleLength]];
        }
        if (!Enum.IsDefined(input.Scope))
        {
            errors[nameof(NewRound.Scope)] = [l["Rounds.Error.Scope"]];
        }
        if (!Enum.IsDefined(input.Purpose))
        {
            errors[nameof(NewRound.Purpose)] = [l["Rounds.Error.Purpose"]];
        }
        var detail = input.ScopeDetail?.Trim();
        if (Enum.IsDefined(input.Scope) && input.Scope != AssessmentScope.National && string.IsNullOrEmpty(detail))
        {
            errors[nameof(NewRound.ScopeDetail)] = [l[input.Scope == AssessmentScope.Subnational ? "Rounds.Error.AreaRequired" : "Rounds.Error.ThemeRequired"]];
        }
        else if (detail?.Length > Assessment.ScopeDetailLength)
        {
            errors[nameof(NewRound.ScopeDetail)] = [l["Rounds.Error.ScopeDetailLength", Assessment.ScopeDetailLength]];
        }
        if (input.PlannedStart is { } start && input.PlannedEnd is { } end && end < start)
        {
            errors[nameof(NewRound.PlannedEnd)] = [l["Rounds.Error.Dates"]];
        }
        var versionCode = string.IsNullOrWhiteSpace(input.FrameworkVersion)
            ? await framework.CurrentVersionAsync(cancellationToken)
            : input.FrameworkVersion.Trim();
        var versionId = versionCode is null ? null : await db.FrameworkVersions.AsNoTracking()
            .Where(v => v.Version == versionCode).Select(v => (int?)v.Id).SingleOrDefaultAsync(cancellationToken);
        if (versionId is null)
        {
            errors[nameof(NewRound.FrameworkVersion)] = [l["Rounds.Error.FrameworkVersion", versionCode ?? ""]];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Rounds.Error.Title"], l["Rounds.Error.Detail"], errors);
        }

        var round = new Assessment
        {
            CountryIso3 = country!,
            FrameworkVersionId = versionId!.Value,
            Title = title!,
            Scope = input.Scope,
            ScopeDetail = input.Scope == AssessmentScope.National ? null : detail,
            Purpose = input.Purpose,
            PlannedStart = input.PlannedStart,
            PlannedEnd = input.PlannedEnd,
            CreatedAt = clock.GetUtcNow(),
            CreatedById = user.Id,
        };
        db.Assessments.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return round.Id;
    }
}
