using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Planning;
using Pathway.Web.Reports.Demo;

namespace Pathway.Web.Operations;

/// <summary>
/// Administrative commands run instead of the web server:
/// <c>dotnet run --project src/Pathway.Web -- COMMAND</c>. Usage errors print the usage to
/// standard error and exit with code 2; refused requests exit with code 1.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public const string UsageText = """
        Usage: dotnet run --project src/Pathway.Web -- COMMAND

        Commands:
          migrate                               apply database migrations and seed reference data
          framework import <file>               import a framework file (all or nothing)
          framework export <version> [<file>]   write a framework version as JSON (to stdout without <file>)
          recommendations check <file>          check a recommendation catalogue file without importing it
          recommendations import <file>         import a recommendation catalogue file (all or nothing)
          recommendations export <version> [<file>]
                                                write a catalogue version as JSON (to stdout without <file>)
          search reindex                        re-stage the framework and catalogue text and rebuild the full-text index
          demo                                  load the demonstration data (fictional countries' rounds, labelled as such)
          demo --remove                         remove the demonstration data, and nothing else
          user add --email E --password P --role R [--country ISO3] [--region CODE] [--name NAME]
                                                create an account; roles: Administrator, RegionalOfficer,
                                                CountryFocalPoint and CountryContributor (need --country),
                                                Reviewer (--region, or none for all regions)
        """;

    private static readonly string[] UserOptions = ["--email", "--password", "--role", "--country", "--region", "--name"];
    private static readonly string[] RequiredUserOptions = ["--email", "--password", "--role"];

    private static readonly string[] Commands = ["migrate", "framework", "recommendations", "search", "demo", "user", "help", "--help", "-h"];

    /// <summary>
    /// Whether the arguments ask for a command rather than the web server. Settings (<c>--Urls ...</c>,
    /// <c>Urls=...</c>) start the server; any other first word is a command, known or not, so a mistyped one
    /// prints the usage and exits with code 2 instead of quietly starting the site.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Commands.Contains(args[0], StringComparer.Ordinal) || !IsSetting(args[0]));

    private static bool IsSetting(string argument) =>
        argument.StartsWith("--", StringComparison.Ordinal) || argument.StartsWith('/') || argument.Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case ["help" or "--help" or "-h", ..]:
                await output.WriteLineAsync(UsageText);
                return Ok;
            case ["migrate"]:
                await app.Services.PrepareDatabaseAsync(migrate: true);
                await output.WriteLineAsync("Database migrated and reference data seeded.");
                return Ok;
            case ["framework", "import", var file]:
                return await ImportFrameworkAsync(app, file, output, error);
            case ["framework", "export", var version, .. var rest] when rest.Length <= 1:
                return await ExportFrameworkAsync(app, version, rest.FirstOrDefault(), output, error);
            case ["recommendations", "check", var file]:
                return await ImportCatalogueAsync(app, file, checkOnly: true, output, error);
            case ["recommendations", "import", var file]:
                return await ImportCatalogueAsync(app, file, checkOnly: false, output, error);
            case ["recommendations", "export", var version, .. var rest] when rest.Length <= 1:
                return await ExportCatalogueAsync(app, version, rest.FirstOrDefault(), output, error);
            case ["search", "reindex"]:
                return await ReindexSearchAsync(app, output);
            case ["demo"]:
                return await DemoAsync(app, remove: false, output);
            case ["demo", "--remove"]:
                return await DemoAsync(app, remove: true, output);
            case ["user", "add", .. var options]:
                return await AddUserAsync(app, options, output, error);
            default:
                return await UsageErrorAsync(error, $"Unknown or incomplete command: {string.Join(' ', args)}");
        }
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        await error.WriteLineAsync();
        await error.WriteLineAsync(UsageText);
        return Usage;
    }

    private static async Task PrepareAsync(WebApplication app) =>
        await app.Services.PrepareDatabaseAsync(migrate: DatabaseSetup.MigratesOnStart(app.Configuration));

    private static async Task<int> ImportFrameworkAsync(WebApplication app, string file, TextWriter output, TextWriter error)
    {
        if (!File.Exists(file))
        {
            return await UsageErrorAsync(error, $"File not found: {file}");
        }
        await PrepareAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<FrameworkImporter>()
            .ImportAsync(await File.ReadAllTextAsync(file));
        if (!outcome.Succeeded)
        {
            await error.WriteLineAsync($"Refused: {file} was not imported. Nothing was changed.");
            foreach (var problem in outcome.Problems)
            {
                await error.WriteLineAsync($"  {problem}");
            }
            return Failed;
        }
        await output.WriteLineAsync($"Framework version {outcome.Version}: {outcome.Status}.");
        return Ok;
    }

    private static async Task<int> ReindexSearchAsync(WebApplication app, TextWriter output)
    {
        await PrepareAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var staged = await scope.ServiceProvider.GetRequiredService<FrameworkSearchEntries>().SyncAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<ISearchEngine>().RebuildAsync(CancellationToken.None);
        var entries = await scope.ServiceProvider.GetRequiredService<PathwayDb>().SearchEntries.CountAsync();
        await output.WriteLineAsync($"Search index rebuilt: {entries} entries ({staged} framework and catalogue entries staged or removed).");
        return Ok;
    }

    private static async Task<int> ExportFrameworkAsync(WebApplication app, string version, string? file, TextWriter output, TextWriter error)
    {
        await PrepareAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var document = await scope.ServiceProvider.GetRequiredService<FrameworkImporter>().ExportAsync(version);
        if (document is null)
        {
            await error.WriteLineAsync($"There is no framework version '{version}'.");
            return Failed;
        }
        if (file is null)
        {
            await output.WriteLineAsync(document.ToJson());
        }
        else
        {
            await File.WriteAllTextAsync(file, document.ToJson() + "\n");
            await output.WriteLineAsync($"Framework version {version} written to {file}.");
        }
        return Ok;
    }

    private static async Task<int> ImportCatalogueAsync(WebApplication app, string file, bool checkOnly, TextWriter output, TextWriter error)
    {
        if (!File.Exists(file))
        {
            return await UsageErrorAsync(error, $"File not found: {file}");
        }
        await PrepareAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CatalogueImporter>();
        var json = await File.ReadAllTextAsync(file);
        if (checkOnly)
        {
            var (document, problems) = CatalogueValidator.Parse(json, await importer.FrameworksAsync());
            if (document is null)
            {
                await error.WriteLineAsync($"{file} has {problems.Count} problem(s):");
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync($"  {problem}");
                }
                return Failed;
            }
            await output.WriteLineAsync($"{file} is a valid catalogue (version {document.Version}, framework version {document.FrameworkVersion}, {document.AllActions().Count()} actions).");
            return Ok;
        }
        var outcome = await importer.ImportAsync(json);
        if (!outcome.Succeeded)
        {
            await error.WriteLineAsync($"Refused: {file} was not imported. Nothing was changed.");
            foreach (var problem in outcome.Problems)
            {
                await error.WriteLineAsync($"  {problem}");
            }
            return Failed;
        }
        await output.WriteLineAsync($"Recommendation catalogue version {outcome.Version}: {outcome.Status}.");
        return Ok;
    }

    private static async Task<int> ExportCatalogueAsync(WebApplication app, string version, string? file, TextWriter output, TextWriter error)
    {
        await PrepareAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var catalogue = await scope.ServiceProvider.GetRequiredService<CatalogueReader>().ByVersionAsync(version);
        if (catalogue is null)
        {
            await error.WriteLineAsync($"There is no recommendation catalogue version '{version}'.");
            return Failed;
        }
        var json = catalogue.ToDocument().ToJson();
        if (file is null)
        {
            await output.WriteLineAsync(json);
        }
        else
        {
            await File.WriteAllTextAsync(file, json + "\n");
            await output.WriteLineAsync($"Recommendation catalogue version {version} written to {file}.");
        }
        return Ok;
    }

    private static async Task<int> DemoAsync(WebApplication app, bool remove, TextWriter output)
    {
        await PrepareAsync(app);
        var started = app.Services.GetRequiredService<TimeProvider>().GetTimestamp();
        if (remove)
        {
            var removed = await DemoData.RemoveAsync(app.Services);
            await output.WriteLineAsync(removed.Changed
                ? $"Removed the demonstration data: {removed.Rounds} rounds of {removed.Countries} countries and {removed.Accounts} demonstration accounts."
                : "There was no demonstration data to remove.");
            return Ok;
        }
        var loaded = await DemoData.LoadAsync(app.Services);
        var elapsed = app.Services.GetRequiredService<TimeProvider>().GetElapsedTime(started);
        await output.WriteLineAsync(loaded.Changed
            ? $"Loaded the demonstration data in {elapsed.TotalSeconds:0.0} s: {loaded.Rounds} rounds of {loaded.Countries} countries, {loaded.Releases} published releases, {loaded.Accounts} fictional accounts that cannot sign in. Remove it with: -- demo --remove"
            : $"The demonstration data is already loaded ({loaded.Rounds} rounds of {loaded.Countries} countries); nothing was changed.");
        return Ok;
    }

    private static async Task<int> AddUserAsync(WebApplication app, string[] options, TextWriter output, TextWriter error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Length; i += 2)
        {
            if (!UserOptions.Contains(options[i], StringComparer.Ordinal) || i + 1 >= options.Length || options[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return await UsageErrorAsync(error, $"Unexpected or incomplete option: {options[i]}");
            }
            values[options[i]] = options[i + 1];
        }
        foreach (var required in RequiredUserOptions.Where(required => !values.ContainsKey(required)))
        {
            return await UsageErrorAsync(error, $"Missing option: {required}");
        }

        await PrepareAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(new NewUser(
            values["--email"], values["--password"], values["--role"],
            values.GetValueOrDefault("--country"), values.GetValueOrDefault("--region"), values.GetValueOrDefault("--name")));
        if (!result.Succeeded)
        {
            if (result.Errors.Keys.Any(field => field is "role" or "country" or "region"))
            {
                return await UsageErrorAsync(error, string.Join(Environment.NewLine, result.Errors.SelectMany(pair => pair.Value)));
            }
            await error.WriteLineAsync("Refused: the account was not created.");
            foreach (var (field, messages) in result.Errors)
            {
                foreach (var message in messages)
                {
                    await error.WriteLineAsync($"  {field}: {message}");
                }
            }
            return Failed;
        }
        await output.WriteLineAsync($"Created {result.User!.Email} as {values["--role"]}.");
        return Ok;
    }
}
