using System.Text.RegularExpressions;

namespace Pipeline.Infra.Tests.Azd;

/// <summary>The postdeploy hooks work on the azd environment's subscription without touching the user's az defaults.</summary>
public sealed partial class HookScriptTests
{
    private readonly AzdProject _project = AzdProject.Load();

    public static TheoryData<string> Platforms => ["posix", "windows"];

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Hook_calls_the_azure_cli(string platform)
    {
        Assert.NotEmpty(AzInvocations(platform));
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Every_az_call_names_the_azd_subscription(string platform)
    {
        Assert.All(AzInvocations(platform), command => Assert.Matches(@"--subscription\s+(""\$\{subscription\}""|\$subscription)", command));
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Hook_never_changes_the_default_subscription_of_the_azure_cli(string platform)
    {
        Assert.DoesNotContain(AzInvocations(platform), command => command.StartsWith("az account set", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Hook_checks_the_sign_in_first_and_says_what_to_run_when_it_fails(string platform)
    {
        var first = AzInvocations(platform)[0];
        var script = Script(platform);

        Assert.StartsWith("az account get-access-token", first, StringComparison.Ordinal);
        Assert.Contains("Run 'az login'", script, StringComparison.Ordinal);
        Assert.Contains("'azd hooks run postdeploy'", script, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Hook_requires_the_subscription_azd_provides(string platform)
    {
        Assert.Matches(@"(for name in|\$required = @\()[^\n]*\n?\s*'?AZURE_SUBSCRIPTION_ID", Script(platform));
    }

    private string Script(string platform) =>
        File.ReadAllText(_project.FullPath(_project.Hooks.Single(h => h.Name == "postdeploy" && h.Platform == platform).Run));

    /// <summary>Each az command of the script as one line: comments dropped, continuation lines (\ or `) joined.</summary>
    private IReadOnlyList<string> AzInvocations(string platform)
    {
        var code = string.Join('\n', Script(platform).Split('\n').Where(line => !line.TrimStart().StartsWith('#')));
        var joined = Continuation().Replace(code, " ");
        return AzCommand().Matches(joined).Select(m => m.Groups["command"].Value.Trim()).ToArray();
    }

    [GeneratedRegex(@"\s*[\\`]\r?\n\s*")]
    private static partial Regex Continuation();

    // "az <group> ..." at the start of a command, after "$(" or "!" ; not inside messages such as "run 'az login'".
    [GeneratedRegex(@"(?:^|[\s(!])(?<command>az\s+[a-z][a-z-]*[^\n;)]*)", RegexOptions.Multiline)]
    private static partial Regex AzCommand();
}
