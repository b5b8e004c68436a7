using Pathway.Web.Operations;

namespace Pathway.UnitTests.Planning;

public class CatalogueCommandLineTests
{
    [Theory]
    [InlineData("recommendations", "check", "x.json")]
    [InlineData("recommendations", "import", "x.json")]
    [InlineData("recommendations", "export", "1")]
    public void The_recommendations_commands_run_instead_of_the_web_server(params string[] arguments)
    {
        Assert.True(CommandLine.IsCommand(arguments));
    }

    [Theory]
    [InlineData("recommendations check <file>")]
    [InlineData("recommendations import <file>")]
    [InlineData("recommendations export <version> [<file>]")]
    public void The_usage_lists_the_recommendations_commands(string line)
    {
        Assert.Contains(line, CommandLine.UsageText, StringComparison.Ordinal);
    }
}
