using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.IntegrationTests;

/// <summary>
/// Anonymous public pages come from the output cache (an <c>Age</c> header says so) until public content changes;
/// a signed-in person is never answered from it nor stored in it; each language is kept apart.
/// </summary>
public class PublicPageCacheTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string UniqueWord() => "zc" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26))));

    private static SearchDocument Document(string word, string title, SearchAudience audience = SearchAudience.Public)
    {
        var key = Guid.NewGuid().ToString("N");
        return new SearchDocument(SearchKind.Resource, key, LocalizedText.English(title), LocalizedText.English("A summary"),
            word, $"/test/{key}", null, audience, [], 2024, 0);
    }

    private static async Task StageAsync(PathwayDb db, SearchDocument document)
    {
        await new SearchIndex(db).Stage(document, Ct);
        await db.SaveChangesAsync(Ct);
    }

    private async Task StageAsync(SearchDocument document)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await StageAsync(scope.ServiceProvider.GetRequiredService<PathwayDb>(), document);
    }

    private static async Task<(string Html, bool FromCache)> GetAsync(HttpClient client, string url, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), response.Headers.Age is not null);
    }

    [Fact]
    public async Task A_public_page_is_kept_until_public_content_changes()
    {
        var word = UniqueWord();
        using var anonymous = factory.CreateClient();
        var url = "/search?q=" + word;

        var (before, _) = await GetAsync(anonymous, url);
        Assert.DoesNotContain("Kept page probe", before, StringComparison.Ordinal);
        Assert.True((await GetAsync(anonymous, url)).FromCache);

        await StageAsync(Document(word, "Kept page probe"));

        var (after, fromCache) = await GetAsync(anonymous, url);
        Assert.False(fromCache);
        Assert.Contains("Kept page probe", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_change_inside_a_transaction_drops_the_kept_pages_only_when_it_commits(bool commits)
    {
        var word = UniqueWord();
        using var anonymous = factory.CreateClient();
        var url = "/api/search?q=" + word;
        await GetAsync(anonymous, url);
        var content = factory.Services.GetRequiredService<PublicContent>();
        var version = content.Version;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            await StageAsync(db, Document(word, "Saved in a transaction"));
            // Saved but not committed: what readers see has not changed, so the kept answer stands.
            Assert.Equal(version, content.Version);
            Assert.True((await GetAsync(anonymous, url)).FromCache);
            await (commits ? transaction.CommitAsync(Ct) : transaction.RollbackAsync(Ct));
        }

        var (after, fromCache) = await GetAsync(anonymous, url);
        Assert.Equal(commits, !fromCache);
        Assert.Equal(commits, after.Contains("Saved in a transaction", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_in_page_is_never_kept_nor_answered_from_the_cache()
    {
        var word = UniqueWord();
        await StageAsync(Document(word, "Editors only draft", SearchAudience.Editors));
        var url = "/search?q=" + word;
        using var anonymous = factory.CreateClient();
        await GetAsync(anonymous, url);
        Assert.True((await GetAsync(anonymous, url)).FromCache);

        using var editor = await factory.CreateSignedInClientAsync(await factory.CreateUserAsync(Roles.ContentEditor));
        var (signedIn, fromCache) = await GetAsync(editor, url);
        Assert.False(fromCache);
        Assert.Contains("Editors only draft", signedIn, StringComparison.Ordinal);
        Assert.False((await GetAsync(editor, url)).FromCache);

        var (seenByAnonymous, _) = await GetAsync(anonymous, url);
        Assert.DoesNotContain("Editors only draft", seenByAnonymous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_language_is_kept_apart()
    {
        var url = "/search?q=" + UniqueWord();
        using var anonymous = factory.CreateClient();

        var (french, _) = await GetAsync(anonymous, url, "fr");
        Assert.Contains("<html lang=\"fr\"", french, StringComparison.Ordinal);
        var (arabic, _) = await GetAsync(anonymous, url, "ar");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\"", arabic, StringComparison.Ordinal);
        var (frenchAgain, fromCache) = await GetAsync(anonymous, url, "fr");
        Assert.True(fromCache);
        Assert.Contains("<html lang=\"fr\"", frenchAgain, StringComparison.Ordinal);
    }

    private async Task<long> StampAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PathwayDb>().PublicContentStamps.AsNoTracking().Select(stamp => stamp.Value).SingleAsync(Ct);
    }

    [Fact]
    public async Task A_public_save_moves_the_stamp_other_servers_watch_and_a_private_one_does_not()
    {
        var content = factory.Services.GetRequiredService<PublicContent>();
        var before = await StampAsync();
        await StageAsync(Document(UniqueWord(), "Stamp probe"));
        var afterPublic = await StampAsync();
        Assert.NotEqual(before, afterPublic);
        Assert.Equal(afterPublic, content.Stamp);
        var version = content.Version;

        var user = await factory.CreateUserAsync(Roles.CountryFocalPoint, "KEN");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
            (await db.Users.SingleAsync(candidate => candidate.Id == user.Id, Ct)).DisplayName += " ";
            await db.SaveChangesAsync(Ct);
        }
        // Accounts change all day and are on no public page: their saves keep the kept pages.
        Assert.Equal(afterPublic, await StampAsync());
        Assert.Equal(version, content.Version);
    }

    [Fact]
    public async Task A_change_saved_by_another_server_drops_the_kept_pages()
    {
        var word = UniqueWord();
        using var anonymous = factory.CreateClient();
        var url = "/api/search?q=" + word;
        await GetAsync(anonymous, url);
        Assert.True((await GetAsync(anonymous, url)).FromCache);

        // Another server's save: the entry and the stamp in one transaction, with no interceptor of this server's.
        long stampLeft;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
            var entry = await db.SearchEntries.OrderBy(row => row.Id).FirstAsync(row => row.Audience == SearchAudience.Public, Ct);
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            await db.SearchEntries.Where(row => row.Id == entry.Id).ExecuteUpdateAsync(set => set.SetProperty(row => row.Text, row => row.Text + " " + word), Ct);
            await db.PublicContentStamps.ExecuteUpdateAsync(set => set.SetProperty(stamp => stamp.Value, stamp => stamp.Value + 1), Ct);
            stampLeft = await db.PublicContentStamps.Select(stamp => stamp.Value).SingleAsync(Ct);
            await transaction.CommitAsync(Ct);
        }

        // The watch reads the stamp every two seconds; once it has taken this one in, the page is built again.
        var content = factory.Services.GetRequiredService<PublicContent>();
        while (true)
        {
            // Taken before the check, so a change landing between the two still wakes this wait.
            var next = content.NextChange;
            if (content.Stamp == stampLeft)
            {
                break;
            }
            await next.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }
        var (found, fromCache) = await GetAsync(anonymous, url);
        Assert.False(fromCache);
        Assert.Contains("\"total\":1", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kept_search_results_follow_the_readers_audience_and_public_content_changes()
    {
        var word = UniqueWord();
        await StageAsync(Document(word, "Editors see this"));
        await StageAsync(Document(word, "Editors draft", SearchAudience.Editors));
        using var editor = await factory.CreateSignedInClientAsync(await factory.CreateUserAsync(Roles.ContentEditor));
        using var focalPoint = await factory.CreateSignedInClientAsync(await factory.CreateUserAsync(Roles.CountryFocalPoint, "KEN"));
        var url = "/search?q=" + word;

        Assert.Contains("Editors draft", (await GetAsync(editor, url)).Html, StringComparison.Ordinal);
        var (seenByFocalPoint, _) = await GetAsync(focalPoint, url);
        Assert.Contains("Editors see this", seenByFocalPoint, StringComparison.Ordinal);
        Assert.DoesNotContain("Editors draft", seenByFocalPoint, StringComparison.Ordinal);

        await StageAsync(Document(word, "Published since"));
        Assert.Contains("Published since", (await GetAsync(editor, url)).Html, StringComparison.Ordinal);
        Assert.Contains("Published since", (await GetAsync(focalPoint, url)).Html, StringComparison.Ordinal);
    }
}
