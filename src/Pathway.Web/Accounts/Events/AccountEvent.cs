using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pathway.Web.Accounts.Events;

/// <summary>What happened to an account; the resx key of each is <c>AccountEvent.{Kind}</c>.</summary>
public enum AccountEventKind
{
    SignedIn,
    SignInFailed,
    LockedOut,
    SignedOut,
    PasswordChanged,
    RoleChanged,
    AccountLocked,
    AccountUnlocked,
    TwoFactorEnabled,
    TwoFactorDisabled,
    RecoveryCodesRegenerated,
    RecoveryCodeUsed,
}

/// <summary>
/// One thing that happened to an account, kept for administrators to read. The e-mail address is
/// copied as it was at the time (an unknown address has no account id), so the record outlives renames.
/// </summary>
public sealed class AccountEvent
{
    public const int EmailLength = 256;
    public const int DetailLength = 400;
    public const int ClientLength = 64;

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Null when the sign-in named an e-mail address without an account.</summary>
    public string? UserId { get; private set; }

    public string Email { get; private set; } = "";

    public AccountEventKind Kind { get; private set; }

    /// <summary>Plain facts (role and scope codes, who acted), never a password or a code.</summary>
    public string? Detail { get; private set; }

    /// <summary>The client's IP address; null for work outside a request (the command line).</summary>
    public string? Client { get; private set; }

    public static AccountEvent Create(DateTimeOffset at, string? userId, string email, AccountEventKind kind, string? detail, string? client) => new()
    {
        At = at,
        UserId = userId,
        Email = Cut(email, EmailLength),
        Kind = kind,
        Detail = detail is null ? null : Cut(detail, DetailLength),
        Client = client is null ? null : Cut(client, ClientLength),
    };

    /// <summary>
    /// Cuts to <paramref name="length"/> characters without splitting a surrogate pair; a NUL (which
    /// PostgreSQL refuses in text) becomes U+FFFD, so a hostile sign-in attempt is still recorded.
    /// </summary>
    private static string Cut(string text, int length)
    {
        text = text.Replace('\0', '\uFFFD');
        if (text.Length <= length)
        {
            return text;
        }
        var end = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..end];
    }
}

internal sealed class AccountEventConfiguration : IEntityTypeConfiguration<AccountEvent>
{
    public void Configure(EntityTypeBuilder<AccountEvent> builder)
    {
        builder.ToTable("AccountEvents");
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.Email).HasMaxLength(AccountEvent.EmailLength).IsRequired();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Detail).HasMaxLength(AccountEvent.DetailLength);
        builder.Property(e => e.Client).HasMaxLength(AccountEvent.ClientLength);
        // The administrator's page reads newest first; the per-client lockout reads one account's recent events.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.UserId, e.At });
    }
}
