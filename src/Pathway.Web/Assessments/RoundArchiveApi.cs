using Microsoft.AspNetCore.Http.HttpResults;

namespace Pathway.Web.Assessments;

/// <summary>Deleting a draft round, archiving and unarchiving a round, over the API.</summary>
internal static class RoundArchiveApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapDelete("/{id:guid}", DeleteRound).WithName("DeleteRound")
            .WithDescription("Deletes a draft round for good, with its participants (its audit entries stay). The focal point or an "
                + "administrator; ?version= the round's version you saw (optional: the current one). 204; 403 for anyone else; "
                + "404 for an unknown round; 409 when the round is not a draft or moved meanwhile.");
        routes.MapPost("/{id:guid}/archive", ArchiveRound).WithName("ArchiveRound")
            .WithDescription("Archives the round (any status): it leaves the lists (GET /api/assessments?archived=true lists it) and stays "
                + "readable by its team; a published round stays published. The focal point or an administrator: 200 with the round; 403; 404.");
        routes.MapDelete("/{id:guid}/archive", UnarchiveRound).WithName("UnarchiveRound")
            .WithDescription("Brings an archived round back into the lists. The focal point or an administrator: 200 with the round; 403; 404.");
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteRound(
        Guid id, int? version, RoundDirectory rounds, RoundArchive archive, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var failure = await archive.DeleteDraftAsync(round, version ?? round.Version, cancellationToken);
        return failure is null ? TypedResults.NoContent() : failure.ToProblem();
    }

    public static Task<Results<Ok<RoundDto>, ProblemHttpResult>> ArchiveRound(
        Guid id, RoundDirectory rounds, RoundArchive archive, CancellationToken cancellationToken) =>
        SetArchivedAsync(id, true, rounds, archive, cancellationToken);

    public static Task<Results<Ok<RoundDto>, ProblemHttpResult>> UnarchiveRound(
        Guid id, RoundDirectory rounds, RoundArchive archive, CancellationToken cancellationToken) =>
        SetArchivedAsync(id, false, rounds, archive, cancellationToken);

    private static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> SetArchivedAsync(
        Guid id, bool archived, RoundDirectory rounds, RoundArchive archive, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var failure = await archive.SetArchivedAsync(round, archived, cancellationToken);
        if (failure is not null)
        {
            return failure.ToProblem();
        }
        return (await rounds.OpenAsync(id, cancellationToken)).ToResult(now => TypedResults.Ok(RoundDto.From(now)));
    }
}
