using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Planning;

public enum PlanExportFormat
{
    Xlsx,
    Docx,
    Csv,
}

/// <summary>A mechanism as an export names it, in framework order: its behaviour, its agreed answer and its target.</summary>
public sealed record ExportMechanism(
    string BehaviourCode, string BehaviourName, string Code, string Name, MechanismAnswer Agreed, int? TargetLevel);

/// <summary>
/// Everything an exported plan shows, already in the reader's language: the writers take this and
/// nothing else (no database), so each can be tested with a hand-made one.
/// </summary>
public sealed record PlanExport(
    CultureInfo Culture,
    string RoundTitle,
    string CountryIso3,
    string CountryName,
    string FrameworkVersion,
    IReadOnlyDictionary<int, string> LevelNames,
    IReadOnlyList<ExportMechanism> Mechanisms,
    PlanView Plan,
    DateTimeOffset ExportedAt)
{
    /// <summary>A demonstration round's plan: its title carries the label, and so does the file name.</summary>
    public bool IsDemonstration { get; init; }

    /// <summary>The mechanism of an item; null for a code the round's framework does not have.</summary>
    public ExportMechanism? MechanismOf(string code) => Mechanisms.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.Ordinal));
}

/// <summary>A written export, ready to serve as a download.</summary>
public sealed record PlanExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>Reads a round's plan into a <see cref="PlanExport"/> and writes it in the asked format; shared by the page download and the API.</summary>
public sealed class PlanExports(ActionPlanBook plans, TargetBook targets, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string CsvType = "text/csv; charset=utf-8";

    /// <summary>"xlsx", "docx" or "csv" (any case), as the download addresses name them.</summary>
    public static PlanExportFormat? Parse(string? format) => format?.ToLowerInvariant() switch
    {
        "xlsx" => PlanExportFormat.Xlsx,
        "docx" => PlanExportFormat.Docx,
        "csv" => PlanExportFormat.Csv,
        _ => null,
    };

    public async Task<PlanExport> ReadAsync(PlanningRound round, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(culture);
        var language = culture.TwoLetterISOLanguageName;
        // The same reading as the pages: catalogue text in the export's language until the team edits it.
        var plan = await plans.ReadAsync(round, language, cancellationToken);
        var targetOf = (await targets.ListAsync(round, cancellationToken))
            .ToDictionary(row => row.Mechanism.Code, row => row.TargetLevel, StringComparer.Ordinal);
        return new PlanExport(
            culture,
            // A demonstration round's files say so in the reader's language wherever they name the round.
            round.Round.IsDemonstration ? $"{round.Round.Title} ({l["Demo.Label"]})" : round.Round.Title,
            round.Round.CountryIso3,
            round.Round.CountryName.In(language),
            round.Framework.Version.Version,
            round.Framework.Levels.ToDictionary(level => level.Level, level => level.Name.In(language)),
            [.. round.Mechanisms.Select(m => new ExportMechanism(
                m.Behaviour.Code, m.Behaviour.Name.In(language), m.Code, m.Mechanism.Name.In(language), m.Answer, targetOf.GetValueOrDefault(m.Code)))],
            plan,
            clock.GetUtcNow())
        {
            IsDemonstration = round.Round.IsDemonstration,
        };
    }

    public PlanExportFile Write(PlanExport export, PlanExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(export);
        var name = $"plan-{(export.IsDemonstration ? "demo-" : "")}{export.CountryIso3}-{export.ExportedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return format switch
        {
            PlanExportFormat.Xlsx => new(PlanXlsxWriter.Write(export, l), XlsxType, name + ".xlsx"),
            PlanExportFormat.Docx => new(PlanDocxWriter.Write(export, l), DocxType, name + ".docx"),
            _ => new(PlanCsvWriter.Write(export, l), CsvType, name + ".csv"),
        };
    }
}
