using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Accounts.Events;

/// <summary>
/// The detail of an account event as a code and its values, stored as a small JSON array
/// (<c>["WrongPassword"]</c>, <c>["RoleChanged","CountryFocalPoint","EGY","CountryContributor","JOR","Amina"]</c>),
/// so the events page reads it in the administrator's language, whatever language the person who
/// caused it used. The resx key of each code is <c>AccountEvent.Detail.{Code}</c>.
/// </summary>
public sealed class AccountEventDetail
{
    private AccountEventDetail(string code, params string[] values)
    {
        Code = code;
        Values = values;
    }

    public string Code { get; }

    public IReadOnlyList<string> Values { get; }

    public static AccountEventDetail UnknownAccount { get; } = new(nameof(UnknownAccount));
    public static AccountEventDetail WrongPassword { get; } = new(nameof(WrongPassword));
    public static AccountEventDetail WhileLockedOut { get; } = new(nameof(WhileLockedOut));
    public static AccountEventDetail WrongTwoFactorCode { get; } = new(nameof(WrongTwoFactorCode));
    public static AccountEventDetail ApiWrongTwoFactorCode { get; } = new(nameof(ApiWrongTwoFactorCode));
    public static AccountEventDetail Password { get; } = new(nameof(Password));
    public static AccountEventDetail PasswordAndAuthenticator { get; } = new(nameof(PasswordAndAuthenticator));
    public static AccountEventDetail PasswordAndRecoveryCode { get; } = new(nameof(PasswordAndRecoveryCode));
    public static AccountEventDetail ApiPassword { get; } = new(nameof(ApiPassword));
    public static AccountEventDetail ApiPasswordAndAuthenticator { get; } = new(nameof(ApiPasswordAndAuthenticator));
    public static AccountEventDetail ApiPasswordAndRecoveryCode { get; } = new(nameof(ApiPasswordAndRecoveryCode));
    public static AccountEventDetail Api { get; } = new(nameof(Api));
    public static AccountEventDetail Invitation { get; } = new(nameof(Invitation));

    public static AccountEventDetail ClientLockedOut(TimeSpan window) =>
        new(nameof(ClientLockedOut), window.TotalMinutes.ToString("0", CultureInfo.InvariantCulture));

    /// <summary>An administrator's change; <paramref name="by"/> is null from the command line.</summary>
    public static AccountEventDetail ChangedBy(string? by) =>
        by is null ? new("ByCommandLine") : new("By", by);

    /// <summary>Role and scope before and after; a scope is a country code, a region code or empty for all.</summary>
    public static AccountEventDetail RoleChanged(
        string? roleBefore, string? scopeBefore, string? roleAfter, string? scopeAfter, string? by) =>
        new(by is null ? "RoleChangedByCommandLine" : nameof(RoleChanged),
            [roleBefore ?? "", scopeBefore ?? "", roleAfter ?? "", scopeAfter ?? "", .. by is null ? Array.Empty<string>() : [by]]);

    public string Stored => JsonSerializer.Serialize<string[]>([Code, .. Values]);

    /// <summary>
    /// The detail in the reader's language. Rows written before details had codes are plain text and
    /// are shown as they are.
    /// </summary>
    public static string Describe(string? stored, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (string.IsNullOrEmpty(stored) || !stored.StartsWith('['))
        {
            return stored ?? "";
        }
        string[]? parts;
        try
        {
            parts = JsonSerializer.Deserialize<string[]>(stored);
        }
        catch (JsonException)
        {
            return stored;
        }
        if (parts is not [var code, .. var values])
        {
            return stored;
        }
        if (code.StartsWith(nameof(RoleChanged), StringComparison.Ordinal) && values.Length >= 4)
        {
            values[0] = RoleName(values[0], l);
            values[1] = ScopeName(values[1], l);
            values[2] = RoleName(values[2], l);
            values[3] = ScopeName(values[3], l);
        }
        var text = l[$"AccountEvent.Detail.{code}", values];
        return text.ResourceNotFound ? stored : text.Value;
    }

    private static string RoleName(string role, IStringLocalizer l)
    {
        if (role.Length == 0)
        {
            return l["AccountEvent.Detail.NoRole"];
        }
        var name = l[$"Role.{role}"];
        return name.ResourceNotFound ? role : name.Value;
    }

    private static string ScopeName(string scope, IStringLocalizer l) =>
        scope.Length == 0 ? l["AccountEvent.Detail.AllScopes"] : scope;
}
