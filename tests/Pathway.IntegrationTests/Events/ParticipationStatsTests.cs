using System.Net;
using System.Text.Json;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Events;

namespace Pathway.IntegrationTests.Events;

/// <summary>
/// Participation statistics (issue 12 §4) as the API and the pages give them: counted from registrations by group,
/// region and country; attended only once attendance is marked; recorded totals replacing a dimension; series sums.
/// </summary>
public class ParticipationStatsTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> FiguresAsync(Guid id) =>
        (await HttpAssert.JsonAsync(await factory.CreatePageClient().GetAsync($"/api/events/{id}", Ct))).GetProperty("participation");

    private static int Count(JsonElement figures, string dimension, string key) =>
        figures.GetProperty(dimension).EnumerateArray().Where(item => item.GetProperty("key").GetString() == key).Select(item => item.GetProperty("count").GetInt32()).SingleOrDefault();

    [Fact]
    public async Task Confirmed_registrations_are_counted_by_group_region_and_country()
    {
        var upcoming = await factory.EventAsync(factory.Now().AddDays(10));
        await factory.RegisterAsync(upcoming.Id, ParticipantGroup.Ngo, "EGY", 3);
        await factory.RegisterAsync(upcoming.Id, ParticipantGroup.Academia, "FRA", 2);
        await factory.RegisterAsync(upcoming.Id, ParticipantGroup.Academia, "JPN");
        await factory.RegisterAsync(upcoming.Id, ParticipantGroup.Ngo, "EGY", 4, RegistrationStatus.Waiting);
        await factory.RegisterAsync(upcoming.Id, ParticipantGroup.Who, "EGY", 1, RegistrationStatus.Cancelled);

        var figures = await FiguresAsync(upcoming.Id);
        Assert.Equal(6, figures.GetProperty("total").GetInt32());
        Assert.Equal(Enum.GetNames<ParticipantGroup>(), figures.GetProperty("groups").EnumerateArray().Select(item => item.GetProperty("key").GetString()));
        Assert.Equal(3, Count(figures, "groups", "Ngo"));
        Assert.Equal(3, Count(figures, "groups", "Academia"));
        Assert.Equal(0, Count(figures, "groups", "Who"));
        Assert.Equal(3, Count(figures, "regions", "EMR"));
        Assert.Equal(2, Count(figures, "regions", "EUR"));
        Assert.Equal(1, Count(figures, "regions", "WPR"));
        Assert.Equal(3, Count(figures, "countries", "EGY"));
        Assert.Equal(2, Count(figures, "countries", "FRA"));
        Assert.False(figures.GetProperty("countsAttendance").GetBoolean());

        var page = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await factory.CreatePageClient().GetAsync($"/events/{upcoming.Id}", Ct)));
        Assert.Contains("6 participants", page, StringComparison.Ordinal);
        Assert.Contains("Development and cooperation agencies", page, StringComparison.Ordinal);
        Assert.Contains("Egypt", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Registrant Name", page, StringComparison.Ordinal);
        Assert.DoesNotContain("registrant-", page, StringComparison.Ordinal);
        Assert.DoesNotContain("registrant-", await factory.CreatePageClient().GetStringAsync($"/api/events/{upcoming.Id}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_attendance_is_marked_a_past_event_counts_only_those_who_attended()
    {
        var past = await factory.EventAsync(factory.Now().AddDays(-3));
        await factory.RegisterAsync(past.Id, ParticipantGroup.Ministry, "EGY", 4);
        var before = await FiguresAsync(past.Id);
        Assert.Equal(4, before.GetProperty("total").GetInt32());
        Assert.False(before.GetProperty("countsAttendance").GetBoolean());

        var marked = await factory.EventAsync(factory.Now().AddDays(-3));
        await factory.RegisterAsync(marked.Id, ParticipantGroup.Ministry, "EGY", 2, attended: true);
        await factory.RegisterAsync(marked.Id, ParticipantGroup.Ministry, "FRA", 3, attended: false);
        await factory.RegisterAsync(marked.Id, ParticipantGroup.PrivateCompany, "FRA", 1);
        var after = await FiguresAsync(marked.Id);
        Assert.True(after.GetProperty("countsAttendance").GetBoolean());
        Assert.Equal(2, after.GetProperty("total").GetInt32());
        Assert.Equal(2, Count(after, "countries", "EGY"));
        Assert.Equal(0, Count(after, "countries", "FRA"));
    }

    [Fact]
    public async Task Recorded_totals_replace_the_counted_figures_of_their_dimension_only()
    {
        var past = await factory.EventAsync(factory.Now().AddDays(-400));
        await factory.RegisterAsync(past.Id, ParticipantGroup.Ngo, "EGY", 2);
        await factory.TotalAsync(past.Id, TotalDimension.Group, "DevelopmentAgency", 20);
        await factory.TotalAsync(past.Id, TotalDimension.Group, "PrivateCompany", 53);

        var figures = await FiguresAsync(past.Id);
        Assert.Equal(73, figures.GetProperty("total").GetInt32());
        Assert.Equal(0, Count(figures, "groups", "Ngo"));
        Assert.Equal(53, Count(figures, "groups", "PrivateCompany"));
        Assert.True(figures.GetProperty("groupsRecorded").GetBoolean());
        // Countries and regions were not recorded: they are still counted.
        Assert.False(figures.GetProperty("countriesRecorded").GetBoolean());
        Assert.Equal(2, Count(figures, "countries", "EGY"));
        Assert.Equal(2, Count(figures, "regions", "EMR"));
    }

    [Fact]
    public async Task A_series_sums_the_figures_of_its_modules()
    {
        var series = await factory.SeriesAsync();
        var first = await factory.EventAsync(factory.Now().AddDays(-30), series: series, module: 1);
        var second = await factory.EventAsync(factory.Now().AddDays(-10), series: series, module: 2);
        await factory.TotalAsync(first.Id, TotalDimension.Group, "Academia", 10);
        await factory.RegisterAsync(second.Id, ParticipantGroup.Academia, "EGY", 3);
        await factory.RegisterAsync(second.Id, ParticipantGroup.Who, "JPN", 2);

        var page = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await factory.CreatePageClient().GetAsync($"/events/series/{series}", Ct)));
        Assert.Contains("15 participants", page, StringComparison.Ordinal);
        var academia = page.IndexOf("<th scope=\"row\" class=\"fw-normal\">Academia</th>", StringComparison.Ordinal);
        Assert.True(academia > 0);
        Assert.Matches(@"^<th scope=""row"" class=""fw-normal"">Academia</th>\s*<td class=""text-end"">13</td>", page[academia..]);
    }
}
