using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Connector.Organisations;

/// <summary>What the directory is filtered by.</summary>
public sealed record OrganisationFilter(string? Country = null, OrganisationSector? Sector = null, StakeholderGroup? Type = null, string? Search = null, int Page = 1);

public sealed record OrganisationSummary(int Id, string Name, string? Acronym, string? CountryIso3, LocalizedText? CountryName, OrganisationSector Sector, StakeholderGroup Type, bool IsDemonstration);

public sealed record OrganisationList(IReadOnlyList<OrganisationSummary> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>An organisation with the partnerships the reader may see it take part in.</summary>
public sealed record OrganisationView(
    int Id, string Name, string? Acronym, string? CountryIso3, LocalizedText? CountryName, OrganisationSector Sector, StakeholderGroup Type,
    string? Website, bool IsDemonstration, bool CanEdit);

/// <summary>An organisation to add to the directory or to change.</summary>
public sealed class OrganisationInput
{
    public string? Name { get; set; }
    public string? Acronym { get; set; }
    public string? CountryIso3 { get; set; }
    public OrganisationSector Sector { get; set; }
    public StakeholderGroup Type { get; set; }
    public string? Website { get; set; }

    public string? Country => string.IsNullOrWhiteSpace(CountryIso3) ? null : CountryIso3.Trim().ToUpperInvariant();

    public Dictionary<string, string[]> Check(IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var errors = new Dictionary<string, string[]>();
        _ = FieldText.Check(Name, nameof(Name), Organisation.NameLength, true, l, errors);
        _ = FieldText.Check(Acronym, nameof(Acronym), Organisation.AcronymLength, false, l, errors);
        _ = FieldText.Check(Website, nameof(Website), Organisation.WebsiteLength, false, l, errors);
        if (!errors.ContainsKey(nameof(Website)) && FieldText.Clean(Website) is { } site
            && !(Uri.TryCreate(site, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors[nameof(Website)] = [l["Organisations.Error.Website"]];
        }
        if (!Enum.IsDefined(Sector))
        {
            errors[nameof(Sector)] = [l["Organisations.Error.Sector"]];
        }
        if (!Enum.IsDefined(Type))
        {
            errors[nameof(Type)] = [l["Organisations.Error.Type"]];
        }
        return errors;
    }
}

/// <summary>
/// The organisations directory: public reference data anyone may read. Content editors and administrators keep
/// it; a country team may add an organisation of its own country (when naming a party to a partnership).
/// </summary>
public sealed class OrganisationDirectory(
    PathwayDb db, CurrentUser user, IEnumerable<IOrganisationRenameListener> renameListeners, IStringLocalizer<SharedResource> l)
{
    public const int PageSize = 50;

    public bool CanEdit => user.EditsContent;

    /// <summary>Editors add organisations of any country; a country's focal point and contributors those of their own.</summary>
    public bool CanCreateFor(string? countryIso3) => user.EditsContent
        || (user.Role is Roles.CountryFocalPoint or Roles.CountryContributor && countryIso3 is not null && user.CountryIso3 == countryIso3);

    public async Task<OrganisationList> ListAsync(OrganisationFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderBy(organisation => organisation.Name).ThenBy(organisation => organisation.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(organisation => new OrganisationSummary(organisation.Id, organisation.Name, organisation.Acronym, organisation.CountryIso3,
                organisation.Country == null ? null : organisation.Country.Name, organisation.Sector, organisation.Type, organisation.IsDemonstration))
            .ToListAsync(cancellationToken);
        return new OrganisationList(items, total, page, PageSize);
    }

    /// <summary>The organisations a party can be chosen from: the country's own and those based nowhere in particular (international).</summary>
    public Task<List<OrganisationSummary>> ChoicesForAsync(string countryIso3, CancellationToken cancellationToken = default) =>
        db.Organisations.AsNoTracking()
            .Where(organisation => organisation.CountryIso3 == countryIso3 || organisation.CountryIso3 == null)
            .OrderBy(organisation => organisation.Name)
            .Select(organisation => new OrganisationSummary(organisation.Id, organisation.Name, organisation.Acronym, organisation.CountryIso3,
                null, organisation.Sector, organisation.Type, organisation.IsDemonstration))
            .ToListAsync(cancellationToken);

    public async Task<Outcome<OrganisationView>> OpenAsync(int id, CancellationToken cancellationToken = default)
    {
        var row = await db.Organisations.AsNoTracking().Include(organisation => organisation.Country)
            .SingleOrDefaultAsync(organisation => organisation.Id == id, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }
        return new OrganisationView(row.Id, row.Name, row.Acronym, row.CountryIso3, row.Country?.Name, row.Sector, row.Type, row.Website,
            row.IsDemonstration, CanEdit);
    }

    public async Task<Outcome<int>> CreateAsync(OrganisationInput input, CancellationToken cancellationToken = default)
    {
        if (!(await StageAsync(input, cancellationToken)).TryGet(out var organisation, out var refused))
        {
            return refused;
        }
        return await SaveAsync(organisation, cancellationToken);
    }

    /// <summary>Checks the input and adds the organisation to the unit of work, unsaved (a party saves it with the partnership).</summary>
    public async Task<Outcome<Organisation>> StageAsync(OrganisationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var country = input.Country;
        if (!CanCreateFor(country))
        {
            return Failure.Forbidden(l["Organisations.Error.Title"], l["Organisations.Error.NotYours"]);
        }
        var errors = await CheckAsync(input, null, cancellationToken);
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Organisations.Error.Title"], l["Organisations.Error.Detail"], errors);
        }
        var organisation = new Organisation { Name = input.Name!.Trim() };
        Apply(organisation, input);
        db.Organisations.Add(organisation);
        return organisation;
    }

    public async Task<Outcome<int>> UpdateAsync(int id, OrganisationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var organisation = await db.Organisations.SingleOrDefaultAsync(row => row.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Failure.Forbidden(l["Organisations.Error.Title"], l["Organisations.Error.NotYours"]);
        }
        var errors = await CheckAsync(input, id, cancellationToken);
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Organisations.Error.Title"], l["Organisations.Error.Detail"], errors);
        }
        var (name, acronym) = (organisation.Name, organisation.Acronym);
        organisation.Name = input.Name!.Trim();
        Apply(organisation, input);
        if (organisation.Name != name || organisation.Acronym != acronym)
        {
            foreach (var listener in renameListeners)
            {
                await listener.RenamedAsync(organisation, cancellationToken);
            }
        }
        return await SaveAsync(organisation, cancellationToken);
    }

    private Failure NotFound() => Failure.NotFound(l["Organisations.NotFoundTitle"], l["Organisations.NotFound"]);

    private async Task<Dictionary<string, string[]>> CheckAsync(OrganisationInput input, int? id, CancellationToken cancellationToken)
    {
        var errors = input.Check(l);
        var country = input.Country;
        if (country is not null && !await db.Countries.AnyAsync(c => c.Iso3 == country, cancellationToken))
        {
            errors[nameof(OrganisationInput.CountryIso3)] = [l["Organisations.Error.Country"]];
        }
        else if (!errors.ContainsKey(nameof(OrganisationInput.Name)))
        {
            var name = input.Name!.Trim();
            if (await db.Organisations.AnyAsync(row => row.Name == name && row.CountryIso3 == country && row.Id != id, cancellationToken))
            {
                errors[nameof(OrganisationInput.Name)] = [l["Organisations.Error.Twin"]];
            }
        }
        return errors;
    }

    private static void Apply(Organisation organisation, OrganisationInput input)
    {
        organisation.Acronym = FieldText.Clean(input.Acronym);
        organisation.CountryIso3 = input.Country;
        organisation.Sector = input.Sector;
        organisation.Type = input.Type;
        organisation.Website = FieldText.Clean(input.Website);
    }

    private async Task<Outcome<int>> SaveAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return organisation.Id;
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return Failure.Invalid(l["Organisations.Error.Title"], nameof(OrganisationInput.Name), l["Organisations.Error.Twin"]);
        }
    }

    private IQueryable<Organisation> Filtered(OrganisationFilter filter)
    {
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var iso3 = filter.Country.Trim().ToUpperInvariant();
            query = query.Where(organisation => organisation.CountryIso3 == iso3);
        }
        if (filter.Sector is { } sector)
        {
            query = query.Where(organisation => organisation.Sector == sector);
        }
        if (filter.Type is { } type)
        {
            query = query.Where(organisation => organisation.Type == type);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Lower-cased on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
            var words = filter.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower() on both databases; no .NET culture takes part.
            query = query.Where(organisation => organisation.Name.ToLower().Contains(words)
                || (organisation.Acronym != null && organisation.Acronym.ToLower().Contains(words)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        return query;
    }
}
