using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;

namespace Pathway.Web.Connector.Helpdesk;

/// <summary>A question as its asker, its expert and the editors read it (Markdown as written).</summary>
public sealed record QuestionDto(
    Guid Id, string Question, string? BehaviourCode, string? MechanismCode, string? CountryIso3, HelpdeskStatus Status,
    string AskerName, DateTimeOffset AskedAt, string? ExpertName, string? Answer, string? AnsweredByName, DateTimeOffset? AnsweredAt,
    IReadOnlyDictionary<string, string>? FaqQuestion, IReadOnlyDictionary<string, string>? FaqAnswer, DateTimeOffset? PublishedAt, bool IsDemonstration)
{
    public static QuestionDto From(HelpdeskQuestion q) => new(q.Id, q.Question, q.BehaviourCode, q.MechanismCode, q.CountryIso3, q.Status,
        q.AskerName, q.AskedAt, q.ExpertName, q.Answer, q.AnsweredByName, q.AnsweredAt, q.FaqQuestion?.Values, q.FaqAnswer?.Values, q.PublishedAt, q.IsDemonstration);
}

/// <summary>A published FAQ entry in the request's language (English where not translated); no asker.</summary>
public sealed record FaqDto(Guid Id, string Question, string Answer, string? BehaviourCode, string? MechanismCode, string? CountryIso3,
    DateTimeOffset PublishedAt, bool IsDemonstration);

/// <summary>The helpdesk over the API, with the pages' rules: ask, my questions, the editors' queue, answer, route, publish.</summary>
public static class HelpdeskApi
{
    public static IEndpointRouteBuilder MapHelpdeskApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/api/helpdesk/faq", Faq).WithTags("Helpdesk").WithName("ListHelpdeskFaq")
            .WithDescription("Published FAQ entries, newest first, filtered by ?behaviour= and ?mechanism=; open to everyone. The asker is never named.");

        var api = routes.MapGroup("/api/helpdesk").WithTags("Helpdesk").RequireAuthorization(Policies.ApiUser);
        api.MapPost("/", Ask).WithName("AskHelpdesk")
            .WithDescription("Asks a question (Markdown), tagged by behaviour, mechanism and optionally country (codes checked against the framework).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/mine", Mine).WithName("ListMyHelpdeskQuestions").WithDescription("The caller's own questions with their status, newest first.");
        api.MapGet("/queue", Queue).WithName("HelpdeskQueue")
            .WithDescription("Editors only (403 otherwise): open and routed questions, oldest first, then answered ones not yet published.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/{questionId:guid}", Get).WithName("GetHelpdeskQuestion")
            .WithDescription("One question: for its asker, the expert it was routed to and editors; 404 for anyone else.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{questionId:guid}/answer", Answer).WithName("AnswerHelpdeskQuestion")
            .WithDescription("Answers (Markdown): editors, or the expert while the question is routed to them; the asker is told.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{questionId:guid}/route", Route).WithName("RouteHelpdeskQuestion")
            .WithDescription("Editors route an open question to an expert named by e-mail address or display name; the expert is told.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{questionId:guid}/publish", Publish).WithName("PublishHelpdeskAnswer")
            .WithDescription("Editors publish an answered question as a FAQ entry (question and answer per language, English required); it enters search.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{questionId:guid}/publish", Unpublish).WithName("UnpublishHelpdeskAnswer")
            .WithDescription("Editors take a FAQ entry down (back to answered); it leaves search.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{questionId:guid}/close", Close).WithName("CloseHelpdeskQuestion")
            .WithDescription("Editors close a question without a public answer.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Ok<List<FaqDto>>> Faq(string? behaviour, string? mechanism, HelpdeskFaq faq, CancellationToken cancellationToken) =>
        TypedResults.Ok((await faq.ListAsync(behaviour, mechanism, cancellationToken))
            .Select(e => new FaqDto(e.Id, e.Question.Current, e.Answer.Current, e.BehaviourCode, e.MechanismCode, e.CountryIso3, e.PublishedAt, e.IsDemonstration))
            .ToList());

    public static async Task<Results<Created<QuestionDto>, ProblemHttpResult>> Ask(AskInput input, HelpdeskDesk desk, CancellationToken cancellationToken) =>
        (await desk.AskAsync(input, cancellationToken)).ToResult(q => TypedResults.Created($"/api/helpdesk/{q.Id}", QuestionDto.From(q)));

    public static async Task<Ok<List<QuestionDto>>> Mine(HelpdeskDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok((await desk.MineAsync(cancellationToken)).Select(QuestionDto.From).ToList());

    public static async Task<Results<Ok<List<QuestionDto>>, ProblemHttpResult>> Queue(
        HelpdeskDesk desk, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        await desk.QueueAsync(cancellationToken) is { } queue
            ? TypedResults.Ok(queue.Select(QuestionDto.From).ToList())
            : Failure.Forbidden(l["Helpdesk.Error.Title"], l["Helpdesk.Error.EditorsOnly"]).ToProblem();

    public static async Task<Results<Ok<QuestionDto>, ProblemHttpResult>> Get(Guid questionId, HelpdeskDesk desk, CancellationToken cancellationToken) =>
        (await desk.OpenAsync(questionId, cancellationToken)).ToResult(open => TypedResults.Ok(QuestionDto.From(open.Question)));

    public static async Task<Results<Ok<QuestionDto>, ProblemHttpResult>> Answer(
        Guid questionId, AnswerInput input, HelpdeskDesk desk, CancellationToken cancellationToken) =>
        (await desk.AnswerAsync(questionId, input, cancellationToken)).ToResult(q => TypedResults.Ok(QuestionDto.From(q)));

    public static async Task<Results<Ok<QuestionDto>, ProblemHttpResult>> Route(
        Guid questionId, RouteInput input, HelpdeskDesk desk, CancellationToken cancellationToken) =>
        (await desk.RouteAsync(questionId, input, cancellationToken)).ToResult(q => TypedResults.Ok(QuestionDto.From(q)));

    public static async Task<Results<Ok<QuestionDto>, ProblemHttpResult>> Publish(
        Guid questionId, PublishInput input, HelpdeskDesk desk, CancellationToken cancellationToken) =>
        (await desk.PublishAsync(questionId, input, cancellationToken)).ToResult(q => TypedResults.Ok(QuestionDto.From(q)));

    public static async Task<Results<Ok<QuestionDto>, ProblemHttpResult>> Unpublish(Guid questionId, HelpdeskDesk desk, CancellationToken cancellationToken) =>
        (await desk.UnpublishAsync(questionId, cancellationToken)).ToResult(q => TypedResults.Ok(QuestionDto.From(q)));

    public static async Task<Results<Ok<QuestionDto>, ProblemHttpResult>> Close(Guid questionId, HelpdeskDesk desk, CancellationToken cancellationToken) =>
        (await desk.CloseAsync(questionId, cancellationToken)).ToResult(q => TypedResults.Ok(QuestionDto.From(q)));
}
