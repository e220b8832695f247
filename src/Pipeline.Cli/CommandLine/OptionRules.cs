using System.CommandLine.Parsing;
using System.Globalization;

namespace Pipeline.Cli.CommandLine;

/// <summary>Validators shared by the commands' options; each reads the raw token, so a value that does not parse is reported once, by the parser.</summary>
internal static class OptionRules
{
    public static void InRange(OptionResult result, int min, int max)
    {
        if (result.Tokens is [.., var token] &&
            int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) &&
            (value < min || value > max))
        {
            result.AddError(max == int.MaxValue
                ? $"{result.Option.Name} must be a whole number of at least {min}."
                : $"{result.Option.Name} must be between {min} and {max}.");
        }
    }

    public static void AbsoluteHttpUrl(OptionResult result)
    {
        if (result.Tokens is [.., var token] &&
            !(Uri.TryCreate(token.Value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            result.AddError($"{result.Option.Name} needs an absolute http(s) URL, not '{token.Value}'.");
        }
    }
}
