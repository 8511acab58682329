namespace Livepeer.Gateway.Endpoints;

/// <summary>
/// Documents an endpoint's request body for OpenAPI without the content-type matching that <c>Accepts</c> adds: a JSON
/// body sent to a multipart endpoint must reach the handler and get the runner's 422, not a routing 415.
/// </summary>
/// <param name="RequestType">The body's record (multipart: the scalar form fields).</param>
/// <param name="ContentType">The documented content type.</param>
internal sealed record ApiRequestBodyMetadata(Type RequestType, string ContentType);
