using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Pathway.Web;
using Pathway.Web.Assessments;
using Pathway.Web.Data;

namespace Pathway.UnitTests.Assessments;

/// <summary>
/// The audit trail is written by one SaveChanges interceptor. It sees only tracked changes: a bulk
/// ExecuteUpdate/ExecuteDelete would change a round's data without a trace, and an assessment row
/// type that is not <see cref="IAudited"/> would never be recorded at all. These tests keep both holes shut.
/// </summary>
public partial class AuditCoverageTests
{
    /// <summary>The DbSet properties of <see cref="PathwayDb"/> whose rows are audited, by property name.</summary>
    private static readonly string[] AuditedSets =
    [
        .. typeof(PathwayDb).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>)
                && typeof(IAudited).IsAssignableFrom(property.PropertyType.GetGenericArguments()[0]))
            .Select(property => property.Name)
            .Order(StringComparer.Ordinal),
    ];

    private static readonly Type[] AuditedTypes =
    [
        .. typeof(PathwayDb).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IAudited).IsAssignableFrom(type))
            .OrderBy(type => type.Name, StringComparer.Ordinal),
    ];

    [Fact]
    public void The_audited_sets_are_the_round_data_tables()
    {
        // If a set is added or renamed, the scan below follows it by reflection; this states what it covers today.
        Assert.Equal(
            ["ActionItems", "ActionPlans", "Assessments", "ConsensusRatings", "Evidence", "EvidenceLinks", "MechanismTargets", "Participants", "ProgressNotes",
                "PublishedReleases", "Ratings", "ReviewComments", "RoundContexts", "StatusChanges"],
            AuditedSets);
    }

    [Fact]
    public void No_source_file_bulk_updates_or_deletes_an_audited_table()
    {
        var sourceRoot = RepoFiles.PathOf("src/Pathway.Web");
        var files = Directory.EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(Path.GetRelativePath(sourceRoot, file)))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);

        var offences = files
            .SelectMany(file => BulkWritesOnAuditedSets(File.ReadAllText(file))
                .Select(statement => $"{Path.GetRelativePath(RepoFiles.Root, file)}: {statement}"))
            .ToList();

        Assert.True(offences.Count == 0,
            "ExecuteUpdate/ExecuteDelete bypasses the audit interceptor; change these rows through tracked entities and SaveChanges:"
            + Environment.NewLine + string.Join(Environment.NewLine, offences));
    }

    [Theory]
    [InlineData("await db.Ratings.Where(r => r.AssessmentId == id).ExecuteDeleteAsync(ct);")]
    [InlineData("await db.ConsensusRatings\n    .Where(c => c.Id == id)\n    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Rationale, \"x\"), ct);")]
    [InlineData("db.Set<Participant>().Where(p => p.Id == id).ExecuteDelete();")]
    [InlineData("var stale = db.Evidence.Where(e => e.AssessmentId == id);\nvar n = 1;\nawait stale.ExecuteDeleteAsync(ct);")]
    [InlineData("await context.Assessments.IgnoreQueryFilters().Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, \"t\"));")]
    public void The_scan_catches_bulk_writes_on_audited_sets(string source)
    {
        Assert.NotEmpty(BulkWritesOnAuditedSets(source));
    }

    [Theory]
    [InlineData("await db.DataProtectionKeys.Where(k => k.Id == id).ExecuteDeleteAsync(ct);")]
    [InlineData("await db.EvidenceFiles.Where(f => f.Id == id).ExecuteDeleteAsync(ct);")]
    [InlineData("// db.Ratings.ExecuteDelete() is forbidden\nvar ratings = await db.Ratings.ToListAsync();")]
    [InlineData("db.Ratings.Remove(rating);\nawait db.SaveChangesAsync(ct);")]
    public void The_scan_lets_other_writes_through(string source)
    {
        Assert.Empty(BulkWritesOnAuditedSets(source));
    }

    [Fact]
    public void Every_assessment_row_type_with_an_AssessmentId_is_audited()
    {
        // PublishedResult rows are a flat copy of their release's snapshot, written with it; the release is audited.
        var exempt = new HashSet<Type> { typeof(AuditEntry), typeof(EvidenceFile), typeof(PublishedResult) };
        var candidates = typeof(PathwayDb).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(Assessment).Namespace && type is { IsClass: true, IsAbstract: false })
            .Where(type => !exempt.Contains(type))
            .Where(IsEntity)
            .ToList();

        var withRoundKey = candidates
            .Where(type => type.GetProperty(nameof(IAudited.AssessmentId), BindingFlags.Public | BindingFlags.Instance)?.PropertyType == typeof(Guid))
            .ToList();
        Assert.NotEmpty(withRoundKey);
        var unaudited = withRoundKey.Where(type => !typeof(IAudited).IsAssignableFrom(type)).Select(type => type.FullName).ToList();
        Assert.True(unaudited.Count == 0,
            "These entity types carry an AssessmentId but are not IAudited, so their changes would never reach the audit trail: "
            + string.Join(", ", unaudited));

        // The round itself keys its audit entries by its own Id.
        Assert.Contains(typeof(Assessment), AuditedTypes);
        // EvidenceFile is exempt only because its item (EvidenceItem, audited) records the file's name, type and size.
        Assert.Null(typeof(EvidenceFile).GetProperty(nameof(IAudited.AssessmentId)));
    }

    [Fact]
    public void Every_audited_type_is_mapped_in_the_database_model()
    {
        using var db = new SqlitePathwayDb(new DbContextOptionsBuilder<SqlitePathwayDb>().UseSqlite("Data Source=:memory:").Options);
        var mapped = db.Model.GetEntityTypes().Select(entity => entity.ClrType).ToHashSet();
        Assert.All(AuditedTypes, type => Assert.Contains(type, mapped));
        // And every mapped type of the feature with an AssessmentId (other than the audit itself) is audited.
        var unaudited = mapped
            .Where(type => type.Namespace == typeof(Assessment).Namespace && type != typeof(AuditEntry) && type != typeof(PublishedResult))
            .Where(type => type.GetProperty(nameof(IAudited.AssessmentId)) is not null && !typeof(IAudited).IsAssignableFrom(type))
            .Select(type => type.Name)
            .ToList();
        Assert.Empty(unaudited);
    }

    // ---- Every audited kind, field and value reads in the reader's language ----

    /// <summary>The fields the interceptor leaves out (keys, the country, the concurrency counter).</summary>
    private static readonly HashSet<string> NotRecorded = ["Id", "AssessmentId", "CountryIso3", "Version"];

    private static readonly string[] Languages = ["", ".fr", ".ar"];

    private static readonly Dictionary<string, HashSet<string>> ResourceKeys = Languages.ToDictionary(
        language => language,
        language => XDocument.Load(RepoFiles.PathOf($"src/Pathway.Web/Resources/SharedResource{language}.resx"))
            .Root!.Elements("data").Where(data => !string.IsNullOrWhiteSpace(data.Element("value")?.Value))
            .Select(data => data.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal));

    /// <summary>Each feature's vocabulary, made without its database (only its declarations are read here).</summary>
    private static readonly IAuditVocabulary[] Vocabularies =
    [
        .. typeof(PathwayDb).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IAuditVocabulary).IsAssignableFrom(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (IAuditVocabulary)Activator.CreateInstance(type, new object?[type.GetConstructors().Single().GetParameters().Length])!),
    ];

    private static List<string> MissingKeys(IEnumerable<string> keys) =>
        [.. keys.SelectMany(key => Languages.Where(language => !ResourceKeys[language].Contains(key)).Select(language => $"{key} ({(language.Length == 0 ? "en" : language[1..])})"))];

    [Fact]
    public void Every_audited_type_is_described_by_exactly_one_feature_vocabulary()
    {
        var described = Vocabularies.SelectMany(vocabulary => vocabulary.Entities).ToList();
        Assert.Equal(described.Count, described.Distinct().Count());
        Assert.Equal(AuditedTypes.Select(type => type.Name).Order(StringComparer.Ordinal), described.Select(type => type.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_audited_kind_and_field_has_a_name_in_English_French_and_Arabic()
    {
        using var db = new SqlitePathwayDb(new DbContextOptionsBuilder<SqlitePathwayDb>().UseSqlite("Data Source=:memory:").Options);
        var keys = new List<string>();
        foreach (var type in AuditedTypes)
        {
            keys.Add($"Audit.Entity.{type.Name}");
            var fields = db.Model.FindEntityType(type)!.GetProperties()
                .Where(property => !NotRecorded.Contains(property.Name) && property.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is null);
            keys.AddRange(fields.Select(property => $"Audit.Field.{property.Name}"));
        }

        var missing = MissingKeys(keys.Distinct());
        Assert.True(missing.Count == 0, "Add these with scripts/resx-add.py:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_value_of_every_audited_enum_field_has_a_name_in_English_French_and_Arabic()
    {
        using var db = new SqlitePathwayDb(new DbContextOptionsBuilder<SqlitePathwayDb>().UseSqlite("Data Source=:memory:").Options);
        var prefixes = Vocabularies.SelectMany(vocabulary => vocabulary.ValueKeys).ToDictionary(pair => pair.Key, pair => pair.Value);
        var enums = AuditedTypes
            .SelectMany(type => db.Model.FindEntityType(type)!.GetProperties())
            .Select(property => property.ClrType)
            .Select(type => Nullable.GetUnderlyingType(type) ?? type)
            .Select(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : type)
            .Where(type => type.IsEnum)
            .Distinct()
            .ToList();
        Assert.Contains(typeof(AssessmentStatus), enums);

        var unprefixed = enums.Where(type => !prefixes.ContainsKey(type)).Select(type => type.Name).ToList();
        Assert.True(unprefixed.Count == 0, "No vocabulary names the values of: " + string.Join(", ", unprefixed));
        var missing = MissingKeys(enums.SelectMany(type => Enum.GetNames(type).Select(name => prefixes[type] + name)));
        Assert.True(missing.Count == 0, "Add these with scripts/resx-add.py:\n" + string.Join("\n", missing));
    }

    private static bool IsEntity(Type type) =>
        typeof(PathwayDb).GetProperties().Any(property => property.PropertyType.IsGenericType
            && property.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>)
            && property.PropertyType.GetGenericArguments()[0] == type)
        || type.GetInterfaces().Any(contract => contract.Name is "ICountryOwned" or nameof(IAudited));

    private static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    /// <summary>
    /// The statements of <paramref name="source"/> that run ExecuteUpdate/ExecuteDelete on an audited set:
    /// directly (<c>db.Ratings....ExecuteDelete</c>, <c>Set&lt;Rating&gt;()</c>), or on a variable assigned from one
    /// earlier in the same file.
    /// </summary>
    internal static List<string> BulkWritesOnAuditedSets(string source)
    {
        var statements = CommentPattern().Replace(source, " ").Split(';')
            .Select(statement => WhitespacePattern().Replace(statement, " ").Trim())
            .ToList();
        var found = new List<string>();
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            if (!BulkWritePattern().IsMatch(statement))
            {
                continue;
            }
            if (MentionsAuditedSet(statement))
            {
                found.Add(statement);
                continue;
            }
            // `await query.ExecuteDeleteAsync()`: look at what the variable was assigned from.
            var receiver = ReceiverPattern().Match(statement);
            if (receiver.Success)
            {
                var name = receiver.Groups["name"].Value;
                var assignment = new Regex($@"\b{Regex.Escape(name)}\s*=[^=>]");
                if (statements.Take(i).Reverse().FirstOrDefault(earlier => assignment.IsMatch(earlier)) is { } origin && MentionsAuditedSet(origin))
                {
                    found.Add(statement);
                }
            }
        }
        return found;
    }

    private static bool MentionsAuditedSet(string statement) =>
        AuditedSets.Any(set => Regex.IsMatch(statement, $@"\.{set}\b(?!\s*\()"))
        || AuditedTypes.Any(type => statement.Contains($"Set<{type.Name}>", StringComparison.Ordinal));

    [GeneratedRegex(@"\bExecute(Update|Delete)(Async)?\s*\(")]
    private static partial Regex BulkWritePattern();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\.\s*Execute(Update|Delete)(Async)?\s*\(")]
    private static partial Regex ReceiverPattern();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
