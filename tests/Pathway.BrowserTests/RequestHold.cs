using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Pathway.BrowserTests;

/// <summary>
/// Holds the server's answers to requests under one path until the journey releases them, so a journey can see a
/// page in the middle of a wait (a download being prepared) without racing the server. A browser's own downloads
/// bypass Playwright's request routing, so the hold sits in the server. Nothing is held unless a journey asks.
/// </summary>
public sealed class RequestHold
{
    private readonly Lock gate = new();
    private PathString? prefix;
    private TaskCompletionSource release = NewRelease();

    /// <summary>The address (path and query) of the last request held.</summary>
    public string? LastHeld { get; private set; }

    /// <summary>From now on, answers under <paramref name="path"/> wait for <see cref="Release"/>.</summary>
    public void Hold(string path)
    {
        lock (gate)
        {
            prefix = path;
            release = NewRelease();
        }
    }

    public void Release()
    {
        lock (gate)
        {
            prefix = null;
            release.TrySetResult();
        }
    }

    internal Task WaitAsync(HttpRequest request)
    {
        lock (gate)
        {
            if (prefix is not { } held || !request.Path.StartsWithSegments(held))
            {
                return Task.CompletedTask;
            }
            LastHeld = request.Path + request.QueryString;
            return release.Task;
        }
    }

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Puts the hold first in the app's pipeline.</summary>
    internal sealed class Filter(RequestHold hold) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                await hold.WaitAsync(context.Request).WaitAsync(context.RequestAborted);
                await following(context);
            });
            next(app);
        };
    }
}
