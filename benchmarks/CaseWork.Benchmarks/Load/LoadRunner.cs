using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CaseWork.Benchmarks.Load;

/// <summary>What one load run measured.</summary>
/// <param name="Provider">Database provider ("SQLite", "PostgreSQL").</param>
/// <param name="Name">What was requested.</param>
/// <param name="Connections">Concurrent requests in flight.</param>
/// <param name="Requests">Requests completed in the measured window.</param>
/// <param name="Failures">Requests that did not answer with a success status.</param>
/// <param name="Elapsed">The measured window.</param>
/// <param name="LatenciesMs">Every measured request's latency.</param>
/// <param name="FirstFailure">Status and start of the body of the first failure, for the report.</param>
/// <param name="Cpu">CPU the run used (this process: host and load generator; the database server's backends), over every answered request including warm-up.</param>
internal sealed record LoadResult(
    string Provider, string Name, int Connections, long Requests, long Failures, TimeSpan Elapsed, double[] LatenciesMs, string? FirstFailure,
    CpuUse? Cpu = null)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        return LatenciesMs[Math.Clamp((int)Math.Ceiling(p * LatenciesMs.Length) - 1, 0, LatenciesMs.Length - 1)];
    }
}

/// <summary>
/// A closed-loop HTTP load generator (what wrk does): <c>connections</c> workers each send a request, read the whole
/// answer, and send the next, over real loopback sockets. A warm-up window is run and thrown away first.
/// </summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(
        string provider,
        string name,
        HttpClient client,
        Func<long, HttpRequestMessage> request,
        int connections,
        TimeSpan warmup,
        TimeSpan measure)
    {
        long sequence = 0;
        long failures = 0;
        long lastFinish = 0;
        long answered = 0;
        string? firstFailure = null;
        var cpuBefore = CpuMeter.Read();
        var latencies = new List<double>[connections];
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(measure.TotalSeconds * Stopwatch.Frequency);

        // A request counts when it starts inside the window, however late it finishes; the window then ends with the
        // last of them. (Counting only requests that also finish inside it would lose every slow request of a short slice.)
        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            while (true)
            {
                var before = Stopwatch.GetTimestamp();
                if (before >= stopAt)
                {
                    return;
                }

                using var message = request(Interlocked.Increment(ref sequence));
                HttpResponseMessage response;
                byte[] body;
                try
                {
                    response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                    body = await response.Content.ReadAsByteArrayAsync();
                }
                catch (TaskCanceledException) when (!client.Timeout.Equals(Timeout.InfiniteTimeSpan))
                {
                    // A request slower than the client's timeout is a failed request of the run, not the end of the run.
                    if (before >= measureFrom)
                    {
                        InterlockedMax(ref lastFinish, Stopwatch.GetTimestamp());
                        if (Interlocked.Increment(ref failures) == 1)
                        {
                            firstFailure = $"no answer within {client.Timeout.TotalSeconds:0} s";
                        }
                    }

                    continue;
                }

                using var disposeResponse = response;
                var after = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref answered);
                if (before < measureFrom)
                {
                    continue;
                }

                InterlockedMax(ref lastFinish, after);
                if (!response.IsSuccessStatusCode)
                {
                    if (Interlocked.Increment(ref failures) == 1)
                    {
                        firstFailure = $"{(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200))}";
                    }

                    continue;
                }

                mine.Add((after - before) * 1000.0 / Stopwatch.Frequency);
            }
        })));

        var cpu = CpuMeter.Read() - cpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var window = TimeSpan.FromSeconds((Math.Max(stopAt, lastFinish) - measureFrom) / (double)Stopwatch.Frequency);
        return new LoadResult(provider, name, connections, all.Length, failures, window, all, firstFailure, cpu with { Requests = answered });
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}

/// <summary>One side of a comparison: a name, its request factory and, when it differs from the comparison's, its own client.</summary>
internal sealed record LoadTarget(string Name, Func<long, HttpRequestMessage> Request, HttpClient? Client = null);

/// <summary>
/// Runs a real endpoint and its bare counterpart in alternating slices (bare, real, bare, real, …) and merges each
/// side's slices. The machine's background noise (builds, other processes, GC of the generator) then falls on both
/// sides alike instead of on whichever ran second, so the ratio is trustworthy even on a shared 2-core machine.
/// </summary>
internal static class LoadComparer
{
    public static async Task<(LoadResult Endpoint, LoadResult Bare)> RunAsync(
        string provider, HttpClient client, LoadTarget endpoint, LoadTarget bare, int connections, TimeSpan warmup, TimeSpan measure, int slices = 6)
    {
        var slice = measure / slices;
        var endpointSlices = new List<LoadResult>();
        var bareSlices = new List<LoadResult>();
        await LoadRunner.RunAsync(provider, bare.Name, bare.Client ?? client, bare.Request, connections, TimeSpan.Zero, warmup);
        await LoadRunner.RunAsync(provider, endpoint.Name, endpoint.Client ?? client, endpoint.Request, connections, TimeSpan.Zero, warmup);
        for (var i = 0; i < slices; i++)
        {
            bareSlices.Add(await LoadRunner.RunAsync(provider, bare.Name, bare.Client ?? client, bare.Request, connections, TimeSpan.Zero, slice));
            endpointSlices.Add(await LoadRunner.RunAsync(provider, endpoint.Name, endpoint.Client ?? client, endpoint.Request, connections, TimeSpan.Zero, slice));
        }

        return (Merge(endpointSlices), Merge(bareSlices));
    }

    private static LoadResult Merge(List<LoadResult> slices) => new(
        slices[0].Provider,
        slices[0].Name,
        slices[0].Connections,
        slices.Sum(s => s.Requests),
        slices.Sum(s => s.Failures),
        TimeSpan.FromTicks(slices.Sum(s => s.Elapsed.Ticks)),
        [.. slices.SelectMany(s => s.LatenciesMs).Order()],
        slices.Select(s => s.FirstFailure).FirstOrDefault(f => f is not null),
        slices.Select(s => s.Cpu).Aggregate((a, b) => a is null || b is null ? null : a + b));
}

/// <summary>A load result next to the bare endpoint it is judged against, with the issue's targets.</summary>
/// <param name="Endpoint">The real endpoint's result.</param>
/// <param name="Bare">The bare ADO.NET endpoint's result (the limit).</param>
/// <param name="MinThroughputRatio">Required endpoint req/s ÷ bare req/s (e.g. 0.6).</param>
/// <param name="MaxP95Ratio">Allowed endpoint p95 ÷ bare p95 (e.g. 1.5).</param>
internal sealed record LoadComparison(LoadResult Endpoint, LoadResult Bare, double MinThroughputRatio, double MaxP95Ratio)
{
    public double ThroughputRatio => Endpoint.RequestsPerSecond / Bare.RequestsPerSecond;

    public double P95Ratio => Endpoint.Percentile(0.95) / Bare.Percentile(0.95);

    public bool Met => ThroughputRatio >= MinThroughputRatio && P95Ratio <= MaxP95Ratio && Endpoint.Failures == 0 && Bare.Failures == 0;
}

/// <summary>Prints load results and comparisons as Markdown tables.</summary>
internal static class LoadReport
{
    public static void Print(IReadOnlyList<LoadResult> results, IReadOnlyList<LoadComparison> comparisons)
    {
        static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        Table.Print(
            ["provider", "request", "conn", "requests", "failed", "req/s", "p50 ms", "p95 ms", "p99 ms", "cpu ms/req", "db cpu ms/req", "alloc KB/req", "gc pause ms/req"],
            [.. results.Select(r => new[]
            {
                r.Provider, r.Name, F(r.Connections, "0"), F(r.Requests, "0"), F(r.Failures, "0"), F(r.RequestsPerSecond, "0"),
                F(r.Percentile(0.50), "0.00"), F(r.Percentile(0.95), "0.00"), F(r.Percentile(0.99), "0.00"),
                r.Cpu is { Requests: > 0 } c ? F(c.ProcessMs / c.Requests, "0.000") : "",
                r.Cpu is { Requests: > 0, DatabaseMs: { } db } d ? F(db / d.Requests, "0.000") : "",
                r.Cpu is { Requests: > 0 } a ? F(a.AllocatedBytes / 1024.0 / a.Requests, "0.0") : "",
                r.Cpu is { Requests: > 0 } g ? F(g.GcPauseMs / g.Requests, "0.000") : "",
            })]);
        Console.WriteLine();
        Table.Print(
            ["provider", "endpoint", "vs bare", "req/s ratio", "target", "p95 ratio", "target", "met"],
            [.. comparisons.Select(c => new[]
            {
                c.Endpoint.Provider, c.Endpoint.Name, c.Bare.Name, F(c.ThroughputRatio, "0.00"), "≥ " + F(c.MinThroughputRatio, "0.0#"),
                F(c.P95Ratio, "0.00"), "≤ " + F(c.MaxP95Ratio, "0.0#"), c.Met ? "yes" : "NO",
            })]);
        foreach (var failed in results.Where(r => r.FirstFailure is not null))
        {
            Console.WriteLine($"first failure of {failed.Provider} {failed.Name}: {failed.FirstFailure}");
        }
    }

    /// <summary>A GET request factory.</summary>
    public static Func<long, HttpRequestMessage> Get(Func<long, string> path) =>
        i => new HttpRequestMessage(HttpMethod.Get, new Uri(path(i), UriKind.Relative)) { Version = HttpVersion.Version11 };
}

/// <summary>CPU used during a run: by this process (host and load generator alike) and by the database server's backends, over <see cref="Requests"/> answered requests.</summary>
/// <param name="AllocatedBytes">Managed memory this process allocated (host and load generator alike).</param>
/// <param name="GcPauseMs">Time this process's threads stood still for garbage collections.</param>
internal sealed record CpuUse(double ProcessMs, double? DatabaseMs, long Requests = 0, long AllocatedBytes = 0, double GcPauseMs = 0)
{
    public static CpuUse operator -(CpuUse after, CpuUse before) =>
        new(after.ProcessMs - before.ProcessMs, after.DatabaseMs - before.DatabaseMs, after.Requests - before.Requests,
            after.AllocatedBytes - before.AllocatedBytes, after.GcPauseMs - before.GcPauseMs);

    public static CpuUse operator +(CpuUse a, CpuUse b) =>
        new(a.ProcessMs + b.ProcessMs, a.DatabaseMs + b.DatabaseMs, a.Requests + b.Requests, a.AllocatedBytes + b.AllocatedBytes, a.GcPauseMs + b.GcPauseMs);
}

/// <summary>
/// Reads CPU time: this process's, and — on Linux, when the PostgreSQL server runs on this machine and its processes are
/// readable — that of the server's backends connected to <see cref="Database"/> (their process title names the database),
/// so another user's queries on the same server do not count. CPU per request is steadier than requests per second on a
/// shared machine: it does not fall when another process takes the cores.
/// </summary>
internal static class CpuMeter
{
    /// <summary>The database whose backends count; null: no database CPU is read.</summary>
    public static string? Database { get; set; }

    public static CpuUse Read()
    {
        using var self = Process.GetCurrentProcess();
        return new CpuUse(
            self.TotalProcessorTime.TotalMilliseconds, DatabaseMilliseconds(), 0, GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration().TotalMilliseconds);
    }

    private static double? DatabaseMilliseconds()
    {
        if (Database is null || !OperatingSystem.IsLinux())
        {
            return null;
        }

        var ticks = 0L;
        var found = false;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var title = File.ReadAllText(Path.Combine(directory, "cmdline"));
                if (!title.StartsWith("postgres: ", StringComparison.Ordinal) || !title.Contains($" {Database} ", StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields after the command name in parentheses: state is the 3rd, utime the 14th, stime the 15th.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                found = true;
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        // Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every mainstream architecture.
        return found ? ticks * 10.0 : null;
    }
}
