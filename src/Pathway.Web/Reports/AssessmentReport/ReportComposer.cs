using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments;
using Pathway.Web.Components.Charts;
using Pathway.Web.Framework;
using Pathway.Web.Scoring;

namespace Pathway.Web.Reports.AssessmentReport;

/// <summary>
/// Writes a report's content in one language as sections of blocks. Pure: the data in, the document out,
/// so the page, the DOCX and a bilingual edition (composed twice) say the same things.
/// </summary>
public static class ReportComposer
{
    /// <summary>The edition asked for: the reader's language, or English beside <paramref name="bilingual"/> ("fr", "ar").</summary>
    public static ReportEdition Edition(ReportData data, CultureInfo reader, string? bilingual, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var primary = Compose(data, reader, localizer);
        if (bilingual is null)
        {
            return new ReportEdition(primary, null, null);
        }
        var english = reader.TwoLetterISOLanguageName == "en" ? primary : Compose(data, Localization.Cultures.Create("en"), localizer);
        var other = reader.TwoLetterISOLanguageName == bilingual ? primary : Compose(data, Localization.Cultures.Create(bilingual), localizer);
        // Charts are drawn once, in the reader's language when it is one of the two, else in the other language.
        var charts = reader.TwoLetterISOLanguageName is "en" ? english : other;
        return new ReportEdition(charts, english, other);
    }

    public static ReportDocument Compose(ReportData data, CultureInfo culture, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(localizer);
        var text = new ReportText(localizer, culture);
        var names = new Names(data.Framework, text.Language);
        var status = text[$"Status.{data.Status}"];
        var header = text.Format("Report.RunningHeader", data.Title, status, text.Number(data.Revision));
        if (data.IsDemonstration)
        {
            header = text.Format("Report.RunningHeader.Demo", header, text["Report.Demonstration.Short"]);
        }
        List<ReportSection> sections = [Cover(data, text)];
        if (data.Participants is { } participants)
        {
            sections.Add(Participation(participants, text));
        }
        if (data.Profile is { } profile)
        {
            sections.Add(Profile(profile, names, text));
        }
        if (data.Answers is { } answers)
        {
            sections.Add(Levels(answers, names, text));
            sections.Add(Mechanisms(answers, names, text, data.IsPublic));
        }
        if (data.Divergence is { } divergence)
        {
            sections.Add(Divergence(divergence, names, text));
        }
        if (data.Answers is { } gaps)
        {
            sections.Add(Gaps(gaps, names, text));
        }
        if (!data.IsPublic)
        {
            sections.Add(ReportPlanSections.Targets(data.Planning, names, text));
            sections.Add(ReportPlanSections.Plan(data.Planning, names, text));
        }
        sections.Add(Methodology(data, text));
        var title = text.Format("Report.Title", data.CountryName.In(text.Language));
        var stem = $"assessment-report-{data.CountryIso3}-{(data.IsPublic ? "public" : "internal")}-r{data.Revision.ToString(CultureInfo.InvariantCulture)}";
        return new ReportDocument(culture, title, header, data.IsPublic, data.IsDemonstration, stem, sections);
    }

    private static ReportSection Cover(ReportData data, ReportText text)
    {
        List<ReportBlock> blocks = [];
        if (data.IsDemonstration)
        {
            blocks.Add(new ReportParagraph(text["Report.Demonstration"]));
        }
        blocks.Add(new ReportParagraph(data.IsPublic
            ? text.Format("Report.PublicNote", text.Date(data.PublishedAt), text.Number(data.Revision))
            : text["Report.InternalNote"], Note: true));
        var scope = text[$"Scope.{data.Scope}"];
        if (!string.IsNullOrWhiteSpace(data.ScopeDetail))
        {
            scope = text.Format("Report.Cover.ScopeDetail", scope, data.ScopeDetail);
        }
        List<ReportFact> facts =
        [
            new(text["Report.Cover.Country"], data.CountryName.In(text.Language)),
            new(text["Report.Cover.Round"], data.Title),
            new(text["Report.Cover.Scope"], scope),
            new(text["Report.Cover.Purpose"], text[$"Purpose.{data.Purpose}"]),
        ];
        facts.Add(new(text["Report.Cover.Dates"], data.PlannedDatesRecorded
            ? text.Format("Report.Cover.DateRange", text.Date(data.PlannedStart), text.Date(data.PlannedEnd))
            : text["Report.Cover.NotRecorded"]));
        facts.Add(new(text["Report.Cover.Framework"], data.Framework.Version.Version));
        facts.Add(new(text["Report.Cover.Status"], text.Format("Report.Cover.StatusValue", text[$"Status.{data.Status}"], text.Number(data.Revision))));
        facts.Add(new(text["Report.Cover.Validated"], Validated(data, text)));
        facts.Add(new(text["Report.Cover.Published"], data.PublishedAt is { } published ? text.Date(published) : text["Report.Cover.NotPublished"]));
        if (data.AgreedInMeeting)
        {
            facts.Add(new(text["Report.Cover.Method"], text["Round.AgreedInMeeting.Public"]));
        }
        blocks.Add(new ReportFacts(facts));
        return new ReportSection("cover", text.Format("Report.Title", data.CountryName.In(text.Language)), blocks);
    }

    /// <summary>
    /// Internal: the validator's name and date. Public: the validating role and date only (a published round was
    /// validated, so a release without the record is one signed before it was kept).
    /// </summary>
    private static string Validated(ReportData data, ReportText text)
    {
        if (data.ValidatedAt is not { } at)
        {
            return text[data.IsPublic ? "Report.Cover.NotRecorded" : "Report.Cover.NotValidated"];
        }
        var who = data.IsPublic
            ? data.ValidatorRole?.Region is { } region
                ? text.Format("Report.Validator.Regional", region.In(text.Language))
                : text["Report.Validator.Global"]
            : data.ValidatedBy ?? "—";
        return text.Format("Report.Cover.ValidatedValue", who, text.Date(at));
    }

    private static ReportSection Participation(IReadOnlyList<ReportParticipant> participants, ReportText text)
    {
        var bySide = participants.GroupBy(p => p.Group.Side()).ToDictionary(group => group.Key, group => group.Count());
        List<ReportBlock> blocks =
        [
            new ReportFacts(
            [
                new(text["Side.Public"], text.Number(bySide.GetValueOrDefault(StakeholderSide.Public))),
                new(text["Side.Private"], text.Number(bySide.GetValueOrDefault(StakeholderSide.Private))),
                new(text["Side.Neither"], text.Number(bySide.GetValueOrDefault(StakeholderSide.Neither))),
                new(text["Report.Participation.Conflicts"], text.Number(participants.Count(p => p.DeclaredConflict))),
            ]),
            new ReportTable(text["Report.Participation.ByGroup"],
                [text["Report.Col.Group"], text["Report.Col.Side"], text["Report.Col.Participants"], text["Report.Col.Respondents"], text["Report.Col.Conflicts"]],
                [.. participants.GroupBy(p => p.Group).OrderBy(group => group.Key).Select(group => (IReadOnlyList<ReportCell>)
                [
                    new(text[$"Group.{group.Key}"]), new(text[$"Side.{group.Key.Side()}"]), new(text.Number(group.Count())),
                    new(text.Number(group.Count(p => p.Role == ParticipantRole.Respondent))), new(text.Number(group.Count(p => p.DeclaredConflict))),
                ])]),
        ];
        if (participants.Count == 0)
        {
            blocks.Add(new ReportParagraph(text["Report.Participation.None"]));
        }
        else
        {
            blocks.Add(new ReportTable(text["Report.Participation.Names"],
                [text["Report.Col.Name"], text["Report.Col.Organisation"], text["Report.Col.Group"], text["Report.Col.Role"], text["Report.Col.Conflict"]],
                [.. participants.Select(p => (IReadOnlyList<ReportCell>)
                [
                    new(p.Name), new(p.Organisation ?? "—"), new(text[$"Group.{p.Group}"]), new(text[$"ParticipantRole.{p.Role}"]),
                    new(text[p.DeclaredConflict ? "Report.Yes" : "Report.No"]),
                ])]));
        }
        return new ReportSection("participation", text["Report.Section.Participation"], blocks);
    }

    private static ReportSection Profile(IReadOnlyList<ReportScore> profile, Names names, ReportText text)
    {
        var points = profile.Select(score => new BehaviourScorePoint(score.Code, names.Behaviour(score.Code), score.Mean)
        {
            Status = score.Status,
            Band = score.Band,
            Coverage = score.Coverage,
        }).ToList();
        var description = text.Format("Chart.Radar.Desc", text.Number(RadarGeometry.Levels), text.List(points.Select(point =>
            text.Format("Chart.Radar.Item", point.Name, point.Mean is { } mean ? text.Score(mean) : text["Scoring.NoScore"]))));
        return new ReportSection("profile", text["Report.Section.Profile"],
        [
            new ReportParagraph(text["Published.NoRanking"], Note: true),
            new ReportRadar(text["Chart.Radar.Title"], description, points),
            new ReportTable(text["Chart.Radar.TableCaption"], [text["Chart.Col.Behaviour"], text["Chart.Col.Mean"], text["Chart.Col.Band"]],
                [.. points.Select(point => (IReadOnlyList<ReportCell>)
                [
                    new($"{point.Name} ({point.Code})"),
                    new(point.Mean is { } mean ? text.Score(mean) : text["Scoring.NoScore"]),
                    point.Band is { } band ? new(text.Format("Report.LevelValue", text.Number((int)band), text[$"Scoring.Band.{band}"]), (int)band)
                        : new(point.Status is { } status && status != ScoreStatus.Scored ? text[$"Scoring.Answer.{status}"] : "—"),
                ])]) { ChartTable = true },
        ]);
    }

    private static ReportSection Levels(IReadOnlyDictionary<string, ReportAnswer> answers, Names names, ReportText text)
    {
        var rows = names.Tree.Behaviours.Select(behaviour => new HeatMapRow(behaviour.Code, names.Behaviour(behaviour.Code),
            [.. behaviour.Mechanisms.Select(mechanism =>
            {
                var answer = answers.GetValueOrDefault(mechanism.Code)?.Answer ?? MechanismAnswer.NotAssessed;
                return new HeatMapCell(mechanism.Code, names.Mechanism(mechanism.Code), answer.State, answer.Level);
            })])).ToList();
        var series = LevelSeries(text);
        var bars = rows.Select(row => LevelDistribution.Row(row.BehaviourName, row.Cells.Select(cell => cell.Level)) with { Code = row.BehaviourCode }).ToList();
        var description = text.Format("Chart.Bar.StackedDesc", text.List(bars.Select(bar => text.Format("Chart.Bar.Row", bar.Label,
            text.List(series.Select((item, i) => text.Format("Chart.Radar.Item", item.Name, text.Number((int)bar.Values[i]))))))));
        return new ReportSection("levels", text["Report.Section.Levels"],
        [
            new ReportHeatMap(text["Chart.HeatMap.Title"], rows),
            new ReportBars(text["Report.Bars.Title"], description, bars, series),
        ]);
    }

    /// <summary>The level series named in the report's language (the chart helper reads the thread's).</summary>
    private static IReadOnlyList<BarSeries> LevelSeries(ReportText text) =>
    [
        .. Enumerable.Range(Scoring.Levels.Lowest, Scoring.Levels.Highest - Scoring.Levels.Lowest + 1).Select(level => BarSeries.ForLevel(level, text[$"Scoring.Band.{(LevelBand)level}"])),
        BarSeries.ForNoData(text["Report.NoLevel"]),
    ];

    private static ReportSection Mechanisms(IReadOnlyDictionary<string, ReportAnswer> answers, Names names, ReportText text, bool isPublic)
    {
        List<ReportBlock> blocks = [];
        if (isPublic)
        {
            blocks.Add(new ReportParagraph(text["Report.Mechanisms.PublicNote"], Note: true));
        }
        foreach (var behaviour in names.Tree.Behaviours)
        {
            blocks.Add(new ReportHeading(text.Format("Report.Behaviour", names.Behaviour(behaviour.Code), behaviour.Code)));
            foreach (var mechanism in behaviour.Mechanisms)
            {
                var answer = answers.GetValueOrDefault(mechanism.Code) ?? new ReportAnswer(MechanismAnswer.NotAssessed, null, null, null, []);
                List<ReportFact> facts = [new(text["Report.Answer"], Answer(answer.Answer, text))];
                if (answer.Rationale is { } rationale)
                {
                    facts.Add(new(text["Report.Rationale"], rationale));
                }
                if (answer.Confidence is { } confidence)
                {
                    facts.Add(new(text["Report.Confidence"], text[$"Confidence.{confidence}"]));
                }
                if (answer.Dissent is { } dissent)
                {
                    facts.Add(new(text["Report.Dissent"], dissent));
                }
                if (!isPublic || answer.EvidenceTitles.Count > 0)
                {
                    facts.Add(new(text["Report.Evidence"], answer.EvidenceTitles.Count == 0 ? text["Report.NoEvidence"] : string.Join("; ", answer.EvidenceTitles)));
                }
                blocks.Add(new ReportHeading(text.Format("Report.Mechanism", mechanism.Code, names.Mechanism(mechanism.Code))));
                blocks.Add(new ReportFacts(facts));
            }
        }
        return new ReportSection("mechanisms", text["Report.Section.Mechanisms"], blocks);
    }

    private static ReportSection Divergence(IReadOnlyList<ReportDivergence> divergence, Names names, ReportText text)
    {
        var rated = divergence.Where(row => row.PublicMedian is not null || row.PrivateMedian is not null || row.LevelRange is not null).ToList();
        List<ReportBlock> blocks = [new ReportParagraph(text["Report.Divergence.Explain"], Note: true)];
        if (rated.Count == 0)
        {
            blocks.Add(new ReportParagraph(text["Report.Divergence.None"]));
        }
        else
        {
            blocks.Add(new ReportParagraph(text.Format("Report.Divergence.Count", text.Number(rated.Count(row => row.Divergent)), text.Number(rated.Count))));
            blocks.Add(new ReportTable(text["Report.Section.Divergence"],
                [text["Chart.Col.Mechanism"], text["Report.Col.PublicMedian"], text["Report.Col.PrivateMedian"], text["Report.Col.Range"], text["Report.Col.Divergent"]],
                [.. rated.Select(row => (IReadOnlyList<ReportCell>)
                [
                    new($"{row.MechanismCode} {names.Mechanism(row.MechanismCode)}"), new(text.Median(row.PublicMedian)), new(text.Median(row.PrivateMedian)),
                    new(row.LevelRange is { } range ? text.Number(range) : "—"), new(text[row.Divergent ? "Report.Yes" : "Report.No"]),
                ])]));
        }
        return new ReportSection("divergence", text["Report.Section.Divergence"], blocks);
    }

    private static ReportSection Gaps(IReadOnlyDictionary<string, ReportAnswer> answers, Names names, ReportText text)
    {
        var gaps = names.Tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms)
            .Where(mechanism => answers.GetValueOrDefault(mechanism.Code)?.Answer.IsInformationGap == true)
            .Select(mechanism => (IReadOnlyList<ReportCell>)[new(mechanism.Code), new(names.Mechanism(mechanism.Code)), new(Answer(answers[mechanism.Code].Answer, text))])
            .ToList();
        ReportBlock content = gaps.Count == 0
            ? new ReportParagraph(text["Report.Gaps.None"])
            : new ReportTable(text["Report.Section.Gaps"], [text["Chart.Col.Mechanism"], text["Chart.Col.Name"], text["Report.Answer"]], gaps);
        return new ReportSection("gaps", text["Report.Section.Gaps"], [new ReportParagraph(text["Report.Gaps.Explain"], Note: true), content]);
    }

    private static ReportSection Methodology(ReportData data, ReportText text) =>
        new("methodology", text["Report.Section.Methodology"],
        [
            new ReportParagraph(text["Report.Method.Levels"]),
            new ReportParagraph(text.Format("Report.Method.Score", data.RuleVersion)),
            new ReportParagraph(text.Format("Report.Method.Framework", data.Framework.Version.Version)),
        ]);

    internal static string Answer(MechanismAnswer answer, ReportText text) => answer.Level is { } level
        ? text.Format("Report.LevelValue", text.Number(level), text[$"Scoring.Band.{(LevelBand)level}"])
        : text[$"Scoring.Answer.{answer.State}"];

    /// <summary>Behaviour and mechanism names in the report's language.</summary>
    internal sealed class Names(FrameworkTree tree, string language)
    {
        private readonly Dictionary<string, string> behaviours = tree.Behaviours.ToDictionary(b => b.Code, b => b.Name.In(language), StringComparer.Ordinal);
        private readonly Dictionary<string, string> mechanisms = tree.Behaviours.SelectMany(b => b.Mechanisms)
            .ToDictionary(m => m.Code, m => m.Name.In(language), StringComparer.Ordinal);

        public FrameworkTree Tree => tree;

        public string Behaviour(string code) => behaviours.GetValueOrDefault(code) ?? code;

        public string Mechanism(string code) => mechanisms.GetValueOrDefault(code) ?? code;
    }
}
