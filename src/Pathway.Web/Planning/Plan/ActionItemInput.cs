using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments;
using Pathway.Web.Localization;

namespace Pathway.Web.Planning;

/// <summary>
/// An action item as the API body and the page's form send it. Enumerations travel as their names, so
/// an unknown value is a field error saying what is allowed. On creation, <see cref="RecommendationCode"/>
/// with <see cref="MechanismCode"/> adds the catalogue action: its text and type come from the catalogue,
/// and every other field sent is kept (levels and dates default to the action's step and horizon).
/// </summary>
public sealed partial class ActionItemInput
{
    /// <summary>Large enough for any national budget, small enough for the column's 16 integer digits.</summary>
    public const decimal MaxBudget = 999_999_999_999_999m;

    /// <summary>The mechanism the action serves: a code of the round's framework version (e.g. DS.1).</summary>
    public string? MechanismCode { get; set; }

    /// <summary>Only when creating: the catalogue action to copy in (e.g. DS.1-1a).</summary>
    public string? RecommendationCode { get; set; }

    /// <summary>What will be done: required, at most 2,000 characters (from the catalogue when a recommendation is given).</summary>
    public string? What { get; set; }

    /// <summary>One of the action types (PolicyOrStrategy, LegislationOrRegulation, ...); optional.</summary>
    public string? Type { get; set; }

    public string? ResponsibleOrganisation { get; set; }
    public string? ResponsiblePerson { get; set; }
    public DateOnly? Start { get; set; }

    /// <summary>Not before <see cref="Start"/>.</summary>
    public DateOnly? Due { get; set; }

    public string? Resources { get; set; }

    /// <summary>0 or more, at most two decimals; needs <see cref="Currency"/>.</summary>
    public decimal? Budget { get; set; }

    /// <summary>ISO 4217 code such as USD, EUR, KES.</summary>
    public string? Currency { get; set; }

    /// <summary>1–4; below <see cref="ToLevel"/> when both are given.</summary>
    public int? FromLevel { get; set; }

    /// <summary>1–4; never below the mechanism's agreed level.</summary>
    public int? ToLevel { get; set; }

    /// <summary>When changing an item: the version the caller saw. A stale version is a conflict.</summary>
    public int Version { get; set; }

    /// <summary>
    /// Every field checked at once against the round's framework. The checked values, or null with the
    /// errors keyed by this class's property names, in the reader's language.
    /// </summary>
    public ItemFields? Check(PlanningRound round, IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(l);
        errors = [];
        var mechanism = FindMechanism(round, MechanismCode, l, errors);

        var what = PlanText.Trimmed(What);
        if (what is null)
        {
            errors[nameof(What)] = [l["Plan.Error.WhatRequired"]];
        }
        else
        {
            PlanText.CheckLength(errors, nameof(What), what, ActionItem.WhatLength, l);
        }

        ActionType? type = null;
        if (PlanText.Trimmed(Type) is { } typeName)
        {
            type = ConsensusInput.ParseName<ActionType>(typeName);
            if (type is null)
            {
                errors[nameof(Type)] = [l["Plan.Error.Type", PlanText.Names<ActionType>()]];
            }
        }

        var organisation = PlanText.Trimmed(ResponsibleOrganisation);
        PlanText.CheckLength(errors, nameof(ResponsibleOrganisation), organisation, ActionItem.NameLength, l);
        var person = PlanText.Trimmed(ResponsiblePerson);
        PlanText.CheckLength(errors, nameof(ResponsiblePerson), person, ActionItem.NameLength, l);
        var resources = PlanText.Trimmed(Resources);
        PlanText.CheckLength(errors, nameof(Resources), resources, ActionItem.ResourcesLength, l);
        PlanText.CheckDates(errors, Start, Due, nameof(Due), l);

        if (Budget is { } budget)
        {
            if (budget < 0)
            {
                errors[nameof(Budget)] = [l["Plan.Error.BudgetNegative"]];
            }
            else if (budget > MaxBudget || decimal.Round(budget, 2) != budget)
            {
                errors[nameof(Budget)] = [l["Plan.Error.Budget", MaxBudget.ToString("N0", CultureInfo.CurrentCulture)]];
            }
        }
        var currency = PlanText.Trimmed(Currency)?.ToUpperInvariant();
        if (currency is not null && !CurrencyPattern().IsMatch(currency))
        {
            errors[nameof(Currency)] = [l["Plan.Error.Currency"]];
        }
        else if (currency is null && Budget is not null)
        {
            errors[nameof(Currency)] = [l["Plan.Error.CurrencyRequired"]];
        }

        var agreed = mechanism?.Answer.Level;
        switch (PlanRules.CheckLevels(FromLevel, ToLevel, agreed))
        {
            case LevelProblem.FromOutOfRange:
                errors[nameof(FromLevel)] = [l["Plan.Error.LevelRange", TargetRules.MinLevel, TargetRules.MaxLevel]];
                break;
            case LevelProblem.ToOutOfRange:
                errors[nameof(ToLevel)] = [l["Plan.Error.LevelRange", TargetRules.MinLevel, TargetRules.MaxLevel]];
                break;
            case LevelProblem.NotAbove:
                errors[nameof(ToLevel)] = [l["Plan.Error.LevelOrder", PlanText.Count(ToLevel!.Value), PlanText.Count(FromLevel!.Value)]];
                break;
            case LevelProblem.BelowAgreed:
                errors[nameof(ToLevel)] = [l["Plan.Error.BelowAgreed", PlanText.Count(ToLevel!.Value), $"\u2068{mechanism!.Code}\u2069", PlanText.Count(agreed!.Value)]];
                break;
        }

        if (Version < 0)
        {
            errors[nameof(Version)] = [l["Plan.Error.Version"]];
        }

        return errors.Count == 0
            ? new ItemFields(mechanism!.Code, what!, type, organisation, person, Start, Due, resources, Budget, currency, FromLevel, ToLevel)
            : null;
    }

    /// <summary>The mechanism of the round's framework with this code (any case), or null with the field error.</summary>
    internal static PlanningMechanism? FindMechanism(PlanningRound round, string? code, IStringLocalizer l, Dictionary<string, string[]> errors)
    {
        var wanted = code?.Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            errors[nameof(MechanismCode)] = [l["Plan.Error.MechanismRequired"]];
            return null;
        }
        var mechanism = PlanEditing.Find(round, wanted);
        if (mechanism is null)
        {
            errors[nameof(MechanismCode)] =
                [l["Plan.Error.UnknownMechanism", wanted, round.Round.FrameworkVersion, round.Mechanisms.Count > 0 ? round.Mechanisms[0].Code : ""]];
        }
        return mechanism;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}

/// <summary>An item's fields once checked.</summary>
public sealed record ItemFields(
    string MechanismCode, string What, ActionType? Type, string? Organisation, string? Person, DateOnly? Start, DateOnly? Due,
    string? Resources, decimal? Budget, string? Currency, int? FromLevel, int? ToLevel)
{
    public void ApplyTo(ActionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.MechanismCode = MechanismCode;
        item.What = What;
        item.Type = Type;
        item.ResponsibleOrganisation = Organisation;
        item.ResponsiblePerson = Person;
        item.Start = Start;
        item.Due = Due;
        item.Resources = Resources;
        item.Budget = Budget;
        item.Currency = Currency;
        item.FromLevel = FromLevel;
        item.ToLevel = ToLevel;
    }
}

/// <summary>The small text rules the plan's inputs share: trimming, lengths, dates and numbers in the reader's culture.</summary>
internal static class PlanText
{
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static void CheckLength(Dictionary<string, string[]> errors, string field, string? text, int max, IStringLocalizer l)
    {
        if (text?.Length > max)
        {
            errors[field] = [l["Plan.Error.Length", Count(max), Count(text.Length)]];
        }
    }

    public static void CheckDates(Dictionary<string, string[]> errors, DateOnly? start, DateOnly? due, string dueField, IStringLocalizer l)
    {
        if (start is { } from && due is { } to && to < from)
        {
            errors[dueField] = [l["Plan.Error.DueBeforeStart", Date(to), Date(from)]];
        }
    }

    public static string Date(DateOnly date) => DateText.Date(date);

    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}
