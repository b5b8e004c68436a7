using Pathway.Web.Accounts;
using Pathway.Web.Data;

namespace Pathway.Web.Events;

/// <summary>
/// The one door to events: organisers see every event, drafts included; everyone else (anonymous visitors too) sees
/// announced events only. Every page, API handler and feed starts its query here, so a draft never leaks through one
/// that forgot.
/// </summary>
public static class EventVisibility
{
    public static IQueryable<Event> VisibleEvents(this PathwayDb db, CurrentUser user) =>
        user.OrganisesEvents ? db.Events : db.Events.Where(e => e.IsAnnounced);

    /// <summary>Organisers only: drafts, attendees, attendance, key messages' follow-up.</summary>
    public static IQueryable<Event> OrganisedEvents(this PathwayDb db, CurrentUser user) =>
        user.OrganisesEvents ? db.Events : db.Events.Where(_ => false);
}
