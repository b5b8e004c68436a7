using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.CaseStudies;

/// <summary>Reads case studies for the pages and the API, always through <see cref="CaseStudyAccess.VisibleTo"/>.</summary>
public sealed class CaseStudyReader(PathwayDb db, CurrentUser user, FrameworkReader framework, IStringLocalizer<SharedResource> l)
{
    /// <summary>The one answer for a case study that does not exist or that the caller may not see.</summary>
    public Failure NotFound() => Failure.NotFound(l["CaseStudy.NotFoundTitle"], l["CaseStudy.NotFound"]);

    /// <summary>The filters checked against the WHO regions and the current framework.</summary>
    public async Task<Outcome<CheckedCaseStudyFilter>> CheckAsync(CaseStudyFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var regions = (await db.Regions.AsNoTracking().Select(region => region.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var tree = await CurrentTreeAsync(cancellationToken);
        var checkedFilter = filter.Check(regions, tree, l, out var errors);
        return checkedFilter is null ? Failure.Invalid(l["CaseStudy.Error.FilterTitle"], l["CaseStudy.Error.FilterDetail"], errors) : checkedFilter;
    }

    public async Task<CaseStudyResults> ListAsync(CheckedCaseStudyFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = db.Set<CaseStudy>().AsNoTracking().VisibleTo(user).Where(c => c.State == filter.State);
        if (filter.Country is { } country)
        {
            rows = rows.Where(c => c.CountryIso3 == country);
        }
        if (filter.Region is { } region)
        {
            rows = rows.Where(c => c.Country!.RegionCode == region);
        }
        rows = Tagged(rows, TagFacet.Mechanism, filter.Mechanism);
        rows = Tagged(rows, TagFacet.Behaviour, filter.Behaviour);
        rows = Tagged(rows, TagFacet.Instrument, filter.Instrument?.ToString());
        if (filter.Evidence is { } least)
        {
            rows = rows.Where(c => c.Evidence != null && c.Evidence >= least);
        }
        var total = await rows.CountAsync(cancellationToken);
        var ordered = filter.Sort == CaseStudySort.Evidence
            // Ungraded last on both databases (PostgreSQL sorts nulls first when descending).
            ? rows.OrderBy(c => c.Evidence == null).ThenByDescending(c => c.Evidence).ThenByDescending(c => c.PublishedAt ?? c.CreatedAt)
            : rows.OrderByDescending(c => c.PublishedAt ?? c.CreatedAt);
        var items = await ordered.ThenByDescending(c => c.Id)
            .Skip((filter.Page - 1) * CaseStudyFilter.PageSize).Take(CaseStudyFilter.PageSize)
            .Select(c => new CaseStudyListItem(
                c.Id, c.CountryIso3, c.Country!.Name, c.Title, c.FromYear, c.ToYear, c.State, c.Evidence,
                c.Tags.Where(t => t.Facet == TagFacet.Mechanism).OrderBy(t => t.Value).Select(t => t.Value).ToList(),
                c.PublishedAt, c.IsDemonstration))
            .ToListAsync(cancellationToken);
        return new CaseStudyResults(items, total, filter.Page, Math.Max(1, (total + CaseStudyFilter.PageSize - 1) / CaseStudyFilter.PageSize));
    }

    /// <summary>The published case studies of a country, strongest evidence first (the country profile).</summary>
    public Task<List<CaseStudyListItem>> PublishedOfAsync(string iso3, CancellationToken cancellationToken = default) =>
        db.Set<CaseStudy>().AsNoTracking()
            .Where(c => c.State == ModerationState.Published && c.CountryIso3 == iso3)
            .OrderByDescending(c => c.Evidence).ThenByDescending(c => c.PublishedAt)
            .Select(c => new CaseStudyListItem(
                c.Id, c.CountryIso3, c.Country!.Name, c.Title, c.FromYear, c.ToYear, c.State, c.Evidence,
                c.Tags.Where(t => t.Facet == TagFacet.Mechanism).OrderBy(t => t.Value).Select(t => t.Value).ToList(),
                c.PublishedAt, c.IsDemonstration))
            .ToListAsync(cancellationToken);

    /// <summary>Case studies proposed from a plan item that the caller may see (the plan item's panel).</summary>
    public Task<List<CaseStudyListItem>> FromActionItemAsync(Guid itemId, CancellationToken cancellationToken = default) =>
        db.Set<CaseStudy>().AsNoTracking().VisibleTo(user)
            .Where(c => c.SourceActionItemId == itemId)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new CaseStudyListItem(
                c.Id, c.CountryIso3, c.Country!.Name, c.Title, c.FromYear, c.ToYear, c.State, c.Evidence, new List<string>(), c.PublishedAt, c.IsDemonstration))
            .ToListAsync(cancellationToken);

    public async Task<Outcome<CaseStudyView>> ReadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var study = await db.Set<CaseStudy>().AsNoTracking().VisibleTo(user)
            .Include(c => c.Country).Include(c => c.Tags).Include(c => c.Sources).Include(c => c.Contacts)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return study is null ? NotFound() : ToView(study, user);
    }

    /// <summary>The mechanism codes of the current framework version, which case studies are tagged with.</summary>
    public async Task<FrameworkTree?> CurrentTreeAsync(CancellationToken cancellationToken = default) =>
        await framework.CurrentVersionAsync(cancellationToken) is { } version ? await framework.TreeAsync(version, cancellationToken) : null;

    /// <summary>The view of a loaded case study (with its country, tags, sources and contacts) for this caller.</summary>
    public static CaseStudyView ToView(CaseStudy study, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(user);
        var team = CaseStudyAccess.IsTeam(user, study.CountryIso3, study.AuthorId);
        string[] Tags(TagFacet facet) => [.. study.Tags.Where(t => t.Facet == facet).Select(t => t.Value).Order(StringComparer.Ordinal)];
        return new CaseStudyView(
            study.Id, study.CountryIso3, study.Country?.Name ?? LocalizedText.English(study.CountryIso3), study.Country?.RegionCode ?? "",
            study.FromYear, study.ToYear, study.Title, study.Problem, study.WhatWasDone, study.Results, study.Lessons, study.DoneDifferently,
            Tags(TagFacet.Mechanism), Tags(TagFacet.Behaviour), Tags(TagFacet.Instrument), study.PartnershipId, study.State,
            study.Evidence is { } strength ? new CaseStudyGrade(strength, study.GradedByName ?? "", study.GradedAt ?? study.UpdatedAt) : null,
            [.. study.Sources.OrderBy(s => s.Position).Select(s => new CaseStudySourceView(s.Title, s.Link, s.Citation))],
            CaseStudyAccess.SeesContacts(user)
                ? [.. study.Contacts.OrderBy(c => c.Position).Select(c => new CaseStudyContactView(c.Name, c.Role, c.Organisation, c.Email))]
                : null,
            team ? study.SourceAssessmentId : null,
            team ? study.SourceActionItemId : null,
            team ? study.AuthorName : null,
            study.CreatedAt, study.UpdatedAt, study.PublishedAt, study.IsDemonstration, study.Version,
            new CaseStudyAbilities(
                CaseStudyAccess.CanEdit(user, study),
                user.EditsContent && study.State != ModerationState.Withdrawn,
                [.. CaseStudyAccess.Moves(user, study).Select(state => state.ToString())]));
    }

    private static IQueryable<CaseStudy> Tagged(IQueryable<CaseStudy> rows, TagFacet facet, string? value) =>
        value is null ? rows : rows.Where(c => c.Tags.Any(t => t.Facet == facet && t.Value == value));
}
