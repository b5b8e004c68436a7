namespace Pathway.Web.Connector.Organisations;

/// <summary>
/// Told when an organisation's name or acronym changes, before the directory saves, so content that shows the name
/// (a partnership's search entry) follows in the same unit of work. Registered as a service by the feature that
/// names organisations, so the directory names none of them.
/// </summary>
public interface IOrganisationRenameListener
{
    /// <summary>Stages what follows from the new name; the directory saves.</summary>
    Task RenamedAsync(Organisation organisation, CancellationToken cancellationToken);
}
