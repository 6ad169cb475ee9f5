using System.Text.Json;
using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Config;

/// <summary><c>connect[].policyStatements</c>: extra IAM statements of an MSK Connect group's execution role.</summary>
public static partial class StackConfigLoader
{
    /// <summary>An IAM action: <c>service:Action</c>, wildcards allowed in the action part (IAM policy grammar).</summary>
    [GeneratedRegex("^[a-z0-9-]+:[A-Za-z0-9*?]+$")]
    private static partial Regex IamActionPattern();

    /// <summary>A statement id: letters and digits only (IAM policy element Sid).</summary>
    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex SidPattern();

    private static List<PolicyStatementConfig> ReadPolicyStatements(ObjectReader group)
    {
        var statements = new List<PolicyStatementConfig>();
        var i = 0;
        foreach (var (item, path) in group.List("policyStatements"))
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                group.Errors.Add(path, $"must be a mapping {{ sid, actions, resources }}, got {Describe.Value(item)}");
                i++;
                continue;
            }

            var r = new ObjectReader(item, path, group.Errors, KeysOf("connect[].policyStatements[]"));
            var sid = r.String("sid", expected: "a statement id of letters and digits");
            if (sid is not null && !SidPattern().IsMatch(sid))
            {
                r.Errors.Add(r.Child("sid"), $"must be letters and digits only (an IAM Sid), got {Describe.Quote(sid)}");
            }

            var actions = r.StringList("actions", required: true);
            foreach (var a in actions.Where(a => !IamActionPattern().IsMatch(a)))
            {
                r.Errors.Add(r.Child("actions"), $"must list IAM actions such as s3:PutObject, got {Describe.Quote(a)}");
            }

            var resources = r.StringList("resources", required: true);
            foreach (var res in resources.Where(x => x != "*" && !x.StartsWith("arn:", StringComparison.Ordinal)))
            {
                r.Errors.Add(r.Child("resources"), $"must list ARNs (arn:aws:...) or *, got {Describe.Quote(res)}");
            }

            if (r.Has("actions") && actions.Count == 0)
            {
                r.Errors.Add(r.Child("actions"), "must list at least one action");
            }

            if (r.Has("resources") && resources.Count == 0)
            {
                r.Errors.Add(r.Child("resources"), "must list at least one resource");
            }

            statements.Add(new PolicyStatementConfig(sid ?? $"Extra{i}", actions, resources));
            i++;
        }

        return statements;
    }
}
