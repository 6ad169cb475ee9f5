using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>
/// Several MSK mechanisms side by side: each client's choice must be one the cluster enables, and multi-VPC
/// connectivity for SCRAM or mutual TLS needs <c>allow.everyone.if.no.acl.found=false</c> in place (docs/msk.md).
/// </summary>
internal sealed partial class PlanContext
{
    /// <summary>Every MSK client that may choose its mechanism: its config path and its choice (null: the cluster's default).</summary>
    private IEnumerable<(string Path, MskAuthentication? Choice)> MechanismChoices() =>
        config.Consumers.Select(c => (c.Path, c.Authentication))
            .Concat(config.Producers.Select(p => (p.Path, p.Authentication)))
            .Concat(config.KsqlDb.Select(g => (g.Path, g.Authentication)));

    private void CheckMskMechanisms(MskPlatform msk)
    {
        var enabled = string.Join(", ", msk.Mechanisms.Select(StackConfigLoader.Name));
        foreach (var (path, choice) in MechanismChoices())
        {
            if (choice is { } m && !msk.Enables(m))
            {
                Error($"{path}.authentication", $"must be a mechanism the cluster enables ({enabled}); got {Describe.Quote(StackConfigLoader.Name(m))}. Add it to {ClusterPath}.msk.authentication or choose one of those");
            }
        }

        // SCRAM and mTLS over multi-VPC connectivity need allow.everyone.if.no.acl.found=false on the cluster (MSK developer
        // guide, "Permissions for multi-VPC private connectivity"). A deployer on SCRAM or TLS can turn it off only once its
        // own ACLs exist (MskCloudResources.DeniesWithoutAcl), so those mechanisms wait until the ACLs were deployed.
        if (msk.Config.VpcConnectivityMechanisms is { } vpc && msk.DeployerMechanism != MskAuthentication.Iam && !deployed.KafkaAclsDeclared)
        {
            foreach (var m in vpc.Where(m => m != MskAuthentication.Iam))
            {
                Error($"{ClusterPath}.msk.vpcConnectivity.authentication", $"cannot enable {Describe.Quote(StackConfigLoader.Name(m))} yet: AWS requires allow.everyone.if.no.acl.found=false for SCRAM and mutual TLS over multi-VPC connectivity, and this cluster turns it off only in the run after the one that deploys its Kafka ACLs (the provider updates connectivity before the configuration). Deploy without it (or with iam only) first and add it once a deploy has turned allow.everyone.if.no.acl.found off");
            }
        }
    }

    /// <summary>The MSK mechanism choice of a client is ignored on Strimzi, where a client picks its listener.</summary>
    private void WarnMskMechanismChoices()
    {
        foreach (var (path, _) in MechanismChoices().Where(x => x.Choice is not null))
        {
            Warn($"{path}.authentication", "applies to msk: stacks only (the MSK mechanism the client logs in with); on Strimzi a client chooses its listener; ignored");
        }
    }
}
