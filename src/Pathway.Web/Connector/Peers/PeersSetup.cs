using Pathway.Web.Components.Layout;
using Pathway.Web.Components.Mechanisms;

namespace Pathway.Web.Connector.Peers;

public static class PeersSetup
{
    /// <summary>Peer learning: the published-history cache, the per-request directory, exchange requests and the mechanism panel.</summary>
    public static IServiceCollection AddPeers(this IServiceCollection services)
    {
        services.AddSingleton<PeerCache>();
        services.AddScoped<PeerDirectory>();
        services.AddScoped<ExchangeDesk>();
        // After the resources panel (order 10 or so): first what helps, then who has done it.
        services.AddSingleton(new MechanismPanelAddOn(typeof(PeerPanel), 20));
        services.AddSingleton(new HeaderAddOn(typeof(ExchangesLink)));
        return services;
    }
}
