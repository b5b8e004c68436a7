using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;
using Pathway.Web.Framework;

namespace Pathway.Web.Connector.Partnerships;

/// <summary>
/// The partnership register: listing, opening, registering and editing partnerships, shared by the pages and the
/// API. Which partnerships a caller sees is the shared-country query filter's decision (public ones, or the
/// caller's country, region, global scope, or content editors); this class only adds who may change them.
/// </summary>
public sealed class PartnershipRegister(PathwayDb db, CurrentUser user, FrameworkReader framework, PartnershipWrites writes, IStringLocalizer<SharedResource> l)
{
    public const int PageSize = 25;

    /// <summary>Whether the caller may register and edit partnerships of a country: its focal point and contributors, content editors, administrators.</summary>
    public static bool CanEdit(CurrentUser user, string countryIso3)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.EditsContent
            || (user.Role is Roles.CountryFocalPoint or Roles.CountryContributor && user.CountryIso3 == countryIso3);
    }

    /// <summary>Whether the caller may register partnerships at all (and for which country, when bound to one).</summary>
    public bool CanCreate => user.EditsContent || (user.Role is Roles.CountryFocalPoint or Roles.CountryContributor && user.CountryIso3 is not null);

    public async Task<PartnershipList> ListAsync(PartnershipFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Set<Partnership>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var iso3 = filter.Country.Trim().ToUpperInvariant();
            query = query.Where(partnership => partnership.CountryIso3 == iso3);
        }
        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var region = filter.Region.Trim().ToUpperInvariant();
            query = query.Where(partnership => partnership.Country!.RegionCode == region);
        }
        if (filter.Type is { } type)
        {
            query = query.Where(partnership => partnership.Type == type);
        }
        if (filter.Stage is { } stage)
        {
            query = query.Where(partnership => partnership.Stage == stage);
        }
        if (filter.Setting is { } setting)
        {
            query = query.Where(partnership => partnership.Setting == setting);
        }
        if (!string.IsNullOrWhiteSpace(filter.Mechanism))
        {
            var code = filter.Mechanism.Trim();
            query = query.Where(partnership => partnership.Tags.Any(tag => tag.Facet == TagFacet.Mechanism && tag.Value == code));
        }
        var total = await query.CountAsync(cancellationToken);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var today = writes.Today;
        var items = await query
            .OrderByDescending(partnership => partnership.CreatedAt).ThenBy(partnership => partnership.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(partnership => new PartnershipSummary(
                partnership.Id, partnership.CountryIso3, partnership.Country!.Name, partnership.Title, partnership.Type, partnership.Stage,
                partnership.Setting, partnership.StartDate, partnership.EndDate, partnership.IsPublic, partnership.IsDemonstration,
                partnership.Risks.Count(risk => risk.Status == RiskStatus.Open),
                partnership.Risks.Count(risk => risk.Status == RiskStatus.Open && risk.ReviewOn != null && risk.ReviewOn < today)))
            .ToListAsync(cancellationToken);
        return new PartnershipList(items, total, page, PageSize);
    }

    /// <summary>The one door to a partnership: found and visible to the caller, or the one not-found answer (existence never leaks).</summary>
    public async Task<Outcome<PartnershipView>> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<Partnership>().AsNoTracking().AsSplitQuery()
            .Include(partnership => partnership.Country)
            .Include(partnership => partnership.Tags)
            .Include(partnership => partnership.Parties).ThenInclude(party => party.Organisation)
            .Include(partnership => partnership.StageChanges)
            .Include(partnership => partnership.Checks)
            .Include(partnership => partnership.Risks)
            .SingleOrDefaultAsync(partnership => partnership.Id == id, cancellationToken);
        if (row is null)
        {
            return writes.NotFound();
        }
        var today = writes.Today;
        return new PartnershipView(
            row.Id, row.CountryIso3, row.Country!.Name, row.Country.RegionCode, row.Title, row.Description, row.Type, row.HealthArea, row.Setting,
            row.StartDate, row.EndDate, row.Value, row.Currency, row.Stage, row.IsPublic, row.IsDemonstration, row.Version, row.CreatedAt, row.UpdatedAt,
            [.. row.Tags.Where(tag => tag.Facet == TagFacet.Mechanism).Select(tag => tag.Value).Order(StringComparer.Ordinal)],
            [.. row.Tags.Where(tag => tag.Facet == TagFacet.Instrument).Select(tag => tag.Value).Order(StringComparer.Ordinal)],
            [.. row.Parties.OrderBy(party => party.Role).ThenBy(party => party.Organisation!.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(party => new PartyView(party.Id, party.OrganisationId, party.Organisation!.Name, party.Organisation.Acronym,
                    party.Organisation.CountryIso3, party.Organisation.Sector, party.Organisation.Type, party.Role))],
            [.. row.StageChanges.OrderByDescending(change => change.At).Select(change => new StageChangeView(change.From, change.To, change.At, change.ByName, change.Note))],
            [.. row.Checks.OrderByDescending(check => check.CheckedOn).ThenByDescending(check => check.RecordedAt)
                .Select(check => new CheckView(check.Id, check.CheckedOn, check.CheckedBy, check.Scope, check.Finding, check.Outcome))],
            [.. row.Risks.OrderBy(risk => risk.Status).ThenByDescending(risk => risk.Likelihood * risk.Impact).ThenBy(risk => risk.CreatedAt)
                .Select(risk => new RiskView(risk.Id, risk.Description, risk.Likelihood, risk.Impact, risk.Mitigation, risk.Owner, risk.ReviewOn,
                    risk.Status, risk.CreatedAt, risk.ClosedAt, risk.ClosedByName, risk.IsOverdue(today)))],
            CanEdit(user, row.CountryIso3));
    }

    /// <summary>The partnerships an organisation takes part in that the caller may see (the shared-country filter decides).</summary>
    public Task<List<OrganisationPartnership>> ForOrganisationAsync(int organisationId, CancellationToken cancellationToken = default) =>
        (from party in db.Set<PartnershipParty>().AsNoTracking()
         where party.OrganisationId == organisationId
         join partnership in db.Set<Partnership>().AsNoTracking() on party.PartnershipId equals partnership.Id
         orderby partnership.CreatedAt descending
         select new OrganisationPartnership(partnership.Id, partnership.Title, partnership.CountryIso3, party.Role, partnership.Stage, partnership.IsPublic))
        .ToListAsync(cancellationToken);

    /// <summary>The mechanism codes a partnership may serve: those of the current framework version.</summary>
    public async Task<FrameworkTree?> FrameworkAsync(CancellationToken cancellationToken = default) =>
        await framework.CurrentVersionAsync(cancellationToken) is { } version ? await framework.TreeAsync(version, cancellationToken) : null;

    public async Task<Outcome<Guid>> CreateAsync(PartnershipInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var country = (string.IsNullOrWhiteSpace(input.CountryIso3) ? user.CountryIso3 : input.CountryIso3)?.Trim().ToUpperInvariant();
        var errors = await CheckAsync(input, cancellationToken);
        if (string.IsNullOrEmpty(country) || !await db.Countries.AnyAsync(c => c.Iso3 == country, cancellationToken))
        {
            errors[nameof(PartnershipInput.CountryIso3)] = [l["Partnerships.Error.Country"]];
        }
        else if (!CanEdit(user, country))
        {
            return Failure.Forbidden(l["Partnerships.Error.Title"], l["Partnerships.Error.NotYours"]);
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Partnerships.Error.Title"], l["Partnerships.Error.Detail"], errors);
        }
        var now = writes.Now;
        var partnership = new Partnership
        {
            CountryIso3 = country!,
            Title = input.Title,
            CreatedAt = now,
            CreatedById = user.Id,
        };
        Apply(partnership, input);
        partnership.Touch(now);
        db.Add(partnership);
        var saved = await writes.SaveAsync(partnership, cancellationToken);
        return saved.Succeeded ? partnership.Id : saved.Failure!;
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid id, PartnershipInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await writes.OpenForWriteAsync(id, cancellationToken)).TryGet(out var partnership, out var refused))
        {
            return refused;
        }
        if (partnership.Version != input.Version)
        {
            return writes.Stale(partnership);
        }
        var errors = await CheckAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Partnerships.Error.Title"], l["Partnerships.Error.Detail"], errors);
        }
        partnership.Title = input.Title;
        Apply(partnership, input);
        partnership.Touch(writes.Now);
        var saved = await writes.SaveAsync(partnership, cancellationToken);
        return saved.Succeeded ? partnership.Id : saved.Failure!;
    }

    private async Task<Dictionary<string, string[]>> CheckAsync(PartnershipInput input, CancellationToken cancellationToken)
    {
        var tree = await FrameworkAsync(cancellationToken);
        var codes = tree?.Behaviours.SelectMany(behaviour => behaviour.Mechanisms).Select(mechanism => mechanism.Code).ToHashSet(StringComparer.Ordinal)
            ?? [];
        return input.Check(l, codes);
    }

    private static void Apply(Partnership partnership, PartnershipInput input)
    {
        partnership.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        partnership.Type = input.Type;
        partnership.HealthArea = FieldText.Clean(input.HealthArea);
        partnership.Setting = input.Setting;
        partnership.StartDate = input.StartDate;
        partnership.EndDate = input.EndDate;
        partnership.Value = input.Value;
        partnership.Currency = input.CurrencyCode;
        partnership.IsPublic = input.IsPublic;
        var wanted = input.TagValues().ToHashSet();
        partnership.Tags.RemoveAll(tag => !wanted.Contains((tag.Facet, tag.Value)));
        foreach (var (facet, value) in wanted.Where(pair => !partnership.Tags.Any(tag => tag.Facet == pair.Facet && tag.Value == pair.Value)))
        {
            partnership.Tags.Add(new PartnershipTag { OwnerId = partnership.Id, Facet = facet, Value = value });
        }
    }
}
