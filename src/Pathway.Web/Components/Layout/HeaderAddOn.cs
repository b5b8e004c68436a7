namespace Pathway.Web.Components.Layout;

/// <summary>
/// A component a feature puts in the page header (the notice bell, for one), registered as a service so
/// the layout renders it without naming the feature: Components stays below every feature folder.
/// </summary>
public sealed record HeaderAddOn(Type Component);
