using System.Net;
using System.Net.Http.Json;
using System.Text;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Events;

namespace Pathway.IntegrationTests.Events;

/// <summary>Attendance from a CSV list or JSON: all or nothing, every bad row named, walk-ins added.</summary>
public sealed class AttendanceImportTests(MailingAppFactory factory) : IClassFixture<MailingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent File(string csv, string mediaType = "text/csv") => File(Encoding.UTF8.GetBytes(csv), mediaType);

    private static MultipartFormDataContent File(byte[] bytes, string mediaType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return new MultipartFormDataContent { { file, "file", "attendance.csv" } };
    }

    [Fact]
    public async Task A_good_list_marks_known_people_and_adds_walk_ins_with_a_row_report()
    {
        var @event = await factory.CreateEventAsync(capacity: 10);
        var came = TestAccounts.UniqueEmail("came");
        var absent = TestAccounts.UniqueEmail("absent");
        await factory.RegisterAsync(@event.Id, TestEvents.Person(came));
        await factory.RegisterAsync(@event.Id, TestEvents.Person(absent));
        var walkIn = TestAccounts.UniqueEmail("walkin");
        var csv = $"email,name,organisation,country,group,attended\n{came.ToUpperInvariant()},,,,,yes\n{absent},,,,,0\n{walkIn},Walk In,Clinic,Jordan,PrivateCompany,true\n";
        using var api = await factory.CreateApiClientAsync(await factory.CreateUserAsync(Roles.Organiser));

        using var response = await api.PostAsync($"/api/events/{@event.Id}/attendance", File(csv), Ct);

        var result = await HttpAssert.JsonAsync(response);
        Assert.Equal((2, 1), (result.GetProperty("updated").GetInt32(), result.GetProperty("added").GetInt32()));
        Assert.Equal(["updated", "updated", "added"], result.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("outcome").GetString()));
        var rows = (await factory.RegistrationsOfAsync(@event.Id)).ToDictionary(r => r.Email!);
        Assert.True(rows[came].Attended);
        Assert.False(rows[absent].Attended);
        Assert.Equal((true, true, "JOR", ParticipantGroup.PrivateCompany, RegistrationStatus.Confirmed),
            (rows[walkIn].Attended, rows[walkIn].AddedByOrganiser, rows[walkIn].CountryIso3?.Trim(), rows[walkIn].Group, rows[walkIn].Status));
        Assert.Equal(3, await factory.PlacesTakenAsync(@event.Id));
    }

    [Fact]
    public async Task A_list_with_any_bad_row_saves_nothing_and_names_each_bad_row_in_the_readers_language()
    {
        var @event = await factory.CreateEventAsync(capacity: 10);
        var known = TestAccounts.UniqueEmail("known");
        await factory.RegisterAsync(@event.Id, TestEvents.Person(known));
        var csv = $"email,country,attended\n{known},,yes\nnot-an-address,,yes\n{TestAccounts.UniqueEmail("x")},Atlantis,yes\n{TestAccounts.UniqueEmail("y")},,maybe\n{known},,no\n";
        using var client = await factory.CreateSignedInClientAsync(await factory.CreateUserAsync(Roles.Organiser));
        var path = $"/events/{@event.Id}/registrations";
        var form = HtmlForm.Find(await client.GetStringAsync($"{path}?culture=fr", Ct), "attendance-import");
        using var content = File(csv);
        foreach (var field in form.Fields)
        {
            content.Add(new StringContent(field.Value), field.Key);
        }

        using var response = await client.PostAsync(path, content, Ct);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(response));
        Assert.Contains("ce n’est pas une adresse e-mail", html, StringComparison.Ordinal);
        Assert.Contains("choisissez un pays dans la liste", html, StringComparison.Ordinal);
        Assert.Contains("Présence : écrivez yes", html, StringComparison.Ordinal);
        Assert.Contains("cette adresse figure déjà à la ligne 2", html, StringComparison.Ordinal);
        foreach (var row in new[] { "<td>3</td>", "<td>4</td>", "<td>5</td>", "<td>6</td>" })
        {
            Assert.Contains(row, html, StringComparison.Ordinal);
        }
        var stored = Assert.Single(await factory.RegistrationsOfAsync(@event.Id));
        Assert.Null(stored.Attended);
        Assert.Equal(1, await factory.PlacesTakenAsync(@event.Id));
    }

    [Fact]
    public async Task Json_rows_work_too_and_only_organisers_may_import()
    {
        var @event = await factory.CreateEventAsync(capacity: 10);
        var email = TestAccounts.UniqueEmail("json");
        await factory.RegisterAsync(@event.Id, TestEvents.Person(email));
        var body = new[] { new { email, attended = "yes" } };

        using (var focalPoint = await factory.CreateApiClientAsync(await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY")))
        {
            await HttpAssert.ProblemAsync(await focalPoint.PostAsJsonAsync($"/api/events/{@event.Id}/attendance", body, Ct), HttpStatusCode.NotFound);
        }
        Assert.Null(Assert.Single(await factory.RegistrationsOfAsync(@event.Id)).Attended);

        using var organiser = await factory.CreateApiClientAsync(await factory.CreateUserAsync(Roles.Organiser));
        var result = await HttpAssert.JsonAsync(await organiser.PostAsJsonAsync($"/api/events/{@event.Id}/attendance", body, Ct));
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        Assert.True(Assert.Single(await factory.RegistrationsOfAsync(@event.Id)).Attended);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_text_is_refused_whole()
    {
        var @event = await factory.CreateEventAsync(capacity: 10);
        using var api = await factory.CreateApiClientAsync(await factory.CreateUserAsync(Roles.Organiser));
        var binary = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0xFE, 0x00 };

        var problem = await HttpAssert.ProblemAsync(await api.PostAsync($"/api/events/{@event.Id}/attendance", File(binary, "application/octet-stream"), Ct), HttpStatusCode.BadRequest);

        Assert.Contains("UTF-8", problem.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await factory.RegistrationsOfAsync(@event.Id));
    }
}
