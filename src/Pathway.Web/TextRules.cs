using System.Buffers;
using System.Globalization;

namespace Pathway.Web;

/// <summary>
/// The rules every stored text keeps, in one place shared by all features: which characters text may
/// hold, and how text is shortened.
/// </summary>
/// <remarks>
/// <para>Refused: the C0 control characters U+0000–U+001F except tab, line feed and carriage return.
/// PostgreSQL cannot store U+0000 at all (SQLite stores it quietly); the others are invisible, cannot be
/// written into XML 1.0 (so a DOCX or XLSX export of a plan holding one would fail) and have no use in
/// the names and sentences people type here. One rule for both databases.</para>
/// <para>Lengths are counted in UTF-16 code units (<see cref="string.Length"/>), which is never fewer than
/// PostgreSQL's varchar(n) counts (code points) and SQLite does not enforce; so a text that passes a
/// length check always fits its column on both databases.</para>
/// </remarks>
public static class TextRules
{
    private static readonly SearchValues<char> Refused = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>The index of the first refused character, or -1 when the text is acceptable. Vectorised: cheap on every request.</summary>
    public static int IndexOfRefused(ReadOnlySpan<char> text) => text.IndexOfAny(Refused);

    /// <summary>Whether the text holds a character no stored text may hold.</summary>
    public static bool HasRefused(ReadOnlySpan<char> text) => text.ContainsAny(Refused);

    /// <summary>The refused character as people can quote it, e.g. "U+0000".</summary>
    public static string Describe(char refused) => "U+" + ((int)refused).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>
    /// The text shortened to at most <paramref name="maxLength"/> UTF-16 code units, ending in
    /// <paramref name="ellipsis"/> when cut. Cuts only between text elements (a letter with its combining
    /// marks, an emoji with its modifiers), so it never splits a surrogate pair, which PostgreSQL refuses
    /// and SQLite stores as a broken character.
    /// </summary>
    public static string Truncate(string text, int maxLength, string ellipsis = "…")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ellipsis);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, ellipsis.Length);
        if (text.Length <= maxLength)
        {
            return text;
        }
        var budget = maxLength - ellipsis.Length;
        var length = 0;
        while (length < text.Length)
        {
            var next = StringInfo.GetNextTextElementLength(text, length);
            if (length + next > budget)
            {
                break;
            }
            length += next;
        }
        return string.Concat(text.AsSpan(0, length), ellipsis);
    }
}
