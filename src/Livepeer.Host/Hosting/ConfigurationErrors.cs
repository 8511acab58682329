using Microsoft.Extensions.Options;

namespace Livepeer.Host.Hosting;

/// <summary>Recognizes configuration failures (however deep the host wrapped them) and lists their messages.</summary>
public static class ConfigurationErrors
{
    /// <summary>The configuration problems inside <paramref name="exception"/>, or null when it is not a configuration failure.</summary>
    public static IReadOnlyList<string>? Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case OptionsValidationException validation:
                    return [.. validation.Failures];
                case LivepeerConfigurationException configuration:
                    return [configuration.Message];
                case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                    var inner = aggregate.InnerExceptions.Select(Describe).Where(d => d is not null).SelectMany(d => d!).ToList();
                    if (inner.Count > 0) return inner;
                    break;
            }
        }

        return null;
    }
}
