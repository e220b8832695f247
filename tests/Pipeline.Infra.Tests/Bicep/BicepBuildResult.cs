namespace Pipeline.Infra.Tests.Bicep;

/// <summary>
/// What a bicep command produced: for <c>build --stdout</c> the ARM JSON on stdout, and for any command the
/// diagnostics on stderr (lint writes its findings there too).
/// </summary>
public sealed record BicepBuildResult(string SourceFile, int ExitCode, string ArmJson, string Diagnostics)
{
    /// <summary>
    /// Compiled with no errors and no warnings. Warnings count as failures: every Bicep warning (type mismatches,
    /// unavailable resource types, linter rules in infra/bicepconfig.json) points at something that can fail or
    /// drift at deployment time, which these tests are the only guard against.
    /// </summary>
    public bool IsClean => ExitCode == 0 && Diagnostics.Length == 0;

    public string Describe() =>
        $"bicep on '{SourceFile}' exited with {ExitCode}.{Environment.NewLine}{Diagnostics}";
}
