namespace Pathway.Web.Scoring;

/// <summary>One mechanism's agreed answer, by its stable code (e.g. <c>BU.2</c>).</summary>
public sealed record MechanismInput(string Code, MechanismAnswer Answer);

/// <summary>
/// One behaviour and its mechanisms, in framework order. A profile is scored from the behaviours in
/// framework order, so the order of the input is the order of the result.
/// </summary>
public sealed record BehaviourInput(string Code, IReadOnlyList<MechanismInput> Mechanisms)
{
    /// <summary>
    /// A behaviour's mechanisms (codes in framework order) with their stored answers; a mechanism
    /// without an answer is not assessed yet.
    /// </summary>
    public static BehaviourInput From(string code, IEnumerable<string> mechanismCodes, IReadOnlyDictionary<string, MechanismAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(mechanismCodes);
        ArgumentNullException.ThrowIfNull(answers);
        return new(code, [.. mechanismCodes.Select(mechanism => new MechanismInput(mechanism, answers.GetValueOrDefault(mechanism) ?? MechanismAnswer.NotAssessed))]);
    }
}
