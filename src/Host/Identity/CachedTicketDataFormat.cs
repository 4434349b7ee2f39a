using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseWork.Host.Identity;

/// <summary>
/// Remembers, for a short while, what a sign-in cookie decrypted to. Every request of a signed-in user carries the same
/// cookie, and turning it back into a ticket (key derivation, MAC check, AES, deserialising the claims) was about a tenth
/// of the work of reading a timeline (ADR 0042). The same cookie value always decrypts to the same ticket, so this only
/// memoises: expiry, the security stamp check and sign-out work as before, because the cookie handler checks them on the
/// ticket it gets back. Each caller gets its own deep copy, so nothing a request does to its principal reaches another.
/// An entry is used for at most <see cref="Lifetime"/>, so a revoked data-protection key takes effect within that time;
/// a cookie that does not decrypt is never remembered.
/// </summary>
internal sealed class CachedTicketDataFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider time) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>How long a decrypted cookie is remembered.</summary>
    internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>Most cookies remembered at once; when full, everything is forgotten and the cache fills again.</summary>
    internal const int MaxEntries = 4_096;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The format that really protects and unprotects (the cookie handler's own).</summary>
    internal ISecureDataFormat<AuthenticationTicket> Inner => inner;

    /// <summary>Cookies remembered now (for tests).</summary>
    internal int Count => _entries.Count;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var key = purpose is null ? protectedText : purpose + "\n" + protectedText;
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && now < entry.Until)
        {
            return entry.Ticket.Clone();
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is null)
        {
            _entries.TryRemove(key, out _);
            return null;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = new Entry(ticket.Clone(), now + Lifetime);
        return ticket;
    }

    private sealed record Entry(AuthenticationTicket Ticket, DateTimeOffset Until);
}

/// <summary>Wraps the application cookie's ticket format (set up by the cookie handler's own post-configuration, which runs first) in <see cref="CachedTicketDataFormat"/>.</summary>
internal sealed class CacheCookieTickets(TimeProvider time) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != IdentityConstants.ApplicationScheme || options.TicketDataFormat is CachedTicketDataFormat)
        {
            return;
        }

        options.TicketDataFormat = new CachedTicketDataFormat(
            options.TicketDataFormat ?? throw new InvalidOperationException("The cookie handler's ticket format is not set up yet."), time);
    }
}
