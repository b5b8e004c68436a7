using System.Text;

namespace Pathway.Web.Documents;

/// <summary>Safety of user text in exported cells and XML.</summary>
internal static class ExportCells
{
    /// <summary>
    /// Text a spreadsheet would take for a formula (or a DDE call) when opened or edited: = + - @, or a
    /// leading tab or carriage return (OWASP's list for CSV injection).
    /// </summary>
    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text with an apostrophe in front when it looks like a formula: spreadsheets then show it as text.</summary>
    public static string Guard(string text) => LooksLikeFormula(text) ? "'" + text : text;

    /// <summary>
    /// The text without characters XML 1.0 cannot carry (control characters other than tab and line
    /// breaks, lone surrogates): pasted text sometimes holds them, and one would make the file unreadable.
    /// </summary>
    public static string XmlSafe(string text)
    {
        if (IsXmlSafe(text))
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (IsXmlChar(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    private static bool IsXmlSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsXmlChar(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= ' ' && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF');

    /// <summary>True when the text holds right-to-left letters (Arabic, Hebrew): Word marks such runs right-to-left.</summary>
    public static bool HasRightToLeftLetters(string text)
    {
        foreach (var c in text)
        {
            if (c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'))
            {
                return true;
            }
        }
        return false;
    }
}
