using System.Text;
using Pathway.Web.Assessments.Evidence;

namespace Pathway.UnitTests.Evidence;

public class EvidenceFileCheckTests
{
    public static TheoryData<string, EvidenceFileType, string, string> AcceptedFiles() => new()
    {
        { "pdf", EvidenceFileType.Pdf, "application/pdf", ".pdf" },
        { "png", EvidenceFileType.Png, "image/png", ".png" },
        { "jpeg", EvidenceFileType.Jpeg, "image/jpeg", ".jpg" },
        { "docx", EvidenceFileType.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx" },
        { "xlsx", EvidenceFileType.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx" },
    };

    internal static byte[] Sample(string kind) => kind switch
    {
        "pdf" => EvidenceSamples.Pdf(),
        "png" => EvidenceSamples.Png(),
        "jpeg" => EvidenceSamples.Jpeg(),
        "docx" => EvidenceSamples.Docx(),
        "xlsx" => EvidenceSamples.Xlsx(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Each_accepted_type_is_recognised_by_content_with_its_mime_type_and_extension(
        string kind, EvidenceFileType type, string contentType, string extension)
    {
        var result = EvidenceFileCheck.Inspect(Sample(kind), "Evidence file" + extension);

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(type, result.Format.Type);
        Assert.Equal(contentType, result.Format.ContentType);
        Assert.Equal(extension, result.Format.Extension);
        Assert.Equal("Evidence file" + extension, result.DownloadName);
        Assert.Null(result.Refusal);
        Assert.Null(result.Message);
        Assert.Same(result.Format, EvidenceFileFormat.Of(type));
    }

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Without_a_name_or_an_extension_the_content_alone_decides_and_names_the_download(
        string kind, EvidenceFileType type, string contentType, string extension)
    {
        _ = contentType;
        var unnamed = EvidenceFileCheck.Inspect(Sample(kind), null);
        var bare = EvidenceFileCheck.Inspect(Sample(kind), "scan");

        Assert.True(unnamed.IsAccepted, unnamed.ToString());
        Assert.Equal(type, unnamed.Format.Type);
        Assert.Equal("evidence" + extension, unnamed.DownloadName);
        Assert.True(bare.IsAccepted, bare.ToString());
        Assert.Equal("scan" + extension, bare.DownloadName);
    }

    [Theory]
    [InlineData("photo.JPG")]
    [InlineData("photo.jpeg")]
    [InlineData("photo.Jpe")]
    [InlineData("photo.jfif")]
    public void Every_common_jpeg_extension_in_any_case_is_an_honest_name(string name)
    {
        var result = EvidenceFileCheck.Inspect(EvidenceSamples.Jpeg(), name);

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal("photo.jpg", result.DownloadName);
    }

    [Fact]
    public void A_name_whose_last_dot_is_not_an_extension_claims_nothing()
    {
        var result = EvidenceFileCheck.Inspect(EvidenceSamples.Pdf(), "Minutes 12.03.2024");

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal("Minutes 12.03.2024.pdf", result.DownloadName);
    }

    [Fact]
    public void An_arabic_file_name_is_kept_for_the_download()
    {
        var result = EvidenceFileCheck.Inspect(EvidenceFileCheckTests.Sample("docx"), "محضر اجتماع الحوار الوطني.docx");

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal("محضر اجتماع الحوار الوطني.docx", result.DownloadName);
    }

    [Fact]
    public void An_empty_file_is_refused_saying_what_is_allowed()
    {
        var result = EvidenceFileCheck.Inspect([], "report.pdf");

        Assert.False(result.IsAccepted);
        Assert.Equal(EvidenceFileRefusal.Empty, result.Refusal);
        Assert.Equal("The file is empty. Upload a PDF, Word (.docx), Excel (.xlsx), PNG or JPEG file of at most 20 MB.", result.Message);
        Assert.Null(result.Format);
    }

    [Fact]
    public void A_file_one_byte_over_20_MB_is_refused_without_being_read()
    {
        var stream = new SparseStream(EvidenceFileCheck.MaxBytes + 1, EvidenceSamples.Pdf());

        var result = EvidenceFileCheck.Inspect(stream, "report.pdf");

        Assert.Equal(EvidenceFileRefusal.TooLarge, result.Refusal);
        Assert.Equal("The file is 20.1 MB; files may be at most 20 MB.", result.Message);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public void The_size_in_the_refusal_is_in_megabytes_with_one_decimal()
    {
        var stream = new SparseStream((long)(23.4 * 1024 * 1024), EvidenceSamples.Pdf());

        var result = EvidenceFileCheck.Inspect(stream, "report.pdf");

        Assert.Equal("The file is 23.4 MB; files may be at most 20 MB.", result.Message);
    }

    [Fact]
    public void A_pdf_of_exactly_20_MB_is_accepted_after_reading_it_once_for_script()
    {
        Assert.Equal(20 * 1024 * 1024, EvidenceFileCheck.MaxBytes);
        var stream = new SparseStream(EvidenceFileCheck.MaxBytes, EvidenceSamples.Pdf());

        var result = EvidenceFileCheck.Inspect(stream, "report.pdf");

        Assert.True(result.IsAccepted, result.ToString());
        Assert.True(stream.BytesRead <= EvidenceFileCheck.MaxBytes + 8, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public void Html_named_report_pdf_is_refused_as_unknown_content_not_as_disguised()
    {
        var result = EvidenceFileCheck.Inspect(EvidenceSamples.Html(), "report.pdf");

        Assert.Equal(EvidenceFileRefusal.UnknownType, result.Refusal);
        Assert.Equal(
            "This file's content is not a PDF, Word (.docx), Excel (.xlsx), PNG or JPEG file, although its name ends in .pdf.",
            result.Message);
    }

    [Fact]
    public void Png_content_named_scan_pdf_is_refused_as_disguised()
    {
        var result = EvidenceFileCheck.Inspect(EvidenceSamples.Png(), "scan.pdf");

        Assert.Equal(EvidenceFileRefusal.Disguised, result.Refusal);
        Assert.Equal(
            "This file's name ends in .pdf, but its content is a PNG image. Rename it to end in .png, or upload the file you meant to.",
            result.Message);
    }

    [Theory]
    [InlineData("pdf", "budget.xlsx")]
    [InlineData("docx", "budget.xlsx")]
    [InlineData("xlsx", "minutes.docx")]
    [InlineData("jpeg", "photo.png")]
    [InlineData("png", "photo.jpg")]
    [InlineData("pdf", "setup.exe")]
    [InlineData("pdf", "invoice\u202Efdp.exe")]
    [InlineData("png", "C:\\fakepath\\scan.pdf")]
    [InlineData("pdf", "report.html. . ")]
    public void Accepted_content_under_a_name_claiming_another_type_is_disguised(string kind, string name)
    {
        var result = EvidenceFileCheck.Inspect(Sample(kind), name);

        Assert.Equal(EvidenceFileRefusal.Disguised, result.Refusal);
    }

    [Fact]
    public void A_windows_executable_is_refused_as_unknown()
    {
        var result = EvidenceFileCheck.Inspect(EvidenceSamples.Exe(), "report.exe");

        Assert.Equal(EvidenceFileRefusal.UnknownType, result.Refusal);
        Assert.StartsWith("This file's content is not a PDF, Word (.docx), Excel (.xlsx), PNG or JPEG file", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legacy_doc_or_xls_is_refused_as_unknown_with_advice_to_save_as_docx_or_xlsx()
    {
        var result = EvidenceFileCheck.Inspect(EvidenceSamples.LegacyOffice(), "minutes.doc");

        Assert.Equal(EvidenceFileRefusal.UnknownType, result.Refusal);
        Assert.Contains("Older Word and Excel files (.doc, .xls)", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "chart.svg")]
    [InlineData("Plain notes from the site visit.", "notes.txt")]
    [InlineData("\uFEFF%PDF-1.7 after a byte order mark", "report.pdf")]
    [InlineData("\n%PDF-1.7 not at the very start", "report.pdf")]
    [InlineData("<html><!-- %PDF-1.4 polyglot --></html>", "report.pdf")]
    [InlineData("GIF89a", "chart.gif")]
    [InlineData("PK", "short.zip")]
    [InlineData("%PD", "short.pdf")]
    [InlineData("x", null)]
    public void Other_content_is_refused_as_unknown(string text, string? name)
    {
        var result = EvidenceFileCheck.Inspect(Encoding.UTF8.GetBytes(text), name);

        Assert.Equal(EvidenceFileRefusal.UnknownType, result.Refusal);
    }

    [Fact]
    public void Inspection_leaves_the_stream_open_at_its_start_for_storing()
    {
        using var stream = new MemoryStream(EvidenceSamples.Docx());
        stream.Position = 17;

        var result = EvidenceFileCheck.Inspect(stream, "minutes.docx");

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(0, stream.Position);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_a_programming_error()
    {
        using var stream = new ForwardOnlyStream(EvidenceSamples.Pdf());

        Assert.Throws<ArgumentException>(() => EvidenceFileCheck.Inspect(stream, "report.pdf"));
    }
}
