using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Connector;
using Pathway.Web.Data;
using Pathway.Web.Events;
using Pathway.Web.Localization;

namespace Pathway.Bench;

/// <summary>
/// Events for the listing and event-page scenarios (issue 12): <c>--events</c> announced events over ten years around
/// today (half past, half to come), one in four in a numbered series of ten modules, each tagged with a WHO region and
/// a behaviour, with a four-line agenda and, when past, two key messages; and <c>--registrations</c> registrations
/// spread over them (confirmed up to a capacity, the rest waiting; past ones mostly marked attended), with each
/// event's <see cref="EventPlaces"/> count matching. Two events have fixed ids for the scenarios: the
/// <see cref="PageEvent"/> (a past webinar with 400 registrations) and the <see cref="LastPlacesEvent"/> (an upcoming
/// one with 50 of 1,000 places left, for the concurrent registration run).
/// </summary>
internal static class BenchEvents
{
    public static readonly Guid PageEvent = new("0193b000-0000-7000-8000-00000000e001");
    public static readonly Guid LastPlacesEvent = new("0193b000-0000-7000-8000-00000000e002");
    public const int LastPlacesCapacity = 1_000;
    public const int LastPlacesLeft = 50;

    private const int Batch = 2_000;

    private static readonly EventType[] Types = Enum.GetValues<EventType>();
    private static readonly ParticipantGroup[] Groups = Enum.GetValues<ParticipantGroup>();
    private static readonly string[] Behaviours = ["DS", "AS", "BU", "ES", "NT", "FR"];
    private static readonly string[] Zones = ["Africa/Cairo", "Europe/Zurich", "Asia/Manila", "America/Bogota", "Africa/Nairobi", "Asia/Kolkata"];

    private static readonly (string En, string Fr, string Ar)[] Topics =
    [
        ("Contracting private providers", "Contractualiser les prestataires privés", "التعاقد مع مقدمي الخدمات الخاصين"),
        ("Regulating private hospitals", "Réglementer les hôpitaux privés", "تنظيم المستشفيات الخاصة"),
        ("Dialogue with the private sector", "Dialoguer avec le secteur privé", "الحوار مع القطاع الخاص"),
        ("Data from private facilities", "Les données des établissements privés", "بيانات المرافق الخاصة"),
        ("Trust between sectors", "La confiance entre secteurs", "الثقة بين القطاعات"),
    ];

    public static async Task<bool> CreateAsync(IServiceProvider services, int events, int registrations)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        if (await db.Events.AnyAsync(e => e.Id == PageEvent))
        {
            Console.WriteLine("Events: already there.");
            return true;
        }
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Iso3).Select(c => new { c.Iso3, c.RegionCode }).ToListAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var seriesCount = Math.Max(1, events / 40);
        var series = Enumerable.Range(0, seriesCount).Select(n => new EventSeries
        {
            Title = LocalizedText.Of($"Webinar series {n + 1}", $"Série de webinaires {n + 1}", $"سلسلة الندوات {n + 1}"),
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        db.EventSeries.AddRange(series);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // Registrations per event: the page event and the last-places event get theirs; the rest share what is left.
        var fixedRegistrations = 400 + (LastPlacesCapacity - LastPlacesLeft);
        var shared = Math.Max(0, registrations - fixedRegistrations);
        var perEvent = events > 2 ? shared / (events - 2) : 0;
        var remainder = events > 2 ? shared % (events - 2) : 0;
        var made = 0;
        var registered = 0;
        for (var n = 0; n < events; n++)
        {
            var id = n switch { 0 => PageEvent, 1 => LastPlacesEvent, _ => Guid.CreateVersion7() };
            // Spread over five years back and five ahead; the two fixed events: last month and next month.
            var day = n switch { 0 => -30, 1 => 30, _ => (int)((n * 3_650L / events) - 1_825) };
            var zoneId = Zones[n % Zones.Length];
            var zone = EventTimes.FindZone(zoneId)!;
            var date = now.UtcDateTime.Date.AddDays(day);
            var starts = EventTimes.ToMoment(date.AddHours(9 + n % 6), zone);
            var type = n == 0 ? EventType.Webinar : Types[n % Types.Length];
            var past = starts < now;
            var inSeries = n % 4 == 0 && n > 1;
            var country = countries[n % countries.Count];
            var topic = Topics[n % Topics.Length];
            var capacity = n == 1 ? LastPlacesCapacity : n == 0 ? 500 : 100;
            var count = n switch { 0 => 400, 1 => LastPlacesCapacity - LastPlacesLeft, _ => perEvent + (n - 2 < remainder ? 1 : 0) };
            var item = new Event
            {
                Id = id,
                Title = LocalizedText.Of($"{topic.En} (no. {n}) [bench]", $"{topic.Fr} (n° {n}) [bench]", $"{topic.Ar} (رقم {n}) [bench]"),
                Description = LocalizedText.Of($"What works in {country.Iso3}: a session for ministries and providers.",
                    $"Ce qui marche en {country.Iso3} : une séance pour les ministères et les prestataires.",
                    $"ما ينجح في {country.Iso3}: جلسة للوزارات ومقدمي الخدمات."),
                Type = type,
                Access = EventAccess.Open,
                StartsAt = starts,
                EndsAt = starts.AddHours(type is EventType.Meeting or EventType.Workshop ? 27 : 2),
                TimeZone = zoneId,
                Venue = type is EventType.Webinar ? null : LocalizedText.Of("Conference centre, " + country.Iso3, "Centre de conférences, " + country.Iso3, "مركز المؤتمرات، " + country.Iso3),
                OnlineLink = type is EventType.Webinar ? "https://meet.example.invalid/" + id.ToString("N") : null,
                Organisers = LocalizedText.Of("WHO (bench)", "OMS (banc d'essai)", "منظمة الصحة العالمية (اختبار)"),
                Capacity = capacity,
                IsAnnounced = true,
                SeriesId = inSeries ? series[n / 4 % series.Count].Id : null,
                ModuleNumber = inSeries ? n / 4 / series.Count + 1 : null,
                Summary = past ? LocalizedText.Of("What was said, in short.", "Ce qui a été dit, en bref.", "ما قيل، باختصار.") : null,
                CreatedAt = now,
                UpdatedAt = now,
                Tags =
                [
                    new() { EventId = id, Facet = TagFacet.Region, Value = country.RegionCode },
                    new() { EventId = id, Facet = TagFacet.Country, Value = country.Iso3 },
                    new() { EventId = id, Facet = TagFacet.Behaviour, Value = Behaviours[n % Behaviours.Length] },
                ],
                Agenda = [.. Enumerable.Range(0, 4).Select(i => new AgendaItem
                {
                    EventId = id,
                    StartsAt = starts.AddMinutes(30 * i),
                    EndsAt = starts.AddMinutes(30 * i + 25),
                    Topic = LocalizedText.Of($"Part {i + 1}", $"Partie {i + 1}", $"الجزء {i + 1}"),
                    Speakers = "Speaker " + (i + 1),
                })],
                KeyMessages = past
                    ? [.. Enumerable.Range(0, 2).Select(i => new KeyMessage
                    {
                        EventId = id,
                        Order = i + 1,
                        Theme = LocalizedText.Of("Trust", "Confiance", "الثقة"),
                        Text = LocalizedText.Of("Meet regularly and publish the minutes.", "Se réunir régulièrement et publier les comptes rendus.", "الاجتماع بانتظام ونشر المحاضر."),
                        MechanismCode = Behaviours[i % Behaviours.Length] + ".1",
                    })]
                    : [],
            };
            db.Events.Add(item);
            var confirmed = 0;
            for (var r = 0; r < count; r++)
            {
                var from = countries[(n * 31 + r * 7) % countries.Count];
                var isConfirmed = confirmed < capacity;
                confirmed += isConfirmed ? 1 : 0;
                // Registrations of events over a year ago were erased by the events job as they aged (Events:RetainRegistrationsFor).
                var erased = starts < now.AddDays(-366);
                var registrationId = Guid.CreateVersion7();
                db.Registrations.Add(new Registration
                {
                    Id = registrationId,
                    ErasedAt = erased ? starts.AddDays(366) : null,
                    EventId = id,
                    Name = erased ? null : string.Create(CultureInfo.InvariantCulture, $"Participant {n}-{r}"),
                    Email = erased ? null : string.Create(CultureInfo.InvariantCulture, $"p{n}-{r}@bench.pathway.invalid"),
                    EmailKey = erased ? Registration.ErasedKeyPrefix + registrationId : string.Create(CultureInfo.InvariantCulture, $"p{n}-{r}@bench.pathway.invalid"),
                    Organisation = erased ? null : "Organisation " + (r % 50),
                    CountryIso3 = from.Iso3,
                    Group = Groups[(n + r) % Groups.Length],
                    Status = isConfirmed ? RegistrationStatus.Confirmed : RegistrationStatus.Waiting,
                    WaitingSince = isConfirmed ? null : now.AddMinutes(-count + r),
                    Attended = past && isConfirmed ? r % 5 != 0 : null,
                    Language = (r % 3) switch { 0 => "en", 1 => "fr", _ => "ar" },
                    RegisteredAt = starts.AddDays(-20).AddMinutes(r),
                    ConfirmedAt = isConfirmed ? starts.AddDays(-20).AddMinutes(r) : null,
                    ConsentedAt = starts.AddDays(-20).AddMinutes(r),
                });
            }
            db.EventPlaces.Add(new EventPlaces { EventId = id, Confirmed = confirmed });
            made++;
            registered += count;
            if (made % 100 == 0 || registered % Batch == 0 || n == events - 1)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Events: created {made} events in {seriesCount} series with {registered} registrations in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s."));
        return true;
    }
}
