using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Localization;
using Pathway.Web.Planning;

namespace Pathway.Web.Connector.CaseStudies;

/// <summary>The round and plan item a proposal comes from.</summary>
public sealed record CaseStudyOrigin(Guid AssessmentId, Guid ActionItemId);

/// <summary>
/// A country team proposes a case study from its plan's completed actions: the done item prefills a draft
/// (country, mechanism, what was done, period from its dates, the link back to the round and item). The round
/// is opened through the planning door, so a round the caller may not see is not found; only the round
/// country's people (and editors who can see it) may propose, and only from an item whose status is Done.
/// </summary>
public sealed class CaseStudyProposals(PlanningRounds rounds, ActionPlanBook plans, CurrentUser user, IStringLocalizer<SharedResource> l)
{
    /// <summary>The draft's fields, ready for the team to complete (the page's form and the API's proposal).</summary>
    public async Task<Outcome<CaseStudyInput>> PrefillAsync(Guid assessmentId, Guid actionItemId, CancellationToken cancellationToken = default)
    {
        if (!(await rounds.OpenAsync(assessmentId, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed;
        }
        if (!CaseStudyAccess.MayWriteFor(user, round.Round.CountryIso3))
        {
            return Failure.Forbidden(l["CaseStudy.Error.ForbiddenTitle"], l["CaseStudy.Error.ProposeNotTeam"]);
        }
        if (!(await plans.ReadItemAsync(round, actionItemId, "en", cancellationToken)).TryGet(out var item, out var missing))
        {
            return missing;
        }
        if (item.Status != ActionStatus.Done)
        {
            return Failure.Invalid(l["CaseStudy.Error.InvalidTitle"], nameof(CaseStudyInput.SourceActionItemId), l["CaseStudy.Error.ItemNotDone"]);
        }
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var texts = new Dictionary<string, string> { ["en"] = item.What };
        if (language != "en" && (await plans.ReadItemAsync(round, actionItemId, language, cancellationToken)).Value is { } own && own.What != item.What)
        {
            texts[language] = own.What;
        }
        var end = item.CompletedOn ?? item.Due;
        var start = item.Start ?? end;
        return new CaseStudyInput
        {
            CountryIso3 = round.Round.CountryIso3,
            FromYear = start?.Year,
            ToYear = end is { } last && start is { } first && last >= first ? last.Year : null,
            Title = new LocalizedText(texts.Select(pair => KeyValuePair.Create(pair.Key, TextRules.Truncate(FirstLine(pair.Value), CaseStudy.TitleLength)))),
            WhatWasDone = new LocalizedText(texts),
            Mechanisms = [item.MechanismCode],
            SourceAssessmentId = round.Round.Id,
            SourceActionItemId = item.Id,
        };
    }

    /// <summary>Checks a proposal's origin again when the draft is saved: the same rules, and the draft's country is the round's.</summary>
    public async Task<Outcome<CaseStudyOrigin>> OriginAsync(Guid? assessmentId, Guid? actionItemId, string countryIso3, CancellationToken cancellationToken = default)
    {
        if (assessmentId is not { } roundId || actionItemId is not { } itemId)
        {
            return Failure.Invalid(l["CaseStudy.Error.InvalidTitle"], nameof(CaseStudyInput.SourceActionItemId), l["CaseStudy.Error.OriginBoth"]);
        }
        if (!(await PrefillAsync(roundId, itemId, cancellationToken)).TryGet(out var prefill, out var refused))
        {
            return refused;
        }
        if (prefill.CountryIso3 != countryIso3)
        {
            return Failure.Invalid(l["CaseStudy.Error.InvalidTitle"], nameof(CaseStudyInput.CountryIso3), l["CaseStudy.Error.OriginCountry"]);
        }
        return new CaseStudyOrigin(roundId, itemId);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
