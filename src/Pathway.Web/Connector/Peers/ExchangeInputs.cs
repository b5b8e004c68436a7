using Microsoft.Extensions.Localization;

namespace Pathway.Web.Connector.Peers;

/// <summary>A request for an exchange (the page's form and the API body): the country asked, the mechanism, a short message.</summary>
public sealed class ExchangeInput
{
    /// <summary>ISO3 code of the country asked.</summary>
    public string? ToCountry { get; set; }

    /// <summary>The mechanism's stable code, e.g. DS.1.</summary>
    public string? Mechanism { get; set; }

    public string? Message { get; set; }

    public bool Check(IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        errors = [];
        ToCountry = FieldText.Check(ToCountry, nameof(ToCountry), 3, required: true, l, errors);
        Mechanism = FieldText.Check(Mechanism, nameof(Mechanism), ExchangeRequest.CodeLength, required: true, l, errors);
        Message = FieldText.Check(Message, nameof(Message), ExchangeRequest.MessageLength, required: true, l, errors);
        return errors.Count == 0;
    }
}

/// <summary>The asked country's answer: accept (optionally sharing contact details in the reply) or decline.</summary>
public sealed class ExchangeAnswerInput
{
    public bool Accept { get; set; }

    public string? Reply { get; set; }

    public bool Check(IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        errors = [];
        Reply = FieldText.Check(Reply, nameof(Reply), ExchangeRequest.MessageLength, required: false, l, errors);
        return errors.Count == 0;
    }
}
