namespace Pathway.Web.Reports;

/// <summary>
/// A write-only stream that collects what a synchronous writer (the ZIP archive under a workbook) writes,
/// so the caller can pass it on to the response asynchronously between rows: memory stays at one chunk,
/// and no synchronous write ever reaches the response body.
/// </summary>
internal sealed class ChunkedResponseStream(Stream destination) : Stream
{
    private const int ChunkSize = 256 * 1024;
    private readonly MemoryStream buffer = new();
    private long written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => written + buffer.Length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => this.buffer.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => this.buffer.Write(buffer);

    /// <summary>Sends what was collected once it fills a chunk (or always, at the end).</summary>
    public async Task PassOnAsync(bool all, CancellationToken cancellationToken)
    {
        if (buffer.Length == 0 || (!all && buffer.Length < ChunkSize))
        {
            return;
        }
        await destination.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        written += buffer.Length;
        buffer.SetLength(0);
    }

    // Flushing is the caller's PassOnAsync: the writers flush synchronously, which must not reach the response.
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            buffer.Dispose();
        }
        base.Dispose(disposing);
    }
}
