using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments.Evidence;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Localization;
using static Pathway.IntegrationTests.Assessments.AccessGrids;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// Issue 11 §1 and §9 in the access matrix: resources (pages, API, files), the editors' review queue and the CSV import.
/// None is about a round, so each grid is the same for every round kind. The resource asked about is a draft with a file,
/// written by the matrix's contributor (Co): its author and the editors (CE, and administrators, who edit content too)
/// see it, everyone else — the author's own colleagues included — gets 404, exactly as for an unknown id. Writing needs a
/// country team or an editor (the regional officer and reviewers have no country: 403); importing and the queue are the
/// editors'. That a published resource is open to everyone is proven in <see cref="ResourcesTests"/>.
/// </summary>
public static class ResourcesAccessRules
{
    //                                                   FP Fa Re Ob Co Ad RO Rv OR OC CE An

    private static readonly AccessGrid Everyone = AccessGrid.All("A  A  A  A  A  A  A  A  A  A  A  A");

    /// <summary>The draft: its author and the editors; 404 for everyone else, anonymous visitors too.</summary>
    private static readonly AccessGrid DraftReads = AccessGrid.All("N  N  N  N  A  A  N  N  N  N  A  N");

    /// <summary>The same through the signed-in API or a signed-in page: anonymous callers are asked to sign in.</summary>
    private static readonly AccessGrid DraftWrites = AccessGrid.All("N  N  N  N  A  A  N  N  N  N  A  S");

    /// <summary>The draft's forms posted by people who cannot see it: as for an unknown resource (the edit page asks anonymous visitors to sign in).</summary>
    private static readonly AccessGrid DraftFormsFromOutside = AccessGrid.All("U  U  U  U  -  -  U  U  U  U  -  U");

    private static readonly AccessGrid DraftEditFormsFromOutside = AccessGrid.All("U  U  U  U  -  -  U  U  U  U  -  S");

    /// <summary>Writing resources: country teams and editors; no country, no writing.</summary>
    private static readonly AccessGrid Authors = AccessGrid.All("A  A  A  A  A  A  F  F  F  A  A  S");

    /// <summary>The editors' own work: the queue and the import.</summary>
    private static readonly AccessGrid Editors = AccessGrid.All("F  F  F  F  F  A  F  F  F  F  A  S");

    /// <summary>A public page has no form: a post is answered 400, signed in or not.</summary>
    private static readonly AccessGrid PublicPagePost = AccessGrid.All("-  -  -  -  -  -  -  -  -  A  A  A");

    private static readonly ConditionalWeakTable<AccessWorld, Task<Guid>> Drafts = [];

    /// <summary>The world's draft resource (with a file), written by its contributor; made once per world.</summary>
    private static Task<Guid> DraftAsync(AccessWorld world) => Drafts.GetValue(world, MakeDraftAsync);

    private static async Task<Guid> MakeDraftAsync(AccessWorld world)
    {
        await using var db = world.Factory.OpenSystemDb();
        var resource = new Resource
        {
            Title = LocalizedText.English("Matrix draft resource"),
            Summary = LocalizedText.English("Seen by its author and the editors only."),
            Type = ResourceType.Tool,
            LanguageCodes = LanguageList.Format(["en"]),
            Year = 2024,
            Url = "https://example.org/matrix",
            FileName = "matrix.png",
            FileType = EvidenceFileType.Png,
            FileSize = AccessWorld.PngFile.Length,
            State = ModerationState.Draft,
            CreatedById = world.Users[Caller.Contributor].Id,
        };
        resource.Tags.Add(new ResourceTag { ResourceId = resource.Id, Facet = TagFacet.Mechanism, Value = "DS.1" });
        db.Db.Add(resource);
        db.Db.Add(new ResourceFile { ResourceId = resource.Id, Content = AccessWorld.PngFile });
        await db.Db.SaveChangesAsync();
        return resource.Id;
    }

    private static async Task<IReadOnlyDictionary<string, string>> Draft(Cell cell) => Values("id", await DraftAsync(cell.World));

    private static Task<IReadOnlyDictionary<string, string>> Kind(Cell cell) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["kind"] = "resources" });

    /// <summary>Puts the draft back after a move, so the next cell finds it as the first did.</summary>
    private static async Task BackToDraft(Cell cell)
    {
        var id = await DraftAsync(cell.World);
        await using var db = cell.World.Factory.OpenSystemDb();
        await db.Db.Set<Resource>().Where(r => r.Id == id)
            .ExecuteUpdateAsync(setters => setters.SetProperty(r => r.State, ModerationState.Draft));
    }

    private static MultipartFormDataContent Png()
    {
        var file = new ByteArrayContent(AccessWorld.PngFile);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "file", "matrix.png" } };
    }

    private static MultipartFormDataContent Csv(Cell cell)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(
            $"title_en,summary_en,type,languages,year,url\nImported by {cell.Unique},Imported.,Report,en,2024,https://example.org/imported\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "import.csv" } };
    }

    private static object Body(Cell cell) => new
    {
        titleEn = $"Matrix resource {cell.Unique}", summaryEn = "Written by the matrix.", type = "Guidance", languages = "en",
        year = 2024, url = "https://example.org/matrix",
    };

    private static AccessRule Read(string pattern, AccessGrid grid) => new("GET", pattern, grid) { Fresh = Draft };

    public static IReadOnlyList<AccessRule> All { get; } =
    [
        // Pages.
        Get("/resources", Everyone),
        Form("/resources", "none", Caller.Anonymous, PublicPagePost),
        Read("/resources/{Id:guid}", DraftReads),
        new AccessRule("POST", "/resources/{Id:guid}", DraftFormsFromOutside)
        {
            Fresh = Draft, Body = async (cell, url) => await cell.World.FormAsync(cell, url, "resource-move", Caller.Contributor),
        },
        new AccessRule("GET", "/resources/new", Authors) { Shows = "id=\"r-TitleEn\"" },
        // Posted by those shown the form it is a save (tested in ResourcesTests); anonymous visitors are asked to sign in.
        Form("/resources/new", "resource-edit", Caller.Contributor, AccessGrid.All("-  -  -  -  -  -  -  -  -  -  -  S")),
        Read("/resources/{Id:guid}/edit", DraftWrites),
        new AccessRule("POST", "/resources/{Id:guid}/edit", DraftEditFormsFromOutside)
        {
            Fresh = Draft, Body = async (cell, url) => await cell.World.FormAsync(cell, url, "resource-edit", Caller.Contributor),
        },
        Read("/resources/{id:guid}/file", DraftReads),
        Get("/connector/review", Editors),
        Form("/connector/review", "none", Caller.ContentEditor, Editors),
        Get("/connector/import", Editors),
        Form("/connector/import", "import-Resources", Caller.ContentEditor, Editors),
        new AccessRule("GET", "/connector/import/{kind}/template.csv", Everyone) { Fresh = Kind },

        // API.
        Get("/api/resources", Everyone),
        Read("/api/resources/{id:guid}", DraftReads),
        Read("/api/resources/{id:guid}/file", DraftReads),
        Json("POST", "/api/resources", Authors, Body),
        new AccessRule("PUT", "/api/resources/{id:guid}", DraftWrites)
        {
            Fresh = Draft, Body = (cell, _) => Task.FromResult<HttpContent?>(JsonContent.Create(Body(cell))),
        },
        new AccessRule("POST", "/api/resources/{id:guid}/moves", DraftWrites)
        {
            Fresh = Draft, After = BackToDraft, Body = (_, _) => Task.FromResult<HttpContent?>(JsonContent.Create(new { to = "InReview" })),
        },
        new AccessRule("PUT", "/api/resources/{id:guid}/file", DraftWrites) { Fresh = Draft, Body = (_, _) => Task.FromResult<HttpContent?>(Png()) },
        new AccessRule("GET", "/api/connector/import/{kind}/template.csv", Everyone) { Fresh = Kind },
        new AccessRule("POST", "/api/connector/import/{kind}", Editors) { Fresh = Kind, Body = (cell, _) => Task.FromResult<HttpContent?>(Csv(cell)) },
    ];
}
