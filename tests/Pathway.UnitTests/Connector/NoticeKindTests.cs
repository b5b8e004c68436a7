using System.Xml.Linq;
using Pathway.Web.Notices;

namespace Pathway.UnitTests.Connector;

/// <summary>Notice kinds: each has its words, rows stored under a retired kind still load, and the numbers the API gives stay put.</summary>
public sealed class NoticeKindTests
{
    [Fact]
    public void Every_notice_kind_has_a_title_and_a_body_in_English()
    {
        var keys = XDocument.Load(RepoFiles.PathOf("src/Pathway.Web/Resources/SharedResource.resx")).Root!.Elements("data")
            .Select(data => (string)data.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        Assert.All(Enum.GetNames<NoticeKind>(), kind =>
        {
            Assert.Contains($"Notice.{kind}.Title", keys);
            Assert.Contains($"Notice.{kind}.Body", keys);
        });
        Assert.DoesNotContain("Notice.CaseStudySubmitted.Title", keys);
    }

    [Fact]
    public void A_stored_kind_reads_back_as_itself_and_the_retired_case_study_kind_as_the_review_notice()
    {
        Assert.All(Enum.GetValues<NoticeKind>(), kind => Assert.Equal(kind, NoticeKinds.Parse(kind.ToString())));
        Assert.Equal(NoticeKind.ContentInReview, NoticeKinds.Parse("CaseStudySubmitted"));
        Assert.DoesNotContain("CaseStudySubmitted", Enum.GetNames<NoticeKind>());
    }

    [Fact]
    public void The_kinds_after_the_retired_one_keep_the_numbers_the_api_gave_them()
    {
        Assert.Equal(13, (int)NoticeKind.HelpdeskAnswered);
        Assert.Equal(15, (int)NoticeKind.ContentInReview);
        Assert.Equal(16, (int)NoticeKind.HelpdeskAsked);
    }
}
