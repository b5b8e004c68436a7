using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Connector.Organisations;
using Pathway.Web.Connector.Partnerships;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;
using static Pathway.IntegrationTests.Assessments.AccessGrids;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// Issue 11 §4's part of the access matrix: the partnership register and the organisations directory, API and pages.
/// The matrix's world has no partnership, so this file adds two of the matrix's country (EGY) on first use: a
/// non-public one, asked about in the Draft row, and a public one, asked about in the Published row (the other rows
/// are not asked). Their titles carry the round's title so the runner can tell a list that shows them from one that
/// does not. A non-public partnership is read by the country's people, its region's reviewer and officer, content
/// editors and administrators; everyone else gets 404 (anonymous visitors included: reads are open, the filter
/// decides). It is changed by the country's focal point and contributors, content editors and administrators; the
/// region reads only (403). A public one is read by everyone and changed by the same people. The directory is open
/// to read; editors and administrators keep it, country teams add organisations of their own country.
/// </summary>
public static class PartnershipsAccessRules
{
    private const string None = "-  -  -  -  -  -  -  -  -  -  -  -";

    //                                                   FP Fa Re Ob Co Ad RO Rv OR OC CE An

    /// <summary>The non-public partnership in the Draft row, the public one in the Published row.</summary>
    private static AccessGrid Partnership(string nonPublic, string isPublic) => new(nonPublic, None, None, None, None, None, isPublic);

    /// <summary>Asked once (in the Draft row): the answer does not depend on a partnership.</summary>
    private static AccessGrid Once(string row) => new(row, None, None, None, None, None, None);

    private static readonly AccessGrid Reads = Partnership(
        /* non-public */ "A  A  A  A  A  A  A  A  N  N  A  N",
        /* public     */ "A  A  A  A  A  A  A  A  A  A  A  A");

    /// <summary>Lists that name the country's partnerships (the register, the country profile): the non-public one only to its readers.</summary>
    internal static readonly AccessGrid Lists = Partnership(
        /* non-public */ "A  A  A  A  A  A  A  A  H  H  A  H",
        /* public     */ "A  A  A  A  A  A  A  A  A  A  A  A");

    /// <summary>Writes through the API: 400/409 on the merits count as allowed (a stage already left, a stale version).</summary>
    private static readonly AccessGrid Writes = Partnership(
        /* non-public */ "A  A  A  A  A  A  F  F  N  N  A  S",
        /* public     */ "A  A  A  A  A  A  F  F  F  F  A  S");

    /// <summary>Signed-in pages that read the partnership (the edit page tells readers they cannot edit).</summary>
    private static readonly AccessGrid SignedInReads = Partnership(
        /* non-public */ "A  A  A  A  A  A  A  A  N  N  A  S",
        /* public     */ "A  A  A  A  A  A  A  A  A  A  A  S");

    /// <summary>
    /// A page's form posted by people who may not change the partnership: for a non-public one as for an unknown
    /// partnership (the page rendered no form); for a public one Blazor's 400 (the page, shown to them, has no form).
    /// </summary>
    private static readonly AccessGrid OutsidersPosting = Partnership(
        /* non-public */ "-  -  -  -  -  -  A  A  U  U  -  U",
        /* public     */ "-  -  -  -  -  -  A  A  A  A  -  A");

    private static readonly AccessGrid OutsidersPostingSignedIn = Partnership(
        /* non-public */ "-  -  -  -  -  -  A  A  U  U  -  S",
        /* public     */ "-  -  -  -  -  -  A  A  A  A  -  S");

    private static readonly ConditionalWeakTable<AccessWorld, Task<Made>> Worlds = [];

    /// <summary>The two partnerships and an organisation, made once per world.</summary>
    private sealed record Made(Guid NonPublic, Guid Public, int OrganisationId);

    private static Task<Made> MadeAsync(AccessWorld world) => Worlds.GetValue(world, MakeAsync);

    private static async Task<Made> MakeAsync(AccessWorld world)
    {
        await using var scope = world.Factory.OpenSystemDb();
        var organisation = new Organisation
        {
            Name = $"Matrix Clinics Association {TestAccounts.UniqueSuffix()}", CountryIso3 = AccessWorld.Country,
            Sector = OrganisationSector.PrivateForProfit, Type = StakeholderGroup.PrivateSectorAssociation,
        };
        scope.Db.Organisations.Add(organisation);
        Partnership Make(RoundKind kind, bool isPublic) => new()
        {
            CountryIso3 = AccessWorld.Country,
            IsPublic = isPublic,
            Title = LocalizedText.English($"Partnership for {world.Rounds[kind].Title}"),
            CreatedAt = TimeProvider.System.GetUtcNow(),
        };
        var hidden = Make(RoundKind.Draft, isPublic: false);
        var shown = Make(RoundKind.Published, isPublic: true);
        scope.Db.AddRange(hidden, shown);
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return new Made(hidden.Id, shown.Id, organisation.Id);
    }

    /// <summary>For rules elsewhere that show the country's partnerships (the country profile): makes them, names no route value.</summary>
    internal static async Task<IReadOnlyDictionary<string, string>> WithPartnershipsAsync(Cell cell)
    {
        await MadeAsync(cell.World);
        return new Dictionary<string, string>();
    }

    private static async Task<Guid> PartnershipOf(Cell cell)
    {
        var made = await MadeAsync(cell.World);
        return cell.Kind == RoundKind.Published ? made.Public : made.NonPublic;
    }

    private static async Task<IReadOnlyDictionary<string, string>> Ids(Cell cell) => Values("id", await PartnershipOf(cell));

    /// <summary>A risk (or a party) of the cell's partnership, for the routes that name one.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> WithChild(Cell cell, string name)
    {
        var id = await PartnershipOf(cell);
        await using var scope = cell.World.Factory.OpenSystemDb();
        Guid child;
        if (name == "riskId")
        {
            var risk = new PartnershipRisk { PartnershipId = id, Description = $"Risk {cell.Unique}", Likelihood = 2, Impact = 2, CreatedAt = TimeProvider.System.GetUtcNow() };
            scope.Db.Add(risk);
            child = risk.Id;
        }
        else
        {
            var organisation = new Organisation
            {
                Name = $"Party {cell.Unique}", CountryIso3 = AccessWorld.Country, Sector = OrganisationSector.Public, Type = StakeholderGroup.MinistryOfHealth,
            };
            var party = new PartnershipParty { PartnershipId = id, Organisation = organisation, Role = PartyRole.PublicParty };
            scope.Db.Add(party);
            child = party.Id;
        }
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["id"] = id.ToString(), [name] = child.ToString() };
    }

    private static async Task<IReadOnlyDictionary<string, string>> OrganisationId(Cell cell) =>
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = (await MadeAsync(cell.World)).OrganisationId.ToString(CultureInfo.InvariantCulture),
        };

    private static AccessRule Api(string method, string pattern, AccessGrid grid, Func<Cell, object>? body = null,
        Func<Cell, Task<IReadOnlyDictionary<string, string>>>? fresh = null) =>
        new(method, pattern, grid)
        {
            Fresh = fresh ?? Ids,
            Body = body is null ? null : (cell, _) => Task.FromResult<HttpContent?>(JsonContent.Create(body(cell))),
        };

    private static AccessRule Page(string pattern, AccessGrid grid, Func<Cell, Task<IReadOnlyDictionary<string, string>>>? fresh = null) =>
        Get(pattern, grid) with { Fresh = fresh ?? Ids };

    private static AccessRule PageForm(string pattern, string formName, Caller insider, AccessGrid grid,
        Func<Cell, Task<IReadOnlyDictionary<string, string>>>? fresh = null) =>
        Form(pattern, formName, insider, grid) with { Fresh = fresh ?? Ids };

    private static object PartnershipBody(Cell cell) => new
    {
        countryIso3 = AccessWorld.Country, title = new { en = $"Matrix partnership {cell.Unique}" }, type = "Contract", setting = "Stable", version = 0,
    };

    public static IReadOnlyList<AccessRule> All { get; } =
    [
        // Partnership register API
        Get("/api/partnerships", Lists, query: "country={country}"),
        Json("POST", "/api/partnerships", Once("A  A  A  A  A  A  F  F  F  F  A  S"), PartnershipBody),
        Api("GET", "/api/partnerships/{id:guid}", Reads),
        // The title and the public choice are kept, so the cells after it still find the partnership as it was.
        Api("PUT", "/api/partnerships/{id:guid}", Writes, cell => new
        {
            title = new { en = $"Partnership for {cell.Round.Title}" }, type = "Contract", setting = "Stable",
            isPublic = cell.Kind == RoundKind.Published, version = 0,
        }),
        Api("POST", "/api/partnerships/{id:guid}/stage", Writes, _ => new { to = "PartnershipAgreement" }),
        Api("POST", "/api/partnerships/{id:guid}/due-diligence", Writes, _ => new
        {
            checkedOn = "2025-01-10", checkedBy = "Matrix", scope = "Ownership", finding = "Nothing found", outcome = "Proceed",
        }),
        Api("POST", "/api/partnerships/{id:guid}/risks", Writes, cell => new { description = $"Risk {cell.Unique}", likelihood = 3, impact = 3 }),
        Api("POST", "/api/partnerships/{id:guid}/risks/{riskId:guid}/close", Writes, fresh: cell => WithChild(cell, "riskId")),
        Api("DELETE", "/api/partnerships/{id:guid}/parties/{partyId:guid}", Writes, fresh: cell => WithChild(cell, "partyId")),
        Api("POST", "/api/partnerships/{id:guid}/parties", Writes, cell => new
        {
            role = "Funder", organisation = new { name = $"Funder {cell.Unique}", sector = "International", type = "DevelopmentPartner" },
        }),

        // Organisations API: open reads; editors write; country teams add their own country's.
        Get("/api/organisations", Once("A  A  A  A  A  A  A  A  A  A  A  A"), query: "country={country}"),
        Api("GET", "/api/organisations/{id:int}", Once("A  A  A  A  A  A  A  A  A  A  A  A"), fresh: OrganisationId),
        Json("POST", "/api/organisations", Once("A  A  A  A  A  A  F  F  F  F  A  S"), cell => new
        {
            name = $"Matrix organisation {cell.Unique}", countryIso3 = AccessWorld.Country, sector = "Public", type = "MinistryOfHealth",
        }),
        Api("PUT", "/api/organisations/{id:int}", Once("F  F  F  F  F  A  F  F  F  F  A  S"), cell => new
        {
            name = $"Matrix Clinics Association {cell.Unique}", countryIso3 = AccessWorld.Country, sector = "PrivateForProfit", type = "PrivateSectorAssociation",
        }, OrganisationId),

        // Partnership pages
        Get("/partnerships", Lists, query: "country={country}"),
        Form("/partnerships", "none", Caller.Anonymous, Once("A  A  A  A  A  A  A  A  A  A  A  A")),
        Get("/partnerships/new", Once("A  A  A  A  A  A  A  A  A  A  A  S")),
        Form("/partnerships/new", "partnership-edit", Caller.FocalPoint, Once("A  A  A  A  A  A  A  A  A  A  A  S")),
        Page("/partnerships/{Id:guid}", Reads),
        PageForm("/partnerships/{Id:guid}", "partnership-risk", Caller.FocalPoint, OutsidersPosting),
        Page("/partnerships/{Id:guid}/edit", SignedInReads),
        PageForm("/partnerships/{Id:guid}/edit", "partnership-edit", Caller.FocalPoint, OutsidersPostingSignedIn),

        // Organisations pages
        Get("/organisations", Once("A  A  A  A  A  A  A  A  A  A  A  A")),
        Form("/organisations", "none", Caller.Anonymous, Once("A  A  A  A  A  A  A  A  A  A  A  A")),
        Get("/organisations/new", Once("A  A  A  A  A  A  A  A  A  A  A  S")),
        Form("/organisations/new", "organisation-edit", Caller.Administrator, Once("A  A  A  A  A  A  A  A  A  A  A  S")),
        Page("/organisations/{Id:int}", Once("A  A  A  A  A  A  A  A  A  A  A  A"), OrganisationId),
        PageForm("/organisations/{Id:int}", "none", Caller.Anonymous, Once("A  A  A  A  A  A  A  A  A  A  A  A"), OrganisationId),
        Page("/organisations/{Id:int}/edit", Once("A  A  A  A  A  A  A  A  A  A  A  S"), OrganisationId),
        PageForm("/organisations/{Id:int}/edit", "organisation-edit", Caller.Administrator, Once("A  A  A  A  A  A  A  A  A  A  A  S"), OrganisationId),
    ];
}
