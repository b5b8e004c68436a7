using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

/// <summary>One respondent's comment in the spread: the group they speak for and their answer, never their name.</summary>
public sealed record SpreadComment(StakeholderGroup Group, IndividualAnswer Answer, string Comment);

/// <summary>The spread of one mechanism's individual ratings, with the comments given.</summary>
public sealed record MechanismSpread(string BehaviourCode, string MechanismCode, RatingSpread Spread, IReadOnlyList<SpreadComment> Comments);

/// <summary>The agreed answer stored for one mechanism, as pages and the API show it (and as a conflict reports it).</summary>
public sealed record AgreedRating(
    string MechanismCode,
    [property: JsonConverter(typeof(JsonStringEnumConverter<MechanismAnswerState>))] MechanismAnswerState State,
    int? Level,
    string Rationale,
    [property: JsonConverter(typeof(JsonStringEnumConverter<RatingConfidence>))] RatingConfidence Confidence,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ConsensusMethod>))] ConsensusMethod Method,
    string? DissentNotes,
    int Version,
    string? RecordedBy,
    DateTimeOffset RecordedAt)
{
    [JsonIgnore]
    public MechanismAnswer Answer => MechanismAnswer.From(State, Level);
}

/// <summary>
/// The consensus step of a round: the spread of individual ratings for the facilitator, and the
/// agreed answer per mechanism, saved with optimistic concurrency so two facilitators cannot
/// silently overwrite each other. Shared by the pages and the API.
/// </summary>
public sealed class ConsensusBook(PathwayDb db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>
    /// The spread for every mechanism of the round's framework version (or only <paramref name="mechanismCode"/>'s),
    /// in framework order, read with one query. Only for those who may see it (respondents see nothing of the
    /// others before the consensus step).
    /// </summary>
    public async Task<Outcome<IReadOnlyList<MechanismSpread>>> SpreadAsync(
        Round round, string? mechanismCode = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (!round.Can.CanSeeSpread)
        {
            return Failure.Forbidden(l["Round.Forbidden"], l["Consensus.Error.SpreadClosed"]);
        }
        var tree = round.Framework;

        // Counted in the database (a round of 200 respondents has 5,600 ratings, a few hundred distinct
        // answers); only the ratings that carry a comment are read one by one.
        var ratings = db.Ratings.AsNoTracking()
            .Where(rating => rating.AssessmentId == round.Id && (mechanismCode == null || rating.MechanismCode == mechanismCode));
        var counts = await ratings
            .GroupBy(rating => new { rating.MechanismCode, rating.Participant!.Group, rating.State, rating.Level })
            .Select(answers => new { answers.Key.MechanismCode, answers.Key.Group, answers.Key.State, answers.Key.Level, Count = answers.Count() })
            .ToListAsync(cancellationToken);
        var commented = await ratings
            .Where(rating => rating.Comment != null)
            .Select(rating => new { rating.MechanismCode, rating.Participant!.Group, rating.State, rating.Level, rating.Comment })
            .ToListAsync(cancellationToken);
        var countsByCode = counts.ToLookup(row => row.MechanismCode, StringComparer.Ordinal);
        var commentsByCode = commented.ToLookup(row => row.MechanismCode, StringComparer.Ordinal);

        var result = new List<MechanismSpread>(tree.Behaviours.Sum(behaviour => behaviour.Mechanisms.Count));
        foreach (var behaviour in tree.Behaviours)
        {
            foreach (var mechanism in behaviour.Mechanisms.Where(m => mechanismCode is null || m.Code == mechanismCode))
            {
                var spread = RatingSpread.Of(countsByCode[mechanism.Code].SelectMany(row =>
                    Enumerable.Repeat(new IndividualRating(row.Group, IndividualAnswer.From(row.State, row.Level)), row.Count)));
                var comments = commentsByCode[mechanism.Code]
                    .OrderBy(row => row.Group)
                    .Select(row => new SpreadComment(row.Group, IndividualAnswer.From(row.State, row.Level), row.Comment!))
                    .ToList();
                result.Add(new MechanismSpread(behaviour.Code, mechanism.Code, spread, comments));
            }
        }
        return result;
    }

    /// <summary>The agreed answers recorded so far, by mechanism code; for those who may see the spread.</summary>
    public async Task<Outcome<IReadOnlyDictionary<string, AgreedRating>>> ConsensusAsync(Round round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (!round.Can.CanSeeSpread)
        {
            return Failure.Forbidden(l["Round.Forbidden"], l["Consensus.Error.SpreadClosed"]);
        }
        var rows = await Agreed(round.Id).ToListAsync(cancellationToken);
        return rows.ToDictionary(row => row.MechanismCode, StringComparer.Ordinal);
    }

    /// <summary>How many evidence items support a mechanism of the round (an item supporting several counts under each).</summary>
    public Task<int> EvidenceCountAsync(Round round, string mechanismCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        return db.EvidenceLinks.AsNoTracking()
            .CountAsync(link => link.AssessmentId == round.Id && link.MechanismCode == mechanismCode, cancellationToken);
    }

    /// <summary>
    /// Records the agreed answer for a mechanism. <see cref="ConsensusInput.Version"/> is the version the
    /// caller saw (0 when none was stored): when another save came first, nothing is written and the
    /// failure is a conflict carrying the stored <see cref="AgreedRating"/>.
    /// </summary>
    public async Task<Outcome<AgreedRating>> SaveAsync(Round round, string mechanismCode, ConsensusInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(input);
        if (!round.Can.CanRecordConsensus)
        {
            return Refusal(round);
        }
        var tree = round.Framework;
        var code = tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms)
            .Select(mechanism => mechanism.Code)
            .FirstOrDefault(known => string.Equals(known, mechanismCode?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (code is null)
        {
            var example = tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms).Select(mechanism => mechanism.Code).FirstOrDefault() ?? "";
            return Failure.NotFound(l["Consensus.Error.Title"], l["Round.UnknownMechanism", mechanismCode ?? "", round.FrameworkVersion, example]);
        }
        var decision = input.Check(l, out var errors);
        if (decision is null)
        {
            return Failure.Invalid(l["Consensus.Error.Title"], l["Consensus.Error.Detail"], errors);
        }

        var row = await db.ConsensusRatings
            .SingleOrDefaultAsync(rating => rating.AssessmentId == round.Id && rating.MechanismCode == code, cancellationToken);
        if ((row?.Version ?? 0) != input.Version)
        {
            return await ConflictAsync(round.Id, code, cancellationToken);
        }
        if (row is null)
        {
            row = new ConsensusRating { AssessmentId = round.Id, CountryIso3 = round.CountryIso3, MechanismCode = code };
            db.ConsensusRatings.Add(row);
        }
        else
        {
            // The update only applies where the stored version is still the one the caller saw: a save
            // between this read and the write makes it touch no row, which EF reports as a concurrency failure.
            db.Entry(row).Property(rating => rating.Version).OriginalValue = input.Version;
        }
        row.Record(decision, user.Id, user.Name, clock.GetUtcNow());

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(round.Id, code, cancellationToken);
        }
        catch (DbUpdateException exception) when (input.Version == 0 && exception.IsUniqueViolation())
        {
            // Two first saves at once: the unique index (AssessmentId, MechanismCode) lets one in.
            db.ChangeTracker.Clear();
            if (await Agreed(round.Id, code).AnyAsync(cancellationToken))
            {
                return await ConflictAsync(round.Id, code, cancellationToken);
            }
            throw;
        }
        return ToAgreed(row);
    }

    /// <summary>Why the caller may not record an agreed answer in this round now.</summary>
    internal Failure Refusal(Round round)
    {
        if (round.Status == AssessmentStatus.Published)
        {
            return Failure.Forbidden(l["Round.Forbidden"], l["Round.ReadOnly"]);
        }
        if (round.Can.IsFacilitator)
        {
            return Failure.Forbidden(l["Round.Forbidden"], l["Consensus.Error.NotOpen", l[$"Status.{round.Status}"]]);
        }
        return Failure.Forbidden(l["Round.Forbidden"], l["Consensus.Error.NotFacilitator"]);
    }

    private async Task<Failure> ConflictAsync(Guid roundId, string code, CancellationToken cancellationToken)
    {
        var current = await Agreed(roundId, code).SingleOrDefaultAsync(cancellationToken);
        var detail = current is null
            ? l["Consensus.Error.ConflictNone"]
            : l["Consensus.Error.ConflictDetail", current.RecordedBy ?? l["Consensus.Someone"].Value, DateText.DateTime(current.RecordedAt), current.Version];
        return Failure.Conflict(l["Consensus.Error.ConflictTitle"], detail, current);
    }

    /// <summary>The round's agreed answers, or one mechanism's (filtered before the projection, which SQL cannot see into).</summary>
    private IQueryable<AgreedRating> Agreed(Guid roundId, string? code = null) =>
        db.ConsensusRatings.AsNoTracking()
            .Where(rating => rating.AssessmentId == roundId && (code == null || rating.MechanismCode == code))
            .Select(rating => new AgreedRating(
                rating.MechanismCode, rating.State, rating.Level, rating.Rationale, rating.Confidence, rating.Method,
                rating.DissentNotes, rating.Version, rating.RecordedByName, rating.RecordedAt));

    private static AgreedRating ToAgreed(ConsensusRating row) => new(
        row.MechanismCode, row.State, row.Level, row.Rationale, row.Confidence, row.Method,
        row.DissentNotes, row.Version, row.RecordedByName, row.RecordedAt);
}
