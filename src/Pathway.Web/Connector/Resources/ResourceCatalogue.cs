using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Resources;

/// <summary>What the list is filtered by (each optional), as the page's query string and the API's parameters name it.</summary>
public sealed record ResourceFilter(
    string? Type = null, string? Behaviour = null, string? Mechanism = null, string? Instrument = null, string? Country = null,
    string? Region = null, string? Language = null, int? Year = null, string? State = null, bool Mine = false);

/// <summary>A line of the list: no summary body, no file bytes.</summary>
public sealed record ResourceRow(
    Guid Id, LocalizedText Title, ResourceType Type, int Year, string Languages, string? Publisher,
    ModerationState State, bool HasFile, bool HasLink, bool IsDemonstration);

public sealed record ResourceListPage(IReadOnlyList<ResourceRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A resource as the API gives it.</summary>
public sealed record ResourceDto(
    Guid Id, LocalizedText Title, LocalizedText Summary,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ResourceType>))] ResourceType Type,
    IReadOnlyList<string> Languages, int Year, int? PublisherId, string? Publisher, string? Url, string? Licence,
    string? FileName, string? FileUrl, long? FileSize, IReadOnlyList<ContentTag> Tags,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ModerationState>))] ModerationState State,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool IsDemonstration, int Version)
{
    public static ResourceDto From(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new(resource.Id, resource.Title, resource.Summary, resource.Type, resource.Languages, resource.Year, resource.PublisherId,
            resource.Publisher?.Name ?? resource.PublisherName, resource.Url, resource.Licence, resource.FileName,
            resource.HasFile ? $"/api/resources/{resource.Id}/file" : null, resource.FileSize,
            [.. resource.Tags.Select(tag => new ContentTag(tag.Facet, tag.Value))], resource.State, resource.CreatedAt, resource.UpdatedAt,
            resource.IsDemonstration, resource.Version);
    }
}

/// <summary>A published resource tagged with a mechanism, for the mechanism's panels.</summary>
public sealed record MechanismResource(Guid Id, LocalizedText Title, ResourceType Type, int Year, bool IsDemonstration);

/// <summary>
/// Reads the resources lists: the filtered, paged list (published only, except for editors, and the caller's own
/// when asked), and what a mechanism's panels show — each one indexed lookup on the tags, untracked, projected.
/// </summary>
public sealed class ResourceCatalogue(PathwayDb db, CurrentUser user, PublicReads reads)
{
    public const int PageSize = 20;
    public const int PanelSize = 5;

    public async Task<ResourceListPage> ListAsync(ResourceFilter filter, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Set<Resource>().AsNoTracking();
        if (filter.Mine && user.Id is { } me)
        {
            query = query.Where(r => r.CreatedById == me);
        }
        else if (!user.EditsContent)
        {
            query = query.Where(r => r.State == ModerationState.Published);
        }
        if (user.EditsContent && ResourceInput.ParseName<ModerationState>(filter.State) is { } state)
        {
            query = query.Where(r => r.State == state);
        }
        if (ResourceInput.ParseName<ResourceType>(filter.Type) is { } type)
        {
            query = query.Where(r => r.Type == type);
        }
        query = Tagged(query, TagFacet.Behaviour, filter.Behaviour);
        query = Tagged(query, TagFacet.Mechanism, filter.Mechanism);
        query = Tagged(query, TagFacet.Instrument, filter.Instrument);
        query = Tagged(query, TagFacet.Country, filter.Country);
        query = Tagged(query, TagFacet.Region, filter.Region);
        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            var pattern = LanguageList.Pattern(filter.Language.Trim().ToLowerInvariant());
            query = query.Where(r => EF.Functions.Like(r.LanguageCodes, pattern));
        }
        if (filter.Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }
        var total = await query.CountAsync(cancellationToken);
        var number = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Id)
            .Skip((number - 1) * PageSize).Take(PageSize)
            .Select(r => new ResourceRow(r.Id, r.Title, r.Type, r.Year, r.LanguageCodes, r.Publisher != null ? r.Publisher.Name : r.PublisherName,
                r.State, r.FileType != null, r.Url != null, r.IsDemonstration))
            .ToListAsync(cancellationToken);
        return new ResourceListPage(rows, total, number, PageSize);
    }

    /// <summary>The newest published resources tagged with the mechanism (at most <see cref="PanelSize"/>) and how many there are.</summary>
    public async Task<(IReadOnlyList<MechanismResource> Top, int Total)> ForMechanismAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        // The same for every reader: kept until public content changes.
        var panel = await reads.KeptAsync($"resources-panel|{code.Trim().ToUpperInvariant()}", async () =>
        {
            var tagged = Published(code);
            var top = await tagged
                .OrderByDescending(r => r.Year).ThenByDescending(r => r.Id)
                .Take(PanelSize)
                .Select(r => new MechanismResource(r.Id, r.Title, r.Type, r.Year, r.IsDemonstration))
                .ToListAsync(cancellationToken);
            return new MechanismPanel(top, top.Count < PanelSize ? top.Count : await tagged.CountAsync(cancellationToken));
        });
        return (panel.Top, panel.Total);
    }

    private sealed record MechanismPanel(IReadOnlyList<MechanismResource> Top, int Total);

    /// <summary>
    /// How many published resources are tagged with the mechanism: one indexed count, kept until public content changes,
    /// so a page showing the count beside each of its recommendations asks at most once, not once per row.
    /// </summary>
    public Task<int> CountForMechanismAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        return reads.KeptAsync($"resources-count|{code.Trim().ToUpperInvariant()}", () => Published(code).CountAsync(cancellationToken));
    }

    private IQueryable<Resource> Published(string code)
    {
        var value = code.Trim().ToUpperInvariant();
        return db.Set<ResourceTag>().AsNoTracking()
            .Where(tag => tag.Facet == TagFacet.Mechanism && tag.Value == value)
            .Select(tag => tag.Resource!)
            .Where(r => r.State == ModerationState.Published);
    }

    private IQueryable<Resource> Tagged(IQueryable<Resource> query, TagFacet facet, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return query;
        }
        var canonical = facet == TagFacet.Instrument ? TagVocabulary.Instrument(value) ?? value.Trim() : value.Trim().ToUpperInvariant();
        // IN (the tagged ids), not EXISTS per resource: SQLite then starts from the tag index (hundreds of rows)
        // instead of probing it for every published resource (tens of thousands, 25× the CPU at 20,000 resources).
        var tagged = db.Set<ResourceTag>().Where(tag => tag.Facet == facet && tag.Value == canonical).Select(tag => tag.ResourceId);
        return query.Where(r => tagged.Contains(r.Id));
    }
}
