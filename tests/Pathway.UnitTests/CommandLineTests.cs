using Pathway.Web.Operations;

namespace Pathway.UnitTests;

public class CommandLineTests
{
    private static string[] Arguments(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData("user add")]
    [InlineData("user add --email a@b.org --password x --role Administrator")]
    [InlineData("migrate")]
    [InlineData("framework import x")]
    [InlineData("framework export 1")]
    [InlineData("help")]
    [InlineData("--help")]
    public void Arguments_naming_a_command_run_the_command(string line)
    {
        Assert.True(CommandLine.IsCommand(Arguments(line)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("--urls http://x")]
    [InlineData("--environment Development")]
    [InlineData("Migrate")]
    public void Other_arguments_start_the_web_server(string line)
    {
        Assert.False(CommandLine.IsCommand(Arguments(line)));
    }
}
