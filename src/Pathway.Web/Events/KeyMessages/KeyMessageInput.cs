using Microsoft.Extensions.Localization;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Events.Editing;
using Pathway.Web.Localization;

namespace Pathway.Web.Events.KeyMessages;

public sealed record KeyMessageDraft(LocalizedText Theme, LocalizedText Text, string? MechanismCode);

/// <summary>A key message as an organiser writes it: theme and text per language (English required), an optional mechanism of the framework.</summary>
public sealed class KeyMessageInput
{
    public string? ThemeEn { get; set; }
    public string? ThemeFr { get; set; }
    public string? ThemeAr { get; set; }
    public string? TextEn { get; set; }
    public string? TextFr { get; set; }
    public string? TextAr { get; set; }

    /// <summary>A mechanism code of the framework (DS.1…), or empty.</summary>
    public string? MechanismCode { get; set; }

    public KeyMessageDraft? Check(TagVocabulary vocabulary, IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(l);
        errors = [];
        var theme = EventText.Localized("Theme", ThemeEn, ThemeFr, ThemeAr, required: true, EventText.ThemeLength, l, errors);
        var text = EventText.Localized("Text", TextEn, TextFr, TextAr, required: true, EventText.MessageLength, l, errors);
        string? mechanism = null;
        var code = MechanismCode?.Trim();
        if (!string.IsNullOrEmpty(code))
        {
            mechanism = code.Length <= 100 ? vocabulary.Mechanism(code) : null;
            if (mechanism is null)
            {
                errors[nameof(MechanismCode)] = [l["Resource.Error.UnknownMechanism", TextRules.Truncate(code, 100)]];
            }
        }
        return errors.Count == 0 ? new KeyMessageDraft(theme!, text!, mechanism) : null;
    }

    public static KeyMessageInput From(KeyMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new KeyMessageInput
        {
            ThemeEn = message.Theme.En,
            ThemeFr = message.Theme.Values.GetValueOrDefault("fr"),
            ThemeAr = message.Theme.Values.GetValueOrDefault("ar"),
            TextEn = message.Text.En,
            TextFr = message.Text.Values.GetValueOrDefault("fr"),
            TextAr = message.Text.Values.GetValueOrDefault("ar"),
            MechanismCode = message.MechanismCode,
        };
    }
}

/// <summary>
/// Turning a key message into an action of a country's plan: the country, the mechanism (the message's when empty),
/// the action's text (the message's text in <see cref="Language"/> when empty) and an optional due date.
/// </summary>
public sealed class FollowUpActionInput
{
    public string? CountryIso3 { get; set; }
    public string? MechanismCode { get; set; }
    public string? What { get; set; }

    /// <summary>en, fr or ar: the language of the message's text used when <see cref="What"/> is empty.</summary>
    public string? Language { get; set; }

    public DateOnly? Due { get; set; }
}

/// <summary>Linking a key message to a published resource of the knowledge hub.</summary>
public sealed class FollowUpResourceInput
{
    public Guid? ResourceId { get; set; }
}
