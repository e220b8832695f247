namespace Pipeline.Api.Binding;

internal static class Text
{
    /// <summary>Shortens user input quoted back in a message, so a pasted page does not come back in the error.</summary>
    public static string Truncate(string value, int max = 50) => value.Length <= max ? value : value[..max] + "…";
}
