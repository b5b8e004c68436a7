using Pathway.IntegrationTests.Assessments;

namespace Pathway.IntegrationTests.Connector;

/// <summary>Resources, the review queue and the CSV import (issue 11 §1, §9), API and pages, as the matrix says.</summary>
public class ResourcesAccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public Task Resources_review_and_import_answer_every_caller_as_the_matrix_says() =>
        AccessMatrixRunner.AssertAsync(fixture.World, ResourcesAccessRules.All);
}
