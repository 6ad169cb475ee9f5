using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Reports;

/// <summary>
/// Changes to the MSK mechanisms (<c>cluster.msk.authentication</c>) and to multi-VPC connectivity
/// (<c>cluster.msk.vpcConnectivity</c>). Both update the cluster in place: aws:msk/cluster has no ForceNew on
/// client_authentication or connectivity_info, and its update calls UpdateSecurity and UpdateConnectivity
/// (terraform-provider-aws internal/service/kafka/cluster.go, resourceClusterUpdate). In one update the provider calls
/// UpdateConnectivity before UpdateSecurity, so multi-VPC connectivity for a mechanism enabled in the same run is refused.
/// </summary>
internal sealed partial class ImpactComparer
{
    private void ClientAuthentication(CapacityPlan old)
    {
        if (old.Config.Cluster.Platform is not MskProvisionedPlatform a || newPlan.Config.Cluster.Platform is not MskProvisionedPlatform b)
        {
            return;
        }

        var subject = newPlan.Config.Cluster.Name;
        var path = $"{ClusterPath}.msk.authentication";
        if (!a.Mechanisms.ToHashSet().SetEquals(b.Mechanisms))
        {
            var added = b.Mechanisms.Except(a.Mechanisms).Select(StackConfigLoader.Name).ToList();
            var removed = a.Mechanisms.Except(b.Mechanisms).Select(StackConfigLoader.Name).ToList();
            var parts = new List<string> { "updated in place (MSK UpdateSecurity; the cluster is not replaced), with a rolling restart of the brokers" };
            if (added.Count > 0)
            {
                parts.Add($"{string.Join(", ", added)} gets its own bootstrap address ({string.Join(", ", added.Select(Port))})");
            }

            if (removed.Count > 0)
            {
                parts.Add($"clients outside this stack that still log in with {string.Join(", ", removed)} lose access");
            }

            Add(ChangeKind.ClientAuthentication, subject, List(a.Mechanisms), List(b.Mechanisms), string.Join("; ", parts), path: path);
        }
        else if (a.Authentication != b.Authentication)
        {
            Add(ChangeKind.ClientAuthentication, subject, List(a.Mechanisms), List(b.Mechanisms),
                $"the clients' default moves from {StackConfigLoader.Name(a.Authentication)} to {StackConfigLoader.Name(b.Authentication)}: every consumer, producer and ksqlDB group without its own authentication switches bootstrap address and credentials (the cluster itself is unchanged)", path: path);
        }

        var vpcFrom = a.Config.VpcConnectivityMechanisms ?? [];
        var vpcTo = b.Config.VpcConnectivityMechanisms ?? [];
        if (vpcFrom.ToHashSet().SetEquals(vpcTo))
        {
            return;
        }

        var vpcPath = $"{ClusterPath}.msk.vpcConnectivity.authentication";
        var newlyEnabled = vpcTo.Except(vpcFrom).Where(m => !a.Mechanisms.Contains(m)).Select(StackConfigLoader.Name).ToList();
        if (newlyEnabled.Count > 0)
        {
            Add(ChangeKind.ClientAuthentication, subject, List(vpcFrom, "off"), List(vpcTo, "off"),
                $"refused by AWS: the provider turns on multi-VPC connectivity for {string.Join(", ", newlyEnabled)} before it enables {(newlyEnabled.Count == 1 ? "that mechanism" : "those mechanisms")} on the cluster, and AWS allows it only for mechanisms the cluster already has",
                isUnsafe: true,
                $"enable {string.Join(", ", newlyEnabled)} in {path} in one run without adding {(newlyEnabled.Count == 1 ? "it" : "them")} to {vpcPath}, then add {(newlyEnabled.Count == 1 ? "it" : "them")} there in the next run",
                vpcPath);
            return;
        }

        Add(ChangeKind.ClientAuthentication, subject, List(vpcFrom, "off"), List(vpcTo, "off"),
            "multi-VPC private connectivity updated in place (MSK UpdateConnectivity), with a rolling restart of the brokers that can take 30 minutes or more; no other cluster update can run meanwhile", path: vpcPath);
    }

    private static string List(IReadOnlyList<MskAuthentication> mechanisms, string empty = "(none)") =>
        mechanisms.Count == 0 ? empty : "[" + string.Join(", ", mechanisms.Select(StackConfigLoader.Name)) + "]";

    private static string Port(string mechanism) => mechanism switch
    {
        "iam" => "port 9098",
        "scram" => "port 9096",
        _ => "port 9094",
    };
}
