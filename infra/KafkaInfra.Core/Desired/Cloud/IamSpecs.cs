using System.Text.Json.Serialization;

namespace KafkaInfra.Core.Desired.Cloud;

/// <summary><c>aws:iam/policy:Policy</c> (its <c>policy</c> input is the C# property <c>PolicyDocument</c> of the SDK).</summary>
public sealed record IamPolicySpec(string Description, PolicyDocument Policy, StringMap Tags) : CloudSpec;

/// <summary><c>aws:iam/role:Role</c>, assumed by the principal of its trust policy; <paramref name="Name"/> is the explicit role name (at most 64 characters).</summary>
public sealed record IamRoleSpec(string Name, string Description, PolicyDocument AssumeRolePolicy, StringMap Tags) : CloudSpec;

/// <summary><c>aws:iam/rolePolicyAttachment:RolePolicyAttachment</c>: the role's name (not ARN) and the policy's ARN.</summary>
public sealed record RolePolicyAttachmentSpec(Text Role, Text PolicyArn) : CloudSpec;

/// <summary>An IAM policy document (written as JSON with the element names IAM uses).</summary>
public sealed record PolicyDocument(
    [property: JsonPropertyName("Version")] string Version,
    [property: JsonPropertyName("Statement")] IReadOnlyList<PolicyStatement> Statement)
{
    /// <summary>The current policy language version.</summary>
    public const string CurrentVersion = "2012-10-17";
}

/// <summary>One statement: an optional id, Allow, an optional service principal (trust policies), actions, and resources (ARNs, possibly built from outputs).</summary>
public sealed record PolicyStatement(
    [property: JsonPropertyName("Sid")] string? Sid,
    [property: JsonPropertyName("Effect")] string Effect,
    [property: JsonPropertyName("Principal")] PolicyPrincipal? Principal,
    [property: JsonPropertyName("Action")] IReadOnlyList<string> Action,
    [property: JsonPropertyName("Resource")] IReadOnlyList<Text>? Resource);

/// <summary>A service principal, e.g. <c>pods.eks.amazonaws.com</c>.</summary>
public sealed record PolicyPrincipal([property: JsonPropertyName("Service")] string Service);
