namespace Pathway.Web.Connector.Demo;

/// <summary>
/// The Country Connector's demonstration content, loaded after the demonstration rounds and removed before them:
/// twenty resources (with their organisations), five partnerships (with theirs), six case studies with country
/// profile figures, and a few helpdesk answers. Every part is idempotent, so loading again changes nothing.
/// </summary>
public static class ConnectorDemo
{
    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await DemoResources.LoadAsync(services, cancellationToken);
        await DemoPartnerships.LoadAsync(services, cancellationToken);
        await DemoCaseStudies.LoadAsync(services, cancellationToken);
        await DemoHelpdesk.LoadAsync(services, cancellationToken);
    }

    /// <summary>Removes what <see cref="LoadAsync"/> made, in the reverse order (partnerships name organisations, case studies partnerships).</summary>
    public static async Task RemoveAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await DemoHelpdesk.RemoveAsync(services, cancellationToken);
        await DemoCaseStudies.RemoveAsync(services, cancellationToken);
        await DemoPartnerships.RemoveAsync(services, cancellationToken);
        await DemoResources.RemoveAsync(services, cancellationToken);
    }
}
