using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Connector.Helpdesk;
using Pathway.Web.Connector.Peers;
using static Pathway.IntegrationTests.Assessments.AccessGrids;

namespace Pathway.IntegrationTests.Connector;

/// <summary>Peer learning, exchange requests and the helpdesk (issue 11 §6, §7), API and pages, as the matrix says.</summary>
public class PeersAccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public Task Peers_exchanges_and_helpdesk_answer_every_caller_as_the_matrix_says() =>
        AccessMatrixRunner.AssertAsync(fixture.World, PeersAccessRules.All);
}

/// <summary>
/// Issue 11 §6 and §7 in the access matrix: peer learning (public, from published results), exchange requests (only the
/// two countries' people and administrators) and the helpdesk (a question for its asker and the editors; the queue and
/// moderation for editors; the FAQ for everyone). None of these reads a round, so each is asked once (with the published
/// round's world): a fresh exchange request from the other country (KEN) to the round's country (EGY), or a fresh
/// question asked by the round's focal point, per cell.
/// </summary>
public static class PeersAccessRules
{
    private const string NotChecked = "-  -  -  -  -  -  -  -  -  -  -  -";

    /// <summary>The same answer whatever the round: asked once, the other round kinds not checked.</summary>
    private static AccessGrid Once(string row) => new(NotChecked, NotChecked, NotChecked, NotChecked, NotChecked, NotChecked, row);

    //                                       FP Fa Re Ob Co Ad RO Rv OR OC CE An
    private static readonly AccessGrid Everyone = Once("A  A  A  A  A  A  A  A  A  A  A  A");

    private static readonly AccessGrid SignedIn = Once("A  A  A  A  A  A  A  A  A  A  A  S");

    /// <summary>A page without a form of its own: a post is answered 400, signed in or not (or sent to sign in first).</summary>
    private static readonly AccessGrid PagePost = Once("-  -  -  -  -  -  -  -  -  A  A  A");

    private static readonly AccessGrid SignedInPagePost = Once("-  -  -  -  -  -  -  -  -  A  A  S");

    /// <summary>An exchange request from KEN to EGY: EGY's people, administrators and KEN's focal point; nobody else.</summary>
    private static readonly AccessGrid ExchangeReads = Once("A  A  A  A  A  A  N  N  N  A  N  S");

    /// <summary>Answered by EGY's focal point or an administrator; the rest of the two countries see it but may not (403).</summary>
    private static readonly AccessGrid ExchangeAnswers = Once("A  F  F  F  F  A  N  N  N  F  N  S");

    /// <summary>A question asked by EGY's focal point: the asker and the editors (content editors, administrators).</summary>
    private static readonly AccessGrid QuestionReads = Once("A  N  N  N  N  A  N  N  N  N  A  S");

    /// <summary>Editors only; the asker sees the question but may not (403).</summary>
    // A page's form posted by someone the page does not show it to (U) is refused by Blazor's form dispatch (400) before
    // any handler runs, whether or not they may read the page: nothing is written, and existence does not show.

    private static readonly AccessGrid QuestionModeration = Once("F  N  N  N  N  A  N  N  N  N  A  S");

    public static IReadOnlyList<AccessRule> All { get; } =
    [
        // Who can we learn from: public, published results only.
        Get("/peers/{Code}", Everyone),
        Form("/peers/{Code}", "none", Caller.Anonymous, PagePost),
        Get("/api/peers/{code}", Everyone),

        // Requesting an exchange: country users of another country (the round's country asking itself is refused with a message).
        Get("/peers/{Code}/exchange/{Iso3}", SignedIn),
        Form("/peers/{Code}/exchange/{Iso3}", "exchange-request", Caller.OtherCountry, Once("U  U  U  U  U  U  U  U  U  A  U  S")),
        Json("POST", "/api/exchanges", Once("A  A  A  A  A  F  F  F  F  A  F  S"), cell => new
        {
            toCountry = AccessWorld.Country, mechanism = cell.Round.MechanismCode, message = $"Matrix {cell.Unique}",
        }) with { After = RemoveRequestsAsync },
        Get("/api/exchanges", SignedIn),
        Get("/exchanges", SignedIn),
        Form("/exchanges", "none", Caller.FocalPoint, SignedInPagePost),
        Get("/exchanges/{ExchangeId:guid}", ExchangeReads) with { Fresh = FreshExchangeAsync },
        Form("/exchanges/{ExchangeId:guid}", "exchange-answer", Caller.FocalPoint, Once("A  U  U  U  U  A  U  U  U  U  U  S")) with { Fresh = FreshExchangeAsync },
        Get("/api/exchanges/{exchangeId:guid}", ExchangeReads) with { Fresh = FreshExchangeAsync },
        Json("POST", "/api/exchanges/{exchangeId:guid}/answer", ExchangeAnswers, _ => new { accept = false }) with { Fresh = FreshExchangeAsync },

        // The helpdesk: anyone signed in asks; the FAQ is public.
        Get("/helpdesk", SignedIn),
        Form("/helpdesk", "helpdesk-ask", Caller.FocalPoint, SignedIn),
        Get("/helpdesk/faq", Everyone),
        Form("/helpdesk/faq", "none", Caller.Anonymous, PagePost),
        Get("/helpdesk/queue", Once("N  N  N  N  N  A  N  N  N  N  A  S")),
        Form("/helpdesk/queue", "none", Caller.ContentEditor, SignedInPagePost),
        Get("/helpdesk/{QuestionId:guid}", QuestionReads) with { Fresh = FreshQuestionAsync },
        Form("/helpdesk/{QuestionId:guid}", "helpdesk-answer", Caller.ContentEditor, Once("U  U  U  U  U  A  U  U  U  U  A  S")) with { Fresh = FreshQuestionAsync },
        Json("POST", "/api/helpdesk", SignedIn, cell => new { question = $"Matrix question {cell.Unique}?" }),
        Get("/api/helpdesk/mine", SignedIn),
        Get("/api/helpdesk/queue", Once("F  F  F  F  F  A  F  F  F  F  A  S")),
        Get("/api/helpdesk/faq", Everyone),
        Get("/api/helpdesk/{questionId:guid}", QuestionReads) with { Fresh = FreshQuestionAsync },
        Json("POST", "/api/helpdesk/{questionId:guid}/answer", QuestionModeration, _ => new { answer = "An answer." }) with { Fresh = FreshQuestionAsync },
        Json("POST", "/api/helpdesk/{questionId:guid}/route", QuestionModeration, _ => new { expert = "nobody@example.org" }) with { Fresh = FreshQuestionAsync },
        Json("POST", "/api/helpdesk/{questionId:guid}/publish", QuestionModeration, _ => new { questionEn = "Q", answerEn = "A" }) with { Fresh = FreshQuestionAsync },
        new AccessRule("DELETE", "/api/helpdesk/{questionId:guid}/publish", QuestionModeration) { Fresh = FreshQuestionAsync },
        new AccessRule("POST", "/api/helpdesk/{questionId:guid}/close", QuestionModeration) { Fresh = FreshQuestionAsync },
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A pending request from the other country's focal point to the round's country, on a code of its own.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> FreshExchangeAsync(Cell cell)
    {
        await using var scope = cell.World.Factory.OpenSystemDb();
        var requester = cell.World.Users[Caller.OtherCountry];
        var request = new ExchangeRequest
        {
            FromCountryIso3 = AccessWorld.OtherCountryIso3,
            ToCountryIso3 = AccessWorld.Country,
            MechanismCode = $"M.{TestAccounts.UniqueSuffix()}",
            Message = "Matrix exchange",
            RequesterId = requester.Id,
            RequesterName = requester.Email,
            RequestedAt = TimeProvider.System.GetUtcNow(),
        };
        scope.Db.Set<ExchangeRequest>().Add(request);
        await scope.Db.SaveChangesAsync(Ct);
        return new Dictionary<string, string> { ["exchangeId"] = request.Id.ToString() };
    }

    /// <summary>An open question asked by the round's focal point.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> FreshQuestionAsync(Cell cell)
    {
        await using var scope = cell.World.Factory.OpenSystemDb();
        var asker = cell.World.Users[Caller.FocalPoint];
        var question = new HelpdeskQuestion
        {
            AskerId = asker.Id,
            AskerName = asker.Email,
            Question = $"Matrix question {cell.Unique}?",
            AskedAt = TimeProvider.System.GetUtcNow(),
        };
        scope.Db.Set<HelpdeskQuestion>().Add(question);
        await scope.Db.SaveChangesAsync(Ct);
        return new Dictionary<string, string> { ["questionId"] = question.Id.ToString() };
    }

    /// <summary>Takes out the requests a cell made, so the next asks afresh.</summary>
    private static async Task RemoveRequestsAsync(Cell cell)
    {
        await using var scope = cell.World.Factory.OpenSystemDb();
        await scope.Db.Set<ExchangeRequest>().Where(r => r.Message.StartsWith("Matrix ")).ExecuteDeleteAsync(Ct);
    }
}
