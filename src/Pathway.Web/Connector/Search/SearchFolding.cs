using System.Globalization;
using System.Text;

namespace Pathway.Web.Connector.Search;

/// <summary>
/// Folds text so that spellings people treat as the same word match: lower case; Latin accents dropped
/// (é → e); Arabic diacritics (harakat, shadda, sukun, dagger alef) and the tatweel dropped; the forms of
/// alef (أ إ آ ٱ) to ا, teh marbuta (ة) to ه, alef maksura (ى) to ي. Applied to indexed text and to queries
/// alike, on both databases, so the engines only ever see folded words.
/// </summary>
public static class SearchFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark || character == '\u0640')
            {
                continue;
            }
            folded.Append(character switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ة' => 'ه',
                'ى' => 'ي',
                _ => char.ToLowerInvariant(character),
            });
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The folded words of a text: runs of letters and digits, everything else a separator. Indexed text and
    /// queries are cut here, not by each engine's tokenizer, so SQLite and PostgreSQL see the same words and no
    /// punctuation a person types (quotes, <c>*</c>, <c>-</c>, <c>:</c>) ever reaches a query as syntax. Arabic words
    /// lose their definite article (<see cref="WithoutArticle"/>).
    /// </summary>
    public static IEnumerable<string> Words(string? text)
    {
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return WithoutArticle(folded[start..i]);
                start = -1;
            }
        }
    }

    /// <summary>
    /// An Arabic word without its definite article (ال), so "الصحه" and "صحه" match as people expect. Indexed text
    /// and queries both lose it, so a word that merely begins with those letters still matches itself.
    /// </summary>
    public static string WithoutArticle(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        return foldedWord.Length >= 4 && foldedWord.StartsWith("ال", StringComparison.Ordinal) ? foldedWord[2..] : foldedWord;
    }

    /// <summary>The folded words of a text, one space between each: what the index stores.</summary>
    public static string IndexText(string? text) => string.Join(' ', Words(text));
}
