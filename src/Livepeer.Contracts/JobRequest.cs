using System.Collections.Immutable;

namespace Livepeer.Contracts;

/// <summary>One unit of work for a model: what the gateway asked for, after validation and defaults.</summary>
/// <param name="JobId">Unique id of the job (also the request id the gateway answers with).</param>
/// <param name="Pipeline">Livepeer pipeline name, e.g. <c>upscale</c>.</param>
/// <param name="ModelId">Model id, e.g. <c>stabilityai/sd-turbo</c>.</param>
/// <param name="Parameters">Pipeline parameters as invariant-culture strings.</param>
/// <param name="Input">Input bytes (image, audio or tensor), empty when the pipeline takes none.</param>
/// <param name="Payment">The <c>Livepeer-Payment</c> header value (base64 protobuf <c>net.Payment</c>) paying for the job; empty for free work.</param>
[GenerateSerializer, Immutable, Alias("livepeer.job-request")]
public sealed record JobRequest(
    [property: Id(0)] string JobId,
    [property: Id(1)] string Pipeline,
    [property: Id(2)] string ModelId,
    [property: Id(3)] ImmutableDictionary<string, string> Parameters,
    [property: Id(4)] byte[] Input,
    [property: Id(5)] string Payment = "");
