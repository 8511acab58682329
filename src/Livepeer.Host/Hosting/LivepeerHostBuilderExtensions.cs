using System.Net;
using Livepeer.Grains;
using Livepeer.Gateway.Hosting;
using Livepeer.Grains.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace Livepeer.Host.Hosting;

/// <summary>Wires the silo of this process from configuration: cluster membership, storage and roles.</summary>
public static class LivepeerHostBuilderExtensions
{
    /// <summary>Adds the Orleans silo with the configured roles; configuration errors surface here, naming their key.</summary>
    /// <exception cref="OptionsValidationException">Cluster or storage options are wrong.</exception>
    /// <exception cref="LivepeerConfigurationException"><c>Livepeer:Roles</c> is wrong.</exception>
    public static HostRole AddLivepeerSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var roles = HostRoles.Read(builder.Configuration);
        var cluster = ReadValidated<ClusterHostingOptions>(builder.Configuration, ClusterHostingOptions.Section);
        var storage = ReadValidated<PersistenceOptions>(builder.Configuration, PersistenceOptions.Section);

        builder.Services.AddSingleton(new HostRoleInfo(roles));
        if (roles.HasFlag(HostRole.Gateway)) builder.Services.AddLivepeerGateway();
        foreach (var connectionString in SchemaTargets(cluster, storage))
            builder.Services.AddHostedService(_ => new PostgresSchemaInstaller(connectionString));

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            UseClustering(silo, cluster);
            if (cluster.KubernetesHosting) silo.UseKubernetesHosting();
            UseStorage(silo, storage);
            silo.AddLivepeerCluster();
            if (roles.HasFlag(HostRole.Worker)) silo.AddLivepeerWorker();
            if (roles.HasFlag(HostRole.Orchestrator)) silo.AddLivepeerOrchestrator();
        });
        return roles;
    }

    private static IEnumerable<string> SchemaTargets(ClusterHostingOptions cluster, PersistenceOptions storage)
    {
        if (!storage.InstallSchema) return [];
        var targets = new List<string>();
        if (cluster.Clustering == "postgres") targets.Add(cluster.ConnectionString);
        if (storage.Provider == "postgres") targets.Add(storage.ConnectionString);
        return targets.Distinct(StringComparer.Ordinal);
    }

    private static void UseClustering(ISiloBuilder silo, ClusterHostingOptions cluster)
    {
        if (cluster.Clustering == "postgres")
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = cluster.ConnectionString;
            });
            silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
            return;
        }

        var primary = cluster.PrimarySiloPort is { } port && port != cluster.SiloPort ? new IPEndPoint(IPAddress.Loopback, port) : null;
        silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, primary, cluster.ServiceId, cluster.ClusterId);
    }

    private static void UseStorage(ISiloBuilder silo, PersistenceOptions storage)
    {
        if (storage.Provider == "postgres")
        {
            silo.AddAdoNetGrainStorage(LivepeerStorage.Name, options => options.Configure<IServiceProvider>((o, services) =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = storage.ConnectionString;

                // Orleans' own serializer follows [Id]/[Alias], so renaming a type or assembly does not break stored state.
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Orleans.Serialization.Serializer>());
            }));
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = storage.ConnectionString;
            });
            return;
        }

        // Orleans' own serializer here too: the memory provider's default, Newtonsoft JSON with type names, was the
        // largest cost of a paid request (every payment writes the sender's account).
        silo.AddMemoryGrainStorage(LivepeerStorage.Name, options => options.Configure<IServiceProvider>((o, services) =>
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Orleans.Serialization.Serializer>())));
        silo.UseInMemoryReminderService();
    }

    private static T ReadValidated<T>(ConfigurationManager configuration, string section)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var result = new HostingOptionsValidator(configuration) is IValidateOptions<T> validator ? validator.Validate(null, options) : ValidateOptionsResult.Skip;
        if (result.Failed) throw new OptionsValidationException(section, typeof(T), result.Failures);
        return options;
    }
}
