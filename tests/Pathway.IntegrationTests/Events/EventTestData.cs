using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pathway.IntegrationTests.Infrastructure;

namespace Pathway.IntegrationTests.Events;

/// <summary>Events made for a test through the organisers' API.</summary>
public static class EventTestData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A valid event body: a webinar held in Cairo on 10 March 2026, 14:00–16:00 local time.</summary>
    public static Dictionary<string, object?> Body(string title, Guid? seriesId = null, int? module = null) => new()
    {
        ["titleEn"] = title,
        ["descriptionEn"] = "A **webinar** on private sector engagement.",
        ["type"] = "Webinar",
        ["access"] = "Open",
        ["seriesId"] = seriesId,
        ["moduleNumber"] = module,
        ["start"] = "2026-03-10T14:00:00",
        ["end"] = "2026-03-10T16:00:00",
        ["timeZone"] = "Africa/Cairo",
        ["capacity"] = 50,
        ["mechanisms"] = "DS.1",
        ["regions"] = "EMR",
    };

    public static async Task<JsonElement> CreateAsync(HttpClient api, Dictionary<string, object?> body)
    {
        using var response = await api.PostAsJsonAsync("/api/events", body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<Guid> CreateIdAsync(HttpClient api, string title) =>
        (await CreateAsync(api, Body(title))).GetProperty("id").GetGuid();

    public static string Unique(string title) => $"{title} {TestAccounts.UniqueSuffix()}";
}
