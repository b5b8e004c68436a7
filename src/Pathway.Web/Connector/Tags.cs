namespace Pathway.Web.Connector;

/// <summary>
/// The facets shared content is tagged by. Behaviour and mechanism tags hold the framework's stable codes
/// ("DS", "DS.1"), instrument tags an <see cref="Framework.InstrumentCategory"/> name, country tags ISO3 codes,
/// region tags WHO region codes; flagship areas and topics are short free text.
/// </summary>
public enum TagFacet
{
    Behaviour,
    Mechanism,
    Instrument,
    Country,
    Region,
    FlagshipArea,
    Topic,
}

/// <summary>One tag on a piece of content.</summary>
public readonly record struct ContentTag(TagFacet Facet, string Value)
{
    public const int ValueLength = 100;
}
