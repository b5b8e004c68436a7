using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Localization;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.Web.Reports.AssessmentReport;

/// <summary>
/// Reads what a report shows. The internal version opens the round through the one door (so country
/// scope and permissions are the product's) and shows only what its reader may already see on the
/// round's pages; the public version reads the published release and nothing else.
/// </summary>
public sealed class ReportReader(
    PathwayDb db,
    PlanningRounds rounds,
    ConsensusBook consensus,
    TargetBook targets,
    PriorityBoard priorities,
    ActionPlanBook plans,
    Publisher publisher,
    FrameworkReader framework)
{
    /// <summary>The internal version, or the round's not-found failure for a caller who cannot see it.</summary>
    public async Task<Outcome<ReportData>> ReadInternalAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var planning, out var closed))
        {
            return closed;
        }
        var round = planning.Round;
        var tree = round.Framework;
        var agreed = await AgreedAnswers.ForRoundAsync(db, round.Id, cancellationToken);
        // Rationale, confidence, dissent and the spread show where the consensus pages would show them.
        var details = (await consensus.ConsensusAsync(round, cancellationToken)).Value;
        var spread = (await consensus.SpreadAsync(round, cancellationToken: cancellationToken)).Value;

        var evidence = (await db.Evidence.AsNoTracking()
            .Where(item => item.AssessmentId == round.Id)
            .OrderBy(item => item.AddedAt).ThenBy(item => item.Id)
            .Select(item => new { item.Title, Codes = item.Links.Select(link => link.MechanismCode).ToList() })
            .ToListAsync(cancellationToken))
            .SelectMany(item => item.Codes.Select(code => (Code: code, item.Title)))
            .ToLookup(pair => pair.Code, pair => pair.Title, StringComparer.Ordinal);

        var answers = tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms).ToDictionary(
            mechanism => mechanism.Code,
            mechanism =>
            {
                var answer = agreed.GetValueOrDefault(mechanism.Code)?.Answer ?? MechanismAnswer.NotAssessed;
                var detail = details?.GetValueOrDefault(mechanism.Code);
                return new ReportAnswer(answer, NullIfBlank(detail?.Rationale), detail?.Confidence, NullIfBlank(detail?.DissentNotes),
                    [.. evidence[mechanism.Code]]);
            },
            StringComparer.Ordinal);
        var profile = RoundResults.Profile(tree, answers.ToDictionary(pair => pair.Key, pair => pair.Value.Answer, StringComparer.Ordinal));

        var participants = await db.Participants.AsNoTracking()
            .Where(participant => participant.AssessmentId == round.Id)
            .OrderBy(participant => participant.Group).ThenBy(participant => participant.DisplayName)
            .Select(participant => new ReportParticipant(participant.DisplayName, participant.Organisation, participant.Group, participant.Role, participant.HasConflictOfInterest))
            .ToListAsync(cancellationToken);
        var validated = await db.StatusChanges.AsNoTracking()
            .Where(change => change.AssessmentId == round.Id && change.To == AssessmentStatus.Validated)
            .OrderByDescending(change => change.At)
            .Select(change => new { change.ActorName, change.At })
            .FirstOrDefaultAsync(cancellationToken);
        var published = await db.PublishedReleases.AsNoTracking()
            .Where(release => release.AssessmentId == round.Id)
            .OrderByDescending(release => release.Revision)
            .Select(release => (DateTimeOffset?)release.SignedOffAt)
            .FirstOrDefaultAsync(cancellationToken);

        ReportPlanning? planningData = null;
        if (PlanPermissions.OpensAt(round.Status))
        {
            planningData = new ReportPlanning(
                await targets.ListAsync(planning, cancellationToken),
                await priorities.ListAsync(planning, cancellationToken),
                await plans.ReadAsync(planning, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken));
        }

        return new ReportData(round.Id, IsPublic: false, round.IsDemonstration, round.CountryIso3, round.CountryName, round.Title,
            round.Scope, round.ScopeDetail, round.Purpose, round.PlannedStart, round.PlannedEnd, tree, round.Status, round.Revision,
            validated?.ActorName, validated?.At, published, round.AgreedInMeeting is not null, ScoringRule.Version)
        {
            Profile = [.. profile.Behaviours.Select(result => new ReportScore(result.Code, result.Mean, result.Status, result.Band, result.Coverage))],
            Answers = answers,
            Participants = participants,
            Divergence = spread?.Select(row => new ReportDivergence(row.MechanismCode, row.Spread.PublicMedian, row.Spread.PrivateMedian,
                row.Spread.LevelRange, row.Spread.Divergent)).ToList(),
            Planning = planningData,
        };
    }

    /// <summary>The public version, from the round's latest public release only; null when nothing was published.</summary>
    public async Task<ReportData?> ReadPublicAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var release = await publisher.GetAsync(id, cancellationToken: cancellationToken);
        if (release is null)
        {
            return null;
        }
        var snapshot = release.Snapshot;
        var tree = await framework.TreeAsync(snapshot.FrameworkVersion, cancellationToken);
        if (tree is null)
        {
            return null;
        }
        // Public reads stay on published rows: the release's flattened rows carry the demonstration flag.
        var demonstration = await db.PublishedResults.AsNoTracking()
            .AnyAsync(row => row.AssessmentId == id && row.Revision == release.Revision && row.IsDemonstration, cancellationToken);
        var evidence = (snapshot.Evidence ?? []).ToLookup(item => item.MechanismCode, item => item.Title, StringComparer.Ordinal);
        var answers = snapshot.Mechanisms?.ToDictionary(
            mechanism => mechanism.Code,
            mechanism => new ReportAnswer(
                MechanismAnswer.From(Enum.TryParse<MechanismAnswerState>(mechanism.State, out var state) ? state : MechanismAnswerState.NotAssessed, mechanism.Level),
                mechanism.Rationale, Confidence: null, Dissent: null, [.. evidence[mechanism.Code]]),
            StringComparer.Ordinal);
        // The validator by role only (the release records no name); its region named in the reader's language.
        var validation = snapshot.Validation;
        var region = validation?.RegionCode is { } code
            ? await db.Regions.AsNoTracking().Where(row => row.Code == code).Select(row => row.Name).FirstOrDefaultAsync(cancellationToken)
                ?? LocalizedText.English(code)
            : null;
        return new ReportData(release.AssessmentId, IsPublic: true, demonstration, release.CountryIso3, release.CountryName, snapshot.Title,
            Enum.TryParse<AssessmentScope>(snapshot.Scope, out var scope) ? scope : AssessmentScope.National, snapshot.ScopeDetail,
            Enum.TryParse<AssessmentPurpose>(snapshot.Purpose, out var purpose) ? purpose : AssessmentPurpose.TakeStock,
            snapshot.Planned?.Start, snapshot.Planned?.End, tree, AssessmentStatus.Published, release.Revision, ValidatedBy: null,
            validation?.At, release.SignedOffAt, snapshot.AgreedInMeeting, release.RuleVersion)
        {
            PlannedDatesRecorded = snapshot.Planned is not null,
            ValidatorRole = validation is null ? null : new ReportValidatorRole(region),
            Profile = snapshot.Behaviours?.Select(behaviour => new ReportScore(behaviour.Code, behaviour.Mean,
                Enum.TryParse<ScoreStatus>(behaviour.Status, out var status) ? status : null,
                Enum.TryParse<LevelBand>(behaviour.Band, out var band) ? band : null,
                new Coverage(behaviour.Rated, 0, behaviour.InformationGaps, behaviour.NotApplicable, behaviour.NotAssessed))).ToList(),
            Answers = answers,
        };
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
