using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Planning;

namespace Pathway.IntegrationTests.Planning;

/// <summary>
/// The recommendations commands, run as a separate process on a fresh embedded database (like the
/// framework commands). Usage errors exit 2, refused requests exit 1.
/// </summary>
public class CatalogueCommandLineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, IReadOnlyList<string>> Frameworks = new() { ["1"] = CatalogueFixture.MechanismCodes };

    [Fact]
    public async Task A_catalogue_is_checked_imported_once_and_exported_as_an_equivalent_file()
    {
        using var command = new PathwayCommand();
        var version = CatalogueFixture.NewVersion("cli");
        var file = Path.Combine(command.DataDirectory, "catalogue.json");
        await File.WriteAllTextAsync(file, CatalogueFixture.Root(version).ToJsonString(), Ct);
        var exported = Path.Combine(command.DataDirectory, "exported.json");

        var check = await command.RunAsync("recommendations", "check", file);
        var first = await command.RunAsync("recommendations", "import", file);
        var second = await command.RunAsync("recommendations", "import", file);
        var export = await command.RunAsync("recommendations", "export", version, exported);
        var printed = await command.RunAsync("recommendations", "export", version);

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("is a valid catalogue", check.Output, StringComparison.Ordinal);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"Recommendation catalogue version {version}: Imported.", first.Output, StringComparison.Ordinal);
        Assert.Contains("Unchanged", second.Output, StringComparison.Ordinal);
        Assert.True(export.ExitCode == 0, export.ToString());
        var (document, problems) = CatalogueValidator.Parse(await File.ReadAllTextAsync(exported, Ct), Frameworks);
        Assert.Empty(problems);
        var (original, _) = CatalogueValidator.Parse(CatalogueFixture.Root(version).ToJsonString(), Frameworks);
        Assert.Equal(original!.ContentHash(), document!.ContentHash());
        Assert.True(printed.ExitCode == 0, printed.ToString());
        Assert.Equal(document.ContentHash(), CatalogueValidator.Parse(printed.Output, Frameworks).Document?.ContentHash());
    }

    [Fact]
    public async Task A_bad_catalogue_exits_1_listing_every_problem_and_an_unknown_version_or_missing_file_are_refused()
    {
        using var command = new PathwayCommand();
        var root = CatalogueFixture.Root(CatalogueFixture.NewVersion("cli"));
        root.Steps(4).RemoveAt(0);
        root.ActionAt(7, 1, 2)["effort"] = "Huge";
        var file = Path.Combine(command.DataDirectory, "bad.json");
        await File.WriteAllTextAsync(file, root.ToJsonString(), Ct);

        var check = await command.RunAsync("recommendations", "check", file);
        var import = await command.RunAsync("recommendations", "import", file);
        var export = await command.RunAsync("recommendations", "export", "no-such-version");
        var missing = await command.RunAsync("recommendations", "import", Path.Combine(command.DataDirectory, "nothing-here.json"));

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.True(import.ExitCode == 1, import.ToString());
        Assert.Contains("Refused", import.Error, StringComparison.Ordinal);
        Assert.Contains("$.mechanisms[4].steps: AS.1: the step from level 1 (Emerging → Progressing) is missing", import.Error, StringComparison.Ordinal);
        Assert.Contains("$.mechanisms[7].steps[1].actions[2].effort", import.Error, StringComparison.Ordinal);
        Assert.Contains("$.mechanisms[7].steps[1].actions[2].effort", check.Error, StringComparison.Ordinal);
        Assert.True(export.ExitCode == 1, export.ToString());
        Assert.Contains("no-such-version", export.Error, StringComparison.Ordinal);
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("Usage:", missing.Error, StringComparison.Ordinal);
    }
}
