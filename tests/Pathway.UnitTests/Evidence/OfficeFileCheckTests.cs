using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Pathway.Web.Assessments.Evidence;

namespace Pathway.UnitTests.Evidence;

public class OfficeFileCheckTests
{
    [Fact]
    public void A_zip_holding_only_a_text_file_is_refused_as_unknown()
    {
        var zip = EvidenceSamples.Zip([("notes.txt", "Minutes"u8.ToArray())]);

        var result = EvidenceFileCheck.Inspect(zip, "minutes.docx");

        Assert.Equal(EvidenceFileRefusal.UnknownType, result.Refusal);
        Assert.Contains("ZIP archive", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_powerpoint_like_package_is_refused_as_unknown()
    {
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = EvidenceSamples.ContentTypes(),
            ["ppt/presentation.xml"] = "<p:presentation/>",
        };

        var result = EvidenceFileCheck.Inspect(EvidenceSamples.Zip(parts), "slides.pptx");

        Assert.Equal(EvidenceFileRefusal.UnknownType, result.Refusal);
    }

    [Fact]
    public void A_docx_carrying_a_vba_project_is_refused_as_macro_enabled()
    {
        var parts = EvidenceSamples.DocxParts();
        parts["word/vbaProject.bin"] = "not really VBA";

        var result = EvidenceFileCheck.Inspect(EvidenceSamples.Zip(parts), "minutes.docx");

        Assert.Equal(EvidenceFileRefusal.MacroEnabledOfficeFile, result.Refusal);
        Assert.Equal(
            "This Word file contains macros, which are not accepted. Save it in Word as a Word document (.docx) without macros and upload that.",
            result.Message);
    }

    [Fact]
    public void A_workbook_whose_content_types_declare_it_macro_enabled_is_refused_even_without_a_vba_part()
    {
        var zip = EvidenceSamples.Zip(EvidenceSamples.XlsxParts(EvidenceSamples.ExcelMacroMain));

        var result = EvidenceFileCheck.Inspect(zip, "budget.xlsx");

        Assert.Equal(EvidenceFileRefusal.MacroEnabledOfficeFile, result.Refusal);
        Assert.Contains("Excel workbook (.xlsx)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docm_under_its_own_name_is_refused_for_its_macros_not_for_its_name()
    {
        var parts = EvidenceSamples.DocxParts(EvidenceSamples.WordMacroMain);
        parts["word/vbaProject.bin"] = "VBA";

        var result = EvidenceFileCheck.Inspect(EvidenceSamples.Zip(parts), "minutes.docm");

        Assert.Equal(EvidenceFileRefusal.MacroEnabledOfficeFile, result.Refusal);
    }

    [Fact]
    public void Content_types_written_in_utf16_are_read()
    {
        var parts = EvidenceSamples.XlsxParts(EvidenceSamples.ExcelMacroMain);
        var entries = parts.Select(p => (p.Key, p.Key == "[Content_Types].xml"
            ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(p.Value)]
            : Encoding.UTF8.GetBytes(p.Value)));

        var result = EvidenceFileCheck.Inspect(EvidenceSamples.Zip(entries), "budget.xlsx");

        Assert.Equal(EvidenceFileRefusal.MacroEnabledOfficeFile, result.Refusal);
    }

    [Fact]
    public void Part_names_are_matched_without_regard_to_case()
    {
        var parts = EvidenceSamples.DocxParts();
        parts["Word/Document.xml"] = parts["word/document.xml"];
        parts.Remove("word/document.xml");

        var result = EvidenceFileCheck.Inspect(EvidenceSamples.Zip(parts), "minutes.docx");

        Assert.Equal(EvidenceFileType.Docx, result.Format?.Type);
    }

    [Fact]
    public void A_word_document_without_content_types_is_refused_as_corrupt()
    {
        var parts = EvidenceSamples.DocxParts();
        parts.Remove("[Content_Types].xml");

        var result = EvidenceFileCheck.Inspect(EvidenceSamples.Zip(parts), "minutes.docx");

        Assert.Equal(EvidenceFileRefusal.CorruptOfficeFile, result.Refusal);
        Assert.Equal(
            "This file looks like a Word or Excel file but is damaged or incomplete, so it cannot be read. "
            + "Open it in Word or Excel, save it again as .docx or .xlsx, and upload the new copy.",
            result.Message);
    }

    [Fact]
    public void A_package_that_is_both_a_document_and_a_workbook_is_refused_as_corrupt()
    {
        var parts = EvidenceSamples.DocxParts();
        parts["xl/workbook.xml"] = "<workbook/>";

        var result = EvidenceFileCheck.Inspect(EvidenceSamples.Zip(parts), "minutes.docx");

        Assert.Equal(EvidenceFileRefusal.CorruptOfficeFile, result.Refusal);
    }

    [Fact]
    public void A_truncated_docx_is_refused_as_corrupt()
    {
        var docx = EvidenceSamples.Docx();

        var result = EvidenceFileCheck.Inspect(docx[..(docx.Length / 2)], "minutes.docx");

        Assert.Equal(EvidenceFileRefusal.CorruptOfficeFile, result.Refusal);
    }

    [Fact]
    public void No_truncation_of_a_docx_is_accepted_or_throws()
    {
        var docx = EvidenceSamples.Docx();

        for (var length = 1; length < docx.Length; length++)
        {
            var result = EvidenceFileCheck.Inspect(docx[..length], "minutes.docx");
            Assert.False(result.IsAccepted, $"accepted a docx cut to {length} of {docx.Length} bytes");
        }
    }

    [Fact]
    public void Damaged_bytes_anywhere_in_an_xlsx_give_a_verdict_never_an_exception()
    {
        var xlsx = EvidenceSamples.Xlsx();
        var random = new Random(20240603);

        for (var i = 0; i < 2_000; i++)
        {
            var damaged = (byte[])xlsx.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                damaged[random.Next(4, damaged.Length)] = (byte)random.Next(256);
            }

            var result = EvidenceFileCheck.Inspect(damaged, "budget.xlsx");
            Assert.True(result.IsAccepted || result.Refusal is not null);
        }
    }

    [Fact]
    public void An_end_record_that_understates_the_entries_is_refused_as_corrupt()
    {
        var docx = EvidenceSamples.Docx();
        var end = docx.Length - 22;
        Assert.Equal(0x06054b50u, BinaryPrimitives.ReadUInt32LittleEndian(docx.AsSpan(end)));
        BinaryPrimitives.WriteUInt16LittleEndian(docx.AsSpan(end + 8), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(docx.AsSpan(end + 10), 1);

        var result = EvidenceFileCheck.Inspect(docx, "minutes.docx");

        Assert.Equal(EvidenceFileRefusal.CorruptOfficeFile, result.Refusal);
    }

    [Fact]
    public void A_package_of_more_than_10000_parts_is_refused_before_its_directory_is_read()
    {
        var entries = EvidenceSamples.DocxParts().Select(p => (p.Key, Encoding.UTF8.GetBytes(p.Value)))
            .Concat(Enumerable.Range(0, 10_000).Select(i => ($"word/media/p{i}.xml", Array.Empty<byte>())));
        var zip = EvidenceSamples.Zip(entries, CompressionLevel.NoCompression);
        var stream = new SparseStream(zip.Length, zip);

        var result = EvidenceFileCheck.Inspect(stream, "minutes.docx");

        Assert.Equal(EvidenceFileRefusal.CorruptOfficeFile, result.Refusal);
        // The first bytes and the last 64 KB (where the end record is), not the 600 KB directory.
        Assert.True(stream.BytesRead < 70 * 1024, $"read {stream.BytesRead} of {zip.Length} bytes");
    }

    [Fact]
    public void A_zip64_end_record_is_read_for_the_entry_count()
    {
        var honest = ToZip64(EvidenceSamples.Docx(), declaredEntries: 3);
        var inflated = ToZip64(EvidenceSamples.Docx(), declaredEntries: 1_000_000);

        Assert.True(EvidenceFileCheck.Inspect(honest, "minutes.docx").IsAccepted);
        Assert.Equal(EvidenceFileRefusal.CorruptOfficeFile, EvidenceFileCheck.Inspect(inflated, "minutes.docx").Refusal);
    }

    [Fact]
    public void A_package_of_many_but_plausible_parts_is_accepted()
    {
        var entries = EvidenceSamples.XlsxParts().Select(p => (p.Key, Encoding.UTF8.GetBytes(p.Value)))
            .Concat(Enumerable.Range(0, 2_000).Select(i => ($"xl/media/image{i}.png", EvidenceSamples.Png())));
        var zip = EvidenceSamples.Zip(entries, CompressionLevel.NoCompression);

        var result = EvidenceFileCheck.Inspect(zip, "budget.xlsx");

        Assert.True(result.IsAccepted, result.ToString());
    }

    [Fact]
    public void Content_types_inflating_beyond_two_megabytes_are_refused_as_corrupt()
    {
        var parts = EvidenceSamples.DocxParts();
        parts["[Content_Types].xml"] += new string(' ', 3 * 1024 * 1024);

        var result = EvidenceFileCheck.Inspect(EvidenceSamples.Zip(parts), "minutes.docx");

        Assert.Equal(EvidenceFileRefusal.CorruptOfficeFile, result.Refusal);
    }

    [Fact]
    public void A_zip_bomb_is_refused_by_its_declared_sizes_before_any_part_is_inflated()
    {
        // 64 MB of zeros deflate to about 62 KB (1,000 to 1). Behind them, 256 KB of incompressible data keep
        // the bomb out of the 64 KB tail read for the end record, so inflating it would show in the count.
        var noise = new byte[256 * 1024];
        new Random(7).NextBytes(noise);
        var parts = EvidenceSamples.DocxParts().Select(p => (p.Key, Encoding.UTF8.GetBytes(p.Value))).ToList();
        parts.Add(("word/media/bomb.bin", new byte[64 * 1024 * 1024]));
        parts.Add(("word/media/noise.bin", noise));
        var docx = EvidenceSamples.Zip(parts, CompressionLevel.SmallestSize);
        var stream = new SparseStream(docx.Length, docx);

        var result = EvidenceFileCheck.Inspect(stream, "minutes.docx");

        Assert.Equal(EvidenceFileRefusal.UnpacksTooLarge, result.Refusal);
        Assert.Contains("200 MB", result.Message, StringComparison.Ordinal);
        Assert.True(stream.BytesRead < 100 * 1024, $"read {stream.BytesRead} of {docx.Length} bytes");
    }

    [Fact]
    public void A_package_declaring_more_than_200_MB_in_all_is_refused_though_each_part_compresses_little()
    {
        // 300 parts of 1 MB of random-looking bytes would be 300 MB; the parts here hold little but declare
        // 1 MB each (a ZIP may declare what it likes), so the total alone refuses them.
        var parts = EvidenceSamples.DocxParts().Select(p => (p.Key, Encoding.UTF8.GetBytes(p.Value))).ToList();
        parts.AddRange(Enumerable.Range(0, 300).Select(i => ($"word/media/part{i}.bin", new byte[16])));
        var zip = EvidenceSamples.Zip(parts, CompressionLevel.NoCompression);
        for (var i = 0; i < 300; i++)
        {
            zip = DeclareUncompressedSize(zip, $"word/media/part{i}.bin", 1024 * 1024);
        }

        Assert.Equal(EvidenceFileRefusal.UnpacksTooLarge, EvidenceFileCheck.Inspect(zip, "minutes.docx").Refusal);
    }

    [Fact]
    public void A_part_that_unpacks_to_more_than_it_declares_is_refused_whatever_its_declaration_says()
    {
        // 8 MB of zeros declared as 512 KB: too small to be judged by ratio, small enough in total; only
        // counting the bytes as they unpack finds the lie.
        var parts = EvidenceSamples.DocxParts().Select(p => (p.Key, Encoding.UTF8.GetBytes(p.Value))).ToList();
        parts.Add(("word/media/liar.bin", new byte[8 * 1024 * 1024]));
        var zip = DeclareUncompressedSize(EvidenceSamples.Zip(parts, CompressionLevel.SmallestSize), "word/media/liar.bin", 512 * 1024);

        var result = EvidenceFileCheck.Inspect(zip, "minutes.docx");

        Assert.False(result.IsAccepted, result.ToString());
        Assert.Contains(result.Refusal, new EvidenceFileRefusal?[] { EvidenceFileRefusal.UnpacksTooLarge, EvidenceFileRefusal.CorruptOfficeFile });
    }

    [Fact]
    public void An_ordinary_document_with_a_well_compressed_part_under_the_limits_is_accepted()
    {
        var parts = EvidenceSamples.DocxParts().Select(p => (p.Key, Encoding.UTF8.GetBytes(p.Value))).ToList();
        parts.Add(("word/media/table.xml", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>Row</w:t></w:r></w:p>", 20_000)))));

        var result = EvidenceFileCheck.Inspect(EvidenceSamples.Zip(parts), "minutes.docx");

        Assert.True(result.IsAccepted, result.ToString());
    }

    /// <summary>Writes <paramref name="size"/> as the uncompressed size of one entry, in its local header and its directory record.</summary>
    private static byte[] DeclareUncompressedSize(byte[] zip, string name, uint size)
    {
        var patched = (byte[])zip.Clone();
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 <= patched.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(patched.AsSpan(i));
            var (nameAt, sizeAt) = signature switch
            {
                0x04034b50 => (30, 22),
                0x02014b50 => (46, 24),
                _ => (0, 0),
            };
            if (nameAt > 0 && patched.AsSpan(i + nameAt).StartsWith(nameBytes)
                && BinaryPrimitives.ReadUInt16LittleEndian(patched.AsSpan(i + nameAt - (signature == 0x04034b50 ? 4 : 18))) == nameBytes.Length)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(i + sizeAt), size);
            }
        }
        return patched;
    }

    /// <summary>
    /// Rewrites a small ZIP's end as Zip64: a Zip64 end record declaring <paramref name="declaredEntries"/>,
    /// its locator, and a classic end record whose counts say "see Zip64" (0xFFFF).
    /// </summary>
    private static byte[] ToZip64(byte[] zip, ulong declaredEntries)
    {
        var end = zip.Length - 22;
        var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 12));
        var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));

        var record = new byte[56];
        BinaryPrimitives.WriteUInt32LittleEndian(record, 0x06064b50);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(4), 44);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(12), 45);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(14), 45);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(24), declaredEntries);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(32), declaredEntries);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(40), directorySize);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(48), directoryOffset);

        var locator = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064b50);
        BinaryPrimitives.WriteUInt64LittleEndian(locator.AsSpan(8), (ulong)end);
        BinaryPrimitives.WriteUInt32LittleEndian(locator.AsSpan(16), 1);

        var classic = zip[end..];
        BinaryPrimitives.WriteUInt16LittleEndian(classic.AsSpan(8), ushort.MaxValue);
        BinaryPrimitives.WriteUInt16LittleEndian(classic.AsSpan(10), ushort.MaxValue);

        return [.. zip[..end], .. record, .. locator, .. classic];
    }
}
