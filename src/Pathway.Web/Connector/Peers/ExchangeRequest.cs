using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Accounts;
using Pathway.Web.Countries;

namespace Pathway.Web.Connector.Peers;

/// <summary>Where an exchange request stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExchangeStatus>))]
public enum ExchangeStatus
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>
/// One country asking another to share how it moved a mechanism up ("request an exchange"). It belongs to two
/// countries at once, so it is neither country-owned nor shared: <see cref="ExchangeDesk"/> reads it only for the
/// two countries' people and administrators. The reply (contact details, next steps) is shared on acceptance.
/// </summary>
public sealed class ExchangeRequest
{
    public const int MessageLength = 2000;
    public const int CodeLength = 20;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string FromCountryIso3 { get; init; }
    public required string ToCountryIso3 { get; init; }

    /// <summary>The mechanism's stable code, as the peer list was asked for.</summary>
    public required string MechanismCode { get; init; }

    public required string Message { get; init; }
    public required string RequesterId { get; init; }

    /// <summary>The requester's name as it was when asking (shown to the other country).</summary>
    public required string RequesterName { get; init; }

    public ExchangeStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; init; }

    public string? Reply { get; private set; }
    public string? AnsweredById { get; private set; }
    public string? AnsweredByName { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>Accepts or declines a pending request; false when it was already answered.</summary>
    public bool Answer(bool accept, string? reply, string byId, string byName, DateTimeOffset at)
    {
        if (Status != ExchangeStatus.Pending)
        {
            return false;
        }
        Status = accept ? ExchangeStatus.Accepted : ExchangeStatus.Declined;
        Reply = string.IsNullOrWhiteSpace(reply) ? null : reply.Trim();
        AnsweredById = byId;
        AnsweredByName = byName;
        AnsweredAt = at;
        return true;
    }
}

internal sealed class ExchangeRequestConfiguration : IEntityTypeConfiguration<ExchangeRequest>
{
    public void Configure(EntityTypeBuilder<ExchangeRequest> builder)
    {
        builder.Property(request => request.FromCountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(request => request.ToCountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(request => request.MechanismCode).HasMaxLength(ExchangeRequest.CodeLength);
        builder.Property(request => request.Message).HasMaxLength(ExchangeRequest.MessageLength);
        builder.Property(request => request.Reply).HasMaxLength(ExchangeRequest.MessageLength);
        builder.Property(request => request.RequesterId).HasMaxLength(450);
        builder.Property(request => request.RequesterName).HasMaxLength(200);
        builder.Property(request => request.AnsweredById).HasMaxLength(450);
        builder.Property(request => request.AnsweredByName).HasMaxLength(200);
        builder.Property(request => request.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Country>().WithMany().HasForeignKey(request => request.FromCountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Country>().WithMany().HasForeignKey(request => request.ToCountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PathwayUser>().WithMany().HasForeignKey(request => request.RequesterId).OnDelete(DeleteBehavior.Cascade);
        // One pending request per pair and mechanism, also between two app servers; the same filter SQL reads on both databases.
        builder.HasIndex(request => new { request.FromCountryIso3, request.ToCountryIso3, request.MechanismCode })
            .IsUnique().HasFilter("\"Status\" = 'Pending'").HasDatabaseName("IX_ExchangeRequests_Pending");
        builder.HasIndex(request => new { request.ToCountryIso3, request.Status });
        builder.HasIndex(request => request.FromCountryIso3);
        builder.ToTable("ExchangeRequests");
    }
}
