using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Localization;

namespace Pathway.Web.Reports.AssessmentReport;

/// <summary>A written report file, ready to serve as a download.</summary>
public sealed record ReportFile(byte[] Content, string FileName);

/// <summary>The assessment report of a round, internal or public, as the pages and the downloads ask for it.</summary>
public sealed class AssessmentReports(ReportReader reports, IStringLocalizer<SharedResource> l)
{
    /// <summary>The languages a bilingual report can pair with English.</summary>
    public static readonly string[] BilingualLanguages = ["fr", "ar"];

    /// <summary>Whether <paramref name="value"/> is empty (one language) or a language English can be paired with.</summary>
    public static bool TryBilingual(string? value, out string? language)
    {
        language = string.IsNullOrEmpty(value) ? null : value.ToLowerInvariant();
        return language is null || BilingualLanguages.Contains(language, StringComparer.Ordinal);
    }

    /// <summary>The internal version for the round's team, or the round's not-found failure.</summary>
    public async Task<Outcome<ReportEdition>> InternalAsync(Guid id, CultureInfo language, string? bilingual, CancellationToken cancellationToken = default)
    {
        if (!(await reports.ReadInternalAsync(id, cancellationToken)).TryGet(out var data, out var closed))
        {
            return closed;
        }
        return ReportComposer.Edition(data, Normal(language), bilingual, l);
    }

    /// <summary>The public version from the published release; null when nothing of the round is published.</summary>
    public async Task<ReportEdition?> PublicAsync(Guid id, CultureInfo language, string? bilingual, CancellationToken cancellationToken = default)
    {
        var data = await reports.ReadPublicAsync(id, cancellationToken);
        return data is null ? null : ReportComposer.Edition(data, Normal(language), bilingual, l);
    }

    public ReportFile Docx(ReportEdition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var languages = edition.Bilingual ? $"en-{edition.Other!.Language}" : edition.Primary.Language;
        return new ReportFile(ReportDocxWriter.Write(edition, l), $"{edition.Primary.FileStem}-{languages}.docx");
    }

    // The site's own culture for the language (Gregorian calendar and Latin digits in Arabic).
    private static CultureInfo Normal(CultureInfo culture) =>
        Cultures.Create(Cultures.IsSupported(culture.TwoLetterISOLanguageName) ? culture.TwoLetterISOLanguageName : Cultures.Default);
}
