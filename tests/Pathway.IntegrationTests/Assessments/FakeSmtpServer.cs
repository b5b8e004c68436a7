using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>
/// Just enough of an SMTP server on a loopback port to receive what the site sends: it accepts every
/// command and keeps each message's whole conversation (envelope and data) as text.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<string> messages = new();
    private Task? accepting;

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public IReadOnlyCollection<string> Messages => messages;

    public static FakeSmtpServer Start()
    {
        var server = new FakeSmtpServer();
        server.listener.Start();
        server.accepting = server.AcceptAsync();
        return server;
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stopping.Token);
                await ConverseAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        var conversation = new StringBuilder();
        await writer.WriteLineAsync("220 localhost fake SMTP");
        while (await reader.ReadLineAsync(stopping.Token) is { } line)
        {
            conversation.AppendLine(line);
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    while (await reader.ReadLineAsync(stopping.Token) is { } data && data != ".")
                    {
                        conversation.AppendLine(data);
                    }
                    messages.Enqueue(conversation.ToString());
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        if (accepting is not null)
        {
            await accepting;
        }
        stopping.Dispose();
    }
}
