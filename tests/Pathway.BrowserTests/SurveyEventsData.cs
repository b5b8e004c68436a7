using Microsoft.Extensions.DependencyInjection;
using Pathway.Web.Connector;
using Pathway.Web.Data;
using Pathway.Web.Events;
using Pathway.Web.Events.Demo;
using Pathway.Web.Events.Registrations;
using Pathway.Web.Localization;

namespace Pathway.BrowserTests;

/// <summary>
/// What the survey's event pages show: the demonstration meeting and webinar module (loaded with <c>-- demo</c> by
/// <see cref="SurveyConnectorData"/>), plus an upcoming open webinar with an agenda in three languages, two places,
/// two confirmed people and one on the waiting list, whose registration page is visited through its link.
/// </summary>
internal sealed record SurveyEventsData(Guid Upcoming, string RegistrationPath)
{
    public static async Task<SurveyEventsData> CreateAsync(PathwayServer server, string country, CancellationToken ct)
    {
        Guid upcomingId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var starts = new DateTimeOffset(now.UtcDateTime.Date.AddDays(20).AddHours(12), TimeSpan.Zero);
            var upcoming = new Event
            {
                Title = LocalizedText.Of("Survey webinar on contracting private clinics", "Webinaire de l'enquête sur la contractualisation des cliniques privées",
                    "ندوة المسح عبر الإنترنت حول التعاقد مع العيادات الخاصة"),
                Description = LocalizedText.Of("How ministries pay **contracted** clinics on time.", "Comment les ministères paient à temps les cliniques **sous contrat**.",
                    "كيف تدفع الوزارات للعيادات **المتعاقد معها** في الوقت المحدد."),
                Type = EventType.Webinar,
                Access = EventAccess.Open,
                StartsAt = starts,
                EndsAt = starts.AddMinutes(90),
                TimeZone = "Africa/Tunis",
                OnlineLink = "https://meet.example.org/survey",
                Organisers = LocalizedText.Of("Survey ministry of health", "Ministère de la santé de l'enquête", "وزارة الصحة في المسح"),
                Capacity = 2,
                IsAnnounced = true,
                CreatedAt = now,
                UpdatedAt = now,
                Tags = [new EventTag { Facet = TagFacet.Country, Value = country }, new EventTag { Facet = TagFacet.Region, Value = "EMR" }],
            };
            upcoming.Agenda.Add(new AgendaItem
            {
                EventId = upcoming.Id, StartsAt = starts, EndsAt = starts.AddMinutes(30),
                Topic = LocalizedText.Of("Why payment delays matter", "Pourquoi les retards de paiement comptent", "لماذا تهم تأخيرات الدفع"),
                Speakers = "Salma Survey",
            });
            upcoming.Agenda.Add(new AgendaItem
            {
                EventId = upcoming.Id, StartsAt = starts.AddMinutes(30),
                Topic = LocalizedText.Of("Questions and answers", "Questions et réponses", "أسئلة وأجوبة"), Moderator = "Karim Survey",
            });
            db.Events.Add(upcoming);
            db.EventPlaces.Add(EventPlaces.For(upcoming));
            await db.SaveChangesAsync(ct);
            upcomingId = upcoming.Id;
        }

        Guid waiting = default;
        foreach (var (name, language) in new[] { ("Amal Survey", "ar"), ("Luc Survey", "fr"), ("Sara Survey", "en") })
        {
            await using var scope = server.Services.CreateAsyncScope();
            var desk = scope.ServiceProvider.GetRequiredService<RegistrationDesk>();
            var input = new RegistrationInput
            {
                Name = name, Email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@example.org", Organisation = "Survey clinic",
                Country = country, Group = nameof(ParticipantGroup.PrivateCompany), Consent = true,
            };
            var made = await desk.RegisterAsync(upcomingId, input, language, ct);
            Assert.True(made.TryGet(out var registered, out _), $"{name} could not register for the survey webinar.");
            waiting = registered.Id;
        }
        await using (var scope = server.Services.CreateAsyncScope())
        {
            return new SurveyEventsData(upcomingId, scope.ServiceProvider.GetRequiredService<RegistrationLinks>().PathFor(waiting));
        }
    }

    /// <summary>The events' pages, with who visits each; organisers are the content editor (editors organise events).</summary>
    public IEnumerable<(string Who, string Path)> Pages()
    {
        foreach (var path in new[]
                 {
                     "/events", "/events?when=past", "/events?type=Webinar&region=EMR", $"/events/{Upcoming}", $"/events/{Upcoming}/register",
                     RegistrationPath, $"/events/{EventsDemo.CairoMeeting}", $"/events/{EventsDemo.WebinarModule1}",
                     $"/events/series/{EventsDemo.WebinarSeries}",
                 })
        {
            yield return (SurveyData.Anonymous, path);
        }
        foreach (var path in new[]
                 {
                     "/events", $"/events/{Upcoming}", "/events/new", $"/events/{Upcoming}/edit", $"/events/{Upcoming}/registrations",
                     $"/events/{Upcoming}/agenda", $"/events/{EventsDemo.CairoMeeting}/key-messages", $"/events/{EventsDemo.WebinarModule1}/totals",
                     "/events/series/new", $"/events/series/{EventsDemo.WebinarSeries}/edit",
                 })
        {
            yield return (SurveyData.ContentEditor, path);
        }
    }
}
