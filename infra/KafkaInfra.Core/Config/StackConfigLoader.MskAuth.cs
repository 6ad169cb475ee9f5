using System.Text.Json;

namespace KafkaInfra.Core.Config;

/// <summary>
/// <c>cluster.msk.authentication</c> (one mechanism, or a list of them), <c>cluster.msk.vpcConnectivity</c>, and the
/// per-client choice <c>consumers[]</c> / <c>producers[]</c> / <c>ksqldb[].authentication</c>. Facts (docs/msk.md,
/// "Authentication"): MSK's ClientAuthentication enables sasl.iam, sasl.scram and tls side by side, each with its own
/// bootstrap port (9098, 9096, 9094: MSK developer guide, "Port information"); kafka-infra never enables unauthenticated.
/// </summary>
public static partial class StackConfigLoader
{
    /// <summary>
    /// The mechanisms of <c>cluster.msk.authentication</c> in order (the first is the clients' default), from a single
    /// value (the short form) or a list. Every bad item is reported with its index and value.
    /// </summary>
    private static IReadOnlyList<MskAuthentication> ReadMskMechanisms(ObjectReader r, bool serverless)
    {
        var path = r.Child("authentication");
        var items = MechanismList(r, "authentication", path);
        if (items is null)
        {
            return [Defaults.MskAuthentication];
        }

        var mechanisms = items.OfType<MskAuthentication>().ToList();
        if (items.Count == 0)
        {
            r.Errors.Add(path, "must name at least one mechanism (iam, scram, tls); got an empty list");
        }

        var repeated = mechanisms.GroupBy(m => m).Where(g => g.Count() > 1).Select(g => Name(g.Key)).ToList();
        if (repeated.Count > 0)
        {
            r.Errors.Add(path, $"must not repeat a mechanism; got {string.Join(", ", repeated.Select(Describe.Quote))} more than once");
        }

        if (serverless && mechanisms.Any(m => m != MskAuthentication.Iam))
        {
            r.Errors.Add(path, $"must be iam for MSK Serverless (the only mechanism it supports); got {Describe.Quote(string.Join(", ", mechanisms.Select(Name)))}");
        }

        return mechanisms.Count > 0 ? [.. mechanisms.Distinct()] : [Defaults.MskAuthentication];
    }

    /// <summary>
    /// <c>cluster.msk.vpcConnectivity.authentication</c>: multi-VPC private connectivity (AWS PrivateLink) for the listed
    /// mechanisms, mapped to <c>brokerNodeGroupInfo.connectivityInfo.vpcConnectivity</c>. AWS requires each to be enabled
    /// on the cluster, and supports it neither on kafka.t3.small brokers nor on MSK Serverless (MSK developer guide,
    /// "Requirements and limitations for multi-VPC private connectivity"; ServerlessCluster has no connectivity input).
    /// </summary>
    private static List<MskAuthentication>? ReadVpcConnectivity(ObjectReader r, IReadOnlyList<MskAuthentication> enabled, string? instanceType, bool serverless)
    {
        if (r.Object("vpcConnectivity", required: false, KeysOf("cluster.msk.vpcConnectivity")) is not { } v)
        {
            return null;
        }

        var path = v.Child("authentication");
        var items = MechanismList(v, "authentication", path);
        if (items is null)
        {
            v.Errors.Add(path, "is required: the mechanisms clients in other VPCs may use (iam, scram, tls), e.g. [iam]");
            return null;
        }

        if (items.Count == 0)
        {
            v.Errors.Add(path, "must name at least one mechanism (iam, scram, tls); got an empty list");
        }

        var mechanisms = items.OfType<MskAuthentication>().Distinct().ToList();
        if (serverless)
        {
            r.Errors.Add(r.Child("vpcConnectivity"), "must not be set for MSK Serverless: kafka-infra's serverless cluster has no multi-VPC connectivity setting (aws:msk/serverlessCluster takes only vpcConfigs)");
        }
        else if (instanceType == "kafka.t3.small")
        {
            r.Errors.Add(r.Child("vpcConnectivity"), "is not supported on kafka.t3.small brokers (MSK multi-VPC private connectivity requirements); choose kafka.m5.large, kafka.m7g.large or larger, or remove vpcConnectivity");
        }

        foreach (var m in mechanisms.Where(m => !enabled.Contains(m)))
        {
            v.Errors.Add(path, $"lists {Describe.Quote(Name(m))}, which cluster.msk.authentication does not enable ({string.Join(", ", enabled.Select(Name))}): AWS turns on multi-VPC connectivity only for mechanisms the cluster has; add it to cluster.msk.authentication or remove it here");
        }

        return mechanisms;
    }

    /// <summary>The optional <c>authentication</c> of a consumer, producer or ksqlDB group: one of the MSK mechanisms, or null.</summary>
    private static MskAuthentication? ReadMskChoice(ObjectReader r) =>
        r.Has("authentication") ? r.Enum("authentication", Defaults.MskAuthentication, ConfigCatalogue.Authentications) : null;

    /// <summary>A single mechanism or a list of them; null when the key is absent. Invalid items are reported and kept as null.</summary>
    private static List<MskAuthentication?>? MechanismList(ObjectReader r, string key, string path)
    {
        if (r.Raw(key) is not { } raw)
        {
            return null;
        }

        if (raw.ValueKind == JsonValueKind.String)
        {
            return [Mechanism(raw, path, r.Errors)];
        }

        if (raw.ValueKind != JsonValueKind.Array)
        {
            r.Errors.Add(path, $"must be a mechanism (iam, scram, tls) or a list of them, e.g. [iam, scram]; got {Describe.Value(raw)}");
            return [];
        }

        return [.. ObjectReader.ListOf(raw, path, r.Errors).Select(item => Mechanism(item.Element, item.Path, r.Errors))];
    }

    private static MskAuthentication? Mechanism(JsonElement e, string path, ErrorBag errors)
    {
        var s = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (s is not null && ConfigCatalogue.Authentications.TryGetValue(s, out var m))
        {
            return m;
        }

        var why = s == "unauthenticated" ? " (kafka-infra never enables unauthenticated access)" : "";
        errors.Add(path, $"must be one of {string.Join(", ", ConfigCatalogue.Authentications.Keys)}{why}; got {Describe.Value(e)}");
        return null;
    }

    /// <summary>The config spelling of a mechanism: iam, scram, tls.</summary>
    internal static string Name(MskAuthentication m) => m.ToString().ToLowerInvariant();
}
