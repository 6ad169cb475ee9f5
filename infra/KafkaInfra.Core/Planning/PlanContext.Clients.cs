using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>The client principals: producers against their topics' throughput, and where quotas and users apply.</summary>
internal sealed partial class PlanContext
{
    private void PlanClients()
    {
        CheckProducerQuotas();
        CheckClientsOnMsk();
        CheckTlsUsersOnStrimzi();
        WarnTagsThatAreNoLabels();
    }

    /// <summary>
    /// <c>kafka-infra:tags</c> also label every Kubernetes object kafka-infra renders, but only pairs Kubernetes accepts as
    /// labels (TagLabelRules); name each one that is not, so nobody looks for a label that is not there. AWS resources
    /// still get it as a tag.
    /// </summary>
    private void WarnTagsThatAreNoLabels()
    {
        foreach (var (key, value) in config.Tags ?? new Dictionary<string, string>())
        {
            if (TagLabelRules.Problem(key, value) is { } problem)
            {
                Warn($"{ConfigKeys.Qualified(ConfigKeys.Tags)}.{key}", $"is not added as a Kubernetes label: {problem}{(Platform is MskPlatform ? "; the AWS resources still get the tag" : "")}");
            }
        }
    }

    /// <summary>
    /// A <c>tls</c> user gets a certificate from the User Operator, but only a listener with <c>authentication: tls</c>
    /// accepts it: without one, say so rather than render a user that cannot log in.
    /// </summary>
    private void CheckTlsUsersOnStrimzi()
    {
        if (Platform is not StrimziPlatform { Config: var s } || s.Listeners.Any(l => l.Authentication == ListenerAuthentication.Tls))
        {
            return;
        }

        foreach (var u in config.Users.Where(u => u.Authentication == UserAuthentication.Tls && u.Namespace is null))
        {
            Warn($"{u.Path}.authentication", $"tls: the User Operator issues user {Describe.Quote(u.Name)} a client certificate, but no listener of the cluster authenticates with tls, so it cannot log in until one does (add one to cluster.strimzi.listeners)");
        }
    }

    /// <summary>
    /// A topic whose producers all have a <c>producerByteRate</c> quota, summing to less than the topic's planned rate
    /// (messagesPerSecond × messageBytes), cannot reach that rate: Kafka throttles each producer at its quota. Quotas are
    /// per broker (Strimzi <c>KafkaUser.spec.quotas</c>), so the message says so. A producer without a quota is unlimited:
    /// no warning for its topics.
    /// </summary>
    private void CheckProducerQuotas()
    {
        foreach (var t in Topics)
        {
            var writers = config.Producers.Where(p => p.Topics.Contains(t.Name, StringComparer.Ordinal)).ToList();
            if (writers.Count == 0 || writers.Any(p => p.Quotas?.ProducerByteRate is null))
            {
                continue;
            }

            var total = writers.Sum(p => (double)p.Quotas!.ProducerByteRate!.Value);
            if (total >= t.IngressBytesPerSecond)
            {
                continue;
            }

            var who = string.Join(", ", writers.Select(p => $"{p.Path} ({Fmt.MBps(p.Quotas!.ProducerByteRate!.Value)})"));
            Warn($"{t.Config.Path}.messagesPerSecond",
                $"{Describe.Quote(t.Name)} is planned for {Fmt.N(t.MessagesPerSecond)} msg/s × {Fmt.N(t.MessageBytes)} B = {Fmt.MBps(t.IngressBytesPerSecond)}, but the producerByteRate quotas of its producers add up to {Fmt.MBps(total)}: {who}. "
                + "Kafka throttles each producer at its quota (per broker), so the topic can fall short of its rate; raise the quotas or lower messagesPerSecond");
        }
    }

    /// <summary>What MSK does not apply: KafkaUser quotas, and <c>users[]</c> ACLs on an IAM cluster.</summary>
    private void CheckClientsOnMsk()
    {
        if (Platform is not MskPlatform msk)
        {
            return;
        }

        var withQuotas = config.Consumers.Where(c => c.Quotas is not null).Select(c => c.Path)
            .Concat(config.Producers.Where(p => p.Quotas is not null).Select(p => p.Path))
            .Concat(config.Users.Where(u => u.Quotas is not null).Select(u => u.Path))
            .ToList();
        if (withQuotas.Count > 0)
        {
            Warn($"{withQuotas[0]}.quotas", $"quotas are not applied on MSK (kafka-infra renders them into Strimzi KafkaUsers only); set them with kafka-configs on the cluster if needed. Also set for: {string.Join(", ", withQuotas.Skip(1).DefaultIfEmpty("nothing else"))}");
        }

        if (msk.Authentication == MskAuthentication.Iam)
        {
            foreach (var u in config.Users)
            {
                Error($"{u.Path}", $"declares Kafka ACLs for user {Describe.Quote(u.Name)}, but this MSK cluster authenticates with IAM, where IAM policies authorize and Kafka ACLs are ignored; grant the principal an IAM policy instead, or remove kafka-infra:users");
            }
        }
    }
}
