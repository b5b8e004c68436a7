using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments.Evidence;
using Pathway.Web.Data;

namespace Pathway.Web.Assessments;

/// <summary>What a person fills in for a piece of evidence; a link also gives <see cref="Url"/>, a file comes beside it.</summary>
public sealed class NewEvidence
{
    /// <summary>Every mechanism the item supports (at least one); one upload serves them all.</summary>
    public List<string> MechanismCodes { get; set; } = [];

    public EvidenceType? Type { get; set; }
    public string? Title { get; set; }
    public DateOnly? Date { get; set; }
    public string? Issuer { get; set; }
    public bool IsPublic { get; set; }

    /// <summary>An absolute http(s) address; empty for an uploaded file.</summary>
    public string? Url { get; set; }
}

/// <summary>One piece of evidence as a list shows it (never with the file's bytes); its mechanisms in framework order.</summary>
public sealed record EvidenceView(
    Guid Id,
    IReadOnlyList<string> MechanismCodes,
    EvidenceType Type,
    string Title,
    DateOnly? Date,
    string? Issuer,
    bool IsPublic,
    string? Url,
    string? FileName,
    EvidenceFileType? FileType,
    long? FileSize,
    string? AddedByName,
    DateTimeOffset AddedAt,
    bool CanRemove)
{
    public bool IsFile => FileType is not null;
}

/// <summary>A stored file ready to serve: its bytes, the content type of its real type, and its cleaned name.</summary>
public sealed record EvidenceDownload(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Evidence behind a round's mechanisms: links and uploaded files, kept in the database, each supporting
/// one or more mechanisms (<see cref="EvidenceLink"/>). Shared by the evidence pages and the API. Files are
/// checked by content (<see cref="EvidenceFileCheck"/>) before anything is stored; an item, its file and
/// its mechanisms are written, and removed, in one save.
/// </summary>
public sealed class EvidenceLocker(PathwayDb db, CurrentUser user, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    /// <summary>
    /// The largest upload request the evidence endpoints read: one file at the limit plus room for the
    /// other fields and the multipart framing. Anything larger is refused before it is read.
    /// </summary>
    public const long MaxUploadRequestBytes = EvidenceFileCheck.MaxBytes + (1024 * 1024);

    /// <summary>The file limit in whole megabytes, as messages show it.</summary>
    public static readonly int MaxMegabytes = (int)(EvidenceFileCheck.MaxBytes / (1024 * 1024));

    /// <summary>The field name file errors are reported under (the API's form field is "file").</summary>
    public const string FileField = "File";

    /// <summary>
    /// The round's evidence, optionally only what supports one mechanism (any case); oldest first, each
    /// item once with all its mechanisms. Files' bytes are not loaded.
    /// </summary>
    public async Task<List<EvidenceView>> ListAsync(Round round, string? mechanismCode = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var query = db.Evidence.AsNoTracking().Where(item => item.AssessmentId == round.Id);
        if (!string.IsNullOrWhiteSpace(mechanismCode))
        {
            var code = CanonicalCode(round, mechanismCode);
            if (code is null)
            {
                return [];
            }
            query = query.Where(item => item.Links.Any(link => link.MechanismCode == code));
        }
        var rows = await Rows(query).ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order by DateTimeOffset.
        return [.. rows.OrderBy(row => row.AddedAt).ThenBy(row => row.Id).Select(row => View(round, row))];
    }

    /// <summary>One item of the round, or not found.</summary>
    public async Task<Outcome<EvidenceView>> FindAsync(Round round, Guid evidenceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var row = await Rows(db.Evidence.AsNoTracking().Where(item => item.AssessmentId == round.Id && item.Id == evidenceId))
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? NotFound() : View(round, row);
    }

    /// <summary>The mechanism code as the round's framework spells it, or null when it has no such mechanism.</summary>
    public static string? CanonicalCode(Round round, string? mechanismCode) => EvidenceMechanisms.Canonical(round, mechanismCode);

    /// <summary>The refusal for a mechanism code the round's framework does not have, for callers that check a filter.</summary>
    public Failure? CheckMechanism(Round round, string mechanismCode)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (CanonicalCode(round, mechanismCode) is not null)
        {
            return null;
        }
        return Failure.Invalid(l["Evidence.Error.Title"], nameof(NewEvidence.MechanismCodes), EvidenceMechanisms.Unknown(round, mechanismCode, l));
    }

    /// <summary>
    /// Sets the mechanisms an item supports to exactly <paramref name="mechanismCodes"/>: links added and
    /// removed in one save, each audited. Allowed to whoever may add evidence now; every code must be a
    /// mechanism of the round's framework, and at least one must stay (to withdraw the item from all,
    /// remove it). Nothing is written when any check fails.
    /// </summary>
    public async Task<Outcome<EvidenceView>> SetMechanismsAsync(
        Round round, Guid evidenceId, IEnumerable<string?>? mechanismCodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var item = await db.Evidence.Include(e => e.Links)
            .SingleOrDefaultAsync(e => e.AssessmentId == round.Id && e.Id == evidenceId, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        if (!round.Can.CanAddEvidence)
        {
            return Refusal(round, l["Evidence.Error.LinkTitle"], l["Evidence.Error.NotAllowed"]);
        }
        if (EvidenceMechanisms.Check(round, mechanismCodes, l["Evidence.Error.LastMechanism"], l, out var wanted) is { } messages)
        {
            return Failure.Invalid(l["Evidence.Error.LinkTitle"], string.Join(" ", messages),
                new Dictionary<string, string[]> { [nameof(NewEvidence.MechanismCodes)] = messages });
        }
        foreach (var link in item.Links.Where(link => !wanted.Contains(link.MechanismCode)).ToList())
        {
            db.EvidenceLinks.Remove(link);
        }
        foreach (var code in wanted.Where(code => !item.Links.Any(link => link.MechanismCode == code)))
        {
            db.EvidenceLinks.Add(NewLink(item, code));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || exception.IsUniqueViolation())
        {
            // Another save added the same mechanism, or removed a link, between our read and our write;
            // any other database failure still surfaces.
            return Failure.Conflict(l["Evidence.Error.LinkTitle"], l["Evidence.Error.LinksChanged"], null);
        }
        return await FindAsync(round, evidenceId, cancellationToken);
    }

    /// <summary>Adds a link; <see cref="NewEvidence.Url"/> must be an absolute http(s) address.</summary>
    public Task<Outcome<EvidenceView>> AddLinkAsync(Round round, NewEvidence input, CancellationToken cancellationToken = default) =>
        AddAsync(round, input, upload: null, cancellationToken);

    /// <summary>Adds an uploaded file (the form's own buffered copy, of known length).</summary>
    public Task<Outcome<EvidenceView>> AddFileAsync(Round round, NewEvidence input, IFormFile? file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (file is null)
        {
            return AddAsync(round, input, new Upload(null, null, null), cancellationToken);
        }
        return AddFileCoreAsync(round, input, file, cancellationToken);
    }

    /// <summary>
    /// Adds an uploaded file read from <paramref name="content"/>. At most the limit plus one byte is
    /// ever held: a declared <paramref name="length"/> over the limit is refused before reading, and the
    /// bytes are counted while reading. <see cref="NewEvidence.Url"/> must be empty.
    /// </summary>
    public Task<Outcome<EvidenceView>> AddFileAsync(
        Round round, NewEvidence input, Stream content, string? fileName, long? length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return AddAsync(round, input, new Upload(content, fileName, length), cancellationToken);
    }

    /// <summary>Removes an item, and its file with it: by the person who added it or a facilitator, while the round takes evidence.</summary>
    public async Task<Failure?> RemoveAsync(Round round, Guid evidenceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        // The links are loaded so their removal, with the item's, is written to the audit trail.
        var item = await db.Evidence.Include(e => e.Links)
            .SingleOrDefaultAsync(e => e.AssessmentId == round.Id && e.Id == evidenceId, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        if (!CanRemove(round, item.AddedById))
        {
            return Refusal(round, l["Evidence.Error.RemoveTitle"],
                round.Can.IsFacilitator || round.Can.IsRespondent ? l["Evidence.Error.RemoveNotAllowed"] : l["Evidence.Error.NotAllowed"]);
        }
        db.Evidence.Remove(item);
        if (item.FileId is { } fileId)
        {
            // The file row is removed by key: loading up to 20 MB only to delete it would be waste.
            // Both deletions go through the change tracker, so the item's removal is audited.
            var file = db.EvidenceFiles.Local.FirstOrDefault(f => f.Id == fileId);
            if (file is null)
            {
                file = new EvidenceFile { Id = fileId, CountryIso3 = item.CountryIso3, Content = [], Sha256 = "" };
                db.EvidenceFiles.Attach(file);
            }
            db.EvidenceFiles.Remove(file);
        }
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>An uploaded file of the round, with what to serve it as; not found for links and for other rounds' items.</summary>
    public async Task<Outcome<EvidenceDownload>> OpenFileAsync(Round round, Guid evidenceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var row = await db.Evidence.AsNoTracking()
            .Where(e => e.AssessmentId == round.Id && e.Id == evidenceId && e.FileId != null)
            .Select(e => new { e.FileName, e.FileType, e.File!.Content })
            .SingleOrDefaultAsync(cancellationToken);
        if (row?.FileType is not { } type || row.Content is null)
        {
            return NotFound();
        }
        var format = EvidenceFileFormat.Of(type);
        return new EvidenceDownload(row.Content, format.ContentType, row.FileName ?? EvidenceFileCheck.SafeDownloadName(null, type));
    }

    private async Task<Outcome<EvidenceView>> AddFileCoreAsync(Round round, NewEvidence input, IFormFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        return await AddAsync(round, input, new Upload(stream, file.FileName, file.Length), cancellationToken);
    }

    private async Task<Outcome<EvidenceView>> AddAsync(Round round, NewEvidence input, Upload? upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(input);
        if (!round.Can.CanAddEvidence)
        {
            return Refusal(round, l["Evidence.Error.Title"], l["Evidence.Error.NotAllowed"]);
        }

        var errors = new Dictionary<string, string[]>();
        if (EvidenceMechanisms.Check(round, input.MechanismCodes, l["Evidence.Error.MechanismRequired"], l, out var codes) is { } mechanismErrors)
        {
            errors[nameof(NewEvidence.MechanismCodes)] = mechanismErrors;
        }
        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            errors[nameof(NewEvidence.Type)] = [l["Evidence.Error.TypeRequired"]];
        }
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors[nameof(NewEvidence.Title)] = [l["Evidence.Error.TitleRequired"]];
        }
        else if (title.Length > EvidenceItem.TitleLength)
        {
            errors[nameof(NewEvidence.Title)] = [l["Evidence.Error.TitleLength", EvidenceItem.TitleLength]];
        }
        var issuer = string.IsNullOrWhiteSpace(input.Issuer) ? null : input.Issuer.Trim();
        if (issuer?.Length > EvidenceItem.IssuerLength)
        {
            errors[nameof(NewEvidence.Issuer)] = [l["Evidence.Error.IssuerLength", EvidenceItem.IssuerLength]];
        }

        string? url = null;
        var givenUrl = input.Url?.Trim();
        if (upload is null)
        {
            url = EvidenceInput.CheckUrl(givenUrl, errors, l);
        }
        else if (!string.IsNullOrEmpty(givenUrl))
        {
            errors[nameof(NewEvidence.Url)] = [l["Evidence.Error.LinkAndFile"]];
        }

        byte[]? content = null;
        EvidenceFileCheckResult? check = null;
        if (upload is not null)
        {
            (content, check) = await ReadFileAsync(upload, errors, cancellationToken);
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Evidence.Error.Title"], l["Evidence.Error.Detail"], errors);
        }

        EvidenceFile? file = null;
        if (content is not null && check is { IsAccepted: true })
        {
            file = new EvidenceFile
            {
                CountryIso3 = round.CountryIso3,
                Content = content,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            };
        }
        var item = new EvidenceItem
        {
            AssessmentId = round.Id,
            CountryIso3 = round.CountryIso3,
            Type = input.Type!.Value,
            Title = title!,
            Date = input.Date,
            Issuer = issuer,
            IsPublic = input.IsPublic,
            Url = url,
            FileId = file?.Id,
            File = file,
            FileName = check?.DownloadName,
            FileType = check?.Format?.Type,
            FileSize = content?.LongLength,
            AddedById = user.Id,
            AddedByName = user.Name is null ? null : TextRules.Truncate(user.Name, 200, ellipsis: ""),
            AddedAt = clock.GetUtcNow(),
        };
        item.Links.AddRange(codes.Select(code => NewLink(item, code)));
        db.Evidence.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return new EvidenceView(item.Id, codes, item.Type, item.Title, item.Date, item.Issuer, item.IsPublic, item.Url,
            item.FileName, item.FileType, item.FileSize, item.AddedByName, item.AddedAt, CanRemove(round, item.AddedById));
    }

    private static EvidenceLink NewLink(EvidenceItem item, string code) => new()
    {
        EvidenceItemId = item.Id,
        Item = item,
        AssessmentId = item.AssessmentId,
        CountryIso3 = item.CountryIso3,
        MechanismCode = code,
    };

    private static IQueryable<EvidenceRow> Rows(IQueryable<EvidenceItem> query) => query.Select(item => new EvidenceRow(
        item.Id, item.Links.Select(link => link.MechanismCode).ToList(), item.Type, item.Title, item.Date, item.Issuer, item.IsPublic,
        item.Url, item.FileName, item.FileType, item.FileSize, item.AddedById, item.AddedByName, item.AddedAt));

    private EvidenceView View(Round round, EvidenceRow row) => new(
        row.Id, EvidenceMechanisms.InFrameworkOrder(round, row.MechanismCodes), row.Type, row.Title, row.Date, row.Issuer, row.IsPublic,
        row.Url, row.FileName, row.FileType, row.FileSize, row.AddedByName, row.AddedAt, CanRemove(round, row.AddedById));

    private sealed record EvidenceRow(
        Guid Id, List<string> MechanismCodes, EvidenceType Type, string Title, DateOnly? Date, string? Issuer, bool IsPublic,
        string? Url, string? FileName, EvidenceFileType? FileType, long? FileSize, string? AddedById, string? AddedByName,
        DateTimeOffset AddedAt);

    /// <summary>Reads and checks the file; a refusal becomes an error on the File field.</summary>
    private async Task<(byte[]? Content, EvidenceFileCheckResult? Check)> ReadFileAsync(
        Upload upload, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (upload.Content is null)
        {
            errors[FileField] = [l["Evidence.Error.FileRequired"]];
            return (null, null);
        }
        if (upload.Length > EvidenceFileCheck.MaxBytes)
        {
            errors[FileField] = [RefusalMessage(EvidenceFileRefusal.TooLarge)];
            return (null, null);
        }
        var content = await EvidenceInput.ReadAtMostAsync(upload.Content, upload.Length, EvidenceFileCheck.MaxBytes + 1, cancellationToken);
        if (content.LongLength > EvidenceFileCheck.MaxBytes)
        {
            errors[FileField] = [RefusalMessage(EvidenceFileRefusal.TooLarge)];
            return (null, null);
        }
        var check = EvidenceFileCheck.Inspect(content, upload.FileName);
        if (!check.IsAccepted)
        {
            errors[FileField] = [RefusalMessage(check.Refusal.Value)];
            return (null, null);
        }
        return (content, check);
    }

    /// <summary>The reader's-language message for a refused file, saying what is allowed.</summary>
    public string RefusalMessage(EvidenceFileRefusal refusal) =>
        l[$"Evidence.Refusal.{refusal}", MaxMegabytes.ToString(CultureInfo.CurrentCulture),
            (OfficePackage.MaxUnpackedBytes / (1024 * 1024)).ToString("N0", CultureInfo.CurrentCulture),
            OfficePackage.MaxRatio.ToString("N0", CultureInfo.CurrentCulture)];

    private bool CanRemove(Round round, string? addedById) =>
        RoundWorkflow.AcceptsEvidence(round.Status)
        && (round.Can.IsFacilitator || (addedById is not null && addedById == user.Id && round.Can.CanAddEvidence));

    /// <summary>Why the caller cannot change evidence now: the round is published, closed to evidence, or not theirs to change.</summary>
    private Failure Refusal(Round round, string title, string notAllowed)
    {
        if (round.Status == AssessmentStatus.Published)
        {
            return Failure.Conflict(title, l["Round.ReadOnly"], new { status = round.Status.ToString() });
        }
        if (!RoundWorkflow.AcceptsEvidence(round.Status))
        {
            return Failure.Conflict(title, l["Evidence.Error.Closed", l[$"Status.{round.Status}"]], new { status = round.Status.ToString() });
        }
        return Failure.Forbidden(title, notAllowed);
    }

    private Failure NotFound() => Failure.NotFound(l["Evidence.Error.NotFoundTitle"], l["Evidence.Error.NotFound"]);

    private sealed record Upload(Stream? Content, string? FileName, long? Length);
}
