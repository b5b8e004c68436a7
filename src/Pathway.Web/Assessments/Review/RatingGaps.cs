using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Framework;

namespace Pathway.Web.Assessments;

/// <summary>A respondent who has not rated every mechanism: who, for which group, how many are missing and in which behaviours.</summary>
public sealed record RespondentGap(
    Guid ParticipantId,
    string Name,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Scoring.StakeholderGroup>))] Scoring.StakeholderGroup Group,
    int MissingMechanisms,
    IReadOnlyList<string> MissingBehaviours);

/// <summary>Who has not finished rating, and whether anyone rated anything at all (what opening consensus asks about).</summary>
public sealed record RatingGaps(int Respondents, int Ratings, int Mechanisms, IReadOnlyList<RespondentGap> Unfinished)
{
    /// <summary>Not one individual rating in the round.</summary>
    [JsonIgnore]
    public bool NoneRated => Ratings == 0;

    /// <summary>The respondents' gaps, read in two queries: the respondents, and which mechanisms each rated.</summary>
    public static async Task<RatingGaps> ReadAsync(PathwayDb db, Guid roundId, FrameworkTree tree, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tree);
        var respondents = await db.Participants.AsNoTracking()
            .Where(p => p.AssessmentId == roundId && p.Role == ParticipantRole.Respondent)
            .Select(p => new { p.Id, p.DisplayName, p.Group })
            .ToListAsync(cancellationToken);
        var rated = await db.Ratings.AsNoTracking()
            .Where(r => r.AssessmentId == roundId && r.Participant!.Role == ParticipantRole.Respondent)
            .Select(r => new { r.ParticipantId, r.MechanismCode })
            .ToListAsync(cancellationToken);
        var ratedBy = rated.ToLookup(r => r.ParticipantId, r => r.MechanismCode);
        var mechanisms = tree.Behaviours.Sum(b => b.Mechanisms.Count);
        var unfinished = new List<RespondentGap>();
        foreach (var respondent in respondents.OrderBy(r => r.Group).ThenBy(r => r.DisplayName, StringComparer.CurrentCulture))
        {
            var mine = ratedBy[respondent.Id].ToHashSet(StringComparer.Ordinal);
            var missingBehaviours = tree.Behaviours.Where(b => b.Mechanisms.Any(m => !mine.Contains(m.Code))).Select(b => b.Code).ToList();
            var missing = tree.Behaviours.Sum(b => b.Mechanisms.Count(m => !mine.Contains(m.Code)));
            if (missing > 0)
            {
                unfinished.Add(new RespondentGap(respondent.Id, respondent.DisplayName, respondent.Group, missing, missingBehaviours));
            }
        }
        return new RatingGaps(respondents.Count, rated.Count, mechanisms, unfinished);
    }
}
