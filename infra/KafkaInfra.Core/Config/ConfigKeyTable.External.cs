namespace KafkaInfra.Core.Config;

/// <summary>The rows of <c>cluster.external</c>: a Kafka cluster the stack does not own (issue 16 item 9; docs/external.md).</summary>
public static partial class ConfigKeyTable
{
    private static ConfigKeyInfo[] ExternalRows() =>
    [
        new("cluster.external", Map, None, "a Kafka cluster the stack does not own: kafka-infra manages its topics, ACLs (SCRAM) and KEDA objects, never brokers or storage (docs/external.md)"),
        new("cluster.external.bootstrapServers", Str, Required, "comma-separated `host:port` list the Kafka provider, KEDA and clients connect to"),
        new("cluster.external.authentication", Str, Code(Defaults.ExternalAuthentication), "how the deployer and KEDA log in: SCRAM users the owner created, client certificates, or none (dev only); `iam` is refused (use `msk:`)", ["scram-sha-512", "tls", "none"]),
        new("cluster.external.tls", Bool, Code(true), "TLS to the brokers; `false` is refused in prod and with `authentication: tls`"),
        new("cluster.external.caSecret", Map, "the system's trusted CAs", "Secret (in `kedaNamespace`) holding the PEM CA of the brokers' certificates for KEDA; the deployer's Kafka provider takes the same CA from the stack config `kafka:caCert`"),
        new("cluster.external.caSecret.name", Str, Required, "Secret name"),
        new("cluster.external.caSecret.key", Str, Code(Defaults.ExternalCaKey), "key of the PEM CA in the Secret"),
        new("cluster.external.adminUsername", Str, "required with `scram-sha-512`", "the deployer's SCRAM user (an existing user allowed to manage topics and ACLs); its password is the secret stack config `kafka:saslPassword`"),
        new("cluster.external.kedaSecret", Str, "required with consumers unless `authentication: none`", "Secret in `kedaNamespace` KEDA logs in with: `username` + `password` (SCRAM) or `tls.crt` + `tls.key` (tls); a principal allowed to Describe the consumers' topics and groups"),
        new("cluster.external.kedaNamespace", Str, Code(Defaults.KedaNamespace), "KEDA's cluster-object namespace (`KEDA_CLUSTER_OBJECT_NAMESPACE`), where its ClusterTriggerAuthentication reads `kedaSecret` and `caSecret`"),
        new("cluster.external.brokers", Int, "unknown (those checks are skipped)", "the cluster's broker count as its owner states it, for replication-factor and partitions-per-broker checks", Range: new(1, 1000)),
        new("cluster.external.manageAcls", Bool, Code(true), "SCRAM: declare least-privilege ACLs for consumers, producers and `users[]` (principals `User:<name>`); `false` when the owner grants them"),
    ];
}
