using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>The <c>detail</c> of an error (FastAPI <c>HTTPException</c> form).</summary>
/// <param name="Msg">The message.</param>
public sealed record ApiError([property: JsonPropertyName("msg")] string Msg);
