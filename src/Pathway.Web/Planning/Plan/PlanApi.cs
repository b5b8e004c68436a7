using Microsoft.AspNetCore.Http.HttpResults;

namespace Pathway.Web.Planning;

/// <summary>
/// A round's action plan over the API. Anyone who can see the round reads it; the country team
/// (focal point, facilitators) changes it once the round is validated; the focal point endorses it.
/// An invisible round, or an item of another round, is 404; a visible round the caller may not change is 403.
/// </summary>
internal static class PlanApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/{id:guid}/plan", GetPlan).WithName("GetRoundPlan")
            .WithDescription("The round's action plan: status (Draft|Endorsed), who endorsed it and when, the number of audited changes " +
                "since the endorsement, and its items in framework order of their mechanism. Each item carries its status " +
                "(NotStarted|OnTrack|Delayed|Done|Dropped), isOverdue (due before today, UTC, and not done or dropped), carriedOver, " +
                "its progress notes and its version. planId is null while the plan is not started.");
        routes.MapPost("/{id:guid}/plan", StartPlan).WithName("StartRoundPlan")
            .WithDescription("Starts the plan, carrying over the open items (not done or dropped) of the country's most recent earlier " +
                "round of the same scope that has a plan, where their mechanism is still in this round's framework. Starting a started " +
                "plan changes nothing. Country team only, once the round is validated.");
        routes.MapPost("/{id:guid}/plan/items", AddItem).WithName("AddRoundPlanItem")
            .WithDescription("Adds an item. Either written from scratch: mechanismCode, what (required, ≤ 2000), type, " +
                "responsibleOrganisation, responsiblePerson, start, due (not before start), resources, budget (≥ 0, with a three-letter " +
                "currency), fromLevel and toLevel (1–4, from < to, to not below the mechanism's agreed level). Or in one step from the " +
                "recommendation catalogue: {mechanismCode, recommendationCode} copies the action's text (in the request's language) and " +
                "type, from the agreed level to the target, starting today and due after the action's typical horizon; the other fields " +
                "are not read. Starts the plan when needed. 400 with field errors; nothing is saved on any error.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        routes.MapGet("/{id:guid}/plan/items/{itemId:guid}", GetItem).WithName("GetRoundPlanItem")
            .WithDescription("One item of the round's plan with its progress notes; 404 for an item of another round.");
        routes.MapPut("/{id:guid}/plan/items/{itemId:guid}", PutItem).WithName("PutRoundPlanItem")
            .WithDescription("Changes an item's fields (as when adding one from scratch) with version = the version you saw. A stale " +
                "version answers 409 with the stored item under \"current\". The status changes through progress notes.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        routes.MapDelete("/{id:guid}/plan/items/{itemId:guid}", DeleteItem).WithName("DeleteRoundPlanItem")
            .WithDescription("Removes an item and its progress notes; the audit trail keeps what they were.");
        routes.MapPost("/{id:guid}/plan/items/{itemId:guid}/notes", AddNote).WithName("AddRoundPlanItemNote")
            .WithDescription("Records a dated progress note {on, status, text}: on is not after today (UTC) nor before the item's latest " +
                "note; status (NotStarted|OnTrack|Delayed|Done|Dropped) becomes the item's status. Done records the completion date; " +
                "any other status clears it. Answers the item as it now is.");
        routes.MapPost("/{id:guid}/plan/endorsement", Endorse).WithName("EndorseRoundPlan")
            .WithDescription("The focal point endorses the plan {note?}: refused (400, listing the items under errors.Items) until the " +
                "plan has an item and every open item has a responsible organisation and a due date. Records who and when; items stay " +
                "editable, and every later change is in the round's audit trail and counted in changesSinceEndorsement.");
    }

    public static async Task<Results<Ok<PlanView>, ProblemHttpResult>> GetPlan(
        Guid id, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        var opened = await rounds.OpenAsync(id, cancellationToken);
        if (opened.Value is not { } round)
        {
            return opened.Failure!.ToProblem();
        }
        return TypedResults.Ok(await book.ReadAsync(round, cancellationToken));
    }

    public static async Task<Results<Ok<PlanView>, ProblemHttpResult>> StartPlan(
        Guid id, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        var opened = await rounds.OpenAsync(id, cancellationToken);
        if (opened.Value is not { } round)
        {
            return opened.Failure!.ToProblem();
        }
        return Answer(await book.StartAsync(round, cancellationToken));
    }

    public static async Task<Results<Created<ActionItemView>, ProblemHttpResult>> AddItem(
        Guid id, ActionItemInput body, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        var opened = await rounds.OpenAsync(id, cancellationToken);
        if (opened.Value is not { } round)
        {
            return opened.Failure!.ToProblem();
        }
        var added = string.IsNullOrWhiteSpace(body.RecommendationCode)
            ? await book.AddItemAsync(round, body, cancellationToken)
            : await book.AddFromRecommendationAsync(round, body.MechanismCode, body.RecommendationCode, cancellationToken);
        if (added.Value is not { } item)
        {
            return added.Failure!.ToProblem();
        }
        return TypedResults.Created($"/api/assessments/{id}/plan/items/{item.Id}", item);
    }

    public static async Task<Results<Ok<ActionItemView>, ProblemHttpResult>> GetItem(
        Guid id, Guid itemId, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        var opened = await rounds.OpenAsync(id, cancellationToken);
        if (opened.Value is not { } round)
        {
            return opened.Failure!.ToProblem();
        }
        return Answer(await book.ReadItemAsync(round, itemId, cancellationToken));
    }

    public static async Task<Results<Ok<ActionItemView>, ProblemHttpResult>> PutItem(
        Guid id, Guid itemId, ActionItemInput body, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        var opened = await rounds.OpenAsync(id, cancellationToken);
        if (opened.Value is not { } round)
        {
            return opened.Failure!.ToProblem();
        }
        return Answer(await book.UpdateItemAsync(round, itemId, body, cancellationToken));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteItem(
        Guid id, Guid itemId, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        var opened = await rounds.OpenAsync(id, cancellationToken);
        if (opened.Value is not { } round)
        {
            return opened.Failure!.ToProblem();
        }
        var removed = await book.RemoveItemAsync(round, itemId, cancellationToken);
        return removed.Succeeded ? TypedResults.NoContent() : removed.Failure!.ToProblem();
    }

    public static async Task<Results<Ok<ActionItemView>, ProblemHttpResult>> AddNote(
        Guid id, Guid itemId, ProgressNoteInput body, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        var opened = await rounds.OpenAsync(id, cancellationToken);
        if (opened.Value is not { } round)
        {
            return opened.Failure!.ToProblem();
        }
        return Answer(await book.AddNoteAsync(round, itemId, body, cancellationToken));
    }

    public static async Task<Results<Ok<PlanView>, ProblemHttpResult>> Endorse(
        Guid id, EndorsementInput body, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        var opened = await rounds.OpenAsync(id, cancellationToken);
        if (opened.Value is not { } round)
        {
            return opened.Failure!.ToProblem();
        }
        return Answer(await book.EndorseAsync(round, body.Note, cancellationToken));
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> outcome) =>
        outcome.Value is { } value ? TypedResults.Ok(value) : outcome.Failure!.ToProblem();
}
