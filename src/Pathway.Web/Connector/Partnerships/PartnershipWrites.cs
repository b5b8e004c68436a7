using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.Partnerships;

/// <summary>The stored version of a partnership a stale edit is refused with.</summary>
public sealed record PartnershipCurrent(int Version, string Stage, DateTimeOffset UpdatedAt);

/// <summary>
/// What every write to a partnership shares: opening it for change (visible through the filter, editable by
/// the caller), refusing stale edits, and saving it with its search entry in the same unit of work.
/// </summary>
public sealed class PartnershipWrites(PathwayDb db, CurrentUser user, SearchIndex search, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Failure NotFound() => Failure.NotFound(l["Partnerships.NotFoundTitle"], l["Partnerships.NotFound"]);

    public Failure Stale(Partnership partnership)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        return Failure.Conflict(l["Partnerships.Error.StaleTitle"], l["Partnerships.Error.Stale"],
            new PartnershipCurrent(partnership.Version, partnership.Stage.ToString(), partnership.UpdatedAt));
    }

    /// <summary>The partnership with its rows, tracked; not found when the caller cannot see it, forbidden when they may only read it.</summary>
    public async Task<Outcome<Partnership>> OpenForWriteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var partnership = await db.Set<Partnership>().AsSplitQuery()
            .Include(row => row.Tags)
            .Include(row => row.Parties).ThenInclude(party => party.Organisation)
            .Include(row => row.Checks)
            .Include(row => row.Risks)
            .SingleOrDefaultAsync(row => row.Id == id, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }
        if (!PartnershipRegister.CanEdit(user, partnership.CountryIso3))
        {
            return Failure.Forbidden(l["Partnerships.Error.Title"], l["Partnerships.Error.NotYours"]);
        }
        return partnership;
    }

    /// <summary>Stages the partnership's search entry and saves; a concurrent change in between is a conflict, nothing saved.</summary>
    public async Task<Outcome<Partnership>> SaveAsync(Partnership partnership, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        var region = await db.Countries.AsNoTracking().Where(country => country.Iso3 == partnership.CountryIso3)
            .Select(country => country.RegionCode).SingleAsync(cancellationToken);
        // Every write path loads the parties with their organisations (a new party carries its own).
        await search.Stage(PartnershipSearch.Document(partnership, region, PartnershipSearch.PartyNames(partnership)), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return partnership;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<Partnership>().AsNoTracking().SingleOrDefaultAsync(row => row.Id == partnership.Id, cancellationToken);
            return current is null ? NotFound() : Stale(current);
        }
    }
}
