using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Livepeer.Pipelines.Tests.Sources;

/// <summary>A repository the <see cref="FakeHub"/> serves: files at one commit, some stored in LFS.</summary>
internal sealed class FakeRepo(string id)
{
    private readonly Dictionary<string, FakeFile> files = new(StringComparer.Ordinal);

    public string Id { get; } = id;

    public string Commit { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    /// <summary>A token the repository needs (a private repository); null for a public one.</summary>
    public string? Token { get; init; }

    /// <summary>Whether even a valid token is refused with 403 GatedRepo (access not granted yet).</summary>
    public bool Gated { get; init; }

    public IReadOnlyCollection<FakeFile> Files => files.Values;

    public FakeFile Add(string path, byte[] content, bool lfs = true)
    {
        var file = new FakeFile(path, content, lfs);
        files[path] = file;
        return file;
    }

    public FakeFile? Find(string path) => files.GetValueOrDefault(path);
}

/// <summary>A file of a <see cref="FakeRepo"/>; <see cref="Served"/> may differ from what the listing describes.</summary>
internal sealed class FakeFile(string path, byte[] content, bool lfs)
{
    public string Path { get; } = path;

    public byte[] Content { get; } = content;

    public bool Lfs { get; } = lfs;

    /// <summary>What the server sends; by default the content the hashes are of.</summary>
    public byte[] Served { get; set; } = content;

    /// <summary>
    /// Bytes after which the next body of this file stops until <see cref="FakeHub.Release"/> and then breaks off (the
    /// connection is aborted), so the client surely has those bytes when the connection goes.
    /// </summary>
    public int? HoldAfter { get; set; }

    /// <summary>
    /// Bytes after which successive bodies of this file break off at once, one entry per body (after any hold). The
    /// abort may overtake bytes still in flight, so only a cut at 0 has an exact outcome.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentQueue<int> Cuts { get; } = new();

    /// <summary>Listed, but answered 404 EntryNotFound when downloaded.</summary>
    public bool Missing { get; set; }

    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(content));

#pragma warning disable CA5350 // The git blob id is SHA-1 by definition.
    public string GitOid { get; } = Convert.ToHexStringLower(SHA1.HashData(
        [.. Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"blob {(lfs ? 134 : content.Length)}\0")), .. lfs ? new byte[134] : content]));
#pragma warning restore CA5350
}
