using System.Net.Mail;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Events.Registrations;

/// <summary>What a person fills in to register (the page's form and the API's body alike), and what an organiser adds.</summary>
public sealed class RegistrationInput
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Organisation { get; set; }

    /// <summary>ISO3 code of the person's country.</summary>
    public string? Country { get; set; }

    /// <summary>A <see cref="ParticipantGroup"/> name.</summary>
    public string? Group { get; set; }

    /// <summary>A <see cref="ParticipantRole"/> name (organisers only; the public form registers participants).</summary>
    public string? Role { get; set; }

    /// <summary>The person agreed to the privacy note.</summary>
    public bool Consent { get; set; }

    /// <summary>A field people never see: filled only by robots, whose registration is refused.</summary>
    public string? Website { get; set; }

    /// <summary>
    /// The checked registration, or null with field errors keyed by property name (each message names its field).
    /// Every length is checked here, before any write: PostgreSQL refuses a longer string.
    /// </summary>
    public RegistrationDraft? Check(IStringLocalizer l, IReadOnlySet<string> countries, bool byOrganiser, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(countries);
        errors = [];
        var name = Text(Name, nameof(Name), "Registration.Field.Name", Registration.NameLength, required: true, l, errors);
        var email = Text(Email, nameof(Email), "Registration.Field.Email", Registration.EmailLength, required: true, l, errors);
        if (email is not null && !IsEmail(email))
        {
            errors[nameof(Email)] = [l["Registration.Error.Email", l["Registration.Field.Email"]]];
        }
        var organisation = Text(Organisation, nameof(Organisation), "Registration.Field.Organisation", Registration.OrganisationLength, required: false, l, errors);
        var country = Country?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(country))
        {
            errors[nameof(Country)] = [l["Registration.Error.Required", l["Registration.Field.Country"]]];
        }
        else if (!countries.Contains(country))
        {
            errors[nameof(Country)] = [l["Registration.Error.Country", l["Registration.Field.Country"]]];
        }
        var group = ParticipantGroup.Other;
        if (string.IsNullOrWhiteSpace(Group))
        {
            errors[nameof(Group)] = [l["Registration.Error.Required", l["Registration.Field.Group"]]];
        }
        else if (!TryName(Group, out group))
        {
            errors[nameof(Group)] = [l["Registration.Error.Group", l["Registration.Field.Group"]]];
        }
        var role = ParticipantRole.Participant;
        if (byOrganiser && !string.IsNullOrWhiteSpace(Role) && !TryName(Role, out role))
        {
            errors[nameof(Role)] = [l["Registration.Error.Role", l["Registration.Field.Role"]]];
        }
        if (!byOrganiser && !Consent)
        {
            errors[nameof(Consent)] = [l["Registration.Error.Consent"]];
        }
        if (!string.IsNullOrEmpty(Website))
        {
            errors[nameof(Website)] = [l["Registration.Error.Robot"]];
        }
        return errors.Count > 0 ? null : new RegistrationDraft(name!, email!, organisation, country!, group, role);
    }

    /// <summary>An enum value by its name (not a number), case-insensitive.</summary>
    public static bool TryName<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim();
        return !string.IsNullOrEmpty(trimmed) && !char.IsAsciiDigit(trimmed[0]) && trimmed[0] != '-'
            && Enum.TryParse(trimmed, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static bool IsEmail(string email) =>
        !email.Any(char.IsWhiteSpace) && email.IndexOf('@', StringComparison.Ordinal) > 0
        && MailAddress.TryCreate(email, out var address) && address.Address == email && address.Host.Contains('.', StringComparison.Ordinal);

    private static string? Text(string? text, string field, string label, int maxLength, bool required, IStringLocalizer l, Dictionary<string, string[]> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors[field] = [l["Registration.Error.Required", l[label]]];
            }
            return null;
        }
        if (trimmed.Length > maxLength)
        {
            errors[field] = [l["Registration.Error.TooLong", l[label], maxLength, trimmed.Length]];
            return null;
        }
        var refused = TextRules.IndexOfRefused(trimmed);
        if (refused >= 0)
        {
            errors[field] = [l["Registration.Error.Character", l[label], TextRules.Describe(trimmed[refused])]];
            return null;
        }
        return trimmed;
    }
}

/// <summary>A checked registration: every text trimmed and within its column.</summary>
public sealed record RegistrationDraft(
    string Name, string Email, string? Organisation, string CountryIso3, ParticipantGroup Group, ParticipantRole Role);
