using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Web.Localization;

namespace Pathway.Web.Framework;

public sealed record FrameworkVersionDto(
    string Version, string Title, string Status, DateOnly? PublishedOn, bool Illustrative, int Behaviours, int Mechanisms);

public sealed record LevelDto(int Level, string Code, string Name, string Pattern);

public sealed record InstrumentDto(string Category, string Name);

public sealed record DescriptorDto(int Level, string Code, string Descriptor, IReadOnlyList<string> EvidenceExamples);

public sealed record MechanismDto(
    string Code, string Name, string Description, string? GuidingQuestion,
    IReadOnlyList<InstrumentDto> Instruments, IReadOnlyList<DescriptorDto> Levels);

public sealed record BehaviourDto(string Code, string Name, string Summary, string? StewardshipFunction, IReadOnlyList<MechanismDto> Mechanisms);

public sealed record FrameworkDto(
    string Version, string Title, string Status, DateOnly? PublishedOn, bool Illustrative, string Language,
    IReadOnlyList<LevelDto> Levels, IReadOnlyList<BehaviourDto> Behaviours);

/// <summary>The framework as open data: versions, one version's tree in one language, the source file.</summary>
public static class FrameworkApi
{
    public static IEndpointRouteBuilder MapFrameworkApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/frameworks").WithTags("Framework").AllowAnonymous();
        api.MapGet("/", GetVersions).WithName("GetFrameworkVersions");
        api.MapGet("/{version}", GetFramework).WithName("GetFramework")
            .WithDescription("The whole tree: behaviours, mechanisms and the four level descriptors. ?lang=fr|ar for translated text (English where a translation is missing).");
        api.MapGet("/{version}/document", GetDocument).WithName("GetFrameworkDocument")
            .WithDescription("The version as a framework file (all languages), in the format content/frameworks/framework.schema.json describes.");
        return routes;
    }

    public static async Task<Ok<List<FrameworkVersionDto>>> GetVersions(FrameworkReader reader, CancellationToken cancellationToken)
    {
        var versions = await reader.VersionsAsync(cancellationToken);
        return TypedResults.Ok(versions.Select(v => new FrameworkVersionDto(
            v.Version, v.Title.En, v.Status.ToString(), v.PublishedOn, v.Illustrative, v.BehaviourCount, v.MechanismCount)).ToList());
    }

    public static async Task<Results<Ok<FrameworkDto>, ProblemHttpResult, ValidationProblem>> GetFramework(
        string version, string? lang, FrameworkReader reader, CancellationToken cancellationToken)
    {
        if (!ApiLanguage.TryResolve(lang, out var language, out var problem))
        {
            return problem!;
        }
        var tree = await reader.TreeAsync(version, cancellationToken);
        if (tree is null)
        {
            return VersionNotFound(version);
        }
        var levelCodes = tree.Levels.ToDictionary(level => level.Level, level => level.Code);
        return TypedResults.Ok(new FrameworkDto(
            tree.Version.Version, tree.Version.Title.In(language), tree.Version.Status.ToString(), tree.Version.PublishedOn,
            tree.Version.Illustrative, language,
            [.. tree.Levels.Select(level => new LevelDto(level.Level, level.Code, level.Name.In(language), level.Pattern.In(language)))],
            [.. tree.Behaviours.Select(behaviour => new BehaviourDto(
                behaviour.Code, behaviour.Name.In(language), behaviour.Summary.In(language), behaviour.StewardshipFunction?.In(language),
                [.. behaviour.Mechanisms.Select(mechanism => new MechanismDto(
                    mechanism.Code, mechanism.Name.In(language), mechanism.Description.In(language), mechanism.GuidingQuestion?.In(language),
                    [.. mechanism.Instruments.Select(instrument => new InstrumentDto(instrument.Category.ToString(), instrument.Name.In(language)))],
                    [.. mechanism.Levels.Select(level => new DescriptorDto(
                        level.Level, levelCodes.GetValueOrDefault(level.Level, ""), level.Descriptor.In(language),
                        [.. level.EvidenceExamples.Select(example => example.In(language))]))]))]))]));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetDocument(
        string version, FrameworkImporter importer, CancellationToken cancellationToken)
    {
        var document = await importer.ExportAsync(version, cancellationToken);
        return document is null
            ? VersionNotFound(version)
            : TypedResults.Text(document.ToJson(), "application/json; charset=utf-8");
    }

    private static ProblemHttpResult VersionNotFound(string version) => TypedResults.Problem(
        title: "Framework version not found",
        detail: $"There is no framework version '{version}'. GET /api/frameworks lists the versions.",
        statusCode: StatusCodes.Status404NotFound);
}
