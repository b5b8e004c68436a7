using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Pathway.Web;

public enum FailureKind
{
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>
/// An expected failure, in the reader's language: what is wrong and what is allowed. Field errors are
/// keyed by the input's field name, so a page puts them beside the field and the API returns them as a
/// validation problem. A conflict carries the value now stored.
/// </summary>
public sealed record Failure(FailureKind Kind, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null, object? Current = null)
{
    public static Failure NotFound(string title, string detail) => new(FailureKind.NotFound, title, detail);

    /// <summary>The one answer for a round that does not exist or that the caller may not see: existence never leaks.</summary>
    public static Failure RoundNotFound(IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return NotFound(localizer["Round.NotFoundTitle"], localizer["Round.NotFound"]);
    }

    public static Failure Forbidden(string title, string detail) => new(FailureKind.Forbidden, title, detail);

    public static Failure Invalid(string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(FailureKind.Invalid, title, detail, errors);

    public static Failure Invalid(string title, string field, string message) =>
        new(FailureKind.Invalid, title, message, new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Conflict(string title, string detail, object? current) => new(FailureKind.Conflict, title, detail, null, current);

    public int StatusCode => Kind switch
    {
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>As RFC 9457 problem details: field errors under "errors", a conflict's stored value under "current".</summary>
    public ProblemHttpResult ToProblem()
    {
        var extensions = new Dictionary<string, object?>();
        if (Errors is { Count: > 0 })
        {
            extensions["errors"] = Errors;
        }
        if (Current is not null)
        {
            extensions["current"] = Current;
        }
        return TypedResults.Problem(detail: Detail, statusCode: StatusCode, title: Title, extensions: extensions);
    }
}

/// <summary>A result or an expected failure; failures are values, not exceptions.</summary>
public readonly record struct Outcome<T>(T? Value, Failure? Failure)
{
    public bool Succeeded => Failure is null;

    /// <summary>The value, or the failure: <c>if (!opened.TryGet(out var round, out var closed)) return closed.ToProblem();</c></summary>
    public bool TryGet([NotNullWhen(true)] out T? value, [NotNullWhen(false)] out Failure? failure)
    {
        (value, failure) = (Value, Failure);
        return failure is null && value is not null;
    }

    /// <summary>The one conversion to an API answer: the success as the handler's typed result, a failure as problem details.</summary>
    public Results<TResult, ProblemHttpResult> ToResult<TResult>(Func<T, TResult> success)
        where TResult : IResult
    {
        ArgumentNullException.ThrowIfNull(success);
        return TryGet(out var value, out var failure) ? success(value) : failure.ToProblem();
    }

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}
