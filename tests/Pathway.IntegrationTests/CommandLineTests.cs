using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Framework;

namespace Pathway.IntegrationTests;

/// <summary>
/// The administrative commands, run as a separate process on a fresh embedded database (whatever
/// database the rest of the suite uses). Usage errors exit 2, refused requests exit 1.
/// </summary>
public class CommandLineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task User_add_creates_an_account_once_and_refuses_a_second_identical_one()
    {
        using var command = new PathwayCommand();
        string[] add = ["user", "add", "--email", TestAccounts.UniqueEmail("cli"), "--password", TestAccounts.Password,
            "--role", Roles.CountryFocalPoint, "--country", "EGY"];

        var first = await command.RunAsync(add);
        var second = await command.RunAsync(add);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Created", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode != 0, second.ToString());
        Assert.Contains("email", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_add_with_missing_options_prints_usage_and_exits_2()
    {
        using var command = new PathwayCommand();

        var result = await command.RunAsync("user", "add", "--email", "x");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
        Assert.Contains("--password", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_add_with_an_unknown_role_exits_2()
    {
        using var command = new PathwayCommand();

        var result = await command.RunAsync("user", "add", "--email", TestAccounts.UniqueEmail("cli"), "--password", TestAccounts.Password,
            "--role", "Nope");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Nope", result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_prints_usage_and_exits_2()
    {
        using var command = new PathwayCommand();

        var result = await command.RunAsync("framework", "frobnicate");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_first_word_prints_usage_and_exits_2_without_starting_the_site()
    {
        using var command = new PathwayCommand();

        var result = await command.RunAsync("dmeo");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Unknown or incomplete command: dmeo", result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Pathway is running", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_remove_on_a_database_without_demonstration_data_changes_nothing_and_a_wrong_option_prints_usage()
    {
        using var command = new PathwayCommand();

        var remove = await command.RunAsync("demo", "--remove");
        var wrong = await command.RunAsync("demo", "--everything");

        Assert.True(remove.ExitCode == 0, remove.ToString());
        Assert.Contains("There was no demonstration data to remove.", remove.Output, StringComparison.Ordinal);
        Assert.True(wrong.ExitCode == 2, wrong.ToString());
        Assert.Contains("demo --remove", wrong.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Framework_export_prints_a_valid_framework_file()
    {
        using var command = new PathwayCommand();
        Assert.Equal(0, (await command.RunAsync("migrate")).ExitCode);

        var result = await command.RunAsync("framework", "export", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var (document, problems) = FrameworkValidator.Parse(result.Output);
        Assert.Empty(problems);
        Assert.Equal("1", document!.Version);
    }

    [Fact]
    public async Task Framework_export_on_a_fresh_database_prints_only_json_on_standard_output()
    {
        // `... framework export 1 > file.json` must give a valid file even when this first run migrates and seeds.
        using var command = new PathwayCommand();

        var result = await command.RunAsync("framework", "export", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var (document, problems) = FrameworkValidator.Parse(result.Output);
        Assert.True(problems.Count == 0, $"{string.Join("; ", problems)}\n{result}");
        Assert.Equal("1", document!.Version);
    }

    [Fact]
    public async Task Framework_export_of_an_unknown_version_exits_1()
    {
        using var command = new PathwayCommand();

        var result = await command.RunAsync("framework", "export", "no-such-version");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("no-such-version", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Framework_import_of_a_bad_file_exits_1_listing_problems_with_json_paths()
    {
        using var command = new PathwayCommand();
        var framework = ShippedFramework.Copy($"99-cli-{TestAccounts.UniqueSuffix()}");
        framework["behaviours"]![0]!["mechanisms"]![1]!["levels"]!.AsArray().RemoveAt(2);
        framework["behaviours"]![4]!.AsObject().Remove("summary");
        var file = Path.Combine(command.DataDirectory, "bad-framework.json");
        await File.WriteAllTextAsync(file, framework.ToJsonString(), Ct);

        var result = await command.RunAsync("framework", "import", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Refused", result.Error, StringComparison.Ordinal);
        Assert.Contains("$.behaviours[0].mechanisms[1].levels", result.Error, StringComparison.Ordinal);
        Assert.Contains("$.behaviours[4].summary", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Framework_import_of_a_new_version_then_export_gives_it_back()
    {
        using var command = new PathwayCommand();
        var version = $"99-cli-{TestAccounts.UniqueSuffix()}";
        var file = Path.Combine(command.DataDirectory, "new-framework.json");
        await File.WriteAllTextAsync(file, ShippedFramework.Copy(version).ToJsonString(), Ct);

        var imported = await command.RunAsync("framework", "import", file);
        var exported = await command.RunAsync("framework", "export", version);

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("Imported", imported.Output, StringComparison.Ordinal);
        Assert.True(exported.ExitCode == 0, exported.ToString());
        Assert.Equal(version, FrameworkValidator.Parse(exported.Output).Document?.Version);
    }
}
