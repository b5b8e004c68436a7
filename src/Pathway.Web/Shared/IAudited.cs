namespace Pathway.Web;

/// <summary>
/// A row of assessment data whose every change is recorded in the audit trail. Implementing it is
/// all an entity needs: the audit trail's save interceptor writes the entries inside the same save.
/// </summary>
public interface IAudited
{
    Guid AssessmentId { get; }

    string CountryIso3 { get; }

    /// <summary>What a reader of the trail recognises the row by (a mechanism code, a person, a title).</summary>
    string AuditLabel { get; }
}

/// <summary>A property left out of the audit trail (file bytes, derived values).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
