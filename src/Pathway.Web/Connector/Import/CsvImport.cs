using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Organisations;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;
using Pathway.Web.Scoring;

namespace Pathway.Web.Connector.Import;

/// <summary>What a CSV file holds.</summary>
public enum ImportKind
{
    Resources,
    Organisations,
}

/// <summary>One thing wrong in a file: its row (the header is row 1), its column (null for the whole row or file), what is wrong.</summary>
public sealed record ImportProblem(int Row, string? Column, string Message);

/// <summary>What an import did: how many rows were written, or why none were.</summary>
public sealed record ImportResult(int Imported, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Bulk import of resources and organisations from CSV, all or nothing: every row is read and checked (with the same
/// checks as the form, <see cref="ResourceInput.Check"/>) before anything is written; a file with any problem is
/// refused whole with every problem named by row and column; a good file is written in one save, its published
/// resources staged in the search index in the same save. Editors only.
/// </summary>
public sealed class CsvImport(PathwayDb db, CurrentUser user, SearchIndex search, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The largest file accepted: 2 MB, some thousands of rows.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    public const int MaxRows = 5000;

    public async Task<Outcome<ImportResult>> ImportAsync(
        ImportKind kind, byte[] content, bool publish, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!user.EditsContent || user.Id is null)
        {
            return Failure.Forbidden(l["Import.Error.Title"], l["Import.Error.NotEditor"]);
        }
        if (content.LongLength > MaxBytes)
        {
            return Refused([new ImportProblem(0, null, l["Import.Error.TooLarge", MaxBytes / (1024 * 1024)])]);
        }
        var problems = new List<ImportProblem>();
        var rows = Read(kind, content, problems);
        if (problems.Count > 0)
        {
            return Refused(problems);
        }
        var imported = kind == ImportKind.Resources
            ? await StageResourcesAsync(rows, publish, problems, cancellationToken)
            : await StageOrganisationsAsync(rows, problems, cancellationToken);
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Refused(problems);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(imported, []);
    }

    private static Outcome<ImportResult> Refused(List<ImportProblem> problems) =>
        new ImportResult(0, [.. problems.OrderBy(problem => problem.Row)]);

    /// <summary>The rows as column → value maps with their row numbers, after checking the header and the shape of the file.</summary>
    private List<(int Row, Dictionary<string, string> Values)> Read(ImportKind kind, byte[] content, List<ImportProblem> problems)
    {
        var expected = ImportTemplates.Columns(kind);
        var rows = CsvRows.Read(content, [.. expected.Select(column => column.Name)], expected.Where(column => column.Required).Select(column => column.Name),
            MaxRows, l, problems);
        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(1, null, l["Import.Error.Empty"]));
        }
        return rows;
    }

    private async Task<int> StageResourcesAsync(
        List<(int Row, Dictionary<string, string> Values)> rows, bool publish, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var vocabulary = await TagVocabulary.LoadAsync(db, cancellationToken);
        var directory = await db.Set<Organisation>().AsNoTracking().Select(o => new { o.Id, o.Name, o.Acronym }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var resources = new List<(Resource Resource, string? Publisher)>();
        foreach (var (row, values) in rows)
        {
            var publisher = values.GetValueOrDefault("publisher");
            var known = string.IsNullOrEmpty(publisher) ? null : directory.FirstOrDefault(o =>
                string.Equals(o.Name, publisher, StringComparison.OrdinalIgnoreCase) || string.Equals(o.Acronym, publisher, StringComparison.OrdinalIgnoreCase));
            var input = new ResourceInput
            {
                TitleEn = values.GetValueOrDefault("title_en"), TitleFr = values.GetValueOrDefault("title_fr"), TitleAr = values.GetValueOrDefault("title_ar"),
                SummaryEn = values.GetValueOrDefault("summary_en"), SummaryFr = values.GetValueOrDefault("summary_fr"), SummaryAr = values.GetValueOrDefault("summary_ar"),
                Type = values.GetValueOrDefault("type"), Languages = values.GetValueOrDefault("languages"),
                PublisherId = known?.Id, PublisherName = known is null ? publisher : null,
                Url = values.GetValueOrDefault("url"), Licence = values.GetValueOrDefault("licence"),
                Behaviours = values.GetValueOrDefault("behaviours"), Mechanisms = values.GetValueOrDefault("mechanisms"),
                Instruments = values.GetValueOrDefault("instruments"), Countries = values.GetValueOrDefault("countries"),
                Regions = values.GetValueOrDefault("regions"), FlagshipAreas = values.GetValueOrDefault("flagship_areas"),
                Topics = values.GetValueOrDefault("topics"),
            };
            var yearText = values.GetValueOrDefault("year");
            if (int.TryParse(yearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
            {
                input.Year = year;
            }
            var draft = input.Check(vocabulary, now.Year, hasFile: false, l, out var errors);
            foreach (var (field, messages) in errors)
            {
                problems.AddRange(messages.Select(message => new ImportProblem(row, ImportTemplates.ResourceColumnOf(field), message)));
            }
            if (draft is null)
            {
                continue;
            }
            var resource = new Resource
            {
                Title = draft.Title,
                Summary = draft.Summary,
                Type = draft.Type,
                LanguageCodes = LanguageList.Format(draft.Languages),
                Year = draft.Year,
                PublisherId = draft.PublisherId,
                PublisherName = draft.PublisherId is null ? draft.PublisherName : null,
                Url = draft.Url,
                Licence = draft.Licence,
                State = publish ? ModerationState.Published : ModerationState.Draft,
                CreatedById = user.Id!,
                CreatedAt = now,
                UpdatedAt = now,
                StateChangedAt = now,
            };
            resource.Tags.AddRange(draft.Tags.Select(tag => new ResourceTag { ResourceId = resource.Id, Facet = tag.Facet, Value = tag.Value }));
            resources.Add((resource, known?.Name ?? draft.PublisherName));
        }
        if (problems.Count > 0)
        {
            return 0;
        }
        foreach (var (resource, publisher) in resources)
        {
            db.Set<Resource>().Add(resource);
            await ResourceSearch.StageAsync(search, resource, publisher, cancellationToken);
        }
        return resources.Count;
    }

    private async Task<int> StageOrganisationsAsync(
        List<(int Row, Dictionary<string, string> Values)> rows, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var countries = (await db.Countries.AsNoTracking().Select(c => c.Iso3).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var existing = (await db.Set<Organisation>().AsNoTracking().Select(o => new { o.CountryIso3, o.Name }).ToListAsync(cancellationToken))
            .Select(o => Key(o.CountryIso3, o.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var organisations = new List<Organisation>();
        foreach (var (row, values) in rows)
        {
            void Problem(string column, string message) => problems.Add(new ImportProblem(row, column, message));
            var name = values.GetValueOrDefault("name") ?? "";
            if (name.Length == 0)
            {
                Problem("name", l["Import.Error.Required"]);
            }
            else if (name.Length > Organisation.NameLength || TextRules.HasRefused(name))
            {
                Problem("name", l["Resource.Error.Length", Organisation.NameLength, name.Length]);
            }
            var acronym = NullIfEmpty(values.GetValueOrDefault("acronym"));
            if (acronym?.Length > Organisation.AcronymLength || (acronym is not null && TextRules.HasRefused(acronym)))
            {
                Problem("acronym", l["Resource.Error.Length", Organisation.AcronymLength, acronym.Length]);
            }
            var country = NullIfEmpty(values.GetValueOrDefault("country"))?.ToUpperInvariant();
            if (country is not null && !countries.Contains(country))
            {
                Problem("country", l["Resource.Error.UnknownCountry", country]);
            }
            var sector = ResourceInput.ParseName<OrganisationSector>(values.GetValueOrDefault("sector"));
            if (sector is null)
            {
                Problem("sector", l["Import.Error.OneOf", string.Join(", ", Enum.GetNames<OrganisationSector>())]);
            }
            var type = ResourceInput.ParseName<StakeholderGroup>(values.GetValueOrDefault("type"));
            if (type is null)
            {
                Problem("type", l["Import.Error.OneOf", string.Join(", ", Enum.GetNames<StakeholderGroup>())]);
            }
            var website = NullIfEmpty(values.GetValueOrDefault("website"));
            if (website is not null && (!Uri.TryCreate(website, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || website.Length > Organisation.WebsiteLength))
            {
                Problem("website", l["Evidence.Error.UrlInvalid"]);
            }
            if (name.Length > 0 && !existing.Add(Key(country, name)))
            {
                Problem("name", l["Import.Error.Duplicate", name]);
            }
            if (problems.Count == 0)
            {
                organisations.Add(new Organisation
                {
                    Name = name, Acronym = acronym, CountryIso3 = country, Sector = sector!.Value, Type = type!.Value, Website = website,
                });
            }
        }
        if (problems.Count > 0)
        {
            return 0;
        }
        db.Set<Organisation>().AddRange(organisations);
        return organisations.Count;
    }

    private static string Key(string? country, string name) => $"{country}|{name.Trim()}";

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
