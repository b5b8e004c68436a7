using Pathway.Web.Accounts;

namespace Pathway.Web.Assessments;

/// <summary>
/// What the caller may do in one round, decided in one place from their role, their country and
/// their part in the round. Which rounds they can see at all is decided in the query
/// (<see cref="RoundQueries.VisibleTo"/> and the country-scope filter), never here alone.
/// </summary>
public sealed record RoundPermissions(
    AssessmentStatus Status,
    bool IsAdministrator,
    bool IsFocalPoint,
    bool IsCountryMember,
    bool IsReviewer,
    bool IsRegionalOfficer,
    ParticipantRole? MyRole)
{
    /// <summary>Edit the round's details and its participants.</summary>
    public bool CanManage => (IsFocalPoint || IsAdministrator) && Status != AssessmentStatus.Published;

    public bool CanManageParticipants => (IsFocalPoint || IsAdministrator) && RoundWorkflow.AcceptsParticipants(Status);

    public bool IsFacilitator => MyRole == ParticipantRole.Facilitator || IsFocalPoint || IsAdministrator;

    public bool IsRespondent => MyRole == ParticipantRole.Respondent;

    public bool CanRate => IsRespondent && RoundWorkflow.AcceptsRatings(Status);

    /// <summary>
    /// The spread of individual ratings (levels and comments), once consensus opens, for the round's team
    /// and its reviewers. Nobody sees others' ratings while rating is open, facilitators included: they
    /// follow progress by counts (who has rated, how many respondents have finished).
    /// </summary>
    public bool CanSeeSpread => RoundWorkflow.SpreadIsOpen(Status)
        && (IsFacilitator || MyRole is not null || IsCountryMember || IsReviewer || IsRegionalOfficer);

    public bool CanRecordConsensus => IsFacilitator && RoundWorkflow.AcceptsConsensus(Status);

    public bool CanAddEvidence => (IsFacilitator || IsRespondent) && RoundWorkflow.AcceptsEvidence(Status);

    public bool CanReview => IsReviewer && Status == AssessmentStatus.Submitted;

    public bool CanSeeAudit => IsFacilitator || IsReviewer || IsRegionalOfficer;

    public bool CanPublish => IsFocalPoint && Status == AssessmentStatus.Validated;

    /// <summary>Delete the round for good: the focal point or an administrator, only while it is a draft.</summary>
    public bool CanDelete => (IsFocalPoint || IsAdministrator) && Status == AssessmentStatus.Draft;

    /// <summary>Archive or unarchive the round (any status): the focal point or an administrator.</summary>
    public bool CanArchive => IsFocalPoint || IsAdministrator;

    /// <summary>Whether the caller may make this move, by who the move belongs to.</summary>
    public bool CanMove(WorkflowMove move)
    {
        ArgumentNullException.ThrowIfNull(move);
        return move.From == Status && move.Actor switch
        {
            WorkflowActor.Team => IsFacilitator,
            WorkflowActor.Reviewer => IsReviewer,
            WorkflowActor.FocalPoint => IsFocalPoint,
            _ => false,
        };
    }

    public static RoundPermissions For(CurrentUser user, string countryIso3, AssessmentStatus status, ParticipantRole? myRole)
    {
        ArgumentNullException.ThrowIfNull(user);
        var role = user.Role;
        var ownCountry = user.CountryIso3 is not null && user.CountryIso3 == countryIso3;
        return new(
            status,
            IsAdministrator: role == Roles.Administrator,
            IsFocalPoint: role == Roles.CountryFocalPoint && ownCountry,
            IsCountryMember: ownCountry && role is Roles.CountryFocalPoint or Roles.CountryContributor,
            IsReviewer: role == Roles.Reviewer,
            IsRegionalOfficer: role == Roles.RegionalOfficer,
            myRole);
    }
}
