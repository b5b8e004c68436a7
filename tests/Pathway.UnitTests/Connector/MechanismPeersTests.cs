using Pathway.Web.Connector.Peers;
using Pathway.Web.Localization;

namespace Pathway.UnitTests.Connector;

/// <summary>Who can we learn from, as a pure rule over a mechanism's published history.</summary>
public class MechanismPeersTests
{
    private static PeerCountry Country(string iso3, params (int Year, int Level)[] rounds) =>
        new(iso3, LocalizedText.English(iso3), "EMR",
            [.. rounds.Select((round, index) => new PeerRound(Guid.NewGuid(), round.Year, new DateTimeOffset(round.Year, 6, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(index), round.Level, false))]);

    [Fact]
    public void Steps_up_between_consecutive_published_rounds_are_moves_and_steps_down_are_not()
    {
        var country = Country("AAA", (2020, 1), (2022, 3), (2024, 2), (2026, 4));
        Assert.Equal([new PeerMove(1, 3, 2020, 2022), new PeerMove(2, 4, 2024, 2026)], country.Moves);
        Assert.Equal(4, country.Latest.Level);
    }

    [Fact]
    public void Peers_published_higher_or_moved_past_the_level_and_those_that_moved_from_it_come_first()
    {
        var history = new MechanismPeers("DS.1",
        [
            Country("HIG", (2025, 4)),
            Country("MOV", (2021, 2), (2025, 3)),
            Country("LOW", (2025, 2)),
            Country("BAK", (2020, 3), (2024, 2)),
            Country("ASK", (2025, 4)),
        ]);

        var peers = history.For(2, "ASK", "en");

        // LOW stands where the asker stands; BAK came down to it since (its latest level counts); ASK is the asker.
        Assert.Equal(["MOV", "HIG"], peers.Select(peer => peer.Country.Iso3));
        Assert.Equal([new PeerMove(2, 3, 2021, 2025)], peers[0].MovesUp);
        Assert.True(peers[0].PublishedHigher);
        Assert.Empty(peers[1].MovesUp);
    }

    [Fact]
    public void A_country_that_moved_up_but_stands_at_the_askers_level_has_nothing_to_teach_on_the_next_step()
    {
        var history = new MechanismPeers("DS.1", [Country("MOV", (2021, 1), (2025, 3))]);
        Assert.Empty(history.For(3, null, "en"));
        Assert.Single(history.For(2, null, "en"));
    }
}
