using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Pathway.Web.Events.Registrations;

/// <summary>
/// The link a registrant is sent: the registration's id protected with the site's data-protection keys (kept in the
/// database, shared by every server), so nothing secret is stored and a changed or made-up token opens nothing.
/// </summary>
public sealed class RegistrationLinks(IDataProtectionProvider provider)
{
    public const string Purpose = "Pathway.EventRegistration";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string TokenFor(Guid registrationId) => WebEncoders.Base64UrlEncode(protector.Protect(registrationId.ToByteArray()));

    /// <summary>The path of the registration's own page, <c>/events/registration/{token}</c>.</summary>
    public string PathFor(Guid registrationId) => "/events/registration/" + TokenFor(registrationId);

    /// <summary>The registration the token names, or null when it is not one of ours.</summary>
    public Guid? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }
        try
        {
            var bytes = protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
