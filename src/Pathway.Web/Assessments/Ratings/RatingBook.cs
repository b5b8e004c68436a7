using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Data;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

/// <summary>One of the caller's own answers in a round.</summary>
public sealed record MyRating(string MechanismCode, IndividualAnswer Answer, string? Comment, DateTimeOffset UpdatedAt);

/// <summary>One answer to save; a null answer is an item left unanswered on the behaviour form.</summary>
public sealed record RatingItem(string MechanismCode, IndividualAnswer? Answer, string? Comment);

/// <summary>
/// A respondent's own individual ratings: reading them and saving them, one mechanism (API) or one
/// behaviour's form (page) at a time. Every item is checked before anything is written, and a save is
/// one SaveChanges, so a refused form saves nothing. Only the caller's own participant row is ever
/// written — the participant comes from the round as the caller sees it, never from the input.
/// </summary>
public sealed class RatingBook(PathwayDb db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The caller's answers in the round, by mechanism code (empty when they are not a participant).</summary>
    public async Task<IReadOnlyDictionary<string, MyRating>> MyRatingsAsync(Round round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.MyParticipantId is not { } me)
        {
            return new Dictionary<string, MyRating>(StringComparer.OrdinalIgnoreCase);
        }
        var rows = await db.Ratings.AsNoTracking()
            .Where(rating => rating.AssessmentId == round.Id && rating.ParticipantId == me)
            .Select(rating => new { rating.MechanismCode, rating.State, rating.Level, rating.Comment, rating.UpdatedAt })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            row => row.MechanismCode,
            row => new MyRating(row.MechanismCode, IndividualAnswer.From(row.State, row.Level), row.Comment, row.UpdatedAt),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Why the caller cannot rate in the round now, or null when they can: only a respondent, only
    /// while rating is open (403 for a non-respondent, 409 naming the round's step otherwise).
    /// </summary>
    public Failure? WhyCannotRate(Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.Can.CanRate && round.MyParticipantId is not null)
        {
            return null;
        }
        if (!round.Can.IsRespondent || round.MyParticipantId is null)
        {
            return Failure.Forbidden(l["Rating.NotRespondentTitle"], l["Rating.NotRespondent"]);
        }
        return Failure.Conflict(l["Rating.NotOpenTitle"], NotOpenMessage(round.Status), new { status = round.Status.ToString() });
    }

    /// <summary>What the rating pages and the API say when rating is not open at the round's step.</summary>
    public string NotOpenMessage(AssessmentStatus status) =>
        status < AssessmentStatus.RatingOpen
            ? l["Rating.NotOpenYet", l[$"Status.{status}"], l[$"Status.{AssessmentStatus.RatingOpen}"]]
            : l["Rating.NotOpen", l[$"Status.{status}"], l[$"Status.{AssessmentStatus.RatingOpen}"]];

    /// <summary>Saves one answer (the API's PUT); errors are keyed mechanismCode and comment.</summary>
    public async Task<Outcome<MyRating>> SaveAsync(
        Round round, string mechanismCode, IndividualAnswer answer, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(answer);
        if (WhyCannotRate(round) is { } refused)
        {
            return refused;
        }
        var tree = round.Framework;
        var errors = new Dictionary<string, string[]>();
        var mechanisms = tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms).ToList();
        var mechanism = mechanisms.FirstOrDefault(m => string.Equals(m.Code, mechanismCode?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (mechanism is null)
        {
            errors["mechanismCode"] = [l["Round.UnknownMechanism", mechanismCode ?? "", round.FrameworkVersion, mechanisms.FirstOrDefault()?.Code ?? ""]];
        }
        if (CommentError(comment) is { } tooLong)
        {
            errors["comment"] = [tooLong];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Rating.Error.Title"], errors.Values.First()[0], errors);
        }
        var saved = await UpsertAsync(round, [new RatingItem(mechanism!.Code, answer, comment)], cancellationToken);
        return saved[0];
    }

    /// <summary>
    /// Saves the answered items of one behaviour's form, all or nothing. Unanswered items (no answer
    /// and no comment) are left as they are. Errors are keyed by the form's field names
    /// (<see cref="RatingInput.AnswerField"/>, <see cref="RatingInput.CommentField"/>). Returns how many
    /// answers were saved.
    /// </summary>
    public async Task<Outcome<int>> SaveBehaviourAsync(
        Round round, string behaviourCode, IReadOnlyList<RatingItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(items);
        if (WhyCannotRate(round) is { } refused)
        {
            return refused;
        }
        var tree = round.Framework;
        var behaviour = tree.Behaviours.FirstOrDefault(b => string.Equals(b.Code, behaviourCode?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (behaviour is null)
        {
            return Failure.Invalid(l["Rating.Error.Title"], "behaviourCode", l["Rating.UnknownBehaviour", behaviourCode ?? "",
                round.FrameworkVersion, string.Join(", ", tree.Behaviours.Select(b => b.Code))]);
        }

        var errors = new Dictionary<string, string[]>();
        var toSave = new List<RatingItem>();
        foreach (var item in items)
        {
            var mechanism = behaviour.Mechanisms.FirstOrDefault(m => string.Equals(m.Code, item.MechanismCode?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (mechanism is null)
            {
                errors[RatingInput.AnswerField(item.MechanismCode ?? "")] = [l["Rating.NotInBehaviour", item.MechanismCode ?? "",
                    behaviour.Name.Current, string.Join(", ", behaviour.Mechanisms.Select(m => m.Code))]];
                continue;
            }
            if (toSave.Any(saved => saved.MechanismCode == mechanism.Code))
            {
                errors[RatingInput.AnswerField(mechanism.Code)] = [l["Rating.Error.Duplicate", mechanism.Code]];
                continue;
            }
            if (CommentError(item.Comment) is { } tooLong)
            {
                errors[RatingInput.CommentField(mechanism.Code)] = [tooLong];
            }
            if (item.Answer is null)
            {
                if (!string.IsNullOrWhiteSpace(item.Comment))
                {
                    errors[RatingInput.AnswerField(mechanism.Code)] = [l["Rating.Error.CommentWithoutAnswer"]];
                }
                continue;
            }
            toSave.Add(item with { MechanismCode = mechanism.Code });
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Rating.Error.Title"], l["Rating.Error.Detail", errors.Count], errors);
        }
        if (toSave.Count == 0)
        {
            return 0;
        }
        var saved = await UpsertAsync(round, toSave, cancellationToken);
        return saved.Count;
    }

    private string? CommentError(string? comment)
    {
        var length = comment?.Trim().Length ?? 0;
        return length > Rating.CommentLength ? l["Rating.Error.CommentLength", length, Rating.CommentLength].Value : null;
    }

    /// <summary>
    /// Inserts or updates the caller's rows for the items in one save. When another request by the
    /// same person inserted one of the rows in between (the unique index on participant and
    /// mechanism refuses the second insert), the save is retried once as an update.
    /// </summary>
    private async Task<List<MyRating>> UpsertAsync(Round round, IReadOnlyList<RatingItem> items, CancellationToken cancellationToken)
    {
        try
        {
            var rows = await ApplyAsync(round, items, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return rows;
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            var rows = await ApplyAsync(round, items, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return rows;
        }
    }

    private async Task<List<MyRating>> ApplyAsync(Round round, IReadOnlyList<RatingItem> items, CancellationToken cancellationToken)
    {
        var me = round.MyParticipantId!.Value;
        var codes = items.Select(item => item.MechanismCode).ToList();
        var existing = await db.Ratings
            .Where(rating => rating.AssessmentId == round.Id && rating.ParticipantId == me && codes.Contains(rating.MechanismCode))
            .ToDictionaryAsync(rating => rating.MechanismCode, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow();
        var result = new List<MyRating>();
        foreach (var item in items)
        {
            var comment = string.IsNullOrWhiteSpace(item.Comment) ? null : item.Comment.Trim();
            if (!existing.TryGetValue(item.MechanismCode, out var rating))
            {
                rating = new Rating { AssessmentId = round.Id, CountryIso3 = round.CountryIso3, ParticipantId = me, MechanismCode = item.MechanismCode };
                db.Ratings.Add(rating);
                rating.Record(item.Answer!, comment, now);
            }
            else if (rating.Answer != item.Answer || rating.Comment != comment)
            {
                // An unchanged answer is left alone, so the audit trail records only real changes.
                rating.Record(item.Answer!, comment, now);
            }
            result.Add(new MyRating(rating.MechanismCode, rating.Answer, rating.Comment, rating.UpdatedAt));
        }
        return result;
    }

}
