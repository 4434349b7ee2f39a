namespace CaseWork.BuildingBlocks.Notifications;

/// <summary>
/// The address people reach CaseWork at from outside a request (links in emails and messages sent by jobs): the
/// <c>PublicBaseUrl</c> setting, or where the host listens when it is not set (right for a single machine, as in the
/// embedded default).
/// </summary>
public interface IPublicAddress
{
    /// <summary>The absolute URL of <paramref name="path"/> (a path starting with a slash).</summary>
    string Absolute(string path);
}
