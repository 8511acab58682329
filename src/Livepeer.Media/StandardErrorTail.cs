namespace Livepeer.Media;

/// <summary>The last lines a process wrote to standard error, for error messages; safe to add to from any thread.</summary>
internal sealed class StandardErrorTail(int capacity)
{
    private readonly Queue<string> lines = new(capacity + 1);

    public void Add(string line)
    {
        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > capacity)
                lines.Dequeue();
        }
    }

    /// <summary>The kept lines joined by newlines, or a note that ffmpeg wrote nothing.</summary>
    public override string ToString()
    {
        lock (lines)
            return lines.Count == 0 ? "(ffmpeg wrote nothing to standard error)" : string.Join('\n', lines);
    }
}
