using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Config;

/// <summary>The access keys of <c>cluster.msk</c>: the deployer's mTLS principal and the EKS cluster for Pod Identity.</summary>
public static partial class StackConfigLoader
{
    /// <summary>EKS cluster names: 1-100 characters, a letter or digit first, then letters, digits, '-' and '_' (EKS CreateCluster API).</summary>
    [GeneratedRegex("^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$")]
    private static partial Regex EksClusterNamePattern();

    /// <summary>
    /// The deployer signs in with IAM when the cluster enables it, else SCRAM, else its client certificate
    /// (<see cref="MskPlatform.DeployerMechanism"/>): only in the last case does it need <c>adminPrincipal</c>.
    /// </summary>
    private static (string? AdminPrincipal, string? EksClusterName) ReadMskAccess(ObjectReader r, IReadOnlyList<MskAuthentication> mechanisms, bool serverless)
    {
        var admin = r.String("adminPrincipal", expected: "the Kafka principal of the deployer's client certificate, e.g. User:CN=kafka-infra");
        var deployerUsesTls = !mechanisms.Contains(MskAuthentication.Iam) && !mechanisms.Contains(MskAuthentication.Scram);
        if (deployerUsesTls && !serverless && admin is null)
        {
            // MSK supports no super.users: with allow.everyone.if.no.acl.found=false the deployer needs ACLs of its own.
            r.Errors.Add(r.Child("adminPrincipal"), "is required when authentication is tls only: the deployer's certificate principal (User:CN=...) gets the ACLs to manage topics and ACLs once MSK denies principals without ACLs");
        }
        else if (admin is not null && !deployerUsesTls)
        {
            r.Errors.Add(r.Child("adminPrincipal"), $"applies only when authentication is tls alone (with iam or scram enabled the deployer signs in with those); authentication is {Describe.Quote(string.Join(", ", mechanisms.Select(Name)))}");
        }
        else if (admin is not null && (!admin.StartsWith("User:", StringComparison.Ordinal) || admin.Length == "User:".Length))
        {
            r.Errors.Add(r.Child("adminPrincipal"), $"must be a Kafka principal User:<distinguished name of the certificate>, got {Describe.Quote(admin)}");
        }

        var eks = r.String("eksClusterName", expected: "the name of the EKS cluster the workloads run on");
        if (eks is not null && !EksClusterNamePattern().IsMatch(eks))
        {
            r.Errors.Add(r.Child("eksClusterName"), $"must be an EKS cluster name (1-100 letters, digits, '-' or '_', starting with a letter or digit), got {Describe.Quote(eks)}");
        }

        return (admin, eks);
    }
}
