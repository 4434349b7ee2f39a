using System.Security.Cryptography;
using System.Text;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.Appointments.Domain;

/// <summary>
/// A secret calendar address for one worker's or one room's appointments. Calendar apps cannot sign in, so the token in
/// the address is the key: only its SHA-256 is stored (a leaked database does not leak working feed addresses), and
/// revoking makes the address answer 404 at once.
/// </summary>
internal sealed class CalendarFeed : IOfficeScoped
{
    private CalendarFeed()
    {
        TokenHash = "";
    }

    public Guid Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public UserId? WorkerId { get; private set; }

    public Guid? RoomId { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static (CalendarFeed Feed, string Token) Open(OfficeId office, UserId? worker, Guid? room, DateTimeOffset now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new CalendarFeed
        {
            Id = Guid.CreateVersion7(),
            OfficeId = office,
            WorkerId = worker,
            RoomId = room,
            TokenHash = Hash(token),
            CreatedAt = now,
        }, token);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
