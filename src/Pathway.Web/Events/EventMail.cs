namespace Pathway.Web.Events;

/// <summary>Which e-mail a registrant is sent.</summary>
public enum EventMailKind
{
    /// <summary>A confirmed place, with the links to the registration (calendar file, cancellation).</summary>
    Confirmed,

    /// <summary>On the waiting list, with the same links.</summary>
    Waiting,

    /// <summary>Moved up from the waiting list.</summary>
    Promoted,

    /// <summary>The cancellation is recorded.</summary>
    Cancelled,

    /// <summary>The day before the event.</summary>
    Reminder,
}

public enum EventMailStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// An e-mail to a registrant, queued in the same transaction as the change it reports and sent by the scheduled
/// job (never in the person's request). Unique per registration and kind, so a reminder is made once.
/// </summary>
public sealed class EventMail
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RegistrationId { get; init; }
    public EventMailKind Kind { get; init; }
    public EventMailStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
