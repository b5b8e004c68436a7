using Pathway.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;

namespace Pathway.Web.Connector.Peers;

public sealed record PeerMoveDto(int FromLevel, int ToLevel, int FromYear, int ToYear);

public sealed record PeerEvidenceDto(PeerEvidenceKind Kind, string Title, string Url, bool IsDemonstration);

public sealed record PeerDto(
    string CountryIso3, string CountryName, int LatestLevel, int LatestYear, bool PublishedHigher,
    IReadOnlyList<PeerMoveDto> MovesUp, IReadOnlyList<PeerEvidenceDto> Evidence, bool IsDemonstration);

/// <summary>One page of peers (<see cref="PeerDirectory.PageSize"/> a page): <c>Total</c> countries in <c>Pages</c> pages.</summary>
public sealed record PeersDto(string MechanismCode, int FromLevel, string? CountryIso3, int Total, int Page, int Pages, IReadOnlyList<PeerDto> Peers);

public sealed record ExchangeDto(
    Guid Id, string FromCountryIso3, string ToCountryIso3, string MechanismCode, string Message, string RequesterName,
    ExchangeStatus Status, DateTimeOffset RequestedAt, string? Reply, string? AnsweredByName, DateTimeOffset? AnsweredAt)
{
    public static ExchangeDto From(ExchangeRequest r) => new(r.Id, r.FromCountryIso3, r.ToCountryIso3, r.MechanismCode, r.Message,
        r.RequesterName, r.Status, r.RequestedAt, r.Reply, r.AnsweredByName, r.AnsweredAt);
}

public sealed record ExchangeListsDto(IReadOnlyList<ExchangeDto> Incoming, IReadOnlyList<ExchangeDto> Outgoing);

/// <summary>Peer learning over the API: who to learn from on a mechanism (public, published results only), and exchange requests (signed in).</summary>
public static class PeersApi
{
    public static IEndpointRouteBuilder MapPeersApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/api/peers/{code}", Peers).WithTags("Peer learning").WithName("GetPeers")
            .WithDescription("Countries to learn from on a mechanism, from published results only: those whose latest published level is "
                + "higher than ?from= (else the ?country='s latest published level, else 1), and those that stepped up between published "
                + "rounds, with what they shared; ?page= pages through them, 20 a page. 404 for a mechanism no framework version has.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CacheOutput(PublicPageCache.Policy);

        var api = routes.MapGroup("/api/exchanges").WithTags("Peer learning").RequireAuthorization(Policies.ApiUser);
        api.MapGet("/", List).WithName("ListExchanges")
            .WithDescription("The caller's country's exchange requests, incoming and outgoing (every request for administrators).");
        api.MapPost("/", Request).WithName("RequestExchange")
            .WithDescription("Asks another country that published results on the mechanism for an exchange; its focal points are told. "
                + "Country focal points and contributors only (403); 409 when the same request is already pending.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{exchangeId:guid}", Get).WithName("GetExchange")
            .WithDescription("One exchange request; 404 unless the caller belongs to one of its two countries or is an administrator.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{exchangeId:guid}/answer", Answer).WithName("AnswerExchange")
            .WithDescription("Accepts (optionally with a reply sharing contact details) or declines a pending request: the asked country's "
                + "focal points or an administrator (403 for others who see it); the requester is told. 409 once answered.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<PeersDto>, ProblemHttpResult>> Peers(
        string code, int? from, string? country, int? page, PeerDirectory directory, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (await directory.ForAsync(code, from, country, page ?? 1, PeerDirectory.PageSize, cancellationToken) is not { } view)
        {
            return TypedResults.Problem(title: l["Peers.NotFoundTitle"], detail: l["Peers.NotFound"], statusCode: StatusCodes.Status404NotFound);
        }
        return TypedResults.Ok(new PeersDto(view.MechanismCode, view.FromLevel, view.AskingIso3, view.Total, view.Page, view.Pages,
            [.. view.Peers.Select(peer => new PeerDto(peer.Country.Iso3, peer.Country.Name.Current, peer.Country.Latest.Level, peer.Country.Latest.Year,
                peer.PublishedHigher, [.. peer.MovesUp.Select(move => new PeerMoveDto(move.FromLevel, move.ToLevel, move.FromYear, move.ToYear))],
                [.. view.EvidenceOf(peer.Country.Iso3).Select(item => new PeerEvidenceDto(item.Kind, item.Title.Current, item.Url, item.IsDemonstration))],
                peer.Country.IsDemonstration))]));
    }

    public static async Task<Ok<ExchangeListsDto>> List(ExchangeDesk desk, CancellationToken cancellationToken)
    {
        var lists = await desk.ListAsync(cancellationToken);
        return TypedResults.Ok(new ExchangeListsDto([.. lists.Incoming.Select(ExchangeDto.From)], [.. lists.Outgoing.Select(ExchangeDto.From)]));
    }

    public static async Task<Results<Created<ExchangeDto>, ProblemHttpResult>> Request(
        ExchangeInput input, ExchangeDesk desk, CancellationToken cancellationToken) =>
        (await desk.RequestAsync(input, cancellationToken)).ToResult(request => TypedResults.Created($"/api/exchanges/{request.Id}", ExchangeDto.From(request)));

    public static async Task<Results<Ok<ExchangeDto>, ProblemHttpResult>> Get(Guid exchangeId, ExchangeDesk desk, CancellationToken cancellationToken) =>
        (await desk.FindAsync(exchangeId, cancellationToken)).ToResult(request => TypedResults.Ok(ExchangeDto.From(request)));

    public static async Task<Results<Ok<ExchangeDto>, ProblemHttpResult>> Answer(
        Guid exchangeId, ExchangeAnswerInput input, ExchangeDesk desk, CancellationToken cancellationToken) =>
        (await desk.AnswerAsync(exchangeId, input, cancellationToken)).ToResult(request => TypedResults.Ok(ExchangeDto.From(request)));
}
