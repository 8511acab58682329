using Livepeer.Gateway.Http;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Endpoints;

/// <summary>Checks of requested output sizes, before any GPU time is spent.</summary>
internal static class ImageChecks
{
    /// <summary>Largest output side accepted.</summary>
    public const int MaxSide = 4096;

    public static void Size(int height, int width)
    {
        if (height is <= 0 or > MaxSide || width is <= 0 or > MaxSide)
            throw new ApiProblemException(StatusCodes.Status400BadRequest, $"`height` and `width` must be between 1 and {MaxSide} but are {height} and {width}.");
    }
}
