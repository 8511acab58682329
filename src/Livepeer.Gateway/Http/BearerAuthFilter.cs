using System.Security.Cryptography;
using System.Text;
using Livepeer.Gateway.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Livepeer.Gateway.Http;

/// <summary>Optional bearer auth: with a token configured, a request without <c>Authorization: Bearer &lt;token&gt;</c> gets 401 and <c>WWW-Authenticate: Bearer</c>.</summary>
internal sealed class BearerAuthFilter(IOptions<AiGatewayOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var token = options.Value.BearerToken;
        if (token.Length == 0 || Matches(context.HttpContext.Request.Headers.Authorization.ToString(), token))
            return await next(context);

        await ApiResults.WriteErrorAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Invalid bearer token.");
        return Results.Empty;
    }

    private static bool Matches(string header, string token)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;

        // Constant-time comparison: the token is a secret.
        var sent = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(sent, expected);
    }
}
