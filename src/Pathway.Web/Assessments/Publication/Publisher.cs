using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments.Evidence;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

/// <summary>What each publication choice would reveal now, for the sign-off page.</summary>
public sealed record PublicationPreview(
    int Behaviours, int Mechanisms, int MechanismsAgreed, int Rationales, int PublicEvidence, int AllEvidence, string? CorrectionReason);

/// <summary>A signed-off release as the round's team sees it: who signed, when, what was made public.</summary>
public sealed record ReleaseRecord(int Revision, PublicationChoices Choices, string SignedOffByName, DateTimeOffset SignedOffAt, string? Note, string RuleVersion);

/// <summary>A publication just signed off, and the move it made.</summary>
public sealed record PublicationResult(ReleaseRecord Release, StatusChangeView Move);

/// <summary>One line of the public list: a round's latest release.</summary>
public sealed record PublishedRoundSummary(
    Guid AssessmentId, string CountryIso3, LocalizedText CountryName, string Title, int Revision, DateTimeOffset SignedOffAt,
    PublicationChoices Choices)
{
    /// <summary>Demonstration data (its published results say so), labelled wherever it is listed.</summary>
    public bool IsDemonstration { get; init; }
}

/// <summary>One public revision in a release's history.</summary>
public sealed record PublicRevision(int Revision, DateTimeOffset SignedOffAt, string? Note);

/// <summary>One public release of a round, with the history of its public revisions (oldest first).</summary>
public sealed record PublicRelease(
    Guid AssessmentId,
    string CountryIso3,
    LocalizedText CountryName,
    int Revision,
    PublicationChoices Choices,
    ReleaseSnapshot Snapshot,
    string RuleVersion,
    DateTimeOffset SignedOffAt,
    string? Note,
    IReadOnlyList<PublicRevision> Revisions)
{
    /// <summary>Demonstration data (its published results say so): the page and the API label it.</summary>
    public bool IsDemonstration { get; init; }

    public int LatestRevision => Revisions.Count == 0 ? Revision : Revisions.Max(revision => revision.Revision);

    public bool IsLatest => Revision == LatestRevision;
}

/// <summary>
/// Publication: the focal point's sign-off freezes exactly what the country chose to make public into a
/// <see cref="PublishedRelease"/> and moves the round to Published, in one save. The public reads here
/// are the only reads that pass over the country scope, and they read releases only (plus, for a file
/// named in a public release, that file).
/// </summary>
public sealed class Publisher(PathwayDb db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> l, IRoundEvents events)
{
    /// <summary>
    /// Signs off the round's current revision: only its focal point, once a reviewer validated it.
    /// Rationales are shown beside the mechanism levels, so they need them. "Nothing public" is a
    /// valid choice: the round closes read-only and no public page shows it.
    /// </summary>
    public async Task<Outcome<PublicationResult>> PublishAsync(
        Round round, PublicationChoices choices, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(choices);
        if (WorkflowSteps.Check(round, AssessmentStatus.Published, l, out var refusal) is null)
        {
            return refusal!;
        }
        if (!round.Can.CanPublish)
        {
            return Failure.Forbidden(l["Round.Forbidden"], l["Workflow.Error.Actor.FocalPoint", l["Status.Published"]]);
        }
        var errors = new Dictionary<string, string[]>();
        if (choices.Rationales && !choices.MechanismLevels)
        {
            errors[nameof(PublicationChoices.Rationales)] = [l["Publish.Error.RationalesNeedLevels"]];
        }
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > PublishedRelease.NoteLength)
        {
            errors["Note"] = [l["Publish.Error.NoteLength", PublishedRelease.NoteLength]];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Publish.Error.Title"], l["Publish.Error.Detail"], errors);
        }

        var agreed = await AgreedAnswers.ForRoundAsync(db, round.Id, cancellationToken);
        // One snapshot entry per item and mechanism it supports: the published page lists it under each.
        var evidence = choices.PublicEvidence
            ? (await db.Evidence.AsNoTracking()
                .Where(e => e.AssessmentId == round.Id && e.IsPublic)
                .OrderBy(e => e.AddedAt).ThenBy(e => e.Id)
                .Select(e => new
                {
                    Codes = e.Links.Select(link => link.MechanismCode).ToList(),
                    Item = new EvidenceSnapshot(e.Id, "", e.Type.ToString(), e.Title, e.Date, e.Issuer, e.Url, e.FileName, e.FileId != null),
                })
                .ToListAsync(cancellationToken))
                .SelectMany(row => row.Codes.Select(code => row.Item with { MechanismCode = code }))
                .ToList()
            : [];
        var snapshot = Snapshot(round, round.Framework, choices,
            agreed.ToDictionary(pair => pair.Key, pair => (pair.Value.Answer, pair.Value.Rationale), StringComparer.Ordinal),
            evidence) with { Validation = await ValidationAsync(round, cancellationToken) };

        var signer = user.Id ?? throw new InvalidOperationException("A sign-off needs a signed-in person.");
        var now = clock.GetUtcNow();
        var staged = await WorkflowSteps.StageAsync(db, user, events, round, AssessmentStatus.Published, note, now, l, cancellationToken);
        if (!staged.Succeeded)
        {
            return staged.Failure!;
        }
        var release = new PublishedRelease
        {
            AssessmentId = round.Id,
            CountryIso3 = round.CountryIso3,
            Revision = staged.Value!.Revision,
            Choices = choices,
            Snapshot = snapshot,
            RuleVersion = ScoringRule.Version,
            SignedOffById = signer,
            SignedOffByName = user.Name ?? signer,
            SignedOffAt = now,
            Note = note,
        };
        db.PublishedReleases.Add(release);
        await StageResultsAsync(round, release, cancellationToken);
        var failure = await WorkflowSteps.SaveAsync(db, user, round.Id, l, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        return new PublicationResult(ToRecord(release), WorkflowSteps.View(staged.Value));
    }

    /// <summary>
    /// The release's rows for dashboards and open data, saved with it; the round's earlier rows stop being the latest
    /// (even when this release makes nothing public, so a country that withdrew its figures drops out of them).
    /// </summary>
    private async Task StageResultsAsync(Round round, PublishedRelease release, CancellationToken cancellationToken)
    {
        var earlier = await db.PublishedResults.Where(row => row.AssessmentId == round.Id && row.IsLatest).ToListAsync(cancellationToken);
        earlier.ForEach(row => row.IsLatest = false);
        var firstSignedOff = await db.PublishedReleases.AsNoTracking()
            .Where(other => other.AssessmentId == round.Id && other.Revision == 1)
            .Select(other => (DateTimeOffset?)other.SignedOffAt)
            .FirstOrDefaultAsync(cancellationToken) ?? release.SignedOffAt;
        var year = PublishedResult.YearOf(round.PlannedEnd, round.PlannedStart, firstSignedOff);
        db.PublishedResults.AddRange(PublishedResult.From(release, round.Framework, round.RegionCode, year, round.IsDemonstration));
    }

    /// <summary>
    /// The frozen public content: the behaviour profile scored by <see cref="ScoringRule"/>, the mechanism
    /// levels (with rationales only when chosen) and the public evidence, each only when chosen.
    /// </summary>
    public static ReleaseSnapshot Snapshot(
        Round round, FrameworkTree tree, PublicationChoices choices,
        IReadOnlyDictionary<string, (MechanismAnswer Answer, string Rationale)> agreed, IReadOnlyList<EvidenceSnapshot> publicEvidence)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(agreed);
        ArgumentNullException.ThrowIfNull(publicEvidence);
        List<BehaviourSnapshot>? behaviours = null;
        if (choices.BehaviourProfile)
        {
            var answers = agreed.ToDictionary(pair => pair.Key, pair => pair.Value.Answer, StringComparer.Ordinal);
            var profile = RoundResults.Profile(tree, answers);
            behaviours = [.. profile.Behaviours.Select(result => new BehaviourSnapshot(
                result.Code, result.Mean, result.Status.ToString(), result.Band?.ToString(), result.RatedCount,
                result.InformationGaps, result.NotApplicableCount, result.NotAssessedCount))];
        }
        List<MechanismSnapshot>? mechanisms = null;
        if (choices.MechanismLevels)
        {
            mechanisms = [.. tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms.Select(mechanism =>
            {
                var found = agreed.TryGetValue(mechanism.Code, out var row);
                var answer = found ? row.Answer : MechanismAnswer.NotAssessed;
                var rationale = choices.Rationales && found && !string.IsNullOrWhiteSpace(row.Rationale) ? row.Rationale : null;
                return new MechanismSnapshot(mechanism.Code, behaviour.Code, answer.State.ToString(), answer.Level, rationale);
            }))];
        }
        List<EvidenceSnapshot>? evidence = null;
        if (choices.PublicEvidence)
        {
            var order = tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms).Select((mechanism, index) => (mechanism.Code, index))
                .ToDictionary(pair => pair.Code, pair => pair.index, StringComparer.Ordinal);
            evidence = [.. publicEvidence.Where(item => order.ContainsKey(item.MechanismCode)).OrderBy(item => order[item.MechanismCode])];
        }
        return new ReleaseSnapshot(round.Title, round.FrameworkVersion, round.Scope.ToString(), round.ScopeDetail, round.Purpose.ToString(),
            behaviours, mechanisms, evidence, round.AgreedInMeeting is not null, new PlannedDates(round.PlannedStart, round.PlannedEnd));
    }

    /// <summary>
    /// The revision's validation for the public cover: its latest move to Validated, and the validating reviewer's
    /// role and region (read from the account now; null region: a global reviewer). Null when none was recorded.
    /// </summary>
    private async Task<ValidationRecord?> ValidationAsync(Round round, CancellationToken cancellationToken)
    {
        var validated = await db.StatusChanges.AsNoTracking()
            .Where(change => change.AssessmentId == round.Id && change.To == AssessmentStatus.Validated)
            .OrderByDescending(change => change.At)
            .Select(change => new { change.At, change.ActorId })
            .FirstOrDefaultAsync(cancellationToken);
        if (validated is null)
        {
            return null;
        }
        var region = await db.Users.AsNoTracking()
            .Where(account => account.Id == validated.ActorId)
            .Select(account => account.RegionCode)
            .FirstOrDefaultAsync(cancellationToken);
        // Only a reviewer validates (RoundWorkflow), so the role is the workflow's, whatever became of the account.
        return new ValidationRecord(validated.At, Roles.Reviewer, region);
    }

    /// <summary>What each choice would reveal now, and the reason given for a correction (to start the note from).</summary>
    public async Task<PublicationPreview> PreviewAsync(Round round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var tree = round.Framework;
        var agreed = (await AgreedAnswers.ForRoundAsync(db, round.Id, cancellationToken)).Values
            .Where(answer => answer.IsAssessed).Select(answer => answer.Rationale).ToList();
        var evidence = await db.Evidence.AsNoTracking()
            .Where(e => e.AssessmentId == round.Id)
            .GroupBy(e => e.IsPublic)
            .Select(group => new { IsPublic = group.Key, Count = group.Count() })
            .ToListAsync(cancellationToken);
        string? reason = null;
        if (round.Revision > 1)
        {
            reason = await db.StatusChanges.AsNoTracking()
                .Where(c => c.AssessmentId == round.Id && c.From == AssessmentStatus.Published && c.Revision == round.Revision)
                .OrderByDescending(c => c.At)
                .Select(c => c.Comment)
                .FirstOrDefaultAsync(cancellationToken);
        }
        return new PublicationPreview(
            tree.Behaviours.Count,
            tree.Behaviours.Sum(behaviour => behaviour.Mechanisms.Count),
            agreed.Count,
            agreed.Count(rationale => !string.IsNullOrWhiteSpace(rationale)),
            evidence.Where(row => row.IsPublic).Sum(row => row.Count),
            evidence.Sum(row => row.Count),
            reason);
    }

    /// <summary>The round's signed-off releases, newest first, for its team (including those that made nothing public).</summary>
    public async Task<List<ReleaseRecord>> ReleasesAsync(Round round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var rows = await db.PublishedReleases.AsNoTracking()
            .Where(release => release.AssessmentId == round.Id)
            .OrderByDescending(release => release.Revision)
            .Select(release => new { release.Revision, release.Choices, release.SignedOffByName, release.SignedOffAt, release.Note, release.RuleVersion })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new ReleaseRecord(row.Revision, row.Choices, row.SignedOffByName, row.SignedOffAt, row.Note, row.RuleVersion))];
    }

    /// <summary>
    /// Public: each round's latest release, when it made anything public (a country that chose nothing,
    /// or chose nothing in its latest revision, is not listed). Newest sign-off first.
    /// </summary>
    public async Task<List<PublishedRoundSummary>> ListAsync(string? countryIso3 = null, CancellationToken cancellationToken = default)
    {
        var releases = db.PublishedReleases.AsNoTracking();
        var latest = releases.Where(release =>
            release.Revision == releases.Where(other => other.AssessmentId == release.AssessmentId).Max(other => other.Revision));
        if (!string.IsNullOrWhiteSpace(countryIso3))
        {
            var iso3 = countryIso3.Trim().ToUpperInvariant();
            latest = latest.Where(release => release.CountryIso3 == iso3);
        }
        var rows = await latest
            .Select(release => new
            {
                release.AssessmentId, release.CountryIso3, release.Revision, release.Choices, release.Snapshot, release.SignedOffAt,
                IsDemonstration = db.PublishedResults.Any(row => row.ReleaseId == release.Id && row.IsDemonstration),
            })
            .ToListAsync(cancellationToken);
        rows = [.. rows.Where(row => row.Choices.AnythingPublic)];
        var names = await CountryNamesAsync(rows.Select(row => row.CountryIso3), cancellationToken);
        return [.. rows
            .OrderByDescending(row => row.SignedOffAt)
            .Select(row => new PublishedRoundSummary(row.AssessmentId, row.CountryIso3, names.GetValueOrDefault(row.CountryIso3) ?? LocalizedText.English(row.CountryIso3),
                row.Snapshot.Title, row.Revision, row.SignedOffAt, row.Choices)
            {
                IsDemonstration = row.IsDemonstration,
            })];
    }

    /// <summary>
    /// Public: one release of a round (the latest when <paramref name="revision"/> is null) with the history
    /// of its public revisions. Null when there is none, when that revision made nothing public, or when
    /// the latest revision made nothing public (the country's latest choice hides the round).
    /// </summary>
    public async Task<PublicRelease?> GetAsync(Guid assessmentId, int? revision = null, CancellationToken cancellationToken = default)
    {
        var history = await db.PublishedReleases.AsNoTracking()
            .Where(release => release.AssessmentId == assessmentId)
            .OrderBy(release => release.Revision)
            .Select(release => new { release.Revision, release.Choices, release.SignedOffAt, release.Note })
            .ToListAsync(cancellationToken);
        if (history.Count == 0 || !history[^1].Choices.AnythingPublic)
        {
            return null;
        }
        var wanted = revision ?? history[^1].Revision;
        if (history.SingleOrDefault(release => release.Revision == wanted) is not { } chosen || !chosen.Choices.AnythingPublic)
        {
            return null;
        }
        var release = await db.PublishedReleases.AsNoTracking()
            .SingleAsync(release => release.AssessmentId == assessmentId && release.Revision == wanted, cancellationToken);
        var names = await CountryNamesAsync([release.CountryIso3], cancellationToken);
        return new PublicRelease(
            release.AssessmentId, release.CountryIso3, names.GetValueOrDefault(release.CountryIso3) ?? LocalizedText.English(release.CountryIso3),
            release.Revision, release.Choices, release.Snapshot, release.RuleVersion, release.SignedOffAt, release.Note,
            [.. history.Where(item => item.Choices.AnythingPublic).Select(item => new PublicRevision(item.Revision, item.SignedOffAt, item.Note))])
        {
            IsDemonstration = await db.PublishedResults.AnyAsync(row => row.ReleaseId == release.Id && row.IsDemonstration, cancellationToken),
        };
    }

    /// <summary>
    /// Public: an evidence file, only when a public release of the round lists it (with public evidence
    /// chosen) and the item is still marked public. Null otherwise, without saying which.
    /// </summary>
    public async Task<EvidenceDownload?> OpenPublicFileAsync(Guid assessmentId, Guid evidenceId, CancellationToken cancellationToken = default)
    {
        var history = await db.PublishedReleases.AsNoTracking()
            .Where(release => release.AssessmentId == assessmentId)
            .OrderBy(release => release.Revision)
            .Select(release => new { release.Choices, release.Snapshot })
            .ToListAsync(cancellationToken);
        var listed = history.Count > 0 && history[^1].Choices.AnythingPublic && history.Any(release =>
            release.Choices.AnythingPublic && release.Choices.PublicEvidence
            && release.Snapshot.Evidence?.Any(item => item.Id == evidenceId && item.HasFile) == true);
        if (!listed)
        {
            return null;
        }
        // The one read of country-owned rows past the country scope: an item a public release names, by its id.
        var row = await db.Evidence.IgnoreQueryFilters().AsNoTracking()
            .Where(item => item.Id == evidenceId && item.AssessmentId == assessmentId && item.IsPublic && item.FileId != null)
            .Select(item => new { item.FileName, item.FileType, item.File!.Content })
            .SingleOrDefaultAsync(cancellationToken);
        if (row?.FileType is not { } type || row.Content is null)
        {
            return null;
        }
        return new EvidenceDownload(row.Content, EvidenceFileFormat.Of(type).ContentType, row.FileName ?? EvidenceFileCheck.SafeDownloadName(null, type));
    }

    private async Task<Dictionary<string, LocalizedText>> CountryNamesAsync(IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.Countries.AsNoTracking()
            .Where(country => wanted.Contains(country.Iso3))
            .Select(country => new { country.Iso3, country.Name })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(row => row.Iso3, row => row.Name, StringComparer.Ordinal);
    }

    private static ReleaseRecord ToRecord(PublishedRelease release) =>
        new(release.Revision, release.Choices, release.SignedOffByName, release.SignedOffAt, release.Note, release.RuleVersion);
}
