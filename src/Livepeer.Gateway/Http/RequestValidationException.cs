using Livepeer.Api;

namespace Livepeer.Gateway.Http;

/// <summary>The request does not fit the schema: answered 422 with every violation, in FastAPI's shape.</summary>
internal sealed class RequestValidationException(IReadOnlyList<ValidationError> errors)
    : Exception($"{errors.Count} validation error(s): {string.Join("; ", errors.Select(e => $"{string.Join('.', e.Loc)}: {e.Msg}"))}")
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
