using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>
/// Producers, users and quotas on MSK: how each principal signs in on the cluster's authentication, that no two
/// principals share a Kafka user, and where quotas cannot be applied (issue 16 item 1).
/// </summary>
internal sealed partial class PlanContext
{
    private const string PrincipalExample = "User:CN=order-writer,O=Example";

    /// <summary>
    /// IAM clusters: no quotas (no stable user to set them on) and no <c>users[]</c> (IAM policies authorize).
    /// SCRAM and mTLS clusters: each producer and user signs in the cluster's way, and every Kafka user is unique.
    /// </summary>
    private void CheckClientsOnMsk()
    {
        if (Platform is not MskPlatform msk)
        {
            return;
        }

        if (!msk.AuthorizesWithAcls)
        {
            WarnQuotasOnIam(config.Consumers.Where(c => c.Quotas is not null).Select(c => c.Path)
                .Concat(config.Producers.Where(p => p.Quotas is not null).Select(p => p.Path))
                .Concat(config.Users.Where(u => u.Quotas is not null).Select(u => u.Path)));
            foreach (var u in config.Users)
            {
                Error($"{u.Path}", $"declares Kafka ACLs for user {Describe.Quote(u.Name)}, but this MSK cluster authenticates with IAM, where IAM policies authorize and Kafka ACLs are ignored; grant the principal an IAM policy instead, or remove kafka-infra:users");
            }

            return;
        }

        // A cluster with IAM beside SCRAM or TLS: only its IAM clients lack a stable Kafka user for quotas.
        WarnQuotasOnIam(config.Consumers.Where(c => c.Quotas is not null && msk.MechanismOf(c.Authentication) == MskAuthentication.Iam).Select(c => c.Path)
            .Concat(config.Producers.Where(p => p.Quotas is not null && msk.MechanismOf(p.Authentication) == MskAuthentication.Iam).Select(p => p.Path)));
        foreach (var u in config.Users)
        {
            CheckUserSignIn(u, msk);
        }

        foreach (var p in config.Producers.Where(p => msk.MechanismOf(p.Authentication) == MskAuthentication.Tls && p.Principal is null))
        {
            Error($"{p.Path}.principal", $"is required on an MSK cluster with authentication: tls: the producer signs in with a client certificate (issued by cluster.msk.certificateAuthorityArns) and Kafka names it by the certificate's subject, User:<distinguished name>. Set principal to that, e.g. {PrincipalExample}, so its ACLs and quotas name it");
        }

        CheckMskUserCollisions(msk);
    }

    /// <summary>
    /// The Kafka user of an IAM client is its STS session ARN, <c>arn:aws:sts::&lt;account&gt;:assumed-role/&lt;role&gt;/&lt;session&gt;</c>,
    /// and the session name is the client's choice (MSK developer guide, "Managing throughput with Kafka quotas"; the
    /// SDK default differs per session, aws/aws-msk-iam-auth pull request 196): kafka-infra cannot name it, so it warns.
    /// </summary>
    private void WarnQuotasOnIam(IEnumerable<string> paths)
    {
        var withQuotas = paths.ToList();
        if (withQuotas.Count > 0)
        {
            Warn($"{withQuotas[0]}.quotas", "are not applied on an MSK cluster that authenticates with IAM: the Kafka user of an IAM client is its STS session, arn:aws:sts::<account>:assumed-role/<role>/<session name>, and the session name is chosen by the client's credentials provider, so kafka-infra has no stable user to set a quota on. "
                + $"Give the client a fixed role session name and set the quota with kafka-configs --alter --entity-type users --entity-name <that ARN> --add-config producer_byte_rate=...; or use authentication: scram, where kafka-infra applies quotas. Also set for: {string.Join(", ", withQuotas.Skip(1).DefaultIfEmpty("nothing else"))}");
        }
    }

    /// <summary>The cluster's mechanisms as a message names them: <c>scram</c>, or <c>iam and scram</c>.</summary>
    private static string MechanismList(MskPlatform msk) => string.Join(" and ", msk.Mechanisms.Select(m => m.ToString().ToLowerInvariant()));

    private void CheckUserSignIn(UserConfig u, MskPlatform msk)
    {
        var tlsUser = u.Authentication == UserAuthentication.Tls;
        var needed = tlsUser ? MskAuthentication.Tls : MskAuthentication.Scram;
        if (!msk.Enables(needed))
        {
            Error($"{u.Path}.authentication", $"is {Describe.Quote(tlsUser ? "tls" : "scram-sha-512")}, but this MSK cluster authenticates with {MechanismList(msk)} (kafka-infra:cluster.msk.authentication), so user {Describe.Quote(u.Name)} could not sign in; "
                + (msk.Enables(MskAuthentication.Tls) ? $"set authentication: tls and principal: User:<distinguished name of its certificate> (e.g. {PrincipalExample})"
                    : msk.Enables(MskAuthentication.Scram) ? "set authentication: scram-sha-512 (its password then comes from secret config msk-scram:" + u.Name + ")"
                    : $"add {(tlsUser ? "tls" : "scram")} to cluster.msk.authentication"));
        }
        else if (tlsUser && u.Principal is null)
        {
            Error($"{u.Path}.principal", $"is required for tls user {Describe.Quote(u.Name)} on an MSK cluster with authentication: tls: Kafka names a client certificate by its subject, User:<distinguished name>, not by users[].name. Set principal to that, e.g. {PrincipalExample}, so its ACLs and quotas name it");
        }
    }

    /// <summary>
    /// <c>principal</c> names a client certificate on an MSK mTLS cluster; anywhere else the principal is derived
    /// (a SCRAM user, or <c>CN=&lt;name&gt;</c> for a Strimzi tls user), so a value there would be silently ignored.
    /// </summary>
    private void CheckCertificatePrincipals()
    {
        var msk = Platform as MskPlatform;
        var mtls = msk?.Enables(MskAuthentication.Tls) == true;
        var where = msk is not null ? $"this MSK cluster authenticates with {MechanismList(msk)}" : "this is a Strimzi cluster, where the User Operator names a tls user CN=<name>";
        foreach (var p in config.Producers.Where(p => p.Principal is not null && msk?.MechanismOf(p.Authentication) != MskAuthentication.Tls))
        {
            Error($"{p.Path}.principal", $"applies only on an MSK cluster with authentication: tls, but {where}; got {Describe.Quote(p.Principal!)}. Remove the key");
        }

        foreach (var u in config.Users.Where(u => u.Principal is not null && !(mtls && u.Authentication == UserAuthentication.Tls)))
        {
            Error($"{u.Path}.principal", $"applies only to tls users on an MSK cluster with authentication: tls, but {(mtls ? $"user {Describe.Quote(u.Name)} signs in with scram-sha-512" : where)}; got {Describe.Quote(u.Principal!)}. Remove the key");
        }
    }

    /// <summary>
    /// Every client of a SCRAM or mTLS cluster is one Kafka user: its SCRAM secret <c>AmazonMSK_&lt;cluster&gt;_&lt;user&gt;</c>,
    /// its ACLs and its quotas are keyed by it, so two clients with one user would share (and overwrite) them. The names
    /// are the ones the Kafka ACLs name: consumers <c>&lt;ns&gt;-&lt;name&gt;</c>, producers
    /// <c>&lt;ns&gt;-&lt;name&gt;-producer</c>, users their name, ksqlDB <c>ksqldb-&lt;group&gt;</c>, or a certificate's
    /// principal on mTLS.
    /// </summary>
    private void CheckMskUserCollisions(MskPlatform msk)
    {
        var tls = msk.Enables(MskAuthentication.Tls);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var admin = msk.DeployerMechanism switch
        {
            MskAuthentication.Tls => msk.Config.AdminPrincipal,
            MskAuthentication.Scram => "User:" + KafkaResources.MskAdminUser,
            _ => null, // an IAM deployer is its role's session, never a Kafka user name
        };
        if (admin is not null)
        {
            owners[admin] = msk.DeployerMechanism == MskAuthentication.Tls ? $"{ClusterPath}.msk.adminPrincipal (the deployer)" : "the deployer (the Kafka provider's user)";
        }

        void Claim(string principal, string key)
        {
            if (!owners.TryAdd(principal, key))
            {
                Error(key, $"signs in as Kafka user {Describe.Quote(principal)}, which {owners[principal]} already is; the two would share one {(tls ? "certificate principal" : "SCRAM secret")}, its ACLs and its quotas. Rename one of them{(tls ? " or give it its own certificate" : "")}");
            }
        }

        foreach (var c in config.Consumers)
        {
            Claim("User:" + KafkaResources.ConsumerUser(c), $"{c.Path}.name");
        }

        foreach (var p in config.Producers)
        {
            Claim(p.Principal ?? "User:" + KafkaResources.ProducerUser(p), p.Principal is null ? $"{p.Path}.name" : $"{p.Path}.principal");
        }

        foreach (var u in config.Users)
        {
            Claim(u.Principal ?? "User:" + u.Name, u.Principal is null ? $"{u.Path}.name" : $"{u.Path}.principal");
        }

        foreach (var g in config.KsqlDb)
        {
            Claim("User:" + KafkaResources.KsqlDbUser(g.Name), $"{g.Path}.name");
        }
    }
}
