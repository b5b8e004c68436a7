using System.Collections.Concurrent;

namespace Pathway.Web.Framework;

/// <summary>
/// Framework trees already read and parsed, shared by all requests. Rebuilding the three-language
/// tree costs several milliseconds of CPU per request; reading it from here costs one indexed lookup.
/// Every use first asks the database for the version's row id and content hash, so a version that was
/// replaced (on this server or another) is never served stale.
/// </summary>
public sealed class FrameworkTreeCache
{
    private readonly ConcurrentDictionary<int, (string ContentHash, FrameworkTree Tree)> trees = new();

    public bool TryGet(int versionId, string contentHash, out FrameworkTree tree)
    {
        if (trees.TryGetValue(versionId, out var entry) && entry.ContentHash == contentHash)
        {
            tree = entry.Tree;
            return true;
        }
        tree = default!;
        return false;
    }

    public void Set(int versionId, string contentHash, FrameworkTree tree) => trees[versionId] = (contentHash, tree);
}
