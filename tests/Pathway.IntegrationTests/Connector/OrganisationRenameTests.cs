using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// On both databases: renaming an organisation re-indexes the partnerships that name it as a party in the same save, so
/// search finds them by the new name (and acronym) and no longer by the old, each for the audience it had.
/// </summary>
public sealed class OrganisationRenameTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const string Country = "EGY";

    private static readonly string[] DialogueMechanism = ["FR.1"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_finds_a_partnership_by_its_partys_new_name_and_no_longer_by_the_old_one()
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: Country);
        using var team = await factory.CreateApiClientAsync(focalPoint);
        using var editor = await factory.CreateApiClientAsync(await factory.CreateUserAsync(Roles.ContentEditor));
        using var anonymous = factory.CreateClient();
        var suffix = TestAccounts.UniqueSuffix();
        var (oldWord, newWord, acronym) = ($"nilecare{suffix}", $"deltahealth{suffix}", $"DH{suffix}");

        var organisation = await CreatedAsync(await team.PostAsJsonAsync("/api/organisations",
            new { name = $"{oldWord} Clinics Guild", countryIso3 = Country, sector = "PrivateForProfit", type = "PrivateSectorAssociation" }, Ct));
        var organisationId = organisation.GetProperty("id").GetInt32();
        var open = await PartnershipNamingAsync(team, organisationId, isPublic: true);
        var inCountry = await PartnershipNamingAsync(team, organisationId, isPublic: false);

        Assert.Equal([open], await FindAsync(anonymous, oldWord));
        Assert.Equal(Sorted(open, inCountry), await FindAsync(team, oldWord));

        // An editor renames it: the new name finds both partnerships (the non-public one only for its country), the old neither.
        await HttpAssert.JsonAsync(await editor.PutAsJsonAsync($"/api/organisations/{organisationId}",
            new { name = $"{newWord} Network", countryIso3 = Country, sector = "PrivateForProfit", type = "PrivateSectorAssociation" }, Ct));
        Assert.Equal([open], await FindAsync(anonymous, newWord));
        Assert.Equal(Sorted(open, inCountry), await FindAsync(team, newWord));
        Assert.Empty(await FindAsync(anonymous, oldWord));
        Assert.Empty(await FindAsync(team, oldWord));

        // An acronym given later is found as well.
        await HttpAssert.JsonAsync(await editor.PutAsJsonAsync($"/api/organisations/{organisationId}",
            new { name = $"{newWord} Network", acronym, countryIso3 = Country, sector = "PrivateForProfit", type = "PrivateSectorAssociation" }, Ct));
        Assert.Equal(Sorted(open, inCountry), await FindAsync(team, acronym));
    }

    /// <summary>A partnership of the country with the organisation as its private party; its page's path.</summary>
    private static async Task<string> PartnershipNamingAsync(HttpClient team, int organisationId, bool isPublic)
    {
        var partnership = await CreatedAsync(await team.PostAsJsonAsync("/api/partnerships", new
        {
            title = new { en = $"Pharmacy dialogue {TestAccounts.UniqueSuffix()}" },
            description = "A standing forum on medicine prices.", type = "DialoguePlatform", healthArea = "Medicines", setting = "Stable",
            startDate = "2025-03-01", isPublic, mechanisms = DialogueMechanism, instruments = Array.Empty<string>(),
        }, Ct));
        var id = partnership.GetProperty("id").GetString()!;
        await HttpAssert.JsonAsync(await team.PostAsJsonAsync($"/api/partnerships/{id}/parties", new { organisationId, role = "PrivateParty" }, Ct));
        return $"/partnerships/{id}";
    }

    private static async Task<List<string>> FindAsync(HttpClient client, string words)
    {
        var results = await HttpAssert.JsonAsync(await client.GetAsync($"/api/search?q={Uri.EscapeDataString(words)}&kind=Partnership", Ct));
        return Sorted([.. results.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("url").GetString()!)]);
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    private static List<string> Sorted(params string[] urls) => [.. urls.Order(StringComparer.Ordinal)];
}
