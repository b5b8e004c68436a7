using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;

namespace Pathway.UnitTests.Assessments;

/// <summary>What each person may do in a round, by role, country, part in the round and status.</summary>
public class RoundPermissionsTests
{
    private const string Country = "EGY";

    private static CurrentUser User(string role, string? country = null, string? region = null)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, "user-1"), new(ClaimTypes.Name, "someone@example.org"), new(ClaimTypes.Role, role)];
        if (country is not null)
        {
            claims.Add(new(CurrentUser.CountryClaim, country));
        }
        if (region is not null)
        {
            claims.Add(new(CurrentUser.RegionClaim, region));
        }
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")) };
        return new CurrentUser(new HttpContextAccessor { HttpContext = context });
    }

    /// <summary>The people of a round: a test names one and gets their permissions at a status.</summary>
    private static RoundPermissions As(string persona, AssessmentStatus status) => persona switch
    {
        "focal point" => RoundPermissions.For(User(Roles.CountryFocalPoint, Country), Country, status, null),
        "other focal point" => RoundPermissions.For(User(Roles.CountryFocalPoint, "KEN"), Country, status, null),
        "facilitator" => RoundPermissions.For(User(Roles.CountryContributor, Country), Country, status, ParticipantRole.Facilitator),
        "respondent" => RoundPermissions.For(User(Roles.CountryContributor, Country), Country, status, ParticipantRole.Respondent),
        "observer" => RoundPermissions.For(User(Roles.CountryContributor, Country), Country, status, ParticipantRole.Observer),
        "contributor" => RoundPermissions.For(User(Roles.CountryContributor, Country), Country, status, null),
        "reviewer" => RoundPermissions.For(User(Roles.Reviewer, region: "EMR"), Country, status, null),
        "regional officer" => RoundPermissions.For(User(Roles.RegionalOfficer, region: "EMR"), Country, status, null),
        "administrator" => RoundPermissions.For(User(Roles.Administrator), Country, status, null),
        _ => throw new ArgumentOutOfRangeException(nameof(persona), persona, "Unknown persona."),
    };

    private static string MovesOf(RoundPermissions can) =>
        string.Join(",", RoundWorkflow.From(can.Status).Where(can.CanMove).Select(move => move.To));

    [Theory]
    [InlineData("focal point", AssessmentStatus.Draft, "RatingOpen")]
    [InlineData("focal point", AssessmentStatus.Consensus, "RatingOpen,Submitted")]
    [InlineData("focal point", AssessmentStatus.Submitted, "")]
    [InlineData("focal point", AssessmentStatus.Validated, "Published")]
    [InlineData("focal point", AssessmentStatus.Published, "Consensus")]
    [InlineData("facilitator", AssessmentStatus.Draft, "RatingOpen")]
    [InlineData("facilitator", AssessmentStatus.RatingOpen, "Consensus")]
    [InlineData("facilitator", AssessmentStatus.Returned, "Submitted")]
    [InlineData("facilitator", AssessmentStatus.Validated, "")]
    [InlineData("facilitator", AssessmentStatus.Published, "")]
    [InlineData("administrator", AssessmentStatus.Consensus, "RatingOpen,Submitted")]
    [InlineData("administrator", AssessmentStatus.Validated, "")]
    [InlineData("reviewer", AssessmentStatus.Submitted, "Returned,Validated")]
    [InlineData("reviewer", AssessmentStatus.Consensus, "")]
    [InlineData("reviewer", AssessmentStatus.Validated, "")]
    [InlineData("respondent", AssessmentStatus.RatingOpen, "")]
    [InlineData("respondent", AssessmentStatus.Consensus, "")]
    [InlineData("observer", AssessmentStatus.Draft, "")]
    [InlineData("contributor", AssessmentStatus.Consensus, "")]
    [InlineData("regional officer", AssessmentStatus.Submitted, "")]
    [InlineData("other focal point", AssessmentStatus.Validated, "")]
    [InlineData("other focal point", AssessmentStatus.Draft, "")]
    public void Each_person_may_make_only_their_own_moves(string persona, AssessmentStatus status, string expected)
    {
        Assert.Equal(expected, MovesOf(As(persona, status)));
    }

    [Fact]
    public void A_move_from_another_status_is_never_allowed()
    {
        var can = As("focal point", AssessmentStatus.Draft);

        Assert.All(RoundWorkflow.Moves.Where(move => move.From != AssessmentStatus.Draft), move => Assert.False(can.CanMove(move)));
    }

    [Theory]
    [InlineData("focal point", true)]
    [InlineData("facilitator", false)]
    [InlineData("administrator", false)]
    [InlineData("reviewer", false)]
    [InlineData("other focal point", false)]
    public void Only_the_countrys_focal_point_publishes_a_validated_round(string persona, bool expected)
    {
        Assert.Equal(expected, As(persona, AssessmentStatus.Validated).CanPublish);
        Assert.All(Enum.GetValues<AssessmentStatus>().Where(status => status != AssessmentStatus.Validated),
            status => Assert.False(As(persona, status).CanPublish));
    }

    [Theory]
    [InlineData(AssessmentStatus.Submitted, true)]
    [InlineData(AssessmentStatus.Consensus, false)]
    [InlineData(AssessmentStatus.Returned, false)]
    [InlineData(AssessmentStatus.Validated, false)]
    public void A_reviewer_comments_only_while_the_round_is_submitted(AssessmentStatus status, bool expected)
    {
        Assert.Equal(expected, As("reviewer", status).CanReview);
        Assert.False(As("focal point", status).CanReview);
        Assert.False(As("regional officer", status).CanReview);
    }

    [Fact]
    public void A_published_round_is_read_only_for_everyone()
    {
        foreach (var persona in new[] { "focal point", "facilitator", "administrator", "respondent", "reviewer" })
        {
            var can = As(persona, AssessmentStatus.Published);
            Assert.False(can.CanManage, persona);
            Assert.False(can.CanManageParticipants, persona);
            Assert.False(can.CanRate, persona);
            Assert.False(can.CanRecordConsensus, persona);
            Assert.False(can.CanAddEvidence, persona);
            Assert.False(can.CanReview, persona);
        }
    }

    [Theory]
    [InlineData("respondent", AssessmentStatus.RatingOpen, true)]
    [InlineData("respondent", AssessmentStatus.Consensus, false)]
    [InlineData("facilitator", AssessmentStatus.RatingOpen, false)]
    [InlineData("focal point", AssessmentStatus.RatingOpen, false)]
    public void Only_respondents_rate_and_only_while_rating_is_open(string persona, AssessmentStatus status, bool expected)
    {
        Assert.Equal(expected, As(persona, status).CanRate);
    }

    [Theory]
    [InlineData("facilitator", AssessmentStatus.Consensus, true)]
    [InlineData("facilitator", AssessmentStatus.Returned, true)]
    [InlineData("facilitator", AssessmentStatus.Submitted, false)]
    [InlineData("focal point", AssessmentStatus.Consensus, true)]
    [InlineData("respondent", AssessmentStatus.Consensus, false)]
    [InlineData("reviewer", AssessmentStatus.Submitted, false)]
    public void Only_facilitators_record_consensus_and_only_at_the_consensus_step_or_after_a_return(
        string persona, AssessmentStatus status, bool expected)
    {
        Assert.Equal(expected, As(persona, status).CanRecordConsensus);
    }

    [Theory]
    [InlineData("respondent", AssessmentStatus.RatingOpen, false)]
    [InlineData("respondent", AssessmentStatus.Consensus, true)]
    [InlineData("facilitator", AssessmentStatus.RatingOpen, false)]
    [InlineData("focal point", AssessmentStatus.RatingOpen, false)]
    [InlineData("facilitator", AssessmentStatus.Draft, false)]
    [InlineData("facilitator", AssessmentStatus.Consensus, true)]
    [InlineData("reviewer", AssessmentStatus.Submitted, true)]
    [InlineData("contributor", AssessmentStatus.RatingOpen, false)]
    public void The_spread_opens_to_everyone_on_the_round_only_at_consensus_facilitators_included(string persona, AssessmentStatus status, bool expected)
    {
        Assert.Equal(expected, As(persona, status).CanSeeSpread);
    }

    [Fact]
    public void A_focal_point_of_another_country_is_neither_focal_point_nor_member_here()
    {
        var can = As("other focal point", AssessmentStatus.Consensus);

        Assert.False(can.IsFocalPoint);
        Assert.False(can.IsCountryMember);
        Assert.False(can.IsFacilitator);
        Assert.False(can.CanManage);
    }
}
