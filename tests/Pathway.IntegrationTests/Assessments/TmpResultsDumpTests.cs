using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;
namespace Pathway.IntegrationTests.Assessments;
public class TmpResultsDumpTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    [Fact]
    public async Task Tmp_dump_pages()
    {
        var ct = TestContext.Current.CancellationToken;
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        await factory.AgreeAsync(round, ("AS.1", MechanismAnswer.Rated(2)), ("AS.2", MechanismAnswer.Rated(3)), ("AS.3", MechanismAnswer.Rated(3)),
            ("AS.4", MechanismAnswer.InsufficientInformation), ("AS.5", MechanismAnswer.NotApplicable), ("DS.1", MechanismAnswer.Rated(4)),
            ("DS.2", MechanismAnswer.Rated(4)), ("DS.3", MechanismAnswer.Rated(3)), ("NT.1", MechanismAnswer.Rated(1)), ("NT.2", MechanismAnswer.Rated(2)),
            ("NT.3", MechanismAnswer.Rated(1)), ("ES.1", MechanismAnswer.Rated(2)), ("FR.1", MechanismAnswer.Rated(3)), ("FR.2", MechanismAnswer.Rated(3)));
        await factory.AgreeAsync(round, "A much longer rationale. " + string.Join(' ', Enumerable.Repeat("The ministry and the private providers agreed after a long discussion.", 3)), ("AS.1", MechanismAnswer.Rated(3)));
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        foreach (var (name, url) in new[] { ("results-en", $"/assessments/{round.Id}/results?culture=en"), ("results-ar", $"/assessments/{round.Id}/results?culture=ar"), ("audit-en", $"/assessments/{round.Id}/audit?culture=en"), ("audit-ar", $"/assessments/{round.Id}/audit?culture=ar"), ("results-fr", $"/assessments/{round.Id}/results?culture=fr") })
        {
            var body = await client.GetStringAsync(url, ct);
            await File.WriteAllTextAsync($"/tmp/results-helper/{name}.html", body, ct);
        }
    }
}
