namespace Livepeer.Pipelines.Sources;

/// <summary>Counts a fetch's bytes and reports them, at most once per <see cref="ReportEvery"/> bytes within a file.</summary>
internal sealed class TransferProgress(IProgress<ModelSourceProgress>? sink, long totalSize)
{
    private const long ReportEvery = 1 << 20;
    private long finishedBytes;
    private long lastReported = -1;

    /// <summary>
    /// Reports <paramref name="fileBytes"/> of <paramref name="file"/> on disk; <paramref name="force"/> reports even a
    /// small step. A file's last byte is reported by <see cref="Complete"/> alone, once the file is checked and in place.
    /// </summary>
    public void Report(string file, long fileBytes, long fileSize, bool force = false)
    {
        if (sink is null || (!force && (fileBytes == fileSize || (lastReported >= 0 && fileBytes - lastReported < ReportEvery))))
            return;
        lastReported = fileBytes;
        sink.Report(new ModelSourceProgress(file, fileBytes, fileSize, finishedBytes + fileBytes, totalSize));
    }

    /// <summary>Reports <paramref name="file"/> complete and counts it into the total.</summary>
    public void Complete(string file, long fileSize)
    {
        Report(file, fileSize, fileSize, force: true);
        finishedBytes += fileSize;
        lastReported = -1;
    }
}
