using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Msk;

/// <summary>
/// Kafka ACLs on SCRAM and mutual-TLS clusters, and the Secrets Manager secrets of SCRAM users. MSK authorizes those
/// clients with Kafka ACLs, and its default <c>allow.everyone.if.no.acl.found=true</c> lets every authenticated
/// principal do everything until ACLs exist and the default is off (platform-facts.md 8.4; MSK developer guide,
/// "Apache Kafka ACLs"). IAM clients are authorized by IAM policies alone: ACLs and that setting do not apply to them
/// (MSK developer guide, "IAM access control").
/// </summary>
public static partial class MskCloudResources
{
    /// <summary>The SCRAM user the Kafka provider (the deployer) signs in as; its password is <see cref="ScramPasswordConfigKey"/>.</summary>
    public const string AdminUsername = KafkaResources.MskAdminUser;

    /// <summary>MSK accepts only SCRAM secrets whose name starts with this (platform-facts.md 8.4).</summary>
    public const string ScramSecretPrefix = "AmazonMSK_";

    /// <summary>The namespace of the secret stack config holding each SCRAM client's password: <c>msk-scram:&lt;user&gt;</c>.</summary>
    public const string ScramClientPasswordNamespace = "msk-scram";

    /// <summary>The secret stack config key of a SCRAM client's password.</summary>
    public static string ScramPasswordKey(string username) => $"{ScramClientPasswordNamespace}:{username}";

    /// <summary>
    /// True when the stack's MSK cluster authorizes some principals with Kafka ACLs: it enables SCRAM or mutual TLS
    /// (alone or beside IAM; never Serverless).
    /// </summary>
    public static bool AuthorizesWithAcls(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Config.Cluster.Platform is MskProvisionedPlatform { AuthorizesWithAcls: true };
    }

    /// <summary>
    /// True when this run turns <c>allow.everyone.if.no.acl.found</c> off. MSK has no <c>super.users</c>: a deployer on
    /// SCRAM or TLS needs its own ACLs before the setting is off, or the Kafka provider could not create any ACL, so it
    /// goes off once the last deploy declared them (the plan warns until then). A deployer on IAM is authorized by its
    /// IAM policy, which the setting never governs (MSK developer guide, "IAM access control"), so it goes off at once.
    /// </summary>
    public static bool DeniesWithoutAcl(CapacityPlan plan) =>
        AuthorizesWithAcls(plan) && (Deployer(plan) == MskAuthentication.Iam || plan.Cluster.DeployedKafkaAcls);

    /// <summary>
    /// Every ACL principal's grants: the deployer first when it signs in with SCRAM or TLS, then each client that logs in
    /// with SCRAM or TLS (<see cref="KafkaAcls.For"/>); IAM clients get IAM policies instead.
    /// </summary>
    public static IReadOnlyList<ClientGrants> Grants(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!AuthorizesWithAcls(plan))
        {
            return [];
        }

        var clients = KafkaAcls.For(ClientsUsing(plan, m => m != MskAuthentication.Iam, _ => true));
        return DeployerGrants(plan) is { } admin ? [admin, .. clients] : clients;
    }

    /// <summary>The principals that need a SCRAM secret: the deployer when it signs in with SCRAM, and each SCRAM client.</summary>
    private static IReadOnlyList<ClientGrants> ScramPrincipals(CapacityPlan plan)
    {
        var clients = KafkaAcls.For(ClientsUsing(plan, m => m == MskAuthentication.Scram, u => u == UserAuthentication.ScramSha512));
        return Deployer(plan) == MskAuthentication.Scram ? [KafkaAcls.Admin(AdminUsername), .. clients] : clients;
    }

    /// <summary>The deployer's own ACLs (SCRAM user or certificate principal); null when it signs in with IAM.</summary>
    private static ClientGrants? DeployerGrants(CapacityPlan plan) => Deployer(plan) switch
    {
        MskAuthentication.Iam => null,
        // The deployer's principal may be a certificate's distinguished name: its resources are named "admin".
        MskAuthentication.Scram => KafkaAcls.Admin(AdminUsername) with { Handle = "admin" },
        _ => KafkaAcls.Admin(plan.Config.Cluster.Msk?.AdminPrincipal?["User:".Length..] ?? "") with { Handle = "admin" },
    };

    private sealed partial class Builder
    {
        private string ScramAssociationName => _c + "-scram-secrets";

        /// <summary>SCRAM: a customer-managed key, one secret per SCRAM user (the deployer and each SCRAM client) and the association.</summary>
        private void AddScramSecrets()
        {
            var principals = ScramPrincipals(plan);
            if (!msk.Mechanisms.Contains(MskAuthentication.Scram) || plan.Cluster.Platform == Platform.MskServerless || principals.Count == 0)
            {
                return;
            }

            var keyName = _c + "-scram-kms";
            // Secrets Manager's default key (aws/secretsmanager) cannot be used with MSK: a customer-managed key is required.
            Add(keyName, new KmsKeySpec($"SCRAM secrets of MSK cluster {_c} (kafka-infra)", EnableKeyRotation: true, Tags()), "msk", new CloudResourceOptions(Protect: IsProd));
            var kmsArn = Text.Of(new OutputRef(keyName, CloudOutput.Arn));
            var secrets = new List<Text>();
            var versions = new List<string>();
            foreach (var principal in principals)
            {
                var user = principal.Username;
                var baseName = $"{_c}-scram-{user}";
                Add(baseName, new SecretSpec(
                    $"{ScramSecretPrefix}{_c}_{user}",
                    $"SCRAM user {user} of MSK cluster {_c} ({principal.Client}; kafka-infra)",
                    kmsArn,
                    Tags()), "msk");
                var passwordKey = user == AdminUsername ? ScramPasswordConfigKey : ScramPasswordKey(user);
                Add(baseName + "-version", new ScramSecretVersionSpec(Text.Of(new OutputRef(baseName, CloudOutput.Arn)), user, passwordKey), "msk");
                secrets.Add(Text.Of(new OutputRef(baseName, CloudOutput.Arn)));
                versions.Add(baseName + "-version");
            }

            Add(ScramAssociationName, new ScramSecretAssociationSpec(ClusterArn, secrets), "msk", new CloudResourceOptions(DependsOn: versions));
        }

        /// <summary>One <c>kafka:index/acl:Acl</c> per principal, resource and operation, through the stack's Kafka provider.</summary>
        private void AddAcls()
        {
            if (!AuthorizesWithAcls(plan))
            {
                return;
            }

            var provider = ProviderResourceName(_c);
            // SCRAM users exist once their secrets are associated; an ACL may name a user before it exists, but the
            // provider signing in with SCRAM needs its own.
            var dependsOn = ScramPrincipals(plan).Count > 0 ? new[] { ClusterName, ScramAssociationName } : [ClusterName];
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var principal in Grants(plan))
            {
                foreach (var grant in principal.Grants)
                {
                    foreach (var operation in grant.Operations)
                    {
                        var pattern = grant.Pattern == AclPattern.Prefixed ? "prefixed-" : "";
                        var host = grant.Host == AclGrant.AnyHost ? "" : "-from-" + grant.Host;
                        var name = $"{_c}-acl-{principal.ResourceHandle}-{grant.Resource.ToString().ToLowerInvariant()}-{pattern}{grant.Name}-{operation.ToLowerInvariant()}{host}";
                        if (!declared.Add(name))
                        {
                            continue; // a users[] rule repeated: Kafka keeps one ACL binding per principal, resource, operation and host
                        }

                        Add(name, new KafkaAclSpec(
                            principal.Principal,
                            grant.Host,
                            operation,
                            "Allow",
                            grant.Name,
                            grant.Resource == AclResource.TransactionalId ? "TransactionalID" : grant.Resource.ToString(),
                            grant.Pattern.ToString()), "topics", new CloudResourceOptions(DependsOn: dependsOn, Provider: provider));
                    }
                }
            }
        }
    }
}
