using System.Globalization;
using System.Text.Json;

namespace KafkaInfra.Core.Config;

/// <summary>The <c>cluster.strimzi.nodePools</c> reader: pools, their storage, and the broker capacity the planner takes from them.</summary>
public static partial class StackConfigLoader
{
    private static List<NodePoolConfig> ReadNodePools(ObjectReader strimzi, string? storageClass)
    {
        var pools = new List<NodePoolConfig>();
        foreach (var (r, i) in strimzi.Objects("nodePools", KeysOf("cluster.strimzi.nodePools[]")))
        {
            var name = r.String("name", required: true, expected: "a pool name such as brokers-a");
            CheckKubernetesName(r, "name", name);
            var roles = r.StringList("roles", required: true);
            foreach (var role in roles.Where(role => !StrimziDefaults.PoolRoles.Contains(role)))
            {
                r.Errors.Add(r.Child("roles"), $"must hold only broker and controller; got {Describe.Quote(role)}");
            }

            if (r.Has("roles") && roles.Count == 0)
            {
                r.Errors.Add(r.Child("roles"), "must hold broker, controller or both");
            }

            var replicas = r.Int(Key("cluster.strimzi.nodePools[].replicas"), required: true);
            var storage = ReadPoolStorage(r, storageClass);
            var resources = ReadResources(r, "resources");
            var jvm = r.Raw("jvmOptions");
            if (jvm is { } j)
            {
                if (j.ValueKind == JsonValueKind.Object)
                {
                    _ = new ObjectReader(j, r.Child("jvmOptions"), r.Errors, "-Xms", "-Xmx", "-XX", "gcLoggingEnabled", "javaSystemProperties");
                }
                else
                {
                    r.Errors.Add(r.Child("jvmOptions"), $"must be a mapping (-Xms, -Xmx, -XX, gcLoggingEnabled, javaSystemProperties), got {Describe.Value(j)}");
                }
            }

            if (name is { Length: > 0 } && replicas is not null && storage is not null && roles.Count > 0)
            {
                pools.Add(new NodePoolConfig(i, name, roles, replicas.Value, storage, resources, jvm));
            }
        }

        foreach (var dup in pools.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            strimzi.Errors.Add(strimzi.Child("nodePools"), $"must not repeat the pool name {Describe.Quote(dup.Key)}");
        }

        if (pools.Count > 0 && !pools.Any(p => p.IsBroker))
        {
            strimzi.Errors.Add(strimzi.Child("nodePools"), "must have at least one pool with the broker role");
        }

        if (pools.Count > 0 && !pools.Any(p => p.IsController))
        {
            strimzi.Errors.Add(strimzi.Child("nodePools"), "must have at least one pool with the controller role (KRaft needs a controller quorum)");
        }

        return pools;
    }

    private static PoolStorageConfig? ReadPoolStorage(ObjectReader pool, string? storageClass)
    {
        if (pool.Object("storage", required: true, KeysOf("cluster.strimzi.nodePools[].storage")) is not { } r)
        {
            return null;
        }

        var type = r.String("type", required: true, expected: "persistent-claim, ephemeral or jbod");
        switch (type)
        {
            case "jbod":
                var volumes = new List<PoolVolumeConfig>();
                foreach (var (volume, _) in r.Objects("volumes", KeysOf("cluster.strimzi.nodePools[].storage.volumes[]"), required: true))
                {
                    if (ReadVolume(volume, storageClass, jbod: true) is { } v)
                    {
                        volumes.Add(v);
                    }
                }

                if (volumes.GroupBy(v => v.Id).FirstOrDefault(g => g.Count() > 1) is { } dup)
                {
                    r.Errors.Add(r.Child("volumes"), string.Create(CultureInfo.InvariantCulture, $"must not repeat the volume id {dup.Key}"));
                }

                var metadata = volumes.Count(v => v.KraftMetadata);
                if (metadata > 1)
                {
                    r.Errors.Add(r.Child("volumes"), string.Create(CultureInfo.InvariantCulture, $"may mark at most one volume kraftMetadata: true (Strimzi keeps the KRaft metadata log on one volume); got {metadata}"));
                }

                // Without a marked volume the metadata log goes on the lowest id; mark it, as the short form does.
                if (metadata == 0 && volumes.Count > 0)
                {
                    var lowest = volumes.MinBy(v => v.Id)!;
                    volumes[volumes.IndexOf(lowest)] = lowest with { KraftMetadata = true };
                }

                return volumes.Count == 0 ? null : new PoolStorageConfig("jbod", volumes);
            case "persistent-claim" or "ephemeral":
                return ReadVolume(r, storageClass, jbod: false) is { } single ? new PoolStorageConfig(type, [single]) : null;
            default:
                if (type is { Length: > 0 })
                {
                    r.Errors.Add(r.Child("type"), $"must be persistent-claim, ephemeral or jbod; got {Describe.Quote(type)}");
                }

                return null;
        }
    }

    private static PoolVolumeConfig? ReadVolume(ObjectReader r, string? storageClass, bool jbod)
    {
        var type = jbod ? r.String("type", required: true, expected: "persistent-claim or ephemeral") : r.String("type");
        if (jbod && type is { Length: > 0 } and not ("persistent-claim" or "ephemeral"))
        {
            r.Errors.Add(r.Child("type"), $"must be persistent-claim or ephemeral; got {Describe.Quote(type)}");
            return null;
        }

        var id = jbod ? r.Int(Key("cluster.strimzi.nodePools[].storage.volumes[].id"), required: true) : 0;
        var persistent = type == "persistent-claim";
        var size = r.Int(jbod ? Key("cluster.strimzi.nodePools[].storage.volumes[].sizeGiB") : Key("cluster.strimzi.nodePools[].storage.sizeGiB"), required: persistent);
        if (!persistent)
        {
            foreach (var key in new[] { "sizeGiB", "class", "deleteClaim" })
            {
                if (r.Has(key))
                {
                    r.Errors.Add(r.Child(key), "applies to persistent-claim volumes only; an ephemeral volume is an emptyDir");
                }
            }
        }

        var volumeClass = r.String("class", expected: "a StorageClass name") ?? storageClass;
        var deleteClaim = r.Bool("deleteClaim", false);
        var metadata = jbod && r.Bool("kraftMetadata", false);
        return type is null || id is null || (persistent && size is null)
            ? null
            : new PoolVolumeConfig(id.Value, type, persistent ? size : null, persistent ? volumeClass : null, deleteClaim, metadata || !jbod);
    }

    /// <summary>Brokers and per-broker storage from the broker pools: every broker counts; storage is the smallest broker's persistent disk.</summary>
    private static (int Brokers, int StorageGiB) PoolCapacity(ObjectReader cluster, StrimziConfig strimzi)
    {
        foreach (var key in new[] { "brokers", "storageGiB" })
        {
            if (cluster.Has(key))
            {
                cluster.Errors.Add(cluster.Child(key), "is the short form of strimzi.nodePools and cannot be combined with it; the broker pools' replicas and storage replace it");
            }
        }

        var brokerPools = strimzi.NodePools.Where(p => p.IsBroker).ToList();
        var brokers = brokerPools.Sum(p => p.Replicas);
        var storage = brokerPools.Count == 0 ? 0 : brokerPools.Min(p => p.Storage.PersistentGiB);
        return (brokers, storage);
    }
}
