using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Pathway.Web.Localization;

namespace Pathway.Web.Planning;

public sealed record CatalogueVersionDto(
    string Version, string FrameworkVersion, string Title, bool Illustrative, int Mechanisms, int Actions, DateTimeOffset ImportedAt);

/// <summary>How an action changes in one context: context (Fragile, LargePrivateShare, …), fit (Prefer, Adapt, Avoid) and the note.</summary>
public sealed record ContextNoteDto(string Context, string Fit, string Note);

public sealed record CatalogueActionDto(
    string Code, string Text, string Type, string Effort, int HorizonMonths, IReadOnlyList<string> Capacities, IReadOnlyList<ContextNoteDto> Contexts);

public sealed record CatalogueStepDto(int FromLevel, IReadOnlyList<CatalogueActionDto> Actions);

public sealed record CatalogueMechanismDto(string Mechanism, IReadOnlyList<CatalogueStepDto> Steps);

public sealed record CatalogueDto(
    string Version, string FrameworkVersion, string Title, string? Summary, bool Illustrative, string Language,
    IReadOnlyList<CatalogueActionDto> EvidenceFirst, IReadOnlyList<CatalogueMechanismDto> Mechanisms);

/// <summary>A catalogue action offered to a round: the notes of the round's active contexts, and whether one prefers it.</summary>
public sealed record RecommendedActionDto(
    string Code, string? Mechanism, int? FromLevel, string Text, string Type, string Effort, int HorizonMonths,
    IReadOnlyList<string> Capacities, IReadOnlyList<ContextNoteDto> AppliedNotes, bool Preferred);

/// <summary>One step up (fromLevel → fromLevel + 1), or the evidence-first step (fromLevel null).</summary>
public sealed record RecommendationStepDto(
    int? FromLevel, IReadOnlyList<RecommendedActionDto> Recommended, IReadOnlyList<RecommendedActionDto> SetAside);

public sealed record MechanismRecommendationsDto(
    string Mechanism, string Answer, int? Level, int? TargetLevel, string? CatalogueVersion, IReadOnlyList<string> Contexts,
    string Language, IReadOnlyList<RecommendationStepDto> Steps);

/// <summary>The recommendation catalogue as open data, and what it recommends for a mechanism of a round.</summary>
internal static class CatalogueApi
{
    /// <summary>The open-data catalogue endpoints (anonymous).</summary>
    public static void MapPublic(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var api = routes.MapGroup("/api/recommendations").WithTags("Recommendations").AllowAnonymous();
        api.MapGet("/", GetVersions).WithName("GetCatalogueVersions")
            .WithDescription("The imported versions of the recommendation catalogue, newest first, each with the framework version it follows.");
        api.MapGet("/{version}", GetCatalogue).WithName("GetCatalogue")
            .WithDescription("A whole catalogue version: the evidence-first actions and, per mechanism, the actions for each step up " +
                "(fromLevel 1, 2, 3). ?lang=fr|ar for translated text (English where a translation is missing).");
        api.MapGet("/{version}/document", GetDocument).WithName("GetCatalogueDocument")
            .WithDescription("The version as a catalogue file (all languages), in the format content/recommendations/recommendations.schema.json describes.");
    }

    /// <summary>The round endpoints, on the signed-in /api/assessments group.</summary>
    public static void MapRound(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/{id:guid}/mechanisms/{mechanismCode}/recommendations", GetRecommendations).WithName("GetMechanismRecommendations")
            .WithDescription("What the catalogue recommends for one mechanism of the round: the steps from the agreed level up to the " +
                "mechanism's target (one step without a target), or the evidence-first actions when no level was agreed; none when " +
                "not applicable or Advanced. Actions are fitted to the round's context: recommended (preferred first, then lighter " +
                "effort, shorter horizon) and set aside (marked Avoid in an active context, with the note saying why). ?lang=fr|ar. " +
                "404 when the round does not exist or is not visible to you, or the round's framework has no such mechanism.");
    }

    public static async Task<Ok<List<CatalogueVersionDto>>> GetVersions(CatalogueReader reader, CancellationToken cancellationToken)
    {
        var versions = await reader.VersionsAsync(cancellationToken);
        return TypedResults.Ok(versions.Select(v => new CatalogueVersionDto(
            v.Version, v.FrameworkVersion, v.Title.En, v.Illustrative, v.MechanismCount, v.ActionCount, v.ImportedAt)).ToList());
    }

    public static async Task<Results<Ok<CatalogueDto>, ProblemHttpResult, ValidationProblem>> GetCatalogue(
        string version, string? lang, CatalogueReader reader, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!ApiLanguage.TryResolve(lang, out var language, out var problem))
        {
            return problem!;
        }
        if (await reader.ByVersionAsync(version, cancellationToken) is not { } catalogue)
        {
            return VersionNotFound(version, l);
        }
        var document = catalogue.ToDocument();
        return TypedResults.Ok(new CatalogueDto(
            document.Version, document.FrameworkVersion, document.Title.In(language), document.Summary?.In(language), document.Illustrative, language,
            [.. document.EvidenceFirst.Select(action => ToDto(action, language))],
            [.. document.Mechanisms.Select(mechanism => new CatalogueMechanismDto(mechanism.Mechanism,
                [.. mechanism.Steps.Select(step => new CatalogueStepDto(step.FromLevel, [.. step.Actions.Select(action => ToDto(action, language))]))]))]));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetDocument(
        string version, CatalogueReader reader, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        await reader.ByVersionAsync(version, cancellationToken) is { } catalogue
            ? TypedResults.Text(catalogue.ToDocument().ToJson(), "application/json; charset=utf-8")
            : VersionNotFound(version, l);

    public static async Task<Results<Ok<MechanismRecommendationsDto>, ProblemHttpResult, ValidationProblem>> GetRecommendations(
        Guid id, string mechanismCode, string? lang, PlanningRounds rounds, ContextBook contexts, TargetBook targets, Recommender recommender,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!ApiLanguage.TryResolve(lang, out var language, out var problem))
        {
            return problem!;
        }
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        if (round.Find(mechanismCode) is not { } mechanism)
        {
            return Failure.NotFound(l["Catalogue.Error.MechanismNotFoundTitle"], l["Catalogue.Error.MechanismNotFound", mechanismCode]).ToProblem();
        }
        var context = await contexts.GetAsync(round, cancellationToken);
        var target = (await targets.ListAsync(round, cancellationToken)).FirstOrDefault(row => row.Mechanism.Code == mechanism.Code)?.TargetLevel;
        var offered = await recommender.ForMechanismAsync(round, mechanism, target, context.ActiveContexts, cancellationToken);
        return TypedResults.Ok(new MechanismRecommendationsDto(
            mechanism.Code, mechanism.Answer.State.ToString(), mechanism.Answer.Level, target, offered.CatalogueVersion,
            [.. offered.Contexts.Order().Select(active => active.ToString())], language,
            [.. offered.Steps.Select(step => new RecommendationStepDto(step.FromLevel,
                [.. step.Recommended.Select(action => ToDto(action, language))],
                [.. step.SetAside.Select(action => ToDto(action, language))]))]));
    }

    private static CatalogueActionDto ToDto(CatalogueActionDocument action, string language) => new(
        action.Code, action.Text.In(language), action.Type.ToString(), action.Effort.ToString(), action.HorizonMonths,
        [.. action.Capacities.Select(capacity => capacity.In(language))], [.. action.Contexts.Select(note => ToDto(note, language))]);

    private static RecommendedActionDto ToDto(RecommendedAction action, string language) => new(
        action.Code, action.MechanismCode, action.FromLevel, action.Text.In(language), action.Type.ToString(), action.Effort.ToString(),
        action.HorizonMonths, [.. action.Capacities.Select(capacity => capacity.In(language))],
        [.. action.AppliedNotes.Select(note => ToDto(note, language))], action.Preferred);

    private static ContextNoteDto ToDto(ContextNote note, string language) =>
        new(note.Context.ToString(), note.Fit.ToString(), note.Note.In(language));

    private static ProblemHttpResult VersionNotFound(string version, IStringLocalizer<SharedResource> l) =>
        Failure.NotFound(l["Catalogue.Error.VersionNotFoundTitle"], l["Catalogue.Error.VersionNotFound", version]).ToProblem();
}
