using System.Globalization;
using System.IO.Compression;
using System.Text;
using Pathway.Web.Assessments.Evidence;

namespace Pathway.UnitTests.Evidence;

/// <summary>PDFs that would run something when opened are refused; a PDF that only opens at a page is not.</summary>
public class PdfActiveContentTests
{
    private static byte[] Pdf(string catalogExtra, params string[] moreObjects)
    {
        var objects = new List<string>
        {
            $"<< /Type /Catalog /Pages 2 0 R {catalogExtra} >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        };
        objects.AddRange(moreObjects);
        var pdf = new StringBuilder("%PDF-1.7\n");
        for (var i = 0; i < objects.Count; i++)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        pdf.Append("trailer\n<< /Root 1 0 R >>\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    [Theory]
    [InlineData("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>")]
    [InlineData("/OpenAction 4 0 R")]
    [InlineData("/AA << /O << /S /Launch /F (cmd.exe) >> >>")]
    [InlineData("/Names << /JavaScript 4 0 R >>")]
    [InlineData("/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>")]
    [InlineData("/OpenAction << /S /SubmitForm /F (https://example.org/collect) >>")]
    public void A_pdf_with_script_or_a_program_starting_action_is_refused(string catalogExtra)
    {
        var pdf = Pdf(catalogExtra, "<< /S /JavaScript /JS (this.print\\(\\)) >>");
        if (!catalogExtra.Contains("4 0 R", StringComparison.Ordinal))
        {
            pdf = Pdf(catalogExtra);
        }

        var result = EvidenceFileCheck.Inspect(pdf, "report.pdf");

        Assert.Equal(EvidenceFileRefusal.PdfActiveContent, result.Refusal);
        Assert.Contains("script", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_action_that_only_opens_at_a_page_is_accepted()
    {
        var result = EvidenceFileCheck.Inspect(Pdf("/OpenAction [3 0 R /Fit] /PageMode /UseOutlines"), "report.pdf");

        Assert.True(result.IsAccepted, result.ToString());
    }

    [Fact]
    public void Script_hidden_in_a_compressed_object_stream_is_found()
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.Latin1.GetBytes("5 0 << /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>"));
        }
        var stream = Encoding.Latin1.GetString(packed.ToArray());
        var pdf = Pdf("/OpenAction 5 0 R", $"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {packed.Length} >>\nstream\n{stream}\nendstream");

        Assert.Equal(EvidenceFileRefusal.PdfActiveContent, EvidenceFileCheck.Inspect(pdf, "report.pdf").Refusal);
    }

    [Fact]
    public void An_object_stream_that_unpacks_past_the_limit_is_refused_and_read_no_further()
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < PdfActiveContent.MaxUnpackedBytes / zeros.Length + 1; i++)
            {
                zlib.Write(zeros);
            }
        }
        var pdf = Pdf("", $"<< /Type /ObjStm /Filter /FlateDecode >>\nstream\n{Encoding.Latin1.GetString(packed.ToArray())}\nendstream");

        Assert.Equal(EvidenceFileRefusal.UnpacksTooLarge, EvidenceFileCheck.Inspect(pdf, "report.pdf").Refusal);
    }
}
