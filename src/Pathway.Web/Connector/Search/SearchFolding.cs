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
}
