using System.Text.Json.Serialization;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.CaseStudies;

public sealed record CaseStudySourceView(string Title, string? Link, string? Citation);

/// <summary>A contact person; only ever put in a view for a signed-in caller.</summary>
public sealed record CaseStudyContactView(string Name, string? Role, string? Organisation, string? Email);

/// <summary>The editor's grade: the strength, who graded it (their display name) and when.</summary>
public sealed record CaseStudyGrade(EvidenceStrength Strength, string GradedBy, DateTimeOffset GradedAt);

/// <summary>What the caller may do with the case study (pages show the matching buttons; the services decide again).</summary>
public sealed record CaseStudyAbilities(bool Edit, bool Grade, IReadOnlyList<string> Moves);

/// <summary>
/// A case study as the page and the API show it. <see cref="Contacts"/> is null for anonymous callers; the round it
/// was proposed from and its author are named to its own people only.
/// </summary>
public sealed record CaseStudyView(
    Guid Id,
    string CountryIso3,
    LocalizedText CountryName,
    string RegionCode,
    int FromYear,
    int? ToYear,
    LocalizedText Title,
    LocalizedText Problem,
    LocalizedText WhatWasDone,
    LocalizedText Results,
    LocalizedText Lessons,
    LocalizedText DoneDifferently,
    IReadOnlyList<string> Mechanisms,
    IReadOnlyList<string> Behaviours,
    IReadOnlyList<string> Instruments,
    Guid? PartnershipId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ModerationState>))] ModerationState State,
    CaseStudyGrade? Grade,
    IReadOnlyList<CaseStudySourceView> Sources,
    IReadOnlyList<CaseStudyContactView>? Contacts,
    Guid? SourceAssessmentId,
    Guid? SourceActionItemId,
    string? AuthorName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    bool IsDemonstration,
    int Version,
    CaseStudyAbilities Can);

/// <summary>A case study in a list: enough to choose which to read.</summary>
public sealed record CaseStudyListItem(
    Guid Id,
    string CountryIso3,
    LocalizedText CountryName,
    LocalizedText Title,
    int FromYear,
    int? ToYear,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ModerationState>))] ModerationState State,
    EvidenceStrength? Evidence,
    IReadOnlyList<string> Mechanisms,
    DateTimeOffset? PublishedAt,
    bool IsDemonstration);

public sealed record CaseStudyResults(IReadOnlyList<CaseStudyListItem> Items, int Total, int Page, int Pages);
