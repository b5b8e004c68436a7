using Pathway.Web.Framework;

namespace Pathway.Web.Planning;

/// <summary>How a mechanism of the newer round relates to the older round's, or why it cannot be compared.</summary>
public enum CrosswalkKind
{
    /// <summary>The same mechanism: same version, or mapped one to one to the same code.</summary>
    Same,

    /// <summary>Mapped one to one to a different code.</summary>
    Renamed,

    /// <summary>One old mechanism became several; each new one is compared with the old level.</summary>
    Split,

    /// <summary>Several old mechanisms became this one: no single earlier level to compare with.</summary>
    Merged,

    /// <summary>A new mechanism no old code maps to.</summary>
    Added,

    /// <summary>An old mechanism the crosswalk maps to nothing.</summary>
    Removed,

    /// <summary>An old mechanism the crosswalk does not mention.</summary>
    Unmapped,

    /// <summary>The versions differ and the newer one declares no crosswalk from the older one.</summary>
    NoCrosswalk,
}

/// <summary>
/// One line of a pairing: a mechanism of the newer version (<see cref="NewCode"/>, null for an old
/// mechanism that has no counterpart) and the old codes it relates to. Comparable lines have exactly
/// one old code.
/// </summary>
public sealed record CrosswalkLine(string? NewCode, IReadOnlyList<string> OldCodes, CrosswalkKind Kind)
{
    public bool IsComparable => Kind is CrosswalkKind.Same or CrosswalkKind.Renamed or CrosswalkKind.Split;

    /// <summary>The one old code compared with, on a comparable line.</summary>
    public string? OldCode => IsComparable ? OldCodes[0] : null;
}

/// <summary>What two rounds' mechanisms are paired by: the same version, a declared crosswalk, or nothing.</summary>
public sealed record CrosswalkBasis
{
    private CrosswalkBasis(IReadOnlyList<CrosswalkEntry>? mappings, bool sameVersion)
    {
        Mappings = mappings;
        IsSameVersion = sameVersion;
    }

    public IReadOnlyList<CrosswalkEntry>? Mappings { get; }

    public bool IsSameVersion { get; }

    /// <summary>False only for <see cref="None"/>.</summary>
    public bool PairsAnything => IsSameVersion || Mappings is not null;

    public static CrosswalkBasis SameVersion { get; } = new(null, true);

    /// <summary>Different versions and no crosswalk between them: nothing is comparable.</summary>
    public static CrosswalkBasis None { get; } = new(null, false);

    public static CrosswalkBasis Declared(IReadOnlyList<CrosswalkEntry> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        return new(mappings, false);
    }
}

/// <summary>
/// Pairs the mechanisms of an older and a newer framework version. Pure. Only an explicit mapping
/// pairs two versions' mechanisms: a code spelt the same in both is never compared without one.
/// </summary>
public static class Crosswalk
{
    /// <summary>
    /// The lines in the newer version's order, then the old mechanisms that have no counterpart
    /// (removed, unmapped, or all of them when there is no crosswalk) in the older version's order.
    /// Mappings from codes the older version does not have, or to codes the newer does not have, are ignored.
    /// </summary>
    public static IReadOnlyList<CrosswalkLine> Pair(IReadOnlyList<string> oldCodes, IReadOnlyList<string> newCodes, CrosswalkBasis basis)
    {
        ArgumentNullException.ThrowIfNull(oldCodes);
        ArgumentNullException.ThrowIfNull(newCodes);
        ArgumentNullException.ThrowIfNull(basis);
        if (basis.IsSameVersion)
        {
            var old = oldCodes.ToHashSet(StringComparer.Ordinal);
            return
            [
                .. newCodes.Select(code => old.Contains(code) ? new CrosswalkLine(code, [code], CrosswalkKind.Same) : new CrosswalkLine(code, [], CrosswalkKind.Added)),
                .. oldCodes.Where(code => !newCodes.Contains(code, StringComparer.Ordinal)).Select(code => new CrosswalkLine(null, [code], CrosswalkKind.Removed)),
            ];
        }
        if (basis.Mappings is not { } mappings)
        {
            return
            [
                .. newCodes.Select(code => new CrosswalkLine(code, [], CrosswalkKind.NoCrosswalk)),
                .. oldCodes.Select(code => new CrosswalkLine(null, [code], CrosswalkKind.NoCrosswalk)),
            ];
        }

        var known = newCodes.ToHashSet(StringComparer.Ordinal);
        var targetsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var mapping in mappings.Where(mapping => oldCodes.Contains(mapping.From, StringComparer.Ordinal)))
        {
            // A file validated on import has each old code once; were one repeated, its targets add up.
            var targets = targetsOf.TryGetValue(mapping.From, out var found) ? found : targetsOf[mapping.From] = [];
            targets.AddRange(mapping.To.Where(code => known.Contains(code) && !targets.Contains(code, StringComparer.Ordinal)));
        }
        var sourcesOf = newCodes.ToDictionary(code => code, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var old in oldCodes.Where(targetsOf.ContainsKey))
        {
            foreach (var target in targetsOf[old])
            {
                sourcesOf[target].Add(old);
            }
        }

        var lines = new List<CrosswalkLine>(newCodes.Count + oldCodes.Count);
        foreach (var code in newCodes)
        {
            var sources = sourcesOf[code];
            var kind = sources.Count switch
            {
                0 => CrosswalkKind.Added,
                > 1 => CrosswalkKind.Merged,
                _ when targetsOf[sources[0]].Count > 1 => CrosswalkKind.Split,
                _ when sources[0] == code => CrosswalkKind.Same,
                _ => CrosswalkKind.Renamed,
            };
            lines.Add(new CrosswalkLine(code, sources, kind));
        }
        foreach (var old in oldCodes)
        {
            if (!targetsOf.TryGetValue(old, out var targets))
            {
                lines.Add(new CrosswalkLine(null, [old], CrosswalkKind.Unmapped));
            }
            else if (targets.Count == 0)
            {
                lines.Add(new CrosswalkLine(null, [old], CrosswalkKind.Removed));
            }
        }
        return lines;
    }
}
