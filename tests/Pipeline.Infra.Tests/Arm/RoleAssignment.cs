using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Infra.Tests.Arm;

/// <summary>One role a template grants, with loops unrolled and values resolved as far as the template allows.</summary>
public sealed partial record RoleAssignment(string RoleDefinitionId, string Principal, string PrincipalType, string Scope, string? Condition)
{
    /// <summary>Every role assignment a deployment makes, one per role definition (copy loops expanded).</summary>
    public static IEnumerable<RoleAssignment> All(ArmTemplate deployment) =>
        deployment.AllResourcesOfType("Microsoft.Authorization/roleAssignments").SelectMany(r => Expand(r.Template, r.Resource));

    private static IEnumerable<RoleAssignment> Expand(ArmTemplate template, JsonObject resource)
    {
        var properties = resource["properties"]!;
        var roleExpression = RoleDefinitionArgument().Match((string)properties["roleDefinitionId"]!);
        if (!roleExpression.Success)
        {
            throw new InvalidOperationException($"Unexpected roleDefinitionId '{properties["roleDefinitionId"]}'.");
        }

        var role = roleExpression.Groups["role"].Value;
        var roleIds = role.EndsWith("[copyIndex()]", StringComparison.Ordinal)
            ? template.Resolve(JsonValue.Create($"[{role[..^"[copyIndex()]".Length]}]"))!.AsArray().Select(id => (string)id!)
            : [template.ResolveText(JsonValue.Create($"[{role}]"))!];

        foreach (var roleId in roleIds)
        {
            yield return new RoleAssignment(
                roleId,
                template.ResolveText(properties["principalId"])!,
                template.ResolveText(properties["principalType"])!,
                (string)resource["scope"]!,
                (string?)resource["condition"]);
        }
    }

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', (?<role>.+)\)\]$")]
    private static partial Regex RoleDefinitionArgument();
}
