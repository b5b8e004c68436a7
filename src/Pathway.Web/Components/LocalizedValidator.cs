using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Components;

/// <summary>
/// Data-annotation validation for forms whose messages go through the localizer: a model's
/// <c>ErrorMessage</c> is a resource key (e.g. <c>Validation.EmailRequired</c>), shown in the
/// reader's language. Use it in place of <c>DataAnnotationsValidator</c>.
/// </summary>
public sealed class LocalizedValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? messages;
    private EditContext? subscribed;

    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    [Inject]
    private IStringLocalizer<SharedResource> Localizer { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (EditContext is null || ReferenceEquals(EditContext, subscribed))
        {
            return;
        }
        messages = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += Validate;
        subscribed = EditContext;
    }

    private void Validate(object? sender, ValidationRequestedEventArgs e)
    {
        messages!.Clear();
        var model = subscribed!.Model;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var text = Localizer[result.ErrorMessage ?? "Validation.Invalid"].Value;
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                messages.Add(subscribed.Field(member), text);
            }
        }
        subscribed.NotifyValidationStateChanged();
    }

    public void Dispose()
    {
        if (subscribed is not null)
        {
            subscribed.OnValidationRequested -= Validate;
        }
    }
}
