using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Planning;

/// <summary>A country whose current plan may take an action from outside the team.</summary>
public sealed record OpenPlan(string CountryIso3, LocalizedText CountryName, Guid RoundId, string RoundTitle);

/// <summary>An action someone outside the country team adds: the country, the mechanism, the text and an optional due date.</summary>
public sealed record OutsideItem(string? CountryIso3, string? MechanismCode, string? What, DateOnly? Due);

/// <summary>The item added, with what its notice and link need (the round's id and title: the country team's, not the caller's to open).</summary>
public sealed record AddedItem(Guid ItemId, Guid RoundId, string RoundTitle, string CountryIso3, string MechanismCode, string What);

/// <summary>
/// The one way into a country's plan from outside its team: an organiser turning an event's key message into an
/// action. The caller never opens the round (no read of its ratings, targets or other items); this reads across the
/// country filter only what it needs, naming the country explicitly: which round holds the country's current plan,
/// and that round's framework version to check the mechanism. The current plan is the plan of the country's latest
/// round that has one and is open for planning (validated or published). Items are added as the plan's own rules
/// want: without levels, not started, and through SaveChanges, so the audit trail records who added them.
/// </summary>
public sealed class PlanItemsFromOutside(PathwayDb db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const string CountryField = "CountryIso3";
    public const string MechanismField = "MechanismCode";
    public const string WhatField = "What";
    public const string DueField = "Due";

    /// <summary>Who may add from outside: the people who organise shared work (organisers, content editors, administrators).</summary>
    public bool MayAdd => user.IsSignedIn && user.OrganisesEvents;

    /// <summary>Every country with a current plan, by country code.</summary>
    public async Task<IReadOnlyList<OpenPlan>> OpenPlansAsync(CancellationToken cancellationToken = default)
    {
        var rows = await Rounds(null).Select(a => new RoundRow(a.Id, a.CountryIso3, a.Title, a.CreatedAt)).ToListAsync(cancellationToken);
        var names = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso3, c => c.Name, cancellationToken);
        return [.. rows.GroupBy(row => row.CountryIso3)
            .Select(group => group.OrderByDescending(row => row.CreatedAt).ThenByDescending(row => row.Id).First())
            .OrderBy(row => row.CountryIso3, StringComparer.Ordinal)
            .Select(row => new OpenPlan(row.CountryIso3, names.GetValueOrDefault(row.CountryIso3) ?? LocalizedText.English(row.CountryIso3), row.Id, row.Title))];
    }

    /// <summary>The country's current plan, or null when it has none open.</summary>
    public async Task<OpenPlan?> CurrentPlanAsync(string countryIso3, CancellationToken cancellationToken = default)
    {
        var iso3 = countryIso3.Trim().ToUpperInvariant();
        var row = await Rounds(iso3).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new RoundRow(a.Id, a.CountryIso3, a.Title, a.CreatedAt)).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var name = await db.Countries.AsNoTracking().Where(c => c.Iso3 == iso3).Select(c => c.Name).SingleAsync(cancellationToken);
        return new OpenPlan(iso3, name, row.Id, row.Title);
    }

    /// <summary>
    /// Adds the action to the country's current plan, tracked: the caller saves, with whatever it records beside the
    /// item (its own link to it, the notices), so all of it is written or none. Every field is checked first.
    /// </summary>
    public async Task<Outcome<AddedItem>> AddAsync(OutsideItem input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!MayAdd)
        {
            return Failure.Forbidden(l["Planning.Error.Title"], l["PlanOutside.Error.NotAllowed"]);
        }
        var errors = new Dictionary<string, string[]>();
        var iso3 = input.CountryIso3?.Trim().ToUpperInvariant();
        OpenPlan? plan = null;
        int frameworkVersionId = 0;
        if (string.IsNullOrEmpty(iso3) || iso3.Length != 3)
        {
            errors[CountryField] = [l["PlanOutside.Error.Country"]];
        }
        else if (!await db.Countries.AnyAsync(c => c.Iso3 == iso3, cancellationToken))
        {
            errors[CountryField] = [l["PlanOutside.Error.UnknownCountry", iso3]];
        }
        else
        {
            plan = await CurrentPlanAsync(iso3, cancellationToken);
            if (plan is null)
            {
                errors[CountryField] = [l["PlanOutside.Error.NoPlan", iso3]];
            }
            else
            {
                frameworkVersionId = await db.Assessments.IgnoreQueryFilters().Where(a => a.Id == plan.RoundId)
                    .Select(a => a.FrameworkVersionId).SingleAsync(cancellationToken);
            }
        }

        string? mechanism = null;
        var code = input.MechanismCode?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            errors[MechanismField] = [l["PlanOutside.Error.Mechanism"]];
        }
        else if (plan is not null)
        {
            var codes = await db.Mechanisms.AsNoTracking().Where(m => m.FrameworkVersionId == frameworkVersionId).Select(m => m.Code).ToListAsync(cancellationToken);
            mechanism = codes.FirstOrDefault(c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase));
            if (mechanism is null)
            {
                errors[MechanismField] = [l["PlanOutside.Error.UnknownMechanism", code]];
            }
        }

        var what = input.What?.Trim();
        if (string.IsNullOrEmpty(what))
        {
            errors[WhatField] = [l["Plan.Error.WhatRequired"]];
        }
        else if (what.Length > ActionItem.WhatLength)
        {
            errors[WhatField] = [l["Plan.Error.Length", PlanText.Count(ActionItem.WhatLength), PlanText.Count(what.Length)]];
        }
        else if (TextRules.HasRefused(what))
        {
            errors[WhatField] = [l["Connector.Error.RefusedCharacter", TextRules.Describe(what[TextRules.IndexOfRefused(what)])]];
        }

        var today = PlanRules.Today(clock);
        if (input.Due is { } due && due < today)
        {
            errors[DueField] = [l["PlanOutside.Error.DueInPast", PlanText.Date(today)]];
        }
        if (errors.Count > 0 || plan is null || mechanism is null || what is null)
        {
            return Failure.Invalid(l["Planning.Error.Title"], l["Plan.Error.Detail"], errors);
        }

        var planId = await db.ActionPlans.IgnoreQueryFilters().Where(p => p.AssessmentId == plan.RoundId).Select(p => p.Id).SingleAsync(cancellationToken);
        var item = new ActionItem
        {
            AssessmentId = plan.RoundId,
            ActionPlanId = planId,
            CountryIso3 = plan.CountryIso3,
            MechanismCode = mechanism,
            What = what,
            Start = today,
            Due = input.Due,
            Status = ActionStatus.NotStarted,
            CreatedAt = clock.GetUtcNow(),
            Version = 1,
        };
        db.ActionItems.Add(item);
        return new AddedItem(item.Id, plan.RoundId, plan.RoundTitle, plan.CountryIso3, mechanism, what);
    }

    private sealed record RoundRow(Guid Id, string CountryIso3, string Title, DateTimeOffset CreatedAt);

    /// <summary>The rounds open for planning that have a plan row (of one country, or all), read across the country filter.</summary>
    private IQueryable<Assessment> Rounds(string? iso3) =>
        db.Assessments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => iso3 == null || a.CountryIso3 == iso3)
            .Where(a => a.Status == AssessmentStatus.Validated || a.Status == AssessmentStatus.Published)
            .Where(a => db.ActionPlans.Any(p => p.AssessmentId == a.Id));
}
