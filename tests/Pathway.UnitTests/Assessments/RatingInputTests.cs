using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pathway.Web;
using Pathway.Web.Assessments;
using Pathway.Web.Framework;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.UnitTests.Assessments;

/// <summary>Reading an answer as the rating page posts it and as the API receives it, with the real interface texts.</summary>
public sealed class RatingInputTests : IDisposable
{
    private static readonly LevelView[] FrameworkLevels =
    [
        Level(1, "Emerging", "Émergent", "ناشئ"),
        Level(2, "Progressing", "En progrès", "متقدّم"),
        Level(3, "Established", "Établi", "راسخ"),
        Level(4, "Advanced", "Avancé", "متطوّر"),
    ];

    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;
    private readonly RatingInput input;

    public RatingInputTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        input = new RatingInput(new StringLocalizer<SharedResource>(factory), FrameworkLevels);
    }

    public void Dispose() => CultureInfo.CurrentUICulture = previous;

    private static LevelView Level(int level, string en, string fr, string ar) =>
        new(level, $"L{level}", new LocalizedText([new("en", en), new("fr", fr), new("ar", ar)]), LocalizedText.English(en));

    [Theory]
    [InlineData("1", 1)]
    [InlineData("4", 4)]
    [InlineData(" 3 ", 3)]
    public void A_page_level_value_is_a_rating(string value, int level)
    {
        var read = input.ReadFormValue(value, "answer-DS.1");

        Assert.True(read.Succeeded);
        Assert.Equal(IndividualAnswer.Rated(level), read.Answer);
    }

    [Theory]
    [InlineData("DontKnow")]
    [InlineData("dontknow")]
    public void A_page_dont_know_value_is_dont_know(string value)
    {
        Assert.Equal(IndividualAnswer.DontKnow, input.ReadFormValue(value, "f").Answer);
    }

    [Fact]
    public void A_page_not_applicable_value_is_not_applicable()
    {
        Assert.Equal(IndividualAnswer.NotApplicable, input.ReadFormValue("NotApplicable", "f").Answer);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_page_value_is_unanswered_and_not_an_error(string? value)
    {
        var read = input.ReadFormValue(value, "f");

        Assert.True(read.Succeeded);
        Assert.Null(read.Answer);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("-1")]
    [InlineData("Rated")]
    [InlineData("2.5")]
    [InlineData("٣")]
    public void Any_other_page_value_is_refused_under_its_field_with_what_is_allowed(string value)
    {
        var read = input.ReadFormValue(value, "answer-DS.2");

        Assert.Null(read.Answer);
        var message = Assert.Single(Assert.Single(read.Errors, pair => pair.Key == "answer-DS.2").Value);
        Assert.Contains($"\"{value}\" is not an answer", message, StringComparison.Ordinal);
        Assert.Contains("1 (Emerging) to 4 (Advanced)", message, StringComparison.Ordinal);
        Assert.Contains("Don't know", message, StringComparison.Ordinal);
        Assert.Contains("Not applicable", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_answer_posts_the_value_that_reads_back_as_the_same_answer()
    {
        IndividualAnswer[] answers = [.. Enumerable.Range(1, 4).Select(IndividualAnswer.Rated), IndividualAnswer.DontKnow, IndividualAnswer.NotApplicable];

        Assert.All(answers, answer => Assert.Equal(answer, input.ReadFormValue(RatingInput.FormValue(answer), "f").Answer));
    }

    [Fact]
    public void An_API_level_alone_implies_rated()
    {
        var read = input.ReadBody(new RatingBody { Level = 3 });

        Assert.Equal(IndividualAnswer.Rated(3), read.Answer);
    }

    [Theory]
    [InlineData("Rated", 2)]
    [InlineData("rated", 4)]
    public void An_API_rated_answer_with_a_level_is_a_rating(string answer, int level)
    {
        Assert.Equal(IndividualAnswer.Rated(level), input.ReadBody(new RatingBody { Answer = answer, Level = level }).Answer);
    }

    [Fact]
    public void API_dont_know_and_not_applicable_carry_no_level()
    {
        Assert.Equal(IndividualAnswer.DontKnow, input.ReadBody(new RatingBody { Answer = "DontKnow" }).Answer);
        Assert.Equal(IndividualAnswer.NotApplicable, input.ReadBody(new RatingBody { Answer = "NotApplicable", Comment = "n/a" }).Answer);
    }

    [Theory]
    [InlineData(null, 0, "level", "There is no level 0")]
    [InlineData(null, 5, "level", "There is no level 5")]
    [InlineData("Rated", 5, "level", "There is no level 5")]
    [InlineData("Rated", null, "level", "A rating needs a level")]
    [InlineData("DontKnow", 2, "level", "The answer DontKnow carries no level")]
    [InlineData("NotApplicable", 1, "level", "The answer NotApplicable carries no level")]
    [InlineData("Maybe", null, "answer", "\"Maybe\" is not an answer")]
    [InlineData("3", null, "answer", "\"3\" is not an answer")]
    [InlineData("Rated,DontKnow", null, "answer", "is not an answer")]
    [InlineData(null, null, "answer", "Give an answer")]
    public void Bad_API_combinations_are_refused_under_the_field_at_fault_saying_what_is_allowed(string? answer, int? level, string field, string expected)
    {
        var read = input.ReadBody(new RatingBody { Answer = answer, Level = level });

        Assert.False(read.Succeeded);
        Assert.Null(read.Answer);
        var message = Assert.Single(Assert.Single(read.Errors, pair => pair.Key == field).Value);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Contains("1 (Emerging) to 4 (Advanced)", message, StringComparison.Ordinal);
        Assert.Contains("DontKnow or NotApplicable", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_API_body_asks_for_an_answer()
    {
        Assert.True(input.ReadBody(null).Errors.ContainsKey("answer"));
    }

    [Fact]
    public void Messages_are_in_the_readers_language_with_the_framework_level_names()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");

        var message = input.ReadBody(new RatingBody { Level = 9 }).Errors["level"][0];

        Assert.Contains("1 (Émergent) à 4 (Avancé)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_fields_are_named_after_the_mechanism()
    {
        Assert.Equal("answer-DS.1", RatingInput.AnswerField("DS.1"));
        Assert.Equal("comment-DS.1", RatingInput.CommentField("DS.1"));
    }
}
