using Microsoft.Extensions.Localization;

namespace Pathway.Web.Assessments.Evidence;

/// <summary>
/// The mechanism codes a piece of evidence is given (at upload, or later through "Also supports…"):
/// each checked against the round's framework, spelled as the framework spells it, once, in framework order.
/// </summary>
public static class EvidenceMechanisms
{
    // Unknown codes are echoed in the message; an absurdly long one is cut so the reply stays small.
    private const int EchoedCodeLength = 40;

    /// <summary>Every mechanism code of the round's framework, in framework order.</summary>
    public static IReadOnlyList<string> Of(Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return [.. round.Framework.Behaviours.SelectMany(behaviour => behaviour.Mechanisms).Select(mechanism => mechanism.Code)];
    }

    /// <summary>The mechanism code as the round's framework spells it, or null when it has no such mechanism.</summary>
    public static string? Canonical(Round round, string? mechanismCode)
    {
        var code = mechanismCode?.Trim();
        return string.IsNullOrEmpty(code)
            ? null
            : Of(round).FirstOrDefault(known => string.Equals(known, code, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The given codes in framework order (any order, case or repetition given).</summary>
    public static List<string> InFrameworkOrder(Round round, IEnumerable<string> codes)
    {
        var set = codes.ToHashSet(StringComparer.Ordinal);
        return [.. Of(round).Where(set.Contains)];
    }

    /// <summary>
    /// Checks the codes a person gave: at least one (<paramref name="noneMessage"/> otherwise), each a
    /// mechanism of the round's framework (the message names every unknown code). Null when valid, with
    /// <paramref name="codes"/> the canonical codes in framework order.
    /// </summary>
    public static string[]? Check(Round round, IEnumerable<string?>? given, string noneMessage, IStringLocalizer l, out List<string> codes)
    {
        ArgumentNullException.ThrowIfNull(l);
        var named = (given ?? []).Select(code => code?.Trim()).OfType<string>().Where(code => code.Length > 0).ToList();
        codes = [];
        if (named.Count == 0)
        {
            return [noneMessage];
        }
        var unknown = named.Where(code => Canonical(round, code) is null).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            return [.. unknown.Select(code => Unknown(round, code, l))];
        }
        codes = InFrameworkOrder(round, named.Select(code => Canonical(round, code)!));
        return null;
    }

    /// <summary>"ZZ.9 is not a mechanism of framework version 1…", naming the code.</summary>
    public static string Unknown(Round round, string code, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(l);
        var codes = Of(round);
        return l["Round.UnknownMechanism", TextRules.Truncate(code.Trim(), EchoedCodeLength), round.FrameworkVersion, codes.Count > 0 ? codes[0] : ""];
    }
}
