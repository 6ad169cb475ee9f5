using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Desired.Kubernetes;
using KafkaInfra.Core.Tests.Desired.Msk;

namespace KafkaInfra.Core.Tests.Desired.Strimzi;

/// <summary>
/// <c>users[].namespace</c> / <c>users[].listener</c> (a KafkaAccess binds a user's credentials into its namespace, the
/// way producers' are) and <c>kafka-infra:tags</c> as Kubernetes labels (kubernetes/apimachinery validation.go rules).
/// </summary>
public class UserBindingAndTagLabelTests
{
    private const string Listeners = """
        listeners:
          - { name: tls, port: 9093, type: internal, tls: true, authentication: scram-sha-512 }
          - { name: mtls, port: 9095, type: internal, tls: true, authentication: tls }
          - { name: external, port: 9094, type: loadbalancer, tls: true, authentication: tls }
          - { name: open, port: 9096, type: internal, tls: false, authentication: none }
        """;

    private static string Users(string entries) => "  kafka-infra:users:\n" + entries;

    private const string Acl = "      acls: [ { resource: { type: topic, name: orders }, operations: [Describe] } ]\n";

    private static string Yaml(string tail, string listeners = Listeners) => StrimziStacks.StrimziYaml(strimziExtra: listeners, tail: tail);

    private static string[] Errors(string yaml) => TestStacks.Lines(StrimziStacks.PlanText(yaml).Errors);

    [Fact]
    public void A_user_with_a_namespace_is_bound_there_through_a_listener_of_its_own_kind()
    {
        var s = StrimziStacks.Strimzi(Yaml(Users($"""
                - name: ops-console
                  namespace: ops
            {Acl}    - name: partner
                  namespace: partners
                  authentication: tls
            {Acl}    - name: partner-ext
                  namespace: partners
                  authentication: tls
                  listener: external
            {Acl}    - name: no-binding
            {Acl}
            """)));
        var ops = s.Single("KafkaAccess", "ops-console-user-kafka");
        Assert.Equal(("ops", "tls", "ops-console"), (ops.Namespace, (string?)ops.Spec().At("kafka.listener"), (string?)ops.Spec().At("user.name")));
        var (secret, ns, keys) = ClientBindingTests.AsTheAccessOperatorReadsIt(s, ops);
        Assert.Equal(("ops-console-user-kafka", "ops"), (secret, ns));
        Assert.Contains("sasl.jaas.config", keys);

        var partner = s.Single("KafkaAccess", "partner-user-kafka");
        Assert.Equal("mtls", partner.Spec().At("kafka.listener")); // the first in-cluster listener with authentication: tls
        Assert.Contains("ssl.keystore.key", ClientBindingTests.AsTheAccessOperatorReadsIt(s, partner).Keys);
        Assert.Equal("external", s.Single("KafkaAccess", "partner-ext-user-kafka").Spec().At("kafka.listener"));

        // Without a namespace the credentials stay in the User Operator's Secret in the Kafka namespace, as before.
        Assert.DoesNotContain(s.OfKind("KafkaAccess"), a => (string?)a.Spec().At("user.name") == "no-binding");
        Assert.Equal("kafka", s.Single("KafkaUser", "no-binding").Namespace);
    }

    [Fact]
    public void A_user_binding_that_cannot_work_is_refused_with_the_key_and_the_value()
    {
        var errors = Errors(Yaml(Users($"""
                - name: a
                  namespace: ops
                  listener: mtls
            {Acl}    - name: b
                  namespace: ops
                  listener: open
            {Acl}    - name: c
                  listener: tls
            {Acl}    - name: d
                  namespace: Ops_Team
            {Acl}    - name: e
                  namespace: ops
                  listener: nope
            {Acl}
            """)));
        Assert.Contains("kafka-infra:users[0].listener: names listener \"mtls\" with authentication tls, but user \"a\" authenticates with scram-sha-512; the Access Operator binds a KafkaUser only through a listener of its own kind", errors);
        Assert.Contains("kafka-infra:users[1].listener: names listener \"open\" with authentication none, but user \"b\" authenticates with scram-sha-512; the Access Operator binds a KafkaUser only through a listener of its own kind", errors);
        Assert.Contains("kafka-infra:users[2].listener: names listener \"tls\", but only the KafkaAccess binding of users[].namespace uses it; set namespace too, or leave listener out", errors);
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:users[3].namespace: ", StringComparison.Ordinal) && e.Contains("Ops_Team", StringComparison.Ordinal));
        Assert.Contains("kafka-infra:users[4].listener: names listener \"nope\", which is not in cluster.strimzi.listeners (tls, mtls, external, open)", errors);
    }

    [Fact]
    public void A_tls_user_needs_a_tls_listener_to_be_bound_and_msk_has_no_bindings()
    {
        var onlyScram = "listeners:\n  - { name: tls, port: 9093, type: internal }\n";
        Assert.Contains("kafka-infra:users[0].namespace: needs a listener with authentication tls for user \"p\"'s KafkaAccess, and no internal one has it; add one to cluster.strimzi.listeners or name one with users[].listener",
            Errors(Yaml(Users($"    - name: p\n      namespace: ops\n      authentication: tls\n{Acl}"), onlyScram)));

        var msk = MskStacks.WithAuthentication("scram") + Users($"    - name: p\n      namespace: ops\n{Acl}");
        Assert.Contains("kafka-infra:users[0].namespace: applies to Strimzi clusters only (a KafkaAccess binds the KafkaUser's credentials there); leave it out on MSK", MskStacks.Lines(MskStacks.Plan(msk).Errors));
    }

    [Fact]
    public void A_user_binding_name_that_clashes_with_a_consumer_binding_is_refused()
    {
        // <name>-user-kafka vs a consumer named x-user: both derive KafkaAccess x-user-kafka in namespace ops.
        var errors = Errors(Yaml("""
              kafka-infra:consumers:
                - { name: x-user, namespace: ops, topic: orders, maxReplicas: 2 }
            """ + "\n" + Users($"    - name: x\n      namespace: ops\n{Acl}")));
        Assert.Contains(errors, e => e.Contains("derives KafkaAccess \"x-user-kafka\" in namespace \"ops\"", StringComparison.Ordinal)
            && e.Contains("kafka-infra:users[0].name", StringComparison.Ordinal) && e.Contains("kafka-infra:consumers[0].name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("team", "payments", null)]
    [InlineData("example.com/owner", "", null)]
    [InlineData("cost_center.v2", "A-1_b.c", null)]
    [InlineData("a/b/c", "x", "at most one '/'")]
    [InlineData("Example.com/owner", "x", "is not a lower-case DNS subdomain")]
    [InlineData("app.kubernetes.io/name", "x", "is reserved")]
    [InlineData("strimzi.io/cluster", "other", "is reserved")]
    [InlineData("-team", "x", "a label name has 1-63 characters")]
    [InlineData("owner", "payments@example.com", "a label value has at most 63")]
    [InlineData("owner", "this-value-is-sixty-four-characters-long-aaaaaaaaaaaaaaaaaaaaaaa", "a label value has at most 63")]
    public void Tag_label_rules_follow_kubernetes_validation(string key, string value, string? problem)
    {
        var actual = TagLabelRules.Problem(key, value);
        if (problem is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.Contains(problem, actual, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Valid_tags_label_every_kubernetes_object_and_invalid_ones_are_named_in_a_warning()
    {
        var yaml = StrimziStacks.StrimziYaml(tail: """
              kafka-infra:consumers:
                - { name: reader, namespace: apps, topic: orders, maxReplicas: 2 }
              kafka-infra:ksqldb:
                - { name: risk, topics: [orders] }
              kafka-infra:tags:
                team: payments
                owner: payments@example.com
            """);
        var result = StrimziStacks.PlanText(yaml);
        Assert.Contains(TestStacks.Lines(result.Warnings), w => w.StartsWith("kafka-infra:tags.owner: is not added as a Kubernetes label: a label value", StringComparison.Ordinal));
        var state = DesiredStateBuilder.Build(TestStacks.Valid(result));
        Assert.All(state.Kubernetes, o => Assert.Contains(new KeyValuePair<string, string>("team", "payments"), o.Labels));
        Assert.All(state.Kubernetes, o => Assert.DoesNotContain(o.Labels, l => l.Key == "owner"));
        var deployment = (DeploymentModel)state.Single("Deployment", "ksqldb-risk").Model!;
        Assert.DoesNotContain(deployment.PodLabels, l => l.Key == "team"); // a tag change must not roll the pods
    }

    [Fact]
    public void A_tag_never_replaces_a_label_kafka_infra_sets()
    {
        var own = new KubernetesObject("v1", "ConfigMap", "x", "apps", KubeObjects.Labels("x", "events", KubeObjects.Pair("team", "core")), KubeObjects.None, new Tree(), "c", ObjectStage.Autoscaling);
        var labelled = TagLabels.Apply([own], new Dictionary<string, string> { ["team"] = "payments", ["tier"] = "gold" }).Single();
        Assert.Equal("core", labelled.Labels.Single(l => l.Key == "team").Value);
        Assert.Equal("gold", labelled.Labels.Single(l => l.Key == "tier").Value);
        Assert.Equal(own.Labels, labelled.Labels.Take(own.Labels.Count));
    }

    [Fact]
    public void Msk_stacks_label_their_kubernetes_objects_too()
    {
        var plan = TestStacks.Valid(MskStacks.Plan(MskStacks.Prod + "  kafka-infra:tags:\n    team: payments\n"));
        var state = DesiredStateBuilder.Build(plan);
        Assert.NotEmpty(state.Kubernetes);
        Assert.All(state.Kubernetes, o => Assert.Contains(new KeyValuePair<string, string>("team", "payments"), o.Labels));
    }
}
