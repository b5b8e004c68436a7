using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

/// <summary>
/// One person in a round as the caller sees them. The e-mail address and whether the invitation is
/// still open are shown only to those who manage the round's participants.
/// </summary>
public sealed record ParticipantView(
    Guid Id,
    string UserId,
    string DisplayName,
    string? Email,
    string? Organisation,
    StakeholderGroup Group,
    ParticipantRole Role,
    bool HasConflictOfInterest,
    string? ConflictOfInterest,
    DateTimeOffset AddedAt,
    bool HasRated,
    bool InvitationPending);

/// <summary>What is said about a person in a round, whether adding them or changing them.</summary>
public interface IParticipantDetails
{
    string? Organisation { get; set; }
    StakeholderGroup Group { get; set; }
    ParticipantRole Role { get; set; }
    bool HasConflictOfInterest { get; set; }
    string? ConflictOfInterest { get; set; }
}

/// <summary>Who to add to a round: an existing account by its e-mail, or a new person to invite.</summary>
public sealed class ParticipantInput : IParticipantDetails
{
    public string? Email { get; set; }

    /// <summary>Needed for a new person; for an existing account the account's name is used when empty.</summary>
    public string? DisplayName { get; set; }

    public string? Organisation { get; set; }
    public StakeholderGroup Group { get; set; }
    public ParticipantRole Role { get; set; } = ParticipantRole.Respondent;
    public bool HasConflictOfInterest { get; set; }

    /// <summary>The declaration in the person's words; required when <see cref="HasConflictOfInterest"/>.</summary>
    public string? ConflictOfInterest { get; set; }
}

/// <summary>A change to someone already in the round.</summary>
public sealed class ParticipantChange : IParticipantDetails
{
    public string? Organisation { get; set; }
    public StakeholderGroup Group { get; set; }
    public ParticipantRole Role { get; set; }
    public bool HasConflictOfInterest { get; set; }
    public string? ConflictOfInterest { get; set; }
}

/// <summary>
/// The person added, and for a person without a password the link with which they set one (shown to
/// whoever added them, and sent through <see cref="IInvitationSender"/>) and when it expires.
/// <see cref="Sent"/> is false when the sender failed: the link still works and can be passed on by hand.
/// </summary>
public sealed record AddedParticipant(ParticipantView Participant, string? InvitationLink, DateTimeOffset? ExpiresAt, bool Sent);

/// <summary>
/// A round's participants: listing them, adding an existing account or inviting a new person, changing
/// a person's group, role and declaration, and removing someone who has not rated yet. Only the round's
/// focal point (or an administrator) changes the list, and only while the round is being prepared,
/// rated or discussed. Everything is checked before anything is written.
/// </summary>
public sealed class ParticipantRoster(
    PathwayDb db,
    CurrentUser user,
    UserManager<PathwayUser> users,
    IInvitationSender sender,
    PublicAddress site,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l,
    ILogger<ParticipantRoster> logger)
{
    /// <summary>The path a new person opens to set their password; the query carries the account id and a one-time code.</summary>
    public const string InvitationPath = "/account/invitation";

    /// <summary>How long an invitation (a password-reset code) stays valid: the account-link lifetime Accounts gives Identity's codes.</summary>
    public static readonly TimeSpan InvitationLifetime = AccountsSetup.AccountLinkLifetime;

    public async Task<List<ParticipantView>> ListAsync(Round round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var manager = round.Can.IsFocalPoint || round.Can.IsAdministrator;
        var rows = await db.Participants.AsNoTracking()
            .Where(p => p.AssessmentId == round.Id)
            .Select(p => new
            {
                p.Id, p.UserId, p.DisplayName, p.User!.Email, p.Organisation, p.Group, p.Role, p.HasConflictOfInterest,
                p.ConflictOfInterest, p.AddedAt,
                HasRated = db.Ratings.Any(r => r.ParticipantId == p.Id),
                Pending = p.User.PasswordHash == null,
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(row => row.Role)
            .ThenBy(row => row.Group)
            .ThenBy(row => row.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(row => new ParticipantView(row.Id, row.UserId, row.DisplayName, manager ? row.Email : null, row.Organisation,
                row.Group, row.Role, row.HasConflictOfInterest, row.ConflictOfInterest, row.AddedAt, row.HasRated,
                manager && row.Pending))];
    }

    /// <summary>
    /// Adds an existing account (whose role and scope must cover the round's country) or creates a
    /// CountryContributor account for a new e-mail address and invites the person to set a password.
    /// Field errors are keyed by <see cref="ParticipantInput"/>'s property names.
    /// </summary>
    public async Task<Outcome<AddedParticipant>> AddAsync(Round round, ParticipantInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(input);
        if (WhyCannotManage(round) is { } refused)
        {
            return refused;
        }
        var errors = new Dictionary<string, string[]>();
        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors[nameof(ParticipantInput.Email)] = [l["Participants.Error.EmailRequired"]];
        }
        else if (!LooksLikeEmail(email))
        {
            errors[nameof(ParticipantInput.Email)] = [l["Participants.Error.EmailInvalid"]];
        }
        var name = Clean(input.DisplayName);
        if (name?.Length > Participant.DisplayNameLength)
        {
            errors[nameof(ParticipantInput.DisplayName)] = [l["Participants.Error.NameLength", Participant.DisplayNameLength]];
        }
        CheckDetails(input.Organisation, input.Group, input.Role, input.HasConflictOfInterest, input.ConflictOfInterest, errors);

        var account = errors.ContainsKey(nameof(ParticipantInput.Email)) ? null : await users.FindByEmailAsync(email!);
        if (account is not null)
        {
            if (!await CoversAsync(account, round.CountryIso3, cancellationToken))
            {
                errors[nameof(ParticipantInput.Email)] = [l["Participants.Error.OutOfScope", email!, round.CountryName.Current]];
            }
            else if (await db.Participants.AnyAsync(p => p.AssessmentId == round.Id && p.UserId == account.Id, cancellationToken))
            {
                errors[nameof(ParticipantInput.Email)] = [l["Participants.Error.AlreadyIn", email!]];
            }
        }
        else if (!errors.ContainsKey(nameof(ParticipantInput.Email)) && string.IsNullOrEmpty(name))
        {
            errors[nameof(ParticipantInput.DisplayName)] = [l["Participants.Error.NameRequired"]];
        }
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var now = clock.GetUtcNow();
        string? link = null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (account is null)
        {
            account = new PathwayUser
            {
                UserName = email,
                Email = email,
                DisplayName = name!,
                CountryIso3 = round.CountryIso3,
                PreferredLanguage = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
                CreatedAt = now,
            };
            var created = await users.CreateAsync(account);
            if (!created.Succeeded)
            {
                return Invalid(new Dictionary<string, string[]>
                {
                    [nameof(ParticipantInput.Email)] = [.. created.Errors.Select(error => error.Description)],
                });
            }
            var joined = await users.AddToRoleAsync(account, Roles.CountryContributor);
            if (!joined.Succeeded)
            {
                throw new InvalidOperationException($"Could not give the invited account its role: {string.Join("; ", joined.Errors.Select(e => e.Description))}");
            }
        }
        // A person who never set a password (invited to an earlier round) gets a fresh link too.
        if (!await users.HasPasswordAsync(account))
        {
            link = await InvitationLinkAsync(account);
        }
        var participant = new Participant
        {
            AssessmentId = round.Id,
            CountryIso3 = round.CountryIso3,
            UserId = account.Id,
            DisplayName = name ?? (string.IsNullOrWhiteSpace(account.DisplayName) ? email! : account.DisplayName),
            Organisation = Clean(input.Organisation),
            Group = input.Group,
            Role = input.Role,
            HasConflictOfInterest = input.HasConflictOfInterest,
            ConflictOfInterest = input.HasConflictOfInterest ? Clean(input.ConflictOfInterest) : null,
            AddedAt = now,
        };
        db.Participants.Add(participant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Added by someone else since the check above: the unique index (round, account) let theirs in.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Invalid(new Dictionary<string, string[]> { [nameof(ParticipantInput.Email)] = [l["Participants.Error.AlreadyIn", email!]] });
        }
        await transaction.CommitAsync(cancellationToken);

        var sent = link is null || await SendAsync(round, account, link, cancellationToken);
        return new AddedParticipant(
            new ParticipantView(participant.Id, account.Id, participant.DisplayName, account.Email, participant.Organisation,
                participant.Group, participant.Role, participant.HasConflictOfInterest, participant.ConflictOfInterest,
                participant.AddedAt, HasRated: false, InvitationPending: link is not null),
            link, link is null ? null : now + InvitationLifetime, sent);
    }

    /// <summary>A new invitation link for someone in the round who has not set a password yet (the old link may have expired).</summary>
    public async Task<Outcome<AddedParticipant>> InviteAgainAsync(Round round, Guid participantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (WhyCannotManage(round) is { } refused)
        {
            return refused;
        }
        var participant = await db.Participants.AsNoTracking()
            .SingleOrDefaultAsync(p => p.AssessmentId == round.Id && p.Id == participantId, cancellationToken);
        if (participant is null)
        {
            return ParticipantNotFound();
        }
        var account = await users.FindByIdAsync(participant.UserId);
        if (account is null || await users.HasPasswordAsync(account))
        {
            return Failure.Conflict(l["Participants.Error.Title"], l["Participants.Error.NotPending", participant.DisplayName], null);
        }
        var link = await InvitationLinkAsync(account);
        var sent = await SendAsync(round, account, link, cancellationToken);
        return new AddedParticipant(
            new ParticipantView(participant.Id, account.Id, participant.DisplayName, account.Email, participant.Organisation,
                participant.Group, participant.Role, participant.HasConflictOfInterest, participant.ConflictOfInterest,
                participant.AddedAt, HasRated: false, InvitationPending: true),
            link, clock.GetUtcNow() + InvitationLifetime, sent);
    }

    /// <summary>Changes a person's organisation, group, role and declaration. A respondent who has rated stays a respondent.</summary>
    public async Task<Failure?> UpdateAsync(Round round, Guid participantId, ParticipantChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(change);
        if (WhyCannotManage(round) is { } refused)
        {
            return refused;
        }
        var participant = await db.Participants.SingleOrDefaultAsync(p => p.AssessmentId == round.Id && p.Id == participantId, cancellationToken);
        if (participant is null)
        {
            return ParticipantNotFound();
        }
        var errors = new Dictionary<string, string[]>();
        CheckDetails(change.Organisation, change.Group, change.Role, change.HasConflictOfInterest, change.ConflictOfInterest, errors);
        if (change.Role != participant.Role && participant.Role == ParticipantRole.Respondent
            && await db.Ratings.AnyAsync(r => r.ParticipantId == participant.Id, cancellationToken))
        {
            errors[nameof(ParticipantChange.Role)] = [l["Participants.Error.RatedStaysRespondent", participant.DisplayName]];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Participants.Error.Title"], l["Participants.Error.Detail"], errors);
        }
        participant.Organisation = Clean(change.Organisation);
        participant.Group = change.Group;
        participant.Role = change.Role;
        participant.HasConflictOfInterest = change.HasConflictOfInterest;
        participant.ConflictOfInterest = change.HasConflictOfInterest ? Clean(change.ConflictOfInterest) : null;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Takes a person off the round; refused once they have rated (their ratings belong to the round's record).</summary>
    public async Task<Failure?> RemoveAsync(Round round, Guid participantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (WhyCannotManage(round) is { } refused)
        {
            return refused;
        }
        var participant = await db.Participants.SingleOrDefaultAsync(p => p.AssessmentId == round.Id && p.Id == participantId, cancellationToken);
        if (participant is null)
        {
            return ParticipantNotFound();
        }
        var rated = await db.Ratings.CountAsync(r => r.ParticipantId == participant.Id, cancellationToken);
        if (rated > 0)
        {
            return Failure.Conflict(l["Participants.Error.RemoveTitle"], l["Participants.Error.HasRated", participant.DisplayName, rated], null);
        }
        db.Participants.Remove(participant);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Why the caller cannot change the round's participants, or null when they can.</summary>
    public Failure? WhyCannotManage(Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.Can.CanManageParticipants)
        {
            return null;
        }
        if (!round.Can.IsFocalPoint && !round.Can.IsAdministrator)
        {
            return Failure.Forbidden(l["Participants.Error.Title"], l["Participants.Error.NotManager"]);
        }
        return Failure.Conflict(l["Participants.Error.Title"], l["Participants.Error.Closed", l[$"Status.{round.Status}"]], new { status = round.Status.ToString() });
    }

    private void CheckDetails(string? organisation, StakeholderGroup group, ParticipantRole role, bool hasConflict, string? conflict, Dictionary<string, string[]> errors)
    {
        if (Clean(organisation)?.Length > Participant.OrganisationLength)
        {
            errors[nameof(ParticipantInput.Organisation)] = [l["Participants.Error.OrganisationLength", Participant.OrganisationLength]];
        }
        if (!Enum.IsDefined(group))
        {
            errors[nameof(ParticipantInput.Group)] = [l["Participants.Error.Group"]];
        }
        if (!Enum.IsDefined(role))
        {
            errors[nameof(ParticipantInput.Role)] = [l["Participants.Error.Role"]];
        }
        var declaration = Clean(conflict);
        if (hasConflict && declaration is null)
        {
            errors[nameof(ParticipantInput.ConflictOfInterest)] = [l["Participants.Error.ConflictRequired"]];
        }
        else if (hasConflict && declaration!.Length > Participant.ConflictLength)
        {
            errors[nameof(ParticipantInput.ConflictOfInterest)] = [l["Participants.Error.ConflictLength", Participant.ConflictLength]];
        }
    }

    /// <summary>Whether the account's role and scope let it see the country's rounds: the same rule as the country-scope filter.</summary>
    private async Task<bool> CoversAsync(PathwayUser account, string countryIso3, CancellationToken cancellationToken)
    {
        var role = (await users.GetRolesAsync(account)).FirstOrDefault(Roles.IsKnown);
        var scope = AccessScope.For(role, account.CountryIso3, account.RegionCode);
        if (scope.IsGlobal || scope.CountryIso3 == countryIso3)
        {
            return true;
        }
        return scope.RegionCode is { } region
            && await db.Countries.AnyAsync(c => c.Iso3 == countryIso3 && c.RegionCode == region, cancellationToken);
    }

    private async Task<string> InvitationLinkAsync(PathwayUser account)
    {
        var code = await users.GeneratePasswordResetTokenAsync(account);
        var path = $"{InvitationPath}?user={Uri.EscapeDataString(account.Id)}&code={Uri.EscapeDataString(code)}";
        // From configuration, never the request's Host header: a forged Host would send the code elsewhere.
        return site.Link(path);
    }

    private async Task<bool> SendAsync(Round round, PathwayUser account, string link, CancellationToken cancellationToken)
    {
        var invitation = new InvitationMessage(account.Email!, account.DisplayName, round.Title, round.CountryName.Current,
            user.Name ?? "", link, clock.GetUtcNow() + InvitationLifetime);
        try
        {
            await sender.SendAsync(invitation, cancellationToken);
            return true;
        }
        // The person is in the round either way; whoever added them passes the link on by hand.
        catch (Exception exception) when (MailOptions.IsSendFailure(exception))
        {
            logger.LogWarning(exception, "The invitation for participant {UserId} could not be sent", account.Id);
            return false;
        }
    }

    private Failure Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Failure.Invalid(l["Participants.Error.Title"], l["Participants.Error.Detail"], errors);

    private Failure ParticipantNotFound() =>
        Failure.NotFound(l["Participants.Error.NotFoundTitle"], l["Participants.Error.NotFound"]);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>One @ with text either side and a dot in the domain; the account store checks the rest.</summary>
    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
            && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace) && email.Length <= 256;
    }
}
