using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests.Assessments;

public class RoundsScratchDump(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    [Fact]
    public async Task Dump()
    {
        var ct = TestContext.Current.CancellationToken;
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var fp = await factory.CreateSignedInClientAsync(round.FocalPoint);
        await File.WriteAllTextAsync("/tmp/rounds/workspace-fp.html", await fp.GetStringAsync($"/assessments/{round.Id}", ct), ct);
        await File.WriteAllTextAsync("/tmp/rounds/participants-fp.html", await fp.GetStringAsync($"/assessments/{round.Id}/participants", ct), ct);
        await File.WriteAllTextAsync("/tmp/rounds/list-fp.html", await fp.GetStringAsync("/assessments", ct), ct);
        await File.WriteAllTextAsync("/tmp/rounds/new-fp.html", await fp.GetStringAsync("/assessments/new", ct), ct);
        await File.WriteAllTextAsync("/tmp/rounds/new-ar.html", await fp.GetStringAsync("/assessments/new?culture=ar", ct), ct);
        using var r = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        await File.WriteAllTextAsync("/tmp/rounds/workspace-r.html", await r.GetStringAsync($"/assessments/{round.Id}?culture=en", ct), ct);
    }
}
