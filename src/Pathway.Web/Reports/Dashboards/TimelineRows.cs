using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.Web.Reports.Dashboards;

/// <summary>
/// One cell of the timeline: the code the round's framework version gives the row's mechanism (null: the version
/// has no counterpart, "not in this version") and the round's answer for it (null: none known).
/// </summary>
public sealed record TimelineCell(string? Code, MechanismAnswer? Answer)
{
    public static TimelineCell NotInVersion { get; } = new(null, null);

    public bool InVersion => Code is not null;
}

/// <summary>A framework version on the timeline, newest first, and how its mechanisms pair with the next (older) one's.</summary>
public sealed record TimelineVersion(FrameworkTree Tree, CrosswalkBasis ToNext)
{
    public string Version => Tree.Version.Version;
}

/// <summary>
/// The rows of the mechanisms-across-rounds heat map. Rounds on different framework versions line up through the
/// crosswalk each newer version declares from the one before (as round comparison pairs them, see
/// <see cref="Crosswalk"/>): a renamed or moved mechanism is one row, whatever its code was then, and a mechanism
/// with no counterpart in the newest version is a row of its own, "not in this version" in the other rounds.
/// </summary>
public static class TimelineRows
{
    private sealed record Row(string BehaviourCode, string Code, string Name, Dictionary<string, string> CodeIn);

    /// <summary>
    /// The rows: the newest version's mechanisms in its order, then those only older versions have, in their order.
    /// <paramref name="versions"/> starts with the newest; a row no round's version has is left out.
    /// </summary>
    public static IReadOnlyList<TimelineRow> Build(IReadOnlyList<TimelineVersion> versions, IReadOnlyList<DashboardRound> rounds, string language)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(rounds);
        if (versions.Count == 0)
        {
            return [];
        }
        var rows = versions[0].Tree.Behaviours
            .SelectMany(behaviour => behaviour.Mechanisms.Select(mechanism => Own(versions[0], behaviour, mechanism, language)))
            .ToList();
        for (var i = 1; i < versions.Count; i++)
        {
            var (newer, older) = (versions[i - 1], versions[i]);
            var lines = Crosswalk.Pair(Codes(older.Tree), Codes(newer.Tree), newer.ToNext);
            foreach (var line in lines.Where(line => line.IsComparable))
            {
                foreach (var row in rows.Where(row => row.CodeIn.GetValueOrDefault(newer.Version) == line.NewCode))
                {
                    row.CodeIn[older.Version] = line.OldCode!;
                }
            }
            // Old mechanisms with no single counterpart (removed, unmapped, merged into one, or no crosswalk) are rows of their own.
            var alone = lines.Where(line => !line.IsComparable).SelectMany(line => line.NewCode is null || line.Kind == CrosswalkKind.Merged ? line.OldCodes : [])
                .ToHashSet(StringComparer.Ordinal);
            rows.AddRange(older.Tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms
                .Where(mechanism => alone.Contains(mechanism.Code))
                .Select(mechanism => Own(older, behaviour, mechanism, language))));
        }

        var used = rounds.Select(round => round.FrameworkVersion).ToHashSet(StringComparer.Ordinal);
        return [.. rows.Where(row => row.CodeIn.Keys.Any(used.Contains)).Select(row => new TimelineRow(row.BehaviourCode, row.Code, row.Name,
            [.. rounds.Select(round => row.CodeIn.TryGetValue(round.FrameworkVersion, out var code)
                ? new TimelineCell(code, round.Answers.GetValueOrDefault(code))
                : TimelineCell.NotInVersion)]))];
    }

    /// <summary>
    /// The versions the rounds used, newest (<paramref name="newest"/>) first: back along the crosswalks each version
    /// declares from its predecessor as far as the rounds reach, then any version no crosswalk leads to.
    /// </summary>
    public static async Task<IReadOnlyList<TimelineVersion>> VersionsAsync(
        PathwayDb db, FrameworkReader framework, FrameworkTree newest, IEnumerable<string> used, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(newest);
        var needed = used.ToHashSet(StringComparer.Ordinal);
        needed.Remove(newest.Version.Version);
        var versions = new List<TimelineVersion>();
        var current = newest;
        while (true)
        {
            var declared = needed.Count == 0 ? null : await db.FrameworkVersions.AsNoTracking()
                .Where(version => version.Version == current.Version.Version)
                .Select(version => new { version.CrosswalkFrom, version.Crosswalk })
                .SingleOrDefaultAsync(cancellationToken);
            var older = declared?.CrosswalkFrom is { } from && versions.All(step => step.Version != from) && from != current.Version.Version
                ? await framework.TreeAsync(from, cancellationToken)
                : null;
            if (older is null)
            {
                versions.Add(new TimelineVersion(current, CrosswalkBasis.None));
                break;
            }
            versions.Add(new TimelineVersion(current, CrosswalkBasis.Declared(declared!.Crosswalk)));
            needed.Remove(older.Version.Version);
            current = older;
        }
        foreach (var version in needed.Order(StringComparer.Ordinal))
        {
            if (await framework.TreeAsync(version, cancellationToken) is { } tree)
            {
                versions.Add(new TimelineVersion(tree, CrosswalkBasis.None));
            }
        }
        return versions;
    }

    private static Row Own(TimelineVersion version, BehaviourView behaviour, MechanismView mechanism, string language) =>
        new(behaviour.Code, mechanism.Code, mechanism.Name.In(language), new(StringComparer.Ordinal) { [version.Version] = mechanism.Code });

    private static List<string> Codes(FrameworkTree tree) => [.. tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms).Select(mechanism => mechanism.Code)];
}
