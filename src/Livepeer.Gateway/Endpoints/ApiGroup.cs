using Microsoft.AspNetCore.Routing;

namespace Livepeer.Gateway.Endpoints;

/// <summary>A mount point of the API: the root one appears in the OpenAPI document, the Studio-prefixed copy does not.</summary>
/// <param name="Routes">The route group.</param>
/// <param name="Documented">Whether its endpoints appear in the OpenAPI document.</param>
internal sealed record ApiGroup(RouteGroupBuilder Routes, bool Documented);
