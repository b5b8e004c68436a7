namespace Pathway.IntegrationTests.Assessments;

public class AccessScratchTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public async Task Scratch()
    {
        var world = fixture.World;
        var round = world.Rounds[RoundKind.Consensus];
        foreach (var caller in new[] { Caller.FocalPoint, Caller.OtherCountry })
        {
            var url = $"/assessments/{round.Id}/consensus/{round.MechanismCode}";
            var cell = new Cell(world, RoundKind.Consensus, caller);
            var content = await world.FormAsync(cell, url, "consensus", Caller.FocalPoint);
            var text = await content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            using var response = await world.PageClient(caller).PostAsync(url, content, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            TestContext.Current.TestOutputHelper!.WriteLine($"{caller}: {text}\n => {(int)response.StatusCode} {response.Headers.Location} {string.Join(",", response.Headers.Select(h => h.Key))} {body[..Math.Min(300, body.Length)]}");
        }
    }
}
