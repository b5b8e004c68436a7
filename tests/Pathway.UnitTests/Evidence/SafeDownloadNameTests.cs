using System.Globalization;
using System.Text;
using Pathway.Web.Assessments.Evidence;

namespace Pathway.UnitTests.Evidence;

public class SafeDownloadNameTests
{
    [Theory]
    [InlineData("..\\..\\x.pdf", "x.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("C:\\Users\\amina\\Documents\\Loi 2019-12.pdf", "Loi 2019-12.pdf")]
    [InlineData("/var/tmp/", "evidence.pdf")]
    [InlineData("..", "evidence.pdf")]
    public void Paths_are_stripped_to_the_last_segment(string original, string expected)
    {
        Assert.Equal(expected, EvidenceFileCheck.SafeDownloadName(original, EvidenceFileType.Pdf));
    }

    [Theory]
    [InlineData("تقرير وزارة الصحة ٢٠٢٤.pdf", "تقرير وزارة الصحة ٢٠٢٤.pdf")]
    [InlineData("Rapport d'évaluation – Côte d'Ivoire.pdf", "Rapport d'évaluation – Côte d'Ivoire.pdf")]
    [InlineData("Отчёт.pdf", "Отчёт.pdf")]
    [InlineData("گزارش‌نهایی.pdf", "گزارش‌نهایی.pdf")]
    public void Letters_of_any_script_are_kept(string original, string expected)
    {
        Assert.Equal(expected, EvidenceFileCheck.SafeDownloadName(original, EvidenceFileType.Pdf));
    }

    [Fact]
    public void Decomposed_accents_are_composed()
    {
        var decomposed = "Re\u0301sume\u0301.pdf";

        Assert.Equal("Résumé.pdf", EvidenceFileCheck.SafeDownloadName(decomposed, EvidenceFileType.Pdf));
    }

    [Theory]
    [InlineData("photo.gif", EvidenceFileType.Png, "photo.png")]
    [InlineData("report.exe", EvidenceFileType.Pdf, "report.pdf")]
    [InlineData("report.pdf.exe", EvidenceFileType.Pdf, "report.pdf.pdf")]
    [InlineData("photo.JPEG", EvidenceFileType.Jpeg, "photo.jpg")]
    [InlineData("Budget.XLSX", EvidenceFileType.Xlsx, "Budget.xlsx")]
    [InlineData("minutes", EvidenceFileType.Docx, "minutes.docx")]
    [InlineData("Minutes 12.03.2024", EvidenceFileType.Docx, "Minutes 12.03.2024.docx")]
    [InlineData("report.pdf. . ", EvidenceFileType.Pdf, "report.pdf")]
    public void The_extension_is_always_that_of_the_real_type(string original, EvidenceFileType type, string expected)
    {
        Assert.Equal(expected, EvidenceFileCheck.SafeDownloadName(original, type));
    }

    [Theory]
    [InlineData("a<b>:c\"d|e?f*.pdf", "a_b__c_d_e_f_.pdf")]
    [InlineData("line one\r\nline\ttwo.pdf", "line one line two.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.pdf")]
    [InlineData("\u2066hidden\u2069 name\u200B.pdf", "hidden name.pdf")]
    [InlineData("nul\0byte.pdf", "nul byte.pdf")]
    [InlineData("lone \uD800 surrogate.pdf", "lone surrogate.pdf")]
    [InlineData("   many     spaces   .pdf", "many spaces.pdf")]
    [InlineData(".hidden.pdf", "hidden.pdf")]
    public void Control_invisible_and_reserved_characters_are_removed_or_replaced(string original, string expected)
    {
        Assert.Equal(expected, EvidenceFileCheck.SafeDownloadName(original, EvidenceFileType.Pdf));
    }

    [Theory]
    [InlineData("CON.pdf", "_CON.pdf")]
    [InlineData("lpt1.final.pdf", "_lpt1.final.pdf")]
    [InlineData("Console.pdf", "Console.pdf")]
    public void Windows_device_names_are_defused(string original, string expected)
    {
        Assert.Equal(expected, EvidenceFileCheck.SafeDownloadName(original, EvidenceFileType.Pdf));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".pdf")]
    [InlineData("\u202E\u202C")]
    public void A_name_with_nothing_usable_becomes_evidence(string? original)
    {
        Assert.Equal("evidence.xlsx", EvidenceFileCheck.SafeDownloadName(original, EvidenceFileType.Xlsx));
    }

    [Fact]
    public void A_very_long_name_is_cut_and_keeps_its_extension()
    {
        var name = EvidenceFileCheck.SafeDownloadName(new string('a', 1_000) + ".pdf", EvidenceFileType.Pdf);

        Assert.Equal(new string('a', 196) + ".pdf", name);
    }

    [Theory]
    [InlineData("تقرير ")]
    [InlineData("e\u0301")]
    [InlineData("👩🏽‍⚕️")]
    [InlineData("報告")]
    public void A_long_name_in_any_script_is_cut_between_whole_characters_within_200_bytes(string unit)
    {
        var original = string.Concat(Enumerable.Repeat(unit, 300)) + ".docx";

        var name = EvidenceFileCheck.SafeDownloadName(original, EvidenceFileType.Docx);

        Assert.EndsWith(".docx", name, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(name), 150, EvidenceFileCheck.MaxDownloadNameBytes);
        var stem = name[..^".docx".Length];
        Assert.Equal(stem.Normalize(), stem);
        Assert.Equal(stem.TrimEnd(), stem);
        var elements = StringInfo.GetTextElementEnumerator(stem);
        while (elements.MoveNext())
        {
            Assert.Contains(elements.GetTextElement(), unit.Normalize(), StringComparison.Ordinal);
        }
    }
}
