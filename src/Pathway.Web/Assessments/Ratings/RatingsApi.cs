using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Assessments;

/// <summary>One of the caller's own ratings. Answer is Rated, DontKnow or NotApplicable; Level is 1–4 for Rated only.</summary>
public sealed record MyRatingDto(string MechanismCode, string Answer, int? Level, string? Comment, DateTimeOffset UpdatedAt)
{
    public static MyRatingDto From(MyRating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        return new(rating.MechanismCode, rating.Answer.State.ToString(), rating.Answer.Level, rating.Comment, rating.UpdatedAt);
    }
}

/// <summary>A respondent's own individual ratings: read them all, save one mechanism's.</summary>
internal static class RatingsApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/{id:guid}/my-ratings", GetMyRatings).WithName("GetMyRatings")
            .WithDescription("The caller's own individual ratings in the round (never anyone else's), in framework order. Empty when the caller has not rated.");
        routes.MapPut("/{id:guid}/my-ratings/{mechanismCode}", PutMyRating).WithName("PutMyRating")
            .WithDescription("Saves the caller's rating of one mechanism: {\"level\":3} or {\"answer\":\"Rated\",\"level\":3}, "
                + "{\"answer\":\"DontKnow\"} or {\"answer\":\"NotApplicable\"}, with an optional \"comment\". Saving again replaces the answer. "
                + "Only a respondent of the round, only while the round is RatingOpen (409 otherwise, naming the round's status).");
    }

    public static async Task<Results<Ok<List<MyRatingDto>>, ProblemHttpResult>> GetMyRatings(
        Guid id, RoundDirectory rounds, RatingBook book, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var mine = await book.MyRatingsAsync(round, cancellationToken);
        var order = round.Framework.Behaviours.SelectMany(behaviour => behaviour.Mechanisms).Select((mechanism, index) => (mechanism.Code, index))
            .ToDictionary(pair => pair.Code, pair => pair.index, StringComparer.OrdinalIgnoreCase);
        return TypedResults.Ok(mine.Values
            .OrderBy(rating => order.GetValueOrDefault(rating.MechanismCode, int.MaxValue))
            .ThenBy(rating => rating.MechanismCode, StringComparer.Ordinal)
            .Select(MyRatingDto.From)
            .ToList());
    }

    public static async Task<Results<Ok<MyRatingDto>, ProblemHttpResult>> PutMyRating(
        Guid id, string mechanismCode, RatingBody body, RoundDirectory rounds, RatingBook book,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        if (book.WhyCannotRate(round) is { } refused)
        {
            return refused.ToProblem();
        }
        var read = new RatingInput(l, round.Framework.Levels).ReadBody(body);
        if (!read.Succeeded)
        {
            return Failure.Invalid(l["Rating.Error.Title"], read.Errors.Values.First()[0], read.Errors).ToProblem();
        }
        var outcome = await book.SaveAsync(round, mechanismCode, read.Answer!, body?.Comment, cancellationToken);
        return outcome.ToResult(rating => TypedResults.Ok(MyRatingDto.From(rating)));
    }
}
