using Pathway.Web.Planning;

namespace Pathway.Web.Notices;

/// <summary>
/// Who an action's responsible person is. The plan stores that person as free text (a name or an
/// e-mail address, as the team wrote it), so an account is matched when the text equals, ignoring
/// case and surrounding spaces, its e-mail address or its display name, within the item's country.
/// A name two accounts share reaches both; a name that matches no account reaches nobody (the plan
/// page still shows the item).
/// </summary>
public static class ResponsiblePeople
{
    /// <summary>The open items with a due date on or before <paramref name="until"/> whose responsible person is this account.</summary>
    public static IQueryable<ActionItem> DueFor(IQueryable<ActionItem> items, string? email, string displayName, DateOnly until)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(displayName);
        var mail = email?.Trim().ToUpperInvariant();
        var name = displayName.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper() on both databases; no .NET culture takes part.
        return Open(items, until).Where(i =>
            i.ResponsiblePerson!.Trim().ToUpper() == mail || (name != "" && i.ResponsiblePerson!.Trim().ToUpper() == name));
#pragma warning restore CA1304, CA1311, CA1862
    }

    /// <summary>Open items with a responsible person and a due date on or before <paramref name="until"/>.</summary>
    public static IQueryable<ActionItem> Open(IQueryable<ActionItem> items, DateOnly until)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Where(i => i.ResponsiblePerson != null && i.Due != null && i.Due <= until
            && i.Status != ActionStatus.Done && i.Status != ActionStatus.Dropped);
    }
}
