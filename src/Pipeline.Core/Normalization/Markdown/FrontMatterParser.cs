using System.Buffers;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipeline.Core.Normalization.Markdown;

/// <summary>
/// Reads YAML front matter into a JSON object, so that front matter and JSON uploads are read by the same field rules
/// (see <see cref="Json.ArticleFieldReader"/>). Scalars become strings: front matter is written by hand, and
/// <c>title: 1984</c> is a title, not a number.
/// </summary>
/// <remarks>
/// YamlDotNet's event parser is used rather than its object model: it does not recurse, so a hostile
/// <c>[[[[…</c> cannot overflow the stack, and aliases are never expanded (each becomes null), so a "billion laughs"
/// document stays small. Depth and node count are bounded too.
/// </remarks>
internal static class FrontMatterParser
{
    public const int MaxDepth = 16;

    public const int MaxNodes = 10_000;

    private static readonly HashSet<string> NullScalars = new(StringComparer.Ordinal) { "", "~", "null", "Null", "NULL" };

    private enum Frame
    {
        Sequence,
        MappingKey,
        MappingValue,
    }

    /// <returns>The front matter as a JSON object, or null when it holds no keys.</returns>
    /// <exception cref="NormalizationException"><see cref="NormalizationErrorCode.Malformed"/> for invalid YAML.</exception>
    public static JsonElement? Parse(string yaml, string sourceName)
    {
        try
        {
            return Convert(yaml, sourceName);
        }
        catch (YamlException ex)
        {
            throw new NormalizationException(
                NormalizationErrorCode.Malformed,
                $"'{sourceName}' has front matter that is not valid YAML (line {ex.Start.Line}, column {ex.Start.Column}): {ex.Message}",
                ex);
        }
    }

    private static JsonElement? Convert(string yaml, string sourceName)
    {
        var parser = new Parser(new StringReader(yaml));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var frames = new Stack<Frame>();
            var nodes = 0;
            var finished = false;
            while (!finished && parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case DocumentEnd:
                        // Only the first document is front matter.
                        finished = true;
                        break;
                    case MappingEnd:
                        frames.Pop();
                        writer.WriteEndObject();
                        ValueWritten(frames);
                        break;
                    case SequenceEnd:
                        frames.Pop();
                        writer.WriteEndArray();
                        ValueWritten(frames);
                        break;
                    case AnchorAlias alias:
                        if (frames.TryPeek(out var frame) && frame == Frame.MappingKey)
                        {
                            throw new NormalizationException(
                                NormalizationErrorCode.Malformed,
                                $"'{sourceName}' has front matter with a key that is not a plain name (line {alias.Start.Line}).");
                        }

                        // Never expanded: expansion is how alias bombs blow up.
                        writer.WriteNullValue();
                        ValueWritten(frames);
                        break;
                    case NodeEvent node:
                        if (nodes == 0 && !IsMappingStart(node, sourceName))
                        {
                            return null;
                        }

                        if (++nodes > MaxNodes)
                        {
                            throw new NormalizationException(
                                NormalizationErrorCode.Malformed,
                                $"'{sourceName}' has front matter with more than {MaxNodes:N0} values; no article needs that many.");
                        }

                        Write(node, frames, writer, sourceName);
                        break;
                }
            }
        }

        if (buffer.WrittenCount == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
    }

    /// <summary>True when the front matter starts with a mapping; false when it is empty (a lone null).</summary>
    private static bool IsMappingStart(NodeEvent node, string sourceName)
    {
        if (node is MappingStart)
        {
            return true;
        }

        if (node is Scalar { Style: ScalarStyle.Plain } scalar && NullScalars.Contains(scalar.Value))
        {
            return false;
        }

        throw new NormalizationException(
            NormalizationErrorCode.Malformed,
            $"'{sourceName}' has front matter that is not a mapping of keys to values (line {node.Start.Line}).");
    }

    private static void Write(NodeEvent node, Stack<Frame> frames, Utf8JsonWriter writer, string sourceName)
    {
        if (frames.TryPeek(out var frame) && frame == Frame.MappingKey)
        {
            if (node is not Scalar key)
            {
                throw new NormalizationException(
                    NormalizationErrorCode.Malformed,
                    $"'{sourceName}' has front matter with a key that is not a plain name (line {node.Start.Line}).");
            }

            writer.WritePropertyName(key.Value);
            frames.Pop();
            frames.Push(Frame.MappingValue);
            return;
        }

        switch (node)
        {
            case Scalar scalar when scalar.Style == ScalarStyle.Plain && NullScalars.Contains(scalar.Value):
                writer.WriteNullValue();
                ValueWritten(frames);
                break;
            case Scalar scalar:
                writer.WriteStringValue(scalar.Value);
                ValueWritten(frames);
                break;
            case MappingStart or SequenceStart:
                if (frames.Count >= MaxDepth)
                {
                    throw new NormalizationException(
                        NormalizationErrorCode.Malformed, $"'{sourceName}' has front matter nested more than {MaxDepth} levels deep.");
                }

                if (node is MappingStart)
                {
                    writer.WriteStartObject();
                    frames.Push(Frame.MappingKey);
                }
                else
                {
                    writer.WriteStartArray();
                    frames.Push(Frame.Sequence);
                }

                break;
        }
    }

    // After a value inside a mapping the next node is a key again; inside a sequence nothing changes.
    private static void ValueWritten(Stack<Frame> frames)
    {
        if (frames.TryPeek(out var frame) && frame == Frame.MappingValue)
        {
            frames.Pop();
            frames.Push(Frame.MappingKey);
        }
    }
}
