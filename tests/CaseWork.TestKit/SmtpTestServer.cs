using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CaseWork.TestKit;

/// <summary>
/// A real SMTP server on loopback for one test: Debian's aiosmtpd (installed by scripts/test.sh) writing every
/// message it accepts into a maildir, read back here. Configure the host with <see cref="HostSettings"/>.
/// </summary>
public sealed partial class SmtpTestServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;
    private readonly string _mailDirectory;
    private bool _disposed;

    private SmtpTestServer(Process process, string mailDirectory, int port)
    {
        _process = process;
        _mailDirectory = mailDirectory;
        Port = port;
    }

    /// <summary>The port the server listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>Host settings that point CaseWork's mail sender at this server.</summary>
    public IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:EnableSsl"] = "false",
        ["Email:From"] = "buero@casework.test",
    };

    /// <summary>Starts a server on a free port and waits until it accepts connections.</summary>
    public static async Task<SmtpTestServer> StartAsync()
    {
        var mailDirectory = Path.Combine(Path.GetTempPath(), "cw-smtp-" + Guid.NewGuid().ToString("N"));
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(mailDirectory, sub));
        }

        var port = FreePort();
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", mailDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start aiosmtpd");
        var server = new SmtpTestServer(process, mailDirectory, port);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"aiosmtpd exited ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()} — install python3-aiosmtpd (scripts/test.sh does)");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await server.DisposeAsync();
        throw new TimeoutException("aiosmtpd did not start listening within 20 s");
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedEmail> Messages()
    {
        var folder = Path.Combine(_mailDirectory, "new");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(folder)
            .Select(f => new FileInfo(f))
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => ReceivedEmail.Parse(File.ReadAllText(f.FullName)))];
    }

    /// <summary>Waits for the first message that <paramref name="match"/> accepts; null when none arrived within <paramref name="timeout"/>.</summary>
    public async Task<ReceivedEmail?> WaitForAsync(Func<ReceivedEmail, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Messages().FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                return null;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived (or the timeout passes) and returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_mailDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A message as the SMTP server stored it: headers decoded, body decoded from base64 or quoted-printable.</summary>
public sealed partial record ReceivedEmail(string From, string To, string Subject, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Parses a single-part RFC 5322 message (what CaseWork sends).</summary>
    public static ReceivedEmail Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var normalized = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var headerText = split < 0 ? normalized : normalized[..split];
        var body = split < 0 ? string.Empty : normalized[(split + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in headerText.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && last is not null)
            {
                headers[last] += " " + line.Trim();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }

        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit").Trim().ToLowerInvariant();
        var decoded = encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\n').Select(l => l.Trim())))),
            "quoted-printable" => DecodeQuotedPrintable(body),
            _ => body,
        };
        return new ReceivedEmail(
            DecodeWords(headers.GetValueOrDefault("From", string.Empty)),
            DecodeWords(headers.GetValueOrDefault("To", string.Empty)),
            DecodeWords(headers.GetValueOrDefault("Subject", string.Empty)),
            decoded.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'),
            headers);
    }

    private static string DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var joined = text.Replace("=\n", string.Empty, StringComparison.Ordinal);
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    // RFC 2047 encoded words: =?charset?B|Q?text?=, adjacent words joined without the space between them.
    private static string DecodeWords(string value) =>
        EncodedWord().Replace(AdjacentWords().Replace(value, "?=$1=?"), match =>
        {
            var charset = Encoding.GetEncoding(match.Groups["charset"].Value);
            var text = match.Groups["text"].Value;
            return match.Groups["kind"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? charset.GetString(Convert.FromBase64String(text))
                : DecodeQuotedPrintable(text.Replace('_', ' '));
        });

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<kind>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=(\s+)=\?")]
    private static partial Regex AdjacentWords();
}
