using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Import;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Events.Registrations;

/// <summary>One row of an attendance list (CSV columns or JSON properties of the same names).</summary>
public sealed record AttendanceRowInput(string? Email, string? Name, string? Organisation, string? Country, string? Group, string? Attended);

/// <summary>What became of one row: its address and whether it "updated" a registration or "added" a walk-in.</summary>
public sealed record AttendanceLine(int Row, string Email, string Outcome, bool Attended);

/// <summary>What an import did, or (with problems) why nothing was saved.</summary>
public sealed record AttendanceResult(int Updated, int Added, IReadOnlyList<AttendanceLine> Lines, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Attendance from a list, all or nothing: each row's address is matched to a registration (its attendance is set) or,
/// when unknown, becomes a walk-in registration added by the organisers and marked attended. Every row is checked
/// before anything is written; a list with any bad row saves nothing and names each bad row and what is wrong.
/// </summary>
public sealed class AttendanceImport(PathwayDb db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const long MaxBytes = 1024 * 1024;
    public const int MaxRows = 5000;

    public static readonly string[] Columns = ["email", "name", "organisation", "country", "group", "attended"];

    /// <summary>A CSV file (UTF-8, header line with the columns above; only email is required).</summary>
    public async Task<Outcome<AttendanceResult>> ImportCsvAsync(Guid eventId, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!await db.OrganisedEvents(user).AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            return NotFound();
        }
        var problems = new List<ImportProblem>();
        var rows = Read(content, problems);
        return problems.Count > 0 ? Refused(problems) : await ImportAsync(eventId, rows, cancellationToken);
    }

    /// <summary>Rows given directly (the API's JSON); row numbers count from 1.</summary>
    public Task<Outcome<AttendanceResult>> ImportRowsAsync(Guid eventId, IReadOnlyList<AttendanceRowInput> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count > MaxRows)
        {
            return Task.FromResult<Outcome<AttendanceResult>>(Refused([new ImportProblem(MaxRows + 1, null, l["Import.Error.TooManyRows", MaxRows])]));
        }
        return ImportAsync(eventId, [.. rows.Select((row, index) => (index + 1, row))], cancellationToken);
    }

    private async Task<Outcome<AttendanceResult>> ImportAsync(Guid eventId, List<(int Row, AttendanceRowInput Values)> rows, CancellationToken cancellationToken)
    {
        var @event = await db.OrganisedEvents(user).SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (@event is null)
        {
            return NotFound();
        }
        var problems = new List<ImportProblem>();
        if (rows.Count == 0)
        {
            return Refused([new ImportProblem(1, null, l["Import.Error.Empty"])]);
        }
        var countries = await db.Countries.AsNoTracking().Select(c => new { c.Iso3, c.Name }).ToListAsync(cancellationToken);
        var keys = rows.Select(row => Registration.KeyOf(row.Values.Email ?? "")).Distinct().ToList();
        var known = await db.Registrations.Where(r => r.EventId == eventId && keys.Contains(r.EmailKey)).ToDictionaryAsync(r => r.EmailKey, cancellationToken);
        var now = clock.GetUtcNow();
        var language = Cultures.IsSupported(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)
            ? System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : Cultures.Default;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new List<AttendanceLine>();
        var added = new List<Registration>();
        foreach (var (row, values) in rows)
        {
            var errors = new List<(string Column, string Message)>();
            var email = values.Email?.Trim();
            if (string.IsNullOrEmpty(email))
            {
                errors.Add(("email", l["Registration.Error.Required", l["Registration.Field.Email"]]));
            }
            else if (email.Length > Registration.EmailLength)
            {
                errors.Add(("email", l["Registration.Error.TooLong", l["Registration.Field.Email"], Registration.EmailLength, email.Length]));
            }
            else if (!RegistrationInput.IsEmail(email))
            {
                errors.Add(("email", l["Registration.Error.Email", l["Registration.Field.Email"]]));
            }
            else if (seen.TryGetValue(Registration.KeyOf(email), out var first))
            {
                errors.Add(("email", l["Attendance.Error.Repeated", first]));
            }
            var attended = ParseAttended(values.Attended);
            if (attended is null)
            {
                errors.Add(("attended", l["Attendance.Error.Attended"]));
            }
            var name = Text(values.Name, "name", "Registration.Field.Name", Registration.NameLength, errors);
            var organisation = Text(values.Organisation, "organisation", "Registration.Field.Organisation", Registration.OrganisationLength, errors);
            string? iso3 = null;
            if (!string.IsNullOrWhiteSpace(values.Country))
            {
                var text = values.Country.Trim();
                iso3 = countries.FirstOrDefault(c => string.Equals(c.Iso3.Trim(), text, StringComparison.OrdinalIgnoreCase)
                    || c.Name.Values.Values.Any(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)))?.Iso3;
                if (iso3 is null)
                {
                    errors.Add(("country", l["Registration.Error.Country", l["Registration.Field.Country"]]));
                }
            }
            var group = ParticipantGroup.Other;
            if (!string.IsNullOrWhiteSpace(values.Group) && !RegistrationInput.TryName(values.Group, out group))
            {
                errors.Add(("group", l["Registration.Error.Group", l["Registration.Field.Group"]]));
            }
            if (errors.Count > 0)
            {
                problems.AddRange(errors.Select(error => new ImportProblem(row, error.Column, error.Message)));
                continue;
            }
            var key = Registration.KeyOf(email!);
            seen[key] = row;
            if (known.TryGetValue(key, out var registration))
            {
                registration.Attended = attended;
                lines.Add(new AttendanceLine(row, email!, "updated", attended!.Value));
            }
            else if (attended == false)
            {
                problems.Add(new ImportProblem(row, "email", l["Attendance.Error.UnknownAbsent"]));
            }
            else
            {
                added.Add(new Registration
                {
                    EventId = eventId, Name = name, Email = email, EmailKey = key, Organisation = organisation, CountryIso3 = iso3, Group = group,
                    Status = RegistrationStatus.Confirmed, Attended = true, Language = language, RegisteredAt = now, ConsentedAt = now,
                    ConfirmedAt = now, AddedByOrganiser = true,
                });
                lines.Add(new AttendanceLine(row, email!, "added", true));
            }
        }
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Refused(problems);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (added.Count > 0)
        {
            // Walk-ins were there: they hold places, whatever the capacity said.
            await db.EventPlaces.Where(p => p.EventId == eventId)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Confirmed, p => p.Confirmed + added.Count), cancellationToken);
            db.Registrations.AddRange(added);
        }
        @event.Touch(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Failure.Conflict(l["Attendance.Error.Title"], l["Attendance.Error.Race"], null);
        }
        return new AttendanceResult(lines.Count(line => line.Outcome == "updated"), added.Count, lines, []);
    }

    private string? Text(string? text, string column, string label, int maxLength, List<(string Column, string Message)> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (trimmed.Length > maxLength)
        {
            errors.Add((column, l["Registration.Error.TooLong", l[label], maxLength, trimmed.Length]));
            return null;
        }
        var refused = TextRules.IndexOfRefused(trimmed);
        if (refused >= 0)
        {
            errors.Add((column, l["Registration.Error.Character", l[label], TextRules.Describe(trimmed[refused])]));
            return null;
        }
        return trimmed;
    }

    /// <summary>yes/no, 1/0, true/false (and oui/non, نعم/لا); empty means attended: a list of people who came.</summary>
    public static bool? ParseAttended(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "yes" or "y" or "1" or "true" or "oui" or "نعم" => true,
        "no" or "n" or "0" or "false" or "non" or "لا" => false,
        _ => null,
    };

    private List<(int Row, AttendanceRowInput Values)> Read(byte[] content, List<ImportProblem> problems)
    {
        var rows = new List<(int, AttendanceRowInput)>();
        if (content.LongLength > MaxBytes)
        {
            problems.Add(new ImportProblem(0, null, l["Import.Error.TooLarge", MaxBytes / (1024 * 1024)]));
            return rows;
        }
        try
        {
            // Text only: valid UTF-8 without NUL bytes (a spreadsheet's binary file is refused here, not half-read).
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                throw new DecoderFallbackException();
            }
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new ImportProblem(0, null, l["Attendance.Error.NotText"]));
            return rows;
        }
        return [.. CsvRows.Read(content, Columns, ["email"], MaxRows, l, problems).Select(read => (read.Row, new AttendanceRowInput(
            read.Values.GetValueOrDefault("email"), read.Values.GetValueOrDefault("name"), read.Values.GetValueOrDefault("organisation"),
            read.Values.GetValueOrDefault("country"), read.Values.GetValueOrDefault("group"), read.Values.GetValueOrDefault("attended"))))];
    }

    private static Outcome<AttendanceResult> Refused(List<ImportProblem> problems) =>
        new AttendanceResult(0, 0, [], [.. problems.OrderBy(problem => problem.Row)]);

    private Failure NotFound() => Failure.NotFound(l["Registration.NotFound.Title"], l["Registration.NotFound.Detail"]);
}
