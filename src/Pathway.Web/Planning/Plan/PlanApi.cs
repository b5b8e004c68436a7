using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Web.Localization;

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
                "its progress notes and its version. An item copied from the catalogue and not edited since (whatFromCatalogue) reads in " +
                "the language of ?lang=en|fr|ar, else the request's (Accept-Language). planId is null while the plan is not started.");
        routes.MapPost("/{id:guid}/plan", StartPlan).WithName("StartRoundPlan")
            .WithDescription("Starts the plan, carrying over the open items (not done or dropped) of the country's most recent earlier " +
                "round of the same scope that has a plan, where their mechanism is still in this round's framework. Starting a started " +
                "plan changes nothing. Country team only, once the round is validated.");
        routes.MapPost("/{id:guid}/plan/items", AddItem).WithName("AddRoundPlanItem")
            .WithDescription("Adds an item. Either written from scratch: mechanismCode, what (required, ≤ 2000), type, " +
                "responsibleOrganisation, responsiblePerson, start, due (not before start), resources, budget (≥ 0, with a three-letter " +
                "currency), fromLevel and toLevel (1–4, from < to, to not below the mechanism's agreed level). Or from the " +
                "recommendation catalogue: {mechanismCode, recommendationCode, ...} takes the action's text and type; the text is then read " +
                "in each reader's language (?lang= or Accept-Language) until the team edits it (whatFromCatalogue). Levels default to the " +
                "action's own step (an action for 2→3 records 2→3; an evidence-first action goes from the agreed level to the target), " +
                "start to today and due to the action's typical horizon; every other field sent (responsible, dates, resources, budget, " +
                "levels, type, an own text) is kept and replaces its default. Starts the plan when needed. 400 with field errors; nothing is saved on any error.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        routes.MapPatch("/{id:guid}/plan/items", PatchItems).WithName("PatchRoundPlanItems")
            .WithDescription("Changes many items at once, as the plan page's form does: {items: [{id, version, responsibleOrganisation, " +
                "responsiblePerson, start, due, status?}]} (at most 200). Each item's organisation, person, start and due are set as sent " +
                "(absent or null clears them); status, when given, is recorded as a progress note dated today. Every entry is checked " +
                "first: 400 with errors keyed items[i].field and nothing saved. Then each item is saved on its own with its version: " +
                "unchanged entries are left alone (counted in unchanged), an item changed meanwhile is not saved and is listed under " +
                "conflicts with its index and the stored item (current), and every other item is saved (listed under saved).");
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

    public static async Task<Results<Ok<PlanView>, ProblemHttpResult, ValidationProblem>> GetPlan(
        Guid id, string? lang, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        if (ReaderLanguage(lang, out var problem) is not { } language)
        {
            return problem!;
        }
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        return TypedResults.Ok(await book.ReadAsync(round, language, cancellationToken));
    }

    public static async Task<Results<Ok<PlanView>, ProblemHttpResult>> StartPlan(
        Guid id, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        return Answer(await book.StartAsync(round, cancellationToken));
    }

    public static async Task<Results<Created<ActionItemView>, ProblemHttpResult>> AddItem(
        Guid id, ActionItemInput body, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var added = string.IsNullOrWhiteSpace(body.RecommendationCode)
            ? await book.AddItemAsync(round, body, cancellationToken)
            : await book.AddFromRecommendationAsync(round, body, cancellationToken);
        return added.ToResult(item => TypedResults.Created($"/api/assessments/{id}/plan/items/{item.Id}", item));
    }

    public static async Task<Results<Ok<PlanItemsSaved>, ProblemHttpResult>> PatchItems(
        Guid id, PlanItemsInput body, PlanningRounds rounds, PlanBulkEdit bulk, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        return Answer(await bulk.SaveAsync(round, body, cancellationToken));
    }

    public static async Task<Results<Ok<ActionItemView>, ProblemHttpResult, ValidationProblem>> GetItem(
        Guid id, Guid itemId, string? lang, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        if (ReaderLanguage(lang, out var problem) is not { } language)
        {
            return problem!;
        }
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var read = await book.ReadItemAsync(round, itemId, language, cancellationToken);
        return read.TryGet(out var item, out var missing) ? TypedResults.Ok(item) : missing.ToProblem();
    }

    public static async Task<Results<Ok<ActionItemView>, ProblemHttpResult>> PutItem(
        Guid id, Guid itemId, ActionItemInput body, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        return Answer(await book.UpdateItemAsync(round, itemId, body, cancellationToken));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteItem(
        Guid id, Guid itemId, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var removed = await book.RemoveItemAsync(round, itemId, cancellationToken);
        return removed.ToResult(_ => TypedResults.NoContent());
    }

    public static async Task<Results<Ok<ActionItemView>, ProblemHttpResult>> AddNote(
        Guid id, Guid itemId, ProgressNoteInput body, PlanningRounds rounds, ActionPlanBook book, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        return Answer(await book.AddNoteAsync(round, itemId, body, cancellationToken));
    }

    public static async Task<Results<Ok<PlanView>, ProblemHttpResult>> Endorse(
        Guid id, EndorsementInput body, PlanningRounds rounds, PlanEndorsement endorsement, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        return Answer(await endorsement.EndorseAsync(round, body.Note, cancellationToken));
    }

    /// <summary>The language catalogue texts are read in: ?lang= when given, else the request's (Accept-Language); null with the problem for an unknown one.</summary>
    private static string? ReaderLanguage(string? lang, out ValidationProblem? problem)
    {
        if (!ApiLanguage.TryResolve(lang, out var language, out problem))
        {
            return null;
        }
        return string.IsNullOrEmpty(lang) ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : language;
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> outcome) =>
        outcome.ToResult(value => TypedResults.Ok(value));
}
