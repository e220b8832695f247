using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Pipeline.Core.Search;

namespace Pipeline.Api.Binding;

/// <summary>Reads a request body that must be one JSON object of bounded size.</summary>
internal static partial class JsonBody
{
    public const string ParameterName = "body";

    private const int MaxDepth = 8;

    /// <exception cref="RequestRejectedException">Not JSON (415) or over <paramref name="maxBytes"/> (413).</exception>
    /// <exception cref="InvalidSearchRequestException">Empty, malformed, or not an object; the position is a character offset in the body.</exception>
    public static async Task<JsonDocument> ReadObjectAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            throw new RequestRejectedException(
                StatusCodes.Status415UnsupportedMediaType,
                "Unsupported media type",
                $"Send the body as JSON with 'Content-Type: application/json'; got '{Text.Truncate(request.ContentType ?? "no content type")}'.");
        }

        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var body = await ReadAtMostAsync(request.Body, maxBytes, cancellationToken);
        if (body.Length == 0)
        {
            throw new InvalidSearchRequestException(ParameterName, "The body is empty; send a JSON object such as {\"q\": \"ceasefire\"}.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException exception)
        {
            throw new InvalidSearchRequestException(
                ParameterName,
                $"The body is not valid JSON: {WithoutLocation(exception.Message)}",
                CharacterOffset(body.Span, exception),
                exception);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            throw new InvalidSearchRequestException(
                ParameterName, $"The body must be a JSON object such as {{\"q\": \"ceasefire\"}}; got {JsonKinds.Describe(kind)}.", 0);
        }

        return document;
    }

    // "application/json; charset=utf-8" and "application/problem+json" are JSON; form posts (curl -d's default) are not.
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType) &&
        (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
         mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static async Task<ReadOnlyMemory<byte>> ReadAtMostAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        // One byte more than allowed tells "exactly at the limit" from "over it" without reading the rest.
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= maxBytes && (read = await body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken)) > 0)
            {
                length += read;
            }

            if (length > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static RequestRejectedException TooLarge(int maxBytes) => new(
        StatusCodes.Status413PayloadTooLarge,
        "Request body too large",
        $"The body is over the limit of {maxBytes:N0} bytes; for a long query, shorten the filter or search fewer terms.");

    // The reader reports a zero-based line and a byte offset in it; users count characters.
    private static int? CharacterOffset(ReadOnlySpan<byte> body, JsonException exception)
    {
        if (exception.LineNumber is not { } line || exception.BytePositionInLine is not { } byteInLine)
        {
            return null;
        }

        var lineStart = 0;
        for (var i = 0L; i < line; i++)
        {
            var newline = body[lineStart..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return null;
            }

            lineStart += newline + 1;
        }

        var offset = (int)Math.Min(body.Length, lineStart + byteInLine);
        return Encoding.UTF8.GetCharCount(body[..offset]);
    }

    private static string WithoutLocation(string message) => LocationSuffix().Replace(message, string.Empty).TrimEnd();

    [GeneratedRegex(@"\s*(Path: \S+ \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.?$")]
    private static partial Regex LocationSuffix();
}
