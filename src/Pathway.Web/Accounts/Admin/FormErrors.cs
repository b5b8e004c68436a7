using Microsoft.AspNetCore.Components.Forms;

namespace Pathway.Web.Accounts.Admin;

internal static class FormErrors
{
    /// <summary>Shows server-side errors (keyed by lower-case field name) beside the matching inputs.</summary>
    public static void Show(EditContext context, ValidationMessageStore store, IReadOnlyDictionary<string, string[]> errors)
    {
        store.Clear();
        foreach (var (field, messages) in errors)
        {
            var property = context.Model.GetType().GetProperties()
                .FirstOrDefault(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase))?.Name ?? "";
            store.Add(context.Field(property), messages);
        }
        context.NotifyValidationStateChanged();
    }
}
