namespace Pathway.Web.Events;

/// <summary>
/// An event's status from what is stored (domain §4.5): a draft until announced; then upcoming, ongoing and past by
/// its dates; followed up once it is past and every key message has become an action or a resource.
/// </summary>
public static class EventLifecycle
{
    public static EventStatus StatusOf(bool isAnnounced, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now,
        int keyMessages = 0, int keyMessagesFollowedUp = 0)
    {
        if (!isAnnounced)
        {
            return EventStatus.Draft;
        }
        if (now < startsAt)
        {
            return EventStatus.Upcoming;
        }
        if (now < endsAt)
        {
            return EventStatus.Ongoing;
        }
        return keyMessages > 0 && keyMessagesFollowedUp >= keyMessages ? EventStatus.FollowedUp : EventStatus.Past;
    }

    /// <summary>Registration is open while the event is announced, open to all and not yet over.</summary>
    public static bool TakesRegistrations(bool isAnnounced, EventAccess access, DateTimeOffset endsAt, DateTimeOffset now) =>
        isAnnounced && access == EventAccess.Open && now < endsAt;
}
