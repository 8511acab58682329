namespace Livepeer.Pipelines.Sources;

/// <summary>How far a fetch has got.</summary>
/// <param name="File">The file being fetched, relative to the model folder with <c>/</c> separators.</param>
/// <param name="FileBytes">Bytes of that file on disk so far.</param>
/// <param name="FileSize">Size of that file.</param>
/// <param name="TotalBytes">Bytes of all the fetch's files on disk so far, counting files already present.</param>
/// <param name="TotalSize">Size of all the fetch's files.</param>
public readonly record struct ModelSourceProgress(string File, long FileBytes, long FileSize, long TotalBytes, long TotalSize);
