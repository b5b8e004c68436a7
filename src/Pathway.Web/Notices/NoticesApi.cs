using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Localization;

namespace Pathway.Web.Notices;

/// <summary>One notice as its reader reads it, in the request's language (<c>?lang=</c> or Accept-Language).</summary>
public sealed record NoticeDto(
    Guid Id, NoticeKind Kind, string Title, string Body, string Link,
    Guid? AssessmentId, Guid? ActionItemId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record NoticePageDto(IReadOnlyList<NoticeDto> Notices, int Unread, int Total, int Page, int Pages);

public sealed record MarkedReadDto(int Marked);

/// <summary>
/// My work and the notices over the API, for the same person and with the same rules as the pages
/// (<c>/my-work</c>, <c>/notices</c>): every answer is the caller's own.
/// </summary>
public static class NoticesApi
{
    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var api = routes.MapGroup("/api").WithTags("My work and notices").RequireAuthorization(Policies.ApiUser);
        api.MapGet("/my-work", MyWork).WithName("GetMyWork")
            .WithDescription("What waits for the caller, by role and part in rounds: mechanisms to rate with progress, consensus to "
                + "run, reviews waiting in the region, plans to endorse, actions due soon or overdue, invitations not yet accepted.");
        api.MapGet("/notices", List).WithName("ListNotices")
            .WithDescription($"The caller's notices, newest first, {NoticeBoard.PageSize} a page (?page=, from 1), with the unread count; "
                + "title and body in the language of ?lang=en|fr|ar, else Accept-Language. 400 for an unknown language.");
        api.MapPost("/notices/{noticeId:guid}/read", MarkRead).WithName("MarkNoticeRead")
            .WithDescription("Marks one of the caller's notices read: 204; 404 when the notice is not the caller's.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/notices/read", MarkAllRead).WithName("MarkAllNoticesRead")
            .WithDescription("Marks all the caller's notices read and says how many were unread.");
        return routes;
    }

    public static async Task<Ok<MyWork>> MyWork(WorkList work, CancellationToken cancellationToken) =>
        TypedResults.Ok(await work.ForMeAsync(cancellationToken));

    public static async Task<Results<Ok<NoticePageDto>, ValidationProblem>> List(
        int? page, string? lang, NoticeBoard board, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!ApiLanguage.TryResolve(lang, out var language, out var problem))
        {
            return problem!;
        }
        if (!string.IsNullOrEmpty(lang))
        {
            // The localizer reads the UI culture; ?lang= outranks Accept-Language for the rest of this request.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Cultures.Create(language);
        }
        var found = await board.ListAsync(page ?? 1, cancellationToken);
        return TypedResults.Ok(new NoticePageDto(
            [.. found.Notices.Select(notice =>
            {
                var words = NoticeText.For(notice, l);
                return new NoticeDto(notice.Id, notice.Kind, words.Title, words.Body, words.Link,
                    notice.AssessmentId, notice.ActionItemId, notice.CreatedAt, notice.ReadAt);
            })],
            found.Unread, found.Total, found.Page, found.Pages));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(
        Guid noticeId, NoticeBoard board, CancellationToken cancellationToken) =>
        await board.MarkReadAsync(noticeId, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "Notice not found", detail: "There is no such notice among yours.",
                statusCode: StatusCodes.Status404NotFound);

    public static async Task<Ok<MarkedReadDto>> MarkAllRead(NoticeBoard board, CancellationToken cancellationToken) =>
        TypedResults.Ok(new MarkedReadDto(await board.MarkAllReadAsync(cancellationToken)));
}
