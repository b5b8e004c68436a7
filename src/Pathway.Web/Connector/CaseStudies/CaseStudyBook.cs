using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Review;
using Pathway.Web.Data;
using Pathway.Web.Framework;

namespace Pathway.Web.Connector.CaseStudies;

/// <summary>A moderation move as the API and the page's buttons send it.</summary>
public sealed class CaseStudyMoveInput
{
    /// <summary>Draft, InReview, Published or Withdrawn.</summary>
    public string? To { get; set; }

    public int Version { get; set; }
}

/// <summary>An editor's grade as the API and the grading page send it.</summary>
public sealed class CaseStudyGradeInput
{
    /// <summary>Anecdotal, Descriptive, Monitored, Evaluated or PeerReviewed.</summary>
    public string? Strength { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// Keeps case studies: every write (create, edit, grade, moderation move) goes through here, checks its input
/// and the caller's rights first, stages the search entry and any notice, and saves once — nothing half-saved.
/// </summary>
public sealed class CaseStudyBook(
    PathwayDb db, CurrentUser user, CaseStudyReader reader, CaseStudySearch search, ReviewNotices notices,
    CaseStudyProposals proposals, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<Guid>> CreateAsync(CaseStudyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!user.IsSignedIn)
        {
            return Forbidden();
        }
        var checkedInput = await CheckAsync(input, cancellationToken);
        if (!checkedInput.TryGet(out var fields, out var refused))
        {
            return refused;
        }
        if (!CaseStudyAccess.MayWriteFor(user, fields.CountryIso3))
        {
            return Forbidden();
        }
        CaseStudyOrigin? origin = null;
        if (input.SourceAssessmentId is not null || input.SourceActionItemId is not null)
        {
            var opened = await proposals.OriginAsync(input.SourceAssessmentId, input.SourceActionItemId, fields.CountryIso3, cancellationToken);
            if (!opened.TryGet(out origin, out var notFrom))
            {
                return notFrom;
            }
        }
        var now = clock.GetUtcNow();
        var study = new CaseStudy
        {
            CountryIso3 = fields.CountryIso3,
            Title = fields.Title,
            Problem = fields.Problem,
            WhatWasDone = fields.WhatWasDone,
            Results = fields.Results,
            Lessons = fields.Lessons,
            DoneDifferently = fields.DoneDifferently,
            SourceAssessmentId = origin?.AssessmentId,
            SourceActionItemId = origin?.ActionItemId,
            AuthorId = user.Id,
            AuthorName = user.Name,
            CreatedAt = now,
        };
        Apply(study, fields, await reader.CurrentTreeAsync(cancellationToken), now);
        db.Add(study);
        await search.StageAsync(study, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return study.Id;
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid id, CaseStudyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await OpenAsync(id, cancellationToken)).TryGet(out var study, out var closed))
        {
            return closed;
        }
        if (!CaseStudyAccess.CanEdit(user, study))
        {
            return Forbidden();
        }
        var checkedInput = await CheckAsync(input, cancellationToken);
        if (!checkedInput.TryGet(out var fields, out var refused))
        {
            return refused;
        }
        if (fields.CountryIso3 != study.CountryIso3 && !CaseStudyAccess.MayWriteFor(user, fields.CountryIso3))
        {
            return Forbidden();
        }
        if (input.Version != study.Version)
        {
            return await ConflictAsync(id, cancellationToken);
        }
        study.CountryIso3 = fields.CountryIso3;
        study.Title = fields.Title;
        study.Problem = fields.Problem;
        study.WhatWasDone = fields.WhatWasDone;
        study.Results = fields.Results;
        study.Lessons = fields.Lessons;
        study.DoneDifferently = fields.DoneDifferently;
        Apply(study, fields, await reader.CurrentTreeAsync(cancellationToken), clock.GetUtcNow());
        return await SaveAsync(study, cancellationToken);
    }

    public async Task<Outcome<Guid>> GradeAsync(Guid id, CaseStudyGradeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await OpenAsync(id, cancellationToken)).TryGet(out var study, out var closed))
        {
            return closed;
        }
        if (!user.EditsContent)
        {
            return Failure.Forbidden(l["CaseStudy.Error.ForbiddenTitle"], l["CaseStudy.Error.GradeEditorsOnly"]);
        }
        if (!Enum.TryParse<EvidenceStrength>(input.Strength, ignoreCase: false, out var strength) || !Enum.IsDefined(strength) || int.TryParse(input.Strength, out _))
        {
            return Invalid(nameof(CaseStudyGradeInput.Strength), l["CaseStudy.Error.Filter", string.Join(", ", Enum.GetNames<EvidenceStrength>())]);
        }
        if (study.State == ModerationState.Withdrawn)
        {
            return Invalid(nameof(CaseStudyGradeInput.Strength), l["CaseStudy.Error.GradeWithdrawn"]);
        }
        // A grade above anecdotal rests on something a reader can check.
        if (strength > EvidenceStrength.Anecdotal && study.Sources.Count == 0)
        {
            return Invalid(nameof(CaseStudyGradeInput.Strength), l["CaseStudy.Error.GradeNeedsSources"]);
        }
        if (input.Version != study.Version)
        {
            return await ConflictAsync(id, cancellationToken);
        }
        var now = clock.GetUtcNow();
        study.Grade(strength, user.Id, user.Name ?? "", now);
        study.UpdatedAt = now;
        return await SaveAsync(study, cancellationToken);
    }

    public async Task<Outcome<Guid>> MoveAsync(Guid id, CaseStudyMoveInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await OpenAsync(id, cancellationToken)).TryGet(out var study, out var closed))
        {
            return closed;
        }
        if (!CaseStudyAccess.IsTeam(user, study.CountryIso3, study.AuthorId))
        {
            return Forbidden();
        }
        if (!Enum.TryParse<ModerationState>(input.To, ignoreCase: false, out var to) || !Enum.IsDefined(to) || int.TryParse(input.To, out _)
            || Moderation.Find(study.State, to) is null)
        {
            var allowed = Moderation.NextFor(study.State, user.EditsContent);
            return Invalid(nameof(CaseStudyMoveInput.To), l["CaseStudy.Error.Move", l[$"Moderation.{study.State}"], string.Join(", ", allowed)]);
        }
        if (!Moderation.Allows(study.State, to, user.EditsContent))
        {
            return Failure.Forbidden(l["CaseStudy.Error.ForbiddenTitle"], l["CaseStudy.Error.EditorsOnly"]);
        }
        if (to == ModerationState.Published && study.Evidence is null)
        {
            return Invalid(nameof(CaseStudyMoveInput.To), l["CaseStudy.Error.GradeFirst"]);
        }
        if (input.Version != study.Version)
        {
            return await ConflictAsync(id, cancellationToken);
        }
        var now = clock.GetUtcNow();
        study.State = to;
        study.UpdatedAt = now;
        if (to == ModerationState.Published)
        {
            study.PublishedAt = now;
        }
        if (to == ModerationState.InReview)
        {
            // One notice per submission: a case study sent back and submitted again waits again.
            await notices.SubmittedAsync(nameof(CaseStudy), study.Id, study.Title.En, user.Id, cancellationToken);
        }
        return await SaveAsync(study, cancellationToken);
    }

    /// <summary>The case study, tracked with its children, if the caller may see it; else the one not-found answer.</summary>
    private async Task<Outcome<CaseStudy>> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var study = await db.Set<CaseStudy>().VisibleTo(user)
            .Include(c => c.Tags).Include(c => c.Sources).Include(c => c.Contacts)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return study is null ? reader.NotFound() : study;
    }

    private async Task<Outcome<CaseStudyFields>> CheckAsync(CaseStudyInput input, CancellationToken cancellationToken)
    {
        var tree = await reader.CurrentTreeAsync(cancellationToken);
        var codes = (tree?.Behaviours.SelectMany(b => b.Mechanisms).Select(m => m.Code) ?? []).ToHashSet(StringComparer.Ordinal);
        var fields = input.Check(codes, clock.GetUtcNow().Year, l, out var errors);
        if (fields is not null && !await db.Countries.AnyAsync(c => c.Iso3 == fields.CountryIso3, cancellationToken))
        {
            errors[nameof(CaseStudyInput.CountryIso3)] = [l["CaseStudy.Error.Country"]];
        }
        return errors.Count > 0 ? Failure.Invalid(l["CaseStudy.Error.InvalidTitle"], l["CaseStudy.Error.InvalidDetail"], errors) : fields!;
    }

    /// <summary>Copies the checked lists in: tags (mechanisms, their behaviours, instruments), sources and contacts replace the old ones.</summary>
    private static void Apply(CaseStudy study, CaseStudyFields fields, FrameworkTree? tree, DateTimeOffset now)
    {
        study.FromYear = fields.FromYear;
        study.ToYear = fields.ToYear;
        study.PartnershipId = fields.PartnershipId;
        study.UpdatedAt = now;
        var behaviours = fields.Mechanisms
            .Select(code => tree?.Behaviours.FirstOrDefault(b => b.Mechanisms.Any(m => m.Code == code))?.Code)
            .OfType<string>().Distinct(StringComparer.Ordinal);
        study.Tags.Clear();
        study.Tags.AddRange(fields.Mechanisms.Select(code => new CaseStudyTag { Facet = TagFacet.Mechanism, Value = code }));
        study.Tags.AddRange(behaviours.Select(code => new CaseStudyTag { Facet = TagFacet.Behaviour, Value = code }));
        study.Tags.AddRange(fields.Instruments.Select(instrument => new CaseStudyTag { Facet = TagFacet.Instrument, Value = instrument.ToString() }));
        study.Sources.Clear();
        study.Sources.AddRange(fields.Sources.Select((source, i) => new CaseStudySource { Position = i, Title = source.Title!, Link = source.Link, Citation = source.Citation }));
        study.Contacts.Clear();
        study.Contacts.AddRange(fields.Contacts.Select((contact, i) => new CaseStudyContact
        {
            Position = i, Name = contact.Name!, Role = contact.Role, Organisation = contact.Organisation, Email = contact.Email,
        }));
    }

    private async Task<Outcome<Guid>> SaveAsync(CaseStudy study, CancellationToken cancellationToken)
    {
        study.Version++;
        await search.StageAsync(study, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(study.Id, cancellationToken);
        }
        return study.Id;
    }

    private async Task<Outcome<Guid>> ConflictAsync(Guid id, CancellationToken cancellationToken)
    {
        var current = await reader.ReadAsync(id, cancellationToken);
        return Failure.Conflict(l["CaseStudy.Error.ConflictTitle"], l["CaseStudy.Error.Conflict"], current.Value);
    }

    private Failure Forbidden() => Failure.Forbidden(l["CaseStudy.Error.ForbiddenTitle"], l["CaseStudy.Error.Forbidden"]);

    private Failure Invalid(string field, string message) => Failure.Invalid(l["CaseStudy.Error.InvalidTitle"], field, message);
}
