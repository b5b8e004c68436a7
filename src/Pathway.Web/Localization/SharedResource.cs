namespace Pathway.Web;

/// <summary>
/// Marker for the interface texts in Resources/SharedResource.resx (English), .fr.resx and .ar.resx.
/// It lives in the root namespace so the localizer finds those files by name, and outside Resources/
/// so MSBuild does not name the .resx after this class instead of after their folder.
/// </summary>
public sealed class SharedResource;
