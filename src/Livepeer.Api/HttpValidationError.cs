using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>422 body: every schema violation of the request.</summary>
/// <param name="Detail">The violations.</param>
public sealed record HttpValidationError([property: JsonPropertyName("detail")] IReadOnlyList<ValidationError> Detail);
