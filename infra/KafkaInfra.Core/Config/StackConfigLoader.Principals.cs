namespace KafkaInfra.Core.Config;

/// <summary>The certificate principal a producer or user declares for an MSK mutual-TLS cluster.</summary>
public static partial class StackConfigLoader
{
    /// <summary>The Kafka principal prefix of a certificate's distinguished name (Kafka's <c>KafkaPrincipal.USER_TYPE</c>).</summary>
    internal const string UserPrincipalPrefix = "User:";

    /// <summary>
    /// <c>principal</c>: <c>User:&lt;distinguished name&gt;</c>, the principal Kafka's SSL authenticator gives a client
    /// certificate (its subject DN, e.g. <c>User:CN=order-writer,O=Example</c>; Apache Kafka, "Authentication using SSL",
    /// <c>ssl.principal.mapping.rules</c> default). Where it applies (MSK mTLS only) is checked by the planner.
    /// </summary>
    private static string? ReadCertificatePrincipal(ObjectReader r)
    {
        var principal = r.String("principal", expected: "the Kafka principal of the client certificate, e.g. User:CN=order-writer");
        if (principal is not null && (!principal.StartsWith(UserPrincipalPrefix, StringComparison.Ordinal) || principal.Length == UserPrincipalPrefix.Length))
        {
            r.Errors.Add(r.Child("principal"), $"must be a Kafka principal User:<distinguished name of the certificate>, e.g. User:CN=order-writer; got {Describe.Quote(principal)}");
            return null;
        }

        return principal;
    }
}
