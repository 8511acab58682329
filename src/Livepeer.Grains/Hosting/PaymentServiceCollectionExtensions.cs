using Livepeer.Grains.Payments;
using Livepeer.Payments;
using Livepeer.Payments.Chain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livepeer.Grains.Hosting;

/// <summary>Adds payments to a silo's services: the chain (or the off-chain clock), the orchestrator's and the gateway's sides.</summary>
public static partial class PaymentServiceCollectionExtensions
{
    /// <summary>
    /// The chain from <see cref="ChainOptions"/> (section <c>Livepeer:Chain</c>): a JSON-RPC node when <c>RpcUrl</c> is set,
    /// else the off-chain clock, with which tickets are still issued, signed and validated and winners are kept unredeemed.
    /// </summary>
    public static IServiceCollection AddLivepeerPaymentChain(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IPaymentChain))) return services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ChainOptions>().BindConfiguration(ChainOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChainOptions>, ChainOptionsValidator>());
        services.AddSingleton<IPaymentChain>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ChainOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PaymentServiceCollectionExtensions));
            if (options.RpcUrl.Length == 0)
            {
                LogOffChain(logger);
                return new OffChainPaymentChain(time);
            }

            var chain = new EthereumPaymentChain(options, time);
            LogOnChain(logger, options.RpcUrl, options.TicketBrokerAddress, chain.SigningAddress);
            return chain;
        });
        return services;
    }

    /// <summary>The orchestrator's side: ticket sizing and redemption from <see cref="RecipientPaymentOptions"/>.</summary>
    public static IServiceCollection AddLivepeerPaymentRecipient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLivepeerPaymentChain();
        services.AddOptions<RecipientPaymentOptions>().BindConfiguration(RecipientPaymentOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecipientPaymentOptions>, RecipientPaymentOptionsValidator>());
        return services;
    }

    /// <summary>The gateway's side: its signing key and limits from <see cref="SenderPaymentOptions"/>.</summary>
    public static IServiceCollection AddLivepeerPaymentSender(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLivepeerPaymentChain();
        services.AddOptions<SenderPaymentOptions>().BindConfiguration(SenderPaymentOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SenderPaymentOptions>, SenderPaymentOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var account = SenderAccount.Load(sp.GetRequiredService<IOptions<SenderPaymentOptions>>().Value);
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PaymentServiceCollectionExtensions));
            if (account.Ephemeral) LogEphemeralSender(logger, account.Address);
            else LogSender(logger, account.Address);
            return account;
        });
        services.TryAddSingleton<GatewayPayments>();
        return services;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payments off chain: tickets are issued, signed and validated; winning tickets are kept and not redeemed (set Livepeer:Chain:RpcUrl to redeem)")]
    private static partial void LogOffChain(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payments on chain {RpcUrl}, TicketBroker {TicketBroker}, redemption account {Account} (empty without a KeyFile: winning tickets are then kept, not redeemed)")]
    private static partial void LogOnChain(ILogger logger, string rpcUrl, string ticketBroker, EthAddress? account);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway pays as {Address} with a key made for this run; set Livepeer:Gateway:Payments:KeyFile to keep credit across restarts")]
    private static partial void LogEphemeralSender(ILogger logger, EthAddress address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway pays as {Address}")]
    private static partial void LogSender(ILogger logger, EthAddress address);
}
