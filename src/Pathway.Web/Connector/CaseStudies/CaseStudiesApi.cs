using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Web.Accounts;

namespace Pathway.Web.Connector.CaseStudies;

/// <summary>
/// Case studies over the API, with the pages' rules: anyone reads published ones (contacts only with a bearer
/// token); a case study's own people (author, country, editors) read and edit it while moderation allows; only
/// editors grade and publish. A case study the caller may not see is 404, one they see but may not change 403.
/// </summary>
internal static class CaseStudiesApi
{
    public static IEndpointRouteBuilder MapCaseStudiesApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var reads = routes.MapGroup("/api/case-studies").WithTags("Case studies").RequireAuthorization(ConnectorSetup.OptionalBearer);
        reads.MapGet("/", List).WithName("ListCaseStudies")
            .WithDescription($"Case studies, {CaseStudyFilter.PageSize} a page (?page=). Filters: country (ISO3), region (WHO code), mechanism, " +
                "behaviour, instrument (an instrument category), evidence (at least: Anecdotal|Descriptive|Monitored|Evaluated|PeerReviewed); " +
                "sort=Newest|Evidence; state=Published (default) or Draft|InReview|Withdrawn, which list only what the caller may see " +
                "(content editors: every country; InReview is their review queue). 400 naming an unknown parameter value.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        reads.MapGet("/{id:guid}", Get).WithName("GetCaseStudy")
            .WithDescription("One case study: bodies per language (Markdown), mechanisms, behaviours, instruments, period, sources, the evidence " +
                "grade with who graded it and when, state, and what the caller may do (can). contacts is null unless signed in.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = routes.MapGroup("/api/case-studies").WithTags("Case studies").RequireAuthorization(Policies.ApiUser);
        writes.MapGet("/proposal", Proposal).WithName("ProposeCaseStudy")
            .WithDescription("A draft prefilled from a done plan item (?assessmentId=&actionItemId=): country, mechanism, what was done, period and " +
                "the link back. Complete it and POST it to /api/case-studies. 404 for a round the caller cannot see, 403 outside the round's " +
                "country, 400 when the item is not done.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/", Create).WithName("CreateCaseStudy")
            .WithDescription("Creates a draft: countryIso3, fromYear, toYear?, title/problem/whatWasDone (English required) and results/lessons/" +
                "doneDifferently as {en, fr, ar} Markdown, mechanisms (≥ 1), instruments, partnershipId?, sources [{title, link?, citation?}], " +
                "contacts [{name, role?, organisation?, email?}], and from a plan sourceAssessmentId + sourceActionItemId. The country's people " +
                "and content editors only (403 otherwise); 400 with every field error, nothing saved.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPut("/{id:guid}", Update).WithName("UpdateCaseStudy")
            .WithDescription("Replaces the fields (as when creating) with version = the version you saw; 409 with the stored case study under " +
                "\"current\" when stale. Drafts by their own people; editors also in review and published.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPut("/{id:guid}/grade", Grade).WithName("GradeCaseStudy")
            .WithDescription("Content editors grade the evidence {strength, version}; above Anecdotal needs at least one source. Records who and when.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/{id:guid}/moves", Move).WithName("MoveCaseStudy")
            .WithDescription("A moderation move {to, version}: authors submit (Draft→InReview) and recall (InReview→Draft); editors publish " +
                "(graded ones only), withdraw and take back to draft. Submitting tells the content editors.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<CaseStudyResults>, ProblemHttpResult>> List(
        [AsParameters] CaseStudyFilter filter, CaseStudyReader reader, CancellationToken cancellationToken)
    {
        if (!(await reader.CheckAsync(filter, cancellationToken)).TryGet(out var checkedFilter, out var refused))
        {
            return refused.ToProblem();
        }
        return TypedResults.Ok(await reader.ListAsync(checkedFilter, cancellationToken));
    }

    public static async Task<Results<Ok<CaseStudyView>, ProblemHttpResult>> Get(Guid id, CaseStudyReader reader, CancellationToken cancellationToken) =>
        (await reader.ReadAsync(id, cancellationToken)).ToResult(TypedResults.Ok);

    public static async Task<Results<Ok<CaseStudyInput>, ProblemHttpResult>> Proposal(
        Guid assessmentId, Guid actionItemId, CaseStudyProposals proposals, CancellationToken cancellationToken) =>
        (await proposals.PrefillAsync(assessmentId, actionItemId, cancellationToken)).ToResult(TypedResults.Ok);

    public static async Task<Results<Created<CaseStudyView>, ProblemHttpResult>> Create(
        CaseStudyInput input, CaseStudyBook book, CaseStudyReader reader, CancellationToken cancellationToken)
    {
        if (!(await book.CreateAsync(input, cancellationToken)).TryGet(out var id, out var refused))
        {
            return refused.ToProblem();
        }
        var view = (await reader.ReadAsync(id, cancellationToken)).Value!;
        return TypedResults.Created($"/api/case-studies/{id}", view);
    }

    public static async Task<Results<Ok<CaseStudyView>, ProblemHttpResult>> Update(
        Guid id, CaseStudyInput input, CaseStudyBook book, CaseStudyReader reader, CancellationToken cancellationToken) =>
        await ThenReadAsync(await book.UpdateAsync(id, input, cancellationToken), reader, cancellationToken);

    public static async Task<Results<Ok<CaseStudyView>, ProblemHttpResult>> Grade(
        Guid id, CaseStudyGradeInput input, CaseStudyBook book, CaseStudyReader reader, CancellationToken cancellationToken) =>
        await ThenReadAsync(await book.GradeAsync(id, input, cancellationToken), reader, cancellationToken);

    public static async Task<Results<Ok<CaseStudyView>, ProblemHttpResult>> Move(
        Guid id, CaseStudyMoveInput input, CaseStudyBook book, CaseStudyReader reader, CancellationToken cancellationToken) =>
        await ThenReadAsync(await book.MoveAsync(id, input, cancellationToken), reader, cancellationToken);

    private static async Task<Results<Ok<CaseStudyView>, ProblemHttpResult>> ThenReadAsync(
        Outcome<Guid> written, CaseStudyReader reader, CancellationToken cancellationToken)
    {
        if (!written.TryGet(out var id, out var refused))
        {
            return refused.ToProblem();
        }
        return (await reader.ReadAsync(id, cancellationToken)).ToResult(TypedResults.Ok);
    }
}
