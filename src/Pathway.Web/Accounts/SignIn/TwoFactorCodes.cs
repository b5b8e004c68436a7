using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Pathway.Web.Accounts.SignIn;

/// <summary>What the authenticator app needs: the key as people type it, the otpauth address, and its QR code.</summary>
public static class TwoFactorCodes
{
    public const int RecoveryCodeCount = 10;

    /// <summary>Spaces and dashes people type between digits go; recovery codes keep their own dash.</summary>
    public static string Normalize(string? code) =>
        (code ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Six digits come from the app; anything else is tried as a recovery code.</summary>
    public static bool IsAuthenticatorCode(string code) =>
        code.Length == 6 && code.All(char.IsAsciiDigit);

    /// <summary>The key in groups of four, lower case, as authenticator apps show it.</summary>
    public static string Readable(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder();
        for (var start = 0; start < key.Length; start += 4)
        {
            text.Append(key.AsSpan(start, Math.Min(4, key.Length - start))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The address authenticator apps read (Key Uri Format), issuer "Pathway".</summary>
    public static string OtpAuthUri(string email, string key) => string.Create(CultureInfo.InvariantCulture,
        $"otpauth://totp/{Uri.EscapeDataString("Pathway:" + email)}?secret={key}&issuer=Pathway&digits=6");

    /// <summary>The QR code as SVG markup drawn on the server (no script, no inline style).</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(5);
    }

    /// <summary>The account's authenticator key, made on first need.</summary>
    public static async Task<string> KeyAsync(UserManager<PathwayUser> users, PathwayUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        return key!;
    }
}
