using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Msk;

/// <summary>
/// Several mechanisms on one cluster (<c>cluster.msk.authentication</c> as a list): the cluster's
/// <c>clientAuthentication</c> and <c>connectivityInfo.vpcConnectivity</c>, the deployer's mechanism, and which clients
/// are authorized by IAM policies and which by Kafka ACLs (SCRAM and mutual TLS).
/// </summary>
public static partial class MskCloudResources
{
    /// <summary>The mechanism the deployer (the Kafka provider) signs in with (<see cref="MskPlatform.DeployerMechanism"/>).</summary>
    private static MskAuthentication Deployer(CapacityPlan plan) =>
        plan.Config.Cluster.Platform is MskPlatform msk ? msk.DeployerMechanism : throw new ArgumentException("not an msk: stack", nameof(plan));

    /// <summary>
    /// The plan restricted to the clients that log in with a mechanism <paramref name="uses"/> accepts: consumers, ksqlDB
    /// groups and producers by their <c>authentication</c> (default: the cluster's first), Connect groups always by IAM
    /// (MSK Connect supports IAM or no authentication only), and <c>users[]</c> by <paramref name="users"/>. The grants of
    /// <see cref="KafkaAcls.For"/> then cover exactly those clients.
    /// </summary>
    internal static CapacityPlan ClientsUsing(CapacityPlan plan, Func<MskAuthentication, bool> uses, Func<UserAuthentication, bool> users)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Config.Cluster.Platform is not MskPlatform msk)
        {
            return plan;
        }

        var config = plan.Config with
        {
            Producers = [.. plan.Config.Producers.Where(p => uses(msk.MechanismOf(p.Authentication)))],
            Users = [.. plan.Config.Users.Where(u => users(u.Authentication))],
        };
        return new CapacityPlan(
            config,
            plan.Cluster,
            plan.Topics,
            [.. plan.Consumers.Where(c => uses(msk.MechanismOf(c.Config.Authentication)))],
            uses(MskAuthentication.Iam) ? plan.Connect : [],
            [.. plan.KsqlDb.Where(g => uses(msk.MechanismOf(g.Config.Authentication)))],
            plan.Warnings,
            plan.Advice);
    }

    private sealed partial class Builder
    {
        private MskPlatform Auth => (MskPlatform)plan.Config.Cluster.Platform;

        /// <summary>
        /// <c>clientAuthentication</c> with every mechanism of the list: <c>sasl.iam</c> and <c>sasl.scram</c> side by side,
        /// <c>tls</c> with its certificate authorities, never unauthenticated (MSK ClientAuthentication; terraform-provider-aws
        /// internal/service/kafka/cluster.go expandClientAuthentication).
        /// </summary>
        private ClusterClientAuthentication ClientAuthentication()
        {
            var iam = msk.Mechanisms.Contains(MskAuthentication.Iam);
            var scram = msk.Mechanisms.Contains(MskAuthentication.Scram);
            var sasl = iam || scram ? new ClusterSasl(iam ? true : null, scram ? true : null) : null;
            var tls = msk.Mechanisms.Contains(MskAuthentication.Tls) ? new ClusterTls([.. msk.CertificateAuthorityArns ?? []]) : null;
            return new ClusterClientAuthentication(sasl, tls, Unauthenticated: false);
        }

        /// <summary>
        /// <c>brokerNodeGroupInfo.connectivityInfo.vpcConnectivity</c> for <c>cluster.msk.vpcConnectivity</c>; null when off.
        /// The provider creates the cluster without it (AWS refuses it at creation) and enables it with UpdateConnectivity
        /// once the cluster is ACTIVE (terraform-provider-aws cluster.go, resourceClusterCreate).
        /// </summary>
        private ConnectivityInfo? ConnectivityInfo()
        {
            if (msk.VpcConnectivityMechanisms is not { Count: > 0 } vpc)
            {
                return null;
            }

            var iam = vpc.Contains(MskAuthentication.Iam);
            var scram = vpc.Contains(MskAuthentication.Scram);
            return new ConnectivityInfo(new VpcConnectivity(new VpcConnectivityClientAuthentication(
                iam || scram ? new VpcConnectivitySasl(iam, scram) : null,
                vpc.Contains(MskAuthentication.Tls) ? true : null)));
        }
    }
}
