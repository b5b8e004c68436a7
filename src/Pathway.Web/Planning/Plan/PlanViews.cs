using System.Text.Json.Serialization;

namespace Pathway.Web.Planning;

public sealed record ProgressNoteView(
    Guid Id,
    DateOnly On,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ActionStatus>))] ActionStatus Status,
    string Text,
    string? AuthorName,
    DateTimeOffset At);

/// <summary>
/// One plan item as pages, the API and exports read it, in one reader's language: <see cref="What"/> is the
/// catalogue's text in that language while <see cref="WhatFromCatalogue"/>, else the team's. Notes are oldest first.
/// </summary>
public sealed record ActionItemView(
    Guid Id,
    string MechanismCode,
    string? RecommendationCode,
    string What,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ActionType>))] ActionType? Type,
    string? ResponsibleOrganisation,
    string? ResponsiblePerson,
    DateOnly? Start,
    DateOnly? Due,
    string? Resources,
    decimal? Budget,
    string? Currency,
    int? FromLevel,
    int? ToLevel,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ActionStatus>))] ActionStatus Status,
    DateOnly? CompletedOn,
    bool IsOverdue,
    bool CarriedOver,
    DateTimeOffset CreatedAt,
    int Version,
    IReadOnlyList<ProgressNoteView> Notes,
    bool WhatFromCatalogue = false);

/// <summary>
/// A round's plan as read: null <see cref="PlanId"/> while the team has not started it. Items are in
/// framework order of their mechanism, then by creation.
/// </summary>
public sealed record PlanView(
    Guid? PlanId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<PlanStatus>))] PlanStatus Status,
    [property: JsonConverter(typeof(JsonStringEnumConverter<PlanHorizon>))] PlanHorizon Horizon,
    PriorityWeights Weights,
    string? EndorsedByName,
    DateTimeOffset? EndorsedAt,
    string? EndorsementNote,
    int ChangesSinceEndorsement,
    Guid? CarriedFromAssessmentId,
    int Version,
    IReadOnlyList<ActionItemView> Items);

/// <summary>An open item of the earlier plan that stayed behind because its mechanism left the framework.</summary>
public sealed record NotCarriedItem(string MechanismCode, string What);

/// <summary>
/// Where a plan's carried-over items come from: before the plan starts, what starting it will carry;
/// afterwards, what it carried. <see cref="FromRoundId"/> is null when there is no earlier plan.
/// </summary>
public sealed record CarryOverView(Guid? FromRoundId, string? FromRoundTitle, int Carried, IReadOnlyList<NotCarriedItem> NotCarried);

/// <summary>How stored items become their views.</summary>
public static class PlanViews
{
    /// <summary>The item as read in <paramref name="what"/>'s language: <paramref name="what"/> comes from <see cref="ActionItemText.What"/>.</summary>
    public static ActionItemView ToView(ActionItem item, string what, IEnumerable<ProgressNote> notes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(notes);
        return new(
            item.Id, item.MechanismCode, item.RecommendationCode, what, item.Type, item.ResponsibleOrganisation, item.ResponsiblePerson,
            item.Start, item.Due, item.Resources, item.Budget, item.Currency, item.FromLevel, item.ToLevel, item.Status, item.CompletedOn,
            PlanRules.IsOverdue(item.Due, item.Status, today), item.CarriedFromItemId is not null, item.CreatedAt, item.Version,
            [.. notes.OrderBy(note => note.On).ThenBy(note => note.At)
                .Select(note => new ProgressNoteView(note.Id, note.On, note.Status, note.Text, note.AuthorName, note.At))],
            item.WhatFromCatalogue);
    }

    /// <summary>A long text cut at a word for a list line.</summary>
    public static string Shorten(string text, int length = 80)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= length)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', length);
        return string.Concat(text.AsSpan(0, cut > length / 2 ? cut : length), "…");
    }
}
