using Microsoft.AspNetCore.Identity;
using Pathway.Web.Data;

namespace Pathway.Web.Accounts;

/// <summary>Creates the roles that are missing. Creates no account: the first administrator comes from the <c>user add</c> command.</summary>
internal sealed class RoleSeed(RoleManager<IdentityRole> roles) : IStartupSeed
{
    public int Order => 0;

    public async Task SeedAsync(string contentDirectory, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All.Where(role => !roles.Roles.Any(existing => existing.Name == role)))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
    }
}
