namespace Pathway.Web.Framework;

/// <summary>
/// Whether something is pinned to a framework version, so an import may not replace it. The features that pin
/// versions (assessment rounds) answer, so Framework names none of them.
/// </summary>
public interface IFrameworkPins
{
    Task<bool> AnyAsync(int versionId, CancellationToken cancellationToken);
}
