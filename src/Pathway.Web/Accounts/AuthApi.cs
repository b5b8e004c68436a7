using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Pathway.Web.Accounts;

public sealed record LoginRequest([property: Required] string Email, [property: Required] string Password);

/// <summary>API sign-in: e-mail and password in, a bearer token out.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/auth").WithTags("Accounts").AllowAnonymous()
            .MapPost("/login", Login).WithName("Login")
            .WithSummary("Exchange e-mail and password for a bearer token.")
            .WithDescription("Returns {tokenType: \"Bearer\", accessToken, expiresIn}. Send the token as 'Authorization: Bearer <accessToken>'. Repeated failures lock the account for a while.");
        return routes;
    }

    /// <summary>
    /// One generic failure for a wrong password, an unknown e-mail and a locked account alike, so the
    /// answer never tells whether an account exists.
    /// </summary>
    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> Login(
        LoginRequest request, SignInManager<PathwayUser> signIn, UserManager<PathwayUser> users)
    {
        var user = await users.FindByEmailAsync(request.Email ?? "");
        if (user is not null)
        {
            var result = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
            if (result.Succeeded)
            {
                var principal = await signIn.CreateUserPrincipalAsync(user);
                return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
            }
        }
        return TypedResults.Problem(
            title: "Sign-in failed",
            detail: "The e-mail address or password is not correct, or the account is locked for a while after repeated failures.",
            statusCode: StatusCodes.Status401Unauthorized);
    }
}
