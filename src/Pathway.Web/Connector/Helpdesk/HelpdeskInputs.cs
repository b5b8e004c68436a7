using Microsoft.Extensions.Localization;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Helpdesk;

/// <summary>A question for the helpdesk (the page's form and the API body). Codes are the framework's stable codes.</summary>
public sealed class AskInput
{
    /// <summary>The question, in Markdown.</summary>
    public string? Question { get; set; }

    /// <summary>A behaviour code, e.g. DS; optional (taken from the mechanism when only that is given).</summary>
    public string? Behaviour { get; set; }

    /// <summary>A mechanism code, e.g. DS.1; optional.</summary>
    public string? Mechanism { get; set; }

    /// <summary>ISO3 code of the country the question is about; optional.</summary>
    public string? Country { get; set; }

    public void Check(IStringLocalizer l, Dictionary<string, string[]> errors)
    {
        Question = FieldText.Check(Question, nameof(Question), HelpdeskQuestion.QuestionLength, required: true, l, errors);
        Behaviour = FieldText.Check(Behaviour, nameof(Behaviour), 20, required: false, l, errors)?.ToUpperInvariant();
        Mechanism = FieldText.Check(Mechanism, nameof(Mechanism), 20, required: false, l, errors)?.ToUpperInvariant();
        Country = FieldText.Check(Country, nameof(Country), 3, required: false, l, errors)?.ToUpperInvariant();
    }
}

/// <summary>An answer from an editor or the expert the question was routed to, in Markdown.</summary>
public sealed class AnswerInput
{
    public string? Answer { get; set; }

    public bool Check(IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        errors = [];
        Answer = FieldText.Check(Answer, nameof(Answer), HelpdeskQuestion.AnswerLength, required: true, l, errors);
        return errors.Count == 0;
    }
}

/// <summary>Routes a question to an expert: any signed-in person, named by e-mail address or display name.</summary>
public sealed class RouteInput
{
    public string? Expert { get; set; }

    public bool Check(IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        errors = [];
        Expert = FieldText.Check(Expert, nameof(Expert), 256, required: true, l, errors);
        return errors.Count == 0;
    }
}

/// <summary>The FAQ entry as the editor publishes it: question and answer per language (English required, the rest optional).</summary>
public sealed class PublishInput
{
    public string? QuestionEn { get; set; }
    public string? QuestionFr { get; set; }
    public string? QuestionAr { get; set; }
    public string? AnswerEn { get; set; }
    public string? AnswerFr { get; set; }
    public string? AnswerAr { get; set; }

    public (LocalizedText Question, LocalizedText Answer)? Check(IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        errors = [];
        QuestionEn = FieldText.Check(QuestionEn, nameof(QuestionEn), HelpdeskQuestion.QuestionLength, required: true, l, errors);
        QuestionFr = FieldText.Check(QuestionFr, nameof(QuestionFr), HelpdeskQuestion.QuestionLength, required: false, l, errors);
        QuestionAr = FieldText.Check(QuestionAr, nameof(QuestionAr), HelpdeskQuestion.QuestionLength, required: false, l, errors);
        AnswerEn = FieldText.Check(AnswerEn, nameof(AnswerEn), HelpdeskQuestion.AnswerLength, required: true, l, errors);
        AnswerFr = FieldText.Check(AnswerFr, nameof(AnswerFr), HelpdeskQuestion.AnswerLength, required: false, l, errors);
        AnswerAr = FieldText.Check(AnswerAr, nameof(AnswerAr), HelpdeskQuestion.AnswerLength, required: false, l, errors);
        if (errors.Count > 0)
        {
            return null;
        }
        return (Text(QuestionEn!, QuestionFr, QuestionAr), Text(AnswerEn!, AnswerFr, AnswerAr));
    }

    public static PublishInput From(HelpdeskQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return new PublishInput
        {
            QuestionEn = question.FaqQuestion?.En ?? question.Question,
            QuestionFr = question.FaqQuestion?.Values.GetValueOrDefault("fr"),
            QuestionAr = question.FaqQuestion?.Values.GetValueOrDefault("ar"),
            AnswerEn = question.FaqAnswer?.En ?? question.Answer,
            AnswerFr = question.FaqAnswer?.Values.GetValueOrDefault("fr"),
            AnswerAr = question.FaqAnswer?.Values.GetValueOrDefault("ar"),
        };
    }

    private static LocalizedText Text(string en, string? fr, string? ar) =>
        new([new("en", en), new("fr", fr ?? ""), new("ar", ar ?? "")]);
}
