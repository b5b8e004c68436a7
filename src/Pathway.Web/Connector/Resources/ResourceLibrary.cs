using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Assessments.Evidence;
using Pathway.Web.Connector.Organisations;
using Pathway.Web.Connector.Review;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.Resources;

/// <summary>
/// Keeps the knowledge hub's resources: the one door every page and API handler opens a resource through
/// (<see cref="OpenAsync"/>: unpublished ones exist only for their author and the editors, 404 for everyone else),
/// and every write — create, change, moderation move — each staging the search index in the same save.
/// </summary>
public sealed class ResourceLibrary(
    PathwayDb db, CurrentUser user, SearchIndex search, ReviewNotices notices, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>Whether the caller may write resources: a country team's people, the content editors, and event organisers (an event's outputs).</summary>
    public bool CanAuthor => user.IsSignedIn && (user.EditsContent || user.OrganisesEvents || user.CountryIso3 is not null);

    public bool IsEditor => user.EditsContent;

    /// <summary>The resource with its tags and publisher, or the one not-found answer when the caller may not see it.</summary>
    public async Task<Outcome<Resource>> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var resource = await db.Set<Resource>().AsNoTracking().AsSplitQuery()
            .Include(r => r.Tags).Include(r => r.Publisher)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return resource is not null && MaySee(resource) ? resource : NotFound();
    }

    public bool MaySee(Resource resource) =>
        resource.State == ModerationState.Published || user.EditsContent || (user.Id is not null && resource.CreatedById == user.Id);

    /// <summary>Editors change anything but withdrawn content; the author changes their draft.</summary>
    public bool MayEdit(Resource resource) =>
        Moderation.AllowsEdit(resource.State, user.EditsContent) && (user.EditsContent || resource.CreatedById == user.Id);

    /// <summary>The moves the caller may make: authors send their own draft for review and take it back.</summary>
    public IReadOnlyList<ModerationState> MovesFor(Resource resource) =>
        user.EditsContent || resource.CreatedById == user.Id ? Moderation.NextFor(resource.State, user.EditsContent) : [];

    public async Task<Outcome<Resource>> CreateAsync(ResourceInput input, ResourceUpload? upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!CanAuthor || user.Id is null)
        {
            return Failure.Forbidden(l["Resource.Error.Title"], l["Resource.Error.NotAuthor"]);
        }
        var (draft, file, failure) = await CheckAsync(input, upload, hasFileAlready: false, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        var now = clock.GetUtcNow();
        var resource = new Resource
        {
            Title = draft!.Title,
            Summary = draft.Summary,
            LanguageCodes = LanguageList.Format(draft.Languages),
            CreatedById = user.Id,
            CreatedAt = now,
            UpdatedAt = now,
            StateChangedAt = now,
            State = ModerationState.Draft,
        };
        Apply(resource, draft, file);
        resource.Tags.AddRange(draft.Tags.Select(tag => new ResourceTag { ResourceId = resource.Id, Facet = tag.Facet, Value = tag.Value }));
        db.Set<Resource>().Add(resource);
        if (file is not null)
        {
            db.Set<ResourceFile>().Add(new ResourceFile { ResourceId = resource.Id, Content = file.Content });
        }
        await StageAsync(resource, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return resource;
    }

    /// <summary>Changes a resource; a new file replaces the old one, <paramref name="removeFile"/> drops it (a link must remain).</summary>
    public async Task<Outcome<Resource>> UpdateAsync(
        Guid id, ResourceInput input, ResourceUpload? upload, bool removeFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var resource = await db.Set<Resource>().Include(r => r.Tags).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resource is null || !MaySee(resource))
        {
            return NotFound();
        }
        if (!MayEdit(resource))
        {
            return Failure.Forbidden(l["Resource.Error.Title"], l["Resource.Error.NotEditable"]);
        }
        if (input.Version > 0 && input.Version != resource.Version)
        {
            return Failure.Conflict(l["Resource.Error.Title"], l["Resource.Error.Stale"], ResourceDto.From(resource));
        }
        var keepsFile = resource.HasFile && !removeFile;
        var (draft, file, failure) = await CheckAsync(input, upload, keepsFile, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        var stored = await db.Set<ResourceFile>().FirstOrDefaultAsync(f => f.ResourceId == id, cancellationToken);
        if (file is not null)
        {
            if (stored is null)
            {
                db.Set<ResourceFile>().Add(new ResourceFile { ResourceId = id, Content = file.Content });
            }
            else
            {
                stored.Content = file.Content;
            }
        }
        else if (removeFile && stored is not null)
        {
            db.Set<ResourceFile>().Remove(stored);
            (resource.FileName, resource.FileType, resource.FileSize) = (null, null, null);
        }
        resource.Title = draft!.Title;
        resource.Summary = draft.Summary;
        resource.LanguageCodes = LanguageList.Format(draft.Languages);
        resource.UpdatedAt = clock.GetUtcNow();
        resource.Version++;
        Apply(resource, draft, file);
        db.Set<ResourceTag>().RemoveRange(resource.Tags.Where(tag => !draft.Tags.Contains(new ContentTag(tag.Facet, tag.Value))));
        foreach (var tag in draft.Tags.Where(tag => !resource.Tags.Any(t => t.Facet == tag.Facet && t.Value == tag.Value)))
        {
            resource.Tags.Add(new ResourceTag { ResourceId = id, Facet = tag.Facet, Value = tag.Value });
        }
        await StageAsync(resource, cancellationToken);
        return await SaveAsync(resource, cancellationToken);
    }

    /// <summary>A moderation move (<see cref="Moderation"/>): 400 for a move the workflow has not, 403 for one the caller may not make.</summary>
    public async Task<Outcome<Resource>> MoveAsync(Guid id, ModerationState to, CancellationToken cancellationToken = default)
    {
        var resource = await db.Set<Resource>().Include(r => r.Tags)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resource is null || !MaySee(resource))
        {
            return NotFound();
        }
        if (Moderation.Find(resource.State, to) is null)
        {
            return Failure.Invalid(l["Resource.Error.Title"], "State",
                l["Resource.Error.NoSuchMove", l[$"ModerationState.{resource.State}"], l[$"ModerationState.{to}"]]);
        }
        if (!MovesFor(resource).Contains(to))
        {
            return Failure.Forbidden(l["Resource.Error.Title"], l["Resource.Error.MoveNotAllowed"]);
        }
        var now = clock.GetUtcNow();
        resource.State = to;
        resource.StateChangedAt = now;
        resource.Version++;
        if (to == ModerationState.InReview)
        {
            await notices.SubmittedAsync(nameof(Resource), resource.Id, resource.Title.En, user.Id, cancellationToken);
        }
        await StageAsync(resource, cancellationToken);
        return await SaveAsync(resource, cancellationToken);
    }

    /// <summary>The file of a resource the caller may see, as a download.</summary>
    public async Task<Outcome<EvidenceDownload>> OpenFileAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!(await OpenAsync(id, cancellationToken)).TryGet(out var resource, out var failure))
        {
            return failure;
        }
        var content = resource.FileType is { } type
            ? await db.Set<ResourceFile>().AsNoTracking().Where(f => f.ResourceId == id).Select(f => f.Content).FirstOrDefaultAsync(cancellationToken)
            : null;
        return content is null || resource.FileType is not { } fileType
            ? NotFound()
            : new EvidenceDownload(content, EvidenceFileFormat.Of(fileType).ContentType, resource.FileName ?? "resource" + EvidenceFileFormat.Of(fileType).Extension);
    }

    /// <summary>Stages the resource's search entry: public once published, removed otherwise (never found before review).</summary>
    public async Task StageAsync(Resource resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var publisher = resource.PublisherId is { } publisherId
            ? await db.Set<Organisation>().Where(o => o.Id == publisherId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
            : resource.PublisherName;
        await ResourceSearch.StageAsync(search, resource, publisher, cancellationToken);
    }

    private Failure NotFound() => Failure.NotFound(l["Resource.NotFoundTitle"], l["Resource.NotFound"]);

    private async Task<(ResourceDraft? Draft, CheckedFile? File, Failure? Failure)> CheckAsync(
        ResourceInput input, ResourceUpload? upload, bool hasFileAlready, CancellationToken cancellationToken)
    {
        var vocabulary = await TagVocabulary.LoadAsync(db, cancellationToken);
        var draft = input.Check(vocabulary, clock.GetUtcNow().Year, hasFileAlready || upload is not null, l, out var errors);
        if (input.PublisherId is { } publisherId
            && !await db.Set<Organisation>().AnyAsync(organisation => organisation.Id == publisherId, cancellationToken))
        {
            errors[nameof(ResourceInput.PublisherId)] = [l["Resource.Error.Publisher"]];
        }
        var file = upload is null ? null : await ResourceFiles.CheckAsync(upload, errors, l, cancellationToken);
        return errors.Count > 0
            ? (null, null, Failure.Invalid(l["Resource.Error.Title"], l["Resource.Error.Detail"], errors))
            : (draft, file, null);
    }

    private static void Apply(Resource resource, ResourceDraft draft, CheckedFile? file)
    {
        resource.Type = draft.Type;
        resource.Year = draft.Year;
        resource.PublisherId = draft.PublisherId;
        resource.PublisherName = draft.PublisherId is null ? draft.PublisherName : null;
        resource.Url = draft.Url;
        resource.Licence = draft.Licence;
        if (file is not null)
        {
            (resource.FileName, resource.FileType, resource.FileSize) = (file.DownloadName, file.Type, file.Content.LongLength);
        }
    }

    private async Task<Outcome<Resource>> SaveAsync(Resource resource, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return resource;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict(l["Resource.Error.Title"], l["Resource.Error.Stale"], null);
        }
    }
}
