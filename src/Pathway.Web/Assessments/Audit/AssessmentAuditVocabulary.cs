using Microsoft.EntityFrameworkCore;
using Pathway.Web.Assessments.Evidence;
using Pathway.Web.Data;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

/// <summary>The round's own rows in the audit trail: the round, its people, ratings, consensus, evidence, review and releases.</summary>
public sealed class AssessmentAuditVocabulary(PathwayDb db) : IAuditVocabulary
{
    public IReadOnlyList<Type> Entities { get; } =
    [
        typeof(Assessment), typeof(Participant), typeof(Rating), typeof(ConsensusRating), typeof(EvidenceItem),
        typeof(EvidenceLink), typeof(ReviewComment), typeof(StatusChange), typeof(PublishedRelease),
    ];

    public IReadOnlySet<Type> OnePerRound { get; } = new HashSet<Type>();

    public IReadOnlyDictionary<Type, string> ValueKeys { get; } = new Dictionary<Type, string>
    {
        [typeof(AssessmentStatus)] = "Status.",
        [typeof(AssessmentScope)] = "Scope.",
        [typeof(AssessmentPurpose)] = "Purpose.",
        [typeof(MechanismAnswerState)] = "Answer.",
        [typeof(IndividualAnswerState)] = "Answer.",
        [typeof(RatingConfidence)] = "Confidence.",
        [typeof(ConsensusMethod)] = "Method.",
        [typeof(StakeholderGroup)] = "Group.",
        [typeof(ParticipantRole)] = "ParticipantRole.",
        [typeof(EvidenceType)] = "EvidenceType.",
        [typeof(EvidenceFileType)] = "Audit.FileType.",
    };

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(Guid roundId, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        if (ids.Count == 0)
        {
            return names;
        }
        foreach (var participant in await db.Participants.AsNoTracking()
            .Where(p => p.AssessmentId == roundId && ids.Contains(p.Id)).Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken))
        {
            names[participant.Id] = participant.DisplayName;
        }
        // A rating is named by whose it is (its mechanism is its label).
        foreach (var rating in await db.Ratings.AsNoTracking()
            .Where(r => r.AssessmentId == roundId && ids.Contains(r.Id)).Select(r => new { r.Id, r.Participant!.DisplayName }).ToListAsync(cancellationToken))
        {
            names[rating.Id] = rating.DisplayName;
        }
        foreach (var item in await db.Evidence.AsNoTracking()
            .Where(e => e.AssessmentId == roundId && (ids.Contains(e.Id) || (e.FileId != null && ids.Contains(e.FileId.Value))))
            .Select(e => new { e.Id, e.FileId, e.Title }).ToListAsync(cancellationToken))
        {
            names[item.Id] = item.Title;
            if (item.FileId is { } file)
            {
                names[file] = item.Title;
            }
        }
        foreach (var round in await db.Assessments.AsNoTracking()
            .Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Title }).ToListAsync(cancellationToken))
        {
            names[round.Id] = round.Title;
        }
        return names;
    }
}
