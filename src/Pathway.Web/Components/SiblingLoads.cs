namespace Pathway.Web.Components;

/// <summary>
/// One load at a time for the components a feature adds to another's page (mechanism panels, country profile
/// sections). Static rendering starts sibling components' async loads together, and a request has one DbContext,
/// which takes one operation at a time: PostgreSQL's truly asynchronous commands would overlap and fail, where
/// SQLite's happen to finish before the next begins. Scoped: one gate per request.
/// </summary>
public sealed class SiblingLoads : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        await gate.WaitAsync();
        try
        {
            return await load();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
