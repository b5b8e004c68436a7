using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.CaseStudies;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Profiles;

/// <summary>One version of a figure as shown: its value or text, year, source, and who recorded it when.</summary>
public sealed record FigureVersionView(
    int Revision, decimal? Value, string? Unit, string? Text, int Year, string Source, string? SourceLink,
    string RecordedBy, DateTimeOffset RecordedAt, bool IsDemonstration);

/// <summary>A figure: what it measures, its current version and every earlier one (newest first).</summary>
public sealed record ProfileFigureView(Guid FigureId, ProfileIndicator Indicator, FacilityType? FacilityType, FigureVersionView Current, IReadOnlyList<FigureVersionView> History);

/// <summary>A country's profile: its figures in indicator order, its published case studies, and whether the caller may record figures.</summary>
public sealed record CountryProfileView(
    string Iso3, LocalizedText CountryName, string RegionCode, LocalizedText RegionName,
    IReadOnlyList<ProfileFigureView> Figures, IReadOnlyList<CaseStudyListItem> CaseStudies, bool CanEdit);

/// <summary>
/// Keeps country profiles' figures: anyone reads them; the country's team (focal points and contributors of that
/// country) and content editors record new figures and new versions of existing ones. Nothing is overwritten:
/// each edit appends a version, whose revision number is unique per figure, so of two edits of the same version
/// only the first lands (the second is a conflict showing the current value).
/// </summary>
public sealed class CountryProfiles(PathwayDb db, CurrentUser user, CaseStudyReader caseStudies, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The country's focal points and contributors, and content editors.</summary>
    public bool MayEdit(string iso3) => user.IsSignedIn && (user.EditsContent || user.CountryIso3 == iso3);

    /// <summary>The profile, or null for an unknown country code.</summary>
    public async Task<CountryProfileView?> ReadAsync(string iso3, CancellationToken cancellationToken = default)
    {
        var code = (iso3 ?? "").Trim().ToUpperInvariant();
        var country = await db.Countries.AsNoTracking().Where(c => c.Iso3 == code)
            .Select(c => new { c.Iso3, c.Name, c.RegionCode, RegionName = c.Region!.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (country is null)
        {
            return null;
        }
        var rows = await db.Set<ProfileFigure>().AsNoTracking().Where(f => f.CountryIso3 == country.Iso3).ToListAsync(cancellationToken);
        var figures = rows.GroupBy(f => f.FigureId)
            .Select(series => series.OrderByDescending(f => f.Revision).ToList())
            .Select(versions => new ProfileFigureView(versions[0].FigureId, versions[0].Indicator, versions[0].FacilityType,
                View(versions[0]), [.. versions.Skip(1).Select(View)]))
            .OrderBy(f => f.Indicator).ThenBy(f => f.FacilityType).ThenBy(f => f.Current.Text, StringComparer.CurrentCulture)
            .ToList();
        return new CountryProfileView(country.Iso3, country.Name, country.RegionCode, country.RegionName, figures,
            await caseStudies.PublishedOfAsync(country.Iso3, cancellationToken), MayEdit(country.Iso3));
    }

    /// <summary>
    /// Records a figure: a new key law, or the new version of the country's figure for the indicator (and facility
    /// type) when it has one already, so a share or count is never listed twice.
    /// </summary>
    public async Task<Outcome<Guid>> RecordAsync(string iso3, ProfileFigureInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await OpenAsync(iso3, cancellationToken) is not { } code)
        {
            return NotFound();
        }
        if (!MayEdit(code))
        {
            return Forbidden();
        }
        if (!Check(input).TryGet(out var fields, out var refused))
        {
            return refused;
        }
        var existing = fields.Indicator == ProfileIndicator.KeyLaw
            ? null
            : await db.Set<ProfileFigure>().AsNoTracking()
                .Where(f => f.CountryIso3 == code && f.Indicator == fields.Indicator && f.FacilityType == fields.FacilityType)
                .OrderByDescending(f => f.Revision)
                .Select(f => new { f.FigureId, f.Revision })
                .FirstOrDefaultAsync(cancellationToken);
        return await AppendAsync(code, existing?.FigureId ?? Guid.CreateVersion7(), (existing?.Revision ?? 0) + 1, fields, cancellationToken);
    }

    /// <summary>A new version of one figure, given the revision the caller saw.</summary>
    public async Task<Outcome<Guid>> ReviseAsync(string iso3, Guid figureId, ProfileFigureInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await OpenAsync(iso3, cancellationToken) is not { } code)
        {
            return NotFound();
        }
        var current = await db.Set<ProfileFigure>().AsNoTracking()
            .Where(f => f.CountryIso3 == code && f.FigureId == figureId)
            .OrderByDescending(f => f.Revision)
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return NotFound();
        }
        if (!MayEdit(code))
        {
            return Forbidden();
        }
        // What a figure measures stays: the form and the API may leave it out.
        input.Indicator = current.Indicator.ToString();
        input.FacilityType = current.FacilityType?.ToString();
        if (!Check(input).TryGet(out var fields, out var refused))
        {
            return refused;
        }
        if (input.Revision != current.Revision)
        {
            return Conflict(current);
        }
        return await AppendAsync(code, figureId, current.Revision + 1, fields, cancellationToken);
    }

    private async Task<Outcome<Guid>> AppendAsync(string iso3, Guid figureId, int revision, ProfileFigureFields fields, CancellationToken cancellationToken)
    {
        var figure = new ProfileFigure
        {
            FigureId = figureId,
            Revision = revision,
            CountryIso3 = iso3,
            Indicator = fields.Indicator,
            FacilityType = fields.FacilityType,
            Value = fields.Value,
            Unit = fields.Unit,
            Text = fields.Text,
            Year = fields.Year,
            Source = fields.Source,
            SourceLink = fields.SourceLink,
            RecordedById = user.Id,
            RecordedByName = user.Name ?? "",
            RecordedAt = clock.GetUtcNow(),
        };
        db.Add(figure);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            var stored = await db.Set<ProfileFigure>().AsNoTracking()
                .Where(f => f.FigureId == figureId).OrderByDescending(f => f.Revision).FirstAsync(cancellationToken);
            return Conflict(stored);
        }
        return figureId;
    }

    private async Task<string?> OpenAsync(string iso3, CancellationToken cancellationToken)
    {
        var code = (iso3 ?? "").Trim().ToUpperInvariant();
        return await db.Countries.AnyAsync(c => c.Iso3 == code, cancellationToken) ? code : null;
    }

    private Outcome<ProfileFigureFields> Check(ProfileFigureInput input)
    {
        var fields = input.Check(clock.GetUtcNow().Year, l, out var errors);
        return fields is null ? Failure.Invalid(l["CaseStudy.Error.InvalidTitle"], l["CaseStudy.Error.InvalidDetail"], errors) : fields;
    }

    private static FigureVersionView View(ProfileFigure figure) => new(
        figure.Revision, figure.Value, figure.Unit, figure.Text, figure.Year, figure.Source, figure.SourceLink,
        figure.RecordedByName, figure.RecordedAt, figure.IsDemonstration);

    private Failure NotFound() => Failure.NotFound(l["Profile.NotFoundTitle"], l["Profile.NotFound"]);

    private Failure Forbidden() => Failure.Forbidden(l["CaseStudy.Error.ForbiddenTitle"], l["Profile.Error.Forbidden"]);

    private Failure Conflict(ProfileFigure stored) => Failure.Conflict(l["CaseStudy.Error.ConflictTitle"], l["Profile.Error.Conflict"], View(stored));
}
