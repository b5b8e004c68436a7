using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

/// <summary>One mechanism's agreed answer and the team's reason for it.</summary>
public sealed record AgreedAnswer(MechanismAnswer Answer, string Rationale)
{
    /// <summary>Whether the team recorded an answer (a stored row may still say "not assessed").</summary>
    public bool IsAssessed => Answer.State != MechanismAnswerState.NotAssessed;
}

/// <summary>The one query for a round's agreed answers: results, publication, planning, transitions and pages read it here.</summary>
public static class AgreedAnswers
{
    /// <summary>The round's agreed answers by mechanism code (ordinal), rows that say "not assessed" included.</summary>
    public static async Task<Dictionary<string, AgreedAnswer>> ForRoundAsync(PathwayDb db, Guid roundId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.ConsensusRatings.AsNoTracking()
            .Where(consensus => consensus.AssessmentId == roundId)
            .Select(consensus => new { consensus.MechanismCode, consensus.State, consensus.Level, consensus.Rationale })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            row => row.MechanismCode, row => new AgreedAnswer(MechanismAnswer.From(row.State, row.Level), row.Rationale), StringComparer.Ordinal);
    }
}
