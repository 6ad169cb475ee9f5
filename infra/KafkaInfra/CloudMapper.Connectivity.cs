using KafkaInfra.Core.Desired.Cloud;
using MskInputs = Pulumi.Aws.Msk.Inputs;

namespace KafkaInfra;

/// <summary>The MSK cluster's <c>brokerNodeGroupInfo.connectivityInfo</c> (multi-VPC private connectivity).</summary>
internal static partial class CloudMapper
{
    /// <summary>
    /// <c>connectivityInfo.vpcConnectivity.clientAuthentication</c> with its SASL (IAM, SCRAM) and TLS switches; null
    /// when the spec has none, so the input is not sent (public access is never set).
    /// </summary>
    private static MskInputs.ClusterBrokerNodeGroupInfoConnectivityInfoArgs? ConnectivityInfo(ConnectivityInfo? c)
    {
        if (c is null)
        {
            return null;
        }

        var auth = c.VpcConnectivity.ClientAuthentication;
        var args = new MskInputs.ClusterBrokerNodeGroupInfoConnectivityInfoVpcConnectivityClientAuthenticationArgs();
        if (auth.Sasl is { } sasl)
        {
            var saslArgs = new MskInputs.ClusterBrokerNodeGroupInfoConnectivityInfoVpcConnectivityClientAuthenticationSaslArgs();
            if (sasl.Iam is { } iam)
            {
                saslArgs.Iam = iam;
            }

            if (sasl.Scram is { } scram)
            {
                saslArgs.Scram = scram;
            }

            args.Sasl = saslArgs;
        }

        if (auth.Tls is { } tls)
        {
            args.Tls = tls;
        }

        return new MskInputs.ClusterBrokerNodeGroupInfoConnectivityInfoArgs
        {
            VpcConnectivity = new MskInputs.ClusterBrokerNodeGroupInfoConnectivityInfoVpcConnectivityArgs { ClientAuthentication = args },
        };
    }
}
