namespace Pathway.BrowserTests;

/// <summary>Where the repository and the files the browser tests need live.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Pathway.slnx, found by walking up from the test binaries.</summary>
    public static string Root => RootPath.Value;

    public static string BrowserTestsFolder => Path.Combine(Root, "tests", "Pathway.BrowserTests");

    public static string AxeScript => Path.Combine(BrowserTestsFolder, "node_modules", "axe-core", "axe.min.js");

    public static string ScreenshotFolder => Path.Combine(Root, "test-artifacts", "browser");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pathway.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException(
            $"Could not find Pathway.slnx in {AppContext.BaseDirectory} or any folder above it.");
    }
}
