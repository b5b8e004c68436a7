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
    [InlineData("Urls=http://x")]
    public void Settings_or_no_arguments_start_the_web_server(string line)
    {
        Assert.False(CommandLine.IsCommand(Arguments(line)));
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("Migrate")]
    [InlineData("serve --urls http://x")]
    public void An_unknown_first_word_is_a_command_not_the_web_server(string line)
    {
        // Treated as a command, it reaches the usage error (exit 2) instead of starting the site.
        Assert.True(CommandLine.IsCommand(Arguments(line)));
    }
}
