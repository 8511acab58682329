using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Livepeer.Benchmarks.Http;

/// <summary>
/// Runs wrk (Debian package <c>wrk</c>) as a separate process against <c>POST /upscale</c>: the load generator then
/// neither shares the server's thread pool nor sends trace headers, as real clients on other machines would not.
/// </summary>
internal static partial class WrkLoad
{
    private const string Boundary = "livepeer-bench-boundary";

    public static bool Available() => File.Exists("/usr/bin/wrk");

    /// <summary>The printed line, or null when wrk failed.</summary>
    public static async Task<string?> RunAsync(Uri target, byte[] png, int connections, TimeSpan duration)
    {
        var folder = Directory.CreateTempSubdirectory("livepeer-wrk-").FullName;
        try
        {
            var body = Path.Combine(folder, "body.bin");
            await File.WriteAllBytesAsync(body, Multipart(png));
            var script = Path.Combine(folder, "upscale.lua");
            await File.WriteAllTextAsync(script, $$"""
                local f = io.open("{{body}}", "rb")
                wrk.method = "POST"
                wrk.body = f:read("*all")
                f:close()
                wrk.headers["Content-Type"] = "multipart/form-data; boundary={{Boundary}}"
                """);
            var info = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{(int)duration.TotalSeconds}s", "--latency", "-s", script, new Uri(target, "/upscale").ToString() })
                info.ArgumentList.Add(argument);
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return Summarize(output, connections);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? Summarize(string output, int connections)
    {
        var rate = RequestsPerSecond().Match(output);
        var p50 = Percentile(output, "50%");
        var p99 = Percentile(output, "99%");
        if (!rate.Success || p50 is null || p99 is null)
        {
            Console.WriteLine($"wrk-output {output.Replace('\n', ' ')}");
            return null;
        }

        var errors = NonSuccess().Match(output) is { Success: true } e ? e.Groups[1].Value : "0";
        return string.Create(CultureInfo.InvariantCulture,
            $"jobpath path=http-upscale-wrk concurrency={connections} jobs_per_s={rate.Groups[1].Value} p50_ms={p50:F3} p99_ms={p99:F3} non_2xx={errors}");
    }

    private static double? Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"\s{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)");
        if (!match.Success) return null;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static byte[] Multipart(byte[] png)
    {
        using var body = new MemoryStream();
        void Text(string text) => body.Write(Encoding.ASCII.GetBytes(text));
        Text($"--{Boundary}\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nsharper\r\n");
        Text($"--{Boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"blob\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.Write(png);
        Text($"\r\n--{Boundary}--\r\n");
        return body.ToArray();
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
