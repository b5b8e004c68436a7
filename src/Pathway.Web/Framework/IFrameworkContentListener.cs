namespace Pathway.Web.Framework;

/// <summary>
/// Told after a framework version or a recommendation catalogue was imported or replaced (not when an import
/// changed nothing or was refused), so a feature that copies their text elsewhere (the search index) follows at
/// once without Framework or Planning naming it.
/// </summary>
public interface IFrameworkContentListener
{
    Task ContentImportedAsync(CancellationToken cancellationToken);
}
