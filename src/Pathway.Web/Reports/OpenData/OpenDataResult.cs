namespace Pathway.Web.Reports;

/// <summary>
/// One published result as open data: one country × round revision × mechanism, names in the reader's
/// language. The API's field names (camelCase) and the files' column names (snake_case, <see cref="OpenDataColumn"/>)
/// are stable and documented. State, level and level name are null when the country did not publish
/// mechanism levels; the behaviour score, band and coverage are null when it did not publish the profile.
/// </summary>
public sealed record OpenDataResult(
    string CountryIso3,
    string CountryName,
    string RegionCode,
    string RegionName,
    Guid RoundId,
    string RoundTitle,
    int Year,
    int Revision,
    bool IsLatestRevision,
    string FrameworkVersion,
    string BehaviourCode,
    string BehaviourName,
    string MechanismCode,
    string MechanismName,
    string? State,
    int? Level,
    string? LevelName,
    decimal? BehaviourScore,
    string? BehaviourBand,
    int? BehaviourRated,
    int? BehaviourMechanisms,
    DateTimeOffset PublishedAt,
    bool IsDemonstration,
    string? Label);

/// <summary>The kinds of value a column holds, as the data dictionary names them.</summary>
public enum OpenDataType
{
    Text,
    Code,
    Identifier,
    WholeNumber,
    DecimalNumber,
    Boolean,
    DateTime,
}

/// <summary>
/// One column of the open-data files and its API field: the stable names, the kind of value, and the key of
/// its meaning in the reader's language. The files, the data dictionary and the page all read this one list.
/// </summary>
public sealed record OpenDataColumn(string Name, string JsonName, OpenDataType Type, Func<OpenDataResult, object?> Value)
{
    /// <summary>The localizer key of the column's meaning.</summary>
    public string MeaningKey => "OpenData.Column." + JsonName;

    /// <summary>The localizer key of the type's name.</summary>
    public string TypeKey => "OpenData.Type." + Type;

    public static IReadOnlyList<OpenDataColumn> All { get; } =
    [
        new("country_iso3", "countryIso3", OpenDataType.Code, r => r.CountryIso3),
        new("country_name", "countryName", OpenDataType.Text, r => r.CountryName),
        new("region_code", "regionCode", OpenDataType.Code, r => r.RegionCode),
        new("region_name", "regionName", OpenDataType.Text, r => r.RegionName),
        new("round_id", "roundId", OpenDataType.Identifier, r => r.RoundId),
        new("round_title", "roundTitle", OpenDataType.Text, r => r.RoundTitle),
        new("year", "year", OpenDataType.WholeNumber, r => r.Year),
        new("revision", "revision", OpenDataType.WholeNumber, r => r.Revision),
        new("is_latest_revision", "isLatestRevision", OpenDataType.Boolean, r => r.IsLatestRevision),
        new("framework_version", "frameworkVersion", OpenDataType.Code, r => r.FrameworkVersion),
        new("behaviour_code", "behaviourCode", OpenDataType.Code, r => r.BehaviourCode),
        new("behaviour_name", "behaviourName", OpenDataType.Text, r => r.BehaviourName),
        new("mechanism_code", "mechanismCode", OpenDataType.Code, r => r.MechanismCode),
        new("mechanism_name", "mechanismName", OpenDataType.Text, r => r.MechanismName),
        new("state", "state", OpenDataType.Code, r => r.State),
        new("level", "level", OpenDataType.WholeNumber, r => r.Level),
        new("level_name", "levelName", OpenDataType.Text, r => r.LevelName),
        new("behaviour_score", "behaviourScore", OpenDataType.DecimalNumber, r => r.BehaviourScore),
        new("behaviour_band", "behaviourBand", OpenDataType.Code, r => r.BehaviourBand),
        new("behaviour_rated", "behaviourRated", OpenDataType.WholeNumber, r => r.BehaviourRated),
        new("behaviour_mechanisms", "behaviourMechanisms", OpenDataType.WholeNumber, r => r.BehaviourMechanisms),
        new("published_at", "publishedAt", OpenDataType.DateTime, r => r.PublishedAt),
        new("is_demonstration", "isDemonstration", OpenDataType.Boolean, r => r.IsDemonstration),
        new("label", "label", OpenDataType.Text, r => r.Label),
    ];
}
