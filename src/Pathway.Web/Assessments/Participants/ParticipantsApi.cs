using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

/// <summary>
/// A person in a round. Group is a stakeholder group (MinistryOfHealth, OtherGovernmentAgency, ...), side is
/// the side of the mixed health system it speaks for (Public, Private, Neither), role is Respondent,
/// Facilitator or Observer. Email and invitationPending are given to those who manage participants only.
/// </summary>
public sealed record ParticipantDto(
    Guid Id, string DisplayName, string? Email, string? Organisation, string Group, string Side, string Role,
    bool HasConflictOfInterest, string? ConflictOfInterest, DateTimeOffset AddedAt, bool HasRated, bool InvitationPending)
{
    public static ParticipantDto From(ParticipantView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Id, view.DisplayName, view.Email, view.Organisation, view.Group.ToString(), view.Group.Side().ToString(),
            view.Role.ToString(), view.HasConflictOfInterest, view.ConflictOfInterest, view.AddedAt, view.HasRated, view.InvitationPending);
    }
}

/// <summary>
/// Who to add: an existing account's e-mail, or a new person's e-mail and displayName (they are invited to
/// set a password). Group is required; role defaults to Respondent; conflictOfInterest is required when
/// hasConflictOfInterest is true.
/// </summary>
public sealed record ParticipantBody(
    string? Email, string? DisplayName, string? Organisation, string? Group, string? Role, bool HasConflictOfInterest, string? ConflictOfInterest);

/// <summary>
/// The person added. invitationLink is set when the person has no password yet: they open it to set one
/// (it works once, until invitationExpiresAt). invitationSent says whether the configured sender took it.
/// </summary>
public sealed record AddedParticipantDto(ParticipantDto Participant, string? InvitationLink, DateTimeOffset? InvitationExpiresAt, bool InvitationSent);

/// <summary>A round's participants: list, add (or invite), remove.</summary>
internal static class ParticipantsApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/{id:guid}/participants", GetParticipants).WithName("GetParticipants")
            .WithDescription("The round's participants with their stakeholder group, role and conflict-of-interest declaration.");
        routes.MapPost("/{id:guid}/participants", AddParticipant).WithName("AddParticipant")
            .WithDescription("Adds a person: an existing account whose role and scope cover the round's country, or a new e-mail address "
                + "(a CountryContributor account is made and invitationLink returned). Only the country's focal point or an administrator, "
                + "while the round is Draft, RatingOpen or Consensus. 400 with field errors (e.g. email: another country's account, already in the round).");
        routes.MapDelete("/{id:guid}/participants/{participantId:guid}", RemoveParticipant).WithName("RemoveParticipant")
            .WithDescription("Takes a person off the round. 409 once they have rated: their ratings stay part of the round's record.");
    }

    public static async Task<Results<Ok<List<ParticipantDto>>, ProblemHttpResult>> GetParticipants(
        Guid id, RoundDirectory rounds, ParticipantRoster roster, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var list = await roster.ListAsync(round, cancellationToken);
        return TypedResults.Ok(list.Select(ParticipantDto.From).ToList());
    }

    public static async Task<Results<Created<AddedParticipantDto>, ProblemHttpResult>> AddParticipant(
        Guid id, ParticipantBody body, RoundDirectory rounds, ParticipantRoster roster, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var input = new ParticipantInput
        {
            Email = body.Email,
            DisplayName = body.DisplayName,
            Organisation = body.Organisation,
            Group = RoundsApi.ParseOrUndefined(body.Group, (StakeholderGroup)(-1)),
            Role = RoundsApi.ParseOrUndefined(body.Role, ParticipantRole.Respondent),
            HasConflictOfInterest = body.HasConflictOfInterest,
            ConflictOfInterest = body.ConflictOfInterest,
        };
        var outcome = await roster.AddAsync(round, input, cancellationToken);
        if (!outcome.TryGet(out var added, out var refused))
        {
            return RoundsApi.CamelCase(refused).ToProblem();
        }
        return TypedResults.Created($"/api/assessments/{round.Id}/participants",
            new AddedParticipantDto(ParticipantDto.From(added.Participant), added.InvitationLink, added.ExpiresAt, added.Sent));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveParticipant(
        Guid id, Guid participantId, RoundDirectory rounds, ParticipantRoster roster, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var failure = await roster.RemoveAsync(round, participantId, cancellationToken);
        return failure is null ? TypedResults.NoContent() : failure.ToProblem();
    }
}
