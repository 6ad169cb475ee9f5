using YamlDotNet.RepresentationModel;

namespace KafkaInfra.Cli.Tests;

/// <summary>The GitOps files in the repository parse as YAML and have the jobs, steps and fields they promise.</summary>
public class PipelineFilesTests
{
    private static YamlMappingNode Load(string relativePath)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(DiffCommandTests.FindRepoRoot(), relativePath))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode Get(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? value
            : throw new Xunit.Sdk.XunitException($"missing key '{key}'");

    private static string Text(YamlNode node, string key) => ((YamlScalarNode)Get(node, key)).Value ?? "";

    private static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    private static List<YamlMappingNode> Steps(YamlNode job) => [.. ((YamlSequenceNode)Get(job, "steps")).Children.Cast<YamlMappingNode>()];

    private static YamlMappingNode Uses(YamlNode job, string action) =>
        Steps(job).SingleOrDefault(s => Has(s, "uses") && Text(s, "uses").StartsWith(action + "@", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no step uses {action}");

    [Fact]
    public void Workflow_triggers_on_pull_requests_and_pushes_to_main()
    {
        var wf = Load(".github/workflows/kafka-infra.yml");
        var on = Get(wf, "on");
        Assert.True(Has(on, "pull_request"));
        Assert.Equal(["main"], ((YamlSequenceNode)Get(Get(on, "push"), "branches")).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Equal(["test", "stacks", "report", "preview", "up"], ((YamlMappingNode)Get(wf, "jobs")).Children.Keys.Select(k => ((YamlScalarNode)k).Value));
    }

    [Fact]
    public void Test_job_runs_the_whole_solution_test_command_with_net10()
    {
        var test = Get(Get(Load(".github/workflows/kafka-infra.yml"), "jobs"), "test");
        Assert.Equal("0", Text(Get(Uses(test, "actions/checkout"), "with"), "fetch-depth"));
        Assert.Equal("10.0.x", Text(Get(Uses(test, "actions/setup-dotnet"), "with"), "dotnet-version"));
        Assert.Contains(Steps(test), s => Has(s, "run") && Text(s, "run").Contains("dotnet test KafkaInfra.sln", StringComparison.Ordinal));
    }

    [Fact]
    public void Pull_requests_get_the_offline_report_with_no_credential_and_fail_on_unsafe_changes()
    {
        var jobs = Get(Load(".github/workflows/kafka-infra.yml"), "jobs");
        var stacks = Get(jobs, "stacks");
        Assert.Contains(Steps(stacks), s => Has(s, "run") && Text(s, "run").Contains("Pulumi\\.[^/]+\\.yaml", StringComparison.Ordinal));

        var report = Get(jobs, "report");
        Assert.Contains("pull_request", Text(report, "if"), StringComparison.Ordinal);
        Assert.DoesNotContain("head.repo", Text(report, "if"), StringComparison.Ordinal); // forks get the report too
        Assert.Equal("0", Text(Get(Uses(report, "actions/checkout"), "with"), "fetch-depth"));
        var run = Steps(report).Single(s => Has(s, "id") && Text(s, "id") == "diff");
        Assert.Contains("diff --stack \"$STACK\" --base \"origin/$BASE_REF\" --output markdown", Text(run, "run"), StringComparison.Ordinal);
        Assert.Contains("GITHUB_STEP_SUMMARY", Text(run, "run"), StringComparison.Ordinal);
        Assert.Equal("${{ github.base_ref }}", Text(Get(run, "env"), "BASE_REF"));
        var comment = Uses(report, "marocchino/sticky-pull-request-comment");
        Assert.Equal("impact.md", Text(Get(comment, "with"), "path"));
        Assert.Contains("github.event.pull_request.head.repo.full_name == github.repository", Text(comment, "if"), StringComparison.Ordinal);

        // No credential at all: no OIDC token, no secret, no environment.
        Assert.False(Has(Get(report, "permissions"), "id-token"));
        Assert.False(Has(report, "environment"));
        Assert.DoesNotContain("secrets.", Dump(report), StringComparison.Ordinal);
        Assert.DoesNotContain(Steps(report), s => Has(s, "uses") && Text(s, "uses").StartsWith("aws-actions/", StringComparison.Ordinal));
        Assert.All(Steps(report), s => Assert.DoesNotContain("secrets.", Dump(s), StringComparison.Ordinal));

        var fail = Steps(report).Last();
        Assert.Equal("steps.diff.outputs.exit-code != '0'", Text(fail, "if"));
        Assert.Contains("exit \"$CODE\"", Text(fail, "run"), StringComparison.Ordinal);
        Assert.Contains("3)", Text(fail, "run"), StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_runs_only_for_this_repositorys_branches_in_a_protected_environment_with_a_read_only_identity()
    {
        var preview = Get(Get(Load(".github/workflows/kafka-infra.yml"), "jobs"), "preview");
        Assert.Contains("github.event.pull_request.head.repo.full_name == github.repository", Text(preview, "if"), StringComparison.Ordinal);
        Assert.Equal("preview", Text(preview, "environment"));
        Assert.Equal("${{ secrets.AWS_PREVIEW_ROLE_ARN }}", Text(Get(Uses(preview, "aws-actions/configure-aws-credentials"), "with"), "role-to-assume"));
        var action = Uses(preview, "pulumi/actions");
        Assert.Equal("preview", Text(Get(action, "with"), "command"));
        Assert.Equal("${{ matrix.stack }}", Text(Get(action, "with"), "stack-name"));
        Assert.Equal("${{ secrets.PULUMI_ACCESS_TOKEN }}", Text(Get(action, "env"), "PULUMI_ACCESS_TOKEN"));
        var text = string.Join("\n", Steps(preview).Select(Dump));
        Assert.Contains("secrets.PREVIEW_KUBECONFIG", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_credentials_reach_only_the_up_job_on_main()
    {
        var jobs = (YamlMappingNode)Get(Load(".github/workflows/kafka-infra.yml"), "jobs");
        foreach (var (key, job) in jobs.Children)
        {
            var text = string.Join("\n", Steps(job).Select(Dump));
            var deploys = text.Contains("secrets.AWS_ROLE_ARN", StringComparison.Ordinal) || text.Contains("secrets.KUBECONFIG", StringComparison.Ordinal);
            if (((YamlScalarNode)key).Value == "up")
            {
                Assert.True(deploys);
                Assert.Equal("${{ matrix.stack }}", Text(job, "environment"));
                Assert.Contains("github.event_name == 'push'", Text(job, "if"), StringComparison.Ordinal);
            }
            else
            {
                Assert.False(deploys, $"job {key} can read the deploy credentials");
            }
        }
    }

    private static string Dump(YamlNode node)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    [Fact]
    public void Pushes_to_main_run_pulumi_up_per_changed_stack()
    {
        var up = Get(Get(Load(".github/workflows/kafka-infra.yml"), "jobs"), "up");
        Assert.Contains("refs/heads/main", Text(up, "if"), StringComparison.Ordinal);
        var action = Uses(up, "pulumi/actions");
        Assert.Equal("up", Text(Get(action, "with"), "command"));
        Assert.Equal("${{ matrix.stack }}", Text(Get(action, "with"), "stack-name"));
        Assert.Equal("${{ fromJSON(needs.stacks.outputs.stacks) }}", Text(Get(Get(up, "strategy"), "matrix"), "stack"));
    }

    [Fact]
    public void Secrets_only_reach_steps_through_env_or_with_and_are_never_echoed()
    {
        var jobs = (YamlMappingNode)Get(Load(".github/workflows/kafka-infra.yml"), "jobs");
        foreach (var job in jobs.Children.Values)
        {
            foreach (var step in Steps(job).Where(s => Has(s, "run")))
            {
                Assert.DoesNotContain("secrets.", Text(step, "run"), StringComparison.Ordinal);
                Assert.DoesNotContain("echo \"$KUBECONFIG_CONTENT", Text(step, "run"), StringComparison.Ordinal);
                Assert.DoesNotContain("PULUMI_ACCESS_TOKEN", Text(step, "run"), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Operator_stack_example_has_the_pulumi_kubernetes_operator_fields()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(DiffCommandTests.FindRepoRoot(), "deploy", "pulumi-kubernetes-operator", "stack.yaml"))));
        var stack = stream.Documents.Select(d => (YamlMappingNode)d.RootNode).Single(d => Text(d, "kind") == "Stack");
        Assert.Equal("pulumi.com/v1", Text(stack, "apiVersion"));
        var spec = Get(stack, "spec");
        Assert.Equal("prod", Text(spec, "stack"));
        Assert.StartsWith("https://", Text(spec, "projectRepo"), StringComparison.Ordinal);
        Assert.Equal("main", Text(spec, "branch"));
        Assert.Equal(".", Text(spec, "repoDir"));
        Assert.Equal("true", Text(spec, "refresh"));
        Assert.Equal("false", Text(spec, "destroyOnFinalize"));
        var token = Get(Get(spec, "envRefs"), "PULUMI_ACCESS_TOKEN");
        Assert.Equal("Secret", Text(token, "type"));
        Assert.Equal("accessToken", Text(Get(token, "secret"), "key"));
        var account = Text(spec, "serviceAccountName");
        Assert.Contains(stream.Documents, d => Text(d.RootNode, "kind") == "ServiceAccount" && Text(Get(d.RootNode, "metadata"), "name") == account);
    }
}
