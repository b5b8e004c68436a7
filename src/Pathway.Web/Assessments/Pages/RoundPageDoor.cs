using Microsoft.AspNetCore.Components;

namespace Pathway.Web.Assessments.Pages;

/// <summary>The door to a round for pages: the round, or the not-found page (the same answer the API gives as a 404).</summary>
public static class RoundPageDoor
{
    /// <summary>The round the caller may see, or null once the not-found page is on its way (the page then renders nothing).</summary>
    public static async Task<Round?> OpenForPageAsync(this RoundDirectory rounds, Guid id, NavigationManager navigation)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(navigation);
        if ((await rounds.OpenAsync(id)).TryGet(out var round, out _))
        {
            return round;
        }
        navigation.NotFound();
        return null;
    }
}
