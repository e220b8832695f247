using System.Text;

namespace Pipeline.LocalHost.Azurite;

/// <summary>The last lines a child process printed, kept to explain a failure without buffering everything.</summary>
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_gate)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    /// <summary>The lines as an indented block that follows an error message, or an empty string.</summary>
    public string Format()
    {
        lock (_gate)
        {
            if (_lines.Count == 0)
            {
                return " It printed nothing.";
            }

            var builder = new StringBuilder(" Its output ends with:");
            foreach (var line in _lines)
            {
                builder.Append(Environment.NewLine).Append("    ").Append(line);
            }

            return builder.ToString();
        }
    }
}
