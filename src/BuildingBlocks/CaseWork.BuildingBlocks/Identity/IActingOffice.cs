using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.BuildingBlocks.Identity;

/// <summary>
/// Lets code that runs without a signed-in user (integration-event handlers, jobs working office by office, a
/// partner agency's secret link) act for one office, so the office query filters apply to it as to a user.
/// </summary>
public interface IActingOffice
{
    /// <summary>Acts for <paramref name="office"/> until the returned scope is disposed.</summary>
    IDisposable Enter(OfficeId office);
}
